//! Slots for "Termine vereinbaren" (POR-5): staff of an office publish
//! them (kind, topic, start, duration, capacity, place, team) and see the
//! next four weeks with how many places are booked; the day view lists the
//! office's appointments of a day, for everyone or one member.

use super::{AnyStaff, Nav, Staff};
use crate::app::AppState;
use crate::arbeit::Team;
use crate::portal::termine::store::{self, NeuerSlot};
use crate::portal::termine::{Art, THEMEN, beginn_dauer_art, ort_falsch, ortszeit, tagesbeginn, thema_label};
use crate::web::{AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// A slot in the list.
pub struct Zeile {
    pub wann: String,
    pub art: String,
    pub thema: String,
    pub ort: String,
    pub belegt: String,
}

#[derive(Deserialize, Default)]
pub struct SlotForm {
    #[serde(default)]
    datum: String,
    #[serde(default)]
    uhrzeit: String,
    #[serde(default)]
    minuten: String,
    #[serde(default)]
    art: String,
    #[serde(default)]
    thema: String,
    #[serde(default)]
    plaetze: String,
    #[serde(default)]
    ort: String,
}

#[derive(Template)]
#[template(path = "backoffice/templates/termine.html")]
struct SlotsPage {
    page: Page,
    nav: Nav,
    zeilen: Vec<Zeile>,
    arten: Vec<(&'static str, String)>,
    themen: Vec<(&'static str, String)>,
    form: SlotForm,
    errors: FormErrors,
    notice: Option<String>,
    /// The day view: the day (ISO), the member filter, the rows.
    tag: String,
    mitarbeiter: String,
    kollegen: Vec<(String, String)>,
    tagesliste: Vec<TagesZeile>,
}

/// An appointment in the day view.
pub struct TagesZeile {
    pub zeit: String,
    pub name: String,
    pub link: String,
    pub art: String,
    pub thema: String,
    pub stand: String,
}

#[derive(Deserialize, Default)]
pub struct SlotsQuery {
    hinweis: Option<String>,
    tag: Option<String>,
    mitarbeiter: Option<String>,
}

async fn seite(state: &AppState, staff: &Staff<AnyStaff>, form: SlotForm, errors: FormErrors, q: &SlotsQuery) -> AppResult<SlotsPage> {
    let lang = staff.ctx().lang;
    let now = state.now();
    let notice = (q.hinweis.as_deref() == Some("angelegt")).then(|| lang.t("bo-termine-angelegt"));
    let tag = q
        .tag
        .as_deref()
        .and_then(|t| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .unwrap_or_else(|| crate::portal::bescheide::tag(now));
    let kollegen: Vec<(String, String)> = super::store::staff_of_office(&state.db.pool, &staff.member.office_id)
        .await?
        .into_iter()
        .map(|m| (m.account_id, m.display_name))
        .collect();
    let mitarbeiter = q.mitarbeiter.clone().filter(|m| kollegen.iter().any(|(id, _)| id == m)).unwrap_or_default();
    let tagesliste = store::tag(
        &state.db.pool,
        &staff.member.office_id,
        tagesbeginn(tag),
        tagesbeginn(tag.succ_opt().unwrap_or(tag)),
        Some(mitarbeiter.as_str()).filter(|m| !m.is_empty()),
    )
    .await?
    .into_iter()
    .map(|t| TagesZeile {
        zeit: format!("{}–{}", ortszeit(t.starts_at).format("%H:%M"), ortszeit(t.starts_at + t.minutes * 60).format("%H:%M")),
        link: format!("/backoffice/kunden/{}/termine?zweck=vermittlung#termin-{}", t.client_id, t.id),
        name: t.client_name,
        art: t.art.label(lang),
        thema: thema_label(lang, &t.thema),
        stand: lang.t(super::einladungen::stand_key(&t.state)),
    })
    .collect();
    let zeilen = store::slots(&state.db.pool, &staff.member.office_id, now - 86_400, now + 28 * 86_400)
        .await?
        .into_iter()
        .map(|s| {
            let t = ortszeit(s.starts_at);
            Zeile {
                wann: format!(
                    "{}, {}–{}",
                    crate::portal::bescheide::datum(t.date()),
                    t.format("%H:%M"),
                    ortszeit(s.starts_at + s.minutes * 60).format("%H:%M")
                ),
                art: s.art.label(lang),
                thema: thema_label(lang, &s.thema),
                ort: s.place,
                belegt: format!("{} / {}", s.booked, s.capacity),
            }
        })
        .collect();
    Ok(SlotsPage {
        page: Page::new(staff.ctx(), state, "bo-termine-title"),
        nav: Nav::for_member(lang, &staff.member, "/backoffice/termine"),
        zeilen,
        arten: Art::ALLE.iter().map(|a| (a.as_str(), a.label(lang))).collect(),
        themen: THEMEN.iter().map(|t| (*t, thema_label(lang, t))).collect(),
        form,
        errors,
        notice,
        tag: tag.to_string(),
        mitarbeiter,
        kollegen,
        tagesliste,
    })
}

/// `GET /backoffice/termine`.
pub async fn liste(State(state): State<AppState>, staff: Staff<AnyStaff>, Query(q): Query<SlotsQuery>) -> AppResult<Response> {
    let form = SlotForm { minuten: "30".into(), plaetze: "1".into(), ..SlotForm::default() };
    render(&seite(&state, &staff, form, FormErrors::default(), &q).await?)
}

/// `POST /backoffice/termine`: publishes a slot of the member's office.
pub async fn anlegen(State(state): State<AppState>, staff: Staff<AnyStaff>, Form(f): Form<SlotForm>) -> AppResult<Response> {
    let lang = staff.ctx().lang;
    let now = state.now();
    let mut errors = FormErrors::default();
    let (beginn, minuten, art) = beginn_dauer_art(lang, (&f.datum, &f.uhrzeit, &f.minuten, &f.art), now, &mut errors);
    if !THEMEN.contains(&f.thema.as_str()) {
        errors.add(format!("thema-{}", THEMEN[0]), lang.t("bo-termine-fehler-thema"));
    }
    let plaetze = f.plaetze.trim().parse::<i64>().ok().filter(|p| (1..=50).contains(p));
    if plaetze.is_none() {
        errors.add("plaetze", lang.t("bo-termine-fehler-plaetze"));
    }
    let ort = f.ort.trim();
    if ort_falsch(art, &f.ort) {
        errors.add("ort", lang.t("bo-termine-fehler-ort"));
    }
    let (Some(beginn), Some(minuten), Some(art), Some(plaetze), true) = (beginn, minuten, art, plaetze, errors.is_empty()) else {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &seite(&state, &staff, f, errors, &SlotsQuery::default()).await?);
    };
    let team = staff.member.roles.iter().find_map(|r| Team::ALLE.into_iter().find(|t| t.rolle() == *r)).unwrap_or(Team::Vermittlung);
    let mut tx = state.db.begin().await?;
    let neu = NeuerSlot {
        office_id: &staff.member.office_id,
        art,
        thema: &f.thema,
        starts_at: beginn,
        minutes: minuten,
        capacity: plaetze,
        team: team.as_str(),
        place: ort,
        created_by: staff.account_id(),
    };
    store::slot_anlegen(&mut tx, &neu, now).await?;
    tx.commit().await?;
    Ok(see_other("/backoffice/termine?hinweis=angelegt"))
}
