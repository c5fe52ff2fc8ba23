//! The mandatory second factor (MFA-1 … MFA-24, MFA-50, MFA-61): what an
//! account has as ways in, the step after the password, the gate for
//! accounts without a factor, TOTP, passkeys and recovery codes.

pub mod passkey;
pub mod secure_app;
pub mod sicherheitshinweis;
pub mod totp;
pub mod wiederherstellungscodes;
pub mod zweiter_faktor;

use crate::app::AppState;
use crate::audit::Actor;
use crate::konto::store::Account;
use crate::web::ctx::safe_next;
use crate::web::session::{self, Level, Session, Stage};
use crate::web::{AppResult, Ctx, see_other_with_cookie};
use axum::response::Response;
use sqlx::Row;

/// The ways an account can log in; no change may leave it without one
/// that includes a second factor (MFA-23).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WaysIn {
    pub password: bool,
    pub totp: bool,
    pub passkeys: i64,
    pub recovery_codes_left: i64,
    /// Linked (confirmed) Secure-App devices (MFA-30 … MFA-34).
    pub secure_app_devices: i64,
}

impl WaysIn {
    /// A second factor besides the password exists (recovery codes alone do
    /// not count: they are the fallback of a factor).
    pub fn has_second_factor(&self) -> bool {
        self.totp || self.passkeys > 0 || self.secure_app_devices > 0
    }

    /// Whether a way in with two factors exists (MFA-23): a passkey alone
    /// (possession plus user verification, MFA-24), or the password with
    /// TOTP or a linked Secure-App device.
    pub fn has_two_factor_way(&self) -> bool {
        self.passkeys > 0 || (self.password && (self.totp || self.secure_app_devices > 0))
    }

    /// Whether `removal` leaves a way in with two factors: the one rule for
    /// removing the password, TOTP, a passkey or a Secure-App device.
    pub fn allows(&self, removal: Removal) -> bool {
        let mut after = *self;
        match removal {
            Removal::Password => after.password = false,
            Removal::Totp => after.totp = false,
            Removal::OnePasskey => after.passkeys = (after.passkeys - 1).max(0),
            Removal::OneSecureAppDevice => after.secure_app_devices = (after.secure_app_devices - 1).max(0),
        }
        after.has_two_factor_way()
    }
}

/// A change that takes one way in away; see [`WaysIn::allows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Password,
    Totp,
    OnePasskey,
    OneSecureAppDevice,
}

/// Reads the ways in of an account (for showing; to decide a change, read
/// them under [`lock_account`]).
pub async fn ways_in<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, account_id: &str) -> sqlx::Result<WaysIn> {
    let row = sqlx::query(
        "SELECT
           (SELECT COUNT(*) FROM accounts WHERE id = $1 AND password_hash IS NOT NULL) AS password,
           (SELECT COUNT(*) FROM totp_factors WHERE account_id = $1) AS totp,
           (SELECT COUNT(*) FROM passkeys WHERE account_id = $1) AS passkeys,
           (SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL) AS recovery,
           (SELECT COUNT(*) FROM secure_app_devices WHERE account_id = $1 AND status = 'active') AS devices",
    )
    .bind(account_id)
    .fetch_one(ex)
    .await?;
    Ok(WaysIn {
        password: row.try_get::<i64, _>("password")? > 0,
        totp: row.try_get::<i64, _>("totp")? > 0,
        passkeys: row.try_get("passkeys")?,
        recovery_codes_left: row.try_get("recovery")?,
        secure_app_devices: row.try_get("devices")?,
    })
}

/// Locks the account row until the transaction ends (PostgreSQL; SQLite
/// has one writer anyway), so that two requests cannot each remove "the
/// other" last way in, or together pass the limit of 10 passkeys. Returns
/// the ways in as they are under the lock.
pub async fn lock_account(tx: &mut crate::db::Tx, account_id: &str) -> sqlx::Result<WaysIn> {
    sqlx::query("UPDATE accounts SET updated_at = updated_at WHERE id = $1").bind(account_id).execute(&mut **tx).await?;
    ways_in(&mut **tx, account_id).await
}

