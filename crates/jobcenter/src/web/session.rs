//! Sessions in the database (MFA-60): the cookie holds a random token, the
//! table its SHA-256. Idle and absolute expiry; the id changes at every
//! login (a new row, the old one deleted). Shared by all nodes.
//!
//! DESIGN.md named tower-sessions; sessions here are our own rows instead,
//! because "list my sessions" and "log out everywhere" need columns per
//! account, not an opaque record (see docs/ARCHITECTURE.md).

use crate::app::AppState;
use crate::audit::Actor;
use crate::crypto::{new_token, token_hash};
use sqlx::Row;

/// How a session was authenticated; carried for levels of assurance
/// (MFA-50). Ordered: a higher level satisfies a lower requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Password only (not enough for the portal once MFA is enforced).
    Passwort,
    /// Password plus second factor, or passkey.
    Substantiell,
    /// eID login.
    Hoch,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Passwort => "passwort",
            Level::Substantiell => "substantiell",
            Level::Hoch => "hoch",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "substantiell" => Level::Substantiell,
            "hoch" => Level::Hoch,
            _ => Level::Passwort,
        }
    }
}

/// How far a login has come (MFA-1): the portal opens only at `Complete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Password right; the account's second factor is still asked for.
    SecondFactor,
    /// Password right; the account has no second factor yet and must set
    /// one up ("Sicherheitshinweis").
    Setup,
    /// Fully signed in at the session's level.
    Complete,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SecondFactor => "second_factor",
            Stage::Setup => "setup",
            Stage::Complete => "complete",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "complete" => Stage::Complete,
            "setup" => Stage::Setup,
            _ => Stage::SecondFactor,
        }
    }
}

/// A live session of a signed-in account.
#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub account_id: String,
    pub email: String,
    pub level: Level,
    pub stage: Stage,
    pub created_at: i64,
    /// How the login was made (`Method::as_str`, "pwd" before the second
    /// step): the back office admits only some ways (ADM-1).
    pub auth_methods: String,
    pub idle_expires_at: i64,
    pub absolute_expires_at: i64,
    last_seen_at: i64,
    /// The profile this session acts for (PRF-1, PRF-5); `None`: as a
    /// "Privatperson ohne Profil". Only the portal's `ClientProfile`
    /// extractor turns it into rights, after checking it again.
    pub profile_id: Option<String>,
}

impl Session {
    /// When this session ends if nothing happens.
    pub fn expires_at(&self) -> i64 {
        self.idle_expires_at.min(self.absolute_expires_at)
    }

    /// Whole minutes left, rounded up (for the header: "28 Min.").
    pub fn minutes_left(&self, now: i64) -> i64 {
        ((self.expires_at() - now).max(0) + 59) / 60
    }
}

/// One row of "Aktive Sitzungen".
#[derive(Debug, Clone)]
pub struct SessionListItem {
    pub id_hash: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub ip: String,
    pub user_agent: String,
}

/// Name of the session cookie; `__Host-` prefixed when served over https.
pub fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies() { "__Host-jc_sitzung" } else { "jc_sitzung" }
}

/// The `Set-Cookie` value for a session token (`None` clears it).
pub fn cookie_header(state: &AppState, token: Option<&str>) -> String {
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    match token {
        Some(t) => format!("{}={t}; Path=/; HttpOnly; SameSite=Lax{secure}", cookie_name(state)),
        None => format!("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}", cookie_name(state)),
    }
}

