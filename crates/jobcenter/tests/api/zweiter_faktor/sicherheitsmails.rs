//! Security mails (MFA-61): a factor added, the password changed, a login
//! from a browser the account has not used before.

use crate::support::{NEW_PASSWORD, PASSWORD, TestApp};

const FACTOR_ADDED: &str = "Neuer Anmeldefaktor in Ihrem Konto";
const NEW_BROWSER: &str = "Anmeldung von einem neuen Browser";
const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";

fn firefox() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).user_agent(FIREFOX).build().unwrap()
}

#[tokio::test]
async fn adding_or_replacing_the_totp_is_mailed() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.queued_mails("kim@example.de", FACTOR_ADDED).await, 1, "queued with the factor");
    let mail = app.smtp.wait_for("kim@example.de", FACTOR_ADDED).await;
    assert_eq!(mail.subject, FACTOR_ADDED);
    assert!(mail.text.contains("ein neuer Anmeldefaktor eingerichtet: Zweiter Faktor (TOTP)."), "{}", mail.text);
    assert!(mail.text.contains(&format!("{}/konto", app.base)), "a link to the settings: {}", mail.text);

    app.clock.advance(30);
    app.set_up_totp_with(&app.client).await;
    assert_eq!(app.wait_for_mails("kim@example.de", FACTOR_ADDED, 2).await.len(), 2, "a replacement is a new factor too");
}

#[tokio::test]
async fn changing_the_password_is_mailed() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let form = [("aktuelles_passwort", PASSWORD), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)];
    assert_eq!(app.post("/konto/passwort", &form).await.status(), 303);
    let mail = app.smtp.wait_for("kim@example.de", "Ihr Passwort wurde geändert").await;
    assert!(mail.text.contains("wurde soeben geändert"), "{}", mail.text);
}

#[tokio::test]
async fn a_login_from_a_new_browser_is_mailed_but_not_the_first_browser_nor_a_known_one() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 0, "the account's very first browser");
    app.post("/abmelden", &[]).await;
    assert_eq!(app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 0, "the same browser again");

    let other = firefox();
    let r = app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await;
    assert_eq!(r.status(), 303);
    let remembered = r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find(|c| c.starts_with("jc_browser="));
    let remembered = remembered.expect("the browser is remembered");
    assert!(remembered.contains("HttpOnly") && remembered.contains("SameSite=Lax"), "{remembered}");
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 1, "a second browser without the cookie");
    let mail = app.smtp.wait_for("kim@example.de", NEW_BROWSER).await;
    assert!(mail.text.contains("Firefox (Linux), IP-Adresse 127.0.0.1"), "{}", mail.text);
    assert!(mail.text.contains(&format!("{}/konto/sitzungen", app.base)), "{}", mail.text);

    other.post(app.url("/abmelden")).send().await.unwrap();
    assert_eq!(app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 1, "not again for the same browser");

    // The password alone from yet another browser is no login.
    app.login_with(&app.new_client(), "kim@example.de", PASSWORD).await;
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 1);
}

#[tokio::test]
async fn the_mail_about_a_new_browser_can_be_switched_off() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.notify_new_browser = false)).await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.sign_in_with(&app.new_client(), "kim@example.de", PASSWORD, &secret).await.status(), 303);
    assert_eq!(app.queued_mails("kim@example.de", NEW_BROWSER).await, 0);
}
