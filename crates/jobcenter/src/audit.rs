//! The audit trail: every account event, in a hash chain so that an edited
//! or deleted row is detected by [`verify_chain`]. Events are written
//! in the same transaction as the change they record.

use crate::db::{Tx, new_id};
use anyhow::bail;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// Who caused an event, from the request.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub ip: String,
    pub user_agent: String,
}

/// One recorded event, as listed in "Verlauf".
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub kind: String,
    pub at: i64,
    pub ip: String,
    pub user_agent: String,
    pub details: serde_json::Value,
}

fn chain_hash(prev: &str, seq: i64, id: &str, account: Option<&str>, kind: &str, at: i64, details: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, &seq.to_string(), id, account.unwrap_or(""), kind, &at.to_string(), details] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

/// Appends an event. The chain head row is locked by the update until the
/// transaction ends, so concurrent writers on several nodes serialise here.
pub async fn record(
    tx: &mut Tx,
    account_id: Option<&str>,
    kind: &str,
    actor: &Actor,
    details: serde_json::Value,
    now: i64,
) -> anyhow::Result<()> {
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash").fetch_one(&mut **tx).await?;
    let seq: i64 = head.try_get("seq")?;
    let prev: String = head.try_get("last_hash")?;
    let id = new_id();
    let details = details.to_string();
    let hash = chain_hash(&prev, seq, &id, account_id, kind, now, &details);
    // The head's last_hash follows by trigger (migration 0007).
    sqlx::query(
        "INSERT INTO audit_events (seq, id, account_id, kind, at, ip, user_agent, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(seq)
    .bind(&id)
    .bind(account_id)
    .bind(kind)
    .bind(now)
    .bind(&actor.ip)
    .bind(&actor.user_agent)
    .bind(&details)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Events of one account, newest first.
pub async fn for_account(pool: &sqlx::AnyPool, account_id: &str, limit: i64) -> anyhow::Result<Vec<AuditEvent>> {
    let rows = sqlx::query("SELECT kind, at, ip, user_agent, details FROM audit_events WHERE account_id = $1 ORDER BY seq DESC LIMIT $2")
        .bind(account_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AuditEvent {
                kind: r.try_get("kind")?,
                at: r.try_get("at")?,
                ip: r.try_get("ip")?,
                user_agent: r.try_get("user_agent")?,
                details: serde_json::from_str(&r.try_get::<String, _>("details")?)?,
            })
        })
        .collect()
}

/// Recomputes the whole chain; fails at the first row that does not match.
pub async fn verify_chain(pool: &sqlx::AnyPool) -> anyhow::Result<i64> {
    let rows = sqlx::query("SELECT seq, id, account_id, kind, at, details, prev_hash, hash FROM audit_events ORDER BY seq")
        .fetch_all(pool)
        .await?;
    let mut prev = "0".repeat(64);
    for (expected_seq, r) in (1_i64..).zip(rows.iter()) {
        let seq: i64 = r.try_get("seq")?;
        let account: Option<String> = r.try_get("account_id")?;
        let h = chain_hash(
            &prev,
            seq,
            &r.try_get::<String, _>("id")?,
            account.as_deref(),
            &r.try_get::<String, _>("kind")?,
            r.try_get("at")?,
            &r.try_get::<String, _>("details")?,
        );
        if seq != expected_seq || r.try_get::<String, _>("prev_hash")? != prev || r.try_get::<String, _>("hash")? != h {
            bail!("audit chain broken at event {seq}");
        }
        prev = h;
    }
    let head: String = sqlx::query_scalar("SELECT last_hash FROM audit_head WHERE id = 1").fetch_one(pool).await?;
    if head != prev {
        bail!("audit chain head does not match the last event");
    }
    Ok(rows.len() as i64)
}
