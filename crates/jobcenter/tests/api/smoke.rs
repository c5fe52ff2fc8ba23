use crate::support::{PASSWORD, TestApp, location};

#[tokio::test]
async fn a_new_user_registers_meets_the_gate_sets_up_totp_and_signs_in_with_it() {
    let app = TestApp::spawn().await;
    let secret = app.signed_up("kim@example.de", PASSWORD).await;
    let page = app.get("/konto").await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Kontoeinstellungen") && page.contains("kim@example.de"));

    app.post("/abmelden", &[]).await;
    let r = app.sign_in_with(&app.client, "kim@example.de", PASSWORD, &secret).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/passkey/angebot", "the passkey offer after a complete login (MFA-2)");
    assert_eq!(app.get("/konto").await.status(), 200);
}
