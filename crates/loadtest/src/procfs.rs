//! Reading memory and CPU figures of a process from `/proc` (Linux).
//!
//! CPU times are in clock ticks of `USER_HZ`, which is 100 on every Linux
//! architecture we run on (the value the kernel exports in `/proc`).

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Clock ticks per second of the `/proc` CPU times.
pub const TICKS_PER_SEC: f64 = 100.0;

/// A `kB` field of `/proc/<pid>/status` (e.g. `VmRSS`, `VmHWM`), in KiB.
pub fn status_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{pid}/status");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(field).and_then(|r| r.strip_prefix(':')) {
            let number = rest.trim().trim_end_matches("kB").trim();
            return number.parse().with_context(|| format!("{field} in {path}: '{number}'"));
        }
    }
    bail!("{field} missing in {path}")
}

/// `utime + stime` from a `stat` line (after the `(comm)` field), and the
/// command name.
fn parse_stat(text: &str) -> anyhow::Result<(String, u64)> {
    let open = text.find('(').context("stat without '('")?;
    let close = text.rfind(')').context("stat without ')'")?;
    let comm = text[open + 1..close].to_owned();
    let fields: Vec<&str> = text[close + 1..].split_whitespace().collect();
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    let ticks = |i: usize| -> anyhow::Result<u64> { Ok(fields.get(i).context("short stat line")?.parse()?) };
    Ok((comm, ticks(11)? + ticks(12)?))
}

/// CPU ticks (user + system) of a whole process, including exited threads;
/// `who` is a pid, `self` or `thread-self` (then only the calling thread).
pub fn process_cpu_ticks(who: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{who}/stat");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    Ok(parse_stat(&text)?.1)
}

/// Machine-wide CPU time from the first line of `/proc/stat`, in ticks
/// summed over all cores.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemCpu {
    /// user + nice + system + irq + softirq + steal.
    pub busy: u64,
    /// idle + iowait.
    pub idle: u64,
    /// irq + softirq (e.g. loopback networking, disk completions).
    pub interrupts: u64,
    /// Time the hypervisor gave this VM's CPUs to someone else.
    pub steal: u64,
}

impl SystemCpu {
    /// Reads `/proc/stat`.
    pub fn read() -> anyhow::Result<Self> {
        let text = std::fs::read_to_string("/proc/stat").context("reading /proc/stat")?;
        let line = text.lines().find(|l| l.starts_with("cpu ")).context("/proc/stat without a cpu line")?;
        let v: Vec<u64> = line.split_whitespace().skip(1).map(str::parse).collect::<Result<_, _>>()?;
        let at = |i: usize| v.get(i).copied().unwrap_or(0);
        Ok(Self { busy: at(0) + at(1) + at(2) + at(5) + at(6) + at(7), idle: at(3) + at(4), interrupts: at(5) + at(6), steal: at(7) })
    }

    /// The ticks spent between `before` and `self`.
    pub fn since(&self, before: &Self) -> Self {
        Self {
            busy: self.busy.saturating_sub(before.busy),
            idle: self.idle.saturating_sub(before.idle),
            interrupts: self.interrupts.saturating_sub(before.interrupts),
            steal: self.steal.saturating_sub(before.steal),
        }
    }

    /// Adds the ticks of another window (rounds of one measurement).
    pub fn add(&mut self, other: &Self) {
        self.busy += other.busy;
        self.idle += other.idle;
        self.interrupts += other.interrupts;
        self.steal += other.steal;
    }

    /// Busy core-seconds.
    pub fn busy_secs(&self) -> f64 {
        self.busy as f64 / TICKS_PER_SEC
    }

    /// Idle core-seconds.
    pub fn idle_secs(&self) -> f64 {
        self.idle as f64 / TICKS_PER_SEC
    }
}

/// CPU ticks of every process on the machine by command name, to tell who
/// else used the cores (processes that start and end in between are not
/// seen).
#[derive(Debug, Clone, Default)]
pub struct AllProcesses {
    by_pid: BTreeMap<u32, (String, u64)>,
}

impl AllProcesses {
    /// Reads `/proc/<pid>/stat` of every process except `exclude`.
    pub fn read(exclude: &[u32]) -> Self {
        let mut by_pid = BTreeMap::new();
        let Ok(dir) = std::fs::read_dir("/proc") else { return Self::default() };
        for entry in dir.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
            if exclude.contains(&pid) {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(entry.path().join("stat"))
                && let Ok(parsed) = parse_stat(&text)
            {
                by_pid.insert(pid, parsed);
            }
        }
        Self { by_pid }
    }

