//! Recovery: "Passwort vergessen" (ACC-10) with a single-use link valid for
//! one hour, and "Benutzername / E-Mail-Adresse vergessen" (ACC-11). Neither
//! answer tells whether an account exists (ACC-8).

use crate::support::{NEW_PASSWORD, PASSWORD, TestApp, location};

const RESET_SUBJECT: &str = "Ihr Link zum Zurücksetzen des Passworts";
const REMINDER_SUBJECT: &str = "Ihre Zugangsdaten";
const LINK_INVALID: &str = "Links zum Zurücksetzen gelten eine Stunde und nur einmal.";

/// Asks for a reset link for `identifier` and returns the link mailed to
/// `email` (the newest one).
async fn request_reset(app: &TestApp, identifier: &str, email: &str, nth: usize) -> String {
    let r = app.post("/passwort-vergessen", &[("kennung", identifier)]).await;
    assert_eq!(r.status(), 200);
    let mails = app.wait_for_mails(email, RESET_SUBJECT, nth).await;
    mails[nth - 1].link_containing("/passwort-zuruecksetzen").expect("reset link")
}

fn token_of(link: &str) -> String {
    url::Url::parse(link).unwrap().query_pairs().find(|(k, _)| k == "id").expect("id in the link").1.into_owned()
}

async fn set_new_password(app: &TestApp, link: &str, password: &str, repeat: &str) -> reqwest::Response {
    app.new_client()
        .post(app.url("/passwort-zuruecksetzen"))
        .form(&[("id", token_of(link).as_str()), ("passwort", password), ("passwort_wiederholung", repeat)])
        .send()
        .await
        .unwrap()
}

/// The answer of the password step in a new browser: 303 (on to the
/// second factor, or to the gate for an account without one) or the error
/// status.
async fn login_status(app: &TestApp, identifier: &str, password: &str) -> u16 {
    let r = app.login_with(&app.new_client(), identifier, password).await;
    if r.status() == 303 {
        let to = location(&r);
        assert!(to == "/anmelden/zweiter-faktor" || to == "/sicherheitshinweis", "a right password leads to the second factor: {to}");
    }
    r.status().as_u16()
}

#[tokio::test]
async fn a_reset_link_is_mailed_and_sets_a_new_password() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Wenn zu Ihrer Eingabe ein Konto besteht, erhalten Sie in wenigen Minuten eine E-Mail mit einem Link.")
    );
    let mail = app.smtp.wait_for("kim@example.de", RESET_SUBJECT).await;
    assert!(mail.text.contains("Wichtig: Der Link gilt eine Stunde und nur einmal."));
    let link = mail.link_containing("/passwort-zuruecksetzen").expect("reset link");
    assert!(link.starts_with(&format!("{}/passwort-zuruecksetzen?id=", app.base)));

    let form = app.client.get(&link).send().await.unwrap();
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("Neues Passwort festlegen"));
    assert!(form.contains(&token_of(&link)), "the form carries the token");

    let r = set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/anmelden?hinweis=passwort-neu");
    let notice = app.get("/anmelden?hinweis=passwort-neu").await.text().await.unwrap();
    assert!(notice.contains("Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an."));
    assert_eq!(login_status(&app, "kim@example.de", NEW_PASSWORD).await, 303);
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 422);
}

#[tokio::test]
async fn a_reset_can_be_asked_for_by_user_name() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim_k")]).await.status(), 303);
    let link = request_reset(&app, "KIM_K", "kim@example.de", 1).await;
    assert_eq!(set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await.status(), 303);
    assert_eq!(login_status(&app, "kim_k", NEW_PASSWORD).await, 303);
}

#[tokio::test]
async fn the_reset_link_is_valid_for_one_hour() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let link = request_reset(&app, "kim@example.de", "kim@example.de", 1).await;
    app.clock.advance(3599);
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 200, "still valid just before the hour ends");
    app.clock.advance(2);
    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 410);
    let page = r.text().await.unwrap();
    assert!(page.contains("Dieser Link ist abgelaufen oder wurde bereits verwendet."));
    assert!(page.contains(LINK_INVALID));
    assert!(page.contains("href=\"/passwort-vergessen\""), "offers a new link");

    let r = set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(r.status(), 410, "an expired link cannot set a password either");
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303, "password unchanged");
}

