//! Konto: the account and login service (registration, e-mail
//! confirmation, login, recovery, settings, sessions). It knows nothing of
//! the portal; the portal asks it who is signed in, at which level.

pub mod anmeldung;
pub mod bestaetigung;
pub mod einmal_zugang;
pub mod einstellungen;
pub mod mfa;
pub mod passwort_vergessen;
pub mod registrierung;
pub mod store;
pub mod zugangsdaten_vergessen;

mod forms;
mod hinweis;

pub use hinweis::Hinweis;

use crate::app::AppState;
use crate::db::Tx;
use crate::i18n::Lang;
use crate::ratelimit::{self, Limit};

/// Queues a mail in `tx`. Call [`AppState::outbox_wake`] after commit.
pub async fn queue_mail(state: &AppState, tx: &mut Tx, lang: Lang, kind: &str, to: &str, args: &[(&str, &str)]) -> anyhow::Result<()> {
    let mail = crate::mail::compose(lang, kind, to, args);
    crate::outbox::enqueue(tx, &state.secrets, &state.mail_host(), &mail, state.now()).await?;
    Ok(())
}

/// Counts one mail to `address` against the per-recipient limit, so that
/// nobody can flood a mailbox through the public forms.
pub async fn mail_allowed(state: &AppState, address: &str) -> sqlx::Result<bool> {
    let limit = Limit::per_minutes(state.config.rate_limits.mail_per_recipient, 60);
    ratelimit::hit(&state.db.writer, &format!("mail:{}", address.to_lowercase()), limit, state.now()).await
}

/// [`mail_allowed`] inside the caller's write transaction.
pub async fn mail_allowed_tx(state: &AppState, tx: &mut Tx, address: &str) -> sqlx::Result<bool> {
    let limit = Limit::per_minutes(state.config.rate_limits.mail_per_recipient, 60);
    ratelimit::hit(&mut **tx, &format!("mail:{}", address.to_lowercase()), limit, state.now()).await
}

/// Counts one request from the client address against the recovery limit
/// (reset, new confirmation link, user-name reminder).
pub async fn recovery_allowed(state: &AppState, ip: &str, what: &str) -> sqlx::Result<bool> {
    let limit = Limit::per_minutes(state.config.rate_limits.recovery_per_address, 60);
    ratelimit::hit(&state.db.writer, &format!("{what}:ip:{ip}"), limit, state.now()).await
}

/// The key of the per-account login limit: the account id when the name
/// is known (so e-mail and user name share one counter), else the name as
/// typed (so unknown names are limited alike and reveal nothing).
pub fn login_limit_key(account: Option<&store::Account>, identifier: &str) -> String {
    match account {
        Some(a) => format!("login:account:{}", a.id),
        None => format!("login:name:{}", identifier.trim().to_lowercase()),
    }
}

/// Checks the single field of a recovery form: not empty, and the client
/// address still has requests left. Returns the status and message to show.
pub async fn recovery_input_problem(
    state: &AppState,
    lang: Lang,
    ip: &str,
    what: &str,
    input: &str,
    empty_key: &str,
) -> sqlx::Result<Option<(axum::http::StatusCode, String)>> {
    use axum::http::StatusCode;
    Ok(if input.is_empty() {
        Some((StatusCode::UNPROCESSABLE_ENTITY, lang.t(empty_key)))
    } else if !recovery_allowed(state, ip, what).await? {
        Some((StatusCode::TOO_MANY_REQUESTS, lang.t("error-rate-limited-hour")))
    } else {
        None
    })
}

/// The account a session belongs to (it may have been deleted meanwhile).
pub async fn session_account(state: &AppState, session: &crate::web::session::Session) -> crate::web::AppResult<store::Account> {
    store::find_by_id(&state.db.pool, &session.account_id).await?.ok_or(crate::web::AppError::NotFound)
}

/// A link into the portal for mails: `<public url><path>`.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url())
}

/// The account's language, for mails to it.
pub fn account_lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}
