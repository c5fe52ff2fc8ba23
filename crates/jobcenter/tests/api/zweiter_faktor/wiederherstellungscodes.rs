//! Recovery codes: ten codes shown once after the first factor, stored
//! only as hashes, each usable once instead of the second factor and mailed
//! when used; a new set voids the old one; guessing is rate-limited.

use super::{at_the_gate, events, password_given, send_code, session_of, text_of_id, wrong_code};
use crate::support::{TestApp, location};
use jobcenter::konto::mfa::totp::{code_at, secret_from_base32};

const USED_SUBJECT: &str = "Wiederherstellungscode verwendet";
const WRONG_RECOVERY: &str = "Dieser Wiederherstellungscode ist nicht richtig oder wurde schon verwendet.";

/// The codes listed on a page.
fn codes_on(page: &str) -> Vec<String> {
    let list = &page[page.find("id=\"wiederherstellungscodes\"").expect("the list of codes")..];
    let list = &list[..list.find("</ol>").unwrap()];
    regex::Regex::new(r"<code>([^<]+)</code>").unwrap().captures_iter(list).map(|c| c[1].to_owned()).collect()
}

/// Registers `email`, sets up TOTP at the gate with `client` and returns
/// the secret and the page shown after it.
async fn first_factor(app: &TestApp, client: &reqwest::Client, email: &str) -> (Vec<u8>, String) {
    at_the_gate(app, client, email).await;
    let page = client.get(app.url("/konto/totp")).send().await.unwrap().text().await.unwrap();
    let secret = secret_from_base32(text_of_id(&page, "totp-schluessel")).unwrap();
    let code = code_at(&secret, app.state.now());
    let r = client.post(app.url("/konto/totp")).form(&[("code", code.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 200);
    (secret, r.text().await.unwrap())
}

/// Logs out and gives the password again: the second step awaits.
async fn back_at_the_second_step(app: &TestApp) {
    app.post("/abmelden", &[]).await;
    password_given(app, &app.client, "kim@example.de").await;
}

async fn use_code(app: &TestApp, code: &str) -> reqwest::Response {
    app.post("/anmelden/wiederherstellungscode", &[("code", code)]).await
}

async fn unused_codes(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL").fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn ten_recovery_codes_are_shown_once_after_the_first_factor_and_only_their_hashes_are_stored() {
    let app = TestApp::spawn().await;
    let (_, page) = first_factor(&app, &app.client, "kim@example.de").await;
    assert!(page.contains("Sie haben einen zweiten Faktor für dieses Konto erfolgreich eingerichtet."));
    assert!(page.contains("Die Codes werden nur jetzt angezeigt."));
    let codes = codes_on(&page);
    assert_eq!(codes.len(), 10);
    let format = regex::Regex::new(r"^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$").unwrap();
    for c in &codes {
        assert!(format.is_match(c), "XXXXX-XXXXX without look-alikes: {c}");
    }
    let mut distinct = codes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 10, "ten different codes");

    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT id, code_hash FROM recovery_codes").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(stored.len(), 10);
    for (id, hash) in &stored {
        for c in &codes {
            for form in [c.clone(), c.replace('-', ""), c.to_lowercase()] {
                assert!(!hash.contains(&form) && !id.contains(&form), "a code is stored readable");
            }
        }
    }

    let settings = app.get("/konto").await.text().await.unwrap();
    assert!(settings.contains("10 von 10 Codes noch nicht verwendet"));
    for c in &codes {
        assert!(!settings.contains(c.as_str()), "the settings do not show the codes again");
    }
}

#[tokio::test]
async fn a_recovery_code_replaces_the_second_factor_once_and_its_use_is_mailed() {
    let app = TestApp::spawn().await;
    let (_, page) = first_factor(&app, &app.client, "kim@example.de").await;
    let codes = codes_on(&page);
    back_at_the_second_step(&app).await;

    let step = app.get("/anmelden/zweiter-faktor").await.text().await.unwrap();
    assert!(step.contains("href=\"/anmelden/wiederherstellungscode\">Mit einem Wiederherstellungscode anmelden</a>"));
    let form = app.get("/anmelden/wiederherstellungscode").await;
    assert_eq!(form.status(), 200);
    assert!(form.text().await.unwrap().contains("Wiederherstellungscode *"));

    let r = use_code(&app, &codes[3]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/passkey/angebot");
    assert_eq!(app.get("/konto").await.status(), 200, "fully signed in");
    let (level, stage, methods) = session_of(&app, "kim@example.de").await;
    assert_eq!((level.as_str(), stage.as_str(), methods.as_str()), ("substantiell", "complete", "pwd+recovery"));
    assert_eq!(unused_codes(&app).await, 9);
    let mail = app.smtp.wait_for("kim@example.de", USED_SUBJECT).await;
    assert!(mail.text.contains("Noch nicht verwendete Codes: 9."), "{}", mail.text);

    // Used once, never again.
    back_at_the_second_step(&app).await;
    let r = use_code(&app, &codes[3]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(WRONG_RECOVERY));
    assert_eq!(location(&app.get("/konto").await), "/anmelden/zweiter-faktor?weiter=%2Fkonto", "not signed in");
    assert_eq!(events(&app, "kim@example.de", "recovery_code_failed").await, 1);

    // Typed in small letters without the dash: another code works.
    let r = use_code(&app, &codes[7].replace('-', "").to_lowercase()).await;
    assert_eq!(r.status(), 303);
    let mails = app.wait_for_mails("kim@example.de", USED_SUBJECT, 2).await;
    assert!(mails[1].text.contains("Noch nicht verwendete Codes: 8."), "{}", mails[1].text);
    assert_eq!(events(&app, "kim@example.de", "recovery_code_used").await, 2);
    let settings = app.get("/konto").await.text().await.unwrap();
    assert!(settings.contains("8 von 10 Codes noch nicht verwendet"));
}

#[tokio::test]
async fn new_recovery_codes_void_the_old_set() {
    let app = TestApp::spawn().await;
    let (_, page) = first_factor(&app, &app.client, "kim@example.de").await;
    let old = codes_on(&page);

    let r = app.post("/konto/wiederherstellungscodes", &[]).await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(!page.contains("erfolgreich eingerichtet"), "no factor was added");
    let new = codes_on(&page);
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|c| !old.contains(c)), "a new set");
    assert_eq!(unused_codes(&app).await, 10);
    assert_eq!(events(&app, "kim@example.de", "recovery_codes_generated").await, 2);

    back_at_the_second_step(&app).await;
    let r = use_code(&app, &old[0]).await;
    assert_eq!(r.status(), 422, "an old code is void");
    assert!(r.text().await.unwrap().contains(WRONG_RECOVERY));
    assert_eq!(use_code(&app, &new[0]).await.status(), 303, "a new code works");
}

