//! Browser tests (DESIGN.md section 4, SPEC X-1): the real app on port 0,
//! headless Debian Chromium over CDP, every step by the visible German
//! labels and button texts, axe-core (WCAG 2.1 A/AA) on every page visited,
//! and the whole account journey, with its second factor (TOTP codes
//! computed from the key on the page like an authenticator app, on the
//! app's manual clock), once more with the page's JavaScript switched off. Runs on SQLite and, with `JOBCENTER_TEST_DATABASE=postgres`,
//! on PostgreSQL:
//!
//! `cargo test -p jobcenter --test browser -- --test-threads=1`

#[path = "../support/mod.rs"]
mod support;

mod anmelden;
mod antraege;
mod backoffice;
mod bescheide;
mod chromium;
mod dienststellen;
mod dokumente;
mod passkeys;
mod portal;
mod postfach;
mod secure_app;
mod termine;

use chromium::{Chromium, Tab};
use domain::RecoveryCode;
use jobcenter::konto::mfa::totp::{code_at, secret_from_base32};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use support::{NEW_PASSWORD, PASSWORD, TestApp};

/// A third strong password, set through "Passwort vergessen".
const RESET_PASSWORD: &str = "Regen9-Schirm+Lampe";

/// A mailed link must lead to this app (`http://localhost:PORT/…`).
fn assert_link_is_ours(app: &TestApp, link: &str) {
    assert!(link.starts_with(&format!("{}/", app.base)), "the mailed link {link} must point to {}", app.base);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_journey_works_in_chromium_and_every_page_passes_axe() {
    account_journey(true, "jana.browser@example.de").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_journey_works_without_javascript() {
    account_journey(false, "ohne.skript@example.de").await;
}

/// Register (first with a bad password), confirm, log in, meet the
/// "Sicherheitshinweis", set up "Zweiter Faktor (TOTP)" (first with a wrong
/// code) the way an authenticator app would, keep the recovery codes,
/// change the password, visit help and privacy pages, log out, reset the
/// forgotten password, log in with it and a TOTP code (after a wrong one and
/// a used one), skip the passkey offer and read the "Verlauf"; axe on every
/// page on the way.
async fn account_journey(javascript: bool, email: &str) {
    let app = TestApp::spawn().await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    tab.assert_axe_finds_faults().await;

    // Start page → "Anmelden" → "Jetzt registrieren".
    tab.open(&app.url("/")).await;
    tab.expect_heading("Willkommen bei Jobcenter Digital").await;
    tab.click_link("Anmelden").await;
    tab.expect_heading("Anmeldung").await;
    tab.click_link("Jetzt registrieren").await;
    tab.expect_heading("Registrierung").await;

    // Proof that the page's scripts run (or do not): the live checklist
    // reacts to a key press only with JavaScript.
    tab.type_keys("Passwort *", "a").await;
    let klein = &rules(&tab).await["klein"];
    if javascript {
        assert!(klein.met, "with JavaScript the checklist reacts to typing: {klein:?}");
    } else {
        assert!(!klein.met && klein.mark == "×", "the page's scripts must be off in this test: {klein:?}");
    }

    // A bad password and no consents: the error state of the form.
    tab.fill("E-Mail-Adresse *", email).await;
    tab.fill("Passwort *", "kurz").await;
    tab.fill("Passwort wiederholen *", "kurz").await;
    tab.click_button("Registrieren").await;
    tab.expect_heading("Registrierung").await;
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("Das Passwort erfüllt noch nicht alle Kriterien. Die offenen Kriterien sind mit × markiert.").await;
    tab.expect_text("Bitte stimmen Sie den Nutzungsbedingungen zu.").await;
    tab.expect_text("Bitte willigen Sie in die Verarbeitung Ihrer E-Mail-Adresse ein.").await;
    assert_error_summary_links_to_fields(&tab, &["passwort", "nutzungsbedingungen", "einwilligung_email"]).await;
    assert_marked_invalid(&tab, "passwort").await;
    expect_error_summary_focus(&tab, javascript).await;
    let checklist = rules(&tab).await;
    let marks: BTreeMap<&str, &str> = checklist.iter().map(|(k, r)| (k.as_str(), r.mark.as_str())).collect();
    assert_eq!(
        marks,
        BTreeMap::from([
            ("laenge", "×"),
            ("gross", "×"),
            ("klein", "✓"),
            ("ziffer", "×"),
            ("sonder", "×"),
            ("erlaubt", "✓"),
            ("wiederholung", "✓"),
        ]),
        "the checklist for \"kurz\" as the server rendered it"
    );
    assert_eq!(tab.value("E-Mail-Adresse *").await, email, "the address is kept");

    // Now a good password and both consents.
    tab.fill("Passwort *", PASSWORD).await;
    tab.fill("Passwort wiederholen *", PASSWORD).await;
    tab.tick("nutzungsbedingungen").await;
    tab.tick("einwilligung_email").await;
    tab.click_button("Registrieren").await;
    tab.expect_text("Sie haben sich erfolgreich registriert.").await;

    // The confirmation mail, through the real SMTP peer.
    let mail = app.smtp.wait_for(email, "Bestätigung Ihrer E-Mail-Adresse").await;
    let link = mail.link_containing("/email-bestaetigen").expect("a confirmation link in the mail");
    assert_link_is_ours(&app, &link);
    tab.open(&link).await;
    tab.expect_text("Sie haben Ihre E-Mail-Adresse erfolgreich bestätigt.").await;
    tab.click_link("Zur Anmeldung").await;
    tab.expect_heading("Anmeldung").await;

    // Log in: the password alone leads to the "Sicherheitshinweis" (MFA-1),
    // and until a factor is set up no other page of the portal opens.
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", PASSWORD).await;
    tab.click_button("Anmelden").await;
    expect_security_notice(&tab).await;
    tab.open(&app.url("/konto")).await;
    expect_security_notice(&tab).await;

    // "Passkey" leads to the offer; skipping it without any factor leads to
    // the TOTP set-up (MFA-2), and "Abbrechen" there back to the notice.
    tab.click_link("Passkey").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    tab.expect_text("Wenn Sie überspringen, richten Sie als Nächstes einen zweiten Faktor (TOTP) ein.").await;
    assert!(!tab.text().await.contains("Diese Seite nicht mehr anzeigen"), "no way to hide the offer at the gate");
    tab.click_button("Überspringen").await;
    expect_totp_setup(&tab).await;
    tab.click_link("Abbrechen").await;
    expect_security_notice(&tab).await;

    // "Zweiter Faktor (TOTP)": the key as an authenticator app takes it over
    // by hand (MFA-10).
    tab.click_link("Zweiter Faktor (TOTP)").await;
    let secret = expect_totp_setup(&tab).await;

    // A wrong code: the error state of the form; the key stays the same.
    tab.fill(TOTP_CODE, &wrong_code(&secret, app.state.now())).await;
    tab.click_button("Bestätigen").await;
    assert_eq!(expect_totp_setup(&tab).await, secret, "the key shown stays the same until it is confirmed");
    tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
    tab.expect_text("Der Code passt nicht zum angezeigten Schlüssel.").await;
    assert_error_summary_links_to_fields(&tab, &["code"]).await;
    assert_marked_invalid(&tab, "code").await;
    expect_error_summary_focus(&tab, javascript).await;

    // The app's current code confirms the key and completes the login; the
    // account's first factor comes with ten recovery codes, shown once.
    let set_up_code = code_at(&secret, app.state.now());
    tab.fill(TOTP_CODE, &set_up_code).await;
    tab.click_button("Bestätigen").await;
    tab.expect_heading("Wiederherstellungscodes").await;
    tab.expect_text("Sie haben einen zweiten Faktor für dieses Konto erfolgreich eingerichtet.").await;
    tab.expect_text("Die Codes werden nur jetzt angezeigt.").await;
    let codes: Vec<String> = tab
        .eval("return [...document.querySelectorAll('#wiederherstellungscodes li')].map((li) => li.innerText.trim());", Value::Null)
        .await;
    assert_eq!(codes.len(), 10, "ten recovery codes: {codes:?}");
    for c in &codes {
        assert!(c.len() == 11 && c.as_bytes()[5] == b'-' && RecoveryCode::parse(c).is_some(), "a recovery code like ABCDE-FGH23: {c:?}");
    }
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), 10, "ten different codes: {codes:?}");
    app.smtp.wait_for(email, "Neuer Anmeldefaktor in Ihrem Konto").await;
    tab.click_link("Ich habe die Codes gespeichert").await;
    expect_signed_in(&tab).await;
    let security = description_list(&tab).await;
    let totp = security.get("Zweiter Faktor (TOTP)").map(String::as_str).unwrap_or_default();
    assert!(totp.starts_with("eingerichtet"), "the settings show TOTP as set up: {security:?}");
    let recovery = security.get("Wiederherstellungscodes").map(String::as_str).unwrap_or_default();
    assert_eq!(recovery, "10 von 10 Codes noch nicht verwendet", "the settings count the recovery codes: {security:?}");

    // Change the password.
    tab.click_link("Passwort ändern").await;
    tab.expect_heading("Passwort ändern").await;
    tab.fill("Aktuelles Passwort *", PASSWORD).await;
    tab.fill("Neues Passwort *", NEW_PASSWORD).await;
    tab.fill("Passwort wiederholen *", NEW_PASSWORD).await;
    tab.click_button("Passwort ändern").await;
    expect_signed_in(&tab).await;
    tab.expect_text("Ihr Passwort wurde geändert.").await;

    // Help and privacy pages (from the footer).
    tab.click_link("Hilfe").await;
    tab.expect_heading("Hilfe").await;
    assert_eq!(tab.path().await, "/hilfe");
    tab.click_link("Datenschutzerklärung").await;
    tab.expect_heading("Datenschutzerklärung").await;
    assert_eq!(tab.path().await, "/seite/datenschutz");

    // Log out.
    tab.click_button("Abmelden").await;
    tab.expect_heading("Anmeldung").await;
    tab.expect_text("Sie haben sich abgemeldet.").await;
    assert!(!tab.text_of("header").await.contains("Min."), "no session timer after logging out");

    // "Passwort vergessen" → mail → link → new password.
    tab.click_link("Passwort vergessen").await;
    tab.expect_heading("Passwort vergessen").await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.click_button("Link anfordern").await;
    tab.expect_text("Wir haben Ihre Anfrage erhalten.").await;
    let mail = app.smtp.wait_for(email, "Ihr Link zum Zurücksetzen des Passworts").await;
    let link = mail.link_containing("/passwort-zuruecksetzen").expect("a reset link in the mail");
    assert_link_is_ours(&app, &link);
    tab.open(&link).await;
    tab.expect_heading("Neues Passwort festlegen").await;
    tab.fill("Passwort *", RESET_PASSWORD).await;
    tab.fill("Passwort wiederholen *", RESET_PASSWORD).await;
    // Many axe runs later: the checklist follows the input only with the
    // page's script, so without JavaScript it still shows the server's "×".
    let met = rules(&tab).await.values().filter(|r| r.met).count();
    assert_eq!(met, if javascript { 7 } else { 0 }, "checklist lines ticked with JavaScript {}", if javascript { "on" } else { "off" });
    tab.click_button("Passwort speichern").await;
    tab.expect_heading("Anmeldung").await;
    tab.expect_text("Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.").await;

    // The previous password no longer works (the error state of the login
    // form), the new one does and asks for the second factor.
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", NEW_PASSWORD).await;
    tab.click_button("Anmelden").await;
    tab.expect_text("Benutzername / E-Mail-Adresse oder Passwort ist falsch.").await;
    assert_error_summary_links_to_fields(&tab, &["kennung"]).await;
    tab.fill("Benutzername / E-Mail-Adresse", email).await;
    tab.fill("Passwort", RESET_PASSWORD).await;
    tab.click_button("Anmelden").await;
    expect_second_factor_step(&tab).await;

    // A wrong code, then the code already used at the set-up (its time step
    // counts once, MFA-11): both refused, the error state of the step.
    for (code, what) in [(wrong_code(&secret, app.state.now()), "a wrong code"), (set_up_code, "the code used at the set-up")] {
        tab.fill(TOTP_CODE, &code).await;
        tab.click_button("Anmelden").await;
        expect_second_factor_step(&tab).await;
        tab.expect_text("Bitte korrigieren Sie folgende Angaben:").await;
        tab.expect_text("Der Code ist nicht richtig oder wurde schon verwendet.").await;
        assert_error_summary_links_to_fields(&tab, &["code"]).await;
        assert_marked_invalid(&tab, "code").await;
        expect_error_summary_focus(&tab, javascript).await;
        eprintln!("[journey] {what} was refused");
    }

    // 30 seconds later the app shows the next code, which completes the
    // login; an account without passkey is offered one (MFA-2) and skips.
    app.clock.advance(30);
    tab.fill(TOTP_CODE, &code_at(&secret, app.state.now())).await;
    tab.click_button("Anmelden").await;
    tab.expect_heading("Passkey für dieses Konto einrichten").await;
    assert_eq!(tab.path().await, "/passkey/angebot");
    tab.expect_text("Diese Seite nicht mehr anzeigen").await;
    tab.click_button("Überspringen").await;
    // Without a profile a login lands on "Profil auswählen" (PRF-1).
    tab.expect_heading("Profil auswählen").await;
    tab.click_link("Kontoeinstellungen").await;
    expect_signed_in(&tab).await;

    // The "Verlauf" names every step of the journey in words.
    tab.click_link("Verlauf anzeigen").await;
    tab.expect_heading("Verlauf").await;
    assert_eq!(tab.path().await, "/konto/verlauf");
    let events: Vec<String> =
        tab.eval("return [...document.querySelectorAll('tbody tr')].map((tr) => tr.cells[1].innerText.trim());", Value::Null).await;
    for event in [
        "Registrierung",
        "E-Mail-Adresse bestätigt",
        "Zweiter Faktor (TOTP) eingerichtet",
        "Wiederherstellungscodes erzeugt",
        "Anmeldung mit Passwort und neu eingerichtetem zweiten Faktor",
        "Passwort geändert",
        "Abmeldung",
        "Zurücksetzen des Passworts angefordert",
        "Passwort zurückgesetzt",
        "Fehlgeschlagene Anmeldung",
        "Falscher Code (TOTP)",
        "Anmeldung mit Passwort und Code (TOTP)",
    ] {
        assert!(events.iter().any(|e| e == event), "the Verlauf lists {event:?}; it lists {events:?}");
    }
    assert!(events.iter().all(|e| !e.contains('_')), "every event of the Verlauf in words: {events:?}");
    tab.click_link("Zurück zu den Kontoeinstellungen").await;
    expect_signed_in(&tab).await;

    // start, login, registration, its error state, success, confirmed,
    // login, Sicherheitshinweis (twice), passkey offer, TOTP set-up,
    // Sicherheitshinweis, TOTP set-up, its error state,
    // recovery codes, settings, password form, settings, help, privacy,
    // login, forgot, sent, reset form, login, login error, second factor,
    // its error state (twice), passkey offer, settings, Verlauf, settings.
    tab.assert_clean(33);
    chromium.close().await;
}

