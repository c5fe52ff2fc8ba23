//! "Bescheide und Nachweise" (POR-3, OKO-3, MFA-50) and legally effective
//! electronic delivery: publishing (online with a mail without content, or
//! the print queue without consent), the "Abruf" on day 3 → announced on
//! day 4 with "Widerspruch bis", the retrieval period ending in the print
//! queue, a "hoch" document at level "substantiell", and another client.

use crate::backoffice::staff;
use crate::dokumente::count;
use crate::portal::page;
use crate::postfach::{client, client_with_secret};
use crate::support::{PASSWORD, TestApp, location};
use chrono::{NaiveDate, TimeZone};
use dokumente::beispiele;
use reqwest::multipart::{Form, Part};

const DAY: i64 = 86_400;

/// Moves the app's clock to 10:00 in Berlin on `date` (forward only: call
/// before anything is made).
fn set_date(app: &TestApp, date: NaiveDate) {
    let target = chrono_tz::Europe::Berlin.from_local_datetime(&date.and_hms_opt(10, 0, 0).unwrap()).unwrap().timestamp();
    let now = app.state.now();
    assert!(target > now, "the test dates lie ahead");
    app.clock.advance(target - now);
}

fn publish_form(key: &str, art: &str, stufe: &str, titel: &str) -> Form {
    Form::new()
        .text("idempotenz", key.to_owned())
        .text("art", art.to_owned())
        .text("titel", titel.to_owned())
        .text("datum", "20.04.2027")
        .text("stufe", stufe.to_owned())
        .part("datei", Part::bytes(beispiele::pdf()).file_name("bescheid.pdf"))
}

async fn publish(app: &TestApp, member: &reqwest::Client, client_id: &str, form: Form) -> reqwest::Response {
    member.post(app.url(&format!("/backoffice/kunden/{client_id}/bescheide?zweck=leistung"))).multipart(form).send().await.unwrap()
}

async fn member_of(app: &TestApp, client_id: &str) -> reqwest::Client {
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(client_id).fetch_one(&app.state.db.pool).await.unwrap();
    staff(app, "bescheid@jobcenter.example", &office, "leistung,service").await
}

