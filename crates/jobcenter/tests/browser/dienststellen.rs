//! "Dienststelle finden" (POR-6) in Chromium, with axe-core on every page:
//! a wrong postcode (the error summary), a shared postcode asking where one
//! lives, the office page; in English and Ukrainian and on a 360 px wide
//! phone — once with JavaScript and once without.

use crate::chromium::Chromium;
use crate::support::TestApp;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_is_found_by_postcode_in_chromium_and_every_page_passes_axe() {
    dienststellen_journey(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finding_an_office_works_without_javascript() {
    dienststellen_journey(false).await;
}

async fn dienststellen_journey(javascript: bool) {
    let app = TestApp::spawn().await;
    jobcenter::dienststellen::importieren(&app.state, "d.json", dienststellen::BEISPIEL_JSON.as_bytes(), |_, _| {}).await.unwrap().unwrap();
    let v = dienststellen::lesen_json(dienststellen::BEISPIEL_JSON).unwrap();
    // A postcode of one jobcenter and one shared by several.
    let (einzeln, jc) = v
        .jobcenter
        .iter()
        .find_map(|jc| jc.zustaendigkeit.iter().find(|z| v.zustaendig(&z.plz).len() == 1).map(|z| (z.plz.clone(), jc)))
        .unwrap();
    let geteilt = v.jobcenter.iter().flat_map(|j| &j.zustaendigkeit).find(|z| z.gebiet.is_some()).unwrap();

    let chromium = Chromium::launch().await;
    let tab = chromium.tab(javascript).await;
    tab.open(&app.url("/")).await;
    tab.click_link("Dienststelle finden").await;
    tab.expect_heading("Dienststelle finden").await;
    tab.fill("Postleitzahl eingeben", "9040").await;
    tab.click_button("Dienststelle suchen").await;
    tab.expect_text("Bitte geben Sie eine Postleitzahl mit 5 Ziffern ein").await;
    super::assert_error_summary_links_to_fields(&tab, &["plz"]).await;

    tab.fill("Postleitzahl eingeben", &geteilt.plz).await;
    tab.click_button("Dienststelle suchen").await;
    tab.expect_text("Wo wohnen Sie?").await;
    tab.choose(geteilt.gebiet.as_deref().unwrap()).await;
    tab.click_button("Weiter").await;
    tab.expect_text(&format!("Zuständig für {}", geteilt.plz)).await;

    tab.fill("Postleitzahl eingeben", &einzeln).await;
    tab.click_button("Dienststelle suchen").await;
    tab.expect_text(&format!("Zuständig für {einzeln}: {}", jc.name)).await;
    tab.click_link(&jc.dienststellen[0].name).await;
    tab.expect_heading(&jc.dienststellen[0].name).await;
    tab.expect_text("Öffnungszeiten").await;
    let jetzt = tab.text_of("#jetzt").await;
    assert!(jetzt.starts_with("Jetzt geöffnet") || jetzt.starts_with("Jetzt geschlossen"), "{jetzt}");

    let keys = super::message_keys();
    for (lang, heading) in [("en", "Find an office"), ("uk", "Знайти відділення")] {
        tab.open(&app.url(&format!("/dienststellen?plz={einzeln}&lang={lang}"))).await;
        super::expect_language(&tab, lang, &keys).await;
        tab.expect_heading(heading).await;
    }
    tab.emulate_phone(360, 740).await;
    tab.open(&app.url(&format!("/dienststellen/{}?lang=de", jc.dienststellen[0].id))).await;
    let (scroll, inner): (i64, i64) = tab.eval("return [document.documentElement.scrollWidth, window.innerWidth];", Value::Null).await;
    assert!(scroll <= inner, "the office page is {scroll} px wide on a {inner} px screen");

    // Start, search, error, shared, chosen, found, office, en, uk, phone.
    tab.assert_clean(10);
    chromium.close().await;
}
