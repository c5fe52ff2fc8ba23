//! "Verlauf" (PRF-7, Konto part): the account's security history, newest
//! first, from the audit trail.

use crate::app::AppState;
use crate::web::{AppResult, Page, SignedIn, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;

/// One line of the history.
struct Entry {
    at: i64,
    what: String,
    browser: String,
    ip: String,
}

#[derive(Template)]
#[template(path = "konto/templates/verlauf.html")]
struct HistoryPage {
    page: Page,
    entries: Vec<Entry>,
}

/// `GET /konto/verlauf`: the last 200 events.
pub async fn list(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let lang = signed.ctx.lang;
    let events = crate::audit::for_account(&state.db.pool, &signed.session.account_id, 200).await?;
    let entries = events
        .into_iter()
        .map(|e| {
            // A login names how it was made ("history-login-pwd-totp", …).
            let method = e.details.get("method").and_then(|m| m.as_str()).filter(|_| e.kind == "login");
            let key = match method {
                Some(m) => format!("history-login-{}", m.replace(['+', '_'], "-")),
                None => format!("history-{}", e.kind.replace('_', "-")),
            };
            let text = lang.t(&key);
            let text = if text == key && method.is_some() { lang.t("history-login") } else { text };
            // Events of the portal's journal (a staff member's actions on
            // client records, a representative's) carry the journal's label.
            let journal_key = crate::journal::label_key_of(&e.kind);
            let text = if text == key && lang.t(&journal_key) != journal_key { lang.t(&journal_key) } else { text };
            Entry {
                at: e.at,
                what: if text == key { e.kind.clone() } else { text },
                browser: super::sitzungen::describe_browser(&e.user_agent),
                ip: e.ip,
            }
        })
        .collect();
    render(&HistoryPage { page: Page::new(&signed.ctx, &state, "history-title"), entries })
}
