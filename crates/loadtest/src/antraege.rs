//! `antraege`: the three benchmarks of "Ihre Vorgänge" and forms as data
//! (issue 14), on "Bürgergeld beantragen" (`formulare/buergergeld.v1.json`).
//!
//! 1. **A form page with a full validation beside the profile start page.**
//!    `GET /antraege/{id}/zusammenfassung` renders the summary and checks
//!    every answer against the schema and the required documents
//!    (`senden::hindernisse`); the reference is `GET /profil`, measured in
//!    the same run, one request at a time, interleaved (and, besides,
//!    "Weiter" on the household step and the summary of the large
//!    application). Target: p99 of the summary ≤ 2 × p99 of `/profil`.
//! 2. **The receipt PDF** of a large application with 10 documents, in
//!    this process (`quittung::pdf`): time per PDF and peak memory
//!    (`antraege_pdf`).
//! 3. **Submissions all at once**: every client sends its standard draft
//!    at the same moment; then every client sends its large draft and
//!    downloads its receipt. The server's `VmRSS` is sampled every 50 ms
//!    and its peak read at the end. Target: RSS < 200 MiB.
//!
//! The clients are made as for `upload` (`kunden`: TOTP, a Freischaltcode
//! redeemed over HTTP); the drafts and their document rows are written
//! before the server starts (`antraege_daten`), and their answers checked
//! with the form's own schema first.

use crate::antraege_daten::{self as daten, STANDARD, Umfang};
use crate::antraege_last::{self as last, Anfrage, Kunde, Sendungen};
use crate::antraege_pdf::{self, PdfZahlen};
use crate::report::Machine;
use crate::{accounts, kunden, procfs, server};
use anyhow::{Context, ensure};
use jobcenter::i18n::Lang;
use std::path::PathBuf;
use std::time::Duration;

/// p99 of the summary at most this multiple of `/profil`'s.
const SEITEN_ZIEL: f64 = 2.0;
/// The server's RSS during the submissions stays under this.
const RSS_ZIEL_MIB: f64 = 200.0;

/// Settings of the `antraege` scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct AntraegeArgs {
    /// Clients, each with a standard and a large draft; all of them send
    /// at once.
    #[arg(long, default_value_t = 50)]
    pub clients: usize,
    /// Measured rounds of the page phase (each: every kind of request once).
    #[arg(long, default_value_t = 400)]
    pub requests: usize,
    /// Unmeasured rounds before them.
    #[arg(long, default_value_t = 40)]
    pub warmup: usize,
    /// Requests of each kind alone, for the server CPU per request.
    #[arg(long, default_value_t = 3000)]
    pub cpu_requests: usize,
    /// Timed receipts in this process.
    #[arg(long, default_value_t = 50)]
    pub pdfs: usize,
    /// Household members (list entries) of the large application.
    #[arg(long, default_value_t = 5)]
    pub gross_mitglieder: usize,
    /// Language of the large application's receipt (de, en, uk; not German:
    /// every text also in German).
    #[arg(long, default_value = "uk")]
    pub sprache: String,
    /// Also write the large application's receipt to this file.
    #[arg(long)]
    pub pdf_ablegen: Option<PathBuf>,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
    /// Extra environment for the server, `KEY=VALUE` (repeatable).
    #[arg(long = "server-env", value_name = "KEY=VALUE", value_parser = crate::parse_env)]
    pub server_env: Vec<(String, String)>,
}

/// What the server phases measured.
struct Lauf {
    serien: Vec<Vec<Duration>>,
    cpu: Vec<(f64, f64)>,
    /// Share of the machine other processes used during the page phase.
    andere: f64,
    standard: Sendungen,
    gross: Sendungen,
    /// (sent applications, work items) after each burst.
    zaehler: [(i64, i64); 2],
    server_seiten: usize,
    peak_kib: u64,
}

