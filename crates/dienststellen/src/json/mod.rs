//! The JSON form of the directory (docs/DIENSTSTELLEN.md). Syntax errors
//! come from serde_json with their line; then the tree with a line per
//! value ([`roh`]) is read field by field, every problem at the line of
//! its value, unknown and duplicate keys included.

mod roh;
mod schreiben;

pub(crate) use schreiben::als_json;

use crate::Fehler;
use crate::modell::{Ausnahme, Dienststelle, Jobcenter, Notfall, Oeffnungszeiten, Verzeichnis, WOCHENTAGE, Zustaendigkeit};
use crate::pruefung::{Befund, DienststellenOrte, JobcenterOrte, Ort, Orte, pruefen};
use crate::{Bundesland, werte};
use roh::{Knoten, Wert};

/// Reads and checks a JSON directory; every problem with its line.
pub fn lesen_json(text: &str) -> Result<Verzeichnis, Vec<Fehler>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Fehler { zeile: 1, meldung: "die Datei ist leer".to_owned() }]);
    }
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        // serde_json's own words (English), without its "at line … column …".
        let roh = e.to_string();
        let was = roh.rsplit_once(" at line ").map_or(roh.as_str(), |(was, _)| was);
        return Err(vec![Fehler { zeile: e.line().max(1), meldung: format!("kein gültiges JSON (Spalte {}): {was}", e.column()) }]);
    }
    let baum = roh::parsen(text).map_err(|meldung| vec![Fehler { zeile: 1, meldung }])?;
    let mut b = Befund::default();
    let mut orte = Orte::new();
    let mut jobcenter = Vec::new();
    if let Some(mut datei) = Obj::neu(&baum, "die Datei", &mut b) {
        for k in datei.liste("jobcenter", true, &mut b) {
            let mut o = JobcenterOrte::default();
            if let Some(jc) = jobcenter_lesen(k, &mut o, &mut b) {
                jobcenter.push(jc);
                orte.push(o);
            }
        }
        datei.ende(&mut b);
    }
    let v = Verzeichnis { jobcenter };
    pruefen(&v, &orte, &mut b);
    b.ergebnis(v)
}

fn jobcenter_lesen(k: &Knoten, o: &mut JobcenterOrte, b: &mut Befund) -> Option<Jobcenter> {
    o.ort = Ort::neu(k.zeile);
    let mut obj = Obj::neu(k, "ein Jobcenter", b)?;
    // Texts the rules check (ids, names, …) are read as optional: a
    // missing one is reported once, as "fehlt oder ist leer".
    let id = obj.text("id", false, &mut o.ort, b).unwrap_or_default();
    if !id.is_empty() {
        obj.was = format!("Jobcenter \"{id}\"");
    }
    let name = obj.text("name", false, &mut o.ort, b).unwrap_or_default();
    let land = obj.text("bundesland", true, &mut o.ort, b);
    let bundesland = land.as_deref().and_then(Bundesland::parse).unwrap_or_else(|| {
        if let Some(land) = &land {
            b.add(o.ort.von("bundesland"), format!("{}: \"bundesland\" \"{land}\" ist kein Kürzel wie BY oder BE", obj.was));
        }
        Bundesland::Be
    });
    let telefon = obj.text("telefon", false, &mut o.ort, b);
    let email = obj.text("email", false, &mut o.ort, b);
    let webseite = obj.text("webseite", false, &mut o.ort, b);
    let mut zustaendigkeit = Vec::new();
    for z in obj.liste("zustaendigkeit", true, b) {
        let mut zo = Ort::neu(z.zeile);
        let plz = match &z.wert {
            Wert::Text(plz) => Some(Zustaendigkeit { plz: plz.trim().to_owned(), gebiet: None }),
            _ => Obj::neu(z, &format!("{}: ein Eintrag der \"zustaendigkeit\" (Text oder Objekt)", obj.was), b).map(|mut zobj| {
                let plz = zobj.text("plz", false, &mut zo, b).unwrap_or_default();
                let gebiet = zobj.text("gebiet", false, &mut zo, b);
                zobj.ende(b);
                Zustaendigkeit { plz, gebiet }
            }),
        };
        if let Some(plz) = plz {
            zustaendigkeit.push(plz);
            o.zustaendigkeit.push(zo);
        }
    }
    let mut dienststellen = Vec::new();
    for d in obj.liste("dienststellen", true, b) {
        let mut dorte = DienststellenOrte::default();
        if let Some(d) = dienststelle_lesen(d, &mut dorte, b) {
            dienststellen.push(d);
            o.dienststellen.push(dorte);
        }
    }
    obj.ende(b);
    Some(Jobcenter { id, name, bundesland, telefon, email, webseite, dienststellen, zustaendigkeit })
}