/// After a right password: a session that still owes its second factor
/// (or, for an account without one, must set one up first), then the
/// matching page. The session id is new (cycled). An account with a
/// linked Secure-App device gets its approval request in the same step and
/// the waiting page (MFA-33).
pub async fn after_password(state: &AppState, ctx: &Ctx, account: &Account, ways: Option<WaysIn>, weiter: &str) -> AppResult<Response> {
    let ways = match ways {
        Some(w) => w,
        None => ways_in(&state.db.pool, &account.id).await?,
    };
    let stage = if ways.has_second_factor() { Stage::SecondFactor } else { Stage::Setup };
    // No audit event here: the login is recorded when it completes
    // ("login"), or by housekeeping when it was abandoned after the password
    // ("login_abandoned"), so the password step stays cheap (docs/BENCHMARKS.md).
    // An account with a Secure-App device gets its approval request in the
    // same transaction; a fresh visitor without one gets the new session in
    // one statement, without a transaction.
    let push = ways.secure_app_devices > 0;
    let (token, requested) = match (&ctx.session, push) {
        (None, false) => (session::create(state, &state.db.writer, &account.id, Level::Passwort, stage, "pwd", &ctx.actor).await?, false),
        (old, _) => {
            let mut tx = state.db.begin().await?;
            if let Some(old) = old {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&old.id_hash).execute(&mut *tx).await?;
            }
            let token = session::create(state, &mut *tx, &account.id, Level::Passwort, stage, "pwd", &ctx.actor).await?;
            let requested = push
                && secure_app::anmelden::create_request(state, &mut tx, &account.id, &crate::crypto::token_hash(&token), &ctx.actor)
                    .await?;
            tx.commit().await?;
            (token, requested)
        }
    };
    if requested {
        secure_app::push::notify(state, &account.id).await?;
    }
    let target = match stage {
        Stage::SecondFactor if push => format!("/anmelden/secure-app{}", weiter_query(weiter)),
        Stage::SecondFactor => format!("/anmelden/zweiter-faktor{}", weiter_query(weiter)),
        _ => "/sicherheitshinweis".to_owned(),
    };
    Ok(see_other_with_cookie(&target, &session::cookie_header(state, Some(&token))))
}

/// `?weiter=…` for a local target, or nothing.
pub fn weiter_query(weiter: &str) -> String {
    match safe_next(Some(weiter)) {
        Some(w) if !w.is_empty() => format!("?weiter={}", url::form_urlencoded::byte_serialize(w.as_bytes()).collect::<String>()),
        _ => String::new(),
    }
}

/// How a login was completed; recorded in the session and the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Totp,
    /// "Mit Passkey anmelden": the passkey alone (possession + user
    /// verification, MFA-24).
    Passkey,
    /// Password, then a passkey as the second step.
    PasswordAndPasskey,
    RecoveryCode,
    /// A second factor set up at the gate right after the password.
    NewFactor,
    /// Password, then an approval in the Secure-App (MFA-33).
    SecureApp,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Totp => "pwd+totp",
            Method::Passkey => "passkey",
            Method::PasswordAndPasskey => "pwd+passkey",
            Method::RecoveryCode => "pwd+recovery",
            Method::NewFactor => "pwd+new_factor",
            Method::SecureApp => "pwd+secureapp",
        }
    }
}

/// The browser of a login: its long-lived cookie (a new one if it had
/// none), the hash stored in `known_browsers`, and, when the caller's own
/// query already read them ([`login_facts_columns!`]), how many browsers the
/// account knows and whether this is one of them.
#[derive(Debug, Clone)]
pub struct LoginBrowser {
    id: String,
    new_cookie: bool,
    pub hash: String,
    seen: Option<(i64, bool)>,
}

impl LoginBrowser {
    /// From the request's browser cookie (see [`browser_id`]).
    pub fn from_cookie(browser_id: Option<&str>) -> Self {
        let (id, new_cookie) = match browser_id {
            Some(b) => (b.to_owned(), false),
            None => (crate::crypto::new_token(), true),
        };
        let hash = crate::crypto::token_hash(&id);
        Self { id, new_cookie, hash, seen: None }
    }
}

