//! A JSON tree that knows the line of every value, for messages that
//! point at the line of the bad value. Only for text that serde_json has
//! already accepted (syntax errors come from serde_json, with their line):
//! this parser is small because it need not explain bad syntax, and it
//! decodes strings with serde_json so escapes mean the same.

/// A value and the line (1-based) it starts on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Knoten {
    pub zeile: usize,
    pub wert: Wert,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Wert {
    Null,
    Bool(bool),
    /// A number as written.
    Zahl(String),
    Text(String),
    Liste(Vec<Knoten>),
    /// Keys in file order, duplicates kept (the reader reports them).
    Objekt(Vec<(String, Knoten)>),
}

impl Wert {
    /// "Text", "Liste", … for messages.
    pub fn art(&self) -> &'static str {
        match self {
            Wert::Null => "null",
            Wert::Bool(_) => "ein Wahrheitswert",
            Wert::Zahl(_) => "eine Zahl",
            Wert::Text(_) => "ein Text",
            Wert::Liste(_) => "eine Liste",
            Wert::Objekt(_) => "ein Objekt",
        }
    }
}

/// Parses text serde_json accepted. `Err` only if it did not (a bug).
pub(crate) fn parsen(text: &str) -> Result<Knoten, String> {
    let mut p = Parser { text, pos: 0, zeile: 1 };
    let k = p.wert()?;
    p.leer();
    if p.pos == text.len() { Ok(k) } else { Err(format!("unerwartetes Zeichen in Zeile {}", p.zeile)) }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    zeile: usize,
}

impl Parser<'_> {
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn leer(&mut self) {
        while let Some(b) = self.byte() {
            match b {
                b'\n' => self.zeile += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    fn erwarten(&mut self, b: u8) -> Result<(), String> {
        self.leer();
        if self.byte() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("\"{}\" erwartet in Zeile {}", b as char, self.zeile))
        }
    }

    fn wert(&mut self) -> Result<Knoten, String> {
        self.leer();
        let zeile = self.zeile;
        let wert = match self.byte() {
            Some(b'{') => self.objekt()?,
            Some(b'[') => self.liste()?,
            Some(b'"') => Wert::Text(self.text_()?),
            Some(_) => self.wort()?,
            None => return Err("unerwartetes Ende".to_owned()),
        };
        Ok(Knoten { zeile, wert })
    }

    fn objekt(&mut self) -> Result<Wert, String> {
        self.pos += 1;
        let mut eintraege = Vec::new();
        self.leer();
        if self.byte() == Some(b'}') {
            self.pos += 1;
            return Ok(Wert::Objekt(eintraege));
        }
        loop {
            self.leer();
            let schluessel = self.text_()?;
            self.erwarten(b':')?;
            eintraege.push((schluessel, self.wert()?));
            self.leer();
            match self.byte() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Wert::Objekt(eintraege));
                }
                _ => return Err(format!("\",\" oder \"}}\" erwartet in Zeile {}", self.zeile)),
            }
        }
    }

    fn liste(&mut self) -> Result<Wert, String> {
        self.pos += 1;
        let mut werte = Vec::new();
        self.leer();
        if self.byte() == Some(b']') {
            self.pos += 1;
            return Ok(Wert::Liste(werte));
        }
        loop {
            werte.push(self.wert()?);
            self.leer();
            match self.byte() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Wert::Liste(werte));
                }
                _ => return Err(format!("\",\" oder \"]\" erwartet in Zeile {}", self.zeile)),
            }
        }
    }

    /// A string: find its end (a quote not escaped), decode with serde_json.
    fn text_(&mut self) -> Result<String, String> {
        if self.byte() != Some(b'"') {
            return Err(format!("Text erwartet in Zeile {}", self.zeile));
        }
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.byte() {
                Some(b'\\') => self.pos += 2,
                Some(b'"') => break,
                Some(_) => self.pos += 1,
                None => return Err("Text ohne Ende".to_owned()),
            }
        }
        self.pos += 1;
        let roh = self.text.get(start..self.pos).ok_or("Text ohne Ende")?;
        serde_json::from_str(roh).map_err(|e| e.to_string())
    }

    /// `true`, `false`, `null` or a number.
    fn wort(&mut self) -> Result<Wert, String> {
        let start = self.pos;
        while matches!(self.byte(), Some(b'a'..=b'z' | b'0'..=b'9' | b'-' | b'+' | b'.' | b'E')) {
            self.pos += 1;
        }
        match &self.text[start..self.pos] {
            "true" => Ok(Wert::Bool(true)),
            "false" => Ok(Wert::Bool(false)),
            "null" => Ok(Wert::Null),
            z if z.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => Ok(Wert::Zahl(z.to_owned())),
            _ => Err(format!("unerwartetes Zeichen in Zeile {}", self.zeile)),
        }
    }
}
