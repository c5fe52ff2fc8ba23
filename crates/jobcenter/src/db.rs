//! The shared database: SQLite (embedded default) or PostgreSQL, one code
//! path through sqlx's `Any` driver (DESIGN.md, "Storage").

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

/// Which engine is behind the pool; only transactions and migrations differ.
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

/// The connection pools plus the engine.
///
/// On SQLite, writes go through `writer`, a pool of exactly one connection,
/// and everything else through `pool`, whose connections are read-only. SQLite admits one writer at a time
/// anyway; a second connection that tries to write finds the lock taken and
/// polls with sleeps (the busy timeout), while writers queued on a pool of
/// one wait in line and are woken in turn. The one writer connection also
/// stays warm, and its page cache is never invalidated by another writer
/// (docs/BENCHMARKS.md, session 3). On PostgreSQL both are the same pool.
///
/// Code that holds the writer (a transaction from [`Db::begin`]) must
/// never wait for a second writer connection: it passes its transaction on.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub writer: AnyPool,
    pub kind: DbKind,
}

/// A write transaction.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    /// Connects with a pool of `connections` (plus the one writer on
    /// SQLite); for SQLite creates the file (and its folder) if needed and
    /// turns on WAL, a busy timeout and foreign keys.
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
        let pool = Self::open_pool(kind, &options, connections, kind == DbKind::Sqlite).await?;
        let writer = match kind {
            DbKind::Sqlite => Self::open_pool(kind, &options, 1, false).await?,
            DbKind::Postgres => pool.clone(),
        };
        Ok(Self { pool, writer, kind })
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
                        conn.execute("PRAGMA mmap_size = 268435456").await?;
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

    /// Applies the migrations of this engine.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.kind {
            DbKind::Sqlite => &SQLITE_MIGRATIONS,
            DbKind::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.writer).await.context("applying database migrations")
    }

    /// Begins a write transaction; on SQLite with `BEGIN IMMEDIATE`, so two
    /// writers queue on the busy timeout instead of failing on upgrade.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        match self.kind {
            DbKind::Sqlite => self.writer.begin_with("BEGIN IMMEDIATE").await,
            DbKind::Postgres => self.pool.begin().await,
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
