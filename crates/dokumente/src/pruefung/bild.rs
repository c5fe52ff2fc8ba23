//! Walkers for JPEG (segments), PNG (chunks) and HEIC (boxes). Each keeps a
//! small buffer and where it stands, so chunk borders do not matter.

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
