//! "Als ein Dokument senden": several photos of one paper document as one
//! tagged PDF, one image per A4 page, pages in the given order.
//!
//! - JPEGs are embedded as they are (DCTDecode), never decoded, so memory
//!   stays at the input plus the output; width, height and components come
//!   from the SOF segment, CMYK with an Adobe APP14 segment is inverted by a
//!   `/Decode` array, and the EXIF orientation (1–8) becomes the image's
//!   transformation matrix.
//! - PNGs are decoded (at most [`MAX_PNG_SPEICHER`] bytes as RGBA), alpha is
//!   dropped onto white, and the pixels are compressed again with Flate.
//! - HEIC cannot be embedded in PDF: [`BilderPdfFehler::HeicNichtKombinierbar`].
//! - Each page is portrait or landscape by the image's shape after
//!   orientation; the image is scaled to fit within [`RAND`] points and
//!   centred.
//! - Tagged PDF: `/MarkInfo` marked, a structure tree `Document` with one
//!   `Figure` per page (`/Alt` "Seite N von M"), `/Lang`, the title in the
//!   Info dictionary, shown by the viewer (`DisplayDocTitle`).
//!
//! The inputs are expected to have passed [`crate::pruefung::Pruefer`]; this
//! module still refuses anything it cannot read, never panics on bytes.

use pdf_writer::types::StructRole;
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, TextStr};

use crate::pruefung::Art;

/// Most bytes a PNG may need decoded as RGBA (`width × height × 4`).
pub const MAX_PNG_SPEICHER: u64 = 256 * 1024 * 1024;

/// A4 in points, portrait.
pub const A4: (f32, f32) = (595.0, 842.0);

/// Margin around each image, in points.
pub const RAND: f32 = 20.0;

/// Flate level for decoded PNGs: fast, since photos barely compress anyway.
const FLATE_STUFE: u8 = 3;

/// One photo (one page) as uploaded and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bild {
    /// The kind, from [`crate::pruefung::Befund::art`].
    pub art: Art,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Why photos could not be combined; `seite` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BilderPdfFehler {
    /// No photos were given.
    #[error("no photos to combine")]
    KeineSeiten,
    /// A HEIC photo cannot be put into a PDF; the citizen sends it alone or as JPEG.
    #[error("photo {seite} is HEIC, which cannot be combined into a PDF")]
    HeicNichtKombinierbar {
        /// The page, from 1.
        seite: usize,
    },
    /// A PDF was given where a photo was expected.
    #[error("file {seite} is a PDF, not a photo")]
    KeinBild {
        /// The page, from 1.
        seite: usize,
    },
    /// The photo's bytes cannot be read.
    #[error("photo {seite} is damaged")]
    Beschaedigt {
        /// The page, from 1.
        seite: usize,
    },
    /// A JPEG kind PDF cannot show (12-bit, lossless, arithmetic coding, 2 components).
    #[error("photo {seite} uses a JPEG variant that PDF cannot show")]
    NichtUnterstuetzt {
        /// The page, from 1.
        seite: usize,
    },
    /// A PNG needs more than [`MAX_PNG_SPEICHER`] bytes decoded.
    #[error("photo {seite} has too many pixels")]
    BildZuGross {
        /// The page, from 1.
        seite: usize,
    },
}

