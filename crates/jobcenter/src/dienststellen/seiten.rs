//! "Dienststelle finden" and the office page (POR-6): public, no login.
//! A postcode (5 digits) leads to the responsible jobcenter and its
//! offices; where several jobcenters share it, the page asks for the place
//! or street (the areas the directory names) instead of guessing. A
//! signed-in client sees the office for their own address first.

use super::{Geladen, aktuell, store};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::web::session::Stage;
use crate::web::{AppError, AppResult, Ctx, FormErrors, Page, render, render_status};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use dienststellen::{Dienststelle, Jobcenter, Oeffnungszeiten, Status};
use serde::Deserialize;

/// A jobcenter with its offices as the result shows it.
pub struct Treffer {
    pub name: String,
    pub gebiet: String,
    pub dienststellen: Vec<Kurz>,
}

/// An office in a list.
pub struct Kurz {
    pub id: String,
    pub name: String,
    pub anschrift: String,
    pub jetzt: String,
}

#[derive(Template)]
#[template(path = "dienststellen/templates/finden.html")]
struct FindPage {
    page: Page,
    plz: String,
    errors: FormErrors,
    /// The office for the signed-in client's address.
    eigene: Option<Treffer>,
    treffer: Vec<Treffer>,
    /// Several jobcenters share the postcode: (jobcenter id, area) to choose.
    gebiete: Vec<(String, String)>,
    gesucht: bool,
    leer: bool,
}

#[derive(Deserialize)]
pub struct FindQuery {
    plz: Option<String>,
    gebiet: Option<String>,
}

fn kurz(lang: Lang, d: &Dienststelle, land: dienststellen::Bundesland, now: i64) -> Kurz {
    Kurz {
        id: d.id.clone(),
        name: d.name.clone(),
        anschrift: format!("{}, {} {}", d.strasse, d.plz, d.ort),
        jetzt: jetzt_text(lang, &d.zeiten, land, now),
    }
}

fn treffer(lang: Lang, jc: &Jobcenter, gebiet: &str, now: i64) -> Treffer {
    Treffer {
        name: jc.name.clone(),
        gebiet: gebiet.to_owned(),
        dienststellen: jc.dienststellen.iter().map(|d| kurz(lang, d, jc.bundesland, now)).collect(),
    }
}

/// "Jetzt geöffnet bis 12:00" / "Geschlossen · Öffnet wieder Montag, 08:00".
pub fn jetzt_text(lang: Lang, z: &Oeffnungszeiten, land: dienststellen::Bundesland, now: i64) -> String {
    let jetzt = chrono::DateTime::from_timestamp(now, 0).unwrap_or_default();
    match dienststellen::status(z, land, jetzt) {
        Status::Offen { bis } => lang.t_args("dst-offen-bis", &[("zeit", &bis.format("%H:%M").to_string())]),
        Status::Geschlossen { oeffnet: Some(t) } => {
            let heute = crate::portal::bescheide::tag(now);
            let tag = if t.date() == heute {
                lang.t("dst-heute")
            } else if t.date() == heute.succ_opt().unwrap_or(heute) {
                lang.t("dst-morgen")
            } else {
                format!("{}, {}", wochentag(lang, t.date()), crate::portal::bescheide::datum(t.date()))
            };
            lang.t_args("dst-oeffnet-wieder", &[("tag", &tag), ("zeit", &t.format("%H:%M").to_string())])
        }
        Status::Geschlossen { oeffnet: None } => lang.t("dst-geschlossen"),
    }
}

/// "Montag" … in the language.
pub fn wochentag(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    lang.t(&format!("dst-tag-{}", d.weekday().num_days_from_monday()))
}

/// The postcode of the signed-in client's profile, if any.
async fn eigene_plz(state: &AppState, ctx: &Ctx) -> AppResult<Option<String>> {
    let Some(s) = ctx.session.as_ref().filter(|s| s.stage == Stage::Complete) else { return Ok(None) };
    let Some(profile_id) = s.profile_id.as_deref() else { return Ok(None) };
    let p = crate::portal::store::own_profile(&state.db.pool, &s.account_id, profile_id, state.now()).await?;
    Ok(p.map(|p| p.postcode))
}

/// The jobcenters for a postcode in the loaded directory.
async fn suchen(state: &AppState, g: &Geladen, plz: &str) -> AppResult<Vec<(String, String)>> {
    Ok(store::zustaendig(&state.db.pool, &g.version, plz).await?)
}