/// The `antraege` scenario. Missing a target is reported, not an error.
pub fn antraege(args: &AntraegeArgs) -> anyhow::Result<()> {
    ensure!(args.clients > 0 && args.requests > 0 && args.cpu_requests > 0 && args.pdfs > 0, "counts must be positive");
    ensure!(args.gross_mitglieder <= 20, "--gross-mitglieder: at most 20 (the form's maximum)");
    let sprache = Lang::parse(&args.sprache).context("--sprache: de, en or uk")?;
    let gross = Umfang { mitglieder: args.gross_mitglieder, ausfuehrlich: true };
    let machine = Machine::detect();
    println!("loadtest antraege — {}", machine.describe());
    let server_bin = server::locate(args.server.clone())?;
    println!("server binary: {}", server_bin.display());
    let runtime = crate::client_runtime()?;
    runtime.block_on(async {
        println!("[1/7] {} clients (TOTP, Freischaltcode) in a fresh SQLite database …", args.clients);
        let v = kunden::vorbereiten(args.clients).await?;
        println!("[2/7] answers checked with the form's schema; 2 drafts per client with their document rows …");
        let state = accounts::open_state(v.fixture.dir.path(), &v.fixture.database_url, Some(v.master_key.clone())).await?;
        let def = daten::buergergeld(&state).await?;
        let f = def.formular.clone();
        let arten = [(STANDARD, 2), (gross, 10)];
        for (umfang, n) in arten {
            for i in 0..args.clients {
                daten::pruefen(&f, &daten::antworten(i, umfang), &daten::dateien(n, i))
                    .with_context(|| format!("client {i}, {umfang:?}"))?;
            }
        }
        let clients = daten::kunden(&state).await?;
        ensure!(clients.len() == args.clients, "{} clients in the database", clients.len());
        let ids = daten::entwuerfe(&state, &def.id, &clients, &arten).await?;
        accounts::close_state(state).await;
        println!(
            "      {} fields answered in the standard draft, {} in the large one; 0 errors",
            zahl(&daten::antworten(0, STANDARD)),
            zahl(&daten::antworten(0, gross))
        );

        println!("[3/7] receipt PDF in this process: 1 cold + {} timed, {gross:?}, 10 documents, {} …", args.pdfs, sprache.code());
        let pdf = antraege_pdf::messen(&f, sprache, gross, args.pdfs, args.pdf_ablegen.as_deref())?;
        println!("      {} pages, {} bytes", pdf.seiten, pdf.bytes);
        let teile = antraege_pdf::pruefzeiten(&f, &daten::antworten(0, STANDARD), args.pdfs.max(200));

        println!("[4/7] starting the server, signing in {} clients …", args.clients);
        let mut env = kunden::server_env(&v.master_key);
        env.extend(args.server_env.iter().cloned());
        let srv = server::Server::start(&server_bin, &v.fixture, &env).await?;
        println!("      pid {} on {} (ready after {:.2} s)", srv.pid, srv.base, srv.ready_after.as_secs_f64());
        let outcome = lauf(args, &srv, &v, &f, &ids, sprache).await;
        let log = srv.log_tail(8);
        srv.stop().await?;
        let l = outcome.with_context(|| format!("last lines of the server's log: {log:#?}"))?;
        bericht(args, &machine, &pdf, &l, sprache, teile);
        anyhow::Ok(())
    })
}

/// Fields with an answer, list entries' fields counted one by one.
fn zahl(a: &formulare::Antworten) -> usize {
    a.values().map(|v| v.as_array().map_or(1, |l| l.iter().map(|e| e.as_object().map_or(1, |o| o.len())).sum())).sum()
}

