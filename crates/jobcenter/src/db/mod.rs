//! The shared database: SQLite (embedded default) or PostgreSQL, one code
//! path through sqlx's `Any` driver (DESIGN.md, "Storage").

pub mod abfrage;
pub mod sqlite_writer;

use anyhow::Context;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryFutureExt};
use sqlite_writer::{SqliteConn, SqliteWriter};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{AnyPool, Describe, Either, Execute, Executor, SqlStr};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Which engine is behind the pool; only the writer and the migrations
/// differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    /// The engine a `JOBCENTER_DATABASE_URL` names.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("sqlite:") { Self::Sqlite } else { Self::Postgres }
    }
}

/// The readers' pool, the writer and the engine.
///
/// On SQLite, writes go through `writer`, one connection run in the
/// request's own thread ([`sqlite_writer`]), and everything else through
/// `pool`, whose connections are read-only. SQLite admits one writer at a
/// time anyway; a second connection that tries to write finds the lock
/// taken and polls with sleeps (the busy timeout), while writers queued on
/// the one writer wait in line and are woken in turn. The one writer
/// connection also stays warm, and its page cache is never invalidated by
/// another writer (docs/BENCHMARKS.md, sessions 3 and 5). On PostgreSQL
/// both are the same pool.
///
/// Code that holds the writer (a transaction from [`Db::begin`]) must
/// never wait for the writer again: it passes its transaction on.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub writer: Writer,
    pub kind: DbKind,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How long a write waits for another process that holds SQLite's write
/// lock (the same for the readers' connections).
const SQLITE_BUSY: Duration = Duration::from_secs(10);

impl Db {
    /// Connects and applies the migrations of the engine: a pool of
    /// `connections` (read-only on SQLite, plus the one writer); for SQLite
    /// creates the file (and its folder) if needed and turns on WAL, a busy
    /// timeout and foreign keys.
    pub async fn connect(url: &str, connections: u32) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let kind = DbKind::of_url(url);
        let url = match kind {
            DbKind::Sqlite => {
                let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
                let path = path.split('?').next().unwrap_or(path);
                if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
                }
                if url.contains('?') { url.to_owned() } else { format!("{url}?mode=rwc") }
            }
            DbKind::Postgres => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url).context("JOBCENTER_DATABASE_URL is not a valid database URL")?;
        match kind {
            DbKind::Sqlite => {
                // The migrations run on a connection of their own (sqlx's
                // migrator), which also creates the file and names it.
                let setup = Self::open_pool(kind, &options, 1, false).await?;
                SQLITE_MIGRATIONS.run(&setup).await.context("applying database migrations")?;
                let file: String = sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                    .fetch_one(&setup)
                    .await
                    .context("reading the database file's path")?;
                setup.close().await;
                let pool = Self::open_pool(kind, &options, connections, true).await?;
                let writer =
                    Writer::Sqlite(sqlite_writer::open(&file, SQLITE_BUSY).with_context(|| format!("opening {file} for writing"))?);
                Ok(Self { pool, writer, kind })
            }
            DbKind::Postgres => {
                let pool = Self::open_pool(kind, &options, connections, false).await?;
                POSTGRES_MIGRATIONS.run(&pool).await.context("applying database migrations")?;
                Ok(Self { writer: Writer::Pool(pool.clone()), pool, kind })
            }
        }
    }

    /// `read_only`: the connections refuse every write (`PRAGMA query_only`),
    /// so a write that should have gone to the writer fails at once instead
    /// of polling the file lock.
    async fn open_pool(kind: DbKind, options: &AnyConnectOptions, connections: u32, read_only: bool) -> anyhow::Result<AnyPool> {
        AnyPoolOptions::new()
            .max_connections(connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            // An embedded SQLite connection cannot go stale, and the ping
            // would cost a round trip to its worker thread per statement.
            .test_before_acquire(kind == DbKind::Postgres)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if kind == DbKind::Sqlite {
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        if read_only {
                            conn.execute("PRAGMA query_only = ON").await?;
                        }
                    }
                    Ok(())
                })
            })
            .connect_with(options.clone())
            .await
            .context("connecting to the database (JOBCENTER_DATABASE_URL)")
    }

    /// Begins a write transaction (see [`Writer::begin`]).
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        self.writer.begin().await
    }
}

/// Where writes go: on SQLite the one writer connection, run in the
/// request's thread ([`sqlite_writer`]); on PostgreSQL the pool. Use
/// `&writer` as a sqlx executor for a single statement, [`Writer::begin`]
/// for a transaction.
#[derive(Clone, Debug)]
pub enum Writer {
    Pool(AnyPool),
    Sqlite(Arc<tokio::sync::Mutex<SqliteWriter>>),
}

impl Writer {
    /// Begins a write transaction; on SQLite with `BEGIN IMMEDIATE`, so
    /// that a transaction never has to upgrade its lock.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        match self {
            Writer::Pool(p) => Ok(Tx(Conn::Tx(p.begin().await?))),
            Writer::Sqlite(w) => {
                let mut conn = SqliteConn::lock(w).await;
                conn.simple("BEGIN IMMEDIATE")?;
                Ok(Tx(Conn::Sqlite(conn)))
            }
        }
    }

    /// Closes the pool; the SQLite writer closes when its last handle is
    /// dropped.
    pub async fn close(&self) {
        if let Writer::Pool(p) = self {
            p.close().await;
        }
    }
}

