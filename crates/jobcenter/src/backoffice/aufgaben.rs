//! "Aufgaben" (ADM-4): the back-office inbox over every work item of the
//! office — "Meine Aufgaben", the team's open items, those nobody took up,
//! and the closed ones — keyset-paged; taking a transition (claim, hand
//! over, close, reopen) with the version the member saw.

use super::store::StaffMember;
use super::{AnyStaff, Nav, Staff};
use crate::app::AppState;
use crate::arbeit::store::{Ansicht, Vorgang};
use crate::arbeit::{self, Aktion};
use crate::web::seiten::Keyset;
use crate::web::{AppError, AppResult, Page, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

/// The inbox.
pub const PATH: &str = "/backoffice/aufgaben";
const PAGE_SIZE: i64 = 50;

/// One row of the inbox with what the member may do.
pub struct Zeile {
    pub v: Vorgang,
    pub state_label: String,
    pub team_label: String,
    pub title: String,
    pub actions: Vec<(&'static str, String)>,
    pub link: String,
}

#[derive(Template)]
#[template(path = "backoffice/templates/aufgaben.html")]
struct InboxPage {
    page: Page,
    nav: Nav,
    ansicht: &'static str,
    tabs: Vec<(&'static str, String)>,
    rows: Vec<Zeile>,
    next: Option<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct InboxQuery {
    ansicht: Option<String>,
    nach: Option<String>,
    hinweis: Option<String>,
}

/// A row for `member`.
pub fn zeile(lang: crate::i18n::Lang, member: &StaffMember, v: Vorgang) -> Zeile {
    let actions = arbeit::moegliche(v.state, v.team, v.assignee.as_deref(), &member.account_id, &member.roles)
        .into_iter()
        .map(|a| (a.as_str(), lang.t(&a.label_key())))
        .collect();
    let purpose = if v.team == arbeit::Team::Vermittlung { "vermittlung" } else { "leistung" };
    Zeile {
        state_label: lang.t(&v.state.label_key()),
        team_label: lang.t(&v.team.label_key()),
        title: lang.t(&format!("arbeit-art-{}", v.kind)),
        link: match v.kind.as_str() {
            "nachricht" => format!("/backoffice/kunden/{}/nachrichten/{}?zweck={purpose}", v.client_id, v.subject_id),
            "veroeffentlichung" => format!("/backoffice/kunden/{}/bescheide?zweck={purpose}", v.client_id),
            "antrag" => format!("/backoffice/kunden/{}/antraege/{}?zweck={purpose}", v.client_id, v.subject_id),
            "termin" => format!("/backoffice/kunden/{}/termine?zweck={purpose}#termin-{}", v.client_id, v.subject_id),
            _ => format!("/backoffice/kunden/{}/sendungen/{}?zweck={purpose}", v.client_id, v.subject_id),
        },
        actions,
        v,
    }
}

/// The work item of a record page (a sending, a thread, an application)
/// with what its actions need: the member's row, the notes and the
/// colleagues to hand over to (`backoffice/templates/vorgang.html`).
pub struct VorgangTeil {
    pub item: Option<Zeile>,
    pub notes: Vec<arbeit::store::Notiz>,
    pub colleagues: Vec<super::store::StaffMember>,
}

impl VorgangTeil {
    /// The item about `subject_id` of kind `art`, as `member` sees it.
    pub async fn laden(
        state: &AppState,
        lang: crate::i18n::Lang,
        member: &StaffMember,
        art: arbeit::store::Art,
        subject_id: &str,
    ) -> AppResult<Self> {
        let item = arbeit::store::zu(&state.db.pool, art, subject_id).await?;
        let notes = match &item {
            Some(i) => arbeit::store::notizen(&state.db.pool, &state.secrets, &i.id).await?,
            None => Vec::new(),
        };
        Ok(Self {
            item: item.map(|i| zeile(lang, member, i)),
            notes,
            colleagues: super::store::staff_of_office(&state.db.pool, &member.office_id).await?,
        })
    }
}

/// `GET /backoffice/aufgaben?ansicht=meine|team|offen|erledigt`.
pub async fn inbox(State(state): State<AppState>, staff: Staff<AnyStaff>, Query(q): Query<InboxQuery>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let ansicht = Ansicht::parse(q.ansicht.as_deref());
    let after = q.nach.as_deref().and_then(Keyset::parse);
    let seite = arbeit::store::liste(&state.db.pool, &staff.member, &ansicht, after.as_ref(), PAGE_SIZE).await?;
    let next = seite.next_href(&format!("{PATH}?ansicht={}", ansicht.as_str()));
    let notice = arbeit::hinweis(lang, q.hinweis.as_deref());
    render(&InboxPage {
        page: Page::new(ctx, &state, "arbeit-title"),
        nav: Nav::for_member(lang, &staff.member, PATH),
        ansicht: ansicht.as_str(),
        tabs: Ansicht::ALLE.iter().map(|a| (a.as_str(), lang.t(&format!("arbeit-ansicht-{}", a.as_str())))).collect(),
        rows: seite.items.into_iter().map(|v| zeile(lang, &staff.member, v)).collect(),
        next,
        notice,
    })
}

#[derive(Deserialize)]
pub struct ActionForm {
    aktion: String,
    version: i64,
    #[serde(default)]
    ziel: String,
    #[serde(default)]
    notiz: String,
    #[serde(default)]
    zurueck: String,
}

/// `POST /backoffice/aufgaben/{id}`: takes a transition (and adds the note,
/// if one was written); back to where the member came from with a notice.
pub async fn act(
    State(state): State<AppState>,
    staff: Staff<AnyStaff>,
    Path(id): Path<String>,
    Form(f): Form<ActionForm>,
) -> AppResult<Response> {
    let aktion = Aktion::parse(&f.aktion).ok_or(AppError::NotFound)?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let result =
        arbeit::store::ausfuehren(&mut tx, &id, f.version, aktion, &staff.member, Some(f.ziel.as_str()), &staff.ctx().actor, now).await?;
    let note = f.notiz.trim();
    if result.is_ok() && !note.is_empty() {
        arbeit::store::notiz(&mut tx, &state.secrets, &id, staff.account_id(), &note.chars().take(4000).collect::<String>(), now).await?;
    }
    tx.commit().await?;
    let hinweis = match result {
        Ok(_) => "ok",
        Err(e) => e.message_key(),
    };
    let back = crate::web::ctx::safe_next(Some(&f.zurueck)).filter(|b| b.starts_with("/backoffice/")).unwrap_or_else(|| PATH.to_owned());
    let sep = if back.contains('?') { '&' } else { '?' };
    Ok(see_other(&format!("{back}{sep}hinweis={hinweis}")))
}
