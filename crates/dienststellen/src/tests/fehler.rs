//! Bad files: every problem, each at its line, with a message that names
//! the field and the value.

use super::*;

/// Line numbers are those of the string, starting at 1 on `{"jobcenter"`.
const SCHLECHT_JSON: &str = r#"{"jobcenter": [
  {"id": "A", "name": "Jobcenter A", "bundesland": "XY",
   "email": "keine-adresse",
   "zustaendigkeit": ["9040", "90402", "90402", {"plz": "90768"}],
   "farbe": "rot",
   "dienststellen": [
     {"id": "eins", "name": "Eins", "strasse": "Weg 1", "plz": "90402", "ort": "Nürnberg", "telefon": "",
      "oeffnungszeiten": {"mo": ["08:00-12:00", "11:00-13:00"], "di": ["25:00-26:00"], "mi": ["12:00-08:00"], "fr": "08:00-12:00"},
      "ausnahmen": [{"datum": "2026-12-24", "zeiten": []}, {"datum": "2026-12-24", "zeiten": []}, {"datum": "2026-02-30", "zeiten": []}]}
   ]},
  {"id": "jc-b", "name": "Jobcenter B", "bundesland": "BY",
   "zustaendigkeit": [{"plz": "90768"}],
   "dienststellen": []},
  {"id": "jc-b", "name": "", "bundesland": "BY", "zustaendigkeit": [],
   "dienststellen": [{"id": "eins", "name": "Zwei", "strasse": "Weg 2", "plz": "90403", "ort": "Nürnberg", "telefon": "0911",
     "oeffnungszeiten": {"mo": ["8-12"], "mo": []}, "notfall": {"oeffnungszeiten": {"sa": ["00:00-24:00"]}}}]}
]}"#;

#[test]
fn a_bad_json_file_reports_every_problem_at_its_line() {
    assert_eq!(
        meldungen(lesen_json(SCHLECHT_JSON).unwrap_err()),
        vec![
            "Zeile 2: Jobcenter \"A\": \"bundesland\" \"XY\" ist kein Kürzel wie BY oder BE",
            "Zeile 2: Jobcenter: die id \"A\" hat nicht 2 bis 64 Zeichen aus a-z, 0-9 und \"-\"",
            "Zeile 3: Jobcenter \"A\": \"email\" \"keine-adresse\" ist keine E-Mail-Adresse",
            "Zeile 4: Jobcenter \"A\": die Postleitzahl \"9040\" hat nicht genau 5 Ziffern",
            "Zeile 4: Jobcenter \"A\": die Postleitzahl 90402 steht doppelt (zuerst in Zeile 4)",
            "Zeile 4: Jobcenter \"A\": die Postleitzahl 90768 teilen sich A, jc-b; hier fehlt \"gebiet\" (welcher Teil)",
            "Zeile 5: Jobcenter \"A\": unbekannter Schlüssel \"farbe\"",
            "Zeile 7: Dienststelle \"eins\": \"telefon\" fehlt oder ist leer",
            "Zeile 8: Dienststelle \"eins\": \"mo\": \"08:00-12:00\" und \"11:00-13:00\" überschneiden sich",
            "Zeile 8: Dienststelle \"eins\": \"di\": \"25:00-26:00\" ist keine Zeitspanne der Form HH:MM-HH:MM mit Uhrzeiten von 00:00 bis 24:00",
            "Zeile 8: Dienststelle \"eins\": \"mi\": \"12:00-08:00\": der Beginn 12:00 liegt nicht vor dem Ende 08:00",
            "Zeile 8: Dienststelle \"eins\": \"fr\" ist ein Text statt einer Liste wie [\"08:00-12:00\"]",
            "Zeile 9: Dienststelle \"eins\": \"2026-02-30\" ist kein gültiges Datum (JJJJ-MM-TT)",
            "Zeile 9: Dienststelle \"eins\": für den 24.12.2026 gibt es schon eine Ausnahme (Zeile 9)",
            "Zeile 11: Jobcenter \"jc-b\" hat keine Dienststelle",
            "Zeile 12: Jobcenter \"jc-b\": die Postleitzahl 90768 teilen sich A, jc-b; hier fehlt \"gebiet\" (welcher Teil)",
            "Zeile 14: Jobcenter: die id \"jc-b\" gibt es schon (Zeile 11)",
            "Zeile 14: Jobcenter \"jc-b\": \"name\" fehlt oder ist leer",
            "Zeile 14: Jobcenter \"jc-b\" ist für keine Postleitzahl zuständig",
            "Zeile 15: Dienststelle: die id \"eins\" gibt es schon (Zeile 7)",
            "Zeile 16: Dienststelle \"eins\": \"oeffnungszeiten\": der Schlüssel \"mo\" steht doppelt",
            "Zeile 16: Dienststelle \"eins\": \"mo\": \"8-12\" ist keine Zeitspanne der Form HH:MM-HH:MM mit Uhrzeiten von 00:00 bis 24:00",
            "Zeile 16: Dienststelle \"eins\", Notfall: \"hinweis\" fehlt oder ist leer",
        ]
    );
}

