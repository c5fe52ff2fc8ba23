use crate::support::{PASSWORD, TestApp, location};

#[tokio::test]
async fn a_new_user_registers_confirms_and_lands_in_kontoeinstellungen() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;
    let r = app.login("kim@example.de", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/konto");
    let page = app.get("/konto").await.text().await.unwrap();
    assert!(page.contains("Kontoeinstellungen"));
    assert!(page.contains("kim@example.de"));
}
