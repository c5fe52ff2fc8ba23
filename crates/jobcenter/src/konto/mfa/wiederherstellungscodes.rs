//! Recovery codes: ten single-use codes shown once after the first factor,
//! usable instead of a second factor, regenerable; each use is mailed.

use super::{Method, complete_login, landing, see_other_with_cookies};
use crate::app::AppState;
use crate::audit::Actor;
use crate::konto::store::Account;
use crate::ratelimit::{self, Limit};
use crate::web::ctx::AnySession;
use crate::web::session::Stage;
use crate::web::{AppResult, FormErrors, Page, SignedIn, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::RecoveryCode;
use serde::Deserialize;

/// Codes per set.
pub const COUNT: usize = 10;

/// Replaces the account's codes with a new set; returns them for showing
/// once (only their hashes are stored).
pub async fn generate(state: &AppState, account: &Account, actor: &Actor) -> AppResult<Vec<RecoveryCode>> {
    let now = state.now();
    let codes: Vec<RecoveryCode> = (0..COUNT).map(|_| RecoveryCode::generate(|| crate::crypto::random_bytes::<1>()[0])).collect();
    let mut tx = state.db.begin().await?;
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1").bind(&account.id).execute(&mut *tx).await?;
    for c in &codes {
        sqlx::query("INSERT INTO recovery_codes (id, account_id, code_hash, created_at) VALUES ($1, $2, $3, $4)")
            .bind(crate::db::new_id())
            .bind(&account.id)
            .bind(code_hash(&account.id, c))
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    crate::audit::record(&mut tx, Some(&account.id), "recovery_codes_generated", actor, serde_json::json!({}), now).await?;
    tx.commit().await?;
    Ok(codes)
}

/// The stored hash of a code: bound to the account, so equal codes of two
/// accounts differ.
fn code_hash(account_id: &str, code: &RecoveryCode) -> String {
    crate::crypto::token_hash(&format!("{account_id}:{}", code.canonical()))
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/wiederherstellungscodes.html")]
struct CodesPage {
    page: Page,
    codes: Vec<String>,
    first: bool,
}

/// Renders the codes (once).
pub fn show(page: Page, codes: Vec<RecoveryCode>, first: bool) -> AppResult<Response> {
    render(&CodesPage { page, codes: codes.iter().map(RecoveryCode::display).collect(), first })
}

/// `POST /konto/wiederherstellungscodes`: a new set (the old one is void).
pub async fn regenerate(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let codes = generate(&state, &account, &signed.ctx.actor).await?;
    show(Page::new(&signed.ctx, &state, "recovery-title"), codes, false)
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/wiederherstellungscode_eingeben.html")]
struct EnterPage {
    page: Page,
    errors: FormErrors,
    weiter: String,
}

#[derive(Deserialize)]
pub struct EnterQuery {
    weiter: Option<String>,
}

fn second_factor_only(signed: &AnySession) -> Option<Response> {
    (signed.session.stage != Stage::SecondFactor).then(|| see_other("/konto"))
}

/// `GET /anmelden/wiederherstellungscode`.
pub async fn enter_form(
    State(state): State<AppState>,
    signed: AnySession,
    axum::extract::Query(q): axum::extract::Query<EnterQuery>,
) -> AppResult<Response> {
    if let Some(r) = second_factor_only(&signed) {
        return Ok(r);
    }
    render(&EnterPage {
        page: Page::new(&signed.ctx, &state, "recovery-enter-title"),
        errors: FormErrors::default(),
        weiter: q.weiter.unwrap_or_default(),
    })
}

#[derive(Deserialize)]
pub struct EnterForm {
    code: String,
    weiter: Option<String>,
}

/// `POST /anmelden/wiederherstellungscode`: a code instead of the second
/// factor; limited like every secret-guessing endpoint, mailed when used.
pub async fn enter(State(state): State<AppState>, signed: AnySession, headers: HeaderMap, Form(f): Form<EnterForm>) -> AppResult<Response> {
    if let Some(r) = second_factor_only(&signed) {
        return Ok(r);
    }
    let lang = signed.ctx.lang;
    let weiter = f.weiter.clone().unwrap_or_default();
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let now = state.now();
    let limit = Limit::per_minutes(state.config.rate_limits.login_per_account, 15);
    let key = format!("recovery:{}", account.id);
    let mut errors = FormErrors::default();
    let used = if !ratelimit::hit(&state.db.writer, &key, limit, now).await? {
        errors.add_rate_limited("code", lang.t("login-error-rate-limited"));
        false
    } else if let Some(code) = RecoveryCode::parse(&f.code) {
        let mut tx = state.db.begin().await?;
        let n = sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL")
            .bind(now)
            .bind(&account.id)
            .bind(code_hash(&account.id, &code))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let kind = if n == 1 { "recovery_code_used" } else { "recovery_code_failed" };
        crate::audit::record(&mut tx, Some(&account.id), kind, &signed.ctx.actor, serde_json::json!({}), now).await?;
        if n == 1 {
            let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL")
                .bind(&account.id)
                .fetch_one(&mut *tx)
                .await?;
            let mlang = crate::konto::account_lang(&account.lang);
            let when = crate::web::page::format_datetime(now);
            let settings = crate::konto::link(&state, "/konto");
            crate::konto::queue_mail(
                &state,
                &mut tx,
                mlang,
                "recovery-used",
                &account.email,
                &[("when", &when), ("left", &left.to_string()), ("settings", &settings)],
            )
            .await?;
        }
        tx.commit().await?;
        state.outbox_wake.notify_one();
        if n != 1 {
            errors.add("code", lang.t("recovery-error-wrong"));
        }
        n == 1
    } else {
        errors.add("code", lang.t("recovery-error-format"));
        false
    };
    if !used {
        return render_status(errors.status(), &EnterPage { page: Page::new(&signed.ctx, &state, "recovery-enter-title"), errors, weiter });
    }
    ratelimit::reset(&state.db.writer, &key).await?;
    let cookies = complete_login(
        &state,
        &signed.ctx.actor,
        Some(&signed.session),
        &account,
        Method::RecoveryCode,
        super::browser_id(&headers).as_deref(),
    )
    .await?;
    Ok(see_other_with_cookies(&landing(&state, &account, &weiter).await?, &cookies))
}
