//! Set-up in the portal (MFA-30 … MFA-32): "Schritt 1 von 3" points to the
//! companion; step 2 creates a linking record (a random token, stored as a
//! hash and sealed for this login, valid 4 minutes) and offers "Auf diesem
//! Gerät" (a link into the companion) and "Auf anderem Gerät" (the same
//! link as QR code); once the companion registered its key, the client
//! confirms ("Verknüpfung bestätigen" / "Ablehnen"); step 3 names the device.
//!
//! The linking belongs to the login (session) that started it, never to the
//! account: someone else who knows the password cannot confirm it.

use super::{LINK_SECS, MAX_DEVICES, count_devices};
use crate::app::AppState;
use crate::konto::mfa::{self, Method, ways_in};
use crate::web::ctx::MaySetUpFactor;
use crate::web::session::Stage;
use crate::web::{AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::Row;

/// The current linking of a login.
#[derive(Debug, Clone)]
pub struct Linking {
    pub id: String,
    pub token_sealed: String,
    pub expires_at: i64,
    pub state: String,
    pub device_id: Option<String>,
}

/// What step 2 shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    None,
    Waiting,
    Registered,
    Confirmed,
    Rejected,
    Expired,
}

impl LinkState {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::None => "none",
            LinkState::Waiting => "waiting",
            LinkState::Registered => "registered",
            LinkState::Confirmed => "confirmed",
            LinkState::Rejected => "rejected",
            LinkState::Expired => "expired",
        }
    }
}

/// Set-ups an account may start per hour.
const START_PER_HOUR: i64 = 20;

fn token_aad(id: &str) -> String {
    format!("secure-app-link:{id}")
}

