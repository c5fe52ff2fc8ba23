//! WebAuthn ceremonies in the database (DESIGN.md): the id handed to the
//! browser is a random token of which only the SHA-256 is stored; a
//! ceremony expires after five minutes and is taken once (`DELETE …
//! RETURNING`), so a replayed answer finds nothing, on any node.

use super::CEREMONY_SECS;
use crate::app::AppState;
use crate::crypto::{new_token, token_hash};
use sqlx::Row;

/// What a ceremony is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Creating a passkey for the signed-in account.
    Register,
    /// "Mit Passkey anmelden": any discoverable passkey.
    Login,
    /// The step after the password: one of the account's passkeys.
    SecondFactor,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Register => "register",
            Kind::Login => "login",
            Kind::SecondFactor => "second_factor",
        }
    }
}

/// A ceremony taken from the store.
#[derive(Debug, Clone)]
pub struct Taken {
    pub account_id: Option<String>,
    /// The serialised webauthn-rs state.
    pub state_json: String,
    /// What else the ceremony is bound to (JSON).
    pub data: serde_json::Value,
}

/// Why a ceremony cannot be finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Never started, already finished (replay), or of another kind.
    Unknown,
    /// Older than five minutes.
    Expired,
}

/// Stores the state of a new ceremony and returns its id for the browser.
/// Ceremonies that expired long ago are swept out on the way.
pub async fn start(
    state: &AppState,
    kind: Kind,
    account_id: Option<&str>,
    ws: &impl serde::Serialize,
    data: serde_json::Value,
) -> anyhow::Result<String> {
    let now = state.now();
    let token = new_token();
    sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at < $1").bind(now - 3600).execute(&state.db.pool).await?;
    sqlx::query(
        "INSERT INTO webauthn_ceremonies (id_hash, account_id, kind, state_json, data, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(kind.as_str())
    .bind(serde_json::to_string(ws)?)
    .bind(data.to_string())
    .bind(now + CEREMONY_SECS)
    .execute(&state.db.pool)
    .await?;
    Ok(token)
}

/// Takes a ceremony once: whatever the outcome, the id is used up.
pub async fn take(state: &AppState, token: &str, kind: Kind) -> sqlx::Result<Result<Taken, Problem>> {
    if token.is_empty() || token.len() > 100 {
        return Ok(Err(Problem::Unknown));
    }
    let row = sqlx::query("DELETE FROM webauthn_ceremonies WHERE id_hash = $1 RETURNING kind, account_id, state_json, data, expires_at")
        .bind(token_hash(token))
        .fetch_optional(&state.db.pool)
        .await?;
    let Some(row) = row else { return Ok(Err(Problem::Unknown)) };
    if row.try_get::<String, _>("kind")? != kind.as_str() {
        return Ok(Err(Problem::Unknown));
    }
    if row.try_get::<i64, _>("expires_at")? <= state.now() {
        return Ok(Err(Problem::Expired));
    }
    let data = serde_json::from_str(&row.try_get::<String, _>("data")?).unwrap_or(serde_json::Value::Null);
    Ok(Ok(Taken { account_id: row.try_get("account_id")?, state_json: row.try_get("state_json")?, data }))
}
