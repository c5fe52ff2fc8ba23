//! The back office in Chromium (ADM-1 … ADM-5, PRF-2, MFA-70): a staff
//! member created with the CLI logs in with password and TOTP (set up at
//! the gate), creates a client record (first with errors), finds it, opens
//! it for a stated purpose, issues a Freischaltcode and downloads the
//! letter (a real PDF with the code), reads the access log and the print
//! queue, looks at the form definitions and a preview, and gives access
//! help with one-time access data; axe-core on every page.

use crate::chromium::Chromium;
use crate::support::{PASSWORD, TestApp};
use base64::Engine;
use jobcenter::backoffice::cli::{self, NewStaff};
use jobcenter::backoffice::store::NewOffice;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_issue_a_freischaltcode_letter_in_chromium_and_every_page_passes_axe() {
    back_office_journey(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_back_office_works_without_javascript() {
    back_office_journey(false).await;
}

/// The journey; without JavaScript the letter is fetched by the test
/// instead of the page (a download is no page load to wait for), with the
/// browser's session cookie.
async fn back_office_journey(javascript: bool) {
    let app = TestApp::spawn().await;
    let office =
        NewOffice { name: "Jobcenter Nürnberg", street: "Am Markt 1", postcode: "90402", city: "Nürnberg", phone: "0911 1234-0" };
    let office = cli::create_office(&app.state, &office).await.unwrap();
    let staff =
        NewStaff { email: "sam@jc.example", display_name: "Sam Beispiel", office: &office, roles: "service,admin", phone: "0911 1234-56" };
    cli::create_staff(&app.state, &staff, Some(PASSWORD)).await.unwrap();
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;

    // Login: password, then the gate, TOTP set up like an authenticator app.
    crate::anmelden::staff_first_time(&tab, &app, "sam@jc.example").await;
    tab.expect_text("Dienststelle: Jobcenter Nürnberg").await;

    // A client record: first with errors, then right.
    tab.click_link("Kundendatensatz anlegen").await;
    tab.expect_heading("Kundendatensatz anlegen").await;
    tab.fill("Geburtsdatum", "1985-03-12").await;
    tab.click_button("Kundendatensatz anlegen").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("Bitte geben Sie das Geburtsdatum im Format TT.MM.JJJJ ein.").await;
    tab.expect_text("Bitte geben Sie die Nummer der Bedarfsgemeinschaft ein.").await;
    for (label, value) in [
        ("Vorname", "Erika"),
        ("Nachname", "Mustermann"),
        ("Geburtsdatum", "12.03.1985"),
        ("Straße und Hausnummer", "Beispielweg 7"),
        ("Postleitzahl", "90402"),
        ("Ort", "Nürnberg"),
        ("Nummer der Bedarfsgemeinschaft", "12345BG1234567"),
    ] {
        tab.fill(label, value).await;
    }
    tab.click_button("Kundendatensatz anlegen").await;
    tab.expect_heading("Erika Mustermann").await;
    tab.expect_text("Ihr Kontakt").await;
    tab.expect_text("Sam Beispiel").await;
    let kundennummer = tab.text_of("#kundennummer").await.trim().to_owned();
    assert!(regex::Regex::new(r"^\d{3}[A-Z]\d{6}$").unwrap().is_match(&kundennummer), "{kundennummer}");

    // Find it again; opening it asks for the purpose.
    tab.click_link("Kunden suchen").await;
    tab.fill("Kundennummer oder Name", "Muster").await;
    tab.click_button("Suchen").await;
    tab.expect_text("Treffer: 1").await;
    tab.click_link(&kundennummer).await;
    tab.expect_heading("Zweck des Zugriffs").await;
    tab.click_button("Weiter").await;
    tab.expect_text("Bitte wählen Sie einen Zweck aus der Liste.").await;
    let _: Value = tab.eval("field('Zweck').value = 'vorsprache'; return null;", Value::Null).await;
    tab.click_button("Weiter").await;
    tab.expect_heading("Erika Mustermann").await;
    tab.expect_text("Zweck dieses Zugriffs: Persönliche Vorsprache").await;

    // The Freischaltcode and its letter.
    tab.click_link("Freischaltcode ausstellen").await;
    tab.expect_heading("Freischaltcode ausstellen").await;
    tab.click_button("Freischaltcode ausstellen").await;
    tab.expect_text("Bitte bestätigen Sie, dass Sie die Identität anhand eines Ausweises geprüft haben.").await;
    tab.tick("ausweis_geprueft").await;
    tab.click_button("Freischaltcode ausstellen").await;
    tab.expect_heading("Freischaltcode ausgestellt").await;
    let code = tab.text_of("#freischaltcode-anzeige").await.trim().to_owned();
    assert!(regex::Regex::new(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$").unwrap().is_match(&code), "{code}");
    let pdf = if javascript {
        let download: Value = tab
            .eval(
                "const f = [...document.querySelectorAll('form')].find((f) => new URL(f.action).pathname.endsWith('/freischaltcode/brief'));
                 return (async () => {
                   const r = await fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)) });
                   const bytes = new Uint8Array(await r.arrayBuffer());
                   let s = ''; for (const b of bytes) s += String.fromCharCode(b);
                   return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), data: btoa(s) };
                 })();",
                Value::Null,
            )
            .await;
        assert_eq!(download["status"], 200);
        assert_eq!(download["type"], "application/pdf");
        assert!(download["disposition"].as_str().unwrap().starts_with("attachment"));
        base64::engine::general_purpose::STANDARD.decode(download["data"].as_str().unwrap()).unwrap()
    } else {
        let action: String = tab
            .eval(
                "return [...document.querySelectorAll('form')].find((f) => new URL(f.action).pathname.endsWith('/freischaltcode/brief')).action;",
                Value::Null,
            )
            .await;
        let cookies = tab
            .page
            .execute(chromiumoxide::cdp::browser_protocol::network::GetCookiesParams::builder().urls([app.base.clone()]).build())
            .await
            .expect("Network.getCookies");
        let cookie = cookies.result.cookies.iter().map(|c| format!("{}={}", c.name, c.value)).collect::<Vec<_>>().join("; ");
        let r = reqwest::Client::new().post(&action).header("cookie", cookie).form(&[("code", code.as_str())]).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/pdf");
        r.bytes().await.unwrap().to_vec()
    };
    let doc = lopdf::Document::load_mem(&pdf).expect("a real PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&code), "the letter carries the code: {text}");
    assert!(text.contains("Ihr Freischaltcode ist gültig bis zum"), "{text}");
    tab.click_link("Zurück zum Kundendatensatz").await;
    tab.expect_text("Ein Freischaltcode ist gültig bis").await;

    // The access log and the print queue.
    tab.click_link("Zugriffsprotokoll").await;
    tab.expect_heading("Zugriffsprotokoll").await;
    tab.expect_text("Freischaltcode-Schreiben erstellt").await;
    tab.click_link("Druckaufträge").await;
    tab.expect_heading("Druckaufträge").await;
    tab.expect_text("Es liegen keine offenen Druckaufträge vor.").await;

    // A colleague's account, with one-time access data.
    tab.click_link("Mitarbeitende").await;
    tab.expect_heading("Mitarbeitende der Dienststelle").await;
    tab.fill("E-Mail-Adresse", "nele@jc.example").await;
    tab.fill("Name", "Nele Neu").await;
    tab.tick("rolle_service").await;
    tab.click_button("Mitarbeiterkonto anlegen").await;
    tab.expect_heading("Mitarbeiterkonto angelegt").await;
    assert_eq!(tab.text_of("#einmal-passwort").await.trim().len(), 19);

    // The form definitions and the preview of every step of one (APP-2),
    // in Ukrainian (the form's texts; the page's own stay German).
    tab.click_link("Formulare").await;
    tab.expect_heading("Formulardefinitionen").await;
    tab.expect_text("jobcenter admin formular aktivieren SCHLÜSSEL VERSION").await;
    tab.open(&app.url("/backoffice/formulare/weiterbewilligung/1?sprache=uk")).await;
    tab.expect_heading("Vorschau: Weiterbewilligungsantrag stellen (Version 1)").await;
    tab.expect_text("Зміни після останнього рішення").await;
    tab.expect_text("Nur wenn").await;

    // Access help for a client whose account is linked to the record.
    app.register_confirmed("erika@example.de", PASSWORD).await;
    let account = app.account_id("erika@example.de").await.unwrap();
    let client_id: String = sqlx::query_scalar("SELECT id FROM clients").fetch_one(&app.state.db.pool).await.unwrap();
    sqlx::query("INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at) VALUES ($1, $2, $3, 'self', 1, 0, NULL, 0)")
        .bind(jobcenter::db::new_id())
        .bind(&account)
        .bind(&client_id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    tab.open(&app.url(&format!("/backoffice/kunden/{client_id}?zweck=zugangshilfe"))).await;
    tab.click_link("Zugangshilfe").await;
    tab.expect_heading("Zugangshilfe").await;
    tab.expect_text("Konto: erika@example.de").await;
    tab.tick("ausweis_geprueft").await;
    let _: Value = tab.eval("document.getElementById('massnahme-einmal').click(); return null;", Value::Null).await;
    tab.click_button("Zugangshilfe ausführen").await;
    tab.expect_heading("Einmal-Zugangsdaten").await;
    let one_time = tab.text_of("#einmal-passwort").await.trim().to_owned();
    assert_eq!(one_time.len(), 19);
    app.smtp.wait_for("erika@example.de", "Einmal-Zugangsdaten für Ihr Konto ausgestellt").await;

    // login (from /backoffice), gate, TOTP set-up, recovery codes, start,
    // new record, its errors, record, search, hits, purpose (twice), record, code
    // form, its errors, issued, record, access log, print queue, staff,
    // staff created, form definitions, a preview, record, access help,
    // one-time data.
    tab.assert_clean(26);
    chromium.close().await;
}
