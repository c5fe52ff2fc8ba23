//! Online-Kommunikation (OKO-1 … OKO-3): the consent page with the three
//! statements of seed 001 and "Status der Online-Kommunikation" as a switch
//! (a checkbox with the switch role inside a form: works without
//! JavaScript). Switching on needs a confirmed e-mail address and a second
//! factor (the session is "substantiell": `ClientProfile` is built on
//! `SignedIn`). Every change appends a row to `online_consents` with the
//! text version and time — rows are never updated — plus a history event and
//! an audit event. Revoking is always possible.

use super::ClientProfile;
use super::store::{self, OnlineStatus};
use crate::app::AppState;
use crate::journal::{self, Ereignis};
use crate::web::{AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

/// Version of the consent text shown (seed 001, "Stand: 06/2026"); stored
/// with every consent so that it is clear what was agreed to.
pub const TEXT_VERSION: &str = "oko-2026-06";

/// The page.
pub const PATH: &str = "/profil/online-kommunikation";

#[derive(Template)]
#[template(path = "portal/templates/online_kommunikation.html")]
struct ConsentPage {
    page: Page,
    errors: FormErrors,
    online: OnlineStatus,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

/// `GET /profil/online-kommunikation`.
pub async fn form(State(state): State<AppState>, client: ClientProfile, Query(q): Query<NoticeQuery>) -> AppResult<Response> {
    let lang = client.ctx.lang;
    let mandat = client.mandat();
    let online = store::online_status(&state.db.pool, &mandat).await?;
    let notice = match q.hinweis.as_deref() {
        Some("an") if online.active => Some(lang.t("portal-oko-now-on")),
        Some("aus") if !online.active => Some(lang.t("portal-oko-now-off")),
        _ => None,
    };
    render(&ConsentPage { page: Page::new(&client.ctx, &state, "portal-oko-title"), errors: FormErrors::default(), online, notice })
}

#[derive(Deserialize)]
pub struct StatusForm {
    /// Present ("an") when the switch is on.
    status: Option<String>,
}

/// `POST /profil/online-kommunikation`: sets the status to the switch's
/// position; no row is written when nothing changes.
pub async fn submit(State(state): State<AppState>, client: ClientProfile, Form(f): Form<StatusForm>) -> AppResult<Response> {
    let lang = client.ctx.lang;
    let want = f.status.as_deref() == Some("an");
    let mandat = client.mandat();
    let now = state.now();
    let account = crate::konto::session_account(&state, &client.session).await?;
    if want && account.email_confirmed_at.is_none() {
        let online = store::online_status(&state.db.pool, &mandat).await?;
        let mut errors = FormErrors::default();
        errors.add("status", lang.t("portal-oko-error-unconfirmed"));
        let page = ConsentPage { page: Page::new(&client.ctx, &state, "portal-oko-title"), errors, online, notice: None };
        return render_status(page.errors.status(), &page);
    }
    let mut tx = state.db.begin().await?;
    let current = store::online_status(&mut *tx, &mandat).await?;
    if current.active != want {
        let (action, event) =
            if want { ("granted", Ereignis::OnlineEinwilligungErteilt) } else { ("revoked", Ereignis::OnlineEinwilligungWiderrufen) };
        store::append_consent(&mut tx, &mandat, action, TEXT_VERSION, now).await?;
        let details = serde_json::json!({"text_version": TEXT_VERSION});
        journal::record(&mut tx, &mandat, event, details, &client.ctx.actor, now).await?;
    }
    tx.commit().await?;
    Ok(see_other(&format!("{PATH}?hinweis={}", if want { "an" } else { "aus" })))
}
