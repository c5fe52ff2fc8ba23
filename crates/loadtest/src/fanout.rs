//! `fanout`: the notifications of a mass publication ("Bescheide und
//! Nachweise", issue 13): each published document queues one mail without
//! content (`konto::queue_mail(…, "bescheid-neu", …)`, the call the
//! publication makes). Measured: how fast the release server's outbox
//! worker delivers 100 000 of them to a real SMTP peer (a minimal SMTP sink
//! in this program), beside the same worker delivering a small batch in the
//! same run (its normal rate), and the server's peak RSS while it does.
//! Targets: the large batch at ≥ 80 % of the small batch's mails/s, peak
//! RSS under 150 MiB.

use crate::accounts::{self, Setup, random_master_key};
use crate::procfs::RssSampler;
use crate::server::{self, Server};
use anyhow::Context;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Settings of the `fanout` scenario.
#[derive(clap::Args, Debug, Clone)]
pub struct FanoutArgs {
    /// Notifications of the mass publication.
    #[arg(long, default_value_t = 100_000)]
    pub mails: usize,
    /// The reference batch (the worker's normal rate).
    #[arg(long, default_value_t = 2_000)]
    pub reference: usize,
    /// The `jobcenter` binary; default: next to this program.
    #[arg(long)]
    pub server: Option<PathBuf>,
}

/// The large batch may deliver no slower than this share of the reference.
const RATE_TARGET: f64 = 0.8;
/// Peak RSS of the server while it delivers, MiB.
const RSS_TARGET_MIB: f64 = 150.0;

pub fn fanout(args: &FanoutArgs) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
    rt.block_on(run(args))
}

/// One measured batch.
struct Batch {
    mails: usize,
    queue_secs: f64,
    deliver_secs: f64,
    peak_mib: f64,
}

impl Batch {
    fn rate(&self) -> f64 {
        self.mails as f64 / self.deliver_secs
    }
}

async fn run(args: &FanoutArgs) -> anyhow::Result<()> {
    let bin = server::locate(args.server.clone())?;
    let sink = Sink::start().await?;
    println!("loadtest fanout: {} notifications beside {} (SMTP sink on port {})", args.mails, args.reference, sink.port);
    let reference = batch(&bin, &sink, args.reference).await?;
    let large = batch(&bin, &sink, args.mails).await?;
    let ratio = large.rate() / reference.rate();
    println!("\n== Result: fanout, SQLite, outbox worker to a local SMTP peer ==");
    for (name, b) in [("reference", &reference), ("mass publication", &large)] {
        println!(
            "{name:<18} {:>7} mails: queued in {:.1} s, delivered in {:.1} s = {:.0} mails/s, server peak RSS {:.1} MiB",
            b.mails,
            b.queue_secs,
            b.deliver_secs,
            b.rate(),
            b.peak_mib
        );
    }
    println!("rate of the mass publication / reference: {:.2} (target ≥ {RATE_TARGET})", ratio);
    let mut missed = Vec::new();
    if ratio < RATE_TARGET {
        missed.push(format!("delivery rate at {:.0} % of the reference (target ≥ {:.0} %)", ratio * 100.0, RATE_TARGET * 100.0));
    }
    if large.peak_mib >= RSS_TARGET_MIB {
        missed.push(format!("peak RSS {:.1} MiB (target < {RSS_TARGET_MIB} MiB)", large.peak_mib));
    }
    if missed.is_empty() {
        println!("All targets met.");
    }
    for m in missed {
        println!("TARGET MISSED: {m}");
    }
    Ok(())
}

/// Queues `n` notifications in a fresh database, starts the server with its
/// worker and waits until the sink has all of them.
async fn batch(bin: &std::path::Path, sink: &Sink, n: usize) -> anyhow::Result<Batch> {
    let master_key = random_master_key();
    let fixture = accounts::prepare_with(0, &Setup { master_key: Some(master_key.clone()), totp: false }).await?;
    let state = accounts::open_state(fixture.dir.path(), &fixture.database_url, Some(master_key.clone())).await?;
    let started = Instant::now();
    let link = "http://localhost:8080/bescheide/0193a1b2-0000-7000-8000-000000000000";
    for first in (0..n).step_by(1000) {
        let mut tx = state.db.begin().await?;
        for i in first..n.min(first + 1000) {
            let to = format!("kunde{i:06}@fanout.example");
            jobcenter::konto::queue_mail(
                &state,
                &mut tx,
                jobcenter::i18n::Lang::De,
                "bescheid-neu",
                &to,
                &[("art", "Bescheid"), ("link", link)],
            )
            .await?;
        }
        tx.commit().await?;
    }
    let queue_secs = started.elapsed().as_secs_f64();
    accounts::close_state(state).await;

    let before = sink.received.load(Ordering::SeqCst);
    let env =
        [("JOBCENTER_MASTER_KEY".to_owned(), master_key), ("JOBCENTER_SMTP_URL".to_owned(), format!("smtp://127.0.0.1:{}", sink.port))];
    let server = Server::start(bin, &fixture, &env).await?;
    let sampler = RssSampler::start(server.pid, Duration::from_millis(50));
    let start = Instant::now();
    let deadline = start + Duration::from_secs(1800);
    loop {
        let got = sink.received.load(Ordering::SeqCst) - before;
        if got >= n as u64 {
            break;
        }
        anyhow::ensure!(Instant::now() < deadline, "only {got} of {n} mails arrived within 30 minutes");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let deliver_secs = start.elapsed().as_secs_f64();
    let rss = sampler.stop().await;
    server.stop().await?;
    Ok(Batch { mails: n, queue_secs, deliver_secs, peak_mib: rss.max_kib as f64 / 1024.0 })
}

/// A minimal SMTP peer: accepts every mail and counts it.
struct Sink {
    port: u16,
    received: Arc<AtomicU64>,
}

impl Sink {
    async fn start() -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.context("binding the SMTP sink")?;
        let port = listener.local_addr()?.port();
        let received = Arc::new(AtomicU64::new(0));
        let count = received.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let count = count.clone();
                tokio::spawn(async move {
                    let _ = session(socket, count).await;
                });
            }
        });
        Ok(Self { port, received })
    }
}

async fn session(socket: tokio::net::TcpStream, count: Arc<AtomicU64>) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => write.write_all(b"250-sink\r\n250 8BITMIME\r\n").await?,
            "DATA" => {
                write.write_all(b"354 go ahead\r\n").await?;
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                }
                count.fetch_add(1, Ordering::SeqCst);
                write.write_all(b"250 queued\r\n").await?;
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => write.write_all(b"250 OK\r\n").await?,
        }
    }
}
