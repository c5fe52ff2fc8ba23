//! PDF text in an embedded font, so that every name prints: "Łukasz Şahin"
//! and "Олена Коваленко" as well as "Jürgen Groß". The standard PDF fonts
//! know only WinAnsi (Latin-1); an embedded TrueType/OpenType font knows
//! what the font covers.
//!
//! A [`Schriftart`] is one face (regular, bold …), read once per process;
//! [`Schriftart::breite`] and [`Schriftart::umbrechen`] measure with its
//! advance widths for wrapping and right alignment. A [`Schrift`] is that
//! face in one PDF: [`Schrift::zeile`] (or [`Schrift::kodieren`]) turns text
//! into glyph codes for the content stream and records the glyphs used;
//! [`Schrift::schreiben`] then embeds only those glyphs (a subset, made with
//! typst's `subsetter`) as a Type0/CIDFontType2 font with real widths and a
//! ToUnicode map, so copying text, search and screen readers get the real
//! characters.
//!
//! The font may be given as TrueType/OpenType or as WOFF 1.0 (the web
//! format, zlib-compressed tables), which is how the KERN UX package ships
//! Noto Sans. No shaping: no kerning, ligatures or mark positioning, which
//! Latin, Cyrillic and Greek names in precomposed form (NFC) do not need.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, Str};
use ttf_parser::{Face, GlyphId};

/// Why a font cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SchriftFehler {
    /// Neither TrueType/OpenType nor WOFF 1.0 (WOFF2 is not supported).
    #[error("the font data is neither TrueType/OpenType nor WOFF 1.0")]
    UnbekanntesFormat,
    /// A WOFF table lies outside the file or does not inflate to its size.
    #[error("the WOFF font is damaged")]
    WoffBeschaedigt,
    /// ttf-parser refused the font.
    #[error("the font cannot be read: {0}")]
    Lesen(#[from] ttf_parser::FaceParsingError),
    /// No Unicode character map: text cannot be turned into glyphs.
    #[error("the font has no Unicode character map")]
    KeineZeichentabelle,
    /// The font's licence bits (OS/2 fsType) forbid embedding.
    #[error("the font's licence forbids embedding")]
    EinbettenVerboten,
    /// The subsetter failed on this font.
    #[error("the font cannot be subset: {0}")]
    Teilmenge(#[from] subsetter::Error),
}

/// One font face, read once: its glyphs, widths and metrics. Reading
/// unpacks and indexes the whole font, so keep it (it is `Sync`) and start a
/// [`Schrift`] from it for each PDF.
pub struct Schriftart {
    /// The font program (TrueType/OpenType, WOFF already unpacked).
    daten: Cow<'static, [u8]>,
    /// Character → (glyph id, advance width in font units).
    glyphen: HashMap<char, (u16, u16)>,
    /// Advance width of `.notdef`, shown for characters the font lacks.
    notdef_breite: u16,
    einheiten_pro_em: f32,
    /// PostScript name, reduced to characters allowed in a PDF name.
    name: String,
    /// Outlines in CFF (OpenType) rather than `glyf` (TrueType).
    cff: bool,
    beschreibung: Beschreibung,
}

/// A [`Schriftart`] in one PDF: it records the glyphs that PDF shows and
/// embeds just those.
pub struct Schrift<'a> {
    art: &'a Schriftart,
    /// Glyphs used so far, numbered in order of first use (the new glyph ids
    /// of the subset, which are also the CIDs in the content stream).
    genutzt: RefCell<Genutzt>,
}

/// The font descriptor's metrics, in PDF glyph space (1000 per em).
struct Beschreibung {
    /// `FontFlags` bits (the type is not `Clone`).
    flags: u32,
    bbox: Rect,
    italic_angle: f32,
    ascent: f32,
    descent: f32,
    cap_height: f32,
    stem_v: f32,
}

struct Genutzt {
    remapper: subsetter::GlyphRemapper,
    /// Per new glyph id (index = id − 1): the original glyph, the character
    /// it shows (for ToUnicode) and its advance width.
    glyphen: Vec<(u16, char, u16)>,
}

