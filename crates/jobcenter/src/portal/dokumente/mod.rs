//! "Datei hochladen – Dateien zu verschiedenen Themen online senden"
//! (POR-4, seeds 001 and 003): the client (or a representative holding
//! [`Recht::DokumenteHochladen`](crate::portal::handelnd::Recht)) sends one
//! or more files on a topic with an optional message.
//!
//! - Types by content, not name (`dokumente::pruefung`); limits from
//!   configuration, stated on the page; every refusal has its own message.
//! - Files are streamed into encrypted object storage (`ablage`), written
//!   before the rows; a refused sending leaves nothing stored, and the sweep
//!   removes objects whose request died before its commit.
//! - Photos of one paper document can be sent as one PDF, made here.
//! - The sending becomes a work item of the topic's team, a "Verlauf"
//!   entry and a receipt (page and e-mail, without content).
//! - With a clamd scanner configured, files stay closed to staff until
//!   scanned; a finding quarantines the file and the client is told.

pub mod demo;
pub mod empfang;
pub mod hochladen;
pub mod kombinieren;
pub mod scanner;
pub mod senden;
pub mod store;

use crate::arbeit::Team;

/// The topics of seed 003.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thema {
    Geldleistung,
    Vermittlung,
    BildungUndTeilhabe,
}

impl Thema {
    pub const ALLE: [Thema; 3] = [Thema::Geldleistung, Thema::Vermittlung, Thema::BildungUndTeilhabe];

    /// As stored and sent by the form.
    pub fn as_str(self) -> &'static str {
        match self {
            Thema::Geldleistung => "geldleistung",
            Thema::Vermittlung => "vermittlung",
            Thema::BildungUndTeilhabe => "bildung_teilhabe",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|t| t.as_str() == s)
    }

    /// The team that processes sendings on this topic.
    pub fn team(self) -> Team {
        match self {
            Thema::Geldleistung | Thema::BildungUndTeilhabe => Team::Leistung,
            Thema::Vermittlung => Team::Vermittlung,
        }
    }

    /// Label key ("Geldleistung") and explanation key.
    pub fn label_key(self) -> String {
        format!("upload-topic-{}", self.as_str().replace('_', "-"))
    }

    pub fn hint_key(self) -> String {
        format!("{}-hint", self.label_key())
    }
}
