//! "Benutzername / E-Mail-Adresse vergessen" (ACC-11): the account's user
//! name and address are sent to the stored address. Same answer for every
//! input, so nobody learns which accounts exist.

use super::{Hinweis, store};
use crate::app::AppState;
use crate::web::{AppResult, Ctx, FormErrors, Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/templates/zugangsdaten_vergessen.html")]
struct ReminderPage {
    page: Page,
    errors: FormErrors,
    kennung: String,
}

/// `GET /zugangsdaten-vergessen`.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&ReminderPage { page: Page::new(&ctx, &state, "reminder-title"), errors: FormErrors::default(), kennung: String::new() })
}

#[derive(Deserialize)]
pub struct ReminderForm {
    kennung: String,
}

/// `POST /zugangsdaten-vergessen`.
pub async fn submit(State(state): State<AppState>, ctx: Ctx, Form(f): Form<ReminderForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let kennung = f.kennung.trim().to_owned();
    let error = super::recovery_input_problem(&state, lang, &ctx.actor.ip, "reminder", &kennung, "reminder-error-empty").await?;
    if let Some((status, message)) = error {
        let mut errors = FormErrors::default();
        errors.add("kennung", message);
        return render_status(status, &ReminderPage { page: Page::new(&ctx, &state, "reminder-title"), errors, kennung });
    }
    if let Some(a) = store::find_by_login(&state.db.pool, &kennung).await?
        && super::mail_allowed(&state, &a.email).await?
    {
        let now = state.now();
        let mlang = super::account_lang(&a.lang);
        let username = a.username.clone().unwrap_or_else(|| mlang.t("reminder-no-username"));
        let login = super::link(&state, "/anmelden");
        let mut tx = state.db.begin().await?;
        super::queue_mail(&state, &mut tx, mlang, "reminder", &a.email, &[("email", &a.email), ("username", &username), ("login", &login)])
            .await?;
        crate::audit::record(&mut tx, Some(&a.id), "access_reminder_sent", &ctx.actor, serde_json::json!({}), now).await?;
        tx.commit().await?;
        state.outbox_wake.notify_one();
    }
    Hinweis {
        page: Page::new(&ctx, &state, "reminder-title"),
        tone: "info",
        heading: lang.t("reminder-sent-heading"),
        paragraphs: vec![lang.t("reminder-sent-text")],
        link: Some(("/anmelden".into(), lang.t("confirm-to-login"))),
    }
    .respond()
}
