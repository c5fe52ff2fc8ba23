//! The mandatory second factor, server side ("Konto, part 2"): the gate
//! and the "Sicherheitshinweis" (MFA-1), TOTP (MFA-10 … MFA-13), recovery
//! codes, the security mails (MFA-61), "Verlauf" (PRF-7), levels of
//! assurance (MFA-50, ACC-10), the factor's data when the account is
//! deleted (ACC-12) and the replay guard across two nodes.

mod loeschen;
mod sicherheitshinweis;
mod sicherheitsmails;
mod stufen_und_verlauf;
mod totp;
mod wiederherstellungscodes;
mod zwei_knoten;

use crate::support::{PASSWORD, TestApp, location};
use jobcenter::konto::mfa::totp::code_at;

/// The refusal of a wrong or used code.
pub const WRONG_CODE: &str = "Der Code ist nicht richtig oder wurde schon verwendet.";

/// A six-digit code that is neither the TOTP code of `secret` at `now` nor
/// one of the steps around it.
pub fn wrong_code(secret: &[u8], now: i64) -> String {
    let right: Vec<String> = [-30, 0, 30].iter().map(|o| code_at(secret, now + o)).collect();
    (0..).map(|n| format!("{n:06}")).find(|c| !right.contains(c)).unwrap()
}

/// The text of the element with `id` (up to the next tag).
pub fn text_of_id<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\">");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no element {id}")) + marker.len();
    &html[start..start + html[start..].find('<').unwrap()]
}

/// Registers `email` and gives the password with `client`: a session at
/// the gate (stage Setup).
pub async fn at_the_gate(app: &TestApp, client: &reqwest::Client, email: &str) {
    app.register_confirmed(email, PASSWORD).await;
    let r = app.login_with(client, email, PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "an account without a factor meets the gate");
}

/// Gives the password of an account with a factor with `client`: a session
/// that owes its second factor (stage SecondFactor).
pub async fn password_given(app: &TestApp, client: &reqwest::Client, email: &str) {
    let r = app.login_with(client, email, PASSWORD).await;
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "the password step asks for the second factor");
}

/// Posts a TOTP code in the second step with `client`.
pub async fn send_code(app: &TestApp, client: &reqwest::Client, code: &str) -> reqwest::Response {
    client.post(app.url("/anmelden/zweiter-faktor")).form(&[("code", code)]).send().await.unwrap()
}

/// How many audit events of `kind` the account with `email` has.
pub async fn events(app: &TestApp, email: &str, kind: &str) -> i64 {
    let id = app.account_id(email).await.expect("an account");
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = $2")
        .bind(&id)
        .bind(kind)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Logins of `email` completed with a TOTP code (the accepted code is
/// recorded by its login: event "login", method "pwd+totp").
pub async fn totp_logins(app: &TestApp, email: &str) -> i64 {
    let id = app.account_id(email).await.expect("an account");
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE account_id = $1 AND kind = 'login' AND details LIKE '%\"pwd+totp\"%'")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// Level, stage and methods of the one session of `email`.
pub async fn session_of(app: &TestApp, email: &str) -> (String, String, String) {
    let id = app.account_id(email).await.expect("an account");
    let row: (String, String, String) = sqlx::query_as("SELECT level, stage, auth_methods FROM sessions WHERE account_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    row
}
