//! Passkeys (MFA-20 … MFA-24) over HTTP, with the software authenticator
//! of `crates/softauthn` (a P-256 key per credential, attestation "none",
//! ECDSA assertions). The server side is the real webauthn-rs.

use crate::support::{PASSWORD, TestApp, location};
use serde_json::{Value, json};
use softauthn::{Authenticator, INVALID_STATE, attribute, b64, hidden, unb64};

const FACTOR_ADDED: &str = "Neuer Anmeldefaktor in Ihrem Konto";
const FACTOR_REMOVED: &str = "Anmeldefaktor aus Ihrem Konto entfernt";
const PASSWORD_REMOVED: &str = "Passwort aus Ihrem Konto entfernt";

async fn post_name(app: &TestApp, client: &reqwest::Client, name: &str) -> reqwest::Response {
    client.post(app.url("/konto/passkeys/neu")).form(&[("name", name)]).send().await.unwrap()
}

/// The options and the ceremony id on the device step page.
fn device_step(html: &str) -> (Value, String) {
    let options: Value = serde_json::from_str(&attribute(html, "passkey-erstellen", "data-optionen").unwrap()).expect("options JSON");
    (options, hidden(html, "zeremonie").unwrap())
}

async fn finish_setup(app: &TestApp, client: &reqwest::Client, ceremony: &str, answer: &Value) -> reqwest::Response {
    client
        .post(app.url("/konto/passkeys/neu/abschliessen"))
        .form(&[("zeremonie", ceremony), ("antwort", answer.to_string().as_str())])
        .send()
        .await
        .unwrap()
}

/// Creates a passkey named `name` with `client` (signed in or at the
/// gate); returns the result page.
async fn add_passkey(app: &TestApp, client: &reqwest::Client, auth: &mut Authenticator, name: &str) -> String {
    let r = post_name(app, client, name).await;
    assert_eq!(r.status(), 200, "the name {name} is accepted");
    let (options, ceremony) = device_step(&r.text().await.unwrap());
    let answer = auth.create(&options["publicKey"], &app.base).expect("a new device");
    let r = finish_setup(app, client, &ceremony, &answer).await;
    assert_eq!(r.status(), 200, "the passkey {name} is stored");
    let html = r.text().await.unwrap();
    assert!(html.contains("Passkey erfolgreich eingerichtet"), "{html}");
    html
}

