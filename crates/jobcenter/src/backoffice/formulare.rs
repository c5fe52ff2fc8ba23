//! The form definitions in the back office (APP-2), for admins: every
//! stored version with its stand, and a preview of a version that renders
//! every step as the client would see it. Loading, activating and
//! archiving stay with the CLI (`jobcenter admin formular …`): a new
//! version is a file an operator checks in, not a click.

use super::{Admin, Nav, Staff};
use crate::app::AppState;
use crate::arbeit::Team;
use crate::i18n::Lang;
use crate::portal::antraege::definitionen::{self, Definition, Stand};
use crate::portal::antraege::felder::{self, FeldAnsicht};
use crate::portal::handelnd::Recht;
use crate::web::{AppError, AppResult, Page, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use formulare::Formular;
use formulare::bedingung::Bedingung;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// The page of the list; the nav marks it for the preview too.
const LISTE: &str = "/backoffice/formulare";

/// One row of the list.
pub struct Zeile {
    pub key: String,
    pub titel: String,
    pub version: u32,
    pub stand: String,
    pub team: String,
    pub geladen: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "backoffice/templates/formulare.html")]
struct ListPage {
    page: Page,
    nav: Nav,
    zeilen: Vec<Zeile>,
}

/// The translation key of a stand ("Entwurf", "Aktiv", "Archiviert").
fn stand_key(s: Stand) -> &'static str {
    match s {
        Stand::Entwurf => "bo-formulare-stand-entwurf",
        Stand::Live => "bo-formulare-stand-live",
        Stand::Archiviert => "bo-formulare-stand-archiviert",
    }
}

fn team(lang: Lang, def: &Definition) -> String {
    let t = &def.formular.dok.team;
    Team::parse(t).map_or_else(|| t.clone(), |t| lang.t(&t.label_key()))
}

/// When each stored version was loaded, by id.
async fn geladen(state: &AppState) -> sqlx::Result<HashMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT id, loaded_at FROM form_definitions").fetch_all(&state.db.pool).await?;
    Ok(rows.into_iter().collect())
}

/// `GET /backoffice/formulare`: every stored version, newest first per form.
pub async fn liste(State(state): State<AppState>, staff: Staff<Admin>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let zeiten = geladen(&state).await?;
    let zeilen = definitionen::alle(&state.db.pool)
        .await?
        .into_iter()
        .map(|d| {
            let version = d.formular.dok.version;
            Zeile {
                href: format!("{LISTE}/{}/{version}", d.key()),
                key: d.key().to_owned(),
                titel: d.titel(Lang::De),
                version,
                stand: lang.t(stand_key(d.stand)),
                team: team(lang, &d),
                geladen: zeiten.get(&d.id).map(|t| crate::web::page::format_datetime(*t)).unwrap_or_default(),
            }
        })
        .collect();
    render(&ListPage { page: Page::new(ctx, &state, "bo-formulare-title"), nav: Nav::for_member(lang, &staff.member, LISTE), zeilen })
}

/// A step of the preview.
pub struct SchrittAnsicht {
    /// The step's id in the definition (and, prefixed, its heading's id).
    pub id: String,
    /// "Schritt 3 von 13 (einkommen)".
    pub nummer: String,
    pub titel: String,
    pub hilfe: String,
    /// "Nur wenn …" for a step with a condition.
    pub wenn: Option<String>,
    /// Each field with its notes (its condition, how often a list repeats).
    pub felder: Vec<(FeldAnsicht, Vec<String>)>,
}

/// An attachment of the preview.
pub struct AnhangAnsicht {
    pub name: String,
    pub hilfe: String,
    /// "Pflicht …" or "Kann nachgereicht werden".
    pub pflicht: String,
    pub wenn: Option<String>,
}

/// A language of the preview's switch: (code, name, link, current).
pub type Sprache = (&'static str, &'static str, String, bool);

