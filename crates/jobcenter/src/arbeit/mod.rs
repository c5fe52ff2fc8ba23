//! Work items (DESIGN.md section 6, ADM-4): one generic thing staff
//! process — an upload now; messages, applications and appointment
//! requests later — with one state machine. The transitions are data
//! ([`UEBERGAENGE`]): from which state, which action, to which state, who
//! may take it, and what the client sees. A transition is decided under
//! the item's row lock with an optimistic version, so two members cannot
//! overwrite each other (the second gets [`Abgelehnt::Veraltet`]), like
//! `konto::mfa::WaysIn::allows` decides removals of a way in.

pub mod store;

use crate::backoffice::RoleName;
use crate::journal::Ereignis;

/// The state of a work item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zustand {
    Eingegangen,
    InBearbeitung,
    Erledigt,
}

impl Zustand {
    pub const ALLE: [Zustand; 3] = [Zustand::Eingegangen, Zustand::InBearbeitung, Zustand::Erledigt];

    pub fn as_str(self) -> &'static str {
        match self {
            Zustand::Eingegangen => "eingegangen",
            Zustand::InBearbeitung => "in_bearbeitung",
            Zustand::Erledigt => "erledigt",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|z| z.as_str() == s)
    }

    /// The label key, for staff and for the client ("Eingegangen", …).
    pub fn label_key(self) -> String {
        format!("arbeit-zustand-{}", self.as_str().replace('_', "-"))
    }
}

/// The team that processes an item; members need the team's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    Service,
    Leistung,
    Vermittlung,
}

impl Team {
    pub const ALLE: [Team; 3] = [Team::Service, Team::Leistung, Team::Vermittlung];

    pub fn as_str(self) -> &'static str {
        self.rolle().as_str()
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|t| t.as_str() == s)
    }

    /// The staff role of the team's members.
    pub fn rolle(self) -> RoleName {
        match self {
            Team::Service => RoleName::Service,
            Team::Leistung => RoleName::Leistung,
            Team::Vermittlung => RoleName::Vermittlung,
        }
    }

    pub fn label_key(self) -> String {
        format!("arbeit-team-{}", self.as_str())
    }
}

/// What a member can do with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aktion {
    /// Take it up: assigned to oneself, "in Bearbeitung".
    Uebernehmen,
    /// Hand it over to another member of the team (or back to the team).
    Abgeben,
    /// Close it: "erledigt".
    Erledigen,
    /// Open a closed item again.
    Wiederaufnehmen,
}

impl Aktion {
    pub const ALLE: [Aktion; 4] = [Aktion::Uebernehmen, Aktion::Abgeben, Aktion::Erledigen, Aktion::Wiederaufnehmen];

    pub fn as_str(self) -> &'static str {
        match self {
            Aktion::Uebernehmen => "uebernehmen",
            Aktion::Abgeben => "abgeben",
            Aktion::Erledigen => "erledigen",
            Aktion::Wiederaufnehmen => "wiederaufnehmen",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label_key(self) -> String {
        format!("arbeit-aktion-{}", self.as_str())
    }
}

/// Who may take a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wer {
    /// Any member of the item's team.
    Team,
    /// Only the member the item is assigned to.
    Zugewiesene,
}

/// One allowed transition.
#[derive(Debug, Clone, Copy)]
pub struct Uebergang {
    pub von: Zustand,
    pub aktion: Aktion,
    pub nach: Zustand,
    pub wer: Wer,
    /// What the client's "Verlauf" records (None: an internal step).
    pub kunde: Option<Ereignis>,
}

/// The state machine of every work item.
pub const UEBERGAENGE: &[Uebergang] = &[
    Uebergang {
        von: Zustand::Eingegangen,
        aktion: Aktion::Uebernehmen,
        nach: Zustand::InBearbeitung,
        wer: Wer::Team,
        kunde: Some(Ereignis::VorgangInBearbeitung),
    },
    Uebergang { von: Zustand::Eingegangen, aktion: Aktion::Abgeben, nach: Zustand::Eingegangen, wer: Wer::Team, kunde: None },
    Uebergang { von: Zustand::InBearbeitung, aktion: Aktion::Uebernehmen, nach: Zustand::InBearbeitung, wer: Wer::Team, kunde: None },
    Uebergang { von: Zustand::InBearbeitung, aktion: Aktion::Abgeben, nach: Zustand::InBearbeitung, wer: Wer::Zugewiesene, kunde: None },
    Uebergang {
        von: Zustand::InBearbeitung,
        aktion: Aktion::Erledigen,
        nach: Zustand::Erledigt,
        wer: Wer::Zugewiesene,
        kunde: Some(Ereignis::VorgangErledigt),
    },
    Uebergang {
        von: Zustand::Erledigt,
        aktion: Aktion::Wiederaufnehmen,
        nach: Zustand::InBearbeitung,
        wer: Wer::Team,
        kunde: Some(Ereignis::VorgangInBearbeitung),
    },
];