/// Registers, confirms, logs in and creates the first passkey at the gate:
/// the client is then fully signed in; returns the authenticator.
async fn signed_up_with_passkey(app: &TestApp, email: &str) -> Authenticator {
    app.register_confirmed(email, PASSWORD).await;
    let r = app.login(email, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    let mut auth = Authenticator::default();
    add_passkey(app, &app.client, &mut auth, "Laptop").await;
    auth
}

async fn post_json(app: &TestApp, client: &reqwest::Client, path: &str, body: &Value) -> (u16, Value) {
    let r = client.post(app.url(path)).json(body).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// `POST /anmelden/passkey/optionen`: the ceremony and its options.
async fn login_options(app: &TestApp, client: &reqwest::Client) -> Value {
    let (status, start) = post_json(app, client, "/anmelden/passkey/optionen", &json!({})).await;
    assert_eq!(status, 200, "{start}");
    start
}

/// `POST /anmelden/passkey` with the ceremony of `start` and `answer`.
async fn finish_login(app: &TestApp, client: &reqwest::Client, start: &Value, answer: &Value) -> (u16, Value) {
    post_json(app, client, "/anmelden/passkey", &json!({"zeremonie": start["zeremonie"], "antwort": answer})).await
}

/// "Mit Passkey anmelden" with a new browser; returns the client, the
/// finish status and its JSON.
async fn passkey_login(app: &TestApp, auth: &mut Authenticator) -> (reqwest::Client, u16, Value) {
    let client = app.new_client();
    let start = login_options(app, &client).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    let (status, body) = finish_login(app, &client, &start, &answer).await;
    (client, status, body)
}

async fn audit_kinds(app: &TestApp, email: &str) -> Vec<(String, String)> {
    let id = app.account_id(email).await.unwrap();
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT kind, details FROM audit_events WHERE account_id = $1 ORDER BY seq")
        .bind(id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    rows
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.state.db.pool).await.unwrap()
}

// ---- Tests ----

#[tokio::test]
async fn a_passkey_set_up_at_the_gate_completes_the_login_with_recovery_codes() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");

    // The form (MFA-20): label, rules, default name from the local time.
    let r = app.get("/konto/passkeys/neu").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    for text in [
        "Name des Passkeys*",
        "Bitte zwischen 3 und 30 Zeichen eingeben. Es sind Groß- und Kleinbuchstaben, Zahlen und folgende Zeichen erlaubt . : , ; - _ ( ) /",
        "Abbrechen",
        "Passkey erstellen",
        "Was sind Passkeys?",
    ] {
        assert!(html.contains(text), "the form shows {text:?}");
    }
    let default = attribute(&html, "name", "value").unwrap();
    assert!(regex::Regex::new(r"^PK-\d{1,2}\.\d{1,2}\.20\d\d-\d\d:\d\d:\d\d$").unwrap().is_match(&default), "{default}");

    // A bad name is refused by the server before any ceremony starts.
    for (bad, message) in
        [("Mein Handy", "keine Leerzeichen"), ("ab", "zwischen 3 und 30 Zeichen"), ("", "Bitte geben Sie einen Namen für den Passkey ein.")]
    {
        let r = post_name(&app, &app.client, bad).await;
        assert_eq!(r.status(), 422, "{bad:?}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message) && html.contains("id=\"fehleruebersicht\""), "{bad:?}: {html}");
        assert!(!html.contains("name=\"zeremonie\""), "no ceremony for a bad name");
    }

    // The options: discoverable credential and user verification required
    // (the trap of DESIGN.md), RP id localhost, the account's random handle.
    let r = post_name(&app, &app.client, "Laptop_(Buero)").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Passkey jetzt erstellen") && html.contains("src=\"/assets/js/passkey.js\""));
    let (options, ceremony) = device_step(&html);
    let pk = &options["publicKey"];
    assert_eq!(pk["authenticatorSelection"]["residentKey"], "required", "{pk}");
    assert_eq!(pk["authenticatorSelection"]["requireResidentKey"], true);
    assert_eq!(pk["authenticatorSelection"]["userVerification"], "required");
    assert_eq!(pk["rp"]["id"], "localhost");
    assert_eq!(pk["user"]["name"], "kim@example.de");
    let handle: String = sqlx::query_scalar("SELECT webauthn_user_id FROM accounts WHERE email_lower = 'kim@example.de'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(unb64(pk["user"]["id"].as_str().unwrap()).unwrap(), uuid::Uuid::parse_str(&handle).unwrap().as_bytes());
    // The ceremony travels sealed: the browser cannot read its state.
    assert!(!ceremony.contains(pk["challenge"].as_str().unwrap()) && !ceremony.contains("kim@example.de"), "{ceremony}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM webauthn_used").await, 0, "starting a ceremony writes nothing");

    let mut auth = Authenticator::default();
    let answer = auth.create(pk, &app.base).unwrap();
    let r = finish_setup(&app, &app.client, &ceremony, &answer).await;
    assert_eq!(r.status(), 200);
    let used: String = sqlx::query_scalar("SELECT id_hash FROM webauthn_used").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(used, jobcenter::crypto::token_hash(&ceremony), "a finished ceremony is remembered by its hash only");
    assert!(r.headers().get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("jc_sitzung=")), "a new session");
    let html = r.text().await.unwrap();
    for text in [
        "Passkey erfolgreich eingerichtet",
        "Sie können sich ab sofort mit dem Passkey anmelden. Bitte stellen Sie sicher, dass der Passkey bei jeder Anmeldung verfügbar ist.",
        "Nächster Schritt: Passwort entfernen",
        "Zweiten Faktor einrichten",
        "Passwort aus dem Konto entfernen",
        "id=\"wiederherstellungscodes\"",
    ] {
        assert!(html.contains(text), "the result page shows {text:?}");
    }
    assert!(html.contains("Falls Sie neben Passkey auch eine Anmeldung mit BundID eingerichtet haben"));

    // Signed in at level "substantiell"; the settings list the passkey.
    let r = app.get("/konto").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Laptop_(Buero)") && html.contains("1 von 10 möglichen Passkeys eingerichtet"));
    let level: String = sqlx::query_scalar("SELECT level FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(level, "substantiell");
    let kinds = audit_kinds(&app, "kim@example.de").await;
    assert!(kinds.iter().any(|(k, d)| k == "passkey_added" && d.contains("Laptop_(Buero)")), "{kinds:?}");
    assert!(kinds.iter().any(|(k, d)| k == "login" && d.contains("pwd+new_factor")), "{kinds:?}");
    assert_eq!(app.queued_mails("kim@example.de", FACTOR_ADDED).await, 1);
    let codes: i64 = count(&app, "SELECT COUNT(*) FROM recovery_codes").await;
    assert_eq!(codes, 10, "the first factor comes with recovery codes");
}

