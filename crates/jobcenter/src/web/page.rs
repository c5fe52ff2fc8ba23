//! What every page template gets: the language, the translated strings,
//! the header's session timer and the form error list.

use super::ctx::Ctx;
use crate::i18n::Lang;
use std::borrow::Cow;

/// Header and layout data of a page.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    /// The page title (also the `<h1>` unless the template says otherwise).
    pub title: String,
    /// Path and query of the request, without `lang`.
    path: String,
    /// Minutes until automatic logout, if signed in.
    pub minutes_left: Option<i64>,
    /// Seconds until automatic logout, for the countdown script.
    pub seconds_left: Option<i64>,
    /// Local mode: show the link to the local mailbox.
    pub local_mail: bool,
    /// The login is complete (not at the second-factor step or the gate).
    pub signed_in: bool,
}

impl Page {
    /// A page titled by the translation of `title_key`.
    pub fn new(ctx: &Ctx, state: &crate::app::AppState, title_key: &str) -> Self {
        let now = state.now();
        let path = strip_lang(&ctx.path);
        Self {
            lang: ctx.lang,
            title: ctx.lang.t(title_key),
            path,
            minutes_left: ctx.session.as_ref().map(|s| s.minutes_left(now)),
            seconds_left: ctx.session.as_ref().map(|s| (s.expires_at() - now).max(0)),
            local_mail: state.config.local_mail(),
            signed_in: ctx.session.as_ref().is_some_and(|s| s.stage == crate::web::session::Stage::Complete),
        }
    }

    /// Translated text.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// Translated text with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value)])
    }

    /// Link to this page in another language.
    pub fn lang_href(&self, code: &str) -> String {
        let sep = if self.path.contains('?') { '&' } else { '?' };
        format!("{}{sep}lang={code}", self.path)
    }

    /// The current path (for "Sitzung verlängern" to come back to).
    pub fn here(&self) -> &str {
        &self.path
    }

    /// All languages, for the switch.
    pub fn languages(&self) -> [Lang; 3] {
        Lang::ALL
    }

    /// Formats unix seconds as German local time ("22.11.2026, 17:30").
    pub fn datetime(&self, ts: &i64) -> String {
        format_datetime(*ts)
    }
}

/// "12.03.1985" from "1985-03-12" (as given if it is no ISO date).
pub fn german_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or_else(|_| iso.to_owned(), |d| d.format("%d.%m.%Y").to_string())
}

/// Unix seconds as "d.m.yyyy, hh:mm" in Europe/Berlin.
pub fn format_datetime(ts: i64) -> String {
    use chrono::TimeZone;
    chrono_tz::Europe::Berlin.timestamp_opt(ts, 0).single().map_or_else(String::new, |t| t.format("%d.%m.%Y, %H:%M").to_string())
}

/// Unix seconds as "hh:mm" in Europe/Berlin.
pub fn format_time(ts: i64) -> String {
    use chrono::TimeZone;
    chrono_tz::Europe::Berlin.timestamp_opt(ts, 0).single().map_or_else(String::new, |t| t.format("%H:%M").to_string())
}

fn strip_lang(path: &str) -> String {
    let Some((p, q)) = path.split_once('?') else { return path.to_owned() };
    let rest: Vec<&str> = q.split('&').filter(|kv| !kv.starts_with("lang=") && !kv.is_empty()).collect();
    if rest.is_empty() { p.to_owned() } else { format!("{p}?{}", rest.join("&")) }
}

/// Field errors of a submitted form, in the order of the fields; shown as
/// an error summary linked to the fields and next to each field.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    errors: Vec<(Cow<'static, str>, String)>,
    rate_limited: bool,
}

impl FormErrors {
    /// Adds `message` for the element with id `field` (a form defined by
    /// data names its fields at run time).
    pub fn add(&mut self, field: impl Into<Cow<'static, str>>, message: String) {
        self.errors.push((field.into(), message));
    }

    /// Adds an error that says a limit is used up; the page then answers
    /// `429 Too Many Requests`.
    pub fn add_rate_limited(&mut self, field: &'static str, message: String) {
        self.rate_limited = true;
        self.add(field, message);
    }

    /// The status of a page showing these errors: 429 if a limit was hit,
    /// else 422.
    pub fn status(&self) -> axum::http::StatusCode {
        if self.rate_limited { axum::http::StatusCode::TOO_MANY_REQUESTS } else { axum::http::StatusCode::UNPROCESSABLE_ENTITY }
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    /// All errors, for the summary.
    pub fn all(&self) -> &[(Cow<'static, str>, String)] {
        &self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::strip_lang;

    #[test]
    fn the_language_parameter_is_dropped_from_links() {
        assert_eq!(strip_lang("/a?lang=en"), "/a");
        assert_eq!(strip_lang("/a?x=1&lang=en&y=2"), "/a?x=1&y=2");
        assert_eq!(strip_lang("/a"), "/a");
    }
}