/// Creates a session for `account_id` and returns the cookie token. The
/// caller deletes any previous session of this browser (id cycling). A
/// complete login acts for the account's "Standardprofil" (PRF-5), if it has
/// one that is valid now.
pub async fn create<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    state: &AppState,
    ex: E,
    account_id: &str,
    level: Level,
    stage: Stage,
    methods: &str,
    actor: &Actor,
) -> sqlx::Result<String> {
    let token = new_token();
    let now = state.now();
    let cfg = &state.config;
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, level, auth_methods, created_at, last_seen_at, idle_expires_at,
                               absolute_expires_at, ip, user_agent, stage, profile_id)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10,
                 CASE WHEN $10 = 'complete' THEN
                   (SELECT p.id FROM profiles p WHERE p.account_id = $2 AND p.is_default = 1 AND p.valid_from <= $5
                      AND (p.valid_until IS NULL OR p.valid_until > $5) ORDER BY p.created_at LIMIT 1)
                 END)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(level.as_str())
    .bind(methods)
    .bind(now)
    .bind(now + cfg.session_idle_secs)
    .bind(now + cfg.session_absolute_secs)
    .bind(&actor.ip)
    .bind(truncate(&actor.user_agent, 400))
    .bind(stage.as_str())
    .execute(ex)
    .await?;
    Ok(token)
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Loads the live session for a cookie token; deletes it if it expired.
/// The idle timer is pushed forward at most once a minute per session.
pub async fn load(state: &AppState, token: &str) -> sqlx::Result<Option<Session>> {
    let id_hash = token_hash(token);
    let row = sqlx::query(
        "SELECT s.account_id, a.email, s.level, s.stage, s.created_at, s.auth_methods, s.last_seen_at, s.idle_expires_at,
                s.absolute_expires_at, s.profile_id
         FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = $1",
    )
    .bind(&id_hash)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let mut session = Session {
        id_hash,
        account_id: row.try_get("account_id")?,
        email: row.try_get("email")?,
        level: Level::parse(&row.try_get::<String, _>("level")?),
        stage: Stage::parse(&row.try_get::<String, _>("stage")?),
        created_at: row.try_get("created_at")?,
        auth_methods: row.try_get("auth_methods")?,
        last_seen_at: row.try_get("last_seen_at")?,
        idle_expires_at: row.try_get("idle_expires_at")?,
        absolute_expires_at: row.try_get("absolute_expires_at")?,
        profile_id: row.try_get("profile_id")?,
    };
    let now = state.now();
    if now >= session.expires_at() {
        delete(state, &session.id_hash).await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= 60 {
        touch(state, &mut session).await?;
    }
    Ok(Some(session))
}

/// Restarts the idle timer ("Sitzung verlängern").
pub async fn touch(state: &AppState, session: &mut Session) -> sqlx::Result<()> {
    let now = state.now();
    let idle = now + state.config.session_idle_secs;
    sqlx::query("UPDATE sessions SET last_seen_at = $1, idle_expires_at = $2 WHERE id_hash = $3")
        .bind(now)
        .bind(idle)
        .bind(&session.id_hash)
        .execute(&state.db.writer)
        .await?;
    session.last_seen_at = now;
    session.idle_expires_at = idle;
    Ok(())
}

/// Sets the profile a session acts for ("Profil wechseln", PRF-5; `None`:
/// "Weiter als Privatperson ohne Profil"). The caller has checked that the
/// profile belongs to the session's account.
pub async fn set_profile<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    id_hash: &str,
    profile_id: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET profile_id = $1 WHERE id_hash = $2").bind(profile_id).bind(id_hash).execute(ex).await?;
    Ok(())
}

/// Ends one session.
pub async fn delete(state: &AppState, id_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&state.db.writer).await?;
    Ok(())
}

/// Ends every session of an account except `keep` (if given).
pub async fn delete_all_for_account(tx: &mut crate::db::Tx, account_id: &str, keep: Option<&str>) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2")
        .bind(account_id)
        .bind(keep.unwrap_or(""))
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// The live sessions of an account, most recently used first.
pub async fn list_for_account(state: &AppState, account_id: &str) -> sqlx::Result<Vec<SessionListItem>> {
    let rows = sqlx::query(
        "SELECT id_hash, created_at, last_seen_at, ip, user_agent FROM sessions
         WHERE account_id = $1 AND idle_expires_at > $2 AND absolute_expires_at > $2
         ORDER BY last_seen_at DESC",
    )
    .bind(account_id)
    .bind(state.now())
    .fetch_all(&state.db.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(SessionListItem {
                id_hash: r.try_get("id_hash")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                ip: r.try_get("ip")?,
                user_agent: r.try_get("user_agent")?,
            })
        })
        .collect()
}

/// Deletes expired sessions (worker housekeeping). A login that ended after
/// the password, without its second factor, is recorded in the account's
/// audit trail as "login_abandoned" (with the time, address and browser of
/// the password step): someone may know the password.
pub async fn purge_expired(state: &AppState) -> anyhow::Result<u64> {
    let now = state.now();
    let abandoned = sqlx::query(
        "SELECT id_hash, account_id, created_at, ip, user_agent FROM sessions
         WHERE (idle_expires_at <= $1 OR absolute_expires_at <= $1) AND stage <> 'complete'",
    )
    .bind(now)
    .fetch_all(&state.db.pool)
    .await?;
    for r in abandoned {
        let id_hash: String = r.try_get("id_hash")?;
        let account_id: String = r.try_get("account_id")?;
        let actor = Actor { ip: r.try_get("ip")?, user_agent: r.try_get("user_agent")? };
        let mut tx = state.db.begin().await?;
        let gone = sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&id_hash).execute(&mut *tx).await?.rows_affected();
        if gone == 1 {
            crate::audit::record(&mut tx, Some(&account_id), "login_abandoned", &actor, serde_json::json!({}), r.try_get("created_at")?)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(sqlx::query("DELETE FROM sessions WHERE idle_expires_at <= $1 OR absolute_expires_at <= $1")
        .bind(now)
        .execute(&state.db.writer)
        .await?
        .rows_affected())
}
