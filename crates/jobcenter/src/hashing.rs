//! Argon2id password hashing on a bounded pool of threads.
//!
//! Each thread owns its 19 MiB of memory blocks and reuses them for every
//! hash (`hash_password_into_with_memory`), so a login storm queues instead
//! of allocating without bound, and the hash rate is the machine's floor.
//! Unknown accounts get a dummy verification of the same cost (no timing
//! oracle).

use anyhow::{Context, anyhow, bail};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use subtle::ConstantTimeEq;
use tokio::sync::oneshot;

/// OWASP parameters: m = 19 MiB, t = 2, p = 1.
pub const M_COST_KIB: u32 = 19 * 1024;
pub const T_COST: u32 = 2;
pub const P_COST: u32 = 1;
const OUT_LEN: usize = 32;

/// The Argon2id context with the OWASP parameters.
pub fn argon2_owasp() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, Some(OUT_LEN)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Memory blocks for one hashing thread.
pub fn memory_blocks() -> Vec<Block> {
    vec![Block::default(); M_COST_KIB as usize]
}

/// One Argon2id computation into `blocks`. The server's hashing threads
/// and the load tool's floor (`crates/loadtest/src/floor.rs`) both call
/// this one function, so that both run the same machine code: the generic
/// `hash_password_into_with_memory` is compiled anew in every crate and
/// for every memory type, and two copies need not be equally fast.
#[inline(never)]
pub fn compute(ctx: &Argon2<'_>, password: &[u8], salt: &[u8], out: &mut [u8], blocks: &mut [Block]) -> argon2::Result<()> {
    ctx.hash_password_into_with_memory(password, salt, out, blocks)
}

enum Job {
    Hash { password: String, reply: oneshot::Sender<String> },
    Verify { phc: Option<String>, password: String, reply: oneshot::Sender<bool> },
}

/// Handle to the hashing threads; cheap to clone.
#[derive(Clone)]
pub struct PasswordHasher {
    tx: tokio::sync::mpsc::Sender<Job>,
    threads: usize,
}

impl PasswordHasher {
    /// Starts `threads` hashing threads (0 = one per core). With one
    /// thread per core, each is pinned to its own core: a hash then never
    /// migrates to the other core's cold caches when request threads wake
    /// up beside it (docs/BENCHMARKS.md, session 3). Other threads of the
    /// process are not pinned.
    pub fn start(threads: usize) -> Self {
        let threads = if threads == 0 { std::thread::available_parallelism().map_or(2, |n| n.get()) } else { threads };
        let cores = core_affinity::get_core_ids().filter(|ids| ids.len() == threads);
        // Bounded: when 1024 hashes wait, callers wait asynchronously too.
        let (tx, rx) = tokio::sync::mpsc::channel::<Job>(1024);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..threads {
            let rx = rx.clone();
            let core = cores.as_ref().map(|ids| ids[i]);
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    if let Some(core) = core
                        && !core_affinity::set_for_current(core)
                    {
                        tracing::warn!(core = core.id, "could not pin a hashing thread to its core");
                    }
                    worker(&rx)
                })
                .expect("spawning a hashing thread");
        }
        Self { tx, threads }
    }

    /// Number of hashing threads.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Hashes a new password into a PHC string.
    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(Job::Hash { password: password.to_owned(), reply }).await.map_err(|_| anyhow!("hashing pool stopped"))?;
        rx.await.context("hashing thread dropped the job")
    }

    /// Verifies a password against a stored PHC string. With `None` (unknown
    /// account or no password) a dummy hash of the same cost is computed and
    /// the answer is `false`.
    pub async fn verify(&self, phc: Option<String>, password: &str) -> anyhow::Result<bool> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(Job::Verify { phc, password: password.to_owned(), reply }).await.map_err(|_| anyhow!("hashing pool stopped"))?;
        rx.await.context("hashing thread dropped the job")
    }
}

fn worker(rx: &std::sync::Mutex<tokio::sync::mpsc::Receiver<Job>>) {
    let argon = argon2_owasp();
    let mut blocks = memory_blocks();
    loop {
        // One thread waits for the next job while holding the lock; the
        // others queue on the lock. The channel closing ends the thread.
        let job = match rx.lock() {
            Ok(mut guard) => match guard.blocking_recv() {
                Some(job) => job,
                None => return,
            },
            Err(_) => return,
        };
        match job {
            Job::Hash { password, reply } => {
                let salt = crate::crypto::random_bytes::<16>();
                let mut out = [0u8; OUT_LEN];
                compute(&argon, password.as_bytes(), &salt, &mut out, &mut blocks).expect("hashing with valid parameters");
                let _ = reply.send(encode_phc(&salt, &out));
            }
            Job::Verify { phc, password, reply } => {
                let ok = match phc.as_deref().map(parse_phc) {
                    Some(Ok((params, salt, expected))) => {
                        let ctx = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
                        let mut out = vec![0u8; expected.len()];
                        let mut own;
                        let mem: &mut [Block] = if ctx.params().m_cost() == M_COST_KIB {
                            &mut blocks
                        } else {
                            own = vec![Block::default(); ctx.params().m_cost() as usize];
                            &mut own
                        };
                        compute(&ctx, password.as_bytes(), &salt, &mut out, mem).is_ok() && bool::from(out.ct_eq(&expected))
                    }
                    _ => {
                        let mut out = [0u8; OUT_LEN];
                        let _ = compute(&argon, password.as_bytes(), b"dummy-salt-16byt", &mut out, &mut blocks);
                        false
                    }
                };
                let _ = reply.send(ok);
            }
        }
    }
}

