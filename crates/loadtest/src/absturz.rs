//! The crash test of "Datei hochladen" (`loadtest absturz`): the release
//! server (SQLite, local storage directory) is killed with SIGKILL while up
//! to 200 sendings are in flight, and restarted on the same data directory,
//! 20 times. Then, with the server running:
//!
//! 1. every sending that was answered with its 303 receipt is there: its
//!    `upload_files` row (SQLite, read-only) has the SHA-256 and size of what
//!    was sent, and its receipt page lists that SHA-256;
//! 2. every `upload_files` row has its object in the storage directory;
//! 3. after the sweep no file in the storage directory lacks a row. The
//!    sweep (housekeeping, run by the worker at start and every 5 minutes)
//!    removes objects without a row older than an hour by their
//!    modification time, so the server is stopped, every file's mtime set
//!    back by two hours, and the server started once more.
//!
//! Files the storage crate leaves while an object is being written
//! (`<key>#<n>`, object_store's staging files) are counted apart: the sweep
//! does not see them, since the store's listing hides them.
//!
//! Prints a closing line; exits with 1 on any violation.

use crate::kunden;
use crate::sendung::{self, Datei};
use crate::server::{self, Server};
use anyhow::Context;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Settings of the crash test.
#[derive(clap::Args, Debug, Clone)]
pub struct AbsturzArgs {
    /// Kill-and-restart cycles.
    #[arg(long, default_value_t = 20)]
    pub loops: usize,
    /// Sendings started at once in each cycle.
    #[arg(long, default_value_t = 200)]
    pub concurrency: usize,
    /// Client accounts (the sendings are spread over them).
    #[arg(long, default_value_t = 20)]
    pub clients: usize,
    /// Smallest file, KB.
    #[arg(long, default_value_t = 10)]
    pub min_kb: usize,
    /// Largest file, KB.
    #[arg(long, default_value_t = 2000)]
    pub max_kb: usize,
    /// Longest wait before the kill, ms (the wait is uniform in
    /// 50..max; 200 sendings of about 1 MB take 4–8 s on 2 cores).
    #[arg(long, default_value_t = 6000)]
    pub max_delay_ms: u64,
    /// Keep the data directory (its path is printed).
    #[arg(long)]
    pub keep: bool,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
}

/// A sending the server answered with its receipt.
#[derive(Debug, Clone)]
struct Quittiert {
    upload_id: String,
    client: usize,
    sha256: String,
    bytes: usize,
}

/// What one cycle did.
struct Zyklus {
    delay: Duration,
    answered_before_kill: usize,
    answered: usize,
    failed: usize,
    restart: Duration,
}

/// Files in the storage directory, sorted by what they are.
#[derive(Debug, Default)]
struct Bestand {
    /// Object keys (paths below the storage directory).
    objekte: BTreeSet<String>,
    /// Staging files `<key>#<n>`.
    staging: Vec<String>,
}

/// A small deterministic generator for sizes and delays (xorshift64*).
struct Zufall(u64);

impl Zufall {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1).max(1)
    }
}

