//! Idempotency keys on submitting forms (DESIGN.md section 6, X-4): a form
//! carries a random key (hidden field `idempotenz`, made when the form is
//! shown). The first request with it claims the key and does the work; the
//! work's transaction stores its result (the id of what it made, or where
//! its answer is). A repeated request (a double-clicked "Senden", a resent
//! form) gets that result instead of doing the work again; one that arrives while the first still runs waits
//! for it. Keys belong to an account and expire after a day.

use crate::db::{Tx, Writer};
use std::time::Duration;

/// The form field.
pub const FIELD: &str = "idempotenz";
/// How long a key is remembered.
pub const KEEP_SECS: i64 = 24 * 3600;

/// A fresh key for a form.
pub fn neuer_schluessel() -> String {
    crate::crypto::new_token()
}

/// Whether `key` has the shape of a key made by [`neuer_schluessel`].
pub fn gueltig(key: &str) -> bool {
    (16..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The outcome of claiming a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anspruch {
    /// This request does the work.
    Neu,
    /// The work was done; this is its result.
    Erledigt(String),
    /// Another request with the key is still at work (or failed without
    /// releasing it); it did not finish in time.
    Laeuft,
}

/// Claims `key` for `account_id`. A repeated key waits up to `wait` for the
/// first request to finish.
pub async fn beanspruchen(writer: &Writer, account_id: &str, key: &str, now: i64, wait: Duration) -> sqlx::Result<Anspruch> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (account_id, idem_key, created_at, location) VALUES ($1, $2, $3, NULL)
         ON CONFLICT (account_id, idem_key) DO NOTHING",
    )
    .bind(account_id)
    .bind(key)
    .bind(now)
    .execute(writer)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Anspruch::Neu);
    }
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let location: Option<Option<String>> =
            sqlx::query_scalar("SELECT location FROM idempotency_keys WHERE account_id = $1 AND idem_key = $2")
                .bind(account_id)
                .bind(key)
                .fetch_optional(writer)
                .await?;
        match location {
            Some(Some(l)) => return Ok(Anspruch::Erledigt(l)),
            // Released in the meantime (the first request failed): try again.
            None => return Box::pin(beanspruchen(writer, account_id, key, now, Duration::ZERO)).await,
            Some(None) if tokio::time::Instant::now() >= deadline => return Ok(Anspruch::Laeuft),
            Some(None) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Records the work's result, in the work's transaction.
pub async fn abschliessen(tx: &mut Tx, account_id: &str, key: &str, location: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE idempotency_keys SET location = $1 WHERE account_id = $2 AND idem_key = $3")
        .bind(location)
        .bind(account_id)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records the result after the work's transaction (the generic form
/// path, `web::formulare`, which does not see the handler's transaction).
pub async fn abschliessen_ohne_tx(writer: &Writer, account_id: &str, key: &str, location: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE idempotency_keys SET location = $1 WHERE account_id = $2 AND idem_key = $3")
        .bind(location)
        .bind(account_id)
        .bind(key)
        .execute(writer)
        .await?;
    Ok(())
}

/// Releases a claimed key when the work did not happen (the form had
/// errors), so the corrected form can be sent with the same key.
pub async fn freigeben(writer: &Writer, account_id: &str, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM idempotency_keys WHERE account_id = $1 AND idem_key = $2 AND location IS NULL")
        .bind(account_id)
        .bind(key)
        .execute(writer)
        .await?;
    Ok(())
}

/// Housekeeping: forgets keys older than [`KEEP_SECS`].
pub async fn purge(writer: &Writer, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1").bind(now - KEEP_SECS).execute(writer).await?.rows_affected())
}

#[cfg(test)]
mod tests {
    #[test]
    fn made_keys_are_valid_and_junk_is_not() {
        assert!(super::gueltig(&super::neuer_schluessel()));
        for junk in ["", "kurz", "mit leerzeichen und mehr als sechzehn", "ä-ä-ä-ä-ä-ä-ä-ä-ä"] {
            assert!(!super::gueltig(junk), "{junk}");
        }
    }
}