    /// Ticks per command name between `before` and `self`, largest first
    /// (processes seen both times only).
    pub fn top_since(&self, before: &Self, n: usize) -> Vec<(String, u64)> {
        let mut by_name: BTreeMap<&str, u64> = BTreeMap::new();
        for (pid, (comm, ticks)) in &self.by_pid {
            if let Some((_, earlier)) = before.by_pid.get(pid) {
                *by_name.entry(comm).or_insert(0) += ticks.saturating_sub(*earlier);
            }
        }
        let mut top: Vec<(String, u64)> = by_name.into_iter().filter(|(_, t)| *t > 0).map(|(c, t)| (c.to_owned(), t)).collect();
        top.sort_by_key(|(_, ticks)| std::cmp::Reverse(*ticks));
        top.truncate(n);
        top
    }
}

/// CPU ticks and context switches of one group of threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupStats {
    /// user + system ticks.
    pub ticks: u64,
    /// The thread gave up the CPU (waited for something).
    pub voluntary_switches: u64,
    /// The scheduler took the CPU away (preempted).
    pub involuntary_switches: u64,
}

impl GroupStats {
    fn add(&mut self, other: &Self) {
        self.ticks += other.ticks;
        self.voluntary_switches += other.voluntary_switches;
        self.involuntary_switches += other.involuntary_switches;
    }

    fn minus(&self, before: &Self) -> Self {
        Self {
            ticks: self.ticks.saturating_sub(before.ticks),
            voluntary_switches: self.voluntary_switches.saturating_sub(before.voluntary_switches),
            involuntary_switches: self.involuntary_switches.saturating_sub(before.involuntary_switches),
        }
    }
}

/// CPU ticks of a process, total and per thread group (thread names with
/// the trailing number removed: `argon2-0` and `argon2-1` count as
/// `argon2`), with context switches per group.
#[derive(Debug, Clone, Default)]
pub struct ThreadCpu {
    /// CPU ticks of the whole process (includes exited threads).
    pub total: u64,
    /// Per thread-name group, live threads only.
    pub groups: BTreeMap<String, GroupStats>,
}

impl ThreadCpu {
    /// Reads `/proc/<pid>/stat` and every `/proc/<pid>/task/*/{stat,status}`.
    pub fn read(pid: u32) -> anyhow::Result<Self> {
        let mut groups: BTreeMap<String, GroupStats> = BTreeMap::new();
        let dir = format!("/proc/{pid}/task");
        for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {dir}"))? {
            let task = entry?.path();
            // A thread may end between listing and reading.
            let (Ok(stat), Ok(status)) = (std::fs::read_to_string(task.join("stat")), std::fs::read_to_string(task.join("status"))) else {
                continue;
            };
            let (comm, ticks) = parse_stat(&stat)?;
            let field = |name: &str| -> u64 {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0)
            };
            let stats = GroupStats {
                ticks,
                voluntary_switches: field("voluntary_ctxt_switches"),
                involuntary_switches: field("nonvoluntary_ctxt_switches"),
            };
            groups.entry(group_name(&comm)).or_default().add(&stats);
        }
        Ok(Self { total: process_cpu_ticks(&pid.to_string())?, groups })
    }

    /// What happened between `before` and `self`.
    pub fn since(&self, before: &Self) -> Self {
        let groups = self.groups.iter().map(|(k, v)| (k.clone(), v.minus(&before.groups.get(k).copied().unwrap_or_default()))).collect();
        Self { total: self.total.saturating_sub(before.total), groups }
    }

    /// Adds another window's figures (rounds of one measurement).
    pub fn add(&mut self, other: &Self) {
        self.total += other.total;
        for (name, stats) in &other.groups {
            self.groups.entry(name.clone()).or_default().add(stats);
        }
    }

    /// Ticks of one group (0 if absent).
    pub fn ticks(&self, group: &str) -> u64 {
        self.groups.get(group).map_or(0, |g| g.ticks)
    }
}

/// `argon2-1` → `argon2`, `tokio-runtime-w` stays.
fn group_name(comm: &str) -> String {
    comm.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches(['-', '_', ' ']).to_owned()
}

