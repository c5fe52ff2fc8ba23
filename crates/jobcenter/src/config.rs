//! Typed configuration: defaults, then `jobcenter.toml`, then `JOBCENTER_*`
//! environment variables. Checked at start; every error names the setting.

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::PathBuf;
use url::Url;

/// Raw settings as read from file and environment, before validation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawConfig {
    pub listen: String,
    pub database_url: Option<String>,
    pub public_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub data_dir: String,
    pub master_key: Option<String>,
    /// The id of the master key (stored with everything it seals or wraps).
    pub master_key_id: String,
    /// Earlier master keys that still open what they sealed, for rotation:
    /// `id:hex[,id:hex…]`.
    pub old_master_keys: Option<String>,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    pub unconfirmed_retention_days: i64,
    pub argon2_threads: usize,
    /// Request-handling threads (tokio workers); 0: half the cores, at
    /// least one.
    pub worker_threads: usize,
    /// Pooled database connections; 0: four readers (plus the one writer)
    /// for SQLite, 16 for PostgreSQL.
    pub database_connections: u32,
    /// Run the server's threads under the kernel's `SCHED_BATCH` policy
    /// (Linux): a waking thread does not preempt a running password hash.
    pub batch_scheduling: bool,
    pub run_worker: bool,
    pub log_format: String,
    /// Log filter, e.g. `info` or `warn,jobcenter=debug`.
    pub log: String,
    /// "Kontoname" shown in authenticator apps (MFA-10).
    pub totp_issuer: String,
    /// Name of the push-approval app in texts (MFA-1).
    pub secure_app_name: String,
    /// Web Push for the Secure-App: the VAPID private key (32 bytes,
    /// base64url); no key, no push (approvals never depend on it).
    pub secure_app_vapid_key: Option<String>,
    /// The VAPID contact (`mailto:…` or `https://…`).
    pub secure_app_vapid_subject: String,
    /// Mail the owner when a login comes from a browser not seen before.
    pub notify_new_browser: bool,
    /// Reverse proxies in front of the nodes whose `X-Forwarded-For` is
    /// trusted (0: none; the TCP peer is the client).
    pub trusted_proxies: usize,
    pub rate_limits: RateLimits,
    /// SMS gateway (PRF-6): the adapter POSTs `{"to", "text"}` as JSON to
    /// this URL; without it SMS are only logged (local mode).
    pub sms_gateway_url: Option<String>,
    /// Bearer token for the SMS gateway.
    pub sms_gateway_token: Option<String>,
    /// Sender name or number shown with SMS.
    pub sms_sender: String,
    /// Documents in a local directory (default `<data dir>/dokumente`),
    /// unless an S3 bucket is configured.
    pub storage_dir: Option<String>,
    /// S3-compatible storage: the bucket (setting it chooses S3).
    pub storage_s3_bucket: Option<String>,
    /// Endpoint of an S3-compatible service other than AWS.
    pub storage_s3_endpoint: Option<String>,
    pub storage_s3_region: String,
    pub storage_s3_access_key_id: Option<String>,
    pub storage_s3_secret_access_key: Option<String>,
    /// "Datei hochladen" (POR-4): largest file in MB.
    pub upload_max_file_mb: u64,
    /// Most files in one sending.
    pub upload_max_files: usize,
    /// Largest sending in MB (all files together).
    pub upload_max_total_mb: u64,
    /// Memory an image may need to be opened (width × height × 4), in MB;
    /// a larger declared size is refused (decompression bombs).
    pub upload_image_memory_mb: u64,
    /// A clamd-protocol scanner (`host:port`); files are scanned before
    /// staff can open them. Unset: no scanning.
    pub clamd_address: Option<String>,
    /// The federal state whose public holidays move deadlines of published
    /// Bescheide (two-letter code, e.g. "NI"); the jobcenter's seat.
    pub delivery_federal_state: String,
    /// Days a document stays available for retrieval before it is posted.
    pub delivery_retrieval_days: u32,
    /// Further days off that move deadlines ("YYYY-MM-DD", comma-separated).
    pub delivery_extra_holidays: String,
    /// Kinds of documents a second member must release before delivery
    /// (four eyes): "bescheid", "nachweis", "schreiben", comma-separated.
    pub delivery_four_eyes: String,
    /// Days an unsent application draft is kept (a reminder mail goes out
    /// a week before it is deleted; APP-2).
    pub application_draft_days: i64,
    /// Hours before a booked appointment until which the client can cancel
    /// it online (POR-5).
    pub appointment_cancel_hours: i64,
    /// Hours before an appointment the reminder (e-mail, SMS) goes out.
    pub appointment_reminder_hours: i64,
}

