//! The durable outbox: mails are queued with the change that causes
//! them, retried with back-off, dead-lettered, and a crash loses nothing;
//! a resend keeps the Message-ID.

use crate::support::{PASSWORD, TestApp};
use jobcenter::app::{AppState, Overrides};
use sqlx::Row;
use std::sync::Arc;

async fn app_without_worker() -> TestApp {
    TestApp::spawn_with(Box::new(|raw| raw.run_worker = false)).await
}

async fn outbox_row(app: &TestApp) -> (i64, Option<i64>, Option<i64>, i64) {
    let r = sqlx::query("SELECT attempts, sent_at, dead_at, next_attempt_at FROM outbox ORDER BY created_at DESC, id DESC LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    (r.get("attempts"), r.get("sent_at"), r.get("dead_at"), r.get("next_attempt_at"))
}

#[tokio::test]
async fn a_mail_is_queued_with_the_registration_and_sent_over_smtp() {
    let app = app_without_worker().await;
    app.register("kim@example.de", PASSWORD).await;
    let (attempts, sent, _, _) = outbox_row(&app).await;
    assert_eq!((attempts, sent), (0, None), "queued, not yet sent");
    assert!(app.smtp.all().await.is_empty());
    app.drain_outbox().await;
    let mail = app.smtp.wait_for("kim@example.de", "Bestätigung Ihrer E-Mail-Adresse").await;
    let id: String = sqlx::query_scalar("SELECT id FROM outbox").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(mail.message_id, format!("{id}@localhost"), "the Message-ID comes from the outbox id");
    assert!(outbox_row(&app).await.1.is_some(), "marked sent");
}

#[tokio::test]
async fn a_refused_mail_is_retried_after_its_back_off_and_then_delivered() {
    let app = app_without_worker().await;
    app.smtp.refuse_next(1);
    app.register("kim@example.de", PASSWORD).await;
    app.drain_outbox().await;
    let (attempts, sent, dead, next) = outbox_row(&app).await;
    assert_eq!((attempts, sent, dead), (1, None, None));
    assert_eq!(next, app.state.now() + 30, "first back-off is 30 s");
    app.drain_outbox().await;
    assert!(app.smtp.all().await.is_empty(), "not retried before the back-off ends");
    app.clock.advance(31);
    app.drain_outbox().await;
    app.smtp.wait_for("kim@example.de", "Bestätigung").await;
    let (attempts, sent, _, _) = outbox_row(&app).await;
    assert_eq!(attempts, 2);
    assert!(sent.is_some());
    assert_eq!(app.smtp.all().await.len(), 1);
}

#[tokio::test]
async fn a_mail_that_keeps_failing_is_dead_lettered_after_twelve_attempts() {
    let app = app_without_worker().await;
    app.smtp.refuse_next(100);
    app.register("kim@example.de", PASSWORD).await;
    for _ in 0..12 {
        app.drain_outbox().await;
        app.clock.advance(3601);
    }
    let (attempts, sent, dead, _) = outbox_row(&app).await;
    assert_eq!(attempts, 12);
    assert!(sent.is_none());
    assert!(dead.is_some(), "dead-lettered");
    app.clock.advance(3601);
    app.drain_outbox().await;
    assert_eq!(outbox_row(&app).await.0, 12, "a dead mail is not tried again");
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(metrics.contains("jobcenter_outbox_dead 1"), "{metrics}");
}

#[tokio::test]
async fn a_crash_between_commit_and_send_loses_nothing() {
    let app = app_without_worker().await;
    app.register("kim@example.de", PASSWORD).await;
    // The node dies after the commit, before its worker ran. Another node
    // (a fresh process on the same database) picks the mail up.
    let restarted = AppState::build((*app.state.config).clone(), Overrides { clock: Some(Arc::new(app.clock.clone())) }).await.unwrap();
    assert_eq!(restarted.worker().unwrap().drain().await.unwrap(), 1);
    app.smtp.wait_for("kim@example.de", "Bestätigung Ihrer E-Mail-Adresse").await;
}

#[tokio::test]
async fn a_crash_after_sending_resends_the_same_message_id_once_the_lease_ends() {
    let app = app_without_worker().await;
    app.register("kim@example.de", PASSWORD).await;
    let worker = app.state.worker().unwrap();
    // Claim and send, then "crash" before the row is marked sent.
    let claimed = worker.claim().await.unwrap().expect("a due mail");
    worker.transport.send(&claimed).await.unwrap();
    assert!(worker.claim().await.unwrap().is_none(), "the lease keeps other workers off");
    app.clock.advance(121);
    assert_eq!(worker.drain().await.unwrap(), 1, "retried after the lease");
    let mails = app.smtp.to("kim@example.de").await;
    assert_eq!(mails.len(), 2, "at-least-once: delivered again");
    assert_eq!(mails[0].message_id, mails[1].message_id, "the resend keeps the Message-ID, so clients show it once");
    assert_eq!(mails[0].text, mails[1].text);
}
