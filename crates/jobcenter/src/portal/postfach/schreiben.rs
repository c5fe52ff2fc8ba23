//! The mailbox operations, written once for every adapter: check a new
//! message or an answer ([`pruefen_neu`], [`pruefen_text`]: domain values or
//! [`Problem`]s with stable codes), open a thread with its work item and
//! journal entry, answer, and read (the read state and the journal).

use super::anhaenge::{self, Ziel};
use super::entwuerfe::Eigentum;
use super::store::{self, Autor};
use super::{Anliegen, Empfaenger, MAX_ANHAENGE, MAX_BETREFF, MAX_TEXT, Postfach};
use crate::app::AppState;
use crate::arbeit;
use crate::audit;
use crate::db::Tx;
use crate::journal::{self, Akteur, Ereignis};
use crate::portal::dokumente::empfang::Datei;
use crate::portal::handelnd::Mandat;
use crate::web::idempotenz;
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
    /// More attachments than [`MAX_ANHAENGE`] (with a draft's).
    ZuVieleAnhaenge,
}

impl Problem {
    pub const ALLE: [Problem; 7] = [
        Problem::AnliegenFehlt,
        Problem::BetreffFehlt,
        Problem::BetreffZuLang,
        Problem::TextFehlt,
        Problem::TextZuLang,
        Problem::Geschlossen,
        Problem::ZuVieleAnhaenge,
    ];

    /// The form field it belongs to (for the concern: the group; the page
    /// links its first radio button).
    pub fn feld(self) -> &'static str {
        match self {
            Problem::AnliegenFehlt => "anliegen",
            Problem::BetreffFehlt | Problem::BetreffZuLang => "betreff",
            Problem::TextFehlt | Problem::TextZuLang | Problem::Geschlossen => "text",
            Problem::ZuVieleAnhaenge => "dateien",
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
            Problem::ZuVieleAnhaenge => "zu-viele-anhaenge",
        }
    }

    pub fn message(self, lang: crate::i18n::Lang) -> String {
        lang.t_args(
            &format!("postfach-error-{}", self.code()),
            &[("max_text", &MAX_TEXT.to_string()), ("max_betreff", &MAX_BETREFF.to_string()), ("max_anhaenge", &MAX_ANHAENGE.to_string())],
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

/// The files of a message: those received with the request, and a
/// draft's (minus the ones the writer removed).
#[derive(Debug, Clone, Copy, Default)]
pub struct Anlagen<'a> {
    pub neue: &'a [Datei],
    pub entwurf: Option<&'a str>,
    pub entfernt: &'a [String],
}

/// Records the message's attachments and ends its draft, in `tx`.
async fn anlagen_speichern(tx: &mut Tx, mandat: &Mandat, message_id: &str, anlagen: Anlagen<'_>, now: i64) -> sqlx::Result<()> {
    anhaenge::anhaengen(tx, mandat.client_id(), Ziel::Nachricht(message_id), anlagen.neue, now).await?;
    if let Some(entwurf) = anlagen.entwurf {
        anhaenge::entfernen(tx, entwurf, anlagen.entfernt).await?;
        anhaenge::verschieben(tx, entwurf, message_id).await?;
        let wem = Eigentum { client_id: mandat.client_id(), account_id: mandat.account_id() };
        super::entwuerfe::loeschen(tx, wem, entwurf).await?;
    }
    Ok(())
}

/// Opens a thread: the message with its attachments, a work item of the
/// concern's team (given to the client's pAp where the concern goes there
/// and one is set), the journal entry and the form's idempotency key, in
/// one transaction. Returns the thread id.
pub async fn eroeffnen(
    state: &AppState,
    h: (&Mandat, &audit::Actor, &str),
    neu: &Neu,
    anlagen: Anlagen<'_>,
    key: &str,
) -> anyhow::Result<String> {
    let (mandat, request, name) = h;
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
    let (id, message) = store::eroeffnen(&mut tx, &state.secrets, &neuer, &autor(mandat, name, &vollmacht), &neu.text, now).await?;
    anlagen_speichern(&mut tx, mandat, &message, anlagen, now).await?;
    let team = neu.anliegen.empfaenger().team();
    let zustaendig = arbeit::store::Zustaendig { team, assignee: pap.as_deref() };
    arbeit::store::anlegen(&mut tx, mandat, mandat.office_id(), arbeit::store::Art::Nachricht, &id, zustaendig, now).await?;
    let details = json!({ "thread": id, "mailbox": neu.anliegen.postfach().as_str(), "concern": neu.anliegen.as_str() });
    journal::record(&mut tx, mandat, Ereignis::NachrichtGesendet, details, request, now).await?;
    idempotenz::abschliessen(&mut tx, mandat.account_id(), key, &format!("/postfach/nachrichten/{id}?hinweis=gesendet")).await?;
    tx.commit().await?;
    Ok(id)
}

/// The client's (or representative's) answer in a thread of the client,
/// with its attachments. `Ok(Err(..))` (a closed thread, a bad text) never
/// stores anything.
pub async fn antworten(
    state: &AppState,
    h: (&Mandat, &audit::Actor, &str),
    thread_id: &str,
    text: &str,
    anlagen: Anlagen<'_>,
    key: &str,
) -> anyhow::Result<Result<(), Problem>> {
    let (mandat, request, name) = h;
    let text = match pruefen_text(text) {
        Ok(t) => t,
        Err(p) => return Ok(Err(p)),
    };
    let now = state.now();
    let vollmacht = vollmacht(mandat);
    let mut tx = state.db.begin().await?;
    let Some((seq, message)) =
        store::antworten(&mut tx, &state.secrets, mandat.client_id(), thread_id, &autor(mandat, name, &vollmacht), &text, now).await?
    else {
        return Ok(Err(Problem::Geschlossen));
    };
    anlagen_speichern(&mut tx, mandat, &message, anlagen, now).await?;
    let details = json!({ "thread": thread_id, "message": seq, "attachments": anlagen.neue.len() });
    journal::record(&mut tx, mandat, Ereignis::NachrichtGesendet, details, request, now).await?;
    let ziel = format!("/postfach/nachrichten/{thread_id}?hinweis=gesendet#antworten");
    idempotenz::abschliessen(&mut tx, mandat.account_id(), key, &ziel).await?;
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

/// An attachment of a sent message was opened on the client's side
/// (journaled in the client's Verlauf).
pub async fn anhang_geoeffnet(state: &AppState, mandat: &Mandat, request: &audit::Actor, thread_id: &str, id: &str) -> anyhow::Result<()> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    journal::record(&mut tx, mandat, Ereignis::AnhangGeoeffnet, json!({ "thread": thread_id, "attachment": id }), request, now).await?;
    tx.commit().await?;
    Ok(())
}
