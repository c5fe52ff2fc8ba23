//! The HTTP phases of the `antraege` scenario: the pages one request at a
//! time (interleaved, each client on its own keep-alive connection), the
//! server CPU per page, and the submissions all at once with the server's
//! RSS sampled.

use crate::http1::Connection;
use crate::procfs::{self, RssSamples};
use anyhow::{Context, bail, ensure};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Barrier;

/// A signed-in client with its two drafts.
#[derive(Clone)]
pub struct Kunde {
    /// `name=value` of the session cookie.
    pub cookie: String,
    /// The standard draft (the applicant and 3 more in the household).
    pub entwurf: String,
    /// The large draft (the 10-page receipt).
    pub gross: String,
    /// "Weiter" on a step of the standard draft: the path
    /// (`/antraege/{entwurf}/schritt/{schritt}`), the form without its
    /// idempotency key, and where it leads.
    pub weiter: (String, String, String),
}

/// The measured requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anfrage {
    Profil,
    Zusammenfassung,
    Weiter,
    ZusammenfassungGross,
}

impl Anfrage {
    pub const ALLE: [Anfrage; 4] = [Anfrage::Profil, Anfrage::Zusammenfassung, Anfrage::Weiter, Anfrage::ZusammenfassungGross];

    pub fn name(self) -> &'static str {
        match self {
            Anfrage::Profil => "GET /profil (reference)",
            Anfrage::Zusammenfassung => "GET …/zusammenfassung (standard)",
            Anfrage::Weiter => "POST …/schritt/haushalt_personen weiter",
            Anfrage::ZusammenfassungGross => "GET …/zusammenfassung (large)",
        }
    }
}

/// Body lengths of the checked pages, to tell them from an error page.
pub struct Laengen {
    zusammenfassung: usize,
    gross: usize,
}

/// One request of `art` for `k`; checks the answer; the time it took.
async fn eine(conn: &mut Connection, k: &Kunde, art: Anfrage, l: &Laengen) -> anyhow::Result<Duration> {
    let t = Instant::now();
    let (r, erwartet) = match art {
        Anfrage::Profil => (conn.get("/profil", Some(&k.cookie)).await?, None),
        Anfrage::Zusammenfassung => {
            (conn.get(&format!("/antraege/{}/zusammenfassung", k.entwurf), Some(&k.cookie)).await?, Some(l.zusammenfassung))
        }
        Anfrage::ZusammenfassungGross => {
            (conn.get(&format!("/antraege/{}/zusammenfassung", k.gross), Some(&k.cookie)).await?, Some(l.gross))
        }
        Anfrage::Weiter => {
            let (pfad, form, ziel) = &k.weiter;
            let body = format!("{form}&idempotenz={}", crate::sendung::schluessel());
            let r = conn.post_form(pfad, Some(&k.cookie), &body).await?;
            let took = t.elapsed();
            ensure!(
                r.status == 303 && r.location.as_deref() == Some(ziel),
                "POST {pfad}: {} to {:?}, expected {ziel}",
                r.status,
                r.location
            );
            return Ok(took);
        }
    };
    let took = t.elapsed();
    ensure!(r.status == 200, "{}: status {} to {:?}", art.name(), r.status, r.location);
    if let Some(n) = erwartet {
        ensure!(r.body_len.abs_diff(n) * 50 <= n, "{}: {} bytes, the checked page had {n}", art.name(), r.body_len);
    }
    Ok(took)
}

