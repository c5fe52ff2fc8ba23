//! A small form with every mechanism, for the engine's tests and the
//! portal's (feature `beispiele`): a condition that skips a step, a field
//! shown only without income, a list whose length an earlier answer gives,
//! an IBAN, a document required by an answer, texts in three languages.

use serde_json::{Value, json};

/// The definition "probe" in `version`, as a JSON value.
pub fn probe(version: u32) -> Value {
    json!({
        "formular": "probe",
        "version": version,
        "team": "leistung",
        "recht": "veraenderung",
        "leistung": "buergergeld",
        "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "additionalProperties": false,
            "required": ["anzahl", "einkommen"],
            "properties": {
                "anzahl": {"type": "integer", "minimum": 0, "maximum": 5},
                "einkommen": {"type": "boolean"},
                "art": {"type": "string", "enum": ["lohn", "rente"]},
                "betrag": {"type": "number", "minimum": 0},
                "personen": {"type": "array", "items": {
                    "type": "object", "additionalProperties": false, "required": ["name"],
                    "properties": {"name": {"type": "string", "maxLength": 100}, "geburt": {"type": "string", "format": "date"}}
                }},
                "iban": {"type": "string", "format": "iban", "maxLength": 34}
            },
            "allOf": [{"if": {"properties": {"einkommen": {"const": true}}, "required": ["einkommen"]},
                       "then": {"required": ["art", "betrag"]}}]
        },
        "schritte": [
            {"id": "start", "felder": [{"name": "anzahl", "art": "zahl"}, {"name": "einkommen", "art": "janein"}]},
            {"id": "einkommen", "wenn": {"feld": "einkommen", "ist": true},
             "felder": [{"name": "art", "art": "auswahl"}, {"name": "betrag", "art": "betrag"}]},
            {"id": "personen", "felder": [
                {"name": "personen", "art": "liste", "anzahl": "anzahl",
                 "felder": [{"name": "name", "art": "text"}, {"name": "geburt", "art": "datum"}]},
                {"name": "iban", "art": "iban", "wenn": {"feld": "einkommen", "ist": false}}
            ]}
        ],
        "anhaenge": [{"id": "lohnnachweis", "pflicht": true, "wenn": {"feld": "art", "ist": "lohn"}}],
        "texte": {"de": texte("de"), "en": texte("en"), "uk": texte("uk")}
    })
}

/// Every required text: "<key> (<language>)", and three German ones that
/// tests look for.
fn texte(l: &str) -> Value {
    let mut t = serde_json::Map::new();
    for k in [
        "titel",
        "zweck",
        "schritt.start",
        "schritt.einkommen",
        "schritt.personen",
        "feld.anzahl",
        "feld.einkommen",
        "feld.art",
        "wert.art.lohn",
        "wert.art.rente",
        "feld.betrag",
        "feld.personen",
        "feld.personen.name",
        "feld.personen.geburt",
        "feld.iban",
        "anhang.lohnnachweis",
    ] {
        let v = match (k, l) {
            ("titel", "de") => "Probeantrag".to_owned(),
            ("feld.betrag", "de") => "Monatliches Einkommen".to_owned(),
            ("anhang.lohnnachweis", "de") => "Lohnabrechnung".to_owned(),
            _ => format!("{k} ({l})"),
        };
        t.insert(k.into(), Value::from(v));
    }
    Value::Object(t)
}