impl Schriftart {
    /// Reads a TrueType/OpenType or WOFF 1.0 font.
    pub fn neu(daten: impl Into<Cow<'static, [u8]>>) -> Result<Self, SchriftFehler> {
        let daten = daten.into();
        let daten = match daten.get(..4) {
            Some(b"wOFF") => Cow::Owned(woff_entpacken(&daten)?),
            Some([0, 1, 0, 0] | b"OTTO" | b"true") => daten,
            _ => return Err(SchriftFehler::UnbekanntesFormat),
        };
        let face = Face::parse(&daten, 0)?;
        if face.permissions() == Some(ttf_parser::Permissions::Restricted) {
            return Err(SchriftFehler::EinbettenVerboten);
        }
        let mut glyphen = HashMap::new();
        let tabellen = face.tables().cmap.ok_or(SchriftFehler::KeineZeichentabelle)?;
        for tabelle in tabellen.subtables.into_iter().filter(|t| t.is_unicode()) {
            tabelle.codepoints(|c| {
                if let (Some(zeichen), Some(glyph)) = (char::from_u32(c), tabelle.glyph_index(c)) {
                    let breite = face.glyph_hor_advance(glyph).unwrap_or(0);
                    glyphen.entry(zeichen).or_insert((glyph.0, breite));
                }
            });
        }
        if glyphen.is_empty() {
            return Err(SchriftFehler::KeineZeichentabelle);
        }
        let name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>();
        let einheiten_pro_em = f32::from(face.units_per_em());
        let beschreibung = beschreiben(&face, 1000.0 / einheiten_pro_em);
        Ok(Self {
            notdef_breite: face.glyph_hor_advance(GlyphId(0)).unwrap_or(0),
            name: if name.is_empty() { "Schrift".to_owned() } else { name },
            cff: face.tables().cff.is_some(),
            glyphen,
            einheiten_pro_em,
            beschreibung,
            daten,
        })
    }

    /// Whether the font has a glyph for every character of `text` (spaces
    /// and line breaks aside).
    pub fn deckt(&self, text: &str) -> bool {
        text.chars().filter(|c| !c.is_whitespace()).all(|c| self.glyphen.contains_key(&c))
    }

    /// The advance width of `text` at `groesse` pt, in pt.
    pub fn breite(&self, text: &str, groesse: f32) -> f32 {
        let einheiten: u32 = text.chars().map(|c| u32::from(self.glyphen.get(&c).map_or(self.notdef_breite, |g| g.1))).sum();
        einheiten as f32 / self.einheiten_pro_em * groesse
    }

    /// Splits a paragraph into lines no wider than `breite` pt at `groesse`
    /// pt, between words; a word wider than a line is split between
    /// characters.
    pub fn umbrechen(&self, text: &str, groesse: f32, breite: f32) -> Vec<String> {
        let mut zeilen = Vec::new();
        let mut zeile = String::new();
        for wort in text.split_whitespace() {
            let kandidat = if zeile.is_empty() { wort.to_owned() } else { format!("{zeile} {wort}") };
            if self.breite(&kandidat, groesse) <= breite {
                zeile = kandidat;
                continue;
            }
            if !zeile.is_empty() {
                zeilen.push(std::mem::take(&mut zeile));
            }
            for zeichen in wort.chars() {
                zeile.push(zeichen);
                if zeile.chars().count() > 1 && self.breite(&zeile, groesse) > breite {
                    zeile.pop();
                    zeilen.push(std::mem::replace(&mut zeile, zeichen.to_string()));
                }
            }
        }
        if !zeile.is_empty() {
            zeilen.push(zeile);
        }
        zeilen
    }
}

impl<'a> Schrift<'a> {
    /// Starts using `art` in a new PDF.
    pub fn neu(art: &'a Schriftart) -> Self {
        Self { art, genutzt: RefCell::new(Genutzt { remapper: subsetter::GlyphRemapper::new(), glyphen: Vec::new() }) }
    }

