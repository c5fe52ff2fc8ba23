//! Test support shared by the test binaries: a fresh database per test
//! (SQLite file or PostgreSQL database, chosen by `JOBCENTER_TEST_DATABASE`),
//! a real SMTP peer that records what it receives, and the real application
//! on port 0 with a manual clock.
#![allow(dead_code, reason = "each test binary uses a different part")]

pub mod portal;
pub mod smtp;

use jobcenter::app::{AppState, Overrides};
use jobcenter::clock::ManualClock;
use jobcenter::config::{Config, RawConfig};
use std::sync::Arc;

pub use smtp::SmtpSink;

/// Which database the suite runs on: `sqlite` (default) or `postgres`.
pub fn backend() -> String {
    std::env::var("JOBCENTER_TEST_DATABASE").unwrap_or_else(|_| "sqlite".into())
}

/// A fresh, empty database for one test; returns its URL.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match backend().as_str() {
        "sqlite" => format!("sqlite://{}", dir.join("test.db").display()),
        "postgres" => {
            let base = std::env::var("JOBCENTER_TEST_PG_URL").unwrap_or_else(|_| "postgres://root@127.0.0.1:5432".into());
            let name = format!("jc_t_{}", uuid::Uuid::new_v4().simple());
            sqlx::any::install_default_drivers();
            let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&format!("{base}/postgres"))
                .await
                .expect("PostgreSQL must be reachable for JOBCENTER_TEST_DATABASE=postgres (a skipped run would be a lie)");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await.expect("create test database");
            format!("{base}/{name}")
        }
        other => panic!("JOBCENTER_TEST_DATABASE must be sqlite or postgres, not {other}"),
    }
}

/// The master key every test node uses (nodes of one system share it).
pub const TEST_MASTER_KEY: &str = "4a6f6263656e7465722d4469676974616c2d546573742d4b65792d3030303031";

/// A running application with its database, clock and SMTP peer.
pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub clock: ManualClock,
    pub smtp: SmtpSink,
    /// A browser-like client: keeps cookies, does not follow redirects.
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
}

/// Settings a test may change before the app starts.
pub type Tweak = Box<dyn FnOnce(&mut RawConfig) + Send>;

impl TestApp {
    /// Starts the app with default test settings.
    pub async fn spawn() -> Self {
        Self::spawn_with(Box::new(|_| {})).await
    }

    /// Starts the app after `tweak` changed the settings.
    pub async fn spawn_with(tweak: Tweak) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let smtp = SmtpSink::start().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().unwrap().port();
        let mut raw = RawConfig {
            listen: format!("127.0.0.1:{port}"),
            database_url: Some(fresh_database(dir.path()).await),
            public_url: Some(format!("http://localhost:{port}")),
            smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port)),
            data_dir: dir.path().display().to_string(),
            master_key: Some(TEST_MASTER_KEY.into()),
            argon2_threads: 1,
            log_format: "pretty".into(),
            ..RawConfig::default()
        };
        tweak(&mut raw);
        let config = Config::from_raw(raw).expect("valid test configuration");
        let clock = ManualClock::new(chrono::Utc::now().timestamp());
        let state = AppState::build(config, Overrides { clock: Some(Arc::new(clock.clone())) }).await.expect("app starts");
        let serve_state = state.clone();
        tokio::spawn(async move {
            jobcenter::server::serve(serve_state, listener, std::future::pending()).await.expect("server runs");
        });
        let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Self { base: format!("http://localhost:{port}"), state, clock, smtp, client, dir }
    }

    /// A second client with its own cookies (another browser).
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `GET path` with this app's client.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// `POST path` with a form body.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(self.url(path)).form(form).send().await.expect("POST")
    }

    /// Registers `email` with `password` and both consents.
    pub async fn register(&self, email: &str, password: &str) -> reqwest::Response {
        self.post("/registrierung", &registration_form(email, password)).await
    }

    /// Registers, confirms through the mailed link, and returns nothing;
    /// the account can log in afterwards.
    pub async fn register_confirmed(&self, email: &str, password: &str) {
        let r = self.register(email, password).await;
        assert_eq!(r.status(), 303, "registration accepted");
        let mail = self.smtp.wait_for(email, "Bestätigung Ihrer E-Mail-Adresse").await;
        let link = mail.link_containing("/email-bestaetigen").expect("confirmation link");
        let page = self.client.get(&link).send().await.unwrap();
        assert_eq!(page.status(), 200, "confirmation page");
    }

    /// Logs in with `identifier` and `password`.
    pub async fn login(&self, identifier: &str, password: &str) -> reqwest::Response {
        self.post("/anmelden", &[("kennung", identifier), ("passwort", password)]).await
    }

    /// Sends every due mail now (the worker also does so in the background).
    pub async fn drain_outbox(&self) {
        self.state.worker().unwrap().drain().await.unwrap();
    }
}

/// The registration form with both consents ticked.
pub fn registration_form<'a>(email: &'a str, password: &'a str) -> [(&'static str, &'a str); 5] {
    [
        ("email", email),
        ("passwort", password),
        ("passwort_wiederholung", password),
        ("nutzungsbedingungen", "on"),
        ("einwilligung_email", "on"),
    ]
}

