//! The device API (MFA-34), JSON under `/api/v1/secure-app/`, for the
//! companion web app and for native apps (docs/SECURE-APP-PROTOCOL.md,
//! docs/openapi/secure-app.yaml):
//!
//! - `POST /link` with the linking token, a device name and the public key:
//!   the device receives its id and a bearer secret; it is "pending" until
//!   the client confirms in the portal.
//! - `GET /device`, `DELETE /device`: its state; unlinking itself.
//! - `GET /requests`: the account's open login requests.
//! - `POST /requests/{id}`: approve or deny, signed with the device key
//!   over request id, challenge, chosen number and decision.
//! - `GET /push`, `PUT /push`: the VAPID key and the device's Web Push
//!   subscription (only when push is configured; in [`super::push`]).
//!
//! Devices authenticate with `Authorization: Bearer <device id>.<secret>`
//! (the secret stored as SHA-256). Failed authentications and linking
//! attempts count against a per-address limit in the database.

use super::{APPROVED_SECS, Decision, canonical, clean_device_name, parse_choices, parse_public_key, verify_signature};
use crate::app::AppState;
use crate::konto::store::Account;
use crate::ratelimit::{self, Limit};
use crate::web::Ctx;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::Row;

/// Failed device authentications or linking attempts per address and 15
/// minutes.
const FAILURES_PER_ADDRESS: Limit = Limit::per_minutes(30, 15);

/// An answer of the device API that is not a success; JSON
/// `{"error": {"code", "message"}}` with a stable code.
#[derive(Debug)]
pub enum ApiError {
    /// 400: the body is malformed (`bad_request`).
    BadRequest(&'static str),
    /// 401: missing or wrong device credentials (`unauthorized`).
    Unauthorized,
    /// 403: the device is not confirmed yet (`device_not_confirmed`).
    NotConfirmed,
    /// 404: no such linking or request (`not_found`, `link_invalid`).
    NotFound(&'static str),
    /// 409: the request was answered already or the rule refuses
    /// (`not_pending`, `last_way_in`, `device_limit`).
    Conflict(&'static str),
    /// 410: expired (`expired`, `link_expired`).
    Gone(&'static str),
    /// 401: the signature does not verify (`bad_signature`).
    BadSignature,
    /// 429: too many failures from this address (`rate_limited`).
    RateLimited,
    /// 500.
    Internal(anyhow::Error),
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, "bad_request", m),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized", "device credentials missing or wrong"),
            ApiError::NotConfirmed => (StatusCode::FORBIDDEN, "device_not_confirmed", "the link is not confirmed in the portal yet"),
            ApiError::NotFound(c) => (StatusCode::NOT_FOUND, c, "not found"),
            ApiError::Conflict(c) => (StatusCode::CONFLICT, c, "refused in the current state"),
            ApiError::Gone(c) => (StatusCode::GONE, c, "expired"),
            ApiError::BadSignature => (StatusCode::UNAUTHORIZED, "bad_signature", "the signature does not verify"),
            ApiError::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited", "too many failed attempts, try again later"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal error"),
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError::Internal(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = %format!("{e:#}"), "device API request failed");
        }
        let (status, code, message) = self.parts();
        (status, Json(serde_json::json!({"error": {"code": code, "message": message}}))).into_response()
    }
}

/// Result of a device API handler.
pub type ApiResult<T> = Result<T, ApiError>;

async fn count_failure(state: &AppState, ctx: &Ctx) -> ApiResult<()> {
    ratelimit::hit(&state.db.writer, &format!("secureapp:fail:ip:{}", ctx.actor.ip), FAILURES_PER_ADDRESS, state.now()).await?;
    Ok(())
}

async fn check_address(state: &AppState, ctx: &Ctx) -> ApiResult<()> {
    let key = format!("secureapp:fail:ip:{}", ctx.actor.ip);
    if ratelimit::allowed(&state.db.pool, &key, FAILURES_PER_ADDRESS, state.now()).await? { Ok(()) } else { Err(ApiError::RateLimited) }
}

