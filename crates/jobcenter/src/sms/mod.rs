//! SMS (PRF-6): a durable queue like the mail outbox (`sms_outbox`: the
//! text sealed with the row id as associated data, a leased claim safe with
//! several nodes, retries with back-off, dead letters) and a small sender
//! interface with a logging default and an HTTP gateway adapter.

mod sender;

pub use sender::{HttpGateway, LogSender, SmsSender};

use crate::clock::Clock;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use crate::outbox::Outcome;
use sqlx::Row;
use std::sync::Arc;
use std::time::Duration;

/// The SMS queue; an SMS is dead-lettered after 8 failed attempts.
static QUEUE: crate::outbox::Queue = crate::outbox::queue!("sms_outbox", "id, to_number, body_sealed, attempts", 8);

/// Queues an SMS to `to` (E.164) inside `tx`; returns its id.
pub async fn enqueue(tx: &mut Tx, secrets: &SecretBox, to: &str, text: &str, now: i64) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO sms_outbox (id, to_number, body_sealed, created_at, next_attempt_at, attempts) VALUES ($1, $2, $3, $4, $4, 0)",
    )
    .bind(&id)
    .bind(to)
    .bind(secrets.seal(&format!("sms:{id}"), text.as_bytes()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// A claimed SMS, decrypted.
#[derive(Debug, Clone)]
pub struct OutgoingSms {
    pub id: String,
    pub to: String,
    pub text: String,
    pub attempts: i64,
}

/// Claims due SMS and hands them to the sender; safe on several nodes.
#[derive(Clone)]
pub struct SmsWorker {
    pub writer: crate::db::Writer,
    pub secrets: SecretBox,
    pub clock: Arc<dyn Clock>,
    pub sender: Arc<dyn SmsSender>,
}

impl SmsWorker {
    /// Claims one due SMS with a lease ([`crate::outbox::Queue`]).
    pub async fn claim(&self) -> anyhow::Result<Option<OutgoingSms>> {
        let Some(row) = QUEUE.claim(&self.writer, self.clock.now()).await? else { return Ok(None) };
        let id: String = row.try_get("id")?;
        let text = String::from_utf8(self.secrets.open(&format!("sms:{id}"), &row.try_get::<String, _>("body_sealed")?)?)?;
        Ok(Some(OutgoingSms { to: row.try_get("to_number")?, attempts: row.try_get("attempts")?, text, id }))
    }

    /// Records the result of one attempt.
    pub async fn finish(&self, sms: &OutgoingSms, result: Result<(), String>) -> anyhow::Result<()> {
        let (id, attempts) = (&sms.id, sms.attempts);
        match QUEUE.finish(&self.writer, id, attempts, &result, self.clock.now()).await? {
            Outcome::Sent => tracing::info!(sms_id = %id, attempts, "sms sent"),
            Outcome::Dead => tracing::error!(sms_id = %id, attempts, error = result.err().unwrap_or_default(), "sms dead-lettered"),
            Outcome::Retry => {
                tracing::warn!(sms_id = %id, attempts, error = result.err().unwrap_or_default(), "sms send failed, will retry")
            }
        }
        Ok(())
    }

    /// Sends every SMS that is due now; returns how many were attempted.
    pub async fn drain(&self) -> anyhow::Result<usize> {
        let mut n = 0;
        while let Some(sms) = self.claim().await? {
            let result = self.sender.send(&sms.to, &sms.text).await.map_err(|e| format!("{e:#}"));
            self.finish(&sms, result).await?;
            n += 1;
        }
        Ok(n)
    }

    /// Runs forever: drains when woken by a local enqueue or every 5 s.
    pub async fn run(self, wake: Arc<tokio::sync::Notify>) {
        crate::outbox::keep_draining("sms worker", Duration::from_secs(5), wake, || self.drain()).await
    }
}
