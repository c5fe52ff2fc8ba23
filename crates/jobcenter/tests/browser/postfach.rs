//! "Vermittlungspostfach" (POR-2) in Chromium, with axe-core on every page:
//! the client activates a profile, finds the mailboxes on the profile page,
//! writes a message (first with the error summary), the pAp answers from
//! the back office (purpose, thread, answer form), and the client sees the
//! answer as new and reads it; the mailbox in English and Ukrainian and the
//! thread on a 360 px wide phone — once with JavaScript and once without.

use crate::anmelden;
use crate::chromium::{Chromium, Tab};
use crate::support::{PASSWORD, TestApp};
use jobcenter::backoffice::cli::{self, NewStaff};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_writes_to_the_placement_mailbox_and_reads_the_answer_in_chromium_and_every_page_passes_axe() {
    postfach_journey(true, "postfach@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mailbox_works_without_javascript() {
    postfach_journey(false, "postfach.ohne.skript@example.de").await;
}

async fn assert_fits_the_phone(tab: &Tab) {
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    assert!(scroll <= inner, "{} is {scroll} px wide on a {inner} px screen", tab.url().await);
}

async fn postfach_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let (record, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up(email, PASSWORD).await;
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    let pap = NewStaff { email: "paula.pap@jc.example", display_name: "Paula Pap", office: &office, roles: "vermittlung", phone: "0511 1" };
    cli::create_staff(&app.state, &pap, Some(PASSWORD)).await.unwrap();
    let pap_id = app.account_id(pap.email).await.unwrap();
    sqlx::query("UPDATE clients SET pap_staff_id = $1 WHERE id = $2")
        .bind(&pap_id)
        .bind(&record.id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("Lebenslauf.pdf");
    std::fs::write(&pdf, dokumente::beispiele::pdf()).unwrap();
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;

    // Log in, activate the profile, find the mailboxes.
    anmelden::client_freigeschaltet(&tab, &app, email, &secret, &code.display()).await;
    tab.expect_text("Leistungspostfach").await;
    tab.click_link("Vermittlungspostfach").await;
    tab.expect_heading("Vermittlungspostfach").await;
    tab.expect_text("Sie haben in diesem Postfach noch keine Nachrichten.").await;

    // "Neue Nachricht": empty first (the error summary), then right.
    tab.click_link("Neue Nachricht").await;
    tab.expect_heading("Neue Nachricht").await;
    tab.expect_text("Höchstens 5000 Zeichen.").await;
    tab.click_button("Senden").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("Bitte wählen Sie ein Anliegen.").await;
    tab.expect_text("Bitte geben Sie einen Betreff ein.").await;
    super::assert_error_summary_links_to_fields(&tab, &["anliegen-bewerbung", "betreff", "text"]).await;
    super::expect_error_summary_focus(&tab, javascript).await;
    // A file attached and "Entwurf speichern": the draft keeps it.
    tab.set_files("Dateien anhängen (freiwillig)", &[&pdf]).await;
    tab.click_button("Entwurf speichern").await;
    tab.expect_text("Ihr Entwurf wurde gespeichert. Sie können ihn später weiterschreiben.").await;
    tab.expect_text("„Lebenslauf.pdf“ entfernen").await;
    tab.choose("Bewerbungen und Stellenangebote").await;
    tab.fill("Betreff", "Bewerbung als Lagerist").await;
    tab.fill("Nachricht", "Ich habe mich bei der Firma Nord beworben.\nDas Gespräch ist am Montag.").await;
    tab.click_button("Senden").await;
    tab.expect_heading("Bewerbung als Lagerist").await;
    tab.expect_text("Ihre Nachricht wurde gesendet.").await;
    tab.expect_text("Das Gespräch ist am Montag.").await;
    tab.expect_text("Lebenslauf.pdf").await;

    // The pAp answers from the back office, in a browser of their own.
    let staff_browser = Chromium::launch().await;
    let staff = staff_browser.tab(javascript).await;
    anmelden::staff_first_time(&staff, &app, pap.email).await;
    staff.click_link("Aufgaben").await;
    staff.expect_heading("Aufgaben").await;
    // "Meine Aufgaben": the thread was given to the pAp; its link carries
    // the purpose of the placement team.
    staff.click_link("Postfachnachricht").await;
    staff.expect_heading("Postfachnachricht").await;
    assert!(staff.path().await.ends_with("?zweck=vermittlung"), "{}", staff.path().await);
    staff.expect_text("Ich habe mich bei der Firma Nord beworben.").await;
    staff.fill("Nachricht", "Viel Erfolg! Bringen Sie bitte Ihren Lebenslauf mit.").await;
    staff.click_button("Senden").await;
    staff.expect_text("Die Antwort wurde gesendet.").await;
    staff.expect_text("Jobcenter (Paula Pap)").await;

    // The client sees the answer as new, reads it; then it is no longer new.
    tab.click_link("Zurück zum Vermittlungspostfach").await;
    tab.expect_heading("Vermittlungspostfach").await;
    tab.expect_text("Neu").await;
    tab.click_link("Bewerbung als Lagerist").await;
    tab.expect_text("Jobcenter (Paula Pap)").await;
    tab.expect_text("Viel Erfolg! Bringen Sie bitte Ihren Lebenslauf mit.").await;
    tab.open(&app.url("/profil")).await;
    let unread: bool = tab.eval("return document.body.innerText.includes('ungelesen');", Value::Null).await;
    assert!(!unread, "nothing unread after reading");

    // The mailbox in English and Ukrainian, the thread on a phone.
    let keys = super::message_keys();
    for (lang, heading) in
        [("en", "Placement mailbox (Vermittlungspostfach)"), ("uk", "Поштова скринька з питань працевлаштування (Vermittlungspostfach)")]
    {
        tab.open(&app.url(&format!("/postfach/vermittlung?lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        tab.expect_heading(heading).await;
    }
    tab.emulate_phone(360, 740).await;
    tab.open(&app.url("/postfach/vermittlung?lang=de")).await;
    tab.click_link("Bewerbung als Lagerist").await;
    tab.expect_text("Viel Erfolg!").await;
    assert_fits_the_phone(&tab).await;

    // Client: login (4), code form, success, profile, mailbox, new, its
    // errors, the saved draft, thread, mailbox, thread, profile, en, uk, de,
    // thread.
    tab.assert_clean(17);
    // Staff: login (4), start, inbox, thread, answered.
    staff.assert_clean(8);
    staff_browser.close().await;
    chromium.close().await;
}
