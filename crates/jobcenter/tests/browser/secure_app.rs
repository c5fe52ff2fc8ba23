//! The Secure-App in two Chromium instances (two separate browser
//! contexts): a desktop that logs in, and a phone running the companion
//! web app with a virtual platform authenticator (user verification) and
//! its WebCrypto key. Linking by the link and by the QR payload, the 4-minute
//! set-up expiring on the app's clock, approving with the matching number,
//! denying, a wrong number, an expired request; axe-core on every page of
//! both. The real `app.js` of the companion and `portal.js` of the portal run.

use crate::chromium::{Chromium, Tab};
use crate::support::{PASSWORD, TestApp};
use chromiumoxide::cdp::browser_protocol::web_authn::{
    AddVirtualAuthenticatorParams, AuthenticatorProtocol, AuthenticatorTransport, Ctap2Version, EnableParams, VirtualAuthenticatorOptions,
};
use chromiumoxide::layout::Point;
use serde_json::{Value, json};

const EMAIL: &str = "kim.handy@example.de";

/// A phone: a platform authenticator with user verification that succeeds
/// (like a fingerprint the owner gives).
async fn phone_authenticator(tab: &Tab) {
    tab.page.execute(EnableParams::builder().enable_ui(false).build()).await.expect("WebAuthn.enable");
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
    tab.page.execute(AddVirtualAuthenticatorParams::new(options)).await.expect("WebAuthn.addVirtualAuthenticator");
}

/// Waits until the page shows `text` and has loaded completely (scripts
/// may reload or move on by themselves meanwhile), then runs axe on that
/// page.
async fn wait_for_text(tab: &Tab, text: &str) {
    tab.wait_for_text(text).await;
    tab.axe().await;
}

/// Right after a (re)start the countdown shows four minutes, or a little
/// less: its script ticks on while a busy machine still runs axe on the
/// page. More than three minutes left means it started anew.
async fn expect_fresh_countdown(tab: &Tab) {
    let text = tab.text().await;
    let fresh = regex::Regex::new(r"Verbleibende Zeit 00:0(4:00|3:[0-5]\d)").unwrap();
    assert!(fresh.is_match(&text), "a countdown started anew (about 00:04:00) on {}; the page shows:\n{text}", tab.url().await);
}

/// Clicks a visible button that does not load a new page (the companion's
/// buttons work with scripts).
async fn press(tab: &Tab, text: &str) {
    let p: Value = tab.eval("return centre(clickable('button', ARG));", json!(text)).await;
    tab.page.click(Point { x: p["x"].as_f64().unwrap(), y: p["y"].as_f64().unwrap() }).await.expect("mouse click");
}

/// Picks one of the three numbers in the companion.
async fn pick(tab: &Tab, number: &str) {
    let p: Value = tab
        .eval(
            "const l = [...document.querySelectorAll('label.sa-zahl')].find((e) => norm(e.innerText) === ARG);
             if (!l) throw new Error(`no number ${ARG}`);
             return centre(l);",
            json!(number),
        )
        .await;
    tab.page.click(Point { x: p["x"].as_f64().unwrap(), y: p["y"].as_f64().unwrap() }).await.expect("mouse click");
}

async fn password_login(tab: &Tab, app: &TestApp) {
    tab.open(&app.url("/anmelden")).await;
    tab.fill("Benutzername / E-Mail-Adresse", EMAIL).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
}

/// The three numbers the companion offers.
async fn offered(tab: &Tab) -> Vec<String> {
    tab.eval("return [...document.querySelectorAll('label.sa-zahl')].map((e) => norm(e.innerText));", Value::Null).await
}

/// Log out on the desktop and give the password again: the waiting page
/// with its number.
async fn login_and_wait(desktop: &Tab, app: &TestApp) -> String {
    password_login(desktop, app).await;
    desktop.expect_heading("Anmeldung bestätigen").await;
    desktop.expect_text("Ihre Zahl:").await;
    desktop.text_of("#zahl").await.trim().to_owned()
}

