//! Clients with an activated profile, as the upload scenarios need them:
//! confirmed accounts with a TOTP factor ([`accounts::prepare_with`]), an
//! office and one client record with a fresh Freischaltcode per account
//! (the library's back-office store functions, as `jobcenter demo` does),
//! then over HTTP against the running server: password, TOTP code and
//! `POST /freischaltcode`, which puts the profile into the session.

use crate::accounts::{self, Fixture};
use crate::driver::SESSION_COOKIE;
use crate::http1::Connection;
use anyhow::{Context, ensure};
use jobcenter::app::{AppState, Overrides};
use jobcenter::backoffice::store::{self as backoffice, NewClient, NewOffice};
use jobcenter::config::{Config, RawConfig};
use jobcenter::konto::mfa::totp;

/// What the server needs besides [`crate::server::Server::start`]'s own
/// settings: the master key that sealed the TOTP secrets, and limits per
/// address raised because all clients come from 127.0.0.1.
pub fn server_env(master_key: &str) -> Vec<(String, String)> {
    vec![
        ("JOBCENTER_MASTER_KEY".to_owned(), master_key.to_owned()),
        ("JOBCENTER_RATE_LIMITS__ACTIVATION_PER_ADDRESS".to_owned(), "100000000".to_owned()),
    ]
}

/// The prepared data directory with one Freischaltcode per account.
pub struct Vorbereitet {
    pub fixture: Fixture,
    pub master_key: String,
    /// Freischaltcode per account (index as in `fixture.emails`).
    pub codes: Vec<String>,
}

/// `n` accounts with TOTP, an office, and per account a client record with
/// a Freischaltcode, in a fresh SQLite database.
pub async fn vorbereiten(n: usize) -> anyhow::Result<Vorbereitet> {
    let master_key = accounts::random_master_key();
    let setup = accounts::Setup { master_key: Some(master_key.clone()), totp: true };
    let fixture = accounts::prepare_with(n, &setup).await?;
    let raw = RawConfig {
        database_url: Some(fixture.database_url.clone()),
        data_dir: fixture.dir.path().display().to_string(),
        master_key: Some(master_key.clone()),
        ..RawConfig::default()
    };
    let state = AppState::build(Config::from_raw(raw)?, Overrides::default()).await.context("opening the load-test database")?;
    let office = NewOffice { name: "Jobcenter Lasttest", street: "Lastweg 1", postcode: "12345", city: "Lastadt", phone: "0800 1" };
    let office_id = jobcenter::backoffice::cli::create_office(&state, &office).await?;
    let now = state.now();
    let expires_at = now + jobcenter::backoffice::freischaltcode::DEFAULT_DAYS * 24 * 3600;
    let mut codes = Vec::with_capacity(n);
    let mut tx = state.db.begin().await?;
    for i in 0..n {
        let client = NewClient {
            given_name: "Lasttest".into(),
            family_name: format!("Kunde{i:04}"),
            birth_date: "1985-03-12".into(),
            street: "Lastweg 2".into(),
            postcode: "12345".into(),
            city: "Lastadt".into(),
            bg_number: format!("12345BG{i:07}"),
            office_id: office_id.clone(),
            pap_staff_id: None,
        };
        let (client_id, _) = backoffice::insert_client(&mut tx, &client, "loadtest", now).await?;
        let mut random = jobcenter::crypto::random_bytes::<64>().into_iter().cycle();
        let code = domain::Freischaltcode::generate(|| random.next().unwrap_or(0));
        backoffice::insert_code(&mut tx, &client_id, &jobcenter::crypto::token_hash(code.canonical()), "loadtest", now, expires_at).await?;
        codes.push(code.display());
    }
    tx.commit().await?;
    crate::accounts::close_state(state).await;
    Ok(Vorbereitet { fixture, master_key, codes })
}

/// Signs every account in over HTTP (password, TOTP code) and redeems its
/// Freischaltcode; returns `name=value` of each session cookie, whose
/// session then acts for the client's own profile.
pub async fn anmelden(base: &str, v: &Vorbereitet) -> anyhow::Result<Vec<String>> {
    let mut jobs = tokio::task::JoinSet::new();
    for (i, ((email, secret), code)) in v.fixture.emails.iter().zip(&v.fixture.totp_secrets).zip(&v.codes).enumerate() {
        let (base, email, secret, code) = (base.to_owned(), email.clone(), secret.clone(), code.clone());
        jobs.spawn(async move { (i, einer(&base, &email, &secret, &code).await.with_context(|| format!("signing in {email}"))) });
    }
    let mut cookies = vec![String::new(); v.codes.len()];
    while let Some(done) = jobs.join_next().await {
        let (i, cookie) = done.context("sign-in task failed")?;
        cookies[i] = cookie?;
    }
    Ok(cookies)
}

async fn einer(base: &str, email: &str, secret: &[u8], code: &str) -> anyhow::Result<String> {
    let mut http = Connection::new(base)?;
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("kennung", email)
        .append_pair("passwort", accounts::PASSWORD)
        .finish();
    let r = http.post_form("/anmelden", None, &form).await.context("POST /anmelden")?;
    ensure!(r.status == 303, "POST /anmelden: status {}", r.status);
    let cookie = r.cookie(SESSION_COOKIE).context("POST /anmelden: no session cookie")?.to_owned();

    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() as i64;
    let form = url::form_urlencoded::Serializer::new(String::new()).append_pair("code", &totp::code_at(secret, now)).finish();
    let r = http.post_form("/anmelden/zweiter-faktor", Some(&cookie), &form).await.context("POST /anmelden/zweiter-faktor")?;
    ensure!(r.status == 303, "POST /anmelden/zweiter-faktor: status {}", r.status);
    let cookie = r.cookie(SESSION_COOKIE).context("POST /anmelden/zweiter-faktor: no session cookie")?.to_owned();

    let form = url::form_urlencoded::Serializer::new(String::new()).append_pair("freischaltcode", code).finish();
    let r = http.post_form("/freischaltcode", Some(&cookie), &form).await.context("POST /freischaltcode")?;
    let to = r.location.clone().unwrap_or_default();
    ensure!(r.status == 303 && to == "/freischaltcode/erfolgreich", "POST /freischaltcode: status {} to '{to}'", r.status);
    let cookie = r.cookie(SESSION_COOKIE).map_or(cookie, str::to_owned);
    let r = http.get("/dokumente/hochladen", Some(&cookie)).await.context("GET /dokumente/hochladen")?;
    ensure!(r.status == 200, "GET /dokumente/hochladen: status {} (to '{}')", r.status, r.location.unwrap_or_default());
    Ok(cookie)
}
