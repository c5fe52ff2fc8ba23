//! The Freischaltcode letter (PRF-2) as a PDF: the text of seed 002, the
//! code, the validity date and a QR code to the entry page with the code
//! filled in; and the one-page letters from the template of "Bescheide und
//! Nachweise". Written by [`crate::satz`] (tagged, embedded Noto Sans); the
//! QR code is drawn as vector squares, a figure with alternative text.

use crate::satz::{Face, LEFT, Satz};
use pdf_writer::types::StructRole;

/// What goes into one letter.
#[derive(Debug, Clone)]
pub struct Letter {
    /// Sender block: the office's name and address lines.
    pub office_lines: Vec<String>,
    /// Recipient block: name and address lines.
    pub recipient_lines: Vec<String>,
    pub kundennummer: String,
    /// Date of the letter ("22.11.2026").
    pub date: String,
    /// The code as shown ("A1B2-C3D4-E5F6").
    pub code: String,
    /// Last day of validity ("22.12.2026").
    pub valid_until: String,
    /// The entry page without the code ("https://…/freischaltcode").
    pub entry_url: String,
    /// The entry page with the code filled in (the QR code's target).
    pub qr_url: String,
}

/// The head of every letter: sender, recipient, Kundennummer and date, and
/// the title as the heading.
fn kopf(office: &[String], recipient: &[String], kundennummer: &str, date: &str, title: &str) -> anyhow::Result<Satz> {
    let mut w = Satz::new()?;
    w.lines(9.0, office);
    w.y -= 24.0;
    w.lines(11.0, recipient);
    w.y -= 24.0;
    w.lines(10.0, &[format!("Kundennummer: {kundennummer}"), format!("Datum: {date}")]);
    w.y -= 16.0;
    w.element(StructRole::H1, None);
    w.wrapped(Face::Bold, 13.0, title);
    w.y -= 10.0;
    Ok(w)
}

/// A letter written from the template of "Bescheide und Nachweise" (POR-3):
/// the client's address and data, a title and the member's text.
#[derive(Debug, Clone)]
pub struct Schreiben {
    pub office_lines: Vec<String>,
    pub recipient_lines: Vec<String>,
    pub kundennummer: String,
    pub date: String,
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

/// The text must fit on the one page.
#[derive(Debug, thiserror::Error)]
#[error("the text does not fit on one page")]
pub struct ZuLang;

/// Renders a letter from the template; `Err(ZuLang)` if the text would run
/// past the page.
pub fn schreiben(s: &Schreiben) -> anyhow::Result<Result<Vec<u8>, ZuLang>> {
    let mut w = kopf(&s.office_lines, &s.recipient_lines, &s.kundennummer, &s.date, &s.title)?;
    w.paragraph("Guten Tag,");
    for absatz in s.text.replace("\r\n", "\n").split("\n\n") {
        let absatz = absatz.split_whitespace().collect::<Vec<_>>().join(" ");
        if !absatz.is_empty() {
            w.paragraph(&absatz);
        }
    }
    w.lines(11.0, &["Mit freundlichen Grüßen,".to_owned(), "Ihr Jobcenter".to_owned()]);
    if w.page_count() > 1 {
        return Ok(Err(ZuLang));
    }
    w.finish(&s.title).map(Ok)
}

/// Renders the letter; returns the PDF bytes.
pub fn render(letter: &Letter) -> anyhow::Result<Vec<u8>> {
    let title = "Freischaltcode für Online-Angebote bei der Bundesagentur für Arbeit";
    let mut w = kopf(&letter.office_lines, &letter.recipient_lines, &letter.kundennummer, &letter.date, title)?;
    w.paragraph("Guten Tag,");
    w.paragraph(
        "für die Nutzung bestimmter Online-Angebote der Bundesagentur für Arbeit benötigen Sie einen Freischaltcode, den Sie mit diesem \
         Schreiben erhalten und darf nicht an andere Personen weitergegeben werden.",
    );
    w.element(StructRole::P, None);
    w.line(Face::Regular, 11.0, "Ihr Freischaltcode lautet:");
    w.y -= 4.0;
    w.line(Face::Bold, 18.0, &letter.code);
    w.y -= 8.0;
    w.paragraph("Bitte geben Sie Ihren Freischaltcode auf folgender Seite ein.");
    w.y += 6.0;
    w.paragraph(&letter.entry_url);
    w.paragraph("Sie können auch den folgenden QR-Code scannen");

    // The QR code: one filled square per dark module, 3 pt each, as a
    // figure with an alternative text.
    let qr = qrcode::QrCode::new(letter.qr_url.as_bytes())?;
    let n = qr.width();
    let module = 3.0_f32;
    let top = w.y - 4.0;
    w.element(
        StructRole::Figure,
        Some(format!("QR-Code: Adresse der Seite „Freischaltcode eingeben“ mit Ihrem Freischaltcode, {}", letter.qr_url)),
    );
    w.begin_mark(b"Figure");
    w.content.set_fill_gray(0.0);
    for (i, color) in qr.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = ((i % n) as f32, (i / n) as f32);
            w.content.rect(LEFT + x * module, top - (y + 1.0) * module, module, module);
        }
    }
    w.content.fill_nonzero();
    w.content.end_marked_content();
    w.y = top - n as f32 * module - 20.0;

    w.paragraph(&format!(
        "Melden Sie sich zunächst mit Ihrem Konto an oder registrieren Sie sich neu. Ihr Freischaltcode ist gültig bis zum {}",
        letter.valid_until
    ));
    w.lines(11.0, &["Mit freundlichen Grüßen,".to_owned(), "Bundesagentur für Arbeit".to_owned()]);
    w.finish(title)
}

#[cfg(test)]
mod tests;
