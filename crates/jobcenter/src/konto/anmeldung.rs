//! Login with e-mail address or user name and password, logout, and
//! "Sitzung verlängern" (ACC-1, ACC-9, MFA-60).

use super::store;
use crate::app::AppState;
use crate::ratelimit::{self, Limit};
use crate::web::ctx::AnySession;
use crate::web::ctx::safe_next;
use crate::web::session;
use crate::web::{AppResult, Ctx, FormErrors, Page, render, render_status, see_other, see_other_with_cookie};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::sync::atomic::Ordering;

#[derive(Template)]
#[template(path = "konto/templates/anmeldung.html")]
struct LoginPage {
    page: Page,
    errors: FormErrors,
    kennung: String,
    weiter: String,
    /// A notice after a redirect (e.g. password was reset).
    notice: Option<String>,
    /// Shown instead of the generic error when the address is unconfirmed.
    unconfirmed: bool,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    weiter: Option<String>,
    hinweis: Option<String>,
}

/// `GET /anmelden`.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<LoginQuery>) -> AppResult<Response> {
    if ctx.session.is_some() {
        return Ok(see_other("/konto"));
    }
    let notice = match q.hinweis.as_deref() {
        Some("passwort-neu") => Some(ctx.lang.t("login-notice-password-reset")),
        Some("abgemeldet") => Some(ctx.lang.t("login-notice-logged-out")),
        Some("sitzungen-beendet") => Some(ctx.lang.t("login-notice-all-ended")),
        _ => None,
    };
    render(&LoginPage {
        page: Page::new(&ctx, &state, "login-title"),
        errors: FormErrors::default(),
        kennung: String::new(),
        weiter: safe_next(q.weiter.as_deref()).unwrap_or_default(),
        notice,
        unconfirmed: false,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    kennung: String,
    passwort: String,
    weiter: Option<String>,
}

/// `POST /anmelden`: rate limits per client address and per identifier
/// (failures only), then the password check on the hashing pool (a dummy
/// check for unknown names, so the answer time does not tell), then a new
/// session with a fresh id.
pub async fn submit(State(state): State<AppState>, ctx: Ctx, Form(f): Form<LoginForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let kennung = f.kennung.trim().to_owned();
    let weiter = safe_next(f.weiter.as_deref()).unwrap_or_default();
    let page = |errors: FormErrors, unconfirmed: bool| LoginPage {
        page: Page::new(&ctx, &state, "login-title"),
        errors,
        kennung: kennung.clone(),
        weiter: weiter.clone(),
        notice: None,
        unconfirmed,
    };
    let mut errors = FormErrors::default();
    if kennung.is_empty() {
        errors.add("kennung", lang.t("login-error-identifier-empty"));
    }
    if f.passwort.is_empty() {
        errors.add("passwort", lang.t("login-error-password-empty"));
    }
    if !errors.is_empty() {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page(errors, false));
    }

    let now = state.now();
    let limits = state.config.rate_limits;
    let per_address = Limit::per_minutes(limits.login_per_address, 15);
    let per_account = Limit::per_minutes(limits.login_per_account, 15);
    // The checks before the hash run on the writer (the address counter is
    // a write); on SQLite that is the request's own thread.
    let writer = &state.db.writer;
    let candidate = store::find_login_candidate(writer, &kennung, now - per_account.window_secs).await?;
    let account_key = super::login_limit_key(candidate.as_ref().map(|c| &c.account), &kennung);
    let earlier_failures = match &candidate {
        Some(c) => c.failures,
        None => ratelimit::hits(writer, &account_key, per_account, now).await?,
    };
    let address_ok = ratelimit::hit(writer, &format!("login:ip:{}", ctx.actor.ip), per_address, now).await?;
    let account = candidate.as_ref().map(|c| c.account.clone());
    if !address_ok || earlier_failures >= per_account.max {
        state.metrics.logins_rate_limited.fetch_add(1, Ordering::Relaxed);
        let mut errors = FormErrors::default();
        errors.add("kennung", lang.t("login-error-rate-limited"));
        return render_status(StatusCode::TOO_MANY_REQUESTS, &page(errors, false));
    }

    let phc = account.as_ref().and_then(|a| a.password_hash.clone());
    let ok = state.hasher.verify(phc, &f.passwort).await?;
    // One-time access data (MFA-70) open one login only.
    let ok = ok
        && match &candidate {
            Some(c) if c.one_time_access => super::einmal_zugang::take_login(&state.db.writer, &c.account.id, now).await?,
            Some(_) => true,
            None => false,
        };
    let account = match account {
        Some(a) if ok => a,
        other => {
            ratelimit::hit(&state.db.writer, &account_key, per_account, now).await?;
            state.metrics.logins_failed.fetch_add(1, Ordering::Relaxed);
            if let Some(a) = other {
                let mut tx = state.db.begin().await?;
                crate::audit::record(&mut tx, Some(&a.id), "login_failed", &ctx.actor, serde_json::json!({}), now).await?;
                tx.commit().await?;
            }
            let mut errors = FormErrors::default();
            errors.add("kennung", lang.t("login-error-wrong"));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page(errors, false));
        }
    };
    if account.email_confirmed_at.is_none() {
        // The password was right, so saying this reveals nothing (ACC-9).
        return render_status(StatusCode::FORBIDDEN, &page(FormErrors::default(), true));
    }

    if earlier_failures > 0 {
        ratelimit::reset(&state.db.writer, &account_key).await?;
    }
    state.metrics.logins_ok.fetch_add(1, Ordering::Relaxed);
    let ways = candidate.map(|c| super::mfa::WaysIn {
        password: c.account.password_hash.is_some(),
        totp: c.totp,
        passkeys: c.passkeys,
        recovery_codes_left: c.recovery_codes_left,
        secure_app_devices: c.secure_app_devices,
    });
    super::mfa::after_password(&state, &ctx, &account, ways, &weiter).await
}

/// `POST /abmelden`.
pub async fn logout(State(state): State<AppState>, signed: AnySession) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&signed.session.id_hash).execute(&mut *tx).await?;
    crate::audit::record(&mut tx, Some(&signed.session.account_id), "logout", &signed.ctx.actor, serde_json::json!({}), state.now())
        .await?;
    tx.commit().await?;
    Ok(see_other_with_cookie("/anmelden?hinweis=abgemeldet", &session::cookie_header(&state, None)))
}

#[derive(Deserialize)]
pub struct ExtendForm {
    zurueck: Option<String>,
}

/// `POST /sitzung/verlaengern`: restarts the idle timer, back to the page.
pub async fn extend(State(state): State<AppState>, signed: AnySession, Form(f): Form<ExtendForm>) -> AppResult<Response> {
    let mut s = signed.session;
    session::touch(&state, &mut s).await?;
    Ok(see_other(&safe_next(f.zurueck.as_deref()).unwrap_or_else(|| "/konto".into())))
}
