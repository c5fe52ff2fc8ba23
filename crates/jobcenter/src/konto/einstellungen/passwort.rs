//! "Passwort ändern" (ACC-12): current password, new one twice (ACC-3);
//! other sessions end, the owner gets a mail (MFA-61).

use super::check_current_password;
use crate::app::AppState;
use crate::konto::forms::{self, Rule};
use crate::konto::store;
use crate::web::session;
use crate::web::{AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use domain::{Password, PasswordChecklist};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/templates/passwort_aendern.html")]
struct ChangePage {
    page: Page,
    errors: FormErrors,
    rules: Vec<Rule>,
    /// For password managers (a hidden user-name field).
    email: String,
    /// False for a passwordless account (MFA-22): this page then sets a
    /// password again, confirmed by a recent passkey login.
    has_password: bool,
}

/// `GET /konto/passwort`.
pub async fn form(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    render(&ChangePage {
        page: Page::new(&signed.ctx, &state, "password-change-title"),
        errors: FormErrors::default(),
        rules: forms::checklist(signed.ctx.lang, &PasswordChecklist::default()),
        email: signed.session.email.clone(),
        has_password: account.password_hash.is_some(),
    })
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    aktuelles_passwort: String,
    passwort: String,
    passwort_wiederholung: String,
}

/// `POST /konto/passwort`.
pub async fn submit(State(state): State<AppState>, signed: SignedIn, Form(f): Form<ChangeForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let mut errors = FormErrors::default();
    check_current_password(&state, &signed.session, &account, &f.aktuelles_passwort, lang, &mut errors).await?;
    let local = domain::Email::parse(&account.email).map(|e| e.local_part().to_owned()).unwrap_or_default();
    let password = Password::parse(&f.passwort, &f.passwort_wiederholung, &local)
        .map_err(|e| errors.add("passwort", forms::password_error(lang, &e)))
        .ok();
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return render_status(
            errors.status(),
            &ChangePage {
                page: Page::new(&signed.ctx, &state, "password-change-title"),
                errors,
                rules: forms::checklist(lang, &PasswordChecklist::evaluate(&f.passwort, &f.passwort_wiederholung)),
                has_password: account.password_hash.is_some(),
                email: account.email,
            },
        );
    };
    let hash = state.hasher.hash(password.expose()).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    store::set_password(&mut tx, &account.id, &hash, now).await?;
    session::delete_all_for_account(&mut tx, &account.id, Some(&signed.session.id_hash)).await?;
    let reset = crate::konto::link(&state, "/passwort-vergessen");
    let mlang = crate::konto::account_lang(&account.lang);
    crate::konto::queue_mail(&state, &mut tx, mlang, "password-changed", &account.email, &[("login", &reset)]).await?;
    crate::audit::record(&mut tx, Some(&account.id), "password_changed", &signed.ctx.actor, serde_json::json!({}), now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=passwort-geaendert"))
}
