//! Referential integrity (migration 0009): the two migration folders
//! describe the same schema, foreign keys refuse orphans, and deleting an
//! account removes or anonymises everything of it (ACC-12).

use crate::support::{PASSWORD, TestApp, backend, location};
use jobcenter::db::{Db, DbKind};
use sqlx::{AnyPool, AssertSqlSafe, Row};
use std::collections::{BTreeMap, BTreeSet};

/// Differences between the two folders that are meant to be, as the table
/// their lines name (each line of a description starts with `table:`).
/// Everything else that differs fails the comparison.
const ALLOWED_DIFFERENCES: &[(&str, &str)] =
    &[("_sqlx_migrations", "sqlx's own bookkeeping table, created by sqlx itself with engine-specific column types")];

// Rules that make the two descriptions comparable at all (engine facts, not
// differences between the folders):
// - A primary-key column counts as NOT NULL: PostgreSQL makes it so, SQLite
//   (for a legacy reason) accepts NULL in a non-INTEGER primary key.
// - Types are the declared names in lower case (TEXT, BIGINT, INTEGER are
//   the only ones used).
// - Unique constraints compare by their columns (SQLite names them
//   `sqlite_autoindex_…`); indexes created by name compare by name.
// - PostgreSQL's trigger functions have no SQLite counterpart; the triggers
//   compare by table and name.

/// A PostgreSQL database of its own, whatever the suite runs on (the
/// comparison needs both engines).
async fn fresh_postgres() -> String {
    let base = std::env::var("JOBCENTER_TEST_PG_URL").unwrap_or_else(|_| "postgres://root@127.0.0.1:5432".into());
    let name = format!("jc_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::any::install_default_drivers();
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&format!("{base}/postgres"))
        .await
        .expect("the schema comparison needs PostgreSQL (JOBCENTER_TEST_PG_URL) on both halves of the suite");
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create test database");
    format!("{base}/{name}")
}

