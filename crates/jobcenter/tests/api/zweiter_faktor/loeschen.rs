//! Deleting the account (ACC-12) removes its second factor with it: the
//! TOTP secret, a key being set up, the recovery codes and the browsers it
//! knew.

use crate::support::{PASSWORD, TestApp, location};

/// Rows of `table` that belong to `account_id`.
async fn rows(app: &TestApp, table: &str, account_id: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table} WHERE account_id = $1")))
        .bind(account_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn deleting_the_account_removes_its_totp_recovery_codes_and_known_browsers() {
    let app = TestApp::spawn().await;
    app.signed_up("kim@example.de", PASSWORD).await;
    let id = app.account_id("kim@example.de").await.unwrap();
    // A replacement key shown but not confirmed.
    assert_eq!(app.get("/konto/totp").await.status(), 200);
    for table in ["totp_factors", "totp_pending", "known_browsers"] {
        assert_eq!(rows(&app, table, &id).await, 1, "{table} before");
    }
    assert_eq!(rows(&app, "recovery_codes", &id).await, 10);

    let r = app.post("/konto/loeschen", &[("aktuelles_passwort", PASSWORD), ("bestaetigung", "on")]).await;
    assert_eq!(location(&r), "/konto/geloescht");
    assert_eq!(app.account_id("kim@example.de").await, None);
    let mut left = Vec::new();
    for table in ["totp_factors", "totp_pending", "recovery_codes", "known_browsers"] {
        left.push((table, rows(&app, table, &id).await));
    }
    assert_eq!(
        left,
        [("totp_factors", 0), ("totp_pending", 0), ("recovery_codes", 0), ("known_browsers", 0)],
        "rows of the deleted account"
    );
}
