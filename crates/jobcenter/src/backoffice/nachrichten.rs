//! A mailbox thread in the back office (POR-2, ADM-4, ADM-5): the messages,
//! the answer form and the thread's work item. Opening it is a record
//! access ([`Akte`], logged with its purpose) and marks the client's
//! messages read for staff. Members of the item's team answer; two answers
//! at the same moment are both kept, in order (`postfach::store::antworten`).

use super::akte::Akte;
use super::aufgaben::zeile;
use super::{AnyStaff, Nav};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Ereignis};
use crate::portal::postfach::schreiben::{Problem, pruefen_text};
use crate::portal::postfach::store::{self, Autor};
use crate::portal::postfach::{MAX_TEXT, benachrichtigen};
use crate::web::page::FormErrors;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

#[derive(Template)]
#[template(path = "backoffice/templates/nachricht.html")]
struct ThreadPage {
    page: Page,
    nav: Nav,
    client: super::store::Client,
    zweck: &'static str,
    faden: store::Faden,
    mailbox_title: String,
    anliegen: String,
    nachrichten: Vec<store::Nachricht>,
    item: Option<super::aufgaben::Zeile>,
    notes: Vec<arbeit::store::Notiz>,
    colleagues: Vec<super::store::StaffMember>,
    notice: Option<String>,
    here: String,
    text: String,
    errors: FormErrors,
    max_text: usize,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    text: String,
}

async fn thread_page(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    thread_id: &str,
    text: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<ThreadPage> {
    let ctx = akte.ctx();
    let lang = ctx.lang;
    let (faden, nachrichten) =
        store::faden_mit_nachrichten(&state.db.pool, &state.secrets, &akte.client.id, thread_id).await?.ok_or(AppError::NotFound)?;
    let item = arbeit::store::zu(&state.db.pool, arbeit::store::Art::Nachricht, &faden.id).await?;
    let notes = match &item {
        Some(i) => arbeit::store::notizen(&state.db.pool, &state.secrets, &i.id).await?,
        None => Vec::new(),
    };
    Ok(ThreadPage {
        page: Page::new(ctx, state, "bo-thread-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        here: akte.mit_zweck(&format!("/backoffice/kunden/{}/nachrichten/{}", akte.client.id, faden.id)),
        mailbox_title: lang.t(&faden.postfach.label_key()),
        anliegen: lang.t(&faden.anliegen.label_key()),
        item: item.map(|i| zeile(lang, &akte.staff.member, i)),
        colleagues: super::store::staff_of_office(&state.db.pool, &akte.staff.member.office_id).await?,
        client: akte.client.clone(),
        zweck: akte.zweck,
        faden,
        nachrichten,
        notes,
        notice,
        text,
        errors,
        max_text: MAX_TEXT,
    })
}

/// `GET /backoffice/kunden/{id}/nachrichten/{faden}?zweck=…`.
pub async fn show(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, thread_id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let notice = match q.hinweis.as_deref() {
        Some("gesendet") => Some(lang.t("bo-thread-sent")),
        other => arbeit::hinweis(lang, other),
    };
    let t = thread_page(&state, &akte, &thread_id, String::new(), FormErrors::default(), notice).await?;
    if t.faden.staff_unread > 0 {
        let mut tx = state.db.begin().await?;
        store::gelesen(&mut tx, &akte.client.id, &thread_id, true).await?;
        tx.commit().await?;
    }
    render(&t)
}

/// `POST /backoffice/kunden/{id}/nachrichten/{faden}?zweck=…`: an answer
/// by a member of the item's team.
pub async fn reply(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, thread_id)): Path<(String, String)>,
    Form(form): Form<ReplyForm>,
) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let item = arbeit::store::zu(&state.db.pool, arbeit::store::Art::Nachricht, &thread_id).await?.ok_or(AppError::NotFound)?;
    if item.client_id != akte.client.id {
        return Err(AppError::NotFound);
    }
    let here = akte.mit_zweck(&format!("/backoffice/kunden/{}/nachrichten/{thread_id}", akte.client.id));
    if !akte.staff.member.roles.contains(&item.team.rolle()) {
        return Ok(see_other(&format!("{here}&hinweis={}", arbeit::Abgelehnt::NichtBerechtigt.message_key())));
    }
    let problem = match pruefen_text(&form.text) {
        Err(p) => Some(p),
        Ok(text) => {
            let now = state.now();
            let name = store::staff_name(&state.db.pool, &akte.staff.member.account_id).await?;
            let autor = Autor { from_staff: true, account_id: Some(&akte.staff.member.account_id), name: &name, vollmacht_id: None };
            let mut tx = state.db.begin().await?;
            match store::antworten(&mut tx, &state.secrets, &akte.client.id, &thread_id, &autor, &text, now).await? {
                Some(seq) => {
                    let details = json!({ "thread": thread_id, "message": seq });
                    journal::record(&mut tx, &akte, Ereignis::NachrichtBeantwortet, details, &akte.ctx().actor, now).await?;
                    let postfach = store::postfach_von(&mut tx, &thread_id).await?;
                    let gemailt = benachrichtigen::neue_nachricht(&state, &mut tx, &akte.client.id, postfach, now).await?;
                    tx.commit().await?;
                    if gemailt {
                        state.outbox_wake.notify_one();
                    }
                    None
                }
                None => Some(Problem::Geschlossen),
            }
        }
    };
    match problem {
        None => Ok(see_other(&format!("{here}&hinweis=gesendet"))),
        Some(p) => {
            let mut errors = FormErrors::default();
            errors.add(p.feld(), p.message(lang));
            let t = thread_page(&state, &akte, &thread_id, form.text, errors, None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
