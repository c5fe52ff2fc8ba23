//! Drafts ("Entwurf speichern"): what the client (or a representative) is
//! writing in a mailbox, kept with its attachments until it is sent or
//! thrown away. A draft belongs to the client and to the writing account.

use super::Postfach;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use sqlx::{AnyPool, Row};

/// A draft as the form resumes it.
#[derive(Debug, Clone, Default)]
pub struct Entwurf {
    pub id: String,
    pub anliegen: String,
    pub betreff: String,
    pub text: String,
    pub updated_at: i64,
}

/// Who a draft belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Eigentum<'a> {
    pub client_id: &'a str,
    pub account_id: &'a str,
}

/// Saves a draft (a new one, or `id` if it is the owner's); returns its id.
pub async fn speichern(
    tx: &mut Tx,
    secrets: &SecretBox,
    wem: Eigentum<'_>,
    postfach: Postfach,
    id: Option<&str>,
    e: &Entwurf,
    now: i64,
) -> sqlx::Result<String> {
    if let Some(id) = id {
        let n = sqlx::query(
            "UPDATE mailbox_drafts SET concern = $1, subject_sealed = $2, body_sealed = $3, updated_at = $4
             WHERE id = $5 AND client_id = $6 AND account_id = $7",
        )
        .bind(&e.anliegen)
        .bind(secrets.seal(id, e.betreff.as_bytes()))
        .bind(secrets.seal(&format!("{id}/text"), e.text.as_bytes()))
        .bind(now)
        .bind(id)
        .bind(wem.client_id)
        .bind(wem.account_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if n == 1 {
            return Ok(id.to_owned());
        }
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO mailbox_drafts (id, client_id, account_id, mailbox, concern, subject_sealed, body_sealed, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(wem.client_id)
    .bind(wem.account_id)
    .bind(postfach.as_str())
    .bind(&e.anliegen)
    .bind(secrets.seal(&id, e.betreff.as_bytes()))
    .bind(secrets.seal(&format!("{id}/text"), e.text.as_bytes()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

fn entwurf(secrets: &SecretBox, r: &sqlx::any::AnyRow) -> anyhow::Result<Entwurf> {
    let id: String = r.try_get("id")?;
    Ok(Entwurf {
        anliegen: r.try_get("concern")?,
        betreff: String::from_utf8(secrets.open(&id, &r.try_get::<String, _>("subject_sealed")?)?)?,
        text: String::from_utf8(secrets.open(&format!("{id}/text"), &r.try_get::<String, _>("body_sealed")?)?)?,
        updated_at: r.try_get("updated_at")?,
        id,
    })
}

/// The owner's draft `id` in `postfach`.
pub async fn laden(
    pool: &AnyPool,
    secrets: &SecretBox,
    wem: Eigentum<'_>,
    postfach: Postfach,
    id: &str,
) -> anyhow::Result<Option<Entwurf>> {
    let row = sqlx::query(
        "SELECT id, concern, subject_sealed, body_sealed, updated_at FROM mailbox_drafts
         WHERE id = $1 AND client_id = $2 AND account_id = $3 AND mailbox = $4",
    )
    .bind(id)
    .bind(wem.client_id)
    .bind(wem.account_id)
    .bind(postfach.as_str())
    .fetch_optional(pool)
    .await?;
    row.map(|r| entwurf(secrets, &r)).transpose()
}

/// The owner's drafts in `postfach`, newest first (at most 50).
pub async fn liste(pool: &AnyPool, secrets: &SecretBox, wem: Eigentum<'_>, postfach: Postfach) -> anyhow::Result<Vec<Entwurf>> {
    let rows = sqlx::query(
        "SELECT id, concern, subject_sealed, body_sealed, updated_at FROM mailbox_drafts
         WHERE client_id = $1 AND account_id = $2 AND mailbox = $3 ORDER BY updated_at DESC, id DESC LIMIT 50",
    )
    .bind(wem.client_id)
    .bind(wem.account_id)
    .bind(postfach.as_str())
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| entwurf(secrets, r)).collect()
}

/// Deletes the owner's draft (its remaining attachments go with it).
pub async fn loeschen(tx: &mut Tx, wem: Eigentum<'_>, id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM mailbox_drafts WHERE id = $1 AND client_id = $2 AND account_id = $3")
        .bind(id)
        .bind(wem.client_id)
        .bind(wem.account_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
