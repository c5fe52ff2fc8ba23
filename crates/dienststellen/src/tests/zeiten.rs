//! Opening hours at their edges: the closing minute, breaks, weekends,
//! exceptions, holidays of one state only, midnight, daylight saving.

use super::*;
use chrono::{DateTime, NaiveDateTime, Utc};

/// Hours per weekday as a CSV cell writes them, Monday first.
fn woche(tage: [&str; 7]) -> Oeffnungszeiten {
    Oeffnungszeiten { woche: tage.map(|t| crate::werte::tag_zelle(t).unwrap()), ..Default::default() }
}

/// Weekdays 08:00–12:00, Thursday also 14:00–18:00.
fn amt() -> Oeffnungszeiten {
    woche(["08:00-12:00", "08:00-12:00", "08:00-12:00", "08:00-12:00 14:00-18:00", "08:00-12:00", "", ""])
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn lokal(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn offen(bis: &str) -> Status {
    Status::Offen { bis: lokal(bis) }
}

fn oeffnet(um: &str) -> Status {
    Status::Geschlossen { oeffnet: Some(lokal(um)) }
}

use Bundesland::{Be, By};

#[test]
fn open_in_a_span_until_its_end_and_closed_at_the_closing_minute() {
    // Monday 11 January 2027; Berlin is UTC+1 in winter.
    assert_eq!(status(&amt(), Be, utc("2027-01-11T08:30:00Z")), offen("2027-01-11T12:00:00"));
    assert_eq!(status(&amt(), Be, utc("2027-01-11T06:59:59Z")), oeffnet("2027-01-11T08:00:00"), "just before opening");
    assert_eq!(status(&amt(), Be, utc("2027-01-11T07:00:00Z")), offen("2027-01-11T12:00:00"), "at the opening minute");
    assert_eq!(status(&amt(), Be, utc("2027-01-11T10:59:59Z")), offen("2027-01-11T12:00:00"));
    assert_eq!(status(&amt(), Be, utc("2027-01-11T11:00:00Z")), oeffnet("2027-01-12T08:00:00"), "at the closing minute: closed");
    // Any time zone in, the same instant out.
    let in_new_york: DateTime<chrono::FixedOffset> = "2027-01-11T03:30:00-05:00".parse().unwrap();
    assert_eq!(status(&amt(), Be, in_new_york.with_timezone(&Utc)), offen("2027-01-11T12:00:00"));
}

#[test]
fn the_lunch_break_and_the_weekend_are_closed() {
    // Thursday 14 January, 13:00: open again at 14:00, until 18:00.
    assert_eq!(status(&amt(), Be, utc("2027-01-14T12:00:00Z")), oeffnet("2027-01-14T14:00:00"));
    assert_eq!(status(&amt(), Be, utc("2027-01-14T13:00:00Z")), offen("2027-01-14T18:00:00"));
    // Friday 15 January, 18:30 → Monday.
    assert_eq!(status(&amt(), Be, utc("2027-01-15T17:30:00Z")), oeffnet("2027-01-18T08:00:00"));
    assert_eq!(status(&amt(), Be, utc("2027-01-16T12:00:00Z")), oeffnet("2027-01-18T08:00:00"), "Saturday");
}

#[test]
fn spans_that_touch_are_one_opening() {
    let z = woche(["08:00-12:00 12:00-16:00", "", "", "", "", "", ""]);
    assert_eq!(status(&z, Be, utc("2027-01-11T09:00:00Z")), offen("2027-01-11T16:00:00"));
}

#[test]
fn a_dated_exception_beats_the_week_and_the_holiday() {
    let mut z = amt();
    let datum = |s: &str| s.parse().unwrap();
    z.ausnahmen = vec![
        Ausnahme { datum: datum("2026-12-23"), spannen: crate::werte::tag_zelle("08:00-10:00").unwrap(), hinweis: None },
        Ausnahme { datum: datum("2026-12-24"), spannen: vec![], hinweis: Some("Heiligabend geschlossen".into()) },
    ];
    // Wednesday 23 December, 10:30: short hours are over; 24 closed, 25 and
    // 26 are holidays, then the weekend: Monday 28 December.
    assert_eq!(status(&z, Be, utc("2026-12-23T08:00:00Z")), offen("2026-12-23T10:00:00"));
    assert_eq!(status(&z, Be, utc("2026-12-23T09:30:00Z")), oeffnet("2026-12-28T08:00:00"));
    assert_eq!(status(&z, Be, utc("2026-12-24T08:00:00Z")), oeffnet("2026-12-28T08:00:00"));
    assert_eq!(status(&amt(), Be, utc("2026-12-24T08:00:00Z")), offen("2026-12-24T12:00:00"), "without the exception");
    // An exception can open on a holiday.
    z.ausnahmen.push(Ausnahme { datum: datum("2026-12-25"), spannen: crate::werte::tag_zelle("10:00-11:00").unwrap(), hinweis: None });
    assert_eq!(status(&z, Be, utc("2026-12-24T08:00:00Z")), oeffnet("2026-12-25T10:00:00"));
}

#[test]
fn a_bavarian_holiday_closes_in_bavaria_but_not_in_berlin() {
    // Heilige Drei Könige, Wednesday 6 January 2027: a holiday in BY only.
    let jetzt = utc("2027-01-06T08:00:00Z");
    assert_eq!(status(&amt(), By, jetzt), oeffnet("2027-01-07T08:00:00"));
    assert_eq!(status(&amt(), Be, jetzt), offen("2027-01-06T12:00:00"));
    let offen_an_feiertagen = Oeffnungszeiten { feiertags_geschlossen: false, ..amt() };
    assert_eq!(status(&offen_an_feiertagen, By, jetzt), offen("2027-01-06T12:00:00"));
}

#[test]
fn an_emergency_desk_around_the_clock_is_open_across_midnight() {
    let rund_um_die_uhr = Oeffnungszeiten { feiertags_geschlossen: false, ..woche(["00:00-24:00"; 7]) };
    // Open until the end of the 14th day after today.
    assert_eq!(status(&rund_um_die_uhr, By, utc("2027-01-11T22:59:59Z")), offen("2027-01-26T00:00:00"));
    assert_eq!(status(&rund_um_die_uhr, By, utc("2027-01-11T23:00:00Z")), offen("2027-01-27T00:00:00"), "after midnight");
    // Friday evening to Sunday morning, through two midnights.
    let wochenende = woche(["", "", "", "", "18:00-24:00", "00:00-24:00", "00:00-08:00 18:00-20:00"]);
    assert_eq!(status(&wochenende, Be, utc("2027-01-15T22:30:00Z")), offen("2027-01-17T08:00:00"));
    assert_eq!(status(&wochenende, Be, utc("2027-01-16T23:30:00Z")), offen("2027-01-17T08:00:00"));
    assert_eq!(status(&wochenende, Be, utc("2027-01-17T07:00:00Z")), oeffnet("2027-01-17T18:00:00"));
    // Open to midnight, closed the next morning: until 24:00.
    let bis_mitternacht = woche(["20:00-24:00", "08:00-10:00", "", "", "", "", ""]);
    assert_eq!(status(&bis_mitternacht, Be, utc("2027-01-11T20:00:00Z")), offen("2027-01-12T00:00:00"));
}

#[test]
fn when_the_clocks_go_forward_in_march_2027() {
    // Sunday 28 March 2027: 02:00 CET becomes 03:00 CEST (01:00 UTC). It is
    // Easter Sunday, a holiday in Brandenburg only: irrelevant in BE.
    let sonntag = |spannen| Oeffnungszeiten { feiertags_geschlossen: false, ..woche(["", "", "", "", "", "", spannen]) };
    let nachts = sonntag("01:00-04:00");
    assert_eq!(status(&nachts, Be, utc("2027-03-28T00:30:00Z")), offen("2027-03-28T04:00:00"));
    assert_eq!(status(&nachts, Be, utc("2027-03-28T01:00:00Z")), offen("2027-03-28T04:00:00"), "03:00 CEST");
    assert_eq!(status(&nachts, Be, utc("2027-03-28T02:00:00Z")), oeffnet("2027-04-04T01:00:00"), "04:00 CEST");
    // A span wholly in the missing hour does not open that day.
    let luecke = sonntag("02:00-02:45");
    assert_eq!(status(&luecke, Be, utc("2027-03-27T23:00:00Z")), oeffnet("2027-04-04T02:00:00"));
    // A span that begins in it opens at 03:00; one that ends in it closes then.
    assert_eq!(status(&sonntag("02:30-05:00"), Be, utc("2027-03-28T00:00:00Z")), oeffnet("2027-03-28T03:00:00"));
    assert_eq!(status(&sonntag("00:00-02:30"), Be, utc("2027-03-28T00:30:00Z")), offen("2027-03-28T03:00:00"));
    // The office: Thursday evening before Easter (Good Friday and Easter
    // Monday are holidays) → Tuesday 08:00 summer time, 06:00 UTC.
    assert_eq!(status(&amt(), By, utc("2027-03-25T17:30:00Z")), oeffnet("2027-03-30T08:00:00"));
    assert_eq!(status(&amt(), By, utc("2027-03-30T05:59:00Z")), oeffnet("2027-03-30T08:00:00"));
    assert_eq!(status(&amt(), By, utc("2027-03-30T06:00:00Z")), offen("2027-03-30T12:00:00"));
}

#[test]
fn when_the_clocks_go_back_in_october_2027() {
    // Sunday 31 October 2027: 03:00 CEST becomes 02:00 CET (01:00 UTC), so
    // 02:00 to 02:59 comes twice.
    let z = Oeffnungszeiten { feiertags_geschlossen: false, ..woche(["", "", "", "", "", "", "02:00-03:00"]) };
    assert_eq!(status(&z, Be, utc("2027-10-31T00:00:00Z")), offen("2027-10-31T03:00:00"), "02:00 CEST");
    assert_eq!(status(&z, Be, utc("2027-10-31T00:59:59Z")), offen("2027-10-31T03:00:00"));
    assert_eq!(status(&z, Be, utc("2027-10-31T01:15:00Z")), offen("2027-10-31T03:00:00"), "02:15 CET, the second time");
    assert_eq!(status(&z, Be, utc("2027-10-31T02:00:00Z")), oeffnet("2027-11-07T02:00:00"), "03:00 CET");
    assert_eq!(status(&z, Be, utc("2027-10-30T23:59:00Z")), oeffnet("2027-10-31T02:00:00"), "01:59 CEST");
    // The office: Friday 29 October evening → Monday 1 November 08:00 CET
    // (07:00 UTC) in Berlin; in Bavaria that Monday is All Saints' Day.
    assert_eq!(status(&amt(), Be, utc("2027-10-29T16:30:00Z")), oeffnet("2027-11-01T08:00:00"));
    assert_eq!(status(&amt(), Be, utc("2027-11-01T07:00:00Z")), offen("2027-11-01T12:00:00"));
    assert_eq!(status(&amt(), By, utc("2027-10-29T16:30:00Z")), oeffnet("2027-11-02T08:00:00"));
}

#[test]
fn no_opening_within_fourteen_days_is_none() {
    let nur_am = |datum: &str| Oeffnungszeiten {
        ausnahmen: vec![Ausnahme {
            datum: datum.parse().unwrap(),
            spannen: crate::werte::tag_zelle("08:00-09:00").unwrap(),
            hinweis: None,
        }],
        ..Default::default()
    };
    // Monday 11 January 2027, 10:00: today and the 14 days after it count.
    let jetzt = utc("2027-01-11T09:00:00Z");
    assert_eq!(status(&nur_am("2027-01-25"), Be, jetzt), oeffnet("2027-01-25T08:00:00"));
    assert_eq!(status(&nur_am("2027-01-26"), Be, jetzt), Status::Geschlossen { oeffnet: None });
    assert_eq!(status(&Oeffnungszeiten::default(), Be, jetzt), Status::Geschlossen { oeffnet: None });
}
