//! The leased queue shared by the mail outbox (`outbox`) and the SMS queue
//! (`sms_outbox`): a claim is one conditional UPDATE with a lease, so two
//! nodes never take the same row; each attempt ends as sent, retried with
//! back-off, or dead-lettered. Both tables have the columns `id`,
//! `attempts`, `next_attempt_at`, `lease_until`, `sent_at`, `dead_at` and
//! `last_error`.

use sqlx::any::AnyRow;

/// How long a claimed row stays with one worker before another may take it.
const LEASE_SECS: i64 = 120;

/// One queue table with its SQL.
pub struct Queue {
    claim: &'static str,
    sent: &'static str,
    dead: &'static str,
    retry: &'static str,
    /// After this many failed attempts a row is dead-lettered.
    max_attempts: i64,
}

/// The SQL of a queue on `$table`, returning `$returning` on a claim.
macro_rules! queue {
    ($table:literal, $returning:literal, $max_attempts:expr) => {
        $crate::outbox::Queue::new(
            concat!(
                "UPDATE ",
                $table,
                " SET lease_until = $1, attempts = attempts + 1
                 WHERE id = (SELECT id FROM ",
                $table,
                "
                             WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $2
                               AND (lease_until IS NULL OR lease_until < $2)
                             ORDER BY next_attempt_at, id LIMIT 1)
                   AND sent_at IS NULL AND dead_at IS NULL AND (lease_until IS NULL OR lease_until < $2)
                 RETURNING ",
                $returning
            ),
            concat!("UPDATE ", $table, " SET sent_at = $1, lease_until = NULL, last_error = NULL WHERE id = $2"),
            concat!("UPDATE ", $table, " SET dead_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3"),
            concat!("UPDATE ", $table, " SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3"),
            $max_attempts,
        )
    };
}
pub(crate) use queue;

/// How one attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Failed; tried again after the back-off.
    Retry,
    /// Failed for the last time.
    Dead,
}

/// Back-off after attempt `n` (1-based): 30 s, 1 min, 2 min, … capped at 1 h.
pub fn backoff_secs(attempts: i64) -> i64 {
    (30_i64 << (attempts - 1).clamp(0, 7)).min(3600)
}

impl Queue {
    /// Use [`queue!`].
    pub const fn new(claim: &'static str, sent: &'static str, dead: &'static str, retry: &'static str, max_attempts: i64) -> Self {
        Self { claim, sent, dead, retry, max_attempts }
    }

    /// Claims one due row with a lease; its `RETURNING` columns, or `None`.
    pub async fn claim(&self, writer: &crate::db::Writer, now: i64) -> sqlx::Result<Option<AnyRow>> {
        sqlx::query(self.claim).bind(now + LEASE_SECS).bind(now).fetch_optional(writer).await
    }

    /// Records the result of attempt number `attempts` of row `id`.
    pub async fn finish(
        &self,
        writer: &crate::db::Writer,
        id: &str,
        attempts: i64,
        result: &Result<(), String>,
        now: i64,
    ) -> sqlx::Result<Outcome> {
        let (outcome, query) = match result {
            Ok(()) => (Outcome::Sent, sqlx::query(self.sent).bind(now)),
            Err(error) if attempts >= self.max_attempts => (Outcome::Dead, sqlx::query(self.dead).bind(now).bind(error.as_str())),
            Err(error) => (Outcome::Retry, sqlx::query(self.retry).bind(now + backoff_secs(attempts)).bind(error.as_str())),
        };
        query.bind(id).execute(writer).await?;
        Ok(outcome)
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
