//! "Profil bearbeiten" (PRF-6): "Ihre Daten" from the client record
//! (read-only: the jobcenter keeps the record; changes are reported to it)
//! and "Kommunikationsoptionen": "E-Mail-Benachrichtigung",
//! "SMS-Benachrichtigung" (needs a German mobile number, stored in E.164; a
//! confirmation SMS goes out through the SMS queue when it is switched on or
//! the number changes) and the way to "Online-Kommunikation".

use super::ClientProfile;
use super::store::{self, CommunicationOptions, OnlineStatus, Profile};
use crate::app::AppState;
use crate::web::{AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::{Mobilnummer, MobilnummerError};
use serde::Deserialize;

/// The page.
pub const PATH: &str = "/profil/bearbeiten";

#[derive(Template)]
#[template(path = "portal/templates/bearbeiten.html")]
struct EditPage {
    page: Page,
    profile: Profile,
    office_name: String,
    errors: FormErrors,
    email_notify: bool,
    sms_notify: bool,
    /// As typed, or the stored number in national form.
    mobile: String,
    online: OnlineStatus,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

async fn edit_page(
    state: &AppState,
    client: &ClientProfile,
    errors: FormErrors,
    options: CommunicationOptions,
    mobile: String,
    notice: Option<String>,
) -> AppResult<Response> {
    let online = store::online_status(&state.db.pool, &client.mandat()).await?;
    let office_name = store::office(&state.db.pool, &client.profile.office_id).await?.map(|o| o.name).unwrap_or_default();
    let page = EditPage {
        page: Page::new(&client.ctx, state, "portal-edit-title"),
        profile: client.profile.clone(),
        office_name,
        errors,
        email_notify: options.email_notify,
        sms_notify: options.sms_notify,
        mobile,
        online,
        notice,
    };
    if page.errors.is_empty() { render(&page) } else { render_status(page.errors.status(), &page) }
}

/// `GET /profil/bearbeiten`.
pub async fn form(State(state): State<AppState>, client: ClientProfile, Query(q): Query<NoticeQuery>) -> AppResult<Response> {
    let options = store::communication_options(&state.db.pool, &client.mandat()).await?;
    let mobile = options.mobile_number.as_deref().and_then(|n| Mobilnummer::parse(n).ok()).map(|m| m.display()).unwrap_or_default();
    let notice = (q.hinweis.as_deref() == Some("gespeichert")).then(|| client.ctx.lang.t("portal-edit-saved"));
    edit_page(&state, &client, FormErrors::default(), options, mobile, notice).await
}

#[derive(Deserialize)]
pub struct OptionsForm {
    email_benachrichtigung: Option<String>,
    sms_benachrichtigung: Option<String>,
    #[serde(default)]
    mobilnummer: String,
}

fn ticked(v: Option<&str>) -> bool {
    v.is_some_and(|v| !v.is_empty())
}

/// `POST /profil/bearbeiten`: saves the communication options.
pub async fn submit(State(state): State<AppState>, client: ClientProfile, Form(f): Form<OptionsForm>) -> AppResult<Response> {
    let lang = client.ctx.lang;
    let email_notify = ticked(f.email_benachrichtigung.as_deref());
    let sms_notify = ticked(f.sms_benachrichtigung.as_deref());
    let typed: String = f.mobilnummer.chars().take(40).collect();
    let mut errors = FormErrors::default();
    let mobile = match Mobilnummer::parse(&typed) {
        Ok(m) => Some(m),
        Err(MobilnummerError::Empty) => {
            if sms_notify {
                errors.add("mobilnummer", lang.t("portal-edit-error-mobile-missing"));
            }
            None
        }
        Err(MobilnummerError::Format) => {
            errors.add("mobilnummer", lang.t("portal-edit-error-mobile-format"));
            None
        }
    };
    let wanted = CommunicationOptions { email_notify, sms_notify, mobile_number: mobile.as_ref().map(|m| m.e164().to_owned()) };
    if !errors.is_empty() {
        return edit_page(&state, &client, errors, wanted, typed, None).await;
    }
    let now = state.now();
    let account = crate::konto::session_account(&state, &client.session).await?;
    let mut tx = state.db.begin().await?;
    let before = store::communication_options(&mut *tx, &client.mandat()).await?;
    if before != wanted {
        store::save_communication_options(&mut tx, &client.mandat(), &wanted, now).await?;
        let details = serde_json::json!({"email_notify": email_notify, "sms_notify": sms_notify});
        let ereignis = crate::journal::Ereignis::KommunikationsoptionenGeaendert;
        crate::journal::record(&mut tx, &client.mandat(), ereignis, details, &client.ctx.actor, now).await?;
        let newly_on = sms_notify && (!before.sms_notify || before.mobile_number != wanted.mobile_number);
        if let (true, Some(number)) = (newly_on, &wanted.mobile_number) {
            let text = crate::konto::account_lang(&account.lang).t("portal-sms-confirm");
            crate::sms::enqueue(&mut tx, &state.secrets, number, &text, now).await?;
        }
    }
    tx.commit().await?;
    state.sms_wake.notify_one();
    Ok(see_other(&format!("{PATH}?hinweis=gespeichert")))
}
