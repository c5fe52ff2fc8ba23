//! "Unterlagen nachfordern" (APP-3): staff ask for documents by a date; the
//! client sees a "Was Sie jetzt tun müssen" card on the application and
//! answers it with an upload (the upload pipeline); the application goes
//! back to "In Bearbeitung" and the work item comes up again in the inbox.

use super::ausfuellen::oeffnen;
use super::nachweise;
use super::{Status, store};
use crate::app::AppState;
use crate::arbeit;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use crate::journal::{self, Ereignis};
use crate::portal::dokumente::empfang::{self, Datei as Empfangen, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::handelnd::{Handelnd, Hochladen};
use crate::web::{AppResult, idempotenz, see_other};
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use sqlx::{AnyPool, Row};

/// A request for documents.
#[derive(Debug, Clone)]
pub struct Anfrage {
    pub id: String,
    pub text: String,
    /// The deadline as shown ("31.12.2026").
    pub frist: String,
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

pub async fn anlegen(
    tx: &mut Tx,
    secrets: &SecretBox,
    application_id: &str,
    staff: &str,
    text: &str,
    due_on: &str,
    now: i64,
) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO application_requests (id, application_id, requested_by, text_sealed, due_on, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(application_id)
    .bind(staff)
    .bind(secrets.seal(&format!("anfrage/{id}"), text.as_bytes()))
    .bind(due_on)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Every request of an application, oldest first.
pub async fn alle(pool: &AnyPool, secrets: &SecretBox, application_id: &str) -> anyhow::Result<Vec<Anfrage>> {
    let rows = sqlx::query(
        "SELECT id, text_sealed, due_on, created_at, answered_at FROM application_requests WHERE application_id = $1 ORDER BY created_at, id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let id: String = r.try_get("id")?;
            let text = String::from_utf8(secrets.open(&format!("anfrage/{id}"), &r.try_get::<String, _>("text_sealed")?)?)?;
            Ok(Anfrage {
                text,
                frist: crate::web::page::german_date(&r.try_get::<String, _>("due_on")?),
                created_at: r.try_get("created_at")?,
                answered_at: r.try_get("answered_at")?,
                id,
            })
        })
        .collect()
}

/// Marks request `anfrage` answered; how many of the application's
/// requests are still open.
async fn beantworten(tx: &mut Tx, application_id: &str, anfrage: &str, now: i64) -> sqlx::Result<i64> {
    sqlx::query("UPDATE application_requests SET answered_at = $1 WHERE id = $2 AND application_id = $3 AND answered_at IS NULL")
        .bind(now)
        .bind(anfrage)
        .bind(application_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query_scalar("SELECT COUNT(*) FROM application_requests WHERE application_id = $1 AND answered_at IS NULL")
        .bind(application_id)
        .fetch_one(&mut **tx)
        .await
}

/// `POST /antraege/{id}/nachreichen` (a form with files, its own
/// idempotency key): answers the open request `anfrage` with the uploaded
/// documents. Uploading is the right it needs ("Dokumente hochladen").
pub async fn nachreichen(
    State(state): State<AppState>,
    h: Handelnd<Hochladen>,
    Path(id): Path<String>,
    form: Multipart,
) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let anfrage = eingang.feld("anfrage").unwrap_or("").to_owned();
    let offen = alle(&state.db.pool, &state.secrets, &id).await?.into_iter().any(|a| a.id == anfrage && a.answered_at.is_none());
    let abgelehnt = match eingang.fehler.first() {
        Some(f) => Some(("nachreichen-fehler", UploadProblem::Empfang(f.clone()).message(h.ctx.lang, state.config.upload))),
        None if !offen || eingang.dateien.is_empty() || o.antrag.entwurf => Some(("nachreichen-leer", String::new())),
        None => None,
    };
    if let Some((hinweis, problem)) = abgelehnt {
        eingang.verwerfen(&state.ablage).await;
        tracing::info!(%problem, "documents for a request refused");
        return Ok(see_other(&format!("/antraege/{id}?hinweis={hinweis}")));
    }
    let key = match eingang.einmal(&state, h.mandat.account_id()).await? {
        Einmal::Neu(key) => key,
        Einmal::Beantwortet(res) => return Ok(res),
    };
    let ziel = format!("/antraege/{id}?hinweis=nachgereicht");
    let now = state.now();
    let files: Vec<&Empfangen> = eingang.dateien.iter().collect();
    let mut tx = state.db.begin().await?;
    nachweise::speichern(&mut tx, &id, "nachreichung", Some(&anfrage), &files, now).await?;
    if beantworten(&mut tx, &id, &anfrage, now).await? == 0 {
        store::status_setzen(&mut tx, &id, Status::InBearbeitung, None, now).await?;
    }
    arbeit::store::vorlegen(&mut tx, arbeit::store::Art::Antrag, &id, now).await?;
    let details = serde_json::json!({"application": id, "files": files.len()});
    journal::record(&mut tx, &h.mandat, Ereignis::UnterlagenNachgereicht, details, &h.ctx.actor, now).await?;
    idempotenz::abschliessen(&mut tx, h.mandat.account_id(), &key, &ziel).await?;
    tx.commit().await?;
    Ok(see_other(&ziel))
}
