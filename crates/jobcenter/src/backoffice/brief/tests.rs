use super::*;

fn letter(name: &str) -> Letter {
    Letter {
        office_lines: vec!["Jobcenter Nürnberg".into(), "Rollnerstraße 8".into(), "90408 Nürnberg".into()],
        recipient_lines: vec![name.into(), "Äußere Sulzbacher Straße 1".into(), "90491 Nürnberg".into()],
        kundennummer: "123A456789".into(),
        date: "22.11.2026".into(),
        code: "A1B2-C3D4-E5F6".into(),
        valid_until: "22.12.2026".into(),
        entry_url: "http://localhost/freischaltcode".into(),
        qr_url: "http://localhost/freischaltcode?code=A1B2C3D4E5F6".into(),
    }
}

#[test]
fn polish_turkish_and_ukrainian_names_print_in_embedded_fonts() {
    for name in ["Łukasz Şahin", "Олена Коваленко"] {
        let pdf = render(&letter(name)).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let text = doc.extract_text(&[1]).unwrap();
        let flat = text.replace('\n', " ");
        for want in [
            name,
            "Äußere Sulzbacher Straße 1",
            "Freischaltcode für Online-Angebote bei der Bundesagentur für Arbeit",
            "Guten Tag,",
            "Ihr Freischaltcode lautet: A1B2-C3D4-E5F6",
            "Bitte geben Sie Ihren Freischaltcode auf folgender Seite ein.",
            "Sie können auch den folgenden QR-Code scannen",
            "http://localhost/freischaltcode",
            "Ihr Freischaltcode ist gültig bis zum 22.12.2026",
            "Mit freundlichen Grüßen,",
        ] {
            assert!(flat.contains(want), "{want:?} in {text:?}");
        }

        assert!(!text.contains('?') && !text.contains('\u{fffd}'), "nothing replaced: {text:?}");

        let dicts: Vec<&lopdf::Dictionary> = doc.objects.values().filter_map(|o| o.as_dict().ok()).collect();
        let of_type =
            |t: &[u8]| dicts.iter().filter(|d| d.get(b"Type").and_then(|v| v.as_name()).is_ok_and(|v| v == t)).collect::<Vec<_>>();
        let fonts: Vec<_> = of_type(b"Font").into_iter().filter(|d| d.get(b"Subtype").unwrap().as_name().unwrap() == b"Type0").collect();
        assert_eq!(fonts.len(), 2, "regular and bold as composite fonts");
        assert!(fonts.iter().all(|f| f.has(b"ToUnicode")));
        let descriptors = of_type(b"FontDescriptor");
        assert_eq!(descriptors.len(), 2);
        assert!(descriptors.iter().all(|d| d.has(b"FontFile2")), "both faces embedded");
        assert!(!dicts.iter().any(|d| d.get(b"Subtype").and_then(|v| v.as_name()).is_ok_and(|v| v == b"Type1")), "no standard font");

        let catalog = doc.catalog().unwrap();
        assert!(catalog.has(b"StructTreeRoot"), "a structure tree");
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"de-DE");
        let roles: Vec<&[u8]> = of_type(b"StructElem").iter().map(|d| d.get(b"S").unwrap().as_name().unwrap()).collect();
        for role in [&b"Document"[..], b"H1", b"P", b"Figure"] {
            assert!(roles.contains(&role), "{} in the structure tree", String::from_utf8_lossy(role));
        }
    }
}

#[test]
fn a_letter_from_the_template_prints_its_paragraphs_and_refuses_more_than_a_page() {
    let s = Schreiben {
        office_lines: vec!["Jobcenter Nürnberg".into()],
        recipient_lines: vec!["Олена Коваленко".into(), "Weg 1".into(), "90408 Nürnberg".into()],
        kundennummer: "123A456789".into(),
        date: "07.12.2026".into(),
        title: "Einladung zum Gespräch".into(),
        text: "Bitte kommen Sie am Montag.\n\nBringen Sie Ihren Ausweis mit.".into(),
    };
    let pdf = schreiben(&s).unwrap().unwrap();
    let text = lopdf::Document::load_mem(&pdf).unwrap().extract_text(&[1]).unwrap().replace('\n', " ");
    for want in
        ["Олена Коваленко", "Einladung zum Gespräch", "Bitte kommen Sie am Montag.", "Bringen Sie Ihren Ausweis mit.", "Ihr Jobcenter"]
    {
        assert!(text.contains(want), "{want:?} in {text:?}");
    }
    let lang = Schreiben { text: "Ein langer Absatz mit vielen Wörtern. ".repeat(200), ..s };
    assert!(schreiben(&lang).unwrap().is_err(), "more than a page is refused");
}

#[test]
fn every_line_stays_inside_the_text_column() {
    let mut l = letter("Łukasz Şahin");
    l.entry_url = format!("https://jobcenter.example/{}", "sehr-lange-adresse/".repeat(8));
    let regular = crate::satz::regular().unwrap();
    let lines = regular.umbrechen(&l.entry_url, 11.0, crate::satz::WIDTH);
    assert!(lines.len() > 1 && lines.iter().all(|z| regular.breite(z, 11.0) <= crate::satz::WIDTH), "{lines:?}");
    let text = lopdf::Document::load_mem(&render(&l).unwrap()).unwrap().extract_text(&[1]).unwrap();
    assert!(text.replace('\n', "").contains(&l.entry_url), "the long address is printed whole: {text}");
}
