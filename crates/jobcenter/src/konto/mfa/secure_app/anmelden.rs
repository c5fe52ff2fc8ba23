//! The login with the Secure-App (MFA-33): after a right password an
//! account with a linked device gets a request (in the same step) and the
//! waiting page with a two-digit number; the app offers three numbers and
//! only the right one approves. The page continues by itself (a small
//! script polls the status) or with "Weiter". A request is bound to the
//! login (session) that created it, expires after 2 minutes, and is taken
//! once with one conditional `UPDATE … RETURNING`.

use super::{REQUEST_SECS, REQUESTS_PER_15_MIN, numbers};
use crate::app::AppState;
use crate::audit::Actor;
use crate::konto::mfa::{self, Method, complete_login, landing, see_other_with_cookies, ways_in};
use crate::ratelimit::{self, Limit};
use crate::web::ctx::{AnySession, safe_next};
use crate::web::session::Stage;
use crate::web::{AppResult, Page, render_status, see_other};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use base64::Engine;
use serde::Deserialize;
use sqlx::Row;

fn limit() -> Limit {
    Limit::per_minutes(REQUESTS_PER_15_MIN, 15)
}

/// Creates a login request for the session `session_hash` (the partial
/// login after the password) in the caller's transaction; earlier open
/// requests of the same login are cancelled. `false` if the per-account
/// limit is used up (then nothing is created).
pub async fn create_request(
    state: &AppState,
    tx: &mut crate::db::Tx,
    account_id: &str,
    session_hash: &str,
    actor: &Actor,
) -> sqlx::Result<bool> {
    let now = state.now();
    if !ratelimit::hit(&mut **tx, &format!("secureapp:requests:{account_id}"), limit(), now).await? {
        return Ok(false);
    }
    sqlx::query("UPDATE secure_app_requests SET state = 'cancelled' WHERE session_hash = $1 AND state IN ('pending', 'approved')")
        .bind(session_hash)
        .execute(&mut **tx)
        .await?;
    let (right, choices) = numbers();
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(crate::crypto::random_bytes::<32>());
    sqlx::query(
        "INSERT INTO secure_app_requests (id, account_id, session_hash, challenge, number, choices, created_at, expires_at, state, browser, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
    )
    .bind(crate::db::new_id())
    .bind(account_id)
    .bind(session_hash)
    .bind(challenge)
    .bind(i64::from(right))
    .bind(choices.iter().map(u16::to_string).collect::<Vec<_>>().join(","))
    .bind(now)
    .bind(now + REQUEST_SECS)
    .bind(crate::konto::einstellungen::sitzungen::describe_browser(&actor.user_agent))
    .bind(&actor.ip)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

/// Where a request of a login stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestState {
    /// None was created (the limit was used up).
    None,
    Pending,
    Approved,
    Denied,
    Expired,
}

impl RequestState {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestState::None => "none",
            RequestState::Pending => "pending",
            RequestState::Approved => "approved",
            RequestState::Denied => "denied",
            RequestState::Expired => "expired",
        }
    }
}

struct Current {
    state: RequestState,
    number: i64,
    expires_at: i64,
}

