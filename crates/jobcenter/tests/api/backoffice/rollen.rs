//! Roles (ADM-1): every back-office route, walked with every role, a
//! client's session and a stranger; staff without a second factor stop at
//! the gate; the CLI checks its input.

use super::{client_account, create_client, get, office, post, staff};
use crate::support::{PASSWORD, TestApp, location};
use jobcenter::backoffice::cli::{self, NewStaff};
use jobcenter::web::routes::backoffice_routes;

/// `route` with the record's id for `{id}`, a shipped form definition for
/// `{formular}` and `{version}` (a page without client data and purpose),
/// and a made-up id for every other parameter (the pages behind them
/// answer "not found" after the checks).
fn fill(route: &str, client_id: &str) -> String {
    let mut out = String::new();
    let mut rest = route;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        out.push_str(match &rest[start..end] {
            "{id}" => client_id,
            "{formular}" => "weiterbewilligung",
            "{version}" => "1",
            _ => "x1",
        });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn encoded(path: &str) -> String {
    path.replace('/', "%2F")
}

#[tokio::test]
async fn every_back_office_route_admits_only_its_roles() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let service = staff(&app, "service@jc.example", &o, "service").await;
    let client_id = create_client(&app, &service, "Erika", "Mustermann").await;
    let mut browsers = vec![("service", service)];
    for role in ["leistung", "vermittlung", "admin"] {
        browsers.push((role, staff(&app, &format!("{role}@jc.example"), &o, role).await));
    }
    let (client_browser, _) = client_account(&app, "kundin@example.de").await;
    let stranger = app.new_client();
    assert!(backoffice_routes("GET").len() >= 8 && backoffice_routes("POST").len() >= 5);

    for (route, needs) in backoffice_routes("GET") {
        let path = fill(route, &client_id);
        for (role, b) in &browsers {
            let r = get(&app, b, &path).await;
            if needs.is_none_or(|n| n == *role) {
                assert_eq!(r.status(), 200, "{role} may open {path}");
            } else {
                assert_eq!(r.status(), 403, "{role} may not open {path}");
                assert!(r.text().await.unwrap().contains("Kein Zugriff"));
            }
        }
        assert_eq!(get(&app, &client_browser, &path).await.status(), 403, "a client may not open {path}");
        let r = get(&app, &stranger, &path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(location(&r), format!("/anmelden?weiter={}", encoded(&path)));
    }

    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM record_access_log").fetch_one(&app.state.db.pool).await.unwrap();
    for (route, needs) in backoffice_routes("POST") {
        let path = fill(route, &client_id);
        for (role, b) in &browsers {
            let status = post(&app, b, &path, &[]).await.status();
            if needs.is_none_or(|n| n == *role) {
                assert!(status != 403 && status.is_client_error(), "{role} reaches {path} (and its empty form is refused): {status}");
            } else {
                assert_eq!(status, 403, "{role} may not post to {path}");
            }
        }
        assert_eq!(post(&app, &client_browser, &path, &[]).await.status(), 403, "a client may not post to {path}");
        let r = post(&app, &stranger, &path, &[]).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/anmelden?weiter=%2Fkonto".to_owned()), "{path}");
    }
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM record_access_log").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(after, before, "no refused or empty request did anything");
    let codes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activation_codes").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(codes, 0);
}

#[tokio::test]
async fn staff_without_a_second_factor_meet_the_gate_and_never_the_back_office() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = NewStaff { email: "neu@jc.example", display_name: "Neu", office: &o, roles: "service,admin", phone: "" };
    cli::create_staff(&app.state, &s, Some(PASSWORD)).await.unwrap();
    let r = app.login("neu@jc.example", PASSWORD).await;
    assert_eq!(location(&r), "/sicherheitshinweis");
    for (route, _) in backoffice_routes("GET") {
        let r = app.get(route).await;
        assert_eq!((r.status().as_u16(), location(&r)), (303, "/sicherheitshinweis".to_owned()), "{route}");
    }
    app.set_up_totp_with(&app.client).await;
    let page = app.get("/backoffice").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Dienststelle: Jobcenter Nürnberg") && html.contains("Druckaufträge"), "{html}");
}