#[tokio::test]
async fn an_account_has_at_most_ten_passkeys_and_existing_ones_are_excluded() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let mut devices = Vec::new();
    for i in 1..=9 {
        let mut device = Authenticator::default();
        let html = add_passkey(&app, &app.client, &mut device, &format!("Geraet-{i:02}")).await;
        devices.push(device);
        assert_eq!(html.contains("Nächster Schritt: Passwort entfernen"), i == 1, "only after the first passkey");
        assert!(!html.contains("id=\"wiederherstellungscodes\""), "TOTP came first, with its codes");
    }
    // The same name twice is refused.
    let r = post_name(&app, &app.client, "geraet-01").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Sie haben bereits einen Passkey mit diesem Namen."));

    // Two ceremonies started at 9: the first finish makes 10, the second is refused.
    let r = post_name(&app, &app.client, "Geraet-10").await;
    let (options_a, ceremony_a) = device_step(&r.text().await.unwrap());
    assert_eq!(options_a["publicKey"]["excludeCredentials"].as_array().unwrap().len(), 9, "existing passkeys are excluded");
    let r = post_name(&app, &app.client, "Geraet-11").await;
    let (options_b, ceremony_b) = device_step(&r.text().await.unwrap());
    assert_eq!(
        devices[3].create(&options_a["publicKey"], &app.base).err().map(|e| e.to_string()).as_deref(),
        Some(INVALID_STATE),
        "a device with a passkey already"
    );
    let answer_a = Authenticator::default().create(&options_a["publicKey"], &app.base).unwrap();
    let answer_b = Authenticator::default().create(&options_b["publicKey"], &app.base).unwrap();
    assert_eq!(finish_setup(&app, &app.client, &ceremony_a, &answer_a).await.status(), 200);
    let r = finish_setup(&app, &app.client, &ceremony_b, &answer_b).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Sie haben bereits 10 Passkeys eingerichtet."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM passkeys").await, 10);

    // The eleventh: the form and its submission say why not.
    let r = app.get("/konto/passkeys/neu").await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Höchstzahl an Passkeys erreicht") && !html.contains("Passkey erstellen"), "{html}");
    let r = post_name(&app, &app.client, "Geraet-12").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Mehr als 10 Passkeys je Konto sind nicht möglich."));
    let settings = app.get("/konto").await.text().await.unwrap();
    assert!(settings.contains("10 von 10 möglichen Passkeys eingerichtet") && settings.contains("id=\"passkeys-voll\""));
}

