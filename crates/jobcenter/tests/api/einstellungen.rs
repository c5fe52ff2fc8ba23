//! "Kontoeinstellungen" (ACC-11, ACC-12, MFA-61): user name, language,
//! password change, change of e-mail address and deleting the account.

use crate::support::{NEW_PASSWORD, PASSWORD, TestApp, location};

const WRONG_CURRENT: &str = "Das aktuelle Passwort ist nicht richtig.";

/// An app with `kim@example.de` fully signed in (password and TOTP) on
/// `app.client`, and Kim's TOTP secret.
async fn signed_in() -> (TestApp, Vec<u8>) {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    (app, secret)
}

async fn username_of(app: &TestApp, email: &str) -> Option<String> {
    sqlx::query_scalar("SELECT username FROM accounts WHERE email_lower = $1").bind(email).fetch_one(&app.state.db.pool).await.unwrap()
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

async fn session_count(app: &TestApp, account_id: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1").bind(account_id).fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn a_user_name_can_be_set_changed_and_removed() {
    let (app, _) = signed_in().await;
    let r = app.post("/konto/benutzername", &[("benutzername", " Kim_K ")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=benutzername-gespeichert");
    assert_eq!(username_of(&app, "kim@example.de").await.as_deref(), Some("Kim_K"));
    let page = app.get(&location(&r)).await.text().await.unwrap();
    assert!(page.contains("Ihr Benutzername wurde gespeichert."));
    assert!(page.contains("value=\"Kim_K\""));

    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim.neu")]).await.status(), 303);
    assert_eq!(username_of(&app, "kim@example.de").await.as_deref(), Some("kim.neu"));
    assert_eq!(login_status(&app, "Kim_K", PASSWORD).await, 422, "the old name no longer logs in");
    assert_eq!(login_status(&app, "kim.neu", PASSWORD).await, 303);

    let r = app.post("/konto/benutzername", &[("benutzername", "")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=benutzername-entfernt");
    assert_eq!(username_of(&app, "kim@example.de").await, None);
    assert!(app.get(&location(&r)).await.text().await.unwrap().contains("Ihr Benutzername wurde entfernt."));
    assert_eq!(login_status(&app, "kim.neu", PASSWORD).await, 422);
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303);
}

#[tokio::test]
async fn a_user_name_taken_by_another_account_is_refused() {
    let (app, _) = signed_in().await;
    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim_k")]).await.status(), 303);

    let lea = app.new_client();
    app.register_confirmed("lea@example.de", PASSWORD).await;
    assert_eq!(location(&app.login_with(&lea, "lea@example.de", PASSWORD).await), "/sicherheitshinweis");
    app.set_up_totp_with(&lea).await;
    let r = lea.post(app.url("/konto/benutzername")).form(&[("benutzername", "KIM_K")]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Dieser Benutzername ist bereits vergeben. Bitte wählen Sie einen anderen."));
    assert_eq!(username_of(&app, "lea@example.de").await, None);
    assert_eq!(username_of(&app, "kim@example.de").await.as_deref(), Some("kim_k"));
}

#[tokio::test]
async fn an_invalid_user_name_is_refused_with_the_rule_it_breaks() {
    let (app, _) = signed_in().await;
    for (name, message) in [
        ("ab", "Der Benutzername muss 3 bis 30 Zeichen lang sein."),
        ("kim@example", "Der Benutzername darf nur Buchstaben (A - Z, a - z), Ziffern, Punkt, Bindestrich und Unterstrich enthalten."),
        ("1kim", "Der Benutzername muss mit einem Buchstaben beginnen."),
    ] {
        let r = app.post("/konto/benutzername", &[("benutzername", name)]).await;
        assert_eq!(r.status(), 422, "{name}");
        assert!(r.text().await.unwrap().contains(message), "{name}");
    }
    assert_eq!(username_of(&app, "kim@example.de").await, None);
}

#[tokio::test]
async fn the_language_is_stored_for_pages_and_mails() {
    let (app, _) = signed_in().await;
    let r = app.post("/konto/sprache", &[("sprache", "uk")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=sprache-gespeichert&lang=uk");
    let lang: String = sqlx::query_scalar("SELECT lang FROM accounts WHERE email_lower = $1")
        .bind("kim@example.de")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(lang, "uk");

    let r = app.post("/konto/sprache", &[("sprache", "xx")]).await;
    assert_eq!(location(&r), "/konto", "an unknown language changes nothing");
    let lang: String = sqlx::query_scalar("SELECT lang FROM accounts WHERE email_lower = $1")
        .bind("kim@example.de")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(lang, "uk");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_password() {
    let (app, _) = signed_in().await;
    let r = app
        .post(
            "/konto/passwort",
            &[("aktuelles_passwort", "Falsch-Passwort-99!"), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(WRONG_CURRENT));

    let r = app
        .post("/konto/passwort", &[("aktuelles_passwort", ""), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte geben Sie Ihr Passwort ein."));

    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303, "password unchanged");
    assert_eq!(login_status(&app, "kim@example.de", NEW_PASSWORD).await, 422);
    assert_eq!(app.queued_mails("kim@example.de", "Ihr Passwort wurde geändert").await, 0);
}

#[tokio::test]
async fn a_new_password_must_meet_acc_3_when_changing_it() {
    let (app, _) = signed_in().await;
    let r = app
        .post(
            "/konto/passwort",
            &[("aktuelles_passwort", PASSWORD), ("passwort", "ohneziffer-und-gross!"), ("passwort_wiederholung", "ohneziffer-und-gross!")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Das Passwort erfüllt noch nicht alle Kriterien."));
    assert!(page.contains("data-regel=\"gross\" class=\"pw-rule--open\""));
    assert!(page.contains("data-regel=\"ziffer\" class=\"pw-rule--open\""));
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303);
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_keeps_this_one_and_sends_a_mail() {
    let (app, secret) = signed_in().await;
    let other = app.new_client();
    assert_eq!(app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    assert_eq!(other.get(app.url("/konto")).send().await.unwrap().status(), 200);
    let half = app.new_client();
    assert_eq!(location(&app.login_with(&half, "kim@example.de", PASSWORD).await), "/anmelden/zweiter-faktor");
    let id = app.account_id("kim@example.de").await.unwrap();
    assert_eq!(session_count(&app, &id).await, 3);

    let r = app
        .post("/konto/passwort", &[("aktuelles_passwort", PASSWORD), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=passwort-geaendert");

    let here = app.get("/konto?hinweis=passwort-geaendert").await;
    assert_eq!(here.status(), 200, "this session stays");
    assert!(here.text().await.unwrap().contains("Ihr Passwort wurde geändert. Auf allen anderen Geräten wurden Sie abgemeldet."));
    let there = other.get(app.url("/konto")).send().await.unwrap();
    assert_eq!(there.status(), 303, "the other session ended");
    assert_eq!(location(&there), "/anmelden?weiter=%2Fkonto");
    let code = app.next_code(&secret);
    let r = half.post(app.url("/anmelden/zweiter-faktor")).form(&[("code", code.as_str())]).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto", "a login that only had the old password cannot complete");
    assert_eq!(session_count(&app, &id).await, 1);

    let mail = app.smtp.wait_for("kim@example.de", "Ihr Passwort wurde geändert").await;
    assert!(mail.text.contains("wurde soeben geändert"));
    assert_eq!(login_status(&app, "kim@example.de", NEW_PASSWORD).await, 303);
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 422);
}

#[tokio::test]
async fn changing_the_email_address_confirms_the_new_one_and_tells_the_old_one() {
    let (app, _) = signed_in().await;
    let r = app.post("/konto/email", &[("neue_email", "kim.neu@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=email-angefordert");

    let confirm = app.smtp.wait_for("kim.neu@example.de", "Bestätigung Ihrer neuen E-Mail-Adresse").await;
    let link = confirm.link_containing("/email-aendern").expect("confirmation link");
    let notice = app.smtp.wait_for("kim@example.de", "Änderung Ihrer E-Mail-Adresse angefordert").await;
    assert!(notice.text.contains("kim.neu@example.de"));
    assert!(app.account_id("kim@example.de").await.is_some(), "nothing changes before the link is opened");
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 303);

    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto?hinweis=email-geaendert");
    let page = app.get("/konto?hinweis=email-geaendert").await.text().await.unwrap();
    assert!(page.contains("Ihre E-Mail-Adresse wurde geändert."));
    assert!(page.contains("kim.neu@example.de"));

    assert_eq!(app.account_id("kim@example.de").await, None);
    assert!(app.account_id("kim.neu@example.de").await.is_some());
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 422, "the old address no longer logs in");
    assert_eq!(login_status(&app, "kim.neu@example.de", PASSWORD).await, 303);
    let changed = app.smtp.wait_for("kim@example.de", "Ihre E-Mail-Adresse wurde geändert").await;
    assert!(changed.text.contains("kim.neu@example.de"), "the old address is told the new one");

    let again = app.new_client().get(&link).send().await.unwrap();
    assert_eq!(again.status(), 410, "the link works once");
}

#[tokio::test]
async fn the_change_link_works_without_a_session() {
    let (app, _) = signed_in().await;
    app.post("/konto/email", &[("neue_email", "kim.neu@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    let link =
        app.smtp.wait_for("kim.neu@example.de", "Bestätigung Ihrer neuen E-Mail-Adresse").await.link_containing("/email-aendern").unwrap();
    let r = app.new_client().get(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Ihre E-Mail-Adresse wurde geändert."));
    assert!(page.contains("Melden Sie sich ab jetzt mit der neuen E-Mail-Adresse an."));
    assert!(app.account_id("kim.neu@example.de").await.is_some());
}

#[tokio::test]
async fn changing_to_an_address_of_another_account_answers_the_same_and_mails_that_owner() {
    let (app, _) = signed_in().await;
    app.register_confirmed("lea@example.de", PASSWORD).await;

    let taken = app.post("/konto/email", &[("neue_email", "Lea@Example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    let free = app.post("/konto/email", &[("neue_email", "frei@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(taken.status(), 303);
    assert_eq!(taken.status(), free.status());
    assert_eq!(location(&taken), location(&free));

    let mail = app.smtp.wait_for("lea@example.de", "Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben").await;
    assert!(mail.text.contains("wurde nichts geändert"));
    assert_eq!(app.queued_mails("lea@example.de", "Bestätigung Ihrer neuen E-Mail-Adresse").await, 0, "no link to take over the address");
    let kim = app.account_id("kim@example.de").await.expect("kim keeps the address");
    let links: Vec<Option<String>> =
        sqlx::query_scalar("SELECT new_email FROM email_tokens WHERE account_id = $1 AND purpose = 'change_email'")
            .bind(&kim)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(links, [Some("frei@example.de".to_owned())], "a change link only for the free address");
    assert_eq!(login_status(&app, "lea@example.de", PASSWORD).await, 303, "the other account is untouched");
}

#[tokio::test]
async fn changing_the_email_address_needs_the_current_password() {
    let (app, _) = signed_in().await;
    let r = app.post("/konto/email", &[("neue_email", "kim.neu@example.de"), ("aktuelles_passwort", "Falsch-Passwort-99!")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(WRONG_CURRENT));
    let r = app.post("/konto/email", &[("neue_email", "kim@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Das ist bereits Ihre E-Mail-Adresse."));
    assert_eq!(app.queued_mails("kim.neu@example.de", "").await, 0);
    let tokens: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM email_tokens WHERE purpose = 'change_email'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(tokens, 0);
}

#[tokio::test]
async fn deleting_the_account_removes_it_its_sessions_and_sends_a_mail() {
    let (app, secret) = signed_in().await;
    let other = app.new_client();
    assert_eq!(app.sign_in_with(&other, "kim@example.de", PASSWORD, &secret).await.status(), 303);
    let id = app.account_id("kim@example.de").await.unwrap();

    let r = app.post("/konto/loeschen", &[("aktuelles_passwort", PASSWORD), ("bestaetigung", "on")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto/geloescht");
    let cleared = r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).any(|c| c.starts_with("jc_sitzung=;"));
    assert!(cleared, "the session cookie is cleared");
    let page = app.get("/konto/geloescht").await.text().await.unwrap();
    assert!(page.contains("Ihr Konto wurde gelöscht."));

    assert_eq!(app.account_id("kim@example.de").await, None, "the account row is gone");
    assert_eq!(session_count(&app, &id).await, 0, "every session is gone");
    let tokens: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM email_tokens WHERE account_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 0);
    assert_eq!(other.get(app.url("/konto")).send().await.unwrap().status(), 303, "the other browser is logged out");
    let mail = app.smtp.wait_for("kim@example.de", "Ihr Konto wurde gelöscht").await;
    assert_eq!(mail.subject, "Ihr Konto wurde gelöscht");
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 422);

    let deleted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = 'account_deleted'")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(deleted, 1, "the audit trail keeps the event");
    jobcenter::audit::verify_chain(&app.state.db.pool).await.expect("chain intact after deletion");
}

#[tokio::test]
async fn deleting_the_account_needs_the_tick_and_the_password() {
    let (app, _) = signed_in().await;
    let r = app.post("/konto/loeschen", &[("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte bestätigen Sie, dass Sie Ihr Konto löschen möchten."));
    let r = app.post("/konto/loeschen", &[("aktuelles_passwort", "Falsch-Passwort-99!"), ("bestaetigung", "on")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(WRONG_CURRENT));
    assert!(app.account_id("kim@example.de").await.is_some(), "the account stays");
    assert_eq!(app.get("/konto").await.status(), 200, "and so does the session");
    assert_eq!(app.queued_mails("kim@example.de", "Ihr Konto wurde gelöscht").await, 0);
}

#[tokio::test]
async fn wrong_current_passwords_count_against_the_login_limit() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_account = 3)).await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let form =
        |current: &'static str| [("aktuelles_passwort", current), ("passwort", NEW_PASSWORD), ("passwort_wiederholung", NEW_PASSWORD)];
    for _ in 0..3 {
        let r = app.post("/konto/passwort", &form("Falsch-Passwort-99!")).await;
        assert!(r.text().await.unwrap().contains(WRONG_CURRENT));
    }
    let r = app.post("/konto/passwort", &form(PASSWORD)).await;
    assert!(r.status().is_client_error(), "refused, not {}", r.status());
    assert!(r.text().await.unwrap().contains("Zu viele Anmeldeversuche."));
    assert_eq!(login_status(&app, "kim@example.de", PASSWORD).await, 429, "the login is locked too");
    assert_eq!(login_status(&app, "kim@example.de", NEW_PASSWORD).await, 429);
    assert_eq!(app.queued_mails("kim@example.de", "Ihr Passwort wurde geändert").await, 0, "nothing changed");
}

#[tokio::test]
async fn changing_the_email_address_too_often_answers_429() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.mail_per_recipient = 1)).await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let first = app.post("/konto/email", &[("neue_email", "eins@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(first.status(), 303);
    let second = app.post("/konto/email", &[("neue_email", "zwei@example.de"), ("aktuelles_passwort", PASSWORD)]).await;
    assert_eq!(second.status(), 429);
    assert!(second.text().await.unwrap().contains("Zu viele Anfragen. Bitte versuchen Sie es in einer Stunde erneut."));
    assert_eq!(app.queued_mails("zwei@example.de", "").await, 0);
}
