//! The load driver: concurrent full logins over HTTP.
//!
//! A full login is what a browser does: `GET /anmelden` (the form),
//! `POST /anmelden` (no redirect following; 303 with the session cookie)
//! and `GET` of the page the 303 names, with that cookie (200). That page
//! was `/konto`; since the second-factor gate (MFA-1) it is
//! `/sicherheitshinweis` for an account without a second factor, so what is
//! measured is the password stage of the login. Every client task has its
//! own HTTP client (own keep-alive connection), its own account and its own
//! cookie, which it carries by hand so that each login starts as a fresh
//! visitor. The HTTP client is the small one in [`crate::http1`]: the
//! load generator shares the cores with the server.
//!
//! Besides full logins, the driver can repeat the two page views alone
//! ([`Flow::FormPage`], [`Flow::LandingPage`] with the cookie of the
//! client's last login), so the CPU cost of each step can be told apart.

use crate::http1::Connection;
use crate::procfs::CpuUse;
use anyhow::{Context, ensure};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Name of the session cookie (without a `__Host-` prefix on plain http).
pub const SESSION_COOKIE: &str = "jc_sitzung";

/// What each client does once per ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `GET /anmelden`, `POST /anmelden`, `GET` of the page it names.
    Login,
    /// `GET /anmelden` only.
    FormPage,
    /// `GET` of the page after the password, with the session of the
    /// client's last login.
    LandingPage,
}

/// One client per account; shared between phases.
pub struct Driver {
    clients: Vec<Client>,
}

#[derive(Clone)]
struct Client {
    /// The client's own keep-alive connection (a client runs one flow at
    /// a time; the lock is never contended).
    http: Arc<tokio::sync::Mutex<Connection>>,
    email: Arc<str>,
    /// `kennung=…&passwort=…`, URL-encoded once.
    form: Arc<str>,
    /// From the last login: where it led and the session cookie.
    landing: Arc<Mutex<Option<Landing>>>,
}

/// The page a login led to and `name=value` of its session cookie.
#[derive(Debug, Clone)]
struct Landing {
    path: String,
    cookie: String,
}

/// What one phase produced.
#[derive(Debug, Default)]
pub struct Phase {
    /// Latency of every successful flow.
    pub latencies: Vec<Duration>,
    /// Failed flows by error message.
    pub errors: BTreeMap<String, usize>,
    /// Where successful logins led (the 303 after the password).
    pub landings: BTreeMap<String, usize>,
    /// From the start of the first flow to the end of the last one.
    pub wall: Duration,
}

impl Phase {
    /// Failed flows.
    pub fn error_count(&self) -> usize {
        self.errors.values().sum()
    }

    /// Successful flows per second of wall time.
    pub fn per_sec(&self) -> f64 {
        self.latencies.len() as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    /// Nearest-rank percentile (`p` in 0..=100) of the latency.
    pub fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        if sorted.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }

    /// Appends a later round of the same measurement: its figures and its
    /// wall time.
    pub fn append_round(&mut self, other: Phase) {
        self.wall += other.wall;
        self.merge(other);
    }

    /// Adds another client's figures (latencies, errors, landings).
    pub fn merge(&mut self, other: Phase) {
        self.latencies.extend(other.latencies);
        for (k, v) in other.errors {
            *self.errors.entry(k).or_insert(0) += v;
        }
        for (k, v) in other.landings {
            *self.landings.entry(k).or_insert(0) += v;
        }
    }
}

/// A phase with the CPU the server and this program used during it.
#[derive(Default)]
pub struct Measured {
    pub phase: Phase,
    pub cpu: CpuUse,
}

impl Measured {
    /// Adds a later round of the same measurement.
    pub fn append_round(&mut self, other: Measured) {
        self.cpu.add(&other.cpu);
        self.phase.append_round(other.phase);
    }

    pub fn ok(&self) -> f64 {
        self.phase.latencies.len().max(1) as f64
    }
    /// Server CPU per successful unit, ms.
    pub fn server_ms(&self) -> f64 {
        self.cpu.server_secs() * 1000.0 / self.ok()
    }
    /// Server and load-generator CPU per successful unit, ms.
    pub fn total_ms(&self) -> f64 {
        (self.cpu.server_secs() + self.cpu.own_secs()) * 1000.0 / self.ok()
    }
    pub fn argon_ms(&self) -> f64 {
        self.cpu.server.ticks("argon2") as f64 * 1000.0 / crate::procfs::TICKS_PER_SEC / self.ok()
    }
    /// Share of the machine other processes used.
    pub fn others_share(&self, cores: usize) -> f64 {
        self.cpu.others_secs() / (self.phase.wall.as_secs_f64() * cores as f64).max(1e-9)
    }
    pub fn attempted(&self) -> usize {
        self.phase.latencies.len() + self.phase.error_count()
    }
}