/// Combines `seiten` into one PDF titled `titel` in language `sprache`
/// (a BCP 47 tag such as "de-DE"), one page per photo in the given order.
pub fn bilder_zu_pdf(seiten: &[Bild], titel: &str, sprache: &str) -> Result<Vec<u8>, BilderPdfFehler> {
    if seiten.is_empty() {
        return Err(BilderPdfFehler::KeineSeiten);
    }
    // Refuse before any work when one page cannot be combined at all.
    for (i, bild) in seiten.iter().enumerate() {
        match bild.art {
            Art::Heic => return Err(BilderPdfFehler::HeicNichtKombinierbar { seite: i + 1 }),
            Art::Pdf => return Err(BilderPdfFehler::KeinBild { seite: i + 1 }),
            Art::Jpeg | Art::Png => {}
        }
    }
    let anzahl = seiten.len();
    let mut ids = (1..).map(Ref::new);
    let mut neu = || ids.next().unwrap_or(Ref::new(1));
    let (katalog, baum, wurzel, dokument, info) = (neu(), neu(), neu(), neu(), neu());
    let seiten_ids: Vec<[Ref; 5]> = (0..anzahl).map(|_| [neu(), neu(), neu(), neu(), neu()]).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    for (i, (bild, &[seite, inhalt, xobjekt, figur, eltern])) in seiten.iter().zip(&seiten_ids).enumerate() {
        let fehler = |art: Fehlerart| art.auf_seite(i + 1);
        let ausrichtung = match bild.art {
            Art::Jpeg => jpeg_einbetten(&mut pdf, xobjekt, &bild.bytes).map_err(fehler)?,
            _ => png_einbetten(&mut pdf, xobjekt, &bild.bytes).map_err(fehler)?,
        };
        let platz = platziere(ausrichtung.breite, ausrichtung.hoehe, ausrichtung.ausrichtung);

        let mut inhalt_strom = Content::new();
        inhalt_strom.begin_marked_content_with_properties(Name(b"Figure")).properties().identify(0);
        inhalt_strom.save_state().transform(platz.matrix).x_object(Name(b"Bild")).restore_state();
        inhalt_strom.end_marked_content();
        pdf.stream(inhalt, &inhalt_strom.finish());

        let mut s = pdf.page(seite);
        s.media_box(Rect::new(0.0, 0.0, platz.seite.0, platz.seite.1)).parent(baum).contents(inhalt);
        s.struct_parents(i as i32);
        s.resources().x_objects().pair(Name(b"Bild"), xobjekt);
        s.finish();

        let alt = format!("Seite {} von {}", i + 1, anzahl);
        let mut element = pdf.struct_element(figur);
        element.kind(StructRole::Figure).parent(dokument).page(seite).alt(TextStr(&alt));
        element.marked_content_child().page(seite).marked_content_id(0);
        element.finish();
        pdf.indirect(eltern).array().item(figur);
    }

    pdf.pages(baum).kids(seiten_ids.iter().map(|ids| ids[0])).count(anzahl as i32);
    let mut dokument_element = pdf.struct_element(dokument);
    dokument_element.kind(StructRole::Document).parent(wurzel);
    dokument_element.children().items(seiten_ids.iter().map(|ids| ids[3]));
    dokument_element.finish();

    let mut w = pdf.indirect(wurzel).start::<pdf_writer::writers::StructTreeRoot>();
    w.child(dokument);
    let mut eltern_baum = w.parent_tree();
    let mut eintraege = eltern_baum.nums();
    for (i, ids) in seiten_ids.iter().enumerate() {
        eintraege.insert(i as i32, ids[4]);
    }
    eintraege.finish();
    eltern_baum.finish();
    w.parent_tree_next_key(anzahl as i32);
    w.finish();

    let mut k = pdf.catalog(katalog);
    k.pages(baum).lang(TextStr(sprache));
    k.mark_info().marked(true);
    k.viewer_preferences().display_doc_title(true);
    k.pair(Name(b"StructTreeRoot"), wurzel);
    k.finish();
    pdf.document_info(info).title(TextStr(titel)).creator(TextStr("Jobcenter Digital"));
    Ok(pdf.finish())
}

/// A page's problem, before its number is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fehlerart {
    Beschaedigt,
    NichtUnterstuetzt,
    BildZuGross,
}

impl Fehlerart {
    fn auf_seite(self, seite: usize) -> BilderPdfFehler {
        match self {
            Fehlerart::Beschaedigt => BilderPdfFehler::Beschaedigt { seite },
            Fehlerart::NichtUnterstuetzt => BilderPdfFehler::NichtUnterstuetzt { seite },
            Fehlerart::BildZuGross => BilderPdfFehler::BildZuGross { seite },
        }
    }
}

/// Stored size of an image and how to turn it for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Abmessung {
    breite: u32,
    hoehe: u32,
    /// EXIF orientation, 1 (as stored) to 8.
    ausrichtung: u16,
}

/// Where an image goes: the page size and the matrix that maps the image's
/// unit square onto the page, turned as the EXIF orientation says.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Platzierung {
    seite: (f32, f32),
    matrix: [f32; 6],
}

