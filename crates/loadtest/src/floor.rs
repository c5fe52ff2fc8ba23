//! The physical floor of a login: raw Argon2id verifications per second on
//! this machine, one thread per core, each reusing its own memory blocks
//! exactly like the server's hashing pool, through the same function
//! (`jobcenter::hashing::compute`).
//!
//! Besides the wall-clock rate, each thread's own CPU time is read from
//! `/proc/thread-self/stat`, which gives the CPU cost of one hash; that
//! figure does not depend on what other processes do on the machine.

use crate::procfs::{self, SystemCpu, TICKS_PER_SEC};
use anyhow::anyhow;
use std::time::{Duration, Instant};

/// Result of one floor measurement.
#[derive(Debug, Clone)]
pub struct Floor {
    /// Hashing threads (one per core).
    pub threads: usize,
    /// Hashes computed by all threads together.
    pub hashes: u64,
    /// Longest thread run time (each thread stops after the hash that
    /// crosses the deadline).
    pub elapsed: Duration,
    /// Sum over the threads of hashes / own run time.
    pub per_sec: f64,
    /// CPU seconds the hashing threads got.
    pub cpu_secs: f64,
    /// Machine-wide CPU use during the measurement.
    pub system: SystemCpu,
}

impl Floor {
    /// CPU time of one hash in milliseconds of one core.
    pub fn cpu_ms_per_hash(&self) -> f64 {
        self.cpu_secs * 1000.0 / self.hashes.max(1) as f64
    }

    /// Share of their cores the hashing threads actually got (1.0 on an
    /// otherwise idle machine).
    pub fn core_share(&self) -> f64 {
        self.cpu_secs / (self.elapsed.as_secs_f64() * self.threads as f64).max(1e-9)
    }

    /// Core-seconds used by other processes during the measurement.
    pub fn others_secs(&self) -> f64 {
        (self.system.busy_secs() - self.cpu_secs).max(0.0)
    }
}

/// Runs `threads` threads for `duration`, each hashing with the OWASP
/// parameters (m = 19 MiB, t = 2, p = 1) into its own reused blocks.
pub fn measure(threads: usize, duration: Duration) -> anyhow::Result<Floor> {
    let system_before = SystemCpu::read()?;
    let deadline = Instant::now() + duration;
    let runs = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|i| scope.spawn(move || hash_until(i, deadline))).collect();
        handles.into_iter().map(|h| h.join().map_err(|_| anyhow!("a floor thread panicked"))?).collect::<anyhow::Result<Vec<_>>>()
    })?;
    let system = SystemCpu::read()?.since(&system_before);
    let hashes = runs.iter().map(|r| r.hashes).sum();
    let elapsed = runs.iter().map(|r| r.wall).max().unwrap_or_default();
    let per_sec = runs.iter().map(|r| r.hashes as f64 / r.wall.as_secs_f64().max(1e-9)).sum();
    let cpu_secs = runs.iter().map(|r| r.cpu_ticks as f64 / TICKS_PER_SEC).sum();
    Ok(Floor { threads, hashes, elapsed, per_sec, cpu_secs, system })
}

/// [`measure`] for `secs` seconds with its progress lines.
pub fn measure_reported(title: &str, threads: usize, secs: u64) -> anyhow::Result<Floor> {
    println!("{title}: {threads} threads × {secs} s …");
    let floor = measure(threads, Duration::from_secs(secs))?;
    println!(
        "      {:.1} verifications/s ({} hashes in {:.2} s; {:.2} ms CPU per hash; threads got {:.0} % of their cores)",
        floor.per_sec,
        floor.hashes,
        floor.elapsed.as_secs_f64(),
        floor.cpu_ms_per_hash(),
        floor.core_share() * 100.0
    );
    Ok(floor)
}

/// What one floor thread did.
struct Run {
    hashes: u64,
    wall: Duration,
    cpu_ticks: u64,
}

/// One thread: hashes until `deadline`.
fn hash_until(thread: usize, deadline: Instant) -> anyhow::Result<Run> {
    let argon = jobcenter::hashing::argon2_owasp();
    let mut blocks = jobcenter::hashing::memory_blocks();
    let mut salt = [0u8; 16];
    salt[..8].copy_from_slice(&(thread as u64).to_le_bytes());
    let mut out = [0u8; 32];
    let cpu_before = procfs::process_cpu_ticks("thread-self")?;
    let start = Instant::now();
    let mut hashes: u64 = 0;
    loop {
        salt[8..].copy_from_slice(&hashes.to_le_bytes());
        jobcenter::hashing::compute(&argon, b"Lasttest-Passwort-2024!", &salt, &mut out, &mut blocks)
            .map_err(|e| anyhow!("Argon2id: {e}"))?;
        hashes += 1;
        if Instant::now() >= deadline {
            let wall = start.elapsed();
            let cpu_ticks = procfs::process_cpu_ticks("thread-self")?.saturating_sub(cpu_before);
            return Ok(Run { hashes, wall, cpu_ticks });
        }
    }
}