#[tokio::test]
async fn the_reset_link_works_only_once() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let link = request_reset(&app, "kim@example.de", "kim@example.de", 1).await;
    assert_eq!(set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await.status(), 303);

    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 410);
    let again = set_new_password(&app, &link, "Dritte5-Wahl?Schrank", "Dritte5-Wahl?Schrank").await;
    assert_eq!(again.status(), 410);
    assert!(again.text().await.unwrap().contains(LINK_INVALID));
    assert_eq!(login_status(&app, "kim@example.de", NEW_PASSWORD).await, 303, "the first reset holds");
    assert_eq!(login_status(&app, "kim@example.de", "Dritte5-Wahl?Schrank").await, 422);
}

#[tokio::test]
async fn a_newer_reset_link_voids_the_older_one() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let first = request_reset(&app, "kim@example.de", "kim@example.de", 1).await;
    let second = request_reset(&app, "kim@example.de", "kim@example.de", 2).await;
    assert_ne!(first, second);
    assert_eq!(app.client.get(&first).send().await.unwrap().status(), 410);
    assert_eq!(app.client.get(&second).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_new_password_from_the_reset_must_meet_acc_3() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let link = request_reset(&app, "kim@example.de", "kim@example.de", 1).await;

    let r = set_new_password(&app, &link, "kurz", "kurz").await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Das Passwort erfüllt noch nicht alle Kriterien."));
    assert!(page.contains("data-regel=\"laenge\" class=\"pw-rule--open\""));

    let r = set_new_password(&app, &link, NEW_PASSWORD, PASSWORD).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Die beiden Passwörter stimmen nicht überein."));

    let r = set_new_password(&app, &link, "Kim-Sonnenblume42!", "Kim-Sonnenblume42!").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Das Passwort darf Ihre E-Mail-Adresse (den Teil vor dem @) nicht enthalten."));

    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303, "nothing changed");
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 200, "a refused password does not use up the link");
    assert_eq!(set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await.status(), 303);
}

#[tokio::test]
async fn a_reset_ends_every_session_and_sends_a_notice() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let other = app.new_client();
    assert_eq!(app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    let half = app.new_client();
    assert_eq!(location(&app.login_with(&half, "kim@example.de", PASSWORD).await), "/anmelden/zweiter-faktor");
    let id = app.account_id("kim@example.de").await.unwrap();
    for client in [&app.client, &other] {
        assert_eq!(client.get(app.url("/konto")).send().await.unwrap().status(), 200, "fully signed in");
    }

    let link = request_reset(&app, "kim@example.de", "kim@example.de", 1).await;
    assert_eq!(set_new_password(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await.status(), 303);

    let sessions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 0);
    for client in [&app.client, &other, &half] {
        let r = client.get(app.url("/konto")).send().await.unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto");
    }
    let mail = app.smtp.wait_for("kim@example.de", "Ihr Passwort wurde geändert").await;
    assert_eq!(mail.subject, "Ihr Passwort wurde geändert");
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM audit_events WHERE account_id = $1 ORDER BY seq")
        .bind(&id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(kinds.last().map(String::as_str), Some("password_reset"));
}

#[tokio::test]
async fn an_unknown_identifier_gets_the_same_page_as_a_known_one() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let known = app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
    let unknown_address = app.post("/passwort-vergessen", &[("kennung", "tom@example.de")]).await;
    let unknown_name = app.post("/passwort-vergessen", &[("kennung", "niemand")]).await;
    assert_eq!(known.status(), 200);
    assert_eq!(unknown_address.status(), 200);
    assert_eq!(unknown_name.status(), 200);
    let known = known.text().await.unwrap();
    assert_eq!(unknown_address.text().await.unwrap(), known);
    assert_eq!(unknown_name.text().await.unwrap(), known);
    assert_eq!(app.queued_mails("kim@example.de", RESET_SUBJECT).await, 1);
    assert_eq!(app.queued_mails("tom@example.de", "").await, 0);
    let resets: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM email_tokens WHERE purpose = 'reset'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(resets, 1, "only the known account got a link");
}

