//! The SQLite writer, run in the request's own thread.
//!
//! sqlx runs every SQLite connection on a thread of its own: each statement
//! is a message to that thread and an answer back, two thread wake-ups. On
//! the one writer connection those hand-offs cost more than the writes
//! (a write statement takes a few microseconds; the hand-offs were about
//! 30 µs of CPU each and a third of a passkey login, docs/BENCHMARKS.md,
//! session 5). So the writer is a plain SQLite connection (rusqlite, the
//! same SQLite library sqlx links) behind an async mutex, and a statement
//! runs in the task that holds it. Reads stay on sqlx's pool, whose
//! threads let long reads run beside the request thread.
//!
//! It speaks sqlx's `Any` types ([`sqlx::Executor`] with `AnyArguments`
//! in and `AnyRow` out), so the same `sqlx::query(..).bind(..)` code runs
//! on it, on the readers and on PostgreSQL. SQLite values map to `Any` by
//! their storage class, as sqlx's SQLite driver maps them (INTEGER →
//! `BigInt`, REAL → `Double`, TEXT → `Text`, BLOB → `Blob`).
//!
//! The tokio mutex queues waiting writers in order, as the pool of one
//! did. A transaction that is dropped without commit is rolled back when
//! its connection is given back ([`SqliteConn`]'s `Drop`). Checkpoints,
//! which `fsync`, run on a thread of their own ([`CHECKPOINT_EVERY`]), not
//! inside a commit on the request thread.

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use sqlx::any::{AnyArguments, AnyQueryResult, AnyRow, AnyTypeInfo, AnyTypeInfoKind, AnyValue};
use sqlx::error::{DatabaseError, ErrorKind};
use sqlx::{Either, Execute};
use sqlx_core::any::{AnyColumn, AnyValueKind};
use sqlx_core::ext::ustr::UStr;
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

/// Prepared statements kept per connection (the portal has a few hundred
/// distinct statements; the hot ones stay prepared).
const STATEMENT_CACHE: usize = 512;

/// The writer connection. Its owner is the mutex in [`shared`].
pub struct SqliteWriter {
    conn: rusqlite::Connection,
}

impl std::fmt::Debug for SqliteWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteWriter").field("path", &self.conn.path()).finish()
    }
}

/// Opens the writer on the database file `path` (created and migrated
/// before): WAL, foreign keys, `busy_timeout`, and starts its
/// checkpointer ([`CHECKPOINT_EVERY`]).
///
/// The busy timeout only matters when another process writes the same
/// file (an `admin` command beside `serve`); the request thread then waits
/// in SQLite's busy handler, at most `busy`.
pub fn open(path: &str, busy: Duration) -> anyhow::Result<Arc<Mutex<SqliteWriter>>> {
    let conn = connect(path)?;
    conn.busy_timeout(busy)?;
    // The checkpointer keeps the log short; this is the safety net if it
    // cannot (SQLite's default is 1000 pages, checkpointed inside the
    // commit that crosses the mark, so on the request thread).
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000;",
    )?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    let writer = Arc::new(Mutex::new(SqliteWriter { conn }));
    spawn_checkpointer(connect(path)?, Arc::downgrade(&writer))?;
    Ok(writer)
}

fn connect(path: &str) -> rusqlite::Result<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    rusqlite::Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// How often the checkpointer copies the write-ahead log into the database
/// file. At the write rates of the benchmarks that is about as many pages
/// as SQLite's default automatic checkpoint (1000) would wait for.
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// Copies the write-ahead log into the database file on a thread of its
/// own, so that the `fsync`s of a checkpoint never hold up the request
/// thread. `PASSIVE` never waits for the writer or the readers. Ends soon
/// after the writer is dropped.
fn spawn_checkpointer(conn: rusqlite::Connection, writer: std::sync::Weak<Mutex<SqliteWriter>>) -> std::io::Result<()> {
    std::thread::Builder::new().name("sqlite-checkpoint".into()).spawn(move || {
        while writer.strong_count() > 0 {
            std::thread::sleep(CHECKPOINT_EVERY);
            if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                tracing::warn!(error = %e, "checkpointing the SQLite write-ahead log");
            }
        }
    })?;
    Ok(())
}