#[tokio::test]
async fn mit_passkey_anmelden_is_a_complete_login_without_a_name() {
    let app = TestApp::spawn().await;
    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;

    // The options: no allow list (discoverable), UV required, no
    // conditional mediation (the trap of DESIGN.md).
    let client = app.new_client();
    let start = login_options(&app, &client).await;
    assert!(start.get("optionen").and_then(|o| o.get("mediation")).is_none(), "{start}");
    let pk = &start["optionen"]["publicKey"];
    assert_eq!(pk["userVerification"], "required");
    assert!(pk["allowCredentials"].as_array().is_none_or(|a| a.is_empty()), "{pk}");
    assert_eq!(pk["rpId"], "localhost");
    let answer = auth.get(pk, &app.base).unwrap();
    let r = client
        .post(app.url("/anmelden/passkey"))
        .json(&json!({"zeremonie": start["zeremonie"], "antwort": answer, "weiter": "/konto/verlauf"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("jc_sitzung=")));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["weiter"], "/konto/verlauf");
    let r = client.get(app.url("/konto/verlauf")).send().await.unwrap();
    assert_eq!(r.status(), 200, "signed in at level substantiell");
    let levels: Vec<String> =
        sqlx::query_scalar("SELECT level FROM sessions WHERE auth_methods = 'passkey'").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(levels, ["substantiell"]);
    let kinds = audit_kinds(&app, "kim@example.de").await;
    assert!(kinds.iter().any(|(k, d)| k == "login" && d.contains("\"passkey\"")), "{kinds:?}");
    let last_used: Option<i64> = sqlx::query_scalar("SELECT last_used_at FROM passkeys").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(last_used.is_some(), "the use is recorded");

    // A credential the server does not know, and a forged signature.
    let mut stranger = Authenticator::default();
    stranger.create(&json!({"rp": {"id": "localhost"}, "user": {"id": b64(&[7u8; 16])}, "challenge": b64(b"x")}), &app.base).unwrap();
    let (_, status, body) = passkey_login(&app, &mut stranger).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (401, Some("passkey_unknown")), "{body}");
    assert!(body["fehler"]["meldung"].as_str().unwrap().contains("gehört zu keinem Konto"));
    let mut forged = auth.clone();
    forged.credentials[0].forge_key().unwrap();
    let (_, status, body) = passkey_login(&app, &mut forged).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (401, Some("verification_failed")), "{body}");

    // Not JSON, and not from this site.
    let r = app.new_client().post(app.url("/anmelden/passkey")).body("zeremonie=x").send().await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["fehler"]["code"], "bad_request");
    let r = app
        .new_client()
        .post(app.url("/anmelden/passkey/optionen"))
        .header("sec-fetch-site", "cross-site")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "the CSRF layer refuses another site");
}

