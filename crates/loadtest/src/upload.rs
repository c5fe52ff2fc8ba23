//! The `upload` scenario: "Datei hochladen" over HTTP beside its floor.
//!
//! - **Memory** (first, on the fresh server): 20 sendings of one 25 MB PDF
//!   at once; the server's peak RSS (`VmHWM`, reset just before through
//!   `/proc/<pid>/clear_refs`, and `VmRSS` sampled every 20 ms) against its
//!   idle RSS after the sign-ins. Target: at most 64 MiB more.
//! - **Throughput**: 8 clients, each sending 5 MB PDFs one after the other,
//!   in rounds; MB/s of file content. The reference is the **floor**: the
//!   same encrypt-and-store code (`ablage::Ablage`, a writer per file, the
//!   file fed in the chunk size the server's multipart reader hands it)
//!   writing the same bytes to a local directory on the same disk, 8
//!   writers at once on a runtime with one worker per core, no HTTP and no
//!   content check. A floor run comes before the first round, between each
//!   two and after the last (the host drifts; see `floor.rs`). Target:
//!   HTTP ≥ 70 % of the floor.
//!
//! Besides, once after the load: the floor with the server's content
//! checker (`dokumente::pruefung::Pruefer`) fed the same chunks, to tell
//! the checker's share from HTTP's.

use crate::driver::{Measured, Phase};
use crate::procfs::{self, CpuUse, TICKS_PER_SEC};
use crate::report::Machine;
use crate::sendung::{self, Datei};
use crate::{kunden, server};
use anyhow::{Context, ensure};
use bytes::Bytes;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// HTTP throughput target: this share of the floor.
const DURCHSATZ_ZIEL: f64 = 0.70;
/// Memory target: peak RSS at most this much over idle.
const SPEICHER_ZIEL_MIB: f64 = 64.0;
/// One MB as the server counts its upload limits.
const MB: usize = 1_000_000;

/// Settings of the `upload` scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct UploadArgs {
    /// Concurrent clients in the throughput phase.
    #[arg(long, default_value_t = 8)]
    pub clients: usize,
    /// Size of each file in the throughput phase, MB (10^6 bytes).
    #[arg(long, default_value_t = 5)]
    pub file_mb: usize,
    /// Measured rounds, with a floor run before, between and after them.
    #[arg(long, default_value_t = 4)]
    pub rounds: usize,
    /// Sendings per round (all clients together).
    #[arg(long, default_value_t = 48)]
    pub per_round: usize,
    /// Seconds of each floor run.
    #[arg(long, default_value_t = 3)]
    pub floor_secs: u64,
    /// Bytes per `Schreiber::schreiben` call in the floor: the size of the
    /// chunks the server's multipart reader hands its writer (measured with
    /// strace, docs/BENCHMARKS.md).
    #[arg(long, default_value_t = 64 * 1024)]
    pub floor_chunk: usize,
    /// Concurrent sendings in the memory phase (0 skips it).
    #[arg(long, default_value_t = 20)]
    pub memory_uploads: usize,
    /// Size of each file in the memory phase, MB.
    #[arg(long, default_value_t = 25)]
    pub memory_file_mb: usize,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
    /// Extra environment for the server, `KEY=VALUE` (repeatable).
    #[arg(long = "server-env", value_name = "KEY=VALUE", value_parser = crate::parse_env)]
    pub server_env: Vec<(String, String)>,
}

/// One floor run: what the writers stored.
#[derive(Debug, Clone)]
struct Boden {
    bytes: u64,
    elapsed: Duration,
    /// CPU seconds of this process during the run (the client runtime is
    /// blocked meanwhile, so it is the floor's).
    cpu_secs: f64,
}

impl Boden {
    fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn cpu_ms_per_mb(&self) -> f64 {
        self.cpu_secs * 1000.0 / (self.bytes as f64 / 1e6).max(1e-9)
    }
}

/// The memory phase's figures, KiB.
struct Speicher {
    idle_kib: u64,
    peak_kib: u64,
    sampled_max_kib: u64,
    hwm_reset: bool,
    phase: Phase,
}

