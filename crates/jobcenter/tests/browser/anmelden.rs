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
