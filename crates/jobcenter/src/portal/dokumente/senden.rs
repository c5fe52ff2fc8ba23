//! The operation "send files" (POR-4), written once for every adapter:
//! the HTML form (`hochladen.rs`) now, the Jobcenter-App's JSON API later.
//! [`pruefen`] turns what arrived into an [`Auftrag`] or a list of
//! [`Problem`]s (stable codes plus localised messages); [`senden`] claims the
//! idempotency key, combines photos if asked, and stores the sending with
//! its work item, journal entry and receipt mail in one transaction.

use super::empfang::{self, Eingang, Fehler};
use super::{Thema, kombinieren, store};
use crate::app::AppState;
use crate::arbeit;
use crate::config::UploadLimits;
use crate::i18n::Lang;
use crate::journal::{self, Ereignis};
use crate::portal::handelnd::Mandat;
use crate::web::idempotenz::{self, Anspruch};
use crate::web::{AppError, AppResult};

/// Longest message.
pub const MAX_MESSAGE: usize = 2000;

/// What is wrong with a sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A file, the number of files or the form itself (see [`Fehler`]).
    Empfang(Fehler),
    ThemaFehlt,
    NachrichtZuLang,
    KeineDatei,
    /// "Als ein Dokument senden" with a file that is no JPEG or PNG.
    NichtKombinierbar {
        name: String,
    },
    /// No valid idempotency key.
    OhneSchluessel,
}

impl Problem {
    /// The form field it belongs to.
    pub fn feld(&self) -> &'static str {
        match self {
            Problem::ThemaFehlt => "thema-geldleistung",
            Problem::NachrichtZuLang => "nachricht",
            _ => "dateien",
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang, limits: UploadLimits) -> String {
        match self {
            Problem::Empfang(Fehler::Datei { name, ablehnung }) => {
                let mb = (limits.max_file / 1_000_000).to_string();
                lang.t_args(&format!("upload-error-{}", ablehnung.code()), &[("datei", name), ("mb", &mb)])
            }
            Problem::Empfang(Fehler::ZuVieleDateien) => lang.t_args("upload-error-too-many", &[("anzahl", &limits.max_files.to_string())]),
            Problem::Empfang(Fehler::SendungZuGross) => {
                lang.t_args("upload-error-total", &[("mb", &(limits.max_total / 1_000_000).to_string())])
            }
            Problem::Empfang(Fehler::Formular) | Problem::OhneSchluessel => lang.t("upload-error-form"),
            Problem::ThemaFehlt => lang.t("upload-error-topic"),
            Problem::NachrichtZuLang => lang.t_args("upload-error-message", &[("anzahl", &MAX_MESSAGE.to_string())]),
            Problem::KeineDatei => lang.t("upload-error-none"),
            Problem::NichtKombinierbar { name } => lang.t_args("upload-error-combine", &[("datei", name)]),
        }
    }
}

/// A checked sending, ready to store.
#[derive(Debug, Clone)]
pub struct Auftrag {
    pub thema: Thema,
    pub nachricht: Option<String>,
    /// Combine the photos into one PDF.
    pub kombinieren: bool,
    /// The idempotency key the form carried.
    pub schluessel: String,
}

/// Checks the fields and files that arrived.
pub fn pruefen(eingang: &Eingang) -> Result<Auftrag, Vec<Problem>> {
    let mut problems: Vec<Problem> = eingang.fehler.iter().cloned().map(Problem::Empfang).collect();
    let thema = eingang.feld("thema").and_then(Thema::parse);
    if thema.is_none() {
        problems.insert(0, Problem::ThemaFehlt);
    }
    let nachricht = eingang.feld("nachricht").map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    if nachricht.as_ref().is_some_and(|m| m.chars().count() > MAX_MESSAGE) {
        problems.push(Problem::NachrichtZuLang);
    }
    if eingang.dateien.is_empty() && eingang.fehler.is_empty() {
        problems.push(Problem::KeineDatei);
    }
    let kombinieren = eingang.feld("als_ein_dokument").is_some() && eingang.dateien.len() > 1;
    let not_a_photo = |d: &&empfang::Datei| !matches!(d.befund.art, dokumente::pruefung::Art::Jpeg | dokumente::pruefung::Art::Png);
    if kombinieren
        && problems.is_empty()
        && let Some(bad) = eingang.dateien.iter().find(not_a_photo)
    {
        problems.push(Problem::NichtKombinierbar { name: bad.name.clone() });
    }
    let schluessel = eingang.feld(idempotenz::FIELD).filter(|k| idempotenz::gueltig(k)).map(str::to_owned);
    match (thema, schluessel, problems.is_empty()) {
        (Some(thema), Some(schluessel), true) => Ok(Auftrag { thema, nachricht, kombinieren, schluessel }),
        (_, None, true) => Err(vec![Problem::OhneSchluessel]),
        _ => Err(problems),
    }
}

