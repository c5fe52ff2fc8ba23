//! Answers: what a posted page turns into (typed by the field's kind), the
//! walk through the form that keeps only what is shown, and the schema's
//! errors as field errors.

use crate::Formular;
use crate::definition::{Art, Feld, MAX_EINTRAEGE};
use serde_json::{Map, Value};

/// The answers of one application: field name → value.
pub type Antworten = Map<String, Value>;

/// What is wrong with one answer.
#[derive(Debug, Clone, PartialEq)]
pub enum FehlerArt {
    /// Required and not answered.
    Pflicht,
    /// Not of the kind's form (not a number, not a date, …).
    Typ,
    ZuKurz(u64),
    ZuLang(u64),
    /// Below the minimum (as written in the schema).
    Minimum(f64),
    Maximum(f64),
    /// A format (date, IBAN) or pattern not met.
    Format,
    /// Not one of the choices.
    Auswahl,
    /// Too few or too many choices.
    Anzahl,
    /// Fields the form does not have.
    Unbekannt(Vec<String>),
    /// Any other rule of the schema (the field is named, the rule is not).
    Regel,
}

/// An error at a field ("name", or "liste.0.sub" for an entry's field;
/// "" for the form as a whole).
#[derive(Debug, Clone, PartialEq)]
pub struct FeldFehler {
    pub feld: String,
    pub art: FehlerArt,
}

impl FeldFehler {
    /// The top-level field it belongs to.
    pub fn oberfeld(&self) -> &str {
        self.feld.split('.').next().unwrap_or("")
    }
}

/// The shown steps and, per step, its shown fields (indexes), after a walk
/// in order: a condition reads only answers that are themselves shown.
#[derive(Debug, Clone, Default)]
pub struct Durchlauf {
    pub schritte: Vec<(usize, Vec<usize>)>,
    /// The shown answers, lists cut or padded to their number of entries.
    pub antworten: Antworten,
}

impl Durchlauf {
    pub fn zeigt(&self, schritt: usize) -> bool {
        self.schritte.iter().any(|(i, _)| *i == schritt)
    }

    /// The position of a step among the shown ones (0-based).
    pub fn position(&self, schritt: usize) -> Option<usize> {
        self.schritte.iter().position(|(i, _)| *i == schritt)
    }
}

pub(crate) fn durchlauf(f: &Formular, a: &Antworten) -> Durchlauf {
    let mut d = Durchlauf::default();
    for (i, s) in f.dok.schritte.iter().enumerate() {
        if s.wenn.as_ref().is_some_and(|c| !c.gilt(&d.antworten)) {
            continue;
        }
        let mut felder = Vec::new();
        for (j, feld) in s.felder.iter().enumerate() {
            if feld.wenn.as_ref().is_some_and(|c| !c.gilt(&d.antworten)) {
                continue;
            }
            felder.push(j);
            if feld.art == Art::Liste {
                let n = eintraege(feld, &d.antworten);
                let vorhanden = a.get(&feld.name).and_then(Value::as_array).cloned().unwrap_or_default();
                let mut liste: Vec<Value> = vorhanden.into_iter().take(n).collect();
                liste.resize(n, Value::Object(Map::new()));
                if n > 0 {
                    d.antworten.insert(feld.name.clone(), Value::Array(liste));
                }
            } else if let Some(v) = a.get(&feld.name) {
                d.antworten.insert(feld.name.clone(), v.clone());
            }
        }
        d.schritte.push((i, felder));
    }
    d
}

/// How many entries a list has: its number field's answer, within bounds.
pub fn eintraege(feld: &Feld, a: &Antworten) -> usize {
    let n = feld.anzahl.as_deref().and_then(|n| a.get(n)).and_then(Value::as_u64).unwrap_or(0);
    n.min(MAX_EINTRAEGE) as usize
}

