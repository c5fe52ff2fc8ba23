//! Checks an uploaded file by its content while it streams past.
//!
//! "Datei hochladen" feeds each chunk to a [`Pruefer`] while the same bytes go
//! to storage; the file is never held whole. A `Pruefer` keeps a few KiB of
//! state at most (the HEIC `meta` box, up to [`MAX_META`], is the largest
//! part), whatever the file size. The type comes from the content, never from
//! the name. On refusal the caller deletes what was stored and shows the text
//! for [`Ablehnung::code`].
//!
//! Rules, in short:
//! - empty → [`Ablehnung::Leer`]; more than [`Grenzen::max_bytes`] →
//!   [`Ablehnung::ZuGross`], as soon as the count passes it;
//! - the type from the magic bytes (PDF, JPEG, PNG, HEIF/HEIC); nothing known,
//!   or AVIF and other ISO-BMFF brands → [`Ablehnung::UnbekannteArt`];
//! - polyglots → [`Ablehnung::Mehrdeutig`]: two signatures at once, or an image
//!   that contains `%PDF-` anywhere (PDF readers accept the header in the
//!   first 1024 bytes, lenient ones further on; by chance the five bytes occur
//!   in about one of 50 000 photos of 20 MB, which we accept). Data after an
//!   image's end (appended archives or PDFs) counts as damage;
//! - PDF: `/Encrypt` outside stream data → [`Ablehnung::Verschluesselt`];
//!   active names (see [`AKTIVE_NAMEN`]) → [`Ablehnung::AktiverInhalt`], with
//!   `#xx` escapes decoded, across chunk borders, inside Flate object streams
//!   too; no `startxref` followed by `%%EOF` in the last 1024 bytes →
//!   [`Ablehnung::Beschaedigt`];
//! - JPEG, PNG and HEIC are walked segment by segment / chunk by chunk / box
//!   by box; a declared size needing more than [`Grenzen::max_bild_speicher`]
//!   bytes (`width × height × 4`) → [`Ablehnung::BildZuGross`] as soon as the
//!   header is read.

use sha2::{Digest, Sha256};

/// The kinds of file the portal accepts, decided by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Art {
    /// A PDF document.
    Pdf,
    /// A JPEG photo (JFIF/EXIF).
    Jpeg,
    /// A PNG image.
    Png,
    /// A HEIF/HEIC photo (as iPhones take them).
    Heic,
}

impl Art {
    /// The media type to store and serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            Art::Pdf => "application/pdf",
            Art::Jpeg => "image/jpeg",
            Art::Png => "image/png",
            Art::Heic => "image/heic",
        }
    }

    /// The file name extension, without the dot.
    pub fn endung(self) -> &'static str {
        match self {
            Art::Pdf => "pdf",
            Art::Jpeg => "jpg",
            Art::Png => "png",
            Art::Heic => "heic",
        }
    }
}

/// Limits for one upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grenzen {
    /// Most bytes a file may have.
    pub max_bytes: u64,
    /// Most bytes an image may need once opened (`width × height × 4`).
    pub max_bild_speicher: u64,
}

impl Default for Grenzen {
    /// 20 MiB per file, 256 MiB per opened image.
    fn default() -> Self {
        Grenzen { max_bytes: 20 * 1024 * 1024, max_bild_speicher: 256 * 1024 * 1024 }
    }
}

/// Why a file is refused. [`Ablehnung::code`] is the stable key for texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum Ablehnung {
    /// The file has no bytes.
    #[error("the file is empty")]
    Leer,
    /// The file has more bytes than allowed.
    #[error("the file is too large")]
    ZuGross,
    /// The content is none of the accepted kinds.
    #[error("the file is not a PDF, JPEG, PNG or HEIC")]
    UnbekannteArt,
    /// The PDF is encrypted.
    #[error("the PDF is encrypted")]
    Verschluesselt,
    /// The PDF contains scripts, launch actions, attachments, rich media or XFA.
    #[error("the PDF contains active content")]
    AktiverInhalt,
    /// The file is cut off, malformed, or carries data after its end.
    #[error("the file is damaged")]
    Beschaedigt,
    /// The image declares more pixels than may be opened.
    #[error("the image has too many pixels")]
    BildZuGross,
    /// The file is valid as more than one kind (a polyglot).
    #[error("the file is ambiguous")]
    Mehrdeutig,
}

impl Ablehnung {
    /// Every refusal, so callers can test that each has a text.
    pub const ALLE: [Ablehnung; 8] = [
        Ablehnung::Leer,
        Ablehnung::ZuGross,
        Ablehnung::UnbekannteArt,
        Ablehnung::Verschluesselt,
        Ablehnung::AktiverInhalt,
        Ablehnung::Beschaedigt,
        Ablehnung::BildZuGross,
        Ablehnung::Mehrdeutig,
    ];

    /// Stable slug for messages and the JSON API; never changes.
    pub fn code(self) -> &'static str {
        match self {
            Ablehnung::Leer => "leer",
            Ablehnung::ZuGross => "zu-gross",
            Ablehnung::UnbekannteArt => "art",
            Ablehnung::Verschluesselt => "verschluesselt",
            Ablehnung::AktiverInhalt => "aktiv",
            Ablehnung::Beschaedigt => "beschaedigt",
            Ablehnung::BildZuGross => "bild-zu-gross",
            Ablehnung::Mehrdeutig => "mehrdeutig",
        }
    }
}

/// What an accepted file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Befund {
    /// The kind, by content.
    pub art: Art,
    /// Number of bytes fed.
    pub bytes: u64,
    /// SHA-256 of all bytes fed, lowercase hex.
    pub sha256: String,
    /// Width and height in pixels for images (HEIC: the largest `ispe`, when present).
    pub pixel: Option<(u32, u32)>,
}

/// PDF names that make a document active; refused wherever they appear
/// outside stream data. Inside stream data only names of six or more bytes
/// count, since short ones occur by chance in compressed bytes (a JavaScript
/// action always also names `/JavaScript`).
pub const AKTIVE_NAMEN: [&str; 9] =
    ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "EF", "FileAttachment", "RichMedia", "XFA"];

/// Largest HEIC `meta` box that is read for `ispe`; larger ones are skipped.
pub const MAX_META: u64 = 256 * 1024;

/// Most bytes inflated from PDF object streams per file; more counts as damage
/// (a decompression bomb).
pub const MAX_ENTPACKT: u64 = 64 * 1024 * 1024;

pub use bild::MAX_JPEG_POLSTER;

/// Bytes kept until the type is known.
const KOPF: usize = 8;
const PNG_SIGNATUR: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_SIGNATUR: &[u8] = b"\xff\xd8\xff";
const PDF_SIGNATUR: &[u8] = b"%PDF-";

/// Checks one file fed in chunks; see the module documentation.
pub struct Pruefer {
    grenzen: Grenzen,
    bytes: u64,
    hasher: Sha256,
    kopf: Vec<u8>,
    leser: Option<Leser>,
    pdf_im_bild: Kmp,
    fehler: Option<Ablehnung>,
}

impl Pruefer {
    /// A checker for one file.
    pub fn new(grenzen: Grenzen) -> Self {
        Pruefer {
            grenzen,
            bytes: 0,
            hasher: Sha256::new(),
            kopf: Vec::with_capacity(KOPF),
            leser: None,
            pdf_im_bild: Kmp::new(PDF_SIGNATUR),
            fehler: None,
        }
    }

    /// Checks a whole file held in memory (tests, small files).
    pub fn pruefe(grenzen: Grenzen, bytes: &[u8]) -> Result<Befund, Ablehnung> {
        let mut pruefer = Pruefer::new(grenzen);
        pruefer.feed(bytes)?;
        pruefer.finish()
    }

