//! The pages of "Datei hochladen": the form, sending (multipart, streamed
//! through [`super::empfang`]), and the receipt.

use super::empfang::{self, Eingang, Fehler};
use super::{Thema, store};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Ereignis};
use crate::portal::handelnd::{Handelnd, Hochladen};
use crate::web::idempotenz::{self, Anspruch};
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// The form.
pub const PATH: &str = "/dokumente/hochladen";
/// Longest message.
pub const MAX_MESSAGE: usize = 2000;

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

/// The message for a refusal, in the page's language.
fn message(lang: crate::i18n::Lang, f: &Fehler, limits: crate::config::UploadLimits) -> String {
    match f {
        Fehler::Datei { name, ablehnung } => {
            let mb = (limits.max_file / 1_000_000).to_string();
            lang.t_args(&format!("upload-error-{}", ablehnung.code()), &[("datei", name), ("mb", &mb)])
        }
        Fehler::ZuVieleDateien => lang.t_args("upload-error-too-many", &[("anzahl", &limits.max_files.to_string())]),
        Fehler::SendungZuGross => lang.t_args("upload-error-total", &[("mb", &(limits.max_total / 1_000_000).to_string())]),
        Fehler::Formular => lang.t("upload-error-form"),
    }
}

/// `POST /dokumente/hochladen`: receives the files, checks the form, and
/// stores the sending with its work item, journal entry and receipt mail in
/// one transaction. A repeated idempotency key goes to the first receipt.
pub async fn submit(State(state): State<AppState>, h: Handelnd<Hochladen>, form: Multipart) -> AppResult<Response> {
    let lang = h.ctx.lang;
    let limits = state.config.upload;
    let mut eingang = empfang::lesen(&state.ablage, limits, form).await?;
    let mut errors: Vec<(String, String)> = eingang.fehler.iter().map(|f| ("dateien".to_owned(), message(lang, f, limits))).collect();
    let thema = eingang.feld("thema").and_then(Thema::parse);
    if thema.is_none() {
        errors.insert(0, ("thema-geldleistung".into(), lang.t("upload-error-topic")));
    }
    let nachricht = eingang.feld("nachricht").map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    if nachricht.as_ref().is_some_and(|m| m.chars().count() > MAX_MESSAGE) {
        errors.push(("nachricht".into(), lang.t_args("upload-error-message", &[("anzahl", &MAX_MESSAGE.to_string())])));
    }
    if eingang.dateien.is_empty() && eingang.fehler.is_empty() {
        errors.push(("dateien".into(), lang.t("upload-error-none")));
    }
    let combine = eingang.feld("als_ein_dokument").is_some() && eingang.dateien.len() > 1;
    let not_a_photo = |d: &&empfang::Datei| !matches!(d.befund.art, dokumente::pruefung::Art::Jpeg | dokumente::pruefung::Art::Png);
    if combine
        && errors.is_empty()
        && let Some(bad) = eingang.dateien.iter().find(not_a_photo)
    {
        errors.push(("dateien".into(), lang.t_args("upload-error-combine", &[("datei", &bad.name)])));
    }
    let key = eingang.feld(idempotenz::FIELD).filter(|k| idempotenz::gueltig(k)).map(str::to_owned);
    if !errors.is_empty() {
        eingang.verwerfen(&state.ablage).await;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&state, &h, Some(&eingang), errors));
    }
    let account = h.mandat.account_id().to_owned();
    let Some(key) = key else {
        eingang.verwerfen(&state.ablage).await;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&state, &h, Some(&eingang), vec![("dateien".into(), lang.t("upload-error-form"))]),
        );
    };
    match idempotenz::beanspruchen(&state.db.writer, &account, &key, state.now(), std::time::Duration::from_secs(20)).await? {
        Anspruch::Neu => {}
        Anspruch::Erledigt(location) => {
            eingang.verwerfen(&state.ablage).await;
            return Ok(see_other(&location));
        }
        Anspruch::Laeuft => {
            eingang.verwerfen(&state.ablage).await;
            return Err(AppError::Internal(anyhow::anyhow!("a sending with the same key is still being stored")));
        }
    }
    match speichern(&state, &h, &mut eingang, thema.unwrap_or(Thema::Geldleistung), nachricht.as_deref(), combine, &key).await {
        Ok(location) => {
            if state.config.clamd_address.is_some() {
                super::scanner::ausstehende_pruefen(&state).await.ok();
            }
            Ok(see_other(&location))
        }
        Err(e) => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, &account, &key).await.ok();
            Err(e)
        }
    }
}

/// Combines photos if asked, then writes every row in one transaction.
async fn speichern(
    state: &AppState,
    h: &Handelnd<Hochladen>,
    eingang: &mut Eingang,
    thema: Thema,
    nachricht: Option<&str>,
    combine: bool,
    key: &str,
) -> AppResult<String> {
    let now = state.now();
    let mut dateien: Vec<(empfang::Datei, i64)> = eingang.dateien.iter().cloned().map(|d| (d, 1)).collect();
    if combine {
        let pdf = super::kombinieren::als_ein_pdf(state, &eingang.dateien, h.ctx.lang).await?;
        eingang.verwerfen(&state.ablage).await;
        eingang.dateien.push(pdf.0.clone());
        dateien = vec![pdf];
    }
    let scan = if state.config.clamd_address.is_some() { "ausstehend" } else { "ohne" };
    let account = crate::konto::session_account(state, &h.session).await?;
    let mut tx = state.db.begin().await?;
    let id = store::anlegen(&mut tx, &h.mandat, thema, nachricht, &dateien, scan, &state.secrets, now).await?;
    arbeit::store::anlegen(&mut tx, &h.mandat, h.mandat.office_id(), arbeit::store::Art::Sendung, &id, thema.team(), now).await?;
    let details = serde_json::json!({"upload": id, "topic": thema.as_str(), "files": dateien.len()});
    journal::record(&mut tx, &h.mandat, Ereignis::DateienGesendet, details, &h.ctx.actor, now).await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    let liste: Vec<String> = dateien
        .iter()
        .map(|(d, _)| format!("- {} ({}, SHA-256 {})", d.name, store::groesse(d.gespeichert.bytes as i64), d.gespeichert.sha256))
        .collect();
    let args =
        [("thema", mail_lang.t(&thema.label_key())), ("zeit", crate::web::page::format_datetime(now)), ("dateien", liste.join("\n"))];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    crate::konto::queue_mail(state, &mut tx, mail_lang, "upload-receipt", &account.email, &args).await?;
    let location = format!("/dokumente/gesendet/{id}");
    idempotenz::abschliessen(&mut tx, h.mandat.account_id(), key, &location).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(upload = %id, files = dateien.len(), "files received");
    Ok(location)
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
