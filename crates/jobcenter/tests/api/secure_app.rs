//! Secure-App (MFA-30 … MFA-34) over HTTP with a software device written
//! here: it keeps a P-256 key (the `p256` crate) and talks the device API
//! exactly as docs/SECURE-APP-PROTOCOL.md describes it.

use crate::support::{PASSWORD, TEST_MASTER_KEY, TestApp, location};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jobcenter::app::{AppState, Overrides};
use jobcenter::config::{Config, RawConfig};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use serde_json::Value;
use std::sync::Arc;

const EMAIL: &str = "kim@example.de";

/// A phone running the companion, in software.
struct SoftDevice {
    key: SigningKey,
    id: String,
    secret: String,
    http: reqwest::Client,
}

impl SoftDevice {
    fn new() -> Self {
        let key = SigningKey::from_slice(&jobcenter::crypto::random_bytes::<32>()).expect("a random scalar is a key");
        Self { key, id: String::new(), secret: String::new(), http: reqwest::Client::new() }
    }

    fn public_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.verifying_key().to_encoded_point(false).as_bytes())
    }

    fn auth(&self) -> String {
        format!("Bearer {}.{}", self.id, self.secret)
    }

    /// `POST /api/v1/secure-app/link`; keeps the credentials on success.
    async fn link(&mut self, base: &str, token: &str, name: &str) -> reqwest::Response {
        let body = serde_json::json!({"token": token, "name": name, "public_key": self.public_key()});
        let r = self.http.post(format!("{base}/api/v1/secure-app/link")).json(&body).send().await.unwrap();
        if r.status() == 201 {
            let v: Value = r.json().await.unwrap();
            self.id = v["device_id"].as_str().unwrap().to_owned();
            self.secret = v["device_secret"].as_str().unwrap().to_owned();
            assert_eq!(v["status"], "pending");
            return self.http.get(format!("{base}/api/v1/secure-app/device")).header("authorization", self.auth()).send().await.unwrap();
        }
        r
    }

    async fn requests(&self, base: &str) -> Vec<Value> {
        let r = self.http.get(format!("{base}/api/v1/secure-app/requests")).header("authorization", self.auth()).send().await.unwrap();
        assert_eq!(r.status(), 200, "the device lists its requests");
        let v: Value = r.json().await.unwrap();
        v["requests"].as_array().unwrap().clone()
    }

    /// The only open request.
    async fn the_request(&self, base: &str) -> Value {
        let list = self.requests(base).await;
        assert_eq!(list.len(), 1, "one open request: {list:?}");
        list[0].clone()
    }

    fn sign(&self, request: &Value, number: u16, decision: &str) -> String {
        let msg = format!(
            "jobcenter-secure-app-v1\n{}\n{}\n{number}\n{decision}",
            request["id"].as_str().unwrap(),
            request["challenge"].as_str().unwrap()
        );
        let sig: Signature = self.key.sign(msg.as_bytes());
        URL_SAFE_NO_PAD.encode(sig.to_bytes())
    }

    async fn answer_signed(&self, base: &str, request: &Value, number: u16, decision: &str, signature: &str) -> reqwest::Response {
        let body = serde_json::json!({"decision": decision, "number": number, "signature": signature});
        self.http
            .post(format!("{base}/api/v1/secure-app/requests/{}", request["id"].as_str().unwrap()))
            .header("authorization", self.auth())
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    async fn answer(&self, base: &str, request: &Value, number: u16, decision: &str) -> reqwest::Response {
        let sig = self.sign(request, number, decision);
        self.answer_signed(base, request, number, decision, &sig).await
    }
}

/// The linking token inside the link shown on step 2.
fn token_in(html: &str) -> String {
    let re = regex::Regex::new(r"#verknuepfen=([A-Za-z0-9_-]+)").unwrap();
    re.captures(html).expect("the link carries the token")[1].to_owned()
}

