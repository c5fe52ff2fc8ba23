//! "Datei hochladen" (POR-4) in Chromium, with axe-core on every page: the
//! client activates a profile, finds the upload on the profile page, sends
//! a file that is no PDF under a PDF name (the error summary), then a real
//! PDF and a real JPEG (the receipt with both names and their SHA-256), and
//! sees the upload page in English and Ukrainian and on a 360 px wide phone
//! screen without horizontal scrolling — once with JavaScript and once
//! without. Staff of the Leistungsservice find the sending in their inbox,
//! open it for a stated purpose, take it up and close it with a note.

use crate::chromium::{Chromium, Tab};
use crate::support::{PASSWORD, TestApp, location};
use dokumente::beispiele;
use jobcenter::backoffice::cli::{self, NewStaff};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_uploads_a_pdf_and_a_photo_in_chromium_and_every_page_passes_axe() {
    upload_journey(true, "datei.hochladen@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upload_works_without_javascript() {
    upload_journey(false, "datei.ohne.skript@example.de").await;
}

/// The files a client picks, written to a temporary directory.
struct Files {
    _dir: tempfile::TempDir,
    pdf: (PathBuf, Vec<u8>),
    jpeg: (PathBuf, Vec<u8>),
    /// A text file named like a PDF: refused by its content.
    fake_pdf: PathBuf,
}

impl Files {
    fn write() -> Self {
        let dir = tempfile::tempdir().expect("a directory for the files");
        let file = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("a file to upload");
            path
        };
        let (pdf, jpeg) = (beispiele::pdf(), beispiele::jpeg(640, 480));
        Self {
            pdf: (file("Kontoauszug.pdf", &pdf), pdf),
            jpeg: (file("Foto Mietvertrag.jpg", &jpeg), jpeg),
            fake_pdf: file("Notiz.pdf", "Nur ein Text, keine PDF-Datei.\n".as_bytes()),
            _dir: dir,
        }
    }
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The upload page in German, with its parts.
async fn expect_upload_page(tab: &Tab) {
    tab.expect_heading("Datei hochladen").await;
    let path = tab.path().await;
    assert!(path == "/dokumente/hochladen" || path.starts_with("/dokumente/hochladen?"), "the upload page's address: {path}");
    for text in ["Worum geht es?", "Geldleistung", "Vermittlung", "Bildung und Teilhabe", "Dateien auswählen", "Je Datei höchstens 20 MB"]
    {
        tab.expect_text(text).await;
    }
    let inputs: Vec<(String, bool, String)> = tab
        .eval(
            "return [...document.querySelectorAll('input[type=file]')].map((i) => [i.id, i.multiple, i.getAttribute('capture') || '']);",
            Value::Null,
        )
        .await;
    assert_eq!(
        inputs,
        [("dateien".to_owned(), true, String::new()), ("foto".to_owned(), false, "environment".to_owned())],
        "a file input for several files and one that opens the camera"
    );
}

/// The width of the emulated phone screen (CSS pixels).
const PHONE_WIDTH: i64 = 360;

/// The page on the phone: nothing wider than the screen, so no sideways
/// scrolling (and no zooming out, which a phone does to show a wider page).
async fn assert_no_horizontal_scrolling(tab: &Tab) {
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    if scroll > PHONE_WIDTH {
        let wide: Vec<String> = tab
            .eval(
                "return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ARG + 0.5)
                   .slice(0, 10).map((e) => e.outerHTML.slice(0, 120));",
                json!(PHONE_WIDTH),
            )
            .await;
        panic!("{} is {scroll} px wide on a {PHONE_WIDTH} px screen; too wide: {wide:#?}", tab.url().await);
    }
    assert_eq!(inner, PHONE_WIDTH, "the page is shown at the phone's width on {}", tab.url().await);
}

/// Activate a profile with the Freischaltcode, open "Datei hochladen"
/// from the profile, send a refused file, then a PDF and a photo; the
/// receipt; the upload page in English, Ukrainian and on a phone.
async fn upload_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let (_, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    let secret = app.signed_up(email, PASSWORD).await;
    let files = Files::write();
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;

    // Log in and activate the profile.
    crate::anmelden::client(&tab, &app, email, &secret).await;
    tab.click_link("Freischaltcode eingeben").await;
    tab.expect_heading("Online-Angebote freischalten").await;
    tab.fill("Freischaltcode *", &code.display()).await;
    tab.click_button("Freischalten").await;
    tab.expect_heading("Freischaltung erfolgreich").await;
    tab.click_link("Zum Profil").await;
    tab.expect_heading("Profil").await;
    tab.expect_text("Dateien zu verschiedenen Themen online senden").await;

    // "Datei hochladen" from the profile.
    tab.click_link("Datei hochladen").await;
    expect_upload_page(&tab).await;

    // A text file named like a PDF: refused by its content, named in the
    // error summary, which leads to the file input; topic and message stay.
    tab.choose("Geldleistung").await;
    tab.fill("Nachricht (freiwillig)", "Kontoauszüge Mai und der Mietvertrag").await;
    tab.set_files("Dateien auswählen", &[&files.fake_pdf]).await;
    tab.click_button("Senden").await;
    tab.expect_heading("Datei hochladen").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("„Notiz.pdf“ ist keine PDF-, JPEG-, PNG- oder HEIC-Datei. Bitte senden Sie eine Datei in einem dieser Formate.").await;
    super::assert_error_summary_links_to_fields(&tab, &["dateien"]).await;
    super::expect_error_summary_focus(&tab, javascript).await;
    let kept: (bool, String) =
        tab.eval("return [field('Geldleistung').checked, field('Nachricht (freiwillig)').value];", Value::Null).await;
    assert_eq!(kept, (true, "Kontoauszüge Mai und der Mietvertrag".to_owned()), "the topic and the message are kept");
    let chosen: usize =
        tab.eval("return [...document.querySelectorAll('input[type=file]')].flatMap((i) => [...i.files]).length;", Value::Null).await;
    assert_eq!(chosen, 0, "no file is chosen after the error (a browser never keeps them)");

    // A real PDF through "Dateien auswählen", a real photo through the
    // camera input: one sending, and its receipt.
    tab.set_files("Dateien auswählen", &[&files.pdf.0]).await;
    tab.set_files("Oder: Foto aufnehmen", &[&files.jpeg.0]).await;
    tab.click_button("Senden").await;
    tab.expect_heading("Ihre Dateien sind eingegangen").await;
    let receipt = tab.path().await;
    assert!(receipt.starts_with("/dokumente/gesendet/"), "the receipt has its own address: {receipt}");
    let topic = super::description_list(&tab).await;
    assert_eq!(topic.get("Thema").map(String::as_str), Some("Geldleistung"), "{topic:?}");
    let rows: Vec<(String, String)> = tab
        .eval(
            "return [...document.querySelectorAll('#eingangsdateien tbody tr')].map((tr) => [tr.cells[0].innerText.trim(), tr.cells[2].innerText.trim()]);",
            Value::Null,
        )
        .await;
    assert_eq!(
        rows,
        [("Kontoauszug.pdf".to_owned(), sha256(&files.pdf.1)), ("Foto Mietvertrag.jpg".to_owned(), sha256(&files.jpeg.1)),],
        "the receipt lists each file with the SHA-256 of what was picked"
    );
    app.smtp.wait_for(email, "Eingangsbestätigung").await;

    // The upload page in English and Ukrainian: no raw message keys.
    let keys = super::message_keys();
    for (lang, heading) in [("en", "Upload files"), ("uk", "Завантажити файл")] {
        tab.open(&app.url(&format!("/dokumente/hochladen?lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        tab.expect_heading(heading).await;
    }

    // A phone 360 px wide: the page fits without sideways scrolling, in
    // Ukrainian (long words) and in German.
    tab.emulate_phone(PHONE_WIDTH, 740).await;
    for lang in ["uk", "de"] {
        tab.open(&app.url(&format!("/dokumente/hochladen?lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        assert_no_horizontal_scrolling(&tab).await;
    }
    expect_upload_page(&tab).await;

    // login, second factor, passkey offer, Profil auswählen, code form,
    // success, profile, upload, its error, receipt, en, uk, uk and de at
    // 360 px.
    tab.assert_clean(14);
    chromium.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_take_up_and_close_an_uploaded_sending_in_chromium_and_every_page_passes_axe() {
    staff_journey(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inbox_and_the_sending_work_without_javascript() {
    staff_journey(false).await;
}

/// A member of the Leistungsservice logs in, finds the client's sending
/// among the items nobody took up, opens it for a stated purpose, takes it
/// up, closes it with a note and finds it under "Erledigt".
async fn staff_journey(javascript: bool) {
    let app = TestApp::spawn().await;

    // A client sends a PDF on "Geldleistung" (the client's side is the
    // journey above; here over HTTP).
    let (record, code) = app.fixture_client_with_code("123A456789", "Kim", "Klicker").await;
    app.signed_up("kim.klicker@example.de", PASSWORD).await;
    let r = app.post("/freischaltcode", &[("freischaltcode", code.display().as_str())]).await;
    assert_eq!(location(&r), "/freischaltcode/erfolgreich");
    let pdf = beispiele::pdf();
    let form = reqwest::multipart::Form::new()
        .text("idempotenz", "browser-test-sendung-0123456789abcdef")
        .text("thema", "geldleistung")
        .text("nachricht", "Kontoauszüge Mai")
        .part("dateien", reqwest::multipart::Part::bytes(pdf.clone()).file_name("Kontoauszug.pdf"));
    let r = app.client.post(app.url("/dokumente/hochladen")).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 303, "the sending is accepted");
    let sending = location(&r).rsplit('/').next().expect("the receipt's address ends with the sending's id").to_owned();

    // A member of the Leistungsservice of the client's office.
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    let staff = NewStaff {
        email: "lea.leistung@jc.example",
        display_name: "Lea Leistung",
        office: &office,
        roles: "leistung",
        phone: "0511 6559-77",
    };
    cli::create_staff(&app.state, &staff, Some(PASSWORD)).await.unwrap();
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;

    // Login: password, then TOTP set up at the gate.
    crate::anmelden::staff_first_time(&tab, &app, staff.email).await;

    // The inbox: nothing of mine yet; the sending among those nobody took up.
    tab.click_link("Aufgaben").await;
    tab.expect_heading("Aufgaben").await;
    tab.expect_text("Keine Aufgaben in dieser Ansicht.").await;
    tab.click_link("Nicht zugewiesen").await;
    assert_eq!(tab.path().await, "/backoffice/aufgaben?ansicht=offen");
    let sending_path = format!("/backoffice/kunden/{}/sendungen/{sending}", record.id);
    let rows = inbox_rows(&tab).await;
    assert_eq!(
        rows,
        [vec![
            format!("Hochgeladene Dateien|{sending_path}?zweck=leistung"),
            "Kim Klicker (123A456789)".to_owned(),
            "Eingegangen".to_owned(),
            "nicht zugewiesen".to_owned(),
        ]],
        "one item, leading to the sending for the purpose of the Leistungsservice"
    );

    // The sending's address without a purpose asks for one first.
    tab.open(&app.url(&sending_path)).await;
    tab.expect_heading("Zweck des Zugriffs").await;
    tab.select("Zweck", "Bearbeitung von Leistungen").await;
    tab.click_button("Weiter").await;
    tab.expect_heading("Hochgeladene Dateien").await;
    assert_eq!(tab.path().await, format!("{sending_path}?zweck=leistung"));
    assert_eq!(tab.text_of("#nachricht").await.trim(), "Kontoauszüge Mai");
    let files: Vec<(String, String)> = tab
        .eval(
            "return [...document.querySelectorAll('#dateien tbody tr')].map((tr) => [tr.cells[0].innerText.trim(), tr.cells[2].innerText.trim()]);",
            Value::Null,
        )
        .await;
    assert_eq!(files, [("Kontoauszug.pdf".to_owned(), sha256(&pdf))]);
    assert_eq!(tab.text_of("#vorgang-status").await.trim(), "Eingegangen · Leistungsservice · nicht zugewiesen");

    // Take it up, then close it with a note.
    tab.click_button("Übernehmen").await;
    tab.expect_text("Gespeichert.").await;
    assert_eq!(tab.text_of("#vorgang-status").await.trim(), "In Bearbeitung · Leistungsservice · Lea Leistung");
    tab.fill("Interne Notiz (freiwillig)", "Kontoauszug geprüft, Leistung bewilligt.").await;
    tab.click_button("Erledigen").await;
    tab.expect_text("Gespeichert.").await;
    assert_eq!(tab.text_of("#vorgang-status").await.trim(), "Erledigt · Leistungsservice · Lea Leistung");
    tab.expect_text("Interne Notizen").await;
    tab.expect_text("Lea Leistung: Kontoauszug geprüft, Leistung bewilligt.").await;

    // "Erledigt" lists it; its link leads back to the sending.
    tab.click_link("Zurück zu den Aufgaben").await;
    tab.click_link("Erledigt").await;
    assert_eq!(tab.path().await, "/backoffice/aufgaben?ansicht=erledigt");
    let rows = inbox_rows(&tab).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][1..3], ["Kim Klicker (123A456789)".to_owned(), "Erledigt".to_owned()], "{rows:?}");
    tab.click_link("Hochgeladene Dateien").await;
    tab.expect_heading("Hochgeladene Dateien").await;
    assert_eq!(tab.path().await, format!("{sending_path}?zweck=leistung"));

    let logged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM record_access_log WHERE what = 'sendung' AND purpose = 'leistung'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(logged, 4, "each opening of the sending is logged with its purpose");

    // login, gate, TOTP set-up, recovery codes, start, inbox (mine), not
    // assigned, purpose, sending, taken up, closed, inbox, done, sending.
    tab.assert_clean(14);
    chromium.close().await;
}

/// The inbox rows: the item's link text and address, then client, state
/// and assignee.
async fn inbox_rows(tab: &Tab) -> Vec<Vec<String>> {
    tab.eval(
        "return [...document.querySelectorAll('#aufgaben tbody tr')].map((tr) => {
           const a = tr.cells[0].querySelector('a');
           return [`${norm(a.innerText)}|${a.getAttribute('href')}`, ...[1, 2, 3].map((i) => norm(tr.cells[i].innerText))];
         });",
        json!(null),
    )
    .await
}
