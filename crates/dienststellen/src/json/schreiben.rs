//! Writing the directory as JSON in the documented shape: the key order of
//! the documentation, defaults left out.

use crate::modell::{Ausnahme, Dienststelle, Jobcenter, Oeffnungszeiten, Verzeichnis};
use serde::Serialize;

#[derive(Serialize)]
struct Datei<'a> {
    jobcenter: Vec<JobcenterS<'a>>,
}

#[derive(Serialize)]
struct JobcenterS<'a> {
    id: &'a str,
    name: &'a str,
    bundesland: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    telefon: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    webseite: Option<&'a str>,
    zustaendigkeit: Vec<ZustaendigkeitS<'a>>,
    dienststellen: Vec<DienststelleS<'a>>,
}

/// A bare postcode, or one with its part.
#[derive(Serialize)]
#[serde(untagged)]
enum ZustaendigkeitS<'a> {
    Plz(&'a str),
    MitGebiet { plz: &'a str, gebiet: &'a str },
}

#[derive(Serialize)]
struct DienststelleS<'a> {
    id: &'a str,
    name: &'a str,
    strasse: &'a str,
    plz: &'a str,
    ort: &'a str,
    telefon: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(flatten)]
    zeiten: ZeitenS<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notfall: Option<NotfallS<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    barrierefreiheit: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    oepnv: &'a str,
}

#[derive(Serialize)]
struct NotfallS<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    telefon: Option<&'a str>,
    hinweis: &'a str,
    #[serde(flatten)]
    zeiten: ZeitenS<'a>,
}

#[derive(Serialize)]
struct ZeitenS<'a> {
    oeffnungszeiten: WocheS,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ausnahmen: Vec<AusnahmeS<'a>>,
    #[serde(skip_serializing_if = "is_true")]
    feiertags_geschlossen: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Serialize)]
struct WocheS {
    mo: Vec<String>,
    di: Vec<String>,
    mi: Vec<String>,
    #[serde(rename = "do")]
    do_: Vec<String>,
    fr: Vec<String>,
    sa: Vec<String>,
    so: Vec<String>,
}

#[derive(Serialize)]
struct AusnahmeS<'a> {
    datum: String,
    zeiten: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hinweis: Option<&'a str>,
}

fn spannen(s: &[crate::Spanne]) -> Vec<String> {
    s.iter().map(crate::Spanne::datei).collect()
}

fn zeiten(z: &Oeffnungszeiten) -> ZeitenS<'_> {
    let [mo, di, mi, do_, fr, sa, so] = z.woche.each_ref().map(|t| spannen(t));
    ZeitenS {
        oeffnungszeiten: WocheS { mo, di, mi, do_, fr, sa, so },
        ausnahmen: z.ausnahmen.iter().map(ausnahme).collect(),
        feiertags_geschlossen: z.feiertags_geschlossen,
    }
}

fn ausnahme(a: &Ausnahme) -> AusnahmeS<'_> {
    AusnahmeS { datum: a.datum.format("%Y-%m-%d").to_string(), zeiten: spannen(&a.spannen), hinweis: a.hinweis.as_deref() }
}

fn dienststelle(d: &Dienststelle) -> DienststelleS<'_> {
    DienststelleS {
        id: &d.id,
        name: &d.name,
        strasse: &d.strasse,
        plz: &d.plz,
        ort: &d.ort,
        telefon: &d.telefon,
        email: d.email.as_deref(),
        zeiten: zeiten(&d.zeiten),
        notfall: d.notfall.as_ref().map(|n| NotfallS { telefon: n.telefon.as_deref(), hinweis: &n.hinweis, zeiten: zeiten(&n.zeiten) }),
        barrierefreiheit: &d.barrierefreiheit,
        oepnv: &d.oepnv,
    }
}

fn jobcenter(jc: &Jobcenter) -> JobcenterS<'_> {
    JobcenterS {
        id: &jc.id,
        name: &jc.name,
        bundesland: jc.bundesland.code(),
        telefon: jc.telefon.as_deref(),
        email: jc.email.as_deref(),
        webseite: jc.webseite.as_deref(),
        zustaendigkeit: jc
            .zustaendigkeit
            .iter()
            .map(|z| match &z.gebiet {
                None => ZustaendigkeitS::Plz(&z.plz),
                Some(gebiet) => ZustaendigkeitS::MitGebiet { plz: &z.plz, gebiet },
            })
            .collect(),
        dienststellen: jc.dienststellen.iter().map(dienststelle).collect(),
    }
}

/// The directory as pretty-printed JSON.
pub(crate) fn als_json(v: &Verzeichnis) -> String {
    let datei = Datei { jobcenter: v.jobcenter.iter().map(jobcenter).collect() };
    let mut s = serde_json::to_string_pretty(&datei).expect("plain structs of strings serialise");
    s.push('\n');
    s
}