async fn lauf(
    args: &AntraegeArgs,
    srv: &server::Server,
    v: &kunden::Vorbereitet,
    f: &formulare::Formular,
    ids: &[Vec<String>],
    sprache: Lang,
) -> anyhow::Result<Lauf> {
    let cookies = kunden::anmelden(&srv.base, v).await?;
    let schritt = f.dok.schritte.iter().position(|s| s.id == "haushalt_personen").context("no step 'haushalt_personen'")?;
    let kunden: Vec<Kunde> = cookies
        .into_iter()
        .zip(ids)
        .enumerate()
        .map(|(i, (cookie, ids))| {
            let a = daten::antworten(i, STANDARD);
            let d = f.durchlauf(&a);
            let naechster = d.position(schritt).and_then(|p| d.schritte.get(p + 1)).map(|(j, _)| &f.dok.schritte[*j].id);
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.extend_pairs(daten::schritt_eingabe(f, schritt, &a)).append_pair("aktion", "weiter");
            let pfad = format!("/antraege/{}/schritt/haushalt_personen", ids[0]);
            let ziel = format!("/antraege/{}/schritt/{}", ids[0], naechster.map_or("?", String::as_str));
            Kunde { cookie, entwurf: ids[0].clone(), gross: ids[1].clone(), weiter: (pfad, form.finish(), ziel) }
        })
        .collect();
    let laengen = last::pruefen(&srv.base, &kunden[0]).await?;

    println!(
        "[5/7] pages one request at a time, interleaved: {} + {} rounds of {} requests …",
        args.warmup,
        args.requests,
        Anfrage::ALLE.len()
    );
    let window = procfs::CpuWindow::open(srv.pid)?;
    let t = std::time::Instant::now();
    let serien = last::seiten(&srv.base, &kunden, &laengen, args.warmup, args.requests).await?;
    let andere =
        window.close()?.others_secs() / (t.elapsed().as_secs_f64() * std::thread::available_parallelism().map_or(1, |n| n.get()) as f64);
    println!("      server CPU: {} requests of each kind alone …", args.cpu_requests);
    let cpu = last::cpu(&srv.base, srv.pid, &kunden, &laengen, args.cpu_requests).await?;

    println!("[6/7] {} submissions of the standard draft at once …", kunden.len());
    let standard = last::absenden(&srv.base, srv.pid, &kunden, |k| &k.entwurf, false, None).await?;
    let z1 = last::zaehlen(&v.fixture.database_url).await?;
    println!("[7/7] {} submissions of the large draft at once, each followed by its receipt ({}) …", kunden.len(), sprache.code());
    let gross = last::absenden(&srv.base, srv.pid, &kunden, |k| &k.gross, true, Some(sprache.code())).await?;
    let z2 = last::zaehlen(&v.fixture.database_url).await?;
    let server_seiten = last::quittung_seiten(&srv.base, &kunden[0], &kunden[0].gross, sprache.code()).await?;
    let peak_kib = procfs::status_kib(srv.pid, "VmHWM")?;
    Ok(Lauf { serien, cpu, andere, standard, gross, zaehler: [z1, z2], server_seiten, peak_kib })
}

