//! Levels of assurance (MFA-50): only a completed login is "substantiell",
//! and a password reset does not skip the second factor (ACC-10). "Verlauf"
//! (PRF-7): the account's own events, newest first, in German.

use super::{password_given, send_code, session_of};
use crate::support::{NEW_PASSWORD, PASSWORD, TestApp, location};

/// The "Ereignis" column of the history table, top to bottom.
fn history(page: &str) -> Vec<String> {
    let body = &page[page.find("<tbody").expect("a history table")..page.find("</tbody>").unwrap()];
    let row = regex::Regex::new(r#"<tr><td class="kern-table__cell">[^<]*</td><td class="kern-table__cell">([^<]*)</td>"#).unwrap();
    row.captures_iter(body).map(|c| c[1].to_owned()).collect()
}

#[tokio::test]
async fn only_a_completed_totp_login_is_substantiell() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    app.login("kim@example.de", PASSWORD).await;
    let at_gate = session_of(&app, "kim@example.de").await;
    assert_eq!(at_gate, ("passwort".into(), "setup".into(), "pwd".into()), "the password alone");
    let secret = app.set_up_totp_with(&app.client).await;
    let set_up = session_of(&app, "kim@example.de").await;
    assert_eq!(set_up, ("substantiell".into(), "complete".into(), "pwd+new_factor".into()), "password and a new factor");

    app.post("/abmelden", &[]).await;
    password_given(&app, &app.client, "kim@example.de").await;
    let half = session_of(&app, "kim@example.de").await;
    assert_eq!(half, ("passwort".into(), "second_factor".into(), "pwd".into()));
    assert_eq!(send_code(&app, &app.client, &app.next_code(&secret)).await.status(), 303);
    let full = session_of(&app, "kim@example.de").await;
    assert_eq!(full, ("substantiell".into(), "complete".into(), "pwd+totp".into()));
}

#[tokio::test]
async fn a_password_reset_does_not_skip_the_second_factor() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    let r = app.post("/passwort-vergessen", &[("kennung", "kim@example.de")]).await;
    assert_eq!(r.status(), 200);
    let link = app.smtp.wait_for("kim@example.de", "Ihr Link zum Zurücksetzen des Passworts").await;
    let link = link.link_containing("/passwort-zuruecksetzen").unwrap();
    let token = url::Url::parse(&link).unwrap().query_pairs().find(|(k, _)| k == "id").unwrap().1.into_owned();
    let form = [("id", token.as_str()), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)];
    let r = app.post("/passwort-zuruecksetzen", &form).await;
    assert_eq!(location(&r), "/anmelden?hinweis=passwort-neu");
    assert_eq!(location(&app.get("/konto").await), "/anmelden?weiter=%2Fkonto", "the reset itself signs nobody in");

    let r = app.login("kim@example.de", NEW_PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "the second factor is still asked for");
    assert_eq!(location(&app.get("/konto").await), "/anmelden/zweiter-faktor?weiter=%2Fkonto");
    let factors: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM totp_factors").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(factors, 1, "the factor survives the reset");
    assert_eq!(send_code(&app, &app.client, &app.next_code(&secret)).await.status(), 303);
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn the_verlauf_lists_the_accounts_own_events_newest_first_in_german() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    assert_eq!(app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    // Lea's events are hers alone.
    let lea = app.new_client();
    app.register_confirmed("lea@example.de", PASSWORD).await;
    assert_eq!(app.login_with(&lea, "lea@example.de", "Falsch-Passwort-99!").await.status(), 422);

    let r = app.get("/konto/verlauf").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("<h1 class=\"kern-heading-large\">Verlauf</h1>"));
    assert_eq!(
        history(&page),
        [
            "Anmeldung mit Passwort und Code (TOTP)",
            "Abmeldung",
            "Wiederherstellungscodes erzeugt",
            "Anmeldung mit Passwort und neu eingerichtetem zweiten Faktor",
            "Zweiter Faktor (TOTP) eingerichtet",
            "E-Mail-Adresse bestätigt",
            "Registrierung",
        ]
    );
    assert!(!page.contains("Fehlgeschlagene Anmeldung"), "not Lea's failed login");
    assert!(page.contains("127.0.0.1"));
}

#[tokio::test]
async fn a_login_abandoned_after_the_password_is_recorded_when_its_session_expires() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    // Someone with the password, but without the second factor.
    let stranger = app.new_client();
    let r = app.login_with(&stranger, "kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor");
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    assert!(!verlauf_of(&app, &secret).await.contains("abgebrochen"), "not while the step may still be completed");

    app.clock.advance(31 * 60);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    let page = verlauf_of(&app, &secret).await;
    assert!(page.contains("Anmeldung nach dem Passwort abgebrochen"), "{page}");
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = 'login_abandoned'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1);
    assert!(jobcenter::audit::verify_chain(&app.state.db.pool).await.is_ok());
}

async fn verlauf_of(app: &TestApp, secret: &[u8]) -> String {
    let owner = app.new_client();
    app.sign_in_with(&owner, "kim@example.de", PASSWORD, secret).await;
    owner.get(app.url("/konto/verlauf")).send().await.unwrap().text().await.unwrap()
}
