//! Demo data for `jobcenter demo`: one sending of the demo client (a short
//! PDF "Kontoauszug", sent on the topic "Geldleistung") waiting in the
//! benefits team's inbox, so the back office's "Aufgaben" and a sending's
//! page have something real to show.

use super::empfang::Datei;
use super::{Thema, store};
use crate::app::AppState;
use crate::arbeit;
use crate::journal::{self, Akteur, Ereignis};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

/// A one-page PDF with lines of text, each at (x, y) in points and a size
/// (standard font, Latin-1 text only; demo data only).
pub fn einfaches_pdf(zeilen: &[(&str, f32, f32, f32)]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let (catalog, pages, page, font, content) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(pages).contents(content);
    p.resources().fonts().pair(Name(b"F1"), font);
    p.finish();
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    let mut c = Content::new();
    for (text, x, y, size) in zeilen {
        c.begin_text().set_font(Name(b"F1"), *size).next_line(*x, *y).show(Str(text.as_bytes())).end_text();
    }
    pdf.stream(content, &c.finish());
    pdf.finish()
}

fn kontoauszug() -> Vec<u8> {
    einfaches_pdf(&[("Kontoauszug Mai 2026 (Beispiel)", 72.0, 770.0, 14.0)])
}

/// Stores the demo sending for `client_id` unless the client has one.
pub async fn sendung(state: &AppState, client_id: &str, office_id: &str) -> anyhow::Result<()> {
    let existing: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM uploads WHERE client_id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    if existing > 0 {
        return Ok(());
    }
    let bytes = kontoauszug();
    let befund = dokumente::pruefung::Pruefer::pruefe(dokumente::pruefung::Grenzen::default(), &bytes)
        .map_err(|e| anyhow::anyhow!("the demo PDF does not pass the check: {e}"))?;
    let mut w = state.ablage.schreiber(&state.ablage.neuer_schluessel("uploads")).await?;
    w.schreiben(&bytes).await?;
    let gespeichert = w.fertig().await?;
    let datei = Datei { name: "Kontoauszug-Mai.pdf".into(), feld: "dateien".into(), befund, gespeichert };
    let now = state.now();
    let akteur = Akteur::System;
    let mut tx = state.db.begin().await?;
    let id = store::anlegen_fuer(
        &mut tx,
        client_id,
        &akteur,
        Thema::Geldleistung,
        Some("Hier mein Kontoauszug für Mai."),
        &[(datei, 1)],
        "ohne",
        &state.secrets,
        now,
    )
    .await?;
    let bezug = journal::Direkt { client_id: client_id.to_owned(), akteur };
    arbeit::store::anlegen(&mut tx, &bezug, office_id, arbeit::store::Art::Sendung, &id, Thema::Geldleistung.team().into(), now).await?;
    journal::record(
        &mut tx,
        &bezug,
        Ereignis::DateienGesendet,
        serde_json::json!({"upload": id, "demo": true}),
        &crate::audit::Actor::default(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
