//! "Registrierung" (ACC-2 … ACC-5, ACC-8): the form with the live password
//! checklist, both consents, the success page with the feedback question.
//! An address that already has an account gets the same page; its owner
//! gets a mail saying so.

use super::forms::{self, Rule};
use super::store;
use crate::app::AppState;
use crate::ratelimit::{self, Limit};
use crate::web::{AppResult, Ctx, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::{Email, Password, PasswordChecklist};
use serde::Deserialize;
use std::sync::atomic::Ordering;

#[derive(Template)]
#[template(path = "konto/templates/registrierung.html")]
struct RegistrationPage {
    page: Page,
    errors: FormErrors,
    email: String,
    rules: Vec<Rule>,
    terms: bool,
    email_consent: bool,
}

/// `GET /registrierung`.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&RegistrationPage {
        page: Page::new(&ctx, &state, "register-title"),
        errors: FormErrors::default(),
        email: String::new(),
        rules: forms::checklist(ctx.lang, &PasswordChecklist::default()),
        terms: false,
        email_consent: false,
    })
}

#[derive(Deserialize)]
pub struct RegistrationForm {
    email: String,
    passwort: String,
    passwort_wiederholung: String,
    nutzungsbedingungen: Option<String>,
    einwilligung_email: Option<String>,
}

/// `POST /registrierung`.
pub async fn submit(State(state): State<AppState>, ctx: Ctx, Form(f): Form<RegistrationForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let mut errors = FormErrors::default();
    let email = Email::parse(&f.email).map_err(|e| errors.add("email", forms::email_error(lang, e))).ok();
    let local = email.as_ref().map_or("", Email::local_part);
    let password = Password::parse(&f.passwort, &f.passwort_wiederholung, local)
        .map_err(|e| errors.add("passwort", forms::password_error(lang, &e)))
        .ok();
    let (terms, email_consent) = (forms::ticked(&f.nutzungsbedingungen), forms::ticked(&f.einwilligung_email));
    if !terms {
        errors.add("nutzungsbedingungen", lang.t("register-error-terms"));
    }
    if !email_consent {
        errors.add("einwilligung_email", lang.t("register-error-email-consent"));
    }
    let now = state.now();
    let limit = Limit::per_minutes(state.config.rate_limits.register_per_address, 60);
    if errors.is_empty() && !ratelimit::hit(&state.db.writer, &format!("register:ip:{}", ctx.actor.ip), limit, now).await? {
        errors.add_rate_limited("email", lang.t("register-error-rate-limited"));
    }
    let (Some(email), Some(password), true) = (email, password, errors.is_empty()) else {
        let page = RegistrationPage {
            page: Page::new(&ctx, &state, "register-title"),
            rules: forms::checklist(lang, &PasswordChecklist::evaluate(&f.passwort, &f.passwort_wiederholung)),
            errors,
            email: f.email.trim().to_owned(),
            terms,
            email_consent,
        };
        return render_status(page.errors.status(), &page);
    };

    // Hash before looking at the address, so both paths take equally long.
    let hash = state.hasher.hash(password.expose()).await?;
    let id = crate::db::new_id();
    let mut tx = state.db.begin().await?;
    if store::insert_account(&mut tx, &id, &email, &hash, lang.code(), now).await? {
        store::insert_consent(&mut tx, &id, "nutzungsbedingungen", store::TERMS_VERSION, now).await?;
        store::insert_consent(&mut tx, &id, "einwilligung_email", store::EMAIL_CONSENT_VERSION, now).await?;
        let token = store::create_token(&mut tx, &id, store::Purpose::Confirm, None, now).await?;
        let link = super::link(&state, &format!("/email-bestaetigen?id={token}&lang={}", lang.code()));
        super::queue_mail(&state, &mut tx, lang, "confirm", email.as_str(), &[("email", email.as_str()), ("link", &link)]).await?;
        crate::audit::record(&mut tx, Some(&id), "registered", &ctx.actor, serde_json::json!({}), now).await?;
    } else if let Some(existing) = store::find_by_login(&state.db.pool, email.as_str()).await? {
        // A double click on "Registrieren" lands here too: its confirmation
        // mail is on the way, so no "already registered" mail then.
        let just_registered = existing.email_confirmed_at.is_none() && now - existing.created_at < 600;
        if !just_registered && super::mail_allowed_tx(&state, &mut tx, email.as_str()).await? {
            let login = super::link(&state, "/anmelden");
            let reset = super::link(&state, "/passwort-vergessen");
            let mlang = super::account_lang(&existing.lang);
            super::queue_mail(&state, &mut tx, mlang, "exists", &existing.email, &[("login", &login), ("reset", &reset)]).await?;
        }
        crate::audit::record(&mut tx, Some(&existing.id), "registration_existing_address", &ctx.actor, serde_json::json!({}), now).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    state.metrics.registrations.fetch_add(1, Ordering::Relaxed);
    Ok(see_other("/registrierung/erfolgreich"))
}

#[derive(Template)]
#[template(path = "konto/templates/registrierung_erfolgreich.html")]
struct SuccessPage {
    page: Page,
    thanks: bool,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct SuccessQuery {
    danke: Option<String>,
}

/// `GET /registrierung/erfolgreich` (ACC-5).
pub async fn success(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SuccessQuery>) -> AppResult<Response> {
    render(&SuccessPage { page: Page::new(&ctx, &state, "register-title"), thanks: q.danke.is_some(), errors: FormErrors::default() })
}

#[derive(Deserialize)]
pub struct FeedbackForm {
    bewertung: Option<String>,
}

/// `POST /registrierung/feedback`: an anonymous rating 1–5.
pub async fn feedback(State(state): State<AppState>, ctx: Ctx, Form(f): Form<FeedbackForm>) -> AppResult<Response> {
    let rating = f.bewertung.as_deref().and_then(|r| r.parse::<i64>().ok()).filter(|r| (1..=5).contains(r));
    let Some(rating) = rating else {
        let mut errors = FormErrors::default();
        errors.add("bewertung-1", ctx.lang.t("register-feedback-error"));
        let page = SuccessPage { page: Page::new(&ctx, &state, "register-title"), thanks: false, errors };
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    sqlx::query("INSERT INTO registration_feedback (id, rating, created_at) VALUES ($1, $2, $3)")
        .bind(crate::db::new_id())
        .bind(rating)
        .bind(state.now())
        .execute(&state.db.writer)
        .await?;
    Ok(see_other("/registrierung/erfolgreich?danke=1"))
}
