//! Tests: sprachen (X-2). The language comes from `?lang=` (which also sets
//! a cookie), then the cookie, then `Accept-Language`, then German; mails
//! go out in the language of the registration.

use crate::support::{PASSWORD, TestApp};
use reqwest::header::{ACCEPT_LANGUAGE, SET_COOKIE};

const GERMAN_LOGIN_INTRO: &str = "Melden Sie sich bitte mit Ihren Zugangsdaten an:";
const ENGLISH_LOGIN_INTRO: &str = "Please log in with your login details:";
const UKRAINIAN_LOGIN_INTRO: &str = "Будь ласка, увійдіть за допомогою своїх даних для входу:";

/// `GET path` with a fresh client (no cookies) and an `Accept-Language`.
async fn page_with_accept_language(app: &TestApp, path: &str, header: &str) -> String {
    let r = app.new_client().get(app.url(path)).header(ACCEPT_LANGUAGE, header).send().await.expect("GET");
    assert_eq!(r.status(), 200, "GET {path}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn lang_en_shows_the_login_page_in_english_and_sets_the_cookie() {
    let app = TestApp::spawn().await;
    let r = app.get("/anmelden?lang=en").await;
    assert_eq!(r.status(), 200);
    let cookies: Vec<_> = r.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("jc_sprache=en;")), "language cookie: {cookies:?}");
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"<html lang="en">"#), "{page}");
    assert!(page.contains(ENGLISH_LOGIN_INTRO), "{page}");
    assert!(page.contains("Help with login problems"), "{page}");
    assert!(!page.contains(GERMAN_LOGIN_INTRO), "no German left: {page}");
}

#[tokio::test]
async fn lang_uk_shows_the_login_page_in_ukrainian() {
    let app = TestApp::spawn().await;
    let r = app.get("/anmelden?lang=uk").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains(r#"<html lang="uk">"#), "{page}");
    assert!(page.contains(UKRAINIAN_LOGIN_INTRO), "{page}");
    assert!(page.contains("Зареєструватися зараз"), "{page}");
    assert!(!page.contains(GERMAN_LOGIN_INTRO), "no German left: {page}");
}

#[tokio::test]
async fn the_chosen_language_sticks_through_the_cookie() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/anmelden?lang=uk").await.status(), 200);

    let page = app.get("/anmelden").await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="uk">"#), "{page}");
    assert!(page.contains(UKRAINIAN_LOGIN_INTRO), "{page}");

    let page = app.get("/registrierung").await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="uk">"#), "{page}");
    assert!(page.contains("Повторіть пароль *"), "{page}");

    // The cookie beats Accept-Language; a new ?lang= beats the cookie.
    let r = app.client.get(app.url("/anmelden")).header(ACCEPT_LANGUAGE, "en").send().await.unwrap();
    assert!(r.text().await.unwrap().contains(UKRAINIAN_LOGIN_INTRO));
    assert!(app.get("/anmelden?lang=de").await.text().await.unwrap().contains(GERMAN_LOGIN_INTRO));
    let page = app.get("/anmelden").await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="de">"#), "{page}");
}

