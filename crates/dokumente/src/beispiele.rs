//! Sample files made in code, valid and hostile, for tests and the load tool
//! (feature `beispiele`). No binary fixture is committed: each file is built
//! on call, small and deterministic.
//!
//! Every function panics only when its own encoder fails on fixed input,
//! which would be a bug here, not a condition to handle.

use std::io::Write as _;

use pdf_writer::{Content, Finish as _, Name, Pdf, Rect, Ref, Str};

/// An empty file.
pub fn leer() -> Vec<u8> {
    Vec::new()
}

/// A valid one-page A4 PDF with a line of text, written by `pdf-writer`
/// (correct xref table, `startxref`, `%%EOF`).
pub fn pdf() -> Vec<u8> {
    let (katalog, seiten, seite, schrift, inhalt) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    let mut pdf = Pdf::new();
    pdf.catalog(katalog).pages(seiten);
    pdf.pages(seiten).kids([seite]).count(1);
    let mut s = pdf.page(seite);
    s.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(seiten).contents(inhalt);
    s.resources().fonts().pair(Name(b"F1"), schrift);
    s.finish();
    pdf.type1_font(schrift).base_font(Name(b"Helvetica"));
    let mut text = Content::new();
    text.begin_text().set_font(Name(b"F1"), 14.0).next_line(72.0, 770.0).show(Str(b"Jobcenter Digital: Beispiel")).end_text();
    pdf.stream(inhalt, &text.finish());
    pdf.finish()
}

/// A real baseline RGB JPEG (a colour gradient) of the given size.
pub fn jpeg(breite: u16, hoehe: u16) -> Vec<u8> {
    jpeg_kodieren(breite, hoehe, jpeg_encoder::ColorType::Rgb, 3, None)
}

/// A real JPEG like [`jpeg`] with an EXIF APP1 segment whose orientation tag
/// (0x0112) is `ausrichtung` (1–8).
pub fn jpeg_mit_ausrichtung(breite: u16, hoehe: u16, ausrichtung: u16) -> Vec<u8> {
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    exif.extend_from_slice(&ausrichtung.to_be_bytes());
    exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    jpeg_kodieren(breite, hoehe, jpeg_encoder::ColorType::Rgb, 3, Some(exif))
}

/// A real CMYK JPEG; the encoder writes an Adobe APP14 segment.
pub fn jpeg_cmyk(breite: u16, hoehe: u16) -> Vec<u8> {
    jpeg_kodieren(breite, hoehe, jpeg_encoder::ColorType::Cmyk, 4, None)
}

fn jpeg_kodieren(breite: u16, hoehe: u16, farben: jpeg_encoder::ColorType, kanaele: usize, exif: Option<Vec<u8>>) -> Vec<u8> {
    let pixel = verlauf(u32::from(breite), u32::from(hoehe), kanaele);
    let mut aus = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut aus, 85);
    if let Some(exif) = exif {
        encoder.add_app_segment(1, exif).expect("APP1 segment of fixed size");
    }
    encoder.encode(&pixel, breite, hoehe, farben).expect("encoding a gradient");
    aus
}

/// A deterministic gradient, `kanaele` bytes per pixel.
fn verlauf(breite: u32, hoehe: u32, kanaele: usize) -> Vec<u8> {
    let mut pixel = Vec::with_capacity(breite as usize * hoehe as usize * kanaele);
    for y in 0..hoehe {
        for x in 0..breite {
            let werte = [(x * 255 / breite.max(1)) as u8, (y * 255 / hoehe.max(1)) as u8, 128, 255];
            pixel.extend((0..kanaele).map(|k| werte[k % 4]));
        }
    }
    pixel
}

/// A real 8-bit RGB PNG (a colour gradient) of the given size.
pub fn png(breite: u32, hoehe: u32) -> Vec<u8> {
    png_kodieren(breite, hoehe, png::ColorType::Rgb, 3)
}

