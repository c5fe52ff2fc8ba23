//! Deadlines for Bescheide provided for retrieval in the portal: when a
//! Bescheid counts as announced (§ 37 Abs. 2a SGB X), until when a
//! Widerspruch can be filed (§ 26 SGB X with §§ 187–193 BGB), and when an
//! unretrieved Bescheid goes to the post. Dates only, no clock: the caller
//! passes the days in German local time.

use chrono::{Datelike, Days, Months, NaiveDate, TimeDelta, Weekday};

#[cfg(test)]
mod tests;

/// The 16 German federal states, by their two-letter codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundesland {
    /// Baden-Württemberg
    Bw,
    /// Bayern
    By,
    /// Berlin
    Be,
    /// Brandenburg
    Bb,
    /// Bremen
    Hb,
    /// Hamburg
    Hh,
    /// Hessen
    He,
    /// Mecklenburg-Vorpommern
    Mv,
    /// Niedersachsen
    Ni,
    /// Nordrhein-Westfalen
    Nw,
    /// Rheinland-Pfalz
    Rp,
    /// Saarland
    Sl,
    /// Sachsen
    Sn,
    /// Sachsen-Anhalt
    St,
    /// Schleswig-Holstein
    Sh,
    /// Thüringen
    Th,
}

impl Bundesland {
    /// All states, in the order of their codes above.
    pub const ALLE: [Self; 16] = [
        Self::Bw,
        Self::By,
        Self::Be,
        Self::Bb,
        Self::Hb,
        Self::Hh,
        Self::He,
        Self::Mv,
        Self::Ni,
        Self::Nw,
        Self::Rp,
        Self::Sl,
        Self::Sn,
        Self::St,
        Self::Sh,
        Self::Th,
    ];

    /// Parses a two-letter code ("BY", "by"); surrounding spaces are ignored.
    pub fn parse(input: &str) -> Option<Self> {
        let code = input.trim();
        Self::ALLE.into_iter().find(|land| land.code().eq_ignore_ascii_case(code))
    }

    /// The two-letter code in capitals ("BY").
    pub fn code(self) -> &'static str {
        match self {
            Self::Bw => "BW",
            Self::By => "BY",
            Self::Be => "BE",
            Self::Bb => "BB",
            Self::Hb => "HB",
            Self::Hh => "HH",
            Self::He => "HE",
            Self::Mv => "MV",
            Self::Ni => "NI",
            Self::Nw => "NW",
            Self::Rp => "RP",
            Self::Sl => "SL",
            Self::Sn => "SN",
            Self::St => "ST",
            Self::Sh => "SH",
            Self::Th => "TH",
        }
    }
}

/// The public holidays of one state, as they hold from 2024 on (earlier
/// years may differ: e.g. Frauentag in MV only since 2023), plus configured
/// extra days such as one-off holidays (Berlin, 8 May 2025).
///
/// Holidays of only some municipalities are left out, as a deadline must
/// not depend on the town: Mariä Himmelfahrt in Bayern (only where most
/// people are Catholic; it is counted for the whole Saarland), Fronleichnam
/// in parts of Sachsen and Thüringen, the Augsburger Friedensfest.
/// Ostersonntag and Pfingstsonntag, holidays in Brandenburg, are Sundays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feiertage {
    land: Bundesland,
    zusaetzliche: Vec<NaiveDate>,
}

impl Feiertage {
    pub fn new(land: Bundesland, mut zusaetzliche: Vec<NaiveDate>) -> Self {
        zusaetzliche.sort_unstable();
        zusaetzliche.dedup();
        Self { land, zusaetzliche }
    }

    pub fn land(&self) -> Bundesland {
        self.land
    }

    /// Whether `d` is a public holiday in the state or a configured extra day.
    pub fn ist_feiertag(&self, d: NaiveDate) -> bool {
        self.zusaetzliche.binary_search(&d).is_ok() || gesetzliche_feiertage(self.land, d.year()).contains(&d)
    }

    /// Monday to Friday and not a holiday. Saturday is not a working day
    /// here: § 193 BGB moves a deadline ending on "Sonnabend, Sonntag oder
    /// Feiertag".
    pub fn ist_werktag(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.ist_feiertag(d)
    }

    /// `d` itself if it is a working day, else the next one.
    pub fn naechster_werktag(&self, d: NaiveDate) -> NaiveDate {
        let mut tag = d;
        while !self.ist_werktag(tag) {
            tag = tag.succ_opt().expect("a working day before the end of chrono's calendar");
        }
        tag
    }
}

/// Easter Sunday in the Gregorian calendar (anonymous algorithm of Meeus,
/// Jones and Butcher); meaningful from 1583 on.
///
/// # Panics
/// If the year is outside chrono's range.
pub fn ostersonntag(jahr: i32) -> NaiveDate {
    let a = jahr.rem_euclid(19);
    let b = jahr.div_euclid(100);
    let c = jahr.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n lies between 107 and 150: March or April.
    let (monat, tag) = ((n / 31) as u32, (n % 31 + 1) as u32);
    NaiveDate::from_ymd_opt(jahr, monat, tag).expect("year within chrono's range")
}