/// Lays out a `breite × hoehe` image with EXIF `ausrichtung` on an A4 page.
fn platziere(breite: u32, hoehe: u32, ausrichtung: u16) -> Platzierung {
    let gedreht = matches!(ausrichtung, 5..=8);
    let (b, h) = if gedreht { (hoehe as f32, breite as f32) } else { (breite as f32, hoehe as f32) };
    let seite = if b > h { (A4.1, A4.0) } else { A4 };
    let massstab = ((seite.0 - 2.0 * RAND) / b).min((seite.1 - 2.0 * RAND) / h);
    let (w, hh) = (b * massstab, h * massstab);
    let (x, y) = ((seite.0 - w) / 2.0, (seite.1 - hh) / 2.0);
    // Image space has the first stored row at the top of the unit square;
    // each matrix sends it where EXIF says the stored row 0 and column 0 go.
    let matrix = match ausrichtung {
        2 => [-w, 0.0, 0.0, hh, x + w, y],
        3 => [-w, 0.0, 0.0, -hh, x + w, y + hh],
        4 => [w, 0.0, 0.0, -hh, x, y + hh],
        5 => [0.0, -hh, -w, 0.0, x + w, y + hh],
        6 => [0.0, -hh, w, 0.0, x, y + hh],
        7 => [0.0, hh, w, 0.0, x, y],
        8 => [0.0, hh, -w, 0.0, x + w, y],
        _ => [w, 0.0, 0.0, hh, x, y],
    };
    Platzierung { seite, matrix }
}

/// What the JPEG's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct JpegKopf {
    abmessung: Abmessung,
    komponenten: u8,
    adobe: bool,
}

/// Reads SOF, APP14 "Adobe" and the EXIF orientation, up to the first scan.
fn jpeg_kopf(bytes: &[u8]) -> Result<JpegKopf, Fehlerart> {
    let (beschaedigt, nicht_unterstuetzt) = (Fehlerart::Beschaedigt, Fehlerart::NichtUnterstuetzt);
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(beschaedigt);
    }
    let (mut pos, mut sof, mut adobe, mut ausrichtung) = (2, None, false, 1);
    loop {
        while bytes.get(pos) == Some(&0xFF) && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(0xFF), Some(&marker)) = (bytes.get(pos), bytes.get(pos + 1)) else { return Err(beschaedigt) };
        let laenge = bytes.get(pos + 2..pos + 4).map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])));
        let nutzlast = laenge.filter(|&l| l >= 2).and_then(|l| bytes.get(pos + 4..pos + 2 + l)).ok_or(beschaedigt)?;
        match marker {
            0xDA => break,
            0xC0..=0xC2 => sof = Some((marker, nutzlast)),
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return Err(nicht_unterstuetzt),
            0xEE if nutzlast.starts_with(b"Adobe") => adobe = true,
            0xE1 if nutzlast.starts_with(b"Exif\0\0") => ausrichtung = exif_ausrichtung(&nutzlast[6..]).unwrap_or(1),
            _ => {}
        }
        pos += 2 + nutzlast.len() + 2;
    }
    let (_, p) = sof.ok_or(beschaedigt)?;
    if p.len() < 6 {
        return Err(beschaedigt);
    }
    let (praezision, hoehe, breite, komponenten) =
        (p[0], u32::from(u16::from_be_bytes([p[1], p[2]])), u32::from(u16::from_be_bytes([p[3], p[4]])), p[5]);
    if hoehe == 0 || breite == 0 {
        return Err(beschaedigt);
    }
    if praezision != 8 || !matches!(komponenten, 1 | 3 | 4) {
        return Err(nicht_unterstuetzt);
    }
    Ok(JpegKopf { abmessung: Abmessung { breite, hoehe, ausrichtung }, komponenten, adobe })
}

/// The orientation tag (0x0112) of IFD0 in a TIFF structure, if valid.
fn exif_ausrichtung(tiff: &[u8]) -> Option<u16> {
    let gross = match tiff.get(..4)? {
        b"MM\0\x2a" => true,
        b"II\x2a\0" => false,
        _ => return None,
    };
    let u16_bei =
        |i: usize| tiff.get(i..i + 2).map(|b| if gross { u16::from_be_bytes([b[0], b[1]]) } else { u16::from_le_bytes([b[0], b[1]]) });
    let u32_bei = |i: usize| {
        tiff.get(i..i + 4).map(|b| {
            let b = [b[0], b[1], b[2], b[3]];
            if gross { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) }
        })
    };
    let ifd = usize::try_from(u32_bei(4)?).ok()?;
    let anzahl = usize::from(u16_bei(ifd)?);
    (0..anzahl)
        .map(|i| ifd + 2 + 12 * i)
        .find(|&e| u16_bei(e) == Some(0x0112) && u16_bei(e + 2) == Some(3))
        .and_then(|e| u16_bei(e + 8))
        .filter(|o| (1..=8).contains(o))
}

