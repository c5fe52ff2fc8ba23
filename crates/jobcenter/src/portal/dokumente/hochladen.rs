//! The pages of "Datei hochladen": the form, sending (multipart, streamed
//! through [`super::empfang`]), and the receipt.

use super::empfang::{self, Eingang};
use super::{Thema, senden, store};
use crate::app::AppState;
use crate::portal::handelnd::{Handelnd, Hochladen};
use crate::web::idempotenz;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// The form.
pub const PATH: &str = "/dokumente/hochladen";
pub use super::senden::MAX_MESSAGE;

#[derive(Template)]
#[template(path = "portal/dokumente/templates/hochladen.html")]
struct FormPage {
    page: Page,
    key: String,
    topics: Vec<(&'static str, String, String)>,
    thema: String,
    nachricht: String,
    combine: bool,
    /// Errors for the summary: (field id, message).
    errors: Vec<(String, String)>,
    max_file_mb: u64,
    max_files: usize,
    max_total_mb: u64,
    max_message: usize,
}

fn form_page(state: &AppState, h: &Handelnd<Hochladen>, eingabe: Option<&Eingang>, errors: Vec<(String, String)>) -> FormPage {
    let lang = h.ctx.lang;
    let limits = state.config.upload;
    FormPage {
        page: Page::new(&h.ctx, state, "upload-title"),
        key: idempotenz::neuer_schluessel(),
        topics: Thema::ALLE.iter().map(|t| (t.as_str(), lang.t(&t.label_key()), lang.t(&t.hint_key()))).collect(),
        thema: eingabe.and_then(|e| e.feld("thema")).unwrap_or("").to_owned(),
        nachricht: eingabe.and_then(|e| e.feld("nachricht")).unwrap_or("").to_owned(),
        combine: eingabe.and_then(|e| e.feld("als_ein_dokument")).is_some(),
        errors,
        max_file_mb: limits.max_file / 1_000_000,
        max_files: limits.max_files,
        max_total_mb: limits.max_total / 1_000_000,
        max_message: MAX_MESSAGE,
    }
}

/// `GET /dokumente/hochladen`.
pub async fn form(State(state): State<AppState>, h: Handelnd<Hochladen>) -> AppResult<Response> {
    render(&form_page(&state, &h, None, Vec::new()))
}

/// `POST /dokumente/hochladen`: receives the files ([`empfang`]), checks
/// the form and sends ([`senden`]); a repeated idempotency key goes to the
/// first receipt.
pub async fn submit(State(state): State<AppState>, h: Handelnd<Hochladen>, form: Multipart) -> AppResult<Response> {
    let lang = h.ctx.lang;
    let limits = state.config.upload;
    let mut eingang = empfang::lesen(&state.ablage, limits, form).await?;
    match senden::pruefen(&eingang) {
        Err(problems) => {
            eingang.verwerfen(&state.ablage).await;
            let errors = problems.iter().map(|p| (p.feld().to_owned(), p.message(lang, limits))).collect();
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&state, &h, Some(&eingang), errors))
        }
        Ok(auftrag) => {
            let id = senden::senden(&state, &h.mandat, &h.ctx.actor, lang, &mut eingang, &auftrag).await?;
            Ok(see_other(&format!("/dokumente/gesendet/{id}")))
        }
    }
}

#[derive(Template)]
#[template(path = "portal/dokumente/templates/gesendet.html")]
struct ReceiptPage {
    page: Page,
    sendung: store::Sendung,
    thema: String,
}

/// `GET /dokumente/gesendet/{id}`: the receipt of one of the client's sendings.
pub async fn receipt(State(state): State<AppState>, h: Handelnd<Hochladen>, Path(id): Path<String>) -> AppResult<Response> {
    let sendung = store::eigene_sendung(&state.db.pool, &h.mandat, &id).await?.ok_or(AppError::NotFound)?;
    let thema = h.ctx.lang.t(&sendung.thema.label_key());
    render(&ReceiptPage { page: Page::new(&h.ctx, &state, "upload-receipt-title"), sendung, thema })
}