/// The label of the TOTP code field (set-up and login step).
const TOTP_CODE: &str = "6-stelliger Code (TOTP) *";

/// A six-digit code that is none of the three the app accepts at `now`.
fn wrong_code(secret: &[u8], now: i64) -> String {
    let accepted = [now - 30, now, now + 30].map(|t| code_at(secret, t));
    (0..1_000_000).map(|n| format!("{n:06}")).find(|c| !accepted.contains(c)).expect("a wrong code")
}

/// The field with this id is marked `aria-invalid`.
async fn assert_marked_invalid(tab: &Tab, id: &str) {
    let invalid: bool = tab.eval("return field(ARG).getAttribute('aria-invalid') === 'true';", json!(id)).await;
    assert!(invalid, "the field #{id} is marked aria-invalid on {}", tab.url().await);
}

/// With JavaScript the error summary takes the focus; without, it cannot
/// (proof that the page's scripts are still off).
async fn expect_error_summary_focus(tab: &Tab, javascript: bool) {
    let focus: String = tab.eval("return document.activeElement.id;", Value::Null).await;
    if javascript {
        assert_eq!(focus, "fehleruebersicht", "with JavaScript the error summary takes the focus on {}", tab.url().await);
    } else {
        assert_ne!(focus, "fehleruebersicht", "the page's scripts must still be off on {}", tab.url().await);
    }
}

