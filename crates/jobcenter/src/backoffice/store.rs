//! SQL of the back office: offices, staff, client records, the access log
//! (ADM-5), Freischaltcodes (PRF-2), the communication channel and the
//! print queue (OKO-3), and profile events (PRF-7).

use super::RoleName;
use crate::db::{Tx, new_id};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A staff member (ADM-1).
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub account_id: String,
    pub display_name: String,
    pub email: String,
    pub phone: String,
    pub office_id: String,
    pub office_name: String,
    pub roles: Vec<RoleName>,
    pub active: bool,
}

/// Loads the staff row of an account (with its office and e-mail).
pub async fn find_staff(pool: &AnyPool, account_id: &str) -> sqlx::Result<Option<StaffMember>> {
    let row = sqlx::query(
        "SELECT s.account_id, s.display_name, a.email, s.phone, s.office_id, o.name AS office_name, s.roles, s.active
         FROM staff s JOIN accounts a ON a.id = s.account_id JOIN offices o ON o.id = s.office_id WHERE s.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(staff_member).transpose()
}

fn staff_member(r: &AnyRow) -> sqlx::Result<StaffMember> {
    let roles: String = r.try_get("roles")?;
    Ok(StaffMember {
        account_id: r.try_get("account_id")?,
        display_name: r.try_get("display_name")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        office_id: r.try_get("office_id")?,
        office_name: r.try_get("office_name")?,
        roles: roles.split(',').filter_map(RoleName::parse).collect(),
        active: r.try_get::<i64, _>("active")? == 1,
    })
}

/// Active staff of an office, by name (for choosing the pAp).
pub async fn staff_of_office(pool: &AnyPool, office_id: &str) -> sqlx::Result<Vec<StaffMember>> {
    let rows = sqlx::query(
        "SELECT s.account_id, s.display_name, a.email, s.phone, s.office_id, o.name AS office_name, s.roles, s.active
         FROM staff s JOIN accounts a ON a.id = s.account_id JOIN offices o ON o.id = s.office_id
         WHERE s.office_id = $1 AND s.active = 1 ORDER BY s.display_name",
    )
    .bind(office_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(staff_member).collect()
}

/// All staff of an office, active or not, by name (the admin's list).
pub async fn all_staff_of_office(pool: &AnyPool, office_id: &str) -> sqlx::Result<Vec<StaffMember>> {
    let rows = sqlx::query(
        "SELECT s.account_id, s.display_name, a.email, s.phone, s.office_id, o.name AS office_name, s.roles, s.active
         FROM staff s JOIN accounts a ON a.id = s.account_id JOIN offices o ON o.id = s.office_id
         WHERE s.office_id = $1 ORDER BY s.display_name, a.email",
    )
    .bind(office_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(staff_member).collect()
}

/// A new office (Dienststelle).
#[derive(Debug, Clone)]
pub struct NewOffice<'a> {
    pub name: &'a str,
    pub street: &'a str,
    pub postcode: &'a str,
    pub city: &'a str,
    pub phone: &'a str,
}

/// Inserts an office and returns its id.
pub async fn insert_office(tx: &mut Tx, o: &NewOffice<'_>, now: i64) -> sqlx::Result<String> {
    let id = new_id();
    sqlx::query("INSERT INTO offices (id, name, street, postcode, city, phone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(&id)
        .bind(o.name)
        .bind(o.street)
        .bind(o.postcode)
        .bind(o.city)
        .bind(o.phone)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// An office.
#[derive(Debug, Clone)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub phone: String,
}

/// All offices by name.
pub async fn offices(pool: &AnyPool) -> sqlx::Result<Vec<Office>> {
    let rows = sqlx::query("SELECT id, name, street, postcode, city, phone FROM offices ORDER BY name").fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            Ok(Office {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                street: r.try_get("street")?,
                postcode: r.try_get("postcode")?,
                city: r.try_get("city")?,
                phone: r.try_get("phone")?,
            })
        })
        .collect()
}

/// Inserts (or updates) the staff row of an account.
pub async fn upsert_staff(
    tx: &mut Tx,
    account_id: &str,
    display_name: &str,
    office_id: &str,
    roles: &[RoleName],
    phone: &str,
    now: i64,
) -> sqlx::Result<()> {
    let roles = roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",");
    sqlx::query(
        "INSERT INTO staff (account_id, display_name, office_id, roles, phone, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6)
         ON CONFLICT (account_id) DO UPDATE SET display_name = $2, office_id = $3, roles = $4, phone = $5, active = 1, updated_at = $6",
    )
    .bind(account_id)
    .bind(display_name)
    .bind(office_id)
    .bind(roles)
    .bind(phone)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

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

/// Appends a profile event (PRF-7) done by staff.
pub async fn staff_event(
    tx: &mut Tx,
    client_id: &str,
    kind: &str,
    staff_id: &str,
    details: serde_json::Value,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO client_events (id, client_id, kind, actor_account_id, actor_kind, at, details) VALUES ($1, $2, $3, $4, 'staff', $5, $6)",
    )
    .bind(new_id())
    .bind(client_id)
    .bind(kind)
    .bind(staff_id)
    .bind(now)
    .bind(details.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
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

/// The state of a client's live Freischaltcode, for the record page.
#[derive(Debug, Clone)]
pub struct CodeStatus {
    pub issued_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// The newest code that was not voided.
pub async fn current_code(pool: &AnyPool, client_id: &str) -> sqlx::Result<Option<CodeStatus>> {
    let row = sqlx::query(
        "SELECT issued_at, expires_at, used_at FROM activation_codes WHERE client_id = $1 AND voided_at IS NULL
         ORDER BY issued_at DESC, id DESC LIMIT 1",
    )
    .bind(client_id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok(CodeStatus { issued_at: r.try_get("issued_at")?, expires_at: r.try_get("expires_at")?, used_at: r.try_get("used_at")? }))
        .transpose()
}

/// Issues a Freischaltcode (PRF-2): voids every unused code of the client
/// and stores the hash of the new one. Returns the code id.
pub async fn insert_code(tx: &mut Tx, client_id: &str, code_hash: &str, staff_id: &str, now: i64, expires_at: i64) -> sqlx::Result<String> {
    sqlx::query("UPDATE activation_codes SET voided_at = $1 WHERE client_id = $2 AND used_at IS NULL AND voided_at IS NULL")
        .bind(now)
        .bind(client_id)
        .execute(&mut **tx)
        .await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO activation_codes (id, client_id, code_hash, issued_by, issued_at, expires_at, used_at, used_by_account, voided_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, NULL)",
    )
    .bind(&id)
    .bind(client_id)
    .bind(code_hash)
    .bind(staff_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// The expiry of the client's live (unused, not voided, not expired) code
/// with this hash, if it is one: only such a code gets a letter.
pub async fn live_code_expiry(pool: &AnyPool, client_id: &str, code_hash: &str, now: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT expires_at FROM activation_codes
         WHERE client_id = $1 AND code_hash = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $3",
    )
    .bind(client_id)
    .bind(code_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// How a client receives letters (OKO-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Online-Kommunikation granted (newest consent row).
    Online,
    /// No consent, or revoked: paper mail.
    Paper,
}

/// The channel from the newest row of `online_consents`.
pub async fn channel<'e, E>(db: E, client_id: &str) -> sqlx::Result<Channel>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let action: Option<String> =
        sqlx::query_scalar("SELECT action FROM online_consents WHERE client_id = $1 ORDER BY at DESC, id DESC LIMIT 1")
            .bind(client_id)
            .fetch_optional(db)
            .await?;
    Ok(if action.as_deref() == Some("granted") { Channel::Online } else { Channel::Paper })
}

/// Puts a letter into the print queue if the client gets paper mail
/// (OKO-3); returns whether it was queued. Later issues call this for
/// every letter, decision and application they produce.
pub async fn queue_letter(tx: &mut Tx, client_id: &str, kind: &str, title: &str, now: i64) -> sqlx::Result<bool> {
    if channel(&mut **tx, client_id).await? == Channel::Online {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO print_queue (id, client_id, kind, title, created_at, printed_at, printed_by) VALUES ($1, $2, $3, $4, $5, NULL, NULL)",
    )
    .bind(new_id())
    .bind(client_id)
    .bind(kind)
    .bind(title)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

/// An open letter in the print queue.
#[derive(Debug, Clone)]
pub struct PrintItem {
    pub id: String,
    pub client_id: String,
    pub kundennummer: String,
    pub client_name: String,
    pub postal_address: String,
    pub title: String,
    pub created_at: i64,
}

/// Open letters of clients of an office, oldest first.
pub async fn open_prints(pool: &AnyPool, office_id: &str) -> sqlx::Result<Vec<PrintItem>> {
    let rows = sqlx::query(
        "SELECT p.id, p.client_id, c.kundennummer, c.given_name, c.family_name, c.street, c.postcode, c.city, p.title, p.created_at
         FROM print_queue p JOIN clients c ON c.id = p.client_id
         WHERE p.printed_at IS NULL AND c.office_id = $1 ORDER BY p.created_at, p.id",
    )
    .bind(office_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let given: String = r.try_get("given_name")?;
            let family: String = r.try_get("family_name")?;
            let street: String = r.try_get("street")?;
            let postcode: String = r.try_get("postcode")?;
            let city: String = r.try_get("city")?;
            Ok(PrintItem {
                id: r.try_get("id")?,
                client_id: r.try_get("client_id")?,
                kundennummer: r.try_get("kundennummer")?,
                client_name: format!("{given} {family}"),
                postal_address: format!("{street}, {postcode} {city}"),
                title: r.try_get("title")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Marks an open letter of the office as printed; `false` if there is none.
pub async fn mark_printed(tx: &mut Tx, id: &str, office_id: &str, staff_id: &str, now: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE print_queue SET printed_at = $1, printed_by = $2
         WHERE id = $3 AND printed_at IS NULL AND client_id IN (SELECT id FROM clients WHERE office_id = $4) RETURNING client_id",
    )
    .bind(now)
    .bind(staff_id)
    .bind(id)
    .bind(office_id)
    .fetch_optional(&mut **tx)
    .await
}
