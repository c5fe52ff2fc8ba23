//! Client records (ADM-2) and the access log (ADM-5).

use super::{count, create_client, get, new_client_form, office, post, staff};
use crate::support::TestApp;

#[tokio::test]
async fn a_client_record_is_validated_with_german_messages_and_gets_a_kundennummer() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = staff(&app, "service@jc.example", &o, "service").await;
    let bad = [
        ("vorname", ""),
        ("nachname", "Muster<mann>"),
        ("geburtsdatum", "1985-03-12"),
        ("strasse", ""),
        ("plz", "9040"),
        ("ort", ""),
        ("bg_nummer", "12345-XY"),
        ("pap", "jemand-anderes"),
    ];
    let r = post(&app, &s, "/backoffice/kunden/neu", &bad).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for message in [
        "Bitte geben Sie den Vornamen ein.",
        "Ein Name darf nur Buchstaben, Leerzeichen, Bindestriche, Punkte und Apostrophe enthalten",
        "Bitte geben Sie das Geburtsdatum im Format TT.MM.JJJJ ein.",
        "Bitte geben Sie Straße und Hausnummer ein",
        "Bitte geben Sie eine Postleitzahl aus fünf Ziffern ein.",
        "Bitte geben Sie den Ort ein",
        "Bitte geben Sie die Nummer der Bedarfsgemeinschaft im Format 12345BG1234567 ein.",
        "Bitte wählen Sie eine Ansprechperson Ihrer Dienststelle.",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(html.contains("href=\"#vorname\""), "the summary links to the fields");
    let mut future = new_client_form("Erika", "Mustermann");
    future[2] = ("geburtsdatum", "01.01.2999");
    let html = post(&app, &s, "/backoffice/kunden/neu", &future).await.text().await.unwrap();
    assert!(html.contains("Das Geburtsdatum muss in der Vergangenheit"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM clients WHERE office_id = $1", &o).await, 0);

    let pap: String = sqlx::query_scalar("SELECT account_id FROM staff").fetch_one(&app.state.db.pool).await.unwrap();
    let mut form = new_client_form("Erika", "Mustermann");
    form[6] = ("bg_nummer", "12345 bg 1234567");
    form[7] = ("pap", &pap);
    let r = post(&app, &s, "/backoffice/kunden/neu", &form).await;
    assert_eq!(r.status(), 303);
    let (kundennummer, bg, birth, pap_id): (String, String, String, Option<String>) =
        sqlx::query_as("SELECT kundennummer, bg_number, birth_date, pap_staff_id FROM clients")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(regex::Regex::new(r"^\d{3}[A-Z]\d{6}$").unwrap().is_match(&kundennummer), "{kundennummer}");
    assert_eq!((bg.as_str(), birth.as_str(), pap_id.as_deref()), ("12345BG1234567", "1985-03-12", Some(pap.as_str())));
    let events = count(&app, "SELECT COUNT(*) FROM client_events WHERE kind = $1 AND actor_kind = 'staff'", "client_created").await;
    assert_eq!(events, 1);

    let r = post(&app, &s, "/backoffice/kunden/neu", &form).await;
    assert_eq!(r.status(), 422, "a double submit or duplicate makes no second record");
    assert!(
        r.text().await.unwrap().contains(&format!("Für diese Person besteht bereits ein Kundendatensatz (Kundennummer {kundennummer})."))
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM clients WHERE office_id = $1", &o).await, 1);

    let page = get(&app, &s, &format!("/backoffice/kunden/{}?zweck=neuanlage", location_id(&app).await)).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    for want in [
        kundennummer.as_str(),
        "Erika Mustermann",
        "12.03.1985",
        "12345BG1234567",
        "Jobcenter Nürnberg",
        "Ihr Kontakt",
        "Sachb. service",
        "service@jc.example",
        "0911 1234-56",
        "Post (keine Online-Kommunikation)",
    ] {
        assert!(html.contains(want), "{want}");
    }
}

async fn location_id(app: &TestApp) -> String {
    sqlx::query_scalar("SELECT id FROM clients").fetch_one(&app.state.db.pool).await.unwrap()
}

#[tokio::test]
async fn clients_are_found_by_kundennummer_and_name_within_the_office() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let other = office(&app, "Jobcenter Fürth").await;
    let s = staff(&app, "service@jc.example", &o, "service").await;
    let f = staff(&app, "fuerth@jc.example", &other, "service").await;
    let erika = create_client(&app, &s, "Erika", "Mustermann").await;
    create_client(&app, &s, "Max", "Müller-Lüdenscheidt").await;
    let kundennummer: String =
        sqlx::query_scalar("SELECT kundennummer FROM clients WHERE id = $1").bind(&erika).fetch_one(&app.state.db.pool).await.unwrap();

    let search = |c: &reqwest::Client, q: &str| {
        let url = app.url(&format!("/backoffice/kunden?q={}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()));
        let c = c.clone();
        async move { c.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let html = search(&s, &kundennummer.to_lowercase()).await;
    assert!(html.contains("Treffer: 1") && html.contains("Mustermann, Erika"), "by Kundennummer, any case");
    let html = search(&s, "müller").await;
    assert!(html.contains("Treffer: 1") && html.contains("Müller-Lüdenscheidt, Max"), "by a part of the name");
    let html = search(&s, "erika muster").await;
    assert!(html.contains("Treffer: 1"), "every word counts");
    assert!(search(&s, "%").await.contains("mindestens zwei Buchstaben"));
    assert!(search(&s, "er%ka").await.contains("Treffer: 0"), "LIKE wildcards are not interpreted");
    assert!(search(&f, "Mustermann").await.contains("Treffer: 0"), "another office's clients are not found");
    assert!(search(&f, &kundennummer).await.contains("Treffer: 0"));
    assert_eq!(get(&app, &f, &format!("/backoffice/kunden/{erika}?zweck=vorsprache")).await.status(), 404, "nor opened");
}

#[tokio::test]
async fn every_view_of_a_client_record_is_logged_with_its_purpose_and_listed_for_admins() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let s = staff(&app, "service@jc.example", &o, "service").await;
    let admin = staff(&app, "admin@jc.example", &o, "admin").await;
    let id = create_client(&app, &s, "Erika", "Mustermann").await;
    let logged = || count(&app, "SELECT COUNT(*) FROM record_access_log WHERE client_id = $1", &id);
    assert_eq!(logged().await, 0, "creating is not a view");

    let page = get(&app, &s, &format!("/backoffice/kunden/{id}")).await.text().await.unwrap();
    assert!(page.contains("Zweck des Zugriffs") && !page.contains("Beispielweg"), "without a purpose: the question, no data");
    let page = get(&app, &s, &format!("/backoffice/kunden/{id}?zweck=neugier")).await.text().await.unwrap();
    assert!(page.contains("Bitte wählen Sie einen Zweck aus der Liste.") && !page.contains("Beispielweg"));
    assert_eq!(logged().await, 0);

    let page = get(&app, &s, &format!("/backoffice/kunden/{id}?zweck=telefon")).await.text().await.unwrap();
    assert!(page.contains("Beispielweg 7") && page.contains("Zweck dieses Zugriffs: Telefonische Anfrage"));
    assert_eq!(logged().await, 1);
    let (staff_id, what, purpose): (String, String, String) =
        sqlx::query_as("SELECT staff_account_id, what, purpose FROM record_access_log").fetch_one(&app.state.db.pool).await.unwrap();
    let service_id: String =
        sqlx::query_scalar("SELECT account_id FROM staff WHERE roles = 'service'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!((staff_id, what.as_str(), purpose.as_str()), (service_id, "akte", "telefon"));

    assert_eq!(get(&app, &s, &format!("/backoffice/kunden/{id}/zugriffe")).await.status(), 403, "the log is for admins");
    let ask = get(&app, &admin, &format!("/backoffice/kunden/{id}/zugriffe")).await.text().await.unwrap();
    assert!(ask.contains("Zweck des Zugriffs") && !ask.contains("Sachb. service"), "the log too is opened for a purpose");
    let log = get(&app, &admin, &format!("/backoffice/kunden/{id}/zugriffe?zweck=pruefung")).await.text().await.unwrap();
    assert!(
        log.contains("Sachb. service (Jobcenter Nürnberg)")
            && log.contains("Kundendatensatz angesehen")
            && log.contains("Telefonische Anfrage")
    );
    assert_eq!(logged().await, 2, "reading the log is logged too");
}
