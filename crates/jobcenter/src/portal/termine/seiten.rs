//! The client's "Termine" pages: the list (upcoming and past, each with
//! "Zum Kalender hinzufügen" and, while allowed, "Termin absagen"),
//! "Termine vereinbaren" (a topic, then the free slots of the next four
//! weeks in the client's office), booking, cancelling, the calendar file.

use super::store::{self, Nicht, Termin};
use super::{Art, THEMEN, ortszeit, thema_label};
use crate::app::AppState;
use crate::i18n::Lang;
use crate::journal::{self, Ereignis};
use crate::portal::ClientProfile;
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// How far ahead the free slots are shown.
const WOCHEN: i64 = 4;

/// An appointment as the list shows it.
pub struct Zeile {
    pub id: String,
    pub wann: String,
    pub art: String,
    pub thema: String,
    pub ort: String,
    pub kontakt: String,
    pub abgesagt: bool,
    pub absagbar: bool,
    /// An invitation: its purpose, and what the client can do with it.
    pub einladung: Option<String>,
    pub bestaetigbar: bool,
    pub verschiebbar: bool,
    /// "Ihre Anfrage … wird bearbeitet" / "Bestätigt".
    pub stand: Option<String>,
    pub antwort: Option<String>,
    /// The video link, shown from 15 minutes before until the end.
    pub video: Option<String>,
    /// A past one: whether it took place, as staff recorded it.
    pub teilnahme: Option<String>,
}

/// "Montag, 15.03.2027, 09:30–10:15 Uhr".
pub fn wann(lang: Lang, starts_at: i64, minutes: i64) -> String {
    let t = ortszeit(starts_at);
    let ende = ortszeit(starts_at + minutes * 60);
    let tag = crate::dienststellen::seiten::wochentag(lang, t.date());
    lang.t_args(
        "termin-wann",
        &[
            ("tag", &tag),
            ("datum", &crate::portal::bescheide::datum(t.date())),
            ("von", &t.format("%H:%M").to_string()),
            ("bis", &ende.format("%H:%M").to_string()),
        ],
    )
}

fn ort(lang: Lang, art: Art, place: &str) -> String {
    match art {
        Art::VorOrt => place.to_owned(),
        Art::Telefon => lang.t("termin-ort-telefon"),
        Art::Video => lang.t("termin-ort-video"),
    }
}

fn zeile(state: &AppState, lang: Lang, t: &Termin, now: i64) -> Zeile {
    Zeile {
        id: t.id.clone(),
        wann: wann(lang, t.starts_at, t.minutes),
        art: t.art.label(lang),
        thema: thema_label(lang, &t.thema),
        ort: ort(lang, t.art, &t.place),
        kontakt: format!("{}, {}", t.office_name, t.office_phone),
        abgesagt: t.abgesagt,
        absagbar: t.state == "gebucht" && t.starts_at - state.config.appointment_cancel_secs > now,
        einladung: t.invited_by.as_ref().map(|_| t.zweck.clone().unwrap_or_default()),
        bestaetigbar: t.state == "eingeladen" && t.starts_at > now,
        verschiebbar: t.invited_by.is_some() && matches!(t.state.as_str(), "eingeladen" | "bestaetigt") && t.starts_at > now,
        stand: match t.state.as_str() {
            "bestaetigt" => Some(lang.t("termin-stand-bestaetigt")),
            "verschiebung" => Some(lang.t("termin-stand-verschiebung")),
            _ => None,
        },
        antwort: t.antwort.clone(),
        video: (t.art == Art::Video && !t.video_link.is_empty() && now >= t.starts_at - 15 * 60 && now < t.starts_at + t.minutes * 60)
            .then(|| t.video_link.clone()),
        teilnahme: t.attended.map(|a| lang.t(if a { "termin-stattgefunden" } else { "termin-nicht-erschienen" })),
    }
}

#[derive(Template)]
#[template(path = "portal/termine/templates/liste.html")]
struct ListPage {
    page: Page,
    kommend: Vec<Zeile>,
    vergangen: Vec<Zeile>,
    notice: Option<String>,
    frist_stunden: i64,
}

#[derive(Deserialize)]
pub struct ListQuery {
    hinweis: Option<String>,
}

/// `GET /termine`.
pub async fn liste(State(state): State<AppState>, c: ClientProfile, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let lang = c.ctx.lang;
    let now = state.now();
    let alle = store::alle(&state.db.pool, &state.secrets, &c.profile.client_id).await?;
    let (mut kommend, vergangen): (Vec<_>, Vec<_>) = alle.iter().partition(|t| t.starts_at + t.minutes * 60 > now && !t.abgesagt);
    kommend.reverse();
    render(&ListPage {
        page: Page::new(&c.ctx, &state, "termine-title"),
        kommend: kommend.into_iter().map(|t| zeile(&state, lang, t, now)).collect(),
        vergangen: vergangen.into_iter().map(|t| zeile(&state, lang, t, now)).collect(),
        notice: match q.hinweis.as_deref() {
            Some("gebucht") => Some(lang.t("termin-gebucht")),
            Some("abgesagt") => Some(lang.t("termin-abgesagt")),
            Some("zu-spaet") => Some(lang.t("termin-zu-spaet")),
            Some("bestaetigt") => Some(lang.t("termin-bestaetigt")),
            Some("verschiebung") => Some(lang.t("termin-verschiebung-gesendet")),
            _ => None,
        },
        frist_stunden: state.config.appointment_cancel_secs / 3600,
    })
}

/// A free slot as the booking page shows it.
pub struct Frei {
    pub id: String,
    pub wann: String,
    pub art: String,
    pub ort: String,
    pub frei: i64,
}

