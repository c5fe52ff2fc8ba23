//! "Ihre Dienststelle vor Ort" (POR-6): the directory import (valid,
//! invalid with line numbers and nothing changed, re-import replacing the
//! whole directory), "Dienststelle finden" by postcode with the shared
//! postcode asking where one lives, bad postcodes, the office page with
//! "Jetzt geöffnet" / "Öffnet wieder" at a set time, and a signed-in
//! client's own office first.

use crate::portal::page;
use crate::support::TestApp;
use chrono::{Datelike, TimeZone};
use jobcenter::dienststellen::{importieren, store};

/// Two jobcenters sharing 90768 (each with its area), one alone on 90402.
fn verzeichnis(mit_90402: bool) -> String {
    let nbg = if mit_90402 { r#""90402", "90403""# } else { r#""90403""# };
    format!(
        r#"{{"jobcenter": [
  {{"id": "nuernberg", "name": "Jobcenter Nürnberg-Stadt", "bundesland": "BY", "zustaendigkeit": [{nbg}],
   "dienststellen": [{{"id": "nbg-mitte", "name": "Jobcenter Nürnberg – Geschäftsstelle Mitte", "strasse": "Rollnerstraße 8", "plz": "90408",
     "ort": "Nürnberg", "telefon": "0911 529 0", "email": "jobcenter-nuernberg@jobcenter-ge.de",
     "oeffnungszeiten": {{"mo": ["08:00-12:00", "14:00-16:00"], "di": ["08:00-12:00"], "mi": ["08:00-12:00"], "do": ["08:00-18:00"], "fr": ["08:00-12:00"], "sa": [], "so": []}},
     "notfall": {{"telefon": "0911 529 1", "hinweis": "Bei Mittellosigkeit: Barauszahlung am Notfallschalter.", "oeffnungszeiten": {{"mo": ["08:00-09:00"], "di": [], "mi": [], "do": [], "fr": [], "sa": [], "so": []}}}},
     "barrierefreiheit": "Eingang stufenlos, Aufzug", "oepnv": "U2 Rennweg"}}]}},
  {{"id": "fuerth-stadt", "name": "Jobcenter Fürth Stadt", "bundesland": "BY", "zustaendigkeit": [{{"plz": "90768", "gebiet": "Fürth, Stadt"}}],
   "dienststellen": [{{"id": "fue-stadt", "name": "Jobcenter Fürth Stadt", "strasse": "Königswarterstraße 50", "plz": "90762", "ort": "Fürth",
     "telefon": "0911 7 00", "oeffnungszeiten": {{"mo": ["08:00-12:00"], "di": [], "mi": [], "do": [], "fr": [], "sa": [], "so": []}}}}]}},
  {{"id": "fuerth-land", "name": "Jobcenter Fürth Land", "bundesland": "BY", "zustaendigkeit": [{{"plz": "90768", "gebiet": "Landkreis Fürth (Stadeln, Vach, Mannhof)"}}],
   "dienststellen": [{{"id": "fue-land", "name": "Jobcenter Fürth Land – Zirndorf", "strasse": "Banderbacher Straße 1", "plz": "90513", "ort": "Zirndorf",
     "telefon": "0911 9 00", "oeffnungszeiten": {{"mo": ["08:00-12:00"], "di": [], "mi": [], "do": [], "fr": [], "sa": [], "so": []}}}}]}}
]}}"#
    )
}

async fn laden(app: &TestApp, json: &str) {
    importieren(&app.state, "d.json", json.as_bytes(), |_, _| {}).await.unwrap().unwrap();
}

/// The clock on the next `wochentag` (0 = Monday) at `stunde`:`minute` in Berlin.
fn stellen(app: &TestApp, wochentag: u32, stunde: u32, minute: u32) {
    let jetzt = chrono_tz::Europe::Berlin.timestamp_opt(app.state.now(), 0).unwrap();
    let mut tag = jetzt.date_naive().succ_opt().unwrap();
    while tag.weekday().num_days_from_monday() != wochentag {
        tag = tag.succ_opt().unwrap();
    }
    // Not on a holiday in Bavaria (the test would then be about holidays).
    while domain::fristen::Feiertage::new(domain::fristen::Bundesland::By, vec![]).ist_feiertag(tag) {
        tag = tag + chrono::Days::new(7);
    }
    let ziel = chrono_tz::Europe::Berlin.from_local_datetime(&tag.and_hms_opt(stunde, minute, 0).unwrap()).earliest().unwrap();
    app.clock.advance(ziel.timestamp() - app.state.now());
}

