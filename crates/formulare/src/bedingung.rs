//! Conditions ("wenn") that show or skip a step, a field or an attachment,
//! evaluated on the server against the answers given so far.
//!
//! ```json
//! {"feld": "einkommen", "ist": true}
//! {"feld": "wohnform", "in": ["miete", "eigentum"]}
//! {"feld": "aenderungen", "enthaelt": "einkommen"}
//! {"feld": "iban", "beantwortet": true}
//! {"alle": [ … ]}   {"eine": [ … ]}   {"nicht": { … }}
//! ```

use serde_json::{Map, Value};

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Bedingung {
    /// The answer equals the value.
    Ist {
        feld: String,
        wert: Value,
    },
    /// The answer is one of the values.
    In {
        feld: String,
        werte: Vec<Value>,
    },
    /// A multiple choice answer contains the value.
    Enthaelt {
        feld: String,
        wert: Value,
    },
    /// The field is answered (or not).
    Beantwortet {
        feld: String,
        ja: bool,
    },
    Alle(Vec<Bedingung>),
    Eine(Vec<Bedingung>),
    Nicht(Box<Bedingung>),
}

impl Bedingung {
    /// Parses a condition; the error says what is wrong (the caller adds
    /// the place).
    pub fn parse(v: &Value) -> Result<Self, String> {
        let Some(o) = v.as_object() else { return Err("eine Bedingung ist ein Objekt".into()) };
        let liste = |v: &Value| -> Result<Vec<Bedingung>, String> {
            let a = v.as_array().ok_or("erwartet eine Liste von Bedingungen")?;
            if a.is_empty() {
                return Err("die Liste der Bedingungen ist leer".into());
            }
            a.iter().map(Bedingung::parse).collect()
        };
        let schluessel: Vec<&str> = o.keys().map(String::as_str).collect();
        match schluessel.as_slice() {
            ["alle"] => Ok(Bedingung::Alle(liste(&o["alle"])?)),
            ["eine"] => Ok(Bedingung::Eine(liste(&o["eine"])?)),
            ["nicht"] => Ok(Bedingung::Nicht(Box::new(Bedingung::parse(&o["nicht"])?))),
            _ => {
                let feld = o.get("feld").and_then(Value::as_str).ok_or("\"feld\" fehlt oder ist kein Text")?.to_owned();
                if o.len() != 2 {
                    return Err("erwartet \"feld\" und genau eines von \"ist\", \"in\", \"enthaelt\", \"beantwortet\"".into());
                }
                if let Some(w) = o.get("ist") {
                    Ok(Bedingung::Ist { feld, wert: w.clone() })
                } else if let Some(w) = o.get("in") {
                    let werte = w.as_array().ok_or("\"in\" erwartet eine Liste")?.clone();
                    Ok(Bedingung::In { feld, werte })
                } else if let Some(w) = o.get("enthaelt") {
                    Ok(Bedingung::Enthaelt { feld, wert: w.clone() })
                } else if let Some(w) = o.get("beantwortet") {
                    Ok(Bedingung::Beantwortet { feld, ja: w.as_bool().ok_or("\"beantwortet\" erwartet true oder false")? })
                } else {
                    Err("unbekannte Bedingung: erwartet \"ist\", \"in\", \"enthaelt\" oder \"beantwortet\"".into())
                }
            }
        }
    }

    /// Whether it holds for these answers. An unanswered field equals
    /// nothing and contains nothing.
    pub fn gilt(&self, antworten: &Map<String, Value>) -> bool {
        match self {
            Bedingung::Ist { feld, wert } => antworten.get(feld) == Some(wert),
            Bedingung::In { feld, werte } => antworten.get(feld).is_some_and(|a| werte.contains(a)),
            Bedingung::Enthaelt { feld, wert } => antworten.get(feld).and_then(Value::as_array).is_some_and(|a| a.contains(wert)),
            Bedingung::Beantwortet { feld, ja } => antworten.contains_key(feld) == *ja,
            Bedingung::Alle(b) => b.iter().all(|b| b.gilt(antworten)),
            Bedingung::Eine(b) => b.iter().any(|b| b.gilt(antworten)),
            Bedingung::Nicht(b) => !b.gilt(antworten),
        }
    }

    /// Every field the condition reads.
    pub fn felder(&self) -> Vec<&str> {
        match self {
            Bedingung::Ist { feld, .. }
            | Bedingung::In { feld, .. }
            | Bedingung::Enthaelt { feld, .. }
            | Bedingung::Beantwortet { feld, .. } => vec![feld.as_str()],
            Bedingung::Alle(b) | Bedingung::Eine(b) => b.iter().flat_map(Bedingung::felder).collect(),
            Bedingung::Nicht(b) => b.felder(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn antworten(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn conditions_combine_and_an_unanswered_field_matches_nothing() {
        let b = Bedingung::parse(&json!({"alle": [
            {"feld": "einkommen", "ist": true},
            {"eine": [{"feld": "art", "in": ["lohn", "rente"]}, {"feld": "extra", "enthaelt": "x"}]},
            {"nicht": {"feld": "ende", "beantwortet": true}}
        ]}))
        .unwrap();
        assert_eq!(b.felder(), vec!["einkommen", "art", "extra", "ende"]);
        assert!(b.gilt(&antworten(json!({"einkommen": true, "art": "rente"}))));
        assert!(b.gilt(&antworten(json!({"einkommen": true, "extra": ["y", "x"]}))));
        assert!(!b.gilt(&antworten(json!({"einkommen": true, "art": "rente", "ende": "2026-01-01"}))));
        assert!(!b.gilt(&antworten(json!({"einkommen": false, "art": "rente"}))));
        assert!(!b.gilt(&antworten(json!({}))));
    }

    #[test]
    fn malformed_conditions_say_what_is_wrong() {
        for (v, msg) in [
            (json!([]), "Objekt"),
            (json!({"alle": []}), "leer"),
            (json!({"feld": "a"}), "genau eines"),
            (json!({"feld": "a", "gleich": 1}), "unbekannte"),
            (json!({"feld": 3, "ist": 1}), "\"feld\""),
            (json!({"feld": "a", "in": 1}), "Liste"),
            (json!({"feld": "a", "beantwortet": "ja"}), "true oder false"),
        ] {
            let e = Bedingung::parse(&v).unwrap_err();
            assert!(e.contains(msg), "{v}: {e}");
        }
    }
}
