//! The portal's SQL: profiles with their client record, the staff contact,
//! redeeming a Freischaltcode, communication options, online-communication
//! consents and the profile's history. One SQL string for both engines.

use crate::audit::Actor;
use crate::db::{Tx, new_id};
use crate::portal::handelnd::Mandat;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// A profile of the signed-in account with the client record it opens.
#[derive(Debug, Clone)]
pub struct Profile {
    pub id: String,
    pub client_id: String,
    /// `self`, later `representative` or `legal` (REP).
    pub relation: String,
    /// The "Standardprofil" opened after login.
    pub is_default: bool,
    pub kundennummer: String,
    pub given_name: String,
    pub family_name: String,
    /// As recorded (ISO date `YYYY-MM-DD`).
    pub birth_date: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub bg_number: String,
    pub office_id: String,
    pub pap_staff_id: Option<String>,
}

impl Profile {
    /// "Kim Klicker".
    pub fn name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    /// The birth date as "dd.mm.yyyy" (as recorded if it is no ISO date).
    pub fn birth_date_de(&self) -> String {
        crate::web::page::german_date(&self.birth_date)
    }
}

macro_rules! select_profile {
    ($rest:literal) => {
        concat!(
            "SELECT p.id, p.client_id, p.relation, p.is_default, c.kundennummer, c.given_name, c.family_name, c.birth_date,
                    c.street, c.postcode, c.city, c.bg_number, c.office_id, c.pap_staff_id
             FROM profiles p JOIN clients c ON c.id = p.client_id ",
            $rest
        )
    };
}

fn profile(r: &AnyRow) -> sqlx::Result<Profile> {
    Ok(Profile {
        id: r.try_get("id")?,
        client_id: r.try_get("client_id")?,
        relation: r.try_get("relation")?,
        is_default: r.try_get::<i64, _>("is_default")? == 1,
        kundennummer: r.try_get("kundennummer")?,
        given_name: r.try_get("given_name")?,
        family_name: r.try_get("family_name")?,
        birth_date: r.try_get("birth_date")?,
        street: r.try_get("street")?,
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        bg_number: r.try_get("bg_number")?,
        office_id: r.try_get("office_id")?,
        pap_staff_id: r.try_get("pap_staff_id")?,
    })
}

/// The profile `profile_id` if it belongs to `account_id` and is valid at `now`.
pub async fn own_profile(pool: &AnyPool, account_id: &str, profile_id: &str, now: i64) -> sqlx::Result<Option<Profile>> {
    let row = sqlx::query(select_profile!(
        "WHERE p.id = $1 AND p.account_id = $2 AND p.valid_from <= $3 AND (p.valid_until IS NULL OR p.valid_until > $3)"
    ))
    .bind(profile_id)
    .bind(account_id)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(profile).transpose()
}

/// The account's profiles valid now: the "Standardprofil" first, then by name.
pub async fn profiles_of(pool: &AnyPool, account_id: &str, now: i64) -> sqlx::Result<Vec<Profile>> {
    let rows = sqlx::query(select_profile!(
        "WHERE p.account_id = $1 AND p.valid_from <= $2 AND (p.valid_until IS NULL OR p.valid_until > $2)
         ORDER BY p.is_default DESC, c.family_name, c.given_name, p.id"
    ))
    .bind(account_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    rows.iter().map(profile).collect()
}

/// The power of attorney of a representative's profile valid at `now`:
/// its id and rights (REP-1/2).
pub async fn power_of_attorney(pool: &AnyPool, profile_id: &str, now: i64) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query_as(
        "SELECT id, rights FROM powers_of_attorney WHERE profile_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until > $2)",
    )
    .bind(profile_id)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// Makes `profile_id` the account's only "Standardprofil"; false if it is
/// not one of the account's profiles.
pub async fn set_default(tx: &mut Tx, account_id: &str, profile_id: &str, now: i64) -> sqlx::Result<bool> {
    let owned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM profiles WHERE id = $1 AND account_id = $2 AND valid_from <= $3 AND (valid_until IS NULL OR valid_until > $3)",
    )
    .bind(profile_id)
    .bind(account_id)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    if owned == 0 {
        return Ok(false);
    }
    sqlx::query("UPDATE profiles SET is_default = CASE WHEN id = $1 THEN 1 ELSE 0 END WHERE account_id = $2")
        .bind(profile_id)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    Ok(true)
}

/// "Ihr Kontakt": the client's persönliche Ansprechperson (pAp).
#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

impl Contact {
    /// The phone number for a `tel:` link.
    pub fn tel(&self) -> String {
        tel_href(&self.phone)
    }
}