/// Turns one posted value into the stored answer; text that does not fit
/// the kind is kept as text (the schema then names the error, and the page
/// shows what was typed). `None`: not answered.
pub fn wert(art: Art, roh: &str) -> Option<Value> {
    let t = roh.trim();
    if t.is_empty() {
        return None;
    }
    let text = || Some(Value::String(t.to_owned()));
    Some(match art {
        Art::Langtext => Value::String(t.replace("\r\n", "\n")),
        Art::Zahl => match t.parse::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => return text(),
        },
        Art::Betrag => match betrag(t) {
            Some(x) => serde_json::Number::from_f64(x).map(Value::Number)?,
            None => return text(),
        },
        Art::Janein => match t {
            "ja" => Value::Bool(true),
            "nein" => Value::Bool(false),
            _ => return text(),
        },
        Art::Datum => Value::String(datum(t).unwrap_or_else(|| t.to_owned())),
        Art::Iban => Value::String(t.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase()),
        Art::Text | Art::Auswahl | Art::Bescheid | Art::Mehrfach | Art::Liste => return text(),
    })
}

/// "1.234,56", "1234,5", "1234.56", "12 €" → euros, rounded to cents.
fn betrag(t: &str) -> Option<f64> {
    let t = t.trim_end_matches('€').trim().replace(' ', "");
    let normal = match (t.rfind(','), t.rfind('.')) {
        (Some(k), Some(p)) if k > p => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => t.replace(',', "."),
        _ => t,
    };
    if normal.is_empty() || !normal.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
        return None;
    }
    let x: f64 = normal.parse().ok()?;
    x.is_finite().then(|| (x * 100.0).round() / 100.0)
}

/// "07.12.2026" → "2026-12-07"; an ISO date stays.
fn datum(t: &str) -> Option<String> {
    let teile: Vec<&str> = t.split('.').collect();
    if let [tag, monat, jahr] = teile.as_slice()
        && jahr.len() == 4
        && (1..=2).contains(&tag.len())
        && (1..=2).contains(&monat.len())
        && [tag, monat, jahr].iter().all(|s| s.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(format!("{jahr}-{monat:0>2}-{tag:0>2}"));
    }
    None
}

/// The answer as the form shows it again (inputs and the summary).
pub fn anzeigen(art: Art, v: &Value) -> String {
    match (art, v) {
        (_, Value::String(s)) => s.clone(),
        (Art::Janein, Value::Bool(b)) => if *b { "ja" } else { "nein" }.to_owned(),
        (Art::Betrag, Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(0.0);
            format!("{x:.2}").replace('.', ",")
        }
        (_, Value::Null) => String::new(),
        (_, other) => other.to_string(),
    }
}

/// Reads a posted page into the answers: each shown field of `schritt`
/// (for a list every entry's fields, `liste.0.sub`) is set or removed.
/// Fields of other steps are left as they are.
pub(crate) fn uebernehmen(f: &Formular, schritt: usize, a: &mut Antworten, eingabe: &[(String, String)]) {
    let d = durchlauf(f, a);
    let Some((_, felder)) = d.schritte.iter().find(|(i, _)| *i == schritt) else { return };
    let erstes = |name: &str| eingabe.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    for &j in felder {
        let feld = &f.dok.schritte[schritt].felder[j];
        let neu = match feld.art {
            Art::Mehrfach => {
                let werte: Vec<Value> = eingabe
                    .iter()
                    .filter(|(k, v)| k == &feld.name && !v.trim().is_empty())
                    .map(|(_, v)| Value::String(v.trim().to_owned()))
                    .collect();
                (!werte.is_empty()).then_some(Value::Array(werte))
            }
            Art::Liste => {
                let n = eintraege(feld, &d.antworten);
                let liste: Vec<Value> = (0..n)
                    .map(|k| {
                        let mut eintrag = Map::new();
                        for u in &feld.felder {
                            if let Some(v) = erstes(&format!("{}.{k}.{}", feld.name, u.name)).and_then(|r| wert(u.art, r)) {
                                eintrag.insert(u.name.clone(), v);
                            }
                        }
                        Value::Object(eintrag)
                    })
                    .collect();
                (n > 0).then_some(Value::Array(liste))
            }
            art => erstes(&feld.name).and_then(|r| wert(art, r)),
        };
        match neu {
            Some(v) => a.insert(feld.name.clone(), v),
            None => a.remove(&feld.name),
        };
    }
}

