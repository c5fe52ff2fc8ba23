//! The data of the `antraege` scenario: complete, valid answers to
//! "Bürgergeld beantragen" (`formulare/buergergeld.v1.json`), the documents
//! sent with them, and the drafts in the database.
//!
//! Two kinds of application:
//! - **standard**: the applicant and 3 further members of the household
//!   (3 list entries: partner, two children), earned income and
//!   Kindergeld, savings and a car, a rented flat, bank details, both
//!   declarations; 2 documents (identity card, front and back).
//! - **gross** (the receipt's "10-page application"): a larger household,
//!   every kind of income, every kind of asset with long descriptions,
//!   several employers; 10 documents.
//!
//! The drafts are written with the server stopped: the answers sealed the
//! way `portal::antraege::store` seals them (the row id as associated data,
//! checked by opening each row again with `store::laden`), the documents
//! as rows of `application_files` whose objects do not exist (nothing on
//! these paths reads an object: the summary, sending and the receipt read
//! the rows only).

use anyhow::{Context, ensure};
use formulare::{Antworten, Formular};
use jobcenter::app::AppState;
use jobcenter::portal::antraege::nachweise::Datei;
use jobcenter::portal::antraege::{definitionen, store};
use serde_json::{Value, json};

/// How big an application is.
#[derive(Debug, Clone, Copy)]
pub struct Umfang {
    /// Further members of the household (list entries), at most 20.
    pub mitglieder: usize,
    /// Every kind of income and asset, long descriptions.
    pub ausfuehrlich: bool,
}

pub const STANDARD: Umfang = Umfang { mitglieder: 3, ausfuehrlich: false };

const KINDER: [&str; 8] = ["Mia", "Ben", "Lina", "Noah", "Emma", "Paul", "Sofia", "Elias"];