/// A phone number as written ("0511 6559-4041") for a `tel:` link.
pub fn tel_href(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// The pAp of a client, if one is assigned and still active.
pub async fn contact(pool: &AnyPool, pap_staff_id: Option<&str>) -> sqlx::Result<Option<Contact>> {
    let Some(id) = pap_staff_id else { return Ok(None) };
    let row = sqlx::query(
        "SELECT s.display_name, s.phone, a.email FROM staff s JOIN accounts a ON a.id = s.account_id
         WHERE s.account_id = $1 AND s.active = 1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok(Contact { name: r.try_get("display_name")?, email: r.try_get("email")?, phone: r.try_get("phone")? })).transpose()
}

/// "Ihre Dienststelle vor Ort": the client's office (the back office's
/// record of it).
pub use crate::backoffice::store::{Office, find_office as office};

impl Office {
    /// The phone number for a `tel:` link.
    pub fn tel(&self) -> String {
        tel_href(&self.phone)
    }
}

/// Why a Freischaltcode was not accepted (PRF-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedeemProblem {
    /// No such code, or voided by a newer one.
    Wrong,
    /// Past its validity date.
    Expired,
    /// Already used (single use).
    Used,
}

/// Redeems a Freischaltcode for `account_id` in one transaction: the code is
/// taken with one conditional `UPDATE … RETURNING` (single use even with
/// several nodes), the profile (relation `self`) is created — the
/// "Standardprofil" if the account has none — and the session acts for it;
/// the history and the audit trail record the activation. Returns the
/// profile id.
pub async fn redeem(
    tx: &mut Tx,
    account_id: &str,
    session_hash: &str,
    code: &domain::Freischaltcode,
    actor: &Actor,
    now: i64,
) -> anyhow::Result<Result<String, RedeemProblem>> {
    let hash = crate::crypto::token_hash(code.canonical());
    let row =
        sqlx::query("SELECT id, client_id, expires_at, used_at, used_by_account, voided_at FROM activation_codes WHERE code_hash = $1")
            .bind(&hash)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(row) = row else { return Ok(Err(RedeemProblem::Wrong)) };
    if row.try_get::<Option<i64>, _>("voided_at")?.is_some() {
        return Ok(Err(RedeemProblem::Wrong));
    }
    if row.try_get::<Option<i64>, _>("used_at")?.is_some() {
        // A double-clicked "Freischalten": this account redeemed it and
        // holds the profile, so the answer is the same success again.
        let used_by: Option<String> = row.try_get("used_by_account")?;
        if used_by.as_deref() == Some(account_id) {
            let client_id: String = row.try_get("client_id")?;
            if let Some(profile) = own_self_profile(tx, account_id, &client_id, now).await? {
                crate::web::session::set_profile(&mut **tx, session_hash, Some(&profile)).await?;
                return Ok(Ok(profile));
            }
        }
        return Ok(Err(RedeemProblem::Used));
    }
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(Err(RedeemProblem::Expired));
    }
    let code_id: String = row.try_get("id")?;
    let taken: Option<String> = sqlx::query_scalar(
        "UPDATE activation_codes SET used_at = $1, used_by_account = $2
         WHERE id = $3 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $1
         RETURNING client_id",
    )
    .bind(now)
    .bind(account_id)
    .bind(&code_id)
    .fetch_optional(&mut **tx)
    .await?;
    // Another request took it between the read and the update.
    let Some(client_id) = taken else { return Ok(Err(RedeemProblem::Used)) };

    let existing: Option<String> = sqlx::query_scalar("SELECT id FROM profiles WHERE account_id = $1 AND client_id = $2")
        .bind(account_id)
        .bind(&client_id)
        .fetch_optional(&mut **tx)
        .await?;
    let mut replaced_other_account = false;
    let profile_id = match existing {
        Some(id) => {
            sqlx::query("UPDATE profiles SET relation = 'self', valid_until = NULL WHERE id = $1").bind(&id).execute(&mut **tx).await?;
            id
        }
        None => {
            // A new code after an ID check moves the client's own profile to
            // the account that redeems it (e.g. after the old account was lost).
            let old: Vec<(String, String)> =
                sqlx::query_as("DELETE FROM profiles WHERE client_id = $1 AND relation = 'self' RETURNING id, account_id")
                    .bind(&client_id)
                    .fetch_all(&mut **tx)
                    .await?;
            for (id, old_account) in &old {
                sqlx::query("UPDATE sessions SET profile_id = NULL WHERE profile_id = $1").bind(id).execute(&mut **tx).await?;
                // In the old account's history, without this request's
                // address or browser (they belong to someone else).
                crate::audit::record(
                    tx,
                    Some(old_account),
                    "profile_moved_away",
                    &Actor::default(),
                    serde_json::json!({"profile": id}),
                    now,
                )
                .await?;
                replaced_other_account = true;
            }
            let has_default: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles WHERE account_id = $1 AND is_default = 1")
                .bind(account_id)
                .fetch_one(&mut **tx)
                .await?;
            let id = new_id();
            sqlx::query(
                "INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at)
                 VALUES ($1, $2, $3, 'self', $4, $5, NULL, $5)",
            )
            .bind(&id)
            .bind(account_id)
            .bind(&client_id)
            .bind(i64::from(has_default == 0))
            .bind(now)
            .execute(&mut **tx)
            .await?;
            id
        }
    };
    let bezug = crate::journal::Direkt {
        client_id: client_id.clone(),
        akteur: crate::journal::Akteur::Klient { account_id: account_id.to_owned() },
    };
    let details = serde_json::json!({"code_id": code_id, "replaced_other_account": replaced_other_account, "profile": profile_id});
    crate::journal::record(tx, &bezug, crate::journal::Ereignis::Freigeschaltet, details, actor, now).await?;
    crate::web::session::set_profile(&mut **tx, session_hash, Some(&profile_id)).await?;
    Ok(Ok(profile_id))
}

