//! Attachments of mailbox messages and drafts: files received and checked
//! by the upload pipeline (`portal::dokumente::empfang`), stored encrypted
//! under `uploads/`, attached to a draft until the message is sent, then to
//! the message. Every read is scoped to the client.

use crate::db::{Tx, new_id};
use crate::portal::dokumente::empfang::Datei;
use sqlx::{AnyPool, Row};
use std::collections::HashMap;

/// An attachment as pages list it.
#[derive(Debug, Clone)]
pub struct Anhang {
    pub id: String,
    pub file_name: String,
    pub media_type: String,
    pub bytes: i64,
    pub sha256: String,
}

impl Anhang {
    /// "1,2 MB" and the like.
    pub fn groesse(&self) -> String {
        crate::portal::dokumente::store::groesse(self.bytes)
    }
}

/// Where attachments go.
#[derive(Debug, Clone, Copy)]
pub enum Ziel<'a> {
    Nachricht(&'a str),
    Entwurf(&'a str),
}

/// Records stored files as attachments of a message or draft.
pub async fn anhaengen(tx: &mut Tx, client_id: &str, ziel: Ziel<'_>, dateien: &[Datei], now: i64) -> sqlx::Result<()> {
    let (message, draft) = match ziel {
        Ziel::Nachricht(id) => (Some(id), None),
        Ziel::Entwurf(id) => (None, Some(id)),
    };
    for d in dateien {
        sqlx::query(
            "INSERT INTO mailbox_attachments (id, client_id, message_id, draft_id, file_name, media_type, bytes, sha256, object_key,
                 envelope, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(client_id)
        .bind(message)
        .bind(draft)
        .bind(&d.name)
        .bind(d.befund.art.mime())
        .bind(d.gespeichert.bytes as i64)
        .bind(&d.gespeichert.sha256)
        .bind(&d.gespeichert.schluessel)
        .bind(&d.gespeichert.umschlag)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Moves a draft's attachments to the message sent from it.
pub async fn verschieben(tx: &mut Tx, draft_id: &str, message_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE mailbox_attachments SET message_id = $1, draft_id = NULL WHERE draft_id = $2")
        .bind(message_id)
        .bind(draft_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Removes attachments of a draft (the objects are left to the sweep, which
/// deletes objects no row references).
pub async fn entfernen(tx: &mut Tx, draft_id: &str, ids: &[String]) -> sqlx::Result<()> {
    for id in ids {
        sqlx::query("DELETE FROM mailbox_attachments WHERE id = $1 AND draft_id = $2").bind(id).bind(draft_id).execute(&mut **tx).await?;
    }
    Ok(())
}

fn anhang(r: &sqlx::any::AnyRow) -> sqlx::Result<Anhang> {
    Ok(Anhang {
        id: r.try_get("id")?,
        file_name: r.try_get("file_name")?,
        media_type: r.try_get("media_type")?,
        bytes: r.try_get("bytes")?,
        sha256: r.try_get("sha256")?,
    })
}

/// The attachments of every message of a thread, by message id.
pub async fn der_nachrichten(pool: &AnyPool, thread_id: &str) -> sqlx::Result<HashMap<String, Vec<Anhang>>> {
    let rows = sqlx::query(
        "SELECT a.id, a.message_id, a.file_name, a.media_type, a.bytes, a.sha256 FROM mailbox_attachments a
         JOIN mailbox_messages m ON m.id = a.message_id WHERE m.thread_id = $1 ORDER BY a.created_at, a.id",
    )
    .bind(thread_id)
    .fetch_all(pool)
    .await?;
    let mut map: HashMap<String, Vec<Anhang>> = HashMap::new();
    for r in &rows {
        map.entry(r.try_get("message_id")?).or_default().push(anhang(r)?);
    }
    Ok(map)
}

/// The attachments of a draft.
pub async fn des_entwurfs(pool: &AnyPool, draft_id: &str) -> sqlx::Result<Vec<Anhang>> {
    let rows =
        sqlx::query("SELECT id, file_name, media_type, bytes, sha256 FROM mailbox_attachments WHERE draft_id = $1 ORDER BY created_at, id")
            .bind(draft_id)
            .fetch_all(pool)
            .await?;
    rows.iter().map(anhang).collect()
}

/// A stored attachment of a sent message of `client_id`, with where its
/// bytes are: (attachment, thread id, object key, envelope).
pub async fn zum_lesen(pool: &AnyPool, client_id: &str, id: &str) -> sqlx::Result<Option<(Anhang, String, String, String)>> {
    let row = sqlx::query(
        "SELECT a.id, a.file_name, a.media_type, a.bytes, a.sha256, a.object_key, a.envelope, m.thread_id
         FROM mailbox_attachments a JOIN mailbox_messages m ON m.id = a.message_id
         WHERE a.id = $1 AND a.client_id = $2",
    )
    .bind(id)
    .bind(client_id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok((anhang(&r)?, r.try_get("thread_id")?, r.try_get("object_key")?, r.try_get("envelope")?))).transpose()
}
