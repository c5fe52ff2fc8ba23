//! "Profil auswählen", "Freischaltcode eingeben", "Freischaltung
//! erfolgreich", the start page and where a login lands.

use super::{client_signed_up, enter_code, page};
use crate::support::{PASSWORD, TestApp, location};
use std::sync::Arc;

const WRONG: &str = "Dieser Freischaltcode ist nicht gültig.";
const EXPIRED: &str = "Dieser Freischaltcode ist abgelaufen.";
const USED: &str = "Dieser Freischaltcode wurde bereits verwendet.";
const LIMIT: &str = "Sie haben zu oft einen Freischaltcode eingegeben. Bitte versuchen Sie es in einer Stunde erneut.";

#[tokio::test]
async fn a_new_client_enters_the_code_and_sees_the_profile_with_the_kundennummer() {
    let app = TestApp::spawn().await;
    let (client, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let account = app.account_id("kim@example.de").await.unwrap();

    // Without a profile the start page sends to "Profil auswählen" (PRF-1).
    assert_eq!(location(&app.get("/profil").await), "/profil-auswaehlen");
    let select = page(&app, &app.client, "/profil-auswaehlen").await;
    for text in [
        "Profil auswählen",
        "Weiter als Privatperson ohne Profil",
        "Freischaltcode",
        "Freischaltcode eingeben",
        "Neues Profil anlegen",
        "Abbrechen",
        "Profile verwalten",
    ] {
        assert!(select.contains(text), "{text}");
    }

    // The letter's QR code fills in the code; the page has the seed's text (PRF-3).
    let form = page(&app, &app.client, &format!("/freischaltcode?code={}", code.display())).await;
    assert!(form.contains("Online-Angebote freischalten") && form.contains("Freischaltcode eingeben"));
    assert!(form.contains(
        "Geben Sie bitte den 12-stelligen Freischaltcode ein, den Sie mit unserem Schreiben erhalten haben. Der Freischaltcode besteht aus Zahlen und Großbuchstaben, zum Beispiel: HET2-2X8A-UXAS."
    ));
    assert!(form.contains(&format!("value=\"{}\"", code.display())), "pre-filled from ?code=");

    // Lower case with spaces instead of dashes is the same code.
    let typed = code.display().to_lowercase().replace('-', " ");
    let r = app.post("/freischaltcode", &[("freischaltcode", &typed)]).await;
    assert_eq!(location(&r), "/freischaltcode/erfolgreich");
    // A double click sends it twice: the same success, nothing twice.
    let r = app.post("/freischaltcode", &[("freischaltcode", &typed)]).await;
    assert_eq!(location(&r), "/freischaltcode/erfolgreich");
    let success = page(&app, &app.client, "/freischaltcode/erfolgreich").await;
    assert!(success.contains("Freischaltung erfolgreich"));
    assert!(success.contains("Sie haben nun Zugriff auf die entsprechenden eServices."));
    assert!(success.contains("Kundennummer: 123A456789"));

    // The start page (POR-1).
    let start = page(&app, &app.client, "/profil").await;
    for text in [
        "Kim Klicker",
        "Kundennummer: 123A456789",
        "Profil bearbeiten",
        "Profil wechseln",
        "Verlauf",
        "Kontakt und Kommunikation",
        "Jetzt aktiv werden: Vollständig online kommunizieren",
        "Jetzt aktivieren",
        "Ihre Dienststelle vor Ort",
        "Ihr Kontakt",
        "Petra Ansprech",
        "pap.123a456789@jobcenter.example",
        "0511 6559 4041",
        "Standardprofil",
        "+ Profil hinzufügen",
        "Leistungspostfach",
        "Vermittlungspostfach",
        "Bescheide und Nachweise",
    ] {
        assert!(start.contains(text), "{text}");
    }
    // "Termine" and "Ihre Dienststelle vor Ort" (POR-1) lead to their pages.
    assert!(start.contains("href=\"/termine\"") && start.contains("Ihre Dienststelle vor Ort"), "{start}");

    // The rows: a used code, the Standardprofil, the history, the audit trail.
    let pool = &app.state.db.pool;
    let (used_by, used_at): (Option<String>, Option<i64>) =
        sqlx::query_as("SELECT used_by_account, used_at FROM activation_codes WHERE client_id = $1")
            .bind(&client.id)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!((used_by.as_deref(), used_at), (Some(account.as_str()), Some(app.state.now())));
    let (relation, is_default): (String, i64) =
        sqlx::query_as("SELECT relation, is_default FROM profiles WHERE account_id = $1").bind(&account).fetch_one(pool).await.unwrap();
    assert_eq!((relation.as_str(), is_default), ("self", 1));
    let events: Vec<(String, String)> =
        sqlx::query_as("SELECT kind, actor_kind FROM client_events WHERE client_id = $1").bind(&client.id).fetch_all(pool).await.unwrap();
    assert_eq!(events, vec![("activated".to_owned(), "client".to_owned())]);
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = 'profile_activated'")
        .bind(&account)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    jobcenter::audit::verify_chain(pool).await.unwrap();

    // The next login opens the Standardprofil (after the passkey offer).
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await;
    assert_eq!(location(&r), "/passkey/angebot");
    let r = app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    assert_eq!(location(&r), "/profil");
    assert!(page(&app, &app.client, "/profil").await.contains("Kundennummer: 123A456789"));
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await;
    assert_eq!(location(&r), "/profil", "no offer any more: straight to the Standardprofil");
}

#[tokio::test]
async fn a_login_without_a_profile_lands_on_profil_auswaehlen_and_staff_on_the_back_office() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("ohne@example.de", PASSWORD).await;
    app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "ohne@example.de", PASSWORD, &secret).await;
    assert_eq!(location(&r), "/profil-auswaehlen");

    // "Weiter als Privatperson ohne Profil": the public pages.
    let r = app.post("/profil-auswaehlen/ohne-profil", &[]).await;
    assert_eq!(location(&r), "/");

    // An account with an active staff row goes to the back office.
    let account = app.account_id("ohne@example.de").await.unwrap();
    let office = app.fixture_office("Jobcenter Mitte").await;
    sqlx::query("INSERT INTO staff (account_id, display_name, office_id, roles, phone, active, created_at, updated_at) VALUES ($1, 'X', $2, 'service', '', 1, 0, 0)")
        .bind(&account)
        .bind(&office)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "ohne@example.de", PASSWORD, &secret).await;
    assert_eq!(location(&r), "/backoffice");
}

