//! "Zweiter Faktor (TOTP)" (MFA-10 … MFA-13): RFC 6238 with SHA-1, six
//! digits, 30-second steps and ±1 step of tolerance; each step is accepted
//! once per account (an atomic update, safe across nodes); the secret is
//! encrypted at rest; ten wrong codes in a row lock the check for ten
//! minutes.

use super::{finish_first_or_added_factor, ways_in};
use crate::app::AppState;
use crate::konto::store::Account;
use crate::web::ctx::MaySetUpFactor;
use crate::web::{AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use sqlx::Row;
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// Length of a TOTP step in seconds.
pub const STEP: i64 = 30;
/// Wrong codes in a row before the check locks.
pub const MAX_FAILURES: i64 = 10;
/// How long the check stays locked.
pub const LOCK_SECS: i64 = 600;

fn totp(secret: &[u8], issuer: &str, account: &str) -> Totp {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(STEP as u64)
        .with_secret(secret.to_vec())
        .with_issuer(Some(issuer))
        .with_account_name(account)
        .build()
        .expect("a 160-bit secret with RFC 6238 parameters is valid")
}

/// The code for unix time `t`.
pub fn code_at(secret: &[u8], t: i64) -> String {
    totp(secret, "x", "x").generate(t.max(0) as u64).to_string()
}

/// The time step a code belongs to, if it matches the step of `now` or one
/// step before or after (clock drift).
pub fn matching_step(secret: &[u8], code: &domain::TotpCode, now: i64) -> Option<i64> {
    let step = now.div_euclid(STEP);
    let typed = code.as_string();
    [step, step - 1, step + 1].into_iter().find(|s| {
        let expected = code_at(secret, s * STEP);
        bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), typed.as_bytes()))
    })
}

/// Base32 of the secret (RFC 4648, no padding).
pub fn base32(secret: &[u8]) -> String {
    Secret::from(secret.to_vec()).to_base32()
}

/// The secret from its Base32 form (spaces ignored), as an app reads it.
pub fn secret_from_base32(b32: &str) -> Option<Vec<u8>> {
    let compact: String = b32.chars().filter(|c| !c.is_whitespace()).collect();
    Secret::try_from_base32(compact).ok().map(|s| s.as_bytes().to_vec())
}

