//! Linked devices in "Kontoeinstellungen" (MFA-23, MFA-61): rename and
//! remove. The last second factor of an account cannot be removed; the
//! check runs under the account lock inside the write transaction.

use super::{clean_device_name, delete_device};
use crate::app::AppState;
use crate::konto::mfa;
use crate::web::{AppError, AppResult, SignedIn, see_other};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

/// The notice text key for a `?hinweis=` code of this module.
pub fn notice_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "secure-app-umbenannt" => "secureapp-notice-renamed",
        "secure-app-entfernt" => "secureapp-notice-removed",
        "secure-app-name" => "secureapp-notice-name-invalid",
        "secure-app-letztes-geraet" => "secureapp-notice-last-factor",
        _ => return None,
    })
}

#[derive(Deserialize)]
pub struct RenameForm {
    name: String,
}

/// `POST /konto/secure-app/geraete/{id}/umbenennen`.
pub async fn rename(
    State(state): State<AppState>,
    signed: SignedIn,
    Path(id): Path<String>,
    Form(f): Form<RenameForm>,
) -> AppResult<Response> {
    let account_id = &signed.session.account_id;
    let old: Option<String> =
        sqlx::query_scalar("SELECT name FROM secure_app_devices WHERE id = $1 AND account_id = $2 AND status = 'active'")
            .bind(&id)
            .bind(account_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some(old) = old else { return Err(AppError::NotFound) };
    let Some(name) = clean_device_name(&f.name) else { return Ok(see_other("/konto?hinweis=secure-app-name#abschnitt-secure-app")) };
    if name != old {
        let mut tx = state.db.begin().await?;
        sqlx::query("UPDATE secure_app_devices SET name = $1 WHERE id = $2 AND account_id = $3")
            .bind(&name)
            .bind(&id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        let details = serde_json::json!({"from": old, "to": name});
        crate::audit::record(&mut tx, Some(account_id), "secure_app_renamed", &signed.ctx.actor, details, state.now()).await?;
        tx.commit().await?;
    }
    Ok(see_other("/konto?hinweis=secure-app-umbenannt"))
}

/// `POST /konto/secure-app/geraete/{id}/entfernen`: not the last way in;
/// audit event and security mail.
pub async fn remove(State(state): State<AppState>, signed: SignedIn, Path(id): Path<String>) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let ways = mfa::lock_account(&mut tx, &account.id).await?;
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_devices WHERE id = $1 AND account_id = $2 AND status = 'active'")
        .bind(&id)
        .bind(&account.id)
        .fetch_one(&mut *tx)
        .await?;
    if exists == 0 {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    }
    if !ways.allows(mfa::Removal::OneSecureAppDevice) {
        tx.rollback().await?;
        return Ok(see_other("/konto?hinweis=secure-app-letztes-geraet"));
    }
    let Some(name) = delete_device(&mut tx, &account.id, &id).await? else {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    };
    crate::audit::record(&mut tx, Some(&account.id), "secure_app_removed", &signed.ctx.actor, serde_json::json!({"name": name}), now)
        .await?;
    let lang = crate::konto::account_lang(&account.lang);
    mfa::factor_mail(&state, &mut tx, &account, "factor-removed", &super::einrichten::factor_name(&state, lang, &name)).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=secure-app-entfernt"))
}
