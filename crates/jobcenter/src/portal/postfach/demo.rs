//! Demo data for `jobcenter demo`: a thread of the demo client in the
//! Vermittlungspostfach with an answer of the pAp (unread), so the mailbox,
//! a thread and the back office's "Aufgaben" have something real to show.

use super::Anliegen;
use super::store::{self, Autor, NeuerFaden};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Akteur, Ereignis};

/// Stores the demo thread for `client_id` unless the client has one.
pub async fn faden(state: &AppState, client_id: &str, office_id: &str, pap: &str) -> anyhow::Result<()> {
    let existing: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM mailbox_threads WHERE client_id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    if existing > 0 {
        return Ok(());
    }
    let now = state.now();
    let pap_name = store::staff_name(&state.db.pool, pap).await?;
    let mut tx = state.db.begin().await?;
    let neu = NeuerFaden { client_id, office_id, anliegen: Anliegen::Bewerbung, betreff: "Vorstellungsgespräch bei der Spedition Nord" };
    // The client's first message (the demo client has no account yet).
    let kunde = Autor { from_staff: false, account_id: None, name: "Erika Mustermann", vollmacht_id: None };
    let text = "Guten Tag,\nich habe am Montag ein Vorstellungsgespräch als Lageristin. Werden die Fahrtkosten übernommen?";
    let (id, _) = store::eroeffnen(&mut tx, &state.secrets, &neu, &kunde, text, now - 3600).await?;
    let zustaendig = arbeit::store::Zustaendig { team: arbeit::Team::Vermittlung, assignee: Some(pap) };
    let bezug = journal::Direkt { client_id: client_id.to_owned(), akteur: Akteur::System };
    arbeit::store::anlegen(&mut tx, &bezug, office_id, arbeit::store::Art::Nachricht, &id, zustaendig, now - 3600).await?;
    let antwort =
        "Guten Tag Frau Mustermann,\nja, über das Vermittlungsbudget. Stellen Sie bitte den Antrag und legen Sie die Einladung bei.";
    let jobcenter = Autor { from_staff: true, account_id: Some(pap), name: &pap_name, vollmacht_id: None };
    store::antworten(&mut tx, &state.secrets, client_id, &id, &jobcenter, antwort, now).await?;
    let details = serde_json::json!({ "thread": id, "demo": true });
    journal::record(&mut tx, &bezug, Ereignis::NachrichtBeantwortet, details, &crate::audit::Actor::default(), now).await?;
    tx.commit().await?;
    Ok(())
}
