use super::*;
use chrono::{NaiveDate, TimeZone, Timelike};
use proptest::prelude::*;

fn zeit(tag: u32, monat: u32, stunde: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, monat, tag).unwrap().and_hms_opt(stunde, minute, 0).unwrap()
}

fn beratung() -> Termin<'static> {
    Termin {
        uid: "4711@jobcenter.digital",
        sequence: 0,
        beginn: zeit(15, 3, 9, 30),
        ende: zeit(15, 3, 10, 15),
        titel: "Termin im Jobcenter: Beratung zur Arbeitsuche",
        ort: "Jobcenter Mitte, Raum 2.14",
        beschreibung: "Bitte mitbringen: Lebenslauf",
        url: Some("https://portal.jobcenter.digital/termine/4711"),
        erstellt: Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 5).unwrap(),
        organisator: None,
    }
}

/// Undoes the folding as a reader does (RFC 5545 §3.1): CRLF and one space
/// or tab vanish.
fn entfaltet(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

/// The value of the one unfolded content line whose name (with its
/// parameters) is `name`.
fn wert(ics: &str, name: &str) -> String {
    let entfaltet = entfaltet(ics);
    let mut treffer = entfaltet.split("\r\n").filter_map(|z| z.strip_prefix(name)?.strip_prefix(':'));
    let wert = treffer.next().unwrap_or_else(|| panic!("no {name} in\n{ics}")).to_string();
    assert_eq!(treffer.next(), None, "{name} more than once");
    wert
}

/// Reverses TEXT escaping, for the round trips.
fn unescaped(s: &str) -> String {
    let mut out = String::new();
    let mut zeichen = s.chars();
    while let Some(c) = zeichen.next() {
        if c == '\\' {
            match zeichen.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c) => out.push(c),
                None => panic!("a lone backslash at the end of {s:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_simple_appointment_gives_exactly_this_file() {
    let erwartet = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Jobcenter Digital//Termine//DE",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:4711@jobcenter.digital",
        "SEQUENCE:0",
        "DTSTAMP:20270301T080005Z",
        "DTSTART;TZID=Europe/Berlin:20270315T093000",
        "DTEND;TZID=Europe/Berlin:20270315T101500",
        "SUMMARY:Termin im Jobcenter: Beratung zur Arbeitsuche",
        "LOCATION:Jobcenter Mitte\\, Raum 2.14",
        "DESCRIPTION:Bitte mitbringen: Lebenslauf",
        "URL:https://portal.jobcenter.digital/termine/4711",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n");
    assert_eq!(ics(&beratung(), false), erwartet);
}

#[test]
fn every_line_ends_with_crlf_and_no_bare_line_break_remains() {
    let t = Termin { beschreibung: "eins\ndrei\r\nvier\rfünf", ..beratung() };
    let datei = ics(&t, false);
    assert!(datei.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(datei.matches('\n').count(), datei.matches("\r\n").count());
    assert_eq!(datei.matches('\r').count(), datei.matches("\r\n").count());
}

#[test]
fn a_long_utf8_description_is_folded_at_75_octets_and_unfolds_to_the_original() {
    let beschreibung = "Bitte bringen Sie mit: Personalausweis, Lebenslauf, Zeugnisse; \
                        außerdem Nachweise über Ihre Bemühungen – Bewerbungen, Absagen, Einladungen. \
                        Ärger über Wartezeiten? Öffnungszeiten: Mo–Fr 8–12 Uhr. Größe ≤ 5 MB je Datei. \
                        Пожалуйста, возьмите паспорт. 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 Ende.";
    let t = Termin { beschreibung, ..beratung() };
    let datei = ics(&t, false);
    let zeilen: Vec<&str> = datei.split("\r\n").collect();
    assert!(zeilen.len() > 40, "the description should have needed several lines");
    for z in &zeilen {
        assert!(z.len() <= 75, "{} octets: {z:?}", z.len());
    }
    let fortsetzungen: Vec<&&str> = zeilen.iter().filter(|z| z.starts_with(' ')).collect();
    assert!(fortsetzungen.len() >= 5, "folded only {} times", fortsetzungen.len());
    // Folding fills each line: a break only where the next character would
    // pass the limit.
    let beschreibung_zeilen: Vec<&str> =
        zeilen.iter().skip_while(|z| !z.starts_with("DESCRIPTION:")).take_while(|z| !z.starts_with("URL:")).copied().collect();
    for (z, naechste) in beschreibung_zeilen.iter().zip(&beschreibung_zeilen[1..]) {
        let erstes = naechste[1..].chars().next().unwrap();
        assert!(z.len() + erstes.len_utf8() > 75, "{z:?} broke early before {erstes:?}");
    }
    assert_eq!(unescaped(&wert(&datei, "DESCRIPTION")), beschreibung);
}

#[test]
fn a_fold_never_splits_a_character_whatever_its_position() {
    // Shift a four-octet character through every position at the limit.
    for vorne in 0..8 {
        let beschreibung = format!("{}{}", "x".repeat(50 + vorne), "€😀ä".repeat(10));
        let datei = ics(&Termin { beschreibung: &beschreibung, ..beratung() }, false);
        for z in datei.split("\r\n") {
            assert!(z.len() <= 75);
        }
        assert_eq!(unescaped(&wert(&datei, "DESCRIPTION")), beschreibung);
    }
}

#[test]
fn text_values_escape_backslash_semicolon_comma_and_line_breaks() {
    let t = Termin {
        titel: r"Beratung; Vermittlung, C:\Pfad",
        ort: "Musterstraße 1, 10115 Berlin; Raum 3",
        beschreibung: "Zeile 1\nZeile 2\r\nZeile 3: mit Doppelpunkt\tund Tab",
        ..beratung()
    };
    let datei = ics(&t, false);
    assert_eq!(wert(&datei, "SUMMARY"), r"Beratung\; Vermittlung\, C:\\Pfad");
    assert_eq!(wert(&datei, "LOCATION"), r"Musterstraße 1\, 10115 Berlin\; Raum 3");
    assert_eq!(wert(&datei, "DESCRIPTION"), "Zeile 1\\nZeile 2\\nZeile 3: mit Doppelpunkt\tund Tab");
}

#[test]
fn no_value_can_add_a_line_of_its_own() {
    let t = Termin {
        uid: "1@jobcenter.digital\r\nATTENDEE:mailto:x@example.org",
        titel: "Titel\u{0}\u{1b}\u{85}",
        url: Some("https://example.org/\r\nORGANIZER:mailto:x@example.org"),
        organisator: Some("mailto:noreply@jobcenter.digital\nATTENDEE:x"),
        ..beratung()
    };
    let datei = entfaltet(&ics(&t, false));
    assert!(!datei.contains("\r\nATTENDEE"), "{datei}");
    assert_eq!(datei.matches("\r\nORGANIZER").count(), 1, "{datei}");
    assert_eq!(wert(&datei, "SUMMARY"), "Titel");
    assert_eq!(wert(&datei, "URL"), "https://example.org/ORGANIZER:mailto:x@example.org");
}

#[test]
fn the_cancellation_has_the_same_uid_a_higher_sequence_method_cancel_and_status_cancelled() {
    let veroeffentlicht = ics(&beratung(), false);
    let abgesagt = ics(&Termin { sequence: 1, ..beratung() }, true);
    assert_eq!(wert(&abgesagt, "UID"), wert(&veroeffentlicht, "UID"));
    assert_eq!(wert(&veroeffentlicht, "SEQUENCE"), "0");
    assert_eq!(wert(&abgesagt, "SEQUENCE"), "1");
    assert_eq!(wert(&veroeffentlicht, "METHOD"), "PUBLISH");
    assert_eq!(wert(&abgesagt, "METHOD"), "CANCEL");
    assert_eq!(wert(&veroeffentlicht, "STATUS"), "CONFIRMED");
    assert_eq!(wert(&abgesagt, "STATUS"), "CANCELLED");
    // Otherwise the same file: the cancelled entry still says what it was.
    assert_eq!(
        abgesagt
            .replace("METHOD:CANCEL", "METHOD:PUBLISH")
            .replace("STATUS:CANCELLED", "STATUS:CONFIRMED")
            .replace("SEQUENCE:1", "SEQUENCE:0"),
        veroeffentlicht
    );
}

#[test]
fn the_vtimezone_comes_before_the_vevent() {
    let datei = ics(&beratung(), true);
    let zone = datei.find("BEGIN:VTIMEZONE").unwrap();
    let ende_zone = datei.find("END:VTIMEZONE").unwrap();
    let termin = datei.find("BEGIN:VEVENT").unwrap();
    assert!(zone < ende_zone && ende_zone < termin);
    assert_eq!(datei.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn the_organiser_appears_only_when_given_and_nothing_names_the_client() {
    let ohne = ics(&beratung(), true);
    assert!(!ohne.contains("ORGANIZER"));
    let mit = ics(&Termin { organisator: Some("mailto:noreply@jobcenter.digital"), ..beratung() }, true);
    assert_eq!(wert(&mit, "ORGANIZER"), "mailto:noreply@jobcenter.digital");
    for datei in [ohne, mit] {
        assert!(!datei.contains("ATTENDEE"));
        assert!(!datei.contains("VALARM"));
        assert!(!datei.contains("CN="));
    }
}

#[test]
fn empty_place_and_description_are_left_out_and_an_absent_url_too() {
    let datei = ics(&Termin { ort: "", beschreibung: "", url: None, ..beratung() }, false);
    assert!(!datei.contains("LOCATION"));
    assert!(!datei.contains("DESCRIPTION"));
    assert!(!datei.contains("URL"));
    assert!(datei.contains("\r\nSUMMARY:"));
}

#[test]
fn times_keep_their_seconds_and_drop_fractions() {
    let beginn = zeit(31, 10, 14, 0).with_second(7).unwrap().with_nanosecond(500_000_000).unwrap();
    let datei = ics(&Termin { beginn, ende: zeit(31, 10, 15, 0), ..beratung() }, false);
    assert_eq!(wert(&datei, "DTSTART;TZID=Europe/Berlin"), "20271031T140007");
    assert_eq!(wert(&datei, "DTEND;TZID=Europe/Berlin"), "20271031T150000");
}

proptest! {
    #[test]
    fn any_text_folds_to_short_lines_and_round_trips(beschreibung in "(\\PC|\r|\n){1,300}", ort in "[a-zäöüß ,;\\\\:]{0,120}") {
        let datei = ics(&Termin { beschreibung: &beschreibung, ort: &ort, ..beratung() }, false);
        for z in datei.split("\r\n") {
            prop_assert!(z.len() <= 75);
        }
        prop_assert_eq!(unescaped(&wert(&datei, "DESCRIPTION")), beschreibung.replace("\r\n", "\n").replace('\r', "\n"));
        if !ort.is_empty() {
            prop_assert_eq!(unescaped(&wert(&datei, "LOCATION")), ort);
        }
    }
}
