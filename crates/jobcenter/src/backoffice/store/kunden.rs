//! Client records (ADM-2), the access log (ADM-5), profile events (PRF-7).

use crate::db::{Tx, new_id};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A client record (ADM-2).
#[derive(Debug, Clone)]
pub struct Client {
    pub id: String,
    pub kundennummer: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub bg_number: String,
    pub office_id: String,
    pub office_name: String,
    pub pap_staff_id: Option<String>,
    pub created_at: i64,
}

impl Client {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// A new client record, validated by the form.
#[derive(Debug, Clone)]
pub struct NewClient {
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub bg_number: String,
    pub office_id: String,
    pub pap_staff_id: Option<String>,
}

/// The lower-case search form of a name ("kim müller").
pub fn name_search(given: &str, family: &str) -> String {
    format!("{} {}", given.trim(), family.trim()).to_lowercase()
}

/// Inserts a client record with a new, unique Kundennummer; returns
/// (id, Kundennummer).
pub async fn insert_client(tx: &mut Tx, c: &NewClient, created_by: &str, now: i64) -> sqlx::Result<(String, String)> {
    let id = new_id();
    loop {
        let mut bytes = crate::crypto::random_bytes::<64>().into_iter().cycle();
        let k = domain::Kundennummer::generate(|| bytes.next().unwrap_or(0));
        let taken: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM clients WHERE kundennummer = $1").bind(k.as_str()).fetch_one(&mut **tx).await?;
        if taken > 0 {
            continue;
        }
        sqlx::query(
            "INSERT INTO clients (id, kundennummer, given_name, family_name, name_search, birth_date, street, postcode, city,
                                  bg_number, office_id, pap_staff_id, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
        )
        .bind(&id)
        .bind(k.as_str())
        .bind(&c.given_name)
        .bind(&c.family_name)
        .bind(name_search(&c.given_name, &c.family_name))
        .bind(&c.birth_date)
        .bind(&c.street)
        .bind(&c.postcode)
        .bind(&c.city)
        .bind(&c.bg_number)
        .bind(&c.office_id)
        .bind(c.pap_staff_id.as_deref())
        .bind(created_by)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        return Ok((id, k.as_str().to_owned()));
    }
}

macro_rules! select_client {
    ($rest:literal) => {
        concat!(
            "SELECT c.id, c.kundennummer, c.given_name, c.family_name, c.birth_date, c.street, c.postcode, c.city, c.bg_number,
                    c.office_id, o.name AS office_name, c.pap_staff_id, c.created_at
             FROM clients c JOIN offices o ON o.id = c.office_id ",
            $rest
        )
    };
}

fn client(r: &AnyRow) -> sqlx::Result<Client> {
    Ok(Client {
        id: r.try_get("id")?,
        kundennummer: r.try_get("kundennummer")?,
        given_name: r.try_get("given_name")?,
        family_name: r.try_get("family_name")?,
        birth_date: r.try_get("birth_date")?,
        street: r.try_get("street")?,
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        bg_number: r.try_get("bg_number")?,
        office_id: r.try_get("office_id")?,
        office_name: r.try_get("office_name")?,
        pap_staff_id: r.try_get("pap_staff_id")?,
        created_at: r.try_get("created_at")?,
    })
}

/// A client record by id.
pub async fn find_client(pool: &AnyPool, id: &str) -> sqlx::Result<Option<Client>> {
    sqlx::query(select_client!("WHERE c.id = $1")).bind(id).fetch_optional(pool).await?.as_ref().map(client).transpose()
}

/// Searches the clients of an office by Kundennummer (exact, when the
/// query is one) or by parts of the name (case-insensitive, every word must
/// occur); at most 50 hits.
pub async fn search_clients(pool: &AnyPool, office_id: &str, query: &str) -> sqlx::Result<Vec<Client>> {
    if let Ok(k) = domain::Kundennummer::parse(query) {
        return sqlx::query(select_client!("WHERE c.office_id = $1 AND c.kundennummer = $2"))
            .bind(office_id)
            .bind(k.as_str())
            .fetch_all(pool)
            .await?
            .iter()
            .map(client)
            .collect();
    }
    // LIKE wildcards typed by the user are dropped, not interpreted.
    let words: Vec<String> =
        query.split_whitespace().map(|w| w.to_lowercase().replace(['%', '_', '\\'], "")).filter(|w| !w.is_empty()).take(4).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // One fixed SQL string per number of words (no string building).
    const SQL: [&str; 4] = [
        select_client!("WHERE c.office_id = $1 AND c.name_search LIKE $2 ORDER BY c.family_name, c.given_name LIMIT 50"),
        select_client!(
            "WHERE c.office_id = $1 AND c.name_search LIKE $2 AND c.name_search LIKE $3 ORDER BY c.family_name, c.given_name LIMIT 50"
        ),
        select_client!(
            "WHERE c.office_id = $1 AND c.name_search LIKE $2 AND c.name_search LIKE $3 AND c.name_search LIKE $4
             ORDER BY c.family_name, c.given_name LIMIT 50"
        ),
        select_client!(
            "WHERE c.office_id = $1 AND c.name_search LIKE $2 AND c.name_search LIKE $3 AND c.name_search LIKE $4 AND c.name_search LIKE $5
             ORDER BY c.family_name, c.given_name LIMIT 50"
        ),
    ];
    let mut q = sqlx::query(SQL[words.len() - 1]).bind(office_id);
    for w in &words {
        q = q.bind(format!("%{w}%"));
    }
    q.fetch_all(pool).await?.iter().map(client).collect()
}

/// Records a staff view or action on a client record (ADM-5).
pub async fn log_access<'e, E>(db: E, client_id: &str, staff_id: &str, what: &str, purpose: &str, now: i64) -> sqlx::Result<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO record_access_log (id, client_id, staff_account_id, what, purpose, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(new_id())
        .bind(client_id)
        .bind(staff_id)
        .bind(what)
        .bind(purpose)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// One row of the access log of a client.
#[derive(Debug, Clone)]
pub struct AccessEntry {
    pub at: i64,
    pub staff_name: String,
    pub office_name: String,
    pub what: String,
    pub purpose: String,
}

/// The access log of a client, newest first.
pub async fn access_log(pool: &AnyPool, client_id: &str) -> sqlx::Result<Vec<AccessEntry>> {
    let rows = sqlx::query(
        "SELECT l.at, COALESCE(s.display_name, l.staff_account_id) AS staff_name, COALESCE(o.name, '') AS office_name, l.what, l.purpose
         FROM record_access_log l LEFT JOIN staff s ON s.account_id = l.staff_account_id LEFT JOIN offices o ON o.id = s.office_id
         WHERE l.client_id = $1 ORDER BY l.at DESC, l.id DESC",
    )
    .bind(client_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AccessEntry {
                at: r.try_get("at")?,
                staff_name: r.try_get("staff_name")?,
                office_name: r.try_get("office_name")?,
                what: r.try_get("what")?,
                purpose: r.try_get("purpose")?,
            })
        })
        .collect()
}

/// Journals an event (PRF-7) done by staff outside a record opened with
/// [`Akte`](crate::backoffice::akte::Akte) (creating the record, the CLI).
pub async fn staff_event(
    tx: &mut Tx,
    client_id: &str,
    ereignis: crate::journal::Ereignis,
    staff_id: &str,
    details: serde_json::Value,
    request: &crate::audit::Actor,
    now: i64,
) -> anyhow::Result<()> {
    let bezug = crate::journal::Direkt {
        client_id: client_id.to_owned(),
        akteur: crate::journal::Akteur::Mitarbeiter { account_id: staff_id.to_owned() },
    };
    crate::journal::record(tx, &bezug, ereignis, details, request, now).await
}

/// The account linked to a client record ("self" profile), if any.
pub async fn linked_account(pool: &AnyPool, client_id: &str) -> sqlx::Result<Option<crate::konto::store::Account>> {
    let id: Option<String> = sqlx::query_scalar("SELECT account_id FROM profiles WHERE client_id = $1 AND relation = 'self'")
        .bind(client_id)
        .fetch_optional(pool)
        .await?;
    match id {
        Some(id) => crate::konto::store::find_by_id(pool, &id).await,
        None => Ok(None),
    }
}
