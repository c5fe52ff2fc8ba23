//! The SQL of slots and appointments. A client's appointments are read and
//! changed only with the client's id; a slot is booked only in the
//! client's office.

use super::Art;
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A slot as the pages show it.
#[derive(Debug, Clone)]
pub struct Slot {
    pub id: String,
    pub office_id: String,
    pub art: Art,
    pub thema: String,
    pub starts_at: i64,
    pub minutes: i64,
    pub capacity: i64,
    pub booked: i64,
    pub team: String,
    pub place: String,
}

fn slot(r: &AnyRow) -> sqlx::Result<Slot> {
    Ok(Slot {
        id: r.try_get("id")?,
        office_id: r.try_get("office_id")?,
        art: Art::parse(&r.try_get::<String, _>("kind")?).unwrap_or(Art::VorOrt),
        thema: r.try_get("topic")?,
        starts_at: r.try_get("starts_at")?,
        minutes: r.try_get::<i64, _>("minutes")?,
        capacity: r.try_get::<i64, _>("capacity")?,
        booked: r.try_get::<i64, _>("booked")?,
        team: r.try_get("team")?,
        place: r.try_get("place")?,
    })
}

const SLOT: &str = "id, office_id, kind, topic, starts_at, minutes, capacity, booked, team, place";

/// A new slot.
pub struct NeuerSlot<'a> {
    pub office_id: &'a str,
    pub art: Art,
    pub thema: &'a str,
    pub starts_at: i64,
    pub minutes: i64,
    pub capacity: i64,
    pub team: &'a str,
    pub place: &'a str,
    pub created_by: &'a str,
}

pub async fn slot_anlegen(tx: &mut Tx, s: &NeuerSlot<'_>, now: i64) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO appointment_slots (id, office_id, kind, topic, starts_at, minutes, capacity, team, place, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(s.office_id)
    .bind(s.art.as_str())
    .bind(s.thema)
    .bind(s.starts_at)
    .bind(s.minutes)
    .bind(s.capacity)
    .bind(s.team)
    .bind(s.place)
    .bind(s.created_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Free slots of an office for a topic between `von` and `bis`.
pub async fn freie(pool: &AnyPool, office_id: &str, thema: &str, von: i64, bis: i64) -> sqlx::Result<Vec<Slot>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SLOT} FROM appointment_slots
         WHERE office_id = $1 AND topic = $2 AND starts_at > $3 AND starts_at < $4 AND booked < capacity
         ORDER BY starts_at, id LIMIT 200"
    )))
    .bind(office_id)
    .bind(thema)
    .bind(von)
    .bind(bis)
    .fetch_all(pool)
    .await?;
    rows.iter().map(slot).collect()
}

/// The slots of an office between `von` and `bis` (staff).
pub async fn slots(pool: &AnyPool, office_id: &str, von: i64, bis: i64) -> sqlx::Result<Vec<Slot>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SLOT} FROM appointment_slots WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id LIMIT 500"
    )))
    .bind(office_id)
    .bind(von)
    .bind(bis)
    .fetch_all(pool)
    .await?;
    rows.iter().map(slot).collect()
}

/// Why a booking did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nicht {
    /// No such slot in the client's office.
    Unbekannt,
    /// Started already, or full.
    Vergeben,
    /// The client has booked this slot already.
    SchonGebucht,
}