/// The linking id of the confirm/decline forms.
fn linking_id_in(html: &str) -> String {
    let re = regex::Regex::new(r#"name="verknuepfung" value="([^"]+)""#).unwrap();
    re.captures(html).expect("a linking form")[1].to_owned()
}

/// The number the waiting page shows.
fn number_in(html: &str) -> u16 {
    let re = regex::Regex::new(r#"id="zahl"[^>]*>(\d\d)<"#).unwrap();
    re.captures(html).expect("the waiting page shows a number")[1].parse().unwrap()
}

async fn audit_count(app: &TestApp, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = $1").bind(kind).fetch_one(&app.state.db.pool).await.unwrap()
}

/// Steps 1 and 2 with `client`: returns the page of step 2 while waiting.
async fn start_linking(app: &TestApp, client: &reqwest::Client) -> String {
    let one = client.get(app.url("/konto/secure-app")).send().await.unwrap();
    assert_eq!(one.status(), 200);
    let html = one.text().await.unwrap();
    assert!(html.contains("Schritt 1 von 3") && html.contains("App herunterladen") && html.contains("BA-Secure App einrichten"));
    let r = client.post(app.url("/konto/secure-app/start")).send().await.unwrap();
    assert_eq!(location(&r), "/konto/secure-app/verknuepfen");
    let two = client.get(app.url("/konto/secure-app/verknuepfen")).send().await.unwrap();
    assert_eq!(two.status(), 200);
    let html = two.text().await.unwrap();
    for text in ["Schritt 2 von 3", "Auf diesem Gerät:", "Auf anderem Gerät:", "Verbleibende Zeit 00:04:00", "<svg"] {
        assert!(html.contains(text), "step 2 shows {text:?}");
    }
    html
}

/// A new account at the gate links `device` as "Demo Phone" and is then
/// signed in (the first factor completes the login).
async fn linked(app: &TestApp) -> SoftDevice {
    app.register_confirmed(EMAIL, PASSWORD).await;
    let r = app.login(EMAIL, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    let notice = app.get("/sicherheitshinweis").await.text().await.unwrap();
    assert!(notice.contains("href=\"/konto/secure-app\"") && notice.contains("BA-Secure App einrichten"));
    let step_two = start_linking(app, &app.client).await;
    let mut device = SoftDevice::new();
    let r = device.link(&app.base, &token_in(&step_two), "Demo Phone").await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "pending", "not a way in before the client confirms");
    let confirm = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    assert!(confirm.contains("Verknüpfung bestätigen") && confirm.contains("Ablehnen") && confirm.contains("Demo Phone"));
    let r = app.post("/konto/secure-app/bestaetigen", &[("verknuepfung", &linking_id_in(&confirm))]).await;
    assert_eq!(r.status(), 200);
    let done = r.text().await.unwrap();
    assert!(done.contains("Schritt 3 von 3"));
    assert!(done.contains("Sie haben die BA-Secure App erfolgreich auf Ihrem Gerät (Demo Phone) eingerichtet."), "MFA-32");
    assert!(done.contains("Ab jetzt melden Sie sich immer in zwei einfachen Schritten an:"));
    assert!(done.contains("id=\"wiederherstellungscodes\""), "the first factor comes with recovery codes");
    device
}

/// Password on a new browser: the waiting page with its number.
async fn password_step(app: &TestApp) -> (reqwest::Client, u16) {
    let browser = app.new_client();
    let r = app.login_with(&browser, EMAIL, PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/secure-app", "an account with a device waits for the app");
    let page = browser.get(app.url("/anmelden/secure-app")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("/anmelden/zweiter-faktor") || html.contains("Andere Möglichkeiten"));
    (browser, number_in(&html))
}

async fn status_of(app: &TestApp, browser: &reqwest::Client) -> String {
    let v: Value = browser.get(app.url("/anmelden/secure-app/status")).send().await.unwrap().json().await.unwrap();
    v["status"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_new_user_links_a_phone_within_four_minutes_and_the_device_becomes_a_way_in() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    assert_eq!(app.get("/konto").await.status(), 200, "the login completed at the gate");
    // A second phone from the settings: no new recovery codes; a reload of
    // step 2 afterwards leads back to the settings.
    let step_two = start_linking(&app, &app.client).await;
    let mut second = SoftDevice::new();
    assert_eq!(second.link(&app.base, &token_in(&step_two), "Tablet").await.status(), 200);
    let confirm = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    let done = app.post("/konto/secure-app/bestaetigen", &[("verknuepfung", &linking_id_in(&confirm))]).await.text().await.unwrap();
    assert!(done.contains("(Tablet) eingerichtet.") && !done.contains("id=\"wiederherstellungscodes\""));
    assert_eq!(location(&app.get("/konto/secure-app/verknuepfen").await), "/konto");
    assert_eq!(
        jobcenter::konto::mfa::secure_app::count_devices(&app.state.db.pool, &app.account_id(EMAIL).await.unwrap()).await.unwrap(),
        2
    );
    let settings = app.get("/konto").await.text().await.unwrap();
    assert!(settings.contains("Demo Phone"), "the device is listed in the settings");
    let r = device.http.get(app.url("/api/v1/secure-app/device")).header("authorization", device.auth()).send().await.unwrap();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "active");
    assert_eq!(v["account"], EMAIL);
    assert_eq!(audit_count(&app, "secure_app_linked").await, 2);
    assert_eq!(app.queued_mails(EMAIL, "Neuer Anmeldefaktor").await, 2, "security mail on each link (MFA-61)");
    let stored: String = sqlx::query_scalar("SELECT secret_hash FROM secure_app_devices WHERE id = $1")
        .bind(&device.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_ne!(stored, device.secret, "the device secret is stored hashed");
    assert_eq!(stored, jobcenter::crypto::token_hash(&device.secret));
}

#[tokio::test]
async fn the_right_number_approves_the_login_once_and_the_page_continues() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, number) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    assert_eq!(request["account"], EMAIL, "the app asks about this account");
    let choices: Vec<u16> = request["choices"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as u16).collect();
    assert_eq!(choices.len(), 3);
    assert!(choices.contains(&number), "the app offers the number the browser shows");
    assert!(!request["browser"].as_str().unwrap().is_empty());

    // "Weiter" too early changes nothing.
    let r = browser.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/secure-app?"), "{}", location(&r));
    assert_eq!(status_of(&app, &browser).await, "pending");

    let r = device.answer(&app.base, &request, number, "approve").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["result"], "approved");
    assert_eq!(status_of(&app, &browser).await, "approved", "the waiting page's script sees it");
    assert_eq!(device.requests(&app.base).await.len(), 0, "nothing left to answer");

    // A replayed approval is refused.
    let again = device.answer(&app.base, &request, number, "approve").await;
    assert_eq!(again.status(), 409);
    assert_eq!(again.json::<Value>().await.unwrap()["error"]["code"], "not_pending");

    let r = browser.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert!(!location(&r).starts_with("/anmelden"), "the login completed: {}", location(&r));
    assert_eq!(browser.get(app.url("/konto")).send().await.unwrap().status(), 200);
    let by_app: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE stage = 'complete' AND auth_methods = 'pwd+secureapp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // This login, and the one that linked the phone at the gate: both were
    // completed with the Secure-App.
    assert_eq!(by_app, 2, "the session records how it was completed");
    assert_eq!(audit_count(&app, "secure_app_approved").await, 1);
    let used: String = sqlx::query_scalar("SELECT state FROM secure_app_requests WHERE id = $1")
        .bind(request["id"].as_str().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(used, "used", "taken once");
}

#[tokio::test]
async fn an_approval_releases_only_the_login_that_created_the_request() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (first, number) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    let (second, _) = password_step(&app).await;
    assert_eq!(device.requests(&app.base).await.len(), 2, "each login has its own request");
    assert_eq!(device.answer(&app.base, &request, number, "approve").await.status(), 200);
    let r = second.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/secure-app"), "the other login stays where it is");
    assert_eq!(second.get(app.url("/konto")).send().await.unwrap().status(), 303);
    let r = first.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(!location(&r).starts_with("/anmelden"));
}

#[tokio::test]
async fn a_wrong_number_denies_the_login_and_is_audited_and_mailed() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, number) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    let wrong = request["choices"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap() as u16).find(|c| *c != number).unwrap();
    let r = device.answer(&app.base, &request, wrong, "approve").await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["result"], "denied");
    assert_eq!(v["reason"], "wrong_number");
    assert_eq!(status_of(&app, &browser).await, "denied");
    let page = browser.get(app.url("/anmelden/secure-app")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Die Anmeldung wurde in der App abgelehnt."));
    let r = browser.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/secure-app"), "a denied login does not continue");
    assert_eq!(audit_count(&app, "secure_app_wrong_number").await, 1);
    assert_eq!(app.queued_mails(EMAIL, "Anmeldung in Ihrem Konto abgelehnt").await, 1);
    // The right number afterwards is too late.
    assert_eq!(device.answer(&app.base, &request, number, "approve").await.status(), 409);
}

