//! E-mail confirmation (ACC-6, ACC-7) and login (ACC-1, ACC-8, ACC-9):
//! single-use and expiring links, a new link on request, no enumeration,
//! rate limits, the session cookie and where a login leads. The password
//! step answers with the second factor (MFA-1): `/anmelden/zweiter-faktor`
//! for an account with one, `/sicherheitshinweis` for an account without.

use crate::support::{PASSWORD, TestApp, location};

const CONFIRM_SUBJECT: &str = "Bestätigung Ihrer E-Mail-Adresse";
const CONFIRMED: &str = "Sie haben Ihre E-Mail-Adresse erfolgreich bestätigt.";
const WRONG_LOGIN: &str = "Benutzername / E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingaben.";
const RATE_LIMITED: &str = "Zu viele Anmeldeversuche.";

/// Registers `email` and returns the confirmation link from the mail.
async fn register_and_get_link(app: &TestApp, email: &str) -> String {
    assert_eq!(app.register(email, PASSWORD).await.status(), 303);
    app.smtp.wait_for(email, CONFIRM_SUBJECT).await.link_containing("/email-bestaetigen").expect("confirmation link")
}

async fn confirmed_at(app: &TestApp, email: &str) -> Option<i64> {
    sqlx::query_scalar("SELECT email_confirmed_at FROM accounts WHERE email_lower = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn audit_count(app: &TestApp, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = $1").bind(kind).fetch_one(&app.state.db.pool).await.unwrap()
}

/// The session cookie value set by a response, if any.
fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("jc_sitzung="))
        .map(|c| c.split(';').next().unwrap_or("").to_owned())
        .filter(|v| !v.is_empty())
}

/// The attributes of the session cookie set by a response.
fn session_cookie_attributes(r: &reqwest::Response) -> Vec<String> {
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("jc_sitzung="))
        .expect("a session cookie")
        .to_owned();
    cookie.split(';').skip(1).map(|a| a.trim().to_owned()).collect()
}

/// Password, then a TOTP code, each with the `weiter` a browser would
/// carry; returns the password step's and the second step's answers.
async fn sign_in_with_weiter(
    app: &TestApp,
    client: &reqwest::Client,
    secret: &[u8],
    weiter: &str,
) -> (reqwest::Response, reqwest::Response) {
    let password = client
        .post(app.url("/anmelden"))
        .form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD), ("weiter", weiter)])
        .send()
        .await
        .unwrap();
    let code = app.next_code(secret);
    let second =
        client.post(app.url("/anmelden/zweiter-faktor")).form(&[("code", code.as_str()), ("weiter", weiter)]).send().await.unwrap();
    (password, second)
}

/// `GET /konto` with only this session cookie (a browser that kept it).
async fn konto_with_cookie(app: &TestApp, value: &str) -> reqwest::Response {
    let bare = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    bare.get(app.url("/konto")).header("cookie", format!("jc_sitzung={value}")).send().await.unwrap()
}

#[tokio::test]
async fn the_confirmation_link_confirms_the_address_once() {
    let app = TestApp::spawn().await;
    let link = register_and_get_link(&app, "ria@example.de").await;
    assert_eq!(confirmed_at(&app, "ria@example.de").await, None);

    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains(CONFIRMED));
    assert!(page.contains("href=\"/anmelden\"") && page.contains("Zur Anmeldung"));
    let at = app.state.now();
    assert_eq!(confirmed_at(&app, "ria@example.de").await, Some(at));
    let used: Option<i64> = sqlx::query_scalar("SELECT used_at FROM email_tokens").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(used, Some(at), "the token is used up");

    // Opened again (a second click, a mail scanner): still a kind answer,
    // nothing happens twice.
    app.clock.advance(60);
    let again = app.new_client().get(&link).send().await.unwrap();
    assert_eq!(again.status(), 200);
    assert!(again.text().await.unwrap().contains(CONFIRMED));
    assert_eq!(confirmed_at(&app, "ria@example.de").await, Some(at), "confirmation time unchanged");
    assert_eq!(audit_count(&app, "email_confirmed").await, 1);
}

#[tokio::test]
async fn an_expired_confirmation_link_gets_410_and_the_offer_of_a_new_link() {
    let app = TestApp::spawn().await;
    let link = register_and_get_link(&app, "ria@example.de").await;
    app.clock.advance(24 * 3600 + 1);
    let r = app.client.get(&link).send().await.unwrap();
    assert_eq!(r.status(), 410);
    let page = r.text().await.unwrap();
    assert!(page.contains("Dieser Link ist abgelaufen oder wurde bereits verwendet."));
    assert!(page.contains("Fordern Sie bitte einen neuen Link an."));
    assert!(page.contains("action=\"/email-bestaetigen/neu\""), "the form for a new link is on the page");
    assert_eq!(confirmed_at(&app, "ria@example.de").await, None);
    assert_eq!(audit_count(&app, "email_confirmed").await, 0);
}

