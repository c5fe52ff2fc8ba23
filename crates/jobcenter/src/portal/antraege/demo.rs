//! Demo data for `jobcenter demo`: "Ihre Vorgänge" with something real to
//! show. A Weiterbewilligungsantrag sent before the current benefit period,
//! decided with the demo Bescheid; the period ends in six weeks (so the reminder
//! card and, on the next housekeeping run, the reminder mail appear); and a
//! "Veränderung mitteilen" sent last week for which staff ask for a
//! document, with its work item in the benefits team's inbox.

use super::{Status, definitionen, store, vorgangsnummer};
use crate::app::AppState;
use crate::arbeit::{self, Team};
use crate::db::new_id;
use crate::journal::{self, Akteur, Ereignis};

const TAG: i64 = 86_400;

/// Adds the demo applications for `client_id` unless it has some.
pub async fn vorgaenge(state: &AppState, client_id: &str, office_id: &str, staff_id: &str) -> anyhow::Result<()> {
    let existing: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM applications WHERE client_id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    let (Some(wb), Some(vm)) =
        (definitionen::live_von(&state.db.pool, "weiterbewilligung").await?, definitionen::live_von(&state.db.pool, "veraenderung").await?)
    else {
        return Ok(());
    };
    if existing > 0 {
        return Ok(());
    }
    let decision: Option<String> = sqlx::query_scalar("SELECT id FROM decisions WHERE client_id = $1 ORDER BY published_at LIMIT 1")
        .bind(client_id)
        .fetch_optional(&state.db.pool)
        .await?;
    let now = state.now();
    let bezug = journal::Direkt { client_id: client_id.to_owned(), akteur: Akteur::Mitarbeiter { account_id: staff_id.to_owned() } };
    let actor = crate::audit::Actor::default();
    let mut tx = state.db.begin().await?;

    // The Weiterbewilligungsantrag: nothing changed, decided.
    let nein = serde_json::Value::Bool(false);
    let mut a = formulare::Antworten::new();
    for k in [
        "haushalt_geaendert",
        "einkommen_geaendert",
        "vermoegen_geaendert",
        "wohnkosten_geaendert",
        "bankverbindung_geaendert",
        "sonstiges_geaendert",
    ] {
        a.insert(k.into(), nein.clone());
    }
    a.insert("richtig".into(), true.into());
    a.insert("erklaerung_mitwirkung".into(), true.into());
    let gesendet = now - 160 * TAG;
    let id = einfuegen(state, &mut tx, client_id, office_id, &wb.id, &a, gesendet).await?;
    super::store::status_setzen(&mut tx, &id, Status::Entschieden, decision.as_deref(), gesendet + 10 * TAG).await?;
    let ende = crate::portal::bescheide::tag(now + 42 * TAG);
    let beginn = ende - chrono::Months::new(6);
    sqlx::query("UPDATE clients SET benefit_from = $1, benefit_until = $2 WHERE id = $3")
        .bind(beginn.to_string())
        .bind(ende.to_string())
        .bind(client_id)
        .execute(&mut *tx)
        .await?;
    let details = serde_json::json!({"application": id, "form": "weiterbewilligung", "demo": true});
    journal::record(&mut tx, &bezug, Ereignis::AntragGesendet, details, &actor, gesendet).await?;

    // The change of circumstances: a payslip is missing.
    let mut v = formulare::Antworten::new();
    let gesendet = now - 7 * TAG;
    v.insert("aenderungen".into(), serde_json::json!(["einkommen"]));
    v.insert("aenderung_ab".into(), crate::portal::bescheide::tag(gesendet - 10 * TAG).to_string().into());
    v.insert("geaenderte_einkommen".into(), serde_json::json!(["erwerbstaetigkeit"]));
    v.insert("richtig".into(), true.into());
    v.insert("erklaerung_erstattung".into(), true.into());
    let id = einfuegen(state, &mut tx, client_id, office_id, &vm.id, &v, gesendet).await?;
    arbeit::store::anlegen(&mut tx, &bezug, office_id, arbeit::store::Art::Antrag, &id, Team::Leistung.into(), gesendet).await?;
    let frist = crate::portal::bescheide::tag(now + 14 * TAG).to_string();
    super::anfragen::anlegen(
        &mut tx,
        &state.secrets,
        &id,
        staff_id,
        "Bitte senden Sie die Lohnabrechnung für November.",
        &frist,
        now - TAG,
    )
    .await?;
    super::store::status_setzen(&mut tx, &id, Status::UnterlagenFehlen, None, now - TAG).await?;
    let details = serde_json::json!({"application": id, "demo": true});
    journal::record(&mut tx, &bezug, Ereignis::UnterlagenNachgefordert, details, &actor, now - TAG).await?;
    tx.commit().await?;
    Ok(())
}

/// A sent application as of `gesendet`.
async fn einfuegen(
    state: &AppState,
    tx: &mut crate::db::Tx,
    client_id: &str,
    office_id: &str,
    definition_id: &str,
    antworten: &formulare::Antworten,
    gesendet: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO applications (id, client_id, office_id, definition_id, state, answers_sealed, created_at, updated_at, delete_after)
         VALUES ($1, $2, $3, $4, 'entwurf', $5, $6, $6, $7)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(office_id)
    .bind(definition_id)
    .bind(store::versiegeln(&state.secrets, &id, antworten))
    .bind(gesendet)
    .bind(gesendet + 30 * TAG)
    .execute(&mut **tx)
    .await?;
    store::absenden(tx, &state.secrets, client_id, &id, antworten, &vorgangsnummer(gesendet), gesendet).await?;
    Ok(id)
}
