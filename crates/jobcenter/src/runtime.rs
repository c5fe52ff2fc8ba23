//! The process's threads: how many handle requests, and how the kernel
//! schedules them.
//!
//! A login is one Argon2id hash of about 14 ms on a hashing thread
//! ([`crate::hashing`]) plus well under 1 ms of request work on the async
//! runtime and the database threads. Every hand-off between those threads
//! wakes one of them, and on a busy machine each wake-up used to preempt a
//! running hash and push its 19 MiB working set out of the caches. Two
//! settings keep those interruptions few (measured in docs/BENCHMARKS.md):
//!
//! - **Fewer request threads**: half the cores by default. The request
//!   work is light and mostly waits for the database; the other half of
//!   the machine is there for the hashing pool.
//! - **`SCHED_BATCH`** (Linux, no privileges needed): a thread of this
//!   process that wakes up does not preempt the one running; it waits for
//!   a free core or the scheduler's next tick. Under full load that is at
//!   most a few milliseconds more latency per step; when a core is idle,
//!   nothing changes. `JOBCENTER_BATCH_SCHEDULING=false` turns it off.

use crate::config::Config;

/// The tokio runtime for `config`; call [`batch_scheduling`] first, since
/// threads inherit the policy of the thread that starts them.
pub fn build(config: &Config) -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(config.worker_threads).enable_all().build()
}

/// Puts the calling thread (and every thread it starts afterwards) under
/// `SCHED_BATCH` with nice 0. Elsewhere than on Linux it does nothing.
pub fn batch_scheduling() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::unix::{NormalThreadSchedulePolicy, ThreadSchedulePolicy, set_thread_priority_and_policy, thread_native_id};
        let policy = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Batch);
        set_thread_priority_and_policy(thread_native_id(), thread_priority::ThreadPriority::Min, policy).map_err(|e| format!("{e:?}"))
    }
    #[cfg(not(target_os = "linux"))]
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use thread_priority::unix::{NormalThreadSchedulePolicy, ThreadSchedulePolicy, thread_schedule_policy};

    #[test]
    fn batch_scheduling_is_set_and_inherited_by_new_threads() {
        // A thread of its own, so the test harness's threads keep their policy.
        std::thread::spawn(|| {
            super::batch_scheduling().unwrap();
            let batch = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Batch);
            assert_eq!(thread_schedule_policy().unwrap(), batch);
            let child = std::thread::spawn(thread_schedule_policy).join().unwrap().unwrap();
            assert_eq!(child, batch);
        })
        .join()
        .unwrap();
    }
}
