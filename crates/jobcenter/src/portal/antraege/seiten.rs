//! "Ihre Vorgänge" (APP-1), the list of eServices, and an application's
//! own page: its status as plain steps, what happens next, the answers
//! as sent, the documents. All under [`Handelnd<AntraegeSehen>`].

use super::definitionen::{self, Definition};
use super::nachweise::{self, Datei};
use super::senden::{Abschnitt, abschnitte};
use super::store;
use super::{Status, bearbeitung};
use crate::app::AppState;
use crate::portal::handelnd::{AntraegeSehen, Beziehung, Handelnd};
use crate::web::seiten::Keyset;
use crate::web::{AppResult, Page, render, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

const PAGE_SIZE: i64 = 5;

/// A line of "Ihre Vorgänge".
pub struct VorgangZeile {
    pub link: String,
    pub titel: String,
    pub bezug: String,
    pub aktualisiert: String,
    pub status: String,
}

/// An eService the mandate may start.
pub struct Dienst {
    pub key: String,
    pub titel: String,
    pub zweck: String,
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/liste.html")]
struct ListPage {
    page: Page,
    rows: Vec<VorgangZeile>,
    next: Option<String>,
    /// The client may see the Verlauf (a representative may not).
    selbst: bool,
    buergergeld: Vec<Dienst>,
    notice: Option<String>,
    bewilligt_bis: Option<String>,
    /// "Ihr Bewilligungszeitraum endet am …" with the Weiterbewilligung
    /// one click away, when the form may be used (APP-4).
    weiterbewilligung_faellig: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    nach: Option<String>,
    hinweis: Option<String>,
}

/// "Weiterbewilligungsantrag stellen für die Bedarfsgemeinschaft 97122//0000004",
/// or the reference.
fn bezug(lang: crate::i18n::Lang, def: Option<&Definition>, bg: &str, reference: Option<&str>) -> String {
    match (def.and_then(|d| d.formular.dok.leistung.as_deref()), reference) {
        (Some("buergergeld"), _) if !bg.is_empty() => lang.t_args("antrag-fuer-bg", &[("bg", bg)]),
        (_, Some(r)) => lang.t_args("antrag-vorgangsnummer", &[("nummer", r)]),
        _ => String::new(),
    }
}

fn status_label(lang: crate::i18n::Lang, entwurf: bool, status: Option<Status>) -> String {
    match (entwurf, status) {
        (true, _) => lang.t("antrag-status-entwurf"),
        (false, Some(Status::Eingegangen) | None) => lang.t("antrag-status-gesendet"),
        (false, Some(s)) => lang.t(&s.label_key()),
    }
}

/// `GET /antraege`: "Ihre Vorgänge".
pub async fn liste(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let lang = h.ctx.lang;
    let nach = q.nach.as_deref().and_then(Keyset::parse);
    let seite = store::seite(&state.db.pool, h.mandat.client_id(), nach.as_ref(), PAGE_SIZE).await?;
    let next = seite.next_href("/antraege");
    let (bg, bis) = store::bedarfsgemeinschaft(&state.db.pool, h.mandat.client_id()).await?;
    let mut defs: HashMap<String, Definition> = HashMap::new();
    let mut rows = Vec::new();
    for z in seite.items {
        if !defs.contains_key(&z.definition_id)
            && let Some(d) = definitionen::nach_id(&state.db.pool, &z.definition_id).await?
        {
            defs.insert(z.definition_id.clone(), d);
        }
        let def = defs.get(&z.definition_id);
        rows.push(VorgangZeile {
            link: format!("/antraege/{}", z.id),
            titel: def.map(|d| d.titel(lang)).unwrap_or_default(),
            bezug: bezug(lang, def, &bg, z.reference.as_deref()),
            aktualisiert: crate::web::page::format_datetime(z.updated_at),
            status: status_label(lang, z.entwurf, z.status),
        });
    }
    let buergergeld: Vec<Dienst> = definitionen::live(&state.db.pool)
        .await?
        .into_iter()
        .filter(|d| matches!(d.key(), "veraenderung" | "weiterbewilligung") && bearbeitung(&h.mandat, d).is_some())
        .map(|d| {
            // The actions by their names in the Jobcenter-App (APP-1), not
            // the form titles a draft in the list above carries.
            let aktion =
                if d.key() == "weiterbewilligung" { "antraege-entry-weiterbewilligung" } else { "antraege-veraenderung-mitteilen" };
            Dienst { key: d.key().to_owned(), titel: lang.t(aktion), zweck: String::new() }
        })
        .collect();
    let darf_weiterbewilligung = buergergeld.iter().any(|d| d.key == "weiterbewilligung");
    let notice = match q.hinweis.as_deref() {
        Some("verworfen") => Some(lang.t("antrag-verworfen")),
        _ => None,
    };
    render(&ListPage {
        page: Page::new(&h.ctx, &state, "antraege-title"),
        rows,
        next,
        selbst: *h.mandat.beziehung() == Beziehung::Selbst,
        buergergeld,
        notice,
        weiterbewilligung_faellig: if darf_weiterbewilligung {
            super::fristen::weiterbewilligung_faellig(&state.db.pool, h.mandat.client_id(), bis.as_deref(), state.now()).await?
        } else {
            None
        },
        bewilligt_bis: bis.as_deref().map(crate::web::page::german_date),
    })
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/eservices.html")]
struct ServicesPage {
    page: Page,
    dienste: Vec<Dienst>,
}

/// `GET /antraege/eservices`: every live form the mandate may use.
pub async fn eservices(State(state): State<AppState>, h: Handelnd<AntraegeSehen>) -> AppResult<Response> {
    let lang = h.ctx.lang;
    let dienste = definitionen::live(&state.db.pool)
        .await?
        .into_iter()
        .filter(|d| bearbeitung(&h.mandat, d).is_some())
        .map(|d| Dienst {
            key: d.key().to_owned(),
            titel: d.titel(lang),
            zweck: d.formular.text(lang.code(), "zweck").unwrap_or_default().to_owned(),
        })
        .collect();
    render(&ServicesPage { page: Page::new(&h.ctx, &state, "eservices-title"), dienste })
}

/// One of the plain steps of the status.
pub struct Stufe {
    pub label: String,
    pub erreicht: bool,
    pub aktuell: bool,
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/antrag.html")]
struct ApplicationPage {
    page: Page,
    id: String,
    entwurf: bool,
    darf_bearbeiten: bool,
    weiter_link: String,
    bezug: String,
    gesendet: Option<String>,
    status: String,
    stufen: Vec<Stufe>,
    weiter: String,
    abschnitte: Vec<Abschnitt>,
    dateien: Vec<Datei>,
    notice: Option<String>,
    bescheid: Option<String>,
    /// Open requests for documents ("Was Sie jetzt tun müssen").
    anfragen: Vec<super::anfragen::Anfrage>,
    darf_hochladen: bool,
    key: String,
}

#[derive(Deserialize)]
pub struct ShowQuery {
    hinweis: Option<String>,
}

/// `GET /antraege/{id}`.
pub async fn antrag(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let o = super::ausfuellen::oeffnen(&state, &h.mandat, &id).await?;
    let lang = h.ctx.lang;
    let a = &o.antrag;
    let f = &o.definition.formular;
    let darf = o.bearbeitung(&h.mandat).is_some();
    if a.entwurf && darf && q.hinweis.is_none() {
        // A draft's page is its first step (the list links here).
        let erster = f.durchlauf(&a.antworten).schritte.first().map_or(0, |(i, _)| *i);
        return Ok(see_other(&super::ausfuellen::schritt_pfad(&id, &o.definition, erster)));
    }
    let (bg, _) = store::bedarfsgemeinschaft(&state.db.pool, h.mandat.client_id()).await?;
    let reihe = [Status::Eingegangen, Status::InBearbeitung, Status::UnterlagenFehlen, Status::Entschieden];
    let jetzt = a.status.unwrap_or(Status::Eingegangen);
    let pos = reihe.iter().position(|s| *s == jetzt);
    let stufen = reihe
        .iter()
        .enumerate()
        .filter(|(i, s)| **s != Status::UnterlagenFehlen || Some(*i) == pos)
        .map(|(i, s)| Stufe { label: lang.t(&s.label_key()), erreicht: pos.is_some_and(|p| i <= p), aktuell: Some(i) == pos })
        .collect();
    let bescheide = super::ausfuellen::bescheide(&state, lang, &h.mandat, f).await?;
    let mut page = Page::new(&h.ctx, &state, "antraege-title");
    page.title = o.definition.titel(lang);
    render(&ApplicationPage {
        id: id.clone(),
        entwurf: a.entwurf,
        darf_bearbeiten: darf,
        weiter_link: format!("/antraege/{id}/zusammenfassung"),
        bezug: bezug(lang, Some(&o.definition), &bg, a.reference.as_deref()),
        gesendet: a.submitted_at.map(crate::web::page::format_datetime),
        status: status_label(lang, a.entwurf, a.status),
        stufen,
        weiter: lang.t(&jetzt.weiter_key()),
        abschnitte: if a.entwurf { Vec::new() } else { abschnitte(f, lang, &id, &a.antworten, &bescheide) },
        dateien: nachweise::dateien(&state.db.pool, &id).await?,
        notice: match q.hinweis.as_deref() {
            Some("gesendet") if !a.entwurf => Some(lang.t("antrag-gesendet")),
            Some("nachgereicht") => Some(lang.t("antrag-nachgereicht")),
            Some("nachreichen-fehler") => Some(lang.t("antrag-nachreichen-fehler")),
            Some("nachreichen-leer") => Some(lang.t("antrag-nachreichen-leer")),
            _ => None,
        },
        anfragen: super::anfragen::alle(&state.db.pool, &state.secrets, &id)
            .await?
            .into_iter()
            .filter(|x| x.answered_at.is_none())
            .collect(),
        darf_hochladen: h.mandat.darf(crate::portal::handelnd::Recht::DokumenteHochladen),
        key: crate::web::idempotenz::neuer_schluessel(),
        bescheid: a.decision_id.as_ref().map(|d| format!("/bescheide/{d}")),
        page,
    })
}