/// A real 8-bit RGBA PNG whose left half is fully transparent.
pub fn png_mit_alpha(breite: u32, hoehe: u32) -> Vec<u8> {
    png_kodieren(breite, hoehe, png::ColorType::Rgba, 4)
}

fn png_kodieren(breite: u32, hoehe: u32, farben: png::ColorType, kanaele: usize) -> Vec<u8> {
    let mut pixel = verlauf(breite, hoehe, kanaele);
    if kanaele == 4 {
        for (i, px) in pixel.chunks_mut(4).enumerate() {
            px[3] = if (i as u32 % breite) < breite / 2 { 0 } else { 255 };
        }
    }
    let mut aus = Vec::new();
    let mut encoder = png::Encoder::new(&mut aus, breite, hoehe);
    encoder.set_color(farben);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("PNG header");
    writer.write_image_data(&pixel).expect("PNG data");
    writer.finish().expect("PNG end");
    aus
}

/// A minimal well-formed HEIC of 640 × 480 (see [`heic_mit_groesse`]).
pub fn heic() -> Vec<u8> {
    heic_mit_groesse(640, 480)
}

/// A minimal well-formed HEIF container: `ftyp` (heic, mif1), `meta` with
/// `hdlr`, `pitm`, `iprp`/`ipco`/`ispe` of the given size and `ipma`, and an
/// empty `mdat`. It has no coded image, so it does not decode.
pub fn heic_mit_groesse(breite: u32, hoehe: u32) -> Vec<u8> {
    let mut ispe = breite.to_be_bytes().to_vec();
    ispe.extend_from_slice(&hoehe.to_be_bytes());
    let ipco = bmff("ipco", &voll_box("ispe", &ispe));
    // One entry: item 1, one association, essential, property index 1.
    let ipma = voll_box("ipma", &[0, 0, 0, 1, 0, 1, 1, 0x81]);
    let iprp = bmff("iprp", &[ipco, ipma].concat());
    let hdlr = voll_box("hdlr", &[&[0; 4][..], b"pict", &[0; 12], b"\0"].concat());
    let pitm = voll_box("pitm", &[0, 1]);
    let meta = voll_box("meta", &[hdlr, pitm, iprp].concat());
    [bmff("ftyp", b"heic\0\0\0\0mif1heic"), meta, bmff("mdat", &[])].concat()
}

