//! The Freischaltcode letter (PRF-2) as a PDF: the text of seed 002, the
//! code, the validity date and a QR code to the entry page with the code
//! filled in. Written with `pdf-writer` and the standard Helvetica font
//! (no font files to embed); the QR code is drawn as vector squares. The
//! PDF is tagged (structure tree with heading, paragraphs and the QR code as
//! a figure with alternative text; language de-DE).
//! DESIGN.md names typst for PDFs; see docs/ARCHITECTURE.md for why this
//! letter uses the small writer instead.

use pdf_writer::types::StructRole;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str, TextStr};

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

const A4: (f32, f32) = (595.0, 842.0);
const LEFT: f32 = 70.0;
/// Characters per line of body text (11 pt Helvetica over ~455 pt).
const WRAP: usize = 84;

/// Text in WinAnsiEncoding (the standard fonts' encoding): Latin-1 letters
/// map to themselves, a few typographic characters to their code points,
/// anything else to "?".
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '„' => 0x84,
            '…' => 0x85,
            '–' => 0x96,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            _ => b'?',
        })
        .collect()
}

/// Splits a paragraph into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A cursor writing tagged lines of text down the page: every line is
/// marked content (with an MCID) of the structure element it belongs to,
/// so that screen readers get headings, paragraphs and the QR code's
/// alternative text (tagged PDF).
struct Writer {
    content: Content,
    y: f32,
    /// Structure elements in reading order: role, alternative text, MCIDs.
    elements: Vec<(StructRole, Option<String>, Vec<i32>)>,
    next_mcid: i32,
}

impl Writer {
    /// Starts a new structure element; what follows belongs to it.
    fn element(&mut self, role: StructRole, alt: Option<String>) {
        self.elements.push((role, alt, Vec::new()));
    }

    /// Opens a marked-content sequence for the current element.
    fn begin_mark(&mut self, tag: &[u8]) {
        let id = self.next_mcid;
        self.next_mcid += 1;
        if let Some(e) = self.elements.last_mut() {
            e.2.push(id);
        }
        self.content.begin_marked_content_with_properties(Name(tag)).properties().identify(id);
    }

    fn line(&mut self, font: &[u8], size: f32, text: &str) {
        self.begin_mark(b"Span");
        self.content.begin_text();
        self.content.set_font(Name(font), size);
        self.content.next_line(LEFT, self.y);
        self.content.show(Str(&win_ansi(text)));
        self.content.end_text();
        self.content.end_marked_content();
        self.y -= size * 1.35;
    }

    /// A paragraph of body text (wrapped), as its own element.
    fn paragraph(&mut self, text: &str) {
        self.element(StructRole::P, None);
        for l in wrap(text, WRAP) {
            self.line(b"F1", 11.0, &l);
        }
        self.y -= 8.0;
    }

    /// Lines of one paragraph element.
    fn lines(&mut self, font: &[u8], size: f32, lines: &[String]) {
        self.element(StructRole::P, None);
        for l in lines {
            self.line(font, size, l);
        }
    }
}

/// Renders the letter; returns the PDF bytes.
pub fn render(letter: &Letter) -> anyhow::Result<Vec<u8>> {
    let title = "Freischaltcode für Online-Angebote bei der Bundesagentur für Arbeit";
    let mut w = Writer { content: Content::new(), y: A4.1 - 70.0, elements: Vec::new(), next_mcid: 0 };
    w.lines(b"F1", 9.0, &letter.office_lines);
    w.y -= 24.0;
    w.lines(b"F1", 11.0, &letter.recipient_lines);
    w.y -= 24.0;
    w.lines(b"F1", 10.0, &[format!("Kundennummer: {}", letter.kundennummer), format!("Datum: {}", letter.date)]);
    w.y -= 16.0;
    w.element(StructRole::H1, None);
    for l in wrap(title, 60) {
        w.line(b"F2", 13.0, &l);
    }
    w.y -= 10.0;
    w.paragraph("Guten Tag,");
    w.paragraph(
        "für die Nutzung bestimmter Online-Angebote der Bundesagentur für Arbeit benötigen Sie einen Freischaltcode, den Sie mit diesem \
         Schreiben erhalten und darf nicht an andere Personen weitergegeben werden.",
    );
    w.element(StructRole::P, None);
    w.line(b"F1", 11.0, "Ihr Freischaltcode lautet:");
    w.y -= 4.0;
    w.line(b"F2", 18.0, &letter.code);
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
    w.lines(b"F1", 11.0, &["Mit freundlichen Grüßen,".to_owned(), "Bundesagentur für Arbeit".to_owned()]);

    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let page = Ref::new(3);
    let regular = Ref::new(4);
    let bold = Ref::new(5);
    let content_id = Ref::new(6);
    let info = Ref::new(7);
    let struct_root = Ref::new(8);
    let document = Ref::new(9);
    let parents = Ref::new(10);
    let first_element = 11;

    let mut pdf = Pdf::new();
    {
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree);
        cat.lang(TextStr("de-DE"));
        cat.viewer_preferences().display_doc_title(true);
        cat.mark_info().marked(true);
        cat.pair(Name(b"StructTreeRoot"), struct_root);
    }
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Jobcenter Digital"));
    pdf.pages(tree).kids([page]).count(1);
    {
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, A4.0, A4.1));
        p.parent(tree);
        p.contents(content_id);
        p.struct_parents(0);
        let mut resources = p.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        fonts.pair(Name(b"F2"), bold);
    }
    pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));

    // The structure tree: Document → H1, P, Figure … in reading order; the
    // parent tree maps each MCID of the page to its element.
    let element_refs: Vec<Ref> = (0..w.elements.len()).map(|i| Ref::new(first_element + i as i32)).collect();
    {
        let mut root = pdf.indirect(struct_root).start::<pdf_writer::writers::StructTreeRoot>();
        root.child(document);
        root.parent_tree().nums().insert(0, parents);
        root.parent_tree_next_key(1);
    }
    {
        let mut doc = pdf.struct_element(document);
        doc.kind(StructRole::Document).parent(struct_root).lang(TextStr("de-DE"));
        doc.children().items(element_refs.iter().copied());
    }
    let mut by_mcid = vec![document; usize::try_from(w.next_mcid).unwrap_or(0)];
    for ((role, alt, mcids), r) in w.elements.iter().zip(&element_refs) {
        let mut el = pdf.struct_element(*r);
        el.kind(*role).parent(document).page(page);
        if let Some(alt) = alt {
            el.alt(TextStr(alt));
        }
        let mut children = el.children();
        for m in mcids {
            children.marked_content_id(*m);
            if let Some(slot) = usize::try_from(*m).ok().and_then(|i| by_mcid.get_mut(i)) {
                *slot = *r;
            }
        }
    }
    pdf.indirect(parents).array().items(by_mcid);

    let data = w.content.finish();
    pdf.stream(content_id, &data);
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_are_win_ansi_and_long_text_wraps() {
        assert_eq!(win_ansi("Grüße ß–"), vec![b'G', b'r', 0xFC, 0xDF, b'e', b' ', 0xDF, 0x96]);
        assert_eq!(win_ansi("Ж"), b"?");
        let lines = wrap(&"wort ".repeat(60), 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(lines.join(" "), "wort ".repeat(60).trim());
    }
}
