//! Passkeys in Chromium (MFA-20 … MFA-24) with the browser's own virtual
//! authenticator (CDP `WebAuthn`: CTAP2, internal transport, resident keys,
//! user verification that succeeds): set-up at the gate, "Mit Passkey
//! anmelden" without a name, an account without password, the passkey as
//! the step after the password, renaming, deleting, the limit of ten. The
//! real `passkey.js` runs the ceremonies; axe-core checks every page.

use crate::chromium::{Chromium, Tab};
use crate::support::{PASSWORD, TestApp};
use chromiumoxide::cdp::browser_protocol::web_authn::{
    AddCredentialParams, AddVirtualAuthenticatorParams, AuthenticatorId, AuthenticatorProtocol, AuthenticatorTransport, Credential,
    Ctap2Version, EnableParams, GetCredentialsParams, RemoveVirtualAuthenticatorParams, VirtualAuthenticatorOptions,
};
use chromiumoxide::layout::Point;
use serde_json::{Value, json};

/// A virtual platform authenticator in the tab (like a laptop with a
/// fingerprint reader).
struct Device {
    id: AuthenticatorId,
}

impl Device {
    /// Turns on the WebAuthn domain of the tab (once per tab).
    async fn enable(tab: &Tab) {
        tab.page.execute(EnableParams::builder().enable_ui(false).build()).await.expect("WebAuthn.enable");
    }

    /// Attaches a new authenticator: CTAP2, internal, resident keys, user
    /// verification that succeeds, presence simulated.
    async fn attach(tab: &Tab) -> Device {
        let options = VirtualAuthenticatorOptions::builder()
            .protocol(AuthenticatorProtocol::Ctap2)
            .ctap2_version(Ctap2Version::Ctap21)
            .transport(AuthenticatorTransport::Internal)
            .has_resident_key(true)
            .has_user_verification(true)
            .is_user_verified(true)
            .automatic_presence_simulation(true)
            .build()
            .expect("authenticator options");
        let r = tab.page.execute(AddVirtualAuthenticatorParams::new(options)).await.expect("WebAuthn.addVirtualAuthenticator");
        Device { id: r.result.authenticator_id.clone() }
    }

    /// The credentials it holds.
    async fn credentials(&self, tab: &Tab) -> Vec<Credential> {
        tab.page.execute(GetCredentialsParams::new(self.id.clone())).await.expect("WebAuthn.getCredentials").result.credentials.clone()
    }

    /// Detaches it (its credentials are gone from the browser).
    async fn detach(self, tab: &Tab) {
        tab.page.execute(RemoveVirtualAuthenticatorParams::new(self.id)).await.expect("WebAuthn.removeVirtualAuthenticator");
    }

    /// Puts a credential (taken from another device) into this one.
    async fn add(&self, tab: &Tab, credential: Credential) {
        tab.page.execute(AddCredentialParams::new(self.id.clone(), credential)).await.expect("WebAuthn.addCredential");
    }
}

/// Clicks the visible button with this text when no new page follows (a
/// ceremony that fails stays on the page).
async fn press(tab: &Tab, text: &str) {
    let p: Value = tab.eval("return centre(clickable('button', ARG));", json!(text)).await;
    tab.page.click(Point { x: p["x"].as_f64().unwrap(), y: p["y"].as_f64().unwrap() }).await.expect("mouse click");
}

/// Waits for the passkey error message in the page and returns it; it
/// must be an alert for screen readers.
async fn passkey_alert(tab: &Tab) -> String {
    let (text, role): (String, Option<String>) = tab
        .wait_until(
            "waiting for the passkey error message",
            "const e = document.getElementById('passkey-fehler');
             return e && !e.hidden && e.innerText.trim() ? [e.innerText.trim(), e.getAttribute('role')] : null;",
            Value::Null,
        )
        .await;
    assert_eq!(role.as_deref(), Some("alert"), "the message is announced");
    text
}