/// The answers of client `i`.
pub fn antworten(i: usize, u: Umfang) -> Antworten {
    let nachname = format!("Müller-Kowalczyk{i:04}");
    let mut mitglieder = Vec::new();
    for k in 0..u.mitglieder {
        let (vorname, geburt, verhaeltnis, einkommen) = match k {
            0 => ("Anna-Lena".to_owned(), "1987-09-23".to_owned(), "partner", true),
            k if k + 1 == u.mitglieder && k >= 4 => ("Renate".to_owned(), "1956-01-30".to_owned(), "elternteil", true),
            k => (KINDER[(k - 1) % KINDER.len()].to_owned(), format!("{}-{:02}-{:02}", 2006 + k % 18, 1 + k % 12, 3 + k), "kind", false),
        };
        mitglieder.push(json!({
            "vorname": vorname, "nachname": nachname, "geburtsdatum": geburt, "verhaeltnis": verhaeltnis, "einkommen": einkommen
        }));
    }
    let mut a = Antworten::new();
    let person = json!({
        "vorname": "Jürgen Andreas",
        "nachname": nachname,
        "geburtsname": "Kowalczyk",
        "geburtsdatum": "1984-03-12",
        "geburtsort": "Gdańsk",
        "staatsangehoerigkeit": "deutsch",
        "familienstand": "verheiratet",
        "strasse": format!("Schönhauser Allee {}", 10 + i % 150),
        "postleitzahl": "10437",
        "wohnort": "Berlin",
        "telefon": "+49 30 1234567",
        "krankenversicherung_art": "gesetzlich",
        "krankenkasse": "AOK Nordost",
        "haushaltsmitglieder_anzahl": u.mitglieder,
        "haushaltsmitglieder": mitglieder,
        "alleinerziehend": false
    });
    let geld = json!({
        "einkommen": true,
        "einkommen_arten": ["erwerbstaetigkeit", "kindergeld"],
        "arbeitgeber": "Bäckerei Schulze GmbH",
        "arbeitgeber_anschrift": "Kastanienallee 12, 10435 Berlin",
        "erwerb_brutto": 1850.0,
        "erwerb_netto": 1392.47,
        "kindergeld_betrag": 510.0,
        "vermoegen_erheblich": true,
        "sparvermoegen": true,
        "kraftfahrzeug": true,
        "immobilie": false,
        "sonstiges_vermoegen": false,
        "sparvermoegen_betrag": 48250.13,
        "kraftfahrzeug_beschreibung": "VW Golf VII Variant, Baujahr 2016",
        "kraftfahrzeug_wert": 9800.0
    });
    let wohnen = json!({
        "wohnform": "miete",
        "wohnflaeche": 78,
        "kaltmiete": 689.5,
        "nebenkosten": 182.0,
        "heizkosten": 96.0,
        "heizungsart": "fernwaerme",
        "warmwasser_dezentral": false,
        "kontoinhaber": format!("Jürgen Andreas {nachname}"),
        "iban": "DE89370400440532013000",
        "richtig": true,
        "erklaerung_mitwirkung": true
    });
    for teil in [person, geld, wohnen] {
        if let Value::Object(m) = teil {
            a.extend(m);
        }
    }
    if u.ausfuehrlich {
        let m = &mut a;
        m.insert(
            "einkommen_arten".into(),
            json!(["erwerbstaetigkeit", "arbeitslosengeld", "rente", "unterhalt", "kindergeld", "sonstiges"]),
        );
        m.insert("arbeitgeber".into(), json!("Bäckerei Schulze GmbH; Gebäudereinigung Blitzblank Berlin-Nord GmbH & Co. KG (Minijob)"));
        m.insert(
            "arbeitgeber_anschrift".into(),
            json!("Kastanienallee 12, 10435 Berlin; Gewerbehof Pankow, Aufgang C, 3. Obergeschoss, Mühlenstraße 72, 13187 Berlin"),
        );
        for (k, v) in [("arbeitslosengeld_betrag", 412.8), ("rente_betrag", 1180.35), ("unterhalt_betrag", 230.0)] {
            m.insert(k.into(), json!(v));
        }
        m.insert("kindergeld_betrag".into(), json!(255.0 * (u.mitglieder.saturating_sub(1).min(6)) as f64));
        m.insert(
            "sonstiges_einkommen".into(),
            json!("Wohngeld bis Ende des Vormonats; gelegentliche Honorare als Übersetzerin (Polnisch–Deutsch) für die Volkshochschule"),
        );
        m.insert("sonstiges_einkommen_betrag".into(), json!(145.0));
        m.insert("immobilie".into(), json!(true));
        m.insert("sonstiges_vermoegen".into(), json!(true));
        m.insert("immobilie_beschreibung".into(), json!(lang("Erbteil (1/3) an einem Einfamilienhaus in Sopot, Polen", 1900)));
        m.insert("immobilie_wert".into(), json!(61000.0));
        m.insert("sonstiges_vermoegen_beschreibung".into(), json!(lang("Goldschmuck und Münzen aus dem Nachlass der Großmutter", 1900)));
        m.insert("sonstiges_vermoegen_wert".into(), json!(3400.0));
    }
    a
}

/// A realistic long text of about `zeichen` characters.
fn lang(anfang: &str, zeichen: usize) -> String {
    const SATZ: &[&str] = &[
        "Die Immobilie wird seit dem Tod meiner Mutter im März 2023 von einer Erbengemeinschaft aus meinen zwei Geschwistern und mir gehalten.",
        "Eine Auseinandersetzung der Erbengemeinschaft ist beantragt, aber noch nicht abgeschlossen; ein Verkauf ist ohne Zustimmung aller nicht möglich.",
        "Der angegebene Wert beruht auf einem Gutachten eines örtlichen Sachverständigen vom August 2024 und entspricht meinem Anteil.",
        "Mieteinnahmen erziele ich daraus nicht; meine Schwester wohnt dort unentgeltlich und trägt die laufenden Kosten.",
        "Unterlagen (Erbschein, Grundbuchauszug in polnischer Sprache mit beglaubigter Übersetzung) reiche ich mit den Nachweisen ein.",
    ];
    let mut t = format!("{anfang}. ");
    let mut k = 0;
    while t.chars().count() + SATZ[k % SATZ.len()].chars().count() < zeichen {
        t.push_str(SATZ[k % SATZ.len()]);
        t.push(' ');
        k += 1;
    }
    t.trim_end().to_owned()
}