/// The top-level settings; other `JOBCENTER_*` variables (say, of the test
/// harness) are not ours and are ignored, while unknown keys in the file
/// are an error.
const SETTINGS: &[&str] = &[
    "listen",
    "database_url",
    "public_url",
    "smtp_url",
    "mail_from",
    "data_dir",
    "master_key",
    "master_key_id",
    "old_master_keys",
    "session_idle_minutes",
    "session_absolute_hours",
    "unconfirmed_retention_days",
    "argon2_threads",
    "worker_threads",
    "database_connections",
    "batch_scheduling",
    "run_worker",
    "log_format",
    "log",
    "rate_limits",
    "totp_issuer",
    "secure_app_name",
    "secure_app_vapid_key",
    "secure_app_vapid_subject",
    "notify_new_browser",
    "trusted_proxies",
    "sms_gateway_url",
    "sms_gateway_token",
    "sms_sender",
    "storage_dir",
    "storage_s3_bucket",
    "storage_s3_endpoint",
    "storage_s3_region",
    "storage_s3_access_key_id",
    "storage_s3_secret_access_key",
    "upload_max_file_mb",
    "upload_max_files",
    "upload_max_total_mb",
    "upload_image_memory_mb",
    "clamd_address",
    "delivery_federal_state",
    "delivery_retrieval_days",
    "delivery_extra_holidays",
    "delivery_four_eyes",
    "application_draft_days",
    "appointment_cancel_hours",
    "appointment_reminder_hours",
];

/// Limits for secret-guessing endpoints: attempts per window.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimits {
    /// Failed logins per account identifier per 15 minutes.
    pub login_per_account: i64,
    /// Login attempts per client address per 15 minutes.
    pub login_per_address: i64,
    /// Registrations per client address per hour.
    pub register_per_address: i64,
    /// Mails (reset, resend, user-name reminder, "already registered") per
    /// e-mail address per hour.
    pub mail_per_recipient: i64,
    /// Reset, resend and reminder requests per client address per hour.
    pub recovery_per_address: i64,
    /// Freischaltcode attempts per account per hour (PRF-3).
    pub activation_per_account: i64,
    /// Freischaltcode attempts per client address per hour (PRF-3).
    pub activation_per_address: i64,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            login_per_account: 10,
            login_per_address: 100,
            register_per_address: 20,
            mail_per_recipient: 5,
            recovery_per_address: 30,
            activation_per_account: 10,
            activation_per_address: 30,
        }
    }
}

impl Default for RawConfig {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            database_url: None,
            public_url: None,
            smtp_url: None,
            mail_from: "Jobcenter Digital <kontoservice@jobcenter.example>".into(),
            data_dir: "./data".into(),
            master_key: None,
            master_key_id: "k1".into(),
            old_master_keys: None,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            unconfirmed_retention_days: 7,
            argon2_threads: 0,
            worker_threads: 0,
            database_connections: 0,
            batch_scheduling: true,
            run_worker: true,
            log_format: "json".into(),
            log: "info,sqlx=warn".into(),
            totp_issuer: "Jobcenter".into(),
            secure_app_name: "BA-Secure App".into(),
            secure_app_vapid_key: None,
            secure_app_vapid_subject: "mailto:kontoservice@jobcenter.example".into(),
            notify_new_browser: true,
            trusted_proxies: 0,
            rate_limits: RateLimits::default(),
            sms_gateway_url: None,
            sms_gateway_token: None,
            sms_sender: "Jobcenter".into(),
            storage_dir: None,
            storage_s3_bucket: None,
            storage_s3_endpoint: None,
            storage_s3_region: "eu-central-1".into(),
            storage_s3_access_key_id: None,
            storage_s3_secret_access_key: None,
            upload_max_file_mb: 20,
            upload_max_files: 10,
            upload_max_total_mb: 50,
            upload_image_memory_mb: 256,
            clamd_address: None,
            delivery_federal_state: "NI".into(),
            delivery_retrieval_days: 10,
            delivery_extra_holidays: String::new(),
            delivery_four_eyes: String::new(),
            application_draft_days: 30,
            appointment_cancel_hours: 24,
            appointment_reminder_hours: 24,
        }
    }
}

/// Validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Base URL for links in mails, without a trailing slash.
    pub public_url: Url,
    /// SMTP relay; `None` means local mode (mails are written to files).
    pub smtp_url: Option<Url>,
    /// The `From:` header of every mail.
    pub mail_from: lettre::message::Mailbox,
    /// Where the SQLite file, local mails and the generated key live.
    pub data_dir: PathBuf,
    /// 32-byte master key (hex) for secrets at rest, if configured.
    pub master_key: Option<[u8; 32]>,
    /// The master key's id (`k1` unless rotated).
    pub master_key_id: String,
    /// Earlier master keys by id, still used to open (never to seal).
    pub old_master_keys: Vec<(String, [u8; 32])>,
    pub session_idle_secs: i64,
    pub session_absolute_secs: i64,
    pub unconfirmed_retention_secs: i64,
    /// Hashing threads; 0 at input means one per core.
    pub argon2_threads: usize,
    /// Request-handling threads (always at least one).
    pub worker_threads: usize,
    /// Size of the database pool (always at least one).
    pub database_connections: u32,
    /// Whether the process asks for `SCHED_BATCH` (see [`crate::runtime`]).
    pub batch_scheduling: bool,
    /// Whether `serve` also runs the background worker.
    pub run_worker: bool,
    /// `json` or `pretty`.
    pub log_format: String,
    /// Log filter directives.
    pub log: String,
    /// "Kontoname" in authenticator apps.
    pub totp_issuer: String,
    /// Name of the push-approval app in texts.
    pub secure_app_name: String,
    /// VAPID key and contact for Web Push to Secure-App devices, if set.
    pub secure_app_vapid: Option<([u8; 32], String)>,
    /// Mail on a login from a new browser (MFA-61).
    pub notify_new_browser: bool,
    /// Trusted reverse proxies (for the client address of rate limits).
    pub trusted_proxies: usize,
    pub rate_limits: RateLimits,
    /// SMS gateway (`None`: SMS are logged, not sent).
    pub sms_gateway: Option<SmsGateway>,
    /// Sender name or number of SMS.
    pub sms_sender: String,
    /// Where documents are stored.
    pub storage: Storage,
    /// Limits of "Datei hochladen".
    pub upload: UploadLimits,
    /// The clamd-protocol scanner, if one is configured.
    pub clamd_address: Option<String>,
    /// Rules of electronic delivery (SGB X § 37 Abs. 2a): the holidays and
    /// the retrieval period.
    pub zustellung: Zustellung,
    /// Seconds an unsent application draft is kept.
    pub application_draft_secs: i64,
    /// Seconds before a booked appointment until which it can be cancelled.
    pub appointment_cancel_secs: i64,
    /// Seconds before an appointment its reminder goes out.
    pub appointment_reminder_secs: i64,
}

/// How published documents are delivered and their deadlines computed.
#[derive(Debug, Clone)]
pub struct Zustellung {
    pub land: domain::fristen::Bundesland,
    pub regeln: domain::fristen::Zustellregeln,
    pub zusaetzliche_feiertage: Vec<chrono::NaiveDate>,
    /// Kinds released by a second member before delivery.
    pub vier_augen: Vec<crate::portal::bescheide::Art>,
}

impl Zustellung {
    /// The public holidays of the configured state.
    pub fn feiertage(&self) -> domain::fristen::Feiertage {
        domain::fristen::Feiertage::new(self.land, self.zusaetzliche_feiertage.clone())
    }
}

/// Where documents are stored.
#[derive(Clone)]
pub enum Storage {
    Directory(PathBuf),
    S3 { bucket: String, endpoint: Option<String>, region: String, access_key_id: String, secret_access_key: secrecy::SecretString },
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Storage::Directory(p) => f.debug_tuple("Directory").field(p).finish(),
            Storage::S3 { bucket, endpoint, .. } => f.debug_struct("S3").field("bucket", bucket).field("endpoint", endpoint).finish(),
        }
    }
}

