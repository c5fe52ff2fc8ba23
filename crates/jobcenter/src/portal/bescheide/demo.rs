//! Demo data for `jobcenter demo`: a Bescheid of the demo client made
//! available online (the demo client has not consented yet when the demo
//! runs, so it is recorded as if consent had been given, with no mail),
//! so "Bescheide und Nachweise" has something to open and retrieve.

use super::{Art, Stufe, store};
use crate::app::AppState;
use crate::db::new_id;
use crate::journal::{self, Akteur, Ereignis};

fn bescheid_pdf() -> Vec<u8> {
    crate::portal::dokumente::demo::einfaches_pdf(&[
        ("Bewilligungsbescheid Buergergeld (Beispiel)", 72.0, 770.0, 14.0),
        ("Bewilligungszeitraum 01.01.2027 bis 31.12.2027", 72.0, 740.0, 11.0),
    ])
}

/// Stores the demo Bescheid for `client_id` unless the client has one.
pub async fn bescheid(state: &AppState, client_id: &str, office_id: &str, staff_id: &str) -> anyhow::Result<()> {
    let existing: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM decisions WHERE client_id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    if existing > 0 {
        return Ok(());
    }
    let mut w = state.ablage.schreiber(&state.ablage.neuer_schluessel("uploads")).await?;
    w.schreiben(&bescheid_pdf()).await?;
    let gespeichert = w.fertig().await?;
    let now = state.now();
    let id = new_id();
    let datum = super::tag(now).format("%Y-%m-%d").to_string();
    let neu = store::Neu {
        id: &id,
        client_id,
        office_id,
        art: Art::Bescheid,
        titel: "Bewilligungsbescheid Bürgergeld 2027",
        datum: &datum,
        stufe: Stufe::Substantiell,
        gespeichert: &gespeichert,
        published_by: staff_id,
    };
    let mut tx = state.db.begin().await?;
    store::einfuegen(&mut tx, &state.secrets, &neu, now).await?;
    // Made available as if the client had consented (the demo client has
    // no account yet, so no mail goes out).
    sqlx::query("UPDATE decisions SET delivery = 'online', notified_at = $1 WHERE id = $2").bind(now).bind(&id).execute(&mut *tx).await?;
    let bezug = journal::Direkt { client_id: client_id.to_owned(), akteur: Akteur::Mitarbeiter { account_id: staff_id.to_owned() } };
    let details = serde_json::json!({ "document": id, "demo": true });
    journal::record(&mut tx, &bezug, Ereignis::DokumentBereitgestellt, details, &crate::audit::Actor::default(), now).await?;
    tx.commit().await?;
    Ok(())
}