/// The crash test (see the module doc).
pub fn absturz(args: &AbsturzArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.clients > 0 && args.concurrency > 0 && args.min_kb > 0 && args.min_kb <= args.max_kb, "bad sizes or counts");
    let server_bin = server::locate(args.server.clone())?;
    let mut seed = [0u8; 8];
    getrandom::fill(&mut seed).expect("the operating system's random source failed");
    let seed = u64::from_le_bytes(seed) | 1;
    println!(
        "loadtest absturz — {} cycles of {} sendings ({}–{} KB PDFs), SIGKILL at a random moment; seed {seed:#x}",
        args.loops, args.concurrency, args.min_kb, args.max_kb
    );
    let runtime = crate::client_runtime()?;
    let verstoesse = runtime.block_on(async {
        println!("[1/4] {} accounts with TOTP, an office, a client record and a Freischaltcode each …", args.clients);
        let v = kunden::vorbereiten(args.clients).await?;
        let dir = v.fixture.dir.path().to_owned();
        let env = kunden::server_env(&v.master_key);
        let mut srv = Server::start(&server_bin, &v.fixture, &env).await?;
        println!("      {} — server pid {} on {}", dir.display(), srv.pid, srv.base);
        let cookies = kunden::anmelden(&srv.base, &v).await?;
        let mut zufall = Zufall(seed);
        let mut quittiert = Vec::new();
        let mut zyklen = Vec::new();
        println!("[2/4] {} cycles …", args.loops);
        for n in 0..args.loops {
            let (z, q, neu) = zyklus(args, &server_bin, &v.fixture, &env, srv, &cookies, &mut zufall, n).await?;
            srv = neu;
            println!(
                "      cycle {:>2}: kill after {:>4} ms ({:>3} answered by then), {:>3} answered, {:>3} failed; restart {:.2} s",
                n + 1,
                z.delay.as_millis(),
                z.answered_before_kill,
                z.answered,
                z.failed,
                z.restart.as_secs_f64()
            );
            quittiert.extend(q);
            zyklen.push(z);
        }
        let verstoesse = pruefen(&server_bin, &v.fixture, &env, srv, &cookies, &quittiert, &zyklen).await;
        if args.keep {
            println!("      data directory kept: {}", v.fixture.dir.keep().display());
        }
        verstoesse
    })?;
    drop(runtime);
    if verstoesse.is_empty() {
        println!("Crash test passed: every answered sending is stored, every row has its object, no file without a row after the sweep.");
        Ok(())
    } else {
        println!("Crash test FAILED: {} violation(s):", verstoesse.len());
        for v in &verstoesse {
            println!("  - {v}");
        }
        std::process::exit(1);
    }
}

/// One cycle: start the sendings, kill the server after a random delay,
/// collect the answers, restart.
#[expect(clippy::too_many_arguments, reason = "one cycle of the test: its settings, the server and the clients")]
async fn zyklus(
    args: &AbsturzArgs,
    bin: &Path,
    fixture: &crate::accounts::Fixture,
    env: &[(String, String)],
    srv: Server,
    cookies: &[String],
    zufall: &mut Zufall,
    n: usize,
) -> anyhow::Result<(Zyklus, Vec<Quittiert>, Server)> {
    let dateien: Vec<Datei> = (0..args.concurrency)
        .map(|i| {
            let kb = zufall.between(args.min_kb as u64, args.max_kb as u64) as usize;
            Datei::pdf(&format!("z{n}-{i}.pdf"), kb * 1000, zufall.next())
        })
        .collect::<anyhow::Result<_>>()?;
    let authority: Arc<str> = srv.base.trim_start_matches("http://").into();
    let answered = Arc::new(AtomicUsize::new(0));
    let mut jobs = tokio::task::JoinSet::new();
    for (i, datei) in dateien.into_iter().enumerate() {
        let client = i % cookies.len();
        let (authority, cookie, answered) = (authority.clone(), cookies[client].clone(), answered.clone());
        jobs.spawn(async move {
            let antwort = sendung::senden(&authority, &cookie, &datei).await;
            match antwort.as_ref().ok().and_then(|a| a.upload_id()) {
                Some(id) => {
                    answered.fetch_add(1, Ordering::Relaxed);
                    Some(Quittiert { upload_id: id.to_owned(), client, sha256: datei.sha256.clone(), bytes: datei.inhalt.len() })
                }
                None => None,
            }
        });
    }
    let delay = Duration::from_millis(zufall.between(50, args.max_delay_ms.max(50)));
    tokio::time::sleep(delay).await;
    srv.stop().await?; // SIGKILL
    let answered_before_kill = answered.load(Ordering::Relaxed);
    let mut quittiert = Vec::new();
    let mut failed = 0;
    while let Some(done) = jobs.join_next().await {
        match done.context("upload task failed")? {
            Some(q) => quittiert.push(q),
            None => failed += 1,
        }
    }
    keep_log(fixture.dir.path(), &format!("server-{n:02}.log"));
    let started = Instant::now();
    let neu = Server::start(bin, fixture, env).await?;
    let z = Zyklus { delay, answered_before_kill, answered: quittiert.len(), failed, restart: started.elapsed() };
    Ok((z, quittiert, neu))
}

