//! Freischaltcodes (PRF-2, ADM-3): issue a code for a client record after
//! the request was checked, show it once, and hand out the letter (PDF).
//! Only the SHA-256 of the canonical code is stored, so the letter is
//! produced from the code the issuing page carries back, and only while
//! that code is the client's live one.

use super::akte::Akte;
use super::store::{self, Client};
use super::{Nav, Service};
use crate::app::AppState;
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Default validity of a code (PRF-2: 30 days).
pub const DEFAULT_DAYS: i64 = 30;
/// Longest validity staff may choose.
pub const MAX_DAYS: i64 = 90;

const REQUESTS: [(&str, &str); 3] =
    [("persoenlich", "bo-code-request-person"), ("telefonisch", "bo-code-request-phone"), ("online", "bo-code-request-online")];

#[derive(Template)]
#[template(path = "backoffice/templates/freischaltcode_form.html")]
struct FormPage {
    page: Page,
    nav: Nav,
    client: Client,
    purpose: &'static str,
    errors: FormErrors,
    requests: [(&'static str, &'static str); 3],
    anfrage: String,
    tage: String,
}

/// `GET /backoffice/kunden/{id}/freischaltcode?zweck=…`.
pub async fn form(State(state): State<AppState>, akte: Akte<Service>) -> AppResult<Response> {
    let (staff, purpose) = (&akte.staff, akte.zweck);
    let ctx = staff.ctx();
    let client = akte.client.clone();
    render(&FormPage {
        page: Page::new(ctx, &state, "bo-code-issue-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, ""),
        client,
        purpose,
        errors: FormErrors::default(),
        requests: REQUESTS,
        anfrage: "persoenlich".into(),
        tage: DEFAULT_DAYS.to_string(),
    })
}

#[derive(Deserialize)]
pub struct IssueForm {
    anfrage: Option<String>,
    ausweis_geprueft: Option<String>,
    gueltig_tage: Option<String>,
}

#[derive(Template)]
#[template(path = "backoffice/templates/freischaltcode_erteilt.html")]
struct IssuedPage {
    page: Page,
    nav: Nav,
    client: Client,
    purpose: &'static str,
    code: String,
    valid_until: String,
}

/// The last day a code is valid, as printed ("22.12.2026").
pub fn valid_until(expires_at: i64) -> String {
    use chrono::TimeZone;
    chrono_tz::Europe::Berlin.timestamp_opt(expires_at, 0).single().map_or_else(String::new, |t| t.format("%d.%m.%Y").to_string())
}

/// `POST /backoffice/kunden/{id}/freischaltcode`: checks the request
/// (in person only after an ID check), voids the old code, stores the
/// hash of a new one, records it (access log, profile event) and shows the
/// code once with the letter button.
pub async fn issue(State(state): State<AppState>, akte: Akte<Service>, Form(f): Form<IssueForm>) -> AppResult<Response> {
    let (staff, purpose) = (&akte.staff, akte.zweck);
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let client = akte.client.clone();
    let anfrage = REQUESTS.iter().map(|(v, _)| *v).find(|v| Some(*v) == f.anfrage.as_deref());
    let tage_input = f.gueltig_tage.clone().unwrap_or_default();
    let days = if tage_input.trim().is_empty() { Some(DEFAULT_DAYS) } else { tage_input.trim().parse::<i64>().ok() };
    let mut errors = FormErrors::default();
    if anfrage.is_none() {
        errors.add("anfrage-persoenlich", lang.t("bo-code-error-request"));
    }
    if anfrage == Some("persoenlich") && f.ausweis_geprueft.is_none() {
        errors.add("ausweis_geprueft", lang.t("bo-code-error-id"));
    }
    let days = match days {
        Some(d) if (1..=MAX_DAYS).contains(&d) => d,
        _ => {
            errors.add("gueltig_tage", lang.t("bo-code-error-days"));
            DEFAULT_DAYS
        }
    };
    if !errors.is_empty() {
        return render_status(
            errors.status(),
            &FormPage {
                page: Page::new(ctx, &state, "bo-code-issue-title"),
                nav: Nav::for_member(lang, &staff.member, ""),
                client,
                purpose,
                errors,
                requests: REQUESTS,
                anfrage: anfrage.unwrap_or("persoenlich").into(),
                tage: tage_input,
            },
        );
    }
    let now = state.now();
    let expires_at = now + days * 24 * 3600;
    let mut random = crate::crypto::random_bytes::<64>().into_iter().cycle();
    let code = domain::Freischaltcode::generate(|| random.next().unwrap_or(0));
    let mut tx = state.db.begin().await?;
    store::insert_code(&mut tx, &client.id, &crate::crypto::token_hash(code.canonical()), staff.account_id(), now, expires_at).await?;
    let details = serde_json::json!({"request": anfrage, "expires_at": expires_at});
    crate::journal::record(&mut tx, &akte, crate::journal::Ereignis::FreischaltcodeAusgestellt, details, &ctx.actor, now).await?;
    tx.commit().await?;
    tracing::info!(client = %client.id, staff = %staff.account_id(), "Freischaltcode issued");
    render(&IssuedPage {
        page: Page::new(ctx, &state, "bo-code-issued-title"),
        nav: Nav::for_member(lang, &staff.member, ""),
        client,
        purpose,
        code: code.display(),
        valid_until: valid_until(expires_at),
    })
}

#[derive(Deserialize)]
pub struct LetterForm {
    code: String,
}

/// `POST /backoffice/kunden/{id}/freischaltcode/brief`: the letter as a
/// PDF download, for the client's live code only.
pub async fn letter(State(state): State<AppState>, akte: Akte<Service>, Form(f): Form<LetterForm>) -> AppResult<Response> {
    let client = &akte.client;
    let code = domain::Freischaltcode::parse(&f.code).map_err(|_| AppError::NotFound)?;
    let now = state.now();
    let expires_at = store::live_code_expiry(&state.db.pool, &client.id, &crate::crypto::token_hash(code.canonical()), now)
        .await?
        .ok_or(AppError::NotFound)?;
    let office = store::offices(&state.db.pool).await?.into_iter().find(|o| o.id == client.office_id);
    let office_lines = office
        .map_or_else(Vec::new, |o| vec![format!("{} · {} · {} {}", o.name, o.street, o.postcode, o.city), format!("Telefon {}", o.phone)]);
    let entry = format!("{}/freischaltcode", state.config.base_url());
    let pdf = super::brief::render(&super::brief::Letter {
        office_lines,
        recipient_lines: vec![client.full_name(), client.street.clone(), format!("{} {}", client.postcode, client.city)],
        kundennummer: client.kundennummer.clone(),
        date: valid_until(now),
        code: code.display(),
        valid_until: valid_until(expires_at),
        qr_url: format!("{entry}?code={}", code.canonical()),
        entry_url: entry,
    })
    .map_err(AppError::Internal)?;
    let disposition = format!("attachment; filename=\"freischaltcode-{}.pdf\"", client.kundennummer);
    Ok(([(CONTENT_TYPE, "application/pdf".to_owned()), (CONTENT_DISPOSITION, disposition)], pdf).into_response())
}
