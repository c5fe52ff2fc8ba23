//! The crate on its own: both formats read into the same directory and
//! back; every problem of a bad file at its line; the opening hours at
//! their edges; and the shipped sample.

use crate::*;

mod fehler;
mod lesen;
mod zeiten;

/// A small directory with a postcode two jobcenters share, an emergency
/// desk with its own exception, and the optional fields left out.
pub(super) const KLEIN_JSON: &str = r#"{"jobcenter": [
  {"id": "fuerth-stadt", "name": "Jobcenter Fürth Stadt", "bundesland": "BY", "telefon": "0911 1",
   "zustaendigkeit": ["90762", {"plz": "90768", "gebiet": "Fürth, Stadt"}],
   "dienststellen": [
     {"id": "fue", "name": "Jobcenter Fürth", "strasse": "Schwabacher Straße 45", "plz": "90762", "ort": "Fürth",
      "telefon": "0911 2",
      "oeffnungszeiten": {"mo": ["14:00-16:00", "08:00-12:00"], "do": ["08:00 – 12:00"]},
      "ausnahmen": [{"datum": "2026-12-24", "zeiten": [], "hinweis": "Heiligabend geschlossen"}],
      "notfall": {"hinweis": "Notfallschalter", "oeffnungszeiten": {"mo": ["00:00-24:00"]}, "feiertags_geschlossen": false,
                  "ausnahmen": [{"datum": "2026-12-25", "zeiten": ["10:00-12:00"]}]}}]},
  {"id": "fuerth-land", "name": "Jobcenter Fürth Land", "bundesland": "by", "email": "info@fuerth-land.example",
   "zustaendigkeit": [{"plz": "90768", "gebiet": "Landkreis"}, "90513"],
   "dienststellen": [
     {"id": "zirndorf", "name": "Zirndorf", "strasse": "Bahnhofstraße 8", "plz": "90513", "ort": "Zirndorf", "telefon": "0911 3",
      "email": "z@fuerth-land.example", "oeffnungszeiten": {}, "feiertags_geschlossen": false,
      "barrierefreiheit": "Rampe; Aufzug", "oepnv": "R11"}]}
]}"#;

/// The same in CSV: other columns, rows in another order, a comment,
/// dates and dashes written differently.
pub(super) const KLEIN_CSV: &str = "\
# Zwei Jobcenter teilen sich die 90768.
satz;jobcenter;dienststelle;name;bundesland;telefon;email;plz;gebiet;strasse;ort;mo;do;feiertags_geschlossen;datum;zeiten;hinweis;barrierefreiheit;oepnv
plz;fuerth-stadt;;;;;;90762;;;;;;;;;;;
notfall-ausnahme;;fue;;;;;;;;;;;;25.12.2026;10:00-12:00;;;
jobcenter;fuerth-stadt;;Jobcenter Fürth Stadt;BY;0911 1;;;;;;;;;;;;;
plz;fuerth-stadt;;;;;;90768;Fürth, Stadt;;;;;;;;;;
ausnahme;;fue;;;;;;;;;;;;2026-12-24;;Heiligabend geschlossen;;
dienststelle;fuerth-stadt;fue;Jobcenter Fürth;;0911 2;;90762;;Schwabacher Straße 45;Fürth;14:00-16:00, 08:00-12:00;08:00 – 12:00;;;;;;
notfall;;fue;;;;;;;;;00:00-24:00;;nein;;;Notfallschalter;;

jobcenter;fuerth-land;;Jobcenter Fürth Land;by;;info@fuerth-land.example;;;;;;;;;;;;
plz;fuerth-land;;;;;;90768;Landkreis;;;;;;;;;;
plz;fuerth-land;;;;;;90513;;;;;;;;;;;
dienststelle;fuerth-land;zirndorf;Zirndorf;;0911 3;z@fuerth-land.example;90513;;Bahnhofstraße 8;Zirndorf;;;nein;;;;\"Rampe; Aufzug\";R11
";

pub(super) fn klein() -> Verzeichnis {
    lesen_json(KLEIN_JSON).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// The problems as "Zeile N: …".
pub(super) fn meldungen(e: Vec<Fehler>) -> Vec<String> {
    e.iter().map(ToString::to_string).collect()
}
