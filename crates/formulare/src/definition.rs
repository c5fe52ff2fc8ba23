//! A form definition as an operator writes it (docs/FORMULARE.md): the
//! answers' shape and rules as JSON Schema 2020-12, the steps with their
//! fields and conditions, the attachments, and the texts per language.

use crate::bedingung::Bedingung;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The languages every text must exist in.
pub const SPRACHEN: [&str; 3] = ["de", "en", "uk"];

/// The teams a submitted form can go to (the back office's teams).
pub const TEAMS: [&str; 3] = ["service", "leistung", "vermittlung"];

/// The rights of a representative (REP-2) that may open a form; a form
/// without one is for the client only.
pub const RECHTE: [&str; 3] = ["buergergeld", "veraenderung", "weiterbewilligung"];

/// The most entries of a repeated group ("liste").
pub const MAX_EINTRAEGE: u64 = 20;

/// The longest text a definition may allow in one answer.
pub const MAX_TEXTLAENGE: u64 = 10_000;

/// How a field is asked and how its answer is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Art {
    /// One line of text (string).
    Text,
    /// Several lines (string).
    Langtext,
    /// A whole number (integer).
    Zahl,
    /// An amount in euros (number, cents).
    Betrag,
    /// A date (string, ISO 8601, format "date").
    Datum,
    /// Yes or no (boolean).
    Janein,
    /// One of the schema's `enum` values (string).
    Auswahl,
    /// Several of the items' `enum` values (array of strings).
    Mehrfach,
    /// An IBAN (string, format "iban": checksum).
    Iban,
    /// One of the client's Bescheide (string: its id), offered by the portal.
    Bescheid,
    /// A repeated group: as many entries as an earlier number field says
    /// (array of objects).
    Liste,
}

impl Art {
    /// The JSON type the schema must give the field.
    pub fn json_typ(self) -> &'static str {
        match self {
            Art::Text | Art::Langtext | Art::Datum | Art::Auswahl | Art::Iban | Art::Bescheid => "string",
            Art::Zahl => "integer",
            Art::Betrag => "number",
            Art::Janein => "boolean",
            Art::Mehrfach | Art::Liste => "array",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Art::Text => "text",
            Art::Langtext => "langtext",
            Art::Zahl => "zahl",
            Art::Betrag => "betrag",
            Art::Datum => "datum",
            Art::Janein => "janein",
            Art::Auswahl => "auswahl",
            Art::Mehrfach => "mehrfach",
            Art::Iban => "iban",
            Art::Bescheid => "bescheid",
            Art::Liste => "liste",
        }
    }
}

/// One field on a step.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feld {
    pub name: String,
    pub art: Art,
    /// Shown only when this holds (fields of earlier steps only).
    #[serde(default, rename = "wenn")]
    pub wenn_roh: Option<Value>,
    #[serde(skip)]
    pub wenn: Option<Bedingung>,
    /// For a "liste": the number field (on an earlier step) that says how
    /// many entries.
    #[serde(default)]
    pub anzahl: Option<String>,
    /// For a "liste": the fields of one entry (no lists, no conditions).
    #[serde(default)]
    pub felder: Vec<Feld>,
}

/// One page of the form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schritt {
    pub id: String,
    pub felder: Vec<Feld>,
    #[serde(default, rename = "wenn")]
    pub wenn_roh: Option<Value>,
    #[serde(skip)]
    pub wenn: Option<Bedingung>,
}

/// A document the answers call for ("Nachweis").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anhang {
    pub id: String,
    #[serde(default, rename = "wenn")]
    pub wenn_roh: Option<Value>,
    #[serde(skip)]
    pub wenn: Option<Bedingung>,
    /// Whether the form cannot be sent without it.
    #[serde(default)]
    pub pflicht: bool,
}

/// The whole definition file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dokument {
    /// The form's key: lower-case letters, digits and "-".
    pub formular: String,
    pub version: u32,
    /// The team whose work item a submission becomes.
    pub team: String,
    /// The right of REP-2 that lets a representative use it.
    #[serde(default)]
    pub recht: Option<String>,
    /// The benefit it belongs to under "Ihre Vorgänge" (e.g. "buergergeld").
    #[serde(default)]
    pub leistung: Option<String>,
    pub schema: Value,
    pub schritte: Vec<Schritt>,
    #[serde(default)]
    pub anhaenge: Vec<Anhang>,
    pub texte: BTreeMap<String, BTreeMap<String, String>>,
}

impl Dokument {
    /// Every field with its step index: top-level fields by name, entry
    /// fields of a list as "liste.sub".
    pub fn alle_felder(&self) -> Vec<(usize, String, &Feld)> {
        let mut out = Vec::new();
        for (i, s) in self.schritte.iter().enumerate() {
            for f in &s.felder {
                out.push((i, f.name.clone(), f));
                for u in &f.felder {
                    out.push((i, format!("{}.{}", f.name, u.name), u));
                }
            }
        }
        out
    }

    /// Whether any field (an entry's too) is of this kind.
    pub fn fragt(&self, art: Art) -> bool {
        self.schritte.iter().flat_map(|s| &s.felder).any(|f| f.art == art || f.felder.iter().any(|u| u.art == art))
    }

    /// The top-level field of this name and its step.
    pub fn feld(&self, name: &str) -> Option<(usize, &Feld)> {
        self.schritte.iter().enumerate().find_map(|(i, s)| s.felder.iter().find(|f| f.name == name).map(|f| (i, f)))
    }

    /// The field a form name addresses — "name", or "liste.0.sub" for an
    /// entry's field — with its path without the entry ("liste.sub"), by
    /// which texts and the schema know it.
    pub fn feld_an(&self, name: &str) -> Option<(String, &Feld)> {
        let teile: Vec<&str> = name.split('.').collect();
        let (_, oben) = self.feld(teile.first()?)?;
        match teile.as_slice() {
            [_] => Some((name.to_owned(), oben)),
            [liste, _, sub] => oben.felder.iter().find(|u| u.name == *sub).map(|u| (format!("{liste}.{sub}"), u)),
            _ => None,
        }
    }

    /// The schema of a top-level property (or of "liste.sub").
    pub fn schema_von(&self, pfad: &str) -> Option<&Value> {
        let mut teile = pfad.split('.');
        let oben = self.schema.get("properties")?.get(teile.next()?)?;
        match teile.next() {
            None => Some(oben),
            Some(sub) => oben.get("items")?.get("properties")?.get(sub),
        }
    }

    /// The `enum` values a choice field offers (for "mehrfach" those of its
    /// items).
    pub fn werte(&self, pfad: &str, art: Art) -> Vec<Value> {
        let s = self.schema_von(pfad);
        let s = if art == Art::Mehrfach { s.and_then(|s| s.get("items")) } else { s };
        s.and_then(|s| s.get("enum")).and_then(Value::as_array).cloned().unwrap_or_default()
    }
}
