//! Reading valid files, writing them back, and looking up postcodes.

use super::*;
use chrono::NaiveDate;

fn s(von: &str, bis: &str) -> Spanne {
    let m = |t: &str| t[..2].parse::<u16>().unwrap() * 60 + t[3..].parse::<u16>().unwrap();
    Spanne { von: m(von), bis: m(bis) }
}

#[test]
fn the_small_json_reads_into_the_values_it_spells_out() {
    let v = klein();
    let [stadt, land] = &v.jobcenter[..] else { panic!("two jobcenters") };
    assert_eq!(
        (stadt.id.as_str(), stadt.bundesland, stadt.telefon.as_deref(), stadt.email.as_deref()),
        ("fuerth-stadt", Bundesland::By, Some("0911 1"), None)
    );
    assert_eq!(land.bundesland, Bundesland::By, "the state's code in any case");
    assert_eq!(
        stadt.zustaendigkeit,
        vec![
            Zustaendigkeit { plz: "90762".into(), gebiet: None },
            Zustaendigkeit { plz: "90768".into(), gebiet: Some("Fürth, Stadt".into()) }
        ]
    );
    let fue = &stadt.dienststellen[0];
    assert_eq!(fue.zeiten.woche[0], vec![s("08:00", "12:00"), s("14:00", "16:00")], "sorted");
    assert_eq!(fue.zeiten.woche[3], vec![s("08:00", "12:00")], "an en dash with spaces");
    assert!(fue.zeiten.woche[1].is_empty() && fue.zeiten.woche[6].is_empty(), "days left out are closed");
    assert!(fue.zeiten.feiertags_geschlossen, "closed on holidays unless the file says otherwise");
    assert_eq!(
        fue.zeiten.ausnahmen,
        vec![Ausnahme {
            datum: NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
            spannen: vec![],
            hinweis: Some("Heiligabend geschlossen".into())
        }]
    );
    let notfall = fue.notfall.as_ref().unwrap();
    assert_eq!(
        (notfall.telefon.as_deref(), notfall.hinweis.as_str(), notfall.zeiten.feiertags_geschlossen),
        (None, "Notfallschalter", false)
    );
    assert_eq!(notfall.zeiten.ausnahmen[0].spannen, vec![s("10:00", "12:00")]);
    assert_eq!((fue.email.as_deref(), fue.barrierefreiheit.as_str(), fue.oepnv.as_str()), (None, "", ""));
    let z = &land.dienststellen[0];
    assert_eq!((z.barrierefreiheit.as_str(), z.oepnv.as_str(), z.zeiten.feiertags_geschlossen), ("Rampe; Aufzug", "R11", false));
    assert_eq!(z.zeiten, Oeffnungszeiten { feiertags_geschlossen: false, ..Default::default() });
}

#[test]
fn the_same_directory_in_csv_reads_into_an_equal_value() {
    assert_eq!(lesen_csv(KLEIN_CSV).unwrap_or_else(|e| panic!("{e:#?}")), klein());
}

#[test]
fn written_json_and_csv_read_back_into_the_same_value() {
    for v in [klein(), beispiel_json()] {
        assert_eq!(lesen_json(&v.als_json()).unwrap_or_else(|e| panic!("{e:#?}")), v);
        assert_eq!(lesen_csv(&v.als_csv()).unwrap_or_else(|e| panic!("{e:#?}")), v);
        assert_eq!(lesen("x.csv", v.als_csv().as_bytes()).unwrap(), v);
    }
}

#[test]
fn lesen_picks_the_format_by_extension_else_by_content() {
    let v = klein();
    assert_eq!(lesen("DIENSTSTELLEN.JSON", KLEIN_JSON.as_bytes()).unwrap(), v);
    assert_eq!(lesen("verzeichnis.csv", KLEIN_CSV.as_bytes()).unwrap(), v);
    assert_eq!(lesen("upload", format!("\u{feff}  \n{KLEIN_JSON}").as_bytes()).unwrap(), v, "a byte-order mark and spaces first");
    assert_eq!(lesen("upload", format!("\u{feff}{KLEIN_CSV}").as_bytes()).unwrap(), v);
    // A CSV file named .json is read as JSON and refused as such.
    assert!(lesen("falsch.json", KLEIN_CSV.as_bytes()).unwrap_err()[0].meldung.starts_with("kein gültiges JSON"));
}

