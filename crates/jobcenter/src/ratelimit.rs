//! Counters in the database, shared by all nodes, for every endpoint that
//! guards a secret. A window opens with the first hit and lasts its
//! full length, so "locked for 15 minutes" means 15 minutes from the first
//! counted attempt.

use sqlx::AnyPool;

/// A limit: at most `max` hits per `window_secs`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

impl Limit {
    pub const fn per_minutes(max: i64, minutes: i64) -> Self {
        Self { max, window_secs: minutes * 60 }
    }
}

/// Counts one hit for `key` and says whether it is still within the limit.
/// Takes the pool, or the caller's transaction when it already holds the
/// write lock (SQLite has one writer: a second connection would wait).
pub async fn hit<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, key: &str, limit: Limit, now: i64) -> sqlx::Result<bool> {
    let hits: i64 = sqlx::query_scalar(
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.window_start > $3 THEN rate_limits.hits + 1 ELSE 1 END,
           window_start = CASE WHEN rate_limits.window_start > $3 THEN rate_limits.window_start ELSE $2 END
         RETURNING hits",
    )
    .bind(key)
    .bind(now)
    .bind(now - limit.window_secs)
    .fetch_one(ex)
    .await?;
    Ok(hits <= limit.max)
}

/// Says whether `key` has hits left, without counting.
pub async fn allowed(pool: &AnyPool, key: &str, limit: Limit, now: i64) -> sqlx::Result<bool> {
    Ok(hits(pool, key, limit, now).await? < limit.max)
}

/// The hits counted for `key` in its current window.
pub async fn hits<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, key: &str, limit: Limit, now: i64) -> sqlx::Result<i64> {
    let hits: Option<i64> = sqlx::query_scalar("SELECT hits FROM rate_limits WHERE key = $1 AND window_start > $2")
        .bind(key)
        .bind(now - limit.window_secs)
        .fetch_optional(ex)
        .await?;
    Ok(hits.unwrap_or(0))
}

/// Forgets the counter of `key` (after a successful login).
pub async fn reset(writer: &crate::db::Writer, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM rate_limits WHERE key = $1").bind(key).execute(writer).await?;
    Ok(())
}

/// Deletes counters of windows that ended long ago.
pub async fn purge(writer: &crate::db::Writer, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM rate_limits WHERE window_start < $1").bind(now - 86_400).execute(writer).await?.rows_affected())
}
