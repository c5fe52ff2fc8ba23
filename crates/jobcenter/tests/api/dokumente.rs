//! "Datei hochladen" (POR-4) and what it stands on: acting for a client
//! (REP-2/3), the journal, idempotency keys, work items and the staff
//! inbox, encrypted storage, the sweep.

use crate::backoffice::staff;
use crate::portal::{client_signed_up, enter_code, page};
use crate::support::{TestApp, location};
use dokumente::beispiele;
use reqwest::multipart::{Form, Part};

mod scanner;
mod speicher;

pub(crate) const KEY: &str = "abcdefghijklmnopqrstuvwxyz012345";

/// A client with an activated profile in `office`; returns the browser,
/// the client id and the account id.
pub(crate) async fn client_with_profile(app: &TestApp, email: &str) -> (reqwest::Client, String, String) {
    let (record, code) = app.fixture_client_with_code("123A456789", "Łukasz", "Şahin").await;
    let (browser, _) = client_signed_up(app, email).await;
    let r = enter_code(app, &browser, &code.display()).await;
    assert_eq!(location(&r), "/freischaltcode/erfolgreich");
    (browser, record.id.clone(), app.account_id(email).await.unwrap())
}

pub(crate) fn form(topic: &str, key: &str, files: Vec<(&str, Vec<u8>)>) -> Form {
    let mut f = Form::new().text("idempotenz", key.to_owned()).text("thema", topic.to_owned()).text("nachricht", "Kontoauszüge Mai");
    for (name, bytes) in files {
        f = f.part("dateien", Part::bytes(bytes).file_name(name.to_owned()));
    }
    f
}

pub(crate) async fn send(app: &TestApp, browser: &reqwest::Client, form: Form) -> reqwest::Response {
    browser.post(app.url("/dokumente/hochladen")).multipart(form).send().await.unwrap()
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(&app.state.db.pool).await.unwrap()
}

/// Every stored object under the local storage directory.
fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() { walk(&p, out) } else { out.push(p) }
        }
    }
    let mut out = Vec::new();
    walk(&app.dir.path().join("dokumente"), &mut out);
    out
}

#[tokio::test]
async fn a_client_sends_files_and_gets_a_receipt_a_mail_a_history_entry_and_a_staff_item() {
    let app = TestApp::spawn().await;
    let (browser, client_id, _) = client_with_profile(&app, "lukasz@example.de").await;
    let start = page(&app, &browser, "/profil").await;
    assert!(start.contains("href=\"/dokumente/hochladen\""), "the start page offers the upload");
    let form_page = page(&app, &browser, "/dokumente/hochladen").await;
    for text in [
        "Datei hochladen",
        "Dateien zu verschiedenen Themen online senden",
        "Geldleistung",
        "Vermittlung",
        "Bildung und Teilhabe",
        "Je Datei höchstens 20 MB",
        "höchstens 10 Dateien",
        "Als ein Dokument senden",
        "capture=\"environment\"",
    ] {
        assert!(form_page.contains(text), "{text}");
    }
    let pdf = beispiele::pdf();
    let jpeg = beispiele::jpeg(64, 48);
    let r = send(&app, &browser, form("geldleistung", KEY, vec![("Kontoauszug.pdf", pdf.clone()), ("Foto.jpg", jpeg.clone())])).await;
    assert_eq!(r.status(), 303);
    let receipt_path = location(&r);
    assert!(receipt_path.starts_with("/dokumente/gesendet/"), "{receipt_path}");
    let receipt = page(&app, &browser, &receipt_path).await;
    let sha = |b: &[u8]| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(b));
    for text in ["Ihre Dateien sind eingegangen", "Kontoauszug.pdf", "Foto.jpg", "Geldleistung", &sha(&pdf), &sha(&jpeg)] {
        assert!(receipt.contains(text), "{text}");
    }
    // Stored encrypted: no object holds the file's bytes.
    let objects = stored_files(&app);
    assert_eq!(objects.len(), 2);
    for o in &objects {
        let raw = std::fs::read(o).unwrap();
        assert!(
            !raw.windows(8).any(|w| w == &pdf[..8]) && !raw.windows(16).any(|w| w == &jpeg[jpeg.len() - 16..]),
            "stored in clear: {o:?}"
        );
    }
    assert_eq!(app.queued_mails("lukasz@example.de", "Eingangsbestätigung").await, 1);
    let mail: String =
        sqlx::query_scalar("SELECT subject FROM outbox WHERE subject LIKE 'Eingangs%'").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(!mail.contains("Kontoauszüge"), "the receipt mail has no content");
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM client_events WHERE client_id = '{client_id}' AND kind = 'files_sent' AND actor_kind = 'client'"
            )
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM work_items WHERE team = 'leistung' AND state = 'eingegangen' AND kind = 'upload'").await,
        1
    );
    let history = page(&app, &browser, "/profil/verlauf").await;
    assert!(history.contains("Dateien gesendet"));

    // Staff of the team see it in their inbox, open it (logged) and download the file.
    let o: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let leistung = staff(&app, "leistung@jobcenter.example", &o, "leistung").await;
    let inbox = page(&app, &leistung, "/backoffice/aufgaben?ansicht=offen").await;
    assert!(inbox.contains("Hochgeladene Dateien") && inbox.contains("123A456789"));
    let upload_id = receipt_path.rsplit('/').next().unwrap().to_owned();
    let sending = page(&app, &leistung, &format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}?zweck=leistung")).await;
    assert!(sending.contains("Kontoauszüge Mai") && sending.contains("Kontoauszug.pdf"));
    let file_id: String = sqlx::query_scalar("SELECT id FROM upload_files WHERE position = 1").fetch_one(&app.state.db.pool).await.unwrap();
    let r = leistung
        .get(app.url(&format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}/dateien/{file_id}?zweck=leistung")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"Kontoauszug.pdf\""));
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf.as_slice(), "the file comes back decrypted, unchanged");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what IN ('sendung', 'datei')").await, 2);
    // Without a purpose nothing is shown or logged.
    let r = leistung.get(app.url(&format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}"))).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("name=\"zweck\""));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what IN ('sendung', 'datei')").await, 2);
}

