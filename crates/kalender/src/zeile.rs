//! Content lines (RFC 5545 §3.1): folding at 75 octets, CRLF, and the
//! escaping of values, so that no value can end its line or start another.

/// The text of a file, built line by line.
#[derive(Default)]
pub(crate) struct Datei(String);

/// At most this many octets per physical line, without its CRLF.
pub(crate) const HOECHSTENS: usize = 75;

impl Datei {
    /// Appends one content line, folded: a line longer than 75 octets
    /// breaks before the character that would pass the limit (never inside
    /// a UTF-8 sequence), and each continuation starts with one space,
    /// which counts towards its 75 octets.
    pub(crate) fn zeile(&mut self, zeile: &str) {
        let mut laenge = 0;
        for c in zeile.chars() {
            if laenge + c.len_utf8() > HOECHSTENS {
                self.0.push_str("\r\n ");
                laenge = 1;
            }
            self.0.push(c);
            laenge += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }
}

impl From<Datei> for String {
    fn from(d: Datei) -> Self {
        d.0
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma
/// escaped, every line break (CRLF, LF or CR) as `\n`, tab kept, other
/// control characters dropped (TEXT allows no other ASCII one, and the C1
/// ones count as line breaks to some readers, Python's `splitlines` among
/// them).
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut zeichen = s.chars().peekable();
    while let Some(c) = zeichen.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                zeichen.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI or CAL-ADDRESS value (RFC 5545 §3.3.13, §3.3.3): not escaped
/// (a backslash there is part of the URI), but without control characters,
/// which no URI contains and which could end the line.
pub(crate) fn uri(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}
