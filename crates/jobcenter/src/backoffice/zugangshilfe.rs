//! Access help (MFA-70, ADM-3): a client who lost access comes with an ID
//! card; a Service employee confirms the ID check, then resets the
//! account's second factors or issues "Einmal-Zugangsdaten" (a one-time
//! password that opens one login, which must set up a new factor). Each
//! action is in the account's audit chain, the profile history and the
//! access log, and the client gets a security mail.

use super::akte::Akte;
use super::store::{self, Client};
use super::{Nav, Service};
use crate::app::AppState;
use crate::konto::einmal_zugang;
use crate::web::{AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "backoffice/templates/zugangshilfe.html")]
struct HelpPage {
    page: Page,
    nav: Nav,
    client: Client,
    purpose: &'static str,
    account_email: Option<String>,
    errors: FormErrors,
    massnahme: String,
}

#[derive(Template)]
#[template(path = "backoffice/templates/einmal_zugang.html")]
struct OneTimePage {
    page: Page,
    nav: Nav,
    client: Client,
    purpose: &'static str,
    email: String,
    password: String,
    valid_until: String,
}

/// `GET /backoffice/kunden/{id}/zugangshilfe?zweck=…`.
pub async fn form(State(state): State<AppState>, akte: Akte<Service>) -> AppResult<Response> {
    let (staff, purpose) = (&akte.staff, akte.zweck);
    let ctx = staff.ctx();
    let client = akte.client.clone();
    let account = store::linked_account(&state.db.pool, &client.id).await?;
    render(&HelpPage {
        page: Page::new(ctx, &state, "bo-help-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, ""),
        client,
        purpose,
        account_email: account.map(|a| a.email),
        errors: FormErrors::default(),
        massnahme: "faktoren".into(),
    })
}

#[derive(Deserialize)]
pub struct HelpForm {
    ausweis_geprueft: Option<String>,
    massnahme: Option<String>,
}

/// `POST /backoffice/kunden/{id}/zugangshilfe`.
pub async fn submit(State(state): State<AppState>, akte: Akte<Service>, Form(f): Form<HelpForm>) -> AppResult<Response> {
    let (staff, purpose) = (&akte.staff, akte.zweck);
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let client = akte.client.clone();
    let account = store::linked_account(&state.db.pool, &client.id).await?;
    let one_time = match f.massnahme.as_deref() {
        Some("einmal") => Some(true),
        Some("faktoren") => Some(false),
        _ => None,
    };
    let mut errors = FormErrors::default();
    if f.ausweis_geprueft.is_none() {
        errors.add("ausweis_geprueft", lang.t("bo-help-error-id"));
    }
    if one_time.is_none() {
        errors.add("massnahme-faktoren", lang.t("bo-help-error-action"));
    }
    let (Some(account), Some(one_time), true) = (account.clone(), one_time, errors.is_empty()) else {
        let status = if account.is_none() { axum::http::StatusCode::CONFLICT } else { errors.status() };
        return render_status(
            status,
            &HelpPage {
                page: Page::new(ctx, &state, "bo-help-title"),
                nav: Nav::for_member(lang, &staff.member, ""),
                client,
                purpose,
                account_email: account.map(|a| a.email),
                errors,
                massnahme: f.massnahme.unwrap_or_default(),
            },
        );
    };

    let now = state.now();
    let password = if one_time { Some(einmal_zugang::generate()) } else { None };
    let password_hash = match &password {
        Some(p) => Some(state.hasher.hash(p).await?),
        None => None,
    };
    let action = if one_time { "one_time_access" } else { "factors_reset" };
    let details = serde_json::json!({
        "action": action,
        "staff": staff.account_id(),
        "office": staff.member.office_name,
        "id_checked": true,
    });
    let mut tx = state.db.begin().await?;
    let removed = einmal_zugang::reset_factors(&mut tx, &account.id).await?;
    if let Some(hash) = &password_hash {
        einmal_zugang::issue(&mut tx, &account.id, hash, staff.account_id(), now).await?;
    }
    crate::audit::record(&mut tx, Some(&account.id), &format!("access_help_{action}"), &ctx.actor, details.clone(), now).await?;
    let ereignis = if one_time {
        crate::journal::Ereignis::ZugangshilfeEinmalZugang
    } else {
        crate::journal::Ereignis::ZugangshilfeFaktorenZurueckgesetzt
    };
    let journal_details = serde_json::json!({"action": action, "factors_removed": removed});
    crate::journal::record(&mut tx, &akte, ereignis, journal_details, &ctx.actor, now).await?;
    // Clients without Online-Kommunikation also get the notice on paper (OKO-3).
    store::queue_letter(&mut tx, &client.id, "access_help", "Mitteilung über Zugangshilfe", now).await?;
    let account_lang = crate::konto::account_lang(&account.lang);
    let when = crate::web::page::format_datetime(now);
    let login = crate::konto::link(&state, "/anmelden");
    let kind = if one_time { "access-help-one-time" } else { "access-help-reset" };
    crate::konto::queue_mail(
        &state,
        &mut tx,
        account_lang,
        kind,
        &account.email,
        &[("when", &when), ("office", &staff.member.office_name), ("login", &login)],
    )
    .await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(client = %client.id, staff = %staff.account_id(), action, "access help given");

    match password {
        None => Ok(see_other(&format!("/backoffice/kunden/{}?zweck={purpose}&hinweis=zugangshilfe", client.id))),
        Some(password) => render(&OneTimePage {
            page: Page::new(ctx, &state, "bo-onetime-title"),
            nav: Nav::for_member(lang, &staff.member, ""),
            client,
            purpose,
            email: account.email,
            password,
            valid_until: crate::web::page::format_datetime(now + einmal_zugang::VALIDITY_SECS),
        }),
    }
}