fn beispiel_json() -> Verzeichnis {
    lesen("dienststellen.json", BEISPIEL_JSON.as_bytes()).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[test]
fn the_shipped_sample_is_valid_and_the_same_in_json_and_csv() {
    let json = beispiel_json();
    let csv = lesen("dienststellen.csv", BEISPIEL_CSV.as_bytes()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(csv, json);
    // The demo's jobcenter, and a postcode two jobcenters share.
    let [(jc, None)] = json.zustaendig("12345")[..] else { panic!("Musterstadt decides 12345 alone") };
    assert_eq!((jc.name.as_str(), jc.dienststellen.len()), ("Jobcenter Musterstadt", 2));
    let d = &jc.dienststellen[0];
    assert_eq!(
        (d.name.as_str(), d.strasse.as_str(), d.plz.as_str(), d.telefon.as_str()),
        ("Jobcenter Musterstadt", "Musterstraße 1", "12345", "0800 4 5555 00"),
        "the demo office of `jobcenter demo` (backoffice/cli.rs)"
    );
    assert!(json.jobcenter.len() >= 4 && json.jobcenter.iter().all(|jc| !jc.dienststellen.is_empty()));
    assert_eq!(json.zustaendig("90768").len(), 2);
    assert!(json.jobcenter.iter().flat_map(|jc| &jc.dienststellen).any(|d| d.notfall.is_some() && !d.barrierefreiheit.is_empty()));
}

#[test]
fn a_unique_postcode_is_decided_and_a_shared_one_names_each_part() {
    let v = klein();
    let namen = |plz| v.zustaendig(plz).into_iter().map(|(jc, g)| (jc.id.as_str(), g)).collect::<Vec<_>>();
    assert_eq!(namen("90762"), vec![("fuerth-stadt", None)]);
    assert_eq!(namen(" 90513 "), vec![("fuerth-land", None)]);
    assert_eq!(namen("90768"), vec![("fuerth-stadt", Some("Fürth, Stadt")), ("fuerth-land", Some("Landkreis"))]);
    assert_eq!(namen("10115"), vec![]);
    let (jc, d) = v.dienststelle("zirndorf").unwrap();
    assert_eq!((jc.id.as_str(), d.ort.as_str()), ("fuerth-land", "Zirndorf"));
}

#[test]
fn a_postcode_as_typed_is_five_digits() {
    assert_eq!(plz(" 90402 "), Some("90402".into()));
    assert_eq!(plz("01067"), Some("01067".into()));
    for schlecht in ["", "9040", "904021", "9040a", "904 02", "９０４０２"] {
        assert_eq!(plz(schlecht), None, "{schlecht}");
    }
}

#[test]
fn spans_are_shown_with_an_en_dash() {
    assert_eq!(s("08:00", "12:00").anzeigen(), "08:00–12:00");
    assert_eq!(Spanne { von: 0, bis: 1440 }.anzeigen(), "00:00–24:00");
    assert_eq!(spannen_anzeigen(&[s("08:00", "12:00"), s("14:00", "16:00")]), "08:00–12:00, 14:00–16:00");
    assert_eq!(spannen_anzeigen(&[]), "geschlossen");
    let v = klein();
    let tabelle: Vec<_> = v.jobcenter[0].dienststellen[0].zeiten.tabelle().map(|(i, t)| (i, spannen_anzeigen(t))).collect();
    assert_eq!(tabelle[0], (0, "08:00–12:00, 14:00–16:00".into()));
    assert_eq!(tabelle[6], (6, "geschlossen".into()));
}

#[test]
fn a_spreadsheet_export_reads_as_well() {
    // Windows line ends, a trailing column without a name, rows of empty
    // cells, a padded cell.
    let mut zeilen: Vec<String> = KLEIN_CSV.lines().map(str::to_owned).collect();
    zeilen[1].push(';');
    zeilen.insert(3, ";;;;;;;;".into());
    zeilen[4] = zeilen[4].replace("90762", "  90762 ");
    let export = zeilen.join("\r\n") + "\r\n";
    assert_eq!(lesen("export.csv", export.as_bytes()).unwrap_or_else(|e| panic!("{e:#?}")), klein());
    // A value under the nameless column is not dropped silently.
    let letzte = zeilen.len() - 1;
    zeilen[letzte].push_str(";x");
    assert_eq!(
        meldungen(lesen_csv(&zeilen.join("\r\n")).unwrap_err()),
        vec![format!("Zeile {}: die Spalte 20 hat keinen Namen in der Kopfzeile, aber hier den Wert \"x\"", letzte + 1)]
    );
}

#[test]
fn the_examples_in_the_documentation_are_valid() {
    let doc = include_str!("../../../../docs/DIENSTSTELLEN.md");
    // The code block that begins with `anfang` (its fence line included).
    let block = |anfang: &str| {
        let start = doc.find(anfang).unwrap_or_else(|| panic!("{anfang}"));
        let start = start + doc[start..].find('\n').unwrap() + 1;
        &doc[start..start + doc[start..].find("```").unwrap()]
    };
    let json = lesen_json(block("```json\n")).unwrap_or_else(|e| panic!("{e:#?}"));
    let csv = lesen_csv(block("```\n# Jobcenter Fürth Stadt")).unwrap_or_else(|e| panic!("{e:#?}"));
    let (j, c) = (&json.jobcenter[0].dienststellen[0], &csv.jobcenter[0].dienststellen[0]);
    assert_eq!((&j.zeiten.woche, &j.zeiten.ausnahmen), (&c.zeiten.woche, &c.zeiten.ausnahmen));
    assert_eq!(csv.zustaendig("90768")[0].1, Some("Fürth, Stadt"));
    assert_eq!(c.notfall.as_ref().unwrap().zeiten.woche[0], vec![Spanne { von: 0, bis: 1440 }]);
}

mod eigenschaften {
    use super::*;
    use proptest::prelude::*;

    /// Any text as the readers keep it: trimmed, and not empty.
    fn text() -> impl Strategy<Value = String> {
        any::<String>().prop_map(|s| s.trim().to_owned()).prop_filter("not empty", |s| !s.is_empty())
    }

    proptest! {
        #[test]
        fn every_span_reads_back_from_how_it_is_written(von in 0u16..1440, laenge in 1u16..=1440) {
            let s = Spanne { von, bis: (von + laenge).min(1440) };
            prop_assert_eq!(crate::werte::spanne(&s.datei()), Ok(s));
            prop_assert_eq!(crate::werte::tag_zelle(&format!(" {} ", s.anzeigen())), Ok(vec![s]));
        }

        #[test]
        fn any_texts_survive_both_formats(
            name in text(), gebiet in text(), hinweis in text(), barrierefreiheit in text(), oepnv in text()
        ) {
            let mut v = klein();
            v.jobcenter[0].name = name;
            v.jobcenter[0].zustaendigkeit[1].gebiet = Some(gebiet.clone());
            v.jobcenter[1].zustaendigkeit[0].gebiet = Some(format!("{gebiet} (Land)"));
            let d = &mut v.jobcenter[0].dienststellen[0];
            d.notfall.as_mut().unwrap().hinweis = hinweis.clone();
            d.zeiten.ausnahmen[0].hinweis = Some(hinweis);
            (d.barrierefreiheit, d.oepnv) = (barrierefreiheit, oepnv);
            prop_assert_eq!(lesen_json(&v.als_json()), Ok(v.clone()));
            prop_assert_eq!(lesen_csv(&v.als_csv()), Ok(v));
        }
    }
}
