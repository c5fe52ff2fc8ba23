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
//! ```

mod accounts;
mod driver;
mod floor;
mod mfa;
mod procfs;
mod report;
mod server;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

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
    /// `login`, `totp` and `passkey` one after the other, with defaults.
    All,
}

/// Settings of the login scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct LoginArgs {
    /// Concurrent clients; each has its own account and its own cookies.
    #[arg(long, default_value_t = 200)]
    pub concurrency: usize,
    /// Logins in the measured phase (all clients together).
    #[arg(long, default_value_t = 1500)]
    pub logins: usize,
    /// Logins in the unmeasured warm-up phase (opens the connections; at
    /// least one per client).
    #[arg(long, default_value_t = 200)]
    pub warmup: usize,
    /// Seconds of the raw Argon2id floor measurement.
    #[arg(long, default_value_t = 8)]
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
        Scenario::All => all(),
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
            Scenario::All => {}
        }
        println!();
    }
    Ok(())
}

/// The login scenario: accounts, server, warm-up, floor, load, floor, report.
/// Missing a target is reported, not an error (exit code 0).
fn login(args: &LoginArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.concurrency > 0, "--concurrency must be positive");
    anyhow::ensure!(
        args.warmup >= args.concurrency && args.logins >= args.concurrency,
        "--warmup and --logins must be at least --concurrency (every client logs in at least once)"
    );
    let machine = report::Machine::detect();
    println!("loadtest login — {}", machine.describe());
    let server_bin = server::locate(args.server.clone())?;
    println!("server binary: {}", server_bin.display());
    for (key, value) in &args.server_env {
        println!("server environment (experiment): {key}={value}");
    }

    let runtime = client_runtime()?;
    let (fixture, (load, [floor_before, floor_after]), server_log) = runtime.block_on(async {
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

    report::print(&report::Report { machine: &machine, args, floors: [&floor_before, &floor_after], load: &load, server_log: &server_log });
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

/// Warm-up; the floor right before the measured phase; the measured
/// phase with memory sampling and CPU accounting; the floor right after
/// it; then the two page views alone, to split the CPU cost of a login by
/// step. The floors are measured while the server runs idle, next to the
/// load in time: the host's speed drifts by up to 15 % over a minute
/// (docs/BENCHMARKS.md), so a floor measured before the set-up or after the
/// server stopped compared the load with another machine.
async fn run_load(
    args: &LoginArgs,
    machine: &report::Machine,
    fixture: &accounts::Fixture,
    srv: &server::Server,
) -> anyhow::Result<(report::LoadFigures, [floor::Floor; 2])> {
    use driver::Flow;
    let driver = driver::Driver::new(&srv.base, &fixture.emails, accounts::PASSWORD)?;
    println!("[3/4] warm-up: {} logins with concurrency {} …", args.warmup, args.concurrency);
    let warm = driver.run(Flow::Login, args.warmup).await;
    println!("      {} ok, {} errors in {:.2} s", warm.latencies.len(), warm.error_count(), warm.wall.as_secs_f64());
    anyhow::ensure!(!warm.latencies.is_empty(), "no login succeeded in the warm-up; errors: {:?}", warm.errors);

    let floor_before =
        floor::measure_reported("[4/4] raw Argon2id floor (server idle, right before the load)", machine.cores, args.floor_secs)?;
    println!("      measured: {} logins with concurrency {} …", args.logins, args.concurrency);
    let sampler = procfs::RssSampler::start(srv.pid, Duration::from_millis(200));
    let window = procfs::CpuWindow::open(srv.pid)?;
    let measured = driver.run(Flow::Login, args.logins).await;
    let cpu = window.close()?;
    let rss = sampler.stop().await;
    println!("      {} ok, {} errors in {:.2} s", measured.latencies.len(), measured.error_count(), measured.wall.as_secs_f64());
    let floor_after =
        floor::measure_reported("      raw Argon2id floor (server idle, right after the load)", machine.cores, args.floor_secs)?;

    let landing = measured.landings.keys().cloned().collect::<Vec<_>>().join(", ");
    let mut steps = Vec::new();
    for (flow, name) in [(Flow::FormPage, "GET /anmelden".to_owned()), (Flow::LandingPage, format!("GET {landing} (with cookie)"))] {
        let window = procfs::CpuWindow::open(srv.pid)?;
        let phase = driver.run(flow, args.logins).await;
        steps.push(report::Step { name, cpu: window.close()?, phase });
    }
    println!("      step costs: {} × GET /anmelden and {} × GET {landing} alone", args.logins, args.logins);
    let peak_kib = procfs::status_kib(srv.pid, "VmHWM")?;
    Ok((report::LoadFigures { measured, cpu, rss, peak_kib, steps }, [floor_before, floor_after]))
}
