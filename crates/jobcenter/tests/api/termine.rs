//! "Termine" (POR-5): staff publish slots, a client books one (never the
//! last place twice, also when two clients book at once), sees it with its
//! calendar file, cancels it up to the configured time before (the
//! cancelling calendar file has the same UID and a higher SEQUENCE); a slot
//! of another office, a full or past slot are refused with a clear message.

use crate::portal::page;
use crate::support::{PASSWORD, TestApp, location};
use chrono::TimeZone;

async fn office_of(app: &TestApp, client_id: &str) -> String {
    sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(client_id).fetch_one(&app.state.db.pool).await.unwrap()
}

/// A slot `tage` days ahead at 10:00 Berlin time, published through the
/// back office; returns its id.
async fn slot(app: &TestApp, staff: &reqwest::Client, tage: i64, plaetze: &str) -> String {
    let tag = jobcenter::portal::bescheide::tag(app.state.now() + tage * 86_400);
    let r = staff
        .post(app.url("/backoffice/termine"))
        .form(&[
            ("datum", tag.to_string().as_str()),
            ("uhrzeit", "10:00"),
            ("minuten", "30"),
            ("art", "vor_ort"),
            ("thema", "arbeitsuche"),
            ("plaetze", plaetze),
            ("ort", "Musterstraße 1, Raum 2.14"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/backoffice/termine?hinweis=angelegt");
    let beginn = chrono_tz::Europe::Berlin.from_local_datetime(&tag.and_hms_opt(10, 0, 0).unwrap()).earliest().unwrap().timestamp();
    sqlx::query_scalar("SELECT id FROM appointment_slots WHERE starts_at = $1 ORDER BY created_at DESC LIMIT 1")
        .bind(beginn)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_client_books_a_slot_adds_it_to_the_calendar_and_cancels_it_in_time() {
    let app = TestApp::spawn().await;
    let (b, client_id, secret) = crate::postfach::client_with_secret(&app, "termin@example.de", "123A456796", true).await;
    let office = office_of(&app, &client_id).await;
    let m = crate::backoffice::staff(&app, "vermittlung@jobcenter.example", &office, "vermittlung").await;

    // Staff: a bad slot first (the messages), then two good ones.
    let r = m
        .post(app.url("/backoffice/termine"))
        .form(&[("datum", "2000-01-01"), ("uhrzeit", "25:00"), ("minuten", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for text in ["Datum und Uhrzeit in der Zukunft", "5 bis 480 Minuten", "Art des Termins", "1 bis 50 Plätze"] {
        assert!(html.contains(text), "{text}");
    }
    let bald = slot(&app, &m, 3, "2").await;
    let morgen = slot(&app, &m, 1, "1").await;

    // The client: topic, free slots, book.
    assert!(page(&app, &b, "/profil").await.contains("href=\"/termine\""));
    let html = page(&app, &b, "/termine/vereinbaren?thema=arbeitsuche").await;
    assert!(html.contains(&bald) && html.contains(&morgen) && html.contains("Freie Plätze: 2"), "{html}");
    let r = b.post(app.url("/termine/buchen")).form(&[("slot", bald.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=gebucht");
    let r = b.post(app.url("/termine/buchen")).form(&[("slot", bald.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(r.status(), 409, "the same slot twice");
    assert!(r.text().await.unwrap().contains("schon gebucht"));
    let html = page(&app, &b, "/termine").await;
    assert!(html.contains("Beratung zur Arbeitsuche") && html.contains("Musterstraße 1, Raum 2.14") && html.contains("10:00–10:30 Uhr"));
    assert!(html.contains("Termin absagen"));
    let id: String = sqlx::query_scalar("SELECT id FROM appointments WHERE client_id = $1")
        .bind(&client_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    // The calendar file.
    let r = b.get(app.url(&format!("/termine/{id}/kalender.ics"))).send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = r.text().await.unwrap();
    assert!(ics.contains("METHOD:PUBLISH") && ics.contains("SEQUENCE:0") && ics.contains("TZID=Europe/Berlin"), "{ics}");
    assert!(ics.contains(&format!("UID:{id}@")) && ics.contains("Musterstraße 1\\, Raum 2.14"), "{ics}");
    assert!(!ics.contains("termin@example.de"), "no personal data");

    // Another client sees nothing of it.
    let (fremd, _) = crate::postfach::client(&app, "fremd@example.de", "123A456797", true).await;
    assert_eq!(fremd.get(app.url(&format!("/termine/{id}/kalender.ics"))).send().await.unwrap().status(), 404);
    assert_eq!(fremd.post(app.url(&format!("/termine/{id}/absagen"))).send().await.unwrap().status(), 404);

    // Cancelled in time: the place is free again; the file cancels.
    let r = b.post(app.url(&format!("/termine/{id}/absagen"))).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=abgesagt");
    let frei: i64 =
        sqlx::query_scalar("SELECT booked FROM appointment_slots WHERE id = $1").bind(&bald).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(frei, 0);
    let ics2 = b.get(app.url(&format!("/termine/{id}/kalender.ics"))).send().await.unwrap().text().await.unwrap();
    assert!(ics2.contains("METHOD:CANCEL") && ics2.contains("STATUS:CANCELLED") && ics2.contains("SEQUENCE:1"), "{ics2}");
    assert!(ics2.contains(&format!("UID:{id}@")));
    let verlauf = page(&app, &b, "/profil/verlauf").await;
    assert!(verlauf.contains("Termin gebucht") && verlauf.contains("Termin abgesagt"));

    // Tomorrow's slot: booked, but 20 hours before too late to cancel
    // online (24 h).
    let r = b.post(app.url("/termine/buchen")).form(&[("slot", morgen.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=gebucht");
    let (id2, beginn): (String, i64) = sqlx::query_as("SELECT id, starts_at FROM appointments WHERE slot_id = $1")
        .bind(&morgen)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    app.clock.advance((beginn - 20 * 3600 - app.state.now()).max(0));
    let b = app.new_client();
    assert!(app.sign_in_with(&b, "termin@example.de", PASSWORD, &secret).await.status().is_redirection());
    let r = b.post(app.url(&format!("/termine/{id2}/absagen"))).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=zu-spaet");
    assert!(page(&app, &b, "/termine").await.contains("rufen Sie bitte Ihr Jobcenter an"));
}

#[tokio::test]
async fn two_clients_never_get_the_last_place_and_foreign_or_past_slots_are_refused() {
    let app = TestApp::spawn().await;
    let (a, client_a) = crate::postfach::client(&app, "erste@example.de", "123A456798", true).await;
    let (b, client_b) = crate::postfach::client(&app, "zweite@example.de", "123A456799", true).await;
    let office = office_of(&app, &client_a).await;
    sqlx::query("UPDATE clients SET office_id = $1 WHERE id = $2")
        .bind(&office)
        .bind(&client_b)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let m = crate::backoffice::staff(&app, "vermittlung@jobcenter.example", &office, "vermittlung").await;

    // One place, eight rounds of two clients at once: always one booking.
    for runde in 0..8 {
        let id = slot(&app, &m, 2 + runde, "1").await;
        let form = [("slot", id.as_str()), ("thema", "arbeitsuche")];
        let (ra, rb) =
            tokio::join!(a.post(app.url("/termine/buchen")).form(&form).send(), b.post(app.url("/termine/buchen")).form(&form).send());
        let codes = [ra.unwrap().status().as_u16(), rb.unwrap().status().as_u16()];
        assert!(codes.contains(&303) && codes.contains(&409), "round {runde}: {codes:?}");
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM appointments WHERE slot_id = $1 AND state = 'gebucht'")
            .bind(&id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 1, "round {runde}");
    }

    // A slot of another office is unknown to the client; a past one taken.
    let anderes = crate::backoffice::office(&app, "Jobcenter Anderswo").await;
    let m2 = crate::backoffice::staff(&app, "anderswo@jobcenter.example", &anderes, "vermittlung").await;
    let fremd = slot(&app, &m2, 20, "5").await;
    let r = a.post(app.url("/termine/buchen")).form(&[("slot", fremd.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("gibt es in Ihrer Dienststelle nicht"));
    assert!(!page(&app, &a, "/termine/vereinbaren?thema=arbeitsuche").await.contains(&fremd));
    let vorbei = slot(&app, &m, 1, "5").await;
    // (Begun an hour ago: moved back in the table rather than the clock
    // forward, which would end the session.)
    sqlx::query("UPDATE appointment_slots SET starts_at = $1 WHERE id = $2")
        .bind(app.state.now() - 3600)
        .bind(&vorbei)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let r = a.post(app.url("/termine/buchen")).form(&[("slot", vorbei.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(r.status(), 409);
    // An unknown topic: a clear message.
    let r = a.get(app.url("/termine/vereinbaren?thema=lotto")).send().await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bitte wählen Sie ein Thema."));
}

/// Reminders: once per appointment and channel, however many nodes run
/// housekeeping at once and after a restart; a moved appointment gets a new
/// one, a cancelled one none; the mail's one-click link switches them off.
#[tokio::test]
async fn a_reminder_goes_out_once_per_channel_and_date_and_can_be_switched_off_in_one_click() {
    use jobcenter::portal::termine::erinnerung::senden;
    let app = TestApp::spawn().await;
    let (b, client_id) = crate::postfach::client(&app, "erinnern@example.de", "123A456780", true).await;
    let office = office_of(&app, &client_id).await;
    let m = crate::backoffice::staff(&app, "vermittlung@jobcenter.example", &office, "vermittlung").await;
    sqlx::query("INSERT INTO communication_options (client_id, email_notify, sms_notify, mobile_number, updated_at) VALUES ($1, 0, 1, '+491701234567', 0)")
        .bind(&client_id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    let s = slot(&app, &m, 3, "1").await;
    let r = b.post(app.url("/termine/buchen")).form(&[("slot", s.as_str()), ("thema", "arbeitsuche")]).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=gebucht");
    let (id, beginn): (String, i64) =
        sqlx::query_as("SELECT id, starts_at FROM appointments WHERE slot_id = $1").bind(&s).fetch_one(&app.state.db.pool).await.unwrap();
    let subject = "Erinnerung an Ihren Termin im Jobcenter";
    let sms = || async { sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sms_outbox").fetch_one(&app.state.db.pool).await.unwrap() };

    // Too early: nothing. 23 hours before: two "nodes" at once, then again
    // (a restart): one mail, one SMS.
    assert_eq!(senden(&app.state).await.unwrap(), (0, 0));
    app.clock.advance(beginn - 23 * 3600 - app.state.now());
    let zweiter = jobcenter::app::AppState::build(
        (*app.state.config).clone(),
        jobcenter::app::Overrides { clock: Some(std::sync::Arc::new(app.clock.clone())) },
    )
    .await
    .unwrap();
    let (x, y) = tokio::join!(senden(&app.state), senden(&zweiter));
    let (x, y) = (x.unwrap(), y.unwrap());
    assert_eq!((x.0 + y.0, x.1 + y.1), (1, 1), "{x:?} {y:?}");
    assert_eq!(senden(&app.state).await.unwrap(), (0, 0));
    assert_eq!(app.queued_mails("erinnern@example.de", subject).await, 1);
    assert_eq!(sms().await, 1);
    let mail = app.wait_for_mails("erinnern@example.de", subject, 1).await.remove(0);
    assert!(mail.text.contains("Vor Ort") && !mail.text.contains("Arbeitsuche"), "date, time and kind only: {}", mail.text);

    // Moved by staff (a new sequence): a new reminder.
    sqlx::query("UPDATE appointments SET starts_at = starts_at + 600, sequence = sequence + 1 WHERE id = $1")
        .bind(&id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    assert_eq!(senden(&app.state).await.unwrap(), (1, 1));

    // The one-click link: the page shows, the button switches mails off.
    let link = mail.text.lines().find(|l| l.contains("/termine/erinnerung-abbestellen?t=")).unwrap().trim().to_owned();
    let pfad = link.trim_start_matches(&app.url(""));
    let fremd = app.new_client();
    let html = fremd.get(app.url(pfad)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Sie erhalten vor Ihren Terminen eine Erinnerung per E-Mail."), "{html}");
    let t = url::form_urlencoded::parse(pfad.split_once('?').unwrap().1.as_bytes()).find(|(k, _)| k == "t").unwrap().1.into_owned();
    let r = fremd.post(app.url("/termine/erinnerung-abbestellen")).form(&[("t", t.as_str()), ("aktion", "aus")]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=aus"));
    assert!(
        fremd.get(app.url(&location(&r))).send().await.unwrap().text().await.unwrap().contains("keine E-Mail-Erinnerungen an Termine mehr")
    );
    let r = fremd.get(app.url("/termine/erinnerung-abbestellen?t=gefaelscht")).send().await.unwrap();
    assert_eq!(r.status(), 404, "a forged token");
    sqlx::query("UPDATE appointments SET starts_at = starts_at + 60, sequence = sequence + 1 WHERE id = $1")
        .bind(&id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    assert_eq!(senden(&app.state).await.unwrap(), (0, 1), "mails off, SMS still on");

    // Cancelled (by staff, inside the client's window): no reminder.
    sqlx::query("UPDATE appointments SET state = 'abgesagt', sequence = sequence + 1 WHERE id = $1")
        .bind(&id)
        .execute(&app.state.db.writer)
        .await
        .unwrap();
    assert_eq!(senden(&app.state).await.unwrap(), (0, 0));
}