#[tokio::test]
async fn a_denial_is_audited_and_mailed_and_a_new_request_can_be_sent() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, _) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    let r = device.answer(&app.base, &request, 0, "deny").await;
    assert_eq!(r.json::<Value>().await.unwrap()["result"], "denied");
    assert_eq!(status_of(&app, &browser).await, "denied");
    assert_eq!(audit_count(&app, "secure_app_denied").await, 1);
    let mail = app.wait_for_mails(EMAIL, "Anmeldung in Ihrem Konto abgelehnt", 1).await;
    assert!(mail[0].text.contains("Demo Phone"), "the mail names the device");
    let r = browser.post(app.url("/anmelden/secure-app/neu")).form(&[("weiter", "")]).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden/secure-app");
    assert_eq!(status_of(&app, &browser).await, "pending");
    assert_eq!(device.requests(&app.base).await.len(), 1);
}

#[tokio::test]
async fn a_request_expires_after_two_minutes() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, number) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    app.clock.advance(121);
    assert_eq!(device.requests(&app.base).await.len(), 0, "an expired request is not offered");
    let r = device.answer(&app.base, &request, number, "approve").await;
    assert_eq!(r.status(), 410);
    assert_eq!(status_of(&app, &browser).await, "expired");
    let page = browser.get(app.url("/anmelden/secure-app")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Die Anfrage ist abgelaufen.") && page.contains("Neue Anfrage senden"));
    let r = browser.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/secure-app"));
}