/// The writer held by one task; rolls back an open transaction when
/// dropped (a [`super::Tx`] that was neither committed nor rolled back).
pub struct SqliteConn(OwnedMutexGuard<SqliteWriter>);

impl std::fmt::Debug for SqliteConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl SqliteConn {
    pub async fn lock(writer: &Arc<Mutex<SqliteWriter>>) -> Self {
        Self(writer.clone().lock_owned().await)
    }

    /// Runs a statement without arguments or result (`BEGIN`, `COMMIT`).
    pub fn simple(&mut self, sql: &str) -> sqlx::Result<()> {
        self.0.conn.execute_batch(sql).map_err(error)
    }

    /// Runs one statement: its rows, then its result.
    pub fn run<'q>(&mut self, mut query: impl Execute<'q, sqlx::Any>) -> sqlx::Result<Vec<Either<AnyQueryResult, AnyRow>>> {
        let args = query.take_arguments().map_err(sqlx::Error::Encode)?;
        let sql = query.sql();
        run(&self.0.conn, sql.as_str(), args.as_ref())
    }
}

impl Drop for SqliteConn {
    fn drop(&mut self) {
        if !self.0.conn.is_autocommit()
            && let Err(e) = self.0.conn.execute_batch("ROLLBACK")
        {
            tracing::error!(error = %e, "rolling back an abandoned write transaction");
        }
    }
}

/// Column name → position, shared by the rows of one result (`AnyRow`).
type ColumnIndex = Arc<sqlx_core::HashMap<UStr, usize>>;

fn run(conn: &rusqlite::Connection, sql: &str, args: Option<&AnyArguments>) -> sqlx::Result<Vec<Either<AnyQueryResult, AnyRow>>> {
    let mut stmt = conn.prepare_cached(sql).map_err(error)?;
    let values = args.map(|a| a.values.0.as_slice()).unwrap_or_default();
    for param in 1..=stmt.parameter_count() {
        // `$N` names the N-th argument, wherever and however often it
        // stands; SQLite numbers named parameters by first appearance.
        let n = match stmt.parameter_name(param) {
            Some(name) => name
                .strip_prefix('$')
                .or_else(|| name.strip_prefix('?'))
                .and_then(|n| n.parse::<usize>().ok())
                .ok_or_else(|| sqlx::Error::Protocol(format!("unsupported SQL parameter {name}")))?,
            None => param,
        };
        // An argument that was never bound is NULL, as in sqlx.
        let value = values.get(n.wrapping_sub(1)).map(to_sql).transpose()?.unwrap_or(ToSqlOutput::Owned(Value::Null));
        stmt.raw_bind_parameter(param, value).map_err(error)?;
    }
    let mut out = Vec::new();
    // The column names, made once per statement and only if it has rows
    // (most writes have none).
    let mut named: Option<(Vec<UStr>, ColumnIndex)> = None;
    let mut rows = stmt.raw_query();
    while let Some(row) = rows.next().map_err(error)? {
        let (names, column_names) = named.get_or_insert_with(|| {
            let names: Vec<UStr> = row.as_ref().column_names().into_iter().map(UStr::new).collect();
            let by_name = Arc::new(names.iter().cloned().zip(0..).collect());
            (names, by_name)
        });
        let mut columns = Vec::with_capacity(names.len());
        let mut values = Vec::with_capacity(names.len());
        for (ordinal, name) in names.iter().enumerate() {
            let kind = from_sql(row.get_ref(ordinal).map_err(error)?)?;
            columns.push(AnyColumn { ordinal, name: name.clone(), type_info: type_info(&kind) });
            values.push(AnyValue { kind });
        }
        out.push(Either::Right(AnyRow { column_names: column_names.clone(), columns, values }));
    }
    drop(rows);
    out.push(Either::Left(AnyQueryResult { rows_affected: conn.changes(), last_insert_id: Some(conn.last_insert_rowid()) }));
    Ok(out)
}

