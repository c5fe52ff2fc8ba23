//! Freischaltcodes (PRF-2): issued after the request was checked, stored
//! hashed, valid 30 days by default, re-issuing voids the old one; the
//! letter is a real PDF with the code and the validity date.

use super::{count, create_client, get, office, post, staff};
use crate::support::{TestApp, pdf_text};

/// The code shown on the issuing page.
fn shown_code(html: &str) -> String {
    let marker = "id=\"freischaltcode-anzeige\">";
    let start = html.find(marker).expect("the code is shown") + marker.len();
    html[start..start + 14].to_owned()
}

#[tokio::test]
async fn a_freischaltcode_is_issued_hashed_for_30_days_and_a_new_one_voids_the_old() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = staff(&app, "service@jc.example", &o, "service").await;
    let id = create_client(&app, &s, "Erika", "Mustermann").await;
    let path = format!("/backoffice/kunden/{id}/freischaltcode");

    let form = get(&app, &s, &format!("{path}?zweck=freischaltcode")).await.text().await.unwrap();
    assert!(form.contains("Freischaltcode ausstellen") && form.contains("value=\"30\""));
    let r = post(&app, &s, &format!("{path}?zweck=freischaltcode"), &[("anfrage", "persoenlich"), ("gueltig_tage", "30")]).await;
    assert_eq!(r.status(), 422, "in person only after the ID check");
    assert!(r.text().await.unwrap().contains("Bitte bestätigen Sie, dass Sie die Identität anhand eines Ausweises geprüft haben."));
    let r = post(
        &app,
        &s,
        &format!("{path}?zweck=freischaltcode"),
        &[("anfrage", "persoenlich"), ("ausweis_geprueft", "on"), ("gueltig_tage", "365")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte geben Sie eine Gültigkeit zwischen 1 und 90 Tagen ein."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM activation_codes WHERE client_id = $1", &id).await, 0);

    let issue_path = format!("{path}?zweck=freischaltcode");
    let issue = || post(&app, &s, &issue_path, &[("anfrage", "persoenlich"), ("ausweis_geprueft", "on"), ("gueltig_tage", "")]);
    let r = issue().await;
    assert_eq!(r.status(), 200);
    let first = shown_code(&r.text().await.unwrap());
    assert!(regex::Regex::new(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$").unwrap().is_match(&first), "{first}");
    let canonical = domain::Freischaltcode::parse(&first).unwrap();
    let (hash, issued, expires): (String, i64, i64) =
        sqlx::query_as("SELECT code_hash, issued_at, expires_at FROM activation_codes").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(hash, jobcenter::crypto::token_hash(canonical.canonical()), "only the hash is stored");
    assert_eq!(expires - issued, 30 * 24 * 3600, "valid 30 days by default");
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activation_codes WHERE code_hash LIKE $1")
        .bind(format!("%{}%", canonical.canonical()))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "the code itself is nowhere");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = $1", "code_issued").await, 1);
    // ADM-5: the form page, both refused sends and the issuing each showed
    // the record, and each is in the log with its purpose.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what = $1 AND purpose = 'freischaltcode'", "freischaltcode").await,
        4
    );

    let second = shown_code(&issue().await.text().await.unwrap());
    assert_ne!(first, second);
    let live: Vec<String> =
        sqlx::query_scalar("SELECT code_hash FROM activation_codes WHERE voided_at IS NULL").fetch_all(&app.state.db.pool).await.unwrap();
    let second_hash = jobcenter::crypto::token_hash(domain::Freischaltcode::parse(&second).unwrap().canonical());
    assert_eq!(live, vec![second_hash], "re-issuing voids the old code");

    let letter = format!("{path}/brief");
    assert_eq!(post(&app, &s, &letter, &[("code", &second)]).await.status(), 422, "no letter without a purpose");
    assert_eq!(
        post(&app, &s, &format!("{letter}?zweck=freischaltcode"), &[("code", &first)]).await.status(),
        404,
        "no letter for a void code"
    );
    let r = post(&app, &s, &format!("{letter}?zweck=freischaltcode"), &[("code", &second.to_lowercase())]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"freischaltcode-"));
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    let until = jobcenter::backoffice::freischaltcode::valid_until(app.state.now() + 30 * 24 * 3600);
    for want in [
        "Freischaltcode für Online-Angebote bei der Bundesagentur für Arbeit",
        "Guten Tag,",
        second.as_str(),
        "Bitte geben Sie Ihren Freischaltcode auf folgender Seite ein.",
        "Sie können auch den folgenden QR-Code scannen",
        &format!("Ihr Freischaltcode ist gültig bis zum {until}"),
        "Erika Mustermann",
        "Mit freundlichen Grüßen,",
    ] {
        assert!(text.replace('\n', " ").contains(want), "{want:?} in {text}");
    }
    assert!(text.contains(&format!("{}/freischaltcode", app.base)), "the entry page is printed");
    // The refused request for the void code showed nothing but is logged too.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM record_access_log WHERE what = $1", "brief").await, 2);

    // The staff session would not outlive 30 days of clock: the code's end
    // is moved to now instead.
    sqlx::query("UPDATE activation_codes SET expires_at = $1").bind(app.state.now()).execute(&app.state.db.writer).await.unwrap();
    assert_eq!(
        post(&app, &s, &format!("{letter}?zweck=freischaltcode"), &[("code", &second)]).await.status(),
        404,
        "no letter for an expired code"
    );
}

#[test]
fn the_letter_draws_the_qr_code_of_the_entry_page() {
    let letter = jobcenter::backoffice::brief::Letter {
        office_lines: vec!["Jobcenter Nürnberg".into()],
        recipient_lines: vec!["Erika Mustermann".into()],
        kundennummer: "123A456789".into(),
        date: "22.11.2026".into(),
        code: "A1B2-C3D4-E5F6".into(),
        valid_until: "22.12.2026".into(),
        entry_url: "http://localhost/freischaltcode".into(),
        qr_url: "http://localhost/freischaltcode?code=A1B2C3D4E5F6".into(),
    };
    let pdf = jobcenter::backoffice::brief::render(&letter).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
    let squares = content.operations.iter().filter(|op| op.operator == "re").count();
    let qr = qrcode::QrCode::new(letter.qr_url.as_bytes()).unwrap();
    let dark = qr.to_colors().into_iter().filter(|c| *c == qrcode::Color::Dark).count();
    assert_eq!(squares, dark, "one square per dark module of the QR code for the entry page with the code");
    assert!(pdf_text(&pdf).contains("A1B2-C3D4-E5F6"));
    let marked = doc.catalog().unwrap().get(b"MarkInfo").unwrap().as_dict().unwrap().get(b"Marked").unwrap().as_bool().unwrap();
    assert!(marked, "a tagged PDF");
    let roles: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"StructElem"))
        .map(|d| String::from_utf8_lossy(d.get(b"S").unwrap().as_name().unwrap()).into_owned())
        .collect();
    for role in ["Document", "H1", "P", "Figure"] {
        assert!(roles.iter().any(|r| r == role), "{role} in the structure tree: {roles:?}");
    }
    let alt = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find_map(|d| d.get(b"Alt").ok().and_then(|a| a.as_str().ok()).map(|a| a.to_vec()))
        .expect("the QR code has an alternative text");
    assert!(!alt.is_empty());
}