/// The statutory holidays of `land` in `jahr` (see [`Feiertage`]).
fn gesetzliche_feiertage(land: Bundesland, jahr: i32) -> Vec<NaiveDate> {
    use Bundesland::*;
    let datum = |monat, tag| NaiveDate::from_ymd_opt(jahr, monat, tag);
    let ostern = NaiveDate::from_ymd_opt(jahr, 1, 1).map(|_| ostersonntag(jahr));
    let nach_ostern = |tage| ostern.and_then(|o| o.checked_add_signed(TimeDelta::days(tage)));
    let in_ = |laender: &[Bundesland], tag: Option<NaiveDate>| if laender.contains(&land) { tag } else { None };
    // Buß- und Bettag: the Wednesday before 23 November.
    let buss_und_bettag = datum(11, 22).and_then(|d| {
        let zurueck = (d.weekday().num_days_from_monday() + 7 - Weekday::Wed.num_days_from_monday()) % 7;
        d.checked_sub_days(Days::new(zurueck.into()))
    });
    [
        datum(1, 1),                                               // Neujahr
        nach_ostern(-2),                                           // Karfreitag
        nach_ostern(1),                                            // Ostermontag
        datum(5, 1),                                               // Tag der Arbeit
        nach_ostern(39),                                           // Christi Himmelfahrt
        nach_ostern(50),                                           // Pfingstmontag
        datum(10, 3),                                              // Tag der Deutschen Einheit
        datum(12, 25),                                             // 1. Weihnachtstag
        datum(12, 26),                                             // 2. Weihnachtstag
        in_(&[Bw, By, St], datum(1, 6)),                           // Heilige Drei Könige
        in_(&[Be, Mv], datum(3, 8)),                               // Internationaler Frauentag
        in_(&[Bb], ostern),                                        // Ostersonntag
        in_(&[Bb], nach_ostern(49)),                               // Pfingstsonntag
        in_(&[Bw, By, He, Nw, Rp, Sl], nach_ostern(60)),           // Fronleichnam
        in_(&[Sl], datum(8, 15)),                                  // Mariä Himmelfahrt
        in_(&[Th], datum(9, 20)),                                  // Weltkindertag
        in_(&[Bb, Hb, Hh, Mv, Ni, Sn, St, Sh, Th], datum(10, 31)), // Reformationstag
        in_(&[Bw, By, Nw, Rp, Sl], datum(11, 1)),                  // Allerheiligen
        in_(&[Sn], buss_und_bettag),                               // Buß- und Bettag
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The periods of the retrieval procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zustellregeln {
    /// Calendar days after the notification during which the Bescheid can be
    /// retrieved (10).
    pub abholfrist_tage: u32,
    /// Months for the Widerspruch after the announcement (1, § 84 SGG).
    pub widerspruchsfrist_monate: u32,
}

impl Default for Zustellregeln {
    fn default() -> Self {
        Self { abholfrist_tage: 10, widerspruchsfrist_monate: 1 }
    }
}

/// The day a retrieved Bescheid counts as announced: the day after the
/// retrieval ("am Tag nach dem Abruf", § 37 Abs. 2a SGB X). Not moved off
/// weekends or holidays: it is a fiction, not a deadline.
pub fn bekanntgabe(abruf: NaiveDate) -> NaiveDate {
    abruf.succ_opt().expect("date before the end of chrono's calendar")
}

/// The last day for a Widerspruch. The announcement day is not counted
/// (§ 187 Abs. 1 BGB); the period ends with the day of the last month that
/// has the announcement day's number, or with that month's last day if it
/// has no such day (§ 188 Abs. 2 and 3 BGB: 15 March → 15 April, 31 January
/// → 28 or 29 February). An end on a Saturday, Sunday or holiday moves to
/// the next working day (§ 193 BGB, § 26 Abs. 3 SGB X). Use the holidays of
/// the state where the Widerspruch is to be filed.
pub fn widerspruch_bis(bekanntgabe: NaiveDate, regeln: &Zustellregeln, feiertage: &Feiertage) -> NaiveDate {
    feiertage.naechster_werktag(monatsfrist_ende(bekanntgabe, regeln.widerspruchsfrist_monate))
}

/// § 188 Abs. 2 and 3 BGB without § 193: chrono clamps to the month's end.
fn monatsfrist_ende(ereignis: NaiveDate, monate: u32) -> NaiveDate {
    ereignis.checked_add_months(Months::new(monate)).expect("date within chrono's range")
}

/// The last day on which a provided Bescheid can be retrieved: "innerhalb
/// von zehn Tagen nach Absendung einer Benachrichtigung". The day the
/// notification is sent is not counted (§ 187 Abs. 1 BGB), so the period
/// ends at the end of `benachrichtigt + abholfrist_tage` calendar days
/// (sent 2 March → retrievable until 12 March, 23:59). Weekends and
/// holidays do not move it. A Bescheid not retrieved by then is to be
/// announced another way (post).
pub fn abholfrist_endet(benachrichtigt: NaiveDate, regeln: &Zustellregeln) -> NaiveDate {
    benachrichtigt.checked_add_days(Days::new(regeln.abholfrist_tage.into())).expect("date within chrono's range")
}
