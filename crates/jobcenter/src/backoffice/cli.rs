//! The back office from the command line: `jobcenter admin create-office`,
//! `jobcenter admin create-staff` (the first admin, ADM-1) and
//! `jobcenter demo` (an office, a staff login and a client record with a
//! fresh Freischaltcode for trying the portal locally).

use super::RoleName;
use super::store::{self, NewClient, NewOffice};
use crate::app::AppState;
use crate::audit::Actor;
use crate::journal::Ereignis;
use anyhow::{Context, bail};

/// Creates an office; returns its id.
pub async fn create_office(state: &AppState, office: &NewOffice<'_>) -> anyhow::Result<String> {
    for (value, name) in [(office.name, "--name"), (office.street, "--street"), (office.city, "--city"), (office.phone, "--phone")] {
        if value.trim().is_empty() {
            bail!("{name} darf nicht leer sein");
        }
    }
    if domain::Postleitzahl::parse(office.postcode).is_none() {
        bail!("--postcode: eine Postleitzahl hat fünf Ziffern");
    }
    let mut tx = state.db.begin().await?;
    let id = store::insert_office(&mut tx, office, state.now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Finds an office by id or exact name.
async fn office_id(state: &AppState, office: &str) -> anyhow::Result<String> {
    let all = store::offices(&state.db.pool).await?;
    all.iter().find(|o| o.id == office || o.name == office).map(|o| o.id.clone()).with_context(|| {
        format!("--office: keine Dienststelle mit der Kennung oder dem Namen „{office}“ (zuerst `jobcenter admin create-office`)")
    })
}

/// What `create-staff` needs.
#[derive(Debug, Clone)]
pub struct NewStaff<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub office: &'a str,
    pub roles: &'a str,
    pub phone: &'a str,
}

/// Checks the address, roles, name and office of a new staff member, so
/// that the CLI can refuse them before it asks for a password.
pub async fn check_staff(state: &AppState, s: &NewStaff<'_>) -> anyhow::Result<()> {
    domain::Email::parse(s.email).map_err(|e| anyhow::anyhow!("--email: keine gültige E-Mail-Adresse ({e})"))?;
    RoleName::parse_list(s.roles).context("--roles: eine oder mehrere von service,leistung,vermittlung,admin, durch Kommas getrennt")?;
    if s.display_name.trim().is_empty() {
        bail!("--name darf nicht leer sein");
    }
    office_id(state, s.office).await.map(|_| ())
}

/// Creates a confirmed Konto account with `password` (checked like at
/// registration) and its staff row, or gives an existing account the staff
/// row (its password stays). The account meets the gate at its first login
/// and must set up TOTP or a passkey before it reaches the back office.
/// Returns the account id and whether the account was new.
pub async fn create_staff(state: &AppState, s: &NewStaff<'_>, password: Option<&str>) -> anyhow::Result<(String, bool)> {
    let email = domain::Email::parse(s.email).map_err(|e| anyhow::anyhow!("--email: keine gültige E-Mail-Adresse ({e})"))?;
    let roles = RoleName::parse_list(s.roles)
        .context("--roles: eine oder mehrere von service,leistung,vermittlung,admin, durch Kommas getrennt")?;
    if s.display_name.trim().is_empty() {
        bail!("--name darf nicht leer sein");
    }
    let office_id = office_id(state, s.office).await?;
    let now = state.now();
    let existing = crate::konto::store::find_by_login(&state.db.pool, email.as_str()).await?;
    let (account_id, created, hash) = match existing {
        Some(a) => (a.id, false, None),
        None => {
            let password = password.context("Für ein neues Konto wird ein Passwort gebraucht (JOBCENTER_STAFF_PASSWORD oder Eingabe)")?;
            let checked = domain::Password::parse(password, password, email.local_part())
                .map_err(|e| anyhow::anyhow!("Das Passwort erfüllt die Regeln nicht ({e:?})"))?;
            (crate::db::new_id(), true, Some(state.hasher.hash(checked.expose()).await?))
        }
    };
    let mut tx = state.db.begin().await?;
    if let Some(hash) = &hash {
        if !crate::konto::store::insert_account(&mut tx, &account_id, &email, hash, "de", now).await? {
            bail!("--email: die Adresse ist schon vergeben");
        }
        crate::konto::store::confirm_email(&mut tx, &account_id, now).await?;
    }
    store::upsert_staff(&mut tx, &account_id, s.display_name.trim(), &office_id, &roles, s.phone.trim(), now).await?;
    let actor = crate::audit::Actor { ip: "cli".into(), user_agent: "jobcenter admin".into() };
    let roles_text = roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",");
    crate::audit::record(
        &mut tx,
        Some(&account_id),
        "staff_granted",
        &actor,
        serde_json::json!({"roles": roles_text, "office": office_id}),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((account_id, created))
}

/// What `jobcenter demo` prepared.
#[derive(Debug, Clone)]
pub struct Demo {
    pub staff_email: String,
    pub staff_password: String,
    pub kundennummer: String,
    pub client_name: String,
    pub code: String,
    pub valid_until: String,
}

/// The demo staff login (documented in the README; for local trying only).
pub const DEMO_STAFF_EMAIL: &str = "sachbearbeitung@jobcenter-musterstadt.example";
/// The demo staff password.
pub const DEMO_STAFF_PASSWORD: &str = "Demo-Backoffice!2026";
const DEMO_OFFICE: &str = "Jobcenter Musterstadt";

/// Prepares the demo data (idempotent: office, staff and client are made
/// once) and issues a fresh Freischaltcode for the demo client (voiding the
/// previous one).
pub async fn demo(state: &AppState) -> anyhow::Result<Demo> {
    let office = match store::offices(&state.db.pool).await?.into_iter().find(|o| o.name == DEMO_OFFICE) {
        Some(o) => o.id,
        None => {
            create_office(
                state,
                &NewOffice {
                    name: DEMO_OFFICE, street: "Musterstraße 1", postcode: "12345", city: "Musterstadt", phone: "0800 4 5555 00"
                },
            )
            .await?
        }
    };
    let (staff_id, _) = create_staff(
        state,
        &NewStaff {
            email: DEMO_STAFF_EMAIL,
            display_name: "Sam Beispiel",
            office: &office,
            roles: "service,leistung,vermittlung,admin",
            phone: "0800 4 5555 01",
        },
        Some(DEMO_STAFF_PASSWORD),
    )
    .await?;
    let now = state.now();
    let existing: Option<(String, String)> =
        sqlx::query_as("SELECT id, kundennummer FROM clients WHERE office_id = $1 AND name_search = $2")
            .bind(&office)
            .bind(store::name_search("Erika", "Mustermann"))
            .fetch_optional(&state.db.pool)
            .await?;
    let mut tx = state.db.begin().await?;
    let (client_id, kundennummer) = match existing {
        Some(c) => c,
        None => {
            let c = NewClient {
                given_name: "Erika".into(),
                family_name: "Mustermann".into(),
                birth_date: "1985-03-12".into(),
                street: "Beispielweg 7".into(),
                postcode: "12345".into(),
                city: "Musterstadt".into(),
                bg_number: "12345BG0000001".into(),
                office_id: office.clone(),
                pap_staff_id: Some(staff_id.clone()),
            };
            let made = store::insert_client(&mut tx, &c, &staff_id, now).await?;
            let details = serde_json::json!({"kundennummer": made.1});
            store::staff_event(&mut tx, &made.0, Ereignis::KundendatenAngelegt, &staff_id, details, &Actor::default(), now).await?;
            made
        }
    };
    let mut random = crate::crypto::random_bytes::<64>().into_iter().cycle();
    let code = domain::Freischaltcode::generate(|| random.next().unwrap_or(0));
    let expires_at = now + super::freischaltcode::DEFAULT_DAYS * 24 * 3600;
    store::insert_code(&mut tx, &client_id, &crate::crypto::token_hash(code.canonical()), &staff_id, now, expires_at).await?;
    store::staff_event(
        &mut tx,
        &client_id,
        Ereignis::FreischaltcodeAusgestellt,
        &staff_id,
        serde_json::json!({"request": "demo", "expires_at": expires_at}),
        &Actor::default(),
        now,
    )
    .await?;
    tx.commit().await?;
    crate::portal::dokumente::demo::sendung(state, &client_id, &office).await?;
    crate::portal::postfach::demo::faden(state, &client_id, &office, &staff_id).await?;
    crate::portal::bescheide::demo::bescheid(state, &client_id, &office, &staff_id).await?;
    crate::portal::antraege::demo::vorgaenge(state, &client_id, &office, &staff_id).await?;
    crate::portal::termine::demo(state, &office, &staff_id).await?;
    crate::portal::termine::demo_einladung(state, &client_id, &office, &staff_id).await?;
    // The sample office directory, unless one was imported.
    if crate::dienststellen::store::version(&state.db.pool).await?.is_none() {
        let r = crate::dienststellen::importieren(state, "dienststellen.json", dienststellen::BEISPIEL_JSON.as_bytes(), |_, _| {}).await?;
        r.map_err(|f| anyhow::anyhow!("the sample directory is invalid: {f:?}"))?;
    }
    Ok(Demo {
        staff_email: DEMO_STAFF_EMAIL.into(),
        staff_password: DEMO_STAFF_PASSWORD.into(),
        kundennummer,
        client_name: "Erika Mustermann".into(),
        code: code.display(),
        valid_until: super::freischaltcode::valid_until(expires_at),
    })
}
