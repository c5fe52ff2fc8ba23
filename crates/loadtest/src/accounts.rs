//! A fresh temporary data directory with a SQLite database and confirmed
//! accounts, created through the jobcenter library itself (same migrations,
//! same PHC strings as a real registration).

use anyhow::{Context, ensure};
use jobcenter::app::{AppState, Overrides};
use jobcenter::config::{Config, RawConfig};
use jobcenter::konto::store;
use std::time::{Duration, Instant};

/// The password of every load-test account.
pub const PASSWORD: &str = "Lasttest-Passwort-2024!";

/// The prepared data directory; dropping it deletes the directory.
pub struct Fixture {
    /// Temporary data directory (SQLite file, `master.key`, mails, log).
    pub dir: tempfile::TempDir,
    /// `sqlite://<dir>/jc.db`.
    pub database_url: String,
    /// One e-mail address per client, index = client number.
    pub emails: Vec<String>,
    /// Time taken to hash and insert the accounts.
    pub setup_time: Duration,
    /// TOTP secret per account (index as in `emails`); empty unless asked
    /// for with [`Setup::totp`].
    pub totp_secrets: Vec<Vec<u8>>,
}

/// What [`prepare_with`] adds beyond confirmed accounts.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// `JOBCENTER_MASTER_KEY` (64 hex digits) for the setup state; the
    /// server must get the same one to open the sealed TOTP secrets.
    pub master_key: Option<String>,
    /// Give every account a TOTP factor (sealed like `totp::submit` does)
    /// and mark the passkey offer dismissed, so a login ends on `/konto`.
    pub totp: bool,
}

/// 32 random bytes as 64 hex digits, for `JOBCENTER_MASTER_KEY`.
pub fn random_master_key() -> String {
    jobcenter::crypto::random_bytes::<32>().iter().map(|b| format!("{b:02x}")).collect()
}

/// The library's state on the data directory `dir` and `database_url`
/// (migrated on opening), for filling a database before the server starts.
pub async fn open_state(dir: &std::path::Path, database_url: &str, master_key: Option<String>) -> anyhow::Result<AppState> {
    let raw =
        RawConfig { database_url: Some(database_url.to_owned()), data_dir: dir.display().to_string(), master_key, ..RawConfig::default() };
    AppState::build(Config::from_raw(raw)?, Overrides::default()).await.context("opening the load-test database")
}

/// Closes both connection pools of `state`, so the server process is the
/// only one holding the database.
pub async fn close_state(state: AppState) {
    state.db.pool.close().await;
    state.db.writer.close().await;
}

/// Creates the directory, migrates the database and inserts `n` confirmed
/// accounts with [`PASSWORD`] (each hashed with its own salt on the
/// library's hashing pool), then closes the state again.
pub async fn prepare(n: usize) -> anyhow::Result<Fixture> {
    prepare_with(n, &Setup::default()).await
}

/// [`prepare`] with the extras of `setup`.
pub async fn prepare_with(n: usize, setup: &Setup) -> anyhow::Result<Fixture> {
    let start = Instant::now();
    let dir = tempfile::Builder::new().prefix("jobcenter-loadtest-").tempdir().context("creating the temporary data directory")?;
    let database_url = format!("sqlite://{}", dir.path().join("jc.db").display());
    let state = open_state(dir.path(), &database_url, setup.master_key.clone()).await?;

    let mut jobs = tokio::task::JoinSet::new();
    for i in 0..n {
        let hasher = state.hasher.clone();
        jobs.spawn(async move { (i, hasher.hash(PASSWORD).await) });
    }
    let mut hashes = vec![String::new(); n];
    while let Some(done) = jobs.join_next().await {
        let (i, phc) = done.context("hashing task failed")?;
        hashes[i] = phc?;
    }

    let emails: Vec<String> = (0..n).map(|i| format!("last{i:04}@loadtest.example")).collect();
    let now = state.now();
    let mut totp_secrets = Vec::new();
    let mut tx = state.db.begin().await?;
    for (address, phc) in emails.iter().zip(&hashes) {
        let email = domain::Email::parse(address).map_err(|e| anyhow::anyhow!("{address}: {e}"))?;
        let id = jobcenter::db::new_id();
        ensure!(store::insert_account(&mut tx, &id, &email, phc, "de", now).await?, "{address} exists already");
        ensure!(store::confirm_email(&mut tx, &id, now).await?, "{address} could not be confirmed");
        if setup.totp {
            let secret = jobcenter::crypto::random_bytes::<20>().to_vec();
            sqlx::query(
                "INSERT INTO totp_factors (account_id, secret_sealed, account_label, created_at, last_step, failed_count, locked_until)
                 VALUES ($1, $2, $3, $4, 0, 0, 0)",
            )
            .bind(&id)
            .bind(state.secrets.seal(&format!("totp:{id}"), &secret))
            .bind(&state.config.totp_issuer)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE accounts SET passkey_offer_dismissed = 1 WHERE id = $1").bind(&id).execute(&mut *tx).await?;
            totp_secrets.push(secret);
        }
    }
    tx.commit().await?;
    close_state(state).await;
    Ok(Fixture { dir, database_url, emails, setup_time: start.elapsed(), totp_secrets })
}
