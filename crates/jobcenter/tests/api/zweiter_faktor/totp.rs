//! "Zweiter Faktor (TOTP)" (MFA-10 … MFA-13): the set-up page, a new TOTP
//! replacing the old one, the secret encrypted at rest, codes of an
//! independent implementation, the replay guard, the tolerance of one step
//! and the lock after ten wrong codes.

use super::{WRONG_CODE, at_the_gate, events, password_given, send_code, text_of_id, totp_logins, wrong_code};
use crate::support::{PASSWORD, TestApp, location};
use base64::Engine;
use jobcenter::konto::mfa::totp::{base32, code_at, secret_from_base32};

const SUCCESS: &str = "Sie haben einen zweiten Faktor für dieses Konto erfolgreich eingerichtet. Beachten Sie: Sollte bereits zuvor ein zweiter Faktor eingerichtet gewesen sein, wurde dieser ersetzt.";
const LOCKED: &str = "Zu viele falsche Codes. Aus Sicherheitsgründen ist die Eingabe bis";

/// The set-up page's HTML and the secret of the key it shows.
async fn setup_page(app: &TestApp, client: &reqwest::Client) -> (String, Vec<u8>) {
    let r = client.get(app.url("/konto/totp")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let secret = secret_from_base32(text_of_id(&html, "totp-schluessel")).expect("a Base32 key");
    (html, secret)
}

/// Runs Debian's `oathtool` for the TOTP code of `key` at unix time `t`.
fn oathtool(key: &str, t: i64) -> String {
    let out = std::process::Command::new("oathtool")
        .args(["--totp", "-b", key, "-N", &format!("@{t}")])
        .output()
        .unwrap_or_else(|e| panic!("oathtool is missing ({e}): install Debian's oathtool (scripts/test.sh does) for this test"));
    assert!(out.status.success(), "oathtool failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[tokio::test]
async fn the_setup_page_shows_the_configured_account_name_the_key_in_groups_of_four_and_a_qr_code() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.totp_issuer = "Jobcenter Musterstadt".into())).await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let (page, secret) = setup_page(&app, &app.client).await;
    assert_eq!(secret.len(), 20, "a 160-bit secret (MFA-11)");
    for text in [
        "<h1 class=\"kern-heading-large\">Zweiten Faktor einrichten</h1>",
        "1. Schritt: Schlüssel in App hinzufügen",
        "Kontoname",
        "Schlüssel",
        "2. Schritt: Erzeugten Code eingeben",
        "6-stelliger Code (TOTP) *",
        "Der Code erneuert sich alle 30 Sekunden.",
        "Abbrechen",
        "Bestätigen",
    ] {
        assert!(page.contains(text), "the page lacks {text:?}");
    }
    assert_eq!(text_of_id(&page, "totp-kontoname"), "Jobcenter Musterstadt");
    let key = text_of_id(&page, "totp-schluessel");
    let groups = regex::Regex::new(r"^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$").unwrap();
    assert!(groups.is_match(key), "32 Base32 letters in groups of four: {key}");
    assert_eq!(key.replace(' ', ""), base32(&secret));

    let svg = &page[page.find("<svg").expect("an inline SVG QR code")..];
    assert!(svg[..svg.find("</svg>").expect("a complete SVG")].contains("<path"), "the SVG draws the code");
    let uri = regex::Regex::new(r#"href="(otpauth://[^"]+)""#).unwrap().captures(&page).expect("the otpauth URI")[1]
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let uri = url::Url::parse(&uri).unwrap();
    assert_eq!(uri.host_str(), Some("totp"));
    let query: std::collections::HashMap<_, _> = uri.query_pairs().into_owned().collect();
    assert_eq!(query.get("secret").map(String::as_str), Some(base32(&secret).as_str()));
    assert_eq!(query.get("issuer").map(String::as_str), Some("Jobcenter Musterstadt"));
    let label = url::form_urlencoded::parse(uri.path().trim_start_matches('/').as_bytes()).map(|(k, _)| k.into_owned()).collect::<String>();
    assert_eq!(label, "Jobcenter Musterstadt:kim@example.de");

    // Shown again, the key stays the same until it is confirmed.
    let (_, again) = setup_page(&app, &app.client).await;
    assert_eq!(again, secret);
}

#[tokio::test]
async fn a_wrong_code_at_the_setup_is_refused_and_nothing_is_set_up() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let (_, secret) = setup_page(&app, &app.client).await;
    let wrong = wrong_code(&secret, app.state.now());
    for (code, message) in [
        (wrong.as_str(), "Der Code passt nicht zum angezeigten Schlüssel."),
        ("12ab56", "Der Code passt nicht zum angezeigten Schlüssel."),
        ("", "Bitte geben Sie den 6-stelligen Code ein."),
    ] {
        let r = app.post("/konto/totp", &[("code", code)]).await;
        assert_eq!(r.status(), 422, "{code:?}");
        let page = r.text().await.unwrap();
        assert!(page.contains(message), "{code:?}");
        assert_eq!(secret_from_base32(text_of_id(&page, "totp-schluessel")), Some(secret.clone()), "the same key again");
    }
    let factors: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(factors, 0);
    assert_eq!(events(&app, "kim@example.de", "totp_added").await, 0);
    assert_eq!(app.queued_mails("kim@example.de", "Neuer Anmeldefaktor").await, 0);
    assert_eq!(location(&app.get("/konto").await), "/sicherheitshinweis", "still at the gate");
    let (level, stage, _) = super::session_of(&app, "kim@example.de").await;
    assert_eq!((level.as_str(), stage.as_str()), ("passwort", "setup"));
}

