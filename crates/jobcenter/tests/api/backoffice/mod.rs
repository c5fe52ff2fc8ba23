//! The back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3): staff logins with
//! roles, client records and their access log, Freischaltcodes and the
//! letter, access help, the channel and the print queue, the CLI and demo.

mod formulare;
mod freischaltcode;
mod kunden;
mod rollen;
mod zugangshilfe;

use crate::support::{PASSWORD, TestApp, location};
use jobcenter::backoffice::cli::{self, NewStaff};
use jobcenter::backoffice::store::NewOffice;

/// Creates an office through the CLI function; returns its id.
pub async fn office(app: &TestApp, name: &str) -> String {
    let o = NewOffice { name, street: "Am Markt 1", postcode: "90402", city: "Nürnberg", phone: "0911 1234-0" };
    cli::create_office(&app.state, &o).await.expect("office created")
}

/// Creates a staff account with `roles` in `office` (CLI function), logs
/// it in with a new browser and sets up TOTP at the gate: a complete login.
pub async fn staff(app: &TestApp, email: &str, office: &str, roles: &str) -> reqwest::Client {
    let s = NewStaff { email, display_name: &format!("Sachb. {roles}"), office, roles, phone: "0911 1234-56" };
    cli::create_staff(&app.state, &s, Some(PASSWORD)).await.expect("staff created");
    let c = app.new_client();
    let r = app.login_with(&c, email, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "a new staff account meets the gate first");
    app.set_up_totp_with(&c).await;
    c
}

/// A client's own account (registered, TOTP set up) in a new browser;
/// returns the browser and the TOTP secret.
pub async fn client_account(app: &TestApp, email: &str) -> (reqwest::Client, Vec<u8>) {
    app.register_confirmed(email, PASSWORD).await;
    let c = app.new_client();
    let r = app.login_with(&c, email, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    let secret = app.set_up_totp_with(&c).await;
    (c, secret)
}

/// The form of a valid new client record.
pub fn new_client_form<'a>(given: &'a str, family: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("vorname", given),
        ("nachname", family),
        ("geburtsdatum", "12.03.1985"),
        ("strasse", "Beispielweg 7"),
        ("plz", "90402"),
        ("ort", "Nürnberg"),
        ("bg_nummer", "12345BG1234567"),
        ("pap", ""),
    ]
}

/// Creates a client record through the form with a Service browser;
/// returns the record's id.
pub async fn create_client(app: &TestApp, service: &reqwest::Client, given: &str, family: &str) -> String {
    let r = service.post(app.url("/backoffice/kunden/neu")).form(&new_client_form(given, family)).send().await.unwrap();
    assert_eq!(r.status(), 303, "record created");
    let to = location(&r);
    let id = to.strip_prefix("/backoffice/kunden/").and_then(|r| r.split('?').next()).expect("redirect to the record").to_owned();
    assert_eq!(to, format!("/backoffice/kunden/{id}?zweck=neuanlage"));
    id
}

/// Links a client record to an account as its own profile (what the
/// client half does when the Freischaltcode is redeemed).
pub async fn link_profile(app: &TestApp, client_id: &str, account_id: &str) {
    let now = app.state.now();
    sqlx::query(
        "INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at)
         VALUES ($1, $2, $3, 'self', 1, $4, NULL, $4)",
    )
    .bind(jobcenter::db::new_id())
    .bind(account_id)
    .bind(client_id)
    .bind(now)
    .execute(&app.state.db.writer)
    .await
    .unwrap();
}

/// GET with a browser.
pub async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> reqwest::Response {
    c.get(app.url(path)).send().await.unwrap()
}

/// POST a form with a browser.
pub async fn post(app: &TestApp, c: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    c.post(app.url(path)).form(form).send().await.unwrap()
}

/// A count from the database.
pub async fn count(app: &TestApp, sql: &'static str, bind: &str) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&app.state.db.pool).await.unwrap()
}
