//! Isolation between clients and switching profiles (PRF-5): ids from a
//! form or a tampered session never open another account's profile.

use super::{client_signed_up, enter_code, page, session_profile};
use crate::support::{PASSWORD, TestApp, location};
use jobcenter::web::routes::{profile_get_routes, signed_in_get_routes};

async fn profile_id(app: &TestApp, client_id: &str) -> String {
    sqlx::query_scalar("SELECT id FROM profiles WHERE client_id = $1").bind(client_id).fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn client_a_never_sees_anything_of_client_b() {
    let app = TestApp::spawn().await;
    let (rec_a, code_a) = app.fixture_client_with_code("100A000001", "Anna", "Alpha").await;
    let (rec_b, code_b) = app.fixture_client_with_code("200B000002", "Bernd", "Beta").await;
    let (a, _) = client_signed_up(&app, "anna@example.de").await;
    let (b, _) = client_signed_up(&app, "bernd@example.de").await;
    assert_eq!(location(&enter_code(&app, &a, code_a.canonical()).await), "/freischaltcode/erfolgreich");
    assert_eq!(location(&enter_code(&app, &b, code_b.canonical()).await), "/freischaltcode/erfolgreich");
    // B makes some history of its own.
    b.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
    b.post(app.url("/profil/bearbeiten")).form(&[("sms_benachrichtigung", "on"), ("mobilnummer", "0171 7654321")]).send().await.unwrap();
    let profile_b = profile_id(&app, &rec_b.id).await;
    let account_a = app.account_id("anna@example.de").await.unwrap();

    // B's profile id in every form that takes one: "not found", nothing changes.
    for path in ["/profile/wechseln", "/profile/standard"] {
        let r = a.post(app.url(path)).form(&[("profil", profile_b.as_str())]).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    let b_default: i64 =
        sqlx::query_scalar("SELECT is_default FROM profiles WHERE id = $1").bind(&profile_b).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(b_default, 1, "B's Standardprofil untouched");
    let a_profiles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM profiles WHERE account_id = $1")
        .bind(&account_a)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(a_profiles, 1);

    let b_marks = [rec_b.name(), rec_b.kundennummer.clone(), "0171 7654321".to_owned(), "+491717654321".to_owned(), "Bernd".to_owned()];
    let assert_nothing_of_b = |html: &str, path: &str| {
        for mark in &b_marks {
            assert!(!html.contains(mark.as_str()), "{path} shows {mark}");
        }
    };
    for path in signed_in_get_routes() {
        let r = a.get(app.url(path)).send().await.unwrap();
        assert_nothing_of_b(&r.text().await.unwrap(), path);
    }
    assert!(page(&app, &a, "/profil").await.contains(&rec_a.kundennummer));
    let verlauf = page(&app, &a, "/profil/verlauf").await;
    assert!(!verlauf.contains("Online-Kommunikation aktiviert"), "B's consent is not in A's history");

    // A session tampered to act for B's profile is refused and reset.
    sqlx::query("UPDATE sessions SET profile_id = $1 WHERE account_id = $2")
        .bind(&profile_b)
        .bind(&account_a)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    for path in profile_get_routes() {
        let r = a.get(app.url(path)).send().await.unwrap();
        assert_eq!(location(&r), "/profil-auswaehlen", "{path}");
        sqlx::query("UPDATE sessions SET profile_id = $1 WHERE account_id = $2")
            .bind(&profile_b)
            .bind(&account_a)
            .execute(&app.state.db.writer)
            .await
            .unwrap();
    }
    for (path, form) in
        [("/profil/online-kommunikation", vec![("status", "")]), ("/profil/bearbeiten", vec![("email_benachrichtigung", "on")])]
    {
        let r = a.post(app.url(path)).form(&form).send().await.unwrap();
        assert_eq!(location(&r), "/profil-auswaehlen", "{path}");
        sqlx::query("UPDATE sessions SET profile_id = $1 WHERE account_id = $2")
            .bind(&profile_b)
            .bind(&account_a)
            .execute(&app.state.db.writer)
            .await
            .unwrap();
    }
    let b_consents: Vec<String> = sqlx::query_scalar("SELECT action FROM online_consents WHERE client_id = $1")
        .bind(&rec_b.id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(b_consents, vec!["granted".to_owned()], "A could not revoke B's consent");
    let b_email: i64 = sqlx::query_scalar("SELECT email_notify FROM communication_options WHERE client_id = $1")
        .bind(&rec_b.id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(b_email, 0, "A could not change B's options");
    let r = a.get(app.url("/profil")).send().await.unwrap();
    assert_eq!(location(&r), "/profil-auswaehlen");
    assert_eq!(session_profile(&app, &account_a).await, None, "the tampered profile was dropped from the session");
}

#[tokio::test]
async fn without_a_profile_every_profile_page_leads_to_profil_auswaehlen() {
    let app = TestApp::spawn().await;
    app.signed_up("kein.profil@example.de", PASSWORD).await;
    for path in profile_get_routes() {
        assert_eq!(location(&app.get(path).await), "/profil-auswaehlen", "{path}");
    }
    let manage = page(&app, &app.client, "/profile").await;
    assert!(manage.contains("Zu diesem Konto gehört noch kein Profil.") && manage.contains("+ Profil hinzufügen"));
}

#[tokio::test]
async fn switching_profiles_and_choosing_the_standardprofil() {
    let app = TestApp::spawn().await;
    let (first, code1) = app.fixture_client_with_code("300C000003", "Clara", "Erst").await;
    let (second, code2) = app.fixture_client_with_code("400D000004", "Clara", "Zweit").await;
    let secret = app.signed_up("clara@example.de", PASSWORD).await;
    let account = app.account_id("clara@example.de").await.unwrap();
    assert_eq!(location(&enter_code(&app, &app.client, code1.canonical()).await), "/freischaltcode/erfolgreich");
    assert_eq!(location(&enter_code(&app, &app.client, code2.canonical()).await), "/freischaltcode/erfolgreich");
    let p1 = profile_id(&app, &first.id).await;
    let p2 = profile_id(&app, &second.id).await;
    assert!(page(&app, &app.client, "/profil").await.contains("Kundennummer: 400D000004"), "the newly activated profile is open");

    let manage = page(&app, &app.client, "/profile").await;
    assert!(manage.contains("Standardprofil") && manage.contains("Clara Erst") && manage.contains("Clara Zweit"));
    let r = app.post("/profile/wechseln", &[("profil", &p1)]).await;
    assert_eq!(location(&r), "/profil");
    assert!(page(&app, &app.client, "/profil").await.contains("Kundennummer: 300C000003"));
    assert_eq!(session_profile(&app, &account).await.as_deref(), Some(p1.as_str()));

    // The first activated profile is the Standardprofil; make it the second.
    let r = app.post("/profile/standard", &[("profil", &p2)]).await;
    assert_eq!(location(&r), "/profile?hinweis=standard");
    let defaults: Vec<String> = sqlx::query_scalar("SELECT id FROM profiles WHERE account_id = $1 AND is_default = 1")
        .bind(&account)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(defaults, vec![p2.clone()], "exactly one Standardprofil");
    app.post("/passkey/angebot/ueberspringen", &[("nicht_mehr_anzeigen", "on")]).await;
    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "clara@example.de", PASSWORD, &secret).await;
    assert_eq!(location(&r), "/profil");
    assert!(page(&app, &app.client, "/profil").await.contains("Kundennummer: 400D000004"), "the login opens the Standardprofil");

    // "Profil wechseln" on the start page leads to the choice of profiles.
    let select = page(&app, &app.client, "/profil-auswaehlen").await;
    assert!(select.contains("Clara Erst") && select.contains("Clara Zweit"));
}

#[tokio::test]
async fn a_new_code_moves_the_clients_own_profile_to_the_account_that_redeems_it() {
    let app = TestApp::spawn().await;
    let (record, old_code) = app.fixture_client_with_code("900J000009", "Vera", "Verloren").await;
    let (old, _) = client_signed_up(&app, "vera.alt@example.de").await;
    assert_eq!(location(&enter_code(&app, &old, old_code.canonical()).await), "/freischaltcode/erfolgreich");
    assert!(page(&app, &old, "/profil").await.contains("900J000009"));

    // The old access is lost; after an ID check the jobcenter issues a new code.
    let new_code = app.fixture_code(&record, 86_400).await;
    let (new, _) = client_signed_up(&app, "vera.neu@example.de").await;
    assert_eq!(location(&enter_code(&app, &new, new_code.canonical()).await), "/freischaltcode/erfolgreich");
    assert!(page(&app, &new, "/profil").await.contains("900J000009"));

    // The old account no longer reaches the profile, not even with its session.
    assert_eq!(location(&old.get(app.url("/profil")).send().await.unwrap()), "/profil-auswaehlen");
    let owners: Vec<String> = sqlx::query_scalar("SELECT account_id FROM profiles WHERE client_id = $1")
        .bind(&record.id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(owners, vec![app.account_id("vera.neu@example.de").await.unwrap()]);
    let details: Vec<String> =
        sqlx::query_scalar("SELECT details FROM client_events WHERE client_id = $1 AND kind = 'activated' ORDER BY at, id")
            .bind(&record.id)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(details.len(), 2);
    assert!(details[1].contains("\"replaced_other_account\":true"), "{}", details[1]);
    let history = page(&app, &old, "/konto/verlauf").await;
    assert!(history.contains("Profil durch einen neuen Freischaltcode auf ein anderes Konto übertragen"), "the old account is told");
}
