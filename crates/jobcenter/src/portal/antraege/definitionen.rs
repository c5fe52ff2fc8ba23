//! Form definitions in the database (APP-2): loaded by operators as
//! drafts ("entwurf"), made live, archived. A stored version never changes,
//! so each node keeps the checked form of a definition id in memory once it
//! has read it (the JSON Schema compiled once, not per request).

use crate::db::{Db, Tx, new_id};
use formulare::{Formular, Mangel};
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

include!(concat!(env!("OUT_DIR"), "/formulare.rs"));

/// The lifecycle of a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stand {
    Entwurf,
    Live,
    Archiviert,
}

impl Stand {
    pub fn as_str(self) -> &'static str {
        match self {
            Stand::Entwurf => "entwurf",
            Stand::Live => "live",
            Stand::Archiviert => "archiviert",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "live" => Stand::Live,
            "archiviert" => Stand::Archiviert,
            _ => Stand::Entwurf,
        }
    }
}

/// A stored definition, checked.
#[derive(Debug, Clone)]
pub struct Definition {
    pub id: String,
    pub stand: Stand,
    pub formular: Arc<Formular>,
}

impl Definition {
    pub fn key(&self) -> &str {
        &self.formular.dok.formular
    }

    /// The title in `lang`.
    pub fn titel(&self, lang: crate::i18n::Lang) -> String {
        self.formular.text(lang.code(), "titel").unwrap_or_default().to_owned()
    }
}

/// Checked forms by the SHA-256 of their document: a stored version never
/// changes, and the same file loaded into another database (each test's,
/// each node's) is checked and compiled once per process.
static GEPRUEFT: LazyLock<RwLock<HashMap<String, Arc<Formular>>>> = LazyLock::new(Default::default);

fn aus_cache(sha: &str) -> Option<Arc<Formular>> {
    GEPRUEFT.read().ok()?.get(sha).cloned()
}

/// Checks a document (or takes it from the cache); its problems if any.
fn pruefen(sha: &str, dokument: &str) -> Result<Arc<Formular>, Vec<Mangel>> {
    if let Some(f) = aus_cache(sha) {
        return Ok(f);
    }
    let f = Arc::new(Formular::laden(dokument)?);
    if let Ok(mut c) = GEPRUEFT.write() {
        c.insert(sha.to_owned(), f.clone());
    }
    Ok(f)
}

async fn aus_zeilen(pool: &AnyPool, rows: Vec<sqlx::any::AnyRow>) -> anyhow::Result<Vec<Definition>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let sha: String = r.try_get("sha256")?;
        let stand = Stand::parse(&r.try_get::<String, _>("state")?);
        let formular = match aus_cache(&sha) {
            Some(f) => f,
            None => {
                let doc: String =
                    sqlx::query_scalar("SELECT document FROM form_definitions WHERE id = $1").bind(&id).fetch_one(pool).await?;
                pruefen(&sha, &doc).map_err(|m| anyhow::anyhow!("stored definition {id} no longer loads: {m:?}"))?
            }
        };
        out.push(Definition { id, stand, formular });
    }
    Ok(out)
}

/// The live forms, sorted by their German title.
pub async fn live(pool: &AnyPool) -> anyhow::Result<Vec<Definition>> {
    let rows = sqlx::query("SELECT id, state, sha256 FROM form_definitions WHERE state = 'live'").fetch_all(pool).await?;
    let mut v = aus_zeilen(pool, rows).await?;
    v.sort_by_cached_key(|d| d.formular.text("de", "titel").unwrap_or_default().to_owned());
    Ok(v)
}

/// The live version of a form.
pub async fn live_von(pool: &AnyPool, key: &str) -> anyhow::Result<Option<Definition>> {
    let rows = sqlx::query("SELECT id, state, sha256 FROM form_definitions WHERE form_key = $1 AND state = 'live'")
        .bind(key)
        .fetch_all(pool)
        .await?;
    Ok(aus_zeilen(pool, rows).await?.pop())
}

/// A definition by id (any state: an application keeps its version).
pub async fn nach_id(pool: &AnyPool, id: &str) -> anyhow::Result<Option<Definition>> {
    let rows = sqlx::query("SELECT id, state, sha256 FROM form_definitions WHERE id = $1").bind(id).fetch_all(pool).await?;
    Ok(aus_zeilen(pool, rows).await?.pop())
}

/// Every stored version, newest first per form (the back office's list).
pub async fn alle(pool: &AnyPool) -> anyhow::Result<Vec<Definition>> {
    let rows = sqlx::query("SELECT id, state, sha256 FROM form_definitions ORDER BY form_key, version DESC").fetch_all(pool).await?;
    aus_zeilen(pool, rows).await
}

/// Why loading or activating failed, for the operator.
#[derive(Debug)]
pub enum Ablehnung {
    /// The definition has problems (each with its place).
    Maengel(Vec<Mangel>),
    /// This form and version is stored with other content.
    VersionVergeben { key: String, version: u32 },
    /// No such form and version.
    Unbekannt,
}

