use super::{Mail, MailTransport, Outcome, OutgoingMail, open_body};
use crate::clock::Clock;
use crate::crypto::SecretBox;
use sqlx::Row;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The mail queue; a mail is dead-lettered after 12 failed attempts.
static QUEUE: super::Queue = super::queue!("outbox", "id, message_id, recipient, subject, body_sealed, attempts", 12);

/// Mails under way at once in one worker.
pub const LANES: usize = 8;

/// Counters for `/metrics`.
#[derive(Debug, Default)]
pub struct WorkerStats {
    pub sent: AtomicU64,
    pub failed: AtomicU64,
    pub dead: AtomicU64,
}

/// Claims due mails and sends them; safe to run on several nodes at once.
#[derive(Clone)]
pub struct Worker {
    pub writer: crate::db::Writer,
    pub secrets: SecretBox,
    pub clock: Arc<dyn Clock>,
    pub transport: Arc<dyn MailTransport>,
    pub stats: Arc<WorkerStats>,
}

impl Worker {
    /// Claims one due mail with a lease ([`super::Queue`]).
    pub async fn claim(&self) -> anyhow::Result<Option<OutgoingMail>> {
        let Some(row) = QUEUE.claim(&self.writer, self.clock.now()).await? else { return Ok(None) };
        let id: String = row.try_get("id")?;
        let (text, html) = open_body(&self.secrets, &id, &row.try_get::<String, _>("body_sealed")?)?;
        Ok(Some(OutgoingMail {
            message_id: row.try_get("message_id")?,
            attempts: row.try_get("attempts")?,
            mail: Mail { to: row.try_get("recipient")?, subject: row.try_get("subject")?, text, html },
            id,
        }))
    }

    /// Records the result of one send attempt.
    pub async fn finish(&self, mail: &OutgoingMail, result: Result<(), String>) -> anyhow::Result<()> {
        let (id, attempts) = (&mail.id, mail.attempts);
        match QUEUE.finish(&self.writer, id, attempts, &result, self.clock.now()).await? {
            Outcome::Sent => {
                self.stats.sent.fetch_add(1, Ordering::Relaxed);
                tracing::info!(outbox_id = %id, attempts, "mail sent");
            }
            Outcome::Dead => {
                self.stats.dead.fetch_add(1, Ordering::Relaxed);
                tracing::error!(outbox_id = %id, attempts, error = result.err().unwrap_or_default(), "mail dead-lettered");
            }
            Outcome::Retry => {
                self.stats.failed.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(outbox_id = %id, attempts, error = result.err().unwrap_or_default(), "mail send failed, will retry");
            }
        }
        Ok(())
    }

    /// Sends every mail that is due now, up to [`LANES`] at once: mails are
    /// claimed one by one (the lease keeps them apart as it keeps nodes
    /// apart) while up to [`LANES`] sends are under way; the first claim that
    /// finds nothing ends the claiming, so a wake-up for one mail costs two
    /// claims, not one per lane. Returns how many were attempted. One mail
    /// at a time spent most of its time waiting for the SMTP peer's answers:
    /// 23 mails/s in `loadtest fanout` (docs/BENCHMARKS.md).
    pub async fn drain(&self) -> anyhow::Result<usize> {
        let mut sending = tokio::task::JoinSet::new();
        let (mut n, mut claiming, mut error) = (0, true, None);
        loop {
            while claiming && sending.len() < LANES {
                match self.claim().await {
                    Ok(Some(mail)) => {
                        let worker = self.clone();
                        sending.spawn(async move { worker.send(mail).await });
                    }
                    Ok(None) => claiming = false,
                    Err(e) => {
                        // The sends under way still record their results.
                        claiming = false;
                        error = Some(e);
                    }
                }
            }
            let Some(done) = sending.join_next().await else { break };
            match done.map_err(anyhow::Error::from).and_then(|r| r) {
                Ok(()) => n += 1,
                Err(e) => {
                    claiming = false;
                    error.get_or_insert(e);
                }
            }
        }
        error.map_or(Ok(n), Err)
    }

    /// Sends one claimed mail and records the result.
    async fn send(&self, mail: OutgoingMail) -> anyhow::Result<()> {
        let result = self.transport.send(&mail).await.map_err(|e| format!("{e:#}"));
        self.finish(&mail, result).await
    }

    /// Runs forever: drains when woken by a local enqueue or every second.
    pub async fn run(self, wake: Arc<tokio::sync::Notify>) {
        keep_draining("outbox worker", Duration::from_secs(1), wake, || self.drain()).await
    }
}

/// The loop of a durable queue's worker (mail outbox, SMS): `drain` when
/// woken by a local enqueue, else every `period` (another node's enqueue);
/// an error is logged and the next round tries again.
pub async fn keep_draining<F, Fut>(what: &'static str, period: Duration, wake: Arc<tokio::sync::Notify>, mut drain: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<usize>>,
{
    loop {
        if let Err(e) = drain().await {
            tracing::error!(error = %format!("{e:#}"), worker = what, "queue worker error");
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(period) => {}
        }
    }
}
