//! The SQL of the mailboxes. Every read is scoped to the client (the
//! caller passes the id from its `Mandat` or `Akte`); subject and bodies
//! are sealed with the secret box, bound to the thread's or message's id.

use super::{Anliegen, Postfach};
use crate::crypto::SecretBox;
use crate::db::{Tx, new_id};
use crate::web::seiten::{Keyset, Seite};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A thread as lists and pages show it.
#[derive(Debug, Clone)]
pub struct Faden {
    pub id: String,
    pub client_id: String,
    pub postfach: Postfach,
    pub anliegen: Anliegen,
    pub betreff: String,
    pub created_at: i64,
    pub last_message_at: i64,
    pub client_unread: i64,
    pub staff_unread: i64,
    pub messages: i64,
    /// The thread's work item is closed ("erledigt"): no more replies.
    pub geschlossen: bool,
}

/// One message of a thread.
#[derive(Debug, Clone)]
pub struct Nachricht {
    pub id: String,
    pub seq: i64,
    pub from_staff: bool,
    pub author_name: String,
    /// Sent by a representative under a power of attorney (REP-3).
    pub vertretung: bool,
    pub text: String,
    pub created_at: i64,
}

/// Who writes a message.
#[derive(Debug, Clone)]
pub struct Autor<'a> {
    pub from_staff: bool,
    /// `None` for a message recorded without an account (demo data).
    pub account_id: Option<&'a str>,
    pub name: &'a str,
    pub vollmacht_id: Option<&'a str>,
}

const SELECT: &str = "SELECT t.id, t.client_id, t.mailbox, t.concern, t.subject_sealed, t.created_at, t.last_message_at,
        t.client_unread, t.staff_unread, t.messages,
        CASE WHEN EXISTS (SELECT 1 FROM work_items w WHERE w.kind = 'nachricht' AND w.subject_id = t.id AND w.state = 'erledigt')
             THEN 1 ELSE 0 END AS geschlossen
    FROM mailbox_threads t ";

fn faden(secrets: &SecretBox, r: &AnyRow) -> anyhow::Result<Faden> {
    let id: String = r.try_get("id")?;
    let mailbox: String = r.try_get("mailbox")?;
    let concern: String = r.try_get("concern")?;
    let betreff = String::from_utf8(secrets.open(&id, &r.try_get::<String, _>("subject_sealed")?)?)?;
    Ok(Faden {
        client_id: r.try_get("client_id")?,
        postfach: Postfach::parse(&mailbox).ok_or_else(|| anyhow::anyhow!("unknown mailbox {mailbox}"))?,
        anliegen: Anliegen::parse(&concern).ok_or_else(|| anyhow::anyhow!("unknown concern {concern}"))?,
        betreff,
        created_at: r.try_get("created_at")?,
        last_message_at: r.try_get("last_message_at")?,
        client_unread: r.try_get("client_unread")?,
        staff_unread: r.try_get("staff_unread")?,
        messages: r.try_get("messages")?,
        geschlossen: r.try_get::<i64, _>("geschlossen")? == 1,
        id,
    })
}

/// A thread to open.
#[derive(Debug, Clone)]
pub struct NeuerFaden<'a> {
    pub client_id: &'a str,
    pub office_id: &'a str,
    pub anliegen: Anliegen,
    pub betreff: &'a str,
}

/// Opens a thread with its first message (from the client's side); the
/// caller adds the work item and the journal entry in the same `tx`.
/// Returns the thread's and the message's id.
pub async fn eroeffnen(
    tx: &mut Tx,
    secrets: &SecretBox,
    neu: &NeuerFaden<'_>,
    autor: &Autor<'_>,
    text: &str,
    now: i64,
) -> sqlx::Result<(String, String)> {
    let NeuerFaden { client_id, office_id, anliegen, betreff } = *neu;
    let id = new_id();
    sqlx::query(
        "INSERT INTO mailbox_threads (id, client_id, office_id, mailbox, concern, subject_sealed, created_at, last_message_at,
             client_unread, staff_unread, messages)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 0, 1, 1)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(office_id)
    .bind(anliegen.postfach().as_str())
    .bind(anliegen.as_str())
    .bind(secrets.seal(&id, betreff.as_bytes()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let message = nachricht_einfuegen(tx, secrets, &id, 1, autor, text, now).await?;
    Ok((id, message))
}

/// Appends a message to an open thread of `client_id`: the thread row's
/// update gives it the next place (two members answering at once are
/// serialised there, both kept, in order) and counts it unread for the
/// other side. Returns the message's place and id; `None`: no such thread
/// of this client, or it is closed.
pub async fn antworten(
    tx: &mut Tx,
    secrets: &SecretBox,
    client_id: &str,
    thread_id: &str,
    autor: &Autor<'_>,
    text: &str,
    now: i64,
) -> sqlx::Result<Option<(i64, String)>> {
    let (fuer_kunde, fuer_team) = if autor.from_staff { (1, 0) } else { (0, 1) };
    let seq: Option<i64> = sqlx::query_scalar(
        "UPDATE mailbox_threads SET messages = messages + 1, last_message_at = $3,
             client_unread = client_unread + $4, staff_unread = staff_unread + $5
         WHERE id = $1 AND client_id = $2
           AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.kind = 'nachricht' AND w.subject_id = $1 AND w.state = 'erledigt')
         RETURNING messages",
    )
    .bind(thread_id)
    .bind(client_id)
    .bind(now)
    .bind(fuer_kunde)
    .bind(fuer_team)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(seq) = seq else { return Ok(None) };
    let message = nachricht_einfuegen(tx, secrets, thread_id, seq, autor, text, now).await?;
    if !autor.from_staff {
        // The client's answer brings the item up in the staff inbox.
        crate::arbeit::store::vorlegen(tx, crate::arbeit::store::Art::Nachricht, thread_id, now).await?;
    }
    Ok(Some((seq, message)))
}