#[tokio::test]
async fn accept_language_picks_the_language_of_a_first_visit() {
    let app = TestApp::spawn().await;

    let page = page_with_accept_language(&app, "/anmelden", "uk-UA,uk;q=0.9,en;q=0.8").await;
    assert!(page.contains(r#"<html lang="uk">"#), "{page}");
    assert!(page.contains(UKRAINIAN_LOGIN_INTRO), "{page}");

    let page = page_with_accept_language(&app, "/anmelden", "uk").await;
    assert!(page.contains(UKRAINIAN_LOGIN_INTRO), "{page}");

    let page = page_with_accept_language(&app, "/anmelden", "en-GB,en;q=0.9").await;
    assert!(page.contains(r#"<html lang="en">"#), "{page}");
    assert!(page.contains(ENGLISH_LOGIN_INTRO), "{page}");

    // Nothing supported: German.
    let page = page_with_accept_language(&app, "/anmelden", "fr-FR,fr;q=0.9").await;
    assert!(page.contains(r#"<html lang="de">"#), "{page}");
    assert!(page.contains(GERMAN_LOGIN_INTRO), "{page}");
}

#[tokio::test]
async fn the_help_pages_are_translated_paragraph_by_paragraph() {
    let app = TestApp::spawn().await;
    for (lang, title, paragraph) in [
        ("de", "Hilfe bei Problemen rund um die Anmeldung", "Unbestätigte Registrierungen werden nach 7 Tagen gelöscht."),
        ("en", "Help with login problems", "Unconfirmed registrations are deleted after 7 days."),
        ("uk", "Допомога з проблемами під час входу", "Непідтверджені реєстрації видаляються через 7 днів."),
    ] {
        let page = app.get(&format!("/hilfe/anmeldung?lang={lang}")).await.text().await.unwrap();
        assert!(page.contains(title), "{lang}: {page}");
        assert!(page.contains(paragraph), "{lang}: {page}");
        assert_eq!(page.matches(r#"<p class="kern-body">"#).count(), 7, "{lang}: one paragraph per line");
    }
}

#[tokio::test]
async fn registering_in_english_sends_the_confirmation_mail_in_english() {
    let app = TestApp::spawn().await;
    let email = "olena@example.de";
    let r = app
        .client
        .post(app.url("/registrierung?lang=en"))
        .form(&[
            ("email", email),
            ("passwort", PASSWORD),
            ("passwort_wiederholung", PASSWORD),
            ("nutzungsbedingungen", "on"),
            ("einwilligung_email", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "registration accepted");

    let mail = app.smtp.wait_for(email, "Confirm your email address").await;
    assert!(mail.text.contains("Hello,"), "{}", mail.text);
    assert!(mail.text.contains("Important: Confirm your email address within 24 hours."), "{}", mail.text);
    assert!(mail.text.contains("Please do not reply to this email"), "footer: {}", mail.text);
    assert!(!mail.text.contains("Guten Tag"), "no German: {}", mail.text);
    assert!(mail.html.contains(r#"<html lang="en">"#), "{}", mail.html);
    let link = mail.link_containing("/email-bestaetigen").expect("confirmation link");
    assert!(link.contains("lang=en"), "{link}");

    // The link opens the confirmation page in English, even in another browser.
    let page = app.new_client().get(&link).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("You have successfully confirmed your email address."), "{page}");

    // Later mails to the account use its language, whatever the requester's.
    let other = app.new_client();
    let r = other.post(app.url("/zugangsdaten-vergessen")).form(&[("kennung", email)]).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Wir haben Ihre Anfrage erhalten."), "the page is German");
    let mail = app.smtp.wait_for(email, "Your login details").await;
    assert!(mail.text.contains(&format!("Email address: {email}")), "{}", mail.text);
    assert!(mail.text.contains("(no username set – you log in with your email address)"), "{}", mail.text);
}

#[tokio::test]
async fn registering_in_ukrainian_sends_the_confirmation_mail_in_ukrainian() {
    let app = TestApp::spawn().await;
    let email = "taras@example.de";
    assert_eq!(app.get("/registrierung?lang=uk").await.status(), 200);
    // The cookie from the form page carries the language to the POST.
    let r = app.register(email, PASSWORD).await;
    assert_eq!(r.status(), 303, "registration accepted");

    let mail = app.smtp.wait_for(email, "Підтвердження Вашої адреси електронної пошти").await;
    assert!(mail.text.contains("Доброго дня!"), "{}", mail.text);
    assert!(mail.text.contains("Ваш Jobcenter"), "{}", mail.text);
    assert!(mail.html.contains(r#"<html lang="uk">"#), "{}", mail.html);
    assert!(mail.link_containing("/email-bestaetigen").is_some_and(|l| l.contains("lang=uk")));
}
