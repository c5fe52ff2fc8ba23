//! "Nachweise": the documents the answers call for, one file input each,
//! through the upload pipeline (checked by content, encrypted, stored
//! before the row). Files belong to the application from the start and
//! go with it; a required one must be there before it can be sent.

use super::ausfuellen::{Offen, oeffnen, seiten_gesamt};
use super::store;
use crate::app::AppState;
use crate::db::{Tx, new_id};
use crate::portal::dokumente::empfang::{self, Datei as Empfangen, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::handelnd::{AntraegeSehen, Handelnd, kein_recht};
use crate::web::{AppResult, FormErrors, Page, idempotenz, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use sqlx::{AnyPool, Row};

/// A stored document of an application.
#[derive(Debug, Clone)]
pub struct Datei {
    pub id: String,
    pub anhang: String,
    pub file_name: String,
    pub bytes: i64,
    pub sha256: String,
    pub request_id: Option<String>,
}

impl Datei {
    pub fn groesse(&self) -> String {
        crate::portal::dokumente::store::groesse(self.bytes)
    }
}

/// The documents of an application, in the order they came.
pub async fn dateien(pool: &AnyPool, application_id: &str) -> sqlx::Result<Vec<Datei>> {
    let rows = sqlx::query(
        "SELECT id, anhang, file_name, bytes, sha256, request_id FROM application_files WHERE application_id = $1 ORDER BY created_at, id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Datei {
                id: r.try_get("id")?,
                anhang: r.try_get("anhang")?,
                file_name: r.try_get("file_name")?,
                bytes: r.try_get("bytes")?,
                sha256: r.try_get("sha256")?,
                request_id: r.try_get("request_id")?,
            })
        })
        .collect()
}

