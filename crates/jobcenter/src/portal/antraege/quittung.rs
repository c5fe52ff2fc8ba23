//! The receipt of a sent application ("Eingangsbestätigung", APP-2) as a
//! tagged PDF: the form's title, the "Vorgangsnummer", when it was sent,
//! every question with its answer in the client's language and in German
//! (what the jobcenter reads), and the documents sent with it with name,
//! size and SHA-256, so that the client can prove what was sent.

use super::ausfuellen::{bescheide, oeffnen};
use super::nachweise::{self, Datei};
use super::senden::{Abschnitt, abschnitte};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::portal::handelnd::{AntraegeSehen, Handelnd};
use crate::satz::{Face, LEFT, Satz, WIDTH};
use crate::web::{AppError, AppResult};
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use formulare::{Antworten, Formular};
use pdf_writer::types::StructRole;

/// What the receipt shows besides the answers.
pub struct Quittung<'a> {
    /// The client's language (the second language of every text; German
    /// alone when it is German).
    pub lang: Lang,
    pub formular: &'a Formular,
    pub antworten: &'a Antworten,
    pub application_id: &'a str,
    pub vorgangsnummer: &'a str,
    /// Unix seconds.
    pub gesendet: i64,
    pub name: String,
    pub kundennummer: String,
    /// The Bescheide a Bescheid field may name, labelled in the client's
    /// language and in German.
    pub bescheide: [Vec<(String, String)>; 2],
    /// The documents sent with the application.
    pub dateien: &'a [Datei],
}

/// The language tag of the structure elements in `lang`.
fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de-DE",
        Lang::En => "en-GB",
        Lang::Uk => "uk-UA",
    }
}

/// The languages of the receipt: the client's first, then German if that
/// is another.
fn sprachen(lang: Lang) -> Vec<Lang> {
    if lang == Lang::De { vec![Lang::De] } else { vec![lang, Lang::De] }
}

/// The PDF.
pub fn pdf(q: &Quittung) -> anyhow::Result<Vec<u8>> {
    let f = q.formular;
    let de = Lang::De;
    let mut s = Satz::new()?;
    let titel = |l: Lang| f.text(l.code(), "titel").unwrap_or_default().to_owned();
    for l in sprachen(q.lang) {
        s.element_in(if l == q.lang { StructRole::H1 } else { StructRole::P }, tag(l));
        s.wrapped(Face::Bold, if l == q.lang { 14.0 } else { 11.0 }, &l.t("quittung-titel"));
    }
    s.y -= 6.0;
    for l in sprachen(q.lang) {
        s.element_in(StructRole::P, tag(l));
        s.wrapped(Face::Bold, 12.0, &titel(l));
    }
    s.y -= 6.0;
    let zeit = crate::web::page::format_datetime(q.gesendet);
    for l in sprachen(q.lang) {
        s.element_in(StructRole::P, tag(l));
        for (key, wert) in [
            ("quittung-vorgangsnummer", q.vorgangsnummer),
            ("quittung-gesendet", zeit.as_str()),
            ("quittung-name", q.name.as_str()),
            ("quittung-kundennummer", q.kundennummer.as_str()),
        ] {
            s.wrapped(Face::Regular, 10.0, &format!("{}: {wert}", l.t(key)));
        }
        s.y -= 4.0;
        s.element_in(StructRole::P, tag(l));
        s.wrapped(Face::Regular, 10.0, &l.t("quittung-einleitung"));
        s.y -= 8.0;
    }

    // The answers, step by step; German beside the client's language.
    let teile: Vec<Vec<Abschnitt>> =
        sprachen(q.lang).into_iter().enumerate().map(|(i, l)| abschnitte(f, l, q.application_id, q.antworten, &q.bescheide[i])).collect();
    for (k, abschnitt) in teile[0].iter().enumerate() {
        let deutsch = teile.get(1).and_then(|t| t.get(k));
        s.heading(2, &abschnitt.titel);
        if let Some(d) = deutsch {
            s.element_in(StructRole::P, tag(de));
            s.wrapped(Face::Regular, 9.0, &d.titel);
            s.y -= 4.0;
        }
        for (j, a) in abschnitt.antworten.iter().enumerate() {
            s.room_for(40.0);
            s.element_in(StructRole::P, tag(q.lang));
            s.wrapped(Face::Bold, 10.0, &a.label);
            s.wrapped_at(LEFT + 12.0, WIDTH - 12.0, Face::Regular, 10.0, antwort(q.lang, &a.wert).as_ref());
            if let Some(d) = deutsch.and_then(|d| d.antworten.get(j)) {
                s.element_in(StructRole::P, tag(de));
                s.wrapped(Face::Regular, 9.0, &d.label);
                s.wrapped_at(LEFT + 12.0, WIDTH - 12.0, Face::Regular, 9.0, antwort(de, &d.wert).as_ref());
            }
            s.y -= 5.0;
        }
        s.y -= 6.0;
    }

    // The documents sent with it.
    let ueberschrift = sprachen(q.lang).iter().map(|l| l.t("quittung-nachweise")).collect::<Vec<_>>().join(" / ");
    s.heading(2, &ueberschrift);
    if q.dateien.is_empty() {
        s.paragraph(&sprachen(q.lang).iter().map(|l| l.t("quittung-keine-nachweise")).collect::<Vec<_>>().join(" / "));
    }
    for d in q.dateien {
        s.room_for(45.0);
        s.element(StructRole::P, None);
        s.wrapped(Face::Bold, 10.0, &d.file_name);
        s.wrapped_at(LEFT + 12.0, WIDTH - 12.0, Face::Regular, 9.0, &format!("{}: {}", de.t("quittung-groesse"), d.groesse()));
        s.wrapped_at(LEFT + 12.0, WIDTH - 12.0, Face::Regular, 9.0, &format!("SHA-256: {}", d.sha256));
        s.y -= 5.0;
    }
    s.finish(&format!("{} – {}", de.t("quittung-titel"), titel(de)))
}

