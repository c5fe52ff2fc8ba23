//! "Bescheide und Nachweise" (POR-3, OKO-3, MFA-50): documents staff publish
//! for a client, and their legally effective electronic delivery (SGB X
//! § 37 Abs. 2a, the rules of `domain::fristen` with the configured state's
//! holidays):
//!
//! - with online communication a document is made available for retrieval
//!   and the client is told by mail (no content); the first retrieval after
//!   an authenticated login at the document's level is the "Abruf": the
//!   document counts as announced the day after, and a Bescheid shows
//!   "Widerspruch bis …";
//! - not retrieved within the period (default 10 days after the mail), or
//!   without online communication at all, it goes to the print queue and
//!   the client sees "Per Post versandt am …";
//! - a "hoch" document is listed at level "substantiell" but not opened.
//!
//! [`zustellung`] holds the operations, [`store`] the SQL, [`seiten`] the
//! client's pages; staff publish in `backoffice::bescheide`.
//!
//! Not yet: documents generated from a letter template, the four-eyes
//! release, retrieval by representatives (their issue).

pub mod demo;
pub mod seiten;
pub mod store;
pub mod zustellung;

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    Bescheid,
    Nachweis,
    Schreiben,
}

impl Art {
    pub const ALLE: [Art; 3] = [Art::Bescheid, Art::Nachweis, Art::Schreiben];

    pub fn as_str(self) -> &'static str {
        match self {
            Art::Bescheid => "bescheid",
            Art::Nachweis => "nachweis",
            Art::Schreiben => "schreiben",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label_key(self) -> String {
        format!("bescheide-art-{}", self.as_str())
    }
}

/// The level of assurance a document needs to be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stufe {
    Substantiell,
    Hoch,
}

impl Stufe {
    pub const ALLE: [Stufe; 2] = [Stufe::Substantiell, Stufe::Hoch];

    pub fn as_str(self) -> &'static str {
        match self {
            Stufe::Substantiell => "substantiell",
            Stufe::Hoch => "hoch",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label_key(self) -> String {
        format!("bescheide-stufe-{}", self.as_str())
    }

    /// Whether a session at `level` may open a document of this level.
    pub fn erlaubt(self, level: crate::web::session::Level) -> bool {
        use crate::web::session::Level;
        match self {
            Stufe::Substantiell => matches!(level, Level::Substantiell | Level::Hoch),
            Stufe::Hoch => level == Level::Hoch,
        }
    }
}

/// The calendar day of `ts` in Germany.
pub fn tag(ts: i64) -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default().with_timezone(&chrono_tz::Europe::Berlin).date_naive()
}

/// A date as the portal shows it ("07.12.2026").
pub fn datum(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}
