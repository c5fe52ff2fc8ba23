//! The deadlines of applications (APP-2, APP-4), run by housekeeping with
//! the test clock: a draft is deleted after the configured time with a
//! reminder a week before; a benefit period set with the decision brings
//! the reminder to file the Weiterbewilligungsantrag eight weeks before
//! its end, once, with the form one click away.

use crate::antraege::{count, laden_und_aktivieren, probe, step};
use crate::portal::page;
use crate::support::{PASSWORD, TestApp, location};
use jobcenter::housekeeping::run_once;

const TAG: i64 = 86_400;

/// A new login after the clock jumped past the session's lifetime.
async fn wieder_anmelden(app: &TestApp, email: &str, secret: &[u8]) -> reqwest::Client {
    let b = app.new_client();
    assert!(app.sign_in_with(&b, email, PASSWORD, secret).await.status().is_redirection());
    b
}

fn datum(app: &TestApp, tage: i64) -> String {
    jobcenter::portal::bescheide::tag(app.state.now() + tage * TAG).format("%Y-%m-%d").to_string()
}

#[tokio::test]
async fn a_draft_is_deleted_after_30_days_with_a_reminder_a_week_before() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, _, secret) = crate::postfach::client_with_secret(&app, "entwurf@example.de", "123A456791", true).await;
    let erster = location(&step(&app, &b, "/antraege/neu/probe", &[]).await);
    let id = erster.trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    let subject = "Ihr Antragsentwurf wird bald gelöscht";

    // 22 days later: nothing yet. Saving the draft then starts the 30 days anew.
    app.clock.advance(22 * TAG);
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("entwurf@example.de", subject).await, 0);
    let b = wieder_anmelden(&app, "entwurf@example.de", &secret).await;
    step(&app, &b, &erster, &[("anzahl", "1"), ("einkommen", "nein"), ("aktion", "entwurf")]).await;
    app.clock.advance(22 * TAG);
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("entwurf@example.de", subject).await, 0, "the draft was touched 22 days ago");

    // A week before: one reminder, however often housekeeping runs.
    app.clock.advance(2 * TAG);
    run_once(&app.state).await.unwrap();
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("entwurf@example.de", subject).await, 1);
    let mail = app.wait_for_mails("entwurf@example.de", subject, 1).await.remove(0);
    assert!(
        mail.text.contains(&format!("/antraege/{id}"))
            && mail.text.contains(&jobcenter::portal::bescheide::datum(jobcenter::portal::bescheide::tag(app.state.now() + 6 * TAG))),
        "{}",
        mail.text
    );
    assert!(!mail.text.contains("Probeantrag"), "no content in the mail");

    // Past the 30 days: gone, with its page.
    app.clock.advance(7 * TAG);
    run_once(&app.state).await.unwrap();
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications WHERE id = $1", &id).await, 0);
    let b = wieder_anmelden(&app, "entwurf@example.de", &secret).await;
    assert_eq!(b.get(app.url(&format!("/antraege/{id}"))).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn eight_weeks_before_the_benefit_period_ends_the_client_is_reminded_once() {
    let app = TestApp::spawn().await;
    laden_und_aktivieren(&app, &probe(1), 1).await;
    let (b, client_id, secret) = crate::postfach::client_with_secret(&app, "zeitraum@example.de", "123A456792", true).await;
    let id =
        location(&step(&app, &b, "/antraege/neu/probe", &[]).await).trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    step(&app, &b, &format!("/antraege/{id}/schritt/start"), &[("anzahl", "0"), ("einkommen", "nein"), ("aktion", "weiter")]).await;
    step(&app, &b, &format!("/antraege/{id}/schritt/personen"), &[("iban", "DE89370400440532013000"), ("aktion", "weiter")]).await;
    assert_eq!(location(&step(&app, &b, &format!("/antraege/{id}/absenden"), &[]).await), format!("/antraege/{id}?hinweis=gesendet"));

    // Staff decide with the Bescheid and the period it grants.
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = crate::backoffice::staff(&app, "leistung@jobcenter.example", &office, "leistung").await;
    let seite = format!("/backoffice/kunden/{client_id}/antraege/{id}?zweck=leistung");
    assert!(m.get(app.url(&seite)).send().await.unwrap().text().await.unwrap().contains("Bewilligungszeitraum laut Bescheid"));
    let bescheid = crate::bescheide::publish_for(&app, &m, &client_id).await;
    let (von, bis) = (datum(&app, 0), datum(&app, 100));
    for (v, b_) in [(bis.as_str(), von.as_str()), (von.as_str(), ""), ("2000-01-01", "2000-06-30")] {
        let r = m
            .post(app.url(&seite))
            .form(&[("aktion", "entscheiden"), ("bescheid", &bescheid), ("von", v), ("bis", b_)])
            .send()
            .await
            .unwrap();
        assert!(location(&r).contains("hinweis=zeitraum"), "{v} {b_}");
    }
    let r = m
        .post(app.url(&seite))
        .form(&[("aktion", "entscheiden"), ("bescheid", &bescheid), ("von", &von), ("bis", &bis)])
        .send()
        .await
        .unwrap();
    assert!(location(&r).contains("hinweis=gespeichert"));
    let subject = "Ihr Bewilligungszeitraum endet bald";

    // 100 days away: no reminder. 55 days away: one, and the card.
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("zeitraum@example.de", subject).await, 0);
    assert!(!page(&app, &b, "/antraege").await.contains("weiterbewilligung-faellig"));
    app.clock.advance(45 * TAG);
    run_once(&app.state).await.unwrap();
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("zeitraum@example.de", subject).await, 1);
    let mail = app.wait_for_mails("zeitraum@example.de", subject, 1).await.remove(0);
    let ende = jobcenter::web::page::german_date(&bis);
    assert!(mail.text.contains("/antraege/neu/weiterbewilligung") && mail.text.contains(&ende), "{}", mail.text);
    let b = wieder_anmelden(&app, "zeitraum@example.de", &secret).await;
    let html = page(&app, &b, "/antraege").await;
    assert!(html.contains("id=\"weiterbewilligung-faellig\"") && html.contains(&format!("endet am {ende}")), "{html}");
    assert!(html.contains("href=\"/antraege/neu/weiterbewilligung\""));

    // Once sent, the card goes; a new period brings a new reminder.
    let w = location(&step(&app, &b, "/antraege/neu/weiterbewilligung", &[]).await);
    assert!(w.contains("/schritt/"), "{w}");
    let wid: String = w.trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    sqlx::query("UPDATE applications SET state = 'gesendet', submitted_at = $1, reference = 'X', status = 'eingegangen' WHERE id = $2")
        .bind(app.state.now())
        .bind(&wid)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    assert!(!page(&app, &b, "/antraege").await.contains("weiterbewilligung-faellig"));
    sqlx::query("UPDATE clients SET benefit_until = $1 WHERE id = $2")
        .bind(datum(&app, 30 + 7 * 26))
        .bind(&client_id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    app.clock.advance((30 + 7 * 26 - 50) * TAG);
    run_once(&app.state).await.unwrap();
    assert_eq!(app.queued_mails("zeitraum@example.de", subject).await, 2);
}

