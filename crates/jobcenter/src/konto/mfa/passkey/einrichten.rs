//! "Passkey einrichten" (MFA-20 … MFA-22): the name form, the ceremony on
//! the device, and the result. Allowed for a complete login and at the gate
//! (an account without any factor); at the gate the first passkey completes
//! the login, and the account's first factor comes with its recovery codes.

use super::zeremonie::{self, Kind, Problem};
use super::{MAX_PASSKEYS, check_name, default_name, factor_name, speicher};
use crate::app::AppState;
use crate::konto::mfa::{self, Method, ways_in};
use crate::web::ctx::MaySetUpFactor;
use crate::web::session::Stage;
use crate::web::{AppResult, FormErrors, Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential};
use webauthn_rs_proto::{ResidentKeyRequirement, UserVerificationPolicy};

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_einrichten.html")]
struct NamePage {
    page: Page,
    errors: FormErrors,
    name: String,
    /// Where "Abbrechen" leads.
    cancel: &'static str,
    /// The account has 10 passkeys already (MFA-21).
    full: bool,
    /// Why the last attempt failed (an expired ceremony, say).
    problem: Option<String>,
}

fn cancel_target(signed: &MaySetUpFactor) -> &'static str {
    if signed.session.stage == Stage::Setup { "/sicherheitshinweis" } else { "/konto" }
}

fn name_page(
    state: &AppState,
    signed: &MaySetUpFactor,
    name: String,
    errors: FormErrors,
    full: bool,
    problem: Option<String>,
) -> AppResult<Response> {
    let failed = !errors.is_empty() || problem.is_some() || full;
    let p =
        NamePage { page: Page::new(&signed.ctx, state, "passkey-setup-title"), errors, name, cancel: cancel_target(signed), full, problem };
    if failed { render_status(StatusCode::UNPROCESSABLE_ENTITY, &p) } else { render(&p) }
}

/// `GET /konto/passkeys/neu`: the name form with a default name.
pub async fn form(State(state): State<AppState>, signed: MaySetUpFactor) -> AppResult<Response> {
    let count = speicher::list(&state.db.pool, &signed.session.account_id).await?.len() as i64;
    let name = default_name(state.now()).to_string();
    let p = NamePage {
        page: Page::new(&signed.ctx, &state, "passkey-setup-title"),
        errors: FormErrors::default(),
        name,
        cancel: cancel_target(&signed),
        full: count >= MAX_PASSKEYS,
        problem: None,
    };
    render(&p)
}

#[derive(Deserialize)]
pub struct NameForm {
    name: String,
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_erstellen.html")]
struct DevicePage {
    page: Page,
    name: String,
    ceremony: String,
    /// The creation options (JSON) for `navigator.credentials.create`.
    options: String,
    cancel: &'static str,
}

/// `POST /konto/passkeys/neu`: checks the name and the limit, then starts
/// the ceremony and shows the page that runs it on the device.
pub async fn start(State(state): State<AppState>, signed: MaySetUpFactor, Form(f): Form<NameForm>) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let items = speicher::list(&state.db.pool, &account.id).await?;
    if items.len() as i64 >= MAX_PASSKEYS {
        return name_page(&state, &signed, f.name, FormErrors::default(), true, None);
    }
    let name = match check_name(lang, &f.name, &items) {
        Ok(n) => n,
        Err(message) => {
            let mut errors = FormErrors::default();
            errors.add("name", message);
            return name_page(&state, &signed, f.name, errors, false, None);
        }
    };
    let handle = speicher::user_handle(&state.db.writer, &account.id).await?;
    let exclude = speicher::credentials(&state.db.pool, &account.id).await?.into_iter().map(|s| s.passkey.cred_id().clone()).collect();
    let (mut options, registration) = state
        .webauthn
        .start_passkey_registration(handle, &account.email, &account.email, Some(exclude))
        .map_err(|e| anyhow::anyhow!("starting a passkey registration: {e:?}"))?;
    // webauthn-rs asks for `residentKey: discouraged`; "Mit Passkey
    // anmelden" needs a discoverable credential, and the passkey must verify
    // its user (MFA-20, DESIGN.md).
    let selection = options.public_key.authenticator_selection.get_or_insert_with(Default::default);
    selection.resident_key = Some(ResidentKeyRequirement::Required);
    selection.require_resident_key = true;
    selection.user_verification = UserVerificationPolicy::Required;
    let data = serde_json::json!({"name": name.as_str(), "session": signed.session.id_hash});
    let ceremony = zeremonie::start(&state, Kind::Register, Some(&account.id), &registration, data)?;
    render(&DevicePage {
        page: Page::new(&signed.ctx, &state, "passkey-device-title"),
        name: name.to_string(),
        ceremony,
        options: serde_json::to_string(&options).map_err(anyhow::Error::from)?,
        cancel: cancel_target(&signed),
    })
}

#[derive(Deserialize)]
pub struct FinishForm {
    #[serde(default)]
    zeremonie: String,
    #[serde(default)]
    antwort: String,
}