#[tokio::test]
async fn an_unknown_confirmation_link_gets_410() {
    let app = TestApp::spawn().await;
    let r = app.get("/email-bestaetigen?id=erfunden&lang=de").await;
    assert_eq!(r.status(), 410);
    assert!(r.text().await.unwrap().contains("Dieser Link ist abgelaufen oder wurde bereits verwendet."));
    assert_eq!(app.get("/email-bestaetigen").await.status(), 410, "no id at all");
}

#[tokio::test]
async fn asking_for_a_new_link_answers_the_same_for_every_address_and_mails_only_unconfirmed_ones() {
    let app = TestApp::spawn().await;
    let old_link = register_and_get_link(&app, "offen@example.de").await;
    app.register_confirmed("fertig@example.de", PASSWORD).await;

    let mut pages = Vec::new();
    for email in ["offen@example.de", "fertig@example.de", "nie@example.de"] {
        let r = app.post("/email-bestaetigen/neu", &[("email", email)]).await;
        assert_eq!(r.status(), 200, "{email}");
        let page = r.text().await.unwrap();
        assert!(page.contains("Wir haben Ihre Anfrage erhalten."));
        assert!(page.contains(&format!("Wenn für {email} eine unbestätigte Registrierung besteht")));
        pages.push(page.replace(email, "ADRESSE"));
    }
    assert_eq!(pages[0], pages[1], "unconfirmed and confirmed look the same");
    assert_eq!(pages[0], pages[2], "known and unknown look the same");

    assert_eq!(app.queued_mails("offen@example.de", CONFIRM_SUBJECT).await, 2, "a new link for the open registration");
    assert_eq!(app.queued_mails("fertig@example.de", CONFIRM_SUBJECT).await, 1, "nothing new for a confirmed address");
    assert_eq!(app.queued_mails("nie@example.de", "").await, 0, "nothing for an unknown address");

    let mails = app.wait_for_mails("offen@example.de", CONFIRM_SUBJECT, 2).await;
    let new_link = mails.iter().filter_map(|m| m.link_containing("/email-bestaetigen")).find(|l| *l != old_link).expect("a new link");
    assert_eq!(app.client.get(&new_link).send().await.unwrap().status(), 200);
    assert!(confirmed_at(&app, "offen@example.de").await.is_some());
}

#[tokio::test]
async fn login_needs_a_confirmed_address() {
    let app = TestApp::spawn().await;
    let link = register_and_get_link(&app, "ria@example.de").await;

    let r = app.login("ria@example.de", PASSWORD).await;
    assert_eq!(r.status(), 403);
    assert_eq!(session_cookie(&r), None, "no session");
    let page = r.text().await.unwrap();
    assert!(page.contains("Ihre E-Mail-Adresse ist noch nicht bestätigt."));
    assert!(page.contains("href=\"/email-bestaetigen/neu\""));
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 0);

    let wrong = app.login("ria@example.de", "Falsch-Passwort-99!").await;
    assert_eq!(wrong.status(), 422, "a wrong password says nothing about the confirmation");
    assert!(!wrong.text().await.unwrap().contains("noch nicht bestätigt"));

    app.client.get(&link).send().await.unwrap();
    let r = app.login("ria@example.de", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/sicherheitshinweis", "confirmed: the password step passes (to the gate, MFA-1)");
    assert!(session_cookie(&r).is_some());
}

#[tokio::test]
async fn a_user_name_works_as_login_after_it_was_set() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.login_with(&app.new_client(), "kim.k", PASSWORD).await.status(), 422, "no user name yet");
    let r = app.post("/konto/benutzername", &[("benutzername", "Kim.K")]).await;
    assert_eq!(r.status(), 303);

    for identifier in ["Kim.K", "kim.k", " KIM.K "] {
        let other = app.new_client();
        // The password step by user name, then the account's TOTP code.
        let r = app.sign_in_with(&other, identifier, PASSWORD, &secret).await;
        assert_eq!(r.status(), 303, "{identifier:?}");
        assert_eq!(location(&r), "/passkey/angebot", "{identifier:?}");
        let page = other.get(app.url("/konto")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("kim@example.de"));
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_account_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let wrong = app.login("kim@example.de", "Falsch-Passwort-99!").await;
    let unknown = app.login("tom@example.de", PASSWORD).await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(unknown.status(), wrong.status());
    assert_eq!(session_cookie(&wrong), None);
    assert_eq!(session_cookie(&unknown), None);
    let wrong = wrong.text().await.unwrap();
    let unknown = unknown.text().await.unwrap();
    assert!(wrong.contains(WRONG_LOGIN));
    assert!(unknown.contains(WRONG_LOGIN));
    // The pages differ only in the echoed identifier.
    assert_eq!(wrong.replace("kim@example.de", "KENNUNG"), unknown.replace("tom@example.de", "KENNUNG"));
}

