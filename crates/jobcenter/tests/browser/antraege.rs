//! "Ihre Vorgänge" and a form defined by data (APP-1 … APP-4) in
//! Chromium, with axe-core on every page: "Weiterbewilligung beantragen"
//! from the profile, two pages, "Entwurf speichern", log out, log in,
//! resume from "Ihre Vorgänge", attach a document, the summary, send, the
//! receipt; staff ask for a document, the client uploads it from the "Was
//! Sie jetzt tun müssen" card, staff decide with a Bescheid and the benefit
//! period — once with JavaScript and once without.

use crate::anmelden;
use crate::chromium::Chromium;
use crate::support::{PASSWORD, TestApp, pdf_text};
use jobcenter::portal::bescheide::{datum, tag};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weiterbewilligungsantrag_is_drafted_resumed_sent_and_decided_in_chromium_and_every_page_passes_axe() {
    antrag_journey(true, "antrag@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_weiterbewilligungsantrag_works_without_javascript() {
    antrag_journey(false, "antrag.ohne.skript@example.de").await;
}

async fn antrag_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let anmelden::Besetzung { record, code, secret, office } =
        anmelden::besetzung(&app, email, ("lea@jc.example", "Lea Leistung", "leistung")).await;
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("Lohnabrechnung-November.pdf");
    std::fs::write(&pdf, dokumente::beispiele::pdf()).unwrap();
    let auszug = dir.path().join("Kontoauszug.pdf");
    std::fs::write(&auszug, dokumente::beispiele::pdf()).unwrap();

    // Log in, activate the profile; the form from the profile page.
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    anmelden::client_freigeschaltet(&tab, &app, email, &secret, &code.display()).await;
    tab.expect_heading("Profil").await;
    tab.click_link("Weiterbewilligung beantragen").await;
    tab.expect_heading("Weiterbewilligungsantrag stellen").await;
    tab.click_button("Antrag starten").await;

    // Page 1: the changes; first without answers (the error summary).
    tab.expect_heading("Änderungen seit Ihrem letzten Bescheid").await;
    tab.expect_text("Schritt 1 von").await;
    tab.click_button("Weiter").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    super::assert_error_summary_links_to_fields(&tab, &["feld-haushalt-geaendert-ja", "feld-einkommen-geaendert-ja"]).await;
    super::expect_error_summary_focus(&tab, javascript).await;
    for (feld, wert) in [
        ("haushalt-geaendert", "nein"),
        ("einkommen-geaendert", "ja"),
        ("vermoegen-geaendert", "nein"),
        ("wohnkosten-geaendert", "nein"),
        ("bankverbindung-geaendert", "nein"),
        ("sonstiges-geaendert", "nein"),
    ] {
        tab.choose(&format!("feld-{feld}-{wert}")).await;
    }
    tab.click_button("Weiter").await;

    // Page 2: the income; saved as a draft.
    tab.expect_heading("Änderungen beim Einkommen").await;
    tab.set_value("Seit wann gilt die Änderung?", "2026-11-01").await;
    tab.fill("Was hat sich geändert?", "Ich arbeite seit November 20 Stunden in der Woche <b>im Lager</b>.").await;
    tab.choose("feld-einkommen-nein").await;
    tab.click_button("Entwurf speichern").await;
    tab.expect_text("Ihr Entwurf wurde gespeichert").await;

    // Log out and in: the draft waits in "Ihre Vorgänge" with its answers.
    tab.click_button("Abmelden").await;
    tab.open(&app.url("/anmelden")).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.fill(crate::TOTP_CODE, &app.next_code(&secret)).await;
    tab.click_button("Anmelden").await;
    tab.click_button("Überspringen").await;
    tab.expect_heading("Profil").await;
    tab.click_link("Ihre Vorgänge").await;
    tab.expect_heading("Ihre Vorgänge").await;
    tab.expect_text("Wird von Ihnen bearbeitet").await;
    tab.click_link("Weiterbewilligungsantrag stellen").await;
    tab.expect_heading("Änderungen seit Ihrem letzten Bescheid").await;
    tab.click_button("Weiter").await;
    assert_eq!(tab.value("Was hat sich geändert?").await, "Ich arbeite seit November 20 Stunden in der Woche <b>im Lager</b>.");
    tab.click_button("Weiter").await;
    tab.expect_heading("Erklärung").await;
    tab.choose("feld-richtig-ja").await;
    tab.choose("feld-erklaerung-mitwirkung-ja").await;
    tab.click_button("Weiter").await;

    // The income calls for proof: attached here.
    tab.expect_heading("Nachweise").await;
    tab.set_files("Datei für „Einkommensnachweise“ auswählen", &[&pdf]).await;
    tab.click_button("Weiter").await;
    tab.expect_heading("Ihre Angaben prüfen – Weiterbewilligungsantrag stellen").await;
    tab.expect_text("Lohnabrechnung-November.pdf").await;
    tab.expect_text("Ich arbeite seit November 20 Stunden in der Woche <b>im Lager</b>.").await;
    tab.click_button("Antrag absenden").await;
    tab.expect_text("Ihr Antrag wurde gesendet.").await;
    tab.expect_text("Von Ihnen online gesendet").await;
    let id = tab.path().await.trim_start_matches("/antraege/").split('?').next().unwrap().to_owned();

    // The receipt (a download: fetched by the same account over HTTP, in
    // its own session with the profile opened).
    let profil: String =
        sqlx::query_scalar("SELECT id FROM profiles WHERE client_id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(app.post("/profile/wechseln", &[("profil", profil.as_str())]).await.status(), 303);
    let href: String = tab.eval("return document.getElementById('quittung').getAttribute('href');", Value::Null).await;
    assert_eq!(href, format!("/antraege/{id}/eingangsbestaetigung"));
    let bytes = app.client.get(app.url(&href)).send().await.unwrap().bytes().await.unwrap();
    let text = pdf_text(&bytes).split_whitespace().collect::<Vec<_>>().join(" ");
    for want in ["Eingangsbestätigung", "Weiterbewilligungsantrag stellen", "Lohnabrechnung-November.pdf", "<b>im Lager</b>", "SHA-256"] {
        assert!(text.contains(want), "{want:?} in the receipt: {text}");
    }

    // Staff ask for a document.
    let staff_browser = Chromium::launch().await;
    let staff = staff_browser.tab(javascript).await;
    anmelden::staff_first_time(&staff, &app, "lea@jc.example").await;
    let akte = format!("/backoffice/kunden/{}/antraege/{id}?zweck=leistung", record.id);
    staff.open(&app.url(&akte)).await;
    staff.expect_heading("Antrag: Weiterbewilligungsantrag stellen").await;
    staff.expect_text("Lohnabrechnung-November.pdf").await;
    staff.fill("Welche Unterlagen fehlen?", "Bitte senden Sie den Kontoauszug für November.").await;
    staff.set_value("Frist", &tag(app.state.now() + 14 * 86_400).to_string()).await;
    staff.click_button("Unterlagen nachfordern").await;
    staff.expect_text("Die Änderung wurde gespeichert; die Kundin oder der Kunde wurde benachrichtigt.").await;

    // The client answers from the card.
    tab.open(&app.url(&format!("/antraege/{id}"))).await;
    tab.expect_text("Was Sie jetzt tun müssen").await;
    tab.expect_text("Bitte senden Sie den Kontoauszug für November.").await;
    tab.set_files("Unterlagen auswählen (PDF, JPG oder PNG)", &[&auszug]).await;
    tab.click_button("Unterlagen senden").await;
    tab.expect_text("Vielen Dank. Ihre Unterlagen wurden gesendet.").await;
    tab.expect_text("Kontoauszug.pdf").await;

    // Staff decide with the Bescheid and the period it grants.
    let staff_id = app.account_id("lea@jc.example").await.unwrap();
    jobcenter::portal::bescheide::demo::bescheid(&app.state, &record.id, &office, &staff_id).await.unwrap();
    staff.open(&app.url(&akte)).await;
    staff.expect_text("Kontoauszug.pdf").await;
    staff
        .select(
            "Bescheid (zuvor unter „Bescheide“ veröffentlicht)",
            &format!("Bewilligungsbescheid Bürgergeld 2027 ({})", datum(tag(app.state.now()))),
        )
        .await;
    staff.set_value("Von", &tag(app.state.now()).to_string()).await;
    staff.set_value("Bis", &tag(app.state.now() + 180 * 86_400).to_string()).await;
    staff.click_button("Als entschieden markieren").await;
    staff.expect_text("Die Änderung wurde gespeichert; die Kundin oder der Kunde wurde benachrichtigt.").await;
    tab.open(&app.url(&format!("/antraege/{id}"))).await;
    tab.expect_text("Entschieden").await;
    tab.open(&app.url("/antraege")).await;
    tab.expect_text("Entschieden").await;

    // "Ihre Vorgänge" on a phone.
    tab.emulate_phone(360, 740).await;
    tab.open(&app.url("/antraege")).await;
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    assert!(scroll <= inner, "the list is {scroll} px wide on a {inner} px screen");

    // Client: login (3), code form, success, profile, start, step 1, its
    // errors, step 2, saved, logout, login (3), profile, list, step 1,
    // step 2, declaration, documents, summary, sent, application,
    // uploaded, application, list, list on the phone.
    tab.assert_clean(29);
    // Staff: first login (5), application, requested, application, decided.
    staff.assert_clean(9);
    chromium.close().await;
    staff_browser.close().await;
}
