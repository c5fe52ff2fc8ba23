//! The SQL of "Datei hochladen": a sending with its files (in the caller's
//! transaction, after the objects were written), reading them back scoped
//! by the client's mandate or a back-office record, scan results, and the
//! sweep of objects that no row references.

use super::Thema;
use super::empfang::Datei;
use crate::db::{Tx, new_id};
use crate::portal::handelnd::Mandat;
use futures_util::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A stored sending.
#[derive(Debug, Clone)]
pub struct Sendung {
    pub id: String,
    pub client_id: String,
    pub thema: Thema,
    pub message_sealed: Option<String>,
    pub actor_kind: String,
    pub created_at: i64,
    pub dateien: Vec<DateiZeile>,
}

/// A stored file of a sending.
#[derive(Debug, Clone)]
pub struct DateiZeile {
    pub id: String,
    pub position: i64,
    pub object_key: String,
    pub envelope: String,
    pub file_name: String,
    pub media_type: String,
    pub bytes: i64,
    pub sha256: String,
    pub pages: i64,
    pub scan: String,
}

impl DateiZeile {
    /// "1,2 MB", "830 kB".
    pub fn groesse(&self) -> String {
        groesse(self.bytes)
    }
}

/// A size in words for people ("1,2 MB", "830 kB", "12 Byte").
pub fn groesse(bytes: i64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6).replace('.', ",")
    } else if bytes >= 1_000 {
        format!("{} kB", bytes / 1_000)
    } else {
        format!("{bytes} Byte")
    }
}

/// Inserts the sending and its files; returns the sending's id.
#[expect(clippy::too_many_arguments, reason = "one sending: mandate, topic, message, files, scan state, secrets, time")]
pub async fn anlegen(
    tx: &mut Tx,
    mandat: &Mandat,
    thema: Thema,
    nachricht: Option<&str>,
    dateien: &[(Datei, i64)],
    scan: &str,
    secrets: &crate::crypto::SecretBox,
    now: i64,
) -> sqlx::Result<String> {
    anlegen_fuer(tx, mandat.client_id(), &mandat.akteur(), thema, nachricht, dateien, scan, secrets, now).await
}

