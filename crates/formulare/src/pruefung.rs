//! Checking a definition before it is stored: every problem with the place
//! it is at ("schritte[2].felder[0] (\"einkommen\"): …"), all at once.

use crate::bedingung::Bedingung;
use crate::definition::{Art, Dokument, MAX_EINTRAEGE, MAX_TEXTLAENGE, RECHTE, SPRACHEN, TEAMS};
use serde_json::Value;
use std::collections::{BTreeSet, HashSet};

/// One problem of a definition: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mangel {
    pub ort: String,
    pub was: String,
}

impl std::fmt::Display for Mangel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.ort, self.was)
    }
}

struct Befund(Vec<Mangel>);

impl Befund {
    fn add(&mut self, ort: impl Into<String>, was: impl Into<String>) {
        self.0.push(Mangel { ort: ort.into(), was: was.into() });
    }
}

fn schluessel_ok(s: &str) -> bool {
    !s.is_empty() && s.len() <= 60 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Parses the conditions in place and checks the whole document; the
/// schema's validator, compiled once for the check, comes back for use.
pub fn pruefen(d: &mut Dokument) -> (Vec<Mangel>, Option<jsonschema::Validator>) {
    let mut b = Befund(Vec::new());
    if !schluessel_ok(&d.formular) {
        b.add("formular", "nur Kleinbuchstaben, Ziffern, \"-\" und \"_\" (höchstens 60 Zeichen)");
    }
    if d.version == 0 {
        b.add("version", "beginnt bei 1");
    }
    if !TEAMS.contains(&d.team.as_str()) {
        b.add("team", format!("\"{}\" ist keines von {TEAMS:?}", d.team));
    }
    if let Some(r) = &d.recht
        && !RECHTE.contains(&r.as_str())
    {
        b.add("recht", format!("\"{r}\" ist keines von {RECHTE:?}"));
    }
    if d.schritte.is_empty() {
        b.add("schritte", "mindestens ein Schritt");
    }
    bedingungen_lesen(d, &mut b);
    let validator = schema_pruefen(d, &mut b);
    felder_pruefen(d, &mut b);
    texte_pruefen(d, &mut b);
    (b.0, validator)
}

fn bedingung(roh: &Option<Value>, ort: &str, b: &mut Befund) -> Option<Bedingung> {
    let v = roh.as_ref()?;
    match Bedingung::parse(v) {
        Ok(c) => Some(c),
        Err(e) => {
            b.add(format!("{ort}.wenn"), e);
            None
        }
    }
}

fn bedingungen_lesen(d: &mut Dokument, b: &mut Befund) {
    for (i, s) in d.schritte.iter_mut().enumerate() {
        s.wenn = bedingung(&s.wenn_roh, &format!("schritte[{i}]"), b);
        for (j, f) in s.felder.iter_mut().enumerate() {
            let ort = format!("schritte[{i}].felder[{j}]");
            f.wenn = bedingung(&f.wenn_roh, &ort, b);
            for (k, u) in f.felder.iter().enumerate() {
                if u.wenn_roh.is_some() || u.art == Art::Liste {
                    b.add(format!("{ort}.felder[{k}]"), "Felder eines Eintrags haben keine Bedingung und keine Liste");
                }
            }
        }
    }
    for (i, a) in d.anhaenge.iter_mut().enumerate() {
        a.wenn = bedingung(&a.wenn_roh, &format!("anhaenge[{i}]"), b);
    }
}

fn schema_pruefen(d: &Dokument, b: &mut Befund) -> Option<jsonschema::Validator> {
    if d.schema.get("$schema").and_then(Value::as_str) != Some("https://json-schema.org/draft/2020-12/schema") {
        b.add("schema.$schema", "muss \"https://json-schema.org/draft/2020-12/schema\" sein");
    }
    if let Err(e) = jsonschema::draft202012::meta::validate(&d.schema) {
        b.add(format!("schema{}", e.instance_path().as_str().replace('/', ".")), format!("kein gültiges JSON Schema: {e}"));
        return None;
    }
    let validator = crate::validator(&d.schema).map_err(|e| b.add("schema", format!("lässt sich nicht übersetzen: {e}"))).ok();
    if d.schema.get("type").and_then(Value::as_str) != Some("object") {
        b.add("schema.type", "muss \"object\" sein");
    }
    if d.schema.get("additionalProperties") != Some(&Value::Bool(false)) {
        b.add("schema.additionalProperties", "muss false sein (unbekannte Felder werden abgelehnt)");
    }
    if let Some(p) = d.schema.get("properties").and_then(Value::as_object) {
        let felder: HashSet<String> = d.alle_felder().into_iter().map(|(_, n, _)| n).collect();
        for name in p.keys() {
            if !felder.contains(name) {
                b.add(format!("schema.properties.{name}"), "kein Schritt fragt dieses Feld");
            }
        }
    } else {
        b.add("schema.properties", "fehlt");
    }
    validator
}

fn felder_pruefen(d: &Dokument, b: &mut Befund) {
    let mut namen = HashSet::new();
    let mut schritte = HashSet::new();
    for (i, s) in d.schritte.iter().enumerate() {
        if !schluessel_ok(&s.id) || !schritte.insert(s.id.as_str()) {
            b.add(format!("schritte[{i}].id"), format!("\"{}\" fehlt, ist doppelt oder enthält andere Zeichen", s.id));
        }
        if s.felder.is_empty() {
            b.add(format!("schritte[{i}].felder"), "mindestens ein Feld");
        }
        if let Some(c) = &s.wenn {
            bezuege(d, c, Some(i), &format!("schritte[{i}].wenn"), b);
        }
        for (j, f) in s.felder.iter().enumerate() {
            let ort = format!("schritte[{i}].felder[{j}] (\"{}\")", f.name);
            if !schluessel_ok(&f.name) || f.name.contains('.') || !namen.insert(f.name.as_str()) {
                b.add(&ort, "Name fehlt, ist doppelt oder enthält andere Zeichen");
            }
            if let Some(c) = &f.wenn {
                bezuege(d, c, Some(i), &format!("{ort}.wenn"), b);
            }
            feld_schema(d, &f.name, f.art, &ort, b);
            if f.art == Art::Liste {
                liste_pruefen(d, i, f, &ort, b);
            } else if f.anzahl.is_some() || !f.felder.is_empty() {
                b.add(&ort, "\"anzahl\" und \"felder\" nur bei der Art \"liste\"");
            }
        }
    }
    let mut anhaenge = HashSet::new();
    for (i, a) in d.anhaenge.iter().enumerate() {
        if !schluessel_ok(&a.id) || !anhaenge.insert(a.id.as_str()) {
            b.add(format!("anhaenge[{i}].id"), format!("\"{}\" fehlt, ist doppelt oder enthält andere Zeichen", a.id));
        }
        if let Some(c) = &a.wenn {
            bezuege(d, c, None, &format!("anhaenge[{i}].wenn"), b);
        }
    }
}

fn liste_pruefen(d: &Dokument, schritt: usize, f: &crate::definition::Feld, ort: &str, b: &mut Befund) {
    match f.anzahl.as_deref().map(|n| (n, d.feld(n))) {
        None => b.add(ort, "eine \"liste\" braucht \"anzahl\" (ein Zahlfeld eines früheren Schritts)"),
        Some((n, None)) => b.add(format!("{ort}.anzahl"), format!("Feld \"{n}\" gibt es nicht")),
        Some((n, Some((i, z)))) => {
            if z.art != Art::Zahl || i >= schritt {
                b.add(format!("{ort}.anzahl"), format!("\"{n}\" muss ein Zahlfeld eines früheren Schritts sein"));
            }
            let max = d.schema_von(n).and_then(|s| s.get("maximum")).and_then(Value::as_u64);
            if max.is_none_or(|m| m > MAX_EINTRAEGE) {
                b.add(format!("schema.properties.{n}.maximum"), format!("höchstens {MAX_EINTRAEGE} (die Zahl der Einträge)"));
            }
        }
    }
    if f.felder.is_empty() {
        b.add(format!("{ort}.felder"), "mindestens ein Feld je Eintrag");
    }
    let mut namen = HashSet::new();
    for (k, u) in f.felder.iter().enumerate() {
        let uort = format!("{ort}.felder[{k}] (\"{}\")", u.name);
        if !schluessel_ok(&u.name) || !namen.insert(u.name.as_str()) {
            b.add(&uort, "Name fehlt, ist doppelt oder enthält andere Zeichen");
        }
        feld_schema(d, &format!("{}.{}", f.name, u.name), u.art, &uort, b);
    }
}

/// The field's schema must exist, have the type its kind stores, offer
/// choices for a choice, and limit every text.
fn feld_schema(d: &Dokument, pfad: &str, art: Art, ort: &str, b: &mut Befund) {
    let sort = format!("schema.properties.{}", pfad.replace('.', ".items.properties."));
    let Some(s) = d.schema_von(pfad) else {
        b.add(ort, format!("das Schema hat kein Feld \"{pfad}\" ({sort})"));
        return;
    };
    if s.get("type").and_then(Value::as_str) != Some(art.json_typ()) {
        b.add(format!("{sort}.type"), format!("die Art \"{}\" braucht \"{}\"", art.as_str(), art.json_typ()));
    }
    match art {
        Art::Auswahl | Art::Mehrfach if d.werte(pfad, art).is_empty() => {
            b.add(&sort, "eine Auswahl braucht \"enum\" (bei \"mehrfach\" in \"items\")")
        }
        Art::Datum if s.get("format").and_then(Value::as_str) != Some("date") => b.add(&sort, "ein Datum braucht \"format\": \"date\""),
        Art::Iban if s.get("format").and_then(Value::as_str) != Some("iban") => b.add(&sort, "eine IBAN braucht \"format\": \"iban\""),
        Art::Text | Art::Langtext | Art::Bescheid | Art::Iban => match s.get("maxLength").and_then(Value::as_u64) {
            Some(n) if n <= MAX_TEXTLAENGE => {}
            _ => b.add(format!("{sort}.maxLength"), format!("jeder Text braucht \"maxLength\" (höchstens {MAX_TEXTLAENGE})")),
        },
        Art::Liste if s.get("items").and_then(|i| i.get("additionalProperties")) != Some(&Value::Bool(false)) => {
            b.add(format!("{sort}.items.additionalProperties"), "muss false sein")
        }
        _ => {}
    }
}

/// A condition may read only fields of earlier steps (the page is shown
/// without JavaScript, so its own answers are not known yet); for
/// attachments (`schritt` None) any field.
fn bezuege(d: &Dokument, c: &Bedingung, schritt: Option<usize>, ort: &str, b: &mut Befund) {
    for name in c.felder() {
        match d.feld(name) {
            None => b.add(ort, format!("Feld \"{name}\" gibt es nicht")),
            Some((i, _)) if schritt.is_some_and(|s| i >= s) => {
                b.add(ort, format!("Feld \"{name}\" wird erst auf diesem oder einem späteren Schritt gefragt"))
            }
            _ => {}
        }
    }
}

/// The keys every language must have, and the optional ones it may have.
fn texte_pruefen(d: &Dokument, b: &mut Befund) {
    let mut pflicht: BTreeSet<String> = ["titel", "zweck"].into_iter().map(String::from).collect();
    let mut erlaubt: BTreeSet<String> = ["hinweis", "bearbeitung"].into_iter().map(String::from).collect();
    for s in &d.schritte {
        pflicht.insert(format!("schritt.{}", s.id));
        erlaubt.insert(format!("schritt.{}.hilfe", s.id));
    }
    for (_, name, f) in d.alle_felder() {
        pflicht.insert(format!("feld.{name}"));
        erlaubt.insert(format!("feld.{name}.hilfe"));
        erlaubt.insert(format!("feld.{name}.fehler"));
        if matches!(f.art, Art::Auswahl | Art::Mehrfach) {
            for w in d.werte(&name, f.art) {
                pflicht.insert(format!("wert.{name}.{}", w.as_str().unwrap_or_default()));
            }
        }
    }
    for a in &d.anhaenge {
        pflicht.insert(format!("anhang.{}", a.id));
        erlaubt.insert(format!("anhang.{}.hilfe", a.id));
    }
    for sprache in d.texte.keys() {
        if !SPRACHEN.contains(&sprache.as_str()) {
            b.add(format!("texte.{sprache}"), format!("unbekannte Sprache (erwartet {SPRACHEN:?})"));
        }
    }
    let leer = Default::default();
    let de = d.texte.get("de").unwrap_or(&leer);
    for sprache in SPRACHEN {
        let Some(t) = d.texte.get(sprache) else {
            b.add(format!("texte.{sprache}"), "die Texte dieser Sprache fehlen");
            continue;
        };
        for k in &pflicht {
            if t.get(k).is_none_or(|v| v.trim().is_empty()) {
                b.add(format!("texte.{sprache}.{k}"), "fehlt");
            }
        }
        for k in t.keys() {
            if !pflicht.contains(k) && !erlaubt.contains(k) {
                b.add(format!("texte.{sprache}.{k}"), "kein Feld, Schritt, Wert oder Anhang dieses Namens");
            } else if sprache != "de" && !de.contains_key(k) {
                b.add(format!("texte.de.{k}"), format!("fehlt (in \"{sprache}\" vorhanden)"));
            }
        }
        if sprache != "de" {
            for k in de.keys().filter(|k| erlaubt.contains(*k) && !t.contains_key(*k)) {
                b.add(format!("texte.{sprache}.{k}"), "fehlt (in \"de\" vorhanden)");
            }
        }
    }
}
