//! "Bescheide und Nachweise" of a client in the back office (POR-3, OKO-3):
//! the published documents with their delivery (online, retrieved, posted
//! and why), and publishing a PDF: kind, title, date, level of assurance.
//! Opening the page is a record access ([`Akte`]). The multipart form
//! carries its own idempotency key (a double click publishes once).

use super::akte::Akte;
use super::{AnyStaff, Nav};
use crate::app::AppState;
use crate::portal::bescheide::seiten::{Zeile, zeile};
use crate::portal::bescheide::store::Sicht;
use crate::portal::bescheide::zustellung::{self, Abgelehnt, Veroeffentlichung};
use crate::portal::bescheide::{Art, Stufe, datum, store, tag};
use crate::portal::dokumente::empfang::{self, Eingang, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::web::idempotenz;
use crate::web::page::FormErrors;
use crate::web::seiten::Keyset;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::body::Body;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::response::Response;
use chrono::NaiveDate;
use dokumente::pruefung::Art as DateiArt;
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;
/// Longest title.
const MAX_TITEL: usize = 200;
/// Longest text of a letter from the template (it must fit on one page).
const MAX_VORLAGE: usize = 2500;

/// A row with the staff's view of its delivery.
struct StaffZeile {
    z: Zeile,
    zustellung: String,
    /// The member may release it (four eyes: not the one who published it).
    freigeben: bool,
}

#[derive(Template)]
#[template(path = "backoffice/templates/bescheide.html")]
struct DocumentsPage {
    page: Page,
    nav: Nav,
    client: super::store::Client,
    zweck: &'static str,
    here: String,
    rows: Vec<StaffZeile>,
    next: Option<String>,
    notice: Option<String>,
    key: String,
    arten: Vec<(&'static str, String)>,
    stufen: Vec<(&'static str, String)>,
    form: Felder,
    errors: FormErrors,
}

#[derive(Default)]
struct Felder {
    art: String,
    titel: String,
    datum: String,
    stufe: String,
    /// The text of a letter written from the template, instead of a PDF.
    vorlage: String,
}

#[derive(Deserialize)]
pub struct PageQuery {
    nach: Option<String>,
    hinweis: Option<String>,
}

fn zustellung_text(lang: crate::i18n::Lang, z: &Zeile) -> String {
    let d = &z.d;
    let bereit = datum(tag(d.published_at));
    if d.zur_freigabe {
        return lang.t("bo-bescheide-freigabe-offen");
    }
    match (&d.post_reason, d.retrieved_at) {
        (Some(reason), _) => {
            let am = d.posted_at.map(|p| datum(tag(p))).unwrap_or_default();
            lang.t_args(&format!("bo-bescheide-post-{}", reason.replace('_', "-")), &[("datum", &am)])
        }
        (None, Some(abruf)) => lang.t_args("bo-bescheide-abgerufen", &[("bereit", &bereit), ("abruf", &datum(tag(abruf)))]),
        (None, None) => lang.t_args("bo-bescheide-bereit", &[("bereit", &bereit)]),
    }
}

async fn documents_page(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    after: Option<&Keyset>,
    notice: Option<String>,
    form: Felder,
    errors: FormErrors,
) -> AppResult<DocumentsPage> {
    let ctx = akte.ctx();
    let lang = ctx.lang;
    let seite = store::liste(&state.db.pool, &state.secrets, &akte.client.id, Sicht::Mitarbeiter, after, PAGE_SIZE).await?;
    let here = akte.mit_zweck(&format!("/backoffice/kunden/{}/bescheide", akte.client.id));
    let next = seite.next_href(&here);
    let rows = seite
        .items
        .into_iter()
        .map(|d| {
            let z = zeile(lang, d);
            let freigeben = z.d.zur_freigabe
                && z.d.published_by.as_deref() != Some(akte.staff.member.account_id.as_str())
                && akte.staff.member.roles.contains(&super::RoleName::Leistung);
            StaffZeile { zustellung: zustellung_text(lang, &z), z, freigeben }
        })
        .collect();
    Ok(DocumentsPage {
        page: Page::new(ctx, state, "bo-bescheide-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        client: akte.client.clone(),
        zweck: akte.zweck,
        here,
        rows,
        next,
        notice,
        key: idempotenz::neuer_schluessel(),
        arten: Art::ALLE.iter().map(|a| (a.as_str(), lang.t(&a.label_key()))).collect(),
        stufen: Stufe::ALLE.iter().map(|s| (s.as_str(), lang.t(&s.label_key()))).collect(),
        form,
        errors,
    })
}

/// `GET /backoffice/kunden/{id}/bescheide?zweck=…`.
pub async fn list(State(state): State<AppState>, akte: Akte<AnyStaff>, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let notice = match q.hinweis.as_deref() {
        Some("online") => Some(lang.t("bo-bescheide-done-online")),
        Some("post") => Some(lang.t("bo-bescheide-done-post")),
        Some("freigabe") => Some(lang.t("bo-bescheide-done-freigabe")),
        Some(other) => Abgelehnt::ALLE.iter().find(|a| a.message_key() == other).map(|a| lang.t(a.message_key())),
        _ => None,
    };
    let after = q.nach.as_deref().and_then(Keyset::parse);
    render(&documents_page(&state, &akte, after.as_ref(), notice, Felder::default(), FormErrors::default()).await?)
}

/// The form's values, checked; errors by field.
fn pruefen(lang: crate::i18n::Lang, state: &AppState, e: &Eingang) -> (Felder, Result<Veroeffentlichung, FormErrors>) {
    let feld = |n: &str| e.feld(n).unwrap_or("").trim().to_owned();
    let felder = Felder { art: feld("art"), titel: feld("titel"), datum: feld("datum"), stufe: feld("stufe"), vorlage: feld("vorlage") };
    let mut errors = FormErrors::default();
    let art = Art::parse(&felder.art);
    if art.is_none() {
        errors.add("art-bescheid", lang.t("bo-bescheide-error-art"));
    }
    let titel: String = felder.titel.chars().filter(|c| !c.is_control()).collect();
    if titel.is_empty() || titel.chars().count() > MAX_TITEL {
        errors.add("titel", lang.t("bo-bescheide-error-titel"));
    }
    let tag = NaiveDate::parse_from_str(&felder.datum, "%d.%m.%Y").ok();
    if tag.is_none() {
        errors.add("datum", lang.t("bo-bescheide-error-datum"));
    }
    let stufe = Stufe::parse(&felder.stufe);
    if stufe.is_none() {
        errors.add("stufe-substantiell", lang.t("bo-bescheide-error-stufe"));
    }
    let limits = state.config.upload;
    if let Some(f) = e.fehler.first() {
        errors.add("datei", UploadProblem::Empfang(f.clone()).message(lang, limits));
    } else if felder.vorlage.is_empty() && (e.dateien.len() != 1 || e.dateien[0].befund.art != DateiArt::Pdf) {
        errors.add("datei", lang.t("bo-bescheide-error-datei"));
    } else if !felder.vorlage.is_empty() && !e.dateien.is_empty() {
        errors.add("datei", lang.t("bo-bescheide-error-beides"));
    } else if felder.vorlage.chars().count() > MAX_VORLAGE {
        errors.add("vorlage", lang.t_args("bo-bescheide-error-vorlage", &[("anzahl", &MAX_VORLAGE.to_string())]));
    }
    match (art, tag, stufe) {
        (Some(art), Some(datum), Some(stufe)) if errors.is_empty() => (felder, Ok(Veroeffentlichung { art, titel, datum, stufe })),
        _ => (felder, Err(errors)),
    }
}

/// Writes the letter from the template with the client's data and stores
/// its PDF; `None` if the text does not fit on the page.
async fn aus_vorlage(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    v: &Veroeffentlichung,
    text: &str,
) -> anyhow::Result<Option<ablage::Gespeichert>> {
    let c = &akte.client;
    let office: Option<(String, String, String, String)> = sqlx::query_as("SELECT name, street, postcode, city FROM offices WHERE id = $1")
        .bind(&c.office_id)
        .fetch_optional(&state.db.pool)
        .await?;
    let office_lines = office.map_or_else(|| vec![c.office_name.clone()], |(n, s, p, city)| vec![n, s, format!("{p} {city}")]);
    let brief = super::brief::Schreiben {
        office_lines,
        recipient_lines: vec![c.full_name(), c.street.clone(), format!("{} {}", c.postcode, c.city)],
        kundennummer: c.kundennummer.clone(),
        date: datum(v.datum),
        title: v.titel.clone(),
        text: text.to_owned(),
    };
    let Ok(pdf) = super::brief::schreiben(&brief)? else { return Ok(None) };
    let mut w = state.ablage.schreiber(&state.ablage.neuer_schluessel("uploads")).await?;
    w.schreiben(&pdf).await?;
    Ok(Some(w.fertig().await?))
}

/// `POST /backoffice/kunden/{id}/bescheide?zweck=…` (multipart): publishes.
pub async fn publish(State(state): State<AppState>, akte: Akte<AnyStaff>, form: Multipart) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let account = akte.staff.member.account_id.clone();
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let key = match eingang.einmal(&state, &account).await? {
        Einmal::Neu(key) => key,
        Einmal::Beantwortet(res) => return Ok(res),
    };
    let (felder, geprueft) = pruefen(lang, &state, &eingang);
    let v = match geprueft {
        Ok(v) => v,
        Err(errors) => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, &account, &key).await?;
            let page = documents_page(&state, &akte, None, None, felder, errors).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let gespeichert = match eingang.dateien.first() {
        Some(d) => d.gespeichert.clone(),
        None => match aus_vorlage(&state, &akte, &v, &felder.vorlage).await? {
            Some(g) => g,
            None => {
                idempotenz::freigeben(&state.db.writer, &account, &key).await?;
                let mut errors = FormErrors::default();
                errors.add("vorlage", lang.t_args("bo-bescheide-error-vorlage", &[("anzahl", &MAX_VORLAGE.to_string())]));
                let page = documents_page(&state, &akte, None, None, felder, errors).await?;
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
            }
        },
    };
    let (_, ergebnis) = match zustellung::veroeffentlichen(&state, &akte, &v, &gespeichert).await {
        Ok(r) => r,
        Err(e) => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, &account, &key).await.ok();
            return Err(e.into());
        }
    };
    let ziel = format!("{}&hinweis={}", akte.mit_zweck(&format!("/backoffice/kunden/{}/bescheide", akte.client.id)), ergebnis.as_str());
    idempotenz::abschliessen_ohne_tx(&state.db.writer, &account, &key, &ziel).await?;
    Ok(see_other(&ziel))
}

/// `GET /backoffice/kunden/{id}/bescheide/{dokument}/pdf?zweck=…`: the PDF
/// for staff (to check it, or to print it for the post); a record access.
pub async fn pdf(State(state): State<AppState>, akte: Akte<AnyStaff>, Path((_, id)): Path<(String, String)>) -> AppResult<Response> {
    let d = store::eines(&state.db.pool, &state.secrets, &akte.client.id, Sicht::Mitarbeiter, &id).await?.ok_or(AppError::NotFound)?;
    let stream = state.ablage.lesen(&d.object_key, &d.envelope).await.map_err(|e| AppError::Internal(e.into()))?;
    let name = format!("{}-{}.pdf", d.art.as_str(), d.datum);
    Ok((
        [(CONTENT_TYPE, "application/pdf".to_owned()), (CONTENT_DISPOSITION, super::sendungen::content_disposition(&name))],
        Body::from_stream(stream),
    )
        .into_response())
}

/// `POST /backoffice/kunden/{id}/bescheide/{dokument}/freigabe?zweck=…`: a
/// second member releases a document waiting for four eyes.
pub async fn release(State(state): State<AppState>, akte: Akte<AnyStaff>, Path((_, id)): Path<(String, String)>) -> AppResult<Response> {
    let here = akte.mit_zweck(&format!("/backoffice/kunden/{}/bescheide", akte.client.id));
    let hinweis = match zustellung::freigeben(&state, &akte, &id).await? {
        Ok(ergebnis) => ergebnis.as_str(),
        Err(a) => a.message_key(),
    };
    Ok(see_other(&format!("{here}&hinweis={hinweis}")))
}