#[tokio::test]
async fn a_stranger_following_the_letters_link_logs_in_and_comes_back_to_the_filled_in_form() {
    let app = TestApp::spawn().await;
    let (_, code) = app.fixture_client_with_code("555B000111", "Lea", "Lang").await;
    let secret = app.signed_up("lea@example.de", PASSWORD).await;
    app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    app.post("/abmelden", &[]).await;
    let link = format!("/freischaltcode?code={}", code.display());
    let r = app.get(&link).await;
    let to_login = location(&r);
    assert!(to_login.starts_with("/anmelden?weiter="), "{to_login}");
    let weiter: String =
        url::form_urlencoded::parse(to_login.split_once('?').unwrap().1.as_bytes()).find(|(k, _)| k == "weiter").unwrap().1.into();
    assert_eq!(weiter, link);
    let r = app.post("/anmelden", &[("kennung", "lea@example.de"), ("passwort", PASSWORD), ("weiter", &weiter)]).await;
    let second = location(&r);
    assert!(second.starts_with("/anmelden/zweiter-faktor?weiter="), "{second}");
    let totp = app.next_code(&secret);
    let r = app.post(&second, &[("code", &totp), ("weiter", &weiter)]).await;
    assert_eq!(location(&r), link, "back to the form with the code");
    assert!(page(&app, &app.client, &link).await.contains(&format!("value=\"{}\"", code.display())));
}

