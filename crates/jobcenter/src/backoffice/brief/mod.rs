//! The Freischaltcode letter (PRF-2) as a PDF: the text of seed 002, the
//! code, the validity date and a QR code to the entry page with the code
//! filled in. Written with `pdf-writer` in Noto Sans (regular and bold,
//! embedded as subsets by `dokumente::schrift`, so that every name prints:
//! Polish, Turkish, Cyrillic …); the QR code is drawn as vector squares. The
//! PDF is tagged (structure tree with heading, paragraphs and the QR code as
//! a figure with alternative text; language de-DE).
//! DESIGN.md names typst for PDFs; see docs/ARCHITECTURE.md for why this
//! letter uses the small writer instead.

use std::sync::LazyLock;

use dokumente::schrift::{Schrift, Schriftart};
use pdf_writer::types::StructRole;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, TextStr};

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
/// Width of the text column (left and right margins of 70 pt).
const WIDTH: f32 = A4.0 - 2.0 * LEFT;

// The Noto Sans faces, embedded by build.rs from the KERN UX package.
include!(concat!(env!("OUT_DIR"), "/schriften.rs"));

/// The faces read once per process: reading unpacks and indexes about 1 MB
/// of font data, which is most of a letter's cost otherwise. They are
/// constants of the binary, so this is a cache, not state.
static FACES: LazyLock<Result<(Schriftart, Schriftart), String>> = LazyLock::new(|| {
    let read = |data: &'static [u8]| Schriftart::neu(data).map_err(|e| e.to_string());
    Ok((read(NOTO_SANS_REGULAR)?, read(NOTO_SANS_BOLD)?))
});

/// The two faces of the letter, as named in the page's resources.
#[derive(Clone, Copy)]
enum Face {
    Regular,
    Bold,
}

/// The letter's faces: regular (F1) and bold (F2) in the page resources.
struct Fonts {
    regular: Schrift<'static>,
    bold: Schrift<'static>,
}

impl Fonts {
    /// The faces for a new PDF.
    fn new() -> anyhow::Result<Self> {
        let (regular, bold) = FACES.as_ref().map_err(|e| anyhow::anyhow!("the embedded Noto Sans cannot be read: {e}"))?;
        Ok(Self { regular: Schrift::neu(regular), bold: Schrift::neu(bold) })
    }

    fn get(&self, face: Face) -> (&Schrift<'static>, Name<'static>) {
        match face {
            Face::Regular => (&self.regular, Name(b"F1")),
            Face::Bold => (&self.bold, Name(b"F2")),
        }
    }
}

/// A cursor writing tagged lines of text down the page: every line is
/// marked content (with an MCID) of the structure element it belongs to,
/// so that screen readers get headings, paragraphs and the QR code's
/// alternative text (tagged PDF).
struct Writer {
    content: Content,
    fonts: Fonts,
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

    fn line(&mut self, face: Face, size: f32, text: &str) {
        self.begin_mark(b"Span");
        let (schrift, name) = self.fonts.get(face);
        schrift.zeile(&mut self.content, name, size, (LEFT, self.y), text);
        self.content.end_marked_content();
        self.y -= size * 1.35;
    }

    /// Lines of text wrapped to the column with the face's real widths.
    fn wrapped(&mut self, face: Face, size: f32, text: &str) {
        for l in self.fonts.get(face).0.art().umbrechen(text, size, WIDTH) {
            self.line(face, size, &l);
        }
    }

    /// A paragraph of body text (wrapped), as its own element.
    fn paragraph(&mut self, text: &str) {
        self.element(StructRole::P, None);
        self.wrapped(Face::Regular, 11.0, text);
        self.y -= 8.0;
    }

    /// Lines of one paragraph element.
    fn lines(&mut self, size: f32, lines: &[String]) {
        self.element(StructRole::P, None);
        for l in lines {
            self.line(Face::Regular, size, l);
        }
    }
}

/// The head of every letter: sender, recipient, Kundennummer and date, and
/// the title as the heading.
fn kopf(office: &[String], recipient: &[String], kundennummer: &str, date: &str, title: &str) -> anyhow::Result<Writer> {
    let mut w = Writer { content: Content::new(), fonts: Fonts::new()?, y: A4.1 - 70.0, elements: Vec::new(), next_mcid: 0 };
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
    if w.y < 40.0 {
        return Ok(Err(ZuLang));
    }
    fertig(w, &s.title).map(Ok)
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
    fertig(w, title)
}

/// The document around the page: catalog, the tagged structure, the fonts.
fn fertig(w: Writer, title: &str) -> anyhow::Result<Vec<u8>> {
    let mut ids = Ref::new(1);
    let catalog = ids.bump();
    let tree = ids.bump();
    let page = ids.bump();
    let regular = ids.bump();
    let bold = ids.bump();
    let content_id = ids.bump();
    let info = ids.bump();
    let struct_root = ids.bump();
    let document = ids.bump();
    let parents = ids.bump();

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

    // The structure tree: Document → H1, P, Figure … in reading order; the
    // parent tree maps each MCID of the page to its element.
    let element_refs: Vec<Ref> = w.elements.iter().map(|_| ids.bump()).collect();
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
    // Last: the fonts hold exactly the glyphs the text above used.
    w.fonts.regular.schreiben(&mut pdf, regular, &mut ids)?;
    w.fonts.bold.schreiben(&mut pdf, bold, &mut ids)?;
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests;
