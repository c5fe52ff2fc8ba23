//! Attachments and drafts of the mailboxes (POR-2): files through the upload
//! pipeline (refused ones named, nothing stored), "Entwurf speichern" keeps
//! text and files, sending moves them to the message, both sides open them
//! (the client's Verlauf, the staff access log), a double click sends once.

use crate::backoffice::staff;
use crate::dokumente::count;
use crate::portal::page;
use crate::postfach::{client, new_form};
use crate::support::{TestApp, location};
use dokumente::beispiele;
use reqwest::multipart::{Form, Part};

#[tokio::test]
async fn a_draft_keeps_text_and_files_and_sending_it_moves_them_to_the_message_once() {
    let app = TestApp::spawn().await;
    let (b, client_id) = client(&app, "entwurf@example.de", "123A456789", true).await;
    let pdf = beispiele::pdf();
    // "Entwurf speichern" with a file: kept, listed, resumable.
    let r = b
        .post(app.url("/postfach/leistung/neu"))
        .multipart(new_form("zahlung", "Kontoauszug", "Anbei der Auszug", vec![("auszug.pdf", pdf.clone())]).text("aktion", "entwurf"))
        .send()
        .await
        .unwrap();
    let l = location(&r);
    assert!(l.starts_with("/postfach/leistung/neu?entwurf=") && l.ends_with("&hinweis=entwurf"), "{l}");
    let draft = l.split("entwurf=").nth(1).unwrap().split('&').next().unwrap().to_owned();
    let resumed = page(&app, &b, &l).await;
    assert!(resumed.contains("Ihr Entwurf wurde gespeichert.") && resumed.contains("Anbei der Auszug") && resumed.contains("auszug.pdf"));
    assert!(page(&app, &b, "/postfach/leistung").await.contains("Kontoauszug"), "the draft is listed");
    // Sending it with an error (no concern) keeps everything; a second file
    // is added; then it is sent: one thread, one message, two attachments.
    let add = |anliegen: &str| {
        new_form(anliegen, "Kontoauszug", "Anbei der Auszug", vec![("foto.jpg", beispiele::jpeg(64, 48))]).text("entwurf", draft.clone())
    };
    let r = b.post(app.url("/postfach/leistung/neu")).multipart(add("")).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Bitte wählen Sie ein Anliegen.") && body.contains("auszug.pdf") && body.contains("foto.jpg"), "nothing lost");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_threads").await, 0);
    let key = "anhang-schluessel-0123456789abcdef";
    let send = || {
        b.post(app.url("/postfach/leistung/neu"))
            .multipart(
                new_form("zahlung", "Kontoauszug", "Anbei der Auszug", vec![]).text("entwurf", draft.clone()).text("idempotenz", key),
            )
            .send()
    };
    let (r1, r2) = tokio::join!(send(), send());
    let (r1, r2) = (r1.unwrap(), r2.unwrap());
    assert_eq!(location(&r1), location(&r2), "a double click gets one answer");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_threads").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_drafts").await, 0, "the draft is gone");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_attachments WHERE message_id IS NOT NULL").await, 2);
    let thread = location(&r1).trim_start_matches("/postfach/nachrichten/").split('?').next().unwrap().to_owned();

    // The client opens an attachment (in the Verlauf); staff open it too
    // (in the access log); the bytes are the file's.
    let shown = page(&app, &b, &format!("/postfach/nachrichten/{thread}")).await;
    let href = shown.split("href=\"/postfach/anhaenge/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let got = b.get(app.url(&format!("/postfach/anhaenge/{href}"))).send().await.unwrap();
    assert!(got.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    let bytes = got.bytes().await.unwrap();
    assert!(bytes.as_ref() == pdf.as_slice() || bytes.as_ref() == beispiele::jpeg(64, 48).as_slice());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = 'attachment_opened'").await, 1);
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = staff(&app, "anhang@jobcenter.example", &office, "leistung").await;
    let base = format!("/backoffice/kunden/{client_id}/nachrichten/{thread}");
    let r = m.get(app.url(&format!("{base}/anhaenge/{href}?zweck=leistung"))).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what = 'anhang'").await, 1);
    // Staff answer with an attachment; the client sees it.
    let answer = Form::new().text("text", "Danke, geprüft.").part("dateien", Part::bytes(pdf.clone()).file_name("Bescheinigung.pdf"));
    let r = m.post(app.url(&format!("{base}?zweck=leistung"))).multipart(answer).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert!(page(&app, &b, &format!("/postfach/nachrichten/{thread}")).await.contains("Bescheinigung.pdf"));
    // Client B finds none of it.
    let (other, _) = client(&app, "andere@example.de", "987B654321", true).await;
    assert_eq!(other.get(app.url(&format!("/postfach/anhaenge/{href}"))).send().await.unwrap().status(), 404);
    let foreign = page(&app, &other, &format!("/postfach/leistung/neu?entwurf={draft}")).await;
    assert!(!foreign.contains("Anbei der Auszug") && !foreign.contains("auszug.pdf"), "another client's draft is not opened");
}

#[tokio::test]
async fn a_refused_file_is_named_and_nothing_of_the_request_is_stored() {
    let app = TestApp::spawn().await;
    let (b, _) = client(&app, "abgelehnt@example.de", "123A456789", true).await;
    let form = new_form("zahlung", "Auszug", "Text bleibt", vec![("gut.pdf", beispiele::pdf()), ("kaputt.pdf", b"kein pdf".to_vec())]);
    let r = b.post(app.url("/postfach/leistung/neu")).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("„kaputt.pdf“") && body.contains("Text bleibt"), "{body}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_threads").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM mailbox_attachments").await, 0, "the accepted file is not kept either");
}
