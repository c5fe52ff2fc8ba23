//! Login with a passkey (MFA-24), as JSON endpoints for `passkey.js`:
//! "Mit Passkey anmelden" on the login page (usernameless: any discoverable
//! passkey, user verification required) and the passkey as the step after
//! the password (only the account's own credentials). Both complete the
//! login at level "substantiell".
//!
//! Requests are `POST` with a JSON body (`Content-Type: application/json`;
//! the CSRF layer checks the origin). Answers: `{"zeremonie", "optionen"}`
//! to start, `{"weiter"}` when signed in, or `{"fehler": {"code",
//! "meldung"}}` with one of the stable codes below and a message in the
//! page's language.

use super::speicher;
use super::zeremonie::{self, Kind, Problem};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::konto::mfa::{self, Method};
use crate::konto::store;
use crate::ratelimit::{self, Limit};
use crate::web::session::{Session, Stage};
use crate::web::{AppResult, Ctx};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::sync::atomic::Ordering;
use webauthn_rs::prelude::{DiscoverableAuthentication, PasskeyAuthentication, PublicKeyCredential};

/// A refusal: status, stable code, message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The body is not the expected JSON.
    BadRequest,
    /// The ceremony was never started, is finished already, or belongs to
    /// another login.
    CeremonyUnknown,
    /// The ceremony is older than five minutes.
    CeremonyExpired,
    /// No account has this passkey (any more).
    PasskeyUnknown,
    /// The signature, the origin, the challenge or the user verification
    /// did not check out.
    VerificationFailed,
    /// Too many attempts from this client address.
    RateLimited,
    /// The second step without a password step before it.
    WrongStage,
    /// The account has no passkey for the second step.
    NoPasskey,
}

impl Refusal {
    /// The stable code in the JSON answer.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::BadRequest => "bad_request",
            Refusal::CeremonyUnknown => "ceremony_unknown",
            Refusal::CeremonyExpired => "ceremony_expired",
            Refusal::PasskeyUnknown => "passkey_unknown",
            Refusal::VerificationFailed => "verification_failed",
            Refusal::RateLimited => "rate_limited",
            Refusal::WrongStage => "wrong_stage",
            Refusal::NoPasskey => "no_passkey",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Refusal::BadRequest | Refusal::CeremonyUnknown | Refusal::CeremonyExpired | Refusal::NoPasskey => StatusCode::BAD_REQUEST,
            Refusal::PasskeyUnknown | Refusal::VerificationFailed => StatusCode::UNAUTHORIZED,
            Refusal::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Refusal::WrongStage => StatusCode::FORBIDDEN,
        }
    }

    fn message_key(self) -> &'static str {
        match self {
            Refusal::BadRequest => "passkey-error-bad-request",
            Refusal::CeremonyUnknown => "passkey-error-ceremony-unknown",
            Refusal::CeremonyExpired => "passkey-error-ceremony-expired",
            Refusal::PasskeyUnknown => "passkey-error-unknown-passkey",
            Refusal::VerificationFailed => "passkey-error-verification",
            Refusal::RateLimited => "passkey-error-rate-limited",
            Refusal::WrongStage => "passkey-error-wrong-stage",
            Refusal::NoPasskey => "passkey-error-no-passkey",
        }
    }

    /// The JSON answer in `lang`.
    pub fn respond(self, lang: Lang) -> Response {
        let body = serde_json::json!({"fehler": {"code": self.code(), "meldung": lang.t(self.message_key())}});
        (self.status(), Json(body)).into_response()
    }
}

impl From<Problem> for Refusal {
    fn from(p: Problem) -> Self {
        match p {
            Problem::Unknown => Refusal::CeremonyUnknown,
            Problem::Expired => Refusal::CeremonyExpired,
        }
    }
}

/// The JSON body, or why not.
fn json_body<T: DeserializeOwned>(headers: &HeaderMap, body: &Bytes) -> Result<T, Refusal> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
    if !is_json {
        return Err(Refusal::BadRequest);
    }
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    serde_json::from_slice(body).map_err(|_| Refusal::BadRequest)
}

