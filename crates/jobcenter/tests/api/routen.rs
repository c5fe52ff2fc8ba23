//! Routes as data (DESIGN.md section 6): the walks over the one route table
//! (`jobcenter::web::routes::routes`), GET and POST, for every access class.
//! The table itself is checked in `web::routes::tests` (no route outside it,
//! no duplicates, every record route behind `Akte`).

use crate::backoffice::staff;
use crate::portal::{client_signed_up, enter_code, page};
use crate::support::{TestApp, location};
use jobcenter::web::routes::{Zugang, routes};

fn concrete(path: &str) -> String {
    path.split('/').map(|seg| if seg.starts_with('{') { "x" } else { seg }).collect::<Vec<_>>().join("/")
}

#[tokio::test]
async fn every_route_answers_a_stranger_as_its_access_class_says() {
    let app = TestApp::spawn().await;
    let stranger = app.new_client();
    let all = routes();
    assert!(all.len() > 90);
    let mut wrong = Vec::new();
    for r in &all {
        let path = concrete(r.path);
        let req = match r.method {
            "GET" => stranger.get(app.url(&path)),
            "POST" => stranger.post(app.url(&path)).form(&[("x", "y")]),
            "PUT" => stranger.put(app.url(&path)),
            "DELETE" => stranger.delete(app.url(&path)),
            other => panic!("unexpected method {other}"),
        };
        let res = req.send().await.unwrap();
        let to = location(&res);
        assert!(res.status().as_u16() < 500, "{} {path}: {}", r.method, res.status());
        if r.zugang.braucht_anmeldung() {
            let back = if r.method == "GET" { path.replace('/', "%2F") } else { "%2Fkonto".into() };
            if (res.status().as_u16(), to.as_str()) != (303, format!("/anmelden?weiter={back}").as_str()) {
                wrong.push(format!("{} {path} ({:?}): {} {to}", r.method, r.zugang, res.status()));
            }
        } else if r.zugang == Zugang::JsonSchritt {
            // A JSON step answers in JSON, never with a page or a redirect.
            if !res.status().is_client_error() || !to.is_empty() {
                wrong.push(format!("{} {path} ({:?}): {} {to}", r.method, r.zugang, res.status()));
            }
        } else if to.starts_with("/anmelden?weiter=") {
            wrong.push(format!("{} {path} is public but sends to the login", r.method));
        }
    }
    assert!(wrong.is_empty(), "routes that do not behave as their class says:\n{}", wrong.join("\n"));
}

#[tokio::test]
async fn another_client_and_another_office_see_nothing_of_a_client() {
    let app = TestApp::spawn().await;
    let (record, code) = app.fixture_client_with_code("111A111111", "Anna", "Erste").await;
    let (anna, _) = client_signed_up(&app, "anna@example.de").await;
    assert_eq!(location(&enter_code(&app, &anna, &code.display()).await), "/freischaltcode/erfolgreich");
    let form = reqwest::multipart::Form::new()
        .text("idempotenz", "anna-schluessel-0123456789abcdef")
        .text("thema", "geldleistung")
        .part("dateien", reqwest::multipart::Part::bytes(dokumente::beispiele::pdf()).file_name("Anna-Kontoauszug.pdf"));
    let r = anna.post(app.url("/dokumente/hochladen")).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let upload = location(&r).rsplit('/').next().unwrap().to_owned();
    let r = crate::postfach::write(&app, &anna, "vermittlung", "bewerbung", "Annas Bewerbung", "Anna schreibt").await;
    let thread = location(&r).trim_start_matches("/postfach/nachrichten/").split('?').next().unwrap().to_owned();

    let (_, other_code) = app.fixture_client_with_code("222B222222", "Bernd", "Zweiter").await;
    let (bernd, _) = client_signed_up(&app, "bernd@example.de").await;
    assert_eq!(location(&enter_code(&app, &bernd, &other_code.display()).await), "/freischaltcode/erfolgreich");

    // Every portal page of a client, with Anna's ids where a path takes one.
    for r in routes().into_iter().filter(|r| r.method == "GET" && r.zugang.braucht_profil()) {
        let id = if r.path.starts_with("/postfach/") { &thread } else { &upload };
        let path = r.path.replace("{id}", id).replace("{postfach}", "vermittlung");
        let res = bernd.get(app.url(&path)).send().await.unwrap();
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        assert!(!body.contains("Anna") && !body.contains("111A111111"), "{path} shows Anna's data to Bernd");
        if r.path.contains("{id}") {
            assert_eq!(status, 404, "{path}");
        }
    }
    assert!(!page(&app, &bernd, "/profil/verlauf").await.contains("Dateien gesendet"), "Anna's history is hers");

    // Staff of another office: her record and sending are "not found".
    let elsewhere = jobcenter::backoffice::cli::create_office(
        &app.state,
        &jobcenter::backoffice::store::NewOffice {
            name: "Jobcenter Anderswo",
            street: "Weg 1",
            postcode: "10115",
            city: "Berlin",
            phone: "030 1",
        },
    )
    .await
    .unwrap();
    let foreign = staff(&app, "anderswo@jobcenter.example", &elsewhere, "leistung").await;
    for r in routes()
        .into_iter()
        .filter(|r| r.method == "GET" && matches!(r.zugang, Zugang::Akte(None | Some(jobcenter::backoffice::RoleName::Leistung))))
    {
        let path = format!(
            "{}?zweck=leistung",
            r.path
                .replace("{id}", &record.id)
                .replace("{sendung}", &upload)
                .replace("{datei}", "x")
                .replace("{faden}", &thread)
                .replace("{dokument}", "x")
        );
        let res = foreign.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let inbox = page(&app, &foreign, "/backoffice/aufgaben?ansicht=team").await;
    assert!(!inbox.contains("111A111111"), "another office's inbox");
    let logged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM record_access_log").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(logged, 0, "nothing was shown, nothing logged");
}
