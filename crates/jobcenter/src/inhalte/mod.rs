//! Public content: the start page, help topics and the legal and
//! accessibility pages. Texts live in the locale files
//! (`page-<slug>-title`, `page-<slug>-body`, one paragraph per line).

use crate::app::AppState;
use crate::web::{AppError, AppResult, Ctx, Page, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

/// Help topics linked from the login page (ACC-1).
pub const HELP_TOPICS: &[&str] = &["anmeldung", "mfa", "passkeys", "totp"];
/// Other content pages (footer, header, consents).
pub const PAGES: &[&str] = &["datenschutz", "nutzungsbedingungen", "barrierefreiheit", "impressum", "leichte-sprache", "gebaerdensprache"];

#[derive(Template)]
#[template(path = "inhalte/templates/start.html")]
struct StartPage {
    page: Page,
    signed_in: bool,
}

/// `GET /`.
pub async fn start(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&StartPage { signed_in: ctx.session.is_some(), page: Page::new(&ctx, &state, "start-title") })
}

#[derive(Template)]
#[template(path = "inhalte/templates/seite.html")]
struct ContentPage {
    page: Page,
    paragraphs: Vec<String>,
    /// Links to sub-pages: (href, label).
    links: Vec<(String, String)>,
}

fn content(state: &AppState, ctx: &Ctx, slug: &str, links: Vec<(String, String)>) -> AppResult<Response> {
    let body = ctx.lang.t(&format!("page-{slug}-body"));
    render(&ContentPage {
        page: Page::new(ctx, state, &format!("page-{slug}-title")),
        paragraphs: body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        links,
    })
}

/// `GET /hilfe`: the list of help topics.
pub async fn hilfe(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let links = HELP_TOPICS.iter().map(|t| (format!("/hilfe/{t}"), ctx.lang.t(&format!("page-hilfe-{t}-title")))).collect();
    content(&state, &ctx, "hilfe", links)
}

/// `GET /hilfe/{thema}`.
pub async fn hilfe_thema(State(state): State<AppState>, ctx: Ctx, Path(thema): Path<String>) -> AppResult<Response> {
    if !HELP_TOPICS.contains(&thema.as_str()) {
        return Err(AppError::NotFound);
    }
    content(&state, &ctx, &format!("hilfe-{thema}"), vec![("/hilfe".into(), ctx.lang.t("page-hilfe-title"))])
}

/// `GET /seite/{slug}`.
pub async fn seite(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    if !PAGES.contains(&slug.as_str()) {
        return Err(AppError::NotFound);
    }
    content(&state, &ctx, &slug, Vec::new())
}