/// Counts one attempt from the client address (shared by both logins), in
/// the pool or the caller's transaction.
async fn address_allowed<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    state: &AppState,
    ex: E,
    ctx: &Ctx,
    what: &str,
) -> sqlx::Result<bool> {
    let limit = Limit::per_minutes(state.config.rate_limits.login_per_address, 15);
    ratelimit::hit(ex, &format!("passkey-{what}:ip:{}", ctx.actor.ip), limit, state.now()).await
}

fn started(ceremony: String, options: impl serde::Serialize) -> Response {
    Json(serde_json::json!({"zeremonie": ceremony, "optionen": options})).into_response()
}

fn signed_in(weiter: String, cookies: &[String]) -> Response {
    let mut res = Json(serde_json::json!({"weiter": weiter})).into_response();
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

#[derive(Deserialize)]
pub struct StartBody {}

#[derive(Deserialize)]
pub struct FinishBody {
    zeremonie: String,
    antwort: PublicKeyCredential,
    #[serde(default)]
    weiter: Option<String>,
}

/// `POST /anmelden/passkey/optionen`: starts a usernameless login.
pub async fn login_options(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, body: Bytes) -> AppResult<Response> {
    if let Err(r) = json_body::<StartBody>(&headers, &body) {
        return Ok(r.respond(ctx.lang));
    }
    // No database work here: the ceremony travels sealed (zeremonie.rs);
    // the attempts are counted where a secret is checked, at the finish.
    let (mut options, auth) =
        state.webauthn.start_discoverable_authentication().map_err(|e| anyhow::anyhow!("starting a passkey login: {e:?}"))?;
    // webauthn-rs asks for conditional mediation (autofill); the button
    // wants the passkey dialog now (DESIGN.md).
    options.mediation = None;
    let ceremony = zeremonie::start(&state, Kind::Login, None, &auth, serde_json::json!({}))?;
    Ok(started(ceremony, options))
}

/// `POST /anmelden/passkey`: finishes "Mit Passkey anmelden". The user
/// handle names the account, the credential must be that account's, the
/// signature and user verification must check out.
///
/// The reading and the signature check come first, on the readers' pool
/// and without a connection held; then one write transaction counts the
/// attempt, uses the ceremony up (a replay fails here, on any node),
/// stores the credential only if it is unchanged since it was read, and
/// opens the session. So the single SQLite writer is never held while a
/// signature is checked (docs/BENCHMARKS.md).
pub async fn login(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, body: Bytes) -> AppResult<Response> {
    let lang = ctx.lang;
    let body: FinishBody = match json_body(&headers, &body) {
        Ok(b) => b,
        Err(r) => return Ok(r.respond(lang)),
    };
    let checked = check_login(&state, &headers, &body).await?;
    let mut tx = state.db.begin().await?;
    let refuse = |tx: crate::db::Tx, r: Refusal| async move {
        tx.commit().await?;
        Ok::<Response, crate::web::AppError>(r.respond(lang))
    };
    if !address_allowed(&state, &mut *tx, &ctx, "anmelden").await? {
        state.metrics.logins_rate_limited.fetch_add(1, Ordering::Relaxed);
        return refuse(tx, Refusal::RateLimited).await;
    }
    let (opened, outcome) = match checked {
        Ok(c) => c,
        Err(r) => return refuse(tx, r).await,
    };
    if !zeremonie::use_up(&mut *tx, &opened).await? {
        return refuse(tx, Refusal::CeremonyUnknown).await;
    }
    let (candidate, passkey, browser) = match outcome {
        LoginCheck::Verified { candidate, passkey, browser } => (candidate, passkey, browser),
        LoginCheck::Unknown => return refuse(tx, Refusal::PasskeyUnknown).await,
        LoginCheck::Failed { account_id, name } => {
            failed(&state, &mut tx, &ctx, &account_id, Some(&name)).await?;
            return refuse(tx, Refusal::VerificationFailed).await;
        }
    };
    let speicher::LoginCandidate { stored, account, facts, passkey_json, .. } = *candidate;
    if !speicher::record_use_if_unchanged(&mut tx, &stored.id, &passkey_json, &passkey, state.now()).await? {
        return refuse(tx, Refusal::VerificationFailed).await;
    }
    let cookies =
        mfa::complete_login_in(&state, tx, &ctx.actor, ctx.session.as_ref(), &account, Method::Passkey, facts.seen(browser)).await?;
    state.metrics.logins_ok.fetch_add(1, Ordering::Relaxed);
    let weiter = mfa::landing_from(&facts, body.weiter.as_deref().unwrap_or_default());
    Ok(signed_in(weiter, &cookies))
}

/// What the checks before the write transaction found out.
enum LoginCheck {
    Verified {
        candidate: Box<speicher::LoginCandidate>,
        passkey: Box<webauthn_rs::prelude::Passkey>,
        browser: mfa::LoginBrowser,
    },
    /// A known passkey whose signature or user verification failed.
    Failed {
        account_id: String,
        name: String,
    },
    /// No passkey of that account with that credential id.
    Unknown,
}

/// Opens the ceremony, finds the passkey and checks the answer, all
/// without a write: nothing here counts until the ceremony is used up,
/// which the caller does for every ceremony that opened, whatever the
/// answer (an `Err` means it did not open).
async fn check_login(
    state: &AppState,
    headers: &HeaderMap,
    body: &FinishBody,
) -> anyhow::Result<Result<(zeremonie::Opened, LoginCheck), Refusal>> {
    let opened = match zeremonie::open(state, &body.zeremonie, Kind::Login) {
        Ok(o) => o,
        Err(p) => return Ok(Err(Refusal::from(p))),
    };
    let auth: DiscoverableAuthentication = serde_json::from_str(&opened.taken.state_json)?;
    let Ok((handle, credential_id)) = state.webauthn.identify_discoverable_authentication(&body.antwort) else {
        return Ok(Ok((opened, LoginCheck::Unknown)));
    };
    let browser = mfa::LoginBrowser::from_cookie(mfa::browser_id(headers).as_deref());
    let candidate = speicher::find_login_candidate(&state.db.pool, credential_id, &browser.hash, state.now()).await?;
    let Some(candidate) = candidate.filter(|c| c.handle.as_deref() == Some(handle.to_string().as_str())) else {
        return Ok(Ok((opened, LoginCheck::Unknown)));
    };
    let outcome = match state.webauthn.finish_discoverable_authentication_v2(&body.antwort, auth, &candidate.stored.passkey) {
        Ok(r) if r.user_verified() => {
            let mut passkey = candidate.stored.passkey.clone();
            passkey.update_credential(&r);
            LoginCheck::Verified { candidate: Box::new(candidate), passkey: Box::new(passkey), browser }
        }
        other => {
            if let Err(e) = other {
                tracing::info!(error = ?e, "passkey login refused");
            }
            LoginCheck::Failed { account_id: candidate.account.id, name: candidate.stored.name }
        }
    };
    Ok(Ok((opened, outcome)))
}

/// Audits a refused passkey login of a known account (in the caller's
/// transaction).
async fn failed(state: &AppState, tx: &mut crate::db::Tx, ctx: &Ctx, account_id: &str, name: Option<&str>) -> AppResult<()> {
    state.metrics.logins_failed.fetch_add(1, Ordering::Relaxed);
    let details = serde_json::json!({"name": name});
    crate::audit::record(tx, Some(account_id), "passkey_login_failed", &ctx.actor, details, state.now()).await?;
    Ok(())
}

/// The session of a login that owes its second factor.
fn second_factor_session(ctx: &Ctx) -> Result<&Session, Refusal> {
    ctx.session.as_ref().filter(|s| s.stage == Stage::SecondFactor).ok_or(Refusal::WrongStage)
}

/// `POST /anmelden/zweiter-faktor/passkey/optionen`: starts the passkey
/// step after the password, bound to this login attempt.
pub async fn second_factor_options(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, body: Bytes) -> AppResult<Response> {
    let lang = ctx.lang;
    if let Err(r) = json_body::<StartBody>(&headers, &body) {
        return Ok(r.respond(lang));
    }
    let session = match second_factor_session(&ctx) {
        Ok(s) => s,
        Err(r) => return Ok(r.respond(lang)),
    };
    let passkeys: Vec<_> = speicher::credentials(&state.db.pool, &session.account_id).await?.into_iter().map(|s| s.passkey).collect();
    if passkeys.is_empty() {
        return Ok(Refusal::NoPasskey.respond(lang));
    }
    let (options, auth) =
        state.webauthn.start_passkey_authentication(&passkeys).map_err(|e| anyhow::anyhow!("starting a passkey step: {e:?}"))?;
    let data = serde_json::json!({"session": session.id_hash});
    let ceremony = zeremonie::start(&state, Kind::SecondFactor, Some(&session.account_id), &auth, data)?;
    Ok(started(ceremony, options))
}

/// `POST /anmelden/zweiter-faktor/passkey`: finishes the passkey step; the
/// credential must be one of the account's.
pub async fn second_factor(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, body: Bytes) -> AppResult<Response> {
    let lang = ctx.lang;
    let body: FinishBody = match json_body(&headers, &body) {
        Ok(b) => b,
        Err(r) => return Ok(r.respond(lang)),
    };
    let session = match second_factor_session(&ctx) {
        Ok(s) => s.clone(),
        Err(r) => return Ok(r.respond(lang)),
    };
    if !address_allowed(&state, &state.db.writer, &ctx, "anmelden").await? {
        return Ok(Refusal::RateLimited.respond(lang));
    }
    let taken = match zeremonie::take(&state, &state.db.writer, &body.zeremonie, Kind::SecondFactor).await? {
        Ok(t) => t,
        Err(p) => return Ok(Refusal::from(p).respond(lang)),
    };
    if taken.account_id.as_deref() != Some(session.account_id.as_str()) || taken.data["session"].as_str() != Some(session.id_hash.as_str())
    {
        return Ok(Refusal::CeremonyUnknown.respond(lang));
    }
    let Some(account) = store::find_by_id(&state.db.pool, &session.account_id).await? else {
        return Ok(Refusal::WrongStage.respond(lang));
    };
    let auth: PasskeyAuthentication = serde_json::from_str(&taken.state_json).map_err(anyhow::Error::from)?;
    let result = match state.webauthn.finish_passkey_authentication(&body.antwort, &auth) {
        Ok(r) if r.user_verified() => r,
        other => {
            if let Err(e) = other {
                tracing::info!(error = ?e, "passkey step refused");
            }
            let used = speicher::find_by_credential(&state.db.pool, &body.antwort.raw_id).await?;
            let name = used.filter(|s| s.account_id == account.id).map(|s| s.name);
            let mut tx = state.db.begin().await?;
            failed(&state, &mut tx, &ctx, &account.id, name.as_deref()).await?;
            tx.commit().await?;
            return Ok(Refusal::VerificationFailed.respond(lang));
        }
    };
    let stored = speicher::find_by_credential(&state.db.pool, result.cred_id().as_ref()).await?;
    let Some(stored) = stored.filter(|s| s.account_id == account.id) else {
        return Ok(Refusal::PasskeyUnknown.respond(lang));
    };
    let mut passkey = stored.passkey;
    passkey.update_credential(&result);
    speicher::record_use(&state.db.writer, &stored.id, &passkey, state.now()).await?;
    let cookies =
        mfa::complete_login(&state, &ctx.actor, Some(&session), &account, Method::PasswordAndPasskey, mfa::browser_id(&headers).as_deref())
            .await?;
    let weiter = mfa::landing(&state, &account, body.weiter.as_deref().unwrap_or_default()).await?;
    Ok(signed_in(weiter, &cookies))
}