/// Checks both summaries of the first client in full (no open point, the
/// button "Antrag absenden") and notes their lengths.
pub async fn pruefen(base: &str, k: &Kunde) -> anyhow::Result<Laengen> {
    let authority = base.trim_start_matches("http://");
    let mut conn = Connection::new(base)?;
    let mut laengen = Vec::new();
    for id in [&k.entwurf, &k.gross] {
        let pfad = format!("/antraege/{id}/zusammenfassung");
        let (status, body) = crate::sendung::holen(authority, &k.cookie, &pfad).await?;
        ensure!(status == 200, "GET {pfad}: status {status}");
        ensure!(!body.contains("fehleruebersicht"), "GET {pfad}: the summary lists open points");
        ensure!(body.contains("Antrag absenden"), "GET {pfad}: no button \"Antrag absenden\"");
        ensure!(body.contains("Anna-Lena") && body.contains("DE89370400440532013000"), "GET {pfad}: answers missing");
        let r = conn.get(&pfad, Some(&k.cookie)).await?;
        ensure!(r.status == 200, "GET {pfad}: status {}", r.status);
        laengen.push(r.body_len);
    }
    Ok(Laengen { zusammenfassung: laengen[0], gross: laengen[1] })
}

/// `warmup + requests` rounds; round `n` uses client `n mod clients` and
/// every kind of request once, in an order rotating with `n`. Latencies of
/// the measured rounds, by kind (as in [`Anfrage::ALLE`]).
pub async fn seiten(base: &str, kunden: &[Kunde], l: &Laengen, warmup: usize, requests: usize) -> anyhow::Result<Vec<Vec<Duration>>> {
    let mut conns: Vec<Connection> = kunden.iter().map(|_| Connection::new(base)).collect::<anyhow::Result<_>>()?;
    let mut serien = vec![Vec::with_capacity(requests); Anfrage::ALLE.len()];
    for n in 0..warmup + requests {
        let c = n % kunden.len();
        for j in 0..Anfrage::ALLE.len() {
            let i = (n + j) % Anfrage::ALLE.len();
            let took = eine(&mut conns[c], &kunden[c], Anfrage::ALLE[i], l).await?;
            if n >= warmup {
                serien[i].push(took);
            }
        }
    }
    Ok(serien)
}

/// Server CPU per request of each kind, each repeated alone `n` times
/// (one at a time): (server ms, load generator ms) per request.
pub async fn cpu(base: &str, pid: u32, kunden: &[Kunde], l: &Laengen, n: usize) -> anyhow::Result<Vec<(f64, f64)>> {
    let mut conns: Vec<Connection> = kunden.iter().map(|_| Connection::new(base)).collect::<anyhow::Result<_>>()?;
    let mut out = Vec::new();
    for art in Anfrage::ALLE {
        println!("      {} × {} …", n, art.name());
        let window = procfs::CpuWindow::open(pid)?;
        for k in 0..n {
            let c = k % kunden.len();
            eine(&mut conns[c], &kunden[c], art, l).await?;
        }
        let cpu = window.close()?;
        out.push((cpu.server_secs() * 1000.0 / n as f64, cpu.own_secs() * 1000.0 / n as f64));
    }
    Ok(out)
}

/// What one burst of submissions did.
pub struct Sendungen {
    pub wall: Duration,
    pub absenden: Vec<Duration>,
    pub quittungen: Vec<Duration>,
    /// Bytes of each receipt.
    pub pdf_bytes: Vec<usize>,
    pub fehler: Vec<String>,
    pub idle_kib: u64,
    pub hwm_reset: bool,
    /// `VmHWM` after the burst (since the reset, if it worked).
    pub hwm_kib: u64,
    pub rss: RssSamples,
}

