//! The application state shared by every handler, and start-up.

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::crypto::SecretBox;
use crate::db::Db;
use crate::hashing::PasswordHasher;
use crate::outbox::{FileTransport, MailTransport, SmtpTransport, Worker, WorkerStats};
use crate::web::metrics::Metrics;
use anyhow::Context;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Notify;

/// Everything a request handler may use: one shared [`Shared`] behind an
/// `Arc`, because axum clones the state for every extractor and
/// middleware of every request (a clone of all the fields took about 3 %
/// of the server's CPU besides the password hash; docs/BENCHMARKS.md,
/// session 4).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The fields of [`AppState`].
pub struct Shared {
    /// Validated configuration.
    pub config: Arc<Config>,
    /// The shared database (all durable state lives here).
    pub db: Db,
    /// Current time; a manual clock in tests.
    pub clock: Arc<dyn Clock>,
    /// Argon2id on a bounded pool of threads.
    pub hasher: PasswordHasher,
    /// Encryption of secrets at rest (outbox bodies, later TOTP keys).
    pub secrets: SecretBox,
    /// Wakes this node's outbox worker after an enqueue.
    pub outbox_wake: Arc<Notify>,
    /// Where local-mode mails are written (`<data dir>/mails`).
    pub local_mail_dir: PathBuf,
    /// Request and login counters for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// Outbox worker counters for `/metrics`.
    pub worker_stats: Arc<WorkerStats>,
    /// The WebAuthn relying party for passkeys (MFA-20 … MFA-24): RP id =
    /// host of `public_url`, origin = `public_url`. Built once at start.
    pub webauthn: Arc<webauthn_rs::Webauthn>,
    /// Wakes this node's SMS worker after an enqueue (PRF-6).
    pub sms_wake: Arc<Notify>,
    /// Document storage (local directory or S3-compatible), encrypted per
    /// object with keys wrapped by the master key.
    pub ablage: ablage::Ablage,
}

/// Optional replacements for tests: a manual clock.
#[derive(Default)]
pub struct Overrides {
    pub clock: Option<Arc<dyn Clock>>,
}

impl AppState {
    /// Connects to the database, applies migrations and starts the hashing
    /// threads. The master key comes from configuration; in SQLite mode
    /// without one, a key file is created in the data directory.
    pub async fn build(config: Config, overrides: Overrides) -> anyhow::Result<Self> {
        let db = Db::connect(&config.database_url, config.database_connections).await?;
        // A fresh installation offers the shipped eServices (APP-2); after
        // that, operators load and activate definitions with the CLI.
        crate::portal::antraege::definitionen::erstausstattung(&db, chrono::Utc::now().timestamp()).await?;
        let key = match config.master_key {
            Some(k) => k,
            None if db.kind == crate::db::DbKind::Sqlite => local_master_key(&config.data_dir)?,
            None => {
                anyhow::bail!("JOBCENTER_MASTER_KEY: mit PostgreSQL ist ein gemeinsamer Schlüssel für alle Knoten nötig (64 Hex-Zeichen)")
            }
        };
        let webauthn = Arc::new(crate::konto::mfa::passkey::relying_party(&config)?);
        let keys =
            config.old_master_keys.iter().fold(ablage::Schluesselbund::new(&config.master_key_id, key), |b, (id, k)| b.with_alt(id, *k));
        let ablage =
            ablage::Ablage::oeffnen(config.storage.ziel(), keys).with_context(|| format!("Dokumentenablage {:?}", config.storage))?;
        Ok(Self(Arc::new(Shared {
            webauthn,
            ablage,
            hasher: PasswordHasher::start(config.argon2_threads),
            secrets: SecretBox::with_ids(&config.master_key_id, &key, &config.old_master_keys),
            local_mail_dir: config.data_dir.join("mails"),
            clock: overrides.clock.unwrap_or_else(|| Arc::new(SystemClock)),
            outbox_wake: Arc::new(Notify::new()),
            sms_wake: Arc::new(Notify::new()),
            metrics: Arc::new(Metrics::default()),
            worker_stats: Arc::new(WorkerStats::default()),
            config: Arc::new(config),
            db,
        })))
    }

    /// The current time in unix seconds.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Host name used in Message-IDs.
    pub fn mail_host(&self) -> String {
        self.config.public_url.host_str().unwrap_or("localhost").to_owned()
    }

    /// The outbox worker for this node, with the configured transport.
    pub fn worker(&self) -> anyhow::Result<Worker> {
        let transport: Arc<dyn MailTransport> = match &self.config.smtp_url {
            Some(url) => Arc::new(SmtpTransport::new(url, self.config.mail_from.clone())?),
            None => Arc::new(FileTransport::new(self.local_mail_dir.clone(), self.config.mail_from.clone())?),
        };
        Ok(Worker {
            writer: self.db.writer.clone(),
            secrets: self.secrets.clone(),
            clock: self.clock.clone(),
            transport,
            stats: self.worker_stats.clone(),
        })
    }

    /// The SMS worker for this node: the HTTP gateway if one is configured,
    /// else the logging sender (local mode).
    pub fn sms_worker(&self) -> anyhow::Result<crate::sms::SmsWorker> {
        let sender: Arc<dyn crate::sms::SmsSender> = match &self.config.sms_gateway {
            Some(g) => Arc::new(crate::sms::HttpGateway::new(g.clone(), self.config.sms_sender.clone())?),
            None => Arc::new(crate::sms::LogSender),
        };
        Ok(crate::sms::SmsWorker { writer: self.db.writer.clone(), secrets: self.secrets.clone(), clock: self.clock.clone(), sender })
    }
}

fn local_master_key(data_dir: &std::path::Path) -> anyhow::Result<[u8; 32]> {
    let path = data_dir.join("master.key");
    if !path.exists() {
        std::fs::create_dir_all(data_dir)?;
        std::fs::write(&path, hex::encode(crate::crypto::random_bytes::<32>())).with_context(|| format!("writing {}", path.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let bytes = hex::decode(text.trim()).ok().filter(|b| b.len() == 32).context("master.key is damaged")?;
    let mut key = [0u8; 32];
    key.copy_from_slice(&bytes);
    Ok(key)
}