/// Why a transition was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abgelehnt {
    /// No such transition from the current state.
    NichtMoeglich,
    /// The member is not in the item's team, or not the assignee.
    NichtBerechtigt,
    /// Someone changed the item since the member loaded it.
    Veraltet,
    /// Handing over to someone who is not an active member of the team.
    UngueltigesZiel,
}

impl Abgelehnt {
    pub const ALLE: [Abgelehnt; 4] =
        [Abgelehnt::NichtMoeglich, Abgelehnt::NichtBerechtigt, Abgelehnt::Veraltet, Abgelehnt::UngueltigesZiel];

    pub fn message_key(self) -> &'static str {
        match self {
            Abgelehnt::NichtMoeglich => "arbeit-error-not-possible",
            Abgelehnt::NichtBerechtigt => "arbeit-error-not-allowed",
            Abgelehnt::Veraltet => "arbeit-error-stale",
            Abgelehnt::UngueltigesZiel => "arbeit-error-target",
        }
    }
}

/// The notice after a transition, from the redirect's `?hinweis=` (`ok` or
/// a refusal's message key; anything else shows nothing).
pub fn hinweis(lang: crate::i18n::Lang, hinweis: Option<&str>) -> Option<String> {
    match hinweis? {
        "ok" => Some(lang.t("arbeit-done")),
        key => Abgelehnt::ALLE.into_iter().find(|a| a.message_key() == key).map(|a| lang.t(a.message_key())),
    }
}

/// The rule: may a member with `roles` (account `member`) take `aktion` on
/// an item in `zustand` of `team`, assigned to `assignee`?
pub fn entscheiden(
    zustand: Zustand,
    team: Team,
    assignee: Option<&str>,
    aktion: Aktion,
    member: &str,
    roles: &[RoleName],
) -> Result<&'static Uebergang, Abgelehnt> {
    let u = UEBERGAENGE.iter().find(|u| u.von == zustand && u.aktion == aktion).ok_or(Abgelehnt::NichtMoeglich)?;
    if !roles.contains(&team.rolle()) {
        return Err(Abgelehnt::NichtBerechtigt);
    }
    match u.wer {
        Wer::Team => Ok(u),
        Wer::Zugewiesene if assignee == Some(member) => Ok(u),
        Wer::Zugewiesene => Err(Abgelehnt::NichtBerechtigt),
    }
}

/// The actions a member may offer on an item right now (for the buttons).
pub fn moegliche(zustand: Zustand, team: Team, assignee: Option<&str>, member: &str, roles: &[RoleName]) -> Vec<Aktion> {
    Aktion::ALLE.into_iter().filter(|a| entscheiden(zustand, team, assignee, *a, member, roles).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: &[RoleName] = &[RoleName::Leistung];

    #[test]
    fn only_the_team_takes_up_and_only_the_assignee_closes() {
        assert!(entscheiden(Zustand::Eingegangen, Team::Leistung, None, Aktion::Uebernehmen, "a", L).is_ok());
        assert_eq!(
            entscheiden(Zustand::Eingegangen, Team::Leistung, None, Aktion::Uebernehmen, "a", &[RoleName::Vermittlung]).unwrap_err(),
            Abgelehnt::NichtBerechtigt
        );
        assert_eq!(
            entscheiden(Zustand::InBearbeitung, Team::Leistung, Some("b"), Aktion::Erledigen, "a", L).unwrap_err(),
            Abgelehnt::NichtBerechtigt
        );
        assert_eq!(
            entscheiden(Zustand::InBearbeitung, Team::Leistung, Some("a"), Aktion::Erledigen, "a", L).unwrap().nach,
            Zustand::Erledigt
        );
        assert_eq!(
            entscheiden(Zustand::Eingegangen, Team::Leistung, None, Aktion::Erledigen, "a", L).unwrap_err(),
            Abgelehnt::NichtMoeglich
        );
    }

    #[test]
    fn every_state_is_reachable_and_every_transition_has_labels() {
        for z in Zustand::ALLE {
            assert!(z == Zustand::Eingegangen || UEBERGAENGE.iter().any(|u| u.nach == z), "{z:?} unreachable");
        }
        for lang in crate::i18n::Lang::ALL {
            for key in Zustand::ALLE
                .iter()
                .map(|z| z.label_key())
                .chain(Aktion::ALLE.iter().map(|a| a.label_key()))
                .chain(Team::ALLE.iter().map(|t| t.label_key()))
            {
                assert_ne!(lang.t(&key), key, "{key} in {}", lang.code());
            }
        }
    }
}
