//! A step's fields as the templates render them (KERN components): label,
//! hint, the answer given, the choices, the error; and the messages of the
//! schema's errors in the client's language.

use crate::i18n::Lang;
use crate::web::page::FormErrors;
use formulare::{Antworten, Art, FehlerArt, Feld, FeldFehler, Formular};
use serde_json::Value;

/// One choice of a radio group, checkbox group or select.
#[derive(Debug, Clone)]
pub struct Wahl {
    pub wert: String,
    pub label: String,
    pub gewaehlt: bool,
}

/// A field as rendered.
#[derive(Debug, Clone)]
pub struct FeldAnsicht {
    /// The form field's name ("name", "liste.0.sub").
    pub name: String,
    /// The element id (`feld-name`, `feld-liste-0-sub`).
    pub id: String,
    /// The kind ("text", "janein", …), which picks the component.
    pub art: &'static str,
    pub label: String,
    pub hilfe: String,
    pub wert: String,
    pub wahl: Vec<Wahl>,
    pub fehler: Option<String>,
    pub max: Option<u64>,
    /// A list's entries, each a heading and its fields.
    pub eintraege: Vec<(String, Vec<FeldAnsicht>)>,
}

impl FeldAnsicht {
    /// The input type of a one-line field.
    pub fn input_typ(&self) -> &'static str {
        match self.art {
            "datum" => "date",
            "zahl" => "number",
            _ => "text",
        }
    }

    /// The input mode hint for phones.
    pub fn inputmode(&self) -> &'static str {
        match self.art {
            "betrag" => "decimal",
            "zahl" => "numeric",
            _ => "text",
        }
    }
}

/// The HTML id of a field path.
pub fn element_id(name: &str) -> String {
    format!("feld-{}", name.replace(['.', '_'], "-"))
}

/// The element a link to field `name` leads to: the input, or a group's
/// first choice (`feld-x-ja`, `feld-x-<first value>`); the error summary,
/// the field's own error and the summary's "Ändern" use it alike.
pub fn anker(f: &Formular, name: &str) -> String {
    match f.dok.feld_an(name) {
        Some((_, x)) if x.art == Art::Janein => format!("{}-ja", element_id(name)),
        Some((pfad, x)) if matches!(x.art, Art::Auswahl | Art::Mehrfach) => match f.dok.werte(&pfad, x.art).first().and_then(Value::as_str)
        {
            Some(w) => format!("{}-{w}", element_id(name)),
            None => element_id(name),
        },
        _ if name.is_empty() => "schritt".to_owned(),
        _ => element_id(name),
    }
}

/// The label of a field path (an entry's field: "Name (Person 2)" is left
/// to the heading; the label is the field's).
pub fn label(f: &Formular, lang: Lang, name: &str) -> String {
    let pfad = f.dok.feld_an(name).map_or_else(|| name.to_owned(), |(p, _)| p);
    f.text(lang.code(), &format!("feld.{pfad}")).unwrap_or(&pfad).to_owned()
}

/// The message of one error, in `lang`: the definition's own text for the
/// field if it has one, else the generic one for the kind of error.
pub fn meldung(f: &Formular, lang: Lang, e: &FeldFehler) -> String {
    let (pfad, art) = f.dok.feld_an(&e.feld).map_or_else(|| (e.feld.clone(), None), |(p, x)| (p, Some(x.art)));
    if let Some(eigen) = f.text(lang.code(), &format!("feld.{pfad}.fehler")) {
        return eigen.to_owned();
    }
    let feld = label(f, lang, &e.feld);
    let feld = feld.as_str();
    let zahl = |x: f64| if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.2}").replace('.', ",") };
    match &e.art {
        FehlerArt::Pflicht => lang.t_args("antrag-fehler-pflicht", &[("feld", feld)]),
        FehlerArt::Typ | FehlerArt::Format => match art {
            Some(Art::Zahl) => lang.t_args("antrag-fehler-zahl", &[("feld", feld)]),
            Some(Art::Betrag) => lang.t_args("antrag-fehler-betrag", &[("feld", feld)]),
            Some(Art::Datum) => lang.t_args("antrag-fehler-datum", &[("feld", feld)]),
            Some(Art::Janein) => lang.t_args("antrag-fehler-janein", &[("feld", feld)]),
            Some(Art::Iban) => lang.t_args("antrag-fehler-iban", &[("feld", feld)]),
            _ => lang.t_args("antrag-fehler-format", &[("feld", feld)]),
        },
        FehlerArt::ZuKurz(n) => lang.t_args("antrag-fehler-zu-kurz", &[("feld", feld), ("anzahl", &n.to_string())]),
        FehlerArt::ZuLang(n) => lang.t_args("antrag-fehler-zu-lang", &[("feld", feld), ("anzahl", &n.to_string())]),
        FehlerArt::Minimum(x) => lang.t_args("antrag-fehler-minimum", &[("feld", feld), ("wert", &zahl(*x))]),
        FehlerArt::Maximum(x) => lang.t_args("antrag-fehler-maximum", &[("feld", feld), ("wert", &zahl(*x))]),
        FehlerArt::Auswahl | FehlerArt::Anzahl => lang.t_args("antrag-fehler-auswahl", &[("feld", feld)]),
        FehlerArt::Unbekannt(namen) => lang.t_args("antrag-fehler-unbekannt", &[("felder", &namen.join(", "))]),
        FehlerArt::Regel => lang.t_args("antrag-fehler-regel", &[("feld", feld)]),
    }
}

