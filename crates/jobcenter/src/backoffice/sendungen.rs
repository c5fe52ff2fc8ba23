//! A sending of "Datei hochladen" in the back office (POR-4, ADM-4, ADM-5):
//! its files, the message, the work item with its actions and notes, and
//! the download of a file. Opening either is a record access ([`Akte`]),
//! logged with its purpose. A file waiting for the scanner or quarantined
//! cannot be downloaded.

use super::akte::Akte;
use super::aufgaben::VorgangTeil;
use super::{AnyStaff, Nav};
use crate::app::AppState;
use crate::arbeit;
use crate::portal::dokumente::store::{self, Sendung};
use crate::web::{AppError, AppResult, Page, render};
use askama::Template;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "backoffice/templates/sendung.html")]
struct SendingPage {
    page: Page,
    nav: Nav,
    client: super::store::Client,
    zweck: &'static str,
    sendung: Sendung,
    thema: String,
    message: Option<String>,
    vorgang: VorgangTeil,
    notice: Option<String>,
    here: String,
    /// Links to the files: prefix + file id + suffix (with the purpose).
    file_prefix: String,
    file_suffix: String,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

/// `GET /backoffice/kunden/{id}/sendungen/{sendung}?zweck=…`.
pub async fn show(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, sendung_id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let ctx = akte.ctx();
    let lang = ctx.lang;
    let sendung = store::sendung(&state.db.pool, &akte.client.id, &sendung_id).await?.ok_or(AppError::NotFound)?;
    let message = match &sendung.message_sealed {
        Some(sealed) => Some(String::from_utf8_lossy(&state.secrets.open(&sendung.id, sealed)?).into_owned()),
        None => None,
    };
    let vorgang = VorgangTeil::laden(&state, lang, &akte.staff.member, arbeit::store::Art::Sendung, &sendung.id).await?;
    let notice = arbeit::hinweis(lang, q.hinweis.as_deref());
    render(&SendingPage {
        page: Page::new(ctx, &state, "bo-sending-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        thema: lang.t(&sendung.thema.label_key()),
        here: akte.mit_zweck(&format!("/backoffice/kunden/{}/sendungen/{}", akte.client.id, sendung.id)),
        file_prefix: format!("/backoffice/kunden/{}/sendungen/{}/dateien/", akte.client.id, sendung.id),
        file_suffix: format!("?zweck={}", akte.zweck),
        vorgang,
        client: akte.client.clone(),
        zweck: akte.zweck,
        sendung,
        message,
        notice,
    })
}

/// `GET /backoffice/kunden/{id}/sendungen/{sendung}/dateien/{datei}?zweck=…`:
/// the file, streamed back decrypted, as an attachment with the stored type
/// and a safe file name.
pub async fn download(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, sendung_id, datei_id)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let sendung = store::sendung(&state.db.pool, &akte.client.id, &sendung_id).await?.ok_or(AppError::NotFound)?;
    let datei = sendung.dateien.into_iter().find(|d| d.id == datei_id).ok_or(AppError::NotFound)?;
    if matches!(datei.scan.as_str(), "ausstehend" | "befund") {
        return Ok((axum::http::StatusCode::CONFLICT, akte.ctx().lang.t("bo-sending-file-closed")).into_response());
    }
    let stream = state.ablage.lesen(&datei.object_key, &datei.envelope).await.map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [(CONTENT_TYPE, datei.media_type.clone()), (CONTENT_DISPOSITION, content_disposition(&datei.file_name))],
        Body::from_stream(stream),
    )
        .into_response())
}

/// `attachment` with an ASCII fallback name and the real one in RFC 5987
/// form, so no client-chosen byte reaches the header unescaped.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>().replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_never_reach_the_header_unescaped() {
        let h = super::content_disposition("Bescheid \"neu\"\r\nX: y.pdf");
        assert!(!h.contains('\r') && !h.contains('\n'));
        assert!(
            h.starts_with("attachment; filename=\"Bescheid__neu___X__y.pdf\"; filename*=UTF-8''Bescheid%20%22neu%22%0D%0AX%3A%20y.pdf")
        );
        assert!(super::content_disposition("Олена.pdf").contains("filename*=UTF-8''%D0%9E"));
    }
}