#[tokio::test]
async fn a_passkey_can_be_the_step_after_the_password() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let mut auth = Authenticator::default();
    add_passkey(&app, &app.client, &mut auth, "Handy").await;

    let client = app.new_client();
    let r = app.login_with(&client, "kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor");
    let html = client.get(app.url("/anmelden/zweiter-faktor")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("id=\"passkey-zweiter-faktor\"") && html.contains("src=\"/assets/js/passkey.js\""));

    let (status, start) = post_json(&app, &client, "/anmelden/zweiter-faktor/passkey/optionen", &json!({})).await;
    assert_eq!(status, 200, "{start}");
    let allowed = start["optionen"]["publicKey"]["allowCredentials"].as_array().unwrap().clone();
    assert_eq!(allowed.len(), 1, "only the account's credential");
    assert_eq!(unb64(allowed[0]["id"].as_str().unwrap()).unwrap(), auth.credentials[0].id);
    assert_eq!(start["optionen"]["publicKey"]["userVerification"], "required");

    // The ceremony is bound to this login attempt: another browser's
    // password step cannot finish it.
    let intruder = app.new_client();
    app.login_with(&intruder, "kim@example.de", PASSWORD).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    let (status, body) =
        post_json(&app, &intruder, "/anmelden/zweiter-faktor/passkey", &json!({"zeremonie": start["zeremonie"], "antwort": answer})).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (400, Some("ceremony_unknown")));

    let (_, start) = post_json(&app, &client, "/anmelden/zweiter-faktor/passkey/optionen", &json!({})).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    let (status, body) = post_json(
        &app,
        &client,
        "/anmelden/zweiter-faktor/passkey",
        &json!({"zeremonie": start["zeremonie"], "antwort": answer, "weiter": "/konto/sitzungen"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weiter"], "/konto/sitzungen");
    assert_eq!(client.get(app.url("/konto/sitzungen")).send().await.unwrap().status(), 200);

    // Without a password step first: refused.
    let (status, body) = post_json(&app, &app.new_client(), "/anmelden/zweiter-faktor/passkey/optionen", &json!({})).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (403, Some("wrong_stage")));
    // TOTP still works as the step as well.
    let r = app.sign_in_with(&app.new_client(), "kim@example.de", PASSWORD, &secret).await;
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn passkeys_are_renamed_and_deleted_but_never_the_last_way_in() {
    let app = TestApp::spawn().await;
    signed_up_with_passkey(&app, "kim@example.de").await;
    let first_id: String = sqlx::query_scalar("SELECT id FROM passkeys").fetch_one(&app.state.db.pool).await.unwrap();

    // The only passkey is the only second factor of the password: refused.
    let r = app.get(&format!("/konto/passkeys/{first_id}/loeschen")).await;
    let html = r.text().await.unwrap();
    assert!(html.contains("Dies ist Ihr letzter zweiter Faktor.") && !html.contains("/loeschen\" class=\"button-row\""), "{html}");
    let r = app.post(&format!("/konto/passkeys/{first_id}/loeschen"), &[]).await;
    assert_eq!(r.status(), 409);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM passkeys").await, 1);

    // Rename: the same rules as at creation, and unique in the account.
    add_passkey(&app, &app.client, &mut Authenticator::default(), "Handy").await;
    let r = app.post(&format!("/konto/passkeys/{first_id}/umbenennen"), &[("name", "Mein Laptop")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("keine Leerzeichen"));
    let r = app.post(&format!("/konto/passkeys/{first_id}/umbenennen"), &[("name", "HANDY")]).await;
    assert_eq!(r.status(), 422);
    let r = app.post(&format!("/konto/passkeys/{first_id}/umbenennen"), &[("name", "Laptop-Arbeit")]).await;
    assert_eq!(location(&r), "/konto?hinweis=passkey-umbenannt");
    let html = app.get("/konto?hinweis=passkey-umbenannt").await.text().await.unwrap();
    assert!(html.contains("Der Passkey wurde umbenannt.") && html.contains("Laptop-Arbeit"));
    assert!(audit_kinds(&app, "kim@example.de").await.iter().any(|(k, d)| k == "passkey_renamed" && d.contains("Laptop-Arbeit")));

    // Another account cannot touch it.
    let stranger = app.new_client();
    app.register_confirmed("eve@example.de", PASSWORD).await;
    app.login_with(&stranger, "eve@example.de", PASSWORD).await;
    app.set_up_totp_with(&stranger).await;
    let r = stranger.post(app.url(&format!("/konto/passkeys/{first_id}/loeschen"))).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let r = stranger.post(app.url(&format!("/konto/passkeys/{first_id}/umbenennen"))).form(&[("name", "Meins")]).send().await.unwrap();
    assert_eq!(r.status(), 404);

    // With two passkeys one can go: mailed and audited.
    let r = app.post(&format!("/konto/passkeys/{first_id}/loeschen"), &[]).await;
    assert_eq!(location(&r), "/konto?hinweis=passkey-geloescht");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM passkeys").await, 1);
    assert_eq!(app.queued_mails("kim@example.de", FACTOR_REMOVED).await, 1);
    assert!(audit_kinds(&app, "kim@example.de").await.iter().any(|(k, d)| k == "passkey_removed" && d.contains("Laptop-Arbeit")));

    // With TOTP beside the password the last passkey can go too.
    let last_id: String = sqlx::query_scalar("SELECT id FROM passkeys").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(app.post(&format!("/konto/passkeys/{last_id}/loeschen"), &[]).await.status(), 409);
    app.set_up_totp_with(&app.client).await;
    let r = app.post(&format!("/konto/passkeys/{last_id}/loeschen"), &[]).await;
    assert_eq!(location(&r), "/konto?hinweis=passkey-geloescht");
    // Now TOTP is the last second factor and stays.
    assert_eq!(location(&app.post("/konto/totp/entfernen", &[]).await), "/konto?hinweis=letzter-faktor");
}

#[tokio::test]
async fn without_password_only_the_passkey_opens_the_account() {
    let app = TestApp::spawn().await;

    // No passkey, no removal of the password.
    app.signed_up("totp@example.de", PASSWORD).await;
    let html = app.get("/konto/passwort/entfernen").await.text().await.unwrap();
    assert!(html.contains("Das Passwort kann erst entfernt werden, wenn für Ihr Konto mindestens ein Passkey eingerichtet ist."));
    assert_eq!(app.post("/konto/passwort/entfernen", &[]).await.status(), 409);
    app.post("/abmelden", &[]).await;

    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;
    let html = app.get("/konto/passwort/entfernen").await.text().await.unwrap();
    assert!(html.contains("Eine Anmeldung mit Benutzername / E-Mail-Adresse und Passwort ist nicht mehr möglich."));
    let r = app.post("/konto/passwort/entfernen", &[]).await;
    assert_eq!(location(&r), "/konto?hinweis=passwort-entfernt");
    let html = app.get("/konto?hinweis=passwort-entfernt").await.text().await.unwrap();
    assert!(html.contains("Das Passwort wurde aus Ihrem Konto entfernt.") && html.contains("id=\"ohne-passwort\""));
    let hash: Option<String> = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE email_lower = 'kim@example.de'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(hash.is_none());
    assert_eq!(app.queued_mails("kim@example.de", PASSWORD_REMOVED).await, 1);
    assert!(audit_kinds(&app, "kim@example.de").await.iter().any(|(k, _)| k == "password_removed"));

    // The last passkey of an account without password stays.
    let id: String =
        sqlx::query_scalar("SELECT p.id FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE a.email_lower = 'kim@example.de'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let r = app.post(&format!("/konto/passkeys/{id}/loeschen"), &[]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("Dies ist Ihr letzter Passkey, und Ihr Konto hat kein Passwort."));

    // The password login answers as for a wrong password; the passkey works.
    let r = app.login_with(&app.new_client(), "kim@example.de", PASSWORD).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Benutzername / E-Mail-Adresse oder Passwort ist falsch."));
    let (client, status, body) = passkey_login(&app, &mut auth).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(client.get(app.url(body["weiter"].as_str().unwrap())).send().await.unwrap().status(), 200);

    // "Passwort vergessen" sets a password again, but the next password
    // login still asks for the passkey.
    app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
    let mail = app.smtp.wait_for("kim@example.de", "Ihr Link zum Zurücksetzen des Passworts").await;
    let link = mail.link_containing("/passwort-zuruecksetzen").unwrap();
    let token = url::Url::parse(&link).unwrap().query_pairs().find(|(k, _)| k == "id").unwrap().1.into_owned();
    let r = app
        .new_client()
        .post(app.url("/passwort-zuruecksetzen"))
        .form(&[("id", token.as_str()), ("passwort", PASSWORD), ("passwort_wiederholung", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let r = app.login_with(&app.new_client(), "kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "a password alone never opens the account");
}

#[tokio::test]
async fn an_account_without_password_confirms_changes_with_a_recent_passkey_login() {
    let app = TestApp::spawn().await;
    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;
    assert_eq!(location(&app.post("/konto/passwort/entfernen", &[]).await), "/konto?hinweis=passwort-entfernt");
    app.post("/abmelden", &[]).await;
    let (client, status, body) = passkey_login(&app, &mut auth).await;
    assert_eq!(status, 200, "{body}");
    let get = |path: &'static str| {
        let c = client.clone();
        let url = app.url(path);
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };

    // The forms ask for no password; they say what confirms the change.
    for path in ["/konto/email", "/konto/loeschen", "/konto/passwort"] {
        let html = get(path).await;
        assert!(!html.contains("name=\"aktuelles_passwort\""), "{path}");
        assert!(html.contains("Ihr Konto hat kein Passwort. Zur Bestätigung zählt Ihre Anmeldung mit dem Passkey"), "{path}");
    }

    // Within ten minutes of the passkey login a change goes through.
    app.clock.advance(9 * 60);
    let r = client.post(app.url("/konto/email")).form(&[("neue_email", "kim.neu@example.de")]).send().await.unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());

    // Later the login must be renewed first; nothing is deleted.
    app.clock.advance(2 * 60);
    let r = client.post(app.url("/konto/loeschen")).form(&[("bestaetigung", "ja")]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Ihre Anmeldung mit dem Passkey liegt mehr als 10 Minuten zurück.") && html.contains("href=\"#aktuelles_passwort\"")
    );
    assert!(app.account_id("kim@example.de").await.is_some());

    // After a fresh passkey login the account can be deleted.
    let (client, status, _) = passkey_login(&app, &mut auth).await;
    assert_eq!(status, 200);
    let r = client.post(app.url("/konto/loeschen")).form(&[("bestaetigung", "ja")]).send().await.unwrap();
    assert_eq!(location(&r), "/konto/geloescht");
    assert!(app.account_id("kim@example.de").await.is_none());
}

#[tokio::test]
async fn a_ceremony_is_taken_once() {
    let app = TestApp::spawn().await;
    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;

    let client = app.new_client();
    let start = login_options(&app, &client).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    // A ceremony token changed by the browser does not open.
    let token = start["zeremonie"].as_str().unwrap();
    let mid = token.len() / 2;
    let flipped = if &token[mid..=mid] == "A" { "B" } else { "A" };
    let forged = format!("{}{flipped}{}", &token[..mid], &token[mid + 1..]);
    let (status, refused) = post_json(&app, &client, "/anmelden/passkey", &json!({"zeremonie": forged, "antwort": answer})).await;
    assert_eq!((status, refused["fehler"]["code"].as_str()), (400, Some("ceremony_unknown")), "{refused}");

    let body = json!({"zeremonie": start["zeremonie"], "antwort": answer});
    let (status, _) = post_json(&app, &client, "/anmelden/passkey", &body).await;
    assert_eq!(status, 200);
    let (status, replay) = post_json(&app, &app.new_client(), "/anmelden/passkey", &body).await;
    assert_eq!((status, replay["fehler"]["code"].as_str()), (400, Some("ceremony_unknown")), "{replay}");
    assert!(replay["fehler"]["meldung"].as_str().unwrap().contains("bereits abgeschlossen"));

    // The same for the set-up.
    let r = post_name(&app, &app.client, "Zweitgeraet").await;
    let (options, ceremony) = device_step(&r.text().await.unwrap());
    assert_eq!(auth.create(&options["publicKey"], &app.base).err().map(|e| e.to_string()).as_deref(), Some(INVALID_STATE));
    let answer = Authenticator::default().create(&options["publicKey"], &app.base).unwrap();
    assert_eq!(finish_setup(&app, &app.client, &ceremony, &answer).await.status(), 200);
    let r = finish_setup(&app, &app.client, &ceremony, &answer).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Dieser Vorgang ist ungültig oder wurde bereits abgeschlossen."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM passkeys").await, 2);
}

#[tokio::test]
async fn a_ceremony_expires_after_five_minutes() {
    let app = TestApp::spawn().await;
    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;

    let client = app.new_client();
    let start = login_options(&app, &client).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    app.clock.advance(301);
    let (status, body) = finish_login(&app, &client, &start, &answer).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (400, Some("ceremony_expired")), "{body}");
    assert!(body["fehler"]["meldung"].as_str().unwrap().contains("mehr als 5 Minuten"));

    // Within five minutes it works.
    let start = login_options(&app, &client).await;
    let answer = auth.get(&start["optionen"]["publicKey"], &app.base).unwrap();
    app.clock.advance(299);
    let (status, _) = finish_login(&app, &client, &start, &answer).await;
    assert_eq!(status, 200);

    // The set-up as well (the session lives on: the clock moved little).
    let r = post_name(&app, &app.client, "Spaeter").await;
    let (options, ceremony) = device_step(&r.text().await.unwrap());
    let answer = Authenticator::default().create(&options["publicKey"], &app.base).unwrap();
    app.clock.advance(301);
    let r = finish_setup(&app, &app.client, &ceremony, &answer).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Der Vorgang hat zu lange gedauert (mehr als 5 Minuten)."));
}

#[tokio::test]
async fn the_finish_endpoint_is_rate_limited_per_client_address() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_address = 3)).await;
    let client = app.new_client();
    let mut last = 0;
    for _ in 0..4 {
        let (status, _) = post_json(
            &app,
            &client,
            "/anmelden/passkey",
            &json!({"zeremonie": "unbekannt", "antwort": {
                "id": "AA", "rawId": "AA", "type": "public-key",
                "response": {"authenticatorData": "AA", "clientDataJSON": "AA", "signature": "AA", "userHandle": null},
                "extensions": {}
            }}),
        )
        .await;
        last = status;
    }
    assert_eq!(last, 429);
}

