//! The CSV form of the directory (docs/DIENSTSTELLEN.md): ";"-separated,
//! a header row, one record per row whose kind is in column `satz`.
//! Rows may come in any order; they refer to their jobcenter or office by
//! id. Every problem at the line of its row.

mod schreiben;

pub(crate) use schreiben::als_csv;

use crate::modell::{Ausnahme, Dienststelle, Jobcenter, Notfall, Oeffnungszeiten, Verzeichnis, WOCHENTAGE, Zustaendigkeit};
use crate::pruefung::{Befund, DienststellenOrte, JobcenterOrte, Ort, Orte, pruefen};
use crate::{Bundesland, Fehler, werte};
use std::collections::HashMap;

/// Every column, in the order the writer puts them.
pub(crate) const SPALTEN: [&str; 25] = [
    "satz",
    "jobcenter",
    "dienststelle",
    "name",
    "bundesland",
    "strasse",
    "plz",
    "ort",
    "telefon",
    "email",
    "webseite",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
    "feiertags_geschlossen",
    "gebiet",
    "datum",
    "zeiten",
    "hinweis",
    "barrierefreiheit",
    "oepnv",
];

const WOCHE: [&str; 7] = WOCHENTAGE;

/// The kinds of rows and the columns each may fill (besides `satz`).
const SAETZE: [(&str, &[&str]); 6] = [
    ("jobcenter", &["jobcenter", "name", "bundesland", "telefon", "email", "webseite"]),
    ("plz", &["jobcenter", "plz", "gebiet"]),
    (
        "dienststelle",
        &[
            "jobcenter",
            "dienststelle",
            "name",
            "strasse",
            "plz",
            "ort",
            "telefon",
            "email",
            "mo",
            "di",
            "mi",
            "do",
            "fr",
            "sa",
            "so",
            "feiertags_geschlossen",
            "barrierefreiheit",
            "oepnv",
        ],
    ),
    ("notfall", &["dienststelle", "telefon", "hinweis", "mo", "di", "mi", "do", "fr", "sa", "so", "feiertags_geschlossen"]),
    ("ausnahme", &["dienststelle", "datum", "zeiten", "hinweis"]),
    ("notfall-ausnahme", &["dienststelle", "datum", "zeiten", "hinweis"]),
];

/// One data row: its line and its cells by column name.
struct Zeile {
    nr: usize,
    satz: String,
    zellen: HashMap<&'static str, String>,
}

impl Zeile {
    fn zelle(&self, spalte: &str) -> &str {
        self.zellen.get(spalte).map_or("", String::as_str)
    }

    fn optional(&self, spalte: &str) -> Option<String> {
        Some(self.zelle(spalte).to_owned()).filter(|s| !s.is_empty())
    }

    /// A column the kind requires: missing is a problem.
    fn pflicht(&self, spalte: &str, b: &mut Befund) -> String {
        let s = self.zelle(spalte);
        if s.is_empty() {
            b.add(self.nr, format!("Satz \"{}\": die Spalte \"{spalte}\" ist leer", self.satz));
        }
        s.to_owned()
    }

    /// The week in columns mo..so, and `feiertags_geschlossen`.
    fn zeiten(&self, was: &str, b: &mut Befund) -> Oeffnungszeiten {
        let mut z = Oeffnungszeiten::default();
        for (i, tag) in WOCHE.iter().enumerate() {
            z.woche[i] = werte::tag_zelle(self.zelle(tag)).unwrap_or_else(|fehler| {
                fehler.into_iter().for_each(|f| b.add(self.nr, format!("{was}: \"{tag}\": {f}")));
                Vec::new()
            });
        }
        z.feiertags_geschlossen = werte::ja_nein(self.zelle("feiertags_geschlossen"), true).unwrap_or_else(|f| {
            b.add(self.nr, format!("{was}: \"feiertags_geschlossen\": {f}"));
            true
        });
        z
    }
}