    /// The font read once, for measuring and wrapping ([`Schriftart::breite`],
    /// [`Schriftart::umbrechen`]).
    pub fn art(&self) -> &'a Schriftart {
        self.art
    }

    /// The text as 2-byte codes for `Tj` with this font (Identity-H); records
    /// the glyphs for the subset. A character the font lacks shows as
    /// `.notdef` (an empty box).
    pub fn kodieren(&self, text: &str) -> Vec<u8> {
        let mut genutzt = self.genutzt.borrow_mut();
        let mut codes = Vec::with_capacity(text.len() * 2);
        for zeichen in text.chars() {
            let cid = match self.art.glyphen.get(&zeichen) {
                Some(&(glyph, breite)) => {
                    let cid = genutzt.remapper.remap(glyph);
                    if usize::from(cid) > genutzt.glyphen.len() {
                        genutzt.glyphen.push((glyph, zeichen, breite));
                    }
                    cid
                }
                None => 0,
            };
            codes.extend(cid.to_be_bytes());
        }
        codes
    }

    /// Shows one line of text with its baseline starting at (`x`, `y`):
    /// `BT /ressource groesse Tf x y Td (…) Tj ET`. `ressource` is the name
    /// under which the page's resources list this font.
    pub fn zeile(&self, inhalt: &mut Content, ressource: Name, groesse: f32, (x, y): (f32, f32), text: &str) {
        inhalt.begin_text();
        inhalt.set_font(ressource, groesse);
        inhalt.next_line(x, y);
        inhalt.show(Str(&self.kodieren(text)));
        inhalt.end_text();
    }

    /// Writes the font (as used so far) into the PDF: the Type0 font at
    /// `schrift` (the object the page resources point to) and, at ids taken
    /// from `ids`, its CID font, descriptor, subset font program and
    /// ToUnicode map. Call it after the last [`Schrift::kodieren`].
    pub fn schreiben(&self, pdf: &mut Chunk, schrift: Ref, ids: &mut Ref) -> Result<(), SchriftFehler> {
        let (cid_schrift, beschreibung, programm, unicode) = (ids.bump(), ids.bump(), ids.bump(), ids.bump());
        let genutzt = self.genutzt.borrow();
        let teilmenge = subsetter::subset(&self.art.daten, 0, &genutzt.remapper)?;
        let name = format!("{}+{}", kennung(&genutzt.glyphen), self.art.name);
        let system = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

        pdf.type0_font(schrift)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_schrift)
            .to_unicode(unicode);

        let pdf_einheiten = |e: u16| f32::from(e) * 1000.0 / self.art.einheiten_pro_em;
        let mut cid = pdf.cid_font(cid_schrift);
        cid.subtype(if self.art.cff { CidFontType::Type0 } else { CidFontType::Type2 })
            .base_font(Name(name.as_bytes()))
            .system_info(system)
            .font_descriptor(beschreibung)
            .default_width(pdf_einheiten(self.art.notdef_breite));
        if !self.art.cff {
            // The subset's glyph ids are the CIDs (see `kodieren`).
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        cid.widths().consecutive(0, std::iter::once(self.art.notdef_breite).chain(genutzt.glyphen.iter().map(|g| g.2)).map(pdf_einheiten));
        cid.finish();

        let b = &self.art.beschreibung;
        let mut d = pdf.font_descriptor(beschreibung);
        d.name(Name(name.as_bytes()))
            .flags(FontFlags::from_bits_truncate(b.flags))
            .bbox(b.bbox)
            .italic_angle(b.italic_angle)
            .ascent(b.ascent)
            .descent(b.descent)
            .cap_height(b.cap_height)
            .stem_v(b.stem_v);
        if self.art.cff {
            d.font_file3(programm);
        } else {
            d.font_file2(programm);
        }
        d.finish();

        let gepackt = miniz_oxide::deflate::compress_to_vec_zlib(&teilmenge, 6);
        let mut s = pdf.stream(programm, &gepackt);
        s.filter(Filter::FlateDecode);
        if self.art.cff {
            s.pair(Name(b"Subtype"), Name(b"OpenType"));
        } else {
            s.pair(Name(b"Length1"), i32::try_from(teilmenge.len()).unwrap_or(i32::MAX));
        }
        s.finish();

        let mut karte = UnicodeCmap::new(Name(b"Custom"), system);
        for (cid, (_, zeichen, _)) in (1u16..).zip(&genutzt.glyphen) {
            karte.pair(cid, *zeichen);
        }
        let karte = miniz_oxide::deflate::compress_to_vec_zlib(&karte.finish(), 6);
        pdf.cmap(unicode, &karte).filter(Filter::FlateDecode);
        Ok(())
    }
}