/// The newest linking started by this session.
pub async fn current(state: &AppState, session_hash: &str, account_id: &str) -> sqlx::Result<Option<Linking>> {
    let row = sqlx::query(
        "SELECT id, token_sealed, expires_at, state, device_id FROM secure_app_linkings
         WHERE session_hash = $1 AND account_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(session_hash)
    .bind(account_id)
    .fetch_optional(&state.db.pool)
    .await?;
    row.map(|r| {
        Ok(Linking {
            id: r.try_get("id")?,
            token_sealed: r.try_get("token_sealed")?,
            expires_at: r.try_get("expires_at")?,
            state: r.try_get("state")?,
            device_id: r.try_get("device_id")?,
        })
    })
    .transpose()
}

fn state_of(l: Option<&Linking>, now: i64) -> LinkState {
    match l {
        None => LinkState::None,
        Some(l) => match l.state.as_str() {
            "confirmed" => LinkState::Confirmed,
            "rejected" => LinkState::Rejected,
            _ if l.expires_at <= now => LinkState::Expired,
            "registered" => LinkState::Registered,
            _ => LinkState::Waiting,
        },
    }
}

/// "00:03:59" for the countdown.
pub fn hms(secs: i64) -> String {
    let s = secs.max(0);
    format!("{:02}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
}

/// Where "Abbrechen" leads: the gate for a login without a factor, else
/// the settings.
fn cancel_target(signed: &MaySetUpFactor) -> &'static str {
    if signed.session.stage == Stage::Setup { "/sicherheitshinweis" } else { "/konto" }
}

fn page_with_title(signed: &MaySetUpFactor, state: &AppState) -> Page {
    let mut page = Page::new(&signed.ctx, state, "secureapp-setup-title");
    page.title = signed.ctx.lang.t_args("secureapp-setup-title", &[("app", &state.config.secure_app_name)]);
    page
}

#[derive(Template)]
#[template(path = "konto/mfa/secure_app/templates/schritt1.html")]
struct StepOnePage {
    page: Page,
    app: String,
    install_url: String,
    install_qr: String,
    cancel: &'static str,
    limit_reached: bool,
    /// Too many set-ups started in the last hour.
    too_many: bool,
}

#[derive(Deserialize)]
pub struct StepOneQuery {
    begrenzt: Option<String>,
}

/// `GET /konto/secure-app` — "Schritt 1 von 3": the companion's address.
pub async fn step_one(State(state): State<AppState>, signed: MaySetUpFactor, Query(q): Query<StepOneQuery>) -> AppResult<Response> {
    let install_url = format!("{}/secure-app/", state.config.base_url());
    let limit_reached = count_devices(&state.db.pool, &signed.session.account_id).await? >= MAX_DEVICES;
    let status = if q.begrenzt.is_some() { StatusCode::TOO_MANY_REQUESTS } else { StatusCode::OK };
    render_status(
        status,
        &StepOnePage {
            page: page_with_title(&signed, &state),
            app: state.config.secure_app_name.clone(),
            install_qr: crate::konto::mfa::totp::qr_svg(&install_url),
            install_url,
            cancel: cancel_target(&signed),
            limit_reached,
            too_many: q.begrenzt.is_some(),
        },
    )
}

/// `POST /konto/secure-app/start` ("Weiter", or "Einrichtung neu
/// starten"): a new linking valid 4 minutes; earlier unfinished ones of
/// this login end (with the device they registered).
pub async fn start(State(state): State<AppState>, signed: MaySetUpFactor) -> AppResult<Response> {
    let account_id = signed.session.account_id.clone();
    if count_devices(&state.db.pool, &account_id).await? >= MAX_DEVICES {
        return Ok(see_other("/konto/secure-app"));
    }
    let now = state.now();
    let token = crate::crypto::new_token();
    let id = crate::db::new_id();
    let mut tx = state.db.begin().await?;
    // Set-ups per account and hour: nobody fills the table through one login.
    let limit = crate::ratelimit::Limit::per_minutes(START_PER_HOUR, 60);
    if !crate::ratelimit::hit(&mut *tx, &format!("secureapp:start:{account_id}"), limit, now).await? {
        tx.commit().await?;
        return Ok(see_other("/konto/secure-app?begrenzt=1"));
    }
    let old: Vec<Option<String>> = sqlx::query_scalar(
        "UPDATE secure_app_linkings SET state = 'rejected' WHERE session_hash = $1 AND state IN ('waiting', 'registered') RETURNING device_id",
    )
    .bind(&signed.session.id_hash)
    .fetch_all(&mut *tx)
    .await?;
    for device in old.into_iter().flatten() {
        sqlx::query("DELETE FROM secure_app_devices WHERE id = $1 AND status = 'pending'").bind(&device).execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO secure_app_linkings (id, account_id, session_hash, token_hash, token_sealed, created_at, expires_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting')",
    )
    .bind(&id)
    .bind(&account_id)
    .bind(&signed.session.id_hash)
    .bind(crate::crypto::token_hash(&token))
    .bind(state.secrets.seal(&token_aad(&id), token.as_bytes()))
    .bind(now)
    .bind(now + LINK_SECS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(see_other("/konto/secure-app/verknuepfen"))
}

#[derive(Template)]
#[template(path = "konto/mfa/secure_app/templates/schritt2.html")]
struct StepTwoPage {
    page: Page,
    app: String,
    link_state: LinkState,
    link: String,
    qr: String,
    time_left: String,
    seconds_left: i64,
    valid_until: String,
    linking_id: String,
    device_name: String,
    cancel: &'static str,
}

/// `GET /konto/secure-app/verknuepfen` — "Schritt 2 von 3": link and QR
/// code while waiting for the companion, then the confirmation with the
/// device's name; after expiry the restart.
pub async fn step_two(State(state): State<AppState>, signed: MaySetUpFactor) -> AppResult<Response> {
    let now = state.now();
    let linking = current(&state, &signed.session.id_hash, &signed.session.account_id).await?;
    let link_state = state_of(linking.as_ref(), now);
    match link_state {
        LinkState::None => return Ok(see_other("/konto/secure-app")),
        // Done already (a reload or "back" after step 3).
        LinkState::Confirmed => return Ok(see_other("/konto")),
        _ => {}
    }
    let mut p = StepTwoPage {
        page: page_with_title(&signed, &state),
        app: state.config.secure_app_name.clone(),
        link_state,
        link: String::new(),
        qr: String::new(),
        time_left: String::new(),
        seconds_left: 0,
        valid_until: String::new(),
        linking_id: String::new(),
        device_name: String::new(),
        cancel: cancel_target(&signed),
    };
    if let Some(l) = linking {
        p.linking_id = l.id.clone();
        p.seconds_left = (l.expires_at - now).max(0);
        p.time_left = hms(p.seconds_left);
        p.valid_until = crate::web::page::format_time(l.expires_at);
        match link_state {
            LinkState::Waiting => {
                let token = String::from_utf8(state.secrets.open(&token_aad(&l.id), &l.token_sealed)?).map_err(anyhow::Error::from)?;
                p.link = super::companion_link(&state.config.base_url(), &token);
                p.qr = crate::konto::mfa::totp::qr_svg(&p.link);
            }
            LinkState::Registered => {
                if let Some(d) = &l.device_id {
                    p.device_name = sqlx::query_scalar("SELECT name FROM secure_app_devices WHERE id = $1")
                        .bind(d)
                        .fetch_optional(&state.db.pool)
                        .await?
                        .unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    let status = if matches!(link_state, LinkState::Expired) { StatusCode::GONE } else { StatusCode::OK };
    render_status(status, &p)
}

/// `GET /konto/secure-app/verknuepfen/status` — for the script of step 2:
/// `{"status": "waiting" | "registered" | …, "seconds_left": n}`.
pub async fn status(State(state): State<AppState>, signed: MaySetUpFactor) -> AppResult<Response> {
    let now = state.now();
    let linking = current(&state, &signed.session.id_hash, &signed.session.account_id).await?;
    let link_state = state_of(linking.as_ref(), now);
    let seconds_left = linking.map_or(0, |l| (l.expires_at - now).max(0));
    Ok(Json(serde_json::json!({"status": link_state.as_str(), "seconds_left": seconds_left})).into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    verknuepfung: String,
}

#[derive(Template)]
#[template(path = "konto/mfa/secure_app/templates/schritt3.html")]
struct StepThreePage {
    page: Page,
    app: String,
    /// "Sie haben die BA-Secure App erfolgreich auf Ihrem Gerät (…) eingerichtet."
    done_text: String,
    /// The account's first factor comes with its recovery codes (shown once).
    codes: Vec<String>,
    next: &'static str,
}

/// `POST /konto/secure-app/bestaetigen` ("Verknüpfung bestätigen"): the
/// device becomes a way in; security mail and audit event (MFA-61); at the
/// gate the login completes. Renders "Schritt 3 von 3".
pub async fn confirm(
    State(state): State<AppState>,
    signed: MaySetUpFactor,
    headers: HeaderMap,
    Form(f): Form<DecisionForm>,
) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let before = ways_in(&state.db.pool, &account.id).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    crate::konto::mfa::lock_account(&mut tx, &account.id).await?;
    let device: Option<Option<String>> = sqlx::query_scalar(
        "UPDATE secure_app_linkings SET state = 'confirmed'
         WHERE id = $1 AND session_hash = $2 AND account_id = $3 AND state = 'registered' AND expires_at > $4
         RETURNING device_id",
    )
    .bind(&f.verknuepfung)
    .bind(&signed.session.id_hash)
    .bind(&account.id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(Some(device_id)) = device else {
        tx.rollback().await?;
        return Ok(see_other("/konto/secure-app/verknuepfen"));
    };
    if count_devices(&mut *tx, &account.id).await? >= MAX_DEVICES {
        tx.rollback().await?;
        return Ok(see_other("/konto/secure-app"));
    }
    let name: Option<String> = sqlx::query_scalar(
        "UPDATE secure_app_devices SET status = 'active', linked_at = $1 WHERE id = $2 AND account_id = $3 AND status = 'pending' RETURNING name",
    )
    .bind(now)
    .bind(&device_id)
    .bind(&account.id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(name) = name else {
        tx.rollback().await?;
        return Ok(see_other("/konto/secure-app/verknuepfen"));
    };
    crate::audit::record(&mut tx, Some(&account.id), "secure_app_linked", &signed.ctx.actor, serde_json::json!({"name": name}), now)
        .await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    mfa::factor_mail(&state, &mut tx, &account, "factor-added", &factor_name(&state, mail_lang, &name)).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();

    let at_gate = signed.session.stage == Stage::Setup;
    let cookies = if at_gate {
        mfa::complete_login(
            &state,
            &signed.ctx.actor,
            Some(&signed.session),
            &account,
            Method::SecureApp,
            mfa::browser_id(&headers).as_deref(),
        )
        .await?
    } else {
        Vec::new()
    };
    let codes = if !before.has_second_factor() && before.recovery_codes_left == 0 {
        mfa::wiederherstellungscodes::generate(&state, &account, &signed.ctx.actor).await?.iter().map(|c| c.display()).collect()
    } else {
        Vec::new()
    };
    let res = render(&StepThreePage {
        page: page_with_title(&signed, &state),
        app: state.config.secure_app_name.clone(),
        done_text: signed.ctx.lang.t_args("secureapp-done-text", &[("app", &state.config.secure_app_name), ("device", &name)]),
        codes,
        next: "/konto",
    })?;
    Ok(mfa::with_cookies(res, &cookies))
}

/// `POST /konto/secure-app/ablehnen` ("Ablehnen"): the registered device
/// is dropped; the page offers a restart.
pub async fn reject(State(state): State<AppState>, signed: MaySetUpFactor, Form(f): Form<DecisionForm>) -> AppResult<Response> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let device: Option<Option<String>> = sqlx::query_scalar(
        "UPDATE secure_app_linkings SET state = 'rejected'
         WHERE id = $1 AND session_hash = $2 AND state IN ('waiting', 'registered') RETURNING device_id",
    )
    .bind(&f.verknuepfung)
    .bind(&signed.session.id_hash)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(device) = device {
        let mut name: Option<String> = None;
        if let Some(d) = device {
            name = sqlx::query_scalar("DELETE FROM secure_app_devices WHERE id = $1 AND status = 'pending' RETURNING name")
                .bind(&d)
                .fetch_optional(&mut *tx)
                .await?;
        }
        let details = serde_json::json!({"name": name.unwrap_or_default()});
        crate::audit::record(&mut tx, Some(&signed.session.account_id), "secure_app_link_rejected", &signed.ctx.actor, details, now)
            .await?;
    }
    tx.commit().await?;
    Ok(see_other("/konto/secure-app/verknuepfen"))
}

/// "BA-Secure App (Demo Phone)" for mails and the history.
pub fn factor_name(state: &AppState, lang: crate::i18n::Lang, device: &str) -> String {
    lang.t_args("secureapp-factor-name", &[("app", &state.config.secure_app_name), ("device", device)])
}

#[cfg(test)]
mod tests {
    use super::hms;

    #[test]
    fn the_countdown_reads_like_the_seeds() {
        assert_eq!(hms(239), "00:03:59");
        assert_eq!(hms(240), "00:04:00");
        assert_eq!(hms(-3), "00:00:00");
    }
}