/// A device that proved its bearer secret.
#[derive(Debug, Clone)]
pub struct Device {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub public_key: String,
    pub active: bool,
}

/// Checks `Authorization: Bearer <device id>.<secret>`.
pub(super) async fn authenticate(state: &AppState, ctx: &Ctx, headers: &HeaderMap) -> ApiResult<Device> {
    check_address(state, ctx).await?;
    let credentials = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .and_then(|v| v.trim().split_once('.'));
    let Some((id, secret)) = credentials else {
        count_failure(state, ctx).await?;
        return Err(ApiError::Unauthorized);
    };
    let row = sqlx::query("SELECT id, account_id, name, public_key, secret_hash, status FROM secure_app_devices WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await?;
    let device = match row {
        Some(r) => {
            let stored: String = r.try_get("secret_hash")?;
            let given = crate::crypto::token_hash(secret);
            if bool::from(subtle::ConstantTimeEq::ct_eq(stored.as_bytes(), given.as_bytes())) {
                Some(Device {
                    id: r.try_get("id")?,
                    account_id: r.try_get("account_id")?,
                    name: r.try_get("name")?,
                    public_key: r.try_get("public_key")?,
                    active: r.try_get::<String, _>("status")? == "active",
                })
            } else {
                None
            }
        }
        None => None,
    };
    match device {
        Some(d) => Ok(d),
        None => {
            count_failure(state, ctx).await?;
            Err(ApiError::Unauthorized)
        }
    }
}

#[derive(Deserialize)]
pub struct LinkBody {
    token: String,
    name: String,
    public_key: String,
}

/// `POST /api/v1/secure-app/link`: registers a device with a linking
/// token of a running set-up (4 minutes). Answers `201` with
/// `{"device_id", "device_secret", "status": "pending"}`.
pub async fn link(State(state): State<AppState>, ctx: Ctx, Json(body): Json<LinkBody>) -> ApiResult<Response> {
    check_address(&state, &ctx).await?;
    let Some(name) = clean_device_name(&body.name) else { return Err(ApiError::BadRequest("name: 1 to 60 characters")) };
    if parse_public_key(&body.public_key).is_none() {
        return Err(ApiError::BadRequest("public_key: an uncompressed P-256 point, base64url"));
    }
    let now = state.now();
    let device_id = crate::db::new_id();
    let secret = crate::crypto::new_token();
    let mut tx = state.db.begin().await?;
    let linked = sqlx::query(
        "UPDATE secure_app_linkings SET state = 'registered', device_id = $1
         WHERE token_hash = $2 AND state = 'waiting' AND expires_at > $3 RETURNING account_id",
    )
    .bind(&device_id)
    .bind(crate::crypto::token_hash(body.token.trim()))
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(linked) = linked else {
        let known: Option<i64> = sqlx::query_scalar("SELECT expires_at FROM secure_app_linkings WHERE token_hash = $1")
            .bind(crate::crypto::token_hash(body.token.trim()))
            .fetch_optional(&mut *tx)
            .await?;
        tx.rollback().await?;
        count_failure(&state, &ctx).await?;
        return Err(match known {
            Some(expires_at) if expires_at <= now => ApiError::Gone("link_expired"),
            _ => ApiError::NotFound("link_invalid"),
        });
    };
    let account_id: String = linked.try_get("account_id")?;
    sqlx::query(
        "INSERT INTO secure_app_devices (id, account_id, name, public_key, secret_hash, status, created_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6)",
    )
    .bind(&device_id)
    .bind(&account_id)
    .bind(&name)
    .bind(body.public_key.trim())
    .bind(crate::crypto::token_hash(&secret))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let body = serde_json::json!({"device_id": device_id, "device_secret": secret, "status": "pending"});
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `GET /api/v1/secure-app/device`: `{"device_id", "name", "status",
/// "account"}` (the account's address once confirmed).
pub async fn device(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> ApiResult<Response> {
    let d = authenticate(&state, &ctx, &headers).await?;
    let email: Option<String> = if d.active {
        sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1").bind(&d.account_id).fetch_optional(&state.db.pool).await?
    } else {
        None
    };
    Ok(Json(serde_json::json!({
        "device_id": d.id,
        "name": d.name,
        "status": if d.active { "active" } else { "pending" },
        "account": email,
        "app_name": state.config.secure_app_name,
    }))
    .into_response())
}

/// `DELETE /api/v1/secure-app/device`: the device unlinks itself, unless
/// it is the account's last second factor (`409 last_way_in`).
pub async fn unlink(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> ApiResult<Response> {
    let d = authenticate(&state, &ctx, &headers).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    // Under the account lock, so that two requests cannot each remove "the
    // other" last factor.
    if d.active && !crate::konto::mfa::lock_account(&mut tx, &d.account_id).await?.allows(crate::konto::mfa::Removal::OneSecureAppDevice) {
        tx.rollback().await?;
        return Err(ApiError::Conflict("last_way_in"));
    }
    let removed = super::delete_device(&mut tx, &d.account_id, &d.id).await?;
    if removed.is_some() && d.active {
        crate::audit::record(
            &mut tx,
            Some(&d.account_id),
            "secure_app_removed",
            &ctx.actor,
            serde_json::json!({"name": d.name, "by": "device"}),
            now,
        )
        .await?;
        if let Some(account) = crate::konto::store::find_by_id_tx(&mut tx, &d.account_id).await? {
            let lang = crate::konto::account_lang(&account.lang);
            let factor = super::einrichten::factor_name(&state, lang, &d.name);
            crate::konto::mfa::factor_mail(&state, &mut tx, &account, "factor-removed", &factor).await?;
        }
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/v1/secure-app/requests`: the open login requests of the
/// device's account, oldest first.
pub async fn requests(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> ApiResult<Response> {
    let d = authenticate(&state, &ctx, &headers).await?;
    if !d.active {
        return Err(ApiError::NotConfirmed);
    }
    let now = state.now();
    let rows = sqlx::query(
        "SELECT r.id, r.challenge, r.choices, r.created_at, r.expires_at, r.browser, r.ip, a.email
         FROM secure_app_requests r JOIN accounts a ON a.id = r.account_id
         WHERE r.account_id = $1 AND r.state = 'pending' AND r.expires_at > $2 ORDER BY r.created_at, r.id",
    )
    .bind(&d.account_id)
    .bind(now)
    .fetch_all(&state.db.pool)
    .await?;
    let mut list = Vec::new();
    for r in rows {
        list.push(serde_json::json!({
            "id": r.try_get::<String, _>("id")?,
            "challenge": r.try_get::<String, _>("challenge")?,
            "choices": parse_choices(&r.try_get::<String, _>("choices")?),
            "account": r.try_get::<String, _>("email")?,
            "created_at": r.try_get::<i64, _>("created_at")?,
            "expires_at": r.try_get::<i64, _>("expires_at")?,
            "browser": r.try_get::<String, _>("browser")?,
            "ip": r.try_get::<String, _>("ip")?,
            "place": serde_json::Value::Null,
        }));
    }
    Ok(Json(serde_json::json!({"requests": list, "now": now})).into_response())
}

#[derive(Deserialize)]
pub struct AnswerBody {
    decision: String,
    #[serde(default)]
    number: u16,
    signature: String,
}

/// `POST /api/v1/secure-app/requests/{id}`: approve (with the number the
/// browser shows) or deny, signed. A wrong number denies (number matching,
/// MFA-33). Denials are audited and mailed. An answer counts once: a
/// replay meets `409 not_pending`.
pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<AnswerBody>,
) -> ApiResult<Response> {
    let d = authenticate(&state, &ctx, &headers).await?;
    if !d.active {
        return Err(ApiError::NotConfirmed);
    }
    let decision = match body.decision.as_str() {
        "approve" => Decision::Approve,
        "deny" => Decision::Deny,
        _ => return Err(ApiError::BadRequest("decision: approve or deny")),
    };
    let row =
        sqlx::query("SELECT challenge, number, state, expires_at, browser, ip FROM secure_app_requests WHERE id = $1 AND account_id = $2")
            .bind(&id)
            .bind(&d.account_id)
            .fetch_optional(&state.db.pool)
            .await?;
    let Some(row) = row else { return Err(ApiError::NotFound("not_found")) };
    let challenge: String = row.try_get("challenge")?;
    if !verify_signature(&d.public_key, &canonical(&id, &challenge, body.number, decision), &body.signature) {
        count_failure(&state, &ctx).await?;
        let mut tx = state.db.begin().await?;
        let details = serde_json::json!({"name": d.name, "request": id});
        crate::audit::record(&mut tx, Some(&d.account_id), "secure_app_bad_signature", &ctx.actor, details, state.now()).await?;
        tx.commit().await?;
        return Err(ApiError::BadSignature);
    }
    let now = state.now();
    if row.try_get::<String, _>("state")? != "pending" {
        return Err(ApiError::Conflict("not_pending"));
    }
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Err(ApiError::Gone("expired"));
    }
    let right: i64 = row.try_get("number")?;
    let approve = decision == Decision::Approve && i64::from(body.number) == right;
    let (new_state, expires_at, kind) = match (decision, approve) {
        (_, true) => ("approved", now + APPROVED_SECS, "secure_app_approved"),
        (Decision::Approve, false) => ("denied", now, "secure_app_wrong_number"),
        (Decision::Deny, _) => ("denied", now, "secure_app_denied"),
    };
    let mut tx = state.db.begin().await?;
    let changed = sqlx::query(
        "UPDATE secure_app_requests SET state = $1, device_id = $2, answered_at = $3, expires_at = $4
         WHERE id = $5 AND state = 'pending' AND expires_at > $3",
    )
    .bind(new_state)
    .bind(&d.id)
    .bind(now)
    .bind(expires_at)
    .bind(&id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        tx.rollback().await?;
        return Err(ApiError::Conflict("not_pending"));
    }
    sqlx::query("UPDATE secure_app_devices SET last_used_at = $1 WHERE id = $2").bind(now).bind(&d.id).execute(&mut *tx).await?;
    crate::audit::record(&mut tx, Some(&d.account_id), kind, &ctx.actor, serde_json::json!({"name": d.name, "request": id}), now).await?;
    if !approve && let Some(account) = crate::konto::store::find_by_id_tx(&mut tx, &d.account_id).await? {
        denial_mail(&state, &mut tx, &account, &d.name, &row.try_get::<String, _>("browser")?, &row.try_get::<String, _>("ip")?).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    let result = match (approve, decision) {
        (true, _) => serde_json::json!({"result": "approved"}),
        (false, Decision::Approve) => serde_json::json!({"result": "denied", "reason": "wrong_number"}),
        (false, Decision::Deny) => serde_json::json!({"result": "denied"}),
    };
    Ok(Json(result).into_response())
}

/// The security mail after a denied login (MFA-61): the password was
/// right, so the owner should change it if it was not them.
async fn denial_mail(
    state: &AppState,
    tx: &mut crate::db::Tx,
    account: &Account,
    device: &str,
    browser: &str,
    ip: &str,
) -> anyhow::Result<()> {
    let lang = crate::konto::account_lang(&account.lang);
    let when = crate::web::page::format_datetime(state.now());
    let settings = crate::konto::link(state, "/konto");
    let args = [("when", when.as_str()), ("device", device), ("browser", browser), ("ip", ip), ("settings", settings.as_str())];
    crate::konto::queue_mail(state, tx, lang, "secure-app-denied", &account.email, &args).await
}
