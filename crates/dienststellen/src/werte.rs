//! Single values as both file formats write them: times and spans of a
//! day, dates, yes/no, e-mail addresses and ids. Messages name the value.

use crate::modell::Spanne;
use chrono::NaiveDate;

/// "HH:MM" (also "H:MM") from 00:00 to 24:00 in minutes after midnight.
fn uhrzeit(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let ziffern = |t: &str, n: std::ops::RangeInclusive<usize>| n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !ziffern(h, 1..=2) || !ziffern(m, 2..=2) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// One span "08:00-12:00" (an en dash and spaces around it are accepted).
pub(crate) fn spanne(s: &str) -> Result<Spanne, String> {
    let roh = s.trim();
    let Some((von, bis)) = roh.split_once(['-', '–']) else {
        return Err(format!("\"{roh}\" ist keine Zeitspanne der Form HH:MM-HH:MM"));
    };
    let (von_t, bis_t) = (von.trim(), bis.trim());
    let (Some(von), Some(bis)) = (uhrzeit(von_t), uhrzeit(bis_t)) else {
        return Err(format!("\"{roh}\" ist keine Zeitspanne der Form HH:MM-HH:MM mit Uhrzeiten von 00:00 bis 24:00"));
    };
    if von >= bis {
        return Err(format!("\"{roh}\": der Beginn {von_t} liegt nicht vor dem Ende {bis_t}"));
    }
    Ok(Spanne { von, bis })
}

/// The spans of one day, sorted; every bad span and every overlap.
pub(crate) fn tag<'a>(spannen: impl IntoIterator<Item = &'a str>) -> Result<Vec<Spanne>, Vec<String>> {
    let (mut gut, mut fehler) = (Vec::new(), Vec::new());
    for s in spannen {
        match spanne(s) {
            Ok(sp) => gut.push(sp),
            Err(e) => fehler.push(e),
        }
    }
    gut.sort();
    for w in gut.windows(2) {
        if w[0].bis > w[1].von {
            fehler.push(format!("\"{}\" und \"{}\" überschneiden sich", w[0].datei(), w[1].datei()));
        }
    }
    if fehler.is_empty() { Ok(gut) } else { Err(fehler) }
}

/// A CSV cell of spans: "08:00-12:00 14:00-16:00" (or separated by ",").
pub(crate) fn tag_zelle(zelle: &str) -> Result<Vec<Spanne>, Vec<String>> {
    let zelle = zelle.replace('–', "-");
    let zelle = zelle.split('-').map(str::trim).collect::<Vec<_>>().join("-");
    tag(zelle.split([' ', ',', '\t']).filter(|t| !t.is_empty()))
}

/// A CSV cell of the spans as the writer puts them.
pub(crate) fn tag_schreiben(spannen: &[Spanne]) -> String {
    spannen.iter().map(Spanne::datei).collect::<Vec<_>>().join(" ")
}

/// A date "2026-12-24" (also "24.12.2026").
pub(crate) fn datum(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
        .filter(|_| s.len() >= 10)
        .ok_or_else(|| format!("\"{s}\" ist kein gültiges Datum (JJJJ-MM-TT)"))
}

/// "ja" / "nein" (also "true" / "false"); empty: the default.
pub(crate) fn ja_nein(s: &str, vorgabe: bool) -> Result<bool, String> {
    match s.trim().to_lowercase().as_str() {
        "" => Ok(vorgabe),
        "ja" | "true" => Ok(true),
        "nein" | "false" => Ok(false),
        anders => Err(format!("\"{anders}\" ist weder \"ja\" noch \"nein\"")),
    }
}

/// `[a-z0-9-]{2,64}`.
pub(crate) fn id_gueltig(s: &str) -> bool {
    (2..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An address that can be one: no spaces, something before a single "@",
/// and a dot with something on both sides after it.
pub(crate) fn email_plausibel(s: &str) -> bool {
    let Some((lokal, domain)) = s.split_once('@') else { return false };
    let punkt = domain.rfind('.').is_some_and(|i| i > 0 && i + 1 < domain.len());
    !lokal.is_empty() && !domain.contains('@') && punkt && !s.chars().any(char::is_whitespace)
}

/// Exactly five digits.
pub(crate) fn plz_gueltig(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}
