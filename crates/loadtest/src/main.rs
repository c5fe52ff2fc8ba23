//! `loadtest`: benchmark programs for Jobcenter Digital (DESIGN.md, section
//! 4 "Benchmarks"). Each scenario drives a real flow over HTTP against the
//! release server running as a separate process and prints every figure
//! beside its physical reference measured in the same run.
//!
//! ```text
//! cargo build --release -p jobcenter -p loadtest
//! cargo run --release -p loadtest -- login
//! cargo run --release -p loadtest -- totp
//! cargo run --release -p loadtest -- passkey
//! cargo run --release -p loadtest -- upload
//! cargo run --release -p loadtest -- absturz
//! cargo run --release -p loadtest -- listen
//! cargo run --release -p loadtest -- antraege
//! ```

mod absturz;
mod accounts;
mod antraege;
mod antraege_daten;
mod antraege_last;
mod antraege_pdf;
mod driver;
mod fanout;
mod floor;
mod http1;
mod kunden;
mod listen;
mod listen_postfach;
mod mfa;
mod procfs;
mod report;
mod sendung;
mod server;
mod upload;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

/// The server's allocator (crates/jobcenter/src/main.rs). The floor's
/// Argon2 memory blocks must come from the same kind of memory as the
/// server's: mimalloc hands out large blocks on transparent huge pages,
/// where a hash runs a few per cent faster than on glibc's 4 KiB pages, so
/// a floor on glibc's memory would be slower than the server's own hashes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "loadtest", about = "Lasttests für Jobcenter Digital (Release-Server als eigener Prozess)")]
struct Cli {
    #[command(subcommand)]
    scenario: Scenario,
}

#[derive(Subcommand)]
enum Scenario {
    /// Full logins (GET /anmelden, POST /anmelden, GET of the page after
    /// the password) beside the raw Argon2id floor of this machine.
    Login(LoginArgs),
    /// Full TOTP logins (POST /anmelden, POST /anmelden/zweiter-faktor
    /// with the current code) beside the raw Argon2id floor.
    Totp(mfa::MfaArgs),
    /// "Mit Passkey anmelden" (options, software authenticator, finish)
    /// beside one signed-in page view (GET /konto).
    Passkey(mfa::MfaArgs),
    /// The staff inbox and the client's Verlauf on a large database beside
    /// the same pages on an almost empty one.
    Listen(listen::ListenArgs),
    /// `login`, `totp` and `passkey` one after the other, with defaults.
    All,
    /// "Datei hochladen": MB/s of 5 MB PDFs beside the encrypt-and-store
    /// floor (`ablage` without HTTP), and peak RSS of 20 × 25 MB at once.
    Upload(upload::UploadArgs),
    /// Crash test of "Datei hochladen": SIGKILL while sendings are in
    /// flight, 20 times; then every answered sending must be stored and
    /// no stored file lack its row. Exits with 1 on any violation.
    Absturz(absturz::AbsturzArgs),
    /// The notifications of a mass publication: 100 000 mails through the
    /// outbox to an SMTP peer beside a small batch, and the server's RSS.
    Fanout(fanout::FanoutArgs),
    /// "Ihre Vorgänge" (issue 14): the summary with a full validation of a
    /// Bürgergeld application beside GET /profil, the receipt PDF of a
    /// large application, and 50 submissions at once with the server's RSS.
    Antraege(antraege::AntraegeArgs),
}

/// Settings of the login scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct LoginArgs {
    /// Concurrent clients; each has its own account and its own cookies.
    #[arg(long, default_value_t = 200)]
    pub concurrency: usize,
    /// Logins in the measured phase (all clients together), spread evenly
    /// over the rounds.
    #[arg(long, default_value_t = 3200)]
    pub logins: usize,
    /// Rounds of the measured phase, with a floor run before, between and
    /// after them (the host's speed drifts; each round is compared with the
    /// floor right before and right after it).
    #[arg(long, default_value_t = 8)]
    pub rounds: usize,
    /// Logins in the unmeasured warm-up phase (opens the connections; at
    /// least one per client).
    #[arg(long, default_value_t = 200)]
    pub warmup: usize,
    /// Seconds of each raw Argon2id floor run.
    #[arg(long, default_value_t = 2)]
    pub floor_secs: u64,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
    /// Extra environment for the server, `KEY=VALUE` (repeatable), for
    /// experiments such as `TOKIO_WORKER_THREADS=1`.
    #[arg(long = "server-env", value_name = "KEY=VALUE", value_parser = parse_env)]
    pub server_env: Vec<(String, String)>,
}

/// `KEY=VALUE` for `--server-env`.
fn parse_env(s: &str) -> Result<(String, String), String> {
    s.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())).ok_or_else(|| format!("'{s}' is not KEY=VALUE"))
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.scenario {
        Scenario::Login(args) => login(&args),
        Scenario::Totp(args) => mfa::totp(&args),
        Scenario::Passkey(args) => mfa::passkey(&args),
        Scenario::Listen(args) => listen::listen(&args),
        Scenario::All => all(),
        Scenario::Upload(args) => upload::upload(&args),
        Scenario::Absturz(args) => absturz::absturz(&args),
        Scenario::Fanout(args) => fanout::fanout(&args),
        Scenario::Antraege(args) => antraege::antraege(&args),
    };
    if let Err(e) = result {
        eprintln!("Fehler: {e:#}");
        std::process::exit(1);
    }
}

