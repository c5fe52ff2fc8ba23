//! Security (X-3 and the Konto parts of it): headers, cross-site form
//! posts, every signed-in route closed to strangers, the audit chain (with
//! the events of the second factor), the deletion of unconfirmed
//! registrations (ACC-9) and mail bodies encrypted at rest.

use crate::support::{FORM_FOR_EVERY_SETTING, NEW_PASSWORD, PASSWORD, TestApp, location};
use jobcenter::konto::mfa::totp::code_at;
use jobcenter::web::routes::signed_in_get_routes;

/// Every POST route that needs a session (complete or not).
const SIGNED_IN_POST_ROUTES: &[&str] = &[
    "/abmelden",
    "/sitzung/verlaengern",
    "/konto/benutzername",
    "/konto/sprache",
    "/konto/passwort",
    "/konto/email",
    "/konto/sitzungen/beenden",
    "/konto/sitzungen/alle-beenden",
    "/konto/loeschen",
    "/konto/totp",
    "/konto/totp/entfernen",
    "/konto/wiederherstellungscodes",
    "/anmelden/zweiter-faktor",
    "/anmelden/wiederherstellungscode",
    "/passkey/angebot/ueberspringen",
];

fn header<'a>(r: &'a reqwest::Response, name: &str) -> &'a str {
    r.headers().get(name).map(|v| v.to_str().unwrap()).unwrap_or("")
}

/// A six-digit code that is not the TOTP code of `secret` at `now` nor in
/// the steps around it.
fn wrong_code(secret: &[u8], now: i64) -> String {
    let right: Vec<String> = [-30, 0, 30].iter().map(|o| code_at(secret, now + o)).collect();
    (0..).map(|n| format!("{n:06}")).find(|c| !right.contains(c)).unwrap()
}

async fn audit_kinds(app: &TestApp, account_id: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM audit_events WHERE account_id = $1 ORDER BY seq")
        .bind(account_id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/anmelden", "/registrierung", "/gibt-es-nicht"] {
        let r = app.get(path).await;
        let csp = header(&r, "content-security-policy");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-eval"), "{path}: {csp}");
        assert_eq!(header(&r, "x-frame-options"), "DENY", "{path}");
        assert_eq!(header(&r, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&r, "cache-control"), "no-store", "{path}");
        assert_eq!(header(&r, "referrer-policy"), "same-origin", "{path}");
    }
}

#[tokio::test]
async fn signed_in_pages_are_not_stored_but_static_assets_may_be_cached() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let page = app.get("/konto").await;
    assert_eq!(page.status(), 200);
    assert_eq!(header(&page, "cache-control"), "no-store");

    let css = app.get("/assets/app.css").await;
    assert_eq!(css.status(), 200);
    assert!(header(&css, "content-type").starts_with("text/css"), "{}", header(&css, "content-type"));
    let cache = header(&css, "cache-control").to_owned();
    assert!(!cache.contains("no-store"), "{cache}");
    assert!(cache.contains("max-age="), "{cache}");
    assert_eq!(header(&css, "x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn a_cross_site_post_is_rejected_with_a_german_page() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app
        .client
        .post(app.url("/anmelden"))
        .header("origin", "http://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.headers().get("set-cookie").is_none(), "no session");
    assert!(header(&r, "content-type").starts_with("text/html"));
    let page = r.text().await.unwrap();
    assert!(page.contains("Diese Anfrage wurde aus Sicherheitsgründen abgelehnt."));
    assert!(page.contains("<html lang=\"de\">"));

    // An old browser without Sec-Fetch-Site is judged by its Origin.
    let r = app
        .client
        .post(app.url("/anmelden"))
        .header("origin", "http://evil.example")
        .form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 0);
}

#[tokio::test]
async fn a_cross_site_post_cannot_change_a_signed_in_account() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let r = app
        .client
        .post(app.url("/konto/sitzungen/alle-beenden"))
        .header("origin", "http://evil.example")
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(app.get("/konto").await.status(), 200, "still signed in");
    let r = app
        .client
        .post(app.url("/konto/wiederherstellungscodes"))
        .header("origin", "http://evil.example")
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "nor replace the recovery codes");
    let generated: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = 'recovery_codes_generated'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(generated, 1, "only the set of the first factor");
}

