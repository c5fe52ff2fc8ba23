//! "Jetzt geöffnet" / "Öffnet wieder …" (POR-6): whether an office is open
//! at an instant, computed on the wall clock of Europe/Berlin.
//!
//! - A day's spans: the dated exception if there is one, else closed on a
//!   public holiday of the state (if `feiertags_geschlossen`), else the
//!   weekday's.
//! - Open while `von <= now < bis`: at the closing minute it is closed.
//! - Open until: the end of the span, carried on through spans that begin
//!   where it ends (24:00 and 00:00 the next day: an emergency desk around
//!   the clock), at most to the end of the [`SUCHTAGE`]th day after today.
//! - Daylight saving: the spans are wall-clock times. On the day the
//!   clocks go forward, times from 02:00 to 02:59 do not exist: a span that
//!   begins in the gap opens at 03:00, one that lies wholly in it does not
//!   open, and an end in the gap is given as 03:00. On the day they go back
//!   the hour from 02:00 to 02:59 comes twice, and a span over it is open
//!   both times. Nothing here converts back to an instant, so nothing can
//!   panic on a local time that is missing or ambiguous.

use crate::Bundesland;
use crate::modell::{Oeffnungszeiten, Spanne};
use chrono::offset::LocalResult;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Berlin;
use domain::fristen::Feiertage;

/// How many days after today the next opening is looked for.
pub const SUCHTAGE: u32 = 14;

/// Whether the office is open at an instant, and what comes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Open until this local time today (or after midnight: the date-time).
    Offen { bis: NaiveDateTime },
    /// Closed; opens again at this local date-time (None: no opening
    /// today or within the next [`SUCHTAGE`] days).
    Geschlossen { oeffnet: Option<NaiveDateTime> },
}

impl Oeffnungszeiten {
    /// The spans that hold on `tag` (see the module doc).
    pub fn am(&self, tag: NaiveDate, feiertage: &Feiertage) -> &[Spanne] {
        if let Some(a) = self.ausnahmen.iter().find(|a| a.datum == tag) {
            return &a.spannen;
        }
        if self.feiertags_geschlossen && feiertage.ist_feiertag(tag) {
            return &[];
        }
        &self.woche[tag.weekday().num_days_from_monday() as usize]
    }
}

/// Whether the office is open at `jetzt` (any time zone; computed in
/// Europe/Berlin) and what comes next.
pub fn status(z: &Oeffnungszeiten, land: Bundesland, jetzt: DateTime<Utc>) -> Status {
    let feiertage = Feiertage::new(land, vec![]);
    let lokal = jetzt.with_timezone(&Berlin).naive_local();
    let heute = lokal.date();
    let minute = (lokal.hour() * 60 + lokal.minute()) as u16;
    match z.am(heute, &feiertage).iter().find(|s| s.von <= minute && minute < s.bis) {
        Some(s) => Status::Offen { bis: ende(z, &feiertage, heute, s.bis) },
        None => Status::Geschlossen { oeffnet: naechste_oeffnung(z, &feiertage, heute, minute) },
    }
}

/// The end of an open span, carried on through spans that begin where it
/// ends.
fn ende(z: &Oeffnungszeiten, feiertage: &Feiertage, mut tag: NaiveDate, mut bis: u16) -> NaiveDateTime {
    let mut tage = 0;
    while tage < SUCHTAGE {
        let weiter = if bis < 1440 {
            z.am(tag, feiertage).iter().find(|s| s.von == bis)
        } else {
            let Some(morgen) = tag.succ_opt() else { break };
            tag = morgen;
            bis = 0;
            tage += 1;
            z.am(tag, feiertage).first().filter(|s| s.von == 0)
        };
        match weiter {
            Some(s) => bis = s.bis,
            None => break,
        }
    }
    let zeit = wanduhr(tag, bis);
    erste_existierende(zeit, zeit + TimeDelta::hours(3)).unwrap_or(zeit)
}

/// The next span start after `minute` today, or on one of the next days.
fn naechste_oeffnung(z: &Oeffnungszeiten, feiertage: &Feiertage, heute: NaiveDate, minute: u16) -> Option<NaiveDateTime> {
    let mut tag = heute;
    for i in 0..=SUCHTAGE {
        for s in z.am(tag, feiertage).iter().filter(|s| i > 0 || s.von > minute) {
            if let Some(t) = erste_existierende(wanduhr(tag, s.von), wanduhr(tag, s.bis)) {
                return Some(t);
            }
        }
        tag = tag.succ_opt()?;
    }
    None
}

/// Minutes after midnight on `tag` (1440: the next midnight).
fn wanduhr(tag: NaiveDate, minuten: u16) -> NaiveDateTime {
    tag.and_time(NaiveTime::MIN) + TimeDelta::minutes(minuten.into())
}

/// The first wall-clock minute from `ab` (before `grenze`) that exists in
/// Berlin: `ab` itself except in the gap when the clocks go forward.
fn erste_existierende(ab: NaiveDateTime, grenze: NaiveDateTime) -> Option<NaiveDateTime> {
    let mut t = ab;
    while t < grenze {
        if !matches!(Berlin.from_local_datetime(&t), LocalResult::None) {
            return Some(t);
        }
        t += TimeDelta::minutes(1);
    }
    None
}