async fn decision(app: &TestApp) -> (String, Option<String>, Option<String>, Option<i64>, Option<String>) {
    sqlx::query_as("SELECT id, announced_on, objection_until, posted_at, post_reason FROM decisions")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_bescheid_retrieved_on_day_3_is_announced_on_day_4_with_its_deadline_moved_past_the_weekend() {
    let app = TestApp::spawn().await;
    set_date(&app, NaiveDate::from_ymd_opt(2027, 4, 26).unwrap());
    let email = "abruf@example.de";
    let (b, client_id, secret) = client_with_secret(&app, email, "123A456789", true).await;
    let member = member_of(&app, &client_id).await;
    // A double click publishes once.
    let form = || publish_form("bescheid-schluessel-0123456789ab", "bescheid", "substantiell", "Bewilligungsbescheid Bürgergeld");
    let (r1, r2) = tokio::join!(publish(&app, &member, &client_id, form()), publish(&app, &member, &client_id, form()));
    assert_eq!((r1.status().as_u16(), r2.status().as_u16()), (303, 303));
    assert!(location(&r1).ends_with("hinweis=online"), "{}", location(&r1));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM decisions").await, 1);
    // The mail says a document is there, nothing of it.
    let mail = app.smtp.wait_for(email, "Neues Dokument in „Bescheide und Nachweise“").await;
    assert!(!mail.text.contains("Bewilligungsbescheid") && !mail.html.contains("Bewilligungsbescheid"), "{}", mail.text);
    assert!(page(&app, &b, "/profil").await.contains("1 neu"));
    let list = page(&app, &b, "/bescheide").await;
    assert!(list.contains("Bewilligungsbescheid Bürgergeld") && list.contains("20.04.2027") && list.contains("Neu"));

    // Day 3: the client logs in again and opens it.
    app.clock.advance(3 * DAY);
    let r = app.sign_in_with(&b, email, PASSWORD, &secret).await;
    assert!(r.status().is_redirection());
    let (id, ..) = decision(&app).await;
    let pdf = b.get(app.url(&format!("/bescheide/{id}/datei"))).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert_eq!(pdf.bytes().await.unwrap().as_ref(), beispiele::pdf().as_slice());
    // Announced on day 4 (30.04.2027); one month later is Sunday 30.05.2027:
    // the deadline moves to Monday 31.05.2027.
    let (_, announced, until, posted, _) = decision(&app).await;
    assert_eq!((announced.as_deref(), until.as_deref(), posted), (Some("2027-04-30"), Some("2027-05-31"), None));
    let shown = page(&app, &b, &format!("/bescheide/{id}")).await;
    assert!(shown.contains("Bekannt gegeben am 30.04.2027") && shown.contains("31.05.2027"), "{shown}");
    // A second download changes nothing.
    app.clock.advance(DAY);
    b.get(app.url(&format!("/bescheide/{id}/datei"))).send().await.unwrap();
    assert_eq!(decision(&app).await.1.as_deref(), Some("2027-04-30"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'document_retrieved'").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM print_queue").await, 0);
}

#[tokio::test]
async fn not_retrieved_within_ten_days_the_document_is_posted_and_without_consent_it_is_posted_at_once() {
    let app = TestApp::spawn().await;
    set_date(&app, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
    let (b, client_id) = client(&app, "frist@example.de", "123A456789", true).await;
    let member = member_of(&app, &client_id).await;
    let r =
        publish(&app, &member, &client_id, publish_form("frist-schluessel-0123456789abcdef", "nachweis", "substantiell", "Nachweis")).await;
    assert_eq!(r.status(), 303);
    // A client without online communication: straight to the print queue,
    // no mail; staff see why.
    let (_, other) = client(&app, "papier@example.de", "987B654321", false).await;
    sqlx::query("UPDATE clients SET office_id = (SELECT office_id FROM clients WHERE id = $1) WHERE id = $2")
        .bind(&client_id)
        .bind(&other)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let r =
        publish(&app, &member, &other, publish_form("papier-schluessel-0123456789abcd", "schreiben", "substantiell", "Einladung")).await;
    assert!(location(&r).ends_with("hinweis=post"), "{}", location(&r));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM print_queue").await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox WHERE recipient = 'papier@example.de' AND subject LIKE 'Neues Dokument%'").await,
        0
    );
    let staff_view = page(&app, &member, &format!("/backoffice/kunden/{other}/bescheide?zweck=leistung")).await;
    assert!(staff_view.contains("keine Einwilligung in die Onlinekommunikation"), "{staff_view}");
    let print = page(&app, &member, "/backoffice/druck").await;
    assert!(print.contains("Schreiben vom 20.04.2027"));
    // The print queue links the PDF, opened as a logged record access.
    let paper: String =
        sqlx::query_scalar("SELECT id FROM decisions WHERE client_id = $1").bind(&other).fetch_one(&app.state.db.pool).await.unwrap();
    let href = format!("/backoffice/kunden/{other}/bescheide/{paper}/pdf?zweck=druck");
    assert!(print.contains(&href.replace('&', "&amp;")) || print.contains(&href), "{print}");
    let pdf = member.get(app.url(&href)).send().await.unwrap();
    assert_eq!(pdf.bytes().await.unwrap().as_ref(), beispiele::pdf().as_slice());
    let logged = count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what = 'bescheid-pdf' AND purpose = 'druck'").await;
    assert_eq!(logged, 1);

    // Day 10 is still within the period; day 11 is not.
    app.clock.advance(10 * DAY);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    let waiting: i64 = count(&app, "SELECT COUNT(*) FROM decisions WHERE kind = 'nachweis' AND posted_at IS NULL").await;
    assert_eq!(waiting, 1, "still available on day 10");
    app.clock.advance(DAY);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    let (id, announced, posted, reason): (String, Option<String>, Option<i64>, Option<String>) =
        sqlx::query_as("SELECT id, announced_on, posted_at, post_reason FROM decisions WHERE kind = 'nachweis'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(posted.is_some() && announced.is_none());
    assert_eq!(reason.as_deref(), Some("nicht_abgerufen"));
    let queued: (String, Option<String>) = sqlx::query_as("SELECT title, decision_id FROM print_queue WHERE title LIKE 'Nachweis%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(queued, ("Nachweis vom 20.04.2027".to_owned(), Some(id.clone())));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'document_posted'").await, 2);
    drop(b);
}

