//! Portal, client side (PRF-1 … PRF-7, OKO-1 … OKO-3, POR-1): profile
//! selection, the Freischaltcode with its outcomes and limits, the profile
//! start page, switching profiles, isolation between clients,
//! Online-Kommunikation, "Verlauf" and the communication options with SMS.
//! Back-office rows come from `support::portal` (SQL on the real database).

mod freischaltung;
mod kommunikation;
mod zugriff;

use crate::support::{TestApp, location};

/// Registers, confirms and signs in `email` with a new browser, setting up
/// TOTP at the gate; returns the browser and the TOTP secret.
pub async fn client_signed_up(app: &TestApp, email: &str) -> (reqwest::Client, Vec<u8>) {
    app.register_confirmed(email, crate::support::PASSWORD).await;
    let browser = app.new_client();
    let r = app.login_with(&browser, email, crate::support::PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    let secret = app.set_up_totp_with(&browser).await;
    (browser, secret)
}

/// Enters `code` on "Freischaltcode eingeben" with `browser`.
pub async fn enter_code(app: &TestApp, browser: &reqwest::Client, code: &str) -> reqwest::Response {
    browser.post(app.url("/freischaltcode")).form(&[("freischaltcode", code)]).send().await.unwrap()
}

/// The page at `path` as text (asserting 200).
pub async fn page(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let r = browser.get(app.url(path)).send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

/// The profile id the session of `browser` acts for, read from the database
/// (the only session of `account_id`).
pub async fn session_profile(app: &TestApp, account_id: &str) -> Option<String> {
    sqlx::query_scalar("SELECT profile_id FROM sessions WHERE account_id = $1 AND stage = 'complete'")
        .bind(account_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}
