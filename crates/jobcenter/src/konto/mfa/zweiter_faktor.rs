//! The step after the password for an account with a second factor: the
//! TOTP code, or a passkey, or a recovery code (MFA-24, MFA-11).

use super::totp::{self, CodeProblem};
use super::{LoginBrowser, Method, complete_login_in, landing_from, see_other_with_cookies, ways_in};
use crate::app::AppState;
use crate::web::ctx::{AnySession, safe_next};
use crate::web::session::Stage;
use crate::web::{AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/mfa/templates/zweiter_faktor.html")]
struct SecondFactorPage {
    page: Page,
    errors: FormErrors,
    weiter: String,
    has_totp: bool,
    has_passkey: bool,
    /// A linked Secure-App device: the link back to the waiting page.
    has_secure_app: bool,
    app_name: String,
    recovery_left: i64,
}

#[derive(Deserialize)]
pub struct StepQuery {
    weiter: Option<String>,
}

async fn page(state: &AppState, signed: &AnySession, errors: FormErrors, weiter: String) -> AppResult<Response> {
    let account = crate::konto::session_account(state, &signed.session).await?;
    let ways = ways_in(&state.db.pool, &account.id).await?;
    let p = SecondFactorPage {
        page: Page::new(&signed.ctx, state, "second-factor-title"),
        weiter: safe_next(Some(&weiter)).unwrap_or_default(),
        has_totp: ways.totp,
        has_passkey: ways.passkeys > 0,
        has_secure_app: ways.secure_app_devices > 0,
        app_name: state.config.secure_app_name.clone(),
        recovery_left: ways.recovery_codes_left,
        errors,
    };
    if p.errors.is_empty() { render(&p) } else { render_status(p.errors.status(), &p) }
}

/// `GET /anmelden/zweiter-faktor`.
pub async fn form(State(state): State<AppState>, signed: AnySession, Query(q): Query<StepQuery>) -> AppResult<Response> {
    match signed.session.stage {
        Stage::SecondFactor => page(&state, &signed, FormErrors::default(), q.weiter.unwrap_or_default()).await,
        Stage::Setup => Ok(see_other("/sicherheitshinweis")),
        Stage::Complete => Ok(see_other("/konto")),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
    weiter: Option<String>,
}

/// `POST /anmelden/zweiter-faktor`: the TOTP code.
pub async fn submit(State(state): State<AppState>, signed: AnySession, headers: HeaderMap, Form(f): Form<CodeForm>) -> AppResult<Response> {
    if signed.session.stage != Stage::SecondFactor {
        return Ok(see_other("/konto"));
    }
    let lang = signed.ctx.lang;
    let weiter = f.weiter.clone().unwrap_or_default();
    let account = crate::konto::session_account(&state, &signed.session).await?;
    if f.code.trim().is_empty() {
        let mut errors = FormErrors::default();
        errors.add("code", lang.t("totp-error-empty"));
        return page(&state, &signed, errors, weiter).await;
    }
    // The code check and the completed login are one transaction.
    let browser = LoginBrowser::from_cookie(super::browser_id(&headers).as_deref());
    let mut tx = state.db.begin().await?;
    match totp::check_code(&state, &mut tx, &account, &f.code, &browser.hash, &signed.ctx.actor).await? {
        Ok(facts) => {
            let cookies =
                complete_login_in(&state, tx, &signed.ctx.actor, Some(&signed.session), &account, Method::Totp, facts.seen(browser))
                    .await?;
            Ok(see_other_with_cookies(&landing_from(&facts, &weiter), &cookies))
        }
        Err(problem) => {
            tx.commit().await?;
            let mut errors = FormErrors::default();
            let message = totp::problem_message(lang, problem);
            if matches!(problem, CodeProblem::Locked(_)) {
                errors.add_rate_limited("code", message);
            } else {
                errors.add("code", message);
            }
            page(&state, &signed, errors, weiter).await
        }
    }
}
