//! The SQL of published documents. Reads of the client's side are scoped to
//! the client id of the caller's mandate; the title is sealed.

use super::{Art, Stufe};
use crate::crypto::SecretBox;
use crate::db::Tx;
use crate::web::seiten::{Keyset, Seite};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A published document.
#[derive(Debug, Clone)]
pub struct Dokument {
    pub id: String,
    pub client_id: String,
    pub art: Art,
    pub titel: String,
    /// The document's own date (ISO).
    pub datum: String,
    pub stufe: Stufe,
    pub object_key: String,
    pub envelope: String,
    pub bytes: i64,
    pub published_at: i64,
    pub online: bool,
    /// Waiting for the second member's release (four eyes): not delivered,
    /// not shown to the client.
    pub zur_freigabe: bool,
    pub published_by: Option<String>,
    pub notified_at: Option<i64>,
    pub retrieved_at: Option<i64>,
    pub announced_on: Option<String>,
    pub objection_until: Option<String>,
    pub posted_at: Option<i64>,
    pub post_reason: Option<String>,
}

const SELECT: &str = "SELECT id, client_id, kind, title_sealed, document_date, level, object_key, envelope, bytes, published_at,
        published_by, delivery, notified_at, retrieved_at, announced_on, objection_until, posted_at, post_reason FROM decisions ";

fn dokument(secrets: &SecretBox, r: &AnyRow) -> anyhow::Result<Dokument> {
    let id: String = r.try_get("id")?;
    let kind: String = r.try_get("kind")?;
    let level: String = r.try_get("level")?;
    Ok(Dokument {
        titel: String::from_utf8(secrets.open(&id, &r.try_get::<String, _>("title_sealed")?)?)?,
        client_id: r.try_get("client_id")?,
        art: Art::parse(&kind).ok_or_else(|| anyhow::anyhow!("unknown kind {kind}"))?,
        datum: r.try_get("document_date")?,
        stufe: Stufe::parse(&level).ok_or_else(|| anyhow::anyhow!("unknown level {level}"))?,
        object_key: r.try_get("object_key")?,
        envelope: r.try_get("envelope")?,
        bytes: r.try_get("bytes")?,
        published_at: r.try_get("published_at")?,
        online: r.try_get::<String, _>("delivery")? == "online",
        zur_freigabe: r.try_get::<String, _>("delivery")? == "freigabe",
        published_by: r.try_get("published_by")?,
        notified_at: r.try_get("notified_at")?,
        retrieved_at: r.try_get("retrieved_at")?,
        announced_on: r.try_get("announced_on")?,
        objection_until: r.try_get("objection_until")?,
        posted_at: r.try_get("posted_at")?,
        post_reason: r.try_get("post_reason")?,
        id,
    })
}

/// A new document's row.
#[derive(Debug, Clone)]
pub struct Neu<'a> {
    pub id: &'a str,
    pub client_id: &'a str,
    pub office_id: &'a str,
    pub art: Art,
    pub titel: &'a str,
    pub datum: &'a str,
    pub stufe: Stufe,
    pub gespeichert: &'a ablage::Gespeichert,
    pub published_by: &'a str,
}

/// Inserts a document waiting for its release ('freigabe'); the delivery
/// (`super::zustellung`) follows in the same transaction or, with four
/// eyes, when a second member releases it.
pub async fn einfuegen(tx: &mut Tx, secrets: &SecretBox, n: &Neu<'_>, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO decisions (id, client_id, office_id, kind, title_sealed, document_date, level, object_key, envelope, bytes, sha256,
             published_by, published_at, delivery)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'freigabe')",
    )
    .bind(n.id)
    .bind(n.client_id)
    .bind(n.office_id)
    .bind(n.art.as_str())
    .bind(secrets.seal(n.id, n.titel.as_bytes()))
    .bind(n.datum)
    .bind(n.stufe.as_str())
    .bind(&n.gespeichert.schluessel)
    .bind(&n.gespeichert.umschlag)
    .bind(n.gespeichert.bytes as i64)
    .bind(&n.gespeichert.sha256)
    .bind(n.published_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Who looks: the client sees delivered documents only; staff also those
/// waiting for release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sicht {
    Kunde,
    Mitarbeiter,
}

impl Sicht {
    fn filter(self) -> &'static str {
        match self {
            Sicht::Kunde => " AND delivery <> 'freigabe'",
            Sicht::Mitarbeiter => "",
        }
    }
}

/// A page of the client's documents, newest first.
pub async fn liste(
    pool: &AnyPool,
    secrets: &SecretBox,
    client_id: &str,
    sicht: Sicht,
    after: Option<&Keyset>,
    limit: i64,
) -> anyhow::Result<Seite<Dokument>> {
    let (at, id) = after.map_or((i64::MAX, "~".to_owned()), |k| (k.at, k.id.clone()));
    let sql = format!(
        "{SELECT} WHERE client_id = $1{} AND (published_at < $2 OR (published_at = $2 AND id < $3)) ORDER BY published_at DESC, id DESC LIMIT $4",
        sicht.filter()
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(client_id).bind(at).bind(id).bind(limit + 1).fetch_all(pool).await?;
    let items = rows.iter().map(|r| dokument(secrets, r)).collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Seite::from_overfetch(items, limit, |d| Keyset { at: d.published_at, id: d.id.clone() }))
}

/// One document of `client_id`.
pub async fn eines(pool: &AnyPool, secrets: &SecretBox, client_id: &str, sicht: Sicht, id: &str) -> anyhow::Result<Option<Dokument>> {
    let sql = format!("{SELECT} WHERE id = $1 AND client_id = $2{}", sicht.filter());
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(client_id).fetch_optional(pool).await?;
    row.map(|r| dokument(secrets, &r)).transpose()
}

/// A document waiting for retrieval, as the retrieval period's sweep needs
/// it (nothing sealed is read).
#[derive(Debug, Clone)]
pub struct Wartend {
    pub id: String,
    pub client_id: String,
    pub art: Art,
    /// The document's own date (ISO).
    pub datum: String,
    pub notified_at: i64,
}

/// Up to `limit` documents made available online, neither retrieved nor
/// posted, notified before `vor`, oldest first (the `decisions_waiting`
/// index).
pub async fn wartende(pool: &AnyPool, vor: i64, limit: i64) -> anyhow::Result<Vec<Wartend>> {
    let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, client_id, kind, document_date, notified_at FROM decisions
         WHERE delivery = 'online' AND retrieved_at IS NULL AND posted_at IS NULL AND notified_at < $1
         ORDER BY notified_at LIMIT $2",
    )
    .bind(vor)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, client_id, kind, datum, notified_at)| {
            let art = Art::parse(&kind).ok_or_else(|| anyhow::anyhow!("unknown kind {kind}"))?;
            Ok(Wartend { id, client_id, art, datum, notified_at })
        })
        .collect()
}

/// New documents of the client (available online, not yet retrieved).
pub async fn neue(pool: &AnyPool, client_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM decisions WHERE client_id = $1 AND delivery = 'online' AND retrieved_at IS NULL AND posted_at IS NULL",
    )
    .bind(client_id)
    .fetch_one(pool)
    .await
}