fn to_sql(v: &AnyValueKind) -> sqlx::Result<ToSqlOutput<'_>> {
    Ok(match v {
        AnyValueKind::Null(_) => ToSqlOutput::Owned(Value::Null),
        AnyValueKind::Bool(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
        AnyValueKind::SmallInt(i) => ToSqlOutput::Owned(Value::Integer(i64::from(*i))),
        AnyValueKind::Integer(i) => ToSqlOutput::Owned(Value::Integer(i64::from(*i))),
        AnyValueKind::BigInt(i) => ToSqlOutput::Owned(Value::Integer(*i)),
        AnyValueKind::Real(f) => ToSqlOutput::Owned(Value::Real(f64::from(*f))),
        AnyValueKind::Double(f) => ToSqlOutput::Owned(Value::Real(*f)),
        AnyValueKind::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        AnyValueKind::TextSlice(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        AnyValueKind::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        other => return Err(sqlx::Error::Protocol(format!("unsupported argument {other:?}"))),
    })
}

fn from_sql(v: ValueRef<'_>) -> sqlx::Result<AnyValueKind> {
    Ok(match v {
        ValueRef::Null => AnyValueKind::Null(AnyTypeInfoKind::Null),
        ValueRef::Integer(i) => AnyValueKind::BigInt(i),
        ValueRef::Real(f) => AnyValueKind::Double(f),
        ValueRef::Text(t) => AnyValueKind::Text(Arc::new(String::from_utf8(t.to_vec()).map_err(|e| sqlx::Error::Decode(Box::new(e)))?)),
        ValueRef::Blob(b) => AnyValueKind::Blob(Arc::new(b.to_vec())),
    })
}

fn type_info(v: &AnyValueKind) -> AnyTypeInfo {
    let kind = match v {
        AnyValueKind::BigInt(_) => AnyTypeInfoKind::BigInt,
        AnyValueKind::Double(_) => AnyTypeInfoKind::Double,
        AnyValueKind::Text(_) => AnyTypeInfoKind::Text,
        AnyValueKind::Blob(_) => AnyTypeInfoKind::Blob,
        _ => AnyTypeInfoKind::Null,
    };
    AnyTypeInfo { kind }
}

/// An error of the SQLite library, as sqlx reports database errors.
#[derive(Debug)]
pub struct SqliteError {
    code: i32,
    message: String,
}

impl std::fmt::Display for SqliteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "(code: {}) {}", self.code, self.message)
    }
}

impl std::error::Error for SqliteError {}

impl DatabaseError for SqliteError {
    fn message(&self) -> &str {
        &self.message
    }

    fn code(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Owned(self.code.to_string()))
    }

    fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        self
    }

    fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
        self
    }

    fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
        self
    }

    fn kind(&self) -> ErrorKind {
        use rusqlite::ffi;
        match self.code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => ErrorKind::UniqueViolation,
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY => ErrorKind::ForeignKeyViolation,
            ffi::SQLITE_CONSTRAINT_NOTNULL => ErrorKind::NotNullViolation,
            ffi::SQLITE_CONSTRAINT_CHECK => ErrorKind::CheckViolation,
            _ => ErrorKind::Other,
        }
    }
}