/// Keeps the log of a killed server (a start truncates `server.log`).
fn keep_log(dir: &Path, name: &str) {
    let _ = std::fs::rename(dir.join("server.log"), dir.join(name));
}

/// The checks after the last cycle; returns the violations.
async fn pruefen(
    bin: &Path,
    fixture: &crate::accounts::Fixture,
    env: &[(String, String)],
    srv: Server,
    cookies: &[String],
    quittiert: &[Quittiert],
    zyklen: &[Zyklus],
) -> anyhow::Result<Vec<String>> {
    let mut verstoesse = Vec::new();
    let dir = fixture.dir.path();
    let ablage = dir.join("dokumente");
    let angefangen: usize = zyklen.iter().map(|z| z.answered + z.failed).sum();
    let vor_kill: usize = zyklen.iter().map(|z| z.answered_before_kill).sum();
    println!(
        "[3/4] checking {} answered sendings (of {angefangen} started; {vor_kill} answered before their kill, the rest in flight or refused) …",
        quittiert.len()
    );
    anyhow::ensure!(!quittiert.is_empty(), "no sending was answered; nothing to check");
    let db = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&format!("{}?mode=ro", fixture.database_url))
        .await
        .context("opening the database read-only")?;
    let integritaet: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&db).await?;
    if integritaet != "ok" {
        verstoesse.push(format!("SQLite integrity_check: {integritaet}"));
    }
    // 1. Every answered sending: its row, then its receipt page.
    let authority = srv.base.trim_start_matches("http://").to_owned();
    let mut seiten_ok = 0;
    for q in quittiert {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT sha256, bytes FROM upload_files WHERE upload_id = ?").bind(&q.upload_id).fetch_all(&db).await?;
        if rows != [(q.sha256.clone(), q.bytes as i64)] {
            verstoesse.push(format!("answered sending {}: rows {rows:?}, sent {} ({} bytes)", q.upload_id, q.sha256, q.bytes));
            continue;
        }
        let (status, body) = sendung::holen(&authority, &cookies[q.client], &format!("/dokumente/gesendet/{}", q.upload_id)).await?;
        if status == 200 && body.contains(&q.sha256) {
            seiten_ok += 1;
        } else {
            verstoesse.push(format!("receipt page of {}: status {status}, SHA-256 listed: {}", q.upload_id, body.contains(&q.sha256)));
        }
    }
    println!("      rows with the sent SHA-256 and size, and receipt pages listing it: {seiten_ok} of {}", quittiert.len());
    let ohne_dateien: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM uploads u WHERE NOT EXISTS (SELECT 1 FROM upload_files f WHERE f.upload_id = u.id)")
            .fetch_one(&db)
            .await?;
    if ohne_dateien > 0 {
        verstoesse.push(format!("{ohne_dateien} uploads rows without any upload_files row"));
    }

    // 2. and 3. Rows against files, before and after the sweep.
    let vorher = bestand(&ablage)?;
    let zeilen = schluessel(&db).await?;
    let (fehlend, waisen) = vergleichen(&zeilen, &vorher);
    println!(
        "      storage before the sweep: {} rows, {} objects, {} without a row, {} rows without their object, {} staging files",
        zeilen.len(),
        vorher.objekte.len(),
        waisen.len(),
        fehlend.len(),
        vorher.staging.len()
    );
    db.close().await;

    println!("[4/4] sweep: server stopped, every stored file's mtime set back by 2 hours, server started (housekeeping runs at start) …");
    srv.stop().await?;
    keep_log(dir, "server-vor-sweep.log");
    let zurueck = SystemTime::now() - Duration::from_secs(2 * 3600);
    for pfad in dateien(&ablage)? {
        std::fs::File::options()
            .write(true)
            .open(&pfad)?
            .set_modified(zurueck)
            .with_context(|| format!("setting the mtime of {}", pfad.display()))?;
    }
    let srv = Server::start(bin, fixture, env).await?;
    // Housekeeping's first pass starts with the worker; wait until the
    // orphans are gone or 60 s have passed.
    let db = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect(&format!("{}?mode=ro", fixture.database_url)).await?;
    let start = Instant::now();
    let (nachher, zeilen, fehlend, waisen) = loop {
        let nachher = bestand(&ablage)?;
        let zeilen = schluessel(&db).await?;
        let (fehlend, waisen) = vergleichen(&zeilen, &nachher);
        if waisen.is_empty() || start.elapsed() > Duration::from_secs(60) {
            break (nachher, zeilen, fehlend, waisen);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    println!(
        "      storage after the sweep ({:.1} s): {} rows, {} objects, {} without a row, {} rows without their object, {} staging files",
        start.elapsed().as_secs_f64(),
        zeilen.len(),
        nachher.objekte.len(),
        waisen.len(),
        fehlend.len(),
        nachher.staging.len()
    );
    db.close().await;
    srv.stop().await?;
    for k in fehlend.iter().take(5) {
        verstoesse.push(format!("upload_files row without its object: {k}"));
    }
    if fehlend.len() > 5 {
        verstoesse.push(format!("… {} rows without their object in all", fehlend.len()));
    }
    if !waisen.is_empty() {
        verstoesse.push(format!("{} objects without a row after the sweep (e.g. {})", waisen.len(), waisen[0]));
    }
    if !nachher.staging.is_empty() {
        verstoesse.push(format!(
            "{} staging files of killed writes left in the storage directory after the sweep ({:.1} MB; the sweep does not see them, e.g. {})",
            nachher.staging.len(),
            groesse(&ablage, &nachher.staging) as f64 / 1e6,
            nachher.staging[0]
        ));
    }
    Ok(verstoesse)
}

/// Rows' object keys.
async fn schluessel(db: &sqlx::SqlitePool) -> anyhow::Result<BTreeSet<String>> {
    Ok(sqlx::query_scalar::<_, String>("SELECT object_key FROM upload_files").fetch_all(db).await?.into_iter().collect())
}

/// (rows without their object, objects without a row).
fn vergleichen(zeilen: &BTreeSet<String>, bestand: &Bestand) -> (Vec<String>, Vec<String>) {
    let fehlend = zeilen.difference(&bestand.objekte).cloned().collect();
    let waisen = bestand.objekte.difference(zeilen).cloned().collect();
    (fehlend, waisen)
}

/// Every regular file below `root`.
fn dateien(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut alle = Vec::new();
    let mut offen = vec![root.to_owned()];
    while let Some(d) = offen.pop() {
        for e in std::fs::read_dir(&d).with_context(|| format!("listing {}", d.display()))? {
            let e = e?;
            if e.file_type()?.is_dir() {
                offen.push(e.path());
            } else {
                alle.push(e.path());
            }
        }
    }
    Ok(alle)
}

/// The storage directory's files as object keys and staging files.
fn bestand(root: &Path) -> anyhow::Result<Bestand> {
    let mut b = Bestand::default();
    for pfad in dateien(root)? {
        let key = pfad.strip_prefix(root)?.to_string_lossy().into_owned();
        let staging = key.rsplit_once('#').is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        if staging {
            b.staging.push(key);
        } else {
            b.objekte.insert(key);
        }
    }
    Ok(b)
}

/// Bytes of `keys` below `root`.
fn groesse(root: &Path, keys: &[String]) -> u64 {
    keys.iter().filter_map(|k| std::fs::metadata(root.join(k)).ok()).map(|m| m.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staging_files_are_told_from_objects() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("uploads/2026/11");
        std::fs::create_dir_all(&sub).unwrap();
        for name in ["0190-a", "0190-b#1", "0190-c#x"] {
            std::fs::write(sub.join(name), b"x").unwrap();
        }
        let b = bestand(dir.path()).unwrap();
        assert_eq!(b.staging, vec!["uploads/2026/11/0190-b#1".to_owned()]);
        assert_eq!(b.objekte.len(), 2);
        let zeilen: BTreeSet<String> = ["uploads/2026/11/0190-a".to_owned(), "uploads/2026/11/fehlt".to_owned()].into();
        let (fehlend, waisen) = vergleichen(&zeilen, &b);
        assert_eq!(fehlend, vec!["uploads/2026/11/fehlt".to_owned()]);
        assert_eq!(waisen, vec!["uploads/2026/11/0190-c#x".to_owned()]);
    }
}
