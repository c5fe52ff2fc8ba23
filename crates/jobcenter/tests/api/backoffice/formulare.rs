//! The form definitions in the back office (APP-2): admins see every
//! stored version with its stand and a preview that renders every step in
//! each language; other staff are refused, an unknown version is not found.

use super::{get, office, staff};
use crate::support::TestApp;
use jobcenter::portal::antraege::definitionen::{self, MITGELIEFERT};
use std::collections::HashSet;

/// The shipped definition of `key`, loaded.
fn mitgeliefert(key: &str) -> formulare::Formular {
    let (_, json) = MITGELIEFERT.iter().find(|(datei, _)| datei.starts_with(&format!("{key}.v"))).expect("shipped");
    formulare::Formular::laden(json).expect("loads")
}

/// A text as the templates escape it.
fn html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

async fn text(app: &TestApp, b: &reqwest::Client, path: &str) -> String {
    let r = get(app, b, path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

/// Every `id` of the page once, and every label and description pointing
/// at one of them.
fn ids_are_unique_and_references_resolve(page: &str) {
    let ids: Vec<&str> = regex::Regex::new(r#"\sid="([^"]+)""#).unwrap().captures_iter(page).map(|c| c.get(1).unwrap().as_str()).collect();
    let set: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(set.len(), ids.len(), "an id twice");
    let refs = regex::Regex::new(r#"\s(?:for|aria-describedby|aria-labelledby)="([^"]+)""#).unwrap();
    for c in refs.captures_iter(page) {
        for id in c[1].split_whitespace() {
            assert!(set.contains(id), "{} points at a missing id {id}", &c[0]);
        }
    }
}

#[tokio::test]
async fn admins_see_every_definition_and_a_preview_of_every_step_in_each_language() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let admin = staff(&app, "admin@jc.example", &o, "admin").await;

    // The list: the 17 shipped forms, live, each linked to its preview, and
    // the commands that change them.
    assert_eq!(MITGELIEFERT.len(), 17);
    let liste = text(&app, &admin, "/backoffice/formulare").await;
    assert_eq!(liste.matches(r#"href="/backoffice/formulare/"#).count(), 17, "one row per stored version");
    for (datei, _) in MITGELIEFERT {
        let key = datei.split(".v").next().unwrap();
        assert!(liste.contains(&format!(r#"href="/backoffice/formulare/{key}/1""#)), "{key}");
    }
    assert!(liste.contains(&html(mitgeliefert("weiterbewilligung").text("de", "titel").unwrap())));
    assert_eq!(liste.matches("<td class=\"kern-table__cell\">Aktiv</td>").count(), 17);
    assert!(liste.contains("Leistungsservice") && liste.contains("Geladen am"));
    for befehl in [
        "jobcenter admin formular laden DATEI",
        "jobcenter admin formular aktivieren SCHLÜSSEL VERSION",
        "jobcenter admin formular archivieren SCHLÜSSEL VERSION",
    ] {
        assert!(liste.contains(befehl), "{befehl}");
    }
    assert!(liste.contains(r#"<a class="kern-link" href="/backoffice/formulare" aria-current="page">Formulare</a>"#), "in the nav");

    // A draft loaded by an operator is listed as such.
    let mut tx = app.state.db.begin().await.unwrap();
    definitionen::speichern(&mut tx, &formulare::beispiele::probe(1).to_string(), app.state.now()).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    let liste = text(&app, &admin, "/backoffice/formulare").await;
    assert_eq!(liste.matches(r#"href="/backoffice/formulare/"#).count(), 18);
    assert!(liste.contains(r#"href="/backoffice/formulare/probe/1""#) && liste.contains(">Entwurf</td>"));

    // The preview in German: every step, every field whatever its
    // condition, the conditions in words, attachments, the legal note.
    let f = mitgeliefert("weiterbewilligung");
    let vorschau = text(&app, &admin, "/backoffice/formulare/weiterbewilligung/1").await;
    for s in &f.dok.schritte {
        let titel = f.text("de", &format!("schritt.{}", s.id)).unwrap();
        assert!(vorschau.contains(&format!(r#"id="schritt-{}">{}</h3>"#, s.id, html(titel))), "step {}", s.id);
        for feld in s.felder.iter().filter(|x| x.art != formulare::Art::Liste) {
            let label = html(f.text("de", &format!("feld.{}", feld.name)).unwrap());
            assert!(vorschau.contains(&label), "field {}", feld.name);
        }
    }
    assert_eq!(
        vorschau.matches(r#"<fieldset class="kern-fieldset" disabled"#).count(),
        f.dok.schritte.len(),
        "one disabled group per step"
    );
    assert!(vorschau.contains(r#"id="feld-iban""#) && vorschau.contains(r#"id="feld-haushaltsmitglieder-0-vorname""#));
    assert!(vorschau.contains("Schritt 2 von 13 (haushalt)"));
    assert!(vorschau.contains("Nur wenn „"), "conditions in words");
    assert!(vorschau.contains("(bankverbindung_geaendert) ist „Ja“"), "a step's condition names field and value");
    assert!(vorschau.contains("(einkommen_arten) enthält „"), "a field's condition");
    assert!(vorschau.contains(&html(f.text("de", "hinweis").unwrap())), "the legal note");
    assert!(vorschau.contains(&html(f.text("de", "anhang.mietvertrag").unwrap())), "an attachment");
    assert!(vorschau.contains("Kann nachgereicht werden"));
    assert!(vorschau.contains(r#"__value">Weiterbewilligungsantrag stellen</dd>"#), "the representatives' right");
    assert!(vorschau.contains(r#"lang="de""#) && !vorschau.contains(r#"action="/antraege"#), "sends nothing");
    ids_are_unique_and_references_resolve(&vorschau);

    // In Ukrainian (and English): the form's texts change, the page's own
    // words stay in the admin's language.
    let uk = text(&app, &admin, "/backoffice/formulare/weiterbewilligung/1?sprache=uk").await;
    for s in &f.dok.schritte {
        let titel = f.text("uk", &format!("schritt.{}", s.id)).unwrap();
        assert!(uk.contains(&format!(r#"id="schritt-{}">{}</h3>"#, s.id, html(titel))), "step {} in Ukrainian", s.id);
    }
    assert!(uk.contains(r#"id="vorschau" lang="uk""#) && uk.contains(&html(f.text("uk", "hinweis").unwrap())));
    assert!(uk.contains("Sprache der Vorschau") && uk.contains("Nur wenn „"));
    assert!(uk.contains(r#"href="/backoffice/formulare/weiterbewilligung/1?sprache=uk" lang="uk" hreflang="uk" aria-current="true""#));
    ids_are_unique_and_references_resolve(&uk);
    let en = text(&app, &admin, "/backoffice/formulare/weiterbewilligung/1?sprache=en").await;
    assert!(en.contains(&html(f.text("en", "schritt.erklaerung").unwrap())));
    // An unknown language is German.
    assert!(text(&app, &admin, "/backoffice/formulare/weiterbewilligung/1?sprache=fr").await.contains(r#"id="vorschau" lang="de""#));

    // The draft has its preview too.
    let probe = text(&app, &admin, "/backoffice/formulare/probe/1").await;
    assert!(probe.contains(r#"id="formular-stand">Entwurf</dd>"#));
}

#[tokio::test]
async fn other_staff_are_refused_and_an_unknown_version_is_not_found() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let leistung = staff(&app, "leistung@jc.example", &o, "leistung").await;
    for path in ["/backoffice/formulare", "/backoffice/formulare/weiterbewilligung/1"] {
        let r = get(&app, &leistung, path).await;
        assert_eq!(r.status(), 403, "{path}");
        assert!(r.text().await.unwrap().contains("Kein Zugriff"));
    }
    assert!(!text(&app, &leistung, "/backoffice").await.contains("/backoffice/formulare"), "not in their nav");

    let admin = staff(&app, "admin@jc.example", &o, "admin").await;
    for path in [
        "/backoffice/formulare/weiterbewilligung/2",
        "/backoffice/formulare/gibtsnicht/1",
        "/backoffice/formulare/weiterbewilligung/eins",
        "/backoffice/formulare/weiterbewilligung/-1",
    ] {
        let r = get(&app, &admin, path).await;
        assert_eq!(r.status(), 404, "{path}");
        assert!(r.text().await.unwrap().contains("Seite nicht gefunden"), "{path}: the normal 404 page");
    }
}

/// Every page of every shipped form renders in German, English and
/// Ukrainian: each step's title and each field's label (list fields with
/// their entries' fields) in that language, with unique ids.
#[tokio::test]
async fn every_step_of_the_17_shipped_forms_renders_in_three_languages() {
    let app = TestApp::spawn().await;
    let o = office(&app, "Jobcenter Nürnberg").await;
    let admin = staff(&app, "admin@jc.example", &o, "admin").await;
    for (datei, _) in MITGELIEFERT {
        let key = datei.split(".v").next().unwrap();
        let f = mitgeliefert(key);
        for lang in formulare::SPRACHEN {
            let page = text(&app, &admin, &format!("/backoffice/formulare/{key}/1?sprache={lang}")).await;
            ids_are_unique_and_references_resolve(&page);
            for s in &f.dok.schritte {
                let titel = f.text(lang, &format!("schritt.{}", s.id)).unwrap();
                assert!(page.contains(&html(titel)), "{key} {lang}: the step {titel:?}");
                for feld in &s.felder {
                    let label = f.text(lang, &format!("feld.{}", feld.name)).unwrap();
                    assert!(page.contains(&html(label)), "{key} {lang}: the field {label:?}");
                    for u in &feld.felder {
                        let label = f.text(lang, &format!("feld.{}.{}", feld.name, u.name)).unwrap();
                        assert!(page.contains(&html(label)), "{key} {lang}: the entry field {label:?}");
                    }
                }
            }
        }
    }
}