#[tokio::test]
async fn a_bad_signature_approves_nothing() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, number) = password_step(&app).await;
    let request = device.the_request(&app.base).await;
    // Signed for another number, sent with the right one.
    let other = if number == 99 { 98 } else { number + 1 };
    let sig = device.sign(&request, other, "approve");
    let r = device.answer_signed(&app.base, &request, number, "approve", &sig).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "bad_signature");
    // Another key cannot answer for this device.
    let mut thief = SoftDevice::new();
    thief.id = device.id.clone();
    thief.secret = device.secret.clone();
    assert_eq!(thief.answer(&app.base, &request, number, "approve").await.status(), 401);
    // Wrong device secret.
    let mut guesser = SoftDevice::new();
    guesser.id = device.id.clone();
    guesser.secret = "falsch".into();
    let r = guesser.http.get(app.url("/api/v1/secure-app/requests")).header("authorization", guesser.auth()).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(status_of(&app, &browser).await, "pending");
    assert_eq!(audit_count(&app, "secure_app_bad_signature").await, 2);
}

#[tokio::test]
async fn a_wrong_password_sends_nothing_to_the_phone() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let browser = app.new_client();
    let r = app.login_with(&browser, EMAIL, "Falsch-Passwort-123!").await;
    assert_eq!(r.status(), 422);
    assert_eq!(device.requests(&app.base).await.len(), 0);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_requests").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn requests_are_limited_per_account() {
    let app = TestApp::spawn().await;
    let _device = linked(&app).await;
    let (browser, _) = password_step(&app).await;
    for _ in 0..9 {
        let r = browser.post(app.url("/anmelden/secure-app/neu")).form(&[("weiter", "")]).send().await.unwrap();
        assert_eq!(location(&r), "/anmelden/secure-app");
    }
    let r = browser.post(app.url("/anmelden/secure-app/neu")).form(&[("weiter", "")]).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden/secure-app?begrenzt=1");
    let page = browser.get(app.url("/anmelden/secure-app?begrenzt=1")).send().await.unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.text().await.unwrap().contains("Sie haben zu viele Anfragen gestellt."));
}

#[tokio::test]
async fn the_set_up_expires_after_four_minutes_and_can_be_restarted() {
    let app = TestApp::spawn().await;
    app.register_confirmed(EMAIL, PASSWORD).await;
    app.login(EMAIL, PASSWORD).await;
    let step_two = start_linking(&app, &app.client).await;
    app.clock.advance(1);
    let page = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    assert!(page.contains("Verbleibende Zeit 00:03:59"), "the countdown of MFA-31");
    app.clock.advance(240);
    let mut device = SoftDevice::new();
    let r = device.link(&app.base, &token_in(&step_two), "Demo Phone").await;
    assert_eq!(r.status(), 410);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "link_expired");
    let r = app.get("/konto/secure-app/verknuepfen").await;
    assert_eq!(r.status(), 410);
    let html = r.text().await.unwrap();
    assert!(html.contains("Die Einrichtungszeit ist abgelaufen.") && html.contains("Einrichtung neu starten"));
    let status: Value = app.get("/konto/secure-app/verknuepfen/status").await.json().await.unwrap();
    assert_eq!(status["status"], "expired");
    // Restart: a new token, the old one stays dead.
    app.post("/konto/secure-app/start", &[]).await;
    let fresh = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    assert_ne!(token_in(&fresh), token_in(&step_two));
    assert_eq!(device.link(&app.base, &token_in(&fresh), "Demo Phone").await.status(), 200);
    let mut late = SoftDevice::new();
    assert_eq!(late.link(&app.base, &token_in(&fresh), "Zweites").await.status(), 404, "a token links one device");
}

