//! Photos combined into one PDF, read back with `lopdf` and checked with
//! our own `Pruefer`.

use dokumente::beispiele;
use dokumente::bilder_pdf::{Bild, BilderPdfFehler, bilder_zu_pdf};
use dokumente::pruefung::{Art, Grenzen, Pruefer};
use lopdf::{Document, Object, ObjectId};

fn jpeg(bytes: Vec<u8>) -> Bild {
    Bild { art: Art::Jpeg, bytes }
}

fn png(bytes: Vec<u8>) -> Bild {
    Bild { art: Art::Png, bytes }
}

fn laden(pdf: &[u8]) -> Document {
    Document::load_mem(pdf).expect("the combined PDF parses")
}

fn zahlen(doc: &Document, objekt: &Object) -> Vec<f32> {
    let (_, objekt) = doc.dereference(objekt).expect("reference resolves");
    objekt.as_array().expect("an array").iter().map(|z| z.as_float().expect("a number")).collect()
}

fn text(doc: &Document, dict: &lopdf::Dictionary, schluessel: &[u8]) -> String {
    lopdf::decode_text_string(dict.get_deref(schluessel, doc).expect("key present")).expect("a text string")
}

/// The one image XObject of a page: (width, height, its dictionary).
fn seitenbild(doc: &Document, seite: ObjectId) -> (i64, i64, lopdf::Dictionary) {
    let seite = doc.get_dictionary(seite).expect("page");
    let ressourcen = seite.get_deref(b"Resources", doc).and_then(Object::as_dict).expect("resources");
    let xobjekte = ressourcen.get_deref(b"XObject", doc).and_then(Object::as_dict).expect("XObjects");
    assert_eq!(xobjekte.len(), 1);
    let (_, bild) = xobjekte.iter().next().expect("one image");
    let bild = doc.dereference(bild).expect("image").1.as_stream().expect("image stream");
    let breite = bild.dict.get(b"Width").and_then(Object::as_i64).expect("Width");
    let hoehe = bild.dict.get(b"Height").and_then(Object::as_i64).expect("Height");
    (breite, hoehe, bild.dict.clone())
}

#[test]
fn three_photos_become_three_pages_in_the_given_order_with_fitting_page_shapes() {
    let seiten = [jpeg(beispiele::jpeg(300, 200)), png(beispiele::png(100, 400)), jpeg(beispiele::jpeg_mit_ausrichtung(400, 300, 6))];
    let pdf = bilder_zu_pdf(&seiten, "Kontoauszug März", "de-DE").expect("combined");
    let doc = laden(&pdf);
    let seiten_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    assert_eq!(seiten_ids.len(), 3);
    let groessen: Vec<(i64, i64)> = seiten_ids.iter().map(|&s| seitenbild(&doc, s)).map(|(b, h, _)| (b, h)).collect();
    assert_eq!(groessen, vec![(300, 200), (100, 400), (400, 300)]);
    let boxen: Vec<Vec<f32>> =
        seiten_ids.iter().map(|&s| zahlen(&doc, doc.get_dictionary(s).expect("page").get(b"MediaBox").expect("MediaBox"))).collect();
    // Landscape photo, portrait PNG, landscape JPEG shown turned (EXIF 6).
    assert_eq!(boxen, vec![vec![0.0, 0.0, 842.0, 595.0], vec![0.0, 0.0, 595.0, 842.0], vec![0.0, 0.0, 595.0, 842.0]]);
    let (_, _, jpeg_dict) = seitenbild(&doc, seiten_ids[0]);
    assert_eq!(jpeg_dict.get(b"Filter").and_then(Object::as_name).expect("Filter"), b"DCTDecode");
    assert_eq!(jpeg_dict.get(b"ColorSpace").and_then(Object::as_name).expect("ColorSpace"), b"DeviceRGB");
}

#[test]
fn jpeg_bytes_are_embedded_unchanged() {
    let bild = beispiele::jpeg(120, 80);
    let pdf = bilder_zu_pdf(&[jpeg(bild.clone())], "Foto", "de-DE").expect("combined");
    let doc = laden(&pdf);
    let seite = doc.get_pages()[&1];
    let seite = doc.get_dictionary(seite).expect("page");
    let xobjekte = seite
        .get_deref(b"Resources", &doc)
        .and_then(Object::as_dict)
        .and_then(|r| r.get_deref(b"XObject", &doc))
        .and_then(Object::as_dict)
        .expect("XObjects");
    let strom = doc.dereference(xobjekte.iter().next().expect("image").1).expect("image").1.as_stream().expect("stream");
    assert_eq!(strom.content, bild);
}