/// Stores the sending for the mandate's client, once per idempotency key:
/// returns the sending's id, the first one's for a repeated key. On any
/// error (and for a repeat) the stored objects of this request are deleted.
pub async fn senden(
    state: &AppState,
    mandat: &Mandat,
    request: &crate::audit::Actor,
    lang: Lang,
    eingang: &mut Eingang,
    auftrag: &Auftrag,
) -> AppResult<String> {
    let account = mandat.account_id().to_owned();
    match idempotenz::beanspruchen(&state.db.writer, &account, &auftrag.schluessel, state.now(), std::time::Duration::from_secs(20)).await?
    {
        Anspruch::Neu => {}
        Anspruch::Erledigt(id) => {
            eingang.verwerfen(&state.ablage).await;
            return Ok(id);
        }
        Anspruch::Laeuft => {
            eingang.verwerfen(&state.ablage).await;
            return Err(AppError::Internal(anyhow::anyhow!("a sending with the same key is still being stored")));
        }
    }
    match speichern(state, mandat, request, lang, eingang, auftrag).await {
        Ok(id) => {
            if state.config.clamd_address.is_some()
                && let Err(e) = super::scanner::ausstehende_pruefen(state, Some(&id)).await
            {
                tracing::warn!(error = %format!("{e:#}"), "scanning after a sending failed; the worker tries again");
            }
            Ok(id)
        }
        Err(e) => {
            eingang.verwerfen(&state.ablage).await;
            idempotenz::freigeben(&state.db.writer, &account, &auftrag.schluessel).await.ok();
            Err(e)
        }
    }
}

async fn speichern(
    state: &AppState,
    mandat: &Mandat,
    request: &crate::audit::Actor,
    lang: Lang,
    eingang: &mut Eingang,
    auftrag: &Auftrag,
) -> AppResult<String> {
    let now = state.now();
    let thema = auftrag.thema;
    let mut dateien: Vec<(empfang::Datei, i64)> = eingang.dateien.iter().cloned().map(|d| (d, 1)).collect();
    if auftrag.kombinieren {
        let pdf = kombinieren::als_ein_pdf(state, &eingang.dateien, lang).await?;
        eingang.verwerfen(&state.ablage).await;
        eingang.dateien.push(pdf.0.clone());
        dateien = vec![pdf];
    }
    let scan = if state.config.clamd_address.is_some() { "ausstehend" } else { "ohne" };
    let account = crate::konto::store::find_by_id(&state.db.pool, mandat.account_id()).await?.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    let id = store::anlegen(&mut tx, mandat, thema, auftrag.nachricht.as_deref(), &dateien, scan, &state.secrets, now).await?;
    arbeit::store::anlegen(&mut tx, mandat, mandat.office_id(), arbeit::store::Art::Sendung, &id, thema.team().into(), now).await?;
    let details = serde_json::json!({"upload": id, "topic": thema.as_str(), "files": dateien.len()});
    journal::record(&mut tx, mandat, Ereignis::DateienGesendet, details, request, now).await?;
    let mail_lang = crate::konto::account_lang(&account.lang);
    let liste: Vec<String> = dateien
        .iter()
        .map(|(d, _)| format!("- {} ({}, SHA-256 {})", d.name, store::groesse(d.gespeichert.bytes as i64), d.gespeichert.sha256))
        .collect();
    let args =
        [("thema", mail_lang.t(&thema.label_key())), ("zeit", crate::web::page::format_datetime(now)), ("dateien", liste.join("\n"))];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    crate::konto::queue_mail(state, &mut tx, mail_lang, "upload-receipt", &account.email, &args).await?;
    idempotenz::abschliessen(&mut tx, mandat.account_id(), &auftrag.schluessel, &id).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(upload = %id, files = dateien.len(), "files received");
    Ok(id)
}