/// The "Sicherheitshinweis" (MFA-1) with the alternatives to the app.
async fn expect_security_notice(tab: &Tab) {
    tab.expect_heading("Sicherheitshinweis").await;
    assert_eq!(tab.path().await, "/sicherheitshinweis");
    tab.expect_text("Der Schutz Ihrer Daten ist uns wichtig. Aus diesem Grund empfehlen wir Ihnen die Nutzung der BA-Secure App.").await;
    tab.expect_text("Alternativen zur BA-Secure App").await;
    let links: Vec<String> =
        tab.eval("return [...document.querySelectorAll('main a[href]')].map((a) => a.innerText.trim());", Value::Null).await;
    for link in ["Zweiter Faktor (TOTP)", "Passkey"] {
        assert!(links.iter().any(|l| l == link), "the notice offers {link:?}; its links: {links:?}");
    }
    assert!(!tab.text_of("header").await.contains("Kontoeinstellungen"), "no way into the settings before a factor is set up");
}

/// "Zweiten Faktor einrichten" (MFA-10): "Kontoname", the "Schlüssel" in
/// Base32 groups of four, the same key in the QR code's otpauth URI, the
/// code field; returns the secret read from the page as an app would.
async fn expect_totp_setup(tab: &Tab) -> Vec<u8> {
    tab.expect_heading("Zweiten Faktor einrichten").await;
    assert_eq!(tab.path().await, "/konto/totp");
    for text in
        ["1. Schritt: Schlüssel in App hinzufügen", "2. Schritt: Erzeugten Code eingeben", "Der Code erneuert sich alle 30 Sekunden."]
    {
        tab.expect_text(text).await;
    }
    let shown = description_list(tab).await;
    assert_eq!(shown.get("Kontoname").map(String::as_str), Some("Jobcenter"), "the account name: {shown:?}");
    let key = shown.get("Schlüssel").cloned().unwrap_or_default();
    assert_eq!(tab.text_of("#totp-schluessel").await.trim(), key, "the key is the element #totp-schluessel");
    let groups: Vec<&str> = key.split(' ').collect();
    assert!(
        groups.len() == 8 && groups.iter().all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))),
        "a 160-bit key in Base32, in eight groups of four: {key:?}"
    );
    let compact = groups.concat();
    let (svg, uri): (bool, String) = tab
        .eval(
            "const svg = document.querySelector('main figure svg');
             const a = document.querySelector('main a[href^=\"otpauth:\"]');
             return [!!svg && svg.getBoundingClientRect().width >= 100, a ? a.getAttribute('href') : ''];",
            Value::Null,
        )
        .await;
    assert!(svg, "a QR code (SVG) is shown");
    assert!(
        uri.starts_with("otpauth://totp/") && uri.contains(&format!("secret={compact}")),
        "the otpauth URI carries the key shown: {uri}"
    );
    assert_eq!(tab.value(TOTP_CODE).await, "", "the code field starts empty");
    let autocomplete: String = tab.eval("return field(ARG).autocomplete;", json!(TOTP_CODE)).await;
    assert_eq!(autocomplete, "one-time-code");
    secret_from_base32(&key).expect("the key reads as Base32")
}

