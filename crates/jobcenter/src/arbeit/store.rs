//! The SQL of work items: create one in the feature's transaction, take a
//! transition (optimistic version, decided by [`super::entscheiden`]),
//! notes, and the back-office inbox as one keyset-paged query.

use super::{Abgelehnt, Aktion, Team, Zustand, entscheiden};
use crate::backoffice::store::StaffMember;
use crate::db::abfrage::Abfrage;
use crate::db::{Tx, new_id};
use crate::journal::{self, Akteur, Bezug};
use crate::web::seiten::{Keyset, Seite};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// What kind of thing an item is about (`work_items.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    /// A sending of "Datei hochladen" (subject: `uploads.id`).
    Sendung,
    /// A mailbox thread (subject: `mailbox_threads.id`).
    Nachricht,
    /// A document waiting for its four-eyes release (subject: `decisions.id`).
    Veroeffentlichung,
    /// A sent application (subject: `applications.id`).
    Antrag,
    /// A request to move an invitation (subject: `appointments.id`).
    Termin,
}

impl Art {
    pub const ALLE: [Art; 5] = [Art::Sendung, Art::Nachricht, Art::Veroeffentlichung, Art::Antrag, Art::Termin];

    pub fn as_str(self) -> &'static str {
        match self {
            Art::Sendung => "upload",
            Art::Nachricht => "nachricht",
            Art::Veroeffentlichung => "veroeffentlichung",
            Art::Antrag => "antrag",
            Art::Termin => "termin",
        }
    }
}

/// A work item as the inbox shows it.
#[derive(Debug, Clone)]
pub struct Vorgang {
    pub id: String,
    pub client_id: String,
    pub kind: String,
    pub subject_id: String,
    pub team: Team,
    pub state: Zustand,
    pub assignee: Option<String>,
    pub assignee_name: Option<String>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub client_name: String,
    pub kundennummer: String,
}

const SELECT: &str = "SELECT w.id, w.client_id, w.kind, w.subject_id, w.team, w.state, w.assignee, w.version, w.created_at,
        w.updated_at, c.given_name, c.family_name, c.kundennummer, s.display_name AS assignee_name
    FROM work_items w JOIN clients c ON c.id = w.client_id LEFT JOIN staff s ON s.account_id = w.assignee ";

fn vorgang(r: &AnyRow) -> anyhow::Result<Vorgang> {
    let team: String = r.try_get("team")?;
    let state: String = r.try_get("state")?;
    Ok(Vorgang {
        id: r.try_get("id")?,
        client_id: r.try_get("client_id")?,
        kind: r.try_get("kind")?,
        subject_id: r.try_get("subject_id")?,
        team: Team::parse(&team).ok_or_else(|| anyhow::anyhow!("unknown team {team}"))?,
        state: Zustand::parse(&state).ok_or_else(|| anyhow::anyhow!("unknown state {state}"))?,
        assignee: r.try_get("assignee")?,
        assignee_name: r.try_get("assignee_name")?,
        version: r.try_get("version")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        client_name: format!("{} {}", r.try_get::<String, _>("given_name")?, r.try_get::<String, _>("family_name")?),
        kundennummer: r.try_get("kundennummer")?,
    })
}

/// Who an item goes to: a team, and a member of it from the start if
/// given (a client's pAp).
#[derive(Debug, Clone, Copy)]
pub struct Zustaendig<'a> {
    pub team: Team,
    pub assignee: Option<&'a str>,
}

impl From<Team> for Zustaendig<'_> {
    fn from(team: Team) -> Self {
        Self { team, assignee: None }
    }
}

/// Creates an item for the subject's client in the feature's transaction.
pub async fn anlegen(
    tx: &mut Tx,
    bezug: &impl Bezug,
    office_id: &str,
    art: Art,
    subject_id: &str,
    zustaendig: Zustaendig<'_>,
    now: i64,
) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO work_items (id, client_id, office_id, kind, subject_id, team, state, assignee, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'eingegangen', $8, 1, $7, $7)",
    )
    .bind(&id)
    .bind(bezug.client_id())
    .bind(office_id)
    .bind(art.as_str())
    .bind(subject_id)
    .bind(zustaendig.team.as_str())
    .bind(now)
    .bind(zustaendig.assignee)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// An item of the member's office, by id.