impl Storage {
    /// The storage crate's target.
    pub fn ziel(&self) -> ablage::Ziel {
        use secrecy::ExposeSecret;
        match self {
            Storage::Directory(p) => ablage::Ziel::Verzeichnis(p.clone()),
            Storage::S3 { bucket, endpoint, region, access_key_id, secret_access_key } => ablage::Ziel::S3 {
                allow_http: endpoint.as_deref().is_some_and(|e| e.starts_with("http://")),
                endpoint: endpoint.clone(),
                bucket: bucket.clone(),
                region: region.clone(),
                access_key_id: access_key_id.clone(),
                secret_access_key: secret_access_key.expose_secret().to_owned(),
            },
        }
    }
}

/// Limits of "Datei hochladen" (POR-4), in bytes and files.
#[derive(Debug, Clone, Copy)]
pub struct UploadLimits {
    pub max_file: u64,
    pub max_files: usize,
    pub max_total: u64,
    pub image_memory: u64,
}

/// Where and how SMS are handed over (PRF-6).
#[derive(Debug, Clone)]
pub struct SmsGateway {
    pub url: Url,
    pub token: Option<secrecy::SecretString>,
}

impl Config {
    /// Reads defaults, `jobcenter.toml` (or the file named by
    /// `JOBCENTER_CONFIG`) and `JOBCENTER_*` variables, then validates.
    pub fn load() -> anyhow::Result<Self> {
        let file = std::env::var("JOBCENTER_CONFIG").unwrap_or_else(|_| "jobcenter.toml".into());
        let mut raw: RawConfig = Figment::from(Serialized::defaults(RawConfig::default()))
            .merge(Toml::file(&file))
            .merge(
                Env::prefixed("JOBCENTER_")
                    .ignore(&["CONFIG", "MASTER_KEY"])
                    .filter(|k| {
                        let k = k.as_str().to_ascii_lowercase();
                        SETTINGS.iter().any(|s| k == *s || k.starts_with(&format!("{s}_")) && *s == "rate_limits")
                    })
                    .split("__"),
            )
            .extract()
            .map_err(|e| anyhow::anyhow!("Konfigurationsfehler: {e}"))?;
        // Read as text: figment would parse an all-digit hex key as a number.
        if let Ok(key) = std::env::var("JOBCENTER_MASTER_KEY") {
            raw.master_key = Some(key);
        }
        Self::from_raw(raw)
    }