async fn strings(pool: &AnyPool, sql: &str, bind: Option<&str>) -> Vec<Vec<String>> {
    let mut q = sqlx::query(AssertSqlSafe(sql.to_owned()));
    if let Some(b) = bind {
        q = q.bind(b.to_owned());
    }
    let rows = q.fetch_all(pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.iter()
        .map(|r| {
            (0..r.len())
                .map(|i| {
                    r.try_get::<Option<String>, _>(i)
                        .or_else(|_| r.try_get::<Option<i64>, _>(i).map(|n| n.map(|n| n.to_string())))
                        .unwrap_or_else(|e| panic!("{sql}, column {i}: {e}"))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

/// The tables of the database with their columns in order.
async fn tables(db: &Db) -> BTreeMap<String, Vec<String>> {
    let names = match db.kind {
        DbKind::Sqlite => strings(&db.pool, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", None).await,
        DbKind::Postgres => strings(&db.pool, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'", None).await,
    };
    let mut out = BTreeMap::new();
    for row in names {
        let table = row[0].clone();
        let columns = columns(db, &table).await.into_iter().map(|c| c[0].clone()).collect();
        out.insert(table, columns);
    }
    out
}

/// Name, type, NOT NULL (0/1) and position in the primary key (0: none)
/// of each column of `table`, in order.
async fn columns(db: &Db, table: &str) -> Vec<Vec<String>> {
    let sql = match db.kind {
        DbKind::Sqlite => r#"SELECT name, lower(type), "notnull", pk FROM pragma_table_info($1) ORDER BY cid"#,
        DbKind::Postgres => {
            "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod)::text, CAST(CASE WHEN a.attnotnull THEN 1 ELSE 0 END AS BIGINT),
                    CAST(COALESCE((SELECT k.n FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                                          WHERE k.attnum = a.attnum), 0) AS BIGINT)
             FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
             WHERE a.attrelid = CAST(CAST($1 AS TEXT) AS regclass) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
        }
    };
    strings(&db.pool, sql, Some(table)).await
}

/// The schema as lines `table: what`, comparable between the engines.
async fn describe(db: &Db) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for table in tables(db).await.keys() {
        lines.insert(format!("{table}: table"));
        let mut pk: Vec<(i64, String)> = Vec::new();
        for c in columns(db, table).await {
            let (name, ty, not_null, pk_pos) = (&c[0], &c[1], c[2] == "1", c[3].parse::<i64>().unwrap());
            if pk_pos > 0 {
                pk.push((pk_pos, name.clone()));
            }
            let null = if not_null || pk_pos > 0 { " not null" } else { "" };
            lines.insert(format!("{table}: column {name} {ty}{null}"));
        }
        pk.sort();
        let pk: Vec<_> = pk.into_iter().map(|(_, n)| n).collect();
        lines.insert(format!("{table}: primary key ({})", pk.join(", ")));
    }
    for line in foreign_keys(db).await.into_iter().chain(indexes(db).await).chain(checks_and_triggers(db).await) {
        lines.insert(line);
    }
    lines
}

async fn foreign_keys(db: &Db) -> Vec<String> {
    // One row per column of each foreign key: table, key id, position,
    // column, referenced table, referenced column, ON DELETE rule.
    let rows = match db.kind {
        DbKind::Sqlite => {
            let mut rows = Vec::new();
            for table in tables(db).await.keys() {
                let sql =
                    r#"SELECT CAST(id AS TEXT), CAST(seq AS TEXT), "from", "table", "to", on_delete FROM pragma_foreign_key_list($1)"#;
                for mut r in strings(&db.pool, sql, Some(table)).await {
                    if r[4].is_empty() {
                        // `REFERENCES parent` without a column: its primary key.
                        let pk = columns(db, &r[3]).await.into_iter().find(|c| c[3] == (r[1].parse::<i64>().unwrap() + 1).to_string());
                        r[4] = pk.map(|c| c[0].clone()).unwrap_or_default();
                    }
                    rows.push([vec![table.clone()], r].concat());
                }
            }
            rows
        }
        DbKind::Postgres => {
            strings(
                &db.pool,
                "SELECT c.conrelid::regclass::text, c.conname::text, CAST(k.n AS TEXT), a.attname::text, c.confrelid::regclass::text,
                        af.attname::text,
                        CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                                           WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END
                 FROM pg_constraint c
                 CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, refcol, n)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
                 JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.refcol
                 WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
                None,
            )
            .await
        }
    };
    let mut keys: BTreeMap<(String, String), Vec<Vec<String>>> = BTreeMap::new();
    for r in rows {
        keys.entry((r[0].clone(), r[1].clone())).or_default().push(r);
    }
    keys.into_iter()
        .map(|((table, _), mut cols)| {
            cols.sort_by_key(|c| c[2].parse::<i64>().unwrap());
            let from: Vec<_> = cols.iter().map(|c| c[3].as_str()).collect();
            let to: Vec<_> = cols.iter().map(|c| c[5].as_str()).collect();
            format!("{table}: foreign key ({}) -> {} ({}) on delete {}", from.join(", "), cols[0][4], to.join(", "), cols[0][6])
        })
        .collect()
}

/// Unique keys by their columns, and indexes created by name.
async fn indexes(db: &Db) -> Vec<String> {
    // table, index name, unique, partial, created by name (not by a
    // constraint), columns in order.
    let rows = match db.kind {
        DbKind::Sqlite => {
            let mut rows = Vec::new();
            for table in tables(db).await.keys() {
                let sql = r#"SELECT l.name, CAST(l."unique" AS TEXT), CAST(l.partial AS TEXT), CASE WHEN l.origin = 'c' THEN '1' ELSE '0' END,
                                    (SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno))
                             FROM pragma_index_list($1) l WHERE l.origin <> 'pk'"#;
                for r in strings(&db.pool, sql, Some(table)).await {
                    rows.push([vec![table.clone()], r].concat());
                }
            }
            rows
        }
        DbKind::Postgres => {
            strings(
                &db.pool,
                "SELECT t.relname::text, x.relname::text, CASE WHEN i.indisunique THEN '1' ELSE '0' END,
                        CASE WHEN i.indpred IS NULL THEN '0' ELSE '1' END,
                        CASE WHEN EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) THEN '0' ELSE '1' END,
                        (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n)
                         FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)
                 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
                 WHERE t.relnamespace = 'public'::regnamespace AND NOT i.indisprimary",
                None,
            )
            .await
        }
    };
    let mut lines = Vec::new();
    for r in rows {
        let (table, name, unique, partial, by_name, cols) = (&r[0], &r[1], r[2] == "1", r[3] == "1", r[4] == "1", &r[5]);
        let partial = if partial { " partial" } else { "" };
        if unique {
            lines.push(format!("{table}: unique ({cols}){partial}"));
        }
        if by_name {
            let kind = if unique { "unique index" } else { "index" };
            lines.push(format!("{table}: {kind} {name} ({cols}){partial}"));
        }
    }
    lines
}

/// The number of CHECK constraints per table, and the triggers.
async fn checks_and_triggers(db: &Db) -> Vec<String> {
    let mut lines = Vec::new();
    match db.kind {
        DbKind::Sqlite => {
            for r in strings(&db.pool, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL", None).await {
                let n = count_checks(&r[1]);
                if n > 0 {
                    lines.push(format!("{}: {n} check constraints", r[0]));
                }
            }
            for r in strings(&db.pool, "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'", None).await {
                lines.push(format!("{}: trigger {}", r[0], r[1]));
            }
        }
        DbKind::Postgres => {
            let sql = "SELECT conrelid::regclass::text, CAST(COUNT(*) AS TEXT) FROM pg_constraint
                       WHERE contype = 'c' AND connamespace = 'public'::regnamespace GROUP BY conrelid";
            for r in strings(&db.pool, sql, None).await {
                lines.push(format!("{}: {} check constraints", r[0], r[1]));
            }
            let sql = "SELECT tgrelid::regclass::text, tgname::text FROM pg_trigger WHERE NOT tgisinternal";
            for r in strings(&db.pool, sql, None).await {
                lines.push(format!("{}: trigger {}", r[0], r[1]));
            }
        }
    }
    lines
}

/// `CHECK (` outside comments in a `CREATE TABLE` statement.
fn count_checks(create_table: &str) -> usize {
    let code: String = create_table.lines().map(|l| l.split("--").next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
    let upper = code.to_uppercase();
    let bytes = upper.as_bytes();
    upper
        .match_indices("CHECK")
        .filter(|(at, _)| *at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'))
        .filter(|(at, _)| upper[at + 5..].trim_start().starts_with('('))
        .count()
}

/// What one engine has and the other has not, without the allowed
/// differences: (only on SQLite, only on PostgreSQL).
fn drift(sqlite: &BTreeSet<String>, postgres: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    let allowed = |line: &&String| ALLOWED_DIFFERENCES.iter().any(|(table, _)| line.starts_with(&format!("{table}:")));
    let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| a.difference(b).filter(|l| !allowed(l)).cloned().collect::<Vec<_>>();
    (only(sqlite, postgres), only(postgres, sqlite))
}

async fn both_engines() -> (tempfile::TempDir, Db, Db) {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::connect(&format!("sqlite://{}", dir.path().join("schema.db").display()), 2).await.expect("SQLite migrates");
    let postgres = Db::connect(&fresh_postgres().await, 2).await.expect("PostgreSQL migrates");
    (dir, sqlite, postgres)
}

#[tokio::test]
async fn the_migration_folders_describe_the_same_schema() {
    let (_dir, sqlite, postgres) = both_engines().await;
    let (s, p) = (describe(&sqlite).await, describe(&postgres).await);
    assert!(s.iter().any(|l| l.contains("foreign key")) && s.iter().any(|l| l.contains("check constraints")), "described: {s:#?}");
    assert!(s.len() > 200, "a whole schema is described, not {} lines", s.len());
    let (only_sqlite, only_postgres) = drift(&s, &p);
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "migrations/sqlite and migrations/postgres differ beyond ALLOWED_DIFFERENCES:\n only in sqlite:\n  {}\n only in postgres:\n  {}",
        only_sqlite.join("\n  "),
        only_postgres.join("\n  "),
    );
}

#[tokio::test]
async fn the_schema_comparison_notices_a_column_a_foreign_key_or_a_check_on_one_engine_only() {
    let (_dir, sqlite, postgres) = both_engines().await;
    sqlx::query("ALTER TABLE profiles ADD COLUMN note TEXT").execute(&sqlite.writer).await.unwrap();
    sqlx::query("ALTER TABLE print_queue ADD FOREIGN KEY (printed_by) REFERENCES staff (account_id)")
        .execute(&postgres.pool)
        .await
        .unwrap();
    sqlx::query("ALTER TABLE sessions ADD CHECK (ip <> '')").execute(&postgres.pool).await.unwrap();
    let (only_sqlite, only_postgres) = drift(&describe(&sqlite).await, &describe(&postgres).await);
    assert_eq!(only_sqlite, ["profiles: column note text", "sessions: 2 check constraints"]);
    assert_eq!(
        only_postgres,
        ["print_queue: foreign key (printed_by) -> staff (account_id) on delete NO ACTION", "sessions: 3 check constraints"]
    );
}

#[tokio::test]
async fn foreign_keys_refuse_orphans() {
    let app = TestApp::spawn().await;
    let office = app.fixture_office("Jobcenter Mitte").await;
    let client = app.fixture_client("123A456789", "Kim", "Klicker", &office, None).await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let account = app.account_id("kim@example.de").await.unwrap();
    let insert = |account: String, relation: &'static str| {
        sqlx::query(
            "INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at)
             VALUES ($1, $2, $3, $4, 1, 0, NULL, 0)",
        )
        .bind(jobcenter::db::new_id())
        .bind(account)
        .bind(client.id.clone())
        .bind(relation)
        .execute(&app.state.db.writer)
    };
    let refused = |r: Result<_, sqlx::Error>, what: &str| {
        let message = r.expect_err(what).to_string().to_lowercase();
        assert!(message.contains(what), "{what}: {message}");
    };
    refused(insert(jobcenter::db::new_id(), "self").await, "foreign key");
    refused(insert(account.clone(), "friend").await, "check constraint");
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(profiles, 0, "nothing was written");
    insert(account, "self").await.expect("a profile of an existing account is accepted");
    let r = sqlx::query("DELETE FROM offices WHERE id = $1").bind(&office).execute(&app.state.db.writer).await;
    refused(r, "foreign key");
}

/// Tables that may still hold a deleted account's id, with the reason.
const KEEP_THE_ACCOUNT_ID: &[(&str, &str)] =
    &[("audit_events", "hash-chained (X-3): a changed row breaks the chain; the id stays as a pseudonym, nothing else of the person")];

/// The tables (of the live schema, so a new table is covered) with a row
/// that contains `needle` in any column.
async fn tables_containing(app: &TestApp, needle: &str) -> BTreeSet<String> {
    let db = &app.state.db;
    let mut found = BTreeSet::new();
    for (table, columns) in tables(db).await {
        let any = columns.iter().map(|c| format!("CAST(\"{c}\" AS TEXT) LIKE $1")).collect::<Vec<_>>().join(" OR ");
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE {any}");
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).bind(format!("%{needle}%")).fetch_one(&db.pool).await.unwrap();
        if n > 0 {
            found.insert(table);
        }
    }
    found
}

async fn scalar(app: &TestApp, sql: &str, client_id: &str) -> i64 {
    sqlx::query_scalar(AssertSqlSafe(sql.to_owned())).bind(client_id).fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn deleting_an_account_removes_or_anonymises_everything_of_it() {
    let app = TestApp::spawn().await;
    let (client, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let account = app.account_id("kim@example.de").await.unwrap();
    // The profile (Freischaltcode), Online-Kommunikation, communication
    // options, recovery codes, a second session, a failed login.
    let r = app.post("/freischaltcode", &[("freischaltcode", &code.display())]).await;
    assert_eq!(location(&r), "/freischaltcode/erfolgreich");
    let r = app.post("/profil/online-kommunikation", &[("status", "an")]).await;
    assert_eq!(location(&r), "/profil/online-kommunikation?hinweis=an");
    assert_eq!(app.post("/profil/bearbeiten", &[("email_benachrichtigung", "on")]).await.status(), 303);
    assert_eq!(app.post("/konto/wiederherstellungscodes", &[]).await.status(), 200);
    let other = app.new_client();
    assert_eq!(app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    assert_eq!(app.login_with(&app.new_client(), "kim@example.de", "Falsch-Passwort-99!").await.status(), 422);

    let before = tables_containing(&app, &account).await;
    for table in [
        "accounts",
        "consents",
        "email_tokens",
        "sessions",
        "totp_factors",
        "recovery_codes",
        "rate_limits",
        "profiles",
        "activation_codes",
        "online_consents",
        "client_events",
        "audit_events",
    ] {
        assert!(before.contains(table), "the set-up left the account in {table} (found in {before:?})");
    }

    let r = app.post("/konto/loeschen", &[("aktuelles_passwort", PASSWORD), ("bestaetigung", "on")]).await;
    assert_eq!(location(&r), "/konto/geloescht");

    let after = tables_containing(&app, &account).await;
    let allowed: BTreeSet<String> = KEEP_THE_ACCOUNT_ID.iter().map(|(t, _)| (*t).to_owned()).collect();
    assert_eq!(after, allowed, "only these tables keep the id of a deleted account ({KEEP_THE_ACCOUNT_ID:?}) on {}", backend());
    jobcenter::audit::verify_chain(&app.state.db.pool).await.expect("the audit chain is intact");

    // The client record is the jobcenter's: it stays, without the account.
    let id = client.id.as_str();
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM clients WHERE id = $1", id).await, 1, "the client record stays");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM profiles WHERE client_id = $1", id).await, 0, "its profile is gone");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM communication_options WHERE client_id = $1", id).await, 1, "options stay");
    let events = "SELECT COUNT(*) FROM client_events WHERE client_id = $1 AND actor_kind = 'client' AND actor_account_id IS NULL";
    assert_eq!(scalar(&app, events, id).await, 3, "the history stays (activated, consent, options), without the actor");
    let consents = "SELECT COUNT(*) FROM online_consents WHERE client_id = $1 AND action = 'granted' AND account_id IS NULL";
    assert_eq!(scalar(&app, consents, id).await, 1, "the consent record stays, anonymised");
    let code_row = "SELECT COUNT(*) FROM activation_codes WHERE client_id = $1 AND used_at IS NOT NULL AND used_by_account IS NULL";
    assert_eq!(scalar(&app, code_row, id).await, 1, "the redeemed code stays, without who redeemed it");
    let konto_consents: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM consents WHERE account_id IS NULL").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(konto_consents, 2, "which consent texts were accepted when stays, anonymised");
}