/// CPU accounting over a time window: the machine, the server by thread
/// group, this program, and the other processes by name.
pub struct CpuWindow {
    pid: u32,
    system: SystemCpu,
    server: ThreadCpu,
    own: u64,
    all: AllProcesses,
}

/// What [`CpuWindow::close`] found.
#[derive(Debug, Clone, Default)]
pub struct CpuUse {
    /// The whole machine.
    pub system: SystemCpu,
    /// The server process.
    pub server: ThreadCpu,
    /// This program (the load generator).
    pub own_ticks: u64,
    /// Other processes using the most CPU, by command name.
    pub others_top: Vec<(String, u64)>,
}

impl CpuWindow {
    /// Starts accounting; `pid` is the server.
    pub fn open(pid: u32) -> anyhow::Result<Self> {
        Ok(Self {
            pid,
            all: AllProcesses::read(&[pid, std::process::id()]),
            system: SystemCpu::read()?,
            server: ThreadCpu::read(pid)?,
            own: process_cpu_ticks("self")?,
        })
    }

    /// Ends accounting.
    pub fn close(self) -> anyhow::Result<CpuUse> {
        let server = ThreadCpu::read(self.pid)?.since(&self.server);
        let own_ticks = process_cpu_ticks("self")?.saturating_sub(self.own);
        let system = SystemCpu::read()?.since(&self.system);
        let others_top = AllProcesses::read(&[self.pid, std::process::id()]).top_since(&self.all, 4);
        Ok(CpuUse { system, server, own_ticks, others_top })
    }
}

impl CpuUse {
    /// Adds another window's figures (rounds of one measurement); the
    /// other processes are summed by name.
    pub fn add(&mut self, other: &Self) {
        self.system.add(&other.system);
        self.server.add(&other.server);
        self.own_ticks += other.own_ticks;
        for (name, ticks) in &other.others_top {
            match self.others_top.iter_mut().find(|(n, _)| n == name) {
                Some((_, t)) => *t += ticks,
                None => self.others_top.push((name.clone(), *ticks)),
            }
        }
        self.others_top.sort_by_key(|(_, ticks)| std::cmp::Reverse(*ticks));
    }

    /// Server CPU seconds.
    pub fn server_secs(&self) -> f64 {
        self.server.total as f64 / TICKS_PER_SEC
    }

    /// Load generator CPU seconds.
    pub fn own_secs(&self) -> f64 {
        self.own_ticks as f64 / TICKS_PER_SEC
    }

    /// Busy core-seconds of everything else on the machine (other
    /// processes, kernel threads, interrupts, steal).
    pub fn others_secs(&self) -> f64 {
        (self.system.busy_secs() - self.server_secs() - self.own_secs()).max(0.0)
    }
}

/// Resident set size samples of a process, taken by a background task.
pub struct RssSampler {
    stop: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<Vec<u64>>,
}

/// What the sampler saw, in KiB.
#[derive(Debug, Clone, Default)]
pub struct RssSamples {
    pub count: usize,
    pub max_kib: u64,
    pub mean_kib: u64,
}

impl RssSampler {
    /// Samples `VmRSS` of `pid` every `every` until [`RssSampler::stop`].
    pub fn start(pid: u32, every: Duration) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let task = tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut tick = tokio::time::interval(every);
            while !flag.load(Ordering::Relaxed) {
                tick.tick().await;
                if let Ok(kib) = status_kib(pid, "VmRSS") {
                    samples.push(kib);
                }
            }
            samples
        });
        Self { stop, task }
    }

    /// Stops sampling and summarises.
    pub async fn stop(self) -> RssSamples {
        self.stop.store(true, Ordering::Relaxed);
        let samples = self.task.await.unwrap_or_default();
        let count = samples.len();
        RssSamples {
            count,
            max_kib: samples.iter().copied().max().unwrap_or(0),
            mean_kib: if count == 0 { 0 } else { samples.iter().sum::<u64>() / count as u64 },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_with_spaces_in_the_name_parse() {
        let line = "42 (tokio runtime) S 1 2 3 4 5 6 7 8 9 10 111 222 0 0 20 0";
        assert_eq!(parse_stat(line).unwrap(), ("tokio runtime".to_owned(), 333));
        assert_eq!(group_name("argon2-1"), "argon2");
        assert_eq!(group_name("tokio-runtime-w"), "tokio-runtime-w");
    }
}
