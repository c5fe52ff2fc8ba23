//! Calendar files for appointments (issue 15): "Zum Kalender hinzufügen"
//! gives an `.ics` file (RFC 5545) for the client's calendar, and a change
//! or a cancellation gives another file that replaces or removes the entry
//! already imported. No I/O: the portal serves the text.
//!
//! What a file holds, and why:
//!
//! - **One VEVENT with a stable UID** per appointment and a **SEQUENCE**
//!   the caller raises with every change (0 for the first file). A client
//!   that already holds the UID replaces its entry when the SEQUENCE is
//!   higher (RFC 5546 §2.1.5), so the portal must never reuse a number.
//! - **`METHOD:PUBLISH`** and `STATUS:CONFIRMED` for a new or changed
//!   appointment; **`METHOD:CANCEL`** and `STATUS:CANCELLED` with the same
//!   UID and a higher SEQUENCE for a cancellation (RFC 5546 §3.2.1, §3.2.5):
//!   clients that remove an entry by UID look for both.
//! - **Wall-clock times with `TZID=Europe/Berlin`** and the matching
//!   VTIMEZONE before the VEVENT (RFC 5545 §3.6.5), so an appointment at
//!   09:30 stays at 09:30 in a phone set to another zone's time and across
//!   the change to summer time. The VTIMEZONE is the EU rule in force since
//!   1996 (last Sunday of March and of October); files are only made for
//!   appointments to come, so no history is needed. A wall-clock time in the
//!   hour skipped in March is read with the offset before the change (an
//!   hour later), one in the hour repeated in October as its first
//!   occurrence (RFC 5545 §3.3.5); office hours never meet either.
//! - **No personal data of the client**: no ATTENDEE, and nothing names the
//!   client or their address. The title, place, description and URL are
//!   what the client needs to attend; the caller keeps names and customer
//!   numbers out of them (a calendar syncs to third-party servers).
//! - No VALARM: reminders are the portal's (SMS, mail, push), and a second
//!   reminder the client cannot switch off in the portal would only annoy.
//!
//! ## ORGANIZER
//!
//! iTIP (RFC 5546) lists ORGANIZER as required in both PUBLISH (§3.2.1)
//! and CANCEL (§3.2.5) of a VEVENT. For a file the client downloads and
//! opens by hand, clients differ: many import a PUBLISH and apply a CANCEL
//! by UID alone when METHOD and STATUS both say so, others (Outlook above
//! all) handle a cancellation more reliably when an organiser is named, and
//! strict iTIP validation fails without one. The client's own address must
//! never appear there, and a caseworker's name or address is personal data
//! too. Hence [`Termin::organisator`]: `None` (the default) writes no
//! ORGANIZER; the portal should pass a non-personal address of the
//! jobcenter such as `mailto:noreply@jobcenter.digital` (from its
//! configuration), the same for every file of an appointment, which makes
//! both methods conform to iTIP. No `CN` parameter: clients show the
//! address, which says enough.
//!
//! ## Format
//!
//! CRLF line ends; lines folded at 75 octets without splitting a UTF-8
//! character (continuations start with one space); TEXT values escaped
//! (`\\`, `\;`, `\,`, `\n`), control characters other than tab and line
//! breaks dropped; URI values (URL, ORGANIZER) lose control characters so
//! that no value can add a line of its own.

mod berlin;
mod zeile;

use chrono::{DateTime, NaiveDateTime, Utc};
use zeile::{Datei, text, uri};

/// The PRODID of every file: who made it (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Jobcenter Digital//Termine//DE";

/// The TZID of the appointments' wall-clock times.
pub const TZID: &str = "Europe/Berlin";

