//! Names and keywords of the PDF scanner: the byte classes of PDF syntax,
//! a name or keyword as read ([`Wort`]), the byte-by-byte name reader with
//! `#xx` escapes ([`NamenLeser`]) and the verdict a name causes
//! ([`bewerte`]).

use super::super::{AKTIVE_NAMEN, Ablehnung};

pub(super) const fn ist_leerraum(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

pub(super) const fn ist_regulaer(b: u8) -> bool {
    !ist_leerraum(b) && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn hex_wert(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    }
}

/// Bytes that continue a name without an escape: regular, not `#`.
pub(super) static SCHLICHT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = ist_regulaer(b as u8) && b as u8 != b'#';
        b += 1;
    }
    t
};

/// First bytes of the names that count in raw stream data (the active
/// names of at least 6 bytes, see [`bewerte`]) and `#`, which may escape
/// any of them.
pub(super) static ANFANG_IN_DATEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut n = 0;
    while n < AKTIVE_NAMEN.len() {
        let name = AKTIVE_NAMEN[n].as_bytes();
        if name.len() >= MIN_IN_DATEN {
            t[name[0] as usize] = true;
        }
        n += 1;
    }
    t[b'#' as usize] = true;
    t
};

/// Active names shorter than this are too likely by chance in binary
/// stream data to count there.
const MIN_IN_DATEN: usize = 6;

/// A name or keyword as read; longer than 16 bytes matches nothing.
#[derive(Default, Clone, Copy)]
pub(super) struct Wort {
    bytes: [u8; Wort::PLATZ],
    laenge: usize,
    zu_lang: bool,
    pub(super) nach_dict: bool,
}

impl Wort {
    /// The longest name that can match.
    pub(super) const PLATZ: usize = 16;

    /// An empty keyword; `nach_dict`: it begins right after a dictionary.
    pub(super) fn neu(nach_dict: bool) -> Self {
        Wort { nach_dict, ..Wort::default() }
    }

    /// A name read whole (no `#` escapes, at most [`Wort::PLATZ`] bytes).
    pub(super) fn aus(name: &[u8]) -> Self {
        let mut wort = Wort::default();
        wort.bytes[..name.len()].copy_from_slice(name);
        wort.laenge = name.len();
        wort
    }

    pub(super) fn push(&mut self, b: u8) {
        if self.laenge < self.bytes.len() {
            self.bytes[self.laenge] = b;
            self.laenge += 1;
        } else {
            self.zu_lang = true;
        }
    }

    pub(super) fn ist(&self, s: &str) -> bool {
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
pub(super) struct NamenLeser {
    name: Option<Wort>,
    escape: Escape,
}

impl NamenLeser {
    /// Takes one byte; returns the name this byte ended.
    pub(super) fn schritt(&mut self, b: u8) -> Option<Wort> {
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

    pub(super) fn aktiv(&self) -> bool {
        self.name.is_some()
    }
}

/// The refusal a name causes; in stream data only long active names count.
pub(super) fn bewerte(name: &Wort, in_daten: bool) -> Result<(), Ablehnung> {
    if AKTIVE_NAMEN.iter().any(|a| name.ist(a) && (!in_daten || a.len() >= MIN_IN_DATEN)) {
        return Err(Ablehnung::AktiverInhalt);
    }
    if !in_daten && name.ist("Encrypt") {
        return Err(Ablehnung::Verschluesselt);
    }
    Ok(())
}
