//! The deadlines housekeeping keeps (APP-2, APP-4): a draft is deleted
//! when it has not been touched for the configured time, with a reminder
//! mail a week before; eight weeks before the benefit period ends the
//! client is reminded to file the "Weiterbewilligungsantrag". Every step
//! claims its row with a conditional UPDATE, so several nodes running
//! housekeeping send each mail once.

use crate::app::AppState;
use crate::portal::bescheide::{datum, tag};
use chrono::NaiveDate;
use sqlx::{AnyPool, Row};

/// A draft's reminder goes out this long before it is deleted.
pub const ENTWURF_ERINNERUNG_SECS: i64 = 7 * 86_400;
/// The reminder to file the Weiterbewilligungsantrag: eight weeks before
/// the benefit period ends.
pub const WEITERBEWILLIGUNG_WOCHEN: i64 = 8;
/// Rows handled per pass (the next pass takes the rest).
const STAPEL: i64 = 200;

/// What a pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Erledigt {
    pub entwurf_erinnert: u64,
    pub entwurf_geloescht: u64,
    pub weiterbewilligung_erinnert: u64,
}

/// One pass: reminders, then deletions.
pub async fn pruefen(state: &AppState) -> anyhow::Result<Erledigt> {
    let now = state.now();
    let mut e = Erledigt::default();

    // Drafts a week before their deletion.
    let rows = sqlx::query(
        "SELECT id, client_id, delete_after FROM applications
         WHERE state = 'entwurf' AND reminded_at IS NULL AND delete_after > $1 AND delete_after <= $2
         ORDER BY delete_after LIMIT $3",
    )
    .bind(now)
    .bind(now + ENTWURF_ERINNERUNG_SECS)
    .bind(STAPEL)
    .fetch_all(&state.db.pool)
    .await?;
    for r in rows {
        let (id, client_id, delete_after): (String, String, i64) = (r.try_get(0)?, r.try_get(1)?, r.try_get(2)?);
        let mut tx = state.db.begin().await?;
        let claimed = sqlx::query("UPDATE applications SET reminded_at = $1 WHERE id = $2 AND state = 'entwurf' AND reminded_at IS NULL")
            .bind(now)
            .bind(&id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if claimed == 1 {
            let bis = datum(tag(delete_after));
            super::mitteilen(state, &mut tx, &client_id, "antrag-entwurf-erinnerung", &format!("/antraege/{id}"), &[("datum", &bis)])
                .await?;
            e.entwurf_erinnert += 1;
        }
        tx.commit().await?;
    }

    // Drafts past their time: the row goes with its files' rows (the
    // stored objects are then the sweep's, as for every row removed).
    e.entwurf_geloescht = sqlx::query("DELETE FROM applications WHERE state = 'entwurf' AND delete_after <= $1")
        .bind(now)
        .execute(&state.db.writer)
        .await?
        .rows_affected();

    // Eight weeks before the benefit period ends, once per end date.
    let heute = tag(now);
    let bis = heute + chrono::Duration::weeks(WEITERBEWILLIGUNG_WOCHEN);
    let rows = sqlx::query(
        "SELECT id, benefit_until FROM clients
         WHERE benefit_until IS NOT NULL AND benefit_until >= $1 AND benefit_until <= $2
           AND (benefit_reminded_for IS NULL OR benefit_reminded_for <> benefit_until)
         ORDER BY benefit_until LIMIT $3",
    )
    .bind(heute.to_string())
    .bind(bis.to_string())
    .bind(STAPEL)
    .fetch_all(&state.db.pool)
    .await?;
    for r in rows {
        let (client_id, ende): (String, String) = (r.try_get(0)?, r.try_get(1)?);
        let mut tx = state.db.begin().await?;
        let claimed = sqlx::query(
            "UPDATE clients SET benefit_reminded_for = benefit_until
             WHERE id = $1 AND benefit_until = $2 AND (benefit_reminded_for IS NULL OR benefit_reminded_for <> benefit_until)",
        )
        .bind(&client_id)
        .bind(&ende)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let Ok(ende) = NaiveDate::parse_from_str(&ende, "%Y-%m-%d") else { continue };
        if claimed == 1 && !weiterbewilligung_gestellt(&state.db.pool, &client_id, ende).await? {
            let args = [("datum", datum(ende))];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            super::mitteilen(state, &mut tx, &client_id, "weiterbewilligung-erinnerung", "/antraege/neu/weiterbewilligung", &args).await?;
            e.weiterbewilligung_erinnert += 1;
        }
        tx.commit().await?;
    }
    Ok(e)
}

/// Whether the client has sent a Weiterbewilligungsantrag for the period
/// ending on `ende` (sent in the twelve weeks before it, or later).
pub async fn weiterbewilligung_gestellt(pool: &AnyPool, client_id: &str, ende: NaiveDate) -> anyhow::Result<bool> {
    let ab = crate::portal::termine::tagesbeginn(ende - chrono::Duration::weeks(12));
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM applications a JOIN form_definitions d ON d.id = a.definition_id
         WHERE a.client_id = $1 AND d.form_key = 'weiterbewilligung' AND a.state = 'gesendet' AND a.submitted_at >= $2",
    )
    .bind(client_id)
    .bind(ab)
    .fetch_one(pool)
    .await?;
    Ok(n > 0)
}

/// The reminder "Ihr Bewilligungszeitraum endet am …" on "Ihre Vorgänge":
/// the end date while it is less than eight weeks away and no
/// Weiterbewilligungsantrag has been sent for it.
pub async fn weiterbewilligung_faellig(pool: &AnyPool, client_id: &str, ende: Option<&str>, now: i64) -> anyhow::Result<Option<String>> {
    let Some(ende) = ende.and_then(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").ok()) else { return Ok(None) };
    let heute = tag(now);
    if ende < heute || ende > heute + chrono::Duration::weeks(WEITERBEWILLIGUNG_WOCHEN) {
        return Ok(None);
    }
    Ok((!weiterbewilligung_gestellt(pool, client_id, ende).await?).then(|| datum(ende)))
}