/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (standard PHC format).
fn encode_phc(salt: &[u8], hash: &[u8]) -> String {
    format!("$argon2id$v=19$m={M_COST_KIB},t={T_COST},p={P_COST}${}${}", STANDARD_NO_PAD.encode(salt), STANDARD_NO_PAD.encode(hash))
}

/// Parses a PHC string into its parameters, salt and hash.
pub fn parse_phc(phc: &str) -> anyhow::Result<(Params, Vec<u8>, Vec<u8>)> {
    let parts: Vec<&str> = phc.split('$').collect();
    let [_, alg, version, params, salt, hash] = parts.as_slice() else { bail!("not a PHC string") };
    if *alg != "argon2id" || *version != "v=19" {
        bail!("unsupported algorithm {alg} {version}");
    }
    let (mut m, mut t, mut p) = (0, 0, 0);
    for kv in params.split(',') {
        let (k, v) = kv.split_once('=').context("bad parameter")?;
        let v: u32 = v.parse()?;
        match k {
            "m" => m = v,
            "t" => t = v,
            "p" => p = v,
            _ => bail!("unknown parameter {k}"),
        }
    }
    let salt = STANDARD_NO_PAD.decode(salt)?;
    let hash = STANDARD_NO_PAD.decode(hash)?;
    let params = Params::new(m, t, p, Some(hash.len())).map_err(|e| anyhow!("{e}"))?;
    Ok((params, salt, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let pool = PasswordHasher::start(1);
        let phc = pool.hash("Wolke7-Fahrrad!").await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(pool.verify(Some(phc.clone()), "Wolke7-Fahrrad!").await.unwrap());
        assert!(!pool.verify(Some(phc), "Wolke7-Fahrrad?").await.unwrap());
        assert!(!pool.verify(None, "Wolke7-Fahrrad!").await.unwrap());
        assert!(!pool.verify(Some("kaputt".into()), "x").await.unwrap());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn with_one_thread_per_core_each_hashing_thread_has_a_core_of_its_own() {
        let cores = core_affinity::get_core_ids().unwrap().len();
        let _pool = PasswordHasher::start(cores);
        let allowed = |name: &str| -> Option<String> {
            std::fs::read_dir("/proc/self/task").unwrap().flatten().find_map(|t| {
                let comm = std::fs::read_to_string(t.path().join("comm")).ok()?;
                if comm.trim() != name {
                    return None;
                }
                let status = std::fs::read_to_string(t.path().join("status")).ok()?;
                status.lines().find_map(|l| l.strip_prefix("Cpus_allowed_list:")).map(|v| v.trim().to_owned())
            })
        };
        // The threads pin themselves as they start.
        let mut seen = Vec::new();
        for i in 0..cores {
            let name = format!("argon2-{i}");
            let mut list = None;
            for _ in 0..200 {
                list = allowed(&name).filter(|l| !l.contains(['-', ',']) || cores == 1);
                if list.is_some() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            let list = list.unwrap_or_else(|| panic!("{name} is not pinned to one core"));
            assert!(!seen.contains(&list), "{name} shares core {list}");
            seen.push(list);
        }
    }

    #[test]
    fn our_phc_strings_match_an_independent_argon2id_computation() {
        // Recompute with the plain allocating API from the same parameters.
        let salt = [3u8; 16];
        let mut mine = [0u8; OUT_LEN];
        argon2_owasp().hash_password_into_with_memory(b"pw", &salt, &mut mine, memory_blocks()).unwrap();
        let mut plain = [0u8; OUT_LEN];
        argon2_owasp().hash_password_into(b"pw", &salt, &mut plain).unwrap();
        assert_eq!(mine, plain);
        let (params, s, h) = parse_phc(&encode_phc(&salt, &mine)).unwrap();
        assert_eq!((params.m_cost(), params.t_cost(), params.p_cost()), (M_COST_KIB, T_COST, P_COST));
        assert_eq!((s.as_slice(), h.as_slice()), (&salt[..], &mine[..]));
    }
}
