//! Online-Kommunikation (OKO-1, OKO-2), the profile's "Verlauf" (PRF-7) and
//! "Profil bearbeiten" with the SMS notification (PRF-6) through a test
//! gateway (a tiny HTTP server).

use super::{client_signed_up, enter_code, page};
use crate::support::{TestApp, location};
use std::sync::{Arc, Mutex};

async fn activated(app: &TestApp, email: &str, kundennummer: &str) -> (reqwest::Client, crate::support::portal::ClientRecord) {
    let (record, code) = app.fixture_client_with_code(kundennummer, "Olga", "Online").await;
    let (browser, _) = client_signed_up(app, email).await;
    assert_eq!(location(&enter_code(app, &browser, code.canonical()).await), "/freischaltcode/erfolgreich");
    (browser, record)
}

async fn consents(app: &TestApp, client_id: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT action, text_version FROM online_consents WHERE client_id = $1 ORDER BY at, id")
        .bind(client_id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn online_kommunikation_is_switched_on_and_off_with_append_only_consents() {
    let app = TestApp::spawn().await;
    let (browser, record) = activated(&app, "olga@example.de", "500E000005").await;
    assert!(page(&app, &browser, "/profil").await.contains("Jetzt aktiv werden: Vollständig online kommunizieren"));

    let consent = page(&app, &browser, "/profil/online-kommunikation").await;
    for text in [
        "Ich wurde darüber informiert, dass die Nutzung der Funktion Online-Kommunikation ohne Angabe einer E-Mail-Adresse nicht möglich ist.",
        "Besonders schützenswerte Daten können nicht mit einer Anmeldung mittels Benutzernamen/Passwort eingesehen werden.",
        "Ich verzichte auf die postalische Zustellung. Für noch nicht digitalisierte Verwaltungsprozesse erhalten Sie die Dokumente weiterhin per Post.",
        "Status der Online-Kommunikation",
        "role=\"switch\"",
        "Aus",
    ] {
        assert!(consent.contains(text), "{text}");
    }

    let r = browser.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
    assert_eq!(location(&r), "/profil/online-kommunikation?hinweis=an");
    let on = page(&app, &browser, "/profil/online-kommunikation?hinweis=an").await;
    assert!(on.contains("Die Online-Kommunikation ist aktiviert.") && on.contains(" checked"));
    assert_eq!(consents(&app, &record.id).await, vec![("granted".to_owned(), "oko-2026-06".to_owned())]);
    let start = page(&app, &browser, "/profil").await;
    assert!(!start.contains("Jetzt aktiv werden"), "no banner with consent");
    assert!(start.contains("ausschließlich online bereitgestellt"));

    // The same position again writes nothing; switching off appends a row.
    browser.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
    assert_eq!(consents(&app, &record.id).await.len(), 1);
    app.clock.advance(60);
    let r = browser.post(app.url("/profil/online-kommunikation")).form(&[("status", "")]).send().await.unwrap();
    assert_eq!(location(&r), "/profil/online-kommunikation?hinweis=aus");
    let rows = consents(&app, &record.id).await;
    assert_eq!(rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["granted", "revoked"], "append-only");
    assert!(page(&app, &browser, "/profil").await.contains("Jetzt aktiv werden"));

    // The history, newest first, in words (PRF-7).
    let verlauf = page(&app, &browser, "/profil/verlauf").await;
    let off = verlauf.find("Online-Kommunikation deaktiviert").expect("revocation listed");
    let on = verlauf.find("Online-Kommunikation aktiviert").expect("consent listed");
    let activated = verlauf.find("Profil mit Freischaltcode freigeschaltet").expect("activation listed");
    assert!(off < on && on < activated, "newest first");
    let kinds: Vec<(String, String)> = sqlx::query_as("SELECT kind, actor_kind FROM client_events WHERE client_id = $1 ORDER BY at, id")
        .bind(&record.id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let kinds: Vec<&str> = kinds.iter().map(|k| k.0.as_str()).collect();
    assert_eq!(kinds, ["activated", "online_consent_granted", "online_consent_revoked"]);
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind IN ('online_consent_granted', 'online_consent_revoked')")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(audited, 2);

    // Staff events get readable words too.
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    let staff = app.fixture_staff("service@jobcenter.example", "Sam Service", "0911 1", &office).await;
    let mut tx = app.state.db.begin().await.unwrap();
    jobcenter::backoffice::store::staff_event(
        &mut tx,
        &record.id,
        jobcenter::journal::Ereignis::ZugangshilfeFaktorenZurueckgesetzt,
        &staff,
        serde_json::json!({}),
        &jobcenter::audit::Actor::default(),
        app.state.now() + 5,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let verlauf = page(&app, &browser, "/profil/verlauf").await;
    assert!(verlauf.contains("Zweite Faktoren vom Jobcenter zurückgesetzt") && verlauf.contains("Ihr Jobcenter"));
}

#[tokio::test]
async fn online_kommunikation_needs_a_confirmed_address() {
    let app = TestApp::spawn().await;
    let (browser, record) = activated(&app, "unbestaetigt@example.de", "600F000006").await;
    sqlx::query("UPDATE accounts SET email_confirmed_at = NULL WHERE email_lower = 'unbestaetigt@example.de'")
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let r = browser.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Für die Online-Kommunikation bestätigen Sie bitte zuerst Ihre E-Mail-Adresse."));
    assert!(consents(&app, &record.id).await.is_empty());
}

/// A tiny SMS gateway: records each request's bearer token and JSON body.
#[derive(Clone, Default)]
struct Gateway {
    received: Arc<Mutex<Vec<(String, serde_json::Value)>>>,
}

impl Gateway {
    async fn start(self) -> String {
        use axum::routing::post;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let app = axum::Router::new().route(
            "/sms",
            post(|axum::extract::State(g): axum::extract::State<Gateway>, headers: axum::http::HeaderMap, body: String| async move {
                let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                g.received.lock().unwrap().push((auth, serde_json::from_str(&body).unwrap()));
                "ok"
            }),
        );
        tokio::spawn(async move { axum::serve(listener, app.with_state(self)).await.unwrap() });
        format!("http://127.0.0.1:{port}/sms")
    }

    async fn wait_for(&self, n: usize) -> Vec<(String, serde_json::Value)> {
        for _ in 0..200 {
            let got = self.received.lock().unwrap().clone();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the gateway received fewer than {n} SMS");
    }
}

#[tokio::test]
async fn profil_bearbeiten_validates_the_mobile_number_and_sends_a_confirmation_sms_through_the_gateway() {
    let gateway = Gateway::default();
    let url = gateway.clone().start().await;
    let app = TestApp::spawn_with(Box::new(move |raw| {
        raw.sms_gateway_url = Some(url);
        raw.sms_gateway_token = Some("test-token".into());
    }))
    .await;
    let (browser, record) = activated(&app, "sms@example.de", "700G000007").await;
    let edit = page(&app, &browser, "/profil/bearbeiten").await;
    for text in [
        "Ihre Daten",
        "Olga Online",
        "12.04.1990",
        "700G000007",
        "Kommunikationsoptionen",
        "E-Mail-Benachrichtigung",
        "E-Mail bei neuen Mitteilungen",
        "SMS-Benachrichtigung",
        "SMS für anstehende Termine",
        "Online-Kommunikation",
        "Inhalte digital empfangen",
    ] {
        assert!(edit.contains(text), "{text}");
    }

    let post = |form: Vec<(&'static str, &'static str)>| {
        let browser = browser.clone();
        let url = app.url("/profil/bearbeiten");
        async move { browser.post(url).form(&form).send().await.unwrap() }
    };
    let r = post(vec![("sms_benachrichtigung", "on"), ("mobilnummer", "")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Für die SMS-Benachrichtigung geben Sie bitte Ihre Mobilfunknummer ein."));
    for bad in ["0511 6559404", "0170 123", "+43 660 1234567"] {
        let browser = browser.clone();
        let r =
            browser.post(app.url("/profil/bearbeiten")).form(&[("sms_benachrichtigung", "on"), ("mobilnummer", bad)]).send().await.unwrap();
        assert_eq!(r.status(), 422, "{bad}");
        assert!(r.text().await.unwrap().contains("Bitte geben Sie eine deutsche Mobilfunknummer ein"), "{bad}");
    }
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(queued, 0, "nothing queued for refused input");

    let r = post(vec![("email_benachrichtigung", "on"), ("sms_benachrichtigung", "on"), ("mobilnummer", "+49 (0)170 123-45-67")]).await;
    assert_eq!(location(&r), "/profil/bearbeiten?hinweis=gespeichert");
    let (email, sms, mobile): (i64, i64, Option<String>) =
        sqlx::query_as("SELECT email_notify, sms_notify, mobile_number FROM communication_options WHERE client_id = $1")
            .bind(&record.id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((email, sms, mobile.as_deref()), (1, 1, Some("+491701234567")));
    let sealed: String = sqlx::query_scalar("SELECT body_sealed FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(!sealed.contains("Termin"), "the text is sealed at rest");

    let got = gateway.wait_for(1).await;
    assert_eq!(got[0].0, "Bearer test-token");
    assert_eq!(got[0].1["to"], "+491701234567");
    assert!(got[0].1["text"].as_str().unwrap().contains("SMS zu anstehenden Terminen"));
    for _ in 0..100 {
        let sent: Option<i64> = sqlx::query_scalar("SELECT sent_at FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap();
        if sent.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let shown = page(&app, &browser, "/profil/bearbeiten?hinweis=gespeichert").await;
    assert!(shown.contains("Ihre Kommunikationsoptionen wurden gespeichert.") && shown.contains("0170 1234567"));

    // Saving the same options again sends nothing; a new number does.
    post(vec![("email_benachrichtigung", "on"), ("sms_benachrichtigung", "on"), ("mobilnummer", "01701234567")]).await;
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(queued, 1);
    post(vec![("sms_benachrichtigung", "on"), ("mobilnummer", "0151 12345678")]).await;
    let got = gateway.wait_for(2).await;
    assert_eq!(got[1].1["to"], "+4915112345678");
    let history = page(&app, &browser, "/profil/verlauf").await;
    assert!(history.contains("Kommunikationsoptionen geändert"));
}

#[tokio::test]
async fn a_failing_gateway_is_retried_later_and_the_sms_is_kept() {
    let app = TestApp::spawn_with(Box::new(|raw| raw.sms_gateway_url = Some("http://127.0.0.1:9/sms".into()))).await;
    let (browser, _) = activated(&app, "retry@example.de", "800H000008").await;
    browser
        .post(app.url("/profil/bearbeiten"))
        .form(&[("sms_benachrichtigung", "on"), ("mobilnummer", "0170 1234567")])
        .send()
        .await
        .unwrap();
    // The node's worker tries at once (woken by the enqueue) and fails.
    let mut row: (i64, i64, Option<i64>, Option<String>) = (0, 0, None, None);
    for _ in 0..200 {
        row = sqlx::query_as("SELECT attempts, next_attempt_at, sent_at, last_error FROM sms_outbox")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        if row.3.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let (attempts, next, sent, error) = row;
    assert_eq!((attempts, sent), (1, None));
    assert!(next > app.state.now() && error.is_some_and(|e| e.contains("not reachable")));
    assert_eq!(app.state.sms_worker().unwrap().drain().await.unwrap(), 0, "not due before the back-off");
    app.clock.advance(31);
    app.state.sms_worker().unwrap().drain().await.unwrap();
    let attempts: i64 = sqlx::query_scalar("SELECT attempts FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(attempts, 2, "due again after the back-off, kept for later");
}
