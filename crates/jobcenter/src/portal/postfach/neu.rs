//! "Neue Nachricht": the form (a form with files: concern, subject, text,
//! attachments), "Entwurf speichern" and resuming a draft, and sending.
//! Nothing typed or attached is lost: a form with errors is kept as a
//! draft with its attachments, and the page shows them.

use super::anhaenge::{self, Anhang, Ziel};
use super::entwuerfe::{self, Eigentum, Entwurf};
use super::schreiben::{self, Anlagen, Problem};
use super::seiten::{name, nutzbar, postfach};
use super::{MAX_ANHAENGE, MAX_BETREFF, MAX_TEXT, Postfach};
use crate::app::AppState;
use crate::portal::dokumente::empfang::{self, Eingang, Einmal};
use crate::portal::dokumente::senden::Problem as UploadProblem;
use crate::portal::handelnd::{Handelnd, Schreiben};
use crate::web::page::FormErrors;
use crate::web::{AppResult, Page, idempotenz, render, render_status, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "portal/postfach/templates/neu.html")]
struct NewPage {
    page: Page,
    postfach: &'static str,
    mailbox_title: String,
    key: String,
    anliegen: Vec<(&'static str, String)>,
    anliegen_fehler: Option<String>,
    form: Entwurf,
    anhaenge: Vec<Anhang>,
    notice: Option<String>,
    errors: FormErrors,
    max_text: usize,
    max_betreff: usize,
    max_anhaenge: usize,
}

/// The id of the first concern's radio button (`anliegen-<value>`).
fn erstes_anliegen(p: Postfach) -> &'static str {
    match p {
        Postfach::Leistung => "anliegen-antrag",
        Postfach::Vermittlung => "anliegen-bewerbung",
    }
}

fn eigentum(h: &Handelnd<Schreiben>) -> Eigentum<'_> {
    Eigentum { client_id: h.mandat.client_id(), account_id: h.mandat.account_id() }
}

