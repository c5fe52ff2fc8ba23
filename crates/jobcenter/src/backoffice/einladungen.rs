//! A client's appointments in the back office (POR-5): invite the client
//! (in person, by phone, by video; with the purpose), answer a request to
//! move an invitation (a new date with a higher calendar sequence, or
//! declined with an answer), and record whether a past one took place.

use super::AnyStaff;
use super::Nav;
use super::akte::Akte;
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Ereignis};
use crate::portal::termine::einladung::{self, Neu};
use crate::portal::termine::seiten::wann;
use crate::portal::termine::store::{self, Termin, versiegeln};
use crate::portal::termine::{Art, beginn_dauer_art, eingegeben, ort_falsch, thema_label};
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// An appointment as the record shows it.
pub struct Zeile {
    pub t: Termin,
    pub wann: String,
    pub thema: String,
    pub art: String,
    pub vergangen: bool,
    /// "Gebucht", "Eingeladen", "Bestätigt", "Verschiebung angefragt", "Abgesagt".
    pub stand: String,
}

/// The label key of an appointment's state.
pub fn stand_key(state: &str) -> &'static str {
    match state {
        "eingeladen" => "bo-termin-stand-eingeladen",
        "bestaetigt" => "bo-termin-stand-bestaetigt",
        "verschiebung" => "bo-termin-stand-verschiebung",
        "abgesagt" => "bo-termin-stand-abgesagt",
        _ => "bo-termin-stand-gebucht",
    }
}

#[derive(Deserialize, Default)]
pub struct InviteForm {
    #[serde(default)]
    datum: String,
    #[serde(default)]
    uhrzeit: String,
    #[serde(default)]
    minuten: String,
    #[serde(default)]
    art: String,
    #[serde(default)]
    ort: String,
    #[serde(default)]
    video: String,
    #[serde(default)]
    zweck: String,
}