/// All three scenarios with their default settings.
fn all() -> anyhow::Result<()> {
    let login_args = Cli::try_parse_from(["loadtest", "login"])?;
    let totp_args = Cli::try_parse_from(["loadtest", "totp"])?;
    let passkey_args = Cli::try_parse_from(["loadtest", "passkey"])?;
    for cli in [login_args, totp_args, passkey_args] {
        match cli.scenario {
            Scenario::Login(args) => login(&args)?,
            Scenario::Totp(args) => mfa::totp(&args)?,
            Scenario::Passkey(args) => mfa::passkey(&args)?,
            _ => {}
        }
        println!();
    }
    Ok(())
}

/// The login scenario: accounts, server, warm-up, floor, load, floor, report.
/// Missing a target is reported, not an error (exit code 0).
fn login(args: &LoginArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.concurrency > 0, "--concurrency must be positive");
    anyhow::ensure!(args.rounds > 0, "--rounds must be positive");
    anyhow::ensure!(
        args.warmup >= args.concurrency && args.logins / args.rounds >= args.concurrency,
        "--warmup and --logins / --rounds must be at least --concurrency (every client logs in at least once per round)"
    );
    let machine = report::Machine::detect();
    println!("loadtest login — {}", machine.describe());
    let server_bin = server::locate(args.server.clone())?;
    println!("server binary: {}", server_bin.display());
    for (key, value) in &args.server_env {
        println!("server environment (experiment): {key}={value}");
    }

    let runtime = client_runtime()?;
    let (fixture, (load, floors), server_log) = runtime.block_on(async {
        println!("[1/4] {} confirmed accounts in a fresh SQLite database …", args.concurrency);
        let fixture = accounts::prepare(args.concurrency).await?;
        println!("      {} in {:.2} s", fixture.dir.path().display(), fixture.setup_time.as_secs_f64());

        println!("[2/4] starting the server …");
        let srv = server::Server::start(&server_bin, &fixture, &args.server_env).await?;
        println!("      pid {} on {} (ready after {:.2} s)", srv.pid, srv.base, srv.ready_after.as_secs_f64());

        let outcome = run_load(args, &machine, &fixture, &srv).await;
        let server_log = srv.log_tail(5);
        let stopped = srv.stop().await;
        let load = outcome?;
        stopped?;
        anyhow::Ok((fixture, load, server_log))
    })?;
    drop(runtime);

    report::print(&report::Report { machine: &machine, args, floors: &floors, load: &load, server_log: &server_log });
    drop(fixture); // deletes the temporary directory
    Ok(())
}

/// The load generator's runtime: one thread. It shares the cores with the
/// server, so it should take as little CPU and wake the scheduler as seldom
/// as it can; every hand-off between two client threads would also preempt
/// one of the server's hashing threads (docs/BENCHMARKS.md).
fn client_runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the tokio runtime")
}

/// Warm-up; the measured phase in rounds with memory sampling and CPU
/// accounting, with a floor run before, between and after the rounds;
/// then the two page views alone, to split the CPU cost of a login by
/// step. The floors are measured while the server runs idle, next to the
/// load in time: the host's speed drifts by up to 20 % within a minute
/// (docs/BENCHMARKS.md), so one floor a minute away compared the load
/// with another machine.
async fn run_load(
    args: &LoginArgs,
    machine: &report::Machine,
    fixture: &accounts::Fixture,
    srv: &server::Server,
) -> anyhow::Result<(report::LoadFigures, floor::Bracketed)> {
    use driver::Flow;
    let driver = driver::Driver::new(&srv.base, &fixture.emails, accounts::PASSWORD)?;
    println!("[3/4] warm-up: {} logins with concurrency {} …", args.warmup, args.concurrency);
    let warm = driver.run(Flow::Login, args.warmup).await;
    println!("      {} ok, {} errors in {:.2} s", warm.latencies.len(), warm.error_count(), warm.wall.as_secs_f64());
    anyhow::ensure!(!warm.latencies.is_empty(), "no login succeeded in the warm-up; errors: {:?}", warm.errors);

    let per_round = args.logins / args.rounds;
    println!(
        "[4/4] measured: {} rounds of {per_round} logins with concurrency {}, floor runs of {} s around them …",
        args.rounds, args.concurrency, args.floor_secs
    );
    let sampler = procfs::RssSampler::start(srv.pid, Duration::from_millis(200));
    let (bracketed, driver::Measured { phase: measured, cpu }) = floor::bracket(machine.cores, args.floor_secs, args.rounds, async |_| {
        let window = procfs::CpuWindow::open(srv.pid)?;
        let phase = driver.run(Flow::Login, per_round).await;
        Ok(driver::Measured { phase, cpu: window.close()? })
    })
    .await?;
    let rss = sampler.stop().await;

    let landing = measured.landings.keys().cloned().collect::<Vec<_>>().join(", ");
    let mut steps = Vec::new();
    for (flow, name) in [(Flow::FormPage, "GET /anmelden".to_owned()), (Flow::LandingPage, format!("GET {landing} (with cookie)"))] {
        let window = procfs::CpuWindow::open(srv.pid)?;
        let phase = driver.run(flow, args.logins).await;
        steps.push(report::Step { name, cpu: window.close()?, phase });
    }
    println!("      step costs: {} × GET /anmelden and {} × GET {landing} alone", args.logins, args.logins);
    let peak_kib = procfs::status_kib(srv.pid, "VmHWM")?;
    Ok((report::LoadFigures { measured, cpu, rss, peak_kib, steps }, bracketed))
}
