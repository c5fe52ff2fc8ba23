//! Registrierung (ACC-2 … ACC-6, ACC-8): the password rules, the consents,
//! the success page with its feedback question, the confirmation mail, no
//! account enumeration, and the limit per client address.

use crate::support::{NEW_PASSWORD, PASSWORD, TestApp, location};
use jobcenter::konto::store::{EMAIL_CONSENT_VERSION, TERMS_VERSION};
use sqlx::Row;

const RULES_MESSAGE: &str = "Das Passwort erfüllt noch nicht alle Kriterien. Die offenen Kriterien sind mit × markiert.";
const MISMATCH_MESSAGE: &str = "Die beiden Passwörter stimmen nicht überein.";
const CONFIRM_SUBJECT: &str = "Bestätigung Ihrer E-Mail-Adresse";
/// The checklist lines of ACC-3 by their `data-regel` ids, in order.
const RULES: [&str; 7] = ["laenge", "gross", "klein", "ziffer", "sonder", "erlaubt", "wiederholung"];

async fn register_with(app: &TestApp, email: &str, password: &str, repeat: &str) -> reqwest::Response {
    app.post(
        "/registrierung",
        &[
            ("email", email),
            ("passwort", password),
            ("passwort_wiederholung", repeat),
            ("nutzungsbedingungen", "on"),
            ("einwilligung_email", "on"),
        ],
    )
    .await
}

/// Registers with a password that breaks exactly the rules `open` and checks
/// the answer: 422, the message, those checklist lines marked ×, all others
/// ✓, and no account.
async fn assert_refused_with_open_rules(password: &str, repeat: &str, open: &[&str]) {
    let app = TestApp::spawn().await;
    let r = register_with(&app, "ria@example.de", password, repeat).await;
    assert_eq!(r.status(), 422, "{password:?} must be refused");
    let page = r.text().await.unwrap();
    let message = if open == ["wiederholung"] { MISMATCH_MESSAGE } else { RULES_MESSAGE };
    assert!(page.contains(message), "message for {password:?} missing: {page}");
    for rule in RULES {
        let state = if open.contains(&rule) { "open" } else { "met" };
        let line = format!("data-regel=\"{rule}\" class=\"pw-rule--{state}\"");
        assert!(page.contains(&line), "{password:?}: checklist line {rule} should be {state}");
    }
    assert!(page.contains("value=\"ria@example.de\""), "the address is kept in the form");
    assert!(!page.contains(password), "the password is never echoed");
    assert_eq!(app.account_id("ria@example.de").await, None, "no account for a refused form");
}

#[tokio::test]
async fn a_password_shorter_than_12_characters_is_refused() {
    assert_refused_with_open_rules("Ab1!cdefgh", "Ab1!cdefgh", &["laenge"]).await;
}

#[tokio::test]
async fn a_password_longer_than_128_characters_is_refused() {
    let long = format!("Wolke7-Fahrrad!{}", "x".repeat(114));
    assert_eq!(long.len(), 129);
    assert_refused_with_open_rules(&long, &long, &["laenge"]).await;
}

#[tokio::test]
async fn a_password_without_an_upper_case_letter_is_refused() {
    assert_refused_with_open_rules("wolke7-fahrrad!tisch", "wolke7-fahrrad!tisch", &["gross"]).await;
}

#[tokio::test]
async fn a_password_without_a_lower_case_letter_is_refused() {
    assert_refused_with_open_rules("WOLKE7-FAHRRAD!TISCH", "WOLKE7-FAHRRAD!TISCH", &["klein"]).await;
}

#[tokio::test]
async fn a_password_without_a_digit_is_refused() {
    assert_refused_with_open_rules("Wolke-Fahrrad!Tisch", "Wolke-Fahrrad!Tisch", &["ziffer"]).await;
}

#[tokio::test]
async fn a_password_without_a_special_character_is_refused() {
    assert_refused_with_open_rules("Wolke7FahrradTisch", "Wolke7FahrradTisch", &["sonder"]).await;
}

#[tokio::test]
async fn a_password_with_an_umlaut_is_refused_as_a_disallowed_character() {
    assert_refused_with_open_rules("Wölke7-Fahrrad!Tisch", "Wölke7-Fahrrad!Tisch", &["erlaubt"]).await;
}

