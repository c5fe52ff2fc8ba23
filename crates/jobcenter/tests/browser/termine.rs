//! "Termine" (POR-5) in Chromium, with axe-core on every page: staff
//! publish a slot (first with the error summary), the client finds
//! "Termine" on the profile, picks a topic, books the slot, gets the
//! calendar file and cancels the appointment; the list in English and
//! Ukrainian and on a 360 px wide phone — once with JavaScript and once
//! without.

use crate::anmelden;
use crate::chromium::Chromium;
use crate::support::{PASSWORD, TestApp};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slot_is_published_booked_added_to_the_calendar_and_cancelled_in_chromium_and_every_page_passes_axe() {
    termine_journey(true, "termine@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn booking_an_appointment_works_without_javascript() {
    termine_journey(false, "termine.ohne.skript@example.de").await;
}

async fn termine_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let anmelden::Besetzung { record, code, secret, .. } =
        anmelden::besetzung(&app, email, ("vera@jc.example", "Vera Vermittlung", "vermittlung")).await;
    let tag = jobcenter::portal::bescheide::tag(app.state.now() + 3 * 86_400);

    // Staff publish a slot: empty first (the error summary).
    let staff_browser = Chromium::launch().await;
    let staff = staff_browser.tab(javascript).await;
    anmelden::staff_first_time(&staff, &app, "vera@jc.example").await;
    staff.click_link("Termine").await;
    staff.expect_heading("Termine zum Buchen").await;
    staff.click_button("Veröffentlichen").await;
    staff.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    super::assert_error_summary_links_to_fields(&staff, &["datum", "art-vor_ort", "thema-arbeitsuche"]).await;
    staff.set_value("Datum", &tag.to_string()).await;
    staff.set_value("Uhrzeit", "09:30").await;
    staff.fill("Dauer in Minuten", "45").await;
    staff.choose("Vor Ort").await;
    staff.choose("Beratung zur Arbeitsuche").await;
    staff.fill("Plätze", "1").await;
    staff.fill("Ort und Raum", "Musterstraße 1, Raum 2.14").await;
    staff.click_button("Veröffentlichen").await;
    staff.expect_text("Der Termin ist veröffentlicht und kann gebucht werden.").await;
    staff.expect_text("0 / 1").await;

    // The client books it.
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    anmelden::client_freigeschaltet(&tab, &app, email, &secret, &code.display()).await;
    tab.click_link("Termine").await;
    tab.expect_heading("Termine").await;
    tab.expect_text("Sie haben keine anstehenden Termine.").await;
    tab.click_link("Termine vereinbaren").await;
    tab.choose("Beratung zur Arbeitsuche").await;
    tab.click_button("Freie Termine anzeigen").await;
    tab.expect_text("Musterstraße 1, Raum 2.14").await;
    let knopf: String =
        tab.eval("return document.querySelector('form.termin-buchen button').innerText.replace(/\\s+/g, ' ').trim();", Value::Null).await;
    tab.click_button(&knopf).await;
    tab.expect_text("Ihr Termin ist gebucht.").await;
    tab.expect_text("09:30–10:15 Uhr").await;

    // The calendar file (a download: fetched by the same account).
    let href: String = tab.eval("return document.querySelector('#kommend a[download]').getAttribute('href');", Value::Null).await;
    let profil: String =
        sqlx::query_scalar("SELECT id FROM profiles WHERE client_id = $1").bind(&record.id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(app.post("/profile/wechseln", &[("profil", profil.as_str())]).await.status(), 303);
    let ics = app.client.get(app.url(&href)).send().await.unwrap().text().await.unwrap();
    assert!(ics.contains("METHOD:PUBLISH") && ics.contains("T093000") && ics.contains("TZID=Europe/Berlin"), "{ics}");
    staff.open(&app.url("/backoffice/termine")).await;
    staff.expect_text("1 / 1").await;

    // The list in English and Ukrainian, on a phone; then cancelled.
    let keys = super::message_keys();
    for (lang, heading) in [("en", "Appointments"), ("uk", "Зустрічі")] {
        tab.open(&app.url(&format!("/termine?lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        tab.expect_heading(heading).await;
    }
    tab.emulate_phone(360, 740).await;
    tab.open(&app.url("/termine?lang=de")).await;
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    assert!(scroll <= inner, "the list is {scroll} px wide on a {inner} px screen");
    let knopf: String =
        tab.eval("return document.querySelector('#kommend form button').innerText.replace(/\\s+/g, ' ').trim();", Value::Null).await;
    tab.click_button(&knopf).await;
    tab.expect_text("Ihr Termin ist abgesagt.").await;
    tab.expect_text("abgesagt").await;

    // Client: login (3), code, success, profile, Termine, vereinbaren, topic,
    // booked, en, uk, phone, cancelled.
    tab.assert_clean(14);
    // Staff: first login (5), Termine, errors, published, Termine.
    staff.assert_clean(9);
    chromium.close().await;
    staff_browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_is_received_and_asked_to_be_moved_in_chromium_and_every_page_passes_axe() {
    einladung_journey(true, "einladung@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_works_without_javascript() {
    einladung_journey(false, "einladung.ohne.skript@example.de").await;
}

/// Staff invite from the record, the client (online) finds the invitation
/// with the legal note, asks to move it (first without a reason), staff
/// move it to a new date from their inbox, the client sees the new date.
async fn einladung_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let anmelden::Besetzung { record, code, secret, .. } =
        anmelden::besetzung(&app, email, ("pia@jc.example", "Pia Pap", "vermittlung")).await;
    assert_eq!(
        crate::support::location(&app.post("/freischaltcode", &[("freischaltcode", code.display().as_str())]).await),
        "/freischaltcode/erfolgreich"
    );
    assert_eq!(app.post("/profil/online-kommunikation", &[("status", "an")]).await.status(), 303);
    let tag = jobcenter::portal::bescheide::tag(app.state.now() + 4 * 86_400);
    let neu = jobcenter::portal::bescheide::tag(app.state.now() + 9 * 86_400);

    let staff_browser = Chromium::launch().await;
    let staff = staff_browser.tab(javascript).await;
    anmelden::staff_first_time(&staff, &app, "pia@jc.example").await;
    staff.open(&app.url(&format!("/backoffice/kunden/{}/termine?zweck=vermittlung", record.id))).await;
    staff.expect_text("Für diese Person gibt es keine Termine.").await;
    staff.set_value("Datum", &tag.to_string()).await;
    staff.set_value("Uhrzeit", "08:30").await;
    staff.choose("Vor Ort").await;
    staff.fill("Ort und Raum", "Musterstraße 1, Raum 3.01").await;
    staff.fill("Worum geht es?", "Gespräch über Ihre Bewerbungen").await;
    staff.click_button("Einladung senden").await;
    staff.expect_text("Die Einladung wurde online bereitgestellt").await;

    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    tab.open(&app.url("/anmelden?weiter=%2Ftermine")).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.fill(crate::TOTP_CODE, &app.next_code(&secret)).await;
    tab.click_button("Anmelden").await;
    tab.click_button("Überspringen").await;
    tab.expect_heading("Termine").await;
    tab.expect_text("Gespräch über Ihre Bewerbungen").await;
    tab.expect_text("Rechtsfolgenbelehrung").await;
    let link: String =
        tab.eval("return document.querySelector('a[href$=\"/verschieben\"]').innerText.replace(/\\s+/g, ' ').trim();", Value::Null).await;
    tab.click_link(&link).await;
    tab.expect_heading("Verschiebung anfragen").await;
    tab.click_button("Anfrage senden").await;
    tab.expect_text("Bitte nennen Sie den Grund").await;
    super::assert_error_summary_links_to_fields(&tab, &["grund"]).await;
    tab.fill("Warum können Sie den Termin nicht wahrnehmen?", "Vorstellungsgespräch am selben Morgen").await;
    tab.click_button("Anfrage senden").await;
    tab.expect_text("Ihre Anfrage wurde gesendet.").await;

    staff.open(&app.url("/backoffice/aufgaben")).await;
    staff.click_link("Terminverschiebung").await;
    staff.expect_text("Vorstellungsgespräch am selben Morgen").await;
    let id: String = sqlx::query_scalar("SELECT id FROM appointments").fetch_one(&app.state.db.pool).await.unwrap();
    staff.set_value(&format!("datum-{id}"), &neu.to_string()).await;
    staff.set_value(&format!("uhrzeit-{id}"), "10:00").await;
    staff.click_button("Auf neues Datum verschieben").await;
    staff.expect_text("Gespeichert").await;

    tab.open(&app.url("/termine")).await;
    tab.expect_text(&format!("{}, 10:00–10:30 Uhr", jobcenter::portal::bescheide::datum(neu))).await;

    // Client: login (4 with the passkey offer), Termine, move form, its
    // errors, sent, Termine.
    tab.assert_clean(8);
    // Staff: first login (5), record, invited, inbox, item, moved.
    staff.assert_clean(10);
    chromium.close().await;
    staff_browser.close().await;
}