/// Reads and checks a CSV directory; every problem with its line.
pub fn lesen_csv(text: &str) -> Result<Verzeichnis, Vec<Fehler>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Fehler { zeile: 1, meldung: "die Datei ist leer".to_owned() }]);
    }
    let mut b = Befund::default();
    let zeilen = zeilen_lesen(text, &mut b)?;
    let (v, orte) = zusammensetzen(zeilen, &mut b);
    pruefen(&v, &orte, &mut b);
    b.ergebnis(v)
}

/// The header and the rows; `Err` when the header is unusable.
fn zeilen_lesen(text: &str, b: &mut Befund) -> Result<Vec<Zeile>, Vec<Fehler>> {
    let mut leser = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut kopf: Option<(usize, Vec<Option<&'static str>>)> = None;
    let mut zeilen = Vec::new();
    let mut kopf_namen: Vec<String> = Vec::new();
    for rec in leser.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                b.add(e.position().map_or(1, |p| zeile_von(text, p)), format!("keine lesbare CSV-Zeile: {e}"));
                continue;
            }
        };
        // Rows of empty cells only (";;;;" from a spreadsheet) are blank.
        if rec.iter().all(str::is_empty) {
            continue;
        }
        let nr = rec.position().map_or(1, |p| zeile_von(text, p));
        let Some((kopf_nr, spalten)) = &kopf else {
            let spalten: Vec<Option<&'static str>> =
                rec.iter().map(|s| SPALTEN.iter().find(|c| c.eq_ignore_ascii_case(s)).copied()).collect();
            for (s, c) in rec.iter().zip(&spalten) {
                // A column without a name is left out (its cells must be empty).
                if c.is_none() && !s.is_empty() {
                    b.add(nr, format!("Kopfzeile: unbekannte Spalte \"{s}\" (bekannt: {})", SPALTEN.join(", ")));
                }
            }
            for (i, c) in spalten.iter().enumerate().filter_map(|(i, c)| c.map(|c| (i, c))) {
                if spalten[..i].contains(&Some(c)) {
                    b.add(nr, format!("Kopfzeile: die Spalte \"{c}\" steht doppelt"));
                }
            }
            if !spalten.contains(&Some("satz")) {
                b.add(nr, "Kopfzeile: die Spalte \"satz\" fehlt (die erste Zeile muss die Spaltennamen nennen, getrennt durch \";\")");
                return Err(std::mem::take(&mut b.0));
            }
            kopf = Some((nr, spalten));
            kopf_namen = rec.iter().map(str::to_owned).collect();
            continue;
        };
        if rec.len() > spalten.len() {
            b.add(nr, format!("die Zeile hat {} Spalten, die Kopfzeile (Zeile {kopf_nr}) nur {}", rec.len(), spalten.len()));
        }
        if let Some(i) = (0..rec.len().min(kopf_namen.len())).find(|&i| kopf_namen[i].is_empty() && !rec[i].is_empty()) {
            b.add(nr, format!("die Spalte {} hat keinen Namen in der Kopfzeile, aber hier den Wert \"{}\"", i + 1, &rec[i]));
        }
        let zellen: HashMap<&'static str, String> = spalten
            .iter()
            .zip(rec.iter().map(str::trim))
            .filter_map(|(c, s)| c.filter(|_| !s.is_empty()).map(|c| (c, s.to_owned())))
            .collect();
        let satz = zellen.get("satz").map(|s| s.to_lowercase()).unwrap_or_default();
        match SAETZE.iter().find(|(s, _)| *s == satz) {
            None => {
                let arten = SAETZE.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ");
                b.add(nr, format!("unbekannter Satz \"{satz}\" in der Spalte \"satz\" (erlaubt: {arten})"));
                continue;
            }
            Some((_, erlaubt)) => {
                for c in SPALTEN.iter().filter(|c| **c != "satz" && zellen.contains_key(*c) && !erlaubt.contains(c)) {
                    b.add(nr, format!("Satz \"{satz}\": die Spalte \"{c}\" gehört nicht dazu und muss leer sein"));
                }
            }
        }
        zeilen.push(Zeile { nr, satz, zellen });
    }
    if kopf.is_none() {
        b.add(1, "die Datei hat keine Kopfzeile");
        return Err(std::mem::take(&mut b.0));
    }
    Ok(zeilen)
}