async fn nachricht_einfuegen(
    tx: &mut Tx,
    secrets: &SecretBox,
    thread_id: &str,
    seq: i64,
    autor: &Autor<'_>,
    text: &str,
    now: i64,
) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO mailbox_messages (id, thread_id, seq, from_staff, author_account_id, author_name, power_of_attorney_id,
             body_sealed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(thread_id)
    .bind(seq)
    .bind(i64::from(autor.from_staff))
    .bind(autor.account_id)
    .bind(autor.name)
    .bind(autor.vollmacht_id)
    .bind(secrets.seal(&id, text.as_bytes()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// A page of the client's threads in one mailbox, newest message first.
pub async fn liste(
    pool: &AnyPool,
    secrets: &SecretBox,
    client_id: &str,
    postfach: Postfach,
    after: Option<&Keyset>,
    limit: i64,
) -> anyhow::Result<Seite<Faden>> {
    let (at, id) = after.map_or((i64::MAX, String::new()), |k| (k.at, k.id.clone()));
    let sql = format!(
        "{SELECT} WHERE t.client_id = $1 AND t.mailbox = $2 AND (t.last_message_at < $3 OR (t.last_message_at = $3 AND t.id < $4))
         ORDER BY t.last_message_at DESC, t.id DESC LIMIT $5"
    );
    let id_bound = if after.is_some() { id } else { "~".to_owned() };
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(client_id)
        .bind(postfach.as_str())
        .bind(at)
        .bind(id_bound)
        .bind(limit + 1)
        .fetch_all(pool)
        .await?;
    let items = rows.iter().map(|r| faden(secrets, r)).collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Seite::from_overfetch(items, limit, |f| Keyset { at: f.last_message_at, id: f.id.clone() }))
}

/// A thread of `client_id` with its messages in order; `None` for a
/// thread of anyone else.
pub async fn faden_mit_nachrichten(
    pool: &AnyPool,
    secrets: &SecretBox,
    client_id: &str,
    thread_id: &str,
) -> anyhow::Result<Option<(Faden, Vec<Nachricht>)>> {
    let sql = format!("{SELECT} WHERE t.id = $1 AND t.client_id = $2");
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(thread_id).bind(client_id).fetch_optional(pool).await? else {
        return Ok(None);
    };
    let f = faden(secrets, &row)?;
    let rows = sqlx::query(
        "SELECT id, seq, from_staff, author_name, power_of_attorney_id, body_sealed, created_at
         FROM mailbox_messages WHERE thread_id = $1 ORDER BY seq",
    )
    .bind(thread_id)
    .fetch_all(pool)
    .await?;
    let mut nachrichten = Vec::with_capacity(rows.len());
    for r in rows {
        let id: String = r.try_get("id")?;
        let text = String::from_utf8(secrets.open(&id, &r.try_get::<String, _>("body_sealed")?)?)?;
        nachrichten.push(Nachricht {
            seq: r.try_get("seq")?,
            from_staff: r.try_get::<i64, _>("from_staff")? == 1,
            author_name: r.try_get("author_name")?,
            vertretung: r.try_get::<Option<String>, _>("power_of_attorney_id")?.is_some(),
            text,
            created_at: r.try_get("created_at")?,
            id,
        });
    }
    Ok(Some((f, nachrichten)))
}

/// Marks the thread read for one side; true if something was unread.
pub async fn gelesen(tx: &mut Tx, client_id: &str, thread_id: &str, staff_side: bool) -> sqlx::Result<bool> {
    let sql = if staff_side {
        "UPDATE mailbox_threads SET staff_unread = 0 WHERE id = $1 AND client_id = $2 AND staff_unread > 0"
    } else {
        "UPDATE mailbox_threads SET client_unread = 0 WHERE id = $1 AND client_id = $2 AND client_unread > 0"
    };
    Ok(sqlx::query(sql).bind(thread_id).bind(client_id).execute(&mut **tx).await?.rows_affected() == 1)
}

/// Unread messages for the client per mailbox (in [`Postfach::ALLE`] order).
pub async fn ungelesen(pool: &AnyPool, client_id: &str) -> sqlx::Result<Vec<(Postfach, i64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT mailbox, CAST(COALESCE(SUM(client_unread), 0) AS BIGINT) FROM mailbox_threads WHERE client_id = $1 GROUP BY mailbox",
    )
    .bind(client_id)
    .fetch_all(pool)
    .await?;
    Ok(Postfach::ALLE.iter().map(|p| (*p, rows.iter().find(|(m, _)| m == p.as_str()).map_or(0, |(_, n)| *n))).collect())
}

/// The staff member's display name.
pub async fn staff_name(pool: &AnyPool, account_id: &str) -> sqlx::Result<String> {
    Ok(sqlx::query_scalar("SELECT display_name FROM staff WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(pool)
        .await?
        .unwrap_or_default())
}

/// The mailbox of a thread (known to exist: the caller just wrote to it).
pub async fn postfach_von(tx: &mut Tx, thread_id: &str) -> anyhow::Result<Postfach> {
    let m: String = sqlx::query_scalar("SELECT mailbox FROM mailbox_threads WHERE id = $1").bind(thread_id).fetch_one(&mut **tx).await?;
    Postfach::parse(&m).ok_or_else(|| anyhow::anyhow!("unknown mailbox {m}"))
}