    /// Feeds the next chunk. Refuses as soon as the bytes so far decide it;
    /// after a refusal every call returns the same refusal.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), Ablehnung> {
        if let Some(fehler) = self.fehler {
            return Err(fehler);
        }
        let ergebnis = self.verarbeite(chunk);
        if let Err(fehler) = ergebnis {
            self.fehler = Some(fehler);
        }
        ergebnis
    }

    /// Ends the file: the verdict on everything fed.
    pub fn finish(mut self) -> Result<Befund, Ablehnung> {
        if let Some(fehler) = self.fehler {
            return Err(fehler);
        }
        if self.bytes == 0 {
            return Err(Ablehnung::Leer);
        }
        if self.leser.is_none() {
            // Shorter than the head: decide on what there is.
            let kopf = std::mem::take(&mut self.kopf);
            self.beginne(&kopf, &[])?;
        }
        let leser = self.leser.take().ok_or(Ablehnung::UnbekannteArt)?;
        let art = leser.art();
        let pixel = leser.finish()?;
        Ok(Befund { art, bytes: self.bytes, sha256: hex(&self.hasher.finalize()), pixel })
    }

    fn verarbeite(&mut self, chunk: &[u8]) -> Result<(), Ablehnung> {
        if chunk.is_empty() {
            return Ok(());
        }
        self.bytes = self.bytes.saturating_add(chunk.len() as u64);
        if self.bytes > self.grenzen.max_bytes {
            return Err(Ablehnung::ZuGross);
        }
        self.hasher.update(chunk);
        if self.leser.is_some() {
            return self.weiter(chunk);
        }
        let n = (KOPF - self.kopf.len()).min(chunk.len());
        self.kopf.extend_from_slice(&chunk[..n]);
        if self.kopf.len() < KOPF {
            return if moeglicher_anfang(&self.kopf) { Ok(()) } else { Err(Ablehnung::UnbekannteArt) };
        }
        let kopf = std::mem::take(&mut self.kopf);
        self.beginne(&kopf, &chunk[n..])
    }

    /// Decides the type from the head and feeds the reader everything so far.
    fn beginne(&mut self, kopf: &[u8], rest: &[u8]) -> Result<(), Ablehnung> {
        let art = erkenne(kopf)?;
        self.leser = Some(Leser::neu(art, self.grenzen));
        self.weiter(kopf)?;
        self.weiter(rest)
    }

    fn weiter(&mut self, daten: &[u8]) -> Result<(), Ablehnung> {
        let Some(leser) = self.leser.as_mut() else { return Ok(()) };
        if leser.art() != Art::Pdf && daten.iter().any(|&b| self.pdf_im_bild.schritt(b)) {
            return Err(Ablehnung::Mehrdeutig);
        }
        leser.feed(daten)
    }
}

/// Could `kopf` (shorter than [`KOPF`]) still begin a known signature?
fn moeglicher_anfang(kopf: &[u8]) -> bool {
    let passt = |signatur: &[u8]| {
        let n = kopf.len().min(signatur.len());
        kopf[..n] == signatur[..n]
    };
    let ftyp = kopf.len() <= 4 || b"ftyp".starts_with(&kopf[4..]);
    passt(PDF_SIGNATUR) || passt(JPEG_SIGNATUR) || passt(PNG_SIGNATUR) || ftyp
}

/// The type from the first bytes; two matches are a polyglot.
fn erkenne(kopf: &[u8]) -> Result<Art, Ablehnung> {
    let mut treffer = Vec::with_capacity(2);
    if kopf.starts_with(PDF_SIGNATUR) {
        treffer.push(Art::Pdf);
    }
    if kopf.starts_with(JPEG_SIGNATUR) {
        treffer.push(Art::Jpeg);
    }
    if kopf.starts_with(PNG_SIGNATUR) {
        treffer.push(Art::Png);
    }
    if kopf.get(4..8) == Some(b"ftyp") {
        treffer.push(Art::Heic);
    }
    match treffer[..] {
        [] => Err(Ablehnung::UnbekannteArt),
        [art] => Ok(art),
        _ => Err(Ablehnung::Mehrdeutig),
    }
}

enum Leser {
    Pdf(Box<pdf::PdfLeser>),
    Jpeg(bild::JpegLeser),
    Png(bild::PngLeser),
    Heic(bild::HeicLeser),
}

impl Leser {
    fn neu(art: Art, grenzen: Grenzen) -> Self {
        match art {
            Art::Pdf => Leser::Pdf(Box::default()),
            Art::Jpeg => Leser::Jpeg(bild::JpegLeser::neu(grenzen)),
            Art::Png => Leser::Png(bild::PngLeser::neu(grenzen)),
            Art::Heic => Leser::Heic(bild::HeicLeser::neu(grenzen)),
        }
    }

    fn art(&self) -> Art {
        match self {
            Leser::Pdf(_) => Art::Pdf,
            Leser::Jpeg(_) => Art::Jpeg,
            Leser::Png(_) => Art::Png,
            Leser::Heic(_) => Art::Heic,
        }
    }

    fn feed(&mut self, daten: &[u8]) -> Result<(), Ablehnung> {
        match self {
            Leser::Pdf(l) => l.feed(daten),
            Leser::Jpeg(l) => l.feed(daten),
            Leser::Png(l) => l.feed(daten),
            Leser::Heic(l) => l.feed(daten),
        }
    }

    fn finish(self) -> Result<Option<(u32, u32)>, Ablehnung> {
        match self {
            Leser::Pdf(l) => l.finish().map(|()| None),
            Leser::Jpeg(l) => l.finish().map(Some),
            Leser::Png(l) => l.finish().map(Some),
            Leser::Heic(l) => l.finish(),
        }
    }
}

/// Streaming search for a fixed byte string (Knuth–Morris–Pratt), so a match
/// split across chunks is found.
struct Kmp {
    muster: &'static [u8],
    rueckfall: Vec<usize>,
    stand: usize,
}

impl Kmp {
    fn new(muster: &'static [u8]) -> Self {
        let mut rueckfall = vec![0; muster.len()];
        let mut k = 0;
        for i in 1..muster.len() {
            while k > 0 && muster[i] != muster[k] {
                k = rueckfall[k - 1];
            }
            if muster[i] == muster[k] {
                k += 1;
            }
            rueckfall[i] = k;
        }
        Kmp { muster, rueckfall, stand: 0 }
    }

    /// Takes one byte; true when the pattern has just ended.
    fn schritt(&mut self, b: u8) -> bool {
        while self.stand > 0 && b != self.muster[self.stand] {
            self.stand = self.rueckfall[self.stand - 1];
        }
        if b == self.muster[self.stand] {
            self.stand += 1;
        }
        if self.stand == self.muster.len() {
            self.stand = self.rueckfall[self.stand - 1];
            return true;
        }
        false
    }
}

/// Moves bytes from `daten` into `puffer` until it holds `laenge`; true when full.
fn sammle(puffer: &mut Vec<u8>, laenge: usize, daten: &mut &[u8]) -> bool {
    let n = (laenge - puffer.len()).min(daten.len());
    puffer.extend_from_slice(&daten[..n]);
    *daten = &daten[n..];
    puffer.len() == laenge
}

