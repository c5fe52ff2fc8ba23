//! The release server as a separate process: `jobcenter serve` on a free
//! local port, with the load-test data directory and raised login limits.

use crate::accounts::Fixture;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// How long the server may take to answer `/readyz`.
const READY_TIMEOUT: Duration = Duration::from_secs(60);

/// Finds the `jobcenter` binary: `explicit`, else next to this program
/// (`target/release/jobcenter`). Started by `cargo run`, this program
/// brings that binary up to date first (`cargo run -p loadtest` does not
/// build other packages' binaries, and a stale server would not match the
/// database this program prepares with the current library); otherwise it
/// builds it only if it is missing.
pub fn locate(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(path) = explicit {
        if !path.is_file() {
            bail!("--server {}: no such file", path.display());
        }
        return Ok(path);
    }
    let exe = std::env::current_exe().context("finding this program's path")?;
    let dir = exe.parent().context("this program has no directory")?;
    let bin = dir.join("jobcenter");
    let under_cargo = std::env::var_os("CARGO").is_some();
    if !bin.is_file() || under_cargo {
        build_server(dir)?;
    } else if is_older(&bin, &exe) {
        println!(
            "note: {} is older than this program; if the jobcenter crate changed, run `cargo build --release -p jobcenter -p loadtest`",
            bin.display()
        );
    }
    if !bin.is_file() {
        bail!("{} is missing; build it with `cargo build --release -p jobcenter -p loadtest`", bin.display());
    }
    Ok(bin)
}

/// Whether `a` was modified before `b`.
fn is_older(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(x), Some(y)) if x < y)
}

/// `cargo build --release -p jobcenter -p loadtest` for the workspace this
/// program was built from (only release builds are measured).
fn build_server(target_dir: &Path) -> anyhow::Result<()> {
    if !target_dir.ends_with("release") {
        bail!("the server must be a release build; run `cargo build --release -p jobcenter -p loadtest`");
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    println!("building the server if needed: cargo build --release -p jobcenter -p loadtest …");
    let status = std::process::Command::new(cargo)
        // The same package set as the documented build command, so that
        // shared dependencies keep one feature set and nothing is rebuilt.
        .args(["build", "--release", "-p", "jobcenter", "-p", "loadtest"])
        .current_dir(&workspace)
        .status()
        .context("running cargo")?;
    if !status.success() {
        bail!("cargo build --release -p jobcenter -p loadtest failed ({status})");
    }
    Ok(())
}

/// A running server process; [`Server::stop`] kills it (so does dropping).
pub struct Server {
    child: tokio::process::Child,
    /// Process id (for `/proc`).
    pub pid: u32,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Time from spawn until `/readyz` answered 200.
    pub ready_after: Duration,
    log: PathBuf,
}

impl Server {
    /// Starts `bin serve` on a free port with the fixture's database (plus
    /// `extra_env`) and waits for `/readyz`.
    pub async fn start(bin: &Path, fixture: &Fixture, extra_env: &[(String, String)]) -> anyhow::Result<Self> {
        let port = free_port()?;
        let dir = fixture.dir.path();
        let log = dir.join("server.log");
        let out = std::fs::File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        let err = out.try_clone()?;
        let mut cmd = tokio::process::Command::new(bin);
        // Only our settings: no inherited JOBCENTER_* and no jobcenter.toml.
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("JOBCENTER_") {
                cmd.env_remove(key);
            }
        }
        cmd.arg("serve")
            .current_dir(dir)
            .env("JOBCENTER_CONFIG", dir.join("keine-datei.toml"))
            .env("JOBCENTER_LISTEN", format!("127.0.0.1:{port}"))
            .env("JOBCENTER_DATABASE_URL", &fixture.database_url)
            .env("JOBCENTER_DATA_DIR", dir)
            .env("JOBCENTER_LOG", "warn")
            .env("JOBCENTER_RATE_LIMITS__LOGIN_PER_ADDRESS", "100000000")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .kill_on_drop(true);
        cmd.envs(extra_env.iter().map(|(k, v)| (k, v)));
        let started = Instant::now();
        let child = cmd.spawn().with_context(|| format!("starting {}", bin.display()))?;
        let pid = child.id().context("the server exited at once")?;
        let mut server = Self { child, pid, base: format!("http://127.0.0.1:{port}"), ready_after: Duration::ZERO, log };
        server.wait_ready(started).await?;
        Ok(server)
    }

    async fn wait_ready(&mut self, started: Instant) -> anyhow::Result<()> {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(2)).build()?;
        let url = format!("{}/readyz", self.base);
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited ({status}) before it was ready:\n{}", self.log_tail(20).join("\n"));
            }
            if let Ok(r) = client.get(&url).send().await
                && r.status().is_success()
            {
                self.ready_after = started.elapsed();
                return Ok(());
            }
            if started.elapsed() > READY_TIMEOUT {
                bail!("the server did not become ready within {READY_TIMEOUT:?}:\n{}", self.log_tail(20).join("\n"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The last `n` lines of the server's output (stdout and stderr).
    pub fn log_tail(&self, n: usize) -> Vec<String> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        lines[lines.len().saturating_sub(n)..].to_vec()
    }

    /// Kills the process and reaps it.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.child.kill().await.context("stopping the server")
    }
}

/// A port that was free a moment ago on 127.0.0.1.
fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}