#[tokio::test]
async fn guessing_recovery_codes_is_rate_limited_even_for_a_right_code() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_account = 3)).await;
    let (_, page) = first_factor(&app, &app.client, "kim@example.de").await;
    let codes = codes_on(&page);
    back_at_the_second_step(&app).await;
    for guess in ["AAAAA-AAAAA", "BBBBB-BBBBB", "CCCCC-CCCCC"] {
        let r = use_code(&app, guess).await;
        assert_eq!(r.status(), 422, "{guess}");
    }
    let r = use_code(&app, &codes[0]).await;
    assert_eq!(r.status(), 429, "the limit holds for the right code too");
    assert!(r.text().await.unwrap().contains("Zu viele Anmeldeversuche."));
    assert_eq!(unused_codes(&app).await, 10, "the code was not used up");
    assert_eq!(app.queued_mails("kim@example.de", USED_SUBJECT).await, 0);

    app.clock.advance(15 * 60);
    assert_eq!(use_code(&app, &codes[0]).await.status(), 303, "a fresh window after 15 minutes");
}

#[tokio::test]
async fn a_recovery_code_still_works_while_the_totp_check_is_locked() {
    let app = TestApp::spawn().await;
    let (secret, page) = first_factor(&app, &app.client, "kim@example.de").await;
    let codes = codes_on(&page);
    back_at_the_second_step(&app).await;
    let wrong = wrong_code(&secret, app.state.now());
    for _ in 0..10 {
        send_code(&app, &app.client, &wrong).await;
    }
    let r = send_code(&app, &app.client, &code_at(&secret, app.state.now() + 30)).await;
    assert_eq!(r.status(), 429, "TOTP is locked");
    assert!(r.text().await.unwrap().contains("Sie können sich stattdessen mit einem Wiederherstellungscode anmelden."));
    assert_eq!(use_code(&app, &codes[0]).await.status(), 303, "the way out the message names");
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn a_recovery_code_does_not_help_at_the_gate_or_for_another_account() {
    let app = TestApp::spawn().await;
    let (_, page) = first_factor(&app, &app.client, "kim@example.de").await;
    let kims = codes_on(&page);
    let lea = app.new_client();
    first_factor(&app, &lea, "lea@example.de").await;
    lea.post(app.url("/abmelden")).send().await.unwrap();
    password_given(&app, &lea, "lea@example.de").await;
    let r = lea.post(app.url("/anmelden/wiederherstellungscode")).form(&[("code", kims[0].as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 422, "Kim's code is not Lea's");
    assert_eq!(unused_codes(&app).await, 20);

    let stranger = app.new_client();
    at_the_gate(&app, &stranger, "tom@example.de").await;
    let r = stranger.post(app.url("/anmelden/wiederherstellungscode")).form(&[("code", kims[1].as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto", "no recovery at the gate");
    assert_eq!(location(&stranger.get(app.url("/konto")).send().await.unwrap()), "/sicherheitshinweis");
    assert_eq!(unused_codes(&app).await, 20);
}