/// Embeds a JPEG unchanged as a DCTDecode image XObject.
fn jpeg_einbetten(pdf: &mut Pdf, id: Ref, bytes: &[u8]) -> Result<Abmessung, Fehlerart> {
    let kopf = jpeg_kopf(bytes)?;
    let mut bild = pdf.image_xobject(id, bytes);
    bild.width(kopf.abmessung.breite as i32).height(kopf.abmessung.hoehe as i32).bits_per_component(8);
    bild.filter(Filter::DctDecode);
    match kopf.komponenten {
        1 => bild.color_space().device_gray(),
        3 => bild.color_space().device_rgb(),
        _ => bild.color_space().device_cmyk(),
    }
    // Adobe writes CMYK JPEGs inverted.
    if kopf.komponenten == 4 && kopf.adobe {
        bild.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
    }
    bild.finish();
    Ok(kopf.abmessung)
}

/// Decodes a PNG, drops alpha onto white and embeds it with Flate.
fn png_einbetten(pdf: &mut Pdf, id: Ref, bytes: &[u8]) -> Result<Abmessung, Fehlerart> {
    let beschaedigt = Fehlerart::Beschaedigt;
    let limits = png::Limits { bytes: usize::try_from(MAX_PNG_SPEICHER).unwrap_or(usize::MAX) };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut leser = decoder.read_info().map_err(|_| beschaedigt)?;
    let (breite, hoehe) = (leser.info().width, leser.info().height);
    if u64::from(breite) * u64::from(hoehe) * 4 > MAX_PNG_SPEICHER {
        return Err(Fehlerart::BildZuGross);
    }
    let mut pixel = vec![0; leser.output_buffer_size().ok_or(beschaedigt)?];
    let ausgabe = leser.next_frame(&mut pixel).map_err(|_| beschaedigt)?;
    pixel.truncate(ausgabe.buffer_size());
    let grau = match ausgabe.color_type {
        png::ColorType::Grayscale => true,
        png::ColorType::Rgb => false,
        png::ColorType::GrayscaleAlpha => {
            auf_weiss(&mut pixel, 1);
            true
        }
        png::ColorType::Rgba => {
            auf_weiss(&mut pixel, 3);
            false
        }
        png::ColorType::Indexed => return Err(beschaedigt),
    };
    let gepackt = miniz_oxide::deflate::compress_to_vec_zlib(&pixel, FLATE_STUFE);
    drop(pixel);
    let mut bild = pdf.image_xobject(id, &gepackt);
    bild.width(breite as i32).height(hoehe as i32).bits_per_component(8);
    bild.filter(Filter::FlateDecode);
    if grau {
        bild.color_space().device_gray();
    } else {
        bild.color_space().device_rgb();
    }
    bild.finish();
    Ok(Abmessung { breite, hoehe, ausrichtung: 1 })
}