/// The schema's errors for the shown answers, as field errors.
pub(crate) fn fehler(f: &Formular, d: &Durchlauf) -> Vec<FeldFehler> {
    use jsonschema::error::ValidationErrorKind as K;
    let instanz = Value::Object(d.antworten.clone());
    let mut out: Vec<FeldFehler> = Vec::new();
    for e in f.validator.iter_errors(&instanz) {
        let pfad = e.instance_path().as_str().trim_start_matches('/').replace('/', ".");
        let (feld, art) = match e.kind() {
            K::Required { property } => {
                let p = property.as_str().unwrap_or_default();
                (if pfad.is_empty() { p.to_owned() } else { format!("{pfad}.{p}") }, FehlerArt::Pflicht)
            }
            K::AdditionalProperties { unexpected } => (pfad, FehlerArt::Unbekannt(unexpected.clone())),
            K::Type { .. } => (pfad, FehlerArt::Typ),
            K::MinLength { limit } => (pfad, FehlerArt::ZuKurz(*limit)),
            K::MaxLength { limit } => (pfad, FehlerArt::ZuLang(*limit)),
            K::Minimum { limit } | K::ExclusiveMinimum { limit } => (pfad, FehlerArt::Minimum(limit.as_f64().unwrap_or(0.0))),
            K::Maximum { limit } | K::ExclusiveMaximum { limit } => (pfad, FehlerArt::Maximum(limit.as_f64().unwrap_or(0.0))),
            K::Format { .. } | K::Pattern { .. } => (pfad, FehlerArt::Format),
            K::Enum { .. } | K::Constant { .. } => (pfad, FehlerArt::Auswahl),
            K::MinItems { .. } | K::MaxItems { .. } | K::UniqueItems => (pfad, FehlerArt::Anzahl),
            _ => (pfad, FehlerArt::Regel),
        };
        // A choice of a multiple choice names the field, not the item.
        let feld = mehrfach_feld(f, feld);
        if !out.iter().any(|o| o.feld == feld) {
            out.push(FeldFehler { feld, art });
        }
    }
    out
}

/// "aenderungen.1" (an item of a multiple choice) → "aenderungen".
fn mehrfach_feld(f: &Formular, feld: String) -> String {
    let mut teile = feld.split('.');
    let oben = teile.next().unwrap_or("");
    match (f.dok.feld(oben), teile.next()) {
        (Some((_, x)), Some(_)) if x.art == Art::Mehrfach => oben.to_owned(),
        _ => feld,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posted_text_becomes_the_kind_or_stays_text() {
        assert_eq!(wert(Art::Zahl, " 3 "), Some(Value::from(3)));
        assert_eq!(wert(Art::Zahl, "drei"), Some(Value::from("drei")));
        assert_eq!(wert(Art::Betrag, "1.234,56 €"), Some(Value::from(1234.56)));
        assert_eq!(wert(Art::Betrag, "1234.5"), Some(Value::from(1234.5)));
        assert_eq!(wert(Art::Betrag, "12,345"), Some(Value::from(12.35)));
        assert_eq!(wert(Art::Betrag, "zwölf"), Some(Value::from("zwölf")));
        assert_eq!(wert(Art::Janein, "ja"), Some(Value::Bool(true)));
        assert_eq!(wert(Art::Datum, "7.12.2026"), Some(Value::from("2026-12-07")));
        assert_eq!(wert(Art::Datum, "2026-12-07"), Some(Value::from("2026-12-07")));
        assert_eq!(wert(Art::Iban, "de89 3704 0044 0532 0130 00"), Some(Value::from("DE89370400440532013000")));
        assert_eq!(wert(Art::Text, "   "), None);
        assert_eq!(wert(Art::Langtext, "a\r\nb"), Some(Value::from("a\nb")));
        assert_eq!(anzeigen(Art::Betrag, &Value::from(1234.5)), "1234,50");
        assert_eq!(anzeigen(Art::Janein, &Value::Bool(false)), "nein");
    }
}
