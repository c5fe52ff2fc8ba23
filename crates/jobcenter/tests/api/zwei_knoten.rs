//! Two `jobcenter serve` processes on one database behave as one system
//! register on one, confirm, pass the gate and log in with TOTP
//! across both; the session works on both; a logout on one ends it on the
//! other; a mail is sent once. The nodes run on the real clock.

use crate::support::{PASSWORD, SmtpSink, TEST_MASTER_KEY, fresh_database, location, registration_form, totp_secret_in};
use jobcenter::konto::mfa::totp::{STEP, code_at};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A `jobcenter serve` process; killed when dropped.
pub struct Node {
    child: Child,
    pub base: String,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts a node on `db` and waits until it is ready.
pub async fn start_node(db: &str, data: &std::path::Path, smtp: u16) -> Node {
    let port = free_port();
    let base = format!("http://localhost:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_jobcenter"))
        .arg("serve")
        .env("JOBCENTER_LISTEN", format!("127.0.0.1:{port}"))
        .env("JOBCENTER_DATABASE_URL", db)
        .env("JOBCENTER_PUBLIC_URL", &base)
        .env("JOBCENTER_SMTP_URL", format!("smtp://127.0.0.1:{smtp}"))
        .env("JOBCENTER_DATA_DIR", data)
        .env("JOBCENTER_MASTER_KEY", TEST_MASTER_KEY)
        .env("JOBCENTER_ARGON2_THREADS", "1")
        .env("JOBCENTER_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start jobcenter serve");
    let node = Node { child, base };
    for _ in 0..200 {
        if reqwest::get(format!("{}/readyz", node.base)).await.is_ok_and(|r| r.status() == 200) {
            return node;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("node {} did not become ready", node.base);
}

/// The time of the nodes (the real clock).
pub fn real_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Reads the key on the TOTP set-up page of `node` and returns the secret.
pub async fn totp_key_on(node: &Node, client: &reqwest::Client) -> Vec<u8> {
    let page = client.get(format!("{}/konto/totp", node.base)).send().await.unwrap();
    assert_eq!(page.status(), 200, "TOTP set-up page on {}", node.base);
    let html = page.text().await.unwrap();
    totp_secret_in(&html)
}

#[tokio::test]
async fn two_serve_processes_on_one_database_behave_as_one_system() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(dir.path()).await;
    let smtp = SmtpSink::start().await;
    let a = start_node(&db, &dir.path().join("a"), smtp.port).await;
    let b = start_node(&db, &dir.path().join("b"), smtp.port).await;
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();

    let form = registration_form("kim@example.de", PASSWORD);
    let r = client.post(format!("{}/registrierung", a.base)).form(&form).send().await.unwrap();
    assert_eq!(r.status(), 303, "registered on node A");

    let mail = smtp.wait_for("kim@example.de", "Bestätigung Ihrer E-Mail-Adresse").await;
    let link = mail.link_containing("/email-bestaetigen").unwrap().replace(&a.base, &b.base);
    let page = client.get(&link).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Sie haben Ihre E-Mail-Adresse erfolgreich bestätigt."), "confirmed on node B");

    let login = [("kennung", "kim@example.de"), ("passwort", PASSWORD)];
    let r = client.post(format!("{}/anmelden", b.base)).form(&login).send().await.unwrap();
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/sicherheitshinweis".to_owned()), "password right on node B");
    let r = client.get(format!("{}/konto", a.base)).send().await.unwrap();
    assert_eq!(location(&r), "/sicherheitshinweis", "node A knows the gate too");

    // The key shown by node A, confirmed on node B.
    let secret = totp_key_on(&a, &client).await;
    let set_up_at = real_now();
    let code = code_at(&secret, set_up_at);
    let r = client.post(format!("{}/konto/totp", b.base)).form(&[("code", code.as_str())]).send().await.unwrap();
    assert_eq!(r.status(), 200, "TOTP set up on node B");
    assert!(r.text().await.unwrap().contains("Wiederherstellungscodes"));
    for node in [&a, &b] {
        let r = client.get(format!("{}/konto", node.base)).send().await.unwrap();
        assert_eq!(r.status(), 200, "the session works on {}", node.base);
    }
    let r = client.post(format!("{}/abmelden", a.base)).send().await.unwrap();
    assert_eq!(r.status(), 303, "logged out on node A");

    // A full login: the password on node A, the code (of the next step:
    // the set-up used this one) on node B.
    let r = client.post(format!("{}/anmelden", a.base)).form(&login).send().await.unwrap();
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/anmelden/zweiter-faktor".to_owned()), "password right on node A");
    let r = client.get(format!("{}/konto", b.base)).send().await.unwrap();
    assert_eq!(location(&r), "/anmelden/zweiter-faktor?weiter=%2Fkonto", "node B asks for the second factor too");
    let code = code_at(&secret, (set_up_at.div_euclid(STEP) + 1) * STEP);
    let r = client.post(format!("{}/anmelden/zweiter-faktor", b.base)).form(&[("code", code.as_str())]).send().await.unwrap();
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/passkey/angebot".to_owned()), "logged in on node B");
    for node in [&a, &b] {
        let r = client.get(format!("{}/konto", node.base)).send().await.unwrap();
        assert_eq!(r.status(), 200, "the session works on {}", node.base);
        assert!(r.text().await.unwrap().contains("kim@example.de"));
    }

    let r = client.post(format!("{}/abmelden", a.base)).send().await.unwrap();
    assert_eq!(r.status(), 303, "logged out on node A");
    let r = client.get(format!("{}/konto", b.base)).send().await.unwrap();
    assert_eq!(r.status(), 303, "node B no longer knows the session");
    assert_eq!(location(&r), "/anmelden?weiter=%2Fkonto");

    // Both nodes run an outbox worker: the mail still went out once.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let confirmations: Vec<_> = smtp.to("kim@example.de").await.into_iter().filter(|m| m.subject.contains("Bestätigung")).collect();
    assert_eq!(confirmations.len(), 1, "sent exactly once by two workers");
}
