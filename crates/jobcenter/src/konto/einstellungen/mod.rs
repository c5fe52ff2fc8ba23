//! "Kontoeinstellungen": overview, user name, language, and the pages for
//! password, e-mail address, sessions and deleting the account (ACC-11,
//! ACC-12, MFA-60).

pub mod email;
pub mod loeschen;
pub mod passwort;
pub mod sitzungen;
pub mod verlauf;

use super::store::{self, Account};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::ratelimit::{self, Limit};
use crate::web::{AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// How recent the passkey login of an account without a password must be
/// to confirm a sensitive change (re-authentication instead of a password).
pub const PASSWORDLESS_REAUTH_SECS: i64 = 600;

/// Checks the confirmation before a sensitive change (field
/// `aktuelles_passwort`) and adds the field error if it fails: the current
/// password (missing, wrong, or the per-account limit used up, shared with
/// logins); for an account without a password (MFA-22), a login of this
/// session with its passkey at most ten minutes ago.
pub(crate) async fn check_current_password(
    state: &AppState,
    session: &crate::web::session::Session,
    account: &Account,
    password: &str,
    lang: Lang,
    errors: &mut FormErrors,
) -> AppResult<()> {
    let field = "aktuelles_passwort";
    let now = state.now();
    if account.password_hash.is_none() {
        if now - session.created_at > PASSWORDLESS_REAUTH_SECS {
            errors.add(field, lang.t("settings-error-reauth"));
        }
        return Ok(());
    }
    if password.is_empty() {
        errors.add(field, lang.t("login-error-password-empty"));
        return Ok(());
    }
    let key = crate::konto::login_limit_key(Some(account), &account.email);
    let limit = Limit::per_minutes(state.config.rate_limits.login_per_account, 15);
    if !ratelimit::allowed(&state.db.pool, &key, limit, now).await? {
        errors.add_rate_limited(field, lang.t("login-error-rate-limited"));
    } else if !state.hasher.verify(account.password_hash.clone(), password).await? {
        ratelimit::hit(&state.db.writer, &key, limit, now).await?;
        errors.add(field, lang.t("settings-error-current-password"));
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "konto/templates/einstellungen.html")]
struct OverviewPage {
    page: Page,
    account: Account,
    ways: crate::konto::mfa::WaysIn,
    /// The account's passkeys (MFA-23) and their limit (MFA-21).
    passkeys: Vec<crate::konto::mfa::passkey::speicher::PasskeyItem>,
    max_passkeys: i64,
    /// Linked Secure-App devices and the app's configured name (MFA-30).
    secure_app_devices: Vec<crate::konto::mfa::secure_app::DeviceItem>,
    secure_app_name: String,
    username_value: String,
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct OverviewQuery {
    hinweis: Option<String>,
}

fn notice(lang: Lang, code: Option<&str>) -> Option<String> {
    let key = match code? {
        "passwort-geaendert" => "settings-notice-password-changed",
        "benutzername-gespeichert" => "settings-notice-username-saved",
        "benutzername-entfernt" => "settings-notice-username-removed",
        "sprache-gespeichert" => "settings-notice-language-saved",
        "email-angefordert" => "settings-notice-email-requested",
        "email-geaendert" => "settings-notice-email-changed",
        "sitzung-beendet" => "settings-notice-session-ended",
        "letzter-faktor" => "settings-notice-last-factor",
        "totp-entfernt" => "settings-notice-totp-removed",
        other => crate::konto::mfa::passkey::verwalten::notice_key(other)
            .or_else(|| crate::konto::mfa::secure_app::verwalten::notice_key(other))?,
    };
    Some(lang.t(key))
}

/// `GET /konto` — where a login lands until the second factor exists.
pub async fn overview(State(state): State<AppState>, signed: SignedIn, Query(q): Query<OverviewQuery>) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    render(&OverviewPage {
        page: Page::new(&signed.ctx, &state, "settings-title"),
        username_value: account.username.clone().unwrap_or_default(),
        ways: crate::konto::mfa::ways_in(&state.db.pool, &account.id).await?,
        passkeys: crate::konto::mfa::passkey::speicher::list(&state.db.pool, &account.id).await?,
        max_passkeys: crate::konto::mfa::passkey::MAX_PASSKEYS,
        secure_app_devices: crate::konto::mfa::secure_app::list_devices(&state.db.pool, &account.id).await?,
        secure_app_name: state.config.secure_app_name.clone(),
        account,
        errors: FormErrors::default(),
        notice: notice(signed.ctx.lang, q.hinweis.as_deref()),
    })
}

#[derive(Deserialize)]
pub struct UsernameForm {
    benutzername: String,
}

/// `POST /konto/benutzername`: sets, changes or (empty) removes it.
pub async fn set_username(State(state): State<AppState>, signed: SignedIn, Form(f): Form<UsernameForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let input = f.benutzername.trim();
    let parsed = if input.is_empty() { Ok(None) } else { domain::Username::parse(input).map(Some) };
    let error = match &parsed {
        Err(domain::UsernameError::Length) => Some(lang.t("username-error-length")),
        Err(domain::UsernameError::Characters) => Some(lang.t("username-error-characters")),
        Err(domain::UsernameError::FirstCharacter) => Some(lang.t("username-error-first")),
        Ok(_) => None,
    };
    let now = state.now();
    let error = match (error, parsed) {
        (Some(e), _) => Some(e),
        (None, Ok(username)) => {
            let mut tx = state.db.begin().await?;
            if store::set_username(&mut tx, &account.id, username.as_ref(), now).await? {
                let details = serde_json::json!({"removed": username.is_none()});
                crate::audit::record(&mut tx, Some(&account.id), "username_changed", &signed.ctx.actor, details, now).await?;
                tx.commit().await?;
                let code = if username.is_some() { "benutzername-gespeichert" } else { "benutzername-entfernt" };
                return Ok(see_other(&format!("/konto?hinweis={code}")));
            }
            Some(lang.t("username-error-taken"))
        }
        (None, Err(_)) => None,
    };
    let mut errors = FormErrors::default();
    if let Some(e) = error {
        errors.add("benutzername", e);
    }
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &OverviewPage {
            page: Page::new(&signed.ctx, &state, "settings-title"),
            ways: crate::konto::mfa::ways_in(&state.db.pool, &account.id).await?,
            passkeys: crate::konto::mfa::passkey::speicher::list(&state.db.pool, &account.id).await?,
            max_passkeys: crate::konto::mfa::passkey::MAX_PASSKEYS,
            secure_app_devices: crate::konto::mfa::secure_app::list_devices(&state.db.pool, &account.id).await?,
            secure_app_name: state.config.secure_app_name.clone(),
            account,
            username_value: input.to_owned(),
            errors,
            notice: None,
        },
    )
}

#[derive(Deserialize)]
pub struct LanguageForm {
    sprache: String,
}

/// `POST /konto/sprache`: the language for mails and pages.
pub async fn set_language(State(state): State<AppState>, signed: SignedIn, Form(f): Form<LanguageForm>) -> AppResult<Response> {
    let Some(lang) = Lang::parse(&f.sprache) else { return Ok(see_other("/konto")) };
    store::set_lang(&state.db.writer, &signed.session.account_id, lang.code()).await?;
    Ok(see_other(&format!("/konto?hinweis=sprache-gespeichert&lang={}", lang.code())))
}
