//! The files read by an independent implementation (issue 15): PyPI's
//! `icalendar` parses a PUBLISH, an updated PUBLISH and a CANCEL of one
//! appointment and imports them in order (tests/icalendar_pruefen.py).
//!
//! Needs `python3` with `icalendar` (`python3 -m pip install
//! 'icalendar>=7,<8'`; scripts/test.sh installs it). Without them the test
//! fails; `KALENDER_OHNE_PYTHON=1` skips it on a machine that cannot have
//! them.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use kalender::{Termin, ics};
use std::path::Path;
use std::process::Command;

const UID: &str = "0197c4f2-8a1e-7c3b-9d2a-5f6e7a8b9c0d@jobcenter.digital";
const ORGANISATOR: &str = "mailto:noreply@jobcenter.digital";

fn zeit(jahr: i32, monat: u32, tag: u32, stunde: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(jahr, monat, tag).unwrap().and_hms_opt(stunde, minute, 0).unwrap()
}

/// A JSON string literal.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What the reader should find in a file, as a JSON object. Line breaks in
/// the description come back as LF.
fn erwartet(datei: &str, t: &Termin, abgesagt: bool, utc_versatz_stunden: u8) -> String {
    let (method, status) = if abgesagt { ("CANCEL", "CANCELLED") } else { ("PUBLISH", "CONFIRMED") };
    let optional = |w: Option<&str>| w.map_or("null".to_string(), json);
    format!(
        "{{\"datei\": {}, \"method\": {}, \"status\": {}, \"uid\": {}, \"sequence\": {}, \"beginn\": {}, \"ende\": {}, \
         \"titel\": {}, \"ort\": {}, \"beschreibung\": {}, \"url\": {}, \"organisator\": {}, \"utc_versatz_stunden\": {}}}",
        json(datei),
        json(method),
        json(status),
        json(t.uid),
        t.sequence,
        json(&t.beginn.format("%Y-%m-%dT%H:%M:%S").to_string()),
        json(&t.ende.format("%Y-%m-%dT%H:%M:%S").to_string()),
        json(t.titel),
        json(t.ort),
        json(&t.beschreibung.replace("\r\n", "\n")),
        optional(t.url),
        optional(t.organisator),
        utc_versatz_stunden,
    )
}

#[test]
fn an_independent_parser_reads_publish_update_and_cancel_and_imports_them_in_order() {
    if std::env::var("KALENDER_OHNE_PYTHON").as_deref() == Ok("1") {
        eprintln!("KALENDER_OHNE_PYTHON=1: the check with Python's icalendar is SKIPPED, the files were not read independently");
        return;
    }

    let beschreibung = "Bitte mitbringen: Personalausweis, Lebenslauf; Nachweise über Bewerbungen.\n\
                        Fragen? Rufen Sie an: 030 555-0100 (Mo–Fr, 8–12 Uhr).\r\n\
                        Pfad im Portal: Termine\\Beratung — Größe der Unterlagen ≤ 5 MB, Übersetzung 🇺🇦 möglich.";
    let erster = Termin {
        uid: UID,
        sequence: 0,
        beginn: zeit(2027, 7, 15, 9, 30),
        ende: zeit(2027, 7, 15, 10, 15),
        titel: "Termin im Jobcenter: Beratung zur Arbeitsuche",
        ort: "Jobcenter Berlin Mitte, Müllerstraße 16, 13353 Berlin; Raum 2.14 (Erdgeschoss)",
        beschreibung,
        url: Some("https://portal.jobcenter.digital/termine/0197c4f2-8a1e-7c3b-9d2a-5f6e7a8b9c0d"),
        erstellt: Utc.with_ymd_and_hms(2027, 6, 1, 7, 12, 30).unwrap(),
        organisator: Some(ORGANISATOR),
    };
    // Moved into winter time and to another building.
    let verlegt = Termin {
        sequence: 1,
        beginn: zeit(2027, 11, 4, 14, 0),
        ende: zeit(2027, 11, 4, 14, 45),
        ort: "Jobcenter Berlin Pankow, Storkower Straße 133, 10407 Berlin; Raum 1.07, Aufgang B",
        erstellt: Utc.with_ymd_and_hms(2027, 6, 20, 11, 0, 0).unwrap(),
        ..erster.clone()
    };
    let abgesagt = Termin { sequence: 2, erstellt: Utc.with_ymd_and_hms(2027, 10, 2, 9, 45, 0).unwrap(), ..verlegt.clone() };

    let verzeichnis = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("kalender-icalendar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&verzeichnis);
    std::fs::create_dir_all(&verzeichnis).unwrap();
    let dateien = [("0-termin.ics", &erster, false, 2), ("1-verlegt.ics", &verlegt, false, 1), ("2-abgesagt.ics", &abgesagt, true, 1)];
    let mut erwartung = Vec::new();
    for (datei, t, abgesagt, versatz) in dateien {
        std::fs::write(verzeichnis.join(datei), ics(t, abgesagt)).unwrap();
        erwartung.push(erwartet(datei, t, abgesagt, versatz));
    }
    std::fs::write(verzeichnis.join("erwartet.json"), format!("[\n{}\n]\n", erwartung.join(",\n"))).unwrap();

    let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/icalendar_pruefen.py");
    let ausgabe = match Command::new("python3").arg(&skript).arg(&verzeichnis).output() {
        Ok(ausgabe) => ausgabe,
        Err(e) => panic!(
            "python3 could not be started ({e}): install Python 3 and `python3 -m pip install 'icalendar>=7,<8'`, \
             or set KALENDER_OHNE_PYTHON=1 to skip this check"
        ),
    };
    let stdout = String::from_utf8_lossy(&ausgabe.stdout);
    let stderr = String::from_utf8_lossy(&ausgabe.stderr);
    match ausgabe.status.code() {
        Some(0) => {
            eprintln!("{}", stdout.trim());
            std::fs::remove_dir_all(&verzeichnis).unwrap();
        }
        Some(3) => panic!(
            "the Python package icalendar is missing: run `python3 -m pip install 'icalendar>=7,<8'` \
             (scripts/test.sh does), or set KALENDER_OHNE_PYTHON=1 to skip this check\n{stderr}"
        ),
        _ => panic!("Python's icalendar refused the files in {}:\n{stderr}{stdout}", verzeichnis.display()),
    }
}