#[derive(Template)]
#[template(path = "portal/termine/templates/vereinbaren.html")]
struct BookPage {
    page: Page,
    themen: Vec<(&'static str, String)>,
    thema: String,
    freie: Vec<Frei>,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct BookQuery {
    thema: Option<String>,
}

async fn vereinbaren_seite(state: &AppState, c: &ClientProfile, thema: Option<&str>, errors: FormErrors) -> AppResult<BookPage> {
    let lang = c.ctx.lang;
    let now = state.now();
    let thema = thema.filter(|t| THEMEN.contains(t)).unwrap_or_default().to_owned();
    let freie = if thema.is_empty() {
        Vec::new()
    } else {
        store::freie(&state.db.pool, &c.profile.office_id, &thema, now, now + WOCHEN * 7 * 86_400)
            .await?
            .into_iter()
            .map(|s| Frei {
                wann: wann(lang, s.starts_at, s.minutes),
                art: s.art.label(lang),
                ort: ort(lang, s.art, &s.place),
                frei: s.capacity - s.booked,
                id: s.id,
            })
            .collect()
    };
    Ok(BookPage {
        page: Page::new(&c.ctx, state, "termine-vereinbaren-title"),
        themen: THEMEN.iter().map(|t| (*t, thema_label(lang, t))).collect(),
        thema,
        freie,
        errors,
    })
}

/// `GET /termine/vereinbaren?thema=…`.
pub async fn vereinbaren(State(state): State<AppState>, c: ClientProfile, Query(q): Query<BookQuery>) -> AppResult<Response> {
    if let Some(t) = q.thema.as_deref()
        && !THEMEN.contains(&t)
    {
        let mut errors = FormErrors::default();
        errors.add("thema-arbeitsuche", c.ctx.lang.t("termin-thema-fehler"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &vereinbaren_seite(&state, &c, None, errors).await?);
    }
    render(&vereinbaren_seite(&state, &c, q.thema.as_deref(), FormErrors::default()).await?)
}

#[derive(Deserialize)]
pub struct BookForm {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    thema: String,
}

/// `POST /termine/buchen`: a place of a slot in the client's office.
pub async fn buchen(State(state): State<AppState>, c: ClientProfile, Form(f): Form<BookForm>) -> AppResult<Response> {
    let lang = c.ctx.lang;
    let now = state.now();
    let mandat = c.mandat();
    let mut tx = state.db.begin().await?;
    match store::buchen(&mut tx, &c.profile.client_id, &c.profile.office_id, &f.slot, &c.session.account_id, now).await? {
        Ok(id) => {
            let details = serde_json::json!({"appointment": id, "slot": f.slot});
            journal::record(&mut tx, &mandat, Ereignis::TerminGebucht, details, &c.ctx.actor, now).await?;
            tx.commit().await?;
            Ok(see_other("/termine?hinweis=gebucht"))
        }
        Err(nicht) => {
            drop(tx);
            let mut errors = FormErrors::default();
            let key = match nicht {
                Nicht::Unbekannt => "termin-unbekannt",
                Nicht::Vergeben => "termin-vergeben",
                Nicht::SchonGebucht => "termin-schon-gebucht",
            };
            errors.add("termine", lang.t(key));
            let status = if nicht == Nicht::Unbekannt { StatusCode::NOT_FOUND } else { StatusCode::CONFLICT };
            render_status(status, &vereinbaren_seite(&state, &c, Some(&f.thema), errors).await?)
        }
    }
}

/// `POST /termine/{id}/absagen`: up to the configured time before.
pub async fn absagen(State(state): State<AppState>, c: ClientProfile, Path(id): Path<String>) -> AppResult<Response> {
    let now = state.now();
    let t = store::eines(&state.db.pool, &state.secrets, &c.profile.client_id, &id).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    if !store::absagen(&mut tx, &c.profile.client_id, &t.id, now + state.config.appointment_cancel_secs, now).await? {
        return Ok(see_other("/termine?hinweis=zu-spaet"));
    }
    let details = serde_json::json!({"appointment": t.id});
    journal::record(&mut tx, &c.mandat(), Ereignis::TerminAbgesagt, details, &c.ctx.actor, now).await?;
    tx.commit().await?;
    Ok(see_other("/termine?hinweis=abgesagt"))
}

/// `GET /termine/{id}/kalender.ics`: the calendar file (after a
/// cancellation, the cancelling one with the same UID).
pub async fn kalender(State(state): State<AppState>, c: ClientProfile, Path(id): Path<String>) -> AppResult<Response> {
    let t = store::eines(&state.db.pool, &state.secrets, &c.profile.client_id, &id).await?.ok_or(AppError::NotFound)?;
    let lang = c.ctx.lang;
    let uid = format!("{}@{}", t.id, state.config.base_url().trim_start_matches("https://").trim_start_matches("http://"));
    let titel = lang.t_args("termin-kalender-titel", &[("thema", &thema_label(lang, &t.thema))]);
    let ort = ort(lang, t.art, &t.place);
    let beschreibung = lang.t_args("termin-kalender-text", &[("kontakt", &format!("{}, {}", t.office_name, t.office_phone))]);
    let url = format!("{}/termine", state.config.base_url());
    let termin = kalender::Termin {
        uid: &uid,
        sequence: u32::try_from(t.sequence).unwrap_or(0),
        beginn: ortszeit(t.starts_at),
        ende: ortszeit(t.starts_at + t.minutes * 60),
        titel: &titel,
        ort: &ort,
        beschreibung: &beschreibung,
        url: Some(&url),
        erstellt: chrono::DateTime::from_timestamp(t.updated_at, 0).unwrap_or_default(),
        organisator: None,
    };
    let ics = kalender::ics(&termin, t.abgesagt);
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, crate::backoffice::sendungen::content_disposition("termin.ics")),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        ics,
    )
        .into_response())
}
