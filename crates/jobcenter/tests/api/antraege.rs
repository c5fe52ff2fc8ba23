//! "Ihre Vorgänge" and the eServices (APP-1, APP-2): a form defined by
//! data filled in steps, a draft across two logins, field errors from the
//! schema, required documents, an idempotent submission with a work item
//! and a receipt mail, versions, and one client never seeing another's.

use crate::portal::page;
use crate::postfach::client_with_secret;
use crate::support::{PASSWORD, TestApp, location};
use dokumente::beispiele;
use jobcenter::portal::antraege::definitionen;
use reqwest::multipart::{Form, Part};

/// The engine's example form "probe" (`formulare::beispiele`) as a file.
pub fn probe(version: u32) -> String {
    formulare::beispiele::probe(version).to_string()
}

pub async fn laden_und_aktivieren(app: &TestApp, json: &str, version: u32) {
    let mut tx = app.state.db.begin().await.unwrap();
    definitionen::speichern(&mut tx, json, app.state.now()).await.unwrap().unwrap();
    definitionen::aktivieren(&mut tx, "probe", version, app.state.now()).await.unwrap().unwrap();
    tx.commit().await.unwrap();
}

pub async fn step(app: &TestApp, b: &reqwest::Client, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    b.post(app.url(path)).form(form).send().await.unwrap()
}