/// Facts a completed login needs besides the account — where it lands
/// (passkey offer, back office, "Standardprofil") and whether its browser
/// is new — read as extra columns of the caller's own query on the login
/// path (`facts_*`, see [`login_facts_columns!`]), so that completing the
/// login costs no statement of its own for them.
#[derive(Debug, Clone, Copy)]
pub struct LoginFacts {
    pub passkey_offer_dismissed: bool,
    pub passkeys: i64,
    pub staff: bool,
    pub standardprofil: bool,
    pub browsers: i64,
    pub this_browser: bool,
}

impl LoginFacts {
    /// Reads the `facts_*` columns of a row.
    pub fn from_row(r: &sqlx::any::AnyRow) -> sqlx::Result<Self> {
        Ok(Self {
            passkey_offer_dismissed: r.try_get::<i64, _>("facts_dismissed")? != 0,
            passkeys: r.try_get("facts_passkeys")?,
            staff: r.try_get::<i64, _>("facts_staff")? > 0,
            standardprofil: r.try_get::<i64, _>("facts_standardprofil")? > 0,
            browsers: r.try_get("facts_browsers")?,
            this_browser: r.try_get::<i64, _>("facts_this_browser")? > 0,
        })
    }

    /// The browser with what these facts say about it.
    pub fn seen(&self, mut browser: LoginBrowser) -> LoginBrowser {
        browser.seen = Some((self.browsers, self.this_browser));
        browser
    }
}

/// The SQL columns of [`LoginFacts`] for the account id expression `$acc`,
/// the browser hash placeholder `$browser` and the time placeholder `$now`.
macro_rules! login_facts_columns {
    ($acc:literal, $browser:literal, $now:literal) => {
        concat!(
            "(SELECT fa.passkey_offer_dismissed FROM accounts fa WHERE fa.id = ",
            $acc,
            ") AS facts_dismissed, ",
            "(SELECT COUNT(*) FROM passkeys fp WHERE fp.account_id = ",
            $acc,
            ") AS facts_passkeys, ",
            "(SELECT COUNT(*) FROM staff fs WHERE fs.account_id = ",
            $acc,
            " AND fs.active = 1) AS facts_staff, ",
            "(SELECT COUNT(*) FROM profiles fr WHERE fr.account_id = ",
            $acc,
            " AND fr.is_default = 1 AND fr.valid_from <= ",
            $now,
            " AND (fr.valid_until IS NULL OR fr.valid_until > ",
            $now,
            ")) AS facts_standardprofil, ",
            "(SELECT COUNT(*) FROM known_browsers fb WHERE fb.account_id = ",
            $acc,
            ") AS facts_browsers, ",
            "(SELECT COUNT(*) FROM known_browsers fb WHERE fb.account_id = ",
            $acc,
            " AND fb.browser_hash = ",
            $browser,
            ") AS facts_this_browser"
        )
    };
}
pub(crate) use login_facts_columns;

/// Completes a login at level "substantiell": a new session id, the audit
/// event, the mail for a new browser (MFA-61), the browser cookie. Returns
/// the session cookie and the browser cookie to set.
pub async fn complete_login(
    state: &AppState,
    actor: &Actor,
    old: Option<&Session>,
    account: &Account,
    method: Method,
    browser_id: Option<&str>,
) -> AppResult<Vec<String>> {
    let tx = state.db.begin().await?;
    complete_login_in(state, tx, actor, old, account, method, LoginBrowser::from_cookie(browser_id)).await
}

