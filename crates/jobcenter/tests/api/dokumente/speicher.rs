//! Storage under "Datei hochladen": the sweep of objects without a row, key
//! rotation, and the same uploads on S3-compatible storage.

use super::*;

#[tokio::test]
async fn the_sweep_removes_objects_without_a_row_after_the_grace_period_only() {
    let app = TestApp::spawn().await;
    let (browser, _, _) = client_with_profile(&app, "sweep@example.de").await;
    let r = send(&app, &browser, form("geldleistung", KEY, vec![("a.pdf", beispiele::pdf())])).await;
    assert_eq!(r.status(), 303);
    // An object whose request died before its commit.
    let mut w = app.state.ablage.schreiber(&app.state.ablage.neuer_schluessel("uploads")).await.unwrap();
    w.schreiben(b"halb gesendet").await.unwrap();
    w.fertig().await.unwrap();
    assert_eq!(stored_files(&app).len(), 2);
    // And one a killed process left half-written (object_store's staging name).
    let staged = app.dir.path().join("dokumente/uploads/2026/12/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b#3");
    std::fs::write(&staged, b"halb").unwrap();
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    assert_eq!(stored_files(&app).len(), 3, "young objects are left alone (an upload may be in progress)");
    app.clock.advance(jobcenter::housekeeping::SWEEP_GRACE_SECS + 60);
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    assert_eq!(stored_files(&app).len(), 1, "the orphan is gone, the referenced object stays");
    let key: String = sqlx::query_scalar("SELECT object_key FROM upload_files").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(stored_files(&app)[0].to_string_lossy().ends_with(&key));
}

/// A second node on the same database and storage with other keys.
async fn node_with_keys(app: &TestApp, id: &str, key: [u8; 32], old: Vec<(String, [u8; 32])>) -> jobcenter::app::AppState {
    let mut config = (*app.state.config).clone();
    config.master_key = Some(key);
    config.master_key_id = id.into();
    config.old_master_keys = old;
    jobcenter::app::AppState::build(config, jobcenter::app::Overrides::default()).await.unwrap()
}

async fn read_all(state: &jobcenter::app::AppState, key: &str, envelope: &str) -> Result<Vec<u8>, String> {
    use futures_util::TryStreamExt;
    let stream = state.ablage.lesen(key, envelope).await.map_err(|e| e.to_string())?;
    stream
        .try_fold(Vec::new(), |mut acc, c| async move {
            acc.extend_from_slice(&c);
            Ok(acc)
        })
        .await
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn a_new_master_key_rewraps_the_document_keys_and_the_old_key_can_go() {
    let app = TestApp::spawn().await;
    let (browser, _, _) = client_with_profile(&app, "schluessel@example.de").await;
    let pdf = beispiele::pdf();
    let r = send(&app, &browser, form("geldleistung", KEY, vec![("a.pdf", pdf.clone())])).await;
    assert_eq!(r.status(), 303);
    let (object, envelope): (String, String) =
        sqlx::query_as("SELECT object_key, envelope FROM upload_files").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(envelope.starts_with("k1:"));
    let old: [u8; 32] = hex::decode(crate::support::TEST_MASTER_KEY).unwrap().try_into().unwrap();
    let new = [0x42u8; 32];

    // Rotated: the new key seals, the old one still opens.
    let rotated = node_with_keys(&app, "k2", new, vec![("k1".into(), old)]).await;
    assert_eq!(read_all(&rotated, &object, &envelope).await.unwrap(), pdf);
    assert_eq!(jobcenter::portal::dokumente::store::umschluesseln(&rotated.db, &rotated.ablage).await.unwrap(), 1);
    assert_eq!(jobcenter::portal::dokumente::store::umschluesseln(&rotated.db, &rotated.ablage).await.unwrap(), 0, "done once");
    let rewrapped: String = sqlx::query_scalar("SELECT envelope FROM upload_files").fetch_one(&app.state.db.pool).await.unwrap();
    assert!(rewrapped.starts_with("k2:"));

    // Without the old key: the new envelope opens, the old one no longer.
    let only_new = node_with_keys(&app, "k2", new, Vec::new()).await;
    assert_eq!(read_all(&only_new, &object, &rewrapped).await.unwrap(), pdf);
    assert!(read_all(&only_new, &object, &envelope).await.is_err());
}

#[tokio::test]
async fn uploads_work_the_same_on_s3_compatible_storage() {
    let Some(ablage::Ziel::S3 { endpoint, bucket, region, access_key_id, secret_access_key, .. }) = ablage::testumgebung::s3_ziel() else {
        eprintln!("SKIPPED: no S3 test server (JOBCENTER_TEST_S3_URL); scripts/test.sh starts one, and CI fails without it");
        return;
    };
    let app = TestApp::spawn_with(Box::new(move |raw| {
        raw.storage_s3_bucket = Some(bucket);
        raw.storage_s3_endpoint = endpoint;
        raw.storage_s3_region = region;
        raw.storage_s3_access_key_id = Some(access_key_id);
        raw.storage_s3_secret_access_key = Some(secret_access_key);
    }))
    .await;
    let (browser, client_id, _) = client_with_profile(&app, "s3@example.de").await;
    let jpeg = beispiele::jpeg(640, 480);
    let r = send(&app, &browser, form("geldleistung", KEY, vec![("foto.jpg", jpeg.clone())])).await;
    assert_eq!(r.status(), 303);
    assert!(stored_files(&app).is_empty(), "nothing in the local directory");
    let (object, envelope): (String, String) =
        sqlx::query_as("SELECT object_key, envelope FROM upload_files").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(read_all(&app.state, &object, &envelope).await.unwrap(), jpeg);
    let o: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let leistung = staff(&app, "s3-leistung@jobcenter.example", &o, "leistung").await;
    let upload_id = location(&r).rsplit('/').next().unwrap().to_owned();
    let file_id: String = sqlx::query_scalar("SELECT id FROM upload_files").fetch_one(&app.state.db.pool).await.unwrap();
    let r = leistung
        .get(app.url(&format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}/dateien/{file_id}?zweck=leistung")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().as_ref(), jpeg.as_slice());
}