#[tokio::test]
async fn staff_enter_the_back_office_only_after_totp_or_a_passkey_not_a_recovery_code() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = NewStaff { email: "kim@jc.example", display_name: "Kim", office: &o, roles: "service,admin", phone: "" };
    cli::create_staff(&app.state, &s, Some(PASSWORD)).await.unwrap();
    assert_eq!(location(&app.login("kim@jc.example", PASSWORD).await), "/sicherheitshinweis");
    // TOTP at the gate: the recovery codes are shown once.
    let html = app.get("/konto/totp").await.text().await.unwrap();
    let secret = crate::support::totp_secret_in(&html);
    let code = jobcenter::konto::mfa::totp::code_at(&secret, app.state.now());
    let shown = app.post("/konto/totp", &[("code", code.as_str())]).await.text().await.unwrap();
    let list = &shown[shown.find("id=\"wiederherstellungscodes\"").expect("recovery codes")..];
    let recovery = regex::Regex::new(r"<code>([^<]+)</code>").unwrap().captures(list).unwrap()[1].to_owned();
    assert_eq!(app.get("/backoffice").await.status(), 200, "a TOTP set up at the gate opens it");

    // Password and a recovery code: signed in, but not into the back office.
    app.post("/abmelden", &[]).await;
    assert_eq!(location(&app.login("kim@jc.example", PASSWORD).await), "/anmelden/zweiter-faktor");
    let r = app.post("/anmelden/wiederherstellungscode", &[("code", recovery.as_str())]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.get("/konto").await.status(), 200);
    for (route, _) in backoffice_routes("GET") {
        let r = app.get(&route.replace("{id}", "x")).await;
        assert_eq!(r.status(), 403, "{route}");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Für das Back Office melden Sie sich bitte mit Passwort und Code (TOTP) oder mit einem Passkey an")
        );
    }

    // Password and TOTP: in again.
    app.post("/abmelden", &[]).await;
    assert_eq!(app.sign_in_with(&app.client, "kim@jc.example", PASSWORD, &secret).await.status(), 303);
    assert_eq!(app.get("/backoffice").await.status(), 200);
}

#[tokio::test]
async fn an_inactive_staff_row_opens_nothing() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let c = staff(&app, "weg@jc.example", &o, "service").await;
    assert_eq!(get(&app, &c, "/backoffice").await.status(), 200);
    sqlx::query("UPDATE staff SET active = 0").execute(&app.state.db.writer).await.unwrap();
    assert_eq!(get(&app, &c, "/backoffice").await.status(), 403);
}