#[tokio::test]
async fn a_password_with_an_angle_bracket_is_refused_as_a_disallowed_character() {
    assert_refused_with_open_rules("Wolke7-Fahrrad<Tisch", "Wolke7-Fahrrad<Tisch", &["erlaubt"]).await;
}

#[tokio::test]
async fn a_mismatched_repetition_is_refused() {
    assert_refused_with_open_rules(PASSWORD, NEW_PASSWORD, &["wiederholung"]).await;
}

#[tokio::test]
async fn a_common_password_is_refused_although_it_meets_every_rule() {
    let app = TestApp::spawn().await;
    let r = register_with(&app, "ria@example.de", "Password123!", "Password123!").await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Dieses Passwort ist zu leicht zu erraten, weil es sehr verbreitet ist oder einfachen Mustern folgt."));
    assert_eq!(page.matches("class=\"pw-rule--met\"").count(), 7, "every checklist line is met");
    assert_eq!(app.account_id("ria@example.de").await, None);
}

#[tokio::test]
async fn a_password_containing_the_local_part_of_the_address_is_refused() {
    let app = TestApp::spawn().await;
    let r = register_with(&app, "kim.klicker@example.de", "Kim.Klicker-Sonne42", "Kim.Klicker-Sonne42").await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Das Passwort darf Ihre E-Mail-Adresse (den Teil vor dem @) nicht enthalten."));
    assert_eq!(app.account_id("kim.klicker@example.de").await, None);
}

#[tokio::test]
async fn an_invalid_address_is_refused() {
    let app = TestApp::spawn().await;
    let r = register_with(&app, "kim(at)example.de", PASSWORD, PASSWORD).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de."));
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(accounts, 0);
}