async fn log_out(desktop: &Tab) {
    desktop.click_button("Abmelden").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_is_linked_and_approves_denies_and_misses_logins_in_chromium() {
    let app = TestApp::spawn().await;
    app.register_confirmed(EMAIL, PASSWORD).await;
    let desktop_browser = Chromium::launch().await;
    let phone_browser = Chromium::launch().await;
    let desktop = desktop_browser.tab(true).await;
    let phone = phone_browser.tab(true).await;
    phone_authenticator(&phone).await;

    // The gate recommends the app; set-up step 1 and 2.
    password_login(&desktop, &app).await;
    desktop.expect_heading("Sicherheitshinweis").await;
    desktop.click_link("BA-Secure App einrichten").await;
    desktop.expect_heading("BA-Secure App einrichten").await;
    desktop.expect_text("Schritt 1 von 3").await;
    desktop.expect_text("App herunterladen").await;
    desktop.click_button("Weiter").await;
    desktop.expect_text("Schritt 2 von 3").await;
    desktop.expect_text("Auf diesem Gerät:").await;
    desktop.expect_text("Auf anderem Gerät:").await;
    desktop.expect_text("Verbleibende Zeit 00:0").await;

    // The set-up expires on the app's clock and is restarted.
    app.clock.advance(241);
    wait_for_text(&desktop, "Die Einrichtungszeit ist abgelaufen.").await;
    desktop.click_button("Einrichtung neu starten").await;
    expect_fresh_countdown(&desktop).await;

    // "Auf anderem Gerät": the phone opens what the QR code holds.
    let qr_payload: String = desktop.eval("return document.getElementById('verknuepfung-qr').dataset.link;", Value::Null).await;
    let link_href: String = desktop.eval("return document.getElementById('app-link').getAttribute('href');", Value::Null).await;
    assert_eq!(qr_payload, link_href, "the QR code and the link carry the same address");
    assert!(qr_payload.starts_with(&app.url("/secure-app/#verknuepfen=")), "{qr_payload}");
    phone.open(&qr_payload).await;
    wait_for_text(&phone, "Gerät verknüpfen").await;
    phone.fill("Name dieses Geräts", "Demo Phone").await;
    press(&phone, "Gerät verknüpfen").await;
    wait_for_text(&phone, "Bestätigen Sie die Verknüpfung jetzt im Browser").await;

    // The desktop notices by itself and asks.
    wait_for_text(&desktop, "Das Gerät „Demo Phone“ möchte sich mit Ihrem Konto verknüpfen.").await;
    desktop.click_button("Verknüpfung bestätigen").await;
    desktop.expect_text("Schritt 3 von 3").await;
    desktop.expect_text("Einrichtung erfolgreich abgeschlossen").await;
    desktop.expect_text("Sie haben die BA-Secure App erfolgreich auf Ihrem Gerät (Demo Phone) eingerichtet.").await;
    desktop.click_link("Weiter").await;
    wait_for_text(&phone, "Zurzeit gibt es keine Anmeldung, die auf Ihre Freigabe wartet.").await;
    desktop.open(&app.url("/konto")).await;
    desktop.expect_text("Demo Phone").await;

    // Approve with the matching number: the desktop continues by itself.
    log_out(&desktop).await;
    let number = login_and_wait(&desktop, &app).await;
    wait_for_text(&phone, &format!("Möchten Sie die Anmeldung von {EMAIL} freigeben?")).await;
    assert!(offered(&phone).await.contains(&number), "the app offers the browser's number");
    phone.expect_text("Browser").await;
    pick(&phone, &number).await;
    phone.tick("Ja, freigeben").await;
    press(&phone, "Freigabe bestätigen").await;
    wait_for_text(&phone, "Die Anmeldung wurde freigegeben.").await;
    let _: bool = desktop
        .wait_until(
            "the waiting page moving on by itself",
            "return !location.href.includes('/anmelden/secure-app') && document.readyState === 'complete';",
            Value::Null,
        )
        .await;
    assert!(!desktop.url().await.contains("/anmelden"), "the waiting page moved on: {}", desktop.url().await);
    desktop.axe().await;

    // Deny.
    desktop.open(&app.url("/konto")).await;
    log_out(&desktop).await;
    login_and_wait(&desktop, &app).await;
    wait_for_text(&phone, "freigeben?").await;
    press(&phone, "Ablehnen").await;
    wait_for_text(&phone, "Die Anmeldung wurde abgelehnt.").await;
    wait_for_text(&desktop, "Die Anmeldung wurde in der App abgelehnt.").await;

    // A wrong number denies too.
    desktop.click_button("Neue Anfrage senden").await;
    let number = desktop.text_of("#zahl").await.trim().to_owned();
    wait_for_text(&phone, "freigeben?").await;
    let wrong = offered(&phone).await.into_iter().find(|n| *n != number).unwrap();
    pick(&phone, &wrong).await;
    phone.tick("Ja, freigeben").await;
    press(&phone, "Freigabe bestätigen").await;
    wait_for_text(&phone, "Die Zahl war falsch. Die Anmeldung wurde abgelehnt.").await;
    wait_for_text(&desktop, "Die Anmeldung wurde in der App abgelehnt.").await;

    // An expired request.
    desktop.click_button("Neue Anfrage senden").await;
    wait_for_text(&phone, "freigeben?").await;
    app.clock.advance(121);
    wait_for_text(&desktop, "Die Anfrage ist abgelaufen.").await;

    let denied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind IN ('secure_app_denied', 'secure_app_wrong_number')")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(denied, 2);
    desktop.assert_clean(12);
    phone.assert_clean(1);
    desktop_browser.close().await;
    phone_browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_set_up_shows_its_expiry_and_the_waiting_page_has_weiter() {
    let app = TestApp::spawn().await;
    app.register_confirmed(EMAIL, PASSWORD).await;
    let browser = Chromium::launch().await;
    let desktop = browser.tab(false).await;
    password_login(&desktop, &app).await;
    desktop.click_link("BA-Secure App einrichten").await;
    desktop.click_button("Weiter").await;
    desktop.expect_text("Verbleibende Zeit 00:04:00").await;
    desktop.expect_text("Die Einrichtung ist gültig bis").await;
    app.clock.advance(241);
    desktop.expect_refused(&app.url("/konto/secure-app/verknuepfen"));
    desktop.click_link("Weiter").await;
    desktop.expect_text("Die Einrichtungszeit ist abgelaufen. Bitte starten Sie die Einrichtung neu.").await;
    desktop.click_button("Einrichtung neu starten").await;
    desktop.expect_text("Verbleibende Zeit 00:04:00").await;

    // A stranger's phone is declined; then a software phone links itself
    // with the link of the page.
    let token = token_on(&desktop).await;
    SoftPhone::link(&app, &token, "Fremdes Handy").await;
    desktop.click_link("Weiter").await;
    desktop.expect_text("Das Gerät „Fremdes Handy“ möchte sich mit Ihrem Konto verknüpfen.").await;
    desktop.click_button("Ablehnen").await;
    desktop.expect_text("Sie haben die Verknüpfung abgelehnt.").await;
    desktop.click_button("Einrichtung neu starten").await;
    let device = SoftPhone::link(&app, &token_on(&desktop).await, "Software-Telefon").await;
    desktop.click_link("Weiter").await;
    desktop.click_button("Verknüpfung bestätigen").await;
    desktop.expect_text("Sie haben die BA-Secure App erfolgreich auf Ihrem Gerät (Software-Telefon) eingerichtet.").await;
    desktop.click_link("Weiter").await;

    // The waiting page without a script: "Weiter" before and after the approval.
    log_out(&desktop).await;
    let number = login_and_wait(&desktop, &app).await;
    desktop.click_button("Weiter").await;
    desktop.expect_text("Die Anmeldung wurde noch nicht in der App freigegeben.").await;
    device.approve(&app, &number).await;
    desktop.open(&app.url("/anmelden/secure-app")).await;
    desktop.expect_text("Die Anmeldung wurde in der App freigegeben.").await;
    desktop.click_button("Weiter").await;
    assert!(!desktop.path().await.starts_with("/anmelden"), "signed in: {}", desktop.path().await);
    desktop.assert_clean(12);
    browser.close().await;
}

/// The linking token in the link "Zur BA-Secure App wechseln".
async fn token_on(desktop: &Tab) -> String {
    let link: String = desktop.eval("return document.getElementById('app-link').getAttribute('href');", Value::Null).await;
    link.split("#verknuepfen=").nth(1).expect("the token in the fragment").to_owned()
}

/// A phone in software (P-256 via the `p256` crate), for the journey
/// without JavaScript.
struct SoftPhone {
    key: p256::ecdsa::SigningKey,
    auth: String,
}

impl SoftPhone {
    async fn link(app: &TestApp, token: &str, name: &str) -> Self {
        use base64::Engine;
        let key = p256::ecdsa::SigningKey::from_slice(&jobcenter::crypto::random_bytes::<32>()).unwrap();
        let public = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.verifying_key().to_encoded_point(false).as_bytes());
        let body = json!({"token": token, "name": name, "public_key": public});
        let r = reqwest::Client::new().post(app.url("/api/v1/secure-app/link")).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 201);
        let v: Value = r.json().await.unwrap();
        Self { key, auth: format!("Bearer {}.{}", v["device_id"].as_str().unwrap(), v["device_secret"].as_str().unwrap()) }
    }

    async fn approve(&self, app: &TestApp, number: &str) {
        use base64::Engine;
        use p256::ecdsa::signature::Signer;
        let http = reqwest::Client::new();
        let v: Value = http
            .get(app.url("/api/v1/secure-app/requests"))
            .header("authorization", &self.auth)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let q = &v["requests"][0];
        let (id, challenge) = (q["id"].as_str().unwrap(), q["challenge"].as_str().unwrap());
        let number: u16 = number.parse().unwrap();
        let msg = format!("jobcenter-secure-app-v1\n{id}\n{challenge}\n{number}\napprove");
        let sig: p256::ecdsa::Signature = self.key.sign(msg.as_bytes());
        let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sig.to_bytes());
        let body = json!({"decision": "approve", "number": number, "signature": sig});
        let r = http
            .post(app.url(&format!("/api/v1/secure-app/requests/{id}")))
            .header("authorization", &self.auth)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
}