/// Would a `breite × hoehe` image need more than the limit once opened?
fn zu_viele_pixel(breite: u32, hoehe: u32, grenzen: Grenzen) -> bool {
    u64::from(breite) * u64::from(hoehe) * 4 > grenzen.max_bild_speicher
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Walkers for JPEG (segments), PNG (chunks) and HEIC (boxes). Each keeps a
/// small buffer and where it stands, so chunk borders do not matter.
mod bild {
    use super::{Ablehnung, Grenzen, MAX_META, PNG_SIGNATUR, sammle, zu_viele_pixel};

    fn be16(b: &[u8]) -> u16 {
        u16::from_be_bytes([b[0], b[1]])
    }

    fn be32(b: &[u8]) -> u32 {
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }

    fn be64(b: &[u8]) -> u64 {
        u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum PngSchritt {
        Signatur,
        Kopf,
        Ihdr,
        Daten,
        Crc,
        Ende,
    }

    /// PNG: signature, IHDR first (with CRC), every chunk's CRC, IEND last.
    pub(super) struct PngLeser {
        grenzen: Grenzen,
        schritt: PngSchritt,
        puffer: Vec<u8>,
        rest: u64,
        typ: [u8; 4],
        crc: crc32fast::Hasher,
        erster: bool,
        idat: bool,
        pixel: Option<(u32, u32)>,
    }

    impl PngLeser {
        pub(super) fn neu(grenzen: Grenzen) -> Self {
            PngLeser {
                grenzen,
                schritt: PngSchritt::Signatur,
                puffer: Vec::with_capacity(17),
                rest: 0,
                typ: [0; 4],
                crc: crc32fast::Hasher::new(),
                erster: true,
                idat: false,
                pixel: None,
            }
        }

        pub(super) fn feed(&mut self, mut daten: &[u8]) -> Result<(), Ablehnung> {
            while !daten.is_empty() {
                match self.schritt {
                    PngSchritt::Signatur => {
                        if sammle(&mut self.puffer, 8, &mut daten) {
                            if self.puffer != PNG_SIGNATUR {
                                return Err(Ablehnung::Beschaedigt);
                            }
                            self.puffer.clear();
                            self.schritt = PngSchritt::Kopf;
                        }
                    }
                    PngSchritt::Kopf => {
                        if sammle(&mut self.puffer, 8, &mut daten) {
                            self.kopf()?;
                        }
                    }
                    // IHDR's 13 bytes and its CRC, read whole before trusting them.
                    PngSchritt::Ihdr => {
                        if sammle(&mut self.puffer, 17, &mut daten) {
                            self.ihdr()?;
                        }
                    }
                    PngSchritt::Daten => {
                        let n = usize::try_from(self.rest).unwrap_or(usize::MAX).min(daten.len());
                        self.crc.update(&daten[..n]);
                        daten = &daten[n..];
                        self.rest -= n as u64;
                        if self.rest == 0 {
                            self.schritt = PngSchritt::Crc;
                        }
                    }
                    PngSchritt::Crc => {
                        if sammle(&mut self.puffer, 4, &mut daten) {
                            let crc = std::mem::take(&mut self.crc).finalize();
                            if be32(&self.puffer) != crc {
                                return Err(Ablehnung::Beschaedigt);
                            }
                            self.puffer.clear();
                            self.schritt = if &self.typ == b"IEND" { PngSchritt::Ende } else { PngSchritt::Kopf };
                        }
                    }
                    // Anything after IEND (an appended archive or PDF) is refused.
                    PngSchritt::Ende => return Err(Ablehnung::Beschaedigt),
                }
            }
            Ok(())
        }

        fn kopf(&mut self) -> Result<(), Ablehnung> {
            let laenge = be32(&self.puffer);
            self.typ.copy_from_slice(&self.puffer[4..8]);
            self.puffer.clear();
            let ist_ihdr = &self.typ == b"IHDR";
            let falsch =
                laenge > i32::MAX as u32 || self.erster != ist_ihdr || (ist_ihdr && laenge != 13) || (&self.typ == b"IEND" && laenge != 0);
            if falsch {
                return Err(Ablehnung::Beschaedigt);
            }
            self.erster = false;
            self.idat |= &self.typ == b"IDAT";
            self.crc = crc32fast::Hasher::new();
            self.crc.update(&self.typ);
            self.rest = u64::from(laenge);
            self.schritt = match (ist_ihdr, laenge) {
                (true, _) => PngSchritt::Ihdr,
                (false, 0) => PngSchritt::Crc,
                (false, _) => PngSchritt::Daten,
            };
            Ok(())
        }

        fn ihdr(&mut self) -> Result<(), Ablehnung> {
            let p = std::mem::take(&mut self.puffer);
            let mut crc = crc32fast::Hasher::new();
            crc.update(b"IHDR");
            crc.update(&p[..13]);
            let (breite, hoehe, tiefe, farbe) = (be32(&p[0..4]), be32(&p[4..8]), p[8], p[9]);
            let tiefe_passt = match farbe {
                0 => matches!(tiefe, 1 | 2 | 4 | 8 | 16),
                2 | 4 | 6 => matches!(tiefe, 8 | 16),
                3 => matches!(tiefe, 1 | 2 | 4 | 8),
                _ => false,
            };
            let gueltig = crc.finalize() == be32(&p[13..17])
                && (1..=i32::MAX as u32).contains(&breite)
                && (1..=i32::MAX as u32).contains(&hoehe)
                && tiefe_passt
                && p[10] == 0
                && p[11] == 0
                && p[12] <= 1;
            if !gueltig {
                return Err(Ablehnung::Beschaedigt);
            }
            if zu_viele_pixel(breite, hoehe, self.grenzen) {
                return Err(Ablehnung::BildZuGross);
            }
            self.pixel = Some((breite, hoehe));
            self.schritt = PngSchritt::Kopf;
            Ok(())
        }

        pub(super) fn finish(self) -> Result<(u32, u32), Ablehnung> {
            match (self.schritt, self.idat, self.pixel) {
                (PngSchritt::Ende, true, Some(pixel)) => Ok(pixel),
                _ => Err(Ablehnung::Beschaedigt),
            }
        }
    }

    /// Zero bytes tolerated after a JPEG's last EOI: some scanners and
    /// firmware pad files to even or block sizes. Anything else after EOI is
    /// damage, except a further complete JPEG (Multi-Picture Format previews).
    pub const MAX_JPEG_POLSTER: u8 = 16;

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum JpegSchritt {
        Soi,
        MarkerFf,
        Marker,
        Laenge,
        Sof,
        Ueberspringen,
        Entropie,
        EntropieFf,
        NachEoi,
        NeuesBild,
    }

    /// JPEG: SOI, segments with lengths, exactly one SOF with a size before
    /// the first SOS, entropy-coded data, EOI at the end.
    pub(super) struct JpegLeser {
        grenzen: Grenzen,
        schritt: JpegSchritt,
        puffer: Vec<u8>,
        marker: u8,
        rest: usize,
        sof: bool,
        sos: bool,
        polster: u8,
        pixel: Option<(u32, u32)>,
    }

    fn ist_sof(marker: u8) -> bool {
        matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
    }

    impl JpegLeser {
        pub(super) fn neu(grenzen: Grenzen) -> Self {
            JpegLeser {
                grenzen,
                schritt: JpegSchritt::Soi,
                puffer: Vec::with_capacity(6),
                marker: 0,
                rest: 0,
                sof: false,
                sos: false,
                polster: 0,
                pixel: None,
            }
        }

        pub(super) fn feed(&mut self, mut daten: &[u8]) -> Result<(), Ablehnung> {
            while let Some((&b, rest)) = daten.split_first() {
                match self.schritt {
                    JpegSchritt::Soi => {
                        if sammle(&mut self.puffer, 2, &mut daten) {
                            if self.puffer != [0xFF, 0xD8] {
                                return Err(Ablehnung::Beschaedigt);
                            }
                            self.puffer.clear();
                            self.schritt = JpegSchritt::MarkerFf;
                        }
                        continue;
                    }
                    JpegSchritt::Laenge => {
                        if sammle(&mut self.puffer, 2, &mut daten) {
                            self.laenge()?;
                        }
                        continue;
                    }
                    JpegSchritt::Sof => {
                        if sammle(&mut self.puffer, 6, &mut daten) {
                            self.sof_lesen()?;
                        }
                        continue;
                    }
                    JpegSchritt::Ueberspringen => {
                        let n = self.rest.min(daten.len());
                        daten = &daten[n..];
                        self.rest -= n;
                        if self.rest == 0 {
                            self.segment_zu_ende();
                        }
                        continue;
                    }
                    JpegSchritt::Entropie => {
                        match daten.iter().position(|&b| b == 0xFF) {
                            Some(i) => {
                                daten = &daten[i + 1..];
                                self.schritt = JpegSchritt::EntropieFf;
                            }
                            None => daten = &[],
                        }
                        continue;
                    }
                    _ => {}
                }
                daten = rest;
                match self.schritt {
                    JpegSchritt::MarkerFf if b == 0xFF => self.schritt = JpegSchritt::Marker,
                    JpegSchritt::Marker => self.marker(b)?,
                    // Stuffed zero bytes and restart markers belong to the scan.
                    JpegSchritt::EntropieFf => match b {
                        0x00 | 0xD0..=0xD7 => self.schritt = JpegSchritt::Entropie,
                        0xFF => {}
                        _ => self.marker(b)?,
                    },
                    JpegSchritt::NachEoi if b == 0 && self.polster < MAX_JPEG_POLSTER => self.polster += 1,
                    JpegSchritt::NachEoi if b == 0xFF && self.polster == 0 => self.schritt = JpegSchritt::NeuesBild,
                    JpegSchritt::NeuesBild if b == 0xD8 => {
                        self.sof = false;
                        self.sos = false;
                        self.schritt = JpegSchritt::MarkerFf;
                    }
                    _ => return Err(Ablehnung::Beschaedigt),
                }
            }
            Ok(())
        }

        fn marker(&mut self, marker: u8) -> Result<(), Ablehnung> {
            self.schritt = match marker {
                0xFF => JpegSchritt::Marker,
                0xD9 if self.sof && self.sos => {
                    self.polster = 0;
                    JpegSchritt::NachEoi
                }
                0xD0..=0xD7 | 0x01 => JpegSchritt::MarkerFf,
                0x00 | 0xD8 | 0xD9 => return Err(Ablehnung::Beschaedigt),
                0xDA if !self.sof => return Err(Ablehnung::Beschaedigt),
                _ => {
                    self.marker = marker;
                    JpegSchritt::Laenge
                }
            };
            Ok(())
        }

        fn laenge(&mut self) -> Result<(), Ablehnung> {
            let laenge = usize::from(be16(&self.puffer));
            self.puffer.clear();
            if laenge < 2 {
                return Err(Ablehnung::Beschaedigt);
            }
            self.rest = laenge - 2;
            if ist_sof(self.marker) {
                if self.sof || self.rest < 6 {
                    return Err(Ablehnung::Beschaedigt);
                }
                self.schritt = JpegSchritt::Sof;
            } else if self.rest == 0 {
                self.segment_zu_ende();
            } else {
                self.schritt = JpegSchritt::Ueberspringen;
            }
            Ok(())
        }

        fn sof_lesen(&mut self) -> Result<(), Ablehnung> {
            let p = std::mem::take(&mut self.puffer);
            let (hoehe, breite, komponenten) = (u32::from(be16(&p[1..3])), u32::from(be16(&p[3..5])), p[5]);
            if hoehe == 0 || breite == 0 || komponenten == 0 {
                return Err(Ablehnung::Beschaedigt);
            }
            if zu_viele_pixel(breite, hoehe, self.grenzen) {
                return Err(Ablehnung::BildZuGross);
            }
            self.pixel.get_or_insert((breite, hoehe));
            self.sof = true;
            self.rest -= 6;
            if self.rest == 0 {
                self.segment_zu_ende();
            } else {
                self.schritt = JpegSchritt::Ueberspringen;
            }
            Ok(())
        }

        fn segment_zu_ende(&mut self) {
            if self.marker == 0xDA {
                self.sos = true;
                self.schritt = JpegSchritt::Entropie;
            } else {
                self.schritt = JpegSchritt::MarkerFf;
            }
        }

        pub(super) fn finish(self) -> Result<(u32, u32), Ablehnung> {
            match (self.schritt, self.pixel) {
                (JpegSchritt::NachEoi, Some(pixel)) => Ok(pixel),
                _ => Err(Ablehnung::Beschaedigt),
            }
        }
    }

    /// Brands of HEIF images and image sequences that are accepted.
    const HEIF_MARKEN: [&[u8; 4]; 8] = [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"heif"];
    /// AVIF shares `mif1` with HEIF but is not accepted.
    const AVIF_MARKEN: [&[u8; 4]; 2] = [b"avif", b"avis"];

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum HeicSchritt {
        Kopf,
        GrosseLaenge,
        Inhalt,
        Ueberspringen,
        BisEnde,
    }

    /// HEIC: top-level boxes that end exactly at the file's end, `ftyp` first
    /// with a HEIF brand, one `meta`; its `ispe` sizes are read when `meta` is
    /// at most [`MAX_META`] bytes.
    pub(super) struct HeicLeser {
        grenzen: Grenzen,
        schritt: HeicSchritt,
        puffer: Vec<u8>,
        typ: [u8; 4],
        rest: u64,
        ftyp: bool,
        meta: bool,
        pixel: Option<(u32, u32)>,
    }

    impl HeicLeser {
        pub(super) fn neu(grenzen: Grenzen) -> Self {
            HeicLeser {
                grenzen,
                schritt: HeicSchritt::Kopf,
                puffer: Vec::with_capacity(64),
                typ: [0; 4],
                rest: 0,
                ftyp: false,
                meta: false,
                pixel: None,
            }
        }

        pub(super) fn feed(&mut self, mut daten: &[u8]) -> Result<(), Ablehnung> {
            while !daten.is_empty() {
                match self.schritt {
                    HeicSchritt::Kopf => {
                        if sammle(&mut self.puffer, 8, &mut daten) {
                            let groesse = be32(&self.puffer);
                            self.typ.copy_from_slice(&self.puffer[4..8]);
                            self.puffer.clear();
                            match groesse {
                                // Size 0: the box runs to the end of the file.
                                0 if self.ftyp => self.schritt = HeicSchritt::BisEnde,
                                1 => self.schritt = HeicSchritt::GrosseLaenge,
                                2..=7 | 0 => return Err(Ablehnung::Beschaedigt),
                                _ => self.koerper(u64::from(groesse) - 8)?,
                            }
                        }
                    }
                    HeicSchritt::GrosseLaenge => {
                        if sammle(&mut self.puffer, 8, &mut daten) {
                            let groesse = be64(&self.puffer);
                            self.puffer.clear();
                            if groesse < 16 {
                                return Err(Ablehnung::Beschaedigt);
                            }
                            self.koerper(groesse - 16)?;
                        }
                    }
                    HeicSchritt::Inhalt => {
                        // `koerper` bounds `rest` by MAX_META.
                        if sammle(&mut self.puffer, self.rest as usize, &mut daten) {
                            self.inhalt()?;
                        }
                    }
                    HeicSchritt::Ueberspringen => {
                        let n = usize::try_from(self.rest).unwrap_or(usize::MAX).min(daten.len());
                        daten = &daten[n..];
                        self.rest -= n as u64;
                        if self.rest == 0 {
                            self.schritt = HeicSchritt::Kopf;
                        }
                    }
                    HeicSchritt::BisEnde => daten = &[],
                }
            }
            Ok(())
        }

        fn koerper(&mut self, laenge: u64) -> Result<(), Ablehnung> {
            self.rest = laenge;
            let lesen = if !self.ftyp {
                let passt = &self.typ == b"ftyp" && (8..=1016).contains(&laenge) && laenge.is_multiple_of(4);
                if !passt {
                    return Err(Ablehnung::Beschaedigt);
                }
                true
            } else if &self.typ == b"ftyp" || (&self.typ == b"meta" && self.meta) {
                return Err(Ablehnung::Beschaedigt);
            } else if &self.typ == b"meta" {
                self.meta = true;
                laenge <= MAX_META
            } else {
                false
            };
            self.schritt = match (lesen, laenge) {
                (true, _) => HeicSchritt::Inhalt,
                (false, 0) => HeicSchritt::Kopf,
                (false, _) => HeicSchritt::Ueberspringen,
            };
            if lesen && laenge == 0 {
                self.inhalt()?;
            }
            Ok(())
        }

        fn inhalt(&mut self) -> Result<(), Ablehnung> {
            let p = std::mem::take(&mut self.puffer);
            self.schritt = HeicSchritt::Kopf;
            if &self.typ == b"ftyp" {
                let marken: Vec<&[u8]> = p[..4].chunks(4).chain(p[8..].chunks(4)).collect();
                if marken.iter().any(|m| AVIF_MARKEN.iter().any(|a| m == a)) {
                    return Err(Ablehnung::UnbekannteArt);
                }
                if !marken.iter().any(|m| HEIF_MARKEN.iter().any(|h| m == h)) {
                    return Err(Ablehnung::UnbekannteArt);
                }
                self.ftyp = true;
                return Ok(());
            }
            // `meta` is a full box: version and flags, then children.
            let kinder = p.get(4..).ok_or(Ablehnung::Beschaedigt)?;
            for (typ, iprp) in boxen(kinder)? {
                if &typ != b"iprp" {
                    continue;
                }
                for (typ, ipco) in boxen(iprp)? {
                    if &typ != b"ipco" {
                        continue;
                    }
                    for (typ, ispe) in boxen(ipco)? {
                        if &typ == b"ispe" {
                            self.ispe(ispe)?;
                        }
                    }
                }
            }
            Ok(())
        }

        /// Keeps the largest `ispe`: without mapping items (`pitm`, `ipma`)
        /// this is the primary image or its grid, never a smaller tile.
        fn ispe(&mut self, ispe: &[u8]) -> Result<(), Ablehnung> {
            if ispe.len() < 12 {
                return Err(Ablehnung::Beschaedigt);
            }
            let (breite, hoehe) = (be32(&ispe[4..8]), be32(&ispe[8..12]));
            if breite == 0 || hoehe == 0 {
                return Err(Ablehnung::Beschaedigt);
            }
            if zu_viele_pixel(breite, hoehe, self.grenzen) {
                return Err(Ablehnung::BildZuGross);
            }
            let flaeche = |(b, h): (u32, u32)| u64::from(b) * u64::from(h);
            if self.pixel.is_none_or(|alt| flaeche(alt) < flaeche((breite, hoehe))) {
                self.pixel = Some((breite, hoehe));
            }
            Ok(())
        }

        pub(super) fn finish(self) -> Result<Option<(u32, u32)>, Ablehnung> {
            let am_rand = (self.schritt == HeicSchritt::Kopf && self.puffer.is_empty()) || self.schritt == HeicSchritt::BisEnde;
            if am_rand && self.ftyp && self.meta { Ok(self.pixel) } else { Err(Ablehnung::Beschaedigt) }
        }
    }

    /// A child box: its type and its content.
    type Kind<'a> = ([u8; 4], &'a [u8]);

    /// The child boxes of a box held in memory; none may run past its parent.
    fn boxen(mut daten: &[u8]) -> Result<Vec<Kind<'_>>, Ablehnung> {
        let mut kinder = Vec::new();
        while !daten.is_empty() {
            if daten.len() < 8 {
                return Err(Ablehnung::Beschaedigt);
            }
            let typ = [daten[4], daten[5], daten[6], daten[7]];
            let (kopf, groesse) = match be32(daten) {
                0 => (8, daten.len() as u64),
                1 if daten.len() >= 16 => (16, be64(&daten[8..16])),
                1 => return Err(Ablehnung::Beschaedigt),
                n => (8, u64::from(n)),
            };
            if groesse < kopf as u64 || groesse > daten.len() as u64 {
                return Err(Ablehnung::Beschaedigt);
            }
            let groesse = groesse as usize;
            kinder.push((typ, &daten[kopf..groesse]));
            daten = &daten[groesse..];
        }
        Ok(kinder)
    }
}

