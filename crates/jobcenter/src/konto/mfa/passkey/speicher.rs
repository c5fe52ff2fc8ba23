//! SQL of the passkeys: the rows of an account, the lookup by credential
//! id, the per-account WebAuthn user handle, and the lock that serialises
//! changes to an account's ways in.

use crate::db::Tx;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sqlx::{AnyPool, Row};
use webauthn_rs::prelude::{Passkey, Uuid};

/// One passkey as listed in "Kontoeinstellungen".
#[derive(Debug, Clone)]
pub struct PasskeyItem {
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// A stored passkey with its credential.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub passkey: Passkey,
}

/// The stored form of a credential id: base64url without padding.
pub fn credential_key(raw: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(raw)
}

/// The passkeys of an account, oldest first.
pub async fn list(pool: &AnyPool, account_id: &str) -> sqlx::Result<Vec<PasskeyItem>> {
    let rows = sqlx::query("SELECT id, name, created_at, last_used_at FROM passkeys WHERE account_id = $1 ORDER BY created_at, id")
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(PasskeyItem {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: r.try_get("created_at")?,
                last_used_at: r.try_get("last_used_at")?,
            })
        })
        .collect()
}

fn stored(r: &sqlx::any::AnyRow) -> anyhow::Result<Stored> {
    Ok(Stored {
        id: r.try_get("id")?,
        account_id: r.try_get("account_id")?,
        name: r.try_get("name")?,
        passkey: serde_json::from_str(&r.try_get::<String, _>("passkey_json")?)?,
    })
}

/// The credentials of an account (for the second step and to exclude them
/// when another passkey is created).
pub async fn credentials(pool: &AnyPool, account_id: &str) -> anyhow::Result<Vec<Stored>> {
    let rows = sqlx::query("SELECT id, account_id, name, passkey_json FROM passkeys WHERE account_id = $1 ORDER BY created_at, id")
        .bind(account_id)
        .fetch_all(pool)
        .await?;
    rows.iter().map(stored).collect()
}

/// The passkey with this credential id, of whichever account.
pub async fn find_by_credential(pool: &AnyPool, raw_id: &[u8]) -> anyhow::Result<Option<Stored>> {
    let row = sqlx::query("SELECT id, account_id, name, passkey_json FROM passkeys WHERE credential_id = $1")
        .bind(credential_key(raw_id))
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(stored).transpose()
}

/// One passkey of an account (`None` if it is not this account's).
pub async fn find_item(pool: &AnyPool, account_id: &str, id: &str) -> sqlx::Result<Option<PasskeyItem>> {
    Ok(list(pool, account_id).await?.into_iter().find(|p| p.id == id))
}

/// A passkey with its account and the account's WebAuthn user handle, in
/// one statement (the usernameless login).
pub struct LoginCandidate {
    pub stored: Stored,
    pub account: crate::konto::store::Account,
    pub handle: Option<String>,
    /// What completing the login needs (landing, new browser).
    pub facts: crate::konto::mfa::LoginFacts,
    /// The credential as read, for [`record_use_if_unchanged`].
    pub passkey_json: String,
}

/// The passkey with this credential id, its account and user handle, and
/// the facts its login needs (`browser_hash`: the browser's known-browser
/// hash), in one statement.
pub async fn find_login_candidate<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    raw_id: &[u8],
    browser_hash: &str,
    now: i64,
) -> anyhow::Result<Option<LoginCandidate>> {
    let row = sqlx::query(concat!(
        "SELECT p.id AS passkey_id, p.name, p.passkey_json, a.webauthn_user_id,
                a.id, a.email, a.username, a.password_hash, a.email_confirmed_at, a.lang, a.created_at, ",
        crate::konto::mfa::login_facts_columns!("a.id", "$2", "$3"),
        " FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE p.credential_id = $1"
    ))
    .bind(credential_key(raw_id))
    .bind(browser_hash)
    .bind(now)
    .fetch_optional(ex)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let account = crate::konto::store::account(&r)?;
    let passkey_json: String = r.try_get("passkey_json")?;
    let stored = Stored {
        id: r.try_get("passkey_id")?,
        account_id: account.id.clone(),
        name: r.try_get("name")?,
        passkey: serde_json::from_str(&passkey_json)?,
    };
    let facts = crate::konto::mfa::LoginFacts::from_row(&r)?;
    Ok(Some(LoginCandidate { stored, account, handle: r.try_get("webauthn_user_id")?, facts, passkey_json }))
}

/// Stores the updated credential (signature counter, backup state) and
/// the time of use after a login. Takes the pool or a transaction.
pub async fn record_use<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    id: &str,
    passkey: &Passkey,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE passkeys SET passkey_json = $1, last_used_at = $2 WHERE id = $3")
        .bind(serde_json::to_string(passkey)?)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// [`record_use`] for a credential read outside the transaction: stores
/// it only if nobody changed it since it was read as `read_json` (say, a
/// second login with the same authenticator, whose signature counter must
/// not go backwards). `false`: it changed, the login must be refused.
pub async fn record_use_if_unchanged(tx: &mut Tx, id: &str, read_json: &str, passkey: &Passkey, now: i64) -> anyhow::Result<bool> {
    let updated = sqlx::query("UPDATE passkeys SET passkey_json = $1, last_used_at = $2 WHERE id = $3 AND passkey_json = $4")
        .bind(serde_json::to_string(passkey)?)
        .bind(now)
        .bind(id)
        .bind(read_json)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(updated == 1)
}

/// The account's WebAuthn user handle: a random UUID created on first use,
/// so that the handle stored in authenticators says nothing about the
/// account.
pub async fn user_handle(writer: &crate::db::Writer, account_id: &str) -> anyhow::Result<Uuid> {
    sqlx::query("UPDATE accounts SET webauthn_user_id = $1 WHERE id = $2 AND webauthn_user_id IS NULL")
        .bind(Uuid::new_v4().to_string())
        .bind(account_id)
        .execute(writer)
        .await?;
    let id: String = sqlx::query_scalar("SELECT webauthn_user_id FROM accounts WHERE id = $1").bind(account_id).fetch_one(writer).await?;
    Ok(Uuid::parse_str(&id)?)
}

/// The account's user handle if it has one.
pub async fn handle_of(pool: &AnyPool, account_id: &str) -> sqlx::Result<Option<String>> {
    Ok(sqlx::query_scalar::<_, Option<String>>("SELECT webauthn_user_id FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(pool)
        .await?
        .flatten())
}
