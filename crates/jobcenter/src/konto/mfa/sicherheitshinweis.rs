//! The gate (MFA-1): after a password login of an account without a second
//! factor, the "Sicherheitshinweis" and nothing else; and the passkey offer
//! after a login (MFA-2) with "Überspringen" and "Diese Seite nicht mehr
//! anzeigen".

use super::ways_in;
use crate::app::AppState;
use crate::web::ctx::{AnySession, MaySetUpFactor, safe_next};
use crate::web::session::Stage;
use crate::web::{AppResult, Page, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/mfa/templates/sicherheitshinweis.html")]
struct NoticePage {
    page: Page,
    app_name: String,
}

/// `GET /sicherheitshinweis`: only for a login at the gate.
pub async fn notice(State(state): State<AppState>, signed: AnySession) -> AppResult<Response> {
    match signed.session.stage {
        Stage::Setup => {
            render(&NoticePage { page: Page::new(&signed.ctx, &state, "notice-title"), app_name: state.config.secure_app_name.clone() })
        }
        Stage::SecondFactor => Ok(see_other("/anmelden/zweiter-faktor")),
        Stage::Complete => Ok(see_other("/konto")),
    }
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_angebot.html")]
struct OfferPage {
    page: Page,
    weiter: String,
    /// At the gate, skipping leads to TOTP set-up.
    at_gate: bool,
}

#[derive(Deserialize)]
pub struct OfferQuery {
    weiter: Option<String>,
}

/// `GET /passkey/angebot` ("Passkey für dieses Konto einrichten").
pub async fn offer(State(state): State<AppState>, signed: MaySetUpFactor, Query(q): Query<OfferQuery>) -> AppResult<Response> {
    render(&OfferPage {
        page: Page::new(&signed.ctx, &state, "offer-title"),
        weiter: safe_next(q.weiter.as_deref()).unwrap_or_default(),
        at_gate: signed.session.stage == Stage::Setup,
    })
}

#[derive(Deserialize)]
pub struct SkipForm {
    weiter: Option<String>,
    nicht_mehr_anzeigen: Option<String>,
}

/// `POST /passkey/angebot/ueberspringen`: whoever has no factor yet must
/// set up TOTP now (MFA-2); "Diese Seite nicht mehr anzeigen" is stored.
pub async fn skip(State(state): State<AppState>, signed: MaySetUpFactor, Form(f): Form<SkipForm>) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    if f.nicht_mehr_anzeigen.as_deref().is_some_and(|v| !v.is_empty()) {
        sqlx::query("UPDATE accounts SET passkey_offer_dismissed = 1 WHERE id = $1").bind(&account.id).execute(&state.db.writer).await?;
    }
    if !ways_in(&state.db.pool, &account.id).await?.has_second_factor() {
        return Ok(see_other("/konto/totp"));
    }
    let target = match safe_next(f.weiter.as_deref()).filter(|w| !w.is_empty()) {
        Some(w) => w,
        None => crate::portal::start_for(&state, &account.id).await?,
    };
    Ok(see_other(&target))
}

/// `GET /anmelden/hoeherstufen`: a function needs a higher level than the
/// session has (MFA-50). The eID login ("hoch") is not offered yet, so the
/// page says how to get the information otherwise.
pub async fn step_up(State(state): State<AppState>, signed: AnySession) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    crate::konto::Hinweis {
        page: Page::new(&signed.ctx, &state, "stepup-title"),
        tone: "info",
        heading: lang.t("stepup-heading"),
        paragraphs: vec![lang.t("stepup-text"), lang.t("stepup-alternative")],
        link: Some(("/konto".into(), lang.t("settings-back"))),
    }
    .respond()
}
