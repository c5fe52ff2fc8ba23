//! SQL of the back office: offices and staff here; client records, the
//! access log (ADM-5) and profile events in [`kunden`]; Freischaltcodes
//! (PRF-2), the communication channel and the print queue (OKO-3) in
//! [`post`].

mod kunden;
mod post;

pub use kunden::*;
pub use post::*;

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
pub async fn find_staff<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, account_id: &str) -> sqlx::Result<Option<StaffMember>> {
    let row = sqlx::query(
        "SELECT s.account_id, s.display_name, a.email, s.phone, s.office_id, o.name AS office_name, s.roles, s.active
         FROM staff s JOIN accounts a ON a.id = s.account_id JOIN offices o ON o.id = s.office_id WHERE s.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(ex)
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

fn office(r: &AnyRow) -> sqlx::Result<Office> {
    Ok(Office {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        street: r.try_get("street")?,
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        phone: r.try_get("phone")?,
    })
}

/// All offices by name.
pub async fn offices(pool: &AnyPool) -> sqlx::Result<Vec<Office>> {
    let rows = sqlx::query("SELECT id, name, street, postcode, city, phone FROM offices ORDER BY name").fetch_all(pool).await?;
    rows.iter().map(office).collect()
}

/// The office with this id, if it exists (also the portal's "Ihre
/// Dienststelle vor Ort").
pub async fn find_office(pool: &AnyPool, office_id: &str) -> sqlx::Result<Option<Office>> {
    let row = sqlx::query("SELECT id, name, street, postcode, city, phone FROM offices WHERE id = $1")
        .bind(office_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(office).transpose()
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
