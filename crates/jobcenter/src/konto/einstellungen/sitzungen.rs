//! "Aktive Sitzungen" (MFA-60): every live session of the account with
//! browser, address and times; end one, or log out everywhere.

use crate::app::AppState;
use crate::web::session::{self, SessionListItem};
use crate::web::{AppResult, Page, SignedIn, render, see_other, see_other_with_cookie};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

/// A session as listed.
struct Row {
    item: SessionListItem,
    browser: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "konto/templates/sitzungen.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
}

/// A short, readable name for a user agent ("Firefox unter Linux").
pub fn describe_browser(ua: &str) -> String {
    let browser = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")]
        .iter()
        .find(|(needle, _)| ua.contains(needle))
        .map_or("Browser", |(_, name)| name);
    let os =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux")]
            .iter()
            .find(|(needle, _)| ua.contains(needle))
            .map(|(_, name)| *name);
    match os {
        Some(os) => format!("{browser} ({os})"),
        None => browser.to_owned(),
    }
}

/// `GET /konto/sitzungen`.
pub async fn list(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let rows = session::list_for_account(&state, &signed.session.account_id)
        .await?
        .into_iter()
        .map(|item| Row { browser: describe_browser(&item.user_agent), current: item.id_hash == signed.session.id_hash, item })
        .collect();
    render(&ListPage { page: Page::new(&signed.ctx, &state, "sessions-title"), rows })
}

#[derive(Deserialize)]
pub struct EndForm {
    sitzung: String,
}

/// `POST /konto/sitzungen/beenden`: ends one session of this account.
pub async fn end_one(State(state): State<AppState>, signed: SignedIn, Form(f): Form<EndForm>) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let n = sqlx::query("DELETE FROM sessions WHERE id_hash = $1 AND account_id = $2")
        .bind(&f.sitzung)
        .bind(&signed.session.account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n > 0 {
        crate::audit::record(
            &mut tx,
            Some(&signed.session.account_id),
            "session_ended",
            &signed.ctx.actor,
            serde_json::json!({}),
            state.now(),
        )
        .await?;
    }
    tx.commit().await?;
    if f.sitzung == signed.session.id_hash {
        return Ok(see_other_with_cookie("/anmelden?hinweis=abgemeldet", &session::cookie_header(&state, None)));
    }
    Ok(see_other("/konto/sitzungen"))
}

/// `POST /konto/sitzungen/alle-beenden`: logs out everywhere, this browser
/// included.
pub async fn end_all(State(state): State<AppState>, signed: SignedIn) -> AppResult<Response> {
    let mut tx = state.db.begin().await?;
    let n = session::delete_all_for_account(&mut tx, &signed.session.account_id, None).await?;
    let details = serde_json::json!({"sessions": n});
    crate::audit::record(&mut tx, Some(&signed.session.account_id), "logout_everywhere", &signed.ctx.actor, details, state.now()).await?;
    tx.commit().await?;
    Ok(see_other_with_cookie("/anmelden?hinweis=sitzungen-beendet", &session::cookie_header(&state, None)))
}

#[cfg(test)]
mod tests {
    use super::describe_browser;

    #[test]
    fn user_agents_get_readable_names() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
        assert_eq!(describe_browser(chrome), "Chrome (Linux)");
        assert_eq!(describe_browser("curl/8"), "Browser");
    }
}