/// The term → description pairs of the page's description lists.
async fn description_list(tab: &Tab) -> BTreeMap<String, String> {
    tab.eval(
        "return Object.fromEntries([...document.querySelectorAll('main dl > div')]
           .map((d) => [d.querySelector('dt').innerText.trim(), d.querySelector('dd').innerText.replace(/\\s+/g, ' ').trim()]));",
        Value::Null,
    )
    .await
}

/// "Anmeldung bestätigen": the step after the password of an account with
/// TOTP, with the way out through a recovery code.
async fn expect_second_factor_step(tab: &Tab) {
    tab.expect_heading("Anmeldung bestätigen").await;
    assert_eq!(tab.path().await, "/anmelden/zweiter-faktor");
    tab.expect_text("Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.").await;
    let recovery: Vec<String> = tab
        .eval("return [...document.querySelectorAll('main a[href]')].filter((a) => a.innerText.trim() === 'Mit einem Wiederherstellungscode anmelden').map((a) => a.getAttribute('href'));", Value::Null)
        .await;
    assert_eq!(recovery, ["/anmelden/wiederherstellungscode"], "the way in with a recovery code");
    assert!(!tab.text_of("header").await.contains("Kontoeinstellungen"), "no way into the settings before the second factor");
}

/// The settings page with the session timer ("… Min.") in the header.
async fn expect_signed_in(tab: &Tab) {
    tab.expect_heading("Kontoeinstellungen").await;
    assert!(tab.path().await.starts_with("/konto"), "signed in at {}", tab.url().await);
    let header = tab.text_of("header").await;
    assert!(header.contains("Min."), "the header shows the session timer; it reads: {header}");
}

