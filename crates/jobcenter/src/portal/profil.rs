//! The profile start page (POR-1): name, "Kundennummer", "Profil
//! bearbeiten", "Profil wechseln", "Verlauf", "Kontakt und Kommunikation"
//! (only what works today: Online-Kommunikation, the communication options
//! and the client's office; mailboxes, documents and appointments come with
//! their features) and "Ihr Kontakt" (the pAp), plus the banner asking for
//! Online-Kommunikation while there is no consent (OKO-1).

use super::handelnd::{AktivesProfil, Recht};
use super::store::{self, Contact, Office, OnlineStatus, Profile};
use crate::app::AppState;
use crate::web::{AppResult, Page, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;

#[derive(Template)]
#[template(path = "portal/templates/profil.html")]
struct StartPage {
    page: Page,
    profile: Profile,
    online: OnlineStatus,
    office: Option<Office>,
    contact: Option<Contact>,
    /// "Datei hochladen" is offered (the client, or a representative with the right).
    may_upload: bool,
    /// The mailboxes with their unread counts (POR-2), if the client (or a
    /// representative with the right) may write to the jobcenter.
    postfaecher: Vec<(&'static str, String, i64)>,
    /// "Bescheide und Nachweise" with the number of new documents, if the
    /// right to see them is held.
    bescheide: Option<i64>,
    /// "Ihre Vorgänge" (APP-1), if the right to see applications is held.
    antraege: bool,
    /// "Termine" (POR-5): the client's own profile only.
    termine: bool,
}

/// `GET /profil`.
pub async fn start(State(state): State<AppState>, client: AktivesProfil) -> AppResult<Response> {
    let pool = &state.db.pool;
    let online = store::online_status(pool, &client.mandat).await?;
    let office = store::office(pool, &client.profile.office_id).await?;
    let contact = store::contact(pool, client.profile.pap_staff_id.as_deref()).await?;
    let may_upload = client.mandat.darf(Recht::DokumenteHochladen);
    let antraege = client.mandat.darf(Recht::AntraegeEinsehen);
    let bescheide = if client.mandat.darf(Recht::BescheideEinsehen) {
        Some(crate::portal::bescheide::store::neue(pool, client.mandat.client_id()).await?)
    } else {
        None
    };
    let postfaecher = if client.mandat.darf(Recht::NachrichtenSchreiben) {
        let lang = client.ctx.lang;
        let ungelesen = crate::portal::postfach::store::ungelesen(pool, client.mandat.client_id()).await?;
        ungelesen.into_iter().map(|(p, n)| (p.as_str(), lang.t(&p.label_key()), n)).collect()
    } else {
        Vec::new()
    };
    render(&StartPage {
        page: Page::new(&client.ctx, &state, "portal-profile-title"),
        profile: client.profile,
        online,
        office,
        contact,
        may_upload,
        postfaecher,
        bescheide,
        antraege,
        termine: *client.mandat.beziehung() == crate::portal::handelnd::Beziehung::Selbst,
    })
}