fn dienststelle_lesen(k: &Knoten, o: &mut DienststellenOrte, b: &mut Befund) -> Option<Dienststelle> {
    o.ort = Ort::neu(k.zeile);
    let mut obj = Obj::neu(k, "eine Dienststelle", b)?;
    let ort = &mut o.ort;
    let mut text = |feld, obj: &mut Obj, b: &mut Befund| obj.text(feld, false, ort, b).unwrap_or_default();
    let id = text("id", &mut obj, b);
    if !id.is_empty() {
        obj.was = format!("Dienststelle \"{id}\"");
    }
    let (name, strasse, plz) = (text("name", &mut obj, b), text("strasse", &mut obj, b), text("plz", &mut obj, b));
    let (stadt, telefon) = (text("ort", &mut obj, b), text("telefon", &mut obj, b));
    let (barrierefreiheit, oepnv) = (text("barrierefreiheit", &mut obj, b), text("oepnv", &mut obj, b));
    let email = obj.text("email", false, &mut o.ort, b);
    let zeiten = zeiten_lesen(&mut obj, &mut o.ausnahmen, b);
    let notfall = obj.hole("notfall").filter(|n| n.wert != Wert::Null).and_then(|n| {
        o.notfall = Ort::neu(n.zeile);
        let mut nobj = Obj::neu(n, &format!("{}: \"notfall\"", obj.was), b)?;
        nobj.was = format!("{}, Notfall", obj.was);
        let telefon = nobj.text("telefon", false, &mut o.notfall, b);
        let hinweis = nobj.text("hinweis", false, &mut o.notfall, b).unwrap_or_default();
        let zeiten = zeiten_lesen(&mut nobj, &mut o.notfall_ausnahmen, b);
        nobj.ende(b);
        Some(Notfall { telefon, hinweis, zeiten })
    });
    obj.ende(b);
    Some(Dienststelle { id, name, strasse, plz, ort: stadt, telefon, email, zeiten, notfall, barrierefreiheit, oepnv })
}

/// "oeffnungszeiten" (required), "ausnahmen" and "feiertags_geschlossen"
/// of an office or its emergency desk.
fn zeiten_lesen(obj: &mut Obj, orte: &mut Vec<Ort>, b: &mut Befund) -> Oeffnungszeiten {
    let mut z = Oeffnungszeiten::default();
    let was = obj.was.clone();
    match obj.hole("oeffnungszeiten") {
        None => b.add(obj.zeile, format!("{was}: \"oeffnungszeiten\" fehlt")),
        Some(k) => {
            if let Some(mut woche) = Obj::neu(k, &format!("{was}: \"oeffnungszeiten\""), b) {
                for (i, tag) in WOCHENTAGE.iter().enumerate() {
                    if let Some(k) = woche.hole(tag) {
                        z.woche[i] = spannen(k, &format!("{was}: \"{tag}\""), b);
                    }
                }
                woche.ende(b);
            }
        }
    }
    for k in obj.liste("ausnahmen", false, b) {
        let mut ort = Ort::neu(k.zeile);
        let Some(mut a) = Obj::neu(k, &format!("{was}: eine Ausnahme"), b) else { continue };
        let datum = a.text("datum", true, &mut ort, b);
        let am = datum.as_deref().unwrap_or("?");
        let spannen = match a.hole("zeiten") {
            Some(k) => spannen(k, &format!("{was}: Ausnahme am {am}"), b),
            None => {
                b.add(k.zeile, format!("{was}: Ausnahme am {am}: \"zeiten\" fehlt ([] für geschlossen)"));
                Vec::new()
            }
        };
        let hinweis = a.text("hinweis", false, &mut ort, b);
        a.ende(b);
        let Some(datum) = datum else { continue };
        let datum = match werte::datum(&datum) {
            Ok(d) => d,
            Err(e) => {
                b.add(ort.von("datum"), format!("{was}: {e}"));
                continue;
            }
        };
        z.ausnahmen.push(Ausnahme { datum, spannen, hinweis });
        orte.push(ort);
    }
    match obj.hole("feiertags_geschlossen").map(|k| (k.zeile, &k.wert)) {
        None | Some((_, Wert::Null)) => {}
        Some((_, Wert::Bool(j))) => z.feiertags_geschlossen = *j,
        Some((zeile, w)) => b.add(zeile, format!("{was}: \"feiertags_geschlossen\" ist {} statt true oder false", w.art())),
    }
    z
}