#[tokio::test]
async fn wrong_expired_and_used_codes_get_their_own_messages() {
    let app = TestApp::spawn().await;
    let (client, first) = app.fixture_client_with_code("111C222333", "Max", "Muster").await;
    let (browser, _) = client_signed_up(&app, "max@example.de").await;

    for (typed, message) in [
        ("", "Bitte geben Sie den Freischaltcode ein."),
        ("ABC", "Der Freischaltcode besteht aus 12 Zahlen und Großbuchstaben"),
        ("ZZZZ-ZZZZ-ZZZZ", WRONG),
    ] {
        let r = enter_code(&app, &browser, typed).await;
        assert_eq!(r.status(), 422, "{typed:?}");
        assert!(r.text().await.unwrap().contains(message), "{typed:?}");
    }

    // Re-issuing voids the first code: it is now wrong.
    let second = app.fixture_code(&client, 600).await;
    let r = enter_code(&app, &browser, &first.display()).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains(WRONG));

    // Ten minutes later the second code has expired (ManualClock, no sleeping).
    app.clock.advance(600);
    let r = enter_code(&app, &browser, &second.display()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(EXPIRED) && !html.contains(WRONG));

    // A used code.
    let third = app.fixture_code(&client, 86_400).await;
    let (other, _) = client_signed_up(&app, "andere@example.de").await;
    assert_eq!(location(&enter_code(&app, &other, third.canonical()).await), "/freischaltcode/erfolgreich");
    let r = enter_code(&app, &browser, &third.display()).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(USED) && !html.contains(WRONG) && !html.contains(EXPIRED));
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(profiles, 1);
    let refused: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = 'activation_code_refused'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(refused, 4, "wrong, voided, expired and used attempts are audited");
}

#[tokio::test]
async fn ten_attempts_per_account_and_hour_then_even_the_right_code_waits() {
    // Sessions that outlive the hour of the limit.
    let app = TestApp::spawn_with(Box::new(|raw| raw.session_idle_minutes = 120)).await;
    let (_, code) = app.fixture_client_with_code("222D333444", "Ina", "Irrtum").await;
    let (browser, _) = client_signed_up(&app, "ina@example.de").await;
    for i in 0..10 {
        let r = enter_code(&app, &browser, &format!("WRNG-WRNG-{i:04}")).await;
        assert_eq!(r.status(), 422, "attempt {i}");
    }
    let r = enter_code(&app, &browser, &code.display()).await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains(LIMIT));
    app.clock.advance(3601);
    assert_eq!(location(&enter_code(&app, &browser, &code.display()).await), "/freischaltcode/erfolgreich");
}

#[tokio::test]
async fn attempts_are_also_limited_per_address() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.rate_limits.activation_per_address = 12)).await;
    let (a, _) = client_signed_up(&app, "a@example.de").await;
    let (b, _) = client_signed_up(&app, "b@example.de").await;
    for _ in 0..10 {
        assert_eq!(enter_code(&app, &a, "AAAA-BBBB-CCCC").await.status(), 422);
    }
    assert_eq!(enter_code(&app, &b, "AAAA-BBBB-CCCC").await.status(), 422);
    assert_eq!(enter_code(&app, &b, "AAAA-BBBB-CCCC").await.status(), 422);
    let r = enter_code(&app, &b, "AAAA-BBBB-CCCC").await;
    assert_eq!(r.status(), 429, "the 13th attempt from one address");
    assert!(r.text().await.unwrap().contains(LIMIT));
}

#[tokio::test]
async fn a_code_is_redeemed_once_even_when_two_accounts_race_for_it() {
    let app = Arc::new(TestApp::spawn().await);
    let (client, code) = app.fixture_client_with_code("333E444555", "Uwe", "Ueber").await;
    let (a, _) = client_signed_up(&app, "uwe1@example.de").await;
    let (b, _) = client_signed_up(&app, "uwe2@example.de").await;
    let (ra, rb) = tokio::join!(enter_code(&app, &a, code.canonical()), enter_code(&app, &b, code.canonical()));
    let mut outcomes = vec![location(&ra), location(&rb)];
    outcomes.sort();
    assert_eq!(outcomes, vec![String::new(), "/freischaltcode/erfolgreich".to_owned()], "exactly one wins");
    let loser = if location(&ra).is_empty() { ra } else { rb };
    assert_eq!(loser.status(), 422);
    assert!(loser.text().await.unwrap().contains(USED));
    let profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles WHERE client_id = $1")
        .bind(&client.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(profiles, 1);
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM client_events WHERE client_id = $1 AND kind = 'activated'")
        .bind(&client.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(events, 1);
}
