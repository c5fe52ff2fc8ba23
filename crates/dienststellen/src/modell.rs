//! The directory as read from a file: jobcenters, their offices with
//! opening hours, and the postcodes they are responsible for.

use crate::Bundesland;
use chrono::NaiveDate;

/// The whole directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Verzeichnis {
    /// In file order.
    pub jobcenter: Vec<Jobcenter>,
}

/// One jobcenter with its offices and the postcodes it is responsible for.
#[derive(Debug, Clone, PartialEq)]
pub struct Jobcenter {
    /// `[a-z0-9-]{2,64}`, unique in the file.
    pub id: String,
    /// "Jobcenter Nürnberg-Stadt".
    pub name: String,
    /// For the public holidays of its offices.
    pub bundesland: Bundesland,
    /// The central phone number.
    pub telefon: Option<String>,
    /// A plausible address (an "@", a dot after it).
    pub email: Option<String>,
    /// `https://…` (or `http://`).
    pub webseite: Option<String>,
    /// At least one.
    pub dienststellen: Vec<Dienststelle>,
    /// At least one.
    pub zustaendigkeit: Vec<Zustaendigkeit>,
}

/// A postcode the jobcenter is responsible for; `gebiet` names the part
/// ("Fürth, Stadt" / "Stadeln, Vach und Mannhof" / streets) when the
/// postcode is shared with another jobcenter.
#[derive(Debug, Clone, PartialEq)]
pub struct Zustaendigkeit {
    /// Five digits.
    pub plz: String,
    /// Required when another jobcenter has the same postcode, and then
    /// different from the other's.
    pub gebiet: Option<String>,
}

/// An office of a jobcenter that clients can visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Dienststelle {
    /// `[a-z0-9-]{2,64}`, unique in the whole file.
    pub id: String,
    /// "Jobcenter Nürnberg-Stadt, Standort Süd".
    pub name: String,
    /// Street and number.
    pub strasse: String,
    /// Five digits.
    pub plz: String,
    /// The town.
    pub ort: String,
    /// Never empty.
    pub telefon: String,
    pub email: Option<String>,
    /// When clients can come.
    pub zeiten: Oeffnungszeiten,
    /// The emergency desk, if the office has one.
    pub notfall: Option<Notfall>,
    /// Access to the entrance (step-free, lift, …); may be empty.
    pub barrierefreiheit: String,
    /// Public transport note; may be empty.
    pub oepnv: String,
}

/// The emergency desk of an office (cash in an acute emergency, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Notfall {
    /// A number of its own, if any.
    pub telefon: Option<String>,
    /// What it is for and where it is; never empty.
    pub hinweis: String,
    /// Its own hours (often around the clock, open on holidays).
    pub zeiten: Oeffnungszeiten,
}

/// A span of a day in minutes after midnight, `von < bis`, 0..=1440
/// (24:00 allowed as an end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spanne {
    /// The first minute open.
    pub von: u16,
    /// The first minute closed again.
    pub bis: u16,
}

impl Spanne {
    /// "08:00–12:00" (with an en dash, for display; files use "-").
    pub fn anzeigen(&self) -> String {
        format!("{}–{}", uhrzeit(self.von), uhrzeit(self.bis))
    }

    /// "08:00-12:00", as the files write it.
    pub(crate) fn datei(&self) -> String {
        format!("{}-{}", uhrzeit(self.von), uhrzeit(self.bis))
    }
}

/// "08:00–12:00, 14:00–16:00"; "geschlossen" for no spans.
pub fn spannen_anzeigen(spannen: &[Spanne]) -> String {
    if spannen.is_empty() {
        return "geschlossen".to_owned();
    }
    spannen.iter().map(Spanne::anzeigen).collect::<Vec<_>>().join(", ")
}

/// "HH:MM" of minutes after midnight (1440: "24:00").
pub(crate) fn uhrzeit(minuten: u16) -> String {
    format!("{:02}:{:02}", minuten / 60, minuten % 60)
}

/// The weekdays as the files name them, Monday first.
pub const WOCHENTAGE: [&str; 7] = ["mo", "di", "mi", "do", "fr", "sa", "so"];

/// Opening hours: a week, dated exceptions, and whether holidays close.
#[derive(Debug, Clone, PartialEq)]
pub struct Oeffnungszeiten {
    /// Monday .. Sunday, spans sorted, not overlapping.
    pub woche: [Vec<Spanne>; 7],
    /// Dated exceptions (closed: empty spans), e.g. 24.12.
    pub ausnahmen: Vec<Ausnahme>,
    /// Closed on the public holidays of the Bundesland (default true).
    pub feiertags_geschlossen: bool,
}

/// Closed all week, and on holidays: what a file says by leaving all out.
impl Default for Oeffnungszeiten {
    fn default() -> Self {
        Self { woche: Default::default(), ausnahmen: Vec::new(), feiertags_geschlossen: true }
    }
}

impl Oeffnungszeiten {
    /// The week for display: (weekday index 0 = Monday, its spans).
    pub fn tabelle(&self) -> impl Iterator<Item = (usize, &[Spanne])> {
        self.woche.iter().map(Vec::as_slice).enumerate()
    }
}

/// Different hours on one date (closed: no spans).
#[derive(Debug, Clone, PartialEq)]
pub struct Ausnahme {
    pub datum: NaiveDate,
    /// Sorted, not overlapping; none: closed.
    pub spannen: Vec<Spanne>,
    /// "Heiligabend geschlossen".
    pub hinweis: Option<String>,
}

impl Verzeichnis {
    /// The responsible jobcenters for a postcode, each with the `gebiet` it
    /// covers, in file order. One entry: decided; several: the caller asks
    /// for the place or street (POR-6: no guess); none: not in the directory.
    pub fn zustaendig(&self, plz: &str) -> Vec<(&Jobcenter, Option<&str>)> {
        let plz = plz.trim();
        self.jobcenter.iter().filter_map(|jc| jc.zustaendigkeit.iter().find(|z| z.plz == plz).map(|z| (jc, z.gebiet.as_deref()))).collect()
    }

    /// The office with this id, and its jobcenter.
    pub fn dienststelle(&self, id: &str) -> Option<(&Jobcenter, &Dienststelle)> {
        self.jobcenter.iter().find_map(|jc| jc.dienststellen.iter().find(|d| d.id == id).map(|d| (jc, d)))
    }
}