/// The PDF scanner: names (with `#xx` escapes decoded) and the keywords
/// `obj`, `stream`, `endstream`, byte by byte, so chunk borders do not matter.
/// It does not parse objects: readers find objects through the xref anywhere
/// in the file, even inside another stream's data, so every byte is scanned.
mod pdf {
    use miniz_oxide::inflate::stream::{InflateState, inflate};
    use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

    use super::{AKTIVE_NAMEN, Ablehnung, Kmp, MAX_ENTPACKT};

    /// `%%EOF` (after `startxref`) must lie within this many final bytes.
    const SCHWANZ: usize = 1024;

    /// Filters other than Flate; an object stream using one cannot be read
    /// here, so it counts as damage.
    const ANDERE_FILTER: [&str; 16] = [
        "ASCIIHexDecode",
        "AHx",
        "ASCII85Decode",
        "A85",
        "LZWDecode",
        "LZW",
        "RunLengthDecode",
        "RL",
        "CCITTFaxDecode",
        "CCF",
        "DCTDecode",
        "DCT",
        "JBIG2Decode",
        "JPXDecode",
        "Crypt",
        "BrotliDecode",
    ];

    fn ist_leerraum(b: u8) -> bool {
        matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
    }

    fn ist_regulaer(b: u8) -> bool {
        !ist_leerraum(b) && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
    }