/// `GET /dienststellen`: the form, and with `plz` the result.
pub async fn finden(State(state): State<AppState>, ctx: Ctx, Query(q): Query<FindQuery>) -> AppResult<Response> {
    let lang = ctx.lang;
    let now = state.now();
    let mut seite = FindPage {
        page: Page::new(&ctx, &state, "dst-finden-title"),
        plz: q.plz.clone().unwrap_or_default(),
        errors: FormErrors::default(),
        eigene: None,
        treffer: Vec::new(),
        gebiete: Vec::new(),
        gesucht: false,
        leer: false,
    };
    let Some(g) = aktuell(&state).await? else {
        seite.leer = true;
        return render(&seite);
    };
    if let Some(plz) = eigene_plz(&state, &ctx).await?.and_then(|p| dienststellen::plz(&p)) {
        let z = suchen(&state, &g, &plz).await?;
        if let [(jc, gebiet)] = z.as_slice()
            && let Some(jc) = g.jobcenter(jc)
        {
            seite.eigene = Some(treffer(lang, jc, gebiet, now));
        }
    }
    let Some(eingabe) = q.plz.as_deref() else { return render(&seite) };
    let Some(plz) = dienststellen::plz(eingabe) else {
        seite.errors.add("plz", lang.t("dst-plz-fehler"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &seite);
    };
    seite.plz = plz.clone();
    seite.gesucht = true;
    let z = suchen(&state, &g, &plz).await?;
    let gewaehlt = q.gebiet.as_deref().and_then(|w| z.iter().find(|(jc, _)| jc == w));
    match (z.as_slice(), gewaehlt) {
        ([(jc, gebiet)], _) | (_, Some((jc, gebiet))) => {
            if let Some(jc) = g.jobcenter(jc) {
                seite.treffer.push(treffer(lang, jc, gebiet, now));
            }
        }
        ([], _) => {}
        (mehrere, None) => {
            seite.gebiete = mehrere.to_vec();
            if q.gebiet.is_some() {
                seite.errors.add("gebiet", lang.t("dst-gebiet-fehler"));
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &seite);
            }
        }
    }
    render(&seite)
}

/// A day's opening hours as shown.
pub struct Tag {
    pub name: String,
    pub zeiten: String,
}

#[derive(Template)]
#[template(path = "dienststellen/templates/dienststelle.html")]
struct OfficePage {
    page: Page,
    jobcenter: String,
    d: Dienststelle,
    jetzt: String,
    tage: Vec<Tag>,
    ausnahmen: Vec<Tag>,
    notfall_tage: Vec<Tag>,
    karte: String,
    /// `tel:` links (digits and a leading +).
    tel: String,
    notfall_tel: Option<String>,
}

fn tel(nummer: &str) -> String {
    format!("tel:{}", nummer.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

fn tage(lang: Lang, z: &Oeffnungszeiten) -> Vec<Tag> {
    z.woche
        .iter()
        .enumerate()
        .map(|(i, spannen)| Tag { name: lang.t(&format!("dst-tag-{i}")), zeiten: spannen_text(lang, spannen) })
        .collect()
}

fn spannen_text(lang: Lang, spannen: &[dienststellen::Spanne]) -> String {
    if spannen.is_empty() { lang.t("dst-zu") } else { spannen.iter().map(dienststellen::Spanne::anzeigen).collect::<Vec<_>>().join(", ") }
}

/// `GET /dienststellen/{id}`: the office page.
pub async fn dienststelle(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let lang = ctx.lang;
    let g = aktuell(&state).await?.ok_or(AppError::NotFound)?;
    let (jc, d) = g.dienststelle(&id).ok_or(AppError::NotFound)?;
    let now = state.now();
    let heute = crate::portal::bescheide::tag(now);
    let mut page = Page::new(&ctx, &state, "dst-finden-title");
    page.title = d.name.clone();
    let adresse = format!("{}, {} {}", d.strasse, d.plz, d.ort);
    render(&OfficePage {
        page,
        jobcenter: jc.name.clone(),
        jetzt: jetzt_text(lang, &d.zeiten, jc.bundesland, now),
        tage: tage(lang, &d.zeiten),
        ausnahmen: d
            .zeiten
            .ausnahmen
            .iter()
            .filter(|a| a.datum >= heute)
            .take(10)
            .map(|a| Tag {
                name: crate::portal::bescheide::datum(a.datum),
                zeiten: match &a.hinweis {
                    Some(h) => format!("{} ({h})", spannen_text(lang, &a.spannen)),
                    None => spannen_text(lang, &a.spannen),
                },
            })
            .collect(),
        notfall_tage: d.notfall.as_ref().map(|n| tage(lang, &n.zeiten)).unwrap_or_default(),
        // OpenStreetMap's search: a link, nothing embedded from a third party.
        karte: format!(
            "https://www.openstreetmap.org/search?query={}",
            url::form_urlencoded::byte_serialize(adresse.as_bytes()).collect::<String>()
        ),
        tel: tel(&d.telefon),
        notfall_tel: d.notfall.as_ref().and_then(|n| n.telefon.as_deref()).map(tel),
        d: d.clone(),
    })
}