#[tokio::test]
async fn a_same_origin_post_works() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app
        .client
        .post(app.url("/anmelden"))
        .header("origin", app.base.as_str())
        .header("sec-fetch-site", "same-origin")
        .form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/sicherheitshinweis", "the password step passed");
    let r = app.client.post(app.url("/abmelden")).header("origin", app.base.as_str()).send().await.unwrap();
    assert_eq!(r.status(), 303, "an old browser with a matching Origin");
    assert_eq!(location(&r), "/anmelden?hinweis=abgemeldet");
}

#[tokio::test]
async fn every_signed_in_page_sends_a_stranger_to_the_login() {
    let app = TestApp::spawn().await;
    assert!(signed_in_get_routes().len() >= 5);
    for path in signed_in_get_routes() {
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        let expected = format!("/anmelden?weiter={}", path.replace('/', "%2F"));
        assert_eq!(location(&r), expected, "{path}");
    }
}

#[tokio::test]
async fn every_signed_in_post_sends_a_stranger_to_the_login() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    for path in SIGNED_IN_POST_ROUTES {
        let r = app.post(path, FORM_FOR_EVERY_SETTING).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto", "{path}");
    }
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after, before, "nothing happened");
    assert!(app.account_id("kim@example.de").await.is_some());
}

#[tokio::test]
async fn every_account_event_is_audited_in_an_unbroken_chain() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    assert_eq!(app.login("kim@example.de", "Falsch-Passwort-99!").await.status(), 422);
    assert_eq!(location(&app.login("kim@example.de", PASSWORD).await), "/sicherheitshinweis");
    let secret = app.set_up_totp_with(&app.client).await;
    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim_k")]).await.status(), 303);
    let r = app
        .post("/konto/passwort", &[("aktuelles_passwort", PASSWORD), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.post("/konto/email", &[("neue_email", "kim.neu@example.de"), ("aktuelles_passwort", NEW_PASSWORD)]).await.status(), 303);
    assert_eq!(app.post("/abmelden", &[]).await.status(), 303);
    assert_eq!(location(&app.login("kim@example.de", NEW_PASSWORD).await), "/anmelden/zweiter-faktor");
    let wrong = wrong_code(&secret, app.state.now());
    assert_eq!(app.post("/anmelden/zweiter-faktor", &[("code", wrong.as_str())]).await.status(), 422);
    let code = app.next_code(&secret);
    assert_eq!(app.post("/anmelden/zweiter-faktor", &[("code", code.as_str())]).await.status(), 303);
    assert_eq!(app.post("/abmelden", &[]).await.status(), 303);
    assert_eq!(app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await.status(), 200);

    let id = app.account_id("kim@example.de").await.unwrap();
    assert_eq!(
        audit_kinds(&app, &id).await,
        [
            "registered",
            "email_confirmed",
            "login_failed",
            "totp_added",
            "login",
            "recovery_codes_generated",
            "username_changed",
            "password_changed",
            "email_change_requested",
            "logout",
            "totp_failed",
            "login",
            "logout",
            "password_reset_requested",
        ]
    );
    let ips: Vec<String> = sqlx::query_scalar("SELECT DISTINCT ip FROM audit_events").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(ips, ["127.0.0.1"]);
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(jobcenter::audit::verify_chain(&app.state.db.pool).await.expect("chain intact"), total);
    assert_eq!(total, 14);
}

#[tokio::test]
async fn a_changed_audit_row_breaks_the_chain() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    app.login("kim@example.de", "Falsch-Passwort-99!").await;
    assert_eq!(jobcenter::audit::verify_chain(&app.state.db.pool).await.unwrap(), 3);

    sqlx::query("UPDATE audit_events SET details = $1 WHERE seq = $2")
        .bind(r#"{"method":"passkey"}"#)
        .bind(3_i64)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let err = jobcenter::audit::verify_chain(&app.state.db.pool).await.expect_err("a tampered row is detected");
    assert!(err.to_string().contains("event 3"), "{err}");
}

#[tokio::test]
async fn a_deleted_audit_row_breaks_the_chain() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    app.login("kim@example.de", PASSWORD).await;
    sqlx::query("DELETE FROM audit_events WHERE seq = $1").bind(2_i64).execute(&app.state.db.writer).await.unwrap();
    assert!(jobcenter::audit::verify_chain(&app.state.db.pool).await.is_err());
}

