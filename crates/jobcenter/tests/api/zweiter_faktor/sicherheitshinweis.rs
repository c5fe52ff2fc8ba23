//! The gate (MFA-1): until a factor is set up, nothing but the
//! "Sicherheitshinweis" and the set-up opens; a login that still owes its
//! second factor opens nothing either, and cannot add a factor.

use super::{at_the_gate, events, password_given};
use crate::support::{FORM_FOR_EVERY_SETTING, NEW_PASSWORD, PASSWORD, TestApp, location};
use jobcenter::web::routes::{partial_session_get_routes, signed_in_get_routes};

/// Every POST route that needs a complete login.
const SIGNED_IN_POST_ROUTES: &[&str] = &[
    "/konto/benutzername",
    "/konto/passwort",
    "/konto/email",
    "/konto/sprache",
    "/konto/sitzungen/beenden",
    "/konto/sitzungen/alle-beenden",
    "/konto/loeschen",
    "/konto/wiederherstellungscodes",
    "/konto/totp/entfernen",
];

/// `path` with its slashes encoded, as in `?weiter=`.
fn encoded(path: &str) -> String {
    path.replace('/', "%2F")
}

/// Nothing of Kim's account changed: no event since `before`, the same
/// password, language and user name, the account and its `sessions` still
/// there, no mail to a new address.
async fn assert_nothing_changed(app: &TestApp, before: i64, sessions: i64) {
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after, before, "no event was recorded");
    let id = app.account_id("kim@example.de").await.expect("the account stays");
    let (lang, username): (String, Option<String>) =
        sqlx::query_as("SELECT lang, username FROM accounts WHERE id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!((lang.as_str(), username), ("de", None));
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(left, sessions, "the sessions stay");
    assert_eq!(app.queued_mails("fremd@example.de", "").await, 0);
    let r = app.login_with(&app.new_client(), "kim@example.de", NEW_PASSWORD).await;
    assert_eq!(r.status(), 422, "the password is unchanged");
}

#[tokio::test]
async fn at_the_gate_every_signed_in_page_leads_to_the_sicherheitshinweis() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    assert!(signed_in_get_routes().len() >= 6);
    for path in signed_in_get_routes() {
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), "/sicherheitshinweis", "{path}");
    }
    assert_eq!(app.get("/sicherheitshinweis").await.status(), 200);
    assert_eq!(location(&app.get("/anmelden/zweiter-faktor").await), "/sicherheitshinweis");
    assert_eq!(app.get("/konto/totp").await.status(), 200, "the set-up opens");
    assert_eq!(app.get("/passkey/angebot").await.status(), 200, "and so does the passkey offer");
}

#[tokio::test]
async fn at_the_gate_every_signed_in_post_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    for path in SIGNED_IN_POST_ROUTES {
        let r = app.post(path, FORM_FOR_EVERY_SETTING).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), "/sicherheitshinweis", "{path}");
    }
    assert_nothing_changed(&app, before, 1).await;
    let codes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(codes, 0, "no recovery codes without a factor");
    assert_eq!(location(&app.get("/konto").await), "/sicherheitshinweis", "still at the gate");
}

#[tokio::test]
async fn a_login_that_owes_its_second_factor_opens_no_signed_in_page() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let half = app.new_client();
    password_given(&app, &half, "kim@example.de").await;
    for path in signed_in_get_routes() {
        let r = half.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), format!("/anmelden/zweiter-faktor?weiter={}", encoded(path)), "{path}");
    }
    let r = half.get(app.url("/sicherheitshinweis")).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "the Sicherheitshinweis is only for accounts without a factor");
    assert_eq!(half.get(app.url("/anmelden/zweiter-faktor")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_login_that_owes_its_second_factor_can_neither_change_the_account_nor_add_a_factor() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    for path in SIGNED_IN_POST_ROUTES {
        let r = app.post(path, FORM_FOR_EVERY_SETTING).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), "/anmelden/zweiter-faktor?weiter=%2Fkonto", "{path}");
    }
    let sealed: String = sqlx::query_scalar("SELECT secret_sealed FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();

    // Knowing the password must not be enough to add a factor.
    for path in ["/konto/totp", "/passkey/angebot"] {
        let r = app.get(path).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/anmelden/zweiter-faktor".to_owned()), "{path}");
    }
    let r = app.post("/konto/totp", &[("code", "123456")]).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/anmelden/zweiter-faktor".to_owned()));
    let r = app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/anmelden/zweiter-faktor".to_owned()));
    let dismissed: i64 = sqlx::query_scalar("SELECT passkey_offer_dismissed FROM accounts").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(dismissed, 0, "the passkey offer is not declined either");
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_pending").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(pending, 0, "no key was even shown");
    let now: String = sqlx::query_scalar("SELECT secret_sealed FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(now, sealed, "the TOTP is the same");
    let codes: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(codes, 10, "the recovery codes are the same");
    assert_eq!(events(&app, "kim@example.de", "recovery_codes_generated").await, 1);
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after, before, "no event was recorded");
    assert_eq!(app.queued_mails("fremd@example.de", "").await, 0);
    assert_eq!(app.login_with(&app.new_client(), "kim@example.de", NEW_PASSWORD).await.status(), 422, "the password is unchanged");

    // The real second factor still completes the login.
    let code = app.next_code(&secret);
    let r = super::send_code(&app, &app.client, &code).await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn a_stranger_is_sent_to_the_login_from_every_page_of_an_unfinished_login() {
    let app = TestApp::spawn().await;
    assert!(partial_session_get_routes().len() >= 5);
    for path in partial_session_get_routes() {
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), format!("/anmelden?weiter={}", encoded(path)), "{path}");
    }
}

#[tokio::test]
async fn the_sicherheitshinweis_recommends_the_secure_app_and_offers_the_alternatives() {
    let app = TestApp::spawn().await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let r = app.get("/sicherheitshinweis").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    for text in [
        "<h1 class=\"kern-heading-large\">Sicherheitshinweis</h1>",
        "Der Schutz Ihrer Daten ist uns wichtig. Aus diesem Grund empfehlen wir Ihnen die Nutzung der BA-Secure App.",
        "Die BA-Secure App ist aktuell nur auf Deutsch verfügbar.",
        "Alternativen zur BA-Secure App",
        "href=\"/konto/totp\">Zweiter Faktor (TOTP)</a>",
        "href=\"/passkey/angebot\">Passkey</a>",
    ] {
        assert!(page.contains(text), "the page lacks {text:?}");
    }
}

#[tokio::test]
async fn the_name_of_the_secure_app_is_configurable() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.secure_app_name = "Jobcenter-Secure App".into())).await;
    at_the_gate(&app, &app.client, "kim@example.de").await;
    let page = app.get("/sicherheitshinweis").await.text().await.unwrap();
    assert!(
        page.contains("Der Schutz Ihrer Daten ist uns wichtig. Aus diesem Grund empfehlen wir Ihnen die Nutzung der Jobcenter-Secure App.")
    );
    assert!(page.contains("Alternativen zur Jobcenter-Secure App"));
    assert!(!page.contains("BA-Secure"), "the default name is gone");
}

#[tokio::test]
async fn the_sicherheitshinweis_is_not_shown_to_an_account_with_a_factor() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let r = app.get("/sicherheitshinweis").await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/konto".to_owned()), "fully signed in");
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await;
    assert_ne!(location(&r), "/sicherheitshinweis");
    assert_eq!(location(&r), "/passkey/angebot");
}
