//! Local mode only (no SMTP relay configured): the mails the portal would
//! have sent, readable in the browser, so that a newcomer can register and
//! confirm without a mail server. Not routed to anything when SMTP is set.

use crate::app::AppState;
use crate::outbox::{StoredMail, read_local_mails};
use crate::web::{AppError, AppResult, Ctx, Page, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

#[derive(Template)]
#[template(path = "lokal/templates/postausgang.html")]
struct ListPage {
    page: Page,
    mails: Vec<StoredMail>,
}

#[derive(Template)]
#[template(path = "lokal/templates/mail.html")]
struct MailPage {
    page: Page,
    mail: StoredMail,
}

/// `GET /lokal/postausgang`.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if !state.config.local_mail() {
        return Err(AppError::NotFound);
    }
    render(&ListPage { page: Page::new(&ctx, &state, "local-mail-title"), mails: read_local_mails(&state.local_mail_dir) })
}

/// `GET /lokal/postausgang/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    if !state.config.local_mail() {
        return Err(AppError::NotFound);
    }
    let mail = read_local_mails(&state.local_mail_dir).into_iter().find(|m| m.id == id).ok_or(AppError::NotFound)?;
    render(&MailPage { page: Page::new(&ctx, &state, "local-mail-title"), mail })
}

/// Splits a mail's text into lines, marking links, for the template.
pub fn lines(text: &str) -> Vec<(bool, String)> {
    text.lines().map(|l| (l.starts_with("http://") || l.starts_with("https://"), l.to_owned())).collect()
}