/// Composites pixels of `farben` channels plus alpha onto white, in place,
/// leaving `farben` channels per pixel.
fn auf_weiss(pixel: &mut Vec<u8>, farben: usize) {
    let schritt = farben + 1;
    let anzahl = pixel.len() / schritt;
    for i in 0..anzahl {
        let alpha = u32::from(pixel[i * schritt + farben]);
        for k in 0..farben {
            let wert = u32::from(pixel[i * schritt + k]);
            // Writing to i*farben+k never overtakes the reading position.
            pixel[i * farben + k] = ((wert * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
        }
    }
    pixel.truncate(anzahl * farben);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the stored image's top-left corner (unit point (0, 1)) lands.
    fn oben_links(p: &Platzierung) -> (f32, f32) {
        let m = p.matrix;
        (m[2] + m[4], m[3] + m[5])
    }

    #[test]
    fn each_orientation_puts_the_stored_top_left_corner_where_exif_says() {
        // A 400 × 300 photo; after 5–8 it shows as 300 × 400.
        let quer = platziere(400, 300, 1);
        assert_eq!(quer.seite, (842.0, 595.0));
        let hoch = platziere(400, 300, 6);
        assert_eq!(hoch.seite, (595.0, 842.0));
        let (b, h) = (quer.matrix[0], quer.matrix[3]);
        let (x, y) = (quer.matrix[4], quer.matrix[5]);
        let links_oben = (x, y + h);
        let rechts_oben = (x + b, y + h);
        let links_unten = (x, y);
        let rechts_unten = (x + b, y);
        for (ausrichtung, erwartet) in [(1, links_oben), (2, rechts_oben), (3, rechts_unten), (4, links_unten)] {
            assert_eq!(oben_links(&platziere(400, 300, ausrichtung)), erwartet, "orientation {ausrichtung}");
        }
        let (b, h) = (hoch.matrix[2], -hoch.matrix[1]);
        let (x, y) = (hoch.matrix[4], hoch.matrix[5] - h);
        let links_oben = (x, y + h);
        let rechts_oben = (x + b, y + h);
        let links_unten = (x, y);
        let rechts_unten = (x + b, y);
        // 5: row 0 is the left side, column 0 the top; 6: right, top; 7: right, bottom; 8: left, bottom.
        for (ausrichtung, erwartet) in [(5, links_oben), (6, rechts_oben), (7, rechts_unten), (8, links_unten)] {
            assert_eq!(oben_links(&platziere(400, 300, ausrichtung)), erwartet, "orientation {ausrichtung}");
        }
    }

    #[test]
    fn an_image_is_scaled_into_the_margins_and_centred() {
        let p = platziere(1000, 4000, 1);
        assert_eq!(p.seite, A4);
        let (b, h, x, y) = (p.matrix[0], p.matrix[3], p.matrix[4], p.matrix[5]);
        assert!((h - (842.0 - 2.0 * RAND)).abs() < 0.01, "fills the height: {h}");
        assert!((b - h / 4.0).abs() < 0.01, "keeps the aspect: {b}");
        assert!((x - (595.0 - b) / 2.0).abs() < 0.01 && (y - RAND).abs() < 0.01);
    }

    #[test]
    fn exif_orientation_is_read_in_both_byte_orders_and_ignored_when_invalid() {
        let eintrag = |gross: bool, wert: u16| {
            let mut t: Vec<u8> = if gross { b"MM\0\x2a\0\0\0\x08".to_vec() } else { b"II\x2a\0\x08\0\0\0".to_vec() };
            let zahl16 = |v: u16| if gross { v.to_be_bytes() } else { v.to_le_bytes() };
            t.extend_from_slice(&zahl16(1));
            t.extend_from_slice(&zahl16(0x0112));
            t.extend_from_slice(&zahl16(3));
            t.extend_from_slice(&if gross { 1u32.to_be_bytes() } else { 1u32.to_le_bytes() });
            t.extend_from_slice(&zahl16(wert));
            t.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
            t
        };
        assert_eq!(exif_ausrichtung(&eintrag(true, 6)), Some(6));
        assert_eq!(exif_ausrichtung(&eintrag(false, 8)), Some(8));
        assert_eq!(exif_ausrichtung(&eintrag(true, 9)), None);
        assert_eq!(exif_ausrichtung(&eintrag(true, 3)[..14]), None, "cut off");
    }

    #[test]
    fn alpha_is_dropped_onto_white() {
        let mut pixel = vec![0, 0, 0, 0, 10, 20, 30, 255, 0, 0, 0, 128];
        auf_weiss(&mut pixel, 3);
        assert_eq!(pixel, vec![255, 255, 255, 10, 20, 30, 127, 127, 127]);
    }

    #[test]
    fn heic_and_pdf_pages_are_refused_with_their_page_number() {
        let jpeg = Bild { art: Art::Jpeg, bytes: vec![0xFF, 0xD8] };
        let heic = Bild { art: Art::Heic, bytes: vec![0; 16] };
        let pdf = Bild { art: Art::Pdf, bytes: b"%PDF-1.7".to_vec() };
        assert_eq!(bilder_zu_pdf(&[jpeg.clone(), heic], "T", "de-DE"), Err(BilderPdfFehler::HeicNichtKombinierbar { seite: 2 }));
        assert_eq!(bilder_zu_pdf(&[pdf, jpeg.clone()], "T", "de-DE"), Err(BilderPdfFehler::KeinBild { seite: 1 }));
        assert_eq!(bilder_zu_pdf(&[], "T", "de-DE"), Err(BilderPdfFehler::KeineSeiten));
        assert_eq!(bilder_zu_pdf(&[jpeg], "T", "de-DE"), Err(BilderPdfFehler::Beschaedigt { seite: 1 }));
    }
}
