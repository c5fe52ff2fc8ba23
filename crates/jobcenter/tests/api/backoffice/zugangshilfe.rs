//! Access help (MFA-70), the communication channel and the print queue
//! (OKO-3).

use super::{client_account, count, create_client, get, link_profile, office, post, staff};
use crate::support::{PASSWORD, TestApp, location};

/// One Service employee, one client record linked to Kim's account (TOTP
/// set up); returns the Service browser, Kim's browser, the record id and
/// Kim's account id.
async fn linked(app: &TestApp) -> (reqwest::Client, reqwest::Client, String, String) {
    let o = office(app, "Jobcenter Nürnberg").await;
    let s = staff(app, "service@jc.example", &o, "service").await;
    let id = create_client(app, &s, "Kim", "Beispiel").await;
    let (kim, _) = client_account(app, "kim@example.de").await;
    let account = app.account_id("kim@example.de").await.unwrap();
    link_profile(app, &id, &account).await;
    (s, kim, id, account)
}

#[tokio::test]
async fn access_help_resets_the_second_factors_after_an_id_check_and_tells_the_client() {
    let app = TestApp::spawn().await;
    let (s, kim, id, account) = linked(&app).await;
    let path = format!("/backoffice/kunden/{id}/zugangshilfe");
    let page = get(&app, &s, &format!("{path}?zweck=zugangshilfe")).await.text().await.unwrap();
    assert!(
        page.contains("Konto: kim@example.de")
            && page.contains("Zweite Faktoren zurücksetzen")
            && page.contains("Einmal-Zugangsdaten ausstellen")
    );

    let r = post(&app, &s, &format!("{path}?zweck=zugangshilfe"), &[("massnahme", "faktoren")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte bestätigen Sie, dass Sie die Identität anhand eines Ausweises geprüft haben."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM totp_factors WHERE account_id = $1", &account).await, 1, "nothing happened");

    let r = post(&app, &s, &format!("{path}?zweck=zugangshilfe"), &[("massnahme", "faktoren"), ("ausweis_geprueft", "on")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/backoffice/kunden/{id}?zweck=zugangshilfe&hinweis=zugangshilfe"));
    assert!(get(&app, &s, &location(&r)).await.text().await.unwrap().contains("Die Zugangshilfe wurde ausgeführt."));
    for sql in [
        "SELECT COUNT(*) FROM totp_factors WHERE account_id = $1",
        "SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1",
        "SELECT COUNT(*) FROM sessions WHERE account_id = $1",
    ] {
        assert_eq!(count(&app, sql, &account).await, 0, "{sql}");
    }
    assert_eq!(location(&get(&app, &kim, "/konto").await), "/anmelden?weiter=%2Fkonto", "Kim's sessions ended");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = 'access_help_factors_reset'", &account).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM client_events WHERE client_id = $1 AND kind = 'access_help_factors_reset' AND actor_kind = 'staff'",
            &id
        )
        .await,
        1
    );
    // ADM-5: the form page, the refused send and the action, each with the
    // purpose the member chose.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM record_access_log WHERE client_id = $1 AND what = 'zugangshilfe' AND purpose = 'zugangshilfe'",
            &id
        )
        .await,
        3
    );
    assert_eq!(app.queued_mails("kim@example.de", "Zweite Faktoren Ihres Kontos zurückgesetzt").await, 1);
    jobcenter::audit::verify_chain(&app.state.db.pool).await.expect("the audit chain holds");

    let r = app.login_with(&app.new_client(), "kim@example.de", PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "the next login must set up a factor again");
}

#[tokio::test]
async fn one_time_access_data_open_exactly_one_login_which_must_set_up_a_factor() {
    let app = TestApp::spawn().await;
    let (s, _kim, id, account) = linked(&app).await;
    let path = format!("/backoffice/kunden/{id}/zugangshilfe");
    let r = post(&app, &s, &format!("{path}?zweck=zugangshilfe"), &[("massnahme", "einmal"), ("ausweis_geprueft", "on")]).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let marker = "id=\"einmal-passwort\">";
    let start = html.find(marker).expect("the one-time password is shown") + marker.len();
    let one_time = html[start..start + 19].to_owned();
    assert_eq!(count(&app, "SELECT COUNT(*) FROM totp_factors WHERE account_id = $1", &account).await, 0);
    assert_eq!(app.queued_mails("kim@example.de", "Einmal-Zugangsdaten für Ihr Konto ausgestellt").await, 1);
    let mail_bodies: Vec<String> = sqlx::query_scalar("SELECT subject FROM outbox").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(mail_bodies.iter().all(|m| !m.contains(&one_time)));

    assert_eq!(app.login_with(&app.new_client(), "kim@example.de", PASSWORD).await.status(), 422, "the old password is gone");
    let browser = app.new_client();
    let r = app.login_with(&browser, "kim@example.de", &one_time).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "one login, straight to the factor set-up");
    assert_eq!(location(&get(&app, &browser, "/konto").await), "/sicherheitshinweis", "nothing else opens");
    let r = app.login_with(&app.new_client(), "kim@example.de", &one_time).await;
    assert_eq!(r.status(), 422, "a second login with it is refused");
    app.set_up_totp_with(&browser).await;
    assert_eq!(get(&app, &browser, "/konto").await.status(), 200, "after the new factor the account is open");
    let history = get(&app, &browser, "/konto/verlauf").await.text().await.unwrap();
    assert!(history.contains("Zugangshilfe: Einmal-Zugangsdaten vom Jobcenter ausgestellt"), "the account's Verlauf shows it");
    let r = browser
        .post(app.url("/konto/passwort"))
        .form(&[
            ("aktuelles_passwort", one_time.as_str()),
            ("passwort", "Sonnen4-Blume?Regal"),
            ("passwort_wiederholung", "Sonnen4-Blume?Regal"),
        ])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success() || r.status().is_redirection(), "{}", r.status());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM one_time_passwords WHERE account_id = $1", &account).await, 0, "an own password ends it");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = 'access_help_one_time_access'", &account).await,
        1
    );
}

