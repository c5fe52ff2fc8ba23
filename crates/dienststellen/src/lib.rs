//! The office directory of "Ihre Dienststelle vor Ort" (POR-6, issue 15):
//! the jobcenters, their offices with opening hours, emergency desk,
//! accessibility and transit notes, and the postcodes each jobcenter is
//! responsible for.
//!
//! Operators load it as a file (docs/DIENSTSTELLEN.md), JSON or CSV.
//! [`lesen`] checks the whole file and refuses it with every problem and
//! its line ([`Fehler`]), so that the import can replace the directory in
//! one transaction only when all is well. [`Verzeichnis::zustaendig`]
//! finds the jobcenter for a postcode (several, each with its part, where
//! a postcode is shared: the portal asks, it does not guess); [`status`]
//! says whether an office is open now. No I/O: the application stores and
//! renders.

mod csv;
mod json;
mod modell;
mod pruefung;
mod werte;
mod zeiten;

pub use crate::csv::lesen_csv;
pub use domain::fristen::Bundesland;
pub use json::lesen_json;
pub use modell::{
    Ausnahme, Dienststelle, Jobcenter, Notfall, Oeffnungszeiten, Spanne, Verzeichnis, WOCHENTAGE, Zustaendigkeit, spannen_anzeigen,
};
pub use zeiten::{SUCHTAGE, Status, status};

/// The demo's directory (docs/DIENSTSTELLEN.md): the fictitious "Jobcenter
/// Musterstadt" and four illustrative others; not official data.
pub const BEISPIEL_JSON: &str = include_str!("../beispiel/dienststellen.json");

/// The same directory as CSV.
pub const BEISPIEL_CSV: &str = include_str!("../beispiel/dienststellen.csv");

/// A problem of the file: the line (1-based) and a German message that
/// names the field and value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Zeile {zeile}: {meldung}")]
pub struct Fehler {
    /// 1-based; 1 for problems of the whole file.
    pub zeile: usize,
    /// German, for the operator: "Dienststelle \"x\": \"mo\": …".
    pub meldung: String,
}

/// Reads a directory file: JSON or CSV by the name's extension (`.json`,
/// `.csv`), else by content (`{` first: JSON). Broken UTF-8 is an error at
/// the line of the first bad byte; otherwise every problem, by line.
pub fn lesen(name: &str, bytes: &[u8]) -> Result<Verzeichnis, Vec<Fehler>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let gut = &bytes[..e.valid_up_to()];
        let zeile = gut.iter().filter(|b| **b == b'\n').count() + 1;
        let spalte = gut.len() - gut.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
        let byte = bytes[e.valid_up_to()];
        vec![Fehler {
            zeile,
            meldung: format!(
                "die Datei ist nicht in UTF-8 kodiert (Byte 0x{byte:02X} in Spalte {spalte}); bitte als UTF-8 speichern \
                 (in Excel: \"CSV UTF-8\")"
            ),
        }]
    })?;
    let name = name.to_lowercase();
    if name.ends_with(".json") {
        lesen_json(text)
    } else if name.ends_with(".csv") {
        lesen_csv(text)
    } else if text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
        lesen_json(text)
    } else {
        lesen_csv(text)
    }
}

impl Verzeichnis {
    /// The directory as JSON in the documented shape (defaults left out).
    pub fn als_json(&self) -> String {
        json::als_json(self)
    }

    /// The directory as CSV in the documented shape, with its header row.
    pub fn als_csv(&self) -> String {
        crate::csv::als_csv(self)
    }
}

/// A postcode as typed: five digits, surrounding spaces ignored →
/// `Some("90402")`.
pub fn plz(eingabe: &str) -> Option<String> {
    domain::Postleitzahl::parse(eingabe).map(|p| p.as_str().to_owned())
}

#[cfg(test)]
mod tests;