/// The errors as the page shows them (summary linked to the fields).
pub fn form_errors(f: &Formular, lang: Lang, fehler: &[FeldFehler]) -> FormErrors {
    let mut errors = FormErrors::default();
    for e in fehler {
        errors.add(anker(f, &e.feld), meldung(f, lang, e));
    }
    errors
}

/// The fields of a step, with answers, choices and errors.
pub fn ansicht(
    f: &Formular,
    lang: Lang,
    schritt: usize,
    a: &Antworten,
    errors: &FormErrors,
    bescheide: &[(String, String)],
) -> Vec<FeldAnsicht> {
    let d = f.durchlauf(a);
    let Some((_, felder)) = d.schritte.iter().find(|(i, _)| *i == schritt) else { return Vec::new() };
    felder
        .iter()
        .map(|&j| {
            let feld = &f.dok.schritte[schritt].felder[j];
            let mut v = eines(f, lang, &feld.name, &feld.name, feld, a.get(&feld.name), errors, bescheide);
            if feld.art == Art::Liste {
                let n = formulare::antworten::eintraege(feld, &d.antworten);
                v.eintraege = eintraege(
                    f,
                    lang,
                    feld,
                    &v.label,
                    n,
                    a.get(&feld.name).and_then(Value::as_array).map(Vec::as_slice),
                    errors,
                    bescheide,
                );
            }
            v
        })
        .collect()
}

/// Every field of a step as the client would see it, whatever the
/// conditions, unanswered, a list with one entry: the back office's
/// preview of a definition (`backoffice::formulare`), so that it shows the
/// same components as the client's page and not a second rendering.
pub fn vorschau(f: &Formular, lang: Lang, schritt: usize) -> Vec<FeldAnsicht> {
    let keine = FormErrors::default();
    f.dok.schritte[schritt]
        .felder
        .iter()
        .map(|feld| {
            let mut v = eines(f, lang, &feld.name, &feld.name, feld, None, &keine, &[]);
            if feld.art == Art::Liste {
                v.eintraege = eintraege(f, lang, feld, &v.label, 1, None, &keine, &[]);
            }
            v
        })
        .collect()
}

/// The first `n` entries of a list field, each a heading ("Person 2") and
/// its fields with the answers of `liste`.
#[allow(clippy::too_many_arguments)]
fn eintraege(
    f: &Formular,
    lang: Lang,
    feld: &Feld,
    label: &str,
    n: usize,
    liste: Option<&[Value]>,
    errors: &FormErrors,
    bescheide: &[(String, String)],
) -> Vec<(String, Vec<FeldAnsicht>)> {
    (0..n)
        .map(|k| {
            let eintrag = liste.and_then(|l| l.get(k));
            let felder = feld
                .felder
                .iter()
                .map(|u| {
                    let name = format!("{}.{k}.{}", feld.name, u.name);
                    let pfad = format!("{}.{}", feld.name, u.name);
                    eines(f, lang, &name, &pfad, u, eintrag.and_then(|e| e.get(&u.name)), errors, bescheide)
                })
                .collect();
            (lang.t_args("antrag-eintrag", &[("feld", label), ("nummer", &(k + 1).to_string())]), felder)
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn eines(
    f: &Formular,
    lang: Lang,
    name: &str,
    pfad: &str,
    feld: &Feld,
    wert: Option<&Value>,
    errors: &FormErrors,
    bescheide: &[(String, String)],
) -> FeldAnsicht {
    let id = element_id(name);
    let text = |k: &str| f.text(lang.code(), k).unwrap_or_default().to_owned();
    let gewaehlt = |w: &str| match wert {
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(w)),
        Some(v) => formulare::antworten::anzeigen(feld.art, v) == w,
        None => false,
    };
    let wahl = match feld.art {
        Art::Janein => ["ja", "nein"]
            .iter()
            .map(|w| Wahl { wert: (*w).into(), label: lang.t(&format!("antrag-{w}")), gewaehlt: gewaehlt(w) })
            .collect(),
        Art::Auswahl | Art::Mehrfach => f
            .dok
            .werte(pfad, feld.art)
            .iter()
            .filter_map(Value::as_str)
            .map(|w| Wahl { wert: w.into(), label: text(&format!("wert.{pfad}.{w}")), gewaehlt: gewaehlt(w) })
            .collect(),
        Art::Bescheid => bescheide.iter().map(|(w, l)| Wahl { wert: w.clone(), label: l.clone(), gewaehlt: gewaehlt(w) }).collect(),
        _ => Vec::new(),
    };
    let mut v = FeldAnsicht {
        name: name.to_owned(),
        id,
        art: feld.art.as_str(),
        label: text(&format!("feld.{pfad}")),
        hilfe: text(&format!("feld.{pfad}.hilfe")),
        wert: wert.map(|w| formulare::antworten::anzeigen(feld.art, w)).unwrap_or_default(),
        wahl,
        fehler: None,
        max: f.dok.schema_von(pfad).and_then(|s| s.get("maxLength")).and_then(Value::as_u64),
        eintraege: Vec::new(),
    };
    v.fehler = errors.get(&anker(f, name)).map(str::to_owned);
    v
}
