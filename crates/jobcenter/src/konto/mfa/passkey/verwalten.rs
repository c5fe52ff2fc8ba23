//! Passkeys in "Kontoeinstellungen" (MFA-23): rename, delete, and remove
//! the password (MFA-22). No change may leave the account without a way in
//! with two factors:
//! - the last passkey of an account without password cannot be deleted;
//! - the last passkey cannot be deleted while the password has no TOTP
//!   beside it (it is the last second factor);
//! - the password can be removed only while a passkey exists.
//!
//! Each check runs inside the write transaction after locking the account
//! row, so two requests at once cannot both pass it.

use super::{check_name, factor_name, speicher};
use crate::app::AppState;
use crate::konto::mfa;
use crate::web::{AppError, AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_umbenennen.html")]
struct RenamePage {
    page: Page,
    errors: FormErrors,
    id: String,
    old_name: String,
    name: String,
}

/// `GET /konto/passkeys/{id}/umbenennen`.
pub async fn rename_form(State(state): State<AppState>, signed: SignedIn, Path(id): Path<String>) -> AppResult<Response> {
    let item = speicher::find_item(&state.db.pool, &signed.session.account_id, &id).await?.ok_or(AppError::NotFound)?;
    render(&RenamePage {
        page: Page::new(&signed.ctx, &state, "passkey-rename-title"),
        errors: FormErrors::default(),
        id: item.id,
        name: item.name.clone(),
        old_name: item.name,
    })
}

#[derive(Deserialize)]
pub struct RenameForm {
    name: String,
}

/// `POST /konto/passkeys/{id}/umbenennen`: the same rules as at creation
/// (MFA-20), and unique within the account.
pub async fn rename(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Form(f): Form<RenameForm>,
) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let items = speicher::list(&state.db.pool, &signed.session.account_id).await?;
    let item = items.iter().find(|p| p.id == id).cloned().ok_or(AppError::NotFound)?;
    let others: Vec<_> = items.into_iter().filter(|p| p.id != id).collect();
    let name = match check_name(lang, &f.name, &others) {
        Ok(n) => n,
        Err(message) => {
            let mut errors = FormErrors::default();
            errors.add("name", message);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &RenamePage { page: Page::new(&signed.ctx, &state, "passkey-rename-title"), errors, id, old_name: item.name, name: f.name },
            );
        }
    };
    if name.as_str() != item.name {
        let now = state.now();
        let mut tx = state.db.begin().await?;
        sqlx::query("UPDATE passkeys SET name = $1 WHERE id = $2 AND account_id = $3")
            .bind(name.as_str())
            .bind(&id)
            .bind(&signed.session.account_id)
            .execute(&mut *tx)
            .await?;
        let details = serde_json::json!({"from": item.name, "to": name.as_str()});
        crate::audit::record(&mut tx, Some(&signed.session.account_id), "passkey_renamed", &signed.ctx.actor, details, now).await?;
        tx.commit().await?;
    }
    Ok(see_other("/konto?hinweis=passkey-umbenannt"))
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_loeschen.html")]
struct DeletePage {
    page: Page,
    id: String,
    name: String,
    /// Why this passkey cannot be deleted now.
    refusal: Option<String>,
}

/// Why deleting one passkey would lock the account out, as a message key.
fn delete_refusal(ways: mfa::WaysIn) -> Option<&'static str> {
    if ways.allows(mfa::Removal::OnePasskey) {
        None
    } else if !ways.password {
        Some("passkey-delete-refused-no-password")
    } else {
        Some("passkey-delete-refused-last-factor")
    }
}

/// `GET /konto/passkeys/{id}/loeschen`: asks, or says why not.
pub async fn delete_form(State(state): State<AppState>, signed: SignedIn, Path(id): Path<String>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let item = speicher::find_item(&state.db.pool, &signed.session.account_id, &id).await?.ok_or(AppError::NotFound)?;
    let refusal = delete_refusal(mfa::ways_in(&state.db.pool, &signed.session.account_id).await?).map(|k| lang.t(k));
    render(&DeletePage { page: Page::new(&signed.ctx, &state, "passkey-delete-title"), id: item.id, name: item.name, refusal })
}