#[tokio::test]
async fn a_postcode_finds_the_responsible_jobcenter_and_a_shared_one_asks_where_one_lives() {
    let app = TestApp::spawn().await;
    let b = app.new_client();
    // Before any import: said so, no error.
    assert!(page(&app, &b, "/dienststellen").await.contains("noch nicht geladen"));
    laden(&app, &verzeichnis(true)).await;

    let html = page(&app, &b, "/dienststellen?plz=90402").await;
    assert!(html.contains("Zuständig für 90402: Jobcenter Nürnberg-Stadt"), "{html}");
    assert!(html.contains("href=\"/dienststellen/nbg-mitte\"") && html.contains("Rollnerstraße 8, 90408 Nürnberg"));

    // Shared: the question, no guess; then the chosen one.
    let html = page(&app, &b, "/dienststellen?plz=90768").await;
    assert!(html.contains("mehrere Jobcenter zuständig. Wo wohnen Sie?"), "{html}");
    assert!(html.contains("Fürth, Stadt") && html.contains("Landkreis Fürth (Stadeln, Vach, Mannhof)"));
    assert!(!html.contains("Zuständig für"), "no result before the choice");
    let html = page(&app, &b, "/dienststellen?plz=90768&gebiet=fuerth-land").await;
    assert!(html.contains("Zuständig für 90768: Jobcenter Fürth Land") && !html.contains("Jobcenter Fürth Stadt</a>"));
    let r = b.get(app.url("/dienststellen?plz=90768&gebiet=nuernberg")).send().await.unwrap();
    assert_eq!(r.status(), 422, "a jobcenter not responsible for the postcode is no choice");

    // Bad postcodes: a clear message, no 5xx; an unknown one: said so.
    for falsch in ["9040", "9O402", "904021", "abcde", "%00"] {
        let r = b.get(app.url(&format!("/dienststellen?plz={falsch}"))).send().await.unwrap();
        assert!(r.status() == 422 || r.status() == 404, "{falsch}: {}", r.status());
        if r.status() == 422 {
            assert!(r.text().await.unwrap().contains("Postleitzahl mit 5 Ziffern"), "{falsch}");
        }
    }
    assert!(page(&app, &b, "/dienststellen?plz=%2090402%20").await.contains("Zuständig für 90402"), "spaces trimmed");
    assert!(page(&app, &b, "/dienststellen?plz=01067").await.contains("kein Jobcenter eingetragen"));
    assert_eq!(b.get(app.url("/dienststellen/gibt-es-nicht")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn the_office_page_says_whether_it_is_open_now_in_berlin_time() {
    let app = TestApp::spawn().await;
    laden(&app, &verzeichnis(true)).await;
    let b = app.new_client();
    stellen(&app, 0, 10, 30);
    let html = page(&app, &b, "/dienststellen/nbg-mitte").await;
    assert!(html.contains("Jetzt geöffnet bis 12:00 Uhr"), "{html}");
    for text in [
        "Rollnerstraße 8",
        "0911 529 0",
        "08:00–12:00, 14:00–16:00",
        "Notfallschalter",
        "Eingang stufenlos",
        "U2 Rennweg",
        "openstreetmap.org",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // The lunch break, then Friday afternoon → Monday.
    stellen(&app, 0, 12, 0);
    assert!(page(&app, &b, "/dienststellen/nbg-mitte").await.contains("Öffnet wieder heute um 14:00 Uhr"));
    stellen(&app, 4, 13, 0);
    let html = page(&app, &b, "/dienststellen/nbg-mitte").await;
    assert!(html.contains("Öffnet wieder Montag, "), "{html}");
    // Also in English and Ukrainian.
    assert!(page(&app, &b, "/dienststellen/nbg-mitte?lang=en").await.contains("Opens again Monday"));
    assert!(page(&app, &b, "/dienststellen/nbg-mitte?lang=uk").await.contains("Відчиниться"));
}

#[tokio::test]
async fn an_invalid_file_changes_nothing_and_a_new_one_replaces_the_whole_directory() {
    let app = TestApp::spawn().await;
    laden(&app, &verzeichnis(true)).await;
    let erste = store::version(&app.state.db.pool).await.unwrap().unwrap();

    // Impossible hours, a bad postcode, a duplicate: every problem with its
    // line; the directory stays as it was.
    let kaputt = verzeichnis(true).replace("\"08:00-18:00\"", "\"18:00-08:00\"").replace("\"90403\"", "\"9040\"");
    let fehler = importieren(&app.state, "d.json", kaputt.as_bytes(), |_, _| {}).await.unwrap().unwrap_err();
    assert!(fehler.len() >= 2, "{fehler:?}");
    assert!(fehler.iter().all(|f| f.zeile > 1), "{fehler:?}");
    let fehler = importieren(&app.state, "d.json", b"{\"jobcenter\": [\xff]}", |_, _| {}).await.unwrap().unwrap_err();
    assert_eq!(fehler[0].zeile, 1, "broken encoding: {fehler:?}");
    assert_eq!(store::version(&app.state.db.pool).await.unwrap().unwrap(), erste);

    // A new file replaces everything: 90402 is gone, one version is kept.
    let mut schritte = Vec::new();
    importieren(&app.state, "d.json", verzeichnis(false).as_bytes(), |n, g| schritte.push((n, g))).await.unwrap().unwrap();
    assert_eq!(schritte.last(), Some(&(3, 3)), "progress reaches the end: {schritte:?}");
    let b = app.new_client();
    assert!(page(&app, &b, "/dienststellen?plz=90402").await.contains("kein Jobcenter eingetragen"));
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM directory_versions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1);

    // The same directory as CSV.
    let v = dienststellen::lesen_json(&verzeichnis(true)).unwrap();
    importieren(&app.state, "d.csv", v.als_csv().as_bytes(), |_, _| {}).await.unwrap().unwrap();
    assert!(page(&app, &b, "/dienststellen?plz=90402").await.contains("Zuständig für 90402"));
}

#[tokio::test]
async fn a_signed_in_client_sees_the_office_for_their_address_first() {
    let app = TestApp::spawn().await;
    laden(&app, &verzeichnis(true)).await;
    let (b, client_id) = crate::postfach::client(&app, "vorort@example.de", "123A456795", true).await;
    sqlx::query("UPDATE clients SET postcode = '90402' WHERE id = $1").bind(&client_id).execute(&app.state.db.writer).await.unwrap();
    let html = page(&app, &b, "/dienststellen").await;
    let eigene = html.find("Ihre Dienststelle").expect("own office section");
    let formular = html.find("Postleitzahl eingeben").unwrap();
    assert!(eigene < formular && html.contains("href=\"/dienststellen/nbg-mitte\""), "{html}");
}
