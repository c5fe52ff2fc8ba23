//! Freischaltcodes (PRF-2), the communication channel and the print
//! queue (OKO-3).

use crate::db::{Tx, new_id};
use sqlx::{AnyPool, Row};

/// The state of a client's live Freischaltcode, for the record page.
#[derive(Debug, Clone)]
pub struct CodeStatus {
    pub issued_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// The newest code that was not voided.
pub async fn current_code(pool: &AnyPool, client_id: &str) -> sqlx::Result<Option<CodeStatus>> {
    let row = sqlx::query(
        "SELECT issued_at, expires_at, used_at FROM activation_codes WHERE client_id = $1 AND voided_at IS NULL
         ORDER BY issued_at DESC, id DESC LIMIT 1",
    )
    .bind(client_id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok(CodeStatus { issued_at: r.try_get("issued_at")?, expires_at: r.try_get("expires_at")?, used_at: r.try_get("used_at")? }))
        .transpose()
}

/// Issues a Freischaltcode (PRF-2): voids every unused code of the client
/// and stores the hash of the new one. Returns the code id.
pub async fn insert_code(tx: &mut Tx, client_id: &str, code_hash: &str, staff_id: &str, now: i64, expires_at: i64) -> sqlx::Result<String> {
    sqlx::query("UPDATE activation_codes SET voided_at = $1 WHERE client_id = $2 AND used_at IS NULL AND voided_at IS NULL")
        .bind(now)
        .bind(client_id)
        .execute(&mut **tx)
        .await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO activation_codes (id, client_id, code_hash, issued_by, issued_at, expires_at, used_at, used_by_account, voided_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, NULL)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(code_hash)
    .bind(staff_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// The expiry of the client's live (unused, not voided, not expired) code
/// with this hash, if it is one: only such a code gets a letter.
pub async fn live_code_expiry(pool: &AnyPool, client_id: &str, code_hash: &str, now: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT expires_at FROM activation_codes
         WHERE client_id = $1 AND code_hash = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $3",
    )
    .bind(client_id)
    .bind(code_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// How a client receives letters (OKO-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Online-Kommunikation granted (newest consent row).
    Online,
    /// No consent, or revoked: paper mail.
    Paper,
}

/// The channel from the newest row of `online_consents`.
pub async fn channel<'e, E>(db: E, client_id: &str) -> sqlx::Result<Channel>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let action: Option<String> =
        sqlx::query_scalar("SELECT action FROM online_consents WHERE client_id = $1 ORDER BY at DESC, id DESC LIMIT 1")
            .bind(client_id)
            .fetch_optional(db)
            .await?;
    Ok(if action.as_deref() == Some("granted") { Channel::Online } else { Channel::Paper })
}

/// Puts a letter into the print queue if the client gets paper mail
/// (OKO-3); returns whether it was queued. Later issues call this for
/// every letter, decision and application they produce.
pub async fn queue_letter(tx: &mut Tx, client_id: &str, kind: &str, title: &str, now: i64) -> sqlx::Result<bool> {
    if channel(&mut **tx, client_id).await? == Channel::Online {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO print_queue (id, client_id, kind, title, created_at, printed_at, printed_by) VALUES ($1, $2, $3, $4, $5, NULL, NULL)",
    )
    .bind(new_id())
    .bind(client_id)
    .bind(kind)
    .bind(title)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

/// Puts a published document into the print queue (no consent to online
/// communication, or not retrieved in time); printed from its PDF.
pub async fn queue_document(tx: &mut Tx, client_id: &str, title: &str, decision_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO print_queue (id, client_id, kind, title, created_at, printed_at, printed_by, decision_id)
         VALUES ($1, $2, 'bescheid', $3, $4, NULL, NULL, $5)",
    )
    .bind(new_id())
    .bind(client_id)
    .bind(title)
    .bind(now)
    .bind(decision_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An open letter in the print queue.
#[derive(Debug, Clone)]
pub struct PrintItem {
    pub id: String,
    pub client_id: String,
    pub kundennummer: String,
    pub client_name: String,
    pub postal_address: String,
    pub title: String,
    pub created_at: i64,
    /// A published document to print from its PDF.
    pub decision_id: Option<String>,
}

/// Open letters of clients of an office, oldest first.
pub async fn open_prints(pool: &AnyPool, office_id: &str) -> sqlx::Result<Vec<PrintItem>> {
    let rows = sqlx::query(
        "SELECT p.id, p.client_id, c.kundennummer, c.given_name, c.family_name, c.street, c.postcode, c.city, p.title, p.created_at,
             p.decision_id
         FROM print_queue p JOIN clients c ON c.id = p.client_id
         WHERE p.printed_at IS NULL AND c.office_id = $1 ORDER BY p.created_at, p.id",
    )
    .bind(office_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let given: String = r.try_get("given_name")?;
            let family: String = r.try_get("family_name")?;
            let street: String = r.try_get("street")?;
            let postcode: String = r.try_get("postcode")?;
            let city: String = r.try_get("city")?;
            Ok(PrintItem {
                id: r.try_get("id")?,
                client_id: r.try_get("client_id")?,
                kundennummer: r.try_get("kundennummer")?,
                client_name: format!("{given} {family}"),
                postal_address: format!("{street}, {postcode} {city}"),
                title: r.try_get("title")?,
                created_at: r.try_get("created_at")?,
                decision_id: r.try_get("decision_id")?,
            })
        })
        .collect()
}

/// Marks an open letter of the office as printed; `false` if there is none.
pub async fn mark_printed(tx: &mut Tx, id: &str, office_id: &str, staff_id: &str, now: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE print_queue SET printed_at = $1, printed_by = $2
         WHERE id = $3 AND printed_at IS NULL AND client_id IN (SELECT id FROM clients WHERE office_id = $4) RETURNING client_id",
    )
    .bind(now)
    .bind(staff_id)
    .bind(id)
    .bind(office_id)
    .fetch_optional(&mut **tx)
    .await
}
