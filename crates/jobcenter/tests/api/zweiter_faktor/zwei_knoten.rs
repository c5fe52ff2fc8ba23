//! The replay guard across two `jobcenter serve` processes on one database
//! (MFA-11, X-5): a TOTP code used on one node is refused on the other,
//! even when both receive it at the same moment.

use crate::support::{PASSWORD, SmtpSink, fresh_database, location, registration_form};
use crate::zwei_knoten::{Node, real_now, start_node, totp_key_on};
use jobcenter::konto::mfa::totp::{STEP, code_at};

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Gives Kim's password on `node` with `client`.
async fn password_on(node: &Node, client: &reqwest::Client) {
    let r =
        client.post(format!("{}/anmelden", node.base)).form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD)]).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden/zweiter-faktor", "password right on {}", node.base);
}

async fn code_on(node: &Node, client: &reqwest::Client, code: &str) -> reqwest::Response {
    client.post(format!("{}/anmelden/zweiter-faktor", node.base)).form(&[("code", code)]).send().await.unwrap()
}

#[tokio::test]
async fn a_totp_code_used_on_one_node_is_refused_on_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(dir.path()).await;
    let smtp = SmtpSink::start().await;
    let a = start_node(&db, &dir.path().join("a"), smtp.port).await;
    let b = start_node(&db, &dir.path().join("b"), smtp.port).await;

    let owner = browser();
    let form = registration_form("kim@example.de", PASSWORD);
    assert_eq!(owner.post(format!("{}/registrierung", a.base)).form(&form).send().await.unwrap().status(), 303);
    let link = smtp.wait_for("kim@example.de", "Bestätigung Ihrer E-Mail-Adresse").await.link_containing("/email-bestaetigen").unwrap();
    assert_eq!(owner.get(&link).send().await.unwrap().status(), 200);
    let r = owner.post(format!("{}/anmelden", a.base)).form(&[("kennung", "kim@example.de"), ("passwort", PASSWORD)]).send().await.unwrap();
    assert_eq!(location(&r), "/sicherheitshinweis");
    let secret = totp_key_on(&a, &owner).await;
    let set_up_at = real_now();
    let code = code_at(&secret, set_up_at);
    assert_eq!(owner.post(format!("{}/konto/totp", a.base)).form(&[("code", code.as_str())]).send().await.unwrap().status(), 200);

    // Two logins that owe their second factor, one on each node, send the
    // same code (the next step's) at the same moment.
    let (on_a, on_b) = (browser(), browser());
    password_on(&a, &on_a).await;
    password_on(&b, &on_b).await;
    let code = code_at(&secret, (set_up_at.div_euclid(STEP) + 1) * STEP);
    let (ra, rb) = tokio::join!(code_on(&a, &on_a, &code), code_on(&b, &on_b, &code));
    let mut statuses = [ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 422], "exactly one node accepts the code");

    // Afterwards, on either node, the code is spent.
    for node in [&a, &b] {
        let late = browser();
        password_on(node, &late).await;
        let r = code_on(node, &late, &code).await;
        assert_eq!(r.status(), 422, "replayed on {}", node.base);
        assert!(r.text().await.unwrap().contains("Der Code ist nicht richtig oder wurde schon verwendet."));
    }

    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db).await.unwrap();
    let accepted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = 'login' AND details LIKE '%\"pwd+totp\"%'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(accepted, 1, "one accepted code in the audit trail");
    let refused: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE kind = 'totp_failed'").fetch_one(&pool).await.unwrap();
    assert_eq!(refused, 3);
    pool.close().await;
}
