//! Writing the directory as CSV: per jobcenter its row, its postcodes,
//! then each office with its emergency desk and exceptions.

use super::SPALTEN;
use crate::modell::{Oeffnungszeiten, Verzeichnis, WOCHENTAGE};
use crate::werte::tag_schreiben;

/// One row being filled, by column name.
struct Reihe([String; SPALTEN.len()]);

impl Reihe {
    fn neu(satz: &str) -> Self {
        let mut r = Self(Default::default());
        r.setzen("satz", satz);
        r
    }

    fn setzen(&mut self, spalte: &str, wert: &str) -> &mut Self {
        let i = SPALTEN.iter().position(|c| *c == spalte).expect("a known column");
        self.0[i] = wert.to_owned();
        self
    }

    fn optional(&mut self, spalte: &str, wert: Option<&str>) -> &mut Self {
        self.setzen(spalte, wert.unwrap_or(""))
    }

    fn woche(&mut self, z: &Oeffnungszeiten) -> &mut Self {
        for (tag, spannen) in WOCHENTAGE.iter().zip(&z.woche) {
            self.setzen(tag, &tag_schreiben(spannen));
        }
        self.setzen("feiertags_geschlossen", if z.feiertags_geschlossen { "ja" } else { "nein" })
    }
}

fn ausnahmen(satz: &str, id: &str, z: &Oeffnungszeiten, reihen: &mut Vec<Reihe>) {
    for a in &z.ausnahmen {
        let mut r = Reihe::neu(satz);
        r.setzen("dienststelle", id).setzen("datum", &a.datum.format("%Y-%m-%d").to_string());
        r.setzen("zeiten", &tag_schreiben(&a.spannen)).optional("hinweis", a.hinweis.as_deref());
        reihen.push(r);
    }
}

/// The directory as CSV, with the header row.
pub(crate) fn als_csv(v: &Verzeichnis) -> String {
    let mut reihen = Vec::new();
    for jc in &v.jobcenter {
        let mut r = Reihe::neu("jobcenter");
        r.setzen("jobcenter", &jc.id).setzen("name", &jc.name).setzen("bundesland", jc.bundesland.code());
        r.optional("telefon", jc.telefon.as_deref()).optional("email", jc.email.as_deref()).optional("webseite", jc.webseite.as_deref());
        reihen.push(r);
        for z in &jc.zustaendigkeit {
            let mut r = Reihe::neu("plz");
            r.setzen("jobcenter", &jc.id).setzen("plz", &z.plz).optional("gebiet", z.gebiet.as_deref());
            reihen.push(r);
        }
        for d in &jc.dienststellen {
            let mut r = Reihe::neu("dienststelle");
            r.setzen("jobcenter", &jc.id).setzen("dienststelle", &d.id).setzen("name", &d.name).setzen("strasse", &d.strasse);
            r.setzen("plz", &d.plz).setzen("ort", &d.ort).setzen("telefon", &d.telefon).optional("email", d.email.as_deref());
            r.woche(&d.zeiten).setzen("barrierefreiheit", &d.barrierefreiheit).setzen("oepnv", &d.oepnv);
            reihen.push(r);
            ausnahmen("ausnahme", &d.id, &d.zeiten, &mut reihen);
            if let Some(n) = &d.notfall {
                let mut r = Reihe::neu("notfall");
                r.setzen("dienststelle", &d.id).optional("telefon", n.telefon.as_deref()).setzen("hinweis", &n.hinweis);
                r.woche(&n.zeiten);
                reihen.push(r);
                ausnahmen("notfall-ausnahme", &d.id, &n.zeiten, &mut reihen);
            }
        }
    }
    let mut w = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let fehler = "writing CSV into memory cannot fail";
    w.write_record(SPALTEN).expect(fehler);
    for r in &reihen {
        w.write_record(&r.0).expect(fehler);
    }
    String::from_utf8(w.into_inner().expect(fehler)).expect("CSV of strings is UTF-8")
}