#[test]
fn json_syntax_errors_and_wrong_types_name_their_line() {
    let fehler = lesen_json("{\"jobcenter\": [\n  {\"id\": \"a\",\n   \"name\": \"x\" \"bundesland\": \"BY\"}\n]}").unwrap_err();
    assert_eq!(fehler.len(), 1);
    assert_eq!(fehler[0].zeile, 3);
    assert_eq!(fehler[0].meldung, "kein gültiges JSON (Spalte 16): expected `,` or `}`");
    assert_eq!(
        meldungen(lesen_json("{\"jobcenter\": {}}").unwrap_err()),
        vec!["Zeile 1: die Datei: \"jobcenter\" ist ein Objekt statt einer Liste"]
    );
    assert_eq!(meldungen(lesen_json("[1]").unwrap_err()), vec!["Zeile 1: die Datei ist eine Liste statt eines Objekts {…}"]);
    let text = "{\"jobcenter\": [\n 7,\n {\"id\": 5, \"name\": \"N\", \"bundesland\": \"BE\", \"zustaendigkeit\": [10115, \"10117\"], \"dienststellen\": [\n  {\"id\": \"d1\", \"name\": \"D\", \"strasse\": \"S\", \"plz\": \"10117\", \"ort\": \"Berlin\", \"telefon\": \"030\",\n   \"oeffnungszeiten\": {\"mo\": [8]}, \"feiertags_geschlossen\": \"ja\", \"ausnahmen\": [{\"datum\": \"2026-12-24\"}]}]}\n]}";
    assert_eq!(
        meldungen(lesen_json(text).unwrap_err()),
        vec![
            "Zeile 2: ein Jobcenter ist eine Zahl statt eines Objekts {…}",
            "Zeile 3: ein Jobcenter: \"id\" ist eine Zahl statt eines Texts",
            "Zeile 3: ein Jobcenter: ein Eintrag der \"zustaendigkeit\" (Text oder Objekt) ist eine Zahl statt eines Objekts {…}",
            "Zeile 3: Jobcenter: \"id\" fehlt oder ist leer",
            "Zeile 5: Dienststelle \"d1\": \"mo\": ein Eintrag ist eine Zahl statt eines Texts wie \"08:00-12:00\"",
            "Zeile 5: Dienststelle \"d1\": Ausnahme am 2026-12-24: \"zeiten\" fehlt ([] für geschlossen)",
            "Zeile 5: Dienststelle \"d1\": \"feiertags_geschlossen\" ist ein Text statt true oder false",
        ]
    );
}

/// Line numbers of the file: a comment first, the header on line 2.
const SCHLECHT_CSV: &str = "\
# Verzeichnis mit Fehlern
satz;jobcenter;dienststelle;name;bundesland;plz;gebiet;strasse;ort;telefon;email;mo;di;datum;zeiten;hinweis;farbe
jobcenter;jc-a;;Jobcenter A;XY;;;;;;mail@;;;;;;
plz;jc-a;;;;9040;;;;;;;;;;;
plz;jc-a;;;;90402;;;;;;;;;;;
plz;jc-a;;;;90402;;;;;;;;;;;
plz;x;;;;90403;;;;;;;;;;;
dienststelle;jc-a;eins;Eins;;90402;;Weg 1;Nürnberg;;;08:00-12:00 11:00-13:00;25:00-26:00;;;;
ausnahme;;eins;;;;;;;;;;;2026-12-24;;;
ausnahme;;eins;;;;;;;;;;;24.12.2026;;;

ausnahme;;zwei;;;;;;;;;;;2026-12-31;;;
notfall-ausnahme;;eins;;;;;;;;;;;2026-12-31;;;
jobcenter;jc-b;;Jobcenter B;BY;;Gebiet;;;;;;;;;;
plz;jc-b;;;;90768;;;;;;;;;;;
plz;jc-a;;;;90768;Süd;;;;;;;;;;
jobcenter;jc-a;;Noch einmal A;BE;;;;;;;;;;;;
dienststelle;jc-b;eins;Doppelt;;90403;;Weg 2;Nürnberg;0911;;;;;;;
buero;jc-b;;;;;;;;;;;;;;;
ausnahme;;eins;;;;;;;;;;;2026-02-30;8-12;;;x
notfall;;eins;;;;;;;;;;;;;Notfall;
notfall;;eins;;;;;;;;;;;;;Noch ein Notfall;
";