#[derive(Template)]
#[template(path = "backoffice/templates/einladungen.html")]
struct RecordPage {
    page: Page,
    nav: Nav,
    client: super::store::Client,
    /// The purpose the record was opened for (the forms keep it).
    zweck: &'static str,
    action: String,
    zeilen: Vec<Zeile>,
    arten: Vec<(&'static str, String)>,
    form: InviteForm,
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

async fn seite(
    state: &AppState,
    akte: &Akte<AnyStaff>,
    form: InviteForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<RecordPage> {
    let lang = akte.ctx().lang;
    let now = state.now();
    let zeilen = store::alle(&state.db.pool, &state.secrets, &akte.client.id)
        .await?
        .into_iter()
        .map(|t| Zeile {
            wann: wann(lang, t.starts_at, t.minutes),
            thema: thema_label(lang, &t.thema),
            art: t.art.label(lang),
            vergangen: t.starts_at < now,
            stand: lang.t(stand_key(&t.state)),
            t,
        })
        .collect();
    Ok(RecordPage {
        page: Page::new(akte.ctx(), state, "bo-einladung-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        action: akte.mit_zweck(&format!("/backoffice/kunden/{}/termine", akte.client.id)),
        client: akte.client.clone(),
        zweck: akte.zweck,
        zeilen,
        arten: Art::ALLE.iter().map(|a| (a.as_str(), a.label(lang))).collect(),
        form,
        errors,
        notice,
    })
}

/// `GET /backoffice/kunden/{id}/termine?zweck=…`.
pub async fn liste(State(state): State<AppState>, akte: Akte<AnyStaff>, Query(q): Query<NoticeQuery>) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let notice = match q.hinweis.as_deref() {
        Some("online") => Some(lang.t("bo-einladung-online")),
        Some("papier") => Some(lang.t("bo-einladung-papier")),
        Some("gespeichert") => Some(lang.t("bo-einladung-gespeichert")),
        Some("fehler") => Some(lang.t("bo-einladung-aktion-fehler")),
        _ => None,
    };
    render(&seite(&state, &akte, InviteForm { minuten: "30".into(), ..InviteForm::default() }, FormErrors::default(), notice).await?)
}

/// `POST /backoffice/kunden/{id}/termine?zweck=…`: the invitation.
pub async fn einladen(State(state): State<AppState>, akte: Akte<AnyStaff>, Form(f): Form<InviteForm>) -> AppResult<Response> {
    let lang = akte.ctx().lang;
    let now = state.now();
    let mut errors = FormErrors::default();
    let (beginn, minuten, art) = beginn_dauer_art(lang, (&f.datum, &f.uhrzeit, &f.minuten, &f.art), now, &mut errors);
    if ort_falsch(art, &f.ort) {
        errors.add("ort", lang.t("bo-termine-fehler-ort"));
    }
    let video = f.video.trim();
    if art == Some(Art::Video) && !(video.starts_with("https://") && video.len() <= 500 && !video.contains(char::is_whitespace)) {
        errors.add("video", lang.t("bo-einladung-fehler-video"));
    }
    let zweck = f.zweck.trim();
    if zweck.is_empty() || zweck.chars().count() > 1000 {
        errors.add("zweck", lang.t("bo-einladung-fehler-zweck"));
    }
    let (Some(beginn), Some(minuten), Some(art), true) = (beginn, minuten, art, errors.is_empty()) else {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &seite(&state, &akte, f, errors, None).await?);
    };
    let neu = Neu {
        client_id: &akte.client.id,
        office_id: &akte.staff.member.office_id,
        art,
        starts_at: beginn,
        minutes: minuten,
        place: f.ort.trim(),
        video_link: if art == Art::Video { video } else { "" },
        zweck,
        invited_by: akte.staff.account_id(),
    };
    let mut tx = state.db.begin().await?;
    let (_, papier) = einladung::einladen(&state, &mut tx, &neu, &akte, &akte.ctx().actor, now).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    let path = akte.mit_zweck(&format!("/backoffice/kunden/{}/termine", akte.client.id));
    Ok(see_other(&format!("{path}&hinweis={}", if papier { "papier" } else { "online" })))
}

#[derive(Deserialize)]
pub struct ActForm {
    #[serde(default)]
    aktion: String,
    #[serde(default)]
    datum: String,
    #[serde(default)]
    uhrzeit: String,
    #[serde(default)]
    antwort: String,
}

/// `POST /backoffice/kunden/{id}/termine/{termin}?zweck=…`: move as asked
/// (a new date), decline with an answer, or record attendance.
pub async fn handeln(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, id)): Path<(String, String)>,
    Form(f): Form<ActForm>,
) -> AppResult<Response> {
    let now = state.now();
    let t = store::eines(&state.db.pool, &state.secrets, &akte.client.id, &id).await?.ok_or(AppError::NotFound)?;
    let zurueck = akte.mit_zweck(&format!("/backoffice/kunden/{}/termine", akte.client.id));
    let fehler = see_other(&format!("{zurueck}&hinweis=fehler#termin-{id}"));
    let mut tx = state.db.begin().await?;
    let n = match f.aktion.as_str() {
        "verschieben" if t.state == "verschiebung" => {
            let Some(beginn) = eingegeben(&f.datum, &f.uhrzeit, now) else { return Ok(fehler) };
            sqlx::query(
                "UPDATE appointments SET starts_at = $1, state = 'eingeladen', sequence = sequence + 1, updated_at = $2 WHERE id = $3 AND state = 'verschiebung'",
            )
            .bind(beginn)
            .bind(now)
            .bind(&id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        }
        "ablehnen" if t.state == "verschiebung" => {
            let antwort = f.antwort.trim();
            if antwort.is_empty() || antwort.chars().count() > 2000 {
                return Ok(fehler);
            }
            sqlx::query("UPDATE appointments SET state = 'eingeladen', answer_sealed = $1, updated_at = $2 WHERE id = $3 AND state = 'verschiebung'")
                .bind(versiegeln(&state.secrets, &id, "antwort", antwort))
                .bind(now)
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        }
        "teilgenommen" | "nicht_erschienen" if t.starts_at <= now && !t.abgesagt => {
            sqlx::query("UPDATE appointments SET attended = $1, updated_at = $2 WHERE id = $3")
                .bind(i64::from(f.aktion == "teilgenommen"))
                .bind(now)
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        }
        _ => 0,
    };
    if n != 1 {
        return Ok(fehler);
    }
    if matches!(f.aktion.as_str(), "verschieben" | "ablehnen") {
        journal::record(
            &mut tx,
            &akte,
            Ereignis::TerminVerschiebungBeantwortet,
            serde_json::json!({"appointment": id, "aktion": f.aktion}),
            &akte.ctx().actor,
            now,
        )
        .await?;
        crate::portal::antraege::mitteilen(&state, &mut tx, &akte.client.id, "termin-antwort", "/termine", &[]).await?;
        arbeit::store::durch_vorgang_erledigt(&mut tx, arbeit::store::Art::Termin, &id, akte.staff.account_id(), now).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other(&format!("{zurueck}&hinweis=gespeichert#termin-{id}")))
}
