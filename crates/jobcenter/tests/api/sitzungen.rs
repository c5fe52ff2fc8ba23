//! Sessions (MFA-60): the timer in the header, idle timeout, "Sitzung
//! verlängern", absolute lifetime, the list of sessions, ending one or all,
//! and logout.

use crate::support::{PASSWORD, TestApp, location};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";
const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/// An app with `kim@example.de` fully signed in (password and TOTP) on
/// `app.client`, and Kim's TOTP secret.
async fn signed_in() -> (TestApp, Vec<u8>) {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    (app, secret)
}

/// Registers `email` and sets up TOTP at the gate with `client`, which is
/// then fully signed in; returns the secret.
async fn signed_up_in(app: &TestApp, client: &reqwest::Client, email: &str) -> Vec<u8> {
    app.register_confirmed(email, PASSWORD).await;
    let r = app.login_with(client, email, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    app.set_up_totp_with(client).await
}

/// A complete login (password and TOTP) with `client`.
async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str, secret: &[u8]) {
    let r = app.sign_in_with(client, email, PASSWORD, secret).await;
    assert_eq!(r.status(), 303, "signed in");
    assert_eq!(client.get(app.url("/konto")).send().await.unwrap().status(), 200);
}

/// A browser with its own cookies and user agent.
fn browser(user_agent: &str) -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).user_agent(user_agent).build().unwrap()
}

/// The timer text in the header ("30 Min."), if the page has the timer.
fn header_timer(page: &str) -> Option<String> {
    let at = page.find("id=\"sitzung-minuten\"")?;
    let text = &page[at..];
    let start = text.find('>')? + 1;
    let end = start + text[start..].find('<')?;
    Some(text[start..end].trim().to_owned())
}

async fn session_ids(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT id_hash FROM sessions ORDER BY id_hash").fetch_all(&app.state.db.pool).await.unwrap()
}

async fn session_of(app: &TestApp, user_agent: &str) -> String {
    sqlx::query_scalar("SELECT id_hash FROM sessions WHERE user_agent = $1").bind(user_agent).fetch_one(&app.state.db.pool).await.unwrap()
}

/// Asserts that `GET /konto` sends the browser to the login page.
async fn assert_logged_out(app: &TestApp, client: &reqwest::Client) {
    let r = client.get(app.url("/konto")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto");
}

#[tokio::test]
async fn the_header_shows_30_minutes_right_after_login() {
    let (app, _) = signed_in().await;
    let page = app.get("/konto").await.text().await.unwrap();
    assert_eq!(header_timer(&page).as_deref(), Some("30 Min."));
    assert!(page.contains("data-sekunden=\"1800\""));
    assert!(page.contains("Sitzung verlängern"));
    let anonymous = app.new_client().get(app.url("/")).send().await.unwrap().text().await.unwrap();
    assert_eq!(header_timer(&anonymous), None, "no timer without a session");
}

#[tokio::test]
async fn an_idle_session_ends_after_30_minutes() {
    let (app, _) = signed_in().await;
    app.clock.advance(30 * 60 + 1);
    let r = app.get("/konto").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto");
    let cleared = r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).any(|c| c.contains("Max-Age=0"));
    assert!(cleared, "the stale cookie is cleared");
    assert!(session_ids(&app).await.is_empty(), "the expired row is deleted");
}

#[tokio::test]
async fn activity_within_the_window_keeps_the_session_alive() {
    let (app, _) = signed_in().await;
    app.clock.advance(20 * 60);
    let page = app.get("/konto").await;
    assert_eq!(page.status(), 200);
    assert_eq!(header_timer(&page.text().await.unwrap()).as_deref(), Some("30 Min."), "the timer restarted");
    app.clock.advance(20 * 60);
    assert_eq!(app.get("/konto").await.status(), 200, "40 minutes after login, 20 after the last click");
    app.clock.advance(30 * 60 + 1);
    assert_logged_out(&app, &app.client).await;
}