/// Books a place of `slot_id` (in `office_id`) for the client: the
/// place is taken by `booked = booked + 1 WHERE booked < capacity`, which
/// the database runs one at a time per row on both engines.
pub async fn buchen(
    tx: &mut Tx,
    client_id: &str,
    office_id: &str,
    slot_id: &str,
    account_id: &str,
    now: i64,
) -> anyhow::Result<Result<String, Nicht>> {
    let Some(r) = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {SLOT} FROM appointment_slots WHERE id = $1 AND office_id = $2")))
        .bind(slot_id)
        .bind(office_id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok(Err(Nicht::Unbekannt));
    };
    let s = slot(&r)?;
    let schon: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM appointments WHERE slot_id = $1 AND client_id = $2 AND state = 'gebucht'")
        .bind(slot_id)
        .bind(client_id)
        .fetch_one(&mut **tx)
        .await?;
    if schon > 0 {
        return Ok(Err(Nicht::SchonGebucht));
    }
    let n = sqlx::query("UPDATE appointment_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity AND starts_at > $2")
        .bind(slot_id)
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if n != 1 {
        return Ok(Err(Nicht::Vergeben));
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO appointments (id, client_id, office_id, slot_id, kind, topic, starts_at, minutes, place, state, booked_by,
             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'gebucht', $10, $11, $11)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(office_id)
    .bind(slot_id)
    .bind(s.art.as_str())
    .bind(&s.thema)
    .bind(s.starts_at)
    .bind(s.minutes)
    .bind(&s.place)
    .bind(account_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(Ok(id))
}

/// An appointment of the client.
#[derive(Debug, Clone)]
pub struct Termin {
    pub id: String,
    pub art: Art,
    pub thema: String,
    pub starts_at: i64,
    pub minutes: i64,
    pub place: String,
    pub abgesagt: bool,
    /// `gebucht`, `eingeladen`, `bestaetigt`, `verschiebung`, `abgesagt`.
    pub state: String,
    pub sequence: i64,
    pub updated_at: i64,
    pub office_name: String,
    pub office_phone: String,
    /// An invitation: the inviting member.
    pub invited_by: Option<String>,
    /// The invitation's purpose, the client's reason to move it, staff's answer.
    pub zweck: Option<String>,
    pub grund: Option<String>,
    pub antwort: Option<String>,
    pub video_link: String,
    pub attended: Option<bool>,
}

const TERMIN: &str = "a.id, a.kind, a.topic, a.starts_at, a.minutes, a.place, a.state, a.sequence, a.updated_at, o.name AS office_name,
     o.phone AS office_phone, a.invited_by, a.purpose_sealed, a.move_reason_sealed, a.answer_sealed, a.video_link, a.attended";

/// A sealed text of appointment `id` (`was`: zweck, grund, antwort).
pub fn versiegeln(secrets: &SecretBox, id: &str, was: &str, text: &str) -> String {
    secrets.seal(&format!("termin/{id}/{was}"), text.as_bytes())
}

fn oeffnen(secrets: &SecretBox, id: &str, was: &str, sealed: Option<String>) -> anyhow::Result<Option<String>> {
    sealed.map(|s| Ok(String::from_utf8(secrets.open(&format!("termin/{id}/{was}"), &s)?)?)).transpose()
}

fn termin(secrets: &SecretBox, r: &AnyRow) -> anyhow::Result<Termin> {
    let id: String = r.try_get("id")?;
    let state: String = r.try_get("state")?;
    Ok(Termin {
        art: Art::parse(&r.try_get::<String, _>("kind")?).unwrap_or(Art::VorOrt),
        thema: r.try_get("topic")?,
        starts_at: r.try_get("starts_at")?,
        minutes: r.try_get::<i64, _>("minutes")?,
        place: r.try_get("place")?,
        abgesagt: state == "abgesagt",
        state,
        sequence: r.try_get::<i64, _>("sequence")?,
        updated_at: r.try_get("updated_at")?,
        office_name: r.try_get("office_name")?,
        office_phone: r.try_get("office_phone")?,
        invited_by: r.try_get("invited_by")?,
        zweck: oeffnen(secrets, &id, "zweck", r.try_get("purpose_sealed")?)?,
        grund: oeffnen(secrets, &id, "grund", r.try_get("move_reason_sealed")?)?,
        antwort: oeffnen(secrets, &id, "antwort", r.try_get("answer_sealed")?)?,
        video_link: r.try_get("video_link")?,
        attended: r.try_get::<Option<i64>, _>("attended")?.map(|a| a == 1),
        id,
    })
}

/// The client's appointments, newest first (at most 200).
pub async fn alle(pool: &AnyPool, secrets: &SecretBox, client_id: &str) -> anyhow::Result<Vec<Termin>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {TERMIN} FROM appointments a JOIN offices o ON o.id = a.office_id WHERE a.client_id = $1
         ORDER BY a.starts_at DESC, a.id LIMIT 200"
    )))
    .bind(client_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| termin(secrets, r)).collect()
}

