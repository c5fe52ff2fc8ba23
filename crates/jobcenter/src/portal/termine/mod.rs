//! "Termine" (POR-5): the client's appointments, "Termine vereinbaren"
//! from the slots staff publish, cancelling up to a configured time before,
//! and a calendar file per appointment (`crates/kalender`, RFC 5545).
//!
//! - [`store`]: slots and appointments; a booking takes a place with a
//!   conditional UPDATE, so two clients never get the last one.
//! - [`seiten`]: the client's pages; `backoffice::termine` publishes slots.

pub mod einladung;
pub mod erinnerung;
pub mod seiten;
pub mod store;

use crate::i18n::Lang;

/// How an appointment takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    VorOrt,
    Telefon,
    Video,
}

impl Art {
    pub const ALLE: [Art; 3] = [Art::VorOrt, Art::Telefon, Art::Video];

    pub fn as_str(self) -> &'static str {
        match self {
            Art::VorOrt => "vor_ort",
            Art::Telefon => "telefon",
            Art::Video => "video",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|a| a.as_str() == s)
    }

    /// "Vor Ort", "Telefon", "Video".
    pub fn label(self, lang: Lang) -> String {
        lang.t(match self {
            Art::VorOrt => "termin-art-vor-ort",
            Art::Telefon => "termin-art-telefon",
            Art::Video => "termin-art-video",
        })
    }
}

/// What an appointment is about: the topics a client can book.
pub const THEMEN: [&str; 4] = ["arbeitsuche", "buergergeld", "antrag", "unterlagen"];

/// The topic's label ("Beratung zur Arbeitsuche" …); the key itself for
/// one no longer offered.
pub fn thema_label(lang: Lang, thema: &str) -> String {
    let key = match thema {
        "arbeitsuche" => "termin-thema-arbeitsuche",
        "buergergeld" => "termin-thema-buergergeld",
        "antrag" => "termin-thema-antrag",
        "unterlagen" => "termin-thema-unterlagen",
        "einladung" => "termin-thema-einladung",
        other => return other.to_owned(),
    };
    lang.t(key)
}

/// Unix seconds as the local date and time in Europe/Berlin.
pub fn ortszeit(ts: i64) -> chrono::NaiveDateTime {
    use chrono::TimeZone;
    chrono_tz::Europe::Berlin.timestamp_opt(ts, 0).single().map(|t| t.naive_local()).unwrap_or_default()
}

/// A wall-clock time in Europe/Berlin as Unix seconds (the inverse of
/// [`ortszeit`]): the earlier one in the repeated autumn hour, `None` in the
/// skipped spring hour.
pub fn zeitstempel(t: chrono::NaiveDateTime) -> Option<i64> {
    use chrono::TimeZone;
    chrono_tz::Europe::Berlin.from_local_datetime(&t).earliest().map(|t| t.timestamp())
}

/// Midnight of `d` in Berlin as Unix seconds.
pub fn tagesbeginn(d: chrono::NaiveDate) -> i64 {
    zeitstempel(d.and_hms_opt(0, 0, 0).unwrap_or_default()).unwrap_or(0)
}

/// A date and time as staff type them ("2027-03-15", "09:30"), in
/// Berlin, if after `now`.
pub fn eingegeben(datum: &str, uhrzeit: &str, now: i64) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(datum.trim(), "%Y-%m-%d").ok()?;
    let z = chrono::NaiveTime::parse_from_str(uhrzeit.trim(), "%H:%M").ok()?;
    zeitstempel(d.and_time(z)).filter(|t| *t > now)
}

