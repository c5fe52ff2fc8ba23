//! The engine on its own: definitions valid and invalid, conditions,
//! lists, validation; and every definition shipped in `formulare/`.

use super::*;
use serde_json::{Value, json};

fn beispiel() -> Value {
    crate::beispiele::probe(1)
}

fn laden(v: &Value) -> Result<Formular, Vec<Mangel>> {
    Formular::laden(&v.to_string())
}

fn maengel(v: &Value) -> String {
    laden(v).unwrap_err().iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

fn antworten(v: Value) -> Antworten {
    v.as_object().unwrap().clone()
}

fn paare(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn the_example_loads_and_conditions_skip_steps_and_fields() {
    let f = laden(&beispiel()).unwrap();
    let mut a = Antworten::new();
    f.uebernehmen(0, &mut a, &paare(&[("anzahl", "2"), ("einkommen", "nein")]));
    assert_eq!(a, antworten(json!({"anzahl": 2, "einkommen": false})));
    let d = f.durchlauf(&a);
    assert_eq!(d.schritte.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 2]);
    assert_eq!(d.schritte[1].1, vec![0, 1], "the IBAN is asked without income");
    // Two entries, padded: both names are missing.
    let fehler = f.fehler_im_schritt(2, &a);
    assert_eq!(fehler.iter().map(|e| e.feld.as_str()).collect::<Vec<_>>(), vec!["personen.0.name", "personen.1.name"]);
    f.uebernehmen(
        2,
        &mut a,
        &paare(&[
            ("personen.0.name", "Łukasz"),
            ("personen.0.geburt", "1.2.1990"),
            ("personen.1.name", "Olena"),
            ("personen.2.name", "ignored"),
            ("iban", "DE89 3704 0044 0532 0130 01"),
        ]),
    );
    assert_eq!(a["personen"], json!([{"name": "Łukasz", "geburt": "1990-02-01"}, {"name": "Olena"}]));
    assert_eq!(f.fehler(&a), vec![FeldFehler { feld: "iban".into(), art: FehlerArt::Format }], "checksum");
    f.uebernehmen(2, &mut a, &paare(&[("personen.0.name", "Łukasz"), ("personen.1.name", "Olena"), ("iban", "DE89370400440532013000")]));
    assert!(f.fehler(&a).is_empty());
    assert!(f.anhaenge(&a).is_empty());

    // Income yes: the step appears, its fields are required by the schema's if/then.
    f.uebernehmen(0, &mut a, &paare(&[("anzahl", "1"), ("einkommen", "ja")]));
    let d = f.durchlauf(&a);
    assert!(d.zeigt(1));
    assert_eq!(d.antworten["personen"].as_array().unwrap().len(), 1, "cut to the number of entries");
    assert!(!d.antworten.contains_key("iban"), "a hidden answer is not part of the application");
    let fehler = f.fehler_im_schritt(1, &a);
    assert_eq!(fehler.len(), 2);
    assert!(fehler.iter().all(|e| e.art == FehlerArt::Pflicht));
    f.uebernehmen(1, &mut a, &paare(&[("art", "lohn"), ("betrag", "-3")]));
    assert_eq!(f.fehler(&a), vec![FeldFehler { feld: "betrag".into(), art: FehlerArt::Minimum(0.0) }]);
    assert_eq!(f.anhaenge(&a).iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), vec!["lohnnachweis"]);
}

#[test]
fn bad_answers_get_field_errors_not_panics() {
    let f = laden(&beispiel()).unwrap();
    let mut a = Antworten::new();
    f.uebernehmen(0, &mut a, &paare(&[("anzahl", "zwei"), ("einkommen", "vielleicht")]));
    let e = f.fehler(&a);
    assert!(e.contains(&FeldFehler { feld: "anzahl".into(), art: FehlerArt::Typ }), "{e:?}");
    assert!(e.contains(&FeldFehler { feld: "einkommen".into(), art: FehlerArt::Typ }), "{e:?}");
    // Unknown fields (from an API client) are named.
    let a = antworten(json!({"anzahl": 0, "einkommen": false, "hacker": "<script>"}));
    let mut d = f.durchlauf(&a);
    d.antworten.insert("hacker".into(), json!("x"));
    let e = antworten::fehler(&f, &d);
    assert_eq!(e, vec![FeldFehler { feld: "".into(), art: FehlerArt::Unbekannt(vec!["hacker".into()]) }]);
    // A huge list count is capped by the schema, not by memory.
    let a = antworten(json!({"anzahl": 1_000_000, "einkommen": false}));
    assert_eq!(f.durchlauf(&a).antworten["personen"].as_array().unwrap().len(), definition::MAX_EINTRAEGE as usize);
    assert!(f.fehler(&a).contains(&FeldFehler { feld: "anzahl".into(), art: FehlerArt::Maximum(5.0) }));
}

