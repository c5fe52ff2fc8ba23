//! Forms as data (APP-2). A form is a versioned definition an operator
//! writes and loads without a new build (docs/FORMULARE.md):
//!
//! - the answers' shape and rules as **JSON Schema 2020-12** (validated with
//!   the `jsonschema` crate, built without remote retrieval: a `$ref` to
//!   anything outside the document fails),
//! - the steps: pages, their fields, and conditions that show or skip a
//!   page or a field ([`bedingung`]), evaluated here on the server,
//! - the attachments the answers call for,
//! - the texts per language (de, en, uk), keyed by step, field and value.
//!
//! [`Formular::laden`] refuses a definition with every problem and its
//! place ([`pruefung`]). A loaded form walks the answers ([`Durchlauf`]),
//! reads a posted page, and validates with the same schema that defines it
//! ([`FeldFehler`]). No I/O: the portal stores and renders.

pub mod antworten;
pub mod bedingung;
#[cfg(any(test, feature = "beispiele"))]
pub mod beispiele;
pub mod definition;
pub mod pruefung;

pub use antworten::{Antworten, Durchlauf, FehlerArt, FeldFehler};
pub use definition::{Anhang, Art, Dokument, Feld, SPRACHEN, Schritt};
pub use pruefung::Mangel;

use jsonschema::Validator;

/// A checked definition, ready to use.
pub struct Formular {
    pub dok: Dokument,
    validator: Validator,
}

impl std::fmt::Debug for Formular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Formular({} v{})", self.dok.formular, self.dok.version)
    }
}

/// The validator of a form's schema: draft 2020-12, formats checked
/// (`date`, and `iban` with its checksum), nothing fetched.
pub(crate) fn validator(schema: &serde_json::Value) -> Result<Validator, String> {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .with_format("iban", iban_gueltig)
        .build(schema)
        .map_err(|e| e.to_string())
}

/// ISO 13616: letters and digits, 15 to 34 long, mod 97 = 1.
pub fn iban_gueltig(s: &str) -> bool {
    let s = s.as_bytes();
    if !(15..=34).contains(&s.len()) || !s[..2].iter().all(u8::is_ascii_uppercase) || !s[2..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut rest: u32 = 0;
    for &b in s[4..].iter().chain(&s[..4]) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rest = if v >= 10 { (rest * 100 + v) % 97 } else { (rest * 10 + v) % 97 };
    }
    rest == 1
}

impl Formular {
    /// Reads and checks a definition file; every problem with its place.
    pub fn laden(json: &str) -> Result<Self, Vec<Mangel>> {
        let mut dok: Dokument = serde_json::from_str(json)
            .map_err(|e| vec![Mangel { ort: format!("Zeile {}, Spalte {}", e.line(), e.column()), was: e.to_string() }])?;
        match pruefung::pruefen(&mut dok) {
            (maengel, Some(validator)) if maengel.is_empty() => Ok(Self { dok, validator }),
            (maengel, _) => Err(maengel),
        }
    }

    /// A text in `sprache` (German where a language lacks it, which a
    /// checked definition never does).
    pub fn text(&self, sprache: &str, key: &str) -> Option<&str> {
        let t = |s: &str| self.dok.texte.get(s).and_then(|t| t.get(key)).map(String::as_str);
        t(sprache).or_else(|| t("de"))
    }

    /// The walk through the form for these answers.
    pub fn durchlauf(&self, a: &Antworten) -> Durchlauf {
        antworten::durchlauf(self, a)
    }

    /// Reads a posted page (`eingabe`: the form's name/value pairs) into
    /// the answers.
    pub fn uebernehmen(&self, schritt: usize, a: &mut Antworten, eingabe: &[(String, String)]) {
        antworten::uebernehmen(self, schritt, a, eingabe)
    }

    /// Every error of the shown answers.
    pub fn fehler(&self, a: &Antworten) -> Vec<FeldFehler> {
        antworten::fehler(self, &self.durchlauf(a))
    }

    /// The errors of one step's fields.
    pub fn fehler_im_schritt(&self, schritt: usize, a: &Antworten) -> Vec<FeldFehler> {
        let felder: Vec<&str> = self.dok.schritte[schritt].felder.iter().map(|f| f.name.as_str()).collect();
        self.fehler(a).into_iter().filter(|e| felder.contains(&e.oberfeld())).collect()
    }

    /// The step a field (or an entry's field) is asked on.
    pub fn schritt_von(&self, feld: &str) -> Option<usize> {
        self.dok.feld(feld.split('.').next()?).map(|(i, _)| i)
    }

    /// The attachments these answers call for.
    pub fn anhaenge(&self, a: &Antworten) -> Vec<&Anhang> {
        let d = self.durchlauf(a);
        self.dok.anhaenge.iter().filter(|x| x.wenn.as_ref().is_none_or(|c| c.gilt(&d.antworten))).collect()
    }
}

#[cfg(test)]
mod tests;