#[tokio::test]
async fn the_cli_refuses_weak_passwords_unknown_roles_and_offices() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let base = NewStaff { email: "a@jc.example", display_name: "A", office: &o, roles: "admin", phone: "" };
    assert!(cli::create_staff(&app.state, &base, Some("kurz")).await.is_err(), "weak password");
    assert!(cli::create_staff(&app.state, &NewStaff { roles: "chef", ..base.clone() }, Some(PASSWORD)).await.is_err(), "unknown role");
    assert!(cli::create_staff(&app.state, &NewStaff { office: "Nirgendwo", ..base.clone() }, Some(PASSWORD)).await.is_err());
    assert!(cli::create_staff(&app.state, &base, None).await.is_err(), "a new account needs a password");
    let (id, created) =
        cli::create_staff(&app.state, &NewStaff { office: "Jobcenter Nürnberg", ..base.clone() }, Some(PASSWORD)).await.unwrap();
    assert!(created);
    let confirmed: Option<i64> =
        sqlx::query_scalar("SELECT email_confirmed_at FROM accounts WHERE id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert!(confirmed.is_some(), "staff accounts are confirmed");
    let (again, created) = cli::create_staff(&app.state, &NewStaff { roles: "service,admin", ..base }, None).await.unwrap();
    assert_eq!((again.as_str(), created), (id.as_str(), false), "an existing account keeps its password and gets the roles");
    let roles: String =
        sqlx::query_scalar("SELECT roles FROM staff WHERE account_id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(roles, "service,admin");
    let bad = NewOffice { name: "X", street: "Y", postcode: "123", city: "Z", phone: "1" };
    assert!(cli::create_office(&app.state, &bad).await.is_err());
}

use jobcenter::backoffice::store::NewOffice;

#[tokio::test]
async fn the_demo_prepares_a_staff_login_and_a_client_with_a_live_code() {
    let app = TestApp::spawn().await;
    let first = cli::demo(&app.state).await.unwrap();
    let second = cli::demo(&app.state).await.unwrap();
    assert_eq!(first.kundennummer, second.kundennummer, "the demo client is made once");
    assert_ne!(first.code, second.code, "each run issues a fresh code");
    let live: Vec<String> =
        sqlx::query_scalar("SELECT code_hash FROM activation_codes WHERE voided_at IS NULL").fetch_all(&app.state.db.pool).await.unwrap();
    let code = domain::Freischaltcode::parse(&second.code).unwrap();
    assert_eq!(live, vec![jobcenter::crypto::token_hash(code.canonical())], "the earlier code is void");
    // One demo sending waits in the benefits team's inbox and one mailbox
    // thread with the pAp, each made once.
    let items: Vec<(String, String, String)> =
        sqlx::query_as("SELECT kind, team, state FROM work_items ORDER BY kind").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(
        items,
        [
            ("antrag".to_owned(), "leistung".to_owned(), "eingegangen".to_owned()),
            ("nachricht".to_owned(), "vermittlung".to_owned(), "eingegangen".to_owned()),
            ("upload".to_owned(), "leistung".to_owned(), "eingegangen".to_owned())
        ]
    );
    let r = app.login(&second.staff_email, &second.staff_password).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "the demo login works and asks for a factor");
    app.set_up_totp_with(&app.client).await;
    let inbox = get(&app, &app.client, "/backoffice/aufgaben?ansicht=offen").await.text().await.unwrap();
    assert!(inbox.contains("Erika Mustermann") && inbox.contains("Hochgeladene Dateien"), "the demo has something to show");
    let (client, upload): (String, String) =
        sqlx::query_as("SELECT client_id, id FROM uploads").fetch_one(&app.state.db.pool).await.unwrap();
    let sending =
        get(&app, &app.client, &format!("/backoffice/kunden/{client}/sendungen/{upload}?zweck=leistung")).await.text().await.unwrap();
    assert!(sending.contains("Kontoauszug-Mai.pdf") && sending.contains("Hier mein Kontoauszug für Mai."));
    let mine = get(&app, &app.client, "/backoffice/aufgaben").await.text().await.unwrap();
    assert!(mine.contains("Postfachnachricht"), "the demo thread is the pAp's task");
    let thread: String = sqlx::query_scalar("SELECT id FROM mailbox_threads").fetch_one(&app.state.db.pool).await.unwrap();
    let shown =
        get(&app, &app.client, &format!("/backoffice/kunden/{client}/nachrichten/{thread}?zweck=vermittlung")).await.text().await.unwrap();
    assert!(shown.contains("Vorstellungsgespräch bei der Spedition Nord") && shown.contains("Vermittlungsbudget"));
    let documents = get(&app, &app.client, &format!("/backoffice/kunden/{client}/bescheide?zweck=leistung")).await.text().await.unwrap();
    assert!(documents.contains("Bewilligungsbescheid Bürgergeld 2027"), "the demo Bescheid is listed");
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM decisions").fetch_one(&app.state.db.pool).await.unwrap(), 1);
    // Two sent applications: one decided with the Bescheid, one waiting for
    // a document; the benefit period ends within the reminder's eight weeks.
    let states: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT status, decision_id FROM applications ORDER BY status").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(states.len(), 2);
    assert!(states[0].0 == "entschieden" && states[0].1.is_some() && states[1].0 == "unterlagen_fehlen", "{states:?}");
    let bis: String =
        sqlx::query_scalar("SELECT benefit_until FROM clients WHERE id = $1").bind(&client).fetch_one(&app.state.db.pool).await.unwrap();
    let faellig = jobcenter::portal::antraege::fristen::weiterbewilligung_faellig(&app.state.db.pool, &client, Some(&bis), app.state.now());
    assert!(faellig.await.unwrap().is_some(), "the demo shows the reminder card");
    // Slots to book in the demo office.
    let slots: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM appointment_slots").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(slots, 40, "ten working days, four topics, made once");
    // The sample office directory: the demo client's postcode finds its office.
    let html = get(&app, &app.client, "/dienststellen?plz=12345").await.text().await.unwrap();
    assert!(html.contains("Zuständig für 12345: Jobcenter Musterstadt"), "{html}");
}

