//! "Leistungspostfach" and "Vermittlungspostfach" (POR-2, OKO-1): routing by
//! concern, the online-communication gate, unread counts per side, answers
//! from the back office (two at once both kept), bad input, and that one
//! client never reaches another client's threads.

use crate::backoffice::staff;
use crate::dokumente::count;
use crate::portal::{client_signed_up, enter_code, page};
use crate::support::{TestApp, location};
use reqwest::multipart::{Form, Part};

/// A client with an activated profile (Kundennummer `nummer`, a pAp) and,
/// if `online`, online communication on; returns the browser and client id.
pub(crate) async fn client(app: &TestApp, email: &str, nummer: &str, online: bool) -> (reqwest::Client, String) {
    let (b, id, _) = client_with_secret(app, email, nummer, online).await;
    (b, id)
}

/// [`client`] and its TOTP secret (for logging in again).
pub(crate) async fn client_with_secret(app: &TestApp, email: &str, nummer: &str, online: bool) -> (reqwest::Client, String, Vec<u8>) {
    let (record, code) = app.fixture_client_with_code(nummer, "Olena", "Kovalenko").await;
    let (browser, secret) = client_signed_up(app, email).await;
    assert_eq!(location(&enter_code(app, &browser, &code.display()).await), "/freischaltcode/erfolgreich");
    if online {
        let r = browser.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
        assert_eq!(r.status(), 303);
    }
    (browser, record.id.clone(), secret)
}

/// An answer's form (a form with files, here without any).
pub(crate) fn text_form(text: &str) -> Form {
    Form::new().text("text", text.to_owned())
}

/// The new-message form with `files`; without `aktion` it is "Senden".
pub(crate) fn new_form(anliegen: &str, betreff: &str, text: &str, files: Vec<(&str, Vec<u8>)>) -> Form {
    let mut f = Form::new().text("anliegen", anliegen.to_owned()).text("betreff", betreff.to_owned()).text("text", text.to_owned());
    for (name, bytes) in files {
        f = f.part("dateien", Part::bytes(bytes).file_name(name.to_owned()));
    }
    f
}

pub(crate) async fn write(
    app: &TestApp,
    b: &reqwest::Client,
    postfach: &str,
    anliegen: &str,
    betreff: &str,
    text: &str,
) -> reqwest::Response {
    b.post(app.url(&format!("/postfach/{postfach}/neu"))).multipart(new_form(anliegen, betreff, text, Vec::new())).send().await.unwrap()
}

/// The thread id from the redirect after sending.
fn thread_of(r: &reqwest::Response) -> String {
    let l = location(r);
    l.trim_start_matches("/postfach/nachrichten/").split('?').next().unwrap().to_owned()
}