#[derive(Template)]
#[template(path = "backoffice/templates/formulare_vorschau.html")]
struct PreviewPage {
    page: Page,
    nav: Nav,
    key: String,
    version: u32,
    stand: String,
    team: String,
    recht: String,
    /// The preview's language code (the form's texts).
    sprache: &'static str,
    sprachen: Vec<Sprache>,
    titel: String,
    zweck: String,
    hinweis: String,
    bearbeitung: String,
    schritte: Vec<SchrittAnsicht>,
    anhaenge: Vec<AnhangAnsicht>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PreviewQuery {
    sprache: Option<String>,
}

/// `GET /backoffice/formulare/{formular}/{version}`: the texts in the
/// language of `?sprache=` (German by default), the notes on conditions in
/// the admin's own language.
pub async fn vorschau(
    State(state): State<AppState>,
    staff: Staff<Admin>,
    Path((key, version)): Path<(String, String)>,
    Query(q): Query<PreviewQuery>,
) -> AppResult<Response> {
    let version: u32 = version.parse().map_err(|_| AppError::NotFound)?;
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM form_definitions WHERE form_key = $1 AND version = $2")
        .bind(&key)
        .bind(i64::from(version))
        .fetch_optional(&state.db.pool)
        .await?;
    let Some(id) = id else { return Err(AppError::NotFound) };
    let def = definitionen::nach_id(&state.db.pool, &id).await?.ok_or(AppError::NotFound)?;
    let ctx = staff.ctx();
    let ui = ctx.lang;
    let sprache = q.sprache.as_deref().and_then(Lang::parse).unwrap_or(Lang::De);
    let f = &def.formular;
    let text = |k: &str| f.text(sprache.code(), k).unwrap_or_default().to_owned();
    let nur_wenn =
        |b: &Option<Bedingung>| b.as_ref().map(|b| ui.t_args("bo-formulare-nur-wenn", &[("bedingung", &in_worten(f, sprache, ui, b))]));
    let gesamt = f.dok.schritte.len().to_string();
    let schritte = f
        .dok
        .schritte
        .iter()
        .enumerate()
        .map(|(i, s)| SchrittAnsicht {
            nummer: ui.t_args("bo-formulare-schritt", &[("nummer", &(i + 1).to_string()), ("gesamt", &gesamt), ("id", &s.id)]),
            titel: text(&format!("schritt.{}", s.id)),
            hilfe: text(&format!("schritt.{}.hilfe", s.id)),
            wenn: nur_wenn(&s.wenn),
            felder: felder::vorschau(f, sprache, i)
                .into_iter()
                .zip(&s.felder)
                .map(|(v, feld)| {
                    let mut notizen: Vec<String> = nur_wenn(&feld.wenn).into_iter().collect();
                    if let Some(n) = &feld.anzahl {
                        notizen.push(ui.t_args("bo-formulare-liste", &[("feld", &feldname(f, sprache, ui, n))]));
                    }
                    (v, notizen)
                })
                .collect(),
            id: s.id.clone(),
        })
        .collect();
    let anhaenge = f
        .dok
        .anhaenge
        .iter()
        .map(|a| AnhangAnsicht {
            name: text(&format!("anhang.{}", a.id)),
            hilfe: text(&format!("anhang.{}.hilfe", a.id)),
            pflicht: ui.t(if a.pflicht { "bo-formulare-pflicht" } else { "bo-formulare-freiwillig" }),
            wenn: nur_wenn(&a.wenn),
        })
        .collect();
    let recht = match f.dok.recht.as_deref() {
        Some(r) => Recht::parse(r).map_or_else(|| r.to_owned(), |r| ui.t(&r.label_key())),
        None => ui.t("bo-formulare-recht-keins"),
    };
    let here = format!("{LISTE}/{key}/{version}");
    let sprachen = Lang::ALL.iter().map(|l| (l.code(), l.native_name(), format!("{here}?sprache={}", l.code()), *l == sprache)).collect();
    let mut page = Page::new(ctx, &state, "bo-formulare-vorschau-title");
    page.title = ui.t_args("bo-formulare-vorschau-title", &[("titel", &def.titel(ui)), ("version", &version.to_string())]);
    render(&PreviewPage {
        page,
        nav: Nav::for_member(ui, &staff.member, LISTE),
        stand: ui.t(stand_key(def.stand)),
        team: team(ui, &def),
        recht,
        sprache: sprache.code(),
        sprachen,
        titel: text("titel"),
        zweck: text("zweck"),
        hinweis: text("hinweis"),
        bearbeitung: text("bearbeitung"),
        schritte,
        anhaenge,
        key,
        version,
    })
}

/// A field as a condition names it: „its label“ (its name).
fn feldname(f: &Formular, sprache: Lang, ui: Lang, name: &str) -> String {
    let label = felder::label(f, sprache, name);
    ui.t_args("bo-formulare-feld", &[("label", &label), ("name", name)])
}

/// A condition in words (docs/FORMULARE.md, "Conditions"): field labels and
/// values as the preview shows them (`sprache`), the words between them in
/// the admin's language (`ui`).
pub fn in_worten(f: &Formular, sprache: Lang, ui: Lang, b: &Bedingung) -> String {
    let wert = |feld: &str, w: &Value| match w {
        Value::Bool(true) => sprache.t("antrag-ja"),
        Value::Bool(false) => sprache.t("antrag-nein"),
        Value::String(s) => f.text(sprache.code(), &format!("wert.{feld}.{s}")).unwrap_or(s).to_owned(),
        other => other.to_string(),
    };
    // A combination inside another is put in brackets.
    let teil = |b: &Bedingung| match b {
        Bedingung::Alle(_) | Bedingung::Eine(_) => format!("({})", in_worten(f, sprache, ui, b)),
        _ => in_worten(f, sprache, ui, b),
    };
    let verbunden = |bs: &[Bedingung], wort: &str| bs.iter().map(teil).collect::<Vec<_>>().join(&format!(" {} ", ui.t(wort)));
    match b {
        Bedingung::Ist { feld, wert: w } => {
            ui.t_args("bo-formulare-ist", &[("feld", &feldname(f, sprache, ui, feld)), ("wert", &wert(feld, w))])
        }
        Bedingung::In { feld, werte } => {
            let werte: Vec<String> = werte.iter().map(|w| ui.t_args("bo-formulare-zitat", &[("text", &wert(feld, w))])).collect();
            ui.t_args("bo-formulare-in", &[("feld", &feldname(f, sprache, ui, feld)), ("werte", &werte.join(", "))])
        }
        Bedingung::Enthaelt { feld, wert: w } => {
            ui.t_args("bo-formulare-enthaelt", &[("feld", &feldname(f, sprache, ui, feld)), ("wert", &wert(feld, w))])
        }
        Bedingung::Beantwortet { feld, ja } => {
            let key = if *ja { "bo-formulare-beantwortet" } else { "bo-formulare-unbeantwortet" };
            ui.t_args(key, &[("feld", &feldname(f, sprache, ui, feld))])
        }
        Bedingung::Alle(bs) => verbunden(bs, "bo-formulare-und"),
        Bedingung::Eine(bs) => verbunden(bs, "bo-formulare-oder"),
        Bedingung::Nicht(b) => ui.t_args("bo-formulare-nicht", &[("bedingung", &teil(b))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portal::antraege::definitionen::MITGELIEFERT;
    use serde_json::json;

    fn weiterbewilligung() -> Formular {
        let (_, json) = MITGELIEFERT.iter().find(|(datei, _)| datei.starts_with("weiterbewilligung.")).expect("shipped");
        Formular::laden(json).expect("loads")
    }

    #[test]
    fn conditions_read_as_words_with_labels_values_and_brackets() {
        let f = weiterbewilligung();
        let b = |v| Bedingung::parse(&v).unwrap();
        let de = Lang::De;
        let s = in_worten(&f, de, de, &b(json!({"feld": "haushalt_geaendert", "ist": true})));
        assert!(s.contains("(haushalt_geaendert) ist „Ja“"), "{s}");
        let s = in_worten(&f, de, de, &b(json!({"feld": "wohnform", "in": ["miete", "eigentum"]})));
        assert!(s.contains("(wohnform) ist eines von: „") && s.contains("“, „"), "{s}");
        let s = in_worten(
            &f,
            de,
            de,
            &b(json!({"alle": [
                {"feld": "haushaltsmitglieder_anzahl", "beantwortet": true},
                {"nicht": {"eine": [{"feld": "haushaltsmitglieder_anzahl", "ist": 0}, {"feld": "einkommen_arten", "enthaelt": "rente"}]}}
            ]})),
        );
        assert!(s.contains("ist beantwortet und nicht: ("), "{s}");
        assert!(s.contains("ist „0“ oder ") && s.contains("(einkommen_arten) enthält „"), "{s}");
        let uk = in_worten(&f, Lang::Uk, de, &b(json!({"feld": "haushalt_geaendert", "ist": false})));
        assert!(uk.contains(&Lang::Uk.t("antrag-nein")) && uk.contains(" ist "), "{uk}");
    }

    /// Every step of every shipped form on one page: the ids stay unique
    /// (labels and hints point at the right control).
    #[test]
    fn the_preview_of_every_shipped_form_has_unique_ids() {
        for (datei, json) in MITGELIEFERT {
            let f = Formular::laden(json).expect("loads");
            let mut ids = std::collections::HashSet::new();
            for i in 0..f.dok.schritte.len() {
                for v in felder::vorschau(&f, Lang::De, i) {
                    let alle = std::iter::once(&v).chain(v.eintraege.iter().flat_map(|(_, u)| u));
                    for x in alle {
                        let mut eigene = vec![x.id.clone()];
                        eigene.extend(x.wahl.iter().map(|w| format!("{}-{}", x.id, w.wert)));
                        for id in eigene {
                            assert!(ids.insert(id.clone()), "{datei}: id {id} twice");
                        }
                    }
                }
            }
        }
    }
}