pub async fn finden<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, office_id: &str, id: &str) -> anyhow::Result<Option<Vorgang>> {
    let sql = format!("{SELECT} WHERE w.id = $1 AND w.office_id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(office_id).fetch_optional(ex).await?;
    row.as_ref().map(vorgang).transpose()
}

/// The item about a subject (e.g. the work item of an upload).
pub async fn zu(pool: &AnyPool, art: Art, subject_id: &str) -> anyhow::Result<Option<Vorgang>> {
    let sql = format!("{SELECT} WHERE w.kind = $1 AND w.subject_id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(art.as_str()).bind(subject_id).fetch_optional(pool).await?;
    row.as_ref().map(vorgang).transpose()
}

/// Takes `aktion` on item `id` as loaded at `version`. `ziel`: the member
/// to hand over to (`Abgeben`; None: back to the team). On success the
/// item's new state; the log and, where the client sees it, the journal
/// are written in `tx`.
#[expect(clippy::too_many_arguments, reason = "one transition: item, version, action, member, target, request, time")]
pub async fn ausfuehren(
    tx: &mut Tx,
    id: &str,
    version: i64,
    aktion: Aktion,
    member: &StaffMember,
    ziel: Option<&str>,
    request: &crate::audit::Actor,
    now: i64,
) -> anyhow::Result<Result<Zustand, Abgelehnt>> {
    let Some(item) = finden(&mut **tx, &member.office_id, id).await? else { return Ok(Err(Abgelehnt::NichtMoeglich)) };
    if item.version != version {
        return Ok(Err(Abgelehnt::Veraltet));
    }
    let u = match entscheiden(item.state, item.team, item.assignee.as_deref(), aktion, &member.account_id, &member.roles) {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    let assignee = match aktion {
        Aktion::Uebernehmen | Aktion::Wiederaufnehmen => Some(member.account_id.clone()),
        Aktion::Erledigen => item.assignee.clone(),
        Aktion::Abgeben => match ziel.filter(|z| !z.is_empty()) {
            None => None,
            Some(z) => {
                let target = crate::backoffice::store::find_staff(&mut **tx, z).await?;
                match target {
                    Some(t) if t.active && t.office_id == member.office_id && t.roles.contains(&item.team.rolle()) => Some(t.account_id),
                    _ => return Ok(Err(Abgelehnt::UngueltigesZiel)),
                }
            }
        },
    };
    let changed = sqlx::query(
        "UPDATE work_items SET state = $1, assignee = $2, version = version + 1, updated_at = $3 WHERE id = $4 AND version = $5",
    )
    .bind(u.nach.as_str())
    .bind(assignee.as_deref())
    .bind(now)
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(Err(Abgelehnt::Veraltet));
    }
    sqlx::query(
        "INSERT INTO work_item_log (id, item_id, action, from_state, to_state, by_staff, assignee, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(id)
    .bind(aktion.as_str())
    .bind(item.state.as_str())
    .bind(u.nach.as_str())
    .bind(&member.account_id)
    .bind(assignee.as_deref())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if let Some(ereignis) = u.kunde {
        let bezug =
            journal::Direkt { client_id: item.client_id.clone(), akteur: Akteur::Mitarbeiter { account_id: member.account_id.clone() } };
        let details = serde_json::json!({"item": id, "kind": item.kind, "subject": item.subject_id});
        journal::record(tx, &bezug, ereignis, details, request, now).await?;
    }
    Ok(Ok(u.nach))
}

/// An internal note (sealed at rest; never shown to the client).
pub async fn notiz(tx: &mut Tx, secrets: &crate::crypto::SecretBox, item_id: &str, author: &str, text: &str, now: i64) -> sqlx::Result<()> {
    let id = new_id();
    sqlx::query("INSERT INTO work_item_notes (id, item_id, author, body_sealed, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(item_id)
        .bind(author)
        .bind(secrets.seal(&id, text.as_bytes()))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A note as shown to staff.
#[derive(Debug, Clone)]
pub struct Notiz {
    pub author: String,
    pub text: String,
    pub at: i64,
}

/// The notes of an item, oldest first.
pub async fn notizen(pool: &AnyPool, secrets: &crate::crypto::SecretBox, item_id: &str) -> anyhow::Result<Vec<Notiz>> {
    let rows = sqlx::query(
        "SELECT n.id, n.body_sealed, n.at, s.display_name FROM work_item_notes n JOIN staff s ON s.account_id = n.author
         WHERE n.item_id = $1 ORDER BY n.at, n.id",
    )
    .bind(item_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let id: String = r.try_get("id")?;
            let text = secrets.open(&id, &r.try_get::<String, _>("body_sealed")?)?;
            Ok(Notiz { author: r.try_get("display_name")?, text: String::from_utf8_lossy(&text).into_owned(), at: r.try_get("at")? })
        })
        .collect()
}

/// Which part of the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ansicht {
    /// "Meine Aufgaben": assigned to the member, not closed.
    Meine,
    /// The open items of the member's teams (assigned or not).
    Team,
    /// Open items of the member's teams that nobody took up yet.
    Offen,
    /// Closed items of the member's teams.
    Erledigt,
}

impl Ansicht {
    pub const ALLE: [Ansicht; 4] = [Ansicht::Meine, Ansicht::Team, Ansicht::Offen, Ansicht::Erledigt];

    pub fn as_str(&self) -> &'static str {
        match self {
            Ansicht::Meine => "meine",
            Ansicht::Team => "team",
            Ansicht::Offen => "offen",
            Ansicht::Erledigt => "erledigt",
        }
    }

    pub fn parse(s: Option<&str>) -> Self {
        Self::ALLE.into_iter().find(|a| Some(a.as_str()) == s).unwrap_or(Ansicht::Meine)
    }
}

/// One page of the inbox, most recently changed first.
pub async fn liste(
    pool: &AnyPool,
    member: &StaffMember,
    ansicht: &Ansicht,
    nach: Option<&Keyset>,
    limit: i64,
) -> anyhow::Result<Seite<Vorgang>> {
    let teams: Vec<&str> = Team::ALLE.iter().filter(|t| member.roles.contains(&t.rolle())).map(|t| t.as_str()).collect();
    let mut q = Abfrage::new(SELECT);
    q.push("WHERE w.office_id = ").bind(&member.office_id);
    match ansicht {
        Ansicht::Meine => {
            q.push(" AND w.assignee = ").bind(&member.account_id).push(" AND w.state <> 'erledigt'");
        }
        Ansicht::Team | Ansicht::Offen | Ansicht::Erledigt => {
            if teams.is_empty() {
                return Ok(Seite { items: Vec::new(), next: None });
            }
            q.push(" AND w.team IN (");
            for (i, t) in teams.iter().enumerate() {
                if i > 0 {
                    q.push(", ");
                }
                q.bind(*t);
            }
            q.push(")");
            match ansicht {
                Ansicht::Offen => q.push(" AND w.assignee IS NULL AND w.state <> 'erledigt'"),
                Ansicht::Erledigt => q.push(" AND w.state = 'erledigt'"),
                _ => q.push(" AND w.state <> 'erledigt'"),
            };
        }
    }
    if let Some(k) = nach {
        q.push(" AND (w.updated_at, w.id) < (").bind(k.at).push(", ").bind(&k.id).push(")");
    }
    q.push(" ORDER BY w.updated_at DESC, w.id DESC LIMIT ").bind(limit + 1);
    let rows = q.query().fetch_all(pool).await?;
    let items = rows.iter().map(vorgang).collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Seite::from_overfetch(items, limit, |v| Keyset { at: v.updated_at, id: v.id.clone() }))
}

/// Brings the item of a subject up in the inbox again: the client did
/// something staff must look at (an answer, documents a request asked for).
pub async fn vorlegen(tx: &mut Tx, art: Art, subject_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE work_items SET updated_at = $1 WHERE kind = $2 AND subject_id = $3")
        .bind(now)
        .bind(art.as_str())
        .bind(subject_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Opens the done item of a subject again because the client came back
/// with it (a second request to move an appointment); brings it up.
pub async fn wieder_oeffnen(tx: &mut Tx, art: Art, subject_id: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE work_items SET state = 'eingegangen', version = version + 1, updated_at = $1
         WHERE kind = $2 AND subject_id = $3 AND state = 'erledigt'",
    )
    .bind(now)
    .bind(art.as_str())
    .bind(subject_id)
    .execute(&mut **tx)
    .await?;
    vorlegen(tx, art, subject_id, now).await
}

/// Closes the item of a subject because its feature's own action finished
/// the work (a four-eyes release): "erledigt", taken by `member`, logged.
pub async fn durch_vorgang_erledigt(tx: &mut Tx, art: Art, subject_id: &str, member: &str, now: i64) -> sqlx::Result<()> {
    let row: Option<(String, String)> = sqlx::query_as(
        "UPDATE work_items SET state = 'erledigt', assignee = $1, version = version + 1, updated_at = $2
         WHERE kind = $3 AND subject_id = $4 AND state <> 'erledigt' RETURNING id, state",
    )
    .bind(member)
    .bind(now)
    .bind(art.as_str())
    .bind(subject_id)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((id, _)) = row {
        sqlx::query(
            "INSERT INTO work_item_log (id, item_id, action, from_state, to_state, by_staff, assignee, at)
             VALUES ($1, $2, 'erledigen', 'eingegangen', 'erledigt', $3, $3, $4)",
        )
        .bind(new_id())
        .bind(&id)
        .bind(member)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
