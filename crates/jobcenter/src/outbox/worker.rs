use super::{Mail, MailTransport, OutgoingMail, open_body};
use crate::clock::Clock;
use crate::crypto::SecretBox;
use sqlx::{AnyPool, Row};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long a claimed row stays with one worker before another may take it.
const LEASE_SECS: i64 = 120;
/// After this many failed attempts a mail is dead-lettered.
const MAX_ATTEMPTS: i64 = 12;

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
    pub pool: AnyPool,
    pub secrets: SecretBox,
    pub clock: Arc<dyn Clock>,
    pub transport: Arc<dyn MailTransport>,
    pub stats: Arc<WorkerStats>,
}

/// Back-off after attempt `n` (1-based): 30 s, 1 min, 2 min, … capped at 1 h.
pub fn backoff_secs(attempts: i64) -> i64 {
    (30_i64 << (attempts - 1).clamp(0, 7)).min(3600)
}

impl Worker {
    /// Claims one due row with a lease: a single conditional UPDATE, so two
    /// nodes never take the same row (the lease is re-checked on the row).
    pub async fn claim(&self) -> anyhow::Result<Option<OutgoingMail>> {
        let now = self.clock.now();
        let row = sqlx::query(
            "UPDATE outbox SET lease_until = $1, attempts = attempts + 1
             WHERE id = (SELECT id FROM outbox
                         WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $2
                           AND (lease_until IS NULL OR lease_until < $2)
                         ORDER BY next_attempt_at, id LIMIT 1)
               AND sent_at IS NULL AND dead_at IS NULL AND (lease_until IS NULL OR lease_until < $2)
             RETURNING id, message_id, recipient, subject, body_sealed, attempts",
        )
        .bind(now + LEASE_SECS)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
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
        let now = self.clock.now();
        match result {
            Ok(()) => {
                sqlx::query("UPDATE outbox SET sent_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2")
                    .bind(now)
                    .bind(&mail.id)
                    .execute(&self.pool)
                    .await?;
                self.stats.sent.fetch_add(1, Ordering::Relaxed);
                tracing::info!(outbox_id = %mail.id, attempts = mail.attempts, "mail sent");
            }
            Err(error) if mail.attempts >= MAX_ATTEMPTS => {
                sqlx::query("UPDATE outbox SET dead_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3")
                    .bind(now)
                    .bind(&error)
                    .bind(&mail.id)
                    .execute(&self.pool)
                    .await?;
                self.stats.dead.fetch_add(1, Ordering::Relaxed);
                tracing::error!(outbox_id = %mail.id, attempts = mail.attempts, %error, "mail dead-lettered");
            }
            Err(error) => {
                sqlx::query("UPDATE outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3")
                    .bind(now + backoff_secs(mail.attempts))
                    .bind(&error)
                    .bind(&mail.id)
                    .execute(&self.pool)
                    .await?;
                self.stats.failed.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(outbox_id = %mail.id, attempts = mail.attempts, %error, "mail send failed, will retry");
            }
        }
        Ok(())
    }

    /// Sends every mail that is due now; returns how many were attempted.
    pub async fn drain(&self) -> anyhow::Result<usize> {
        let mut n = 0;
        while let Some(mail) = self.claim().await? {
            let result = self.transport.send(&mail).await.map_err(|e| format!("{e:#}"));
            self.finish(&mail, result).await?;
            n += 1;
        }
        Ok(n)
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

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(super::backoff_secs(1), 30);
        assert_eq!(super::backoff_secs(2), 60);
        assert_eq!(super::backoff_secs(20), 3600);
    }
}