impl Driver {
    /// One client per address in `emails` (the concurrency).
    pub fn new(base: &str, emails: &[String], password: &str) -> anyhow::Result<Self> {
        let clients = emails
            .iter()
            .map(|email| {
                let form: String = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("kennung", email)
                    .append_pair("passwort", password)
                    .finish();
                Ok(Client {
                    http: Arc::new(tokio::sync::Mutex::new(Connection::new(base)?)),
                    email: email.as_str().into(),
                    form: form.into(),
                    landing: Arc::default(),
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Self { clients })
    }

    /// Runs `total` flows spread over all clients (each client takes the
    /// next ticket when its flow is done) and waits for all of them.
    pub async fn run(&self, flow: Flow, total: usize) -> Phase {
        let tickets = Arc::new(AtomicUsize::new(0));
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for client in &self.clients {
            let client = client.clone();
            let tickets = tickets.clone();
            tasks.spawn(async move {
                let mut phase = Phase::default();
                while tickets.fetch_add(1, Ordering::Relaxed) < total {
                    let t = Instant::now();
                    let outcome = match flow {
                        Flow::Login => client.login().await,
                        Flow::FormPage => client.form_page().await,
                        Flow::LandingPage => client.landing_page().await,
                    };
                    match outcome {
                        Ok(()) => {
                            phase.latencies.push(t.elapsed());
                            if flow == Flow::Login
                                && let Some(landing) = client.last_landing()
                            {
                                *phase.landings.entry(landing.path).or_insert(0) += 1;
                            }
                        }
                        Err(e) => *phase.errors.entry(short(&format!("{e:#}"))).or_insert(0) += 1,
                    }
                }
                phase
            });
        }
        let mut all = Phase::default();
        while let Some(done) = tasks.join_next().await {
            match done {
                Ok(phase) => all.merge(phase),
                Err(e) => *all.errors.entry(format!("client task failed: {e}")).or_insert(0) += 1,
            }
        }
        all.wall = start.elapsed();
        all
    }
}

impl Client {
    /// One full login; an error names the step and what was wrong.
    async fn login(&self) -> anyhow::Result<()> {
        self.form_page().await?;

        let r = self.http.lock().await.post_form("/anmelden", None, &self.form).await.context("POST /anmelden")?;
        ensure!(r.status == 303, "POST /anmelden ({}): status {}", self.email, r.status);
        let path = r.location.clone().unwrap_or_default();
        ensure!(path.starts_with('/') && !path.starts_with("//"), "POST /anmelden: redirect to '{path}'");
        let cookie = r.cookie(SESSION_COOKIE).context("POST /anmelden: no session cookie")?.to_owned();
        if let Ok(mut slot) = self.landing.lock() {
            *slot = Some(Landing { path, cookie });
        }

        self.landing_page().await
    }

    /// `GET /anmelden` without a cookie: 200 and the whole page.
    async fn form_page(&self) -> anyhow::Result<()> {
        let r = self.http.lock().await.get("/anmelden", None).await.context("GET /anmelden")?;
        ensure!(r.status == 200, "GET /anmelden: status {}", r.status);
        Ok(())
    }

    /// `GET` of the page the last login led to, with its session cookie:
    /// 200 and the whole page.
    async fn landing_page(&self) -> anyhow::Result<()> {
        let Landing { path, cookie } = self.last_landing().context("no login yet")?;
        let r = self.http.lock().await.get(&path, Some(&cookie)).await.with_context(|| format!("GET {path}"))?;
        ensure!(r.status == 200, "GET {path}: status {}", r.status);
        Ok(())
    }

    fn last_landing(&self) -> Option<Landing> {
        self.landing.lock().ok().and_then(|l| l.clone())
    }
}

/// First 160 characters of an error message (errors are grouped by it).
fn short(message: &str) -> String {
    message.chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let phase = Phase { latencies: (1..=100).map(Duration::from_millis).collect(), ..Phase::default() };
        assert_eq!(phase.percentile(50.0), Duration::from_millis(50));
        assert_eq!(phase.percentile(99.0), Duration::from_millis(99));
        assert_eq!(phase.percentile(100.0), Duration::from_millis(100));
    }
}