/// The `upload` scenario (see the module doc). Missing a target is
/// reported, not an error.
pub fn upload(args: &UploadArgs) -> anyhow::Result<()> {
    ensure!(args.clients > 0 && args.rounds > 0 && args.per_round >= args.clients, "--per-round must be at least --clients");
    ensure!(args.floor_chunk > 0, "--floor-chunk must be positive");
    let machine = Machine::detect();
    println!("loadtest upload — {}", machine.describe());
    let server_bin = server::locate(args.server.clone())?;
    let accounts = args.clients.max(args.memory_uploads);

    println!("[1/5] sample files: {} PDFs of {} MB, one of {} MB …", args.clients, args.file_mb, args.memory_file_mb);
    let dateien: Vec<Datei> =
        (0..args.clients).map(|i| Datei::pdf(&format!("scan-{i}.pdf"), args.file_mb * MB, i as u64 + 1)).collect::<anyhow::Result<_>>()?;
    let gross = if args.memory_uploads > 0 { Some(Datei::pdf("gross.pdf", args.memory_file_mb * MB, 99)?) } else { None };

    let runtime = crate::client_runtime()?;
    let (speicher, runden, boeden, mit_pruefer) = runtime.block_on(async {
        println!("[2/5] {accounts} accounts with TOTP, an office, a client record and a Freischaltcode each …");
        let v = kunden::vorbereiten(accounts).await?;
        let mut env = kunden::server_env(&v.master_key);
        let max_file = (args.file_mb.max(args.memory_file_mb) + 5).to_string();
        let max_total = (args.file_mb.max(args.memory_file_mb) * 2 + 10).to_string();
        env.push(("JOBCENTER_UPLOAD_MAX_FILE_MB".into(), max_file));
        env.push(("JOBCENTER_UPLOAD_MAX_TOTAL_MB".into(), max_total));
        env.extend(args.server_env.iter().cloned());
        for (k, val) in &env[1..] {
            println!("      server environment: {k}={val}");
        }
        let srv = server::Server::start(&server_bin, &v.fixture, &env).await?;
        println!("      pid {} on {} (ready after {:.2} s)", srv.pid, srv.base, srv.ready_after.as_secs_f64());
        let outcome = async {
            println!("[3/5] signing in over HTTP (password, TOTP, Freischaltcode) …");
            let cookies = kunden::anmelden(&srv.base, &v).await?;
            let authority: Arc<str> = srv.base.trim_start_matches("http://").into();
            let speicher = match &gross {
                Some(gross) => Some(speicher_phase(args, srv.pid, &authority, &cookies, gross).await?),
                None => None,
            };
            let boden_dir = v.fixture.dir.path().join("boden");
            let (runden, boeden) = durchsatz_phase(args, &machine, srv.pid, &authority, &cookies, &dateien, &boden_dir).await?;
            println!("      floor with the content checker (Ablage + Pruefer) …");
            let mit_pruefer = boden(&boden_dir, &dateien, args.clients, machine.cores, args.floor_secs, args.floor_chunk, true)?;
            anyhow::Ok((speicher, runden, boeden, mit_pruefer))
        }
        .await;
        let log = srv.log_tail(5);
        srv.stop().await?;
        if outcome.is_err() {
            println!("      last server log lines: {log:?}");
        }
        drop(v);
        outcome
    })?;
    drop(runtime);
    bericht(args, &machine, speicher.as_ref(), &runden, &boeden, &mit_pruefer);
    Ok(())
}

/// Idle RSS, then `memory_uploads` sendings of `gross` at once.
async fn speicher_phase(args: &UploadArgs, pid: u32, authority: &Arc<str>, cookies: &[String], gross: &Datei) -> anyhow::Result<Speicher> {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle_kib = procfs::status_kib(pid, "VmRSS")?;
    // "5" resets the peak (VmHWM) to the current RSS (proc(5), clear_refs).
    let hwm_reset = std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok();
    println!(
        "[4/5] memory: idle RSS {:.1} MiB; {} sendings of {:.1} MB at once (VmHWM reset: {hwm_reset}) …",
        idle_kib as f64 / 1024.0,
        args.memory_uploads,
        gross.inhalt.len() as f64 / 1e6
    );
    let sampler = procfs::RssSampler::start(pid, Duration::from_millis(20));
    let start = Instant::now();
    let mut jobs = tokio::task::JoinSet::new();
    for i in 0..args.memory_uploads {
        let (authority, cookie, datei) = (authority.clone(), cookies[i % cookies.len()].clone(), gross.clone());
        jobs.spawn(async move {
            let t = Instant::now();
            (sendung::senden(&authority, &cookie, &datei).await, t.elapsed())
        });
    }
    let mut phase = Phase::default();
    while let Some(done) = jobs.join_next().await {
        zaehlen(&mut phase, done.context("upload task failed")?);
    }
    phase.wall = start.elapsed();
    let samples = sampler.stop().await;
    let hwm = procfs::status_kib(pid, "VmHWM")?;
    println!("      {} ok, {} errors in {:.2} s", phase.latencies.len(), phase.error_count(), phase.wall.as_secs_f64());
    Ok(Speicher { idle_kib, peak_kib: hwm.max(samples.max_kib), sampled_max_kib: samples.max_kib, hwm_reset, phase })
}

