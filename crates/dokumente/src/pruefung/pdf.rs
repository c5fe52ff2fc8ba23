//! The PDF scanner: names (with `#xx` escapes decoded) and the keywords
//! `obj`, `stream`, `endstream`, byte by byte, so chunk borders do not matter.
//! It does not parse objects: readers find objects through the xref anywhere
//! in the file, even inside another stream's data, so every byte is scanned.

use miniz_oxide::inflate::stream::{InflateState, inflate};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

mod namen;

use super::{Ablehnung, Kmp, MAX_ENTPACKT};
use namen::{ANFANG_IN_DATEN, NamenLeser, SCHLICHT, Wort, bewerte, ist_leerraum, ist_regulaer};

/// Finds `endstream` in a chunk of stream data at once (SIMD).
static ENDSTREAM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"endstream"));

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
            self.wort.get_or_insert(Wort::neu(nach_dict)).push(b);
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
        self.endstream.stand = 0;
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
        let mut i = 0;
        // A name or an `endstream` begun in the previous chunk: byte by byte
        // until both readers are idle again.
        while i < daten.len() && (self.namen.aktiv() || self.endstream.stand > 0) {
            let b = daten[i];
            if let Some(name) = self.namen.schritt(b) {
                bewerte(&name, roh)?;
            }
            i += 1;
            if self.endstream.schritt(b) {
                ende = Some(i);
                break;
            }
        }
        if ende.is_none() && i < daten.len() {
            // Both idle: find `endstream` at once; before it only `/` (a
            // name starts) matters, so jump from one to the next.
            let start = i;
            let bis = ENDSTREAM.find(&daten[i..]).map(|p| i + p);
            let grenze = bis.unwrap_or(daten.len());
            while let Some(p) = memchr::memchr(b'/', &daten[i..grenze]) {
                i += p;
                // Most names in binary data are plain and end within the
                // chunk: read them whole (about one in 16 bytes of random
                // data is part of a name).
                let rest = &daten[i + 1..grenze];
                // In raw data most names cannot begin an active one: skip
                // them at their first byte (the next name starts at the
                // next `/` in any case).
                if roh && rest.first().is_some_and(|&b| !ANFANG_IN_DATEN[usize::from(b)]) {
                    i += 1;
                    continue;
                }
                let laenge = rest.iter().position(|&b| !SCHLICHT[usize::from(b)]).unwrap_or(rest.len());
                if laenge < rest.len() && rest[laenge] != b'#' {
                    if laenge <= Wort::PLATZ {
                        bewerte(&Wort::aus(&rest[..laenge]), roh)?;
                    }
                    i += 1 + laenge;
                    continue;
                }
                while i < grenze {
                    let b = daten[i];
                    i += 1;
                    if let Some(name) = self.namen.schritt(b) {
                        bewerte(&name, roh)?;
                    }
                    if !self.namen.aktiv() {
                        break;
                    }
                }
            }
            match bis {
                Some(p) => ende = Some(p + b"endstream".len()),
                // It may begin in the last bytes and end in the next chunk.
                None => {
                    self.endstream.stand = 0;
                    for &b in &daten[daten.len().saturating_sub(8).max(start)..] {
                        self.endstream.schritt(b);
                    }
                }
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
