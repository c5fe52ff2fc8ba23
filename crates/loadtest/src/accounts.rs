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
}

/// Creates the directory, migrates the database and inserts `n` confirmed
/// accounts with [`PASSWORD`] (each hashed with its own salt on the
/// library's hashing pool), then closes the state again.
pub async fn prepare(n: usize) -> anyhow::Result<Fixture> {
    let start = Instant::now();
    let dir = tempfile::Builder::new().prefix("jobcenter-loadtest-").tempdir().context("creating the temporary data directory")?;
    let database_url = format!("sqlite://{}", dir.path().join("jc.db").display());
    let raw = RawConfig { database_url: Some(database_url.clone()), data_dir: dir.path().display().to_string(), ..RawConfig::default() };
    let state = AppState::build(Config::from_raw(raw)?, Overrides::default()).await.context("opening the load-test database")?;

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
    let mut tx = state.db.begin().await?;
    for (address, phc) in emails.iter().zip(&hashes) {
        let email = domain::Email::parse(address).map_err(|e| anyhow::anyhow!("{address}: {e}"))?;
        let id = jobcenter::db::new_id();
        ensure!(store::insert_account(&mut tx, &id, &email, phc, "de", now).await?, "{address} exists already");
        ensure!(store::confirm_email(&mut tx, &id, now).await?, "{address} could not be confirmed");
    }
    tx.commit().await?;
    state.db.pool.close().await;
    drop(state);
    Ok(Fixture { dir, database_url, emails, setup_time: start.elapsed() })
}