async fn current(state: &AppState, session_hash: &str) -> sqlx::Result<Current> {
    let now = state.now();
    let row = sqlx::query(
        "SELECT number, state, expires_at FROM secure_app_requests
         WHERE session_hash = $1 AND state <> 'cancelled' ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(session_hash)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(r) = row else { return Ok(Current { state: RequestState::None, number: 0, expires_at: 0 }) };
    let expires_at: i64 = r.try_get("expires_at")?;
    let s = match r.try_get::<String, _>("state")?.as_str() {
        "denied" => RequestState::Denied,
        _ if expires_at <= now => RequestState::Expired,
        "approved" => RequestState::Approved,
        "pending" => RequestState::Pending,
        _ => RequestState::Expired,
    };
    Ok(Current { state: s, number: r.try_get("number")?, expires_at })
}

#[derive(Template)]
#[template(path = "konto/mfa/secure_app/templates/warten.html")]
struct WaitPage {
    page: Page,
    app: String,
    request: RequestState,
    number: String,
    valid_until: String,
    seconds_left: i64,
    weiter: String,
    /// "Weiter" was pressed before the approval.
    not_yet: bool,
    /// No new request: the per-account limit is used up.
    limited: bool,
    other_methods: bool,
    recovery_left: i64,
}

#[derive(Deserialize)]
pub struct WaitQuery {
    weiter: Option<String>,
    noch_nicht: Option<String>,
    begrenzt: Option<String>,
}

async fn wait_page(state: &AppState, signed: &AnySession, weiter: String, not_yet: bool, limited: bool) -> AppResult<Response> {
    let account = crate::konto::session_account(state, &signed.session).await?;
    let ways = ways_in(&state.db.pool, &account.id).await?;
    let c = current(state, &signed.session.id_hash).await?;
    let mut page = Page::new(&signed.ctx, state, "secureapp-wait-title");
    page.title = signed.ctx.lang.t("secureapp-wait-title");
    let p = WaitPage {
        page,
        app: state.config.secure_app_name.clone(),
        request: c.state,
        number: format!("{:02}", c.number),
        valid_until: crate::web::page::format_time(c.expires_at),
        seconds_left: (c.expires_at - state.now()).max(0),
        weiter: safe_next(Some(&weiter)).unwrap_or_default(),
        not_yet: not_yet && c.state == RequestState::Pending,
        limited: limited || c.state == RequestState::None,
        other_methods: ways.totp || ways.passkeys > 0,
        recovery_left: ways.recovery_codes_left,
    };
    let status = if p.limited { StatusCode::TOO_MANY_REQUESTS } else { StatusCode::OK };
    render_status(status, &p)
}

/// `GET /anmelden/secure-app`: the waiting page with the number.
pub async fn form(State(state): State<AppState>, signed: AnySession, Query(q): Query<WaitQuery>) -> AppResult<Response> {
    match signed.session.stage {
        Stage::SecondFactor => wait_page(&state, &signed, q.weiter.unwrap_or_default(), q.noch_nicht.is_some(), q.begrenzt.is_some()).await,
        Stage::Setup => Ok(see_other("/sicherheitshinweis")),
        Stage::Complete => Ok(see_other("/konto")),
    }
}

/// `GET /anmelden/secure-app/status`: `{"status": "pending" | "approved" |
/// "denied" | "expired" | "none"}` for the waiting page's script.
pub async fn status(State(state): State<AppState>, signed: AnySession) -> AppResult<Response> {
    let s = if signed.session.stage == Stage::SecondFactor {
        current(&state, &signed.session.id_hash).await?.state
    } else {
        RequestState::None
    };
    Ok(Json(serde_json::json!({"status": s.as_str()})).into_response())
}

#[derive(Deserialize)]
pub struct ContinueForm {
    weiter: Option<String>,
}

/// `POST /anmelden/secure-app` ("Weiter"): takes the approved request of
/// this login once and completes the login; otherwise back to the page.
pub async fn continue_login(
    State(state): State<AppState>,
    signed: AnySession,
    headers: HeaderMap,
    Form(f): Form<ContinueForm>,
) -> AppResult<Response> {
    if signed.session.stage != Stage::SecondFactor {
        return Ok(see_other("/konto"));
    }
    let weiter = safe_next(f.weiter.as_deref()).unwrap_or_default();
    let now = state.now();
    let taken: Option<String> = sqlx::query_scalar(
        "UPDATE secure_app_requests SET state = 'used', used_at = $1
         WHERE session_hash = $2 AND account_id = $3 AND state = 'approved' AND expires_at > $1 RETURNING id",
    )
    .bind(now)
    .bind(&signed.session.id_hash)
    .bind(&signed.session.account_id)
    .fetch_optional(&state.db.writer)
    .await?;
    if taken.is_none() {
        let query = mfa::weiter_query(&weiter);
        let sep = if query.is_empty() { '?' } else { '&' };
        return Ok(see_other(&format!("/anmelden/secure-app{query}{sep}noch_nicht=1")));
    }
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let cookies =
        complete_login(&state, &signed.ctx.actor, Some(&signed.session), &account, Method::SecureApp, mfa::browser_id(&headers).as_deref())
            .await?;
    Ok(see_other_with_cookies(&landing(&state, &account, &weiter).await?, &cookies))
}

/// `POST /anmelden/secure-app/neu` ("Neue Anfrage senden").
pub async fn again(State(state): State<AppState>, signed: AnySession, Form(f): Form<ContinueForm>) -> AppResult<Response> {
    if signed.session.stage != Stage::SecondFactor {
        return Ok(see_other("/konto"));
    }
    if super::count_devices(&state.db.pool, &signed.session.account_id).await? == 0 {
        return Ok(see_other("/anmelden/zweiter-faktor"));
    }
    let mut tx = state.db.begin().await?;
    let created = create_request(&state, &mut tx, &signed.session.account_id, &signed.session.id_hash, &signed.ctx.actor).await?;
    tx.commit().await?;
    if created {
        super::push::notify(&state, &signed.session.account_id).await?;
    }
    let query = mfa::weiter_query(f.weiter.as_deref().unwrap_or_default());
    let limited = if created {
        ""
    } else if query.is_empty() {
        "?begrenzt=1"
    } else {
        "&begrenzt=1"
    };
    Ok(see_other(&format!("/anmelden/secure-app{query}{limited}")))
}