/// All clients send draft `id_von(k)` at once (`POST …/absenden` with a
/// fresh idempotency key, each on its own connection opened and checked
/// with `GET /profil` before); with `quittung`, each then downloads its
/// receipt. The server's peak RSS is reset just before and `VmRSS`
/// sampled every 50 ms.
pub async fn absenden(
    base: &str,
    pid: u32,
    kunden: &[Kunde],
    id_von: fn(&Kunde) -> &String,
    quittung: bool,
    sprache: Option<&str>,
) -> anyhow::Result<Sendungen> {
    let n = kunden.len();
    let bereit = Arc::new(Barrier::new(n + 1));
    let los = Arc::new(Barrier::new(n + 1));
    let mut jobs = tokio::task::JoinSet::new();
    for k in kunden {
        let mut conn = Connection::new(base)?;
        let (id, bereit, los) = (id_von(k).clone(), bereit.clone(), los.clone());
        let cookie = match sprache {
            Some(s) => format!("{}; jc_sprache={s}", k.cookie),
            None => k.cookie.clone(),
        };
        jobs.spawn(async move {
            let vorab = conn.get("/profil", Some(&cookie)).await;
            bereit.wait().await;
            los.wait().await;
            let r = vorab?;
            ensure!(r.status == 200, "GET /profil: status {}", r.status);
            let t = Instant::now();
            let r = conn
                .post_form(&format!("/antraege/{id}/absenden"), Some(&cookie), &format!("idempotenz={}", crate::sendung::schluessel()))
                .await?;
            let gesendet = t.elapsed();
            let ziel = format!("/antraege/{id}?hinweis=gesendet");
            ensure!(r.status == 303 && r.location.as_deref() == Some(ziel.as_str()), "absenden: {} to {:?}", r.status, r.location);
            if !quittung {
                return anyhow::Ok((gesendet, None));
            }
            let t = Instant::now();
            let r = conn.get(&format!("/antraege/{id}/eingangsbestaetigung"), Some(&cookie)).await?;
            ensure!(r.status == 200 && r.body_len > 10_000, "eingangsbestaetigung: status {}, {} bytes", r.status, r.body_len);
            Ok((gesendet, Some((t.elapsed(), r.body_len))))
        });
    }
    bereit.wait().await;
    let idle_kib = procfs::status_kib(pid, "VmRSS")?;
    // "5" resets the peak (VmHWM) to the current RSS (proc(5), clear_refs).
    let hwm_reset = std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok();
    let sampler = procfs::RssSampler::start(pid, Duration::from_millis(50));
    let start = Instant::now();
    los.wait().await;
    let mut s = Sendungen {
        wall: Duration::ZERO,
        absenden: Vec::new(),
        quittungen: Vec::new(),
        pdf_bytes: Vec::new(),
        fehler: Vec::new(),
        idle_kib,
        hwm_reset,
        hwm_kib: 0,
        rss: RssSamples::default(),
    };
    while let Some(done) = jobs.join_next().await {
        match done.context("a client task failed")? {
            Ok((gesendet, q)) => {
                s.absenden.push(gesendet);
                if let Some((took, bytes)) = q {
                    s.quittungen.push(took);
                    s.pdf_bytes.push(bytes);
                }
            }
            Err(e) => s.fehler.push(format!("{e:#}")),
        }
    }
    s.wall = start.elapsed();
    s.hwm_kib = procfs::status_kib(pid, "VmHWM")?;
    s.rss = sampler.stop().await;
    Ok(s)
}

/// (sent applications, work items) in the server's database, read beside
/// the running server.
pub async fn zaehlen(database_url: &str) -> anyhow::Result<(i64, i64)> {
    use sqlx::Connection as _;
    let mut db = sqlx::SqliteConnection::connect(database_url).await.with_context(|| format!("opening {database_url}"))?;
    let gesendet: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM applications WHERE state = 'gesendet'").fetch_one(&mut db).await?;
    let arbeit: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM work_items").fetch_one(&mut db).await?;
    db.close().await?;
    Ok((gesendet, arbeit))
}

/// One receipt fetched whole: its page count.
pub async fn quittung_seiten(base: &str, k: &Kunde, id: &str, sprache: &str) -> anyhow::Result<usize> {
    let authority = base.trim_start_matches("http://");
    let cookie = format!("{}; jc_sprache={sprache}", k.cookie);
    let (status, body) = crate::sendung::holen(authority, &cookie, &format!("/antraege/{id}/eingangsbestaetigung")).await?;
    if status != 200 {
        bail!("GET …/eingangsbestaetigung: status {status}");
    }
    Ok(crate::antraege_daten::seiten(body.as_bytes()))
}