    fn hex_wert(b: u8) -> u8 {
        match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => b - b'A' + 10,
        }
    }

    /// A name or keyword as read; longer than 16 bytes matches nothing.
    #[derive(Default, Clone, Copy)]
    struct Wort {
        bytes: [u8; 16],
        laenge: usize,
        zu_lang: bool,
        nach_dict: bool,
    }

    impl Wort {
        fn push(&mut self, b: u8) {
            if self.laenge < self.bytes.len() {
                self.bytes[self.laenge] = b;
                self.laenge += 1;
            } else {
                self.zu_lang = true;
            }
        }

        fn ist(&self, s: &str) -> bool {
            !self.zu_lang && &self.bytes[..self.laenge] == s.as_bytes()
        }
    }

    #[derive(Default, Clone, Copy)]
    enum Escape {
        #[default]
        Keins,
        Raute,
        Ziffer(u8),
    }

    /// Reads names: `/` then regular bytes, `#xx` decoded (an invalid escape
    /// stays literal, as readers keep it).
    #[derive(Default)]
    struct NamenLeser {
        name: Option<Wort>,
        escape: Escape,
    }

    impl NamenLeser {
        /// Takes one byte; returns the name this byte ended.
        fn schritt(&mut self, b: u8) -> Option<Wort> {
            let Some(name) = self.name.as_mut() else {
                if b == b'/' {
                    self.name = Some(Wort::default());
                }
                return None;
            };
            match self.escape {
                Escape::Keins => {}
                Escape::Raute if b.is_ascii_hexdigit() => {
                    self.escape = Escape::Ziffer(b);
                    return None;
                }
                Escape::Raute => name.push(b'#'),
                Escape::Ziffer(erste) if b.is_ascii_hexdigit() => {
                    name.push(hex_wert(erste) * 16 + hex_wert(b));
                    self.escape = Escape::Keins;
                    return None;
                }
                Escape::Ziffer(erste) => {
                    name.push(b'#');
                    name.push(erste);
                }
            }
            self.escape = Escape::Keins;
            if ist_regulaer(b) {
                if b == b'#' {
                    self.escape = Escape::Raute;
                } else {
                    name.push(b);
                }
                return None;
            }
            let fertig = self.name.take();
            if b == b'/' {
                self.name = Some(Wort::default());
            }
            fertig
        }

        fn aktiv(&self) -> bool {
            self.name.is_some()
        }
    }

    /// The refusal a name causes; in stream data only long active names count.
    fn bewerte(name: &Wort, in_daten: bool) -> Result<(), Ablehnung> {
        if AKTIVE_NAMEN.iter().any(|a| name.ist(a) && (!in_daten || a.len() >= 6)) {
            return Err(Ablehnung::AktiverInhalt);
        }
        if !in_daten && name.ist("Encrypt") {
            return Err(Ablehnung::Verschluesselt);
        }
        Ok(())
    }

    /// What the dictionary since the last `obj` said about its stream.
    #[derive(Default)]
    struct Merkmale {
        objstm: bool,
        flate: bool,
        anderer_filter: bool,
        parameter: bool,
    }

    #[derive(Clone, Copy, PartialEq, Eq, Default)]
    enum Lage {
        #[default]
        Objekte,
        /// After `stream` and CR: an LF may follow.
        StreamAnfang,
        StreamDaten,
    }

    /// How a stream's data is scanned.
    #[derive(Default)]
    enum Strom {
        /// Raw bytes: long active names only.
        #[default]
        Roh,
        /// An uncompressed object stream: all names.
        Objekte,
        /// A Flate object stream: inflated, all names.
        Entpacken(Box<Entpacker>),
    }

    pub(super) struct PdfLeser {
        lage: Lage,
        namen: NamenLeser,
        wort: Option<Wort>,
        groesser: bool,
        dict_ende: bool,
        merkmale: Merkmale,
        strom: Strom,
        endstream: Kmp,
        schwanz: Vec<u8>,
        entpackt: u64,
        unpruefbar: bool,
    }

    impl Default for PdfLeser {
        fn default() -> Self {
            PdfLeser {
                lage: Lage::Objekte,
                namen: NamenLeser::default(),
                wort: None,
                groesser: false,
                dict_ende: false,
                merkmale: Merkmale::default(),
                strom: Strom::Roh,
                endstream: Kmp::new(b"endstream"),
                schwanz: Vec::with_capacity(2 * SCHWANZ),
                entpackt: 0,
                unpruefbar: false,
            }
        }
    }

    impl PdfLeser {
        pub(super) fn feed(&mut self, daten: &[u8]) -> Result<(), Ablehnung> {
            self.schwanz_merken(daten);
            let mut i = 0;
            while i < daten.len() {
                match self.lage {
                    Lage::Objekte => {
                        self.objekt_byte(daten[i])?;
                        i += 1;
                    }
                    Lage::StreamAnfang => {
                        if daten[i] == b'\n' {
                            i += 1;
                        }
                        self.lage = Lage::StreamDaten;
                    }
                    Lage::StreamDaten => i += self.stream_daten(&daten[i..])?,
                }
            }
            Ok(())
        }

        fn schwanz_merken(&mut self, daten: &[u8]) {
            if daten.len() >= SCHWANZ {
                self.schwanz.clear();
                self.schwanz.extend_from_slice(&daten[daten.len() - SCHWANZ..]);
            } else {
                self.schwanz.extend_from_slice(daten);
                if self.schwanz.len() > 2 * SCHWANZ {
                    self.schwanz.drain(..self.schwanz.len() - SCHWANZ);
                }
            }
        }

        fn objekt_byte(&mut self, b: u8) -> Result<(), Ablehnung> {
            if let Some(name) = self.namen.schritt(b) {
                self.name_gelesen(&name)?;
            }
            if ist_regulaer(b) && !self.namen.aktiv() {
                let nach_dict = self.dict_ende;
                self.wort.get_or_insert(Wort { nach_dict, ..Wort::default() }).push(b);
            } else if let Some(wort) = self.wort.take() {
                if wort.ist("obj") {
                    self.merkmale = Merkmale::default();
                } else if wort.ist("stream") && wort.nach_dict {
                    self.stream_beginnt(b);
                    return Ok(());
                }
            }
            // `stream` counts only right after a dictionary's `>>`.
            match b {
                b'>' if self.groesser => {
                    self.dict_ende = true;
                    self.groesser = false;
                }
                b'>' => self.groesser = true,
                _ if ist_leerraum(b) => self.groesser = false,
                _ => {
                    self.groesser = false;
                    self.dict_ende = false;
                }
            }
            Ok(())
        }

        fn name_gelesen(&mut self, name: &Wort) -> Result<(), Ablehnung> {
            bewerte(name, false)?;
            let m = &mut self.merkmale;
            if name.ist("ObjStm") {
                m.objstm = true;
            } else if name.ist("FlateDecode") || name.ist("Fl") {
                m.flate = true;
            } else if name.ist("DecodeParms") || name.ist("DP") {
                m.parameter = true;
            } else if ANDERE_FILTER.iter().any(|f| name.ist(f)) {
                m.anderer_filter = true;
            }
            Ok(())
        }

        fn stream_beginnt(&mut self, b: u8) {
            self.lage = if b == b'\r' { Lage::StreamAnfang } else { Lage::StreamDaten };
            self.namen = NamenLeser::default();
            self.endstream = Kmp::new(b"endstream");
            let m = &self.merkmale;
            self.strom = if !m.objstm {
                Strom::Roh
            } else if m.anderer_filter || m.parameter {
                self.unpruefbar = true;
                Strom::Roh
            } else if m.flate {
                Strom::Entpacken(Box::new(Entpacker::neu()))
            } else {
                Strom::Objekte
            };
        }

        /// Scans stream data up to and including `endstream`; returns the bytes used.
        fn stream_daten(&mut self, daten: &[u8]) -> Result<usize, Ablehnung> {
            let roh = !matches!(self.strom, Strom::Objekte);
            let mut ende = None;
            for (i, &b) in daten.iter().enumerate() {
                if let Some(name) = self.namen.schritt(b) {
                    bewerte(&name, roh)?;
                }
                if self.endstream.schritt(b) {
                    ende = Some(i + 1);
                    break;
                }
            }
            let n = ende.unwrap_or(daten.len());
            if let Strom::Entpacken(entpacker) = &mut self.strom {
                entpacker.feed(&daten[..n], &mut self.entpackt)?;
                if entpacker.kaputt {
                    self.unpruefbar = true;
                    self.strom = Strom::Roh;
                }
            }
            if ende.is_some() {
                if let Strom::Entpacken(entpacker) = std::mem::take(&mut self.strom) {
                    self.unpruefbar |= !entpacker.fertig;
                }
                self.lage = Lage::Objekte;
                self.namen = NamenLeser::default();
                self.wort = None;
                self.groesser = false;
                self.dict_ende = false;
            }
            Ok(n)
        }

        pub(super) fn finish(self) -> Result<(), Ablehnung> {
            if self.lage != Lage::Objekte || self.unpruefbar {
                return Err(Ablehnung::Beschaedigt);
            }
            let schwanz = &self.schwanz[self.schwanz.len().saturating_sub(SCHWANZ)..];
            let eof = schwanz.windows(5).rposition(|w| w == b"%%EOF").ok_or(Ablehnung::Beschaedigt)?;
            if !schwanz[..eof].windows(9).any(|w| w == b"startxref") {
                return Err(Ablehnung::Beschaedigt);
            }
            Ok(())
        }
    }

    /// Inflates a Flate object stream piece by piece (a 32 KiB window) and
    /// scans the dictionaries inside for active names.
    struct Entpacker {
        zustand: Box<InflateState>,
        aus: Vec<u8>,
        namen: NamenLeser,
        fertig: bool,
        kaputt: bool,
    }

    impl Entpacker {
        fn neu() -> Self {
            Entpacker {
                zustand: InflateState::new_boxed(DataFormat::Zlib),
                aus: vec![0; 16 * 1024],
                namen: NamenLeser::default(),
                fertig: false,
                kaputt: false,
            }
        }

        fn feed(&mut self, mut ein: &[u8], entpackt: &mut u64) -> Result<(), Ablehnung> {
            while !self.fertig && !self.kaputt {
                let r = inflate(&mut self.zustand, ein, &mut self.aus, MZFlush::None);
                ein = &ein[r.bytes_consumed..];
                *entpackt += r.bytes_written as u64;
                for &b in &self.aus[..r.bytes_written] {
                    if let Some(name) = self.namen.schritt(b) {
                        bewerte(&name, false)?;
                    }
                }
                match r.status {
                    Ok(MZStatus::StreamEnd) => self.fertig = true,
                    Ok(_) if r.bytes_consumed == 0 && r.bytes_written == 0 => break,
                    Ok(_) => {}
                    Err(MZError::Buf) => break,
                    Err(_) => self.kaputt = true,
                }
                if *entpackt > MAX_ENTPACKT {
                    self.kaputt = true;
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruefe(bytes: &[u8]) -> Result<Art, Ablehnung> {
        Pruefer::pruefe(Grenzen::default(), bytes).map(|b| b.art)
    }

    fn pruefe_stueckweise(stuecke: &[&[u8]]) -> Result<Befund, Ablehnung> {
        let mut p = Pruefer::new(Grenzen::default());
        for s in stuecke {
            p.feed(s)?;
        }
        p.finish()
    }

    /// A PDF around `koerper` with a trailer; the scanner needs no valid xref.
    fn pdf_mit(koerper: &[u8]) -> Vec<u8> {
        [&b"%PDF-1.7\n1 0 obj\n"[..], koerper, b"\nendobj\nxref\n0 1\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"].concat()
    }

    fn objektstrom(filter: &str, daten: &[u8]) -> Vec<u8> {
        let kopf = format!("<< /Type /ObjStm /N 1 /First 4 {filter} /Length {} >>\nstream\r\n", daten.len());
        pdf_mit(&[kopf.as_bytes(), daten, b"\r\nendstream"].concat())
    }

    fn png_chunk(typ: &[u8; 4], daten: &[u8]) -> Vec<u8> {
        let mut crc = crc32fast::Hasher::new();
        crc.update(typ);
        crc.update(daten);
        [&(daten.len() as u32).to_be_bytes()[..], typ, daten, &crc.finalize().to_be_bytes()].concat()
    }

    fn ihdr(breite: u32, hoehe: u32) -> Vec<u8> {
        png_chunk(b"IHDR", &[&breite.to_be_bytes()[..], &hoehe.to_be_bytes(), &[8, 2, 0, 0, 0]].concat())
    }

    fn png_aus(chunks: &[Vec<u8>]) -> Vec<u8> {
        [&[PNG_SIGNATUR.to_vec()][..], chunks].concat().concat()
    }

    fn png_klein() -> Vec<u8> {
        png_aus(&[ihdr(3, 2), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])])
    }

    /// A structurally valid JPEG (not decodable): SOF0, SOS, scan data with a
    /// stuffed byte and a restart marker, EOI.
    fn jpeg_bild(breite: u16, hoehe: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0xAB, 0xCD, 0xFF, 0xC0, 0, 17, 8];
        b.extend_from_slice(&hoehe.to_be_bytes());
        b.extend_from_slice(&breite.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b.extend_from_slice(&[0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
        b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD9]);
        b
    }

    fn bmff(typ: &[u8; 4], inhalt: &[u8]) -> Vec<u8> {
        [&((inhalt.len() + 8) as u32).to_be_bytes()[..], typ, inhalt].concat()
    }

    fn heic_aus(marken: &[u8], ispes: &[(u32, u32)]) -> Vec<u8> {
        let ispe: Vec<u8> =
            ispes.iter().flat_map(|(b, h)| bmff(b"ispe", &[&[0; 4][..], &b.to_be_bytes(), &h.to_be_bytes()].concat())).collect();
        let meta = bmff(b"meta", &[&[0; 4][..], &bmff(b"iprp", &bmff(b"ipco", &ispe))].concat());
        [bmff(b"ftyp", marken), meta, bmff(b"mdat", &[1, 2, 3])].concat()
    }

    #[test]
    fn codes_and_media_types_are_stable() {
        let codes: Vec<_> = Ablehnung::ALLE.iter().map(|a| a.code()).collect();
        assert_eq!(codes, ["leer", "zu-gross", "art", "verschluesselt", "aktiv", "beschaedigt", "bild-zu-gross", "mehrdeutig"]);
        let arten = [Art::Pdf, Art::Jpeg, Art::Png, Art::Heic];
        assert_eq!(arten.map(Art::endung), ["pdf", "jpg", "png", "heic"]);
        assert_eq!(arten.map(Art::mime), ["application/pdf", "image/jpeg", "image/png", "image/heic"]);
    }

    #[test]
    fn an_empty_file_is_refused_as_empty() {
        assert_eq!(pruefe(b""), Err(Ablehnung::Leer));
        assert_eq!(pruefe_stueckweise(&[b"", b""]), Err(Ablehnung::Leer));
    }

    #[test]
    fn an_unknown_type_is_refused_with_its_first_bytes() {
        let mut p = Pruefer::new(Grenzen::default());
        assert_eq!(p.feed(b"GIF89a"), Err(Ablehnung::UnbekannteArt), "refused before eight bytes");
        assert_eq!(pruefe(b"%PD"), Err(Ablehnung::UnbekannteArt));
        assert_eq!(pruefe(b"\0\0\0\x18ftypisom\0\0\0\0isommp41"), Err(Ablehnung::UnbekannteArt), "an MP4 video");
        assert_eq!(pruefe(&[0xFF, 0xD8, 0xFF]), Err(Ablehnung::Beschaedigt), "a JPEG start only");
    }

    #[test]
    fn a_file_valid_as_two_kinds_is_ambiguous() {
        // JPEG magic and an ISO-BMFF `ftyp` box at offset 4 at once.
        let mut jpeg_heic = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg_heic.extend_from_slice(b"ftypheic");
        assert_eq!(pruefe(&jpeg_heic), Err(Ablehnung::Mehrdeutig));
        let png = png_aus(&[ihdr(3, 2), png_chunk(b"tEXt", b"Comment\0%PDF-1.4"), png_chunk(b"IEND", &[])]);
        assert_eq!(pruefe(&png), Err(Ablehnung::Mehrdeutig));
        let mut heic = heic_aus(b"heic\0\0\0\0mif1", &[(4, 4)]);
        heic.extend_from_slice(&bmff(b"free", b"%PDF-"));
        assert_eq!(pruefe(&heic), Err(Ablehnung::Mehrdeutig));
    }

    #[test]
    fn a_small_pdf_is_accepted() {
        assert_eq!(pruefe(&pdf_mit(b"<< /Type /Catalog >>")), Ok(Art::Pdf));
    }

    #[test]
    fn every_active_name_is_refused_also_hex_escaped_and_split_across_chunks() {
        for name in AKTIVE_NAMEN {
            let koerper = format!("<< /{name} 2 0 R >>");
            assert_eq!(pruefe(&pdf_mit(koerper.as_bytes())), Err(Ablehnung::AktiverInhalt), "{name}");
        }
        assert_eq!(pruefe(&pdf_mit(b"<< /S /J#61vaScript >>")), Err(Ablehnung::AktiverInhalt));
        assert_eq!(pruefe(&pdf_mit(b"<</#4A#53(x)>>")), Err(Ablehnung::AktiverInhalt));
        let pdf = pdf_mit(b"<< /S /J#61vaScript >>");
        let stelle = pdf.windows(3).position(|w| w == b"#61").expect("escape") + 2;
        assert_eq!(pruefe_stueckweise(&[&pdf[..stelle], &pdf[stelle..]]).map(|b| b.art), Err(Ablehnung::AktiverInhalt));
        assert_eq!(pruefe(&pdf_mit(b"<< /JavaScriptX 1 /JSON 2 /EFG 3 >>")), Ok(Art::Pdf), "other names pass");
    }

    #[test]
    fn in_stream_data_only_long_active_names_count() {
        let strom = |daten: &[u8]| pdf_mit(&[&b"<< /Length 9 >>\nstream\n"[..], daten, b"\nendstream"].concat());
        assert_eq!(pruefe(&strom(b"\x01/JS\x02/EF ")), Ok(Art::Pdf), "short names occur by chance in binary data");
        assert_eq!(pruefe(&strom(b"\x01/JavaScript(")), Err(Ablehnung::AktiverInhalt));
        assert_eq!(pruefe(&pdf_mit(b"<< /Length 9 >>\nstream\n/JavaScript")), Err(Ablehnung::AktiverInhalt));
    }

    #[test]
    fn object_streams_are_inflated_and_scanned() {
        let gepackt = |s: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(s, 6);
        let harmlos = gepackt(b"5 0 << /Type /Font /Subtype /Type1 >>");
        assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &harmlos)), Ok(Art::Pdf));
        let js = gepackt(b"5 0 << /S /JavaScript /JS (x) >>");
        assert_eq!(pruefe(&objektstrom("/Filter [/FlateDecode]", &js)), Err(Ablehnung::AktiverInhalt));
        let ef = gepackt(b"5 0 << /Type /Filespec /EF << /F 6 0 R >> >>");
        assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &ef)), Err(Ablehnung::AktiverInhalt), "short names count inside");
        assert_eq!(pruefe(&objektstrom("", b"5 0 << /JS (x) >>")), Err(Ablehnung::AktiverInhalt), "uncompressed");
        assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", b"not zlib at all")), Err(Ablehnung::Beschaedigt));
        assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &js[..js.len() / 2])), Err(Ablehnung::Beschaedigt), "cut off");
        assert_eq!(pruefe(&objektstrom("/Filter /ASCIIHexDecode", b"3520")), Err(Ablehnung::Beschaedigt), "unreadable");
    }

    #[test]
    fn an_encrypted_pdf_is_refused() {
        let pdf = [&pdf_mit(b"<< >>")[..], b"trailer\n<< /Encrypt 2 0 R >>\nstartxref\n9\n%%EOF\n"].concat();
        assert_eq!(pruefe(&pdf), Err(Ablehnung::Verschluesselt));
        assert_eq!(pruefe(&pdf_mit(b"<< /Type /XRef /Encr#79pt 3 0 R >>")), Err(Ablehnung::Verschluesselt));
    }

    #[test]
    fn a_pdf_without_its_end_is_damaged() {
        assert_eq!(pruefe(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n"), Err(Ablehnung::Beschaedigt), "no %%EOF");
        assert_eq!(pruefe(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"), Err(Ablehnung::Beschaedigt), "no startxref");
        let mut spaet = pdf_mit(b"<< >>");
        spaet.extend_from_slice(&[b' '; 1100]);
        assert_eq!(pruefe(&spaet), Err(Ablehnung::Beschaedigt), "%%EOF not in the last 1024 bytes");
        let offen = [&b"%PDF-1.7\n1 0 obj\n<< >>\nstream\n"[..], b"startxref\n9\n%%EOF\n"].concat();
        assert_eq!(pruefe(&offen), Err(Ablehnung::Beschaedigt), "a stream that never ends");
    }

    #[test]
    fn a_png_is_accepted_only_whole_and_with_correct_checksums() {
        assert_eq!(Pruefer::pruefe(Grenzen::default(), &png_klein()).map(|b| b.pixel), Ok(Some((3, 2))));
        let mut falsche_crc = png_klein();
        falsche_crc[29] ^= 1;
        assert_eq!(pruefe(&falsche_crc), Err(Ablehnung::Beschaedigt), "IHDR CRC");
        let mut falsche_idat = png_klein();
        falsche_idat[42] ^= 1;
        assert_eq!(pruefe(&falsche_idat), Err(Ablehnung::Beschaedigt), "IDAT CRC");
        let ohne_iend = png_aus(&[ihdr(3, 2), png_chunk(b"IDAT", &[0x78, 0x01])]);
        assert_eq!(pruefe(&ohne_iend), Err(Ablehnung::Beschaedigt));
        let mut danach = png_klein();
        danach.extend_from_slice(b"PK\x03\x04");
        assert_eq!(pruefe(&danach), Err(Ablehnung::Beschaedigt), "data after IEND");
        let idat_zuerst = png_aus(&[png_chunk(b"IDAT", &[0x78, 0x01]), ihdr(3, 2), png_chunk(b"IEND", &[])]);
        assert_eq!(pruefe(&idat_zuerst), Err(Ablehnung::Beschaedigt));
        let ohne_idat = png_aus(&[ihdr(3, 2), png_chunk(b"IEND", &[])]);
        assert_eq!(pruefe(&ohne_idat), Err(Ablehnung::Beschaedigt));
        let leer = png_aus(&[ihdr(0, 2), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])]);
        assert_eq!(pruefe(&leer), Err(Ablehnung::Beschaedigt), "width 0");
    }

    #[test]
    fn an_image_needing_more_memory_than_allowed_is_refused_at_its_header() {
        let grenzen = Grenzen { max_bild_speicher: 400, ..Grenzen::default() };
        let png = |b, h| png_aus(&[ihdr(b, h), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])]);
        assert_eq!(Pruefer::pruefe(grenzen, &png(10, 10)).map(|b| b.art), Ok(Art::Png), "exactly at the limit");
        assert_eq!(Pruefer::pruefe(grenzen, &png(10, 11)), Err(Ablehnung::BildZuGross));
        let mut p = Pruefer::new(grenzen);
        assert_eq!(p.feed(&jpeg_bild(11, 10)[..20]), Err(Ablehnung::BildZuGross), "JPEG: right after SOF");
        assert_eq!(Pruefer::pruefe(grenzen, &jpeg_bild(10, 10)).map(|b| b.art), Ok(Art::Jpeg));
        assert_eq!(Pruefer::pruefe(grenzen, &heic_aus(b"heic\0\0\0\0", &[(11, 10)])), Err(Ablehnung::BildZuGross));
    }

    #[test]
    fn a_jpeg_must_have_a_frame_and_end_with_eoi() {
        assert_eq!(Pruefer::pruefe(Grenzen::default(), &jpeg_bild(640, 480)).map(|b| b.pixel), Ok(Some((640, 480))));
        let gut = jpeg_bild(4, 4);
        assert_eq!(pruefe(&gut[..gut.len() - 4]), Err(Ablehnung::Beschaedigt), "cut in the scan");
        for polster in [1, MAX_JPEG_POLSTER as usize] {
            assert_eq!(pruefe(&[&gut[..], &vec![0; polster]].concat()), Ok(Art::Jpeg), "{polster} zero bytes");
        }
        let zu_viel = [&gut[..], &vec![0; MAX_JPEG_POLSTER as usize + 1]].concat();
        assert_eq!(pruefe(&zu_viel), Err(Ablehnung::Beschaedigt));
        assert_eq!(pruefe(&[&gut[..], b"PK\x03\x04"].concat()), Err(Ablehnung::Beschaedigt), "data after EOI");
        let mpf = [&gut[..], &jpeg_bild(2, 2)].concat();
        assert_eq!(Pruefer::pruefe(Grenzen::default(), &mpf).map(|b| b.pixel), Ok(Some((4, 4))), "a preview image after EOI");
        let ohne_sof = [&gut[..8], &gut[27..]].concat();
        assert_eq!(pruefe(&ohne_sof), Err(Ablehnung::Beschaedigt));
        assert_eq!(pruefe(&jpeg_bild(4, 0)), Err(Ablehnung::Beschaedigt), "height 0");
        let zwei_sof = [&gut[..27], &gut[8..]].concat();
        assert_eq!(pruefe(&zwei_sof), Err(Ablehnung::Beschaedigt));
    }

    #[test]
    fn a_heic_needs_a_heif_brand_a_meta_box_and_boxes_within_the_file() {
        let gut = heic_aus(b"heic\0\0\0\0mif1heic", &[(512, 512), (4032, 3024), (320, 240)]);
        assert_eq!(Pruefer::pruefe(Grenzen::default(), &gut).map(|b| b.pixel), Ok(Some((4032, 3024))), "the largest ispe");
        assert_eq!(pruefe(&heic_aus(b"mif1\0\0\0\0heic", &[])), Ok(Art::Heic));
        assert_eq!(pruefe(&heic_aus(b"avif\0\0\0\0mif1miaf", &[(4, 4)])), Err(Ablehnung::UnbekannteArt));
        assert_eq!(pruefe(&heic_aus(b"mif1\0\0\0\0avifmiaf", &[(4, 4)])), Err(Ablehnung::UnbekannteArt));
        assert_eq!(pruefe(&gut[..gut.len() - 1]), Err(Ablehnung::Beschaedigt), "the last box runs past the end");
        assert_eq!(pruefe(&bmff(b"ftyp", b"heic\0\0\0\0")), Err(Ablehnung::Beschaedigt), "no meta");
        let mut bis_ende = heic_aus(b"heic\0\0\0\0", &[(4, 4)]);
        bis_ende.extend_from_slice(&[0, 0, 0, 0, b'm', b'd', b'a', b't', 1, 2, 3]);
        assert_eq!(pruefe(&bis_ende), Ok(Art::Heic), "a last box of size 0 runs to the end");
        assert_eq!(pruefe(&heic_aus(b"heic\0\0\0\0", &[(0, 4)])), Err(Ablehnung::Beschaedigt));
    }

    #[test]
    fn the_hash_is_the_sha256_of_all_bytes_in_lowercase_hex() {
        let bytes = jpeg_bild(2, 2);
        let befund = pruefe_stueckweise(&[&bytes[..5], &bytes[5..]]).expect("valid");
        let erwartet: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(befund.sha256, erwartet);
        assert_eq!(hex(&[0x00, 0xAB, 0x0F]), "00ab0f");
    }

    #[test]
    fn the_streaming_search_finds_a_pattern_after_a_false_start() {
        let mut kmp = Kmp::new(b"endstream");
        let treffer: Vec<usize> =
            b"xendstrendstreamendstream".iter().enumerate().filter(|&(_, &b)| kmp.schritt(b)).map(|(i, _)| i).collect();
        assert_eq!(treffer, vec![15, 24]);
    }
}