#[tokio::test]
async fn a_double_clicked_send_creates_one_sending() {
    let app = TestApp::spawn().await;
    let (browser, _, _) = client_with_profile(&app, "doppelt@example.de").await;
    let pdf = beispiele::pdf();
    let (a, b) = tokio::join!(
        send(&app, &browser, form("vermittlung", KEY, vec![("a.pdf", pdf.clone())])),
        send(&app, &browser, form("vermittlung", KEY, vec![("a.pdf", pdf.clone())])),
    );
    assert_eq!((a.status(), b.status()), (reqwest::StatusCode::SEE_OTHER, reqwest::StatusCode::SEE_OTHER));
    assert_eq!(location(&a), location(&b), "both answers lead to the one receipt");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM uploads").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_items").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Eingangs%'").await, 1);
    assert_eq!(stored_files(&app).len(), 1, "the repeated request's object is deleted");
    // A new key is a new sending.
    let r = send(&app, &browser, form("vermittlung", "ein-anderer-schluessel-0123456789", vec![("a.pdf", pdf)])).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM uploads").await, 2);
}

#[tokio::test]
async fn hostile_files_are_refused_each_with_its_message_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let (browser, _, _) = client_with_profile(&app, "feind@example.de").await;
    let mut big = beispiele::pdf();
    big.resize(21_000_000, b' ');
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("poly.pdf", beispiele::polyglott_pdf_jpeg(), "zugleich Bild und PDF"),
        ("riesig.png", beispiele::png_riesig(), "zu viele Bildpunkte"),
        ("kaputt.jpg", beispiele::jpeg_abgeschnitten(), "beschädigt oder unvollständig"),
        ("geheim.pdf", beispiele::pdf_verschluesselt(), "verschlüsselt oder mit einem Passwort"),
        ("skript.pdf", beispiele::pdf_mit_javascript(), "aktive Inhalte"),
        ("leer.pdf", beispiele::leer(), "ist leer"),
        ("programm.exe", b"MZ\x90\x00 not a document".to_vec(), "keine PDF-, JPEG-, PNG- oder HEIC-Datei"),
        ("gross.pdf", big, "größer als 20 MB"),
    ];
    for (name, bytes, message) in cases {
        let r = send(&app, &browser, form("geldleistung", KEY, vec![(name, bytes)])).await;
        assert_eq!(r.status(), 422, "{name}");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{name}: {message}");
        assert!(html.contains(name), "{name} is named next to its message");
    }
    // A name with a path, NUL, a right-to-left override and 300 characters.
    let evil = format!("../../x\u{0}\u{202e}{}.exe", "a".repeat(300));
    let r = send(&app, &browser, form("geldleistung", KEY, vec![(&evil, b"MZ".to_vec())])).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(!html.contains('\u{202e}') && !html.contains("../"), "the name is shown cleaned");
    // 10 000 parts: refused at the first one too many, no 5xx.
    // (Written by hand: reqwest's Form chains one stream per part.)
    let boundary = "grenze0123456789";
    let mut body = String::new();
    for i in 0..10_000 {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    let r = browser
        .post(app.url("/dokumente/hochladen"))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    // A body that ends long before its Content-Length (a lying client, a
    // dropped connection): nothing is stored, whatever the client sees.
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"thema\"\r\n\r\ngeldleistung\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"dateien\"; filename=\"halb.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    );
    let mut partial = head.into_bytes();
    partial.extend_from_slice(&beispiele::pdf()[..100]);
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![Ok(partial)];
    let lying = browser
        .post(app.url("/dokumente/hochladen"))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .header("content-length", "10000000")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
        .send()
        .await;
    if let Ok(r) = lying {
        assert!(r.status().is_client_error(), "{}", r.status());
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM uploads").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM upload_files").await, 0);
    assert!(stored_files(&app).is_empty(), "nothing refused stays stored: {:?}", stored_files(&app));
}