/// [`complete_login`] inside the caller's transaction (whose checks, such
/// as the TOTP replay guard, must commit or fail together with the login);
/// commits it.
pub async fn complete_login_in(
    state: &AppState,
    mut tx: crate::db::Tx,
    actor: &Actor,
    old: Option<&Session>,
    account: &Account,
    method: Method,
    browser: LoginBrowser,
) -> AppResult<Vec<String>> {
    let now = state.now();
    if let Some(old) = old {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(&old.id_hash).execute(&mut *tx).await?;
        // A pending Secure-App request of this login is withdrawn by the
        // trigger on deleted sessions (migration 0007): the phone stops
        // offering it.
    }
    let token = session::create(state, &mut *tx, &account.id, Level::Substantiell, Stage::Complete, method.as_str(), actor).await?;
    crate::audit::record(&mut tx, Some(&account.id), "login", actor, serde_json::json!({"method": method.as_str()}), now).await?;
    let (any_before, known) = match browser.seen {
        Some(seen) => seen,
        None => {
            // One statement: is any browser known, and is this one of them?
            let seen = sqlx::query(
                "SELECT COUNT(*) AS browsers, CAST(COALESCE(SUM(CASE WHEN browser_hash = $2 THEN 1 ELSE 0 END), 0) AS BIGINT) AS this_one
                 FROM known_browsers WHERE account_id = $1",
            )
            .bind(&account.id)
            .bind(&browser.hash)
            .fetch_one(&mut *tx)
            .await?;
            (seen.try_get("browsers")?, seen.try_get::<i64, _>("this_one")? > 0)
        }
    };
    let mut mailed = false;
    if !known {
        sqlx::query("INSERT INTO known_browsers (account_id, browser_hash, first_seen_at) VALUES ($1, $2, $3)")
            .bind(&account.id)
            .bind(&browser.hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if any_before > 0 && state.config.notify_new_browser {
            let lang = crate::konto::account_lang(&account.lang);
            let when = crate::web::page::format_datetime(now);
            let browser_name = crate::konto::einstellungen::sitzungen::describe_browser(&actor.user_agent);
            let sessions = crate::konto::link(state, "/konto/sitzungen");
            crate::konto::queue_mail(
                state,
                &mut tx,
                lang,
                "new-browser",
                &account.email,
                &[("when", &when), ("browser", &browser_name), ("ip", &actor.ip), ("sessions", &sessions)],
            )
            .await?;
            mailed = true;
        }
    }
    tx.commit().await?;
    if mailed {
        state.outbox_wake.notify_one();
    }
    let mut cookies = vec![session::cookie_header(state, Some(&token))];
    if browser.new_cookie {
        cookies.push(browser_cookie(state, &browser.id));
    }
    Ok(cookies)
}

/// After a factor was added: at the gate the login completes (a new
/// session at level "substantiell"); the account's first factor comes with
/// its recovery codes, shown once. Otherwise `success` renders the page.
pub async fn finish_first_or_added_factor(
    state: &AppState,
    signed: crate::web::ctx::MaySetUpFactor,
    account: &Account,
    before: WaysIn,
    headers: &axum::http::HeaderMap,
    success: impl FnOnce() -> AppResult<Response>,
) -> AppResult<Response> {
    let cookies = if signed.session.stage == Stage::Setup {
        complete_login(state, &signed.ctx.actor, Some(&signed.session), account, Method::NewFactor, browser_id(headers).as_deref()).await?
    } else {
        Vec::new()
    };
    let res = if !before.has_second_factor() && before.recovery_codes_left == 0 {
        let codes = wiederherstellungscodes::generate(state, account, &signed.ctx.actor).await?;
        wiederherstellungscodes::show(crate::web::Page::new(&signed.ctx, state, "recovery-title"), codes, true)?
    } else {
        success()?
    };
    Ok(with_cookies(res, &cookies))
}

/// Name of the long-lived cookie that recognises a browser (for the "new
/// browser" mail); it carries no rights.
pub const BROWSER_COOKIE: &str = "jc_browser";

fn browser_cookie(state: &AppState, id: &str) -> String {
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    format!("{BROWSER_COOKIE}={id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}")
}

/// Where a completed login goes: the passkey offer (MFA-2) if the account
/// has no passkey and did not decline it for good, else `weiter`, else the
/// portal's start for the account (back office, "Standardprofil" or
/// "Profil auswählen").
pub async fn landing(state: &AppState, account: &Account, weiter: &str) -> sqlx::Result<String> {
    // One statement: the passkey offer's facts and the portal's (staff,
    // Standardprofil), because every completed login pays for it.
    let row = sqlx::query(concat!("SELECT ", login_facts_columns!("$1", "''", "$2")))
        .bind(&account.id)
        .bind(state.now())
        .fetch_one(&state.db.pool)
        .await?;
    Ok(landing_from(&LoginFacts::from_row(&row)?, weiter))
}

/// [`landing`] from facts the caller has read already.
pub fn landing_from(facts: &LoginFacts, weiter: &str) -> String {
    if facts.passkeys == 0 && !facts.passkey_offer_dismissed {
        return format!("/passkey/angebot{}", weiter_query(weiter));
    }
    match safe_next(Some(weiter)).filter(|w| !w.is_empty()) {
        Some(w) => w,
        None => crate::portal::start_path(facts.staff, facts.standardprofil).to_owned(),
    }
}

/// Queues a security mail about a factor (MFA-61) to the account.
pub async fn factor_mail(state: &AppState, tx: &mut crate::db::Tx, account: &Account, kind: &str, factor: &str) -> anyhow::Result<()> {
    let lang = crate::konto::account_lang(&account.lang);
    let when = crate::web::page::format_datetime(state.now());
    let settings = crate::konto::link(state, "/konto");
    crate::konto::queue_mail(state, tx, lang, kind, &account.email, &[("factor", factor), ("when", &when), ("settings", &settings)]).await
}

/// Adds `Set-Cookie` headers to a response.
pub fn with_cookies(mut res: Response, cookies: &[String]) -> Response {
    for c in cookies {
        if let Ok(v) = axum::http::HeaderValue::from_str(c) {
            res.headers_mut().append(axum::http::header::SET_COOKIE, v);
        }
    }
    res
}

/// A redirect that sets several cookies.
pub fn see_other_with_cookies(to: &str, cookies: &[String]) -> Response {
    with_cookies(crate::web::see_other(to), cookies)
}

/// The browser cookie of the request, if any.
pub fn browser_id(headers: &axum::http::HeaderMap) -> Option<String> {
    crate::web::ctx::cookie(headers, BROWSER_COOKIE).filter(|v| v.len() >= 32).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_alone_are_no_second_factor() {
        let w = WaysIn { password: true, totp: false, passkeys: 0, recovery_codes_left: 10, secure_app_devices: 0 };
        assert!(!w.has_second_factor());
        assert!(WaysIn { totp: true, ..w }.has_second_factor());
        assert!(WaysIn { passkeys: 1, ..w }.has_second_factor());
        assert!(WaysIn { secure_app_devices: 1, ..w }.has_second_factor());
    }

    #[test]
    fn no_removal_leaves_the_account_without_a_way_in_with_two_factors() {
        let none = WaysIn::default();
        let password = WaysIn { password: true, ..none };
        // TOTP goes only if a passkey, or the password with a device, remains.
        assert!(!WaysIn { totp: true, ..password }.allows(Removal::Totp));
        assert!(WaysIn { totp: true, secure_app_devices: 1, ..password }.allows(Removal::Totp));
        assert!(WaysIn { totp: true, passkeys: 1, ..none }.allows(Removal::Totp));
        // The last Secure-App device only beside TOTP or a passkey.
        assert!(!WaysIn { secure_app_devices: 1, ..password }.allows(Removal::OneSecureAppDevice));
        assert!(WaysIn { secure_app_devices: 2, ..password }.allows(Removal::OneSecureAppDevice));
        assert!(WaysIn { secure_app_devices: 1, totp: true, ..password }.allows(Removal::OneSecureAppDevice));
        assert!(WaysIn { secure_app_devices: 1, passkeys: 1, ..password }.allows(Removal::OneSecureAppDevice));
        // The password only with a passkey.
        assert!(!WaysIn { totp: true, ..password }.allows(Removal::Password));
        assert!(WaysIn { passkeys: 1, ..password }.allows(Removal::Password));
        // A passkey: another one, or the password with a second factor.
        assert!(!WaysIn { passkeys: 1, ..none }.allows(Removal::OnePasskey));
        assert!(WaysIn { passkeys: 2, ..none }.allows(Removal::OnePasskey));
        assert!(WaysIn { passkeys: 1, totp: true, ..password }.allows(Removal::OnePasskey));
    }

    #[test]
    fn only_local_targets_are_carried_along() {
        assert_eq!(weiter_query("/konto/sitzungen"), "?weiter=%2Fkonto%2Fsitzungen");
        assert_eq!(weiter_query("//evil.example"), "");
        assert_eq!(weiter_query(""), "");
    }
}
