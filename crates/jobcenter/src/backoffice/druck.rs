//! The print queue (OKO-3, ADM-4): letters for clients without
//! Online-Kommunikation, to be printed and posted; staff mark them printed.

use super::store::{self, PrintItem};
use super::{Nav, Service, Staff};
use crate::app::AppState;
use crate::web::{AppError, AppResult, Page, render, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

#[derive(Template)]
#[template(path = "backoffice/templates/druck.html")]
struct QueuePage {
    page: Page,
    nav: Nav,
    items: Vec<PrintItem>,
}

/// `GET /backoffice/druck`: open letters of the member's office.
pub async fn list(State(state): State<AppState>, staff: Staff<Service>) -> AppResult<Response> {
    let ctx = staff.ctx();
    render(&QueuePage {
        page: Page::new(ctx, &state, "bo-print-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, "/backoffice/druck"),
        items: store::open_prints(&state.db.pool, &staff.member.office_id).await?,
    })
}

/// `POST /backoffice/druck/{id}/gedruckt`: marks a letter printed (logged
/// as an access to the client's record, purpose "post").
pub async fn mark_printed(State(state): State<AppState>, staff: Staff<Service>, Path(id): Path<String>) -> AppResult<Response> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let Some(client_id) = store::mark_printed(&mut tx, &id, &staff.member.office_id, staff.account_id(), now).await? else {
        return Err(AppError::NotFound);
    };
    store::log_access(&mut *tx, &client_id, staff.account_id(), "druck", "schriftlich", now).await?;
    tx.commit().await?;
    Ok(see_other("/backoffice/druck"))
}