fn error(e: rusqlite::Error) -> sqlx::Error {
    match e {
        rusqlite::Error::SqliteFailure(f, message) => {
            sqlx::Error::Database(Box::new(SqliteError { code: f.extended_code, message: message.unwrap_or_else(|| f.to_string()) }))
        }
        other => sqlx::Error::Protocol(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use crate::db::Writer;
    use sqlx::Row;

    async fn writer() -> (tempfile::TempDir, Writer) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, data BLOB, note TEXT)")
            .unwrap();
        let w = Writer::Sqlite(super::open(path.to_str().unwrap(), std::time::Duration::from_millis(100)).unwrap());
        (dir, w)
    }

    #[tokio::test]
    async fn arguments_go_by_their_number_and_values_come_back_as_any_values() {
        let (_dir, w) = writer().await;
        // $2 stands first and twice; SQLite numbers it 1.
        let done = sqlx::query("INSERT INTO t (name, id, note, score, data) VALUES ($2, $1, $2 || '!', $3, $4)")
            .bind(7_i64)
            .bind("anna")
            .bind(1.5_f64)
            .bind(vec![1_u8, 2])
            .execute(&w)
            .await
            .unwrap();
        assert_eq!(done.rows_affected(), 1);
        let row =
            sqlx::query("SELECT id, name, note, score, data, NULL AS absent, COUNT(*) OVER () AS n FROM t").fetch_one(&w).await.unwrap();
        assert_eq!(row.try_get::<i64, _>("id").unwrap(), 7);
        assert_eq!(row.try_get::<i32, _>("n").unwrap(), 1);
        assert_eq!(row.try_get::<String, _>("name").unwrap(), "anna");
        assert_eq!(row.try_get::<String, _>("note").unwrap(), "anna!");
        assert_eq!(row.try_get::<f64, _>("score").unwrap(), 1.5);
        assert_eq!(row.try_get::<Vec<u8>, _>("data").unwrap(), vec![1, 2]);
        assert_eq!(row.try_get::<Option<String>, _>("absent").unwrap(), None);
        assert!(row.try_get::<String, _>("id").is_err(), "an integer is no text");
        let missing = sqlx::query("SELECT id FROM t WHERE id = $1").bind(8_i64).fetch_optional(&w).await.unwrap();
        assert!(missing.is_none());
    }

    #[tokio::test]
    async fn returning_rows_the_changes_and_a_unique_violation() {
        let (_dir, w) = writer().await;
        for name in ["a", "b", "c"] {
            sqlx::query("INSERT INTO t (name) VALUES ($1)").bind(name).execute(&w).await.unwrap();
        }
        let gone: Vec<String> = sqlx::query_scalar("DELETE FROM t WHERE name <> $1 RETURNING name").bind("b").fetch_all(&w).await.unwrap();
        assert_eq!(gone.len(), 2);
        let changed = sqlx::query("UPDATE t SET score = 2 WHERE name = 'b'").execute(&w).await.unwrap();
        assert_eq!(changed.rows_affected(), 1);
        let err = sqlx::query("INSERT INTO t (name) VALUES ('b')").execute(&w).await.unwrap_err();
        assert!(err.as_database_error().is_some_and(|e| e.is_unique_violation()), "{err}");
    }

    #[tokio::test]
    async fn the_checkpointer_copies_committed_writes_into_the_database_file() {
        let (dir, w) = writer().await;
        sqlx::query("INSERT INTO t (name) VALUES ('checkpointed')").execute(&w).await.unwrap();
        // `immutable=1` reads the database file alone, without the log.
        let uri = format!("file:{}?immutable=1", dir.path().join("w.db").display());
        let in_file = || {
            let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
            let c = rusqlite::Connection::open_with_flags(&uri, flags).unwrap();
            c.query_row("SELECT COUNT(*) FROM t", [], |r| r.get::<_, i64>(0)).unwrap()
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while in_file() == 0 {
            assert!(std::time::Instant::now() < deadline, "the row never reached the database file");
            tokio::time::sleep(super::CHECKPOINT_EVERY).await;
        }
    }

    #[tokio::test]
    async fn a_transaction_commits_or_is_rolled_back_when_dropped() {
        let (_dir, w) = writer().await;
        let mut tx = w.begin().await.unwrap();
        sqlx::query("INSERT INTO t (name) VALUES ('kept')").execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
        let mut tx = w.begin().await.unwrap();
        sqlx::query("INSERT INTO t (name) VALUES ('dropped')").execute(&mut *tx).await.unwrap();
        drop(tx);
        let mut tx = w.begin().await.unwrap();
        sqlx::query("INSERT INTO t (name) VALUES ('rolled back')").execute(&mut *tx).await.unwrap();
        tx.rollback().await.unwrap();
        let names: Vec<String> = sqlx::query_scalar("SELECT name FROM t ORDER BY id").fetch_all(&w).await.unwrap();
        assert_eq!(names, ["kept"]);
    }
}
