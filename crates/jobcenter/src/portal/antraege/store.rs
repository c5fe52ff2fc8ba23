//! The SQL of applications. Every read and write is scoped to the client
//! of the [`Mandat`] (or, for staff, of the opened record); the answers are
//! sealed with the row id as associated data.

use super::Status;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use crate::portal::handelnd::Mandat;
use crate::web::seiten::{Keyset, Seite};
use formulare::Antworten;
use sqlx::{AnyPool, Row};

/// An application as its pages need it.
#[derive(Debug, Clone)]
pub struct Antrag {
    pub id: String,
    pub definition_id: String,
    pub entwurf: bool,
    pub antworten: Antworten,
    pub reference: Option<String>,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
    pub status: Option<Status>,
    pub decision_id: Option<String>,
}

const SPALTEN: &str = "id, definition_id, state, answers_sealed, reference, updated_at, submitted_at, status, decision_id";

pub(super) fn versiegeln(secrets: &SecretBox, id: &str, a: &Antworten) -> String {
    secrets.seal(&format!("antrag/{id}"), serde_json::Value::Object(a.clone()).to_string().as_bytes())
}

fn antrag(secrets: &SecretBox, r: &sqlx::any::AnyRow) -> anyhow::Result<Antrag> {
    let id: String = r.try_get("id")?;
    let roh = secrets.open(&format!("antrag/{id}"), &r.try_get::<String, _>("answers_sealed")?)?;
    let antworten = match serde_json::from_slice(&roh)? {
        serde_json::Value::Object(m) => m,
        _ => Antworten::new(),
    };
    Ok(Antrag {
        definition_id: r.try_get("definition_id")?,
        entwurf: r.try_get::<String, _>("state")? == "entwurf",
        antworten,
        reference: r.try_get("reference")?,
        updated_at: r.try_get("updated_at")?,
        submitted_at: r.try_get("submitted_at")?,
        status: r.try_get::<Option<String>, _>("status")?.as_deref().and_then(Status::parse),
        decision_id: r.try_get("decision_id")?,
        id,
    })
}

/// Starts a draft on a definition, with prefilled answers.
pub async fn anlegen(
    tx: &mut Tx,
    secrets: &SecretBox,
    mandat: &Mandat,
    definition_id: &str,
    antworten: &Antworten,
    now: i64,
    delete_after: i64,
) -> sqlx::Result<String> {
    let id = new_id();
    let vollmacht = match mandat.beziehung() {
        crate::portal::handelnd::Beziehung::Vertretung { vollmacht_id } if !vollmacht_id.is_empty() => Some(vollmacht_id.clone()),
        _ => None,
    };
    sqlx::query(
        "INSERT INTO applications (id, client_id, office_id, definition_id, started_by, power_of_attorney_id, state, answers_sealed,
             created_at, updated_at, delete_after)
         VALUES ($1, $2, $3, $4, $5, $6, 'entwurf', $7, $8, $8, $9)",
    )
    .bind(&id)
    .bind(mandat.client_id())
    .bind(mandat.office_id())
    .bind(definition_id)
    .bind(mandat.account_id())
    .bind(vollmacht)
    .bind(versiegeln(secrets, &id, antworten))
    .bind(now)
    .bind(delete_after)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// An application of the client (`None` for another client's id).
pub async fn laden(pool: &AnyPool, secrets: &SecretBox, client_id: &str, id: &str) -> anyhow::Result<Option<Antrag>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {SPALTEN} FROM applications WHERE id = $1 AND client_id = $2")))
        .bind(id)
        .bind(client_id)
        .fetch_optional(pool)
        .await?;
    row.map(|r| antrag(secrets, &r)).transpose()
}

