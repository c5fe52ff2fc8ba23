//! Logging in as the journeys need it, written once.

use crate::TOTP_CODE;
use crate::chromium::Tab;
use crate::support::{PASSWORD, TestApp};
use jobcenter::konto::mfa::totp::{code_at, secret_from_base32};

/// A client with TOTP set up: password and code, skipping the passkey
/// offer; lands on "Profil auswählen".
pub async fn client(tab: &Tab, app: &TestApp, email: &str, secret: &[u8]) {
    tab.open(&app.url("/anmelden")).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Anmeldung bestätigen").await;
    tab.fill(TOTP_CODE, &app.next_code(secret)).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    tab.click_button("Überspringen").await;
    tab.expect_heading("Profil auswählen").await;
}

/// A new staff member's first login: password, the gate, TOTP set up
/// like an authenticator app, the recovery codes; lands on "Backoffice".
pub async fn staff_first_time(tab: &Tab, app: &TestApp, email: &str) {
    tab.open(&app.url("/backoffice")).await;
    tab.expect_heading("Anmeldung").await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Sicherheitshinweis").await;
    tab.click_link("Zweiter Faktor (TOTP)").await;
    let key = tab.text_of("#totp-schluessel").await;
    let secret = secret_from_base32(key.trim()).expect("the key on the page");
    tab.fill(TOTP_CODE, &code_at(&secret, app.state.now())).await;
    tab.click_button("Bestätigen").await;
    tab.expect_heading("Wiederherstellungscodes").await;
    tab.open(&app.url("/backoffice")).await;
    tab.expect_heading("Backoffice").await;
}

/// A client's first login with the Freischaltcode entered: lands on the
/// profile page.
pub async fn client_freigeschaltet(tab: &Tab, app: &TestApp, email: &str, secret: &[u8], code: &str) {
    client(tab, app, email, secret).await;
    tab.click_link("Freischaltcode eingeben").await;
    tab.fill("Freischaltcode *", code).await;
    tab.click_button("Freischalten").await;
    tab.expect_heading("Freischaltung erfolgreich").await;
    tab.click_link("Zum Profil").await;
    tab.expect_heading("Profil").await;
}

/// The cast of a journey with staff: the client record "Kim Klicker" with
/// a Freischaltcode, the account `email` (TOTP set up, not yet activated)
/// and a member (`email`, name, roles) of the client's office, whose first
/// login is still to come.
pub struct Besetzung {
    pub record: crate::support::portal::ClientRecord,
    pub code: domain::Freischaltcode,
    pub secret: Vec<u8>,
    pub office: String,
}

pub async fn besetzung(app: &TestApp, email: &str, (staff_email, name, roles): (&str, &str, &str)) -> Besetzung {
    let (record, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up(email, PASSWORD).await;
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    let member = jobcenter::backoffice::cli::NewStaff { email: staff_email, display_name: name, office: &office, roles, phone: "0511 2" };
    jobcenter::backoffice::cli::create_staff(&app.state, &member, Some(PASSWORD)).await.unwrap();
    Besetzung { record, code, secret, office }
}
