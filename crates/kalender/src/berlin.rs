//! The VTIMEZONE of Europe/Berlin (RFC 5545 §3.6.5): the EU rule in force
//! since 1996. Summer time from the last Sunday of March, 02:00 CET, to the
//! last Sunday of October, 03:00 CEST. Each DTSTART is the rule's first
//! onset in 1970 (29 March and 25 October were that year's last Sundays);
//! clients only need it to hold for the appointments' dates.

/// The component's content lines, in order.
pub(crate) const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];