/// The TOTP secret from the key shown on the set-up page (`#totp-schluessel`).
pub fn totp_secret_in(html: &str) -> Vec<u8> {
    let marker = "id=\"totp-schluessel\">";
    let start = html.find(marker).expect("the key is shown") + marker.len();
    let key = &html[start..start + html[start..].find('<').expect("the key ends")];
    jobcenter::konto::mfa::totp::secret_from_base32(key).expect("a Base32 key")
}

/// The `Location` header of a redirect.
pub fn location(r: &reqwest::Response) -> String {
    r.headers().get("location").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
}

/// A strong password for tests.
pub const PASSWORD: &str = "Wolke7-Fahrrad!Tisch";
/// Another strong password for tests.
pub const NEW_PASSWORD: &str = "Sonnen4-Blume?Regal";

/// A form that would change something on every signed-in POST route (each
/// route reads its own fields): for tests that those routes refuse.
pub const FORM_FOR_EVERY_SETTING: &[(&str, &str)] = &[
    ("aktuelles_passwort", PASSWORD),
    ("bestaetigung", "on"),
    ("benutzername", "fremd"),
    ("sprache", "en"),
    ("passwort", NEW_PASSWORD),
    ("passwort_wiederholung", NEW_PASSWORD),
    ("neue_email", "fremd@example.de"),
    ("sitzung", "x"),
    ("zurueck", "/konto"),
    ("code", "123456"),
    ("nicht_mehr_anzeigen", "on"),
];

/// Helpers of the Konto tests (registration, login, settings, sessions).
impl TestApp {
    /// The id of the account with this e-mail address, if there is one.
    pub async fn account_id(&self, email: &str) -> Option<String> {
        sqlx::query_scalar("SELECT id FROM accounts WHERE email_lower = $1")
            .bind(email.to_lowercase())
            .fetch_optional(&self.state.db.pool)
            .await
            .unwrap()
    }

    /// How many mails to `to` with `subject` in their subject were queued
    /// (sent or not). Exact right after a request, unlike the SMTP peer: the
    /// outbox row is written in the request's transaction.
    pub async fn queued_mails(&self, to: &str, subject: &str) -> usize {
        let subjects: Vec<String> = sqlx::query_scalar("SELECT subject FROM outbox WHERE LOWER(recipient) = $1")
            .bind(to.to_lowercase())
            .fetch_all(&self.state.db.pool)
            .await
            .unwrap();
        subjects.iter().filter(|s| s.contains(subject)).count()
    }

    /// Waits (up to 90 s, for a loaded machine) until `n` mails to `to` with
    /// `subject` in their subject arrived, and returns them in the order
    /// received.
    pub async fn wait_for_mails(&self, to: &str, subject: &str, n: usize) -> Vec<smtp::ReceivedMail> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(90);
        while tokio::time::Instant::now() < deadline {
            let mails: Vec<_> = self.smtp.to(to).await.into_iter().filter(|m| m.subject.contains(subject)).collect();
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("fewer than {n} mails to {to} with subject containing {subject:?}");
    }

    /// Logs in with another browser (`client`).
    pub async fn login_with(&self, client: &reqwest::Client, identifier: &str, password: &str) -> reqwest::Response {
        client.post(self.url("/anmelden")).form(&[("kennung", identifier), ("passwort", password)]).send().await.expect("POST")
    }
}

/// The second factor in tests: TOTP set up through the real pages, codes
/// computed like an authenticator app does.
impl TestApp {
    /// On the TOTP set-up page (at the gate or in the settings), reads the
    /// key shown, confirms it with a current code and returns the secret.
    pub async fn set_up_totp_with(&self, client: &reqwest::Client) -> Vec<u8> {
        let page = client.get(self.url("/konto/totp")).send().await.unwrap();
        assert_eq!(page.status(), 200, "TOTP set-up page");
        let html = page.text().await.unwrap();
        let secret = totp_secret_in(&html);
        let code = jobcenter::konto::mfa::totp::code_at(&secret, self.state.now());
        let r = client.post(self.url("/konto/totp")).form(&[("code", code.as_str())]).send().await.unwrap();
        assert_eq!(r.status(), 200, "TOTP confirmed");
        secret
    }

    /// The current TOTP code for `secret`, one step after the last one used
    /// (each step is accepted once): moves the clock 30 s on.
    pub fn next_code(&self, secret: &[u8]) -> String {
        self.clock.advance(30);
        jobcenter::konto::mfa::totp::code_at(secret, self.state.now())
    }

    /// Password, then the TOTP code: a complete login with `client`.
    pub async fn sign_in_with(&self, client: &reqwest::Client, email: &str, password: &str, secret: &[u8]) -> reqwest::Response {
        let r = client.post(self.url("/anmelden")).form(&[("kennung", email), ("passwort", password)]).send().await.unwrap();
        assert_eq!(location(&r), "/anmelden/zweiter-faktor", "the password step asks for the second factor");
        let code = self.next_code(secret);
        client.post(self.url("/anmelden/zweiter-faktor")).form(&[("code", code.as_str())]).send().await.unwrap()
    }

    /// Registers, confirms, logs in and sets up TOTP at the gate with this
    /// app's client; returns the TOTP secret. The client is then fully
    /// signed in.
    pub async fn signed_up(&self, email: &str, password: &str) -> Vec<u8> {
        self.register_confirmed(email, password).await;
        let r = self.login(email, password).await;
        assert_eq!(location(&r), "/sicherheitshinweis", "an account without a factor meets the gate");
        self.set_up_totp_with(&self.client).await
    }
}

/// The text of a PDF, page by page.
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}