/// Every link in the error summary points to a field on the page, and the
/// summary names at least `fields`.
async fn assert_error_summary_links_to_fields(tab: &Tab, fields: &[&str]) {
    let links: Vec<(String, bool)> = tab
        .eval(
            "const s = document.getElementById('fehleruebersicht'); if (!s) throw new Error('no error summary');
             return [...s.querySelectorAll('a')].map((a) => [a.getAttribute('href'),
               !!document.getElementById(decodeURIComponent(a.hash.slice(1)))?.matches('input, select, textarea')]);",
            Value::Null,
        )
        .await;
    for (href, ok) in &links {
        assert!(ok, "the error summary link {href} does not lead to a field");
    }
    let targets: BTreeSet<&str> = links.iter().map(|(h, _)| h.trim_start_matches('#')).collect();
    for f in fields {
        assert!(targets.contains(f), "the error summary links to #{f}; it has {targets:?}");
    }
}

/// One line of the password checklist.
#[derive(Debug, Deserialize)]
struct RuleLine {
    mark: String,
    met: bool,
    open: bool,
    state: String,
}

/// The password checklist: rule id → its line.
async fn rules(tab: &Tab) -> BTreeMap<String, RuleLine> {
    tab.eval(
        "return Object.fromEntries([...document.querySelectorAll('li[data-regel]')].map((li) => [li.dataset.regel, {
           mark: li.querySelector('.pw-rule__mark').textContent.trim(),
           met: li.classList.contains('pw-rule--met'), open: li.classList.contains('pw-rule--open'),
           state: li.querySelector('.pw-rule__state').textContent.trim() }]));",
        Value::Null,
    )
    .await
}