async fn new_page(
    state: &AppState,
    h: &Handelnd<Schreiben>,
    p: Postfach,
    form: Entwurf,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<NewPage> {
    let lang = h.ctx.lang;
    let anhaenge = if form.id.is_empty() { Vec::new() } else { anhaenge::des_entwurfs(&state.db.pool, &form.id).await? };
    Ok(NewPage {
        page: Page::new(&h.ctx, state, "postfach-new-title"),
        postfach: p.as_str(),
        mailbox_title: lang.t(&p.label_key()),
        key: idempotenz::neuer_schluessel(),
        anliegen: p.anliegen().iter().map(|a| (a.as_str(), lang.t(&a.label_key()))).collect(),
        anliegen_fehler: errors.get(erstes_anliegen(p)).map(str::to_owned),
        form,
        anhaenge,
        notice,
        errors,
        max_text: MAX_TEXT,
        max_betreff: MAX_BETREFF,
        max_anhaenge: MAX_ANHAENGE,
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    entwurf: Option<String>,
    hinweis: Option<String>,
}

/// `GET /postfach/{postfach}/neu[?entwurf=…]`.
pub async fn form(
    State(state): State<AppState>,
    h: Handelnd<Schreiben>,
    Path(p): Path<String>,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    let p = postfach(&p)?;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    let form = match q.entwurf.as_deref() {
        Some(id) => entwuerfe::laden(&state.db.pool, &state.secrets, eigentum(&h), p, id).await?.unwrap_or_default(),
        None => Entwurf::default(),
    };
    let notice = (q.hinweis.as_deref() == Some("entwurf") && !form.id.is_empty()).then(|| h.ctx.lang.t("postfach-draft-saved"));
    render(&new_page(&state, &h, p, form, FormErrors::default(), notice).await?)
}

/// The draft a form continues: only the writer's own, in this mailbox.
async fn entwurf_der_form(state: &AppState, h: &Handelnd<Schreiben>, p: Postfach, e: &Eingang) -> AppResult<Option<String>> {
    let Some(id) = e.feld("entwurf").filter(|id| !id.is_empty()) else { return Ok(None) };
    Ok(entwuerfe::laden(&state.db.pool, &state.secrets, eigentum(h), p, id).await?.map(|d| d.id))
}

/// Saves what the form holds as a draft (its files attached, removed ones
/// detached); returns the draft.
async fn als_entwurf(state: &AppState, h: &Handelnd<Schreiben>, p: Postfach, e: &Eingang, id: Option<&str>) -> AppResult<Entwurf> {
    let now = state.now();
    let mut form = Entwurf {
        id: String::new(),
        anliegen: e.feld("anliegen").unwrap_or("").to_owned(),
        betreff: e.feld("betreff").unwrap_or("").chars().take(MAX_BETREFF * 2).collect(),
        text: e.feld("text").unwrap_or("").chars().take(MAX_TEXT * 2).collect(),
        updated_at: now,
    };
    let mut tx = state.db.begin().await?;
    let id = entwuerfe::speichern(&mut tx, &state.secrets, eigentum(h), p, id, &form, now).await?;
    anhaenge::entfernen(&mut tx, &id, &e.alle("entfernen")).await?;
    anhaenge::anhaengen(&mut tx, h.mandat.client_id(), Ziel::Entwurf(&id), &e.dateien, now).await?;
    tx.commit().await?;
    form.id = id;
    Ok(form)
}

/// `POST /postfach/{postfach}/neu` (a form with files): "Entwurf speichern"
/// keeps the draft; "Senden" checks and sends (errors keep a draft too).
pub async fn senden(State(state): State<AppState>, h: Handelnd<Schreiben>, Path(p): Path<String>, form: Multipart) -> AppResult<Response> {
    let p = postfach(&p)?;
    if !nutzbar(&state, &h, p).await? {
        return Ok(see_other(&p.path()));
    }
    let lang = h.ctx.lang;
    let mut eingang = empfang::lesen(&state.ablage, state.config.upload, form).await?;
    let entwurf = entwurf_der_form(&state, &h, p, &eingang).await?;
    // A refused file refuses the request's files (as "Datei hochladen");
    // the text is kept on the page and in the draft.
    let mut errors = FormErrors::default();
    if let Some(f) = eingang.fehler.first() {
        errors.add("dateien", UploadProblem::Empfang(f.clone()).message(lang, state.config.upload));
        eingang.verwerfen(&state.ablage).await;
    }
    if eingang.feld("aktion") == Some("entwurf") && errors.is_empty() {
        let d = als_entwurf(&state, &h, p, &eingang, entwurf.as_deref()).await?;
        return Ok(see_other(&format!("{}/neu?entwurf={}&hinweis=entwurf", p.path(), d.id)));
    }
    let vorhanden = match &entwurf {
        Some(id) => anhaenge::des_entwurfs(&state.db.pool, id).await?.len(),
        None => 0,
    };
    let entfernt = eingang.alle("entfernen");
    let geprueft = schreiben::pruefen_neu(
        p,
        eingang.feld("anliegen").unwrap_or(""),
        eingang.feld("betreff").unwrap_or(""),
        eingang.feld("text").unwrap_or(""),
    );
    let anzahl = vorhanden.saturating_sub(entfernt.len()) + eingang.dateien.len();
    let neu = match geprueft {
        Ok(neu) if errors.is_empty() && anzahl <= MAX_ANHAENGE => neu,
        other => {
            let mut probleme = other.err().unwrap_or_default();
            if anzahl > MAX_ANHAENGE {
                probleme.push(Problem::ZuVieleAnhaenge);
            }
            for pr in probleme {
                // The summary leads to the first concern's radio button.
                let feld = if pr == Problem::AnliegenFehlt { erstes_anliegen(p) } else { pr.feld() };
                errors.add(feld, pr.message(lang));
            }
            let d = als_entwurf(&state, &h, p, &eingang, entwurf.as_deref()).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &h, p, d, errors, None).await?);
        }
    };
    let key = match eingang.einmal(&state, h.mandat.account_id()).await? {
        Einmal::Neu(key) => key,
        Einmal::Beantwortet(res) => return Ok(res),
    };
    let anlagen = Anlagen { neue: &eingang.dateien, entwurf: entwurf.as_deref(), entfernt: &entfernt };
    match schreiben::eroeffnen(&state, (&h.mandat, &h.ctx.actor, &name(&h)), &neu, anlagen, &key).await {
        Ok(id) => Ok(see_other(&format!("/postfach/nachrichten/{id}?hinweis=gesendet"))),
        Err(e) => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, h.mandat.account_id(), &key).await.ok();
            Err(e.into())
        }
    }
}