/// Saves a draft's answers (nothing for a sent one); pushes its deletion
/// date out again. Whether a draft was saved.
pub async fn speichern(
    tx: &mut Tx,
    secrets: &SecretBox,
    client_id: &str,
    id: &str,
    antworten: &Antworten,
    now: i64,
    delete_after: i64,
) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "UPDATE applications SET answers_sealed = $1, updated_at = $2, delete_after = $3, reminded_at = NULL
         WHERE id = $4 AND client_id = $5 AND state = 'entwurf'",
    )
    .bind(versiegeln(secrets, id, antworten))
    .bind(now)
    .bind(delete_after)
    .bind(id)
    .bind(client_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Records that a draft changed (its documents), for "Letzte Aktualisierung".
pub async fn beruehren(tx: &mut Tx, client_id: &str, id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE applications SET updated_at = $1 WHERE id = $2 AND client_id = $3")
        .bind(now)
        .bind(id)
        .bind(client_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sends a draft: the shown answers replace the stored ones, the reference
/// is given. False when it was no longer a draft (sent twice at once).
pub async fn absenden(
    tx: &mut Tx,
    secrets: &SecretBox,
    client_id: &str,
    id: &str,
    antworten: &Antworten,
    reference: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "UPDATE applications SET state = 'gesendet', answers_sealed = $1, reference = $2, submitted_at = $3, updated_at = $3,
             status = 'eingegangen', delete_after = NULL
         WHERE id = $4 AND client_id = $5 AND state = 'entwurf'",
    )
    .bind(versiegeln(secrets, id, antworten))
    .bind(reference)
    .bind(now)
    .bind(id)
    .bind(client_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Deletes a draft ("Entwurf verwerfen"); its files' objects are left to
/// the sweep.
pub async fn verwerfen(tx: &mut Tx, client_id: &str, id: &str) -> sqlx::Result<bool> {
    let n = sqlx::query("DELETE FROM applications WHERE id = $1 AND client_id = $2 AND state = 'entwurf'")
        .bind(id)
        .bind(client_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Sets what the client sees (staff processing).
pub async fn status_setzen(tx: &mut Tx, id: &str, status: Status, decision_id: Option<&str>, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE applications SET status = $1, decision_id = COALESCE($2, decision_id), updated_at = $3 WHERE id = $4 AND state = 'gesendet'")
        .bind(status.as_str())
        .bind(decision_id)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The client's Bedarfsgemeinschaft number and the end of the benefit
/// period, if set (APP-1, APP-4).
pub async fn bedarfsgemeinschaft(pool: &AnyPool, client_id: &str) -> sqlx::Result<(String, Option<String>)> {
    sqlx::query_as("SELECT bg_number, benefit_until FROM clients WHERE id = $1").bind(client_id).fetch_one(pool).await
}

/// A line of "Ihre Vorgänge".
#[derive(Debug, Clone)]
pub struct Zeile {
    pub id: String,
    pub definition_id: String,
    pub entwurf: bool,
    pub reference: Option<String>,
    pub updated_at: i64,
    pub status: Option<Status>,
}

/// The client's applications, most recently changed first (keyset on
/// `(updated_at, id)`).
pub async fn seite(pool: &AnyPool, client_id: &str, nach: Option<&Keyset>, limit: i64) -> sqlx::Result<Seite<Zeile>> {
    let (at, id) = nach.map_or((i64::MAX, String::new()), |k| (k.at, k.id.clone()));
    let rows = sqlx::query(
        "SELECT id, definition_id, state, reference, updated_at, status FROM applications
         WHERE client_id = $1 AND (updated_at, id) < ($2, $3) ORDER BY updated_at DESC, id DESC LIMIT $4",
    )
    .bind(client_id)
    .bind(at)
    .bind(id)
    .bind(limit + 1)
    .fetch_all(pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(Zeile {
                id: r.try_get("id")?,
                definition_id: r.try_get("definition_id")?,
                entwurf: r.try_get::<String, _>("state")? == "entwurf",
                reference: r.try_get("reference")?,
                updated_at: r.try_get("updated_at")?,
                status: r.try_get::<Option<String>, _>("status")?.as_deref().and_then(Status::parse),
            })
        })
        .collect::<sqlx::Result<Vec<_>>>()?;
    Ok(Seite::from_overfetch(items, limit, |z| Keyset { at: z.updated_at, id: z.id.clone() }))
}

/// The answers of the client's last sent application of a form (to
/// prefill a new one: APP-4).
pub async fn letzte_antworten(pool: &AnyPool, secrets: &SecretBox, client_id: &str, form_key: &str) -> anyhow::Result<Option<Antworten>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SPALTEN} FROM applications WHERE id = (
             SELECT a.id FROM applications a JOIN form_definitions d ON d.id = a.definition_id
             WHERE a.client_id = $1 AND d.form_key = $2 AND a.state = 'gesendet' ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1)"
    )))
    .bind(client_id)
    .bind(form_key)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| antrag(secrets, &r)).transpose()?.map(|a| a.antworten))
}
