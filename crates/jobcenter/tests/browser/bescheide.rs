//! "Bescheide und Nachweise" (POR-3) in Chromium, with axe-core on every
//! page: a member of the Leistungsservice publishes a PDF for a client who
//! consented to online communication (first with the error summary), the
//! client logs in, finds it as new, and after its retrieval sees "Bekannt
//! gegeben am" and "Widerspruch bis", asks about it in the
//! Leistungspostfach with the PDF attached, and reads the team's answer;
//! the list in English and Ukrainian and on a 360 px wide phone — once with
//! JavaScript and once without.

use crate::TOTP_CODE;
use crate::anmelden;
use crate::chromium::Chromium;
use crate::support::{PASSWORD, TestApp, location};
use dokumente::beispiele;
use jobcenter::backoffice::cli::{self, NewStaff};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_publish_a_bescheid_and_the_client_sees_its_dates_in_chromium_and_every_page_passes_axe() {
    bescheid_journey(true, "bescheid@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_and_the_documents_work_without_javascript() {
    bescheid_journey(false, "bescheid.ohne.skript@example.de").await;
}

async fn bescheid_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let (record, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up(email, PASSWORD).await;
    assert_eq!(location(&app.post("/freischaltcode", &[("freischaltcode", code.display().as_str())]).await), "/freischaltcode/erfolgreich");
    assert_eq!(app.post("/profil/online-kommunikation", &[("status", "an")]).await.status(), 303);
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    let lea = NewStaff { email: "lea@jc.example", display_name: "Lea Leistung", office: &office, roles: "leistung", phone: "0511 2" };
    cli::create_staff(&app.state, &lea, Some(PASSWORD)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("Bescheid.pdf");
    std::fs::write(&pdf, beispiele::pdf()).unwrap();

    // Staff publish: first empty (the error summary), then complete.
    let staff_browser = Chromium::launch().await;
    let staff = staff_browser.tab(javascript).await;
    anmelden::staff_first_time(&staff, &app, lea.email).await;
    staff.open(&app.url(&format!("/backoffice/kunden/{}/bescheide?zweck=leistung", record.id))).await;
    staff.expect_heading("Bescheide und Nachweise").await;
    staff.expect_text("Für diese Person wurden noch keine Dokumente veröffentlicht.").await;
    staff.click_button("Dokument veröffentlichen").await;
    staff.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    staff.expect_text("Bitte wählen Sie genau eine PDF-Datei.").await;
    super::assert_error_summary_links_to_fields(&staff, &["art-bescheid", "titel", "datum", "stufe-substantiell", "datei"]).await;
    staff.choose("Bescheid").await;
    staff.fill("Titel", "Bewilligungsbescheid Bürgergeld").await;
    staff.fill("Datum des Dokuments", "20.04.2027").await;
    staff.choose("substantiell").await;
    staff.set_files("PDF-Datei", &[&pdf]).await;
    staff.click_button("Dokument veröffentlichen").await;
    staff.expect_text("Das Dokument wurde online bereitgestellt; die Person wurde per E-Mail benachrichtigt.").await;
    staff.expect_text("noch nicht abgerufen").await;
    // A second one that needs level "hoch".
    staff.choose("Nachweis").await;
    staff.fill("Titel", "Nachweis über Sozialdaten").await;
    staff.fill("Datum des Dokuments", "21.04.2027").await;
    staff.choose("hoch").await;
    staff.set_files("PDF-Datei", &[&pdf]).await;
    staff.click_button("Dokument veröffentlichen").await;
    staff.expect_text("Nachweis über Sozialdaten").await;
    app.smtp.wait_for(email, "Neues Dokument in „Bescheide und Nachweise“").await;

    // The client logs in (straight to the documents, as the mail's link
    // would lead) and finds it as new.
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    tab.open(&app.url("/anmelden?weiter=%2Fbescheide")).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.fill(TOTP_CODE, &app.next_code(&secret)).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    tab.click_button("Überspringen").await;
    tab.expect_heading("Bescheide und Nachweise").await;
    tab.expect_text("Neu").await;
    tab.click_link("Bewilligungsbescheid Bürgergeld").await;
    tab.expect_heading("Bewilligungsbescheid Bürgergeld").await;
    tab.expect_text("Mit dem Öffnen rufen Sie den Bescheid ab.").await;
    tab.expect_text("Dokument öffnen (PDF)").await;

    // The "hoch" document: listed, explained, not opened.
    tab.click_link("Zurück zu Bescheide und Nachweise").await;
    tab.click_link("Nachweis über Sozialdaten").await;
    tab.expect_text("Für dieses Dokument ist eine Anmeldung mit Online-Ausweis nötig").await;
    let offen: bool = tab.eval("return !!document.querySelector('a[href$=\"/datei\"]');", Value::Null).await;
    assert!(!offen, "no way to open a 'hoch' document at level 'substantiell'");

    // Retrieved (the PDF itself opens outside the page: fetched over HTTP
    // by the same account); the page then shows both dates.
    let id: String =
        sqlx::query_scalar("SELECT id FROM decisions WHERE level = 'substantiell'").fetch_one(&app.state.db.pool).await.unwrap();
    let r = app.client.get(app.url(&format!("/bescheide/{id}/datei"))).send().await.unwrap();
    assert_eq!(r.bytes().await.unwrap().as_ref(), beispiele::pdf().as_slice());
    tab.open(&app.url(&format!("/bescheide/{id}"))).await;
    let status = tab.text_of("#dokument-status").await;
    assert!(status.starts_with("Bekannt gegeben am "), "{status}");
    let frist = tab.text_of("#widerspruch-bis").await;
    assert_eq!(frist.len(), 10, "a date: {frist}");

    // A question about it in the Leistungspostfach, with the PDF attached;
    // the benefits team answers; the client reads the answer.
    tab.open(&app.url("/profil")).await;
    tab.click_link("Leistungspostfach").await;
    tab.click_link("Neue Nachricht").await;
    tab.choose("Fragen zu meinem Bescheid").await;
    tab.fill("Betreff", "Frage zum Bewilligungsbescheid").await;
    tab.fill("Nachricht", "Ist die Miete vollständig berücksichtigt?").await;
    tab.set_files("Dateien anhängen (freiwillig)", &[&pdf]).await;
    tab.click_button("Senden").await;
    tab.expect_text("Ihre Nachricht wurde gesendet.").await;
    tab.expect_text("Bescheid.pdf").await;
    staff.open(&app.url("/backoffice/aufgaben?ansicht=offen")).await;
    staff.click_link("Postfachnachricht").await;
    staff.expect_text("Ist die Miete vollständig berücksichtigt?").await;
    staff.expect_text("Bescheid.pdf").await;
    staff.fill("Nachricht", "Ja, die Miete ist in voller Höhe berücksichtigt.").await;
    staff.click_button("Senden").await;
    staff.expect_text("Die Antwort wurde gesendet.").await;
    tab.open(&app.url("/postfach/leistung")).await;
    tab.click_link("Frage zum Bewilligungsbescheid").await;
    tab.expect_text("Ja, die Miete ist in voller Höhe berücksichtigt.").await;

    // The list in English and Ukrainian, and on a phone.
    let keys = super::message_keys();
    for (lang, heading) in [("en", "Decisions and certificates"), ("uk", "Рішення та довідки")] {
        tab.open(&app.url(&format!("/bescheide?lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        tab.expect_heading(heading).await;
    }
    tab.emulate_phone(360, 740).await;
    tab.open(&app.url("/bescheide?lang=de")).await;
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    assert!(scroll <= inner, "the list is {scroll} px wide on a {inner} px screen");

    // Client: login (3), passkey offer, list, document, list, "hoch"
    // document, document, profile, mailbox, new, thread, mailbox, thread,
    // en, uk, de.
    tab.assert_clean(17);
    // Staff: login (4), start, documents, errors, published, published,
    // inbox, thread, answered.
    staff.assert_clean(12);
    chromium.close().await;
    staff_browser.close().await;
}