/// A list of spans ["08:00-12:00", …]; every problem at its line.
fn spannen(k: &Knoten, was: &str, b: &mut Befund) -> Vec<crate::Spanne> {
    let Wert::Liste(liste) = &k.wert else {
        b.add(k.zeile, format!("{was} ist {} statt einer Liste wie [\"08:00-12:00\"]", k.wert.art()));
        return Vec::new();
    };
    let mut texte = Vec::new();
    for e in liste {
        match &e.wert {
            Wert::Text(t) => texte.push(t.as_str()),
            w => b.add(e.zeile, format!("{was}: ein Eintrag ist {} statt eines Texts wie \"08:00-12:00\"", w.art())),
        }
    }
    werte::tag(texte).unwrap_or_else(|fehler| {
        for f in fehler {
            b.add(k.zeile, format!("{was}: {f}"));
        }
        Vec::new()
    })
}

/// An object being read: keys taken are marked; the rest are unknown.
struct Obj<'a> {
    zeile: usize,
    eintraege: &'a [(String, Knoten)],
    genutzt: Vec<bool>,
    /// "Jobcenter \"x\"", for messages.
    was: String,
}

impl<'a> Obj<'a> {
    /// `None` (and a problem) if `k` is no object; duplicate keys reported.
    fn neu(k: &'a Knoten, was: &str, b: &mut Befund) -> Option<Self> {
        let Wert::Objekt(eintraege) = &k.wert else {
            b.add(k.zeile, format!("{was} ist {} statt eines Objekts {{…}}", k.wert.art()));
            return None;
        };
        for (i, (s, v)) in eintraege.iter().enumerate() {
            if eintraege[..i].iter().any(|(t, _)| t == s) {
                b.add(v.zeile, format!("{was}: der Schlüssel \"{s}\" steht doppelt"));
            }
        }
        Some(Self { zeile: k.zeile, eintraege, genutzt: vec![false; eintraege.len()], was: was.to_owned() })
    }

    fn hole(&mut self, schluessel: &str) -> Option<&'a Knoten> {
        let i = self.eintraege.iter().position(|(s, _)| s == schluessel)?;
        self.genutzt[i] = true;
        Some(&self.eintraege[i].1)
    }

    /// A text; a missing required one is a problem, an empty optional one
    /// is `None`. Its line goes into `ort`.
    fn text(&mut self, feld: &'static str, pflicht: bool, ort: &mut Ort, b: &mut Befund) -> Option<String> {
        match self.hole(feld) {
            None | Some(Knoten { wert: Wert::Null, .. }) if pflicht => {
                b.add(self.zeile, format!("{}: \"{feld}\" fehlt", self.was));
                None
            }
            None | Some(Knoten { wert: Wert::Null, .. }) => None,
            Some(Knoten { zeile, wert: Wert::Text(t) }) => {
                ort.merken(feld, *zeile);
                let t = t.trim();
                (pflicht || !t.is_empty()).then(|| t.to_owned())
            }
            Some(k) => {
                b.add(k.zeile, format!("{}: \"{feld}\" ist {} statt eines Texts", self.was, k.wert.art()));
                None
            }
        }
    }

    /// The entries of a list (none if missing or not a list).
    fn liste(&mut self, feld: &str, pflicht: bool, b: &mut Befund) -> &'a [Knoten] {
        match self.hole(feld) {
            Some(Knoten { wert: Wert::Liste(l), .. }) => l,
            None | Some(Knoten { wert: Wert::Null, .. }) => {
                if pflicht {
                    b.add(self.zeile, format!("{}: \"{feld}\" fehlt", self.was));
                }
                &[]
            }
            Some(k) => {
                b.add(k.zeile, format!("{}: \"{feld}\" ist {} statt einer Liste", self.was, k.wert.art()));
                &[]
            }
        }
    }

    /// Reports the keys nobody took.
    fn ende(self, b: &mut Befund) {
        for (i, ((s, k), genutzt)) in self.eintraege.iter().zip(self.genutzt).enumerate() {
            // A duplicate is reported as such, not as unknown as well.
            if !genutzt && !self.eintraege[..i].iter().any(|(t, _)| t == s) {
                b.add(k.zeile, format!("{}: unbekannter Schlüssel \"{s}\"", self.was));
            }
        }
    }
}