#[tokio::test]
async fn two_members_cannot_both_claim_one_item_and_only_the_assignee_closes_it() {
    let app = TestApp::spawn().await;
    let (browser, client_id, _) = client_with_profile(&app, "claim@example.de").await;
    let r = send(&app, &browser, form("vermittlung", KEY, vec![("cv.pdf", beispiele::pdf())])).await;
    assert_eq!(r.status(), 303);
    let o: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let a = staff(&app, "a@jobcenter.example", &o, "vermittlung").await;
    let b = staff(&app, "b@jobcenter.example", &o, "vermittlung").await;
    let l = staff(&app, "l@jobcenter.example", &o, "leistung").await;
    let (item, version): (String, i64) = sqlx::query_as("SELECT id, version FROM work_items").fetch_one(&app.state.db.pool).await.unwrap();
    let claim = |c: &reqwest::Client| {
        c.post(app.url(&format!("/backoffice/aufgaben/{item}")))
            .form(&[("aktion", "uebernehmen"), ("version", &version.to_string())])
            .send()
    };
    let (ra, rb) = tokio::join!(claim(&a), claim(&b));
    let outcomes = [location(&ra.unwrap()), location(&rb.unwrap())];
    assert_eq!(outcomes.iter().filter(|l| l.ends_with("hinweis=ok")).count(), 1, "{outcomes:?}");
    assert_eq!(outcomes.iter().filter(|l| l.ends_with("hinweis=arbeit-error-stale")).count(), 1, "{outcomes:?}");
    let (state, assignee, v2): (String, Option<String>, i64) =
        sqlx::query_as("SELECT state, assignee, version FROM work_items").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!((state.as_str(), v2), ("in_bearbeitung", version + 1));
    let winner = assignee.unwrap();
    let a_id = app.account_id("a@jobcenter.example").await.unwrap();
    let (closer, other) = if winner == a_id { (&a, &b) } else { (&b, &a) };
    // "Meine Aufgaben" offers the hand-over as a link to the item's page,
    // where the colleague list is shown once (not a list in every row).
    let mine = page(&app, closer, "/backoffice/aufgaben?ansicht=meine").await;
    assert!(mine.contains("?zweck=vermittlung#vorgang\">Abgeben …</a>"), "{mine}");
    assert!(!mine.contains("<select"), "no colleague list in the inbox rows");
    // Another team may not touch it; the non-assignee may not close it.
    for (c, who) in [(&l, "leistung"), (other, "other")] {
        let r = c
            .post(app.url(&format!("/backoffice/aufgaben/{item}")))
            .form(&[("aktion", "erledigen"), ("version", &v2.to_string())])
            .send()
            .await
            .unwrap();
        assert!(location(&r).ends_with("hinweis=arbeit-error-not-allowed"), "{who}: {}", location(&r));
    }
    let r = closer
        .post(app.url(&format!("/backoffice/aufgaben/{item}")))
        .form(&[("aktion", "erledigen"), ("version", &v2.to_string()), ("notiz", "Lebenslauf geprüft")])
        .send()
        .await
        .unwrap();
    assert!(location(&r).ends_with("hinweis=ok"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_items WHERE state = 'erledigt'").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_item_notes").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_item_log").await, 2);
    // The client sees both steps in the history, as done by the jobcenter.
    let history = page(&app, &browser, "/profil/verlauf").await;
    assert!(history.contains("Vom Jobcenter in Bearbeitung genommen") && history.contains("Vom Jobcenter erledigt"));
}

#[tokio::test]
async fn a_representative_acts_only_with_the_right_and_is_journaled_as_representative() {
    let app = TestApp::spawn().await;
    let (_, client_id, _) = client_with_profile(&app, "klientin@example.de").await;
    let (rep, _) = client_signed_up(&app, "vertreter@example.de").await;
    let rep_account = app.account_id("vertreter@example.de").await.unwrap();
    let now = app.state.now();
    let profile = jobcenter::db::new_id();
    sqlx::query(
        "INSERT INTO profiles (id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at)
         VALUES ($1, $2, $3, 'representative', 1, $4, NULL, $4)",
    )
    .bind(&profile)
    .bind(&rep_account)
    .bind(&client_id)
    .bind(now)
    .execute(&app.state.db.writer)
    .await
    .unwrap();
    let poa = jobcenter::db::new_id();
    sqlx::query("INSERT INTO powers_of_attorney (id, profile_id, rights, valid_from, valid_until, created_at) VALUES ($1, $2, 'nachrichten', $3, NULL, $3)")
        .bind(&poa)
        .bind(&profile)
        .bind(now)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    sqlx::query("UPDATE sessions SET profile_id = $1 WHERE account_id = $2")
        .bind(&profile)
        .bind(&rep_account)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    // Without the upload right: refused, nothing stored.
    let r = rep.get(app.url("/dokumente/hochladen")).send().await.unwrap();
    assert_eq!(r.status(), 403);
    let r = send(&app, &rep, form("geldleistung", KEY, vec![("a.pdf", beispiele::pdf())])).await;
    assert_eq!(r.status(), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM uploads").await, 0);
    // Never the client's consents or settings (REP-2), whatever the rights.
    for path in ["/profil/online-kommunikation", "/profil/bearbeiten"] {
        assert_eq!(rep.get(app.url(path)).send().await.unwrap().status(), 403, "{path}");
    }
    // With the right: sent, and journaled as the representative (REP-3).
    sqlx::query("UPDATE powers_of_attorney SET rights = 'nachrichten,hochladen' WHERE id = $1")
        .bind(&poa)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let r = send(&app, &rep, form("geldleistung", KEY, vec![("a.pdf", beispiele::pdf())])).await;
    assert_eq!(r.status(), 303);
    let (kind, actor, by, via): (String, String, Option<String>, Option<String>) =
        sqlx::query_as("SELECT kind, actor_kind, actor_account_id, power_of_attorney_id FROM client_events WHERE kind = 'files_sent'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (kind.as_str(), actor.as_str(), by.as_deref(), via.as_deref()),
        ("files_sent", "representative", Some(rep_account.as_str()), Some(poa.as_str()))
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM uploads WHERE actor_kind = 'representative'").await, 1);
}

/// Follows the "Weitere Einträge anzeigen" links from `first`; returns the
/// pages' HTML.
async fn follow_pages(app: &TestApp, browser: &reqwest::Client, first: &str) -> Vec<String> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    while let Some(path) = next.take() {
        let html = page(app, browser, &path).await;
        next = html
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap_or(""))
            .find(|h| h.contains("nach=") && !h.contains("lang="))
            .map(|h| h.replace("&amp;", "&").replace("&#38;", "&"));
        pages.push(html);
        assert!(pages.len() < 20, "the pages end: {path} -> {next:?}");
    }
    pages
}

#[tokio::test]
async fn the_verlauf_and_the_inbox_page_through_every_row_once_in_order() {
    let app = TestApp::spawn().await;
    let (browser, client_id, _) = client_with_profile(&app, "seiten@example.de").await;
    let base = app.state.now();
    // 120 events, several in the same second (the id breaks the tie).
    for i in 0..120_i64 {
        sqlx::query(
            "INSERT INTO client_events (id, client_id, kind, actor_kind, at, details) VALUES ($1, $2, 'files_sent', 'client', $3, '{}')",
        )
        .bind(jobcenter::db::new_id())
        .bind(&client_id)
        .bind(base + 10 + i / 3)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    }
    let pages = follow_pages(&app, &browser, "/profil/verlauf").await;
    assert_eq!(pages.len(), 3, "50 + 50 + 21 rows");
    let rows: usize = pages.iter().map(|p| p.matches("Dateien gesendet").count()).sum();
    assert_eq!(rows, 120, "every event once");

    let o: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let leistung = staff(&app, "seiten-leistung@jobcenter.example", &o, "leistung").await;
    for i in 0..110_i64 {
        sqlx::query(
            "INSERT INTO work_items (id, client_id, office_id, kind, subject_id, team, state, assignee, version, created_at, updated_at)
             VALUES ($1, $2, $3, 'upload', $4, 'leistung', 'eingegangen', NULL, 1, $5, $5)",
        )
        .bind(jobcenter::db::new_id())
        .bind(&client_id)
        .bind(&o)
        .bind(format!("subject-{i}"))
        .bind(base + i / 4)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    }
    let pages = follow_pages(&app, &leistung, "/backoffice/aufgaben?ansicht=offen").await;
    assert_eq!(pages.len(), 3);
    let mut seen: Vec<String> = pages
        .iter()
        // Each row's title link (its hand-over link goes to the item's `#vorgang`).
        .flat_map(|p| {
            p.split("/sendungen/")
                .skip(1)
                .filter(|s| !s.split('"').next().unwrap_or("").contains("#vorgang"))
                .map(|s| s.split('?').next().unwrap_or("").to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(seen.len(), 110);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 110, "no item twice, none left out");
}
