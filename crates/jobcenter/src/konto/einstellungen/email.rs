//! "E-Mail-Adresse ändern" (ACC-12, MFA-61): confirm the new address by a
//! link sent to it; the old address is told at request and at change.

use super::check_current_password;
use crate::app::AppState;
use crate::konto::{Hinweis, account_lang, forms, link, queue_mail, store};
use crate::web::{AppResult, Ctx, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/templates/email_aendern.html")]
struct ChangePage {
    page: Page,
    errors: FormErrors,
    current_email: String,
    new_email: String,
    /// False for a passwordless account (MFA-22): no password to confirm with.
    has_password: bool,
}

/// `GET /konto/email`.
pub async fn form(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    render(&ChangePage {
        page: Page::new(&signed.ctx, &state, "email-change-title"),
        errors: FormErrors::default(),
        has_password: account.password_hash.is_some(),
        current_email: account.email,
        new_email: String::new(),
    })
}

#[derive(Deserialize)]
pub struct ChangeForm {
    neue_email: String,
    #[serde(default)]
    aktuelles_passwort: String,
}

/// `POST /konto/email`: whatever the new address, the answer is the same;
/// if it belongs to another account, that owner is told instead.
pub async fn submit(State(state): State<AppState>, signed: SignedIn, Form(f): Form<ChangeForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let mut errors = FormErrors::default();
    let new_email = match domain::Email::parse(&f.neue_email) {
        Ok(e) if e.normalized() == account.email.to_lowercase() => {
            errors.add("neue_email", lang.t("email-change-error-same"));
            None
        }
        Ok(e) => Some(e),
        Err(e) => {
            errors.add("neue_email", forms::email_error(lang, e));
            None
        }
    };
    check_current_password(&state, &signed.session, &account, &f.aktuelles_passwort, lang, &mut errors).await?;
    if errors.is_empty() && !crate::konto::mail_allowed(&state, &account.email).await? {
        errors.add_rate_limited("neue_email", lang.t("error-rate-limited-hour"));
    }
    let Some(new_email) = new_email.filter(|_| errors.is_empty()) else {
        return render_status(
            errors.status(),
            &ChangePage {
                page: Page::new(&signed.ctx, &state, "email-change-title"),
                errors,
                has_password: account.password_hash.is_some(),
                current_email: account.email,
                new_email: f.neue_email.trim().to_owned(),
            },
        );
    };
    let now = state.now();
    let mlang = account_lang(&account.lang);
    let mut tx = state.db.begin().await?;
    match store::find_by_login(&state.db.pool, new_email.as_str()).await? {
        Some(other) => {
            let login = link(&state, "/anmelden");
            queue_mail(&state, &mut tx, account_lang(&other.lang), "email-taken", &other.email, &[("login", &login)]).await?;
        }
        None => {
            store::void_tokens(&mut tx, &account.id, store::Purpose::ChangeEmail, now).await?;
            let token = store::create_token(&mut tx, &account.id, store::Purpose::ChangeEmail, Some(new_email.as_str()), now).await?;
            let confirm = link(&state, &format!("/email-aendern?id={token}&lang={}", lang.code()));
            queue_mail(&state, &mut tx, lang, "email-change-confirm", new_email.as_str(), &[("link", &confirm)]).await?;
        }
    }
    queue_mail(&state, &mut tx, mlang, "email-change-requested", &account.email, &[("email", new_email.as_str())]).await?;
    crate::audit::record(&mut tx, Some(&account.id), "email_change_requested", &signed.ctx.actor, serde_json::json!({}), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=email-angefordert"))
}

#[derive(Deserialize)]
pub struct ConfirmQuery {
    id: Option<String>,
}

/// `GET /email-aendern?id=…`: applies the change (works without a session,
/// the link itself proves control of the new address).
pub async fn confirm(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ConfirmQuery>) -> AppResult<Response> {
    let lang = ctx.lang;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let changed = match store::take_token(&mut tx, &q.id.unwrap_or_default(), store::Purpose::ChangeEmail, now).await? {
        Ok(t) => match (store::find_by_id_tx(&mut tx, &t.account_id).await?, t.new_email) {
            (Some(account), Some(new_email)) if store::set_email(&mut tx, &account.id, &new_email, now).await? => {
                let mlang = account_lang(&account.lang);
                queue_mail(&state, &mut tx, mlang, "email-changed", &account.email, &[("email", &new_email)]).await?;
                let details = serde_json::json!({});
                crate::audit::record(&mut tx, Some(&account.id), "email_changed", &ctx.actor, details, now).await?;
                true
            }
            _ => false,
        },
        Err(_) => false,
    };
    tx.commit().await?;
    state.outbox_wake.notify_one();
    if changed && ctx.session.is_some() {
        return Ok(see_other("/konto?hinweis=email-geaendert"));
    }
    let hinweis = if changed {
        Hinweis {
            page: Page::new(&ctx, &state, "email-change-title"),
            tone: "success",
            heading: lang.t("email-change-done-heading"),
            paragraphs: vec![lang.t("email-change-done-text")],
            link: Some(("/anmelden".into(), lang.t("confirm-to-login"))),
        }
    } else {
        Hinweis {
            page: Page::new(&ctx, &state, "email-change-title"),
            tone: "warning",
            heading: lang.t("email-change-link-invalid-heading"),
            paragraphs: vec![lang.t("email-change-link-invalid-text")],
            link: Some(("/konto/email".into(), lang.t("email-change-again"))),
        }
    };
    let mut res = hinweis.respond()?;
    if !changed {
        *res.status_mut() = StatusCode::GONE;
    }
    Ok(res)
}