/// An empty answer reads "keine Angabe".
fn antwort(lang: Lang, wert: &str) -> std::borrow::Cow<'static, str> {
    if wert.trim().is_empty() { lang.t("quittung-keine-angabe").into() } else { wert.to_owned().into() }
}

/// `GET /antraege/{id}/eingangsbestaetigung`: the receipt of a sent
/// application (404 for a draft).
pub async fn herunterladen(State(state): State<AppState>, h: Handelnd<AntraegeSehen>, Path(id): Path<String>) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    let (Some(nummer), Some(gesendet)) = (o.antrag.reference.as_deref(), o.antrag.submitted_at) else {
        return Err(AppError::NotFound);
    };
    let f = &o.definition.formular;
    let lang = h.ctx.lang;
    let dateien: Vec<Datei> = nachweise::dateien(&state.db.pool, &id).await?.into_iter().filter(|d| d.request_id.is_none()).collect();
    let bescheide = [bescheide(&state, lang, &h.mandat, f).await?, bescheide(&state, Lang::De, &h.mandat, f).await?];
    let q = Quittung {
        lang,
        formular: f,
        antworten: &o.antrag.antworten,
        application_id: &id,
        vorgangsnummer: nummer,
        gesendet,
        name: h.profile.name(),
        kundennummer: h.profile.kundennummer.clone(),
        bescheide,
        dateien: &dateien,
    };
    let bytes = pdf(&q).map_err(AppError::Internal)?;
    let name = format!("Eingangsbestaetigung-{nummer}.pdf");
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, crate::backoffice::sendungen::content_disposition(&name)),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_receipt_shows_each_answer_in_the_clients_language_and_in_german() {
        let f = Formular::laden(&formulare::beispiele::probe(1).to_string()).unwrap();
        let antworten: Antworten = serde_json::from_value(serde_json::json!({
            "anzahl": 1, "einkommen": true, "art": "lohn", "betrag": 1250.5,
            "personen": [{"name": "Олена <i>Коваленко</i>"}]
        }))
        .unwrap();
        let dateien: Vec<Datei> = (0..10)
            .map(|i| Datei {
                id: format!("d{i}"),
                anhang: "lohnnachweis".into(),
                file_name: format!("Lohnabrechnung-{i}.pdf"),
                bytes: 120_000 + i,
                sha256: format!("{i:064x}"),
                request_id: None,
            })
            .collect();
        let q = Quittung {
            lang: Lang::Uk,
            formular: &f,
            antworten: &antworten,
            application_id: "a1",
            vorgangsnummer: "2026-ABCDE-FGHJK",
            gesendet: 1_796_000_000,
            name: "Олена Коваленко".into(),
            kundennummer: "123A456789".into(),
            bescheide: [Vec::new(), Vec::new()],
            dateien: &dateien,
        };
        let doc = lopdf::Document::load_mem(&pdf(&q).unwrap()).unwrap();
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "Підтвердження надходження",
            "Eingangsbestätigung",
            "Номер справи: 2026-ABCDE-FGHJK",
            "Vorgangsnummer: 2026-ABCDE-FGHJK",
            "Олена <i>Коваленко</i>",
            "Lohnabrechnung-9.pdf",
            &format!("SHA-256: {:064x}", 9),
            "Größe: 120 kB",
        ] {
            assert!(text.contains(want), "{want:?} in {text}");
        }
        // Ukrainian parts are marked as such for screen readers.
        let uk = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Lang").and_then(|v| v.as_str()).is_ok_and(|l| l == b"uk-UA"))
            .count();
        assert!(uk > 5, "{uk} elements in Ukrainian");
    }
}