#[test]
fn a_bad_csv_file_reports_every_problem_at_its_line() {
    assert_eq!(
        meldungen(lesen_csv(SCHLECHT_CSV).unwrap_err()),
        vec![
            "Zeile 2: Kopfzeile: unbekannte Spalte \"farbe\" (bekannt: satz, jobcenter, dienststelle, name, bundesland, strasse, plz, ort, telefon, email, webseite, mo, di, mi, do, fr, sa, so, feiertags_geschlossen, gebiet, datum, zeiten, hinweis, barrierefreiheit, oepnv)",
            "Zeile 3: Jobcenter \"jc-a\": \"bundesland\" \"XY\" ist kein Kürzel wie BY oder BE",
            "Zeile 3: Jobcenter \"jc-a\": \"email\" \"mail@\" ist keine E-Mail-Adresse",
            "Zeile 4: Jobcenter \"jc-a\": die Postleitzahl \"9040\" hat nicht genau 5 Ziffern",
            "Zeile 6: Jobcenter \"jc-a\": die Postleitzahl 90402 steht doppelt (zuerst in Zeile 5)",
            "Zeile 7: Satz \"plz\": ein Jobcenter \"x\" gibt es in der Datei nicht",
            "Zeile 8: Dienststelle \"eins\": \"mo\": \"08:00-12:00\" und \"11:00-13:00\" überschneiden sich",
            "Zeile 8: Dienststelle \"eins\": \"di\": \"25:00-26:00\" ist keine Zeitspanne der Form HH:MM-HH:MM mit Uhrzeiten von 00:00 bis 24:00",
            "Zeile 8: Dienststelle \"eins\": \"telefon\" fehlt oder ist leer",
            "Zeile 10: Dienststelle \"eins\": für den 24.12.2026 gibt es schon eine Ausnahme (Zeile 9)",
            "Zeile 12: Satz \"ausnahme\": eine Dienststelle \"zwei\" gibt es in der Datei nicht",
            "Zeile 14: Satz \"jobcenter\": die Spalte \"gebiet\" gehört nicht dazu und muss leer sein",
            "Zeile 14: Jobcenter \"jc-b\" hat keine Dienststelle",
            "Zeile 15: Jobcenter \"jc-b\": die Postleitzahl 90768 teilen sich jc-a, jc-b; hier fehlt \"gebiet\" (welcher Teil)",
            "Zeile 17: Jobcenter: die id \"jc-a\" gibt es schon (Zeile 3)",
            "Zeile 18: Dienststelle: die id \"eins\" gibt es schon (Zeile 8)",
            "Zeile 19: unbekannter Satz \"buero\" in der Spalte \"satz\" (erlaubt: jobcenter, plz, dienststelle, notfall, ausnahme, notfall-ausnahme)",
            "Zeile 20: die Zeile hat 18 Spalten, die Kopfzeile (Zeile 2) nur 17",
            "Zeile 20: Dienststelle \"eins\": \"2026-02-30\" ist kein gültiges Datum (JJJJ-MM-TT)",
            "Zeile 20: Dienststelle \"eins\": Ausnahme: \"zeiten\": \"8-12\" ist keine Zeitspanne der Form HH:MM-HH:MM mit Uhrzeiten von 00:00 bis 24:00",
            "Zeile 22: Dienststelle \"eins\": es gibt schon einen Satz \"notfall\" (Zeile 21)",
        ]
    );
}

#[test]
fn a_csv_file_needs_a_header_with_satz() {
    assert_eq!(
        meldungen(lesen_csv("jobcenter;a;;Jobcenter A;BY\n").unwrap_err()),
        vec![
            "Zeile 1: Kopfzeile: unbekannte Spalte \"a\" (bekannt: satz, jobcenter, dienststelle, name, bundesland, strasse, plz, ort, telefon, email, webseite, mo, di, mi, do, fr, sa, so, feiertags_geschlossen, gebiet, datum, zeiten, hinweis, barrierefreiheit, oepnv)",
            "Zeile 1: Kopfzeile: unbekannte Spalte \"Jobcenter A\" (bekannt: satz, jobcenter, dienststelle, name, bundesland, strasse, plz, ort, telefon, email, webseite, mo, di, mi, do, fr, sa, so, feiertags_geschlossen, gebiet, datum, zeiten, hinweis, barrierefreiheit, oepnv)",
            "Zeile 1: Kopfzeile: unbekannte Spalte \"BY\" (bekannt: satz, jobcenter, dienststelle, name, bundesland, strasse, plz, ort, telefon, email, webseite, mo, di, mi, do, fr, sa, so, feiertags_geschlossen, gebiet, datum, zeiten, hinweis, barrierefreiheit, oepnv)",
            "Zeile 1: Kopfzeile: die Spalte \"satz\" fehlt (die erste Zeile muss die Spaltennamen nennen, getrennt durch \";\")",
        ]
    );
    assert_eq!(meldungen(lesen_csv("# nur ein Kommentar\n").unwrap_err()), vec!["Zeile 1: die Datei hat keine Kopfzeile"]);
    assert_eq!(meldungen(lesen_csv("satz;jobcenter\n").unwrap_err()), vec!["Zeile 1: die Datei nennt kein Jobcenter"]);
}

