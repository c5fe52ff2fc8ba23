//! A mailbox thread in the back office (POR-2, ADM-4, ADM-5): the messages,
//! the answer form and the thread's work item. Opening it is a record
//! access ([`Akte`], logged with its purpose) and marks the client's
//! messages read for staff. Members of the item's team answer; two answers
//! at the same moment are both kept, in order (`postfach::store::antworten`).

use super::akte::Akte;
use super::aufgaben::VorgangTeil;
use super::{AnyStaff, Nav};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Ereignis};
use crate::portal::dokumente::empfang::{self, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::postfach::anhaenge::{self, Anhang, Ziel};
use crate::portal::postfach::schreiben::{Problem, pruefen_text};
use crate::portal::postfach::seiten::{datei_antwort, mit_anhaengen};
use crate::portal::postfach::store::{self, Autor};
use crate::portal::postfach::{MAX_ANHAENGE, MAX_TEXT, benachrichtigen};
use crate::web::page::FormErrors;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
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
    nachrichten: Vec<(store::Nachricht, Vec<Anhang>)>,
    anhang_prefix: String,
    key: String,
    max_anhaenge: usize,
    vorgang: VorgangTeil,
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
    let vorgang = VorgangTeil::laden(state, lang, &akte.staff.member, arbeit::store::Art::Nachricht, &faden.id).await?;
    let nachrichten = mit_anhaengen(&state.db.pool, &faden.id, nachrichten).await?;
    let base = format!("/backoffice/kunden/{}/nachrichten/{}", akte.client.id, faden.id);
    Ok(ThreadPage {
        anhang_prefix: format!("{base}/anhaenge/"),
        key: crate::web::idempotenz::neuer_schluessel(),
        max_anhaenge: MAX_ANHAENGE,
        page: Page::new(ctx, state, "bo-thread-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        here: akte.mit_zweck(&format!("/backoffice/kunden/{}/nachrichten/{}", akte.client.id, faden.id)),
        mailbox_title: lang.t(&faden.postfach.label_key()),
        anliegen: lang.t(&faden.anliegen.label_key()),
        vorgang,
        client: akte.client.clone(),
        zweck: akte.zweck,
        faden,
        nachrichten,
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

/// `POST /backoffice/kunden/{id}/nachrichten/{faden}?zweck=…` (a form with
/// files): an answer by a member of the item's team.
pub async fn reply(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, thread_id)): Path<(String, String)>,
    form: Multipart,
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
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let text = eingang.feld("text").unwrap_or("").to_owned();
    let mut errors = FormErrors::default();
    if let Some(f) = eingang.fehler.first() {
        errors.add("dateien", UploadProblem::Empfang(f.clone()).message(lang, state.config.upload));
    } else if eingang.dateien.len() > MAX_ANHAENGE {
        errors.add("dateien", Problem::ZuVieleAnhaenge.message(lang));
    } else if let Err(p) = pruefen_text(&text) {
        errors.add(p.feld(), p.message(lang));
    }
    if errors.is_empty() {
        let account = akte.staff.member.account_id.clone();
        let key = match eingang.einmal(&state, &account).await? {
            Einmal::Neu(key) => key,
            Einmal::Beantwortet(res) => return Ok(res),
        };
        match antwort_speichern(&state, &akte, &thread_id, &eingang, &key, &format!("{here}&hinweis=gesendet")).await {
            Ok(true) => return Ok(see_other(&format!("{here}&hinweis=gesendet"))),
            Ok(false) => errors.add("text", Problem::Geschlossen.message(lang)),
            Err(e) => {
                eingang.verwerfen(&state.ablage).await;
                crate::web::idempotenz::freigeben(&state.db.writer, &account, &key).await.ok();
                return Err(e.into());
            }
        }
        crate::web::idempotenz::freigeben(&state.db.writer, &account, &key).await?;
    }
    eingang.verwerfen(&state.ablage).await;
    let t = thread_page(&state, &akte, &thread_id, text, errors, None).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
}

/// Stores the answer with its attachments, the journal entry, the mail to
/// the client (if chosen) and the key's result; `false` if the thread is
/// closed (nothing stored).
async fn antwort_speichern(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    thread_id: &str,
    eingang: &empfang::Eingang,
    key: &str,
    ziel: &str,
) -> anyhow::Result<bool> {
    let text = pruefen_text(eingang.feld("text").unwrap_or("")).map_err(|p| anyhow::anyhow!("checked above: {p:?}"))?;
    let now = state.now();
    let name = store::staff_name(&state.db.pool, &akte.staff.member.account_id).await?;
    let autor = Autor { from_staff: true, account_id: Some(&akte.staff.member.account_id), name: &name, vollmacht_id: None };
    let mut tx = state.db.begin().await?;
    let Some((seq, message)) = store::antworten(&mut tx, &state.secrets, &akte.client.id, thread_id, &autor, &text, now).await? else {
        return Ok(false);
    };
    anhaenge::anhaengen(&mut tx, &akte.client.id, Ziel::Nachricht(&message), &eingang.dateien, now).await?;
    let details = json!({ "thread": thread_id, "message": seq, "attachments": eingang.dateien.len() });
    journal::record(&mut tx, akte, Ereignis::NachrichtBeantwortet, details, &akte.ctx().actor, now).await?;
    let postfach = store::postfach_von(&mut tx, thread_id).await?;
    let gemailt = benachrichtigen::neue_nachricht(state, &mut tx, &akte.client.id, postfach, now).await?;
    crate::web::idempotenz::abschliessen(&mut tx, &akte.staff.member.account_id, key, ziel).await?;
    tx.commit().await?;
    if gemailt {
        state.outbox_wake.notify_one();
        state.sms_wake.notify_one();
    }
    Ok(true)
}

/// `GET /backoffice/kunden/{id}/nachrichten/{faden}/anhaenge/{anhang}?zweck=…`:
/// an attachment of the thread (a record access, logged).
pub async fn anhang(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, thread_id, id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (a, thread, key, envelope) = anhaenge::zum_lesen(&state.db.pool, &akte.client.id, &id).await?.ok_or(AppError::NotFound)?;
    if thread != thread_id {
        return Err(AppError::NotFound);
    }
    datei_antwort(&state, &a, &key, &envelope).await
}