#[tokio::test]
async fn a_declined_link_leaves_no_device() {
    let app = TestApp::spawn().await;
    app.register_confirmed(EMAIL, PASSWORD).await;
    app.login(EMAIL, PASSWORD).await;
    let step_two = start_linking(&app, &app.client).await;
    let mut device = SoftDevice::new();
    assert_eq!(device.link(&app.base, &token_in(&step_two), "Fremdes Handy").await.status(), 200);
    let confirm = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    let r = app.post("/konto/secure-app/ablehnen", &[("verknuepfung", &linking_id_in(&confirm))]).await;
    assert_eq!(location(&r), "/konto/secure-app/verknuepfen");
    let page = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    assert!(page.contains("Sie haben die Verknüpfung abgelehnt."));
    let r = device.http.get(app.url("/api/v1/secure-app/device")).header("authorization", device.auth()).send().await.unwrap();
    assert_eq!(r.status(), 401, "the device is gone");
    assert_eq!(location(&app.get("/konto").await), "/sicherheitshinweis", "still no factor");
    assert_eq!(audit_count(&app, "secure_app_link_rejected").await, 1);
}

#[tokio::test]
async fn devices_are_renamed_and_removed_in_the_settings_but_not_the_last_way_in() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let r = app.post(&format!("/konto/secure-app/geraete/{}/umbenennen", device.id), &[("name", "Kims Telefon")]).await;
    assert_eq!(location(&r), "/konto?hinweis=secure-app-umbenannt");
    assert!(app.get("/konto").await.text().await.unwrap().contains("Kims Telefon"));
    let r = app.post(&format!("/konto/secure-app/geraete/{}/entfernen", device.id), &[]).await;
    assert_eq!(location(&r), "/konto?hinweis=secure-app-letztes-geraet", "the only second factor stays");
    let page = app.get("/konto?hinweis=secure-app-letztes-geraet").await.text().await.unwrap();
    assert!(page.contains("Das Gerät ist Ihr einziger zweiter Faktor"));
    // With TOTP beside it, the device can go.
    app.set_up_totp_with(&app.client).await;
    let r = app.post(&format!("/konto/secure-app/geraete/{}/entfernen", device.id), &[]).await;
    assert_eq!(location(&r), "/konto?hinweis=secure-app-entfernt");
    assert_eq!(app.queued_mails(EMAIL, "Anmeldefaktor aus Ihrem Konto entfernt").await, 1);
    assert_eq!(audit_count(&app, "secure_app_removed").await, 1);
    let r = device.http.get(app.url("/api/v1/secure-app/device")).header("authorization", device.auth()).send().await.unwrap();
    assert_eq!(r.status(), 401);
    let r = app.login_with(&app.new_client(), EMAIL, PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "without a device the login asks for TOTP");
}

/// The companion's service worker keeps its shell for offline starts: run
/// in Node against this app (real HTTP while online), then with the network
/// gone (`tests/js/sw_offline.mjs`). Chromium in the browser tests cannot
/// run service workers under the test driver, so the worker's own code is
/// run here with an in-memory Cache Storage.
#[tokio::test]
async fn the_companion_shell_works_offline_from_its_service_worker() {
    let app = TestApp::spawn().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tokio::process::Command::new("node")
        .arg(dir.join("tests/js/sw_offline.mjs"))
        .arg(dir.join("assets/secure-app/sw.js"))
        .arg(&app.base)
        .output()
        .await
        .expect("node (Node.js) must be installed for this test");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("shell files answered offline from the cache"), "{stdout}");
}

