//! SQL of the Konto: accounts, consents and single-use mail tokens.

use crate::crypto::{new_token, token_hash};
use crate::db::Tx;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// Versions of the consent texts shown at registration (ACC-4).
pub const TERMS_VERSION: &str = "nutzungsbedingungen-2026-11";
pub const EMAIL_CONSENT_VERSION: &str = "einwilligung-email-2026-11";

/// What a single-use mail token is for, and how long it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirm the address after registration (24 h, ACC-6).
    Confirm,
    /// Set a new password (1 h, ACC-10).
    Reset,
    /// Confirm a new address (24 h, ACC-12).
    ChangeEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Confirm => "confirm",
            Purpose::Reset => "reset",
            Purpose::ChangeEmail => "change_email",
        }
    }

    /// Validity in seconds.
    pub fn ttl(self) -> i64 {
        match self {
            Purpose::Confirm | Purpose::ChangeEmail => 24 * 3600,
            Purpose::Reset => 3600,
        }
    }
}

/// An account row.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub password_hash: Option<String>,
    pub email_confirmed_at: Option<i64>,
    pub lang: String,
    pub created_at: i64,
}

/// `SELECT <account columns> FROM accounts <rest>` as one literal.
macro_rules! select_account {
    ($rest:literal) => {
        concat!("SELECT id, email, username, password_hash, email_confirmed_at, lang, created_at FROM accounts ", $rest)
    };
}

