//! Operations: health, readiness, metrics, the 404 page, settings checked
//! at start, and the local mailbox that exists only without SMTP.

use crate::support::{PASSWORD, TestApp};
use std::process::Command;

/// The value of one metric line (`name{labels} value`).
fn metric(text: &str, series: &str) -> Option<u64> {
    text.lines().find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.trim().parse().ok())
}

/// Runs `jobcenter serve` with only `vars` set, in an empty directory.
fn serve_with(vars: &[(&str, &str)]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_jobcenter"))
        .arg("serve")
        .env_clear()
        .envs(vars.iter().copied())
        .current_dir(dir.path())
        .output()
        .expect("the binary runs")
}

#[tokio::test]
async fn health_and_readiness_answer_200() {
    let app = TestApp::spawn().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "ok");
    let r = app.get("/readyz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap(), "ready");
}

#[tokio::test]
async fn metrics_count_logins_by_outcome() {
    let app = TestApp::spawn().await;
    let before = app.get("/metrics").await.text().await.unwrap();
    assert!(before.contains("# TYPE jobcenter_logins_total counter"));
    assert_eq!(metric(&before, "jobcenter_logins_total{outcome=\"ok\"}"), Some(0));
    assert_eq!(metric(&before, "jobcenter_logins_total{outcome=\"failed\"}"), Some(0));

    app.register_confirmed("kim@example.de", PASSWORD).await;
    assert_eq!(app.login("kim@example.de", "Falsch-Passwort-99!").await.status(), 422);
    assert_eq!(app.login("kim@example.de", PASSWORD).await.status(), 303);

    let after = app.get("/metrics").await.text().await.unwrap();
    assert_eq!(metric(&after, "jobcenter_logins_total{outcome=\"ok\"}"), Some(1));
    assert_eq!(metric(&after, "jobcenter_logins_total{outcome=\"failed\"}"), Some(1));
    assert_eq!(metric(&after, "jobcenter_registrations_total"), Some(1));
}

#[tokio::test]
async fn an_unknown_path_gets_a_german_404_page() {
    let app = TestApp::spawn().await;
    let r = app.get("/gibt-es-nicht").await;
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = r.text().await.unwrap();
    assert!(page.contains("<html lang=\"de\">"));
    assert!(page.contains("Diese Seite gibt es nicht."));
    assert!(page.contains("Bitte prüfen Sie die Adresse oder beginnen Sie auf der Startseite."));
}

#[test]
fn the_binary_refuses_a_bad_listen_address_and_names_the_setting() {
    let out = serve_with(&[("JOBCENTER_LISTEN", "nirgendwo")]);
    assert!(!out.status.success(), "must not start");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("JOBCENTER_LISTEN"), "{stderr}");
    assert!(stderr.contains("nirgendwo"), "{stderr}");
}

#[test]
fn the_binary_refuses_an_unsupported_database_and_names_the_setting() {
    let out = serve_with(&[("JOBCENTER_DATABASE_URL", "mysql://x")]);
    assert!(!out.status.success(), "must not start");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("JOBCENTER_DATABASE_URL"), "{stderr}");
    assert!(stderr.contains("mysql://x"), "{stderr}");
}

#[tokio::test]
async fn the_local_mailbox_does_not_exist_when_smtp_is_configured() {
    let app = TestApp::spawn().await;
    app.register("kim@example.de", PASSWORD).await;
    let r = app.get("/lokal/postausgang").await;
    assert_eq!(r.status(), 404);
    let page = r.text().await.unwrap();
    assert!(page.contains("Diese Seite gibt es nicht."));
    assert!(!page.contains("kim@example.de"));
    assert!(!page.contains("href=\"/lokal/postausgang\""), "no link to it in the footer");
}

#[tokio::test]
async fn the_local_mailbox_lists_the_mails_in_local_mode() {
    // Without the background worker, so that `drain_outbox` alone delivers.
    let app = TestApp::spawn_with(Box::new(|raw| {
        raw.smtp_url = None;
        raw.run_worker = false;
    }))
    .await;
    let empty = app.get("/lokal/postausgang").await;
    assert_eq!(empty.status(), 200);
    assert!(empty.text().await.unwrap().contains("Noch keine E-Mails."));

    app.register("kim@example.de", PASSWORD).await;
    app.drain_outbox().await;
    let r = app.get("/lokal/postausgang").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Postausgang (lokal)"));
    assert!(page.contains("Bestätigung Ihrer E-Mail-Adresse"), "{page}");
    assert!(page.contains("kim@example.de"));

    // The mail itself, with the link that confirms the address.
    let start = page.find("href=\"/lokal/postausgang/").expect("a link to the mail") + "href=\"".len();
    let href = &page[start..start + page[start..].find('"').unwrap()];
    let mail = app.get(href).await.text().await.unwrap();
    let link_start = mail.find(&format!("{}/email-bestaetigen?id=", app.base)).expect("the confirmation link");
    let link = &mail[link_start..link_start + mail[link_start..].find(['"', '<']).unwrap()];
    let link = link.replace("&amp;", "&");
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 200);
    assert!(app.smtp.all().await.is_empty(), "nothing went over SMTP");
}

#[tokio::test]
async fn on_sqlite_every_write_transaction_queues_for_the_one_writer() {
    use jobcenter::db::DbKind;
    let app = TestApp::spawn().await;
    let db = &app.state.db;
    match db.kind {
        DbKind::Sqlite => {
            assert!(matches!(db.writer, jobcenter::db::Writer::Sqlite(_)), "one writer connection");
            assert_eq!(db.pool.options().get_max_connections(), 4);
            // A second transaction waits for the first instead of failing
            // on the file lock, and then sees its write.
            let first = db.begin().await.unwrap();
            let second = tokio::spawn({
                let db = db.clone();
                async move {
                    let mut tx = db.begin().await.unwrap();
                    let n: i64 =
                        sqlx::query_scalar("SELECT COUNT(*) FROM rate_limits WHERE key = 'writer-test'").fetch_one(&mut *tx).await.unwrap();
                    tx.commit().await.unwrap();
                    n
                }
            });
            let mut first = first;
            sqlx::query("INSERT INTO rate_limits (key, window_start, hits) VALUES ('writer-test', 0, 1)")
                .execute(&mut *first)
                .await
                .unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            assert!(!second.is_finished(), "the second writer waits");
            first.commit().await.unwrap();
            assert_eq!(second.await.unwrap(), 1);
        }
        DbKind::Postgres => assert!(matches!(db.writer, jobcenter::db::Writer::Pool(_)), "the writer is the pool"),
    }
}