async fn item_of(app: &TestApp, thread: &str) -> (String, String, Option<String>) {
    sqlx::query_as("SELECT id, team, assignee FROM work_items WHERE kind = 'nachricht' AND subject_id = $1")
        .bind(thread)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn pap_of(app: &TestApp, client_id: &str) -> String {
    sqlx::query_scalar("SELECT pap_staff_id FROM clients WHERE id = $1").bind(client_id).fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn concerns_route_to_the_benefits_team_or_the_pap_and_the_benefits_mailbox_needs_online_communication() {
    let app = TestApp::spawn().await;
    let (b, client_id) = client(&app, "routing@example.de", "123A456789", false).await;
    // Without online communication: the start page and the mailbox say so,
    // and nothing can be sent there (OKO-1); the placement mailbox works.
    let start = page(&app, &b, "/profil").await;
    assert!(start.contains("Leistungspostfach") && start.contains("Vermittlungspostfach"), "{start}");
    assert!(start.contains("Nutzung ist nur mit aktivierter Onlinekommunikation möglich."));
    let gated = page(&app, &b, "/postfach/leistung").await;
    assert!(gated.contains("Nutzung ist nur mit aktivierter Onlinekommunikation möglich.") && gated.contains("Jetzt aktivieren"));
    assert_eq!(location(&write(&app, &b, "leistung", "antrag", "Frage", "Text").await), "/postfach/leistung");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_threads").await, 0);
    let pap = pap_of(&app, &client_id).await;
    let r = write(&app, &b, "vermittlung", "bewerbung", "Bewerbung Lagerist", "Ich habe mich beworben.").await;
    assert_eq!(r.status(), 303);
    assert_eq!(item_of(&app, &thread_of(&r)).await, (item_of(&app, &thread_of(&r)).await.0, "vermittlung".into(), Some(pap.clone())));

    b.post(app.url("/profil/online-kommunikation")).form(&[("status", "an")]).send().await.unwrap();
    let r = write(&app, &b, "leistung", "antrag", "Weiterbewilligung", "Wann kommt der Bescheid?").await;
    let (_, team, assignee) = item_of(&app, &thread_of(&r)).await;
    assert_eq!((team.as_str(), assignee), ("leistung", None), "benefits concerns go to the team");
    let r = write(&app, &b, "leistung", "termin_leistung", "Termin verschieben", "Geht Dienstag?").await;
    let (_, team, assignee) = item_of(&app, &thread_of(&r)).await;
    assert_eq!((team.as_str(), assignee), ("vermittlung", Some(pap)), "appointments go to the pAp");
    // A concern of the other mailbox is refused.
    let r = write(&app, &b, "leistung", "bewerbung", "Falsch", "Text").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte wählen Sie ein Anliegen."));
    // The client's Verlauf records each sending.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'message_sent'").await, 3);
}

#[tokio::test]
async fn answers_are_unread_until_opened_two_members_answering_at_once_are_both_kept_and_closed_threads_take_no_reply() {
    let app = TestApp::spawn().await;
    let (b, client_id) = client(&app, "antwort@example.de", "123A456789", true).await;
    let r = write(&app, &b, "leistung", "zahlung", "Zahlung fehlt", "Die Zahlung für Mai fehlt.").await;
    let thread = thread_of(&r);
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m1 = staff(&app, "m1@jobcenter.example", &office, "leistung").await;
    let m2 = staff(&app, "m2@jobcenter.example", &office, "leistung").await;
    let other_team = staff(&app, "v@jobcenter.example", &office, "vermittlung").await;
    let path = format!("/backoffice/kunden/{client_id}/nachrichten/{thread}?zweck=leistung");
    // Staff open it (logged with its purpose), then two answer at once.
    let shown = m1.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains("Die Zahlung für Mai fehlt."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what = 'nachricht' AND purpose = 'leistung'").await, 1);
    let answer = |c: &reqwest::Client, text: &'static str| c.post(app.url(&path)).multipart(text_form(text)).send();
    let (a, c) = tokio::join!(answer(&m1, "Antwort eins"), answer(&m2, "Antwort zwei"));
    assert_eq!((a.unwrap().status().as_u16(), c.unwrap().status().as_u16()), (303, 303));
    let seqs: Vec<i64> = sqlx::query_scalar("SELECT seq FROM mailbox_messages WHERE thread_id = $1 ORDER BY seq")
        .bind(&thread)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(seqs, [1, 2, 3], "both answers kept, in order");
    // A member of another team may read (record access) but not answer.
    let r = answer(&other_team, "Nicht meins").await.unwrap();
    assert!(location(&r).ends_with("hinweis=arbeit-error-not-allowed"), "{}", location(&r));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_messages").await, 3);

    // The client sees two unread answers until the thread is opened.
    assert!(page(&app, &b, "/profil").await.contains("2 ungelesen"));
    let t = page(&app, &b, &format!("/postfach/nachrichten/{thread}")).await;
    assert!(t.contains("Antwort eins") && t.contains("Antwort zwei"));
    assert!(!page(&app, &b, "/profil").await.contains("ungelesen"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'message_read'").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'message_answered'").await, 2);

    // The client answers; closing the item closes the thread for both sides.
    let r = b.post(app.url(&format!("/postfach/nachrichten/{thread}"))).multipart(text_form("Danke!")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let (item, version): (String, i64) = sqlx::query_as("SELECT id, version FROM work_items WHERE subject_id = $1")
        .bind(&thread)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for (aktion, v) in [("uebernehmen", version), ("erledigen", version + 1)] {
        let r = m1
            .post(app.url(&format!("/backoffice/aufgaben/{item}")))
            .form(&[("aktion", aktion), ("version", &v.to_string())])
            .send()
            .await
            .unwrap();
        assert!(location(&r).ends_with("hinweis=ok"), "{aktion}: {}", location(&r));
    }
    let r = b.post(app.url(&format!("/postfach/nachrichten/{thread}"))).multipart(text_form("Noch etwas")).send().await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Diese Unterhaltung ist abgeschlossen. Bitte schreiben Sie eine neue Nachricht."));
    assert_eq!(answer(&m1, "Zu spät").await.unwrap().status(), 422);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_messages").await, 4);
}

#[tokio::test]
async fn bad_input_is_refused_with_a_message_markup_stays_text_and_another_clients_thread_is_not_found() {
    let app = TestApp::spawn().await;
    let (a, a_id) = client(&app, "a@example.de", "123A456789", true).await;
    let (b, _) = client(&app, "b@example.de", "987B654321", true).await;
    let r = write(&app, &a, "vermittlung", "bewerbung", "  ", "Text").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte geben Sie einen Betreff ein."));
    let lang = "x".repeat(5001);
    let r = write(&app, &a, "vermittlung", "bewerbung", "Lang", &lang).await;
    assert!(r.text().await.unwrap().contains("Die Nachricht darf höchstens 5000 Zeichen lang sein."));
    let r = write(&app, &a, "vermittlung", "bewerbung", &"b".repeat(121), "Text").await;
    assert!(r.text().await.unwrap().contains("Der Betreff darf höchstens 120 Zeichen lang sein."));
    assert_eq!(write(&app, &a, "gibtsnicht", "bewerbung", "x", "y").await.status(), 404);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_threads").await, 0);

    let r = write(&app, &a, "vermittlung", "sonstiges_vermittlung", "<b>Hallo</b>", "<script>alert(1)</script>\nZeile zwei").await;
    let thread = thread_of(&r);
    let t = page(&app, &a, &format!("/postfach/nachrichten/{thread}")).await;
    // Escaped as text (askama writes `<` as `&#60;`).
    assert!(t.contains("&#60;script&#62;alert(1)&#60;/script&#62;") && !t.contains("<script>alert(1)"), "{t}");
    assert!(t.contains("&#60;b&#62;Hallo&#60;/b&#62;") && !t.contains("<b>Hallo"));
    let list = page(&app, &a, "/postfach/vermittlung").await;
    assert!(list.contains("&#60;b&#62;Hallo&#60;/b&#62;") && list.contains("Neue Nachricht"));
    // In the back office too: text, never markup.
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&a_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = staff(&app, "markup@jobcenter.example", &office, "vermittlung").await;
    let staff_view = page(&app, &m, &format!("/backoffice/kunden/{a_id}/nachrichten/{thread}?zweck=vermittlung")).await;
    assert!(staff_view.contains("&#60;script&#62;alert(1)&#60;/script&#62;") && !staff_view.contains("<script>alert(1)"));
    assert!(staff_view.contains("&#60;b&#62;Hallo&#60;/b&#62;") && !staff_view.contains("<b>Hallo"));
    let inbox = page(&app, &m, "/backoffice/aufgaben").await;
    assert!(!inbox.contains("<b>Hallo"), "the inbox shows no markup");
    // Stored sealed: the text is nowhere in the database in the clear.
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body_sealed FROM mailbox_messages").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(bodies.iter().all(|s| !s.contains("Zeile zwei")));

    // Client B: not found, by GET and by POST, and nothing stored.
    let r = b.get(app.url(&format!("/postfach/nachrichten/{thread}"))).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let r = b.post(app.url(&format!("/postfach/nachrichten/{thread}"))).multipart(text_form("Fremd")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(!page(&app, &b, "/postfach/vermittlung").await.contains("Hallo"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_messages").await, 1);
}

#[tokio::test]
async fn an_answer_is_announced_by_one_mail_without_content_per_window_and_only_when_the_client_chose_it() {
    let app = TestApp::spawn().await;
    let email = "mitteilung@example.de";
    let (b, client_id) = client(&app, email, "123A456789", true).await;
    let r = write(&app, &b, "leistung", "bescheid", "Frage zum Bescheid", "Warum wurde gekürzt?").await;
    let thread = thread_of(&r);
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = staff(&app, "lena@jobcenter.example", &office, "leistung").await;
    let path = format!("/backoffice/kunden/{client_id}/nachrichten/{thread}?zweck=leistung");
    let answer = |text: &'static str| m.post(app.url(&path)).multipart(text_form(text)).send();
    let mails = || async {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE recipient = $1 AND subject = 'Neue Nachricht in Ihrem Postfach'")
                .bind(email)
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
        n
    };
    // Option off (the default): no mail.
    assert_eq!(answer("Erste Antwort").await.unwrap().status(), 303);
    assert_eq!(mails().await, 0);
    // Option on: three answers in a row make one mail, without content.
    let r = b.post(app.url("/profil/bearbeiten")).form(&[("email_benachrichtigung", "on"), ("mobilnummer", "")]).send().await.unwrap();
    assert_eq!(r.status(), 303);
    for text in ["Zweite Antwort", "Dritte Antwort", "Vierte Antwort"] {
        assert_eq!(answer(text).await.unwrap().status(), 303);
    }
    assert_eq!(mails().await, 1, "one mail for a burst of answers");
    let mail = app.smtp.wait_for(email, "Neue Nachricht in Ihrem Postfach").await;
    for secret in ["Antwort", "Frage zum Bescheid", "gekürzt"] {
        assert!(!mail.text.contains(secret) && !mail.html.contains(secret), "the mail shows {secret}");
    }
    assert!(mail.text.contains("Leistungspostfach") && mail.text.contains("/postfach/leistung"), "{}", mail.text);
    // After the window, the next answer is announced again.
    app.clock.advance(jobcenter::portal::postfach::benachrichtigen::FENSTER + 1);
    assert_eq!(answer("Fünfte Antwort").await.unwrap().status(), 303);
    assert_eq!(mails().await, 2);
    // SMS where chosen, in the same window: one for a burst.
    let r = b
        .post(app.url("/profil/bearbeiten"))
        .form(&[("email_benachrichtigung", "on"), ("sms_benachrichtigung", "on"), ("mobilnummer", "0170 1234567")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let sms = || async { count(&app, "SELECT COUNT(*) FROM sms_outbox").await };
    let before = sms().await;
    app.clock.advance(jobcenter::portal::postfach::benachrichtigen::FENSTER + 1);
    for text in ["Sechste Antwort", "Siebte Antwort"] {
        assert_eq!(answer(text).await.unwrap().status(), 303);
    }
    assert_eq!(sms().await, before + 1, "one SMS for the burst");
    assert_eq!(mails().await, 3);
}
