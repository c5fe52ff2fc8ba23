//! The client's mailbox pages: the list of threads (paged), "Neue
//! Nachricht", a thread with its answers and the answer form. All act under
//! [`Handelnd<Schreiben>`]: the client, or a representative with the right to
//! write to the jobcenter. The Leistungspostfach needs online communication
//! (OKO-1); without it the page says so and links to "Jetzt aktivieren".

use super::schreiben::{self, Problem};
use super::store::{self, Faden, Nachricht};
use super::{MAX_BETREFF, MAX_TEXT, Postfach};
use crate::app::AppState;
use crate::portal::handelnd::{Handelnd, Schreiben};
use crate::web::page::FormErrors;
use crate::web::seiten::Keyset;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

const PAGE_SIZE: i64 = 20;

/// The mailbox of a path segment, or 404.
fn postfach(s: &str) -> Result<Postfach, AppError> {
    Postfach::parse(s).ok_or(AppError::NotFound)
}

/// Whether the mailbox can be used: the Leistungspostfach only with
/// online communication (OKO-1).
async fn nutzbar(state: &AppState, h: &Handelnd<Schreiben>, p: Postfach) -> AppResult<bool> {
    Ok(p != Postfach::Leistung || crate::portal::store::online_status(&state.db.pool, &h.mandat).await?.active)
}

/// The name shown with the client's messages: the client's, or the
/// representative's login when a representative writes.
fn name(h: &Handelnd<Schreiben>) -> String {
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
    render(&ListPage { page: Page::new(&h.ctx, &state, &p.label_key()), postfach: p.as_str(), intro, nutzbar, threads, next })
}

/// The id of the first concern's radio button (`anliegen-<value>`).
fn erstes_anliegen(p: Postfach) -> &'static str {
    match p {
        Postfach::Leistung => "anliegen-antrag",
        Postfach::Vermittlung => "anliegen-bewerbung",
    }
}

#[derive(Template)]
#[template(path = "portal/postfach/templates/neu.html")]
struct NewPage {
    page: Page,
    postfach: &'static str,
    mailbox_title: String,
    anliegen: Vec<(&'static str, String)>,
    anliegen_fehler: Option<String>,
    form: NewForm,
    errors: FormErrors,
    max_text: usize,
    max_betreff: usize,
}

#[derive(Deserialize, Default)]
pub struct NewForm {
    #[serde(default)]
    anliegen: String,
    #[serde(default)]
    betreff: String,
    #[serde(default)]
    text: String,
}

fn new_page(state: &AppState, h: &Handelnd<Schreiben>, p: Postfach, form: NewForm, errors: FormErrors) -> NewPage {
    let lang = h.ctx.lang;
    NewPage {
        page: Page::new(&h.ctx, state, "postfach-new-title"),
        postfach: p.as_str(),
        mailbox_title: lang.t(&p.label_key()),
        anliegen: p.anliegen().iter().map(|a| (a.as_str(), lang.t(&a.label_key()))).collect(),
        anliegen_fehler: errors.get(erstes_anliegen(p)).map(str::to_owned),
        form,
        errors,
        max_text: MAX_TEXT,
        max_betreff: MAX_BETREFF,
    }
}

/// `GET /postfach/{postfach}/neu`.
pub async fn neu(State(state): State<AppState>, h: Handelnd<Schreiben>, Path(p): Path<String>) -> AppResult<Response> {
    let p = postfach(&p)?;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    render(&new_page(&state, &h, p, NewForm::default(), FormErrors::default()))
}

/// `POST /postfach/{postfach}/neu`: opens the thread and shows it.
pub async fn senden(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(p): Path<String>,
    Form(form): Form<NewForm>,
) -> AppResult<Response> {
    let p = postfach(&p)?;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    match schreiben::pruefen_neu(p, &form.anliegen, &form.betreff, &form.text) {
        Ok(neu) => {
            let id = schreiben::eroeffnen(&state, &h.mandat, &h.ctx.actor, &name(&h), &neu).await?;
            Ok(see_other(&format!("/postfach/nachrichten/{id}?hinweis=gesendet")))
        }
        Err(probleme) => {
            let mut errors = FormErrors::default();
            for pr in probleme {
                // The summary leads to the first concern's radio button.
                let feld = if pr == Problem::AnliegenFehlt { erstes_anliegen(p) } else { pr.feld() };
                errors.add(feld, pr.message(h.ctx.lang));
            }
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &h, p, form, errors))
        }
    }
}

#[derive(Template)]
#[template(path = "portal/postfach/templates/faden.html")]
struct ThreadPage {
    page: Page,
    faden: Faden,
    mailbox_title: String,
    anliegen: String,
    nachrichten: Vec<Nachricht>,
    text: String,
    errors: FormErrors,
    notice: Option<String>,
    max_text: usize,
}

#[derive(Deserialize)]
pub struct ThreadQuery {
    hinweis: Option<String>,
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    text: String,
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
        faden,
        nachrichten,
        text,
        errors,
        notice,
        max_text: MAX_TEXT,
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

/// `POST /postfach/nachrichten/{id}`: an answer in the thread.
pub async fn antworten(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> AppResult<Response> {
    // A thread of another client is not found before anything is checked.
    let t = thread_page(&state, &h, &id, String::new(), FormErrors::default(), None).await?;
    let p = t.faden.postfach;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    match schreiben::antworten(&state, &h.mandat, &h.ctx.actor, &name(&h), &id, &form.text).await? {
        Ok(()) => Ok(see_other(&format!("/postfach/nachrichten/{id}?hinweis=gesendet#antworten"))),
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add(Problem::feld(problem), problem.message(h.ctx.lang));
            let t = thread_page(&state, &h, &id, form.text, errors, None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &t)
        }
    }
}