/// The font descriptor's metrics, scaled by `s` to 1000 per em.
fn beschreiben(face: &Face, s: f32) -> Beschreibung {
    let mut flags = FontFlags::NON_SYMBOLIC;
    flags.set(FontFlags::ITALIC, face.is_italic());
    flags.set(FontFlags::FIXED_PITCH, face.is_monospaced());
    let r = face.global_bounding_box();
    let ascent = f32::from(face.ascender()) * s;
    Beschreibung {
        flags: flags.bits(),
        bbox: Rect::new(f32::from(r.x_min) * s, f32::from(r.y_min) * s, f32::from(r.x_max) * s, f32::from(r.y_max) * s),
        italic_angle: face.italic_angle(),
        ascent,
        descent: f32::from(face.descender()) * s,
        cap_height: face.capital_height().map_or(ascent, |h| f32::from(h) * s),
        // No font table holds the stem width; this estimate from the weight
        // class is what typst writes too.
        stem_v: 10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0),
    }
}

/// The six capital letters before a subset's name ("ABCDEF+NotoSans-Regular"),
/// derived from the glyphs it holds, so different subsets get different names.
fn kennung(glyphen: &[(u16, char, u16)]) -> String {
    // FNV-1a: stable across builds, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (glyph, _, _) in glyphen {
        for b in glyph.to_be_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8)).collect()
}