#[tokio::test]
async fn a_new_totp_replaces_the_old_one_whose_codes_stop_working() {
    let app = TestApp::spawn().await;
    let old = app.signed_up("kim@example.de", PASSWORD).await;
    let r = app.get("/konto/totp").await;
    let page = r.text().await.unwrap();
    assert!(page.contains("Für dieses Konto ist bereits ein zweiter Faktor (TOTP) eingerichtet. Wenn Sie fortfahren, wird er ersetzt."));
    let new = secret_from_base32(text_of_id(&page, "totp-schluessel")).unwrap();
    assert_ne!(new, old, "a new key");

    app.clock.advance(30);
    let code = code_at(&new, app.state.now());
    let r = app.post("/konto/totp", &[("code", code.as_str())]).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains(SUCCESS), "the success text of MFA-12");
    let factors: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(factors, 1, "one TOTP per account");
    assert_eq!(events(&app, "kim@example.de", "totp_replaced").await, 1);
    assert_eq!(events(&app, "kim@example.de", "recovery_codes_generated").await, 1, "the recovery codes stay");

    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    let old_code = app.next_code(&old);
    let r = send_code(&app, &app.client, &old_code).await;
    assert_eq!(r.status(), 422, "a code of the old key");
    assert!(r.text().await.unwrap().contains(WRONG_CODE));
    let r = send_code(&app, &app.client, &code_at(&new, app.state.now())).await;
    assert_eq!(r.status(), 303, "a code of the new key");
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn the_totp_secret_is_encrypted_at_rest() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let id = app.account_id("kim@example.de").await.unwrap();
    let (page, secret) = setup_page(&app, &app.client).await;
    let key = text_of_id(&page, "totp-schluessel").to_owned();

    let readable = [
        base32(&secret),
        key.clone(),
        base32(&secret).to_lowercase(),
        hex::encode(&secret),
        base64::engine::general_purpose::STANDARD.encode(&secret),
        base64::engine::general_purpose::STANDARD_NO_PAD.encode(&secret),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&secret),
    ];
    let assert_sealed = |table: &str, sealed: &str, aad: &str| {
        assert!(sealed.starts_with("k1:"), "{table}: sealed with a key id: {sealed}");
        for form in &readable {
            assert!(!sealed.contains(form.as_str()), "{table}: the key is readable");
        }
        let raw = base64::engine::general_purpose::STANDARD_NO_PAD.decode(&sealed[3..]).expect("base64");
        assert!(!raw.windows(secret.len()).any(|w| w == secret.as_slice()), "{table}: the raw bytes are stored");
        assert_eq!(app.state.secrets.open(aad, sealed).unwrap(), secret, "{table}: it is this secret, encrypted");
        assert!(app.state.secrets.open(&format!("{aad}x"), sealed).is_err(), "{table}: bound to its row");
    };

    let (session_hash, sealed, label): (String, String, String) =
        sqlx::query_as("SELECT session_hash, secret_sealed, account_label FROM totp_pending WHERE account_id = $1")
            .bind(&id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_sealed("totp_pending", &sealed, &format!("totp-pending:{session_hash}"));
    assert_eq!(label, "Jobcenter");

    let code = code_at(&secret, app.state.now());
    assert_eq!(app.post("/konto/totp", &[("code", code.as_str())]).await.status(), 200);
    let (sealed, label): (String, String) = sqlx::query_as("SELECT secret_sealed, account_label FROM totp_factors WHERE account_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_sealed("totp_factors", &sealed, &format!("totp:{id}"));
    assert_eq!(label, "Jobcenter");
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_pending").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(pending, 0, "the key being set up is gone once confirmed");
}

#[tokio::test]
async fn codes_of_an_independent_implementation_set_up_and_log_in() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let (page, _) = setup_page(&app, &app.client).await;
    // The key as a person copies it from the page, spaces and all.
    let key = text_of_id(&page, "totp-schluessel").to_owned();

    let code = oathtool(&key.replace(' ', ""), app.state.now());
    let r = app.post("/konto/totp", &[("code", code.as_str())]).await;
    assert_eq!(r.status(), 200, "set up with oathtool's code {code}");
    assert_eq!(app.get("/konto").await.status(), 200);

    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    app.clock.advance(30);
    let code = oathtool(&key.replace(' ', ""), app.state.now());
    let r = send_code(&app, &app.client, &code).await;
    assert_eq!(r.status(), 303, "logged in with oathtool's code {code}");
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn a_code_is_accepted_once_and_one_step_either_side_is_tolerated() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    app.clock.advance(10 * 60);
    let t = app.state.now();
    let at = |steps: i64| code_at(&secret, t + steps * 30);

    password_given(&app, &app.client, "kim@example.de").await;
    for (steps, what) in [(-2, "two steps late"), (2, "two steps early")] {
        let r = send_code(&app, &app.client, &at(steps)).await;
        assert_eq!(r.status(), 422, "{what}");
        assert!(r.text().await.unwrap().contains(WRONG_CODE), "{what}");
    }
    assert_eq!(send_code(&app, &app.client, &at(-1)).await.status(), 303, "one step late is tolerated");

    for steps in [0, 1] {
        app.post("/abmelden", &[]).await;
        password_given(&app, &app.client, "kim@example.de").await;
        let r = send_code(&app, &app.client, &at(steps)).await;
        assert_eq!(r.status(), 303, "step {steps:+}: a newer step");
    }

    // Replays: the code just used, and an older unused one.
    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    for (steps, what) in [(1, "the same step again"), (0, "an older step")] {
        let r = send_code(&app, &app.client, &at(steps)).await;
        assert_eq!(r.status(), 422, "{what}");
        assert!(r.text().await.unwrap().contains(WRONG_CODE), "{what}");
    }
    let replays: Vec<String> = sqlx::query_scalar("SELECT details FROM audit_events WHERE kind = 'totp_failed' ORDER BY seq")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let replays: Vec<bool> =
        replays.iter().map(|d| serde_json::from_str::<serde_json::Value>(d).unwrap()["replay"].as_bool().unwrap()).collect();
    assert_eq!(replays, [false, false, true, true], "the refusals are audited, replays as such");
    assert_eq!(location(&app.get("/konto").await), "/anmelden/zweiter-faktor?weiter=%2Fkonto", "not signed in");
}