#[test]
fn the_pdf_is_tagged_with_title_language_and_one_figure_per_page() {
    let seiten = [jpeg(beispiele::jpeg(40, 30)), jpeg(beispiele::jpeg(30, 40))];
    let pdf = bilder_zu_pdf(&seiten, "Kontoauszug März", "de-DE").expect("combined");
    let doc = laden(&pdf);
    let katalog = doc.catalog().expect("catalog");
    assert_eq!(text(&doc, katalog, b"Lang"), "de-DE");
    let markiert = katalog.get_deref(b"MarkInfo", &doc).and_then(Object::as_dict).and_then(|m| m.get(b"Marked")).and_then(Object::as_bool);
    assert_eq!(markiert.ok(), Some(true));
    let vorgaben = katalog.get_deref(b"ViewerPreferences", &doc).and_then(Object::as_dict).expect("ViewerPreferences");
    assert_eq!(vorgaben.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(), Some(true));
    let info = doc.trailer.get_deref(b"Info", &doc).and_then(Object::as_dict).expect("Info");
    assert_eq!(text(&doc, info, b"Title"), "Kontoauszug März");

    let wurzel = katalog.get_deref(b"StructTreeRoot", &doc).and_then(Object::as_dict).expect("StructTreeRoot");
    let dokument = wurzel.get_deref(b"K", &doc).and_then(Object::as_dict).expect("Document element");
    assert_eq!(dokument.get(b"S").and_then(Object::as_name).ok(), Some(&b"Document"[..]));
    let figuren = dokument.get_deref(b"K", &doc).and_then(Object::as_array).expect("figures");
    let seiten_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    assert_eq!(figuren.len(), 2);
    for (i, figur) in figuren.iter().enumerate() {
        let figur = doc.dereference(figur).expect("figure").1.as_dict().expect("figure dict");
        assert_eq!(figur.get(b"S").and_then(Object::as_name).ok(), Some(&b"Figure"[..]));
        assert_eq!(text(&doc, figur, b"Alt"), format!("Seite {} von 2", i + 1));
        assert_eq!(figur.get(b"Pg").and_then(Object::as_reference).ok(), Some(seiten_ids[i]));
    }
    let inhalt = doc.get_page_content(seiten_ids[1]);
    let inhalt = String::from_utf8_lossy(&inhalt).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(inhalt.starts_with("/Figure << /MCID 0 >> BDC") && inhalt.ends_with("EMC"), "{inhalt}");
}

#[test]
fn the_combined_pdf_passes_our_own_check() {
    let seiten = [jpeg(beispiele::jpeg(64, 48)), png(beispiele::png_mit_alpha(32, 32)), jpeg(beispiele::jpeg_cmyk(16, 16))];
    let pdf = bilder_zu_pdf(&seiten, "Bescheid", "de-DE").expect("combined");
    let befund = Pruefer::pruefe(Grenzen::default(), &pdf).expect("our own PDF is accepted");
    assert_eq!(befund.art, Art::Pdf);
}

#[test]
fn a_png_with_alpha_is_put_onto_white() {
    let pdf = bilder_zu_pdf(&[png(beispiele::png_mit_alpha(8, 2))], "PNG", "de-DE").expect("combined");
    let doc = laden(&pdf);
    let seite = doc.get_pages()[&1];
    let (_, _, dict) = seitenbild(&doc, seite);
    assert_eq!(dict.get(b"ColorSpace").and_then(Object::as_name).ok(), Some(&b"DeviceRGB"[..]));
    let bilder = doc.get_page_images(seite).expect("images");
    let pixel = lopdf::Stream::new(dict, bilder[0].content.to_vec()).decompressed_content().expect("Flate data");
    assert_eq!(pixel.len(), 8 * 2 * 3, "RGB without alpha");
    assert_eq!(&pixel[..3], &[255, 255, 255], "transparent left half is white");
    assert_ne!(&pixel[21..24], &[255, 255, 255], "opaque right half keeps its colour");
}

#[test]
fn an_adobe_cmyk_jpeg_gets_an_inverting_decode_array() {
    let pdf = bilder_zu_pdf(&[jpeg(beispiele::jpeg_cmyk(16, 16))], "CMYK", "de-DE").expect("combined");
    let doc = laden(&pdf);
    let (_, _, dict) = seitenbild(&doc, doc.get_pages()[&1]);
    assert_eq!(dict.get(b"ColorSpace").and_then(Object::as_name).ok(), Some(&b"DeviceCMYK"[..]));
    assert_eq!(zahlen(&doc, dict.get(b"Decode").expect("Decode")), vec![1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
}

#[test]
fn a_heic_photo_cannot_be_combined() {
    let seiten = [jpeg(beispiele::jpeg(8, 8)), Bild { art: Art::Heic, bytes: beispiele::heic() }];
    assert_eq!(bilder_zu_pdf(&seiten, "T", "de-DE"), Err(BilderPdfFehler::HeicNichtKombinierbar { seite: 2 }));
}

#[test]
fn a_cut_off_jpeg_is_refused_as_damaged_with_its_page() {
    let seiten = [jpeg(beispiele::jpeg(8, 8)), jpeg(beispiele::jpeg(8, 8)[..20].to_vec())];
    assert_eq!(bilder_zu_pdf(&seiten, "T", "de-DE"), Err(BilderPdfFehler::Beschaedigt { seite: 2 }));
}