/// The line a record is on. The csv crate gives the position where it
/// began to read the record, before the blank and comment lines it
/// skipped; skip them here too.
fn zeile_von(text: &str, p: &::csv::Position) -> usize {
    let (mut byte, mut zeile) = (p.byte() as usize, p.line() as usize);
    while let Some(rest) = text.get(byte..) {
        let laenge = if rest.starts_with('#') || rest.starts_with('\n') || rest.starts_with("\r\n") {
            rest.find('\n').map_or(rest.len(), |i| i + 1)
        } else {
            break;
        };
        byte += laenge;
        zeile += 1;
    }
    zeile
}

/// Builds the directory from the rows: jobcenters in the order of their
/// rows, each part under the jobcenter or office its row names.
fn zusammensetzen(zeilen: Vec<Zeile>, b: &mut Befund) -> (Verzeichnis, Orte) {
    let mut jobcenter: Vec<Jobcenter> = Vec::new();
    let mut orte = Orte::new();
    let mut jc_index: HashMap<String, usize> = HashMap::new();
    // Texts the rules check (ids, names, …) are taken as they are: the
    // rules report an empty one.
    for z in zeilen.iter().filter(|z| z.satz == "jobcenter") {
        let id = z.zelle("jobcenter").to_owned();
        if let Some(&i) = jc_index.get(&id).filter(|_| !id.is_empty()) {
            b.add(z.nr, format!("Jobcenter: die id \"{id}\" gibt es schon (Zeile {})", orte[i].ort.zeile));
            continue;
        }
        let land = z.pflicht("bundesland", b);
        let bundesland = Bundesland::parse(&land).unwrap_or_else(|| {
            if !land.is_empty() {
                b.add(z.nr, format!("Jobcenter \"{id}\": \"bundesland\" \"{land}\" ist kein Kürzel wie BY oder BE"));
            }
            Bundesland::Be
        });
        jc_index.insert(id.clone(), jobcenter.len());
        jobcenter.push(Jobcenter {
            name: z.zelle("name").to_owned(),
            id,
            bundesland,
            telefon: z.optional("telefon"),
            email: z.optional("email"),
            webseite: z.optional("webseite"),
            dienststellen: Vec::new(),
            zustaendigkeit: Vec::new(),
        });
        orte.push(JobcenterOrte { ort: Ort::neu(z.nr), ..Default::default() });
    }
    let jc_von = |z: &Zeile, b: &mut Befund| {
        let id = z.pflicht("jobcenter", b);
        let i = jc_index.get(&id).copied();
        if i.is_none() && !id.is_empty() {
            b.add(z.nr, format!("Satz \"{}\": ein Jobcenter \"{id}\" gibt es in der Datei nicht", z.satz));
        }
        i
    };
    // Office id → (jobcenter, office) index.
    let mut ds_index: HashMap<String, (usize, usize)> = HashMap::new();
    for z in &zeilen {
        let Some(j) = (z.satz == "plz" || z.satz == "dienststelle").then(|| jc_von(z, b)).flatten() else { continue };
        if z.satz == "plz" {
            jobcenter[j].zustaendigkeit.push(Zustaendigkeit { plz: z.zelle("plz").to_owned(), gebiet: z.optional("gebiet") });
            orte[j].zustaendigkeit.push(Ort::neu(z.nr));
            continue;
        }
        let id = z.zelle("dienststelle").to_owned();
        if let Some(&(i, k)) = ds_index.get(&id).filter(|_| !id.is_empty()) {
            b.add(z.nr, format!("Dienststelle: die id \"{id}\" gibt es schon (Zeile {})", orte[i].dienststellen[k].ort.zeile));
            continue;
        }
        let was = format!("Dienststelle \"{id}\"");
        ds_index.insert(id.clone(), (j, jobcenter[j].dienststellen.len()));
        jobcenter[j].dienststellen.push(Dienststelle {
            name: z.zelle("name").to_owned(),
            strasse: z.zelle("strasse").to_owned(),
            plz: z.zelle("plz").to_owned(),
            ort: z.zelle("ort").to_owned(),
            telefon: z.zelle("telefon").to_owned(),
            email: z.optional("email"),
            zeiten: z.zeiten(&was, b),
            notfall: None,
            barrierefreiheit: z.zelle("barrierefreiheit").to_owned(),
            oepnv: z.zelle("oepnv").to_owned(),
            id,
        });
        orte[j].dienststellen.push(DienststellenOrte { ort: Ort::neu(z.nr), ..Default::default() });
    }
    teile_der_dienststellen(&zeilen, &ds_index, &mut jobcenter, &mut orte, b);
    (Verzeichnis { jobcenter }, orte)
}