#[tokio::test]
async fn a_hoch_document_is_listed_but_not_opened_at_level_substantiell_and_another_client_finds_nothing() {
    let app = TestApp::spawn().await;
    let (a, client_id) = client(&app, "hoch@example.de", "123A456789", true).await;
    let (b, _) = client(&app, "fremd@example.de", "987B654321", true).await;
    let member = member_of(&app, &client_id).await;
    publish(&app, &member, &client_id, publish_form("hoch-schluessel-0123456789abcdefg", "bescheid", "hoch", "Aufhebungsbescheid")).await;
    let (id, ..) = decision(&app).await;
    let shown = page(&app, &a, &format!("/bescheide/{id}")).await;
    assert!(shown.contains("Aufhebungsbescheid") && shown.contains("Für dieses Dokument ist eine Anmeldung mit Online-Ausweis nötig"));
    assert!(!shown.contains(&format!("/bescheide/{id}/datei")), "no way to open it");
    let r = a.get(app.url(&format!("/bescheide/{id}/datei"))).send().await.unwrap();
    assert_eq!(location(&r), format!("/bescheide/{id}"));
    assert_eq!(decision(&app).await.1, None, "not counted as retrieved");
    // Bad input of staff: each field named, nothing stored.
    let bad = Form::new()
        .text("idempotenz", "falsch-schluessel-0123456789abcdef")
        .text("titel", "")
        .text("datum", "31.02.2027")
        .part("datei", Part::bytes(b"kein pdf".to_vec()).file_name("x.pdf"));
    let r = publish(&app, &member, &client_id, bad).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    for m in [
        "Bitte wählen Sie die Art des Dokuments.",
        "Bitte geben Sie das Datum im Format TT.MM.JJJJ ein.",
        "Bitte wählen Sie das Vertrauensniveau.",
    ] {
        assert!(body.contains(m), "{m}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM decisions").await, 1);
    // Client B: not found, neither the page nor the file.
    for path in [format!("/bescheide/{id}"), format!("/bescheide/{id}/datei")] {
        assert_eq!(b.get(app.url(&path)).send().await.unwrap().status(), 404, "{path}");
    }
    assert!(!page(&app, &b, "/bescheide").await.contains("Aufhebungsbescheid"));
}

#[tokio::test]
async fn a_letter_written_from_the_template_carries_the_clients_data_and_the_text() {
    let app = TestApp::spawn().await;
    let (b, client_id) = client(&app, "vorlage@example.de", "123A456789", true).await;
    let member = member_of(&app, &client_id).await;
    let form = |text: &str, mit_datei: bool| {
        let f = Form::new()
            .text("idempotenz", jobcenter::web::idempotenz::neuer_schluessel())
            .text("art", "schreiben")
            .text("titel", "Einladung zum Gespräch")
            .text("datum", "07.12.2026")
            .text("stufe", "substantiell")
            .text("vorlage", text.to_owned());
        if mit_datei { f.part("datei", Part::bytes(beispiele::pdf()).file_name("x.pdf")) } else { f }
    };
    // Both a file and a text, or a text too long for the page: refused.
    let r = publish(&app, &member, &client_id, form("Kurz.", true)).await;
    assert!(r.text().await.unwrap().contains("entweder eine PDF-Datei oder"));
    let r = publish(&app, &member, &client_id, form(&"Sehr lang. ".repeat(300), false)).await;
    assert_eq!(r.status(), 422);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM decisions").await, 0);
    let r =
        publish(&app, &member, &client_id, form("Bitte kommen Sie am Montag um 10 Uhr.\n\nBringen Sie Ihren Ausweis mit.", false)).await;
    assert!(location(&r).ends_with("hinweis=online"), "{}", location(&r));
    let (id, ..) = decision(&app).await;
    let pdf = b.get(app.url(&format!("/bescheide/{id}/datei"))).send().await.unwrap().bytes().await.unwrap();
    let text = lopdf::Document::load_mem(&pdf).unwrap().extract_text(&[1]).unwrap().replace('\n', " ");
    for want in [
        "Olena Kovalenko",
        "123A456789",
        "Einladung zum Gespräch",
        "Bitte kommen Sie am Montag um 10 Uhr.",
        "Bringen Sie Ihren Ausweis mit.",
    ] {
        assert!(text.contains(want), "{want:?} in {text:?}");
    }
}