/// `POST /konto/passkeys/{id}/loeschen`.
pub async fn delete(State(state): State<AppState>, signed: SignedIn, Path(id): Path<String>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let ways = mfa::lock_account(&mut tx, &account.id).await?;
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM passkeys WHERE id = $1 AND account_id = $2")
        .bind(&id)
        .bind(&account.id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(name) = name else {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    };
    if let Some(key) = delete_refusal(ways) {
        tx.rollback().await?;
        return render_status(
            StatusCode::CONFLICT,
            &DeletePage { page: Page::new(&signed.ctx, &state, "passkey-delete-title"), id, name, refusal: Some(lang.t(key)) },
        );
    }
    sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2").bind(&id).bind(&account.id).execute(&mut *tx).await?;
    crate::audit::record(&mut tx, Some(&account.id), "passkey_removed", &signed.ctx.actor, serde_json::json!({"name": name}), now).await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    mfa::factor_mail(&state, &mut tx, &account, "factor-removed", &factor_name(mail_lang, &name)).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=passkey-geloescht"))
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_passwort_entfernen.html")]
struct RemovePasswordPage {
    page: Page,
    /// Why the password cannot be removed now.
    refusal: Option<String>,
}

/// `GET /konto/passwort/entfernen`: explains the consequences and asks.
pub async fn remove_password_form(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let ways = mfa::ways_in(&state.db.pool, &signed.session.account_id).await?;
    if !ways.password {
        return Ok(see_other("/konto"));
    }
    let refusal = (!ways.allows(mfa::Removal::Password)).then(|| lang.t("passkey-password-remove-refused"));
    render(&RemovePasswordPage { page: Page::new(&signed.ctx, &state, "passkey-password-remove-title"), refusal })
}

/// `POST /konto/passwort/entfernen`: only with at least one passkey. The
/// password login is impossible afterwards (the login page answers as for
/// a wrong password); "Passwort vergessen" can set one again.
pub async fn remove_password(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let ways = mfa::lock_account(&mut tx, &account.id).await?;
    if !ways.password {
        tx.rollback().await?;
        return Ok(see_other("/konto"));
    }
    if !ways.allows(mfa::Removal::Password) {
        tx.rollback().await?;
        return render_status(
            StatusCode::CONFLICT,
            &RemovePasswordPage {
                page: Page::new(&signed.ctx, &state, "passkey-password-remove-title"),
                refusal: Some(lang.t("passkey-password-remove-refused")),
            },
        );
    }
    sqlx::query("UPDATE accounts SET password_hash = NULL, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&account.id)
        .execute(&mut *tx)
        .await?;
    crate::audit::record(&mut tx, Some(&account.id), "password_removed", &signed.ctx.actor, serde_json::json!({}), now).await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    let when = crate::web::page::format_datetime(now);
    let settings = crate::konto::link(&state, "/konto");
    let reset = crate::konto::link(&state, "/passwort-vergessen");
    crate::konto::queue_mail(
        &state,
        &mut tx,
        mail_lang,
        "password-removed",
        &account.email,
        &[("when", &when), ("settings", &settings), ("reset", &reset)],
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=passwort-entfernt"))
}

/// The notice after a redirect to "Kontoeinstellungen", by its code.
pub fn notice_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "passkey-umbenannt" => "passkey-notice-renamed",
        "passkey-geloescht" => "passkey-notice-deleted",
        "passwort-entfernt" => "passkey-notice-password-removed",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_deletion_leaves_the_account_without_two_factors() {
        let w = |password, totp, passkeys, secure_app_devices| mfa::WaysIn {
            password,
            totp,
            passkeys,
            recovery_codes_left: 0,
            secure_app_devices,
        };
        assert_eq!(delete_refusal(w(false, false, 2, 0)), None);
        assert_eq!(delete_refusal(w(false, false, 1, 0)), Some("passkey-delete-refused-no-password"));
        assert_eq!(delete_refusal(w(false, true, 1, 0)), Some("passkey-delete-refused-no-password"));
        assert_eq!(delete_refusal(w(false, false, 1, 1)), Some("passkey-delete-refused-no-password"));
        assert_eq!(delete_refusal(w(true, false, 1, 0)), Some("passkey-delete-refused-last-factor"));
        assert_eq!(delete_refusal(w(true, true, 1, 0)), None);
        assert_eq!(delete_refusal(w(true, false, 1, 1)), None, "password + Secure-App remain");
    }
}
