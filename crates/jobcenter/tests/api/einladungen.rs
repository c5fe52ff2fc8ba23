//! Invitations from staff (POR-5): online with a mail without content, or
//! to the print queue without consent; the client confirms or asks to move
//! it (a work item for the inviting member), staff move it (the calendar
//! file's SEQUENCE rises) or decline with an answer; attendance recorded.

use crate::portal::page;
use crate::support::{TestApp, location};

async fn einladen(app: &TestApp, m: &reqwest::Client, client_id: &str, art: &str, video: &str) -> reqwest::Response {
    let tag = jobcenter::portal::bescheide::tag(app.state.now() + 5 * 86_400).to_string();
    m.post(app.url(&format!("/backoffice/kunden/{client_id}/termine?zweck=vermittlung")))
        .form(&[
            ("datum", tag.as_str()),
            ("uhrzeit", "09:00"),
            ("minuten", "30"),
            ("art", art),
            ("ort", "Musterstraße 1, Raum 3.01"),
            ("video", video),
            ("zweck", "Gespräch über Ihre Bewerbungen <b>und</b> Weiterbildung"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_invitation_is_confirmed_moved_on_request_and_its_attendance_recorded() {
    let app = TestApp::spawn().await;
    let (b, client_id) = crate::postfach::client(&app, "eingeladen@example.de", "123A456770", true).await;
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = crate::backoffice::staff(&app, "pap@jobcenter.example", &office, "vermittlung").await;

    // Bad input first: every message; a video without an https link.
    let r = m
        .post(app.url(&format!("/backoffice/kunden/{client_id}/termine?zweck=vermittlung")))
        .form(&[("art", "video"), ("video", "http://x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("https://") && html.contains("worum es geht") && html.contains("in der Zukunft"), "{html}");

    // The client consented (postfach::client with `true`): online, a mail.
    let r = einladen(&app, &m, &client_id, "vor_ort", "").await;
    assert!(location(&r).contains("hinweis=online"), "{}", location(&r));
    assert_eq!(app.queued_mails("eingeladen@example.de", "Einladung zu einem Termin im Jobcenter").await, 1);
    let html = page(&app, &b, "/termine").await;
    assert!(
        html.contains("Gespräch über Ihre Bewerbungen &lt;b&gt;und&lt;/b&gt; Weiterbildung") || html.contains("&#60;b&#62;"),
        "escaped"
    );
    assert!(html.contains("Rechtsfolgenbelehrung") && html.contains("Teilnahme bestätigen") && !html.contains("Termin absagen"));
    let id: String = sqlx::query_scalar("SELECT id FROM appointments WHERE client_id = $1")
        .bind(&client_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    // Confirmed, then asked to move: a work item for the inviting member.
    let r = b.post(app.url(&format!("/termine/{id}/bestaetigen"))).send().await.unwrap();
    assert_eq!(location(&r), "/termine?hinweis=bestaetigt");
    let r = b.post(app.url(&format!("/termine/{id}/verschieben"))).form(&[("grund", "")]).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let r = b
        .post(app.url(&format!("/termine/{id}/verschieben")))
        .form(&[("grund", "Vorstellungsgespräch am selben Tag")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/termine?hinweis=verschiebung");
    let (kind, assignee): (String, Option<String>) = sqlx::query_as("SELECT kind, assignee FROM work_items WHERE subject_id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!((kind.as_str(), assignee.is_some()), ("termin", true));
    let inbox = m.get(app.url("/backoffice/aufgaben")).send().await.unwrap().text().await.unwrap();
    assert!(inbox.contains("Terminverschiebung"), "in the member's own inbox");
    let akte =
        m.get(app.url(&format!("/backoffice/kunden/{client_id}/termine?zweck=vermittlung"))).send().await.unwrap().text().await.unwrap();
    assert!(akte.contains("Vorstellungsgespräch am selben Tag") && akte.contains("Verschiebung angefragt"));
    // Opened for another purpose, the forms keep it (the access log says why).
    let leistung =
        m.get(app.url(&format!("/backoffice/kunden/{client_id}/termine?zweck=leistung"))).send().await.unwrap().text().await.unwrap();
    assert!(leistung.contains(&format!("/termine/{id}?zweck=leistung")) && !leistung.contains("zweck=vermittlung"));

    // Moved to a new date: SEQUENCE 1 in the calendar file, a mail.
    let neu = jobcenter::portal::bescheide::tag(app.state.now() + 8 * 86_400).to_string();
    let pfad = format!("/backoffice/kunden/{client_id}/termine/{id}?zweck=vermittlung");
    let r = m.post(app.url(&pfad)).form(&[("aktion", "verschieben"), ("datum", neu.as_str()), ("uhrzeit", "11:00")]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=gespeichert"));
    let ics = b.get(app.url(&format!("/termine/{id}/kalender.ics"))).send().await.unwrap().text().await.unwrap();
    assert!(ics.contains("SEQUENCE:1") && ics.contains("T110000"), "{ics}");
    assert_eq!(app.queued_mails("eingeladen@example.de", "Antwort zu Ihrem Termin").await, 1);
    let state: String =
        sqlx::query_scalar("SELECT state FROM work_items WHERE subject_id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(state, "erledigt");

    // The office's day view of the new date: there, also filtered by the
    // inviting member; not for a colleague's filter.
    let member = crate::support::TestApp::account_id(&app, "pap@jobcenter.example").await.unwrap();
    let kollege = crate::backoffice::staff(&app, "kollege@jobcenter.example", &office, "leistung").await;
    let kollege_id = app.account_id("kollege@jobcenter.example").await.unwrap();
    for (filter, da) in [("", true), (member.as_str(), true), (kollege_id.as_str(), false)] {
        let html = kollege
            .get(app.url(&format!("/backoffice/termine?tag={neu}&mitarbeiter={filter}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(html.contains(&format!("#termin-{id}")), da, "filter {filter:?}: {html}");
        assert_eq!(html.contains("11:00–11:30"), da, "{filter:?}");
    }
    // Asked again and declined with an answer: shown to the client.
    b.post(app.url(&format!("/termine/{id}/verschieben"))).form(&[("grund", "Krank")]).send().await.unwrap();
    let r = m
        .post(app.url(&pfad))
        .form(&[("aktion", "ablehnen"), ("antwort", "Bitte kommen Sie trotzdem, es ist wichtig.")])
        .send()
        .await
        .unwrap();
    assert!(location(&r).contains("hinweis=gespeichert"));
    assert!(page(&app, &b, "/termine").await.contains("Bitte kommen Sie trotzdem, es ist wichtig."));
    // Not yet past: no attendance; a forged action: nothing.
    let r = m.post(app.url(&pfad)).form(&[("aktion", "teilgenommen")]).send().await.unwrap();
    assert!(location(&r).contains("hinweis=fehler"));
    let verlauf = page(&app, &b, "/profil/verlauf").await;
    assert!(verlauf.contains("Zu einem Termin eingeladen") && verlauf.contains("Verschiebung eines Termins angefragt"));
}

#[tokio::test]
async fn without_online_communication_the_invitation_goes_to_the_print_queue() {
    let app = TestApp::spawn().await;
    let (_, client_id) = crate::postfach::client(&app, "papier@example.de", "123A456771", false).await;
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let m = crate::backoffice::staff(&app, "pap@jobcenter.example", &office, "vermittlung").await;
    let r = einladen(&app, &m, &client_id, "video", "https://video.jobcenter.example/raum/123").await;
    assert!(location(&r).contains("hinweis=papier"), "{}", location(&r));
    assert_eq!(app.queued_mails("papier@example.de", "Einladung").await, 0);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM print_queue WHERE client_id = $1 AND kind = 'einladung'")
        .bind(&client_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    // Another office's member cannot open the record.
    let anderes = crate::backoffice::office(&app, "Jobcenter Anderswo").await;
    let fremd = crate::backoffice::staff(&app, "fremd@jobcenter.example", &anderes, "vermittlung").await;
    let r = fremd.get(app.url(&format!("/backoffice/kunden/{client_id}/termine?zweck=vermittlung"))).send().await.unwrap();
    assert_eq!(r.status(), 404);
}