#[tokio::test]
async fn with_four_eyes_a_bescheid_waits_until_a_second_member_releases_it() {
    let app = TestApp::spawn_with(Box::new(|c| c.delivery_four_eyes = "bescheid".into())).await;
    let email = "vier.augen@example.de";
    let (b, client_id) = client(&app, email, "123A456789", true).await;
    let first = member_of(&app, &client_id).await;
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let second = staff(&app, "zweite@jobcenter.example", &office, "leistung").await;
    let r =
        publish(&app, &first, &client_id, publish_form("vier-augen-schluessel-0123456789ab", "bescheid", "substantiell", "Bescheid")).await;
    assert!(location(&r).ends_with("hinweis=freigabe"), "{}", location(&r));
    // Waiting: not delivered, not shown to the client, no mail; a work item.
    assert!(!page(&app, &b, "/bescheide").await.contains("Bescheid vom") && !page(&app, &b, "/bescheide").await.contains("Neu"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_items WHERE kind = 'veroeffentlichung' AND state = 'eingegangen'").await, 1);
    let (id, ..) = decision(&app).await;
    assert_eq!(b.get(app.url(&format!("/bescheide/{id}"))).send().await.unwrap().status(), 404);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox WHERE recipient = 'vier.augen@example.de' AND subject LIKE 'Neues Dokument%'").await,
        0
    );
    // The publisher cannot release it; a second member can, once.
    let release =
        |c: &reqwest::Client| c.post(app.url(&format!("/backoffice/kunden/{client_id}/bescheide/{id}/freigabe?zweck=leistung"))).send();
    assert!(location(&release(&first).await.unwrap()).ends_with("hinweis=bo-bescheide-error-selbe-person"));
    let r = release(&second).await.unwrap();
    assert!(location(&r).ends_with("hinweis=online"), "{}", location(&r));
    assert!(location(&release(&second).await.unwrap()).ends_with("hinweis=bo-bescheide-error-nicht-offen"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_items WHERE kind = 'veroeffentlichung' AND state = 'erledigt'").await, 1);
    app.smtp.wait_for(email, "Neues Dokument in „Bescheide und Nachweise“").await;
    assert!(page(&app, &b, &format!("/bescheide/{id}")).await.contains("Bescheid"));
    // Other kinds are delivered at once.
    let r =
        publish(&app, &first, &client_id, publish_form("nachweis-schluessel-0123456789abcd", "nachweis", "substantiell", "Nachweis")).await;
    assert!(location(&r).ends_with("hinweis=online"));
}

/// Publishes a Bescheid for `client_id` as `member` (a member of the
/// benefits team) and returns its id (for tests of other features).
pub(crate) async fn publish_for(app: &TestApp, member: &reqwest::Client, client_id: &str) -> String {
    let key = jobcenter::web::idempotenz::neuer_schluessel();
    let r = publish(app, member, client_id, publish_form(&key, "bescheid", "substantiell", "Bewilligungsbescheid")).await;
    assert!(r.status().is_redirection(), "{}", r.status());
    sqlx::query_scalar("SELECT id FROM decisions WHERE client_id = $1 ORDER BY published_at DESC, id DESC LIMIT 1")
        .bind(client_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}