/// One appointment of the client.
pub async fn eines(pool: &AnyPool, secrets: &SecretBox, client_id: &str, id: &str) -> anyhow::Result<Option<Termin>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {TERMIN} FROM appointments a JOIN offices o ON o.id = a.office_id WHERE a.id = $1 AND a.client_id = $2"
    )))
    .bind(id)
    .bind(client_id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(|r| termin(secrets, r)).transpose()
}

/// Cancels the client's booked appointment if it starts after `frist`;
/// the place goes back to the slot. `false`: not booked, or too late.
pub async fn absagen(tx: &mut Tx, client_id: &str, id: &str, frist: i64, now: i64) -> sqlx::Result<bool> {
    let slot: Option<Option<String>> = sqlx::query_scalar(
        "UPDATE appointments SET state = 'abgesagt', sequence = sequence + 1, cancelled_at = $1, updated_at = $1
         WHERE id = $2 AND client_id = $3 AND state = 'gebucht' AND starts_at > $4 RETURNING slot_id",
    )
    .bind(now)
    .bind(id)
    .bind(client_id)
    .bind(frist)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(slot) = slot else { return Ok(false) };
    if let Some(slot) = slot {
        sqlx::query("UPDATE appointment_slots SET booked = booked - 1 WHERE id = $1 AND booked > 0").bind(slot).execute(&mut **tx).await?;
    }
    Ok(true)
}

/// An appointment in the office's day view.
#[derive(Debug, Clone)]
pub struct Tagestermin {
    pub id: String,
    pub client_id: String,
    pub client_name: String,
    pub art: Art,
    pub thema: String,
    pub starts_at: i64,
    pub minutes: i64,
    pub state: String,
    pub staff_id: Option<String>,
}

/// The office's appointments between `von` and `bis` (not cancelled),
/// optionally only those of one member (invited by them, or in their slot).
pub async fn tag(pool: &AnyPool, office_id: &str, von: i64, bis: i64, member: Option<&str>) -> sqlx::Result<Vec<Tagestermin>> {
    let rows = sqlx::query(
        "SELECT a.id, a.client_id, c.given_name, c.family_name, a.kind, a.topic, a.starts_at, a.minutes, a.state,
                COALESCE(a.invited_by, a.staff_id, s.staff_id) AS member
         FROM appointments a JOIN clients c ON c.id = a.client_id LEFT JOIN appointment_slots s ON s.id = a.slot_id
         WHERE a.office_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3 AND a.state <> 'abgesagt'
           AND ($4 = '' OR COALESCE(a.invited_by, a.staff_id, s.staff_id, '') = $4)
         ORDER BY a.starts_at, a.id LIMIT 500",
    )
    .bind(office_id)
    .bind(von)
    .bind(bis)
    .bind(member.unwrap_or(""))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Tagestermin {
                id: r.try_get("id")?,
                client_id: r.try_get("client_id")?,
                client_name: format!("{} {}", r.try_get::<String, _>("given_name")?, r.try_get::<String, _>("family_name")?),
                art: Art::parse(&r.try_get::<String, _>("kind")?).unwrap_or(Art::VorOrt),
                thema: r.try_get("topic")?,
                starts_at: r.try_get("starts_at")?,
                minutes: r.try_get::<i64, _>("minutes")?,
                state: r.try_get("state")?,
                staff_id: r.try_get("member")?,
            })
        })
        .collect()
}