    /// Validates raw settings. Each error names the setting (as its
    /// environment variable) and what is wrong.
    pub fn from_raw(raw: RawConfig) -> anyhow::Result<Self> {
        let listen: SocketAddr = raw
            .listen
            .parse()
            .with_context(|| format!("JOBCENTER_LISTEN: '{}' ist keine Adresse mit Port (z. B. 127.0.0.1:8080)", raw.listen))?;
        let data_dir = PathBuf::from(&raw.data_dir);
        let database_url = match raw.database_url {
            Some(u) if u.starts_with("sqlite:") || u.starts_with("postgres://") || u.starts_with("postgresql://") => u,
            Some(u) => bail!("JOBCENTER_DATABASE_URL: '{u}' muss mit sqlite:// oder postgres:// beginnen"),
            None => format!("sqlite://{}", data_dir.join("jobcenter.db").display()),
        };
        let public_url = raw.public_url.unwrap_or_else(|| format!("http://localhost:{}", listen.port()));
        let public_url = Url::parse(public_url.trim_end_matches('/'))
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .with_context(|| format!("JOBCENTER_PUBLIC_URL: '{public_url}' ist keine http(s)-Adresse"))?;
        let smtp_url = match raw.smtp_url.filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(s) => {
                let u = Url::parse(&s).ok().filter(|u| matches!(u.scheme(), "smtp" | "smtps") && u.host().is_some());
                Some(u.with_context(|| format!("JOBCENTER_SMTP_URL: '{s}' ist keine smtp://host:port-Adresse"))?)
            }
        };
        let mail_from =
            raw.mail_from.parse().with_context(|| format!("JOBCENTER_MAIL_FROM: '{}' ist keine gültige Absenderadresse", raw.mail_from))?;
        let master_key = match raw.master_key {
            None => None,
            Some(hex_key) => {
                let bytes = hex::decode(hex_key.trim()).ok().filter(|b| b.len() == 32);
                let bytes = bytes.context("JOBCENTER_MASTER_KEY: erwartet werden 64 Hex-Zeichen (32 Byte)")?;
                let mut key = [0u8; 32];
                key.copy_from_slice(&bytes);
                Some(key)
            }
        };
        let key_id_ok = |id: &str| (1..=8).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if !key_id_ok(&raw.master_key_id) {
            bail!("JOBCENTER_MASTER_KEY_ID: 1 bis 8 Kleinbuchstaben oder Ziffern (z. B. k2)");
        }
        let mut old_master_keys = Vec::new();
        for entry in raw.old_master_keys.as_deref().unwrap_or("").split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let parsed = entry.split_once(':').and_then(|(id, hex_key)| {
                let bytes = hex::decode(hex_key.trim()).ok()?;
                Some((id.trim().to_owned(), <[u8; 32]>::try_from(bytes).ok()?))
            });
            match parsed {
                Some((id, key)) if key_id_ok(&id) && id != raw.master_key_id => old_master_keys.push((id, key)),
                _ => bail!("JOBCENTER_OLD_MASTER_KEYS: erwartet wird id:64-Hex-Zeichen[,id:…], jede id anders als JOBCENTER_MASTER_KEY_ID"),
            }
        }
        if !(1..=24 * 60).contains(&raw.session_idle_minutes) {
            bail!("JOBCENTER_SESSION_IDLE_MINUTES: muss zwischen 1 und 1440 liegen");
        }
        if !(1..=72).contains(&raw.session_absolute_hours) {
            bail!("JOBCENTER_SESSION_ABSOLUTE_HOURS: muss zwischen 1 und 72 liegen");
        }
        if raw.unconfirmed_retention_days < 1 {
            bail!("JOBCENTER_UNCONFIRMED_RETENTION_DAYS: muss mindestens 1 sein");
        }
        if raw.totp_issuer.trim().is_empty() || raw.totp_issuer.contains(':') {
            bail!("JOBCENTER_TOTP_ISSUER: darf nicht leer sein und keinen Doppelpunkt enthalten");
        }
        let sms_gateway = match raw.sms_gateway_url.filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(s) => {
                let url = Url::parse(s.trim()).ok().filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
                let url = url.with_context(|| format!("JOBCENTER_SMS_GATEWAY_URL: '{s}' ist keine http(s)-Adresse"))?;
                let token =
                    raw.sms_gateway_token.filter(|t| !t.trim().is_empty()).map(|t| secrecy::SecretString::from(t.trim().to_owned()));
                Some(SmsGateway { url, token })
            }
        };
        if raw.sms_sender.trim().is_empty() || raw.sms_sender.trim().chars().count() > 11 {
            bail!("JOBCENTER_SMS_SENDER: 1 bis 11 Zeichen");
        }
        let secure_app_vapid = match raw.secure_app_vapid_key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => None,
            Some(k) => {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(k).ok().filter(|b| b.len() == 32);
                let Some(key) = bytes.and_then(|b| <[u8; 32]>::try_from(b).ok()).filter(|b| p256::SecretKey::from_slice(b).is_ok()) else {
                    bail!("JOBCENTER_SECURE_APP_VAPID_KEY: erwartet wird ein P-256-Schlüssel (32 Bytes, base64url)");
                };
                let subject = raw.secure_app_vapid_subject.trim();
                if !(subject.starts_with("mailto:") || subject.starts_with("https://")) {
                    bail!("JOBCENTER_SECURE_APP_VAPID_SUBJECT: muss mit mailto: oder https:// beginnen");
                }
                Some((key, subject.to_owned()))
            }
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let worker_threads = match raw.worker_threads {
            0 => (cores / 2).max(1),
            n if n <= 1024 => n,
            _ => bail!("JOBCENTER_WORKER_THREADS: höchstens 1024 (0 = automatisch)"),
        };
        let database_connections = match raw.database_connections {
            0 if crate::db::DbKind::of_url(&database_url) == crate::db::DbKind::Sqlite => 4,
            0 => 16,
            n if n <= 1000 => n,
            _ => bail!("JOBCENTER_DATABASE_CONNECTIONS: höchstens 1000 (0 = automatisch)"),
        };
        let storage = match raw.storage_s3_bucket.filter(|b| !b.trim().is_empty()) {
            None => Storage::Directory(
                raw.storage_dir.filter(|d| !d.trim().is_empty()).map_or_else(|| data_dir.join("dokumente"), PathBuf::from),
            ),
            Some(bucket) => {
                let endpoint = raw.storage_s3_endpoint.filter(|e| !e.trim().is_empty());
                if let Some(e) = &endpoint
                    && !Url::parse(e).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
                {
                    bail!("JOBCENTER_STORAGE_S3_ENDPOINT: '{e}' ist keine http(s)-Adresse");
                }
                let (Some(key), Some(secret)) = (raw.storage_s3_access_key_id, raw.storage_s3_secret_access_key) else {
                    bail!("JOBCENTER_STORAGE_S3_ACCESS_KEY_ID und JOBCENTER_STORAGE_S3_SECRET_ACCESS_KEY: mit einem Bucket nötig");
                };
                Storage::S3 {
                    bucket: bucket.trim().to_owned(),
                    endpoint,
                    region: raw.storage_s3_region.trim().to_owned(),
                    access_key_id: key,
                    secret_access_key: secrecy::SecretString::from(secret),
                }
            }
        };
        if !(1..=100).contains(&raw.upload_max_file_mb) {
            bail!("JOBCENTER_UPLOAD_MAX_FILE_MB: zwischen 1 und 100");
        }
        if !(1..=50).contains(&raw.upload_max_files) {
            bail!("JOBCENTER_UPLOAD_MAX_FILES: zwischen 1 und 50");
        }
        if raw.upload_max_total_mb < raw.upload_max_file_mb || raw.upload_max_total_mb > 500 {
            bail!("JOBCENTER_UPLOAD_MAX_TOTAL_MB: mindestens so groß wie JOBCENTER_UPLOAD_MAX_FILE_MB, höchstens 500");
        }
        if !(16..=4096).contains(&raw.upload_image_memory_mb) {
            bail!("JOBCENTER_UPLOAD_IMAGE_MEMORY_MB: zwischen 16 und 4096");
        }
        const MB: u64 = 1_000_000;
        let upload = UploadLimits {
            max_file: raw.upload_max_file_mb * MB,
            max_files: raw.upload_max_files,
            max_total: raw.upload_max_total_mb * MB,
            image_memory: raw.upload_image_memory_mb * 1024 * 1024,
        };
        let clamd_address = raw.clamd_address.filter(|a| !a.trim().is_empty()).map(|a| a.trim().to_owned());
        let land = domain::fristen::Bundesland::parse(&raw.delivery_federal_state)
            .ok_or_else(|| anyhow::anyhow!("JOBCENTER_DELIVERY_FEDERAL_STATE: ein Länderkürzel wie NI, BY oder BE"))?;
        let zusaetzliche_feiertage = raw
            .delivery_extra_holidays
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| {
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| anyhow::anyhow!("JOBCENTER_DELIVERY_EXTRA_HOLIDAYS: {d} ist kein Datum (JJJJ-MM-TT)"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        if raw.delivery_retrieval_days == 0 {
            bail!("JOBCENTER_DELIVERY_RETRIEVAL_DAYS: mindestens 1");
        }
        let regeln = domain::fristen::Zustellregeln { abholfrist_tage: raw.delivery_retrieval_days, ..Default::default() };
        let vier_augen = raw
            .delivery_four_eyes
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(|k| {
                crate::portal::bescheide::Art::parse(k)
                    .ok_or_else(|| anyhow::anyhow!("JOBCENTER_DELIVERY_FOUR_EYES: {k} ist keine Art (bescheid, nachweis, schreiben)"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let zustellung = Zustellung { land, regeln, zusaetzliche_feiertage, vier_augen };
        if !(8..=365).contains(&raw.application_draft_days) {
            bail!("JOBCENTER_APPLICATION_DRAFT_DAYS: 8 bis 365 (die Erinnerung geht eine Woche vor dem Löschen)");
        }
        if !(0..=336).contains(&raw.appointment_cancel_hours) {
            bail!("JOBCENTER_APPOINTMENT_CANCEL_HOURS: 0 bis 336 Stunden vor dem Termin");
        }
        if !(1..=168).contains(&raw.appointment_reminder_hours) {
            bail!("JOBCENTER_APPOINTMENT_REMINDER_HOURS: 1 bis 168 Stunden vor dem Termin");
        }
        if !matches!(raw.log_format.as_str(), "json" | "pretty") {
            bail!("JOBCENTER_LOG_FORMAT: erlaubt sind 'json' und 'pretty'");
        }
        Ok(Self {
            listen,
            database_url,
            public_url,
            smtp_url,
            mail_from,
            data_dir,
            master_key,
            master_key_id: raw.master_key_id,
            old_master_keys,
            session_idle_secs: raw.session_idle_minutes * 60,
            session_absolute_secs: raw.session_absolute_hours * 3600,
            unconfirmed_retention_secs: raw.unconfirmed_retention_days * 86_400,
            argon2_threads: raw.argon2_threads,
            worker_threads,
            database_connections,
            batch_scheduling: raw.batch_scheduling,
            run_worker: raw.run_worker,
            log_format: raw.log_format,
            log: raw.log,
            totp_issuer: raw.totp_issuer.trim().to_owned(),
            secure_app_name: raw.secure_app_name.trim().to_owned(),
            secure_app_vapid,
            notify_new_browser: raw.notify_new_browser,
            trusted_proxies: raw.trusted_proxies,
            rate_limits: raw.rate_limits,
            sms_gateway,
            sms_sender: raw.sms_sender.trim().to_owned(),
            storage,
            upload,
            clamd_address,
            application_draft_secs: raw.application_draft_days * 86_400,
            appointment_cancel_secs: raw.appointment_cancel_hours * 3600,
            appointment_reminder_secs: raw.appointment_reminder_hours * 3600,
            zustellung,
        })
    }

    /// Cookies get `Secure` and the `__Host-` prefix when the portal is
    /// served over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// Local mode: no SMTP relay, mails go to files and can be read at
    /// `/lokal/postausgang`.
    pub fn local_mail(&self) -> bool {
        self.smtp_url.is_none()
    }

    /// The public URL as a string without trailing slash.
    pub fn base_url(&self) -> String {
        self.public_url.as_str().trim_end_matches('/').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_a_local_sqlite_setup() {
        let c = Config::from_raw(RawConfig::default()).unwrap();
        assert!(c.database_url.starts_with("sqlite://"));
        assert!(c.local_mail());
        assert_eq!(c.base_url(), "http://localhost:8080");
        assert_eq!(c.session_idle_secs, 1800);
        assert!(c.worker_threads >= 1);
        assert_eq!(c.database_connections, 4, "SQLite readers (the writer is one more)");
        assert!(c.batch_scheduling);
        let pg = RawConfig { database_url: Some("postgres://localhost/jc".into()), ..RawConfig::default() };
        assert_eq!(Config::from_raw(pg).unwrap().database_connections, 16);
    }

    #[test]
    fn bad_values_name_the_setting() {
        type Case = (fn(&mut RawConfig), &'static str);
        let cases: [Case; 9] = [
            (|r| r.worker_threads = 5000, "JOBCENTER_WORKER_THREADS"),
            (|r| r.database_connections = 5000, "JOBCENTER_DATABASE_CONNECTIONS"),
            (|r| r.sms_gateway_url = Some("ftp://sms".into()), "JOBCENTER_SMS_GATEWAY_URL"),
            (|r| r.sms_sender = "Jobcenter Region Hannover".into(), "JOBCENTER_SMS_SENDER"),
            (|r| r.listen = "nirgendwo".into(), "JOBCENTER_LISTEN"),
            (|r| r.database_url = Some("mysql://x".into()), "JOBCENTER_DATABASE_URL"),
            (|r| r.public_url = Some("ftp://x".into()), "JOBCENTER_PUBLIC_URL"),
            (|r| r.smtp_url = Some("http://x".into()), "JOBCENTER_SMTP_URL"),
            (|r| r.master_key = Some("abc".into()), "JOBCENTER_MASTER_KEY"),
        ];
        for (mutate, name) in cases {
            let mut raw = RawConfig::default();
            mutate(&mut raw);
            let err = format!("{:#}", Config::from_raw(raw).unwrap_err());
            assert!(err.contains(name), "{err} should name {name}");
        }
    }
}