/// The rows that belong to an office: its emergency desk and exceptions.
fn teile_der_dienststellen(
    zeilen: &[Zeile],
    ds_index: &HashMap<String, (usize, usize)>,
    jobcenter: &mut [Jobcenter],
    orte: &mut Orte,
    b: &mut Befund,
) {
    let teile = ["notfall", "ausnahme", "notfall-ausnahme"];
    // Emergency desks first: their exceptions may come before them.
    for z in zeilen.iter().filter(|z| z.satz == "notfall").chain(zeilen.iter().filter(|z| teile[1..].contains(&z.satz.as_str()))) {
        let id = z.pflicht("dienststelle", b);
        let Some(&(j, k)) = ds_index.get(&id) else {
            if !id.is_empty() {
                b.add(z.nr, format!("Satz \"{}\": eine Dienststelle \"{id}\" gibt es in der Datei nicht", z.satz));
            }
            continue;
        };
        let (d, o) = (&mut jobcenter[j].dienststellen[k], &mut orte[j].dienststellen[k]);
        let was = format!("Dienststelle \"{id}\"");
        if z.satz == "notfall" {
            if d.notfall.is_some() {
                b.add(z.nr, format!("{was}: es gibt schon einen Satz \"notfall\" (Zeile {})", o.notfall.zeile));
                continue;
            }
            let zeiten = z.zeiten(&format!("{was}, Notfall"), b);
            d.notfall = Some(Notfall { telefon: z.optional("telefon"), hinweis: z.zelle("hinweis").to_owned(), zeiten });
            o.notfall = Ort::neu(z.nr);
            continue;
        }
        let (zeiten, ausnahme_orte, was) = match (z.satz.as_str(), d.notfall.as_mut()) {
            ("ausnahme", _) => (&mut d.zeiten, &mut o.ausnahmen, was),
            (_, Some(n)) => (&mut n.zeiten, &mut o.notfall_ausnahmen, format!("{was}, Notfall")),
            (_, None) => {
                b.add(z.nr, format!("{was}: eine Notfall-Ausnahme ohne Satz \"notfall\" für diese Dienststelle"));
                continue;
            }
        };
        let datum = z.pflicht("datum", b);
        let datum = match werte::datum(&datum) {
            Ok(d) => Some(d),
            Err(e) if !datum.is_empty() => {
                b.add(z.nr, format!("{was}: {e}"));
                None
            }
            Err(_) => None,
        };
        let spannen = werte::tag_zelle(z.zelle("zeiten")).unwrap_or_else(|fehler| {
            fehler.into_iter().for_each(|f| b.add(z.nr, format!("{was}: Ausnahme: \"zeiten\": {f}")));
            Vec::new()
        });
        if let Some(datum) = datum {
            zeiten.ausnahmen.push(Ausnahme { datum, spannen, hinweis: z.optional("hinweis") });
            ausnahme_orte.push(Ort::neu(z.nr));
        }
    }
}
