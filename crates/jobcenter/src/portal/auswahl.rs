//! "Profil auswählen" (PRF-1) after login, "Profile verwalten" with the
//! "Standardprofil" and "+ Profil hinzufügen" (PRF-5), and switching the
//! profile a session acts for. A profile id from a form is used only after
//! it was checked to belong to the signed-in account.

use super::store::{self, Profile};
use crate::app::AppState;
use crate::web::session;
use crate::web::{AppError, AppResult, Page, SignedIn, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "portal/templates/profil_auswaehlen.html")]
struct SelectPage {
    page: Page,
    profiles: Vec<Profile>,
    current: Option<String>,
}

/// `GET /profil-auswaehlen`.
pub async fn select(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let profiles = store::profiles_of(&state.db.pool, &signed.session.account_id, state.now()).await?;
    render(&SelectPage {
        page: Page::new(&signed.ctx, &state, "portal-select-title"),
        profiles,
        current: signed.session.profile_id.clone(),
    })
}

/// `POST /profil-auswaehlen/ohne-profil` ("Weiter als Privatperson ohne
/// Profil"): the session acts for no profile; on to the public pages.
pub async fn without_profile(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    session::set_profile(&state.db.writer, &signed.session.id_hash, None).await?;
    Ok(see_other("/"))
}

#[derive(Deserialize)]
pub struct ProfileForm {
    profil: String,
}

/// `POST /profile/wechseln` ("Profil wechseln"): only to one of the
/// account's own profiles; any other id is "not found".
pub async fn switch(State(state): State<AppState>, signed: SignedIn, Form(f): Form<ProfileForm>) -> AppResult<Response> {
    let now = state.now();
    let Some(profile) = store::own_profile(&state.db.pool, &signed.session.account_id, &f.profil, now).await? else {
        return Err(AppError::NotFound);
    };
    let mut tx = state.db.begin().await?;
    session::set_profile(&mut *tx, &signed.session.id_hash, Some(&profile.id)).await?;
    crate::audit::record(
        &mut tx,
        Some(&signed.session.account_id),
        "profile_switched",
        &signed.ctx.actor,
        serde_json::json!({"profile": profile.id}),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other(super::START_PATH))
}

#[derive(Template)]
#[template(path = "portal/templates/profile.html")]
struct ManagePage {
    page: Page,
    profiles: Vec<Profile>,
    current: Option<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct ManageQuery {
    hinweis: Option<String>,
}

/// `GET /profile` ("Profile verwalten").
pub async fn manage(
    State(state): State<AppState>,
    signed: SignedIn,
    axum::extract::Query(q): axum::extract::Query<ManageQuery>,
) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let profiles = store::profiles_of(&state.db.pool, &signed.session.account_id, state.now()).await?;
    let notice = (q.hinweis.as_deref() == Some("standard")).then(|| lang.t("portal-profiles-default-set"));
    render(&ManagePage {
        page: Page::new(&signed.ctx, &state, "portal-profiles-title"),
        profiles,
        current: signed.session.profile_id.clone(),
        notice,
    })
}

/// `POST /profile/standard`: makes one of the account's profiles the
/// "Standardprofil" opened after login.
pub async fn set_default(State(state): State<AppState>, signed: SignedIn, Form(f): Form<ProfileForm>) -> AppResult<Response> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !store::set_default(&mut tx, &signed.session.account_id, &f.profil, now).await? {
        return Err(AppError::NotFound);
    }
    crate::audit::record(
        &mut tx,
        Some(&signed.session.account_id),
        "profile_default_set",
        &signed.ctx.actor,
        serde_json::json!({"profile": f.profil}),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other("/profile?hinweis=standard"))
}