fn zaehlen(phase: &mut Phase, (ergebnis, latenz): (anyhow::Result<sendung::Antwort>, Duration)) {
    match ergebnis {
        Ok(a) if a.upload_id().is_some() => phase.latencies.push(latenz),
        Ok(a) => *phase.errors.entry(format!("status {} to {:?}", a.status, a.location)).or_insert(0) += 1,
        Err(e) => *phase.errors.entry(format!("{e:#}").chars().take(160).collect()).or_insert(0) += 1,
    }
}

/// Warm-up (one sending per client), then the rounds between floor runs.
async fn durchsatz_phase(
    args: &UploadArgs,
    machine: &Machine,
    pid: u32,
    authority: &Arc<str>,
    cookies: &[String],
    dateien: &[Datei],
    boden_dir: &Path,
) -> anyhow::Result<(Vec<Measured>, Vec<Boden>)> {
    println!(
        "[5/5] throughput: warm-up ({} sendings), then {} rounds of {} × {} MB …",
        args.clients, args.rounds, args.per_round, args.file_mb
    );
    let warm = runde(authority, cookies, dateien, args.clients).await;
    ensure!(warm.latencies.len() == args.clients, "warm-up failed: {:?}", warm.errors);
    let mut boeden = vec![boden_berichtet("before round 1", boden_dir, dateien, args, machine)?];
    let mut runden = Vec::new();
    for i in 0..args.rounds {
        let window = procfs::CpuWindow::open(pid)?;
        let phase = runde(authority, cookies, dateien, args.per_round).await;
        let cpu = window.close()?;
        let mb = phase.latencies.len() as f64 * dateien[0].inhalt.len() as f64 / 1e6;
        println!(
            "      round {}: {} ok, {} errors in {:.2} s ({:.1} MB/s)",
            i + 1,
            phase.latencies.len(),
            phase.error_count(),
            phase.wall.as_secs_f64(),
            mb / phase.wall.as_secs_f64()
        );
        runden.push(Measured { phase, cpu });
        let title =
            if i + 1 == args.rounds { "after the last round".to_owned() } else { format!("between rounds {} and {}", i + 1, i + 2) };
        boeden.push(boden_berichtet(&title, boden_dir, dateien, args, machine)?);
    }
    Ok((runden, boeden))
}

/// `total` sendings spread over the clients (each takes the next ticket
/// when done), client `i` sending `dateien[i]`.
async fn runde(authority: &Arc<str>, cookies: &[String], dateien: &[Datei], total: usize) -> Phase {
    let tickets = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut jobs = tokio::task::JoinSet::new();
    for (i, datei) in dateien.iter().enumerate() {
        let (authority, cookie, datei, tickets) = (authority.clone(), cookies[i].clone(), datei.clone(), tickets.clone());
        jobs.spawn(async move {
            let mut phase = Phase::default();
            while tickets.fetch_add(1, Ordering::Relaxed) < total {
                let t = Instant::now();
                zaehlen(&mut phase, (sendung::senden(&authority, &cookie, &datei).await, t.elapsed()));
            }
            phase
        });
    }
    let mut all = Phase::default();
    while let Some(done) = jobs.join_next().await {
        match done {
            Ok(p) => all.merge(p),
            Err(e) => *all.errors.entry(format!("client task failed: {e}")).or_insert(0) += 1,
        }
    }
    all.wall = start.elapsed();
    all
}

fn boden_berichtet(title: &str, dir: &Path, dateien: &[Datei], args: &UploadArgs, machine: &Machine) -> anyhow::Result<Boden> {
    let b = boden(dir, dateien, args.clients, machine.cores, args.floor_secs, args.floor_chunk, false)?;
    println!(
        "      floor (Ablage, {} writers, server idle) {title}: {:.1} MB/s ({:.0} MB in {:.2} s; {:.2} ms CPU per MB)",
        args.clients,
        b.mb_per_sec(),
        b.bytes as f64 / 1e6,
        b.elapsed.as_secs_f64(),
        b.cpu_ms_per_mb()
    );
    Ok(b)
}