#[tokio::test]
async fn the_companion_is_served_as_an_installable_web_app() {
    let app = TestApp::spawn().await;
    let index = app.get("/secure-app/").await;
    assert_eq!(index.status(), 200);
    assert!(index.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = index.text().await.unwrap();
    assert!(html.contains("manifest.webmanifest") && html.contains("app.js"));
    let manifest: Value = app.get("/secure-app/manifest.webmanifest").await.json().await.unwrap();
    assert_eq!(manifest["scope"], "/secure-app/");
    assert_eq!(manifest["display"], "standalone");
    assert!(!manifest["icons"].as_array().unwrap().is_empty());
    let sw = app.get("/secure-app/sw.js").await;
    assert_eq!(sw.status(), 200);
    assert!(sw.text().await.unwrap().contains("caches"));
    assert_eq!(app.get("/secure-app/gibt-es-nicht.js").await.status(), 404);
}

/// A second node on the same database (an in-process `serve`, sharing the
/// clock): an approval answered at node B releases the login waiting at
/// node A (X-5).
async fn second_node(app: &TestApp) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let raw = RawConfig {
        listen: format!("127.0.0.1:{port}"),
        database_url: Some(app.state.config.database_url.clone()),
        public_url: Some(format!("http://localhost:{port}")),
        smtp_url: Some(format!("smtp://127.0.0.1:{}", app.smtp.port)),
        data_dir: dir.path().display().to_string(),
        master_key: Some(TEST_MASTER_KEY.into()),
        argon2_threads: 1,
        log_format: "pretty".into(),
        ..RawConfig::default()
    };
    let config = Config::from_raw(raw).unwrap();
    let state = AppState::build(config, Overrides { clock: Some(Arc::new(app.clock.clone())) }).await.unwrap();
    tokio::spawn(async move { jobcenter::server::serve(state, listener, std::future::pending()).await.unwrap() });
    (format!("http://localhost:{port}"), dir)
}

#[tokio::test]
async fn an_approval_at_one_node_releases_the_waiting_page_of_another() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (other, _dir) = second_node(&app).await;
    let (browser, number) = password_step(&app).await;
    let request = device.the_request(&other).await;
    let r = device.answer(&other, &request, number, "approve").await;
    assert_eq!(r.status(), 200, "answered at node B");
    assert_eq!(status_of(&app, &browser).await, "approved", "node A sees it");
    let r = browser.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert!(!location(&r).starts_with("/anmelden"), "node A completes the login");
    assert_eq!(device.answer(&other, &request, number, "approve").await.status(), 409, "and the approval is spent everywhere");
}

