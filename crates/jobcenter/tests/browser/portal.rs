//! The client's way into the portal in Chromium, by the seeds' German
//! labels, with axe-core on every page: register, set up the second factor,
//! "Profil auswählen", "Freischaltcode eingeben" (first a wrong code, then
//! the right one in lower case with spaces), "Freischaltung erfolgreich",
//! the profile with its "Kundennummer", "Jetzt aktivieren" for
//! Online-Kommunikation and revoking it, the "Verlauf", "Profil bearbeiten"
//! and "Profile verwalten" — once with JavaScript and once without.

use crate::chromium::{Chromium, Tab};
use crate::support::{PASSWORD, TestApp};
use jobcenter::konto::mfa::totp::code_at;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_client_activates_the_profile_and_online_communication_in_chromium() {
    client_journey(true, "kim.portal@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_journey_works_without_javascript() {
    client_journey(false, "ohne.skript.portal@example.de").await;
}

/// Unticks the checkbox with this id by a click on it.
async fn untick(tab: &Tab, id: &str) {
    let still: bool = tab.eval("const f = field(ARG); f.click(); return f.checked;", json!(id)).await;
    assert!(!still, "the checkbox {id} is unticked");
}

async fn client_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let (_, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;

    // Register and confirm.
    tab.open(&app.url("/registrierung")).await;
    tab.fill("E-Mail-Adresse *", email).await;
    tab.fill("Passwort *", PASSWORD).await;
    tab.fill("Passwort wiederholen *", PASSWORD).await;
    tab.tick("nutzungsbedingungen").await;
    tab.tick("einwilligung_email").await;
    tab.click_button("Registrieren").await;
    tab.expect_text("Sie haben sich erfolgreich registriert.").await;
    let mail = app.smtp.wait_for(email, "Bestätigung Ihrer E-Mail-Adresse").await;
    tab.open(&mail.link_containing("/email-bestaetigen").expect("a confirmation link")).await;
    tab.click_link("Zur Anmeldung").await;

    // Log in; the gate; TOTP like an authenticator app.
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Sicherheitshinweis").await;
    tab.click_link("Zweiter Faktor (TOTP)").await;
    let secret = super::expect_totp_setup(&tab).await;
    tab.fill(super::TOTP_CODE, &code_at(&secret, app.state.now())).await;
    tab.click_button("Bestätigen").await;
    tab.expect_heading("Wiederherstellungscodes").await;
    tab.click_link("Ich habe die Codes gespeichert").await;
    tab.expect_heading("Kontoeinstellungen").await;

    // "Profil" in the header: no profile yet, so "Profil auswählen" (PRF-1).
    tab.click_link("Profil").await;
    tab.expect_heading("Profil auswählen").await;
    assert_eq!(tab.path().await, "/profil-auswaehlen");
    for text in ["Weiter als Privatperson ohne Profil", "Freischaltcode", "Neues Profil anlegen", "Abbrechen", "Profile verwalten"] {
        tab.expect_text(text).await;
    }
    tab.click_link("Profile verwalten").await;
    tab.expect_heading("Profile verwalten").await;
    tab.expect_text("Zu diesem Konto gehört noch kein Profil.").await;
    tab.click_link("+ Profil hinzufügen").await;

    // "Freischaltcode eingeben" (PRF-3): a wrong code first.
    tab.expect_heading("Online-Angebote freischalten").await;
    tab.expect_text("Freischaltcode eingeben").await;
    tab.expect_text("Der Freischaltcode besteht aus Zahlen und Großbuchstaben, zum Beispiel: HET2-2X8A-UXAS.").await;
    tab.fill("Freischaltcode *", "ZZZZ-ZZZZ-ZZZZ").await;
    tab.click_button("Freischalten").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("Dieser Freischaltcode ist nicht gültig.").await;
    let invalid: bool = tab.eval("return field(ARG).getAttribute('aria-invalid') === 'true';", json!("freischaltcode")).await;
    assert!(invalid, "the field is marked invalid");
    tab.fill("Freischaltcode *", &code.display().to_lowercase().replace('-', " ")).await;
    tab.click_button("Freischalten").await;

    // "Freischaltung erfolgreich" (PRF-4), then the profile (POR-1).
    tab.expect_heading("Freischaltung erfolgreich").await;
    tab.expect_text("Sie haben nun Zugriff auf die entsprechenden eServices.").await;
    tab.click_link("Zum Profil").await;
    tab.expect_heading("Profil").await;
    assert_eq!(tab.text_of("#profil-name").await.trim(), "Kim Klicker");
    assert_eq!(tab.text_of("#kundennummer").await.trim(), "Kundennummer: 123A456789");
    for text in ["Profil bearbeiten", "Profil wechseln", "Verlauf", "Kontakt und Kommunikation", "Ihr Kontakt", "Petra Ansprech"] {
        tab.expect_text(text).await;
    }
    tab.expect_text("Jetzt aktiv werden: Vollständig online kommunizieren").await;

    // Online-Kommunikation on (OKO-2) …
    tab.click_link("Jetzt aktivieren").await;
    tab.expect_heading("Online-Kommunikation").await;
    tab.expect_text("Ich verzichte auf die postalische Zustellung.").await;
    tab.expect_text("Status der Online-Kommunikation").await;
    let role: String = tab.eval("return field(ARG).getAttribute('role');", json!("status")).await;
    assert_eq!(role, "switch");
    assert_eq!(tab.text_of("label[for=status]").await.trim(), "Online-Kommunikation: Aus");
    tab.tick("status").await;
    assert_eq!(tab.text_of("label[for=status]").await.trim(), "Online-Kommunikation: An", "the switch shows its position");
    tab.click_button("Status speichern").await;
    tab.expect_text("Die Online-Kommunikation ist aktiviert.").await;
    let on: bool = tab.eval("return field(ARG).checked;", json!("status")).await;
    assert!(on, "the switch shows the saved status");
    tab.click_link("Zurück").await;
    tab.expect_heading("Profil").await;
    assert!(!tab.text().await.contains("Jetzt aktiv werden"), "no banner with consent");

    // … and off again, at any time.
    tab.click_link("Online-Kommunikation").await;
    untick(&tab, "status").await;
    tab.click_button("Status speichern").await;
    tab.expect_text("Die Online-Kommunikation ist deaktiviert.").await;
    tab.click_link("Zurück").await;
    tab.expect_text("Jetzt aktiv werden: Vollständig online kommunizieren").await;

    // "Verlauf" (PRF-7), newest first, in words.
    tab.click_link("Verlauf").await;
    tab.expect_heading("Verlauf").await;
    let events: Vec<String> = tab
        .eval("return [...document.querySelectorAll('#profil-verlauf tbody tr')].map((tr) => tr.cells[1].innerText.trim());", Value::Null)
        .await;
    assert_eq!(
        events,
        ["Online-Kommunikation deaktiviert", "Online-Kommunikation aktiviert", "Profil mit Freischaltcode freigeschaltet"],
        "the history of the profile"
    );
    tab.click_link("Zurück zum Profil").await;

    // "Profil bearbeiten" (PRF-6): SMS needs a mobile number.
    tab.click_link("Profil bearbeiten").await;
    tab.expect_heading("Profil bearbeiten").await;
    tab.expect_text("Ihre Daten").await;
    tab.expect_text("E-Mail bei neuen Mitteilungen").await;
    tab.tick("SMS-Benachrichtigung").await;
    tab.click_button("Speichern").await;
    tab.expect_text("Für die SMS-Benachrichtigung geben Sie bitte Ihre Mobilfunknummer ein.").await;
    tab.fill("Mobilfunknummer", "0170 1234567").await;
    tab.click_button("Speichern").await;
    tab.expect_text("Ihre Kommunikationsoptionen wurden gespeichert.").await;
    assert_eq!(tab.value("Mobilfunknummer").await, "0170 1234567");

    // "Profil wechseln" leads to the choice, which now lists the profile.
    tab.click_link("Abbrechen").await;
    tab.click_link("Profil wechseln").await;
    tab.expect_heading("Profil auswählen").await;
    tab.click_button("Profil von Kim Klicker auswählen").await;
    tab.expect_heading("Profil").await;

    // A second profile ("+ Profil hinzufügen", PRF-5), then back by
    // "Profile verwalten", and the second one as Standardprofil.
    let (_, second) = app.fixture_client_with_code("987Z654321", "Kim", "Zweitprofil").await;
    tab.click_link("+ Profil hinzufügen").await;
    tab.fill("Freischaltcode *", second.canonical()).await;
    tab.click_button("Freischalten").await;
    tab.expect_heading("Freischaltung erfolgreich").await;
    tab.expect_text("Kundennummer: 987Z654321").await;
    tab.click_link("Zum Profil").await;
    tab.click_link("Profile verwalten").await;
    tab.expect_heading("Profile verwalten").await;
    tab.click_button("Profil wechseln : Kim Klicker").await;
    assert_eq!(tab.text_of("#kundennummer").await.trim(), "Kundennummer: 123A456789");
    tab.click_link("Profile verwalten").await;
    tab.click_button("Als Standardprofil festlegen : Kim Zweitprofil").await;
    tab.expect_text("Das Standardprofil wurde geändert.").await;

    // registration, its success, confirmed, login, notice, TOTP, recovery
    // codes, settings, Profil auswählen, Profile verwalten, code form, its
    // error, success, profile, consent, consent on, profile, consent, off,
    // profile, Verlauf, profile, edit, its error, saved, profile, choice,
    // profile, code form, success, profile, profiles, profile, profiles,
    // profiles.
    tab.assert_clean(35);
    chromium.close().await;
}
