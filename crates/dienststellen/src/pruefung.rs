//! The rules over the whole directory, after a reader has turned the file
//! into values: ids, postcodes (also those shared by several jobcenters),
//! addresses, e-mail, phone, dated exceptions. The readers keep, beside
//! the values, the line each came from ([`Orte`]), so every problem
//! names its line. Problems of single values (a time, a date, a state's
//! code, an unknown key) the readers report themselves.

use crate::Fehler;
use crate::modell::{Oeffnungszeiten, Verzeichnis};
use crate::werte::{email_plausibel, id_gueltig, plz_gueltig};
use std::collections::{BTreeMap, HashMap};

/// The problems found so far.
#[derive(Debug, Default)]
pub(crate) struct Befund(pub Vec<Fehler>);

impl Befund {
    pub fn add(&mut self, zeile: usize, meldung: impl Into<String>) {
        self.0.push(Fehler { zeile, meldung: meldung.into() });
    }

    /// Every problem, by line (those of one line in the order found).
    pub fn ergebnis<T>(mut self, wert: T) -> Result<T, Vec<Fehler>> {
        if self.0.is_empty() {
            return Ok(wert);
        }
        self.0.sort_by_key(|f| f.zeile);
        Err(self.0)
    }
}

/// Where one element stands: its first line, and the lines of single
/// fields where they differ (JSON spreads an object over lines).
#[derive(Debug, Default, Clone)]
pub(crate) struct Ort {
    pub zeile: usize,
    felder: Vec<(&'static str, usize)>,
}

impl Ort {
    pub fn neu(zeile: usize) -> Self {
        Self { zeile, felder: Vec::new() }
    }

    pub fn merken(&mut self, feld: &'static str, zeile: usize) {
        self.felder.push((feld, zeile));
    }

    /// The line of `feld`, else of the element.
    pub fn von(&self, feld: &str) -> usize {
        self.felder.iter().find(|(f, _)| *f == feld).map_or(self.zeile, |(_, z)| *z)
    }
}

/// The places of a jobcenter's parts, parallel to its vectors.
#[derive(Debug, Default)]
pub(crate) struct JobcenterOrte {
    pub ort: Ort,
    pub dienststellen: Vec<DienststellenOrte>,
    pub zustaendigkeit: Vec<Ort>,
}

/// The places of an office's parts.
#[derive(Debug, Default)]
pub(crate) struct DienststellenOrte {
    pub ort: Ort,
    pub ausnahmen: Vec<Ort>,
    pub notfall: Ort,
    pub notfall_ausnahmen: Vec<Ort>,
}

/// The places of the whole directory, parallel to `Verzeichnis::jobcenter`.
pub(crate) type Orte = Vec<JobcenterOrte>;

/// Checks the rules across the directory (see the module doc).
pub(crate) fn pruefen(v: &Verzeichnis, orte: &Orte, b: &mut Befund) {
    // Jobcenters and offices each have their own ids.
    let (mut jc_ids, mut ds_ids) = (HashMap::new(), HashMap::new());
    if v.jobcenter.is_empty() && b.0.is_empty() {
        b.add(1, "die Datei nennt kein Jobcenter");
    }
    for (jc, o) in v.jobcenter.iter().zip(orte) {
        let was = format!("Jobcenter \"{}\"", jc.id);
        id(&mut jc_ids, &jc.id, "Jobcenter", o.ort.von("id"), b);
        nicht_leer(&jc.name, &was, "name", &o.ort, b);
        for (feld, wert) in [("telefon", &jc.telefon), ("email", &jc.email), ("webseite", &jc.webseite)] {
            if let Some(w) = wert {
                kontakt(feld, w, &was, o.ort.von(feld), b);
            }
        }
        if jc.dienststellen.is_empty() {
            b.add(o.ort.zeile, format!("{was} hat keine Dienststelle"));
        }
        if jc.zustaendigkeit.is_empty() {
            b.add(o.ort.zeile, format!("{was} ist für keine Postleitzahl zuständig"));
        }
        let mut eigene: HashMap<&str, usize> = HashMap::new();
        for (z, zo) in jc.zustaendigkeit.iter().zip(&o.zustaendigkeit) {
            if !plz_gueltig(&z.plz) {
                postleitzahl(&z.plz, &was, zo.von("plz"), b);
            } else if let Some(erste) = eigene.get(z.plz.as_str()) {
                b.add(zo.von("plz"), format!("{was}: die Postleitzahl {} steht doppelt (zuerst in Zeile {erste})", z.plz));
            } else {
                eigene.insert(&z.plz, zo.von("plz"));
            }
        }
        for (d, dorte) in jc.dienststellen.iter().zip(&o.dienststellen) {
            let was = format!("Dienststelle \"{}\"", d.id);
            let ort = &dorte.ort;
            id(&mut ds_ids, &d.id, "Dienststelle", ort.von("id"), b);
            for (feld, wert) in [("name", &d.name), ("strasse", &d.strasse), ("ort", &d.ort), ("telefon", &d.telefon)] {
                nicht_leer(wert, &was, feld, ort, b);
            }
            if !plz_gueltig(&d.plz) {
                postleitzahl(&d.plz, &was, ort.von("plz"), b);
            }
            if let Some(e) = &d.email {
                kontakt("email", e, &was, ort.von("email"), b);
            }
            ausnahmen(&d.zeiten, &dorte.ausnahmen, &was, b);
            if let Some(n) = &d.notfall {
                let was = format!("{was}, Notfall");
                nicht_leer(&n.hinweis, &was, "hinweis", &dorte.notfall, b);
                if let Some(t) = &n.telefon {
                    kontakt("telefon", t, &was, dorte.notfall.von("telefon"), b);
                }
                ausnahmen(&n.zeiten, &dorte.notfall_ausnahmen, &was, b);
            }
        }
    }
    geteilte_postleitzahlen(v, orte, b);
}

/// `[a-z0-9-]{2,64}`, and not seen before.
fn id<'a>(ids: &mut HashMap<&'a str, usize>, wert: &'a str, was: &str, zeile: usize, b: &mut Befund) {
    if wert.is_empty() {
        b.add(zeile, format!("{was}: \"id\" fehlt oder ist leer"));
    } else if !id_gueltig(wert) {
        b.add(zeile, format!("{was}: die id \"{wert}\" hat nicht 2 bis 64 Zeichen aus a-z, 0-9 und \"-\""));
    } else if let Some(erste) = ids.get(wert) {
        b.add(zeile, format!("{was}: die id \"{wert}\" gibt es schon (Zeile {erste})"));
    } else {
        ids.insert(wert, zeile);
    }
}

