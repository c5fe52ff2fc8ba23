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
    /// `None` when the caller hashes the bytes itself ([`Pruefer::ohne_pruefsumme`]).
    hasher: Option<Sha256>,
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
            hasher: Some(Sha256::new()),
            kopf: Vec::with_capacity(KOPF),
            leser: None,
            pdf_im_bild: Kmp::new(PDF_SIGNATUR),
            fehler: None,
        }
    }

    /// A checker that does not compute the SHA-256 ([`Befund::sha256`] is
    /// empty): for a caller that hashes the same bytes anyway (the storage
    /// writer does), so every byte is hashed once.
    pub fn ohne_pruefsumme(grenzen: Grenzen) -> Self {
        Pruefer { hasher: None, ..Pruefer::new(grenzen) }
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
        Ok(Befund { art, bytes: self.bytes, sha256: self.hasher.map(|h| hex(&h.finalize())).unwrap_or_default(), pixel })
    }

    fn verarbeite(&mut self, chunk: &[u8]) -> Result<(), Ablehnung> {
        if chunk.is_empty() {
            return Ok(());
        }
        self.bytes = self.bytes.saturating_add(chunk.len() as u64);
        if self.bytes > self.grenzen.max_bytes {
            return Err(Ablehnung::ZuGross);
        }
        if let Some(h) = &mut self.hasher {
            h.update(chunk);
        }
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

mod bild;
mod pdf;

#[cfg(test)]
mod tests;