/// Unpacks WOFF 1.0 into the TrueType/OpenType file it wraps: the same
/// tables, each inflated with zlib where it was compressed.
fn woff_entpacken(woff: &[u8]) -> Result<Vec<u8>, SchriftFehler> {
    let kaputt = || SchriftFehler::WoffBeschaedigt;
    let u16_bei = |o: usize| woff.get(o..o + 2).map(|b| u16::from_be_bytes([b[0], b[1]])).ok_or_else(kaputt);
    let u32_bei = |o: usize| woff.get(o..o + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])).ok_or_else(kaputt);
    let als_usize = |n: u32| usize::try_from(n).map_err(|_| kaputt());
    let flavor = u32_bei(4)?;
    let anzahl = u16_bei(12)?;
    if anzahl > 0x0fff {
        return Err(kaputt()); // more tables than an sfnt header can count
    }
    // The sfnt header's binary-search fields.
    let potenz = if anzahl == 0 { 0 } else { 1u16 << (15 - anzahl.leading_zeros()) };
    let mut sfnt = Vec::with_capacity(als_usize(u32_bei(16)?)?.min(64 << 20));
    sfnt.extend(flavor.to_be_bytes());
    sfnt.extend(anzahl.to_be_bytes());
    sfnt.extend((potenz * 16).to_be_bytes());
    sfnt.extend((potenz.max(1).trailing_zeros() as u16).to_be_bytes());
    sfnt.extend((anzahl * 16 - potenz * 16).to_be_bytes());
    let mut tabellen = Vec::new();
    let mut versatz = 12 + 16 * usize::from(anzahl);
    for i in 0..usize::from(anzahl) {
        let eintrag = 44 + 20 * i;
        let (start, gepackt, laenge) =
            (als_usize(u32_bei(eintrag + 4)?)?, als_usize(u32_bei(eintrag + 8)?)?, als_usize(u32_bei(eintrag + 12)?)?);
        let roh = woff.get(start..start.checked_add(gepackt).ok_or_else(kaputt)?).ok_or_else(kaputt)?;
        let tabelle = match gepackt.cmp(&laenge) {
            std::cmp::Ordering::Less => miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(roh, laenge)
                .ok()
                .filter(|t| t.len() == laenge)
                .ok_or_else(kaputt)?,
            std::cmp::Ordering::Equal => roh.to_vec(),
            std::cmp::Ordering::Greater => return Err(kaputt()),
        };
        // Table record: tag, checksum, offset, length.
        sfnt.extend(woff.get(eintrag..eintrag + 4).ok_or_else(kaputt)?);
        sfnt.extend(u32_bei(eintrag + 16)?.to_be_bytes());
        sfnt.extend(u32::try_from(versatz).map_err(|_| kaputt())?.to_be_bytes());
        sfnt.extend(u32::try_from(laenge).map_err(|_| kaputt())?.to_be_bytes());
        versatz += laenge.next_multiple_of(4);
        tabellen.push(tabelle);
    }
    for tabelle in tabellen {
        let auffuellen = tabelle.len().next_multiple_of(4) - tabelle.len();
        sfnt.extend(tabelle);
        sfnt.extend(std::iter::repeat_n(0, auffuellen));
    }
    Ok(sfnt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_writer::Pdf;

    /// Noto Sans as the KERN UX package ships it (WOFF 1.0); `npm ci` in the
    /// repository root installs it (the jobcenter build does that too).
    fn noto_sans() -> Vec<u8> {
        let pfad = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff");
        std::fs::read(pfad).unwrap_or_else(|e| panic!("{pfad}: {e} (run `npm ci` in the repository root)"))
    }

    /// A one-page PDF showing `zeilen` in `schrift`.
    fn pdf(schrift: &Schrift, zeilen: &[&str]) -> Vec<u8> {
        let mut ids = Ref::new(1);
        let (katalog, seiten, seite, inhalt, font) = (ids.bump(), ids.bump(), ids.bump(), ids.bump(), ids.bump());
        let mut c = Content::new();
        for (i, zeile) in zeilen.iter().enumerate() {
            schrift.zeile(&mut c, Name(b"F1"), 12.0, (72.0, 700.0 - 20.0 * i as f32), zeile);
        }
        let mut pdf = Pdf::new();
        pdf.catalog(katalog).pages(seiten);
        pdf.pages(seiten).kids([seite]).count(1);
        let mut p = pdf.page(seite);
        p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(seiten).contents(inhalt);
        p.resources().fonts().pair(Name(b"F1"), font);
        p.finish();
        pdf.stream(inhalt, &c.finish());
        schrift.schreiben(&mut pdf, font, &mut ids).unwrap();
        pdf.finish()
    }

    fn text(pdf: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        doc.extract_text(&[1]).unwrap()
    }

    #[test]
    fn polish_turkish_and_ukrainian_names_come_out_of_the_pdf_as_they_went_in() {
        let art = Schriftart::neu(noto_sans()).unwrap();
        assert!(art.deckt("Łukasz Şahin Олена Коваленко Jürgen Groß"));
        let pdf = pdf(&Schrift::neu(&art), &["Łukasz Şahin", "Олена Коваленко", "Jürgen Groß – „Grüße“ 5 €"]);
        let text = text(&pdf);
        for name in ["Łukasz Şahin", "Олена Коваленко", "Jürgen Groß – „Grüße“ 5 €"] {
            assert!(text.contains(name), "{name:?} in {text:?}");
        }
    }

    #[test]
    fn only_the_glyphs_used_are_embedded_with_their_widths() {
        let art = Schriftart::neu(noto_sans()).unwrap();
        let pdf = pdf(&Schrift::neu(&art), &["Łukasz Şahin"]);
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let descriptor = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"FontDescriptor"))
            .unwrap();
        let name = descriptor.get(b"FontName").unwrap().as_name().unwrap();
        assert!(name.ends_with(b"+NotoSans-Regular") && name.len() == 7 + 16, "{}", String::from_utf8_lossy(name));
        let id = descriptor.get(b"FontFile2").unwrap().as_reference().unwrap();
        let programm = doc.get_object(id).unwrap().as_stream().unwrap().decompressed_content().unwrap();
        assert!(programm.len() * 20 < art.daten.len(), "a subset: {} of {} bytes", programm.len(), art.daten.len());
        // .notdef, the eleven different characters of "Łukasz Şahin" and the
        // parts that composite glyphs such as "Ş" are built from.
        let glyphen = Face::parse(&programm, 0).unwrap().number_of_glyphs();
        assert!((12..30).contains(&glyphen), "{glyphen} glyphs");
        let cid_font = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| d.get(b"Subtype").and_then(|t| t.as_name()).is_ok_and(|t| t == b"CIDFontType2"))
            .unwrap();
        let w = cid_font.get(b"W").unwrap().as_array().unwrap()[1].as_array().unwrap();
        let breiten: Vec<f32> = w.iter().map(|b| b.as_float().unwrap()).collect();
        assert_eq!(breiten.len(), 12, ".notdef and the characters used");
        // CID 1 is "Ł": its width in the PDF is the font's, per 1000 em.
        assert!((breiten[1] - art.breite("Ł", 1000.0)).abs() < 0.01, "{breiten:?}");
    }

    #[test]
    fn text_is_measured_and_wrapped_with_the_real_widths() {
        let schrift = Schriftart::neu(noto_sans()).unwrap();
        assert!(schrift.breite("WWWW", 11.0) > 2.0 * schrift.breite("iiii", 11.0));
        assert!((schrift.breite("Abc", 22.0) - 2.0 * schrift.breite("Abc", 11.0)).abs() < 0.001);
        let absatz = "Für die Nutzung bestimmter Online-Angebote benötigen Sie einen Freischaltcode. ".repeat(5);
        let zeilen = schrift.umbrechen(&absatz, 11.0, 200.0);
        assert!(zeilen.len() > 5);
        assert!(zeilen.iter().all(|z| schrift.breite(z, 11.0) <= 200.0), "{zeilen:?}");
        assert_eq!(zeilen.join(" "), absatz.trim());
        let lang = "https://jobcenter.example/freischaltcode?code=".repeat(3);
        let zeilen = schrift.umbrechen(&lang, 11.0, 100.0);
        assert!(zeilen.iter().all(|z| schrift.breite(z, 11.0) <= 100.0), "{zeilen:?}");
        assert_eq!(zeilen.concat(), lang, "a word wider than the line is split, nothing lost");
    }

    #[test]
    fn a_character_the_font_lacks_becomes_notdef_and_repeats_share_a_code() {
        let art = Schriftart::neu(noto_sans()).unwrap();
        assert!(!art.deckt("名"));
        let schrift = Schrift::neu(&art);
        assert_eq!(schrift.kodieren("名"), [0, 0]);
        let codes = schrift.kodieren("aba");
        assert_eq!(codes.len(), 6);
        assert_eq!(codes[..2], codes[4..]);
        assert_ne!(codes[..2], codes[2..4]);
    }

    #[test]
    fn damaged_or_unknown_font_data_is_an_error_not_a_panic() {
        let woff = noto_sans();
        for laenge in [0, 3, 20, 44, 64, 200, 5_000, woff.len() / 2] {
            assert!(Schriftart::neu(woff[..laenge].to_vec()).is_err(), "cut at {laenge}");
        }
        let mut falsch = woff.clone();
        falsch[44 + 8..44 + 12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(Schriftart::neu(falsch), Err(SchriftFehler::WoffBeschaedigt)));
        assert!(matches!(Schriftart::neu(b"%PDF-1.7".to_vec()), Err(SchriftFehler::UnbekanntesFormat)));
    }
}