#[tokio::test]
async fn too_many_failed_logins_lock_the_account_for_15_minutes_even_with_the_right_password() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_account = 3)).await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    for _ in 0..3 {
        assert_eq!(app.login("kim@example.de", "Falsch-Passwort-99!").await.status(), 422);
    }
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(r.status(), 429);
    assert_eq!(session_cookie(&r), None);
    assert!(r.text().await.unwrap().contains(RATE_LIMITED));
    assert_eq!(app.login("KIM@example.de", PASSWORD).await.status(), 429, "the case of the address does not matter");

    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 0, "not even a session that owes its second factor");

    // Another account from the same client address is not affected.
    app.register_confirmed("lea@example.de", PASSWORD).await;
    let r = app.login_with(&app.new_client(), "lea@example.de", PASSWORD).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/sicherheitshinweis".to_owned()));

    // The lock lasts 15 minutes from the first failure, not to the end of
    // some clock-aligned window.
    app.clock.advance(15 * 60 - 1);
    assert_eq!(app.login("kim@example.de", PASSWORD).await.status(), 429, "still locked after 14 min 59 s");
    app.clock.advance(1);
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(r.status(), 303, "a fresh window after 15 minutes");
    assert_eq!(location(&r), "/anmelden/zweiter-faktor");
    let code = app.next_code(&secret);
    let r = app.post("/anmelden/zweiter-faktor", &[("code", code.as_str())]).await;
    assert_eq!(r.status(), 303, "and the login completes");
    assert_eq!(app.get("/konto").await.status(), 200);
}

#[tokio::test]
async fn failed_logins_by_user_name_and_by_address_count_against_one_account_limit() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_account = 3)).await;
    app.signed_up("kim@example.de", PASSWORD).await;
    assert_eq!(app.post("/konto/benutzername", &[("benutzername", "kim.k")]).await.status(), 303);
    let attacker = app.new_client();
    for identifier in ["kim@example.de", "kim.k", "kim@example.de"] {
        assert_eq!(app.login_with(&attacker, identifier, "Falsch-Passwort-99!").await.status(), 422);
    }
    assert_eq!(app.login_with(&attacker, "kim.k", PASSWORD).await.status(), 429, "three failures on one account lock it");
    assert_eq!(app.login_with(&attacker, "kim@example.de", PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn too_many_logins_from_one_client_address_are_refused_with_429() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.login_per_address = 3)).await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    for who in ["a@example.de", "b@example.de", "c@example.de"] {
        assert_eq!(app.login(who, "Falsch-Passwort-99!").await.status(), 422, "{who}");
    }
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(r.status(), 429, "the address is blocked, whatever the account");
    assert!(r.text().await.unwrap().contains(RATE_LIMITED));
    app.clock.advance(15 * 60);
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/sicherheitshinweis".to_owned()));
}

#[tokio::test]
async fn the_session_cookies_of_both_login_steps_are_http_only_and_same_site_lax() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    let password_step = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(location(&password_step), "/anmelden/zweiter-faktor");
    let code = app.next_code(&secret);
    let second_step = app.post("/anmelden/zweiter-faktor", &[("code", code.as_str())]).await;
    assert_eq!(second_step.status(), 303);

    for (step, r) in [("password", &password_step), ("second factor", &second_step)] {
        let attributes = session_cookie_attributes(r);
        for wanted in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(attributes.iter().any(|a| a == wanted), "{step}: {attributes:?}");
        }
        let value = session_cookie(r).unwrap();
        assert!(value.len() >= 22, "{step}: at least 128 bits: {value}");
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id_hash = $1")
            .bind(&value)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        assert_eq!(stored, 0, "{step}: the database holds only the hash of the cookie");
    }
}