#[tokio::test]
async fn the_waiting_page_offers_totp_and_a_login_completed_that_way_withdraws_the_request() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let secret = app.set_up_totp_with(&app.client).await;
    let browser = app.new_client();
    let r = app.login_with(&browser, EMAIL, PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/secure-app");
    let page = browser.get(app.url("/anmelden/secure-app")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Mit Zweitem Faktor (TOTP) oder Passkey anmelden") && page.contains("href=\"/anmelden/zweiter-faktor\""));
    let step = browser.get(app.url("/anmelden/zweiter-faktor")).send().await.unwrap().text().await.unwrap();
    assert!(step.contains("Mit der BA-Secure App anmelden"), "and the code step leads back");
    assert_eq!(device.requests(&app.base).await.len(), 1);
    let code = app.next_code(&secret);
    let r = browser.post(app.url("/anmelden/zweiter-faktor")).form(&[("code", code.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(browser.get(app.url("/konto")).send().await.unwrap().status(), 200);
    assert_eq!(device.requests(&app.base).await.len(), 0, "the phone no longer offers the request");
}

#[tokio::test]
async fn set_ups_are_limited_per_account() {
    let app = TestApp::spawn().await;
    app.register_confirmed(EMAIL, PASSWORD).await;
    app.login(EMAIL, PASSWORD).await;
    for _ in 0..20 {
        assert_eq!(location(&app.post("/konto/secure-app/start", &[]).await), "/konto/secure-app/verknuepfen");
    }
    assert_eq!(location(&app.post("/konto/secure-app/start", &[]).await), "/konto/secure-app?begrenzt=1");
    let page = app.get("/konto/secure-app?begrenzt=1").await;
    assert_eq!(page.status(), 429);
    assert!(page.text().await.unwrap().contains("Sie haben die Einrichtung zu oft gestartet."));
    let open: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_linkings WHERE state = 'waiting'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(open, 1, "a restart ends the earlier set-up of the same login");
}

/// What the fake push service received: headers and body of each POST.
type Received = Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, Vec<u8>)>>>;

/// A push service in the test: records what it receives; answers `status`.
struct FakePushService {
    url: String,
    received: Received,
    status: Arc<std::sync::atomic::AtomicU16>,
}

impl FakePushService {
    async fn start() -> Self {
        let received: Received = Arc::default();
        let status = Arc::new(std::sync::atomic::AtomicU16::new(201));
        let (sink, answer) = (received.clone(), status.clone());
        let router = axum::Router::new().route(
            "/push/{id}",
            axum::routing::post(move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let (sink, answer) = (sink.clone(), answer.clone());
                async move {
                    sink.lock().unwrap().push((headers, body.to_vec()));
                    axum::http::StatusCode::from_u16(answer.load(std::sync::atomic::Ordering::SeqCst)).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        Self { url: format!("http://127.0.0.1:{port}/push/telefon-1"), received, status }
    }

    async fn wait_for(&self, n: usize) -> Vec<(axum::http::HeaderMap, Vec<u8>)> {
        for _ in 0..100 {
            let got = self.received.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("fewer than {n} push messages arrived");
    }
}

fn hmac256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    use hmac::Mac;
    let mut m = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(key).unwrap();
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// Decrypts an `aes128gcm` Web Push message as a browser does (RFC 8291).
fn decrypt_push(body: &[u8], ua_secret: &p256::SecretKey, auth: &[u8]) -> Vec<u8> {
    use aes_gcm::aead::{Aead, KeyInit};
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let (salt, rest) = body.split_at(16);
    assert_eq!(u32::from_be_bytes(rest[..4].try_into().unwrap()), 4096, "record size");
    assert_eq!(rest[4], 65, "key id length");
    let as_public = &rest[5..70];
    let ciphertext = &rest[70..];
    let sender = p256::PublicKey::from_sec1_bytes(as_public).expect("the sender's key");
    let shared = (sender.to_projective() * *ua_secret.to_nonzero_scalar()).to_affine().to_encoded_point(false);
    let ua_public = ua_secret.public_key().to_encoded_point(false);
    let prk_key = hmac256(auth, &[shared.x().unwrap()]);
    let ikm = hmac256(&prk_key, &[b"WebPush: info\0", ua_public.as_bytes(), as_public, &[1]]);
    let prk = hmac256(salt, &[&ikm]);
    let cek = hmac256(&prk, &[b"Content-Encoding: aes128gcm\0", &[1]]);
    let nonce = hmac256(&prk, &[b"Content-Encoding: nonce\0", &[1]]);
    let cipher = aes_gcm::Aes128Gcm::new_from_slice(&cek[..16]).unwrap();
    let mut plain = cipher.decrypt(aes_gcm::Nonce::from_slice(&nonce[..12]), ciphertext).expect("the message decrypts");
    assert_eq!(plain.pop(), Some(2), "the last-record delimiter");
    plain
}

#[tokio::test]
async fn with_web_push_configured_a_login_wakes_the_phone_with_an_encrypted_vapid_signed_message() {
    use p256::ecdsa::signature::Verifier;
    let vapid = p256::SecretKey::from_slice(&jobcenter::crypto::random_bytes::<32>()).unwrap();
    let vapid_b64 = URL_SAFE_NO_PAD.encode(vapid.to_bytes());
    let app = TestApp::spawn_with(Box::new(move |raw| raw.secure_app_vapid_key = Some(vapid_b64))).await;
    let device = linked(&app).await;
    let push = FakePushService::start().await;

    let key: Value = device.http.get(app.url("/api/v1/secure-app/push")).send().await.unwrap().json().await.unwrap();
    let server_key = key["application_server_key"].as_str().unwrap().to_owned();
    assert_eq!(server_key, URL_SAFE_NO_PAD.encode(vapid.public_key().to_encoded_point(false).as_bytes()));

    let ua_secret = p256::SecretKey::from_slice(&jobcenter::crypto::random_bytes::<32>()).unwrap();
    let auth = jobcenter::crypto::random_bytes::<16>();
    let subscription = serde_json::json!({
        "endpoint": push.url,
        "keys": {"p256dh": URL_SAFE_NO_PAD.encode(ua_secret.public_key().to_encoded_point(false).as_bytes()), "auth": URL_SAFE_NO_PAD.encode(auth)},
    });
    let r = device
        .http
        .put(app.url("/api/v1/secure-app/push"))
        .header("authorization", device.auth())
        .json(&subscription)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let bad = serde_json::json!({"endpoint": "http://intern.example/push", "keys": subscription["keys"].clone()});
    let r = device.http.put(app.url("/api/v1/secure-app/push")).header("authorization", device.auth()).json(&bad).send().await.unwrap();
    assert_eq!(r.status(), 400, "the server posts only to https push services (or the loopback in development)");

    let (_browser, number) = password_step(&app).await;
    let got = push.wait_for(1).await;
    let (headers, body) = &got[0];
    assert_eq!(headers["content-encoding"], "aes128gcm");
    assert_eq!(headers["ttl"], "120");
    let authorization = headers["authorization"].to_str().unwrap();
    let (t, k) = authorization.strip_prefix("vapid t=").unwrap().split_once(", k=").unwrap();
    assert_eq!(k, server_key);
    let (signed, sig) = t.rsplit_once('.').unwrap();
    let sig = p256::ecdsa::Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).unwrap()).unwrap();
    p256::ecdsa::VerifyingKey::from(vapid.public_key()).verify(signed.as_bytes(), &sig).expect("the VAPID JWT is signed with the key");
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(signed.split('.').nth(1).unwrap()).unwrap()).unwrap();
    assert_eq!(claims["aud"], push.url.trim_end_matches("/push/telefon-1"));
    assert_eq!(claims["sub"], "mailto:kontoservice@jobcenter.example");
    let message: Value = serde_json::from_slice(&decrypt_push(body, &ua_secret, &auth)).unwrap();
    assert_eq!(message["type"], "login_request", "a wake-up only");
    assert_eq!(message.as_object().unwrap().len(), 1, "nothing of the request (number {number}) travels through the push service");

    // The approval itself does not depend on push; a subscription the push
    // service reports gone is dropped.
    push.status.store(410, std::sync::atomic::Ordering::SeqCst);
    password_step(&app).await;
    push.wait_for(2).await;
    for _ in 0..100 {
        let endpoint: Option<String> =
            sqlx::query_scalar("SELECT push_endpoint FROM secure_app_devices").fetch_one(&app.state.db.pool).await.unwrap();
        if endpoint.is_none() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the gone subscription was not dropped");
}

#[tokio::test]
async fn without_a_vapid_key_there_is_no_push() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let r = device.http.get(app.url("/api/v1/secure-app/push")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.json::<Value>().await.unwrap()["application_server_key"].is_null());
    let subscription = serde_json::json!({"endpoint": "https://push.example.net/x", "keys": {"p256dh": device.public_key(), "auth": "AAAAAAAAAAAAAAAAAAAAAA"}});
    let r = device
        .http
        .put(app.url("/api/v1/secure-app/push"))
        .header("authorization", device.auth())
        .json(&subscription)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "push_not_configured");
}

#[tokio::test]
async fn knowing_the_password_is_not_enough_to_link_or_confirm_a_device() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    // A second login that still owes its second factor cannot start a set-up.
    let (intruder, _) = password_step(&app).await;
    let r = intruder.post(app.url("/konto/secure-app/start")).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/zweiter-faktor"), "{}", location(&r));
    let r = intruder.get(app.url("/konto/secure-app")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    // The owner's set-up belongs to the owner's login: another session
    // cannot confirm a device registered to it.
    let step_two = start_linking(&app, &app.client).await;
    let mut phone = SoftDevice::new();
    assert_eq!(phone.link(&app.base, &token_in(&step_two), "Zweites Handy").await.status(), 200);
    let confirm = app.get("/konto/secure-app/verknuepfen").await.text().await.unwrap();
    let linking = linking_id_in(&confirm);
    let r = intruder.post(app.url("/konto/secure-app/bestaetigen")).form(&[("verknuepfung", linking.as_str())]).send().await.unwrap();
    assert!(location(&r).starts_with("/anmelden/zweiter-faktor"));
    // Even another complete login of the owner cannot confirm it.
    let (other, number) = password_step(&app).await;
    let request = device.requests(&app.base).await.into_iter().last().unwrap();
    assert_eq!(device.answer(&app.base, &request, number, "approve").await.status(), 200);
    other.post(app.url("/anmelden/secure-app")).form(&[("weiter", "")]).send().await.unwrap();
    assert_eq!(other.get(app.url("/konto")).send().await.unwrap().status(), 200);
    let r = other.post(app.url("/konto/secure-app/bestaetigen")).form(&[("verknuepfung", linking.as_str())]).send().await.unwrap();
    assert_eq!(location(&r), "/konto/secure-app/verknuepfen", "not this login's set-up");
    let active: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_devices WHERE status = 'active'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(active, 1, "only the first phone is a way in");
    let linkings: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_linkings").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(linkings, 2, "the intruder created none");
}

#[tokio::test]
async fn cancelling_at_the_waiting_page_withdraws_the_request() {
    let app = TestApp::spawn().await;
    let device = linked(&app).await;
    let (browser, _) = password_step(&app).await;
    assert_eq!(device.requests(&app.base).await.len(), 1);
    let r = browser.post(app.url("/abmelden")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(device.requests(&app.base).await.len(), 0, "the phone no longer offers it");
}