/// Asserts which rules are met; every other line must show "×".
async fn expect_met(tab: &Tab, after: &str, met: &[&str]) {
    let lines = rules(tab).await;
    assert_eq!(lines.len(), 7, "seven rules: {lines:?}");
    for (id, line) in &lines {
        let want = met.contains(&id.as_str());
        let (mark, state) = if want { ("✓", "(erfüllt)") } else { ("×", "(nicht erfüllt)") };
        assert!(
            line.met == want && line.open != want && line.mark == mark && line.state == state,
            "after typing {after:?} the rule {id} should be {mark} {state}; it is {line:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_checklist_turns_from_cross_to_tick_while_typing() {
    let app = TestApp::spawn().await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(true).await;
    tab.open(&app.url("/registrierung")).await;
    expect_met(&tab, "", &[]).await;

    // Key by key into "Passwort *"; each rule turns when its key arrives.
    let steps: [(&str, &[&str]); 5] = [
        ("W", &["gross", "erlaubt"]),
        ("olke", &["gross", "klein", "erlaubt"]),
        ("7", &["gross", "klein", "ziffer", "erlaubt"]),
        ("-", &["gross", "klein", "ziffer", "sonder", "erlaubt"]),
        ("Fahrrad!Tisch", &["laenge", "gross", "klein", "ziffer", "sonder", "erlaubt"]),
    ];
    let mut typed = String::new();
    for (keys, met) in steps {
        tab.type_keys("Passwort *", keys).await;
        typed.push_str(keys);
        expect_met(&tab, &typed, met).await;
    }
    assert_eq!(typed, PASSWORD);

    // The repetition: ticked only once it matches completely.
    let all = ["laenge", "gross", "klein", "ziffer", "sonder", "erlaubt", "wiederholung"];
    tab.type_keys("Passwort wiederholen *", &PASSWORD[..5]).await;
    expect_met(&tab, "the first five characters again", &all[..6]).await;
    tab.type_keys("Passwort wiederholen *", &PASSWORD[5..]).await;
    expect_met(&tab, "the whole password again", &all).await;
    tab.axe().await;

    // And back: a space is not allowed, and the two no longer match.
    tab.type_keys("Passwort *", " ").await;
    expect_met(&tab, "a space", &all[..5]).await;
    tab.axe().await;

    tab.assert_clean(3);
    chromium.close().await;
}

/// Every message key of the German resources (the reference key set).
fn message_keys() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/de");
    let key = regex::Regex::new(r"(?m)^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*=").unwrap();
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("locales/de") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            keys.extend(key.captures_iter(&text).map(|c| c[1].to_owned()));
        }
    }
    assert!(keys.contains("login-title"), "message keys read from {}", dir.display());
    keys
}