fn perzentil(serie: &[Duration], p: f64) -> Duration {
    let mut s = serie.to_vec();
    s.sort_unstable();
    let rang = ((p / 100.0) * s.len() as f64).ceil() as usize;
    s.get(rang.saturating_sub(1)).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn bericht(args: &AntraegeArgs, machine: &Machine, pdf: &PdfZahlen, l: &Lauf, sprache: Lang, teile: [f64; 3]) {
    let mut verfehlt = Vec::new();
    println!();
    println!("== Result: antraege, {} clients, Bürgergeld, SQLite ==", args.clients);
    println!("Machine: {}. Other processes used {:.1} % of it during the page phase.", machine.describe(), l.andere * 100.0);
    println!();
    println!("1. Pages, one request at a time, interleaved ({} measured of each):", args.requests);
    println!("   {:<44} {:>10} {:>10} {:>10} {:>14}", "request", "p50", "p99", "max", "server CPU");
    for (i, art) in Anfrage::ALLE.iter().enumerate() {
        let s = &l.serien[i];
        println!(
            "   {:<44} {:>10} {:>10} {:>10} {:>11.2} ms",
            art.name(),
            ms(perzentil(s, 50.0)),
            ms(perzentil(s, 99.0)),
            ms(perzentil(s, 100.0)),
            l.cpu[i].0
        );
    }
    let p99 = |i: usize| perzentil(&l.serien[i], 99.0).as_secs_f64();
    let verhaeltnis = p99(1) / p99(0);
    println!(
        "   p99 summary / p99 /profil = {verhaeltnis:.2} (target ≤ {SEITEN_ZIEL}); large summary: {:.2}; Weiter: {:.2}",
        p99(3) / p99(0),
        p99(2) / p99(0)
    );
    println!(
        "   server CPU per request (each kind alone, {} each): summary / /profil = {:.2}, large summary {:.2}, Weiter {:.2}",
        args.cpu_requests,
        l.cpu[1].0 / l.cpu[0].0,
        l.cpu[3].0 / l.cpu[0].0,
        l.cpu[2].0 / l.cpu[0].0
    );
    println!(
        "   in this process, standard answers: full validation {:.0} µs, required documents {:.0} µs, shown answers by step {:.0} µs",
        teile[0], teile[1], teile[2]
    );
    if verhaeltnis > SEITEN_ZIEL {
        verfehlt.push(format!(
            "TARGET MISSED: p99 of the summary (full validation) is {verhaeltnis:.2} × p99 of /profil (target ≤ {SEITEN_ZIEL})"
        ));
    }

    println!();
    let median = perzentil(&pdf.zeiten, 50.0);
    println!(
        "2. Receipt PDF in this process (large application: {} household members, {} documents, language {}):",
        args.gross_mitglieder,
        pdf.dateien,
        sprache.code()
    );
    println!(
        "   {} pages, {:.0} KiB; median {} (p90 {}, min {}, max {}) over {}; first in the process {}",
        pdf.seiten,
        pdf.bytes as f64 / 1024.0,
        ms(median),
        ms(perzentil(&pdf.zeiten, 90.0)),
        ms(perzentil(&pdf.zeiten, 0.0)),
        ms(perzentil(&pdf.zeiten, 100.0)),
        pdf.zeiten.len(),
        ms(pdf.kalt)
    );
    println!(
        "   peak memory over RSS: {:.1} MiB the first one (reads the fonts), {:.1} MiB a later one (VmHWM reset: {})",
        mib(pdf.kalt_kib),
        mib(pdf.warm_kib),
        pdf.reset
    );
    println!(
        "   reference: the standard application's receipt, {} pages, median {}",
        pdf.standard_seiten,
        ms(perzentil(&pdf.standard_zeiten, 50.0))
    );
    println!("   the server's receipt of the same application: {} pages", l.server_seiten);

    println!();
    println!("3. Submissions at once ({} clients; server RSS sampled every 50 ms):", args.clients);
    for (name, s, (gesendet, arbeit), erwartet) in [
        ("standard drafts", &l.standard, l.zaehler[0], args.clients as i64),
        ("large drafts + receipt", &l.gross, l.zaehler[1], 2 * args.clients as i64),
    ] {
        println!(
            "   {name:<24} {} of {} sent (303 to ?hinweis=gesendet) in {}; p50/p99/max {} / {} / {}",
            s.absenden.len(),
            args.clients,
            ms(s.wall),
            ms(perzentil(&s.absenden, 50.0)),
            ms(perzentil(&s.absenden, 99.0)),
            ms(perzentil(&s.absenden, 100.0))
        );
        if !s.quittungen.is_empty() {
            println!(
                "   {:<24} {} receipts, {:.0} KiB each, p50/max {} / {}",
                "",
                s.quittungen.len(),
                s.pdf_bytes.iter().sum::<usize>() as f64 / s.pdf_bytes.len() as f64 / 1024.0,
                ms(perzentil(&s.quittungen, 50.0)),
                ms(perzentil(&s.quittungen, 100.0))
            );
        }
        println!(
            "   {:<24} RSS before {:.1} MiB, sampled max {:.1} MiB ({} samples), VmHWM {:.1} MiB (reset: {}); database: {gesendet} sent, {arbeit} work items",
            "",
            mib(s.idle_kib),
            mib(s.rss.max_kib),
            s.rss.count,
            mib(s.hwm_kib),
            s.hwm_reset
        );
        for e in &s.fehler {
            println!("   error: {e}");
        }
        let spitze = mib(s.hwm_kib.max(s.rss.max_kib));
        if spitze >= RSS_ZIEL_MIB {
            verfehlt.push(format!("TARGET MISSED: {name}: server RSS {spitze:.1} MiB (target < {RSS_ZIEL_MIB} MiB)"));
        }
        if !s.fehler.is_empty() || gesendet != erwartet {
            verfehlt.push(format!(
                "TARGET MISSED: {name}: {} errors, {gesendet} sent applications in the database (expected {erwartet})",
                s.fehler.len()
            ));
        }
    }
    println!("   server peak RSS over its whole life: {:.1} MiB", mib(l.peak_kib));
    println!();
    for v in &verfehlt {
        println!("{v}");
    }
    if verfehlt.is_empty() {
        println!("All targets met.");
    }
}