#[tokio::test]
async fn each_missing_consent_is_refused_with_its_own_message() {
    let app = TestApp::spawn().await;
    let terms = "Bitte stimmen Sie den Nutzungsbedingungen zu.";
    let email_consent = "Bitte willigen Sie in die Verarbeitung Ihrer E-Mail-Adresse ein.";

    let r = app
        .post(
            "/registrierung",
            &[("email", "ria@example.de"), ("passwort", PASSWORD), ("passwort_wiederholung", PASSWORD), ("einwilligung_email", "on")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains(terms));
    assert!(!page.contains(email_consent));

    let r = app
        .post(
            "/registrierung",
            &[("email", "ria@example.de"), ("passwort", PASSWORD), ("passwort_wiederholung", PASSWORD), ("nutzungsbedingungen", "on")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains(email_consent));
    assert!(!page.contains(terms));

    let r = app.post("/registrierung", &[("email", "ria@example.de"), ("passwort", PASSWORD), ("passwort_wiederholung", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains(terms) && page.contains(email_consent));

    assert_eq!(app.account_id("ria@example.de").await, None);
    assert_eq!(app.queued_mails("ria@example.de", CONFIRM_SUBJECT).await, 0);
}

#[tokio::test]
async fn both_consents_are_stored_with_their_text_version_and_time() {
    let app = TestApp::spawn().await;
    let now = app.state.now();
    assert_eq!(app.register("ria@example.de", PASSWORD).await.status(), 303);
    let id = app.account_id("ria@example.de").await.expect("account created");
    let rows = sqlx::query("SELECT kind, text_version, granted_at, revoked_at FROM consents WHERE account_id = $1 ORDER BY kind")
        .bind(&id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let consents: Vec<(String, String, i64, Option<i64>)> =
        rows.iter().map(|r| (r.get("kind"), r.get("text_version"), r.get("granted_at"), r.get("revoked_at"))).collect();
    assert_eq!(
        consents,
        vec![
            ("einwilligung_email".to_owned(), EMAIL_CONSENT_VERSION.to_owned(), now, None),
            ("nutzungsbedingungen".to_owned(), TERMS_VERSION.to_owned(), now, None),
        ]
    );
    assert!(!TERMS_VERSION.is_empty() && !EMAIL_CONSENT_VERSION.is_empty());
}

#[tokio::test]
async fn a_successful_registration_leads_to_the_success_page_with_the_next_step() {
    let app = TestApp::spawn().await;
    let r = app.register("ria@example.de", PASSWORD).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/registrierung/erfolgreich");
    let page = app.get("/registrierung/erfolgreich").await.text().await.unwrap();
    for text in [
        "Sie haben sich erfolgreich registriert.",
        "Ihr nächster Schritt:",
        "Bestätigen Sie bitte Ihre E-Mail-Adresse",
        "Wie hat Ihnen die Registrierung gefallen?",
    ] {
        assert!(page.contains(text), "success page lacks {text:?}");
    }
    let confirmed: Option<i64> = sqlx::query_scalar("SELECT email_confirmed_at FROM accounts WHERE email_lower = $1")
        .bind("ria@example.de")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(confirmed, None, "the address is not confirmed yet");
}

#[tokio::test]
async fn registering_an_existing_address_shows_the_same_page_and_mails_the_owner() {
    let app = TestApp::spawn().await;
    app.register_confirmed("kim@example.de", PASSWORD).await;

    let fresh = app.register("lea@example.de", PASSWORD).await;
    let again = app.register("Kim@Example.DE", NEW_PASSWORD).await;
    assert_eq!(again.status(), fresh.status());
    assert_eq!(location(&again), location(&fresh));
    assert_eq!(location(&again), "/registrierung/erfolgreich");
    assert_eq!(again.headers().get("set-cookie").is_some(), fresh.headers().get("set-cookie").is_some());

    let mail = app.smtp.wait_for("kim@example.de", "Registrierung mit Ihrer E-Mail-Adresse").await;
    assert_eq!(mail.subject, "Registrierung mit Ihrer E-Mail-Adresse");
    assert!(mail.text.contains("Für diese Adresse besteht bereits ein Konto."));
    assert!(mail.link_containing("/passwort-vergessen").is_some(), "offers the reset: {}", mail.text);

    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email_lower = $1")
        .bind("kim@example.de")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(accounts, 1, "no second account");
    assert_eq!(app.queued_mails("kim@example.de", CONFIRM_SUBJECT).await, 1, "no new confirmation link");
    let other = app.new_client();
    assert_eq!(app.login_with(&other, "kim@example.de", NEW_PASSWORD).await.status(), 422, "password unchanged");
    assert_eq!(app.login_with(&other, "kim@example.de", PASSWORD).await.status(), 303);
}

#[tokio::test]
async fn a_double_click_on_registrieren_creates_one_account_and_one_confirmation_mail() {
    let app = TestApp::spawn().await;
    let first = app.register("ria@example.de", PASSWORD).await;
    let second = app.register("ria@example.de", PASSWORD).await;
    assert_eq!(first.status(), 303);
    assert_eq!(second.status(), first.status());
    assert_eq!(location(&second), location(&first));
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(accounts, 1);
    assert_eq!(app.queued_mails("ria@example.de", CONFIRM_SUBJECT).await, 1);
    assert_eq!(app.queued_mails("ria@example.de", "Registrierung mit Ihrer E-Mail-Adresse").await, 0, "no warning for a double click");
}

#[tokio::test]
async fn the_confirmation_mail_has_the_24_hours_sentence_and_a_link_with_id_and_lang() {
    let app = TestApp::spawn().await;
    app.register("ria@example.de", PASSWORD).await;
    let mail = app.smtp.wait_for("ria@example.de", CONFIRM_SUBJECT).await;
    assert_eq!(mail.subject, CONFIRM_SUBJECT);
    assert!(mail.text.contains("Wichtig: Bestätigen Sie Ihre E-Mail-Adresse innerhalb von 24 Stunden."), "{}", mail.text);
    assert!(mail.text.contains("ria@example.de"));
    let link = url::Url::parse(&mail.link_containing("/email-bestaetigen").expect("a link")).unwrap();
    assert_eq!(format!("{}://{}", link.scheme(), link.authority()), app.base);
    assert_eq!(link.path(), "/email-bestaetigen");
    let query: Vec<(String, String)> = link.query_pairs().into_owned().collect();
    let keys: Vec<&str> = query.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["id", "lang"]);
    assert!(query[0].1.len() >= 22, "at least 128 bits of token: {}", query[0].1);
    assert_eq!(query[1].1, "de");
}

#[tokio::test]
async fn the_confirmation_token_is_stored_only_as_a_hash() {
    let app = TestApp::spawn().await;
    app.register("ria@example.de", PASSWORD).await;
    let mail = app.smtp.wait_for("ria@example.de", CONFIRM_SUBJECT).await;
    let link = url::Url::parse(&mail.link_containing("/email-bestaetigen").unwrap()).unwrap();
    let token = link.query_pairs().find(|(k, _)| k == "id").unwrap().1.into_owned();

    let rows = sqlx::query("SELECT token_hash, purpose, new_email, created_at, expires_at FROM email_tokens")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let stored: String = rows[0].get("token_hash");
    assert!(!stored.contains(&token), "the token itself is not stored");
    assert_eq!(stored, jobcenter::crypto::token_hash(&token), "its hash is");
    assert_eq!(rows[0].get::<String, _>("purpose"), "confirm");
    assert_eq!(rows[0].get::<i64, _>("expires_at") - rows[0].get::<i64, _>("created_at"), 24 * 3600);
}

#[tokio::test]
async fn a_feedback_rating_from_1_to_5_is_stored_anonymously() {
    let app = TestApp::spawn().await;
    for rating in ["1", "5", "4"] {
        let r = app.post("/registrierung/feedback", &[("bewertung", rating)]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(location(&r), "/registrierung/erfolgreich?danke=1");
    }
    let ratings: Vec<i64> =
        sqlx::query_scalar("SELECT rating FROM registration_feedback ORDER BY rating").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(ratings, [1, 4, 5]);
    let page = app.get("/registrierung/erfolgreich?danke=1").await.text().await.unwrap();
    assert!(page.contains("Vielen Dank für Ihre Rückmeldung."));
}

#[tokio::test]
async fn a_feedback_rating_outside_1_to_5_or_missing_is_refused() {
    let app = TestApp::spawn().await;
    let cases: [&[(&str, &str)]; 5] = [&[("bewertung", "0")], &[("bewertung", "6")], &[("bewertung", "drei")], &[("bewertung", "")], &[]];
    for form in cases {
        let r = app.post("/registrierung/feedback", form).await;
        assert_eq!(r.status(), 422, "{form:?}");
        assert!(r.text().await.unwrap().contains("Bitte wählen Sie eine Bewertung von 1 bis 5."), "{form:?}");
    }
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM registration_feedback").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(stored, 0);
}

async fn app_with_two_registrations_per_address() -> TestApp {
    TestApp::spawn_with(Box::new(|raw| raw.rate_limits.register_per_address = 2)).await
}

#[tokio::test]
async fn registering_too_often_from_one_address_is_refused_with_a_message() {
    let app = app_with_two_registrations_per_address().await;
    assert_eq!(app.register("eins@example.de", PASSWORD).await.status(), 303);
    assert_eq!(app.register("zwei@example.de", PASSWORD).await.status(), 303);
    let r = app.register("drei@example.de", PASSWORD).await;
    assert!(r.status().is_client_error(), "refused, not {}", r.status());
    let page = r.text().await.unwrap();
    assert!(page.contains("Von Ihrem Anschluss wurden zu viele Registrierungen gesendet. Bitte versuchen Sie es in einer Stunde erneut."));
    assert_eq!(app.account_id("drei@example.de").await, None);
    assert_eq!(app.queued_mails("drei@example.de", CONFIRM_SUBJECT).await, 0);

    app.clock.advance(3600);
    assert_eq!(app.register("drei@example.de", PASSWORD).await.status(), 303, "a new hour, a new window");
    assert!(app.account_id("drei@example.de").await.is_some());
}

#[tokio::test]
async fn registering_too_often_answers_429_like_every_other_rate_limit() {
    let app = app_with_two_registrations_per_address().await;
    app.register("eins@example.de", PASSWORD).await;
    app.register("zwei@example.de", PASSWORD).await;
    assert_eq!(app.register("drei@example.de", PASSWORD).await.status(), 429);
}