/// The documents sent with an application: `n` of them, as the receipt
/// lists them (name, size, SHA-256).
pub fn dateien(n: usize, seed: usize) -> Vec<Datei> {
    const NAMEN: [(&str, &str); 10] = [
        ("ausweis", "Personalausweis-Vorderseite.pdf"),
        ("ausweis", "Personalausweis-Rückseite.pdf"),
        ("mietvertrag", "Mietvertrag-Schönhauser-Allee-mit-Mieterhöhung-2025.pdf"),
        ("nebenkostenabrechnung", "Betriebskostenabrechnung-2024.pdf"),
        ("einkommensnachweise", "Lohnabrechnung-September.pdf"),
        ("einkommensnachweise", "Lohnabrechnung-Oktober.pdf"),
        ("einkommensnachweise", "Lohnabrechnung-November.pdf"),
        ("kontoauszuege", "Kontoauszüge-Girokonto-Sep-Nov.pdf"),
        ("kontoauszuege", "Kontoauszüge-Tagesgeld-Sep-Nov.pdf"),
        ("vermoegensnachweise", "Fahrzeugschein-und-Sparbuch.pdf"),
    ];
    (0..n)
        .map(|k| {
            let (anhang, name) = NAMEN[k % NAMEN.len()];
            let mut sha = sha2::Sha256::default();
            sha2::Digest::update(&mut sha, format!("{seed}/{k}/{name}").as_bytes());
            Datei {
                id: jobcenter::db::new_id(),
                anhang: anhang.into(),
                file_name: name.into(),
                bytes: 180_000 + (k as i64 * 97_531) % 2_400_000,
                sha256: hex::encode(sha2::Digest::finalize(sha)),
                request_id: None,
            }
        })
        .collect()
}

/// Checks the answers as the server will: no error of the schema, every
/// answer shown (nothing is dropped by a condition), every required
/// document among `dateien`.
pub fn pruefen(f: &Formular, a: &Antworten, dateien: &[Datei]) -> anyhow::Result<()> {
    let fehler = f.fehler(a);
    ensure!(fehler.is_empty(), "the answers do not validate: {fehler:?}");
    let gezeigt = f.durchlauf(a).antworten;
    let versteckt: Vec<&String> = a.keys().filter(|k| !gezeigt.contains_key(*k)).collect();
    ensure!(versteckt.is_empty(), "answers the form does not show: {versteckt:?}");
    ensure!(gezeigt == *a, "the walk through the form changes the answers");
    for x in f.anhaenge(a).into_iter().filter(|x| x.pflicht) {
        ensure!(dateien.iter().any(|d| d.anhang == x.id), "required document '{}' missing", x.id);
    }
    Ok(())
}

/// The live Bürgergeld form of the database (as the server reads it).
pub async fn buergergeld(state: &AppState) -> anyhow::Result<definitionen::Definition> {
    definitionen::live_von(&state.db.pool, "buergergeld").await?.context("no live 'buergergeld' form in the fresh database")
}