#[test]
fn broken_utf8_is_reported_at_the_line_of_the_first_bad_byte() {
    // "Fürth" in Windows-1252, as Excel saves "CSV (Trennzeichen-getrennt)".
    let mut datei = KLEIN_CSV.as_bytes().to_vec();
    let stelle = KLEIN_CSV.find('ü').unwrap();
    datei.splice(stelle..stelle + 'ü'.len_utf8(), [0xFC]);
    let fehler = lesen("dienststellen.csv", &datei).unwrap_err();
    assert_eq!(
        meldungen(fehler),
        vec!["Zeile 5: die Datei ist nicht in UTF-8 kodiert (Byte 0xFC in Spalte 36); bitte als UTF-8 speichern (in Excel: \"CSV UTF-8\")"]
    );
    let fehler = lesen("x.json", b"{\"jobcenter\": [\n{\"name\": \"N\xfcrnberg\"}]}").unwrap_err();
    assert_eq!(fehler[0].zeile, 2);
    assert_eq!(lesen("x.json", &[0xff]).unwrap_err()[0].zeile, 1);
}

#[test]
fn an_empty_file_is_refused() {
    for (name, inhalt) in [("a.json", ""), ("a.csv", " \n\n"), ("a", "\u{feff}"), ("a.csv", "")] {
        assert_eq!(meldungen(lesen(name, inhalt.as_bytes()).unwrap_err()), vec!["Zeile 1: die Datei ist leer"], "{name} {inhalt:?}");
    }
    assert_eq!(meldungen(lesen_json("{\"jobcenter\": []}").unwrap_err()), vec!["Zeile 1: die Datei nennt kein Jobcenter"]);
}

#[test]
fn a_shared_postcode_needs_different_parts() {
    let text = KLEIN_JSON.replace("\"gebiet\": \"Landkreis\"", "\"gebiet\": \" fürth, STADT\"");
    assert_eq!(
        meldungen(lesen_json(&text).unwrap_err()),
        vec![
            "Zeile 12: Jobcenter \"fuerth-land\": die Postleitzahl 90768 hat das Gebiet \"fürth, STADT\" schon bei Jobcenter \"fuerth-stadt\" (Zeile 3)"
        ]
    );
    let text = KLEIN_JSON.replace("{\"plz\": \"90768\", \"gebiet\": \"Landkreis\"}", "\"90768\"");
    assert_eq!(
        meldungen(lesen_json(&text).unwrap_err()),
        vec![
            "Zeile 12: Jobcenter \"fuerth-land\": die Postleitzahl 90768 teilen sich fuerth-stadt, fuerth-land; hier fehlt \"gebiet\" (welcher Teil)"
        ]
    );
}

#[test]
fn contacts_must_be_plausible_and_emergency_exceptions_need_the_desk() {
    let text = KLEIN_JSON
        .replace("\"email\": \"info@fuerth-land.example\"", "\"email\": \"info@fuerth-land\", \"webseite\": \"www.fuerth.example\"")
        .replace("\"hinweis\": \"Notfallschalter\"", "\"hinweis\": \"Notfallschalter\", \"telefon\": \"0911 9\", \"telefon\": \"\"");
    assert_eq!(
        meldungen(lesen_json(&text).unwrap_err()),
        vec![
            "Zeile 9: Dienststelle \"fue\": \"notfall\": der Schlüssel \"telefon\" steht doppelt",
            "Zeile 11: Jobcenter \"fuerth-land\": \"email\" \"info@fuerth-land\" ist keine E-Mail-Adresse",
            "Zeile 11: Jobcenter \"fuerth-land\": \"webseite\" \"www.fuerth.example\" beginnt nicht mit https://",
        ]
    );
    let ohne_notfall: String = KLEIN_CSV.lines().filter(|l| !l.starts_with("notfall;")).map(|l| format!("{l}\n")).collect();
    assert_eq!(
        meldungen(lesen_csv(&ohne_notfall).unwrap_err()),
        vec!["Zeile 4: Dienststelle \"fue\": eine Notfall-Ausnahme ohne Satz \"notfall\" für diese Dienststelle"]
    );
}
