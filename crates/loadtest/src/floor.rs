//! The physical floor of a login: raw Argon2id verifications per second on
//! this machine, one thread per core, each reusing its own memory blocks
//! exactly like the server's hashing pool, through the same function
//! (`jobcenter::hashing::compute`).
//!
//! On this shared host the floor drifts by up to 20 % within a minute, so a
//! load is measured in rounds with a floor run before the first round,
//! between each two and after the last ([`bracket`]); each round is
//! compared with the floor right before and right after it ([`Bracketed`]).
//!
//! Besides the wall-clock rate, each thread's own CPU time is read from
//! `/proc/thread-self/stat`, which gives the CPU cost of one hash; that
//! figure does not depend on what other processes do on the machine.

use crate::driver::Measured;
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

/// A load measured in rounds between floor runs: `floors[i]` was measured
/// right before round `i` and `floors[i + 1]` right after it.
#[derive(Debug, Clone)]
pub struct Bracketed {
    pub floors: Vec<Floor>,
    /// Wall time and successful operations of each round.
    pub rounds: Vec<(Duration, usize)>,
}

impl Bracketed {
    /// The floor during each round: the mean of the runs right before and
    /// right after it (the host's speed drifts; this is its estimate for
    /// the time in between), as (verifications/s, CPU ms per hash).
    fn round_floors(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.floors.windows(2).map(|w| ((w[0].per_sec + w[1].per_sec) / 2.0, (w[0].cpu_ms_per_hash() + w[1].cpu_ms_per_hash()) / 2.0))
    }

    /// The reference rate for the whole load: each round's floor weighted
    /// by the round's wall time, so that (operations / total wall time) /
    /// this = operations / the hashes the floor would have done in the
    /// same time.
    pub fn per_sec(&self) -> f64 {
        let (weighted, wall) = self
            .round_floors()
            .zip(&self.rounds)
            .fold((0.0, 0.0), |(sum, wall), ((rate, _), (w, _))| (sum + rate * w.as_secs_f64(), wall + w.as_secs_f64()));
        weighted / wall.max(1e-9)
    }

    /// CPU ms of one hash for the whole load: each round's floor weighted
    /// by the round's operations.
    pub fn cpu_ms_per_hash(&self) -> f64 {
        let (weighted, ops) =
            self.round_floors().zip(&self.rounds).fold((0.0, 0usize), |(sum, ops), ((_, ms), (_, n))| (sum + ms * *n as f64, ops + n));
        weighted / ops.max(1) as f64
    }

    /// The smallest share of their cores the floor threads got in any run.
    pub fn min_core_share(&self) -> f64 {
        self.floors.iter().map(Floor::core_share).fold(f64::INFINITY, f64::min)
    }

    /// Core-seconds other processes used during the floor runs, and the
    /// core-seconds the floor runs had.
    pub fn others_and_available_secs(&self) -> (f64, f64) {
        let others = self.floors.iter().map(Floor::others_secs).sum();
        let available = self.floors.iter().map(|f| f.elapsed.as_secs_f64() * f.threads as f64).sum();
        (others, available)
    }

    /// The floor runs in order, e.g. `118.2 → 117.0 → 121.3/s`.
    pub fn describe_rates(&self) -> String {
        let rates: Vec<String> = self.floors.iter().map(|f| format!("{:.1}", f.per_sec)).collect();
        format!("{}/s", rates.join(" → "))
    }
}

/// Measures a load in `rounds` rounds, with a floor run of `secs` seconds
/// (server idle) before the first round, between each two and after the
/// last. `round(i)` runs round `i`; the result is the floors around the
/// rounds and the rounds added up. The floor runs block the calling
/// (single-threaded) client runtime, so nothing of the load generator runs
/// beside them.
pub async fn bracket(
    threads: usize,
    secs: u64,
    rounds: usize,
    mut round: impl AsyncFnMut(usize) -> anyhow::Result<Measured>,
) -> anyhow::Result<(Bracketed, Measured)> {
    anyhow::ensure!(rounds > 0, "at least one round");
    let mut bracketed = Bracketed {
        floors: vec![measure_reported("      raw Argon2id floor (server idle) before round 1", threads, secs)?],
        rounds: Vec::new(),
    };
    let mut total = Measured::default();
    for i in 0..rounds {
        let m = round(i).await?;
        let phase = &m.phase;
        println!(
            "      round {}: {} ok, {} errors in {:.2} s ({:.1}/s)",
            i + 1,
            phase.latencies.len(),
            phase.error_count(),
            phase.wall.as_secs_f64(),
            phase.per_sec()
        );
        bracketed.rounds.push((phase.wall, phase.latencies.len()));
        total.append_round(m);
        let title = if i + 1 == rounds { "after the last round".to_owned() } else { format!("between rounds {} and {}", i + 1, i + 2) };
        bracketed.floors.push(measure_reported(&format!("      raw Argon2id floor (server idle) {title}"), threads, secs)?);
    }
    Ok((bracketed, total))
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
    // One hash before the clock starts: the first one also faults the
    // fresh blocks in, which the server's long-lived blocks never do again.
    jobcenter::hashing::compute(&argon, b"Lasttest-Passwort-2024!", &salt, &mut out, &mut blocks).map_err(|e| anyhow!("Argon2id: {e}"))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procfs::SystemCpu;

    fn floor(per_sec: f64, cpu_ms_per_hash: f64) -> Floor {
        let hashes = 100;
        Floor {
            threads: 2,
            hashes,
            elapsed: Duration::from_secs(1),
            per_sec,
            cpu_secs: cpu_ms_per_hash * hashes as f64 / 1000.0,
            system: SystemCpu::default(),
        }
    }

    #[test]
    fn each_round_is_compared_with_the_mean_of_its_neighbouring_floors_weighted_by_its_length() {
        // Rounds 1 s at floors 100 → 120 (mean 110) and 3 s at 120 → 80
        // (mean 100): time-weighted (110 × 1 + 100 × 3) / 4 = 102.5/s.
        let b = Bracketed {
            floors: vec![floor(100.0, 20.0), floor(120.0, 16.0), floor(80.0, 24.0)],
            rounds: vec![(Duration::from_secs(1), 100), (Duration::from_secs(3), 300)],
        };
        assert!((b.per_sec() - 102.5).abs() < 1e-9, "{}", b.per_sec());
        // CPU per hash by operations: (18 × 100 + 20 × 300) / 400 = 19.5 ms.
        assert!((b.cpu_ms_per_hash() - 19.5).abs() < 1e-9, "{}", b.cpu_ms_per_hash());
        assert_eq!(b.describe_rates(), "100.0 → 120.0 → 80.0/s");
    }
}
