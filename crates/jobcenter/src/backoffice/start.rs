//! `GET /backoffice`: the start page with the navigation by role.

use super::{AnyStaff, Nav, Staff};
use crate::app::AppState;
use crate::web::{AppResult, Page, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "backoffice/templates/start.html")]
struct StartPage {
    page: Page,
    nav: Nav,
    office: String,
    roles: String,
}

/// `GET /backoffice`.
pub async fn start(State(state): State<AppState>, staff: Staff<AnyStaff>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let roles = staff.member.roles.iter().map(|r| lang.t(r.label_key())).collect::<Vec<_>>().join(", ");
    render(&StartPage {
        page: Page::new(ctx, &state, "bo-start-title"),
        nav: Nav::for_member(lang, &staff.member, "/backoffice"),
        office: staff.member.office_name.clone(),
        roles,
    })
}