#[tokio::test]
async fn the_same_code_sent_twice_at_once_is_accepted_once() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let (one, two) = (app.new_client(), app.new_client());
    password_given(&app, &one, "kim@example.de").await;
    password_given(&app, &two, "kim@example.de").await;
    let code = app.next_code(&secret);
    let (a, b) = tokio::join!(send_code(&app, &one, &code), send_code(&app, &two, &code));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 422], "one wins, the other is a replay");
    assert_eq!(totp_logins(&app, "kim@example.de").await, 1, "one accepted code, recorded as one login with it");
}

#[tokio::test]
async fn ten_wrong_codes_lock_the_check_for_ten_minutes_even_for_the_right_code() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    app.clock.advance(60);
    password_given(&app, &app.client, "kim@example.de").await;
    let locked_at = app.state.now();
    let wrong = wrong_code(&secret, locked_at);
    for attempt in 1..=9 {
        let r = send_code(&app, &app.client, &wrong).await;
        assert_eq!(r.status(), 422, "attempt {attempt}");
        assert!(r.text().await.unwrap().contains(WRONG_CODE), "attempt {attempt}");
    }
    let until = jobcenter::web::page::format_time(locked_at + 600);
    let message = format!("{LOCKED} {until} Uhr gesperrt. Sie können sich stattdessen mit einem Wiederherstellungscode anmelden.");
    let r = send_code(&app, &app.client, &wrong).await;
    assert_eq!(r.status(), 429, "the tenth wrong code locks");
    assert!(r.text().await.unwrap().contains(&message));

    let r = send_code(&app, &app.client, &code_at(&secret, app.state.now())).await;
    assert_eq!(r.status(), 429, "even the right code is refused");
    assert!(r.text().await.unwrap().contains(&message));
    app.clock.advance(599);
    let r = send_code(&app, &app.client, &code_at(&secret, app.state.now())).await;
    assert_eq!(r.status(), 429, "still locked after 9 min 59 s");

    let failures: Vec<String> = sqlx::query_scalar("SELECT details FROM audit_events WHERE kind = 'totp_failed' ORDER BY seq")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let details: Vec<serde_json::Value> = failures.iter().map(|d| serde_json::from_str(d).unwrap()).collect();
    let counts: Vec<i64> = details.iter().filter_map(|d| d["failures"].as_i64()).collect();
    assert_eq!(counts, (1..=10).collect::<Vec<_>>(), "each wrong code is audited");
    assert_eq!(details.iter().filter(|d| d["locked"] == true).count(), 2, "so is each code tried during the lock");
    assert_eq!(events(&app, "kim@example.de", "totp_locked").await, 1);

    app.clock.advance(1);
    let r = send_code(&app, &app.client, &code_at(&secret, app.state.now())).await;
    assert_eq!(r.status(), 303, "after ten minutes the right code works again");
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn a_code_tried_during_the_lock_is_audited_too() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    let wrong = wrong_code(&secret, app.state.now());
    for _ in 0..10 {
        send_code(&app, &app.client, &wrong).await;
    }
    let before = events(&app, "kim@example.de", "totp_failed").await;
    assert_eq!(before, 10);
    for _ in 0..3 {
        assert_eq!(send_code(&app, &app.client, &wrong).await.status(), 429);
    }
    assert_eq!(events(&app, "kim@example.de", "totp_failed").await, before + 3, "every attempt leaves a trace");
}

