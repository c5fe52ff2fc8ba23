//! "Konto löschen" (ACC-12): with the password and an explicit tick; the
//! account, its sessions and tokens are deleted, the audit trail keeps only
//! the pseudonymous id, a last mail confirms it.

use super::check_current_password;
use crate::app::AppState;
use crate::konto::{Hinweis, account_lang, forms, queue_mail, store};
use crate::web::session;
use crate::web::{AppResult, Ctx, FormErrors, Page, SignedIn, render, render_status, see_other_with_cookie};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/templates/loeschen.html")]
struct DeletePage {
    page: Page,
    errors: FormErrors,
    /// False for a passwordless account (MFA-22): no password to confirm with.
    has_password: bool,
}

/// `GET /konto/loeschen`.
pub async fn form(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let has_password = account.password_hash.is_some();
    render(&DeletePage { page: Page::new(&signed.ctx, &state, "delete-title"), errors: FormErrors::default(), has_password })
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    aktuelles_passwort: String,
    bestaetigung: Option<String>,
}

/// `POST /konto/loeschen`.
pub async fn submit(State(state): State<AppState>, signed: SignedIn, Form(f): Form<DeleteForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let mut errors = FormErrors::default();
    check_current_password(&state, &signed.session, &account, &f.aktuelles_passwort, lang, &mut errors).await?;
    if !forms::ticked(&f.bestaetigung) {
        errors.add("bestaetigung", lang.t("delete-error-confirm"));
    }
    // A staff account carries the office's work (assigned items, notes):
    // the office's admin deactivates it instead (ADM-1).
    if crate::backoffice::store::find_staff(&state.db.pool, &account.id).await?.is_some() {
        errors.add("bestaetigung", lang.t("delete-error-staff"));
    }
    if !errors.is_empty() {
        let has_password = account.password_hash.is_some();
        return render_status(errors.status(), &DeletePage { page: Page::new(&signed.ctx, &state, "delete-title"), errors, has_password });
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    queue_mail(&state, &mut tx, account_lang(&account.lang), "deleted", &account.email, &[]).await?;
    crate::portal::before_account_deletion(&mut tx, &account.id, &signed.ctx.actor, now).await?;
    store::delete_account(&mut tx, &account.id).await?;
    crate::audit::record(&mut tx, Some(&account.id), "account_deleted", &signed.ctx.actor, serde_json::json!({}), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other_with_cookie("/konto/geloescht", &session::cookie_header(&state, None)))
}

/// `GET /konto/geloescht`.
pub async fn done(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let lang = ctx.lang;
    Hinweis {
        page: Page::new(&ctx, &state, "delete-title"),
        tone: "success",
        heading: lang.t("delete-done-heading"),
        paragraphs: vec![lang.t("delete-done-text")],
        link: Some(("/".into(), lang.t("delete-done-home"))),
    }
    .respond()
}