#[tokio::test]
async fn each_login_step_gives_a_new_session_id_and_the_old_ones_stop_working() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let before_login = session_cookie(&app.post("/abmelden", &[]).await);
    assert_eq!(before_login, None, "logged out");

    let password_step = session_cookie(&app.login("kim@example.de", PASSWORD).await).expect("a session for the second step");
    let r = konto_with_cookie(&app, &password_step).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor?weiter=%2Fkonto", "the password alone does not open the portal");
    let code = app.next_code(&secret);
    let first = session_cookie(&app.post("/anmelden/zweiter-faktor", &[("code", code.as_str())]).await).expect("first session");
    assert_ne!(first, password_step, "the second step cycles the id");
    assert_eq!(konto_with_cookie(&app, &first).await.status(), 200);
    let r = konto_with_cookie(&app, &password_step).await;
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto", "the id of the password step is gone");

    // Logging in again from the signed-in browser.
    let again = session_cookie(&app.login("kim@example.de", PASSWORD).await).expect("a new session for the second step");
    assert_ne!(again, first);
    let code = app.next_code(&secret);
    let second = session_cookie(&app.post("/anmelden/zweiter-faktor", &[("code", code.as_str())]).await).expect("second session");
    assert_ne!(first, second);
    assert_ne!(again, second);

    for old in [&first, &again] {
        let r = konto_with_cookie(&app, old).await;
        assert_eq!(r.status(), 303, "the old id is no longer valid");
        assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto");
    }
    assert_eq!(konto_with_cookie(&app, &second).await.status(), 200);
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 1, "the old rows are gone");
}

#[tokio::test]
async fn weiter_only_accepts_local_paths_in_both_login_steps() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    // "Diese Seite nicht mehr anzeigen": a completed login goes straight on,
    // without a target of its own to "Profil auswählen" (no profile yet).
    let r = app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    assert_eq!(location(&r), "/profil-auswaehlen");
    for (weiter, second_step, expected) in [
        ("//evil.example", "/anmelden/zweiter-faktor", "/profil-auswaehlen"),
        ("https://evil.example/konto", "/anmelden/zweiter-faktor", "/profil-auswaehlen"),
        ("/\\evil.example", "/anmelden/zweiter-faktor", "/profil-auswaehlen"),
        ("evil.example", "/anmelden/zweiter-faktor", "/profil-auswaehlen"),
        ("/konto/sitzungen", "/anmelden/zweiter-faktor?weiter=%2Fkonto%2Fsitzungen", "/konto/sitzungen"),
    ] {
        let client = app.new_client();
        let (password, second) = sign_in_with_weiter(&app, &client, &secret, weiter).await;
        assert_eq!(password.status(), 303, "{weiter}");
        assert_eq!(location(&password), second_step, "{weiter}");
        assert_eq!(second.status(), 303, "{weiter}");
        assert_eq!(location(&second), expected, "{weiter}: the second step checks the target again");
    }
}

#[tokio::test]
async fn a_stranger_sent_to_the_login_comes_back_to_the_page_he_wanted() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    app.post("/abmelden", &[]).await;
    let r = app.get("/konto/sitzungen").await;
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto%2Fsitzungen");
    let form = app.get(&location(&r)).await.text().await.unwrap();
    assert!(form.contains("name=\"weiter\" value=\"/konto/sitzungen\""), "the form carries the target");
    let r = app.post("/anmelden", &[("kennung", "kim@example.de"), ("passwort", PASSWORD), ("weiter", "/konto/sitzungen")]).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor?weiter=%2Fkonto%2Fsitzungen");
    let form = app.get(&location(&r)).await.text().await.unwrap();
    assert!(form.contains("name=\"weiter\" value=\"/konto/sitzungen\""), "the second step carries the target");
    let code = app.next_code(&secret);
    let r = app.post("/anmelden/zweiter-faktor", &[("code", code.as_str()), ("weiter", "/konto/sitzungen")]).await;
    assert_eq!(location(&r), "/passkey/angebot?weiter=%2Fkonto%2Fsitzungen", "the passkey offer (MFA-2) carries it too");
    let offer = app.get(&location(&r)).await.text().await.unwrap();
    assert!(offer.contains("name=\"weiter\" value=\"/konto/sitzungen\""));
    let r = app.post("/passkey/angebot/ueberspringen", &[("weiter", "/konto/sitzungen")]).await;
    assert_eq!(location(&r), "/konto/sitzungen");
    assert_eq!(app.get("/konto/sitzungen").await.status(), 200);
}

#[tokio::test]
async fn the_login_page_offers_the_links_of_acc_1() {
    let app = TestApp::spawn().await;
    let page = app.get("/anmelden").await.text().await.unwrap();
    for text in [
        "Benutzername / E-Mail-Adresse",
        "Passwort",
        "Anmelden",
        "← Zurück",
        "Noch kein Konto?",
        "Jetzt registrieren",
        "Benutzername / E-Mail-Adresse vergessen",
        "Passwort vergessen",
        "Informationen zur Mehr-Faktor-Authentifizierung",
        "Hilfe bei Problemen rund um die Anmeldung",
        "Hilfe und Informationen zu Passkeys",
        "Hilfe und Informationen zum Zweiten Faktor (TOTP)",
    ] {
        assert!(page.contains(text), "login page lacks {text:?}");
    }
}