pub(crate) fn account(r: &AnyRow) -> sqlx::Result<Account> {
    Ok(Account {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        username: r.try_get("username")?,
        password_hash: r.try_get("password_hash")?,
        email_confirmed_at: r.try_get("email_confirmed_at")?,
        lang: r.try_get("lang")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Finds an account by e-mail address (contains `@`) or user name.
pub async fn find_by_login(pool: &AnyPool, identifier: &str) -> sqlx::Result<Option<Account>> {
    let key = identifier.trim().to_lowercase();
    let sql = if key.contains('@') { select_account!("WHERE email_lower = $1") } else { select_account!("WHERE username_lower = $1") };
    sqlx::query(sql).bind(key).fetch_optional(pool).await?.as_ref().map(account).transpose()
}

/// What the password step needs about a login name, in one round trip:
/// the account, its second factors and its failed logins in the window.
#[derive(Debug, Clone)]
pub struct LoginCandidate {
    pub account: Account,
    pub totp: bool,
    pub passkeys: i64,
    pub recovery_codes_left: i64,
    pub failures: i64,
    /// One-time access data (MFA-70) are pending: the login must take them.
    pub one_time_access: bool,
    /// Linked Secure-App devices (MFA-33): the login waits for an approval.
    pub secure_app_devices: i64,
}

/// `SELECT` of [`LoginCandidate`]; the failure counter uses the key of
/// `konto::login_limit_key` (`login:account:<id>`).
macro_rules! select_candidate {
    ($where:literal) => {
        concat!(
            "SELECT a.id, a.email, a.username, a.password_hash, a.email_confirmed_at, a.lang, a.created_at,
               (SELECT COUNT(*) FROM totp_factors t WHERE t.account_id = a.id) AS totp,
               (SELECT COUNT(*) FROM passkeys p WHERE p.account_id = a.id) AS passkeys,
               (SELECT COUNT(*) FROM recovery_codes r WHERE r.account_id = a.id AND r.used_at IS NULL) AS recovery,
               (SELECT l.hits FROM rate_limits l WHERE l.key = 'login:account:' || a.id AND l.window_start > $2) AS failures,
               (SELECT COUNT(*) FROM one_time_passwords o WHERE o.account_id = a.id) AS one_time,
               (SELECT COUNT(*) FROM secure_app_devices d WHERE d.account_id = a.id AND d.status = 'active') AS devices
             FROM accounts a ",
            $where
        )
    };
}

/// Finds the account for a login name with everything the password step
/// needs; `window_opened_after` bounds the failure counter's window.
pub async fn find_login_candidate<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    identifier: &str,
    window_opened_after: i64,
) -> sqlx::Result<Option<LoginCandidate>> {
    let key = identifier.trim().to_lowercase();
    let sql =
        if key.contains('@') { select_candidate!("WHERE a.email_lower = $1") } else { select_candidate!("WHERE a.username_lower = $1") };
    let Some(r) = sqlx::query(sql).bind(key).bind(window_opened_after).fetch_optional(ex).await? else { return Ok(None) };
    Ok(Some(LoginCandidate {
        account: account(&r)?,
        totp: r.try_get::<i64, _>("totp")? > 0,
        passkeys: r.try_get("passkeys")?,
        recovery_codes_left: r.try_get("recovery")?,
        failures: r.try_get::<Option<i64>, _>("failures")?.unwrap_or(0),
        one_time_access: r.try_get::<i64, _>("one_time")? > 0,
        secure_app_devices: r.try_get("devices")?,
    }))
}

/// Finds an account by id.
pub async fn find_by_id(pool: &AnyPool, id: &str) -> sqlx::Result<Option<Account>> {
    sqlx::query(select_account!("WHERE id = $1")).bind(id).fetch_optional(pool).await?.as_ref().map(account).transpose()
}

/// Same, inside a transaction.
pub async fn find_by_id_tx(tx: &mut Tx, id: &str) -> sqlx::Result<Option<Account>> {
    sqlx::query(select_account!("WHERE id = $1")).bind(id).fetch_optional(&mut **tx).await?.as_ref().map(account).transpose()
}

/// Inserts a new account unless the address is taken; `false` if taken.
pub async fn insert_account(tx: &mut Tx, id: &str, email: &domain::Email, password_hash: &str, lang: &str, now: i64) -> sqlx::Result<bool> {
    let row = sqlx::query(
        "INSERT INTO accounts (id, email, email_lower, password_hash, lang, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (email_lower) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(email.as_str())
    .bind(email.normalized())
    .bind(password_hash)
    .bind(lang)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some())
}

/// Records a consent with its text version and time (append-only).
pub async fn insert_consent(tx: &mut Tx, account_id: &str, kind: &str, version: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO consents (id, account_id, kind, text_version, granted_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(crate::db::new_id())
        .bind(account_id)
        .bind(kind)
        .bind(version)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Creates a single-use token and returns it (only its hash is stored).
pub async fn create_token(tx: &mut Tx, account_id: &str, purpose: Purpose, new_email: Option<&str>, now: i64) -> sqlx::Result<String> {
    let token = new_token();
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, account_id, purpose, new_email, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(purpose.as_str())
    .bind(new_email)
    .bind(now)
    .bind(now + purpose.ttl())
    .execute(&mut **tx)
    .await?;
    Ok(token)
}

/// A token that was taken: its account and (for a change) the new address.
#[derive(Debug, Clone)]
pub struct TakenToken {
    pub account_id: String,
    pub new_email: Option<String>,
}

/// Why a token could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenProblem {
    /// Already used (the account id tells whether the job is done anyway).
    Used {
        account_id: String,
    },
    Expired,
    Unknown,
}

/// Takes a token once: a single conditional UPDATE, so that two nodes (or
/// a double click) cannot both use it.
pub async fn take_token(tx: &mut Tx, token: &str, purpose: Purpose, now: i64) -> sqlx::Result<Result<TakenToken, TokenProblem>> {
    let hash = token_hash(token);
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
         RETURNING account_id, new_email",
    )
    .bind(now)
    .bind(&hash)
    .bind(purpose.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(r) = row {
        return Ok(Ok(TakenToken { account_id: r.try_get("account_id")?, new_email: r.try_get("new_email")? }));
    }
    token_problem(&mut **tx, &hash, purpose).await.map(Err)
}

/// Checks a token without using it (to show the reset form).
pub async fn peek_token(pool: &AnyPool, token: &str, purpose: Purpose, now: i64) -> sqlx::Result<Result<String, TokenProblem>> {
    let hash = token_hash(token);
    let row =
        sqlx::query("SELECT account_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3")
            .bind(&hash)
            .bind(purpose.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await?;
    match row {
        Some(r) => Ok(Ok(r.try_get("account_id")?)),
        None => token_problem(pool, &hash, purpose).await.map(Err),
    }
}

async fn token_problem<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, hash: &str, purpose: Purpose) -> sqlx::Result<TokenProblem> {
    let row = sqlx::query("SELECT account_id, used_at FROM email_tokens WHERE token_hash = $1 AND purpose = $2")
        .bind(hash)
        .bind(purpose.as_str())
        .fetch_optional(ex)
        .await?;
    Ok(match row {
        None => TokenProblem::Unknown,
        Some(r) => match r.try_get::<Option<i64>, _>("used_at")? {
            Some(_) => TokenProblem::Used { account_id: r.try_get("account_id")? },
            None => TokenProblem::Expired,
        },
    })
}

/// Voids every open token of `purpose` for an account (a newer one wins).
pub async fn void_tokens(tx: &mut Tx, account_id: &str, purpose: Purpose, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE email_tokens SET expires_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1")
        .bind(now)
        .bind(account_id)
        .bind(purpose.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks the address confirmed (no-op if it already is).
pub async fn confirm_email(tx: &mut Tx, account_id: &str, now: i64) -> sqlx::Result<bool> {
    Ok(sqlx::query("UPDATE accounts SET email_confirmed_at = $1, updated_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(&mut **tx)
        .await?
        .rows_affected()
        == 1)
}

/// Stores a new password hash (a password of the account's own: one-time
/// access data, MFA-70, are then gone).
pub async fn set_password(tx: &mut Tx, account_id: &str, hash: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    super::einmal_zugang::clear(tx, account_id).await
}

/// Changes the address; `false` if another account has it.
pub async fn set_email(tx: &mut Tx, account_id: &str, email: &str, now: i64) -> sqlx::Result<bool> {
    let lower = email.to_lowercase();
    let taken: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE email_lower = $1 AND id <> $2")
        .bind(&lower)
        .bind(account_id)
        .fetch_optional(&mut **tx)
        .await?;
    if taken.is_some() {
        return Ok(false);
    }
    sqlx::query("UPDATE accounts SET email = $1, email_lower = $2, email_confirmed_at = $3, updated_at = $3 WHERE id = $4")
        .bind(email)
        .bind(&lower)
        .bind(now)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}

/// Sets or clears the user name; `false` if another account has it.
pub async fn set_username(tx: &mut Tx, account_id: &str, username: Option<&domain::Username>, now: i64) -> sqlx::Result<bool> {
    if let Some(u) = username {
        let taken: Option<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE username_lower = $1 AND id <> $2")
            .bind(u.normalized())
            .bind(account_id)
            .fetch_optional(&mut **tx)
            .await?;
        if taken.is_some() {
            return Ok(false);
        }
    }
    sqlx::query("UPDATE accounts SET username = $1, username_lower = $2, updated_at = $3 WHERE id = $4")
        .bind(username.map(|u| u.as_str().to_owned()))
        .bind(username.map(domain::Username::normalized))
        .bind(now)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}

/// Stores the preferred language for mails.
pub async fn set_lang(writer: &crate::db::Writer, account_id: &str, lang: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET lang = $1 WHERE id = $2").bind(lang).bind(account_id).execute(writer).await?;
    Ok(())
}

/// Deletes an account and everything of it (ACC-12), in the caller's
/// transaction. The foreign keys (migration 0009) carry it out: the
/// account's Konto data goes with the row (sessions, tokens, factors,
/// devices, one-time access, its profiles and its staff record: `ON DELETE
/// CASCADE`); what is kept as a record of something that happened loses the
/// link to the person (`SET NULL`): its consents (which text was accepted
/// when), the client record's online-communication consents and history,
/// the Freischaltcode it redeemed. The client record belongs to the
/// jobcenter and stays. Audit events keep the id as a pseudonym (the hash
/// chain must not change, X-3). What no foreign key reaches is removed
/// here: rate-limit counters keyed by the account id. A test walks every
/// table afterwards (`tests/api/schema.rs`).
pub async fn delete_account(tx: &mut Tx, account_id: &str) -> sqlx::Result<()> {
    // Counters are keyed `<what>:<account id>` (login, recovery codes,
    // Secure-App); a UUID holds no LIKE wildcard.
    sqlx::query("DELETE FROM rate_limits WHERE key LIKE '%:' || $1").bind(account_id).execute(&mut **tx).await?;
    sqlx::query("DELETE FROM accounts WHERE id = $1").bind(account_id).execute(&mut **tx).await?;
    Ok(())
}

/// Deletes registrations never confirmed within the retention (ACC-9).
pub async fn purge_unconfirmed(db: &crate::db::Db, older_than: i64) -> sqlx::Result<u64> {
    let pool = &db.pool;
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM accounts WHERE email_confirmed_at IS NULL AND created_at < $1")
        .bind(older_than)
        .fetch_all(pool)
        .await?;
    let mut n = 0;
    for id in ids {
        let mut tx = db.begin().await?;
        sqlx::query("DELETE FROM email_tokens WHERE account_id = $1").bind(&id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM consents WHERE account_id = $1").bind(&id).execute(&mut *tx).await?;
        n += sqlx::query("DELETE FROM accounts WHERE id = $1 AND email_confirmed_at IS NULL")
            .bind(&id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
    }
    Ok(n)
}
