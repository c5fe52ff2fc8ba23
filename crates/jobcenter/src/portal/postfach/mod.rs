//! "Leistungspostfach" and "Vermittlungspostfach" (POR-2, ADM-4, OKO-1):
//! the client (or a representative holding
//! [`Recht::NachrichtenSchreiben`](crate::portal::handelnd::Recht)) writes to
//! the jobcenter by concern ("Anliegen"); each conversation is a thread and
//! a work item of the team the concern names, or of the client's pAp.
//! Staff answer from the back office; read state is kept per side.
//!
//! - [`schreiben`]: the operations, once for every adapter (HTML now, the
//!   Jobcenter-App later): open a thread, reply, read.
//! - [`store`]: the SQL (sealed subject and bodies, keyset pages, unread
//!   counts).
//! - [`seiten`]: the client's pages.
//!
//! - [`benachrichtigen`]: the mail without content on a new answer (PRF-6).
//!
//! - [`anhaenge`], [`entwuerfe`]: attachments through the upload pipeline,
//!   drafts ("Entwurf speichern") that keep them.
//!
//! Not yet: SMS notifications.

pub mod anhaenge;
pub mod benachrichtigen;
pub mod demo;
pub mod entwuerfe;
pub mod neu;
pub mod schreiben;
pub mod seiten;
pub mod store;

use crate::arbeit::Team;

/// Longest message text, in characters (stated on the form).
pub const MAX_TEXT: usize = 5000;
/// Longest subject, in characters.
pub const MAX_BETREFF: usize = 120;
/// Most attachments of one message (a draft's included).
pub const MAX_ANHAENGE: usize = 10;

/// The two mailboxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Postfach {
    Leistung,
    Vermittlung,
}

impl Postfach {
    pub const ALLE: [Postfach; 2] = [Postfach::Leistung, Postfach::Vermittlung];

    /// As stored and in the path (`/postfach/leistung`).
    pub fn as_str(self) -> &'static str {
        match self {
            Postfach::Leistung => "leistung",
            Postfach::Vermittlung => "vermittlung",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|p| p.as_str() == s)
    }

    /// "Leistungspostfach" / "Vermittlungspostfach".
    pub fn label_key(self) -> String {
        format!("postfach-{}", self.as_str())
    }

    /// The concerns a client can choose in this mailbox.
    pub fn anliegen(self) -> &'static [Anliegen] {
        match self {
            Postfach::Leistung => &[
                Anliegen::Antrag,
                Anliegen::Bescheid,
                Anliegen::Zahlung,
                Anliegen::Veraenderung,
                Anliegen::TerminLeistung,
                Anliegen::SonstigesLeistung,
            ],
            Postfach::Vermittlung => &[
                Anliegen::Bewerbung,
                Anliegen::Kooperationsplan,
                Anliegen::Weiterbildung,
                Anliegen::TerminVermittlung,
                Anliegen::SonstigesVermittlung,
            ],
        }
    }

    pub fn path(self) -> String {
        format!("/postfach/{}", self.as_str())
    }
}

/// Who answers a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empfaenger {
    /// The benefits team ("Leistungsservice").
    Leistungsservice,
    /// The client's personal contact (pAp): the placement team, assigned to
    /// the pAp when the client has one.
    Pap,
}

impl Empfaenger {
    /// The team whose work item the thread becomes.
    pub fn team(self) -> Team {
        match self {
            Empfaenger::Leistungsservice => Team::Leistung,
            Empfaenger::Pap => Team::Vermittlung,
        }
    }
}

/// A concern ("Anliegen"), per mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anliegen {
    Antrag,
    Bescheid,
    Zahlung,
    Veraenderung,
    TerminLeistung,
    SonstigesLeistung,
    Bewerbung,
    Kooperationsplan,
    Weiterbildung,
    TerminVermittlung,
    SonstigesVermittlung,
}

impl Anliegen {
    pub const ALLE: [Anliegen; 11] = [
        Anliegen::Antrag,
        Anliegen::Bescheid,
        Anliegen::Zahlung,
        Anliegen::Veraenderung,
        Anliegen::TerminLeistung,
        Anliegen::SonstigesLeistung,
        Anliegen::Bewerbung,
        Anliegen::Kooperationsplan,
        Anliegen::Weiterbildung,
        Anliegen::TerminVermittlung,
        Anliegen::SonstigesVermittlung,
    ];

    /// As stored and sent by the form.
    pub fn as_str(self) -> &'static str {
        match self {
            Anliegen::Antrag => "antrag",
            Anliegen::Bescheid => "bescheid",
            Anliegen::Zahlung => "zahlung",
            Anliegen::Veraenderung => "veraenderung",
            Anliegen::TerminLeistung => "termin_leistung",
            Anliegen::SonstigesLeistung => "sonstiges_leistung",
            Anliegen::Bewerbung => "bewerbung",
            Anliegen::Kooperationsplan => "kooperationsplan",
            Anliegen::Weiterbildung => "weiterbildung",
            Anliegen::TerminVermittlung => "termin_vermittlung",
            Anliegen::SonstigesVermittlung => "sonstiges_vermittlung",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|a| a.as_str() == s)
    }

    /// The mailbox the concern belongs to.
    pub fn postfach(self) -> Postfach {
        if Postfach::Leistung.anliegen().contains(&self) { Postfach::Leistung } else { Postfach::Vermittlung }
    }

    /// Who answers: in the Leistungspostfach the benefits team, except
    /// appointments (the pAp); in the Vermittlungspostfach always the pAp.
    pub fn empfaenger(self) -> Empfaenger {
        match self {
            Anliegen::Antrag | Anliegen::Bescheid | Anliegen::Zahlung | Anliegen::Veraenderung | Anliegen::SonstigesLeistung => {
                Empfaenger::Leistungsservice
            }
            _ => Empfaenger::Pap,
        }
    }

    pub fn label_key(self) -> String {
        format!("postfach-anliegen-{}", self.as_str().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_concern_is_in_exactly_one_mailbox_and_the_placement_mailbox_goes_to_the_pap() {
        for a in Anliegen::ALLE {
            let n = Postfach::ALLE.iter().filter(|p| p.anliegen().contains(&a)).count();
            assert_eq!(n, 1, "{a:?}");
            assert_eq!(Anliegen::parse(a.as_str()), Some(a));
        }
        assert!(Postfach::Vermittlung.anliegen().iter().all(|a| a.empfaenger() == Empfaenger::Pap));
        assert!(Postfach::Leistung.anliegen().iter().any(|a| a.empfaenger() == Empfaenger::Pap));
        assert!(Postfach::Leistung.anliegen().iter().any(|a| a.empfaenger() == Empfaenger::Leistungsservice));
    }
}
