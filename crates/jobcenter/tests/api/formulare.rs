//! Idempotency keys on every form (`web::formulare`): every POST form of a
//! signed-in page carries its own key, a repeated form runs once and gets
//! the first answer, a form with errors releases its key.

use crate::backoffice::staff;
use crate::dokumente::{KEY, client_with_profile, count, form, send};
use crate::portal::page;
use crate::support::{TestApp, location};
use dokumente::beispiele;

/// The values of the hidden key fields of each POST form in `html`, in
/// order (`None` for a form without one).
fn keys_of_post_forms(html: &str) -> Vec<Option<String>> {
    html.split("<form")
        .skip(1)
        .filter(|f| f.split('>').next().is_some_and(|tag| tag.contains(r#"method="post""#) && !tag.contains("multipart")))
        .map(|f| {
            let body = f.split("</form>").next().unwrap_or("");
            body.split(r#"name="idempotenz" value=""#).nth(1).map(|v| v.split('"').next().unwrap_or("").to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_post_form_of_a_signed_in_page_carries_its_own_key() {
    let app = TestApp::spawn().await;
    let (browser, _, _) = client_with_profile(&app, "formulare@example.de").await;
    let mut all = Vec::new();
    for path in ["/konto", "/konto/sitzungen", "/profil/online-kommunikation"] {
        let keys = keys_of_post_forms(&page(&app, &browser, path).await);
        assert!(!keys.is_empty(), "{path} has POST forms");
        assert!(keys.iter().all(Option::is_some), "{path}: a form without a key: {keys:?}");
        all.extend(keys.into_iter().flatten());
    }
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "every form and page view has its own key");
    // The upload form (multipart) keeps its one key, checked by its operation.
    let upload = page(&app, &browser, "/dokumente/hochladen").await;
    let multipart = upload.split("<form").find(|f| f.split('>').next().unwrap_or("").contains("multipart/form-data")).unwrap();
    assert_eq!(multipart.split("</form>").next().unwrap().matches(r#"name="idempotenz""#).count(), 1);
}

#[tokio::test]
async fn a_repeated_form_runs_once_and_a_form_with_errors_releases_its_key() {
    let app = TestApp::spawn().await;
    let (browser, client_id, _) = client_with_profile(&app, "doppelklick@example.de").await;
    assert_eq!(send(&app, &browser, form("vermittlung", KEY, vec![("cv.pdf", beispiele::pdf())])).await.status(), 303);
    let office: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let member = staff(&app, "doppelt@jobcenter.example", &office, "vermittlung").await;
    let (item, version): (String, i64) = sqlx::query_as("SELECT id, version FROM work_items").fetch_one(&app.state.db.pool).await.unwrap();
    let key = "formular-schluessel-0123456789";
    let post = |aktion: &'static str| {
        member
            .post(app.url(&format!("/backoffice/aufgaben/{item}")))
            .form(&[("aktion", aktion), ("version", &version.to_string()), ("notiz", "Einmal bitte"), ("idempotenz", key)])
            .send()
    };
    // A request that does nothing (an unknown action) releases the key …
    assert_eq!(post("zaubern").await.unwrap().status(), 404);
    // … so the same key then works, once: a double click sends it twice at
    // the same moment, a third time after the first answer.
    let (a, b) = tokio::join!(post("uebernehmen"), post("uebernehmen"));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.status().as_u16(), b.status().as_u16()), (303, 303));
    assert_eq!(location(&a), location(&b), "both get the first answer");
    assert!(location(&a).ends_with("hinweis=ok"), "{}", location(&a));
    let c = post("uebernehmen").await.unwrap();
    assert_eq!(location(&c), location(&a));
    let (state, v): (String, i64) = sqlx::query_as("SELECT state, version FROM work_items").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!((state.as_str(), v), ("in_bearbeitung", version + 1), "the action ran once");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM work_item_notes").await, 1, "one note");
    // Without a key a form works as before (the version check refuses the
    // stale repeat).
    let r = member
        .post(app.url(&format!("/backoffice/aufgaben/{item}")))
        .form(&[("aktion", "uebernehmen"), ("version", &version.to_string())])
        .send()
        .await
        .unwrap();
    assert!(location(&r).ends_with("hinweis=arbeit-error-stale"), "{}", location(&r));
}