/// Base32 in groups of four, as the seeds show it ("OJZE KQ3B G5KU …").
pub fn grouped(b32: &str) -> String {
    b32.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` URI for authenticator apps.
pub fn otpauth_uri(secret: &[u8], issuer: &str, account: &str) -> String {
    totp(secret, issuer, &account.replace(':', " ")).to_url().expect("issuer and account name without a colon")
}

/// The URI as a QR code in SVG (no script, no style: fits the CSP).
pub fn qr_svg(uri: &str) -> String {
    qrcode::QrCode::new(uri.as_bytes())
        .map(|q| q.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).quiet_zone(true).build())
        .unwrap_or_default()
}

/// Why a login code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Wrong, or already used in its time step.
    Wrong,
    /// Too many wrong codes: locked until this time.
    Locked(i64),
    /// The account has no TOTP.
    NotSetUp,
}

/// Checks a login code for an account inside the caller's transaction:
/// lock, match, replay guard, failure count; on success returns the facts
/// the completed login needs (read with the key; `browser_hash` for the
/// new-browser check). A refused attempt is audited
/// here; an accepted one by the login it completes (event "login", method
/// "pwd+totp"), in the same transaction, so that the code is spent only if
/// the login happens. The caller commits in both cases.
pub async fn check_code(
    state: &AppState,
    tx: &mut crate::db::Tx,
    account: &Account,
    code: &str,
    browser_hash: &str,
    actor: &crate::audit::Actor,
) -> AppResult<Result<super::LoginFacts, CodeProblem>> {
    let now = state.now();
    // With the key, what the completed login needs (one statement).
    let row = sqlx::query(concat!(
        "SELECT secret_sealed, locked_until, ",
        super::login_facts_columns!("$1", "$2", "$3"),
        " FROM totp_factors WHERE account_id = $1"
    ))
    .bind(&account.id)
    .bind(browser_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(Err(CodeProblem::NotSetUp)) };
    let locked_until: i64 = row.try_get("locked_until")?;
    if locked_until > now {
        crate::audit::record(tx, Some(&account.id), "totp_failed", actor, serde_json::json!({"locked": true}), now).await?;
        return Ok(Err(CodeProblem::Locked(locked_until)));
    }
    let secret = state.secrets.open(&format!("totp:{}", account.id), &row.try_get::<String, _>("secret_sealed")?)?;
    let step = domain::TotpCode::parse(code).ok().and_then(|c| matching_step(&secret, &c, now));
    // Accepted once per step: only a step newer than the last used one wins.
    let accepted = match step {
        Some(s) => {
            sqlx::query("UPDATE totp_factors SET last_step = $1, failed_count = 0 WHERE account_id = $2 AND last_step < $1")
                .bind(s)
                .bind(&account.id)
                .execute(&mut **tx)
                .await?
                .rows_affected()
                == 1
        }
        None => false,
    };
    if accepted {
        return Ok(Ok(super::LoginFacts::from_row(&row)?));
    }
    let failures: i64 =
        sqlx::query_scalar("UPDATE totp_factors SET failed_count = failed_count + 1 WHERE account_id = $1 RETURNING failed_count")
            .bind(&account.id)
            .fetch_one(&mut **tx)
            .await?;
    let replay = step.is_some();
    crate::audit::record(tx, Some(&account.id), "totp_failed", actor, serde_json::json!({"replay": replay, "failures": failures}), now)
        .await?;
    if failures >= MAX_FAILURES {
        sqlx::query("UPDATE totp_factors SET locked_until = $1, failed_count = 0 WHERE account_id = $2")
            .bind(now + LOCK_SECS)
            .bind(&account.id)
            .execute(&mut **tx)
            .await?;
        crate::audit::record(tx, Some(&account.id), "totp_locked", actor, serde_json::json!({}), now).await?;
        return Ok(Err(CodeProblem::Locked(now + LOCK_SECS)));
    }
    Ok(Err(CodeProblem::Wrong))
}

/// The message for a refused code.
pub fn problem_message(lang: crate::i18n::Lang, p: CodeProblem) -> String {
    match p {
        CodeProblem::Wrong => lang.t("totp-error-wrong"),
        CodeProblem::Locked(until) => lang.t_args("totp-error-locked", &[("time", &crate::web::page::format_time(until))]),
        CodeProblem::NotSetUp => lang.t("totp-error-not-set-up"),
    }
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/totp_einrichten.html")]
struct SetupPage {
    page: Page,
    errors: FormErrors,
    issuer: String,
    key_grouped: String,
    qr: String,
    uri: String,
    replaces: bool,
}

/// The secret being set up in this login (kept until confirmed), or a new
/// one. Bound to the session, so another login of the same account never
/// sees it.
async fn pending_secret(state: &AppState, session_hash: &str, account: &Account) -> AppResult<Vec<u8>> {
    let aad = format!("totp-pending:{session_hash}");
    let row: Option<String> = sqlx::query_scalar("SELECT secret_sealed FROM totp_pending WHERE session_hash = $1 AND account_id = $2")
        .bind(session_hash)
        .bind(&account.id)
        .fetch_optional(&state.db.pool)
        .await?;
    if let Some(sealed) = row {
        return Ok(state.secrets.open(&aad, &sealed)?);
    }
    let secret = crate::crypto::random_bytes::<20>().to_vec();
    sqlx::query(
        "INSERT INTO totp_pending (session_hash, account_id, secret_sealed, account_label, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_hash) DO NOTHING",
    )
    .bind(session_hash)
    .bind(&account.id)
    .bind(state.secrets.seal(&aad, &secret))
    .bind(&state.config.totp_issuer)
    .bind(state.now())
    .execute(&state.db.writer)
    .await?;
    // A parallel request of the same login may have won: read what is stored.
    let sealed: String = sqlx::query_scalar("SELECT secret_sealed FROM totp_pending WHERE session_hash = $1")
        .bind(session_hash)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(state.secrets.open(&aad, &sealed)?)
}

/// Deletes keys whose set-up was never finished (after a day).
pub async fn purge_pending(writer: &crate::db::Writer, now: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM totp_pending WHERE created_at < $1").bind(now - 86_400).execute(writer).await?.rows_affected())
}

async fn setup_page(state: &AppState, signed: &MaySetUpFactor, account: &Account, errors: FormErrors) -> AppResult<Response> {
    let secret = pending_secret(state, &signed.session.id_hash, account).await?;
    let uri = otpauth_uri(&secret, &state.config.totp_issuer, &account.email);
    let ways = ways_in(&state.db.pool, &account.id).await?;
    let page = SetupPage {
        page: Page::new(&signed.ctx, state, "totp-setup-title"),
        issuer: state.config.totp_issuer.clone(),
        key_grouped: grouped(&base32(&secret)),
        qr: qr_svg(&uri),
        uri,
        replaces: ways.totp,
        errors,
    };
    if page.errors.is_empty() { render(&page) } else { render_status(page.errors.status(), &page) }
}

/// `GET /konto/totp` ("Zweiten Faktor einrichten").
pub async fn form(State(state): State<AppState>, signed: MaySetUpFactor) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    setup_page(&state, &signed, &account, FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct SetupForm {
    code: String,
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/totp_erfolg.html")]
struct SuccessPage {
    page: Page,
}

/// `POST /konto/totp`: confirms the new key with a current code; replaces
/// an earlier TOTP (MFA-12). At the gate this also completes the login.
pub async fn submit(
    State(state): State<AppState>,
    signed: MaySetUpFactor,
    headers: HeaderMap,
    Form(f): Form<SetupForm>,
) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let secret = pending_secret(&state, &signed.session.id_hash, &account).await?;
    let now = state.now();
    let step = match domain::TotpCode::parse(&f.code) {
        Ok(code) => matching_step(&secret, &code, now),
        Err(domain::TotpCodeError::Empty) => {
            let mut errors = FormErrors::default();
            errors.add("code", lang.t("totp-error-empty"));
            return setup_page(&state, &signed, &account, errors).await;
        }
        Err(domain::TotpCodeError::Format) => None,
    };
    let Some(step) = step else {
        let mut errors = FormErrors::default();
        errors.add("code", lang.t("totp-error-setup-wrong"));
        return setup_page(&state, &signed, &account, errors).await;
    };
    let before = ways_in(&state.db.pool, &account.id).await?;
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO totp_factors (account_id, secret_sealed, account_label, created_at, last_step, failed_count, locked_until)
         VALUES ($1, $2, $3, $4, $5, 0, 0)
         ON CONFLICT (account_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, account_label = excluded.account_label,
           created_at = excluded.created_at, last_step = excluded.last_step, failed_count = 0, locked_until = 0",
    )
    .bind(&account.id)
    .bind(state.secrets.seal(&format!("totp:{}", account.id), &secret))
    .bind(&state.config.totp_issuer)
    .bind(now)
    .bind(step)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM totp_pending WHERE account_id = $1").bind(&account.id).execute(&mut *tx).await?;

    let kind = if before.totp { "totp_replaced" } else { "totp_added" };
    crate::audit::record(&mut tx, Some(&account.id), kind, &signed.ctx.actor, serde_json::json!({}), now).await?;
    super::factor_mail(&state, &mut tx, &account, "factor-added", &lang_factor_name(&account, "totp")).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    let ctx = signed.ctx.clone();
    finish_first_or_added_factor(&state, signed, &account, before, &headers, || {
        render(&SuccessPage { page: Page::new(&ctx, &state, "totp-setup-title") })
    })
    .await
}

fn lang_factor_name(account: &Account, kind: &str) -> String {
    crate::konto::account_lang(&account.lang).t(&format!("factor-name-{kind}"))
}

/// `POST /konto/totp/entfernen`: only if another second factor remains.
pub async fn remove(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    // Decided under the account lock, so that two requests cannot each
    // remove "the other" last factor.
    let ways = super::lock_account(&mut tx, &account.id).await?;
    if !ways.totp {
        tx.rollback().await?;
        return Ok(see_other("/konto"));
    }
    if !ways.allows(super::Removal::Totp) {
        tx.rollback().await?;
        return Ok(see_other("/konto?hinweis=letzter-faktor"));
    }
    sqlx::query("DELETE FROM totp_factors WHERE account_id = $1").bind(&account.id).execute(&mut *tx).await?;
    crate::audit::record(&mut tx, Some(&account.id), "totp_removed", &signed.ctx.actor, serde_json::json!({}), now).await?;
    super::factor_mail(&state, &mut tx, &account, "factor-removed", &lang_factor_name(&account, "totp")).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other("/konto?hinweis=totp-entfernt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1, with the 20-byte ASCII key
    /// "12345678901234567890"; the RFC prints 8 digits, we use the last 6.
    #[test]
    fn the_rfc_6238_test_vectors_pass() {
        let key = b"12345678901234567890";
        for (t, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(code_at(key, t), eight[2..], "t = {t}");
        }
    }

    #[test]
    fn codes_of_the_neighbouring_steps_are_accepted_and_others_not() {
        let key = [7u8; 20];
        let now = 1_800_000_015;
        for (offset, ok) in [(0, true), (-30, true), (30, true), (-60, false), (60, false)] {
            let code = domain::TotpCode::parse(&code_at(&key, now + offset)).unwrap();
            assert_eq!(matching_step(&key, &code, now).is_some(), ok, "offset {offset}");
        }
    }

    #[test]
    fn the_key_is_shown_in_groups_of_four_and_in_the_uri() {
        let key = [0u8; 20];
        assert_eq!(base32(&key).len(), 32);
        assert_eq!(grouped("OJZEKQ3BG5KU"), "OJZE KQ3B G5KU");
        let uri = otpauth_uri(&key, "Jobcenter", "kim@example.de");
        assert!(uri.starts_with("otpauth://totp/Jobcenter:kim%40example.de?"), "{uri}");
        assert!(uri.contains(&format!("secret={}", base32(&key))));
        assert!(uri.contains("issuer=Jobcenter"));
        let svg = qr_svg(&uri);
        assert!(svg.contains("<svg") && !svg.contains("<script"));
    }
}