/// The next Weiterbewilligungsantrag starts with the answers of the last
/// one; the declarations are given anew.
#[tokio::test]
async fn a_new_weiterbewilligungsantrag_is_prefilled_from_the_last_one() {
    let app = TestApp::spawn().await;
    let (b, _) = crate::postfach::client(&app, "wieder@example.de", "123A456794", true).await;
    let erster = location(&step(&app, &b, "/antraege/neu/weiterbewilligung", &[]).await);
    let id = erster.trim_start_matches("/antraege/").split('/').next().unwrap().to_owned();
    let nein = [
        ("haushalt_geaendert", "nein"),
        ("einkommen_geaendert", "nein"),
        ("vermoegen_geaendert", "nein"),
        ("wohnkosten_geaendert", "ja"),
        ("bankverbindung_geaendert", "nein"),
        ("sonstiges_geaendert", "nein"),
        ("aktion", "weiter"),
    ];
    let r = step(&app, &b, &erster, &nein).await;
    let wohnkosten = location(&r);
    assert!(wohnkosten.ends_with("/schritt/wohnkosten"), "{wohnkosten}");
    let r = step(
        &app,
        &b,
        &wohnkosten,
        &[("wohnkosten_aenderung_seit", "2026-10-01"), ("wohnkosten_grund", "mieterhoehung"), ("wohnform", "ohne"), ("aktion", "weiter")],
    )
    .await;
    let erklaerung = location(&r);
    assert!(erklaerung.ends_with("/schritt/erklaerung"), "{erklaerung}");
    let r = step(&app, &b, &erklaerung, &[("richtig", "ja"), ("erklaerung_mitwirkung", "ja"), ("aktion", "weiter")]).await;
    assert_eq!(location(&r), format!("/antraege/{id}/nachweise"));
    assert_eq!(location(&step(&app, &b, &format!("/antraege/{id}/absenden"), &[]).await), format!("/antraege/{id}?hinweis=gesendet"));

    let zweiter = location(&step(&app, &b, "/antraege/neu/weiterbewilligung", &[]).await);
    assert_ne!(zweiter, erster);
    let html = page(&app, &b, &zweiter).await;
    for feld in ["haushalt-geaendert-nein", "wohnkosten-geaendert-ja", "bankverbindung-geaendert-nein"] {
        assert!(html.contains(&format!("id=\"feld-{feld}\" name=")), "{feld}");
        let input = html.split(&format!("id=\"feld-{feld}\"")).nth(1).unwrap().split('>').next().unwrap();
        assert!(input.contains("checked"), "{feld} is prefilled: {input}");
    }
    let neu = zweiter.replace("/schritt/aenderungen", "/schritt/wohnkosten");
    assert!(page(&app, &b, &neu).await.contains("value=\"2026-10-01\""), "the date of the change is kept");
    let html = page(&app, &b, &zweiter.replace("/schritt/aenderungen", "/schritt/erklaerung")).await;
    let richtig = html.split("id=\"feld-richtig-ja\"").nth(1).unwrap().split('>').next().unwrap();
    assert!(!richtig.contains("checked"), "declarations are given anew: {richtig}");
}
