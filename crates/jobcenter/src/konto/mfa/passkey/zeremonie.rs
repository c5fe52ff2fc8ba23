//! WebAuthn ceremonies (DESIGN.md, with the deviation in ARCHITECTURE.md):
//! the ceremony state travels with the browser, sealed with AES-256-GCM
//! (only this system can read or make one), and expires after five
//! minutes. Finishing one records the SHA-256 of its token in
//! `webauthn_used` with one `INSERT … ON CONFLICT DO NOTHING`, so a
//! replayed answer is refused on every node. Starting a ceremony writes
//! nothing to the database.

use super::CEREMONY_SECS;
use crate::app::AppState;
use crate::crypto::token_hash;
use serde::{Deserialize, Serialize};

/// Associated data of every sealed ceremony (binds the ciphertext to its use).
const AAD: &str = "webauthn-ceremony";

/// The longest token accepted (a registration with ten excluded credentials
/// stays well below).
const MAX_TOKEN_LEN: usize = 16 * 1024;

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

/// What is sealed into a ceremony token.
#[derive(Serialize, Deserialize)]
struct Sealed {
    kind: String,
    account_id: Option<String>,
    state_json: String,
    data: serde_json::Value,
    expires_at: i64,
}

/// Seals the state of a new ceremony into the token for the browser.
pub fn start(
    state: &AppState,
    kind: Kind,
    account_id: Option<&str>,
    ws: &impl serde::Serialize,
    data: serde_json::Value,
) -> anyhow::Result<String> {
    let sealed = Sealed {
        kind: kind.as_str().to_owned(),
        account_id: account_id.map(str::to_owned),
        state_json: serde_json::to_string(ws)?,
        data,
        expires_at: state.now() + CEREMONY_SECS,
    };
    Ok(state.secrets.seal(AAD, &serde_json::to_vec(&sealed)?))
}

/// Opens a ceremony token and uses it up: whatever the outcome, a token
/// that opened is never accepted again. Takes the pool or the caller's
/// transaction.
pub async fn take<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    state: &AppState,
    ex: E,
    token: &str,
    kind: Kind,
) -> sqlx::Result<Result<Taken, Problem>> {
    let opened = match open(state, token, kind) {
        Ok(o) => o,
        Err(p) => return Ok(Err(p)),
    };
    Ok(if use_up(ex, &opened).await? { Ok(opened.taken) } else { Err(Problem::Unknown) })
}

/// A ceremony token that opened and has not expired, not yet used up.
pub struct Opened {
    pub taken: Taken,
    id_hash: String,
    expires_at: i64,
}

/// Opens a ceremony token without touching the database; [`use_up`] must
/// follow before the ceremony's result counts.
pub fn open(state: &AppState, token: &str, kind: Kind) -> Result<Opened, Problem> {
    if token.is_empty() || token.len() > MAX_TOKEN_LEN {
        return Err(Problem::Unknown);
    }
    let Some(sealed) = state.secrets.open(AAD, token).ok().and_then(|raw| serde_json::from_slice::<Sealed>(&raw).ok()) else {
        return Err(Problem::Unknown);
    };
    if sealed.kind != kind.as_str() {
        return Err(Problem::Unknown);
    }
    if sealed.expires_at <= state.now() {
        return Err(Problem::Expired);
    }
    Ok(Opened {
        taken: Taken { account_id: sealed.account_id, state_json: sealed.state_json, data: sealed.data },
        id_hash: token_hash(token),
        expires_at: sealed.expires_at,
    })
}

/// Records an opened ceremony as used; `false` when it already was (a
/// replay, on any node).
pub async fn use_up<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, opened: &Opened) -> sqlx::Result<bool> {
    let inserted = sqlx::query("INSERT INTO webauthn_used (id_hash, expires_at) VALUES ($1, $2) ON CONFLICT (id_hash) DO NOTHING")
        .bind(&opened.id_hash)
        .bind(opened.expires_at)
        .execute(ex)
        .await?
        .rows_affected();
    Ok(inserted == 1)
}

/// Forgets used ceremonies that have expired anyway (housekeeping).
pub async fn purge_used(writer: &crate::db::Writer, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM webauthn_used WHERE expires_at < $1").bind(now).execute(writer).await?.rows_affected())
}
