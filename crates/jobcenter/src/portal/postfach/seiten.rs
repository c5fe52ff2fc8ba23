//! The client's mailbox pages: the list of threads (paged) and drafts, a
//! thread with its answers and attachments, the answer form (a form with
//! files), and opening an attachment. "Neue Nachricht" is [`super::neu`]. All
//! act under
//! [`Handelnd<Schreiben>`]: the client, or a representative with the right to
//! write to the jobcenter. The Leistungspostfach needs online communication
//! (OKO-1); without it the page says so and links to "Jetzt aktivieren".

use super::anhaenge::{self, Anhang};
use super::entwuerfe::{self, Eigentum, Entwurf};
use super::schreiben::{self, Anlagen, Problem};
use super::store::{self, Faden, Nachricht};
use super::{MAX_ANHAENGE, MAX_TEXT, Postfach};
use crate::app::AppState;
use crate::portal::dokumente::empfang::{self, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::handelnd::{Handelnd, Schreiben};
use crate::web::page::FormErrors;
use crate::web::seiten::Keyset;
use crate::web::{AppError, AppResult, Page, idempotenz, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

const PAGE_SIZE: i64 = 20;

/// The mailbox of a path segment, or 404.
pub(super) fn postfach(s: &str) -> Result<Postfach, AppError> {
    Postfach::parse(s).ok_or(AppError::NotFound)
}

/// Whether the mailbox can be used: the Leistungspostfach only with
/// online communication (OKO-1).
pub(super) async fn nutzbar(state: &AppState, h: &Handelnd<Schreiben>, p: Postfach) -> AppResult<bool> {
    Ok(p != Postfach::Leistung || crate::portal::store::online_status(&state.db.pool, &h.mandat).await?.active)
}

/// The name shown with the client's messages: the client's, or the
/// representative's login when a representative writes.
pub(super) fn name(h: &Handelnd<Schreiben>) -> String {
    if h.profile.relation == "self" { format!("{} {}", h.profile.given_name, h.profile.family_name) } else { h.session.email.clone() }
}

#[derive(Template)]
#[template(path = "portal/postfach/templates/liste.html")]
struct ListPage {
    page: Page,
    postfach: &'static str,
    intro: String,
    nutzbar: bool,
    threads: Vec<(Faden, String)>,
    next: Option<String>,
    entwuerfe: Vec<Entwurf>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    nach: Option<String>,
}

/// `GET /postfach/{postfach}[?nach=…]`.
pub async fn liste(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(p): Path<String>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let p = postfach(&p)?;
    let lang = h.ctx.lang;
    let nutzbar = nutzbar(&state, &h, p).await?;
    let (threads, next) = if nutzbar {
        let after = q.nach.as_deref().and_then(Keyset::parse);
        let seite = store::liste(&state.db.pool, &state.secrets, h.mandat.client_id(), p, after.as_ref(), PAGE_SIZE).await?;
        let next = seite.next_href(&p.path());
        let threads = seite.items.into_iter().map(|f| {
            let anliegen = lang.t(&f.anliegen.label_key());
            (f, anliegen)
        });
        (threads.collect(), next)
    } else {
        (Vec::new(), None)
    };
    let intro = lang.t(match p {
        Postfach::Leistung => "postfach-leistung-intro",
        Postfach::Vermittlung => "postfach-vermittlung-intro",
    });
    let wem = Eigentum { client_id: h.mandat.client_id(), account_id: h.mandat.account_id() };
    let entwuerfe = if nutzbar { entwuerfe::liste(&state.db.pool, &state.secrets, wem, p).await? } else { Vec::new() };
    let page = Page::new(&h.ctx, &state, &p.label_key());
    render(&ListPage { page, postfach: p.as_str(), intro, nutzbar, threads, next, entwuerfe })
}

#[derive(Template)]
#[template(path = "portal/postfach/templates/faden.html")]
struct ThreadPage {
    page: Page,
    faden: Faden,
    mailbox_title: String,
    anliegen: String,
    nachrichten: Vec<(Nachricht, Vec<Anhang>)>,
    /// Where an attachment opens: prefix + attachment id.
    anhang_prefix: String,
    /// Where the answer form goes.
    aktion: String,
    key: String,
    text: String,
    errors: FormErrors,
    notice: Option<String>,
    max_text: usize,
    max_anhaenge: usize,
}

#[derive(Deserialize)]
pub struct ThreadQuery {
    hinweis: Option<String>,
}

/// The messages of a thread with their attachments.
pub async fn mit_anhaengen(pool: &sqlx::AnyPool, thread_id: &str, nachrichten: Vec<Nachricht>) -> AppResult<Vec<(Nachricht, Vec<Anhang>)>> {
    let mut anhaenge = anhaenge::der_nachrichten(pool, thread_id).await?;
    Ok(nachrichten
        .into_iter()
        .map(|n| {
            let a = anhaenge.remove(&n.id).unwrap_or_default();
            (n, a)
        })
        .collect())
}

async fn thread_page(
    state: &AppState,
    h: &Handelnd<Schreiben>,
    id: &str,
    text: String,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<ThreadPage> {
    let (faden, nachrichten) =
        store::faden_mit_nachrichten(&state.db.pool, &state.secrets, h.mandat.client_id(), id).await?.ok_or(AppError::NotFound)?;
    let lang = h.ctx.lang;
    let mut page = Page::new(&h.ctx, state, "postfach-thread-title");
    page.title = faden.betreff.clone();
    Ok(ThreadPage {
        page,
        mailbox_title: lang.t(&faden.postfach.label_key()),
        anliegen: lang.t(&faden.anliegen.label_key()),
        nachrichten: mit_anhaengen(&state.db.pool, &faden.id, nachrichten).await?,
        anhang_prefix: "/postfach/anhaenge/".to_owned(),
        aktion: format!("/postfach/nachrichten/{}", faden.id),
        key: idempotenz::neuer_schluessel(),
        faden,
        text,
        errors,
        notice,
        max_text: MAX_TEXT,
        max_anhaenge: MAX_ANHAENGE,
    })
}

/// `GET /postfach/nachrichten/{id}`: the thread; the jobcenter's answers
/// count as read.
pub async fn faden(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(id): Path<String>,
    Query(q): Query<ThreadQuery>,
) -> AppResult<Response> {
    let notice = match q.hinweis.as_deref() {
        Some("gesendet") => Some(h.ctx.lang.t("postfach-sent")),
        _ => None,
    };
    let t = thread_page(&state, &h, &id, String::new(), FormErrors::default(), notice).await?;
    if t.faden.client_unread > 0 {
        schreiben::gelesen(&state, &h.mandat, &h.ctx.actor, &id).await?;
    }
    render(&t)
}

/// `POST /postfach/nachrichten/{id}` (a form with files): an answer.
pub async fn antworten(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(id): Path<String>,
    form: Multipart,
) -> AppResult<Response> {
    // A thread of another client is not found before anything is read.
    let t = thread_page(&state, &h, &id, String::new(), FormErrors::default(), None).await?;
    let p = t.faden.postfach;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    let lang = h.ctx.lang;
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let text = eingang.feld("text").unwrap_or("").to_owned();
    let problem = if let Some(f) = eingang.fehler.first() {
        Some(UploadProblem::Empfang(f.clone()).message(lang, state.config.upload))
    } else if eingang.dateien.len() > MAX_ANHAENGE {
        Some(Problem::ZuVieleAnhaenge.message(lang))
    } else {
        None
    };
    if let Some(message) = problem {
        eingang.verwerfen(&state.ablage).await;
        let mut errors = FormErrors::default();
        errors.add("dateien", message);
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &thread_page(&state, &h, &id, text, errors, None).await?);
    }
    let key = match eingang.einmal(&state, h.mandat.account_id()).await? {
        Einmal::Neu(key) => key,
        Einmal::Beantwortet(res) => return Ok(res),
    };
    let anlagen = Anlagen { neue: &eingang.dateien, ..Anlagen::default() };
    let result = schreiben::antworten(&state, (&h.mandat, &h.ctx.actor, &name(&h)), &id, &text, anlagen, &key).await;
    match result {
        Ok(Ok(())) => Ok(see_other(&format!("/postfach/nachrichten/{id}?hinweis=gesendet#antworten"))),
        other => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, h.mandat.account_id(), &key).await.ok();
            let problem = match other {
                Ok(Err(problem)) => problem,
                Err(e) => return Err(e.into()),
                Ok(Ok(())) => unreachable!("handled above"),
            };
            let mut errors = FormErrors::default();
            errors.add(Problem::feld(problem), problem.message(lang));
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &thread_page(&state, &h, &id, text, errors, None).await?)
        }
    }
}

/// `GET /postfach/anhaenge/{id}`: an attachment of a sent message of the
/// client, streamed back decrypted; the opening is in the client's Verlauf.
pub async fn anhang(State(state): State<AppState>, h: Handelnd<Schreiben>, Path(id): Path<String>) -> AppResult<Response> {
    let (a, thread, key, envelope) = anhaenge::zum_lesen(&state.db.pool, h.mandat.client_id(), &id).await?.ok_or(AppError::NotFound)?;
    schreiben::anhang_geoeffnet(&state, &h.mandat, &h.ctx.actor, &thread, &a.id).await?;
    datei_antwort(&state, &a, &key, &envelope).await
}

/// The attachment's bytes as a download with its stored type and a safe name.
pub async fn datei_antwort(state: &AppState, a: &Anhang, key: &str, envelope: &str) -> AppResult<Response> {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let stream = state.ablage.lesen(key, envelope).await.map_err(|e| AppError::Internal(e.into()))?;
    let disposition = crate::backoffice::sendungen::content_disposition(&a.file_name);
    Ok(([(CONTENT_TYPE, a.media_type.clone()), (CONTENT_DISPOSITION, disposition)], axum::body::Body::from_stream(stream)).into_response())
}