/// One draft per client and kind: ids `[client][kind]`. `clients` are
/// (client id, office id); `arten` the kinds with their documents.
pub async fn entwuerfe(
    state: &AppState,
    definition_id: &str,
    clients: &[(String, String)],
    arten: &[(Umfang, usize)],
) -> anyhow::Result<Vec<Vec<String>>> {
    let now = state.now();
    let mut ids = Vec::new();
    let mut tx = state.db.begin().await?;
    for (i, (client, office)) in clients.iter().enumerate() {
        let mut eigene = Vec::new();
        for &(umfang, n) in arten {
            let id = jobcenter::db::new_id();
            let a = antworten(i, umfang);
            let versiegelt = state.secrets.seal(&format!("antrag/{id}"), Value::Object(a).to_string().as_bytes());
            sqlx::query(
                "INSERT INTO applications (id, client_id, office_id, definition_id, state, answers_sealed, created_at, updated_at, delete_after)
                 VALUES ($1, $2, $3, $4, 'entwurf', $5, $6, $6, $7)",
            )
            .bind(&id)
            .bind(client)
            .bind(office)
            .bind(definition_id)
            .bind(versiegelt)
            .bind(now)
            .bind(now + 30 * 86_400)
            .execute(&mut *tx)
            .await?;
            for d in dateien(n, i) {
                sqlx::query(
                    "INSERT INTO application_files (id, application_id, anhang, request_id, file_name, media_type, bytes, sha256,
                         object_key, envelope, created_at)
                     VALUES ($1, $2, $3, NULL, $4, 'application/pdf', $5, $6, $7, 'loadtest', $8)",
                )
                .bind(&d.id)
                .bind(&id)
                .bind(&d.anhang)
                .bind(&d.file_name)
                .bind(d.bytes)
                .bind(&d.sha256)
                .bind(format!("uploads/loadtest/{}", d.id))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            eigene.push(id);
        }
        ids.push(eigene);
    }
    tx.commit().await?;
    // Opened as the server opens them.
    for ((i, (client, _)), eigene) in clients.iter().enumerate().zip(&ids) {
        for (id, &(umfang, _)) in eigene.iter().zip(arten) {
            let antrag = store::laden(&state.db.pool, &state.secrets, client, id).await?.context("a draft just written is missing")?;
            ensure!(antrag.entwurf && antrag.antworten == antworten(i, umfang), "draft {id} does not open to its answers");
        }
    }
    Ok(ids)
}

/// (client id, office id) of the clients `kunden::vorbereiten` made, in
/// the order of its accounts (family names `Kunde0000`, …).
pub async fn kunden(state: &AppState) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT id, office_id FROM clients ORDER BY family_name").fetch_all(&state.db.pool).await?)
}

/// The form fields a browser posts for step `schritt` with these answers
/// (each shown field as its input shows it; a list's entries as
/// `liste.0.feld`).
pub fn schritt_eingabe(f: &Formular, schritt: usize, a: &Antworten) -> Vec<(String, String)> {
    use formulare::Art;
    use formulare::antworten::anzeigen;
    let d = f.durchlauf(a);
    let mut out = Vec::new();
    let Some((_, felder)) = d.schritte.iter().find(|(i, _)| *i == schritt) else { return out };
    for &j in felder {
        let feld = &f.dok.schritte[schritt].felder[j];
        match (feld.art, a.get(&feld.name)) {
            (Art::Liste, Some(Value::Array(eintraege))) => {
                for (k, e) in eintraege.iter().enumerate() {
                    for u in &feld.felder {
                        if let Some(v) = e.get(&u.name) {
                            out.push((format!("{}.{k}.{}", feld.name, u.name), anzeigen(u.art, v)));
                        }
                    }
                }
            }
            (Art::Mehrfach, Some(Value::Array(werte))) => {
                out.extend(werte.iter().map(|v| (feld.name.clone(), anzeigen(Art::Text, v))));
            }
            (art, Some(v)) => out.push((feld.name.clone(), anzeigen(art, v))),
            (_, None) => {}
        }
    }
    out
}

/// Pages of a PDF written by `jobcenter::satz` (page objects are plain
/// dictionaries there, not in object streams).
pub fn seiten(pdf: &[u8]) -> usize {
    let muster = b"/Type /Page";
    pdf.windows(muster.len() + 1).filter(|w| &w[..muster.len()] == muster && w[muster.len()] != b's').count()
}