#[test]
fn invalid_definitions_are_refused_with_their_place() {
    let mut v = beispiel();
    v["schritte"][2]["felder"][1]["wenn"] = json!({"feld": "gibtsnicht", "ist": 1});
    assert!(maengel(&v).contains("schritte[2].felder[1] (\"iban\").wenn: Feld \"gibtsnicht\" gibt es nicht"), "{}", maengel(&v));

    let mut v = beispiel();
    v["schritte"][0]["felder"][0]["wenn"] = json!({"feld": "einkommen", "ist": true});
    assert!(maengel(&v).contains("erst auf diesem oder einem späteren Schritt"), "{}", maengel(&v));

    let mut v = beispiel();
    v["texte"]["uk"].as_object_mut().unwrap().remove("feld.betrag");
    assert!(maengel(&v).contains("texte.uk.feld.betrag: fehlt"), "{}", maengel(&v));

    let mut v = beispiel();
    v["texte"]["en"]["feld.betrag.hilfe"] = json!("help");
    assert!(maengel(&v).contains("texte.de.feld.betrag.hilfe: fehlt (in \"en\" vorhanden)"), "{}", maengel(&v));

    let mut v = beispiel();
    v["texte"]["de"]["feld.betrg"] = json!("Tippfehler");
    assert!(maengel(&v).contains("texte.de.feld.betrg: kein Feld"), "{}", maengel(&v));

    let mut v = beispiel();
    v["schema"]["properties"]["betrag"]["type"] = json!("string");
    assert!(maengel(&v).contains("schema.properties.betrag.type: die Art \"betrag\" braucht \"number\""), "{}", maengel(&v));

    let mut v = beispiel();
    v["schema"]["properties"]["personen"]["items"]["properties"]["name"].as_object_mut().unwrap().remove("maxLength");
    assert!(maengel(&v).contains("schema.properties.personen.items.properties.name.maxLength"), "{}", maengel(&v));

    let mut v = beispiel();
    v["schema"]["properties"]["extra"] = json!({"type": "string", "maxLength": 3});
    assert!(maengel(&v).contains("schema.properties.extra: kein Schritt fragt dieses Feld"), "{}", maengel(&v));

    let mut v = beispiel();
    v["schema"]["properties"]["anzahl"]["type"] = json!("zahl");
    assert!(maengel(&v).contains("kein gültiges JSON Schema"), "{}", maengel(&v));

    let mut v = beispiel();
    v["schema"]["$ref"] = json!("https://example.com/fremd.json");
    assert!(maengel(&v).contains("lässt sich nicht übersetzen"), "remote references are off: {}", maengel(&v));

    let mut v = beispiel();
    v["team"] = json!("kantine");
    v["schritte"][2]["felder"][0]["anzahl"] = json!("einkommen");
    let m = maengel(&v);
    assert!(m.contains("team: \"kantine\""), "{m}");
    assert!(m.contains("\"einkommen\" muss ein Zahlfeld eines früheren Schritts sein"), "{m}");

    let m = Formular::laden("{\"formular\": \"x\",\n \"version\": }").unwrap_err();
    assert!(m[0].ort.starts_with("Zeile 2"), "{m:?}");
}

#[test]
fn texts_fall_back_to_german_and_ibans_are_checked() {
    let f = laden(&beispiel()).unwrap();
    assert_eq!(f.text("uk", "titel"), Some("titel (uk)"));
    assert_eq!(f.text("fr", "titel"), Some("Probeantrag"), "German for a language without texts");
    assert!(iban_gueltig("DE89370400440532013000"));
    assert!(iban_gueltig("GB82WEST12345698765432"));
    assert!(!iban_gueltig("DE89370400440532013001"));
    assert!(!iban_gueltig("DE8937040044"));
    assert!(!iban_gueltig("de89370400440532013000"));
}

/// Every definition the repository ships loads.
#[test]
fn every_shipped_definition_loads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../formulare");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&p).unwrap();
            if let Err(m) = Formular::laden(&text) {
                panic!("{}:\n{}", p.display(), m.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
            }
            n += 1;
        }
    }
    assert!(n > 0, "no definitions in {}", dir.display());
}