async fn own_self_profile(tx: &mut Tx, account_id: &str, client_id: &str, now: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT id FROM profiles WHERE account_id = $1 AND client_id = $2 AND relation = 'self' AND valid_from <= $3
           AND (valid_until IS NULL OR valid_until > $3)",
    )
    .bind(account_id)
    .bind(client_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// Kommunikationsoptionen of a client (PRF-6).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommunicationOptions {
    pub email_notify: bool,
    pub sms_notify: bool,
    /// E.164 ("+491701234567").
    pub mobile_number: Option<String>,
}

/// The options of the mandate's client (all off if never set).
pub async fn communication_options<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    mandat: &Mandat,
) -> sqlx::Result<CommunicationOptions> {
    let client_id = mandat.client_id();
    let row = sqlx::query("SELECT email_notify, sms_notify, mobile_number FROM communication_options WHERE client_id = $1")
        .bind(client_id)
        .fetch_optional(ex)
        .await?;
    row.map_or(Ok(CommunicationOptions::default()), |r| {
        Ok(CommunicationOptions {
            email_notify: r.try_get::<i64, _>("email_notify")? == 1,
            sms_notify: r.try_get::<i64, _>("sms_notify")? == 1,
            mobile_number: r.try_get("mobile_number")?,
        })
    })
}

/// Stores the options of the mandate's client.
pub async fn save_communication_options(tx: &mut Tx, mandat: &Mandat, o: &CommunicationOptions, now: i64) -> sqlx::Result<()> {
    let client_id = mandat.client_id();
    sqlx::query(
        "INSERT INTO communication_options (client_id, email_notify, sms_notify, mobile_number, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (client_id) DO UPDATE SET email_notify = excluded.email_notify, sms_notify = excluded.sms_notify,
           mobile_number = excluded.mobile_number, updated_at = excluded.updated_at",
    )
    .bind(client_id)
    .bind(i64::from(o.email_notify))
    .bind(i64::from(o.sms_notify))
    .bind(o.mobile_number.as_deref())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The current state of Online-Kommunikation (OKO-2): the newest consent
/// row of the client, if it grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnlineStatus {
    pub active: bool,
    /// When the status last changed (None: never decided).
    pub since: Option<i64>,
}

/// Reads the online-communication status of the mandate's client.
pub async fn online_status<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, mandat: &Mandat) -> sqlx::Result<OnlineStatus> {
    online_status_of(ex, mandat.client_id()).await
}

/// [`online_status`] by client id, for the deletion of an account (the
/// account's mandates end with it).
pub(super) async fn online_status_of<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    ex: E,
    client_id: &str,
) -> sqlx::Result<OnlineStatus> {
    let row = sqlx::query("SELECT action, at FROM online_consents WHERE client_id = $1 ORDER BY at DESC, id DESC LIMIT 1")
        .bind(client_id)
        .fetch_optional(ex)
        .await?;
    row.map_or(Ok(OnlineStatus { active: false, since: None }), |r| {
        Ok(OnlineStatus { active: r.try_get::<String, _>("action")? == "granted", since: Some(r.try_get("at")?) })
    })
}

/// Appends a consent row (`granted` or `revoked`) given by the mandate's
/// account; never updates one.
pub async fn append_consent(tx: &mut Tx, mandat: &Mandat, action: &str, text_version: &str, now: i64) -> sqlx::Result<()> {
    append_consent_of(tx, mandat.client_id(), mandat.account_id(), action, text_version, now).await
}

/// [`append_consent`] by ids, for the deletion of an account.
pub(super) async fn append_consent_of(
    tx: &mut Tx,
    client_id: &str,
    account_id: &str,
    action: &str,
    text_version: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO online_consents (id, client_id, account_id, action, text_version, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(new_id())
        .bind(client_id)
        .bind(account_id)
        .bind(action)
        .bind(text_version)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The e-mail address and language of each of the client's own accounts
/// (relation `self`; representatives are told under their right, REP-2).
pub async fn eigene_konten<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, client_id: &str) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT a.email, a.lang FROM profiles p JOIN accounts a ON a.id = p.account_id WHERE p.client_id = $1 AND p.relation = 'self'",
    )
    .bind(client_id)
    .fetch_all(ex)
    .await
}