#[tokio::test]
async fn one_time_access_data_expire_unused() {
    let app = TestApp::spawn().await;
    let (s, _kim, id, _account) = linked(&app).await;
    let html = post(
        &app,
        &s,
        &format!("/backoffice/kunden/{id}/zugangshilfe?zweck=zugangshilfe"),
        &[("massnahme", "einmal"), ("ausweis_geprueft", "on")],
    )
    .await
    .text()
    .await
    .unwrap();
    let marker = "id=\"einmal-passwort\">";
    let start = html.find(marker).unwrap() + marker.len();
    app.clock.advance(jobcenter::konto::einmal_zugang::VALIDITY_SECS + 1);
    assert_eq!(app.login_with(&app.new_client(), "kim@example.de", &html[start..start + 19]).await.status(), 422);
}

#[tokio::test]
async fn access_help_needs_a_linked_account() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = staff(&app, "service@jc.example", &o, "service").await;
    let id = create_client(&app, &s, "Kim", "Beispiel").await;
    let page = get(&app, &s, &format!("/backoffice/kunden/{id}/zugangshilfe?zweck=zugangshilfe")).await.text().await.unwrap();
    assert!(page.contains("Zu diesem Kundendatensatz gehört noch kein Konto."));
    let r = post(
        &app,
        &s,
        &format!("/backoffice/kunden/{id}/zugangshilfe?zweck=zugangshilfe"),
        &[("massnahme", "faktoren"), ("ausweis_geprueft", "on")],
    )
    .await;
    assert_eq!(r.status(), 409);
}

#[tokio::test]
async fn staff_see_the_channel_and_paper_clients_letters_wait_in_the_print_queue() {
    let app = TestApp::spawn().await;
    let (s, _kim, id, account) = linked(&app).await;
    let record = format!("/backoffice/kunden/{id}?zweck=schriftlich");
    assert!(get(&app, &s, &record).await.text().await.unwrap().contains("Post (keine Online-Kommunikation)"));
    let consent = |action: &'static str, at: i64| {
        sqlx::query(
            "INSERT INTO online_consents (id, client_id, account_id, action, text_version, at) VALUES ($1, $2, $3, $4, 'oko-1', $5)",
        )
        .bind(jobcenter::db::new_id())
        .bind(id.clone())
        .bind(account.clone())
        .bind(action)
        .bind(at)
        .execute(&app.state.db.writer)
    };
    let now = app.state.now();
    consent("granted", now).await.unwrap();
    assert!(get(&app, &s, &record).await.text().await.unwrap().contains("Online-Kommunikation aktiviert"), "the newest consent counts");
    post(
        &app,
        &s,
        &format!("/backoffice/kunden/{id}/zugangshilfe?zweck=zugangshilfe"),
        &[("massnahme", "faktoren"), ("ausweis_geprueft", "on")],
    )
    .await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM print_queue WHERE client_id = $1", &id).await, 0, "online clients get no paper");

    consent("revoked", now + 1).await.unwrap();
    assert!(get(&app, &s, &record).await.text().await.unwrap().contains("Post (keine Online-Kommunikation)"), "revoked: paper again");
    post(
        &app,
        &s,
        &format!("/backoffice/kunden/{id}/zugangshilfe?zweck=zugangshilfe"),
        &[("massnahme", "faktoren"), ("ausweis_geprueft", "on")],
    )
    .await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM print_queue WHERE client_id = $1", &id).await, 1);
    let queue = get(&app, &s, "/backoffice/druck").await.text().await.unwrap();
    assert!(
        queue.contains("Mitteilung über Zugangshilfe") && queue.contains("Kim Beispiel") && queue.contains("Beispielweg 7, 90402 Nürnberg")
    );
    let print_id: String = sqlx::query_scalar("SELECT id FROM print_queue").fetch_one(&app.state.db.pool).await.unwrap();

    let other = office(&app, "Jobcenter Fürth").await;
    let f = staff(&app, "fuerth@jc.example", &other, "service").await;
    assert!(!get(&app, &f, "/backoffice/druck").await.text().await.unwrap().contains("Kim Beispiel"), "only the own office's letters");
    assert_eq!(post(&app, &f, &format!("/backoffice/druck/{print_id}/gedruckt"), &[]).await.status(), 404);

    let r = post(&app, &s, &format!("/backoffice/druck/{print_id}/gedruckt"), &[]).await;
    assert_eq!(location(&r), "/backoffice/druck");
    assert!(get(&app, &s, "/backoffice/druck").await.text().await.unwrap().contains("Es liegen keine offenen Druckaufträge vor."));
    assert_eq!(post(&app, &s, &format!("/backoffice/druck/{print_id}/gedruckt"), &[]).await.status(), 404, "printed once");
}