/// Records received files as documents of an application (`anhang`: the
/// definition's attachment, or "nachreichung" for a document request).
pub async fn speichern(
    tx: &mut Tx,
    application_id: &str,
    anhang: &str,
    request: Option<&str>,
    files: &[&Empfangen],
    now: i64,
) -> sqlx::Result<()> {
    for d in files {
        sqlx::query(
            "INSERT INTO application_files (id, application_id, anhang, request_id, file_name, media_type, bytes, sha256, object_key,
                 envelope, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(application_id)
        .bind(anhang)
        .bind(request)
        .bind(&d.name)
        .bind(d.befund.art.mime())
        .bind(d.gespeichert.bytes as i64)
        .bind(&d.gespeichert.sha256)
        .bind(&d.gespeichert.schluessel)
        .bind(&d.gespeichert.umschlag)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// One document the answers call for, with what is uploaded for it.
pub struct Platz {
    pub id: String,
    pub input: String,
    pub name: String,
    pub hilfe: String,
    pub pflicht: bool,
    pub dateien: Vec<Datei>,
}

#[derive(Template)]
#[template(path = "portal/antraege/templates/nachweise.html")]
struct AttachmentsPage {
    page: Page,
    id: String,
    key: String,
    fortschritt: String,
    plaetze: Vec<Platz>,
    errors: FormErrors,
    notice: Option<String>,
}

/// Removes documents of an application's own attachments (not those that
/// answered a request); their objects are left to the sweep.
async fn entfernen(tx: &mut Tx, application_id: &str, ids: &[String]) -> sqlx::Result<()> {
    for id in ids {
        sqlx::query("DELETE FROM application_files WHERE id = $1 AND application_id = $2 AND request_id IS NULL")
            .bind(id)
            .bind(application_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn seite(
    state: &AppState,
    h: &Handelnd<AntraegeSehen>,
    o: &Offen,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<AttachmentsPage> {
    let id = &o.antrag.id;
    let f = &o.definition.formular;
    let lang = h.ctx.lang;
    let alle = dateien(&state.db.pool, id).await?;
    let plaetze = f
        .anhaenge(&o.antrag.antworten)
        .into_iter()
        .map(|a| Platz {
            input: format!("anhang-{}", a.id),
            name: f.text(lang.code(), &format!("anhang.{}", a.id)).unwrap_or_default().into(),
            hilfe: f.text(lang.code(), &format!("anhang.{}.hilfe", a.id)).unwrap_or_default().into(),
            pflicht: a.pflicht,
            dateien: alle.iter().filter(|d| d.anhang == a.id).cloned().collect(),
            id: a.id.clone(),
        })
        .collect();
    let gesamt = seiten_gesamt(&o.definition, &o.antrag.antworten);
    let mut page = Page::new(&h.ctx, state, "antrag-nachweise-title");
    page.title = format!("{} – {}", lang.t("antrag-nachweise-title"), o.definition.titel(lang));
    Ok(AttachmentsPage {
        page,
        id: id.clone(),
        key: idempotenz::neuer_schluessel(),
        fortschritt: lang.t_args("antrag-fortschritt", &[("schritt", &gesamt.to_string()), ("gesamt", &gesamt.to_string())]),
        plaetze,
        errors,
        notice,
    })
}

#[derive(Deserialize)]
pub struct FormQuery {
    hinweis: Option<String>,
}

/// `GET /antraege/{id}/nachweise`.
pub async fn form(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path(id): Path<String>,
    Query(q): Query<FormQuery>,
) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    if o.bearbeitung(&h.mandat).is_none() {
        return Ok(kein_recht(&state, &h.ctx));
    }
    if !o.antrag.entwurf {
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    let notice = (q.hinweis.as_deref() == Some("entwurf")).then(|| h.ctx.lang.t("antrag-entwurf-gespeichert"));
    render(&seite(&state, &h, &o, FormErrors::default(), notice).await?)
}

/// `POST /antraege/{id}/nachweise` (a form with files, its own idempotency
/// key): stores the files per document, removes the ticked ones, then
/// "weiter", "zurueck" or "entwurf".
pub async fn senden(
    State(state): State<AppState>,
    h: Handelnd<AntraegeSehen>,
    Path(id): Path<String>,
    form: Multipart,
) -> AppResult<Response> {
    let o = oeffnen(&state, &h.mandat, &id).await?;
    let Some(b) = o.bearbeitung(&h.mandat) else { return Ok(kein_recht(&state, &h.ctx)) };
    if !o.antrag.entwurf {
        return Ok(see_other(&format!("/antraege/{id}")));
    }
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    if let Some(fehler) = eingang.fehler.first().cloned() {
        eingang.verwerfen(&state.ablage).await;
        let mut errors = FormErrors::default();
        errors.add("nachweise", UploadProblem::Empfang(fehler).message(h.ctx.lang, state.config.upload));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &seite(&state, &h, &o, errors, None).await?);
    }
    let key = match eingang.einmal(&state, h.mandat.account_id()).await? {
        Einmal::Neu(key) => key,
        Einmal::Beantwortet(res) => return Ok(res),
    };
    let ziel = match eingang.feld("aktion") {
        Some("entwurf") => format!("/antraege/{id}/nachweise?hinweis=entwurf"),
        Some("zurueck") => {
            let d = o.definition.formular.durchlauf(&o.antrag.antworten);
            d.schritte.last().map_or_else(|| format!("/antraege/{id}"), |(i, _)| super::ausfuellen::schritt_pfad(&id, &o.definition, *i))
        }
        _ => format!("/antraege/{id}/zusammenfassung"),
    };
    let plaetze: Vec<String> = o.definition.formular.anhaenge(&o.antrag.antworten).iter().map(|a| format!("anhang-{}", a.id)).collect();
    let now = state.now();
    let mut tx = state.db.begin().await?;
    for input in &plaetze {
        let files: Vec<&Empfangen> = eingang.dateien.iter().filter(|d| &d.feld == input).collect();
        speichern(&mut tx, &id, input.trim_start_matches("anhang-"), None, &files, now).await?;
    }
    entfernen(&mut tx, &id, &eingang.alle("entfernen")).await?;
    store::beruehren(&mut tx, b.mandat.client_id(), &id, now).await?;
    idempotenz::abschliessen(&mut tx, h.mandat.account_id(), &key, &ziel).await?;
    tx.commit().await?;
    // Files sent for no document of the form are not kept.
    for d in eingang.dateien.iter().filter(|d| !plaetze.contains(&d.feld)) {
        state.ablage.loeschen(&d.gespeichert.schluessel).await.ok();
    }
    Ok(see_other(&ziel))
}