pub async fn count(app: &TestApp, sql: &str, id: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).bind(id).fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn a_form_is_filled_in_steps_kept_as_a_draft_across_logins_and_sent_once() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, client_id, secret) = client_with_secret(&app, "antrag@example.de", "123A456781", true).await;

    // The shipped eServices are all offered; the start page explains.
    let liste = page(&app, &b, "/antraege/eservices").await;
    for titel in ["Abwesenheit online abstimmen", "Widerspruch einlegen", "Probeantrag"] {
        assert!(liste.contains(titel), "{titel}");
    }
    assert!(page(&app, &b, "/antraege/neu/probe").await.contains("Antrag starten"));
    let r = step(&app, &b, "/antraege/neu/probe", &[]).await;
    let first = location(&r);
    assert!(first.ends_with("/schritt/start"), "{first}");
    let id = first.trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();

    // Step 1 of 3 (+ documents later); a wrong number is kept and named.
    let html = page(&app, &b, &first).await;
    assert!(html.contains("Schritt 1 von 2"), "no income yet: two pages");
    let r = step(&app, &b, &first, &[("anzahl", "zwei"), ("einkommen", "ja"), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("eine ganze Zahl") && html.contains("value=\"zwei\""), "typed text stays on the page");
    assert!(html.contains("href=\"#feld-anzahl\""), "the summary links to the field");
    let r = step(&app, &b, &first, &[("anzahl", "2"), ("einkommen", "ja"), ("aktion", "weiter")]).await;
    assert_eq!(location(&r), format!("/antraege/{id}/schritt/einkommen"), "income: the skipped step appears");
    let einkommen = location(&r);
    let r = step(&app, &b, &einkommen, &[("art", "lohn"), ("betrag", "viel"), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("„Monatliches Einkommen“ einen Betrag in Euro"));
    let r = step(&app, &b, &einkommen, &[("art", "lohn"), ("betrag", "1.250,50"), ("aktion", "entwurf")]).await;
    assert_eq!(location(&r), format!("{einkommen}?hinweis=entwurf"));

    // Logged out and in again: the draft is in "Ihre Vorgänge", answers kept.
    let r = b.post(app.url("/abmelden")).send().await.unwrap();
    assert!(r.status().is_redirection());
    let b = app.new_client();
    let r = app.sign_in_with(&b, "antrag@example.de", PASSWORD, &secret).await;
    assert!(r.status().is_redirection());
    let vorgaenge = page(&app, &b, "/antraege").await;
    assert!(vorgaenge.contains("Probeantrag") && vorgaenge.contains("Wird von Ihnen bearbeitet"), "{vorgaenge}");
    assert!(page(&app, &b, &einkommen).await.contains("value=\"1250,50\""));

    // Two entries because the first page said two; markup is text.
    let personen = format!("/antraege/{id}/schritt/personen");
    let html = page(&app, &b, &personen).await;
    assert!(html.contains("feld-personen-1-name") && !html.contains("feld-personen-2-name"));
    let r = step(
        &app,
        &b,
        &personen,
        &[
            ("personen.0.name", "Łukasz <b>Şahin</b>"),
            ("personen.1.name", "Олена"),
            ("iban", "DE89 3704 0044 0532 0130 00"),
            ("aktion", "weiter"),
        ],
    )
    .await;
    assert_eq!(location(&r), format!("/antraege/{id}/nachweise"), "wages call for a payslip");

    // The summary: every answer with "Ändern"; the payslip is missing.
    let summary = format!("/antraege/{id}/zusammenfassung");
    let html = page(&app, &b, &summary).await;
    assert!(html.contains("Łukasz &lt;b&gt;Şahin&lt;/b&gt;") || html.contains("Łukasz &#60;b&#62;Şahin&#60;/b&#62;"), "escaped");
    assert!(html.contains("1250,50 €") && html.contains(&format!("/antraege/{id}/schritt/einkommen#feld-betrag")));
    assert!(html.contains("Bitte laden Sie „Lohnabrechnung“ hoch.") && !html.contains("Antrag absenden"));
    let r = step(&app, &b, &format!("/antraege/{id}/absenden"), &[]).await;
    assert_eq!(location(&r), summary, "not sent without the required document");

    let form = Form::new().text("aktion", "weiter").part("anhang-lohnnachweis", Part::bytes(beispiele::pdf()).file_name("Lohn.pdf"));
    let r = b.post(app.url(&format!("/antraege/{id}/nachweise"))).multipart(form).send().await.unwrap();
    assert_eq!(location(&r), summary);
    let html = page(&app, &b, &summary).await;
    assert!(html.contains("Lohn.pdf") && html.contains("Antrag absenden"));

    // Sent twice with one key: one application, one work item, one mail.
    let key = jobcenter::web::idempotenz::neuer_schluessel();
    let send = [("idempotenz", key.as_str())];
    let r1 = step(&app, &b, &format!("/antraege/{id}/absenden"), &send).await;
    let r2 = step(&app, &b, &format!("/antraege/{id}/absenden"), &send).await;
    assert_eq!(location(&r1), format!("/antraege/{id}?hinweis=gesendet"));
    assert_eq!(location(&r2), location(&r1));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_items WHERE kind = 'antrag' AND subject_id = $1", &id).await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM applications WHERE id = $1 AND state = 'gesendet' AND reference IS NOT NULL", &id).await,
        1
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE client_id = $1 AND kind = 'application_sent'", &client_id).await, 1);
    assert_eq!(app.queued_mails("antrag@example.de", "Ihr Antrag ist eingegangen").await, 1);
    let html = page(&app, &b, &location(&r1)).await;
    assert!(html.contains("Von Ihnen online gesendet") && html.contains("für die Bedarfsgemeinschaft"), "{html}");
    assert!(html.contains("Eingegangen") && html.contains("Lohn.pdf"));

    // The receipt: every answer (markup as plain text), the document with
    // its size and SHA-256, the time and the reference; a download.
    let quittung = format!("/antraege/{id}/eingangsbestaetigung");
    assert!(html.contains(&format!("href=\"{quittung}\"")));
    let r = b.get(app.url(&quittung)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let text = crate::support::pdf_text(&r.bytes().await.unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let reference: String =
        sqlx::query_scalar("SELECT reference FROM applications WHERE id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(beispiele::pdf()));
    for want in [
        "Eingangsbestätigung",
        "Probeantrag",
        &format!("Vorgangsnummer: {reference}"),
        "Online gesendet am: ",
        "Kundennummer: 123A456781",
        "Łukasz <b>Şahin</b>",
        "Олена",
        "1250,50 €",
        "Lohn.pdf",
        &format!("SHA-256: {sha}"),
    ] {
        assert!(flat.contains(want), "{want:?} in the receipt: {flat}");
    }
    // What was sent cannot be changed any more.
    let r = step(&app, &b, &personen, &[("iban", "x"), ("aktion", "weiter")]).await;
    assert_eq!(location(&r), format!("/antraege/{id}"));

    // Another client sees nothing of it; a forged id is a 404.
    let (other, _) = crate::postfach::client(&app, "fremd@example.de", "123A456782", true).await;
    for path in [
        format!("/antraege/{id}"),
        summary.clone(),
        personen.clone(),
        quittung.clone(),
        "/antraege/01900000-0000-7000-8000-000000000000".into(),
    ] {
        assert_eq!(other.get(app.url(&path)).send().await.unwrap().status(), 404, "{path}");
    }
    assert!(!page(&app, &other, "/antraege").await.contains("Probeantrag</a>"));
}

#[tokio::test]
async fn a_new_version_archives_the_old_one_and_its_drafts_cannot_be_sent() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, _) = crate::postfach::client(&app, "version@example.de", "123A456783", true).await;
    let id =
        location(&step(&app, &b, "/antraege/neu/probe", &[]).await).trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    step(&app, &b, &format!("/antraege/{id}/schritt/start"), &[("anzahl", "0"), ("einkommen", "nein"), ("aktion", "weiter")]).await;
    step(&app, &b, &format!("/antraege/{id}/schritt/personen"), &[("iban", "DE89370400440532013000"), ("aktion", "weiter")]).await;
    assert!(page(&app, &b, &format!("/antraege/{id}/zusammenfassung")).await.contains("Antrag absenden"));

    // The same version with other content is refused; a new one replaces it.
    let mut tx = app.state.db.begin().await.unwrap();
    let anders = probe(1).replace("Probeantrag", "Anderer Titel");
    assert!(matches!(
        definitionen::speichern(&mut tx, &anders, app.state.now()).await.unwrap(),
        Err(definitionen::Ablehnung::VersionVergeben { .. })
    ));
    drop(tx);
    laden_und_aktivieren(&app, &probe(2), 2).await;
    let html = page(&app, &b, &format!("/antraege/{id}/zusammenfassung")).await;
    assert!(html.contains("Dieses Formular wurde inzwischen geändert") && !html.contains("Antrag absenden"));
    let r = step(&app, &b, &format!("/antraege/{id}/absenden"), &[]).await;
    assert_eq!(location(&r), format!("/antraege/{id}/zusammenfassung"));

    // An invalid definition is refused with its place.
    let mut tx = app.state.db.begin().await.unwrap();
    let kaputt = probe(3).replace("\"wert.art.rente\"", "\"wert.art.renten\"");
    match definitionen::speichern(&mut tx, &kaputt, app.state.now()).await.unwrap() {
        Err(definitionen::Ablehnung::Maengel(m)) => assert!(m.iter().any(|x| x.ort == "texte.de.wert.art.rente"), "{m:?}"),
        other => panic!("{other:?}"),
    }
}

/// `text` as askama writes it into HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// Every shipped definition: each step page renders in de, en and uk for a
/// new draft (the steps its conditions skip are shown in the back office's
/// preview).
#[tokio::test]
async fn every_shipped_eservice_starts_and_renders_in_three_languages() {
    let app = TestApp::spawn().await;
    let (b, _) = crate::postfach::client(&app, "alle@example.de", "123A456784", true).await;
    let live = definitionen::live(&app.state.db.pool).await.unwrap();
    assert_eq!(live.len(), definitionen::MITGELIEFERT.len());
    assert_eq!(live.len(), 17, "the 17 eServices of seed 001");
    for d in live {
        let r = step(&app, &b, &format!("/antraege/neu/{}", d.key()), &[]).await;
        let first = location(&r);
        for lang in ["de", "en", "uk"] {
            let html = page(&app, &b, &format!("{first}?lang={lang}")).await;
            let schritt = first.rsplit('/').next().unwrap();
            for key in ["titel".to_owned(), format!("schritt.{schritt}")] {
                let text = d.formular.text(lang, &key).unwrap();
                assert!(html.contains(&escaped(text)), "{first} {lang}: {key} \"{text}\" is not on the page");
            }
        }
    }
}

/// Staff process a sent application: a document request the client answers
/// with an upload, then a decision; every change is seen by the client.
#[tokio::test]
async fn staff_request_documents_the_upload_answers_it_and_a_decision_is_shown() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, client_id) = crate::postfach::client(&app, "bearbeitung@example.de", "123A456785", true).await;
    let id =
        location(&step(&app, &b, "/antraege/neu/probe", &[]).await).trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    step(&app, &b, &format!("/antraege/{id}/schritt/start"), &[("anzahl", "0"), ("einkommen", "nein"), ("aktion", "weiter")]).await;
    step(&app, &b, &format!("/antraege/{id}/schritt/personen"), &[("iban", "DE89370400440532013000"), ("aktion", "weiter")]).await;
    assert_eq!(location(&step(&app, &b, &format!("/antraege/{id}/absenden"), &[]).await), format!("/antraege/{id}?hinweis=gesendet"));

    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = crate::backoffice::staff(&app, "leistung@jobcenter.example", &office, "leistung").await;
    let other_team = crate::backoffice::staff(&app, "vermittlung@jobcenter.example", &office, "vermittlung").await;
    let seite = format!("/backoffice/kunden/{client_id}/antraege/{id}?zweck=leistung");
    let html = m.get(app.url(&seite)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("DE89370400440532013000") && html.contains("Probeantrag"), "{html}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE client_id = $1 AND what = 'antrag'", &client_id).await, 1);

    // Another team may look but not change; a date in the past is refused.
    let r = other_team.post(app.url(&seite)).form(&[("aktion", "in_bearbeitung")]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=arbeit-error-not-allowed"));
    let r = m
        .post(app.url(&seite))
        .form(&[("aktion", "nachfordern"), ("text", "Kontoauszug Mai"), ("frist", "2000-01-01")])
        .send()
        .await
        .unwrap();
    assert!(location(&r).contains("hinweis=anfrage"));
    let frist =
        (chrono::DateTime::from_timestamp(app.state.now(), 0).unwrap().date_naive() + chrono::Days::new(14)).format("%Y-%m-%d").to_string();
    let r = m
        .post(app.url(&seite))
        .form(&[("aktion", "nachfordern"), ("text", "Kontoauszug Mai"), ("frist", frist.as_str())])
        .send()
        .await
        .unwrap();
    assert!(location(&r).contains("hinweis=gespeichert"));
    assert_eq!(app.queued_mails("bearbeitung@example.de", "Neuigkeiten zu Ihrem Antrag").await, 1);

    let html = page(&app, &b, &format!("/antraege/{id}")).await;
    assert!(html.contains("Was Sie jetzt tun müssen") && html.contains("Kontoauszug Mai") && html.contains("Unterlagen fehlen"), "{html}");
    let anfrage: String = sqlx::query_scalar("SELECT id FROM application_requests WHERE application_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let form = Form::new().text("anfrage", anfrage).part("dateien", Part::bytes(beispiele::pdf()).file_name("Auszug-Mai.pdf"));
    let r = b.post(app.url(&format!("/antraege/{id}/nachreichen"))).multipart(form).send().await.unwrap();
    assert_eq!(location(&r), format!("/antraege/{id}?hinweis=nachgereicht"));
    let html = page(&app, &b, &format!("/antraege/{id}")).await;
    assert!(!html.contains("Was Sie jetzt tun müssen") && html.contains("In Bearbeitung") && html.contains("Auszug-Mai.pdf"));

    // A decision links a Bescheid of this client only.
    let r = m.post(app.url(&seite)).form(&[("aktion", "entscheiden"), ("bescheid", "fremd")]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=bescheid"));
    let bescheid = crate::bescheide::publish_for(&app, &m, &client_id).await;
    let r = m.post(app.url(&seite)).form(&[("aktion", "entscheiden"), ("bescheid", bescheid.as_str())]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=gespeichert"));
    let html = page(&app, &b, &format!("/antraege/{id}")).await;
    assert!(html.contains("Entschieden") && html.contains(&format!("/bescheide/{bescheid}")));
    let verlauf = page(&app, &b, "/profil/verlauf").await;
    assert!(verlauf.contains("Unterlagen nachgefordert") && verlauf.contains("Unterlagen nachgereicht"));
}

/// Bad input never reaches a 5xx: a field longer than the schema allows,
/// 1 MB in one field, an unknown field, a choice not offered, a forged id.
#[tokio::test]
async fn bad_answers_get_clear_messages_and_never_a_server_error() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, _) = crate::postfach::client(&app, "boese@example.de", "123A456793", true).await;
    let erster = location(&step(&app, &b, "/antraege/neu/probe", &[]).await);
    let id = erster.trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    step(&app, &b, &erster, &[("anzahl", "1"), ("einkommen", "ja"), ("aktion", "weiter")]).await;
    let einkommen = format!("/antraege/{id}/schritt/einkommen");

    // A choice the form does not offer, and an unknown field.
    let r = step(&app, &b, &einkommen, &[("art", "lotto"), ("betrag", "10"), ("geheim", "x"), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("href=\"#feld-art") && !html.contains("geheim"), "{html}");

    // 1 MB in one field: refused before it is read, with a page that says so.
    let gross = "A".repeat(1 << 20);
    let r = step(&app, &b, &format!("/antraege/{id}/schritt/personen"), &[("personen.0.name", gross.as_str()), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 413);
    assert!(r.text().await.unwrap().contains("Ihre Eingabe ist zu groß"));
    // Longer than the schema's maxLength: named at the field.
    let lang = "B".repeat(500);
    let r = step(&app, &b, &format!("/antraege/{id}/schritt/personen"), &[("personen.0.name", lang.as_str()), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("href=\"#feld-personen-0-name\""), "{html}");

    // Forged ids: 404; an unknown step leads back into the form; never 5xx.
    for path in [
        "/antraege/nicht-da/schritt/start".to_owned(),
        format!("/antraege/{id}/schritt/gibt-es-nicht"),
        "/antraege/neu/gibt-es-nicht".to_owned(),
        "/antraege/%00/eingangsbestaetigung".to_owned(),
    ] {
        let r = step(&app, &b, &path, &[("aktion", "weiter")]).await;
        assert!(matches!(r.status().as_u16(), 303 | 404 | 405), "{path}: {}", r.status());
        let r = b.get(app.url(&path)).send().await.unwrap();
        assert!(r.status() == 404 || location(&r) == erster, "{path}: {}", r.status());
    }
    // NUL in a form: refused before any handler (PostgreSQL would refuse it).
    let r = step(&app, &b, &einkommen, &[("art", "lohn"), ("betrag", "1\u{0}0"), ("aktion", "weiter")]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("unzulässiges Zeichen"));
    // A draft has no receipt yet.
    assert_eq!(b.get(app.url(&format!("/antraege/{id}/eingangsbestaetigung"))).send().await.unwrap().status(), 404);
}