#[derive(Template)]
#[template(path = "konto/mfa/templates/passkey_erfolg.html")]
struct SuccessPage {
    page: Page,
    /// The account's first passkey: offer to remove the password (MFA-22).
    first: bool,
    has_password: bool,
    has_totp: bool,
    /// Recovery codes of the account's first factor, shown once.
    codes: Vec<String>,
}

/// `POST /konto/passkeys/neu/abschliessen`: the answer of the device,
/// posted by `passkey.js`. Verifies it, stores the passkey (at most 10, no
/// credential twice), audits, mails, and at the gate completes the login.
pub async fn finish(
    State(state): State<AppState>,
    signed: MaySetUpFactor,
    headers: HeaderMap,
    Form(f): Form<FinishForm>,
) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let account = crate::konto::session_account(&state, &signed.session).await?;
    let retry =
        |key: &str| name_page(&state, &signed, default_name(state.now()).to_string(), FormErrors::default(), false, Some(lang.t(key)));
    let taken = match zeremonie::take(&state, &state.db.writer, &f.zeremonie, Kind::Register).await? {
        Ok(t) => t,
        Err(Problem::Expired) => return retry("passkey-error-ceremony-expired"),
        Err(Problem::Unknown) => return retry("passkey-error-ceremony-unknown"),
    };
    if taken.account_id.as_deref() != Some(account.id.as_str()) || taken.data["session"].as_str() != Some(signed.session.id_hash.as_str()) {
        return retry("passkey-error-ceremony-unknown");
    }
    let name = taken.data["name"].as_str().unwrap_or_default().to_owned();
    let Ok(answer) = serde_json::from_str::<RegisterPublicKeyCredential>(&f.antwort) else {
        return retry("passkey-error-verification");
    };
    let registration: PasskeyRegistration = serde_json::from_str(&taken.state_json).map_err(anyhow::Error::from)?;
    let passkey = match state.webauthn.finish_passkey_registration(&answer, &registration) {
        Ok(p) => p,
        Err(e) => {
            tracing::info!(error = ?e, "passkey registration refused");
            return retry("passkey-error-verification");
        }
    };
    // The browser says whether the credential is discoverable (unsigned,
    // but a "no" means "Mit Passkey anmelden" would not find it).
    if answer.extensions.cred_props.as_ref().and_then(|c| c.rk) == Some(false) {
        return retry("passkey-error-not-discoverable");
    }

    let before = ways_in(&state.db.pool, &account.id).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let ways = mfa::lock_account(&mut tx, &account.id).await?;
    if ways.passkeys >= MAX_PASSKEYS {
        tx.rollback().await?;
        return name_page(&state, &signed, name, FormErrors::default(), true, None);
    }
    let same_name: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE account_id = $1 AND lower(name) = lower($2)")
        .bind(&account.id)
        .bind(&name)
        .fetch_one(&mut *tx)
        .await?;
    if same_name > 0 {
        tx.rollback().await?;
        let mut errors = FormErrors::default();
        errors.add("name", lang.t("passkey-error-name-taken"));
        return name_page(&state, &signed, name, errors, false, None);
    }
    let id = crate::db::new_id();
    let inserted: Option<String> = sqlx::query_scalar(
        "INSERT INTO passkeys (id, account_id, credential_id, name, passkey_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (credential_id) DO NOTHING RETURNING id",
    )
    .bind(&id)
    .bind(&account.id)
    .bind(speicher::credential_key(passkey.cred_id().as_ref()))
    .bind(&name)
    .bind(serde_json::to_string(&passkey).map_err(anyhow::Error::from)?)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    if inserted.is_none() {
        tx.rollback().await?;
        return retry("passkey-error-already-registered");
    }
    crate::audit::record(&mut tx, Some(&account.id), "passkey_added", &signed.ctx.actor, serde_json::json!({"name": name}), now).await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    mfa::factor_mail(&state, &mut tx, &account, "factor-added", &factor_name(mail_lang, &name)).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();

    let cookies = if signed.session.stage == Stage::Setup {
        mfa::complete_login(
            &state,
            &signed.ctx.actor,
            Some(&signed.session),
            &account,
            Method::NewFactor,
            mfa::browser_id(&headers).as_deref(),
        )
        .await?
    } else {
        Vec::new()
    };
    let codes = if !before.has_second_factor() && before.recovery_codes_left == 0 {
        mfa::wiederherstellungscodes::generate(&state, &account, &signed.ctx.actor)
            .await?
            .iter()
            .map(domain::RecoveryCode::display)
            .collect()
    } else {
        Vec::new()
    };
    let mut res = render(&SuccessPage {
        page: Page::new(&signed.ctx, &state, "passkey-success-title"),
        first: before.passkeys == 0,
        has_password: account.password_hash.is_some(),
        has_totp: before.totp,
        codes,
    })?;
    for c in &cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(res)
}
