//! The client's pages of "Bescheide und Nachweise": the list, a document
//! with its delivery dates, and the PDF (whose first download is the
//! "Abruf"). All act under [`Handelnd<BescheideSehen>`].

use super::store::{self, Dokument, Sicht};
use super::{Art, datum, zustellung};
use crate::app::AppState;
use crate::portal::handelnd::{BescheideSehen, Handelnd};
use crate::web::seiten::Keyset;
use crate::web::{AppError, AppResult, Page, render, see_other};
use askama::Template;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;

const PAGE_SIZE: i64 = 20;

/// A document as the pages show it.
pub struct Zeile {
    pub d: Dokument,
    pub art: String,
    pub datum: String,
    /// "Neu", "Bekannt gegeben am …", "Per Post versandt am …".
    pub status: String,
    pub neu: bool,
    pub widerspruch_bis: Option<String>,
}

fn iso(s: &str) -> String {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map(datum).unwrap_or_else(|_| s.to_owned())
}

pub fn zeile(lang: crate::i18n::Lang, d: Dokument) -> Zeile {
    let neu = d.online && d.retrieved_at.is_none() && d.posted_at.is_none();
    let status = if let Some(posted) = d.posted_at {
        lang.t_args("bescheide-status-post", &[("datum", &datum(super::tag(posted)))])
    } else if let Some(a) = &d.announced_on {
        lang.t_args("bescheide-status-bekannt", &[("datum", &iso(a))])
    } else {
        lang.t("bescheide-status-neu")
    };
    Zeile { art: lang.t(&d.art.label_key()), datum: iso(&d.datum), widerspruch_bis: d.objection_until.as_deref().map(iso), status, neu, d }
}

#[derive(Template)]
#[template(path = "portal/bescheide/templates/liste.html")]
struct ListPage {
    page: Page,
    rows: Vec<Zeile>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    nach: Option<String>,
}

/// `GET /bescheide[?nach=…]`.
pub async fn liste(State(state): State<AppState>, h: Handelnd<BescheideSehen>, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let lang = h.ctx.lang;
    let after = q.nach.as_deref().and_then(Keyset::parse);
    let seite = store::liste(&state.db.pool, &state.secrets, h.mandat.client_id(), Sicht::Kunde, after.as_ref(), PAGE_SIZE).await?;
    let next = seite.next_href("/bescheide");
    render(&ListPage {
        page: Page::new(&h.ctx, &state, "bescheide-title"),
        rows: seite.items.into_iter().map(|d| zeile(lang, d)).collect(),
        next,
    })
}

#[derive(Template)]
#[template(path = "portal/bescheide/templates/dokument.html")]
struct DocumentPage {
    page: Page,
    z: Zeile,
    stufe: String,
    /// The session's level is too low for this document (MFA-50).
    zu_niedrig: bool,
    ist_bescheid: bool,
}

/// `GET /bescheide/{id}`.
pub async fn dokument(State(state): State<AppState>, h: Handelnd<BescheideSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let d = store::eines(&state.db.pool, &state.secrets, h.mandat.client_id(), Sicht::Kunde, &id).await?.ok_or(AppError::NotFound)?;
    let lang = h.ctx.lang;
    let zu_niedrig = !d.stufe.erlaubt(h.session.level);
    let mut page = Page::new(&h.ctx, &state, "bescheide-title");
    page.title = d.titel.clone();
    render(&DocumentPage { page, stufe: lang.t(&d.stufe.label_key()), ist_bescheid: d.art == Art::Bescheid, zu_niedrig, z: zeile(lang, d) })
}

/// `GET /bescheide/{id}/datei`: the PDF, streamed back decrypted. The
/// first download of a document made available online is its "Abruf". At
/// a level below the document's, nothing is shown or counted: back to the
/// document's page, which explains why.
pub async fn datei(State(state): State<AppState>, h: Handelnd<BescheideSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let d = store::eines(&state.db.pool, &state.secrets, h.mandat.client_id(), Sicht::Kunde, &id).await?.ok_or(AppError::NotFound)?;
    if !d.stufe.erlaubt(h.session.level) {
        return Ok(see_other(&format!("/bescheide/{id}")));
    }
    zustellung::abrufen(&state, &h.mandat, &h.ctx.actor, &d).await?;
    let stream = state.ablage.lesen(&d.object_key, &d.envelope).await.map_err(|e| AppError::Internal(e.into()))?;
    let name = format!("{}-{}.pdf", d.art.as_str(), d.datum);
    Ok((
        [(CONTENT_TYPE, "application/pdf".to_owned()), (CONTENT_DISPOSITION, crate::backoffice::sendungen::content_disposition(&name))],
        Body::from_stream(stream),
    )
        .into_response())
}