fn bmff(typ: &str, inhalt: &[u8]) -> Vec<u8> {
    let mut b = ((inhalt.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(typ.as_bytes());
    b.extend_from_slice(inhalt);
    b
}

/// An ISO-BMFF full box: version 0, flags 0.
fn voll_box(typ: &str, inhalt: &[u8]) -> Vec<u8> {
    bmff(typ, &[&[0; 4][..], inhalt].concat())
}

/// A JPEG with a whole PDF in a comment segment right after SOI: image
/// viewers show the photo, PDF readers find `%PDF-` within 1024 bytes.
pub fn polyglott_pdf_jpeg() -> Vec<u8> {
    let bild = jpeg(32, 32);
    let pdf = pdf();
    let mut aus = bild[..2].to_vec();
    aus.extend_from_slice(&[0xFF, 0xFE]);
    aus.extend_from_slice(&((pdf.len() + 2) as u16).to_be_bytes());
    aus.extend_from_slice(&pdf);
    aus.extend_from_slice(&bild[2..]);
    aus
}

/// A tiny PNG whose valid IHDR declares 50 000 × 50 000 RGBA pixels
/// (10 GB once opened): a decompression bomb.
pub fn png_riesig() -> Vec<u8> {
    let mut ihdr = 50_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&50_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let idat = miniz_oxide::deflate::compress_to_vec_zlib(&[0; 1024], 9);
    [&b"\x89PNG\r\n\x1a\n"[..], &png_chunk(b"IHDR", &ihdr), &png_chunk(b"IDAT", &idat), &png_chunk(b"IEND", &[])].concat()
}

/// One PNG chunk with length and CRC.
pub fn png_chunk(typ: &[u8; 4], daten: &[u8]) -> Vec<u8> {
    let mut crc = crc32fast::Hasher::new();
    crc.update(typ);
    crc.update(daten);
    [&(daten.len() as u32).to_be_bytes()[..], typ, daten, &crc.finalize().to_be_bytes()].concat()
}

/// A real JPEG cut in the middle of its scan data (an interrupted upload).
pub fn jpeg_abgeschnitten() -> Vec<u8> {
    let mut bild = jpeg(64, 48);
    bild.truncate(bild.len() / 2);
    bild
}

/// A PDF whose trailer names an `/Encrypt` dictionary (standard security
/// handler, RC4 128 bit).
pub fn pdf_verschluesselt() -> Vec<u8> {
    let verschluesselung = format!(
        "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1068 /O <{o}> /U <{o}> >>",
        o = "28bf4e5e4e758a4164004e56fffa0108".repeat(2)
    );
    let id = "<0123456789abcdef0123456789abcdef>";
    roh_pdf(&seiten_objekte("", &[verschluesselung]), &format!("/Encrypt 4 0 R /ID [{id} {id}]"))
}

/// A PDF whose catalog has an `/OpenAction` JavaScript action (`/JS`).
pub fn pdf_mit_javascript() -> Vec<u8> {
    let aktion = "<< /Type /Action /S /JavaScript /JS (app.alert\\('Hallo'\\);) >>".to_owned();
    roh_pdf(&seiten_objekte("/OpenAction 4 0 R", &[aktion]), "")
}

/// Like [`pdf_mit_javascript`], with the names hex-escaped (`/J#61vaScript`,
/// `/J#53`) as a reader accepts them.
pub fn pdf_mit_javascript_maskiert() -> Vec<u8> {
    let aktion = "<< /Type /Action /S /J#61vaScript /J#53 (app.alert\\('Hallo'\\);) >>".to_owned();
    roh_pdf(&seiten_objekte("/OpenAction 4 0 R", &[aktion]), "")
}

/// A PDF whose JavaScript action sits in a Flate-compressed object stream,
/// invisible to a scanner of raw bytes. (The xref table does not list the
/// compressed object; the sample is for the scanner, not for readers.)
pub fn pdf_mit_javascript_im_objektstrom() -> Vec<u8> {
    let inhalt = b"5 0 << /Type /Action /S /JavaScript /JS (app.alert\\('Hallo'\\);) >>";
    let gepackt = miniz_oxide::deflate::compress_to_vec_zlib(inhalt, 6);
    let mut strom = format!("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n", gepackt.len()).into_bytes();
    strom.extend_from_slice(&gepackt);
    strom.extend_from_slice(b"\nendstream");
    let mut objekte = seiten_objekte("/OpenAction 5 0 R", &[]);
    objekte.push(strom);
    roh_pdf(&objekte, "")
}

/// Catalog (1, with `katalog_extra`), pages (2), an empty page (3), then `weitere` from 4 on.
fn seiten_objekte(katalog_extra: &str, weitere: &[String]) -> Vec<Vec<u8>> {
    let mut objekte = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {katalog_extra} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ];
    objekte.extend(weitere.iter().map(|o| o.clone().into_bytes()));
    objekte
}

/// A PDF from object bodies (numbered from 1, object 1 the catalog) with a
/// correct xref table; `trailer_extra` goes into the trailer dictionary.
fn roh_pdf(objekte: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut aus = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut lagen = Vec::with_capacity(objekte.len());
    for (i, objekt) in objekte.iter().enumerate() {
        lagen.push(aus.len());
        let _ = writeln!(aus, "{} 0 obj", i + 1);
        aus.extend_from_slice(objekt);
        aus.extend_from_slice(b"\nendobj\n");
    }
    let xref = aus.len();
    let _ = writeln!(aus, "xref\n0 {}\n0000000000 65535 f ", objekte.len() + 1);
    for lage in lagen {
        let _ = writeln!(aus, "{lage:010} 00000 n ");
    }
    let _ = writeln!(aus, "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF", objekte.len() + 1);
    aus
}
