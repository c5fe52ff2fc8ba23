//! "Unterlagen nachfordern" (APP-3): staff ask for documents by a date; the
//! client sees a "Was Sie jetzt tun müssen" card on the application and
//! answers it with an upload (the upload pipeline); the application goes
//! back to "In Bearbeitung" and the work item comes up again in the inbox.

use super::ausfuellen::oeffnen;
use super::nachweise;
use super::{Status, store};
use crate::app::AppState;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use crate::journal::{self, Ereignis};
use crate::portal::dokumente::empfang::{self, Datei as Empfangen};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::handelnd::{AntraegeSehen, Handelnd, kein_recht};
use crate::web::{AppResult, see_other};
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

/// Tells the client's own accounts that something changed (no content).
pub async fn kunde_benachrichtigen(state: &AppState, tx: &mut Tx, client_id: &str, application_id: &str) -> anyhow::Result<()> {
    let link = format!("{}/antraege/{application_id}", state.config.base_url());
    for (email, lang) in crate::portal::store::eigene_konten(&mut **tx, client_id).await? {
        let lang = crate::konto::account_lang(&lang);
        crate::konto::queue_mail(state, tx, lang, "antrag-status", &email, &[("link", &link)]).await?;
    }
    Ok(())
}

/// `POST /antraege/{id}/nachreichen` (a form with files): answers the open
/// request `anfrage` with the uploaded documents.
pub async fn nachreichen(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path(id): Path<String>,
    form: Multipart,
) -> AppResult<Response> {
    let o = oeffnen(&state, &h, &id).await?;
    if !h.mandat.darf(crate::portal::handelnd::Recht::DokumenteHochladen) {
        return Ok(kein_recht(&state, &h.ctx));
    }
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let anfrage = eingang.feld("anfrage").unwrap_or("").to_owned();
    let offen = alle(&state.db.pool, &state.secrets, &id).await?.into_iter().any(|a| a.id == anfrage && a.answered_at.is_none());
    if let Some(f) = eingang.fehler.first().cloned() {
        eingang.verwerfen(&state.ablage).await;
        let problem = UploadProblem::Empfang(f).message(h.ctx.lang, state.config.upload);
        tracing::info!(%problem, "documents for a request refused");
        return Ok(see_other(&format!("/antraege/{id}?hinweis=nachreichen-fehler")));
    }
    if !offen || eingang.dateien.is_empty() || o.antrag.entwurf {
        eingang.verwerfen(&state.ablage).await;
        return Ok(see_other(&format!("/antraege/{id}?hinweis=nachreichen-leer")));
    }
    let now = state.now();
    let files: Vec<&Empfangen> = eingang.dateien.iter().collect();
    let mut tx = state.db.begin().await?;
    nachweise::speichern(&mut tx, &id, "nachreichung", Some(&anfrage), &files, now).await?;
    sqlx::query("UPDATE application_requests SET answered_at = $1 WHERE id = $2 AND application_id = $3 AND answered_at IS NULL")
        .bind(now)
        .bind(&anfrage)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let noch_offen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM application_requests WHERE application_id = $1 AND answered_at IS NULL")
        .bind(&id)
        .fetch_one(&mut *tx)
        .await?;
    if noch_offen == 0 {
        store::status_setzen(&mut tx, &id, Status::InBearbeitung, None, now).await?;
    }
    // The work item comes up again in the inbox.
    sqlx::query("UPDATE work_items SET updated_at = $1 WHERE kind = 'antrag' AND subject_id = $2")
        .bind(now)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    let details = serde_json::json!({"application": id, "files": files.len()});
    journal::record(&mut tx, &h.mandat, Ereignis::UnterlagenNachgereicht, details, &h.ctx.actor, now).await?;
    tx.commit().await?;
    Ok(see_other(&format!("/antraege/{id}?hinweis=nachgereicht")))
}