#[tokio::test]
async fn the_user_name_reminder_goes_to_the_stored_address_for_an_address_or_a_user_name() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim_k")]).await.status(), 303);

    let form = app.get("/zugangsdaten-vergessen").await.text().await.unwrap();
    assert!(form.contains("Benutzername / E-Mail-Adresse vergessen"));

    for (n, identifier) in [(1, "kim@example.de"), (2, "Kim_K")] {
        let r = app.post("/zugangsdaten-vergessen", &[("kennung", identifier)]).await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("Wenn zu Ihrer Eingabe ein Konto besteht, senden wir Benutzername und E-Mail-Adresse"));
        let mails = app.wait_for_mails("kim@example.de", REMINDER_SUBJECT, n).await;
        let mail = &mails[n - 1];
        assert_eq!(mail.to, ["kim@example.de"]);
        assert!(mail.text.contains("Benutzername: kim_k"), "{}", mail.text);
        assert!(mail.text.contains("E-Mail-Adresse: kim@example.de"), "{}", mail.text);
    }
}

#[tokio::test]
async fn the_reminder_without_a_user_name_says_the_address_is_the_login() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    app.post("/zugangsdaten-vergessen", &[("kennung", "kim@example.de")]).await;
    let mail = app.smtp.wait_for("kim@example.de", REMINDER_SUBJECT).await;
    assert!(
        mail.text.contains("Benutzername: (kein Benutzername festgelegt – Sie melden sich mit Ihrer E-Mail-Adresse an)"),
        "{}",
        mail.text
    );
}

#[tokio::test]
async fn the_reminder_answers_the_same_for_unknown_input() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&app.state.db.pool).await.unwrap();
    let known = app.post("/zugangsdaten-vergessen", &[("kennung", "kim@example.de")]).await;
    let unknown_address = app.post("/zugangsdaten-vergessen", &[("kennung", "tom@example.de")]).await;
    let unknown_name = app.post("/zugangsdaten-vergessen", &[("kennung", "niemand")]).await;
    assert_eq!(known.status(), 200);
    assert_eq!(unknown_address.status(), known.status());
    assert_eq!(unknown_name.status(), known.status());
    let known = known.text().await.unwrap();
    assert_eq!(unknown_address.text().await.unwrap(), known);
    assert_eq!(unknown_name.text().await.unwrap(), known);
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after - before, 1, "one mail, to the known account only");
    assert_eq!(app.queued_mails("kim@example.de", REMINDER_SUBJECT).await, 1);
}

#[tokio::test]
async fn too_many_recovery_requests_from_one_address_are_refused_with_429() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.recovery_per_address = 2)).await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    for who in ["a@example.de", "b@example.de"] {
        assert_eq!(app.post("/passwort-vergessen", &[("kennung", who)]).await.status(), 200);
    }
    let r = app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains("Zu viele Anfragen. Bitte versuchen Sie es in einer Stunde erneut."));
    assert_eq!(app.queued_mails("kim@example.de", RESET_SUBJECT).await, 0);

    app.clock.advance(3600);
    assert_eq!(app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await.status(), 200);
    assert_eq!(app.queued_mails("kim@example.de", RESET_SUBJECT).await, 1);
}

#[tokio::test]
async fn reset_mails_to_one_address_are_limited_per_hour_without_a_different_answer() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.mail_per_recipient = 2)).await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let mut pages = Vec::new();
    for _ in 0..3 {
        let r = app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
        assert_eq!(r.status(), 200);
        pages.push(r.text().await.unwrap());
    }
    assert_eq!(pages[2], pages[0], "the limit is not visible to the asker");
    assert_eq!(app.queued_mails("kim@example.de", RESET_SUBJECT).await, 2, "no flood of mails");
}
