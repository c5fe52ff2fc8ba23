//! Invitations from staff ("Einladung", POR-5): the pAp or the benefits
//! team invite a client to a date (in person, by phone, by video) with the
//! purpose and the legal note on the duty to appear. Online with the
//! client's consent (a mail without content), otherwise on paper (the
//! print queue). The client confirms, or asks to move it with a reason: a
//! work item for the inviting member, who moves it (a new date, a higher
//! sequence) or declines with an answer.

use super::store::{self, versiegeln};
use super::{Art, ortszeit};
use crate::app::AppState;
use crate::arbeit::{self, Team};
use crate::db::{Tx, new_id};
use crate::journal::{self, Ereignis};
use crate::portal::ClientProfile;
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// A new invitation.
pub struct Neu<'a> {
    pub client_id: &'a str,
    pub office_id: &'a str,
    pub art: Art,
    pub starts_at: i64,
    pub minutes: i64,
    pub place: &'a str,
    pub video_link: &'a str,
    pub zweck: &'a str,
    pub invited_by: &'a str,
}

/// Stores the invitation and delivers it: online (a mail without content)
/// or to the print queue. Returns its id and whether it went on paper.
pub async fn einladen(
    state: &AppState,
    tx: &mut Tx,
    e: &Neu<'_>,
    bezug: &impl journal::Bezug,
    actor: &crate::audit::Actor,
    now: i64,
) -> anyhow::Result<(String, bool)> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO appointments (id, client_id, office_id, kind, topic, starts_at, minutes, place, staff_id, state, invited_by,
             purpose_sealed, video_link, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'einladung', $5, $6, $7, $8, 'eingeladen', $8, $9, $10, $11, $11)",
    )
    .bind(&id)
    .bind(e.client_id)
    .bind(e.office_id)
    .bind(e.art.as_str())
    .bind(e.starts_at)
    .bind(e.minutes)
    .bind(e.place)
    .bind(e.invited_by)
    .bind(versiegeln(&state.secrets, &id, "zweck", e.zweck))
    .bind(e.video_link)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let t = ortszeit(e.starts_at);
    let titel = format!("Einladung zum Termin am {} um {} Uhr", crate::portal::bescheide::datum(t.date()), t.format("%H:%M"));
    let papier = crate::backoffice::store::queue_letter(tx, e.client_id, "einladung", &titel, now).await?;
    if !papier {
        crate::portal::antraege::mitteilen(state, tx, e.client_id, "termin-einladung", "/termine", &[]).await?;
    }
    journal::record(tx, bezug, Ereignis::TerminEingeladen, serde_json::json!({"appointment": id, "paper": papier}), actor, now).await?;
    Ok((id, papier))
}

/// `POST /termine/{id}/bestaetigen`: the client confirms an invitation.
pub async fn bestaetigen(State(state): State<AppState>, c: ClientProfile, Path(id): Path<String>) -> AppResult<Response> {
    let now = state.now();
    let n = sqlx::query(
        "UPDATE appointments SET state = 'bestaetigt', updated_at = $1 WHERE id = $2 AND client_id = $3 AND state = 'eingeladen'",
    )
    .bind(now)
    .bind(&id)
    .bind(&c.profile.client_id)
    .execute(&state.db.writer)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/termine?hinweis=bestaetigt"))
}

#[derive(Template)]
#[template(path = "portal/termine/templates/verschieben.html")]
struct MovePage {
    page: Page,
    id: String,
    wann: String,
    grund: String,
    errors: FormErrors,
}

/// The invitation of the client that may still be moved.
async fn verschiebbar(state: &AppState, c: &ClientProfile, id: &str) -> AppResult<store::Termin> {
    let t = store::eines(&state.db.pool, &state.secrets, &c.profile.client_id, id).await?.ok_or(AppError::NotFound)?;
    if t.invited_by.is_none() || !matches!(t.state.as_str(), "eingeladen" | "bestaetigt") || t.starts_at <= state.now() {
        return Err(AppError::NotFound);
    }
    Ok(t)
}

/// `GET /termine/{id}/verschieben`.
pub async fn verschieben_form(State(state): State<AppState>, c: ClientProfile, Path(id): Path<String>) -> AppResult<Response> {
    let t = verschiebbar(&state, &c, &id).await?;
    render(&MovePage {
        page: Page::new(&c.ctx, &state, "termin-verschieben-title"),
        wann: super::seiten::wann(c.ctx.lang, t.starts_at, t.minutes),
        id,
        grund: String::new(),
        errors: FormErrors::default(),
    })
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    grund: String,
}

/// `POST /termine/{id}/verschieben`: the reason goes to the inviting
/// member as a work item.
pub async fn verschieben(
    State(state): State<AppState>,
    c: ClientProfile,
    Path(id): Path<String>,
    Form(f): Form<MoveForm>,
) -> AppResult<Response> {
    let t = verschiebbar(&state, &c, &id).await?;
    let grund = f.grund.trim();
    if grund.is_empty() || grund.chars().count() > 2000 {
        let mut errors = FormErrors::default();
        errors.add("grund", c.ctx.lang.t("termin-grund-fehler"));
        let page = MovePage {
            page: Page::new(&c.ctx, &state, "termin-verschieben-title"),
            wann: super::seiten::wann(c.ctx.lang, t.starts_at, t.minutes),
            id,
            grund: f.grund,
            errors,
        };
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let now = state.now();
    let mandat = c.mandat();
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "UPDATE appointments SET state = 'verschiebung', move_reason_sealed = $1, answer_sealed = NULL, updated_at = $2
         WHERE id = $3 AND client_id = $4 AND state IN ('eingeladen', 'bestaetigt')",
    )
    .bind(versiegeln(&state.secrets, &id, "grund", grund))
    .bind(now)
    .bind(&id)
    .bind(&c.profile.client_id)
    .execute(&mut *tx)
    .await?;
    let member = t.invited_by.as_deref();
    let team: Option<String> =
        sqlx::query_scalar("SELECT roles FROM staff WHERE account_id = $1").bind(member).fetch_optional(&mut *tx).await?;
    let team = if team.is_some_and(|r| r.contains("leistung")) { Team::Leistung } else { Team::Vermittlung };
    let zustaendig = arbeit::store::Zustaendig { team, assignee: member };
    if arbeit::store::zu(&state.db.pool, arbeit::store::Art::Termin, &id).await?.is_some() {
        arbeit::store::wieder_oeffnen(&mut tx, arbeit::store::Art::Termin, &id, now).await?;
    } else {
        arbeit::store::anlegen(&mut tx, &mandat, &c.profile.office_id, arbeit::store::Art::Termin, &id, zustaendig, now).await?;
    }
    journal::record(&mut tx, &mandat, Ereignis::TerminVerschiebungAngefragt, serde_json::json!({"appointment": id}), &c.ctx.actor, now)
        .await?;
    tx.commit().await?;
    Ok(see_other("/termine?hinweis=verschiebung"))
}