/// One appointment as a calendar entry. Times are wall-clock times in
/// Europe/Berlin.
///
/// `Default` gives empty texts, 1970 and no organiser, so that callers can
/// name the fields they set and write `..Default::default()` for the rest.
#[derive(Debug, Clone, Default)]
pub struct Termin<'a> {
    /// Stable per appointment, e.g. `"<appointment id>@jobcenter.digital"`;
    /// never changes.
    pub uid: &'a str,
    /// 0 for the first file, +1 with every change (date, place,
    /// cancellation).
    pub sequence: u32,
    /// DTSTART, wall-clock time in Europe/Berlin.
    pub beginn: NaiveDateTime,
    /// DTEND, wall-clock time in Europe/Berlin; later than `beginn`.
    pub ende: NaiveDateTime,
    /// SUMMARY, e.g. "Termin im Jobcenter: Beratung zur Arbeitsuche".
    pub titel: &'a str,
    /// LOCATION: the address and room, or "Telefon", or "Video". Left out
    /// when empty.
    pub ort: &'a str,
    /// DESCRIPTION (may contain newlines): what to bring, the video link …
    /// Left out when empty.
    pub beschreibung: &'a str,
    /// Optional URL property (e.g. the appointment's page in the portal).
    pub url: Option<&'a str>,
    /// DTSTAMP: when this file was made (UTC).
    pub erstellt: DateTime<Utc>,
    /// ORGANIZER as a calendar address, e.g.
    /// `mailto:noreply@jobcenter.digital`: never a person's address (see
    /// the crate documentation). `None` writes no ORGANIZER.
    pub organisator: Option<&'a str>,
}

/// `METHOD:PUBLISH` with one VEVENT (STATUS:CONFIRMED), or with `abgesagt`
/// `METHOD:CANCEL` with STATUS:CANCELLED and the same UID (SEQUENCE must
/// then be higher than the last published one: the caller passes it).
///
/// An empty UID, or an end not after the beginning, is the caller's
/// mistake: debug builds panic, release builds write the file as asked.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
///
/// let tag = NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
/// let termin = kalender::Termin {
///     uid: "4711@jobcenter.digital",
///     beginn: tag.and_hms_opt(9, 30, 0).unwrap(),
///     ende: tag.and_hms_opt(10, 15, 0).unwrap(),
///     titel: "Termin im Jobcenter: Beratung zur Arbeitsuche",
///     ort: "Jobcenter Mitte, Raum 2.14",
///     erstellt: Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap(),
///     organisator: Some("mailto:noreply@jobcenter.digital"),
///     ..Default::default()
/// };
/// let datei = kalender::ics(&termin, false);
/// assert!(datei.contains("\r\nDTSTART;TZID=Europe/Berlin:20270315T093000\r\n"));
/// let absage = kalender::ics(&kalender::Termin { sequence: 1, ..termin }, true);
/// assert!(absage.contains("\r\nMETHOD:CANCEL\r\n"));
/// ```
pub fn ics(t: &Termin, abgesagt: bool) -> String {
    debug_assert!(!t.uid.is_empty(), "a calendar entry needs its UID");
    debug_assert!(t.ende > t.beginn, "DTEND must be later than DTSTART (RFC 5545 §3.8.2.2)");
    let (method, status) = if abgesagt { ("CANCEL", "CANCELLED") } else { ("PUBLISH", "CONFIRMED") };

    let mut f = Datei::default();
    f.zeile("BEGIN:VCALENDAR");
    f.zeile(&format!("PRODID:{PRODID}"));
    f.zeile("VERSION:2.0");
    f.zeile("CALSCALE:GREGORIAN");
    f.zeile(&format!("METHOD:{method}"));
    for z in berlin::VTIMEZONE {
        f.zeile(z);
    }
    f.zeile("BEGIN:VEVENT");
    f.zeile(&format!("UID:{}", text(t.uid)));
    f.zeile(&format!("SEQUENCE:{}", t.sequence));
    f.zeile(&format!("DTSTAMP:{}", t.erstellt.format("%Y%m%dT%H%M%SZ")));
    f.zeile(&format!("DTSTART;TZID={TZID}:{}", ortszeit(t.beginn)));
    f.zeile(&format!("DTEND;TZID={TZID}:{}", ortszeit(t.ende)));
    f.zeile(&format!("SUMMARY:{}", text(t.titel)));
    if !t.ort.is_empty() {
        f.zeile(&format!("LOCATION:{}", text(t.ort)));
    }
    if !t.beschreibung.is_empty() {
        f.zeile(&format!("DESCRIPTION:{}", text(t.beschreibung)));
    }
    if let Some(url) = t.url {
        f.zeile(&format!("URL:{}", uri(url)));
    }
    if let Some(organisator) = t.organisator {
        f.zeile(&format!("ORGANIZER:{}", uri(organisator)));
    }
    f.zeile(&format!("STATUS:{status}"));
    f.zeile("END:VEVENT");
    f.zeile("END:VCALENDAR");
    f.into()
}

/// A DATE-TIME in local form (RFC 5545 §3.3.5, form 3 with TZID); seconds'
/// fractions are dropped.
fn ortszeit(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

#[cfg(test)]
mod tests;
