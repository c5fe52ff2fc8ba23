//! A sent application in the back office (APP-3): the answers and
//! documents as sent, the work item with its actions and notes, and the
//! processing the client sees: "In Bearbeitung", "Unterlagen nachfordern"
//! (which documents, by when), "Entscheiden" (linking a published
//! Bescheid), "Zurückziehen" on the client's request. Each change goes to
//! the client's Verlauf and as a mail without content. Opening it is a
//! record access ([`Akte`]).

use super::akte::Akte;
use super::aufgaben::VorgangTeil;
use super::{AnyStaff, Nav};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Ereignis};
use crate::portal::antraege::nachweise::{self, Datei};
use crate::portal::antraege::senden::{Abschnitt, abschnitte};
use crate::portal::antraege::{Status, anfragen, definitionen, store};
use crate::web::{AppError, AppResult, Page, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "backoffice/templates/antrag.html")]
struct ApplicationPage {
    page: Page,
    nav: Nav,
    client: super::store::Client,
    zweck: &'static str,
    here: String,
    titel: String,
    reference: String,
    gesendet: String,
    status: String,
    abschnitte: Vec<Abschnitt>,
    dateien: Vec<Datei>,
    anfragen: Vec<anfragen::Anfrage>,
    bescheide: Vec<(String, String)>,
    vorgang: VorgangTeil,
    notice: Option<String>,
    action: String,
    /// A Bürgergeld form: the decision sets the benefit period (APP-4).
    zeitraum: bool,
    /// "Aktueller Bewilligungszeitraum: 01.01.2027 bis 30.06.2027".
    aktuell: Option<String>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    hinweis: Option<String>,
}

/// `GET /backoffice/kunden/{id}/antraege/{antrag}?zweck=…`.
pub async fn show(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, antrag_id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let ctx = akte.ctx();
    let lang = ctx.lang;
    let a = store::laden(&state.db.pool, &state.secrets, &akte.client.id, &antrag_id)
        .await?
        .filter(|a| !a.entwurf)
        .ok_or(AppError::NotFound)?;
    let def = definitionen::nach_id(&state.db.pool, &a.definition_id).await?.ok_or(AppError::NotFound)?;
    let vorgang = VorgangTeil::laden(&state, lang, &akte.staff.member, arbeit::store::Art::Antrag, &a.id).await?;
    let seite = crate::portal::bescheide::store::liste(
        &state.db.pool,
        &state.secrets,
        &akte.client.id,
        crate::portal::bescheide::store::Sicht::Mitarbeiter,
        None,
        50,
    )
    .await?;
    let bescheide: Vec<(String, String)> =
        seite.items.into_iter().map(|d| (d.id, format!("{} ({})", d.titel, crate::web::page::german_date(&d.datum)))).collect();
    let notice = match q.hinweis.as_deref() {
        Some("gespeichert") => Some(lang.t("bo-antrag-gespeichert")),
        Some("bescheid") => Some(lang.t("bo-antrag-bescheid-fehlt")),
        Some("anfrage") => Some(lang.t("bo-antrag-anfrage-fehlt")),
        Some("zeitraum") => Some(lang.t("bo-antrag-zeitraum-fehler")),
        other => arbeit::hinweis(lang, other),
    };
    let path = format!("/backoffice/kunden/{}/antraege/{}", akte.client.id, a.id);
    render(&ApplicationPage {
        page: Page::new(ctx, &state, "bo-antrag-title"),
        nav: Nav::for_member(lang, &akte.staff.member, ""),
        here: akte.mit_zweck(&path),
        action: akte.mit_zweck(&path),
        titel: def.titel(lang),
        zeitraum: def.formular.dok.leistung.as_deref() == Some("buergergeld"),
        aktuell: zeitraum_von(&state, &akte.client.id)
            .await?
            .map(|(v, b)| lang.t_args("bo-antrag-zeitraum-aktuell", &[("von", &v), ("bis", &b)])),
        reference: a.reference.clone().unwrap_or_default(),
        gesendet: a.submitted_at.map(crate::web::page::format_datetime).unwrap_or_default(),
        status: lang.t(&a.status.unwrap_or(Status::Eingegangen).label_key()),
        abschnitte: abschnitte(&def.formular, lang, &a.id, &a.antworten, &bescheide),
        dateien: nachweise::dateien(&state.db.pool, &a.id).await?,
        anfragen: anfragen::alle(&state.db.pool, &state.secrets, &a.id).await?,
        vorgang,
        client: akte.client.clone(),
        zweck: akte.zweck,
        bescheide,
        notice,
    })
}

#[derive(Deserialize)]
pub struct ActForm {
    aktion: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    frist: String,
    #[serde(default)]
    bescheid: String,
    #[serde(default)]
    von: String,
    #[serde(default)]
    bis: String,
}

