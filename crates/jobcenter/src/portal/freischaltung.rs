//! "Online-Angebote freischalten" / "Freischaltcode eingeben" (PRF-3) and
//! "Freischaltung erfolgreich" (PRF-4). The code from the letter is taken
//! with or without dashes and spaces and in any case; wrong, expired and
//! used codes get their own message; attempts are limited per account and
//! per address (database counters shared by all nodes).

use super::{ClientProfile, store};
use crate::app::AppState;
use crate::ratelimit::{self, Limit};
use crate::web::{AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::{Freischaltcode, FreischaltcodeError};
use serde::Deserialize;

/// Where the letter's QR code points (`?code=` fills the field).
pub const PATH: &str = "/freischaltcode";

#[derive(Template)]
#[template(path = "portal/templates/freischaltcode.html")]
struct CodePage {
    page: Page,
    errors: FormErrors,
    code: String,
}

#[derive(Deserialize)]
pub struct CodeQuery {
    code: Option<String>,
}

fn code_page(page: Page, code: String, errors: FormErrors) -> AppResult<Response> {
    let p = CodePage { page, errors, code };
    if p.errors.is_empty() { render(&p) } else { render_status(p.errors.status(), &p) }
}

/// `GET /freischaltcode[?code=…]`: the entry form; a stranger is sent to
/// the login, which brings them back here with the code.
pub async fn form(State(state): State<AppState>, signed: SignedIn, Query(q): Query<CodeQuery>) -> AppResult<Response> {
    let code = q.code.unwrap_or_default().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ' ').take(20).collect();
    code_page(Page::new(&signed.ctx, &state, "portal-code-title"), code, FormErrors::default())
}

#[derive(Deserialize)]
pub struct CodeForm {
    freischaltcode: String,
}

/// `POST /freischaltcode`: redeems the code for this account.
pub async fn submit(State(state): State<AppState>, signed: SignedIn, Form(f): Form<CodeForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let page = || Page::new(&signed.ctx, &state, "portal-code-title");
    let typed: String = f.freischaltcode.chars().take(40).collect();
    let mut errors = FormErrors::default();
    let code = match Freischaltcode::parse(&typed) {
        Ok(c) => Some(c),
        Err(FreischaltcodeError::Empty) => {
            errors.add("freischaltcode", lang.t("portal-code-error-empty"));
            return code_page(page(), typed, errors);
        }
        Err(FreischaltcodeError::Format) => None,
    };
    // Every typed code counts, also a malformed one: the limits guard a secret.
    let limits = &state.config.rate_limits;
    let now = state.now();
    let per_account = Limit::per_minutes(limits.activation_per_account, 60);
    let per_address = Limit::per_minutes(limits.activation_per_address, 60);
    let account_ok =
        ratelimit::hit(&state.db.writer, &format!("freischaltcode:account:{}", signed.session.account_id), per_account, now).await?;
    let address_ok = ratelimit::hit(&state.db.writer, &format!("freischaltcode:ip:{}", signed.ctx.actor.ip), per_address, now).await?;
    if !account_ok || !address_ok {
        errors.add_rate_limited("freischaltcode", lang.t("portal-code-error-limit"));
        return code_page(page(), typed, errors);
    }
    let Some(code) = code else {
        errors.add("freischaltcode", lang.t("portal-code-error-format"));
        return code_page(page(), typed, errors);
    };
    let mut tx = state.db.begin().await?;
    let result = store::redeem(&mut tx, &signed.session.account_id, &signed.session.id_hash, &code, &signed.ctx.actor, now).await?;
    match result {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other("/freischaltcode/erfolgreich"))
        }
        Err(problem) => {
            // Nothing was written by the refused redemption; record the attempt.
            let (key, reason) = match problem {
                store::RedeemProblem::Wrong => ("portal-code-error-wrong", "wrong"),
                store::RedeemProblem::Expired => ("portal-code-error-expired", "expired"),
                store::RedeemProblem::Used => ("portal-code-error-used", "used"),
            };
            let details = serde_json::json!({ "reason": reason });
            crate::audit::record(&mut tx, Some(&signed.session.account_id), "activation_code_refused", &signed.ctx.actor, details, now)
                .await?;
            tx.commit().await?;
            errors.add("freischaltcode", lang.t(key));
            code_page(page(), typed, errors)
        }
    }
}

#[derive(Template)]
#[template(path = "portal/templates/freischaltung_erfolgreich.html")]
struct SuccessPage {
    page: Page,
    profile: store::Profile,
}

/// `GET /freischaltcode/erfolgreich` ("Freischaltung erfolgreich", PRF-4).
pub async fn success(State(state): State<AppState>, client: ClientProfile) -> AppResult<Response> {
    render(&SuccessPage { page: Page::new(&client.ctx, &state, "portal-success-title"), profile: client.profile })
}