/// A postcode that is not one.
fn postleitzahl(plz: &str, was: &str, zeile: usize, b: &mut Befund) {
    if plz.is_empty() {
        b.add(zeile, format!("{was}: \"plz\" fehlt oder ist leer"));
    } else {
        b.add(zeile, format!("{was}: die Postleitzahl \"{plz}\" hat nicht genau 5 Ziffern"));
    }
}

fn nicht_leer(wert: &str, was: &str, feld: &str, ort: &Ort, b: &mut Befund) {
    if wert.trim().is_empty() {
        b.add(ort.von(feld), format!("{was}: \"{feld}\" fehlt oder ist leer"));
    }
}

/// An optional phone number, e-mail address or web site that is given.
fn kontakt(feld: &str, wert: &str, was: &str, zeile: usize, b: &mut Befund) {
    let gut = match feld {
        "email" => email_plausibel(wert),
        "webseite" => wert.starts_with("https://") || wert.starts_with("http://"),
        _ => !wert.trim().is_empty(),
    };
    if !gut {
        let regel = match feld {
            "email" => "ist keine E-Mail-Adresse",
            "webseite" => "beginnt nicht mit https://",
            _ => "ist leer",
        };
        b.add(zeile, format!("{was}: \"{feld}\" \"{wert}\" {regel}"));
    }
}

/// One exception per date.
fn ausnahmen(z: &Oeffnungszeiten, orte: &[Ort], was: &str, b: &mut Befund) {
    let mut daten = HashMap::new();
    for (a, o) in z.ausnahmen.iter().zip(orte) {
        if let Some(erste) = daten.insert(a.datum, o.von("datum")) {
            b.add(o.von("datum"), format!("{was}: für den {} gibt es schon eine Ausnahme (Zeile {erste})", a.datum.format("%d.%m.%Y")));
            daten.insert(a.datum, erste);
        }
    }
}

/// A postcode of several jobcenters needs a `gebiet` at each, and they
/// must differ: the citizen decides by it (POR-6: no guess).
fn geteilte_postleitzahlen(v: &Verzeichnis, orte: &Orte, b: &mut Befund) {
    // plz → (jobcenter index, zustaendigkeit index), first one per jobcenter.
    let mut nach_plz: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (j, jc) in v.jobcenter.iter().enumerate() {
        for (k, z) in jc.zustaendigkeit.iter().enumerate() {
            let eintraege = nach_plz.entry(z.plz.as_str()).or_default();
            if plz_gueltig(&z.plz) && !eintraege.iter().any(|(i, _)| *i == j) {
                eintraege.push((j, k));
            }
        }
    }
    for (plz, eintraege) in nach_plz.into_iter().filter(|(_, e)| e.len() > 1) {
        let namen = eintraege.iter().map(|(j, _)| v.jobcenter[*j].id.as_str()).collect::<Vec<_>>().join(", ");
        let mut gebiete: HashMap<String, (usize, &str)> = HashMap::new();
        for &(j, k) in &eintraege {
            let jc = &v.jobcenter[j];
            let zeile = orte[j].zustaendigkeit[k].von("gebiet");
            match jc.zustaendigkeit[k].gebiet.as_deref() {
                None => b.add(
                    zeile,
                    format!("Jobcenter \"{}\": die Postleitzahl {plz} teilen sich {namen}; hier fehlt \"gebiet\" (welcher Teil)", jc.id),
                ),
                Some(g) => {
                    if let Some((erste, anderes)) = gebiete.get(&g.trim().to_lowercase()) {
                        b.add(
                            zeile,
                            format!(
                                "Jobcenter \"{}\": die Postleitzahl {plz} hat das Gebiet \"{g}\" schon bei Jobcenter \"{anderes}\" (Zeile {erste})",
                                jc.id
                            ),
                        );
                    } else {
                        gebiete.insert(g.trim().to_lowercase(), (zeile, &jc.id));
                    }
                }
            }
        }
    }
}