#[tokio::test]
async fn sitzung_verlaengern_restarts_the_idle_timer() {
    let (app, _) = signed_in().await;
    // Within the first minute a page view does not touch the timer, so this
    // is the button's own doing.
    app.clock.advance(30);
    let r = app.post("/sitzung/verlaengern", &[("zurueck", "/konto/passwort")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto/passwort", "back to the page");
    let idle: i64 = sqlx::query_scalar("SELECT idle_expires_at FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(idle, app.state.now() + 30 * 60);

    app.clock.advance(30 * 60 - 1);
    assert_eq!(app.get("/konto").await.status(), 200, "alive 30 min 29 s after login");

    let r = app.post("/sitzung/verlaengern", &[("zurueck", "//evil.example")]).await;
    assert_eq!(location(&r), "/konto", "only local targets");
}

#[tokio::test]
async fn a_session_ends_after_12_hours_even_with_activity() {
    let (app, _) = signed_in().await;
    // A click every 25 minutes: 28 clicks reach 11 h 40 min.
    for step in 1..=28 {
        app.clock.advance(25 * 60);
        let r = app.get("/konto").await;
        assert_eq!(r.status(), 200, "step {step}");
        if step == 28 {
            let timer = header_timer(&r.text().await.unwrap());
            assert_eq!(timer.as_deref(), Some("20 Min."), "the header counts down to the absolute end");
        }
    }
    app.clock.advance(25 * 60);
    assert_logged_out(&app, &app.client).await;
}

#[tokio::test]
async fn the_session_list_shows_every_browser_and_marks_this_one() {
    let app = TestApp::spawn().await;
    let firefox = browser(FIREFOX);
    let chrome = browser(CHROME);
    let secret = signed_up_in(&app, &firefox, "kim@example.de").await;
    sign_in(&app, &chrome, "kim@example.de", &secret).await;

    let r = firefox.get(app.url("/konto/sitzungen")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Aktive Sitzungen"));
    assert!(page.contains("Firefox (Linux)"));
    assert!(page.contains("Chrome (Windows)"));
    assert!(page.contains("127.0.0.1"));
    assert_eq!(page.matches("name=\"sitzung\"").count(), 2, "one row per session");
    assert_eq!(page.matches("Diese Sitzung").count(), 1);
    let this_row = page.find("Firefox (Linux) <span class=\"kern-badge");
    assert!(this_row.is_some(), "the Firefox row is marked as this session");
    assert!(page.contains("Überall abmelden"));
}

#[tokio::test]
async fn ending_another_session_logs_that_browser_out() {
    let app = TestApp::spawn().await;
    let firefox = browser(FIREFOX);
    let chrome = browser(CHROME);
    let secret = signed_up_in(&app, &firefox, "kim@example.de").await;
    sign_in(&app, &chrome, "kim@example.de", &secret).await;

    let chrome_session = session_of(&app, CHROME).await;
    let r = firefox.post(app.url("/konto/sitzungen/beenden")).form(&[("sitzung", chrome_session.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto/sitzungen");
    assert_logged_out(&app, &chrome).await;
    assert_eq!(firefox.get(app.url("/konto")).send().await.unwrap().status(), 200, "this browser stays");
    assert_eq!(session_ids(&app).await, [session_of(&app, FIREFOX).await]);
}

#[tokio::test]
async fn a_session_of_another_account_cannot_be_ended() {
    let (app, _) = signed_in().await;
    let lea = browser(CHROME);
    signed_up_in(&app, &lea, "lea@example.de").await;
    let lea_session = session_of(&app, CHROME).await;

    let r = app.post("/konto/sitzungen/beenden", &[("sitzung", lea_session.as_str())]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(lea.get(app.url("/konto")).send().await.unwrap().status(), 200, "Lea stays logged in");
    assert_eq!(session_ids(&app).await.len(), 2);
}

#[tokio::test]
async fn logging_out_everywhere_ends_every_session_including_this_one() {
    let (app, secret) = signed_in().await;
    let other = browser(CHROME);
    sign_in(&app, &other, "kim@example.de", &secret).await;
    // A third browser that has only given the password.
    let half = app.new_client();
    assert_eq!(location(&app.login_with(&half, "kim@example.de", PASSWORD).await), "/anmelden/zweiter-faktor");
    let lea = app.new_client();
    signed_up_in(&app, &lea, "lea@example.de").await;

    let r = app.post("/konto/sitzungen/alle-beenden", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/anmelden?hinweis=sitzungen-beendet");
    assert_logged_out(&app, &app.client).await;
    assert_logged_out(&app, &other).await;
    assert_logged_out(&app, &half).await;
    assert_eq!(lea.get(app.url("/konto")).send().await.unwrap().status(), 200, "other accounts are untouched");
    let kim = app.account_id("kim@example.de").await.unwrap();
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1").bind(&kim).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(left, 0);
    let page = app.get("/anmelden?hinweis=sitzungen-beendet").await.text().await.unwrap();
    assert!(page.contains("Sie wurden auf allen Geräten abgemeldet."));
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let (app, _) = signed_in().await;
    let r = app.post("/abmelden", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/anmelden?hinweis=abgemeldet");
    let cleared = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("jc_sitzung=;") && c.contains("Max-Age=0"));
    assert!(cleared, "the cookie is cleared");
    assert!(session_ids(&app).await.is_empty(), "the row is deleted, not just the cookie");
    assert_logged_out(&app, &app.client).await;
    let page = app.get("/anmelden?hinweis=abgemeldet").await.text().await.unwrap();
    assert!(page.contains("Sie haben sich abgemeldet."));
}