/// The floor: `writers` tasks on a runtime with `threads` workers, each
/// storing its file again and again through `ablage::Ablage` into `dir`
/// (fed in `chunk`-byte pieces, and through the content checker too if
/// `pruefen`) for `secs` seconds; then `dir` is emptied again.
fn boden(dir: &Path, dateien: &[Datei], writers: usize, threads: usize, secs: u64, chunk: usize, pruefen: bool) -> anyhow::Result<Boden> {
    let ablage = ablage::Ablage::oeffnen(ablage::Ziel::Verzeichnis(dir.to_owned()), ablage::Schluesselbund::new("k1", [7u8; 32]))?;
    let cpu_before = procfs::process_cpu_ticks("self")?;
    let result = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(threads).enable_all().build()?;
                rt.block_on(async {
                    let deadline = Instant::now() + Duration::from_secs(secs);
                    let mut jobs = tokio::task::JoinSet::new();
                    for i in 0..writers {
                        let (ablage, inhalt) = (ablage.clone(), dateien[i % dateien.len()].inhalt.clone());
                        jobs.spawn(schreiben_bis(ablage, inhalt, chunk, pruefen, deadline));
                    }
                    let (mut bytes, mut elapsed) = (0, Duration::ZERO);
                    while let Some(done) = jobs.join_next().await {
                        let (b, e) = done.context("floor writer panicked")??;
                        bytes += b;
                        elapsed = elapsed.max(e);
                    }
                    anyhow::Ok((bytes, elapsed))
                })
            })
            .join()
            .map_err(|_| anyhow::anyhow!("the floor thread panicked"))?
    });
    let cpu_secs = procfs::process_cpu_ticks("self")?.saturating_sub(cpu_before) as f64 / TICKS_PER_SEC;
    let (bytes, elapsed) = result?;
    std::fs::remove_dir_all(dir).with_context(|| format!("emptying {}", dir.display()))?;
    Ok(Boden { bytes, elapsed, cpu_secs })
}

async fn schreiben_bis(
    ablage: ablage::Ablage,
    inhalt: Bytes,
    chunk: usize,
    pruefen: bool,
    deadline: Instant,
) -> anyhow::Result<(u64, Duration)> {
    let start = Instant::now();
    let mut bytes = 0;
    while Instant::now() < deadline {
        let mut pruefer = pruefen.then(|| dokumente::pruefung::Pruefer::new(dokumente::pruefung::Grenzen::default()));
        let mut s = ablage.schreiber(&ablage.neuer_schluessel("boden")).await?;
        for c in inhalt.chunks(chunk) {
            if let Some(p) = &mut pruefer {
                p.feed(c).map_err(|e| anyhow::anyhow!("checker: {e}"))?;
            }
            s.schreiben(c).await?;
        }
        if let Some(p) = pruefer {
            p.finish().map_err(|e| anyhow::anyhow!("checker: {e}"))?;
        }
        s.fertig().await?;
        bytes += inhalt.len() as u64;
    }
    Ok((bytes, start.elapsed()))
}

