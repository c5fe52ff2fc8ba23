//! The mailbox operations, written once for every adapter: check a new
//! message or an answer ([`pruefen_neu`], [`pruefen_text`]: domain values or
//! [`Problem`]s with stable codes), open a thread with its work item and
//! journal entry, answer, and read (the read state and the journal).

use super::store::{self, Autor};
use super::{Anliegen, Empfaenger, MAX_BETREFF, MAX_TEXT, Postfach};
use crate::app::AppState;
use crate::arbeit;
use crate::audit;
use crate::journal::{self, Akteur, Ereignis};
use crate::portal::handelnd::Mandat;
use serde_json::json;

/// What is wrong with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    AnliegenFehlt,
    BetreffFehlt,
    BetreffZuLang,
    TextFehlt,
    TextZuLang,
    /// The thread is closed (its work item is "erledigt").
    Geschlossen,
}

impl Problem {
    pub const ALLE: [Problem; 6] = [
        Problem::AnliegenFehlt,
        Problem::BetreffFehlt,
        Problem::BetreffZuLang,
        Problem::TextFehlt,
        Problem::TextZuLang,
        Problem::Geschlossen,
    ];

    /// The form field it belongs to (for the concern: the group; the page
    /// links its first radio button).
    pub fn feld(self) -> &'static str {
        match self {
            Problem::AnliegenFehlt => "anliegen",
            Problem::BetreffFehlt | Problem::BetreffZuLang => "betreff",
            Problem::TextFehlt | Problem::TextZuLang | Problem::Geschlossen => "text",
        }
    }

    /// A stable code (the Jobcenter-App's API) and the message key.
    pub fn code(self) -> &'static str {
        match self {
            Problem::AnliegenFehlt => "anliegen-fehlt",
            Problem::BetreffFehlt => "betreff-fehlt",
            Problem::BetreffZuLang => "betreff-zu-lang",
            Problem::TextFehlt => "text-fehlt",
            Problem::TextZuLang => "text-zu-lang",
            Problem::Geschlossen => "geschlossen",
        }
    }

    pub fn message(self, lang: crate::i18n::Lang) -> String {
        lang.t_args(
            &format!("postfach-error-{}", self.code()),
            &[("max_text", &MAX_TEXT.to_string()), ("max_betreff", &MAX_BETREFF.to_string())],
        )
    }
}

/// A checked new message.
#[derive(Debug, Clone)]
pub struct Neu {
    pub anliegen: Anliegen,
    pub betreff: String,
    pub text: String,
}

/// Checks the text of a message or answer.
pub fn pruefen_text(text: &str) -> Result<String, Problem> {
    let text = text.trim().replace("\r\n", "\n");
    match text.chars().count() {
        0 => Err(Problem::TextFehlt),
        n if n > MAX_TEXT => Err(Problem::TextZuLang),
        _ => Ok(text),
    }
}

/// Checks a new message for `postfach`: a concern of that mailbox, a
/// subject and a text within their limits.
pub fn pruefen_neu(postfach: Postfach, anliegen: &str, betreff: &str, text: &str) -> Result<Neu, Vec<Problem>> {
    let mut probleme = Vec::new();
    let anliegen = Anliegen::parse(anliegen).filter(|a| a.postfach() == postfach);
    if anliegen.is_none() {
        probleme.push(Problem::AnliegenFehlt);
    }
    let betreff: String = betreff.trim().chars().filter(|c| !c.is_control()).collect();
    match betreff.chars().count() {
        0 => probleme.push(Problem::BetreffFehlt),
        n if n > MAX_BETREFF => probleme.push(Problem::BetreffZuLang),
        _ => {}
    }
    let text = pruefen_text(text).map_err(|p| probleme.push(p)).ok();
    match (anliegen, text) {
        (Some(anliegen), Some(text)) if probleme.is_empty() => Ok(Neu { anliegen, betreff, text }),
        _ => Err(probleme),
    }
}

/// Who writes for the client: the name shown with the message and the
/// power of attorney of a representative.
fn autor<'a>(mandat: &'a Mandat, name: &'a str, vollmacht: &'a Option<String>) -> Autor<'a> {
    Autor { from_staff: false, account_id: Some(mandat.account_id()), name, vollmacht_id: vollmacht.as_deref() }
}

fn vollmacht(mandat: &Mandat) -> Option<String> {
    match mandat.akteur() {
        Akteur::Vertretung { vollmacht_id, .. } => Some(vollmacht_id),
        _ => None,
    }
}

/// Opens a thread: the message, a work item of the concern's team (given
/// to the client's pAp where the concern goes there and one is set), and
/// the journal entry, in one transaction. Returns the thread id.
pub async fn eroeffnen(state: &AppState, mandat: &Mandat, request: &audit::Actor, name: &str, neu: &Neu) -> anyhow::Result<String> {
    let now = state.now();
    let vollmacht = vollmacht(mandat);
    let mut tx = state.db.begin().await?;
    let pap: Option<String> = match neu.anliegen.empfaenger() {
        Empfaenger::Pap => {
            sqlx::query_scalar("SELECT pap_staff_id FROM clients WHERE id = $1").bind(mandat.client_id()).fetch_one(&mut *tx).await?
        }
        Empfaenger::Leistungsservice => None,
    };
    let neuer =
        store::NeuerFaden { client_id: mandat.client_id(), office_id: mandat.office_id(), anliegen: neu.anliegen, betreff: &neu.betreff };
    let id = store::eroeffnen(&mut tx, &state.secrets, &neuer, &autor(mandat, name, &vollmacht), &neu.text, now).await?;
    let team = neu.anliegen.empfaenger().team();
    arbeit::store::anlegen(
        &mut tx,
        mandat,
        mandat.office_id(),
        arbeit::store::Art::Nachricht,
        &id,
        arbeit::store::Zustaendig { team, assignee: pap.as_deref() },
        now,
    )
    .await?;
    let details = json!({ "thread": id, "mailbox": neu.anliegen.postfach().as_str(), "concern": neu.anliegen.as_str() });
    journal::record(&mut tx, mandat, Ereignis::NachrichtGesendet, details, request, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// The client's (or representative's) answer in a thread of the client.
/// `Ok(Err(Geschlossen))` for a closed thread; `Ok(Err(..))` never stores.
pub async fn antworten(
    state: &AppState,
    mandat: &Mandat,
    request: &audit::Actor,
    name: &str,
    thread_id: &str,
    text: &str,
) -> anyhow::Result<Result<(), Problem>> {
    let text = match pruefen_text(text) {
        Ok(t) => t,
        Err(p) => return Ok(Err(p)),
    };
    let now = state.now();
    let vollmacht = vollmacht(mandat);
    let mut tx = state.db.begin().await?;
    let Some(seq) =
        store::antworten(&mut tx, &state.secrets, mandat.client_id(), thread_id, &autor(mandat, name, &vollmacht), &text, now).await?
    else {
        return Ok(Err(Problem::Geschlossen));
    };
    let details = json!({ "thread": thread_id, "message": seq });
    journal::record(&mut tx, mandat, Ereignis::NachrichtGesendet, details, request, now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Opening a thread on the client's side: the jobcenter's answers count as
/// read (journaled when there were unread ones).
pub async fn gelesen(state: &AppState, mandat: &Mandat, request: &audit::Actor, thread_id: &str) -> anyhow::Result<()> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if store::gelesen(&mut tx, mandat.client_id(), thread_id, false).await? {
        journal::record(&mut tx, mandat, Ereignis::NachrichtGelesen, json!({ "thread": thread_id }), request, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