#[tokio::test]
async fn a_key_shown_to_one_login_is_not_offered_to_another() {
    let app = TestApp::spawn().await;
    // Someone who knows the password looks at the set-up page and leaves.
    let intruder = app.new_client();
    at_the_gate(&app, &intruder, "kim@example.de").await;
    let (_, seen) = setup_page(&app, &intruder).await;
    intruder.post(app.url("/abmelden")).send().await.unwrap();

    // The owner logs in later and sets up TOTP.
    app.clock.advance(3600);
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    let (_, offered) = setup_page(&app, &app.client).await;
    assert_ne!(offered, seen, "the owner gets a key nobody else has seen");
    let code = code_at(&offered, app.state.now());
    assert_eq!(app.post("/konto/totp", &[("code", code.as_str())]).await.status(), 200);

    // The key seen earlier must not open the account.
    password_given(&app, &intruder, "kim@example.de").await;
    let r = send_code(&app, &intruder, &app.next_code(&seen)).await;
    assert_eq!(r.status(), 422, "the intruder's copy of the key is worthless");
}

#[tokio::test]
async fn totp_can_be_removed_when_the_password_and_a_secure_app_device_remain() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    // TOTP is the only second factor: it stays.
    assert_eq!(location(&app.post("/konto/totp/entfernen", &[]).await), "/konto?hinweis=letzter-faktor");
    // A linked Secure-App device is a second factor after the password.
    let account: String = sqlx::query_scalar("SELECT id FROM accounts").fetch_one(&app.state.db.pool).await.unwrap();
    sqlx::query(
        "INSERT INTO secure_app_devices (id, account_id, name, public_key, secret_hash, status, created_at, linked_at)
         VALUES ('geraet-1', $1, 'Telefon', 'x', 'x', 'active', 0, 0)",
    )
    .bind(&account)
    .execute(&app.state.db.writer)
    .await
    .unwrap();
    assert_eq!(location(&app.post("/konto/totp/entfernen", &[]).await), "/konto?hinweis=totp-entfernt");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(left, 0);
}
