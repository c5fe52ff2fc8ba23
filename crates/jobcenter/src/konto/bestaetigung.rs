//! Confirming the e-mail address (ACC-6, ACC-7) and asking for a new link.

use super::{Hinweis, store};
use crate::app::AppState;
use crate::web::{AppResult, Ctx, FormErrors, Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ConfirmQuery {
    id: Option<String>,
}

/// `GET /email-bestaetigen?id=…&lang=…`: takes the token once. A used link
/// of an account that is confirmed anyway (say, opened twice, or by a mail
/// scanner) says so kindly; other bad links offer a new one.
pub async fn confirm(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ConfirmQuery>) -> AppResult<Response> {
    let lang = ctx.lang;
    let now = state.now();
    let token = q.id.unwrap_or_default();
    let mut tx = state.db.begin().await?;
    let taken = store::take_token(&mut tx, &token, store::Purpose::Confirm, now).await?;
    let outcome = match taken {
        Ok(t) => {
            store::confirm_email(&mut tx, &t.account_id, now).await?;
            crate::audit::record(&mut tx, Some(&t.account_id), "email_confirmed", &ctx.actor, serde_json::json!({}), now).await?;
            Ok(())
        }
        Err(store::TokenProblem::Used { account_id }) => {
            let confirmed = store::find_by_id_tx(&mut tx, &account_id).await?.is_some_and(|a| a.email_confirmed_at.is_some());
            if confirmed { Ok(()) } else { Err(()) }
        }
        Err(_) => Err(()),
    };
    tx.commit().await?;
    match outcome {
        Ok(()) => Hinweis {
            page: Page::new(&ctx, &state, "confirm-title"),
            tone: "success",
            heading: lang.t("confirm-success"),
            paragraphs: vec![lang.t("confirm-success-text")],
            link: Some(("/anmelden".into(), lang.t("confirm-to-login"))),
        }
        .respond(),
        Err(()) => render_status(
            StatusCode::GONE,
            &ResendPage {
                page: Page::new(&ctx, &state, "confirm-title"),
                errors: FormErrors::default(),
                email: String::new(),
                link_problem: true,
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "konto/templates/neuer_link.html")]
struct ResendPage {
    page: Page,
    errors: FormErrors,
    email: String,
    /// The page was reached through an expired or used link.
    link_problem: bool,
}

/// `GET /email-bestaetigen/neu`.
pub async fn resend_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&ResendPage {
        page: Page::new(&ctx, &state, "resend-title"),
        errors: FormErrors::default(),
        email: String::new(),
        link_problem: false,
    })
}

#[derive(Deserialize)]
pub struct ResendForm {
    email: String,
}

/// `POST /email-bestaetigen/neu`: the same answer for every address; a
/// mail only goes to an unconfirmed registration.
pub async fn resend(State(state): State<AppState>, ctx: Ctx, Form(f): Form<ResendForm>) -> AppResult<Response> {
    let lang = ctx.lang;
    let email = match domain::Email::parse(&f.email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add("email", super::forms::email_error(lang, e));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ResendPage {
                    page: Page::new(&ctx, &state, "resend-title"),
                    errors,
                    email: f.email.trim().to_owned(),
                    link_problem: false,
                },
            );
        }
    };
    if !super::recovery_allowed(&state, &ctx.actor.ip, "resend").await? {
        let mut errors = FormErrors::default();
        errors.add("email", lang.t("error-rate-limited-hour"));
        return render_status(
            StatusCode::TOO_MANY_REQUESTS,
            &ResendPage { page: Page::new(&ctx, &state, "resend-title"), errors, email: email.to_string(), link_problem: false },
        );
    }
    let account = store::find_by_login(&state.db.pool, email.as_str()).await?;
    if let Some(a) = account.filter(|a| a.email_confirmed_at.is_none())
        && super::mail_allowed(&state, &a.email).await?
    {
        let now = state.now();
        let mut tx = state.db.begin().await?;
        let token = store::create_token(&mut tx, &a.id, store::Purpose::Confirm, None, now).await?;
        let link = super::link(&state, &format!("/email-bestaetigen?id={token}&lang={}", lang.code()));
        super::queue_mail(&state, &mut tx, lang, "confirm", &a.email, &[("email", &a.email), ("link", &link)]).await?;
        crate::audit::record(&mut tx, Some(&a.id), "confirmation_resent", &ctx.actor, serde_json::json!({}), now).await?;
        tx.commit().await?;
        state.outbox_wake.notify_one();
    }
    Hinweis {
        page: Page::new(&ctx, &state, "resend-title"),
        tone: "info",
        heading: lang.t("resend-sent-heading"),
        paragraphs: vec![lang.t_args("resend-sent-text", &[("email", email.as_str())])],
        link: Some(("/anmelden".into(), lang.t("confirm-to-login"))),
    }
    .respond()
}