/// The page in `lang`, with no raw message key anywhere in its text,
/// title or accessible attributes.
async fn expect_language(tab: &Tab, lang: &str, keys: &BTreeSet<String>) {
    assert_eq!(tab.html_lang().await, lang, "<html lang> of {}", tab.url().await);
    let shown: String = tab
        .eval(
            "return [document.title, document.body.innerText, ...[...document.querySelectorAll('[aria-label], [alt], [placeholder], [title], input[type=submit]')]
               .flatMap((e) => ['aria-label', 'alt', 'placeholder', 'title', 'value'].map((a) => e.getAttribute(a) || ''))].join('\\n');",
            Value::Null,
        )
        .await;
    let raw: BTreeSet<&str> = shown.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|w| keys.contains(*w)).collect();
    assert!(raw.is_empty(), "{} shows raw message keys {raw:?}:\n{shown}", tab.url().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_render_in_german_english_and_ukrainian() {
    let keys = message_keys();
    let app = TestApp::spawn().await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(true).await;

    tab.open(&app.url("/anmelden?lang=en")).await;
    expect_language(&tab, "en", &keys).await;
    tab.open(&app.url("/anmelden?lang=uk")).await;
    expect_language(&tab, "uk", &keys).await;

    // The language links in the header switch, and the choice stays.
    tab.click_link("English").await;
    expect_language(&tab, "en", &keys).await;
    assert_eq!(tab.path().await, "/anmelden?lang=en");
    tab.open(&app.url("/registrierung")).await;
    expect_language(&tab, "en", &keys).await;
    tab.click_link("Українська").await;
    expect_language(&tab, "uk", &keys).await;
    assert_eq!(tab.path().await, "/registrierung?lang=uk");
    tab.open(&app.url("/hilfe")).await;
    expect_language(&tab, "uk", &keys).await;
    tab.click_link("Deutsch").await;
    expect_language(&tab, "de", &keys).await;
    tab.expect_heading("Hilfe").await;
    tab.open(&app.url("/")).await;
    expect_language(&tab, "de", &keys).await;

    // Each language link names its language in that language.
    let links: Vec<(String, String)> = tab
        .eval("return [...document.querySelectorAll('a[hreflang]')].map((a) => [a.getAttribute('lang'), a.innerText.trim()]);", json!(null))
        .await;
    assert_eq!(links, [("de", "Deutsch"), ("en", "English"), ("uk", "Українська")].map(|(l, n)| (l.to_owned(), n.to_owned())).to_vec());

    tab.assert_clean(8);
    chromium.close().await;
}
