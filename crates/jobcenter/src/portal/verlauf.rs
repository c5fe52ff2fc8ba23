//! "Verlauf" of the profile (PRF-7): the client's history — activation,
//! online-communication consents, changed options, access help by staff,
//! files sent, a representative's actions (REP-3) — newest first, in
//! readable words, paged (keyset). Written by [`crate::journal`]. The
//! account's own security history stays in Konto ("/konto/verlauf") and is
//! linked.

use super::ClientProfile;
use crate::app::AppState;
use crate::i18n::Lang;
use crate::journal;
use crate::web::seiten::Keyset;
use crate::web::{AppResult, Page, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

/// Entries per page.
pub const PAGE_SIZE: i64 = 50;

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
    next: Option<String>,
}

/// The readable label of an event kind; unknown (older) kinds get a
/// general label rather than a code.
fn label(lang: Lang, kind: &str) -> String {
    let key = journal::label_key_of(kind);
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

#[derive(Deserialize)]
pub struct PageQuery {
    nach: Option<String>,
}

/// `GET /profil/verlauf[?nach=…]`: a page of events.
pub async fn list(State(state): State<AppState>, client: ClientProfile, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let lang = client.ctx.lang;
    let after = q.nach.as_deref().and_then(Keyset::parse);
    let page = journal::seite(&state.db.pool, &client.mandat(), after.as_ref(), PAGE_SIZE).await?;
    let next = page.next_href("/profil/verlauf");
    let entries = page.items.into_iter().map(|e| Entry { at: e.at, what: label(lang, &e.kind), by: actor(lang, &e.actor_kind) }).collect();
    render(&HistoryPage { page: Page::new(&client.ctx, &state, "portal-history-title"), entries, next })
}
