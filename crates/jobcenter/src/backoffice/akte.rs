//! Record access (ADM-5, DESIGN.md section 6): the one way a back-office
//! handler gets a client record. [`Akte<R>`] checks the role (`Staff<R>`),
//! the office scope (a record of another office is "not found"), requires a
//! purpose chosen by the member (`?zweck=` — also on the action URL of a
//! POST form, never filled in by the server), and writes the access-log row
//! before the handler runs. So no handler can show or change a record
//! without a logged purpose: it would not compile without this extractor.

use super::kunden::{ask_purpose, purpose};
use super::store::{self, Client};
use super::{Role, Staff};
use crate::app::AppState;
use crate::journal::{Akteur, Bezug};
use crate::web::AppError;
use axum::extract::{FromRequestParts, MatchedPath, RawPathParams};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

/// What the access log says was seen, by route (`record_access_log.what`).
/// A route under `/backoffice/kunden/{id}` not listed here logs "akte".
pub const WAS: &[(&str, &str)] = &[
    ("/backoffice/kunden/{id}", "akte"),
    ("/backoffice/kunden/{id}/freischaltcode", "freischaltcode"),
    ("/backoffice/kunden/{id}/freischaltcode/brief", "brief"),
    ("/backoffice/kunden/{id}/zugangshilfe", "zugangshilfe"),
    ("/backoffice/kunden/{id}/zugriffe", "zugriffsprotokoll"),
    ("/backoffice/kunden/{id}/sendungen/{sendung}", "sendung"),
    ("/backoffice/kunden/{id}/sendungen/{sendung}/dateien/{datei}", "datei"),
    ("/backoffice/kunden/{id}/nachrichten/{faden}", "nachricht"),
    ("/backoffice/kunden/{id}/nachrichten/{faden}/anhaenge/{anhang}", "anhang"),
    ("/backoffice/kunden/{id}/bescheide", "bescheide"),
    ("/backoffice/kunden/{id}/antraege/{antrag}", "antrag"),
    ("/backoffice/kunden/{id}/termine", "termine"),
    ("/backoffice/kunden/{id}/termine/{termin}", "termin"),
    ("/backoffice/kunden/{id}/bescheide/{dokument}/pdf", "bescheid-pdf"),
    ("/backoffice/kunden/{id}/bescheide/{dokument}/freigabe", "bescheid-freigabe"),
];

/// A client record of the member's office, opened for a stated purpose;
/// the access is logged.
#[derive(Debug, Clone)]
pub struct Akte<R: Role> {
    pub staff: Staff<R>,
    pub client: Client,
    /// The purpose (one of [`super::kunden::PURPOSES`]).
    pub zweck: &'static str,
}

impl<R: Role> FromRequestParts<AppState> for Akte<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let staff = Staff::<R>::from_request_parts(parts, state).await?;
        let internal = |e: AppError| e.into_response();
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let Some(id) = params.iter().find_map(|(k, v)| (k == "id").then(|| v.to_owned())) else {
            return Err(AppError::NotFound.into_response());
        };
        let route = parts.extensions.get::<MatchedPath>().map_or("", MatchedPath::as_str).to_owned();
        let client = super::kunden::client_of_office(state, &staff.member, &id).await.map_err(internal)?;
        let given = url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
            .find_map(|(k, v)| (k == "zweck").then(|| v.into_owned()));
        let Some(zweck) = purpose(given.as_deref()) else {
            let page = ask_purpose(state, &staff.member, staff.ctx(), client, parts.uri.path().to_owned(), given.is_some()).await;
            let mut res = page.map_err(internal)?;
            if parts.method != Method::GET {
                // A form sent without a purpose: nothing was done.
                *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            }
            return Err(res);
        };
        let was = WAS.iter().find_map(|(r, w)| (*r == route).then_some(*w)).unwrap_or("akte");
        store::log_access(&state.db.writer, &client.id, staff.account_id(), was, zweck, state.now())
            .await
            .map_err(|e| AppError::from(e).into_response())?;
        Ok(Self { staff, client, zweck })
    }
}

impl<R: Role> Akte<R> {
    pub fn ctx(&self) -> &crate::web::Ctx {
        self.staff.ctx()
    }

    /// `path` with this purpose, for links and form actions on the record.
    pub fn mit_zweck(&self, path: &str) -> String {
        format!("{path}?zweck={}", self.zweck)
    }
}

impl<R: Role> Bezug for Akte<R> {
    fn client_id(&self) -> &str {
        &self.client.id
    }
    fn akteur(&self) -> Akteur {
        Akteur::Mitarbeiter { account_id: self.staff.account_id().to_owned() }
    }
}