/// The client's benefit period as shown.
async fn zeitraum_von(state: &AppState, client_id: &str) -> AppResult<Option<(String, String)>> {
    let row: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT benefit_from, benefit_until FROM clients WHERE id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    Ok(match row {
        (Some(v), Some(b)) => Some((crate::web::page::german_date(&v), crate::web::page::german_date(&b))),
        _ => None,
    })
}

/// "Von" and "Bis" of a benefit period: both empty (none given), or two
/// dates with "Bis" after "Von" and after today.
fn zeitraum(f: &ActForm, heute: chrono::NaiveDate) -> Result<Option<(chrono::NaiveDate, chrono::NaiveDate)>, ()> {
    let lesen = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    match (f.von.trim(), f.bis.trim()) {
        ("", "") => Ok(None),
        (v, b) => match (lesen(v), lesen(b)) {
            (Some(v), Some(b)) if v < b && b > heute => Ok(Some((v, b))),
            _ => Err(()),
        },
    }
}

/// `POST /backoffice/kunden/{id}/antraege/{antrag}?zweck=…`: a change the
/// client sees. Only members of the item's team.
pub async fn act(
    State(state): State<AppState>,
    akte: Akte<AnyStaff>,
    Path((_, antrag_id)): Path<(String, String)>,
    Form(f): Form<ActForm>,
) -> AppResult<Response> {
    let a = store::laden(&state.db.pool, &state.secrets, &akte.client.id, &antrag_id)
        .await?
        .filter(|a| !a.entwurf)
        .ok_or(AppError::NotFound)?;
    let zurueck = akte.mit_zweck(&format!("/backoffice/kunden/{}/antraege/{}", akte.client.id, a.id));
    let item = arbeit::store::zu(&state.db.pool, arbeit::store::Art::Antrag, &a.id).await?.ok_or(AppError::NotFound)?;
    if !akte.staff.member.roles.contains(&item.team.rolle()) {
        return Ok(see_other(&format!("{zurueck}&hinweis={}", arbeit::Abgelehnt::NichtBerechtigt.message_key())));
    }
    let now = state.now();
    let mut periode = None;
    let (status, decision) = match f.aktion.as_str() {
        "in_bearbeitung" => (Status::InBearbeitung, None),
        "zurueckziehen" => (Status::Zurueckgezogen, None),
        "entscheiden" => {
            let ok = crate::portal::bescheide::store::eines(
                &state.db.pool,
                &state.secrets,
                &akte.client.id,
                crate::portal::bescheide::store::Sicht::Mitarbeiter,
                &f.bescheid,
            )
            .await?
            .is_some();
            if !ok {
                return Ok(see_other(&format!("{zurueck}&hinweis=bescheid")));
            }
            let Ok(z) = zeitraum(&f, crate::portal::bescheide::tag(now)) else {
                return Ok(see_other(&format!("{zurueck}&hinweis=zeitraum")));
            };
            periode = z;
            (Status::Entschieden, Some(f.bescheid.as_str()))
        }
        "nachfordern" => {
            let frist =
                chrono::NaiveDate::parse_from_str(f.frist.trim(), "%Y-%m-%d").ok().filter(|d| *d > crate::portal::bescheide::tag(now));
            let text = f.text.trim();
            if frist.is_none() || text.is_empty() || text.chars().count() > 2000 {
                return Ok(see_other(&format!("{zurueck}&hinweis=anfrage")));
            }
            (Status::UnterlagenFehlen, None)
        }
        _ => return Err(AppError::NotFound),
    };
    let mut tx = state.db.begin().await?;
    if status == Status::UnterlagenFehlen {
        anfragen::anlegen(&mut tx, &state.secrets, &a.id, &akte.staff.member.account_id, f.text.trim(), f.frist.trim(), now).await?;
        journal::record(
            &mut tx,
            &akte,
            Ereignis::UnterlagenNachgefordert,
            serde_json::json!({"application": a.id}),
            &akte.ctx().actor,
            now,
        )
        .await?;
    }
    store::status_setzen(&mut tx, &a.id, status, decision, now).await?;
    if let Some((von, bis)) = periode {
        // The reminder before its end goes out once per end date.
        sqlx::query("UPDATE clients SET benefit_from = $1, benefit_until = $2 WHERE id = $3")
            .bind(von.to_string())
            .bind(bis.to_string())
            .bind(&akte.client.id)
            .execute(&mut *tx)
            .await?;
    }
    let details = serde_json::json!({"application": a.id, "status": status.as_str()});
    journal::record(&mut tx, &akte, Ereignis::AntragStatusGeaendert, details, &akte.ctx().actor, now).await?;
    crate::portal::antraege::kunde_benachrichtigen(&state, &mut tx, &akte.client.id, &a.id, "antrag-status").await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(see_other(&format!("{zurueck}&hinweis=gespeichert")))
}
