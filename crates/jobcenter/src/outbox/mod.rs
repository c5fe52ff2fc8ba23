//! The durable outbox: a mail is written in the same transaction as
//! the change that causes it and sent later by the worker, with retries,
//! back-off and a dead-letter state. The Message-ID is derived from the
//! outbox id, so a resend after a crash is recognisable as the same mail.

mod queue;
mod transport;
mod worker;

pub(crate) use queue::queue;
pub use queue::{Outcome, Queue, backoff_secs};
pub use transport::{FileTransport, MailTransport, SmtpTransport, StoredMail, read_local_mails};
pub use worker::{Worker, WorkerStats, keep_draining};

use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use serde::{Deserialize, Serialize};

/// A mail ready to be queued.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Body parts as stored (encrypted) in the outbox row.
#[derive(Serialize, Deserialize)]
struct Body {
    text: String,
    html: String,
}

/// Queues `mail` inside `tx`; returns the outbox id.
pub async fn enqueue(tx: &mut Tx, secrets: &SecretBox, host: &str, mail: &Mail, now: i64) -> anyhow::Result<String> {
    let id = new_id();
    let message_id = format!("<{id}@{host}>");
    let body = serde_json::to_vec(&Body { text: mail.text.clone(), html: mail.html.clone() })?;
    let sealed = secrets.seal(&id, &body);
    sqlx::query(
        "INSERT INTO outbox (id, message_id, recipient, subject, body_sealed, created_at, attempts, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
    )
    .bind(&id)
    .bind(&message_id)
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&sealed)
    .bind(now)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// A claimed outbox row, decrypted, ready for the transport.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub id: String,
    pub message_id: String,
    pub mail: Mail,
    pub attempts: i64,
}

fn open_body(secrets: &SecretBox, id: &str, sealed: &str) -> anyhow::Result<(String, String)> {
    let body: Body = serde_json::from_slice(&secrets.open(id, sealed)?)?;
    Ok((body.text, body.html))
}