#[tokio::test]
async fn admins_create_staff_with_one_time_access_data_and_deactivate_them() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let admin = staff(&app, "admin@jc.example", &o, "admin").await;
    let list = get(&app, &admin, "/backoffice/mitarbeitende").await.text().await.unwrap();
    assert!(list.contains("admin@jc.example") && list.contains("Mitarbeiterkonto anlegen"));

    let r = post(&app, &admin, "/backoffice/mitarbeitende", &[("email", "kein-name"), ("name", "")]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for m in
        ["Bitte geben Sie eine gültige E-Mail-Adresse ein.", "Bitte geben Sie den Namen ein", "Bitte wählen Sie mindestens eine Rolle."]
    {
        assert!(html.contains(m), "{m}");
    }
    let r = post(&app, &admin, "/backoffice/mitarbeitende", &[("email", "admin@jc.example"), ("name", "X"), ("rolle_service", "on")]).await;
    assert!(r.text().await.unwrap().contains("Für diese E-Mail-Adresse besteht bereits ein Konto."), "never an existing account");

    let form =
        [("email", "neu@jc.example"), ("name", "Nele Neu"), ("telefon", "0911 1"), ("rolle_service", "on"), ("rolle_leistung", "on")];
    let r = post(&app, &admin, "/backoffice/mitarbeitende", &form).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let marker = "id=\"einmal-passwort\">";
    let start = html.find(marker).expect("one-time password shown") + marker.len();
    let one_time = html[start..start + 19].to_owned();
    let id = app.account_id("neu@jc.example").await.expect("account created");
    let roles: String =
        sqlx::query_scalar("SELECT roles FROM staff WHERE account_id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(roles, "service,leistung");

    let c = app.new_client();
    let r = app.login_with(&c, "neu@jc.example", &one_time).await;
    assert_eq!(location(&r), "/sicherheitshinweis", "the first login sets up a factor");
    assert_eq!(app.login_with(&app.new_client(), "neu@jc.example", &one_time).await.status(), 422, "once only");
    app.set_up_totp_with(&c).await;
    let start_page = get(&app, &c, "/backoffice").await.text().await.unwrap();
    assert!(start_page.contains("Kundendatensatz anlegen") && !start_page.contains("/backoffice/mitarbeitende"), "nav by role");
    assert_eq!(get(&app, &c, "/backoffice/mitarbeitende").await.status(), 403);

    let r = post(&app, &admin, &format!("/backoffice/mitarbeitende/{id}/aktiv"), &[]).await;
    assert_eq!(location(&r), "/backoffice/mitarbeitende");
    assert_eq!(location(&get(&app, &c, "/backoffice").await), "/anmelden?weiter=%2Fbackoffice", "deactivated: sessions ended");
    assert!(get(&app, &admin, "/backoffice/mitarbeitende").await.text().await.unwrap().contains("deaktiviert"));
    let admin_id = app.account_id("admin@jc.example").await.unwrap();
    assert_eq!(post(&app, &admin, &format!("/backoffice/mitarbeitende/{admin_id}/aktiv"), &[]).await.status(), 404, "never oneself");
    let events: Vec<String> = sqlx::query_scalar("SELECT kind FROM audit_events WHERE account_id = $1 ORDER BY seq")
        .bind(&id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert!(events.contains(&"staff_granted".to_owned()) && events.contains(&"staff_deactivated".to_owned()), "{events:?}");
}