#[tokio::test]
async fn unconfirmed_registrations_are_deleted_after_7_days_but_not_before() {
    let app = TestApp::spawn().await;
    app.register_confirmed("fertig@example.de", PASSWORD).await;
    app.register("offen@example.de", PASSWORD).await;
    let open = app.account_id("offen@example.de").await.unwrap();

    app.clock.advance(7 * 86_400);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    assert!(app.account_id("offen@example.de").await.is_some(), "exactly 7 days: still there");

    app.clock.advance(1);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    assert_eq!(app.account_id("offen@example.de").await, None, "deleted after 7 days");
    assert!(app.account_id("fertig@example.de").await.is_some(), "a confirmed account stays");
    let consents: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM consents WHERE account_id = $1").bind(&open).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(consents, 0, "the consents of the deleted registration");
    let tokens: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM email_tokens WHERE account_id = $1")
        .bind(&open)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 0, "the tokens of the deleted registration");
    // The address is free again.
    assert_eq!(app.register("offen@example.de", PASSWORD).await.status(), 303);
    assert!(app.account_id("offen@example.de").await.is_some());
}

#[tokio::test]
async fn mail_bodies_are_encrypted_at_rest() {
    let app = TestApp::spawn().await;
    app.register("ria@example.de", PASSWORD).await;
    let mail = app.smtp.wait_for("ria@example.de", "Bestätigung Ihrer E-Mail-Adresse").await;
    let link = mail.link_containing("/email-bestaetigen").unwrap();
    let token = url::Url::parse(&link).unwrap().query_pairs().find(|(k, _)| k == "id").unwrap().1.into_owned();

    let bodies: Vec<String> = sqlx::query_scalar("SELECT body_sealed FROM outbox").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(bodies.len(), 1);
    let sealed = &bodies[0];
    assert!(sealed.starts_with("k1:"), "sealed with a key id: {sealed}");
    assert!(!sealed.contains(&token), "the link token is not readable in the database");
    assert!(!sealed.contains("ria@example.de"));
    assert!(!sealed.contains("24 Stunden"));
}

#[tokio::test]
async fn user_input_shown_again_in_a_form_is_escaped() {
    let app = TestApp::spawn().await;
    let evil = "\"><script>alert(1)</script>";
    let r = app.login(evil, "irgendwas").await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("alert(1)"), "the identifier is shown again");
    assert!(!page.contains(evil), "but escaped");
    assert!(page.contains("<script src=\"/assets/js/app.js\""));
    assert_eq!(page.matches("<script").count(), page.matches("<script src=\"/assets/").count(), "only the page's own script tags");

    let r = app.post("/registrierung", &[("email", evil), ("passwort", PASSWORD), ("passwort_wiederholung", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("alert(1)") && !page.contains(evil));
    assert_eq!(page.matches("<script").count(), page.matches("<script src=\"/assets/").count());
}

#[tokio::test]
async fn mail_links_use_the_configured_address_not_the_host_header() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app
        .client
        .post(app.url("/passwort-vergessen"))
        .header("host", "evil.example")
        .form(&[("kennung", "kim@example.de")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mail = app.smtp.wait_for("kim@example.de", "Ihr Link zum Zurücksetzen des Passworts").await;
    let link = mail.link_containing("/passwort-zuruecksetzen").expect("reset link");
    assert!(link.starts_with(&format!("{}/passwort-zuruecksetzen?id=", app.base)), "{link}");
    assert!(!mail.text.contains("evil.example"));
}

async fn login_from(app: &TestApp, forwarded_for: &str) -> u16 {
    app.new_client()
        .post(app.url("/anmelden"))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("kennung", "niemand@example.de"), ("passwort", "Falsch-Passwort-99!")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_login_limit_counts_the_forwarded_client_address() {
    let app = TestApp::spawn_with(Box::new(|raw| {
        raw.trusted_proxies = 1;
        raw.rate_limits.login_per_address = 2;
    }))
    .await;
    assert_eq!(login_from(&app, "6.6.6.6, 198.51.100.1").await, 422);
    assert_eq!(login_from(&app, "7.7.7.7, 198.51.100.1").await, 422, "a forged first entry does not give a new budget");
    assert_eq!(login_from(&app, "198.51.100.1").await, 429);
    assert_eq!(login_from(&app, "198.51.100.2").await, 422, "another client behind the proxy is not affected");
}

#[tokio::test]
async fn without_trusted_proxies_the_forwarded_header_is_ignored() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_address = 2)).await;
    assert_eq!(login_from(&app, "198.51.100.1").await, 422);
    assert_eq!(login_from(&app, "198.51.100.2").await, 422);
    assert_eq!(login_from(&app, "198.51.100.3").await, 429, "all three came from 127.0.0.1");
}
