//! Filling in a form: the start page, one page per step ("Schritt 2 von
//! 5", "Zurück", "Entwurf speichern", "Weiter"), the summary with "Ändern"
//! links, and "Antrag absenden". Every page works without JavaScript; what
//! a page posts is saved before anything is checked (nothing typed is
//! lost), and the errors come from the form's own schema.

use super::definitionen::{self, Definition};
use super::felder::{self, FeldAnsicht};
use super::store::{self, Antrag};
use super::{Bearbeitung, bearbeitung};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::portal::handelnd::{AntraegeSehen, Handelnd, Mandat, kein_recht};
use crate::web::page::FormErrors;
use crate::web::{AppError, AppResult, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use formulare::{Antworten, Art, Formular};
use serde::Deserialize;

/// An application of the acting client with its definition, and whether
/// the mandate may change it.
pub(super) struct Offen {
    pub antrag: Antrag,
    pub definition: Definition,
}

impl Offen {
    pub fn bearbeitung<'a>(&'a self, mandat: &'a Mandat) -> Option<Bearbeitung<'a>> {
        bearbeitung(mandat, &self.definition)
    }
}

/// The application `id` of the client acted for (404 for anyone else's).
pub(super) async fn oeffnen(state: &AppState, mandat: &Mandat, id: &str) -> AppResult<Offen> {
    let antrag = store::laden(&state.db.pool, &state.secrets, mandat.client_id(), id).await?.ok_or(AppError::NotFound)?;
    let definition = definitionen::nach_id(&state.db.pool, &antrag.definition_id).await?.ok_or(AppError::NotFound)?;
    Ok(Offen { antrag, definition })
}

/// The client's Bescheide a "bescheid" field offers: (id, "title vom date,
/// Widerspruch bis …"); none read for a form without such a field.
pub(super) async fn bescheide(state: &AppState, lang: Lang, mandat: &Mandat, f: &Formular) -> AppResult<Vec<(String, String)>> {
    use crate::portal::bescheide::store::{Sicht, liste};
    if !f.dok.fragt(Art::Bescheid) {
        return Ok(Vec::new());
    }
    let seite = liste(&state.db.pool, &state.secrets, mandat.client_id(), Sicht::Kunde, None, 50).await?;
    Ok(seite
        .items
        .into_iter()
        .filter(|d| d.art == crate::portal::bescheide::Art::Bescheid)
        .map(|d| {
            let datum = crate::web::page::german_date(&d.datum);
            let label = match &d.objection_until {
                Some(bis) => lang.t_args(
                    "antrag-bescheid-mit-frist",
                    &[("titel", &d.titel), ("datum", &datum), ("frist", &crate::web::page::german_date(bis))],
                ),
                None => lang.t_args("antrag-bescheid", &[("titel", &d.titel), ("datum", &datum)]),
            };
            (d.id, label)
        })
        .collect())
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/start.html")]
struct StartPage {
    page: Page,
    key: String,
    zweck: String,
    hinweis: String,
    schritte: usize,
}

/// `GET /antraege/neu/{formular}`: what the form is for, its legal note,
/// "Antrag starten".
pub async fn start(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(key): Path<String>) -> AppResult<Response> {
    let def = definitionen::live_von(&state.db.pool, &key).await?.ok_or(AppError::NotFound)?;
    if bearbeitung(&h.mandat, &def).is_none() {
        return Ok(kein_recht(&state, &h.ctx));
    }
    let lang = h.ctx.lang.code();
    let f = &def.formular;
    let mut page = Page::new(&h.ctx, &state, "antrag-start-title");
    page.title = def.titel(h.ctx.lang);
    render(&StartPage {
        page,
        key,
        zweck: f.text(lang, "zweck").unwrap_or_default().into(),
        hinweis: f.text(lang, "hinweis").unwrap_or_default().into(),
        schritte: f.dok.schritte.len(),
    })
}

/// `POST /antraege/neu/{formular}`: a new draft, prefilled from the
/// client's last application of this form (or, for a continuation, of the
/// first application for the benefit).
pub async fn starten(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(key): Path<String>) -> AppResult<Response> {
    let def = definitionen::live_von(&state.db.pool, &key).await?.ok_or(AppError::NotFound)?;
    let Some(b) = bearbeitung(&h.mandat, &def) else { return Ok(kein_recht(&state, &h.ctx)) };
    let client = b.mandat.client_id();
    let mut vorher = store::letzte_antworten(&state.db.pool, &state.secrets, client, &key).await?;
    if vorher.is_none() && key == "weiterbewilligung" {
        vorher = store::letzte_antworten(&state.db.pool, &state.secrets, client, "buergergeld").await?;
    }
    let vorbelegt = vorbelegen(&def, vorher.unwrap_or_default());
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let id = store::anlegen(&mut tx, &state.secrets, b.mandat, &def.id, &vorbelegt, now, now + state.config.application_draft_secs).await?;
    tx.commit().await?;
    let erster = def.formular.durchlauf(&vorbelegt).schritte.first().map_or(0, |(i, _)| *i);
    Ok(see_other(&schritt_pfad(&id, &def, erster)))
}

/// The earlier answers this form also asks, where they still fit.
fn vorbelegen(def: &Definition, vorher: Antworten) -> Antworten {
    let f = &def.formular;
    // Declarations ("const": true) are given anew each time, never copied.
    let erklaerung = |k: &str| f.dok.schema_von(k).is_some_and(|s| s.get("const").is_some());
    let mut a: Antworten = vorher.into_iter().filter(|(k, _)| f.dok.feld(k).is_some() && !erklaerung(k)).collect();
    // An answer the schema no longer accepts is dropped, not shown as an error.
    let schlecht: Vec<String> =
        f.fehler(&a).into_iter().filter(|e| e.art != formulare::FehlerArt::Pflicht).map(|e| e.oberfeld().to_owned()).collect();
    for k in schlecht {
        a.remove(&k);
    }
    a
}

pub(super) fn schritt_pfad(id: &str, def: &Definition, schritt: usize) -> String {
    format!("/antraege/{id}/schritt/{}", def.formular.dok.schritte[schritt].id)
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/schritt.html")]
struct StepPage {
    page: Page,
    id: String,
    /// The step's id (the form's action).
    sid: String,
    schritt: String,
    hilfe: String,
    /// "Schritt 2 von 5".
    fortschritt: String,
    felder: Vec<FeldAnsicht>,
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct StepQuery {
    hinweis: Option<String>,
}

/// How many pages the client goes through: the shown steps and, when the
/// answers call for documents, the page "Nachweise".
pub(super) fn seiten_gesamt(def: &Definition, a: &Antworten) -> usize {
    def.formular.durchlauf(a).schritte.len() + usize::from(!def.formular.anhaenge(a).is_empty())
}

async fn step_page(
    state: &AppState,
    h: &Handelnd<AntraegeSehen>,
    o: &Offen,
    schritt: usize,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<StepPage> {
    let f = &o.definition.formular;
    let lang = h.ctx.lang;
    let a = &o.antrag.antworten;
    let d = f.durchlauf(a);
    let position = d.position(schritt).unwrap_or(0) + 1;
    let bescheide = bescheide(state, lang, &h.mandat, f).await?;
    let s = &f.dok.schritte[schritt];
    let mut page = Page::new(&h.ctx, state, "antrag-start-title");
    page.title = format!("{} – {}", f.text(lang.code(), &format!("schritt.{}", s.id)).unwrap_or_default(), o.definition.titel(lang));
    Ok(StepPage {
        fortschritt: lang
            .t_args("antrag-fortschritt", &[("schritt", &position.to_string()), ("gesamt", &seiten_gesamt(&o.definition, a).to_string())]),
        felder: felder::ansicht(f, lang, schritt, a, &errors, &bescheide),
        hilfe: f.text(lang.code(), &format!("schritt.{}.hilfe", s.id)).unwrap_or_default().into(),
        schritt: f.text(lang.code(), &format!("schritt.{}", s.id)).unwrap_or_default().into(),
        id: o.antrag.id.clone(),
        sid: s.id.clone(),
        page,
        errors,
        notice,
    })
}

/// The step of this id if the answers show it.
fn schritt_index(o: &Offen, sid: &str) -> Option<usize> {
    let i = o.definition.formular.dok.schritte.iter().position(|s| s.id == sid)?;
    o.definition.formular.durchlauf(&o.antrag.antworten).zeigt(i).then_some(i)
}

/// A sent application or a step that is not shown leads elsewhere.
fn umleiten(o: &Offen) -> Response {
    if !o.antrag.entwurf {
        return see_other(&format!("/antraege/{}", o.antrag.id));
    }
    let erster = o.definition.formular.durchlauf(&o.antrag.antworten).schritte.first().map_or(0, |(i, _)| *i);
    see_other(&schritt_pfad(&o.antrag.id, &o.definition, erster))
}

/// `GET /antraege/{id}/schritt/{schritt}`.
pub async fn schritt(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path((id, sid)): Path<(String, String)>,
    Query(q): Query<StepQuery>,
) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    if o.bearbeitung(&h.mandat).is_none() {
        return Ok(kein_recht(&state, &h.ctx));
    }
    let Some(i) = schritt_index(&o, &sid).filter(|_| o.antrag.entwurf) else { return Ok(umleiten(&o)) };
    let notice = (q.hinweis.as_deref() == Some("entwurf")).then(|| h.ctx.lang.t("antrag-entwurf-gespeichert"));
    render(&step_page(&state, &h, &o, i, FormErrors::default(), notice).await?)
}

/// `POST /antraege/{id}/schritt/{schritt}`: saves the page's answers, then
/// "weiter" (checked), "zurueck" or "entwurf".
pub async fn schritt_senden(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path((id, sid)): Path<(String, String)>,
    Form(eingabe): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut o = oeffnen(&state, &h.mandat, &id).await?;
    let Some(b) = o.bearbeitung(&h.mandat) else { return Ok(kein_recht(&state, &h.ctx)) };
    let client = b.mandat.client_id().to_owned();
    let Some(i) = schritt_index(&o, &sid).filter(|_| o.antrag.entwurf) else { return Ok(umleiten(&o)) };
    let f = o.definition.formular.clone();
    f.uebernehmen(i, &mut o.antrag.antworten, &eingabe);
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let gespeichert =
        store::speichern(&mut tx, &state.secrets, &client, &id, &o.antrag.antworten, now, now + state.config.application_draft_secs)
            .await?;
    tx.commit().await?;
    if !gespeichert {
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    let aktion = eingabe.iter().find(|(k, _)| k == "aktion").map_or("weiter", |(_, v)| v.as_str());
    let d = f.durchlauf(&o.antrag.antworten);
    let pos = d.position(i).unwrap_or(0);
    match aktion {
        "entwurf" => Ok(see_other(&format!("{}?hinweis=entwurf", schritt_pfad(&id, &o.definition, i)))),
        "zurueck" => Ok(match pos.checked_sub(1).and_then(|p| d.schritte.get(p)) {
            Some((j, _)) => see_other(&schritt_pfad(&id, &o.definition, *j)),
            None => see_other(&format!("/antraege/neu/{}", f.dok.formular)),
        }),
        _ => {
            let fehler = f.fehler_im_schritt(i, &o.antrag.antworten);
            if !fehler.is_empty() {
                let errors = felder::form_errors(&f, h.ctx.lang, &fehler);
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &step_page(&state, &h, &o, i, errors, None).await?);
            }
            Ok(match d.schritte.get(pos + 1) {
                Some((j, _)) => see_other(&schritt_pfad(&id, &o.definition, *j)),
                None if !f.anhaenge(&o.antrag.antworten).is_empty() => see_other(&format!("/antraege/{id}/nachweise")),
                None => see_other(&format!("/antraege/{id}/zusammenfassung")),
            })
        }
    }
}

/// `POST /antraege/{id}/verwerfen`: deletes a draft.
pub async fn verwerfen(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    let Some(b) = o.bearbeitung(&h.mandat) else { return Ok(kein_recht(&state, &h.ctx)) };
    let mut tx = state.db.begin().await?;
    store::verwerfen(&mut tx, b.mandat.client_id(), &id).await?;
    tx.commit().await?;
    Ok(see_other("/antraege?hinweis=verworfen"))
}