#[tokio::test]
async fn a_ceremony_answered_with_an_unknown_passkey_is_used_up() {
    let app = TestApp::spawn().await;
    let mut auth = signed_up_with_passkey(&app, "kim@example.de").await;

    let client = app.new_client();
    let start = login_options(&app, &client).await;
    let options = &start["optionen"]["publicKey"];
    let mut stranger = Authenticator::default();
    stranger.create(&json!({"rp": {"id": "localhost"}, "user": {"id": b64(&[7u8; 16])}, "challenge": b64(b"x")}), &app.base).unwrap();
    let wrong = stranger.get(options, &app.base).unwrap();
    let (status, body) = finish_login(&app, &client, &start, &wrong).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (401, Some("passkey_unknown")), "{body}");
    // The same ceremony with the right passkey: already used.
    let right = auth.get(options, &app.base).unwrap();
    let (status, body) = finish_login(&app, &client, &start, &right).await;
    assert_eq!((status, body["fehler"]["code"].as_str()), (400, Some("ceremony_unknown")), "{body}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions WHERE auth_methods = 'passkey'").await, 0);
}

#[tokio::test]
async fn a_passkey_changed_since_it_was_read_is_not_overwritten() {
    use jobcenter::konto::mfa::passkey::speicher::record_use_if_unchanged;
    let app = TestApp::spawn().await;
    signed_up_with_passkey(&app, "kim@example.de").await;
    let (id, read): (String, String) = sqlx::query_as("SELECT id, passkey_json FROM passkeys").fetch_one(&app.state.db.pool).await.unwrap();
    let passkey: webauthn_rs::prelude::Passkey = serde_json::from_str(&read).unwrap();
    // Another login stores the credential after ours read it.
    sqlx::query("UPDATE passkeys SET passkey_json = passkey_json || ' ' WHERE id = $1")
        .bind(&id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let mut tx = app.state.db.begin().await.unwrap();
    assert!(!record_use_if_unchanged(&mut tx, &id, &read, &passkey, 1).await.unwrap(), "a changed credential stays as it is");
    let now: String = sqlx::query_scalar("SELECT passkey_json FROM passkeys").fetch_one(&mut *tx).await.unwrap();
    assert!(record_use_if_unchanged(&mut tx, &id, &now, &passkey, 1).await.unwrap(), "an unchanged one is stored");
    tx.commit().await.unwrap();
}
