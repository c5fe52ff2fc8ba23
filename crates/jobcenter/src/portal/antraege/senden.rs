//! The summary ("Ihre Angaben prüfen") with "Ändern" links per answer, and
//! "Antrag absenden": checked in full against the schema, the required
//! documents and the version; sent once (the form's idempotency key and
//! the row's state), with a reference, a work item for the form's team, a
//! Verlauf entry and a receipt mail without content.

use super::ausfuellen::{Offen, oeffnen, schritt_pfad};
use super::definitionen::Stand;
use super::felder;
use super::nachweise::{self, Datei};
use super::store;
use crate::app::AppState;
use crate::arbeit::{self, Team};
use crate::journal::{self, Ereignis};
use crate::portal::handelnd::{AntraegeSehen, Handelnd, kein_recht};
use crate::web::{AppResult, FormErrors, Page, render, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use formulare::{Antworten, Art, Feld, Formular};
use serde_json::Value;

/// One answer in the summary.
pub struct Antwort {
    pub label: String,
    pub wert: String,
    /// "Ändern": the step with the field's anchor.
    pub aendern: String,
}

/// A step in the summary.
pub struct Abschnitt {
    pub titel: String,
    pub antworten: Vec<Antwort>,
}

/// The answer as a person reads it: labels of choices, German dates, euros.
pub fn lesbar(f: &Formular, lang: crate::i18n::Lang, pfad: &str, feld: &Feld, v: &Value, bescheide: &[(String, String)]) -> String {
    let wahl = |w: &str| f.text(lang.code(), &format!("wert.{pfad}.{w}")).unwrap_or(w).to_owned();
    match (feld.art, v) {
        (Art::Janein, Value::Bool(b)) => lang.t(if *b { "antrag-ja" } else { "antrag-nein" }),
        (Art::Auswahl, Value::String(s)) => wahl(s),
        (Art::Mehrfach, Value::Array(a)) => a.iter().filter_map(Value::as_str).map(wahl).collect::<Vec<_>>().join(", "),
        (Art::Datum, Value::String(s)) => crate::web::page::german_date(s),
        (Art::Betrag, Value::Number(_)) => format!("{} €", formulare::antworten::anzeigen(Art::Betrag, v)),
        (Art::Bescheid, Value::String(s)) => bescheide.iter().find(|(id, _)| id == s).map_or_else(|| s.clone(), |(_, l)| l.clone()),
        _ => formulare::antworten::anzeigen(feld.art, v),
    }
}

/// The shown answers by step, for the summary and the receipt.
pub fn abschnitte(f: &Formular, lang: crate::i18n::Lang, id: &str, a: &Antworten, bescheide: &[(String, String)]) -> Vec<Abschnitt> {
    let d = f.durchlauf(a);
    let def_schritte = &f.dok.schritte;
    d.schritte
        .iter()
        .map(|(i, felder)| {
            let s = &def_schritte[*i];
            let link = |name: &str| format!("/antraege/{id}/schritt/{}#{}", s.id, felder::anker(f, name));
            let mut antworten = Vec::new();
            for &j in felder {
                let feld = &s.felder[j];
                let label = f.text(lang.code(), &format!("feld.{}", feld.name)).unwrap_or_default().to_owned();
                match (feld.art, d.antworten.get(&feld.name)) {
                    (Art::Liste, Some(Value::Array(eintraege))) => {
                        for (k, e) in eintraege.iter().enumerate() {
                            for u in &feld.felder {
                                let pfad = format!("{}.{}", feld.name, u.name);
                                let wert = e.get(&u.name).map(|v| lesbar(f, lang, &pfad, u, v, bescheide)).unwrap_or_default();
                                let ul = f.text(lang.code(), &format!("feld.{pfad}")).unwrap_or_default();
                                antworten.push(Antwort {
                                    label: format!(
                                        "{ul} ({})",
                                        lang.t_args("antrag-eintrag", &[("feld", &label), ("nummer", &(k + 1).to_string())])
                                    ),
                                    wert,
                                    aendern: link(&format!("{}.{k}.{}", feld.name, u.name)),
                                });
                            }
                        }
                    }
                    (_, v) => antworten.push(Antwort {
                        wert: v.map(|v| lesbar(f, lang, &feld.name, feld, v, bescheide)).unwrap_or_default(),
                        aendern: link(&feld.name),
                        label,
                    }),
                }
            }
            Abschnitt { titel: f.text(lang.code(), &format!("schritt.{}", s.id)).unwrap_or_default().to_owned(), antworten }
        })
        .collect()
}

/// Everything that keeps the application from being sent, as the summary
/// lists it (linked to the page that fixes it).
fn hindernisse(lang: crate::i18n::Lang, o: &Offen, dateien: &[Datei]) -> FormErrors {
    let f = &o.definition.formular;
    let mut errors = FormErrors::default();
    if o.definition.stand != Stand::Live {
        errors.add("absenden", lang.t("antrag-fehler-version"));
        return errors;
    }
    for e in f.fehler(&o.antrag.antworten) {
        let schritt = f.schritt_von(&e.feld).unwrap_or(0);
        let ziel = format!("{}#{}", schritt_pfad(&o.antrag.id, &o.definition, schritt), felder::anker(f, &e.feld));
        errors.add(ziel, felder::meldung(f, lang, &e));
    }
    for a in f.anhaenge(&o.antrag.antworten).into_iter().filter(|a| a.pflicht) {
        if !dateien.iter().any(|d| d.anhang == a.id) {
            let name = f.text(lang.code(), &format!("anhang.{}", a.id)).unwrap_or_default();
            errors.add(format!("/antraege/{}/nachweise", o.antrag.id), lang.t_args("antrag-fehler-nachweis", &[("nachweis", name)]));
        }
    }
    errors
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/zusammenfassung.html")]
struct SummaryPage {
    page: Page,
    id: String,
    abschnitte: Vec<Abschnitt>,
    dateien: Vec<Datei>,
    nachweise: bool,
    errors: FormErrors,
    hinweis: String,
}

/// `GET /antraege/{id}/zusammenfassung`.
pub async fn zusammenfassung(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    if o.bearbeitung(&h.mandat).is_none() {
        return Ok(kein_recht(&state, &h.ctx));
    }
    if !o.antrag.entwurf {
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    let lang = h.ctx.lang;
    let f = &o.definition.formular;
    let bescheide = super::ausfuellen::bescheide(&state, lang, &h.mandat, f).await?;
    let dateien = nachweise::dateien(&state.db.pool, &id).await?;
    let errors = hindernisse(lang, &o, &dateien);
    let mut page = Page::new(&h.ctx, &state, "antrag-zusammenfassung-title");
    page.title = format!("{} – {}", lang.t("antrag-zusammenfassung-title"), o.definition.titel(lang));
    render(&SummaryPage {
        abschnitte: abschnitte(f, lang, &id, &o.antrag.antworten, &bescheide),
        nachweise: !f.anhaenge(&o.antrag.antworten).is_empty(),
        hinweis: f.text(lang.code(), "hinweis").unwrap_or_default().into(),
        page,
        id,
        dateien,
        errors,
    })
}

/// `POST /antraege/{id}/absenden`.
pub async fn absenden(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    let Some(b) = o.bearbeitung(&h.mandat) else { return Ok(kein_recht(&state, &h.ctx)) };
    if !o.antrag.entwurf {
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    let dateien = nachweise::dateien(&state.db.pool, &id).await?;
    if !hindernisse(h.ctx.lang, &o, &dateien).is_empty() {
        return Ok(see_other(&format!("/antraege/{id}/zusammenfassung")));
    }
    let f = &o.definition.formular;
    let gezeigt = f.durchlauf(&o.antrag.antworten).antworten;
    let now = state.now();
    let reference = super::vorgangsnummer(now);
    let team = Team::parse(&f.dok.team).unwrap_or(Team::Leistung);
    let mut tx = state.db.begin().await?;
    if !store::absenden(&mut tx, &state.secrets, b.mandat.client_id(), &id, &gezeigt, &reference, now).await? {
        // Sent by a parallel request a moment ago.
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    arbeit::store::anlegen(&mut tx, b.mandat, b.mandat.office_id(), arbeit::store::Art::Antrag, &id, team.into(), now).await?;
    let details = serde_json::json!({"application": id, "form": f.dok.formular, "version": f.dok.version, "reference": reference});
    journal::record(&mut tx, b.mandat, Ereignis::AntragGesendet, details, &h.ctx.actor, now).await?;
    super::kunde_benachrichtigen(&state, &mut tx, b.mandat.client_id(), &id, "antrag-eingang").await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other(&format!("/antraege/{id}?hinweis=gesendet")))
}
