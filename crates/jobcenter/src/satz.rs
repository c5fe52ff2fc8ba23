//! Tagged PDF documents in Noto Sans, written with `pdf-writer`: the
//! Freischaltcode letter and the template letters (`backoffice::brief`) and
//! the receipt of an application (`portal::antraege::quittung`).
//!
//! A [`Satz`] writes lines down an A4 page and starts a new page when the
//! next line would not fit. Every line is marked content of a structure
//! element (heading, paragraph, figure; optionally in another language), so
//! that screen readers get the document's structure (tagged PDF, language
//! de-DE); page numbers are artifacts. The faces (regular and bold) are
//! embedded as subsets by `dokumente::schrift`, so every name prints:
//! Polish, Turkish, Cyrillic …
//! DESIGN.md names typst for PDFs; see docs/ARCHITECTURE.md for why these
//! documents use the small writer instead.

use std::sync::LazyLock;

use dokumente::schrift::{Schrift, Schriftart};
use pdf_writer::types::StructRole;
use pdf_writer::{Content, Name, Pdf, Rect, Ref, TextStr};

pub const A4: (f32, f32) = (595.0, 842.0);
pub const LEFT: f32 = 70.0;
/// Width of the text column (left and right margins of 70 pt).
pub const WIDTH: f32 = A4.0 - 2.0 * LEFT;
const TOP: f32 = A4.1 - 70.0;
/// No text line below this (room for the page number).
const BOTTOM: f32 = 60.0;

// The Noto Sans faces, embedded by build.rs from the KERN UX package.
include!(concat!(env!("OUT_DIR"), "/schriften.rs"));

/// The faces read once per process: reading unpacks and indexes about 1 MB
/// of font data, which is most of a letter's cost otherwise. They are
/// constants of the binary, so this is a cache, not state.
static FACES: LazyLock<Result<(Schriftart, Schriftart), String>> = LazyLock::new(|| {
    let read = |data: &'static [u8]| Schriftart::neu(data).map_err(|e| e.to_string());
    Ok((read(NOTO_SANS_REGULAR)?, read(NOTO_SANS_BOLD)?))
});

/// The regular face, for measuring (tests).
pub fn regular() -> anyhow::Result<&'static Schriftart> {
    Ok(&FACES.as_ref().map_err(|e| anyhow::anyhow!("the embedded Noto Sans cannot be read: {e}"))?.0)
}

/// The two faces, as named in the pages' resources.
#[derive(Clone, Copy)]
pub enum Face {
    Regular,
    Bold,
}

/// The document's faces: regular (F1) and bold (F2) in the page resources.
struct Fonts {
    regular: Schrift<'static>,
    bold: Schrift<'static>,
}

impl Fonts {
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

/// A structure element: its role, alternative text, language (when not
/// the document's) and its marked content as (page, MCID).
struct Element {
    role: StructRole,
    alt: Option<String>,
    lang: Option<&'static str>,
    marks: Vec<(usize, i32)>,
}

/// A cursor writing tagged lines of text down the pages.
pub struct Satz {
    /// Finished pages' content streams.
    pages: Vec<Vec<u8>>,
    /// The page being written.
    pub content: Content,
    fonts: Fonts,
    /// Baseline of the next line, in pt from the bottom.
    pub y: f32,
    elements: Vec<Element>,
    /// MCIDs count per page.
    next_mcid: i32,
}

impl Satz {
    /// An empty first page.
    pub fn new() -> anyhow::Result<Self> {
        Ok(Self { pages: Vec::new(), content: Content::new(), fonts: Fonts::new()?, y: TOP, elements: Vec::new(), next_mcid: 0 })
    }

    /// Pages so far (the current one included).
    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }

    /// Starts a new page unless `height` pt still fit above the bottom margin.
    pub fn room_for(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            let done = std::mem::replace(&mut self.content, Content::new());
            self.pages.push(done.finish().into_vec());
            self.y = TOP;
            self.next_mcid = 0;
        }
    }

    /// Starts a new structure element; what follows belongs to it.
    pub fn element(&mut self, role: StructRole, alt: Option<String>) {
        self.elements.push(Element { role, alt, lang: None, marks: Vec::new() });
    }

    /// Like [`Satz::element`], for text in another language than German
    /// ("en-GB", "uk-UA"): screen readers switch voice.
    pub fn element_in(&mut self, role: StructRole, lang: &'static str) {
        self.elements.push(Element { role, alt: None, lang: (lang != "de-DE").then_some(lang), marks: Vec::new() });
    }

    /// Opens a marked-content sequence on the current page for the current
    /// element; close it with `content.end_marked_content()`.
    pub fn begin_mark(&mut self, tag: &[u8]) {
        let id = self.next_mcid;
        self.next_mcid += 1;
        let page = self.pages.len();
        if let Some(e) = self.elements.last_mut() {
            e.marks.push((page, id));
        }
        self.content.begin_marked_content_with_properties(Name(tag)).properties().identify(id);
    }

    /// One line at `x`, on a new page if it does not fit.
    pub fn line_at(&mut self, x: f32, face: Face, size: f32, text: &str) {
        self.room_for(size * 1.35);
        self.begin_mark(b"Span");
        let (schrift, name) = self.fonts.get(face);
        schrift.zeile(&mut self.content, name, size, (x, self.y), text);
        self.content.end_marked_content();
        self.y -= size * 1.35;
    }

    pub fn line(&mut self, face: Face, size: f32, text: &str) {
        self.line_at(LEFT, face, size, text);
    }

    /// Lines of text wrapped to `width` from `x`, with the face's real widths.
    pub fn wrapped_at(&mut self, x: f32, width: f32, face: Face, size: f32, text: &str) {
        for l in self.fonts.get(face).0.art().umbrechen(text, size, width) {
            self.line_at(x, face, size, &l);
        }
    }

    pub fn wrapped(&mut self, face: Face, size: f32, text: &str) {
        self.wrapped_at(LEFT, WIDTH, face, size, text);
    }

    /// A paragraph of body text (wrapped), as its own element.
    pub fn paragraph(&mut self, text: &str) {
        self.element(StructRole::P, None);
        self.wrapped(Face::Regular, 11.0, text);
        self.y -= 8.0;
    }

    /// A heading of `level` (1–3), kept with the next lines on its page.
    pub fn heading(&mut self, level: u8, text: &str) {
        let (role, size) = match level {
            1 => (StructRole::H1, 13.0),
            2 => (StructRole::H2, 12.0),
            _ => (StructRole::H3, 11.0),
        };
        self.room_for(size * 1.35 + 3.0 * 14.0);
        self.element(role, None);
        self.wrapped(Face::Bold, size, text);
        self.y -= 6.0;
    }

    /// Lines of one paragraph element.
    pub fn lines(&mut self, size: f32, lines: &[String]) {
        self.element(StructRole::P, None);
        for l in lines {
            self.line(Face::Regular, size, l);
        }
    }

    /// The document: catalog, pages with "Seite n von m", the tagged
    /// structure, the fonts.
    pub fn finish(mut self, title: &str) -> anyhow::Result<Vec<u8>> {
        let last = std::mem::replace(&mut self.content, Content::new());
        self.pages.push(last.finish().into_vec());
        let count = self.pages.len();

        let mut ids = Ref::new(1);
        let catalog = ids.bump();
        let tree = ids.bump();
        let regular = ids.bump();
        let bold = ids.bump();
        let info = ids.bump();
        let struct_root = ids.bump();
        let document = ids.bump();
        let page_refs: Vec<Ref> = (0..count).map(|_| ids.bump()).collect();
        let content_refs: Vec<Ref> = (0..count).map(|_| ids.bump()).collect();
        let parent_refs: Vec<Ref> = (0..count).map(|_| ids.bump()).collect();
        let element_refs: Vec<Ref> = self.elements.iter().map(|_| ids.bump()).collect();

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
        pdf.pages(tree).kids(page_refs.iter().copied()).count(i32::try_from(count)?);
        for (i, (&page, &content)) in page_refs.iter().zip(&content_refs).enumerate() {
            let mut p = pdf.page(page);
            p.media_box(Rect::new(0.0, 0.0, A4.0, A4.1));
            p.parent(tree);
            p.contents(content);
            p.struct_parents(i32::try_from(i)?);
            p.tab_order(pdf_writer::types::TabOrder::StructureOrder);
            let mut resources = p.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Name(b"F1"), regular);
            fonts.pair(Name(b"F2"), bold);
        }

        // The structure tree: Document → H1, P, Figure … in reading order;
        // each page's parent tree entry maps its MCIDs to their elements.
        {
            let mut root = pdf.indirect(struct_root).start::<pdf_writer::writers::StructTreeRoot>();
            root.child(document);
            let mut tree = root.parent_tree();
            let mut nums = tree.nums();
            for (i, r) in parent_refs.iter().enumerate() {
                nums.insert(i32::try_from(i)?, *r);
            }
            drop(nums);
            drop(tree);
            root.parent_tree_next_key(i32::try_from(count)?);
        }
        {
            let mut doc = pdf.struct_element(document);
            doc.kind(StructRole::Document).parent(struct_root).lang(TextStr("de-DE"));
            doc.children().items(element_refs.iter().copied());
        }
        let mut by_mcid: Vec<Vec<Ref>> = vec![Vec::new(); count];
        for (e, &r) in self.elements.iter().zip(&element_refs) {
            let mut el = pdf.struct_element(r);
            let first = e.marks.first().map_or(0, |m| m.0);
            el.kind(e.role).parent(document).page(page_refs[first]);
            if let Some(alt) = &e.alt {
                el.alt(TextStr(alt));
            }
            if let Some(lang) = e.lang {
                el.lang(TextStr(lang));
            }
            let mut children = el.children();
            for &(page, mcid) in &e.marks {
                if page == first {
                    children.marked_content_id(mcid);
                } else {
                    children.marked_content_ref().marked_content_id(mcid).page(page_refs[page]);
                }
                let slots = &mut by_mcid[page];
                let i = usize::try_from(mcid)?;
                if slots.len() <= i {
                    slots.resize(i + 1, document);
                }
                slots[i] = r;
            }
        }
        for (r, slots) in parent_refs.iter().zip(by_mcid) {
            pdf.indirect(*r).array().items(slots);
        }

        for (i, (data, &content)) in self.pages.iter().zip(&content_refs).enumerate() {
            let mut data = data.clone();
            if count > 1 {
                // "Seite 2 von 3", bottom right, as an artifact (not read out).
                let text = format!("Seite {} von {count}", i + 1);
                let mut footer = Content::new();
                footer.begin_marked_content(Name(b"Artifact"));
                let width = self.fonts.regular.art().breite(&text, 9.0);
                self.fonts.regular.zeile(&mut footer, Name(b"F1"), 9.0, (A4.0 - LEFT - width, 36.0), &text);
                footer.end_marked_content();
                data.extend_from_slice(&footer.finish());
            }
            pdf.stream(content, &data);
        }
        // Last: the fonts hold exactly the glyphs the text above used.
        self.fonts.regular.schreiben(&mut pdf, regular, &mut ids)?;
        self.fonts.bold.schreiben(&mut pdf, bold, &mut ids)?;
        Ok(pdf.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(pdf: &[u8]) -> lopdf::Document {
        lopdf::Document::load_mem(pdf).unwrap()
    }

    #[test]
    fn text_flows_onto_new_pages_with_numbers_and_one_structure_tree() {
        let mut s = Satz::new().unwrap();
        s.heading(1, "Überschrift");
        for i in 0..120 {
            s.paragraph(&format!("Absatz {i}: Łukasz Şahin, Олена Коваленко"));
        }
        assert!(s.page_count() >= 3);
        let doc = load(&s.finish("Probe").unwrap());
        let pages = doc.get_pages();
        let n = pages.len();
        assert!(n >= 3, "{n} pages");
        let last = doc.extract_text(&[u32::try_from(n).unwrap()]).unwrap();
        assert!(last.contains("Absatz 119") && last.contains(&format!("Seite {n} von {n}")), "{last}");
        let first = doc.extract_text(&[1]).unwrap();
        assert!(first.contains("Überschrift") && first.contains(&format!("Seite 1 von {n}")));

        // Each page names its parent-tree entry; every element lies on a
        // page, a paragraph that runs over the page break reaches the
        // next page through a marked-content reference with /Pg.
        let dicts: Vec<&lopdf::Dictionary> = doc.objects.values().filter_map(|o| o.as_dict().ok()).collect();
        let mut keys: Vec<i64> =
            pages.values().map(|id| doc.get_dictionary(*id).unwrap().get(b"StructParents").unwrap().as_i64().unwrap()).collect();
        keys.sort_unstable();
        assert_eq!(keys, (0..i64::try_from(n).unwrap()).collect::<Vec<_>>());
        let elems: Vec<_> = dicts.iter().filter(|d| d.get(b"Type").and_then(|v| v.as_name()).is_ok_and(|t| t == b"StructElem")).collect();
        assert!(elems.len() > 120);
        assert!(elems.iter().all(|e| e.has(b"Pg") || e.get(b"S").unwrap().as_name().unwrap() == b"Document"));
        let artifacts = doc.get_page_content(*pages.values().next().unwrap());
        assert!(String::from_utf8_lossy(&artifacts).contains("/Artifact BMC"), "page numbers are artifacts");
    }

    #[test]
    fn a_paragraph_across_a_page_break_keeps_its_marks_on_both_pages() {
        let mut s = Satz::new().unwrap();
        s.y = BOTTOM + 20.0;
        s.element(StructRole::P, None);
        s.wrapped(Face::Regular, 11.0, &"Wort ".repeat(200));
        let doc = load(&s.finish("Probe").unwrap());
        let mcrs = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter_map(|d| d.get(b"K").and_then(|k| k.as_array()).ok())
            .flatten()
            .filter_map(|k| k.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(|v| v.as_name()).is_ok_and(|t| t == b"MCR") && d.has(b"Pg"))
            .count();
        assert!(mcrs > 0, "the lines on page 2 are referenced with their page");
        assert_eq!(doc.get_pages().len(), 2);
    }
}
