//! "Passwort vergessen" (ACC-10): a reset link (single use, 1 h) by mail;
//! the new password follows ACC-3, ends every session and is notified by
//! mail. The answer never tells whether an account exists.

use super::forms::{self, Rule};
use super::{Hinweis, store};
use crate::app::AppState;
use crate::web::session;
use crate::web::{AppResult, Ctx, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::{Password, PasswordChecklist};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/templates/passwort_vergessen.html")]
struct ForgotPage {
    page: Page,
    errors: FormErrors,
    kennung: String,
}

/// `GET /passwort-vergessen`.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&ForgotPage { page: Page::new(&ctx, &state, "forgot-title"), errors: FormErrors::default(), kennung: String::new() })
}

#[derive(Deserialize)]
pub struct ForgotForm {
    kennung: String,
}

/// `POST /passwort-vergessen`.
pub async fn submit(State(state): State<AppState>, ctx: Ctx, Form(f): Form<ForgotForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let kennung = f.kennung.trim().to_owned();
    let error = super::recovery_input_problem(&state, lang, &ctx.actor.ip, "reset", &kennung, "login-error-identifier-empty").await?;
    if let Some((status, message)) = error {
        let mut errors = FormErrors::default();
        errors.add("kennung", message);
        return render_status(status, &ForgotPage { page: Page::new(&ctx, &state, "forgot-title"), errors, kennung });
    }
    if let Some(a) = store::find_by_login(&state.db.pool, &kennung).await?
        && super::mail_allowed(&state, &a.email).await?
    {
        let now = state.now();
        let mlang = lang;
        let mut tx = state.db.begin().await?;
        store::void_tokens(&mut tx, &a.id, store::Purpose::Reset, now).await?;
        let token = store::create_token(&mut tx, &a.id, store::Purpose::Reset, None, now).await?;
        let link = super::link(&state, &format!("/passwort-zuruecksetzen?id={token}&lang={}", mlang.code()));
        super::queue_mail(&state, &mut tx, mlang, "reset", &a.email, &[("link", &link)]).await?;
        crate::audit::record(&mut tx, Some(&a.id), "password_reset_requested", &ctx.actor, serde_json::json!({}), now).await?;
        tx.commit().await?;
        state.outbox_wake.notify_one();
    }
    Hinweis {
        page: Page::new(&ctx, &state, "forgot-title"),
        tone: "info",
        heading: lang.t("forgot-sent-heading"),
        paragraphs: vec![lang.t("forgot-sent-text"), lang.t("forgot-sent-hint")],
        link: Some(("/anmelden".into(), lang.t("confirm-to-login"))),
    }
    .respond()
}

#[derive(Template)]
#[template(path = "konto/templates/passwort_neu.html")]
struct ResetPage {
    page: Page,
    errors: FormErrors,
    token: String,
    rules: Vec<Rule>,
    /// For password managers (a hidden user-name field).
    email: String,
}

#[derive(Deserialize)]
pub struct ResetQuery {
    id: Option<String>,
}

fn link_problem(state: &AppState, ctx: &Ctx) -> AppResult<Response> {
    let lang = ctx.lang;
    let mut res = Hinweis {
        page: Page::new(ctx, state, "reset-title"),
        tone: "warning",
        heading: lang.t("reset-link-invalid-heading"),
        paragraphs: vec![lang.t("reset-link-invalid-text")],
        link: Some(("/passwort-vergessen".into(), lang.t("reset-request-new"))),
    }
    .respond()?;
    *res.status_mut() = StatusCode::GONE;
    Ok(res)
}

/// `GET /passwort-zuruecksetzen?id=…`: the form, if the link is valid.
pub async fn reset_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ResetQuery>) -> AppResult<Response> {
    let token = q.id.unwrap_or_default();
    let Ok(account_id) = store::peek_token(&state.db.pool, &token, store::Purpose::Reset, state.now()).await? else {
        return link_problem(&state, &ctx);
    };
    let Some(account) = store::find_by_id(&state.db.pool, &account_id).await? else {
        return link_problem(&state, &ctx);
    };
    render(&ResetPage {
        page: Page::new(&ctx, &state, "reset-title"),
        errors: FormErrors::default(),
        token,
        rules: forms::checklist(ctx.lang, &PasswordChecklist::default()),
        email: account.email,
    })
}

#[derive(Deserialize)]
pub struct ResetForm {
    id: String,
    passwort: String,
    passwort_wiederholung: String,
}

/// `POST /passwort-zuruecksetzen`.
pub async fn reset(State(state): State<AppState>, ctx: Ctx, Form(f): Form<ResetForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let now = state.now();
    let Ok(account_id) = store::peek_token(&state.db.pool, &f.id, store::Purpose::Reset, now).await? else {
        return link_problem(&state, &ctx);
    };
    let Some(account) = store::find_by_id(&state.db.pool, &account_id).await? else {
        return link_problem(&state, &ctx);
    };
    let local = domain::Email::parse(&account.email).map(|e| e.local_part().to_owned()).unwrap_or_default();
    let password = match Password::parse(&f.passwort, &f.passwort_wiederholung, &local) {
        Ok(p) => p,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add("passwort", forms::password_error(lang, &e));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ResetPage {
                    page: Page::new(&ctx, &state, "reset-title"),
                    errors,
                    token: f.id,
                    rules: forms::checklist(lang, &PasswordChecklist::evaluate(&f.passwort, &f.passwort_wiederholung)),
                    email: account.email,
                },
            );
        }
    };
    let hash = state.hasher.hash(password.expose()).await?;
    let mut tx = state.db.begin().await?;
    if store::take_token(&mut tx, &f.id, store::Purpose::Reset, now).await?.is_err() {
        tx.rollback().await?;
        return link_problem(&state, &ctx);
    }
    store::set_password(&mut tx, &account.id, &hash, now).await?;
    // The reset link proves control of the address.
    store::confirm_email(&mut tx, &account.id, now).await?;
    session::delete_all_for_account(&mut tx, &account.id, None).await?;
    let mlang = super::account_lang(&account.lang);
    let reset = super::link(&state, "/passwort-vergessen");
    super::queue_mail(&state, &mut tx, mlang, "password-changed", &account.email, &[("login", &reset)]).await?;
    crate::audit::record(&mut tx, Some(&account.id), "password_reset", &ctx.actor, serde_json::json!({}), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/anmelden?hinweis=passwort-neu"))
}