/// What every appointment form of the back office asks first (a slot, an
/// invitation), checked: the start ("2027-03-15", "09:30") after `now`, the
/// duration (5 to 480 minutes) and the kind; each problem is added to
/// `errors` in this order.
pub fn beginn_dauer_art(
    lang: Lang,
    (datum, uhrzeit, minuten, art): (&str, &str, &str, &str),
    now: i64,
    errors: &mut crate::web::FormErrors,
) -> (Option<i64>, Option<i64>, Option<Art>) {
    let beginn = eingegeben(datum, uhrzeit, now);
    if beginn.is_none() {
        errors.add("datum", lang.t("bo-termine-fehler-beginn"));
    }
    let minuten = minuten.trim().parse::<i64>().ok().filter(|m| (5..=480).contains(m));
    if minuten.is_none() {
        errors.add("minuten", lang.t("bo-termine-fehler-minuten"));
    }
    let art = Art::parse(art);
    if art.is_none() {
        errors.add(format!("art-{}", Art::VorOrt.as_str()), lang.t("bo-termine-fehler-art"));
    }
    (beginn, minuten, art)
}

/// The place: required in person, at most 200 characters.
pub fn ort_falsch(art: Option<Art>, ort: &str) -> bool {
    (art == Some(Art::VorOrt) && ort.trim().is_empty()) || ort.chars().count() > 200
}

/// Demo data for `jobcenter demo`: slots on the next ten working days
/// (9:00 and 14:00, each topic once a day), so "Termine vereinbaren" has
/// something to book. Only when the office has no future slot.
pub async fn demo(state: &crate::app::AppState, office_id: &str, staff_id: &str) -> anyhow::Result<()> {
    use chrono::Datelike;
    let now = state.now();
    if !store::slots(&state.db.pool, office_id, now, now + 28 * 86_400).await?.is_empty() {
        return Ok(());
    }
    let mut tx = state.db.begin().await?;
    let mut tag = crate::portal::bescheide::tag(now);
    let mut tage = 0;
    while tage < 10 {
        tag = tag.succ_opt().unwrap_or(tag);
        if tag.weekday().num_days_from_monday() >= 5 {
            continue;
        }
        tage += 1;
        for (i, thema) in THEMEN.iter().enumerate() {
            let (stunde, art) = if i % 2 == 0 { (9, Art::VorOrt) } else { (14, Art::Telefon) };
            let Some(beginn) = tag.and_hms_opt(stunde + u32::try_from(i / 2).unwrap_or(0), 0, 0).and_then(zeitstempel) else { continue };
            let neu = store::NeuerSlot {
                office_id,
                art,
                thema,
                starts_at: beginn,
                minutes: 30,
                capacity: 2,
                team: "vermittlung",
                place: if art == Art::VorOrt { "Musterstraße 1, Raum 1.04" } else { "" },
                created_by: staff_id,
            };
            store::slot_anlegen(&mut tx, &neu, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Demo data: an invitation of the demo client to a talk with the pAp in
/// a week (on paper: the demo client has not consented yet), unless the
/// client has one.
pub async fn demo_einladung(state: &crate::app::AppState, client_id: &str, office_id: &str, staff_id: &str) -> anyhow::Result<()> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM appointments WHERE client_id = $1").bind(client_id).fetch_one(&state.db.pool).await?;
    if n > 0 {
        return Ok(());
    }
    let now = state.now();
    let beginn = ((now + 7 * 86_400) / 3600) * 3600;
    let neu = einladung::Neu {
        client_id,
        office_id,
        art: Art::VorOrt,
        starts_at: beginn,
        minutes: 45,
        place: "Musterstraße 1, Raum 2.14",
        video_link: "",
        zweck: "Gespräch über Ihre berufliche Situation und Ihre Bewerbungen",
        invited_by: staff_id,
    };
    let bezug = crate::journal::Direkt {
        client_id: client_id.to_owned(),
        akteur: crate::journal::Akteur::Mitarbeiter { account_id: staff_id.to_owned() },
    };
    let mut tx = state.db.begin().await?;
    einladung::einladen(state, &mut tx, &neu, &bezug, &crate::audit::Actor::default(), now).await?;
    tx.commit().await?;
    Ok(())
}