/// [`anlegen`] for a client and actor without a mandate: the demo data.
#[expect(clippy::too_many_arguments, reason = "one sending: client, actor, topic, message, files, scan state, secrets, time")]
pub(crate) async fn anlegen_fuer(
    tx: &mut Tx,
    client_id: &str,
    akteur: &crate::journal::Akteur,
    thema: Thema,
    nachricht: Option<&str>,
    dateien: &[(Datei, i64)],
    scan: &str,
    secrets: &crate::crypto::SecretBox,
    now: i64,
) -> sqlx::Result<String> {
    let id = new_id();
    let actor_kind = if matches!(akteur, crate::journal::Akteur::Vertretung { .. }) { "representative" } else { "client" };
    sqlx::query(
        "INSERT INTO uploads (id, client_id, topic, message_sealed, actor_kind, actor_account_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(thema.as_str())
    .bind(nachricht.map(|m| secrets.seal(&id, m.as_bytes())))
    .bind(actor_kind)
    .bind(akteur.account_id())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for (i, (d, pages)) in dateien.iter().enumerate() {
        sqlx::query(
            "INSERT INTO upload_files (id, upload_id, position, object_key, envelope, file_name, media_type, bytes, sha256, pages, scan)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(i as i64 + 1)
        .bind(&d.gespeichert.schluessel)
        .bind(&d.gespeichert.umschlag)
        .bind(&d.name)
        .bind(d.befund.art.mime())
        .bind(d.gespeichert.bytes as i64)
        .bind(&d.gespeichert.sha256)
        .bind(*pages)
        .bind(scan)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

fn datei_zeile(r: &AnyRow) -> sqlx::Result<DateiZeile> {
    Ok(DateiZeile {
        id: r.try_get("id")?,
        position: r.try_get("position")?,
        object_key: r.try_get("object_key")?,
        envelope: r.try_get("envelope")?,
        file_name: r.try_get("file_name")?,
        media_type: r.try_get("media_type")?,
        bytes: r.try_get("bytes")?,
        sha256: r.try_get("sha256")?,
        pages: r.try_get("pages")?,
        scan: r.try_get("scan")?,
    })
}

/// A sending of `client_id` with its files (None if it is not the client's).
pub async fn sendung(pool: &AnyPool, client_id: &str, id: &str) -> anyhow::Result<Option<Sendung>> {
    let Some(r) =
        sqlx::query("SELECT id, client_id, topic, message_sealed, actor_kind, created_at FROM uploads WHERE id = $1 AND client_id = $2")
            .bind(id)
            .bind(client_id)
            .fetch_optional(pool)
            .await?
    else {
        return Ok(None);
    };
    let topic: String = r.try_get("topic")?;
    let dateien = sqlx::query(
        "SELECT id, position, object_key, envelope, file_name, media_type, bytes, sha256, pages, scan FROM upload_files
         WHERE upload_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(datei_zeile)
    .collect::<sqlx::Result<Vec<_>>>()?;
    Ok(Some(Sendung {
        id: r.try_get("id")?,
        client_id: r.try_get("client_id")?,
        thema: Thema::parse(&topic).ok_or_else(|| anyhow::anyhow!("unknown topic {topic}"))?,
        message_sealed: r.try_get("message_sealed")?,
        actor_kind: r.try_get("actor_kind")?,
        created_at: r.try_get("created_at")?,
        dateien,
    }))
}

/// The sending of the mandate's client (the receipt page).
pub async fn eigene_sendung(pool: &AnyPool, mandat: &Mandat, id: &str) -> anyhow::Result<Option<Sendung>> {
    sendung(pool, mandat.client_id(), id).await
}

/// Files waiting for the scanner, of one sending or of all:
/// (file id, object key, envelope, upload id, client id).
pub async fn ungescannt(pool: &AnyPool, upload: Option<&str>, limit: i64) -> sqlx::Result<Vec<(String, String, String, String, String)>> {
    sqlx::query_as(
        "SELECT f.id, f.object_key, f.envelope, u.id, u.client_id FROM upload_files f JOIN uploads u ON u.id = f.upload_id
         WHERE f.scan = 'ausstehend' AND ($1 IS NULL OR u.id = $1) ORDER BY u.created_at LIMIT $2",
    )
    .bind(upload)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Records a scan result (`sauber` or `befund`); false if it was already decided.
pub async fn scan_ergebnis(tx: &mut Tx, file_id: &str, ergebnis: &str) -> sqlx::Result<bool> {
    Ok(sqlx::query("UPDATE upload_files SET scan = $1 WHERE id = $2 AND scan = 'ausstehend'")
        .bind(ergebnis)
        .bind(file_id)
        .execute(&mut **tx)
        .await?
        .rows_affected()
        == 1)
}

/// Objects under `uploads/` older than `grace_secs` that no row references
/// are deleted (written, then the request died before its commit).
/// Returns how many were removed.
pub async fn sweep(pool: &AnyPool, ablage: &ablage::Ablage, now: i64, grace_secs: i64) -> anyhow::Result<u64> {
    let mut removed = 0;
    let mut list = std::pin::pin!(ablage.liste("uploads"));
    while let Some((key, modified)) = list.try_next().await? {
        if modified > now - grace_secs {
            continue;
        }
        // Sent files, published documents, mailbox attachments and the
        // documents of applications (which all come through the same
        // reception) live under `uploads/`.
        let referenced: i64 = sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM upload_files WHERE object_key = $1) + (SELECT COUNT(*) FROM decisions WHERE object_key = $1)
                  + (SELECT COUNT(*) FROM mailbox_attachments WHERE object_key = $1)
                  + (SELECT COUNT(*) FROM application_files WHERE object_key = $1)",
        )
        .bind(&key)
        .fetch_one(pool)
        .await?;
        if referenced == 0 {
            ablage.loeschen(&key).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Key rotation of documents: re-wraps the data key of every stored file
/// whose envelope names another master key than the current one (the
/// objects stay as they are). Returns how many envelopes changed. Run by
/// `jobcenter admin umschluesseln` after a new master key was configured
/// with the old one in `JOBCENTER_OLD_MASTER_KEYS`.
pub async fn umschluesseln(db: &crate::db::Db, ablage: &ablage::Ablage) -> anyhow::Result<u64> {
    let current = ablage.aktuelle_schluessel_id().to_owned();
    let mut changed = 0;
    // Every table with stored objects: sent files, published documents,
    // mailbox attachments and the documents of applications.
    for table in ["upload_files", "decisions", "mailbox_attachments", "application_files"] {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT id, object_key, envelope FROM {table}"))).fetch_all(&db.pool).await?;
        for (id, key, envelope) in rows {
            if ablage::Ablage::schluessel_id(&envelope) == current {
                continue;
            }
            let neu = ablage.umschluesseln(&key, &envelope)?;
            sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE {table} SET envelope = $1 WHERE id = $2 AND envelope = $3")))
                .bind(&neu)
                .bind(&id)
                .bind(&envelope)
                .execute(&db.writer)
                .await?;
            changed += 1;
        }
    }
    Ok(changed)
}
