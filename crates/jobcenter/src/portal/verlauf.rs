//! "Verlauf" of the profile (PRF-7): the client's history — activation,
//! online-communication consents, changed options, access help by staff and
//! later events — newest first, in readable words. The account's own
//! security history stays in Konto ("/konto/verlauf") and is linked.

use super::ClientProfile;
use super::store;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::web::{AppResult, Page, render};
use askama::Template;
use axum::extract::State;
use axum::response::Response;

/// One line of the history.
struct Entry {
    at: i64,
    what: String,
    by: String,
}

#[derive(Template)]
#[template(path = "portal/templates/verlauf.html")]
struct HistoryPage {
    page: Page,
    entries: Vec<Entry>,
}

/// The readable label of an event kind; unknown (newer) kinds get a
/// general label rather than a code.
fn label(lang: Lang, kind: &str) -> String {
    let key = format!("portal-event-{}", kind.replace('_', "-"));
    let text = lang.t(&key);
    if text == key { lang.t("portal-event-other") } else { text }
}

/// Who caused an event, in words.
fn actor(lang: Lang, actor_kind: &str) -> String {
    match actor_kind {
        "client" => lang.t("portal-actor-client"),
        "staff" => lang.t("portal-actor-staff"),
        "representative" => lang.t("portal-actor-representative"),
        _ => lang.t("portal-actor-system"),
    }
}

/// `GET /profil/verlauf`: the last 200 events.
pub async fn list(State(state): State<AppState>, client: ClientProfile) -> AppResult<Response> {
    let lang = client.ctx.lang;
    let events = store::events(&state.db.pool, &client.profile.client_id, 200).await?;
    let entries = events.into_iter().map(|e| Entry { at: e.at, what: label(lang, &e.kind), by: actor(lang, &e.actor_kind) }).collect();
    render(&HistoryPage { page: Page::new(&client.ctx, &state, "portal-history-title"), entries })
}