fn pct(r: f64) -> String {
    if r.is_finite() { format!("{:.1} %", r * 100.0) } else { "–".into() }
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn bericht(args: &UploadArgs, machine: &Machine, speicher: Option<&Speicher>, runden: &[Measured], boeden: &[Boden], mit_pruefer: &Boden) {
    let datei_mb = (args.file_mb * MB) as f64 / 1e6;
    // Each round against the mean of the floor runs around it, weighted by
    // the round's length (as in floor.rs).
    let (mut gewichtet, mut wall, mut mb_gesamt, mut cpu_boden) = (0.0, 0.0, 0.0, 0.0);
    let mut cpu = CpuUse::default();
    let mut phase = Phase::default();
    for (r, w) in runden.iter().zip(boeden.windows(2)) {
        let secs = r.phase.wall.as_secs_f64();
        let mb = r.phase.latencies.len() as f64 * datei_mb;
        gewichtet += (w[0].mb_per_sec() + w[1].mb_per_sec()) / 2.0 * secs;
        cpu_boden += (w[0].cpu_ms_per_mb() + w[1].cpu_ms_per_mb()) / 2.0 * mb;
        wall += secs;
        mb_gesamt += mb;
        cpu.add(&r.cpu);
        let mut p = Phase { latencies: r.phase.latencies.clone(), errors: r.phase.errors.clone(), ..Phase::default() };
        p.wall = r.phase.wall;
        phase.append_round(p);
    }
    let referenz = gewichtet / wall.max(1e-9);
    let rate = mb_gesamt / wall.max(1e-9);
    let boden_cpu = cpu_boden / mb_gesamt.max(1e-9);
    let server_cpu = cpu.server_secs() * 1000.0 / mb_gesamt.max(1e-9);
    let tool_cpu = cpu.own_secs() * 1000.0 / mb_gesamt.max(1e-9);
    let others = cpu.others_secs() / (wall * machine.cores as f64).max(1e-9);
    let raten: Vec<String> = boeden.iter().map(|b| format!("{:.1}", b.mb_per_sec())).collect();

    println!();
    println!(
        "== Result: upload, {} clients × {} MB PDFs, {} rounds of {}, SQLite, local storage directory ==",
        args.clients, args.file_mb, args.rounds, args.per_round
    );
    println!("Machine: {}.", machine.describe());
    println!("{:<36} {:>12}   {:<58} {:>8}   target", "figure", "measured", "reference (same run)", "ratio");
    let row = |name: &str, m: String, r: String, ratio: String, t: &str| println!("{name:<36} {m:>12}   {r:<58} {ratio:>8}   {t}");
    row(
        "upload throughput (file content)",
        format!("{rate:.1} MB/s"),
        format!("Ablage floor {referenz:.1} MB/s (runs {} MB/s)", raten.join(" → ")),
        pct(rate / referenz),
        "≥ 70 % of floor",
    );
    row(
        "CPU per MB (server + tool)",
        format!("{:.2} ms", server_cpu + tool_cpu),
        format!("floor: {boden_cpu:.2} ms per MB (encrypt + hash + write)"),
        pct(boden_cpu / (server_cpu + tool_cpu)),
        "(CPU-based)",
    );
    row("  of it server / load generator", format!("{server_cpu:.2} ms"), format!("{tool_cpu:.2} ms"), String::new(), "");
    for (group, stats) in &cpu.server.groups {
        if stats.ticks > 0 {
            let ms = stats.ticks as f64 / TICKS_PER_SEC * 1000.0 / mb_gesamt.max(1e-9);
            row(&format!("  server threads '{group}'"), format!("{ms:.2} ms"), String::new(), String::new(), "");
        }
    }
    row(
        "floor with the content checker",
        format!("{:.1} MB/s", mit_pruefer.mb_per_sec()),
        format!("{:.2} ms CPU per MB (once, after the load)", mit_pruefer.cpu_ms_per_mb()),
        String::new(),
        "",
    );
    row(
        "latency p50 / p99 per sending",
        format!("{:.0} ms", phase.percentile(50.0).as_secs_f64() * 1000.0),
        format!("p99 {:.0} ms", phase.percentile(99.0).as_secs_f64() * 1000.0),
        String::new(),
        "",
    );
    row("errors", format!("{} of {}", phase.error_count(), phase.latencies.len() + phase.error_count()), String::new(), String::new(), "0");
    for (msg, n) in &phase.errors {
        println!("  error ×{n}: {msg}");
    }
    println!("Other processes used {} of the machine during the rounds (top: {:?}).", pct(others), cpu.others_top);
    let mut verfehlt = false;
    if rate / referenz < DURCHSATZ_ZIEL {
        verfehlt = true;
        println!("TARGET MISSED: upload throughput at {} of the Ablage floor (target ≥ 70 %)", pct(rate / referenz));
    }
    if phase.error_count() > 0 {
        verfehlt = true;
        println!("TARGET MISSED: {} sendings failed", phase.error_count());
    }
    if let Some(s) = speicher {
        let diff = s.peak_kib.saturating_sub(s.idle_kib);
        println!();
        println!(
            "Memory: {} sendings of {} MB at once: idle RSS {}, peak RSS {} (VmHWM{}, sampled max {}), difference {} (target ≤ {SPEICHER_ZIEL_MIB:.0} MiB); {} ok, {} errors, {:.2} s.",
            args.memory_uploads,
            args.memory_file_mb,
            mib(s.idle_kib),
            mib(s.peak_kib),
            if s.hwm_reset { " reset before" } else { " since start" },
            mib(s.sampled_max_kib),
            mib(diff),
            s.phase.latencies.len(),
            s.phase.error_count(),
            s.phase.wall.as_secs_f64()
        );
        for (msg, n) in &s.phase.errors {
            println!("  error ×{n}: {msg}");
        }
        if diff as f64 / 1024.0 > SPEICHER_ZIEL_MIB {
            verfehlt = true;
            println!("TARGET MISSED: peak RSS {} over idle (target ≤ 64 MiB)", mib(diff));
        }
        if s.phase.error_count() > 0 {
            verfehlt = true;
            println!("TARGET MISSED: {} large sendings failed", s.phase.error_count());
        }
    }
    if !verfehlt {
        println!("All targets met.");
    }
}