/// Whether a button with this text is visible.
async fn has_button(tab: &Tab, text: &str) -> bool {
    tab.eval("return [...document.querySelectorAll('button')].some((b) => visible(b) && norm(b.innerText) === ARG);", json!(text)).await
}

/// Password step in the browser.
async fn password_login(tab: &Tab, app: &TestApp, email: &str) {
    tab.open(&app.url("/anmelden")).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
}

/// From the name form: names the passkey, creates it on the device and
/// checks the result page.
async fn create_passkey(tab: &Tab, name: &str) {
    tab.expect_heading("Passkey einrichten").await;
    tab.fill("Name des Passkeys*", name).await;
    tab.click_button("Passkey erstellen").await;
    tab.expect_heading("Passkey auf dem Gerät einrichten").await;
    tab.expect_text(name).await;
    tab.click_button("Passkey jetzt erstellen").await;
    tab.expect_heading("Passkey erfolgreich eingerichtet").await;
    tab.expect_text(
        "Sie können sich ab sofort mit dem Passkey anmelden. Bitte stellen Sie sicher, dass der Passkey bei jeder Anmeldung verfügbar ist.",
    )
    .await;
}

async fn login_method(app: &TestApp, email: &str) -> Vec<String> {
    let id = app.account_id(email).await.unwrap();
    sqlx::query_scalar("SELECT details FROM audit_events WHERE account_id = $1 AND kind = 'login' ORDER BY seq")
        .bind(id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_set_up_at_the_gate_logs_in_without_a_name() {
    let email = "pia.passkey@example.de";
    let app = TestApp::spawn().await;
    app.register_confirmed(email, PASSWORD).await;
    let chromium = Chromium::launch().await;

    // Without JavaScript the login page shows no passkey button (and no
    // empty message box); the password form works as before.
    let plain = chromium.tab(false).await;
    plain.open(&app.url("/anmelden")).await;
    plain.expect_heading("Anmeldung").await;
    let shown: Value = plain
        .eval(
            "return ['passkey-block', 'passkey-anmelden', 'passkey-fehler'].map((id) => visible(document.getElementById(id)));",
            Value::Null,
        )
        .await;
    assert_eq!(shown, json!([false, false, false]), "nothing of the passkey login without JavaScript");
    plain.assert_clean(1);

    let tab = chromium.tab(true).await;
    Device::enable(&tab).await;
    let device = Device::attach(&tab).await;

    tab.open(&app.url("/anmelden")).await;
    assert!(has_button(&tab, "Mit Passkey anmelden").await, "with JavaScript and WebAuthn the button shows");
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Sicherheitshinweis").await;
    tab.click_link("Passkey").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    tab.click_link("Passkey einrichten").await;

    // The form: a default name from the date and time; the rules.
    tab.expect_heading("Passkey einrichten").await;
    let default = tab.value("Name des Passkeys*").await;
    assert!(default.starts_with("PK-") && default.len() >= 18, "{default}");
    tab.expect_text("Bitte zwischen 3 und 30 Zeichen eingeben. Es sind Groß- und Kleinbuchstaben, Zahlen und folgende Zeichen erlaubt . : , ; - _ ( ) /")
        .await;
    tab.fill("Name des Passkeys*", "Mein Laptop").await;
    tab.click_button("Passkey erstellen").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("keine Leerzeichen").await;

    create_passkey(&tab, "Laptop").await;
    tab.expect_text("Nächster Schritt: Passwort entfernen").await;
    tab.expect_text("Wiederherstellungscodes").await;
    assert!(has_button(&tab, "Passwort aus dem Konto entfernen").await);
    let codes: usize = tab.eval("return document.querySelectorAll('#wiederherstellungscodes li').length;", Value::Null).await;
    assert_eq!(codes, 10, "the first factor comes with its recovery codes");

    // A discoverable credential with the account's random user handle.
    let held = device.credentials(&tab).await;
    assert_eq!(held.len(), 1);
    assert!(held[0].is_resident_credential, "residentKey = required");
    assert_eq!(held[0].rp_id.as_deref(), Some("localhost"));

    tab.click_link("Zweiten Faktor einrichten").await;
    tab.expect_heading("Zweiten Faktor einrichten").await;
    tab.click_link("Abbrechen").await;
    tab.expect_heading("Kontoeinstellungen").await;
    tab.expect_text("1 von 10 möglichen Passkeys eingerichtet").await;
    tab.expect_text("Laptop").await;

    // Log out and back in by passkey alone.
    tab.click_button("Abmelden").await;
    tab.expect_heading("Anmeldung").await;
    tab.click_button("Mit Passkey anmelden").await;
    // An account without a profile lands on "Profil auswählen" (PRF-1).
    tab.expect_heading("Profil auswählen").await;
    let logins = login_method(&app, email).await;
    assert!(logins.last().unwrap().contains("\"passkey\""), "{logins:?}");

    // login, notice, offer, form, its error, device step, result, TOTP
    // form, settings, login, Profil auswählen.
    tab.assert_clean(11);
    chromium.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_password_only_the_passkey_opens_the_account() {
    let email = "ohne.passwort@example.de";
    let app = TestApp::spawn().await;
    app.register_confirmed(email, PASSWORD).await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(true).await;
    Device::enable(&tab).await;
    let _device = Device::attach(&tab).await;

    password_login(&tab, &app, email).await;
    tab.open(&app.url("/konto/passkeys/neu")).await;
    create_passkey(&tab, "Handy").await;
    tab.click_button("Passwort aus dem Konto entfernen").await;
    tab.expect_heading("Kontoeinstellungen").await;
    tab.expect_text("Das Passwort wurde aus Ihrem Konto entfernt.").await;
    tab.expect_text("kein Passwort (Anmeldung mit Passkey)").await;
    assert_eq!(app.queued_mails(email, "Passwort aus Ihrem Konto entfernt").await, 1);

    // The last passkey of an account without password stays.
    tab.click_link("„Handy“ löschen").await;
    tab.expect_heading("Passkey löschen").await;
    tab.expect_text("Dies ist Ihr letzter Passkey, und Ihr Konto hat kein Passwort.").await;
    assert!(!has_button(&tab, "Passkey löschen").await);
    tab.click_link("Zurück zu den Kontoeinstellungen").await;

    // The password is refused like a wrong one; the passkey opens.
    tab.click_button("Abmelden").await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_text("Benutzername / E-Mail-Adresse oder Passwort ist falsch.").await;
    tab.click_button("Mit Passkey anmelden").await;
    tab.expect_heading("Profil auswählen").await;

    // login, notice, form, device step, result, settings, refusal,
    // settings, login, login error, Profil auswählen.
    tab.assert_clean(11);
    chromium.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passkeys_are_renamed_deleted_and_limited_to_ten() {
    let email = "zehn.passkeys@example.de";
    let app = TestApp::spawn().await;
    let secret = app.signed_up(email, PASSWORD).await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(true).await;
    Device::enable(&tab).await;
    let laptop = Device::attach(&tab).await;

    // Password and TOTP, then the passkey offer (MFA-2).
    password_login(&tab, &app, email).await;
    tab.fill("6-stelliger Code (TOTP) *", &app.next_code(&secret)).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    tab.click_link("Passkey einrichten").await;
    create_passkey(&tab, "Laptop").await;
    assert!(!has_button(&tab, "Zweiten Faktor einrichten").await, "TOTP is there already");
    tab.click_link("Abbrechen").await;

    // The same device again: the browser refuses (excluded credential).
    tab.click_link("Passkey einrichten").await;
    tab.fill("Name des Passkeys*", "Laptop-2").await;
    tab.click_button("Passkey erstellen").await;
    press(&tab, "Passkey jetzt erstellen").await;
    let message = passkey_alert(&tab).await;
    assert!(message.contains("Auf diesem Gerät ist bereits ein Passkey für Ihr Konto gespeichert."), "{message}");
    tab.axe().await;

    // Rename in the settings; a bad name is explained on its own page.
    tab.open(&app.url("/konto")).await;
    tab.fill("Neuer Name für „Laptop“", "Laptop (alt)").await;
    tab.click_button("„Laptop“ umbenennen").await;
    tab.expect_heading("Passkey umbenennen").await;
    tab.expect_text("keine Leerzeichen").await;
    tab.fill("Name des Passkeys*", "Laptop-alt").await;
    tab.click_button("Namen speichern").await;
    tab.expect_text("Der Passkey wurde umbenannt.").await;
    tab.fill("Neuer Name für „Laptop-alt“", "Laptop-Buero").await;
    tab.click_button("„Laptop-alt“ umbenennen").await;
    tab.expect_text("Laptop-Buero").await;

    // A second device; then eight more passkeys make ten.
    let laptop_key = laptop.credentials(&tab).await.remove(0);
    laptop.detach(&tab).await;
    let phone = Device::attach(&tab).await;
    tab.click_link("Passkey einrichten").await;
    create_passkey(&tab, "Handy").await;
    tab.click_link("Zu den Kontoeinstellungen").await;
    let account = app.account_id(email).await.unwrap();
    let json: String =
        sqlx::query_scalar("SELECT passkey_json FROM passkeys WHERE name = 'Handy'").fetch_one(&app.state.db.pool).await.unwrap();
    for i in 3..=10 {
        sqlx::query("INSERT INTO passkeys (id, account_id, credential_id, name, passkey_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(&account)
            .bind(format!("kopie-{i}"))
            .bind(format!("Kopie-{i:02}"))
            .bind(&json)
            .bind(app.state.now() + i)
            .execute(&app.state.db.writer)
            .await
            .unwrap();
    }
    tab.open(&app.url("/konto")).await;
    tab.expect_text("10 von 10 möglichen Passkeys eingerichtet").await;
    tab.expect_text("Mehr als 10 Passkeys je Konto sind nicht möglich.").await;
    tab.open(&app.url("/konto/passkeys/neu")).await;
    tab.expect_text("Höchstzahl an Passkeys erreicht").await;
    assert!(!has_button(&tab, "Passkey erstellen").await, "no eleventh passkey");

    // Delete one: asked first, then gone, with a notice.
    tab.click_link("Zurück zu den Kontoeinstellungen").await;
    tab.click_link("„Kopie-10“ löschen").await;
    tab.expect_text("Möchten Sie den Passkey „Kopie-10“ wirklich löschen?").await;
    tab.click_button("Passkey löschen").await;
    tab.expect_text("Der Passkey wurde gelöscht.").await;
    tab.expect_text("9 von 10 möglichen Passkeys eingerichtet").await;

    // The passkey as the step after the password.
    tab.click_button("Abmelden").await;
    password_login(&tab, &app, email).await;
    tab.expect_heading("Anmeldung bestätigen").await;
    tab.click_button("Mit Passkey bestätigen").await;
    tab.expect_heading("Profil auswählen").await;
    tab.click_link("Kontoeinstellungen").await;
    tab.expect_heading("Kontoeinstellungen").await;

    // A passkey deleted here but still on a device: a clear message.
    tab.click_link("„Laptop-Buero“ löschen").await;
    tab.click_button("Passkey löschen").await;
    tab.click_button("Abmelden").await;
    phone.detach(&tab).await;
    let old_laptop = Device::attach(&tab).await;
    old_laptop.add(&tab, laptop_key).await;
    tab.expect_refused(&app.url("/anmelden/passkey"));
    press(&tab, "Mit Passkey anmelden").await;
    let message = passkey_alert(&tab).await;
    assert!(message.contains("Dieser Passkey gehört zu keinem Konto bei Jobcenter Digital."), "{message}");
    tab.axe().await;

    let logins = login_method(&app, email).await;
    assert!(logins.iter().any(|d| d.contains("\"pwd+passkey\"")), "the passkey as second step: {logins:?}");
    tab.assert_clean(31);
    chromium.close().await;
}