/// The writer inside a [`Tx`]: its executor.
#[derive(Debug)]
pub enum Conn {
    Tx(sqlx::Transaction<'static, sqlx::Any>),
    Sqlite(SqliteConn),
}

/// A write transaction: `&mut *tx` (or `&mut **tx` behind a reference) is
/// its executor. Dropped without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub struct Tx(Conn);

impl Tx {
    pub async fn commit(self) -> sqlx::Result<()> {
        match self.0 {
            Conn::Tx(t) => t.commit().await,
            Conn::Sqlite(mut c) => c.simple("COMMIT"),
        }
    }

    pub async fn rollback(self) -> sqlx::Result<()> {
        match self.0 {
            Conn::Tx(t) => t.rollback().await,
            Conn::Sqlite(mut c) => c.simple("ROLLBACK"),
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        &self.0
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.0
    }
}

type Results<'e> = BoxStream<'e, sqlx::Result<Either<AnyQueryResult, AnyRow>>>;

fn stream_of<'e>(results: impl Future<Output = sqlx::Result<Vec<Either<AnyQueryResult, AnyRow>>>> + Send + 'e) -> Results<'e> {
    results.map_ok(|r| futures_util::stream::iter(r.into_iter().map(Ok))).try_flatten_stream().boxed()
}

fn first_row(results: sqlx::Result<Vec<Either<AnyQueryResult, AnyRow>>>) -> sqlx::Result<Option<AnyRow>> {
    Ok(results?.into_iter().find_map(|r| r.right()))
}

/// `prepare_with` and `describe`, which the portal does not use.
fn not_on_sqlite_writer<'e, T: Send + 'e>() -> BoxFuture<'e, sqlx::Result<T>> {
    Box::pin(async { Err(sqlx::Error::Protocol("prepared statements and describe are not available on the SQLite writer".into())) })
}

impl<'c> sqlx::Executor<'c> for &'c Writer {
    type Database = sqlx::Any;

    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> Results<'e>
    where
        'c: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Writer::Pool(p) => p.fetch_many(query),
            Writer::Sqlite(w) => stream_of(async move { SqliteConn::lock(w).await.run(query) }),
        }
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, sqlx::Result<Option<AnyRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Writer::Pool(p) => p.fetch_optional(query),
            Writer::Sqlite(w) => Box::pin(async move { first_row(SqliteConn::lock(w).await.run(query)) }),
        }
    }

    fn prepare_with<'e>(self, sql: SqlStr, parameters: &'e [AnyTypeInfo]) -> BoxFuture<'e, sqlx::Result<AnyStatement>>
    where
        'c: 'e,
    {
        match self {
            Writer::Pool(p) => p.prepare_with(sql, parameters),
            Writer::Sqlite(_) => not_on_sqlite_writer(),
        }
    }

    fn describe<'e>(self, sql: SqlStr) -> BoxFuture<'e, sqlx::Result<Describe<sqlx::Any>>>
    where
        'c: 'e,
    {
        match self {
            Writer::Pool(p) => p.describe(sql),
            Writer::Sqlite(_) => not_on_sqlite_writer(),
        }
    }
}

impl<'c> sqlx::Executor<'c> for &'c mut Conn {
    type Database = sqlx::Any;

    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> Results<'e>
    where
        'c: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Conn::Tx(t) => t.fetch_many(query),
            Conn::Sqlite(c) => stream_of(std::future::ready(c.run(query))),
        }
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, sqlx::Result<Option<AnyRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Conn::Tx(t) => t.fetch_optional(query),
            Conn::Sqlite(c) => Box::pin(std::future::ready(first_row(c.run(query)))),
        }
    }

    fn prepare_with<'e>(self, sql: SqlStr, parameters: &'e [AnyTypeInfo]) -> BoxFuture<'e, sqlx::Result<AnyStatement>>
    where
        'c: 'e,
    {
        match self {
            Conn::Tx(t) => t.prepare_with(sql, parameters),
            Conn::Sqlite(_) => not_on_sqlite_writer(),
        }
    }

    fn describe<'e>(self, sql: SqlStr) -> BoxFuture<'e, sqlx::Result<Describe<sqlx::Any>>>
    where
        'c: 'e,
    {
        match self {
            Conn::Tx(t) => t.describe(sql),
            Conn::Sqlite(_) => not_on_sqlite_writer(),
        }
    }
}

/// A new UUIDv7 as text.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Versions of both migration folders, for the test that they match.
pub fn migration_versions() -> (Vec<i64>, Vec<i64>) {
    let v = |m: &sqlx::migrate::Migrator| m.iter().map(|x| x.version).collect();
    (v(&SQLITE_MIGRATIONS), v(&POSTGRES_MIGRATIONS))
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_migration_folders_have_the_same_versions() {
        let (sqlite, postgres) = super::migration_versions();
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres must have the same versions");
    }
}