impl std::fmt::Display for Ablehnung {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ablehnung::Maengel(m) => {
                for x in m {
                    writeln!(f, "  {x}")?;
                }
                Ok(())
            }
            Ablehnung::VersionVergeben { key, version } => {
                write!(
                    f,
                    "\"{key}\" Version {version} ist schon mit anderem Inhalt gespeichert; eine neue Version braucht eine neue Nummer"
                )
            }
            Ablehnung::Unbekannt => write!(f, "kein Formular dieses Namens und dieser Version"),
        }
    }
}

/// Checks a definition and stores it as a draft; the same content again
/// is no change. Returns (id, key, version, whether it was new).
pub async fn speichern(tx: &mut Tx, json: &str, now: i64) -> anyhow::Result<Result<(String, String, u32, bool), Ablehnung>> {
    let sha = hex::encode(Sha256::digest(json.as_bytes()));
    let f = match pruefen(&sha, json) {
        Ok(f) => f,
        Err(m) => return Ok(Err(Ablehnung::Maengel(m))),
    };
    let (key, version) = (f.dok.formular.clone(), f.dok.version);
    let vorhanden = sqlx::query("SELECT id, sha256 FROM form_definitions WHERE form_key = $1 AND version = $2")
        .bind(&key)
        .bind(i64::from(version))
        .fetch_optional(&mut **tx)
        .await?;
    if let Some(r) = vorhanden {
        let id: String = r.try_get("id")?;
        return Ok(if r.try_get::<String, _>("sha256")? == sha {
            Ok((id, key, version, false))
        } else {
            Err(Ablehnung::VersionVergeben { key, version })
        });
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO form_definitions (id, form_key, version, state, document, sha256, loaded_at) VALUES ($1, $2, $3, 'entwurf', $4, $5, $6)",
    )
    .bind(&id)
    .bind(&key)
    .bind(i64::from(version))
    .bind(json)
    .bind(&sha)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(Ok((id, key, version, true)))
}

/// Makes a version live; the version live before is archived (drafts of
/// applications on it can no longer be sent).
pub async fn aktivieren(tx: &mut Tx, key: &str, version: u32, now: i64) -> anyhow::Result<Result<(), Ablehnung>> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM form_definitions WHERE form_key = $1 AND version = $2")
        .bind(key)
        .bind(i64::from(version))
        .fetch_optional(&mut **tx)
        .await?;
    let Some(id) = id else { return Ok(Err(Ablehnung::Unbekannt)) };
    sqlx::query("UPDATE form_definitions SET state = 'archiviert', archived_at = $1 WHERE form_key = $2 AND state = 'live' AND id <> $3")
        .bind(now)
        .bind(key)
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE form_definitions SET state = 'live', activated_at = $1, archived_at = NULL WHERE id = $2")
        .bind(now)
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    Ok(Ok(()))
}

/// Archives a version (no new applications; drafts on it cannot be sent).
pub async fn archivieren(tx: &mut Tx, key: &str, version: u32, now: i64) -> anyhow::Result<Result<(), Ablehnung>> {
    let n = sqlx::query("UPDATE form_definitions SET state = 'archiviert', archived_at = $1 WHERE form_key = $2 AND version = $3")
        .bind(now)
        .bind(key)
        .bind(i64::from(version))
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(if n == 0 { Err(Ablehnung::Unbekannt) } else { Ok(()) })
}

/// On a database without any definition, loads the shipped ones. Nodes
/// starting at once on one PostgreSQL database may race: the loser's
/// transaction fails on the unique key and finds the definitions there.
pub async fn erstausstattung(db: &Db, now: i64) -> anyhow::Result<()> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_definitions").fetch_one(&db.pool).await?;
    if n > 0 {
        return Ok(());
    }
    if let Err(e) = mitgelieferte(db, now).await {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_definitions").fetch_one(&db.pool).await?;
        if n == 0 {
            return Err(e);
        }
    }
    Ok(())
}

/// Loads the shipped definitions and makes each live where no version of
/// its form is live yet (the demo, a fresh installation, the tests).
/// Returns how many were stored new.
pub async fn mitgelieferte(db: &Db, now: i64) -> anyhow::Result<usize> {
    let mut tx = db.begin().await?;
    let mut neu = 0;
    for (datei, json) in MITGELIEFERT {
        let (_, key, version, ist_neu) = match speichern(&mut tx, json, now).await? {
            Ok(x) => x,
            Err(a) => anyhow::bail!("formulare/{datei}:\n{a}"),
        };
        neu += usize::from(ist_neu);
        let live: Option<i64> = sqlx::query_scalar("SELECT version FROM form_definitions WHERE form_key = $1 AND state = 'live'")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
        if live.is_none_or(|v| v < i64::from(version))
            && let Err(a) = aktivieren(&mut tx, &key, version, now).await?
        {
            anyhow::bail!("formulare/{datei}: {a}");
        }
    }
    tx.commit().await?;
    Ok(neu)
}
