//! Back office (ADM-1 … ADM-5, MFA-70, PRF-2, OKO-3): staff of a jobcenter
//! create and find client records, issue Freischaltcodes with their letter,
//! help clients who lost access, and see each client's channel and the
//! print queue.
//!
//! Staff are Konto accounts with a row in `staff`: they log in through the
//! ordinary login (password, then TOTP or passkey; an account without a
//! factor meets the gate first). Every handler takes a [`Staff<R>`]
//! extractor naming the role it needs, so a handler without a role check
//! does not compile.

pub mod akte;
pub mod antraege;
pub mod aufgaben;
pub mod bescheide;
pub mod brief;
pub mod cli;
pub mod druck;
pub mod einladungen;
pub mod formulare;
pub mod freischaltcode;
pub mod kunden;
pub mod mitarbeitende;
pub mod nachrichten;
pub mod sendungen;
pub mod start;
pub mod store;
pub mod termine;
pub mod zugangshilfe;

use crate::app::AppState;
use crate::web::ctx::SignedIn;
use crate::web::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use std::marker::PhantomData;

/// A staff role as stored in `staff.roles` (comma-separated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleName {
    Service,
    Leistung,
    Vermittlung,
    Admin,
}

impl RoleName {
    pub const ALL: [RoleName; 4] = [RoleName::Service, RoleName::Leistung, RoleName::Vermittlung, RoleName::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            RoleName::Service => "service",
            RoleName::Leistung => "leistung",
            RoleName::Vermittlung => "vermittlung",
            RoleName::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Parses "service,admin" into roles; `None` if a name is unknown or the
    /// list is empty.
    pub fn parse_list(s: &str) -> Option<Vec<Self>> {
        let roles: Option<Vec<Self>> = s.split(',').filter(|p| !p.trim().is_empty()).map(Self::parse).collect();
        roles.filter(|r| !r.is_empty())
    }

    /// The translation key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            RoleName::Service => "bo-role-service",
            RoleName::Leistung => "bo-role-leistung",
            RoleName::Vermittlung => "bo-role-vermittlung",
            RoleName::Admin => "bo-role-admin",
        }
    }
}

/// What a handler requires: one of these roles.
pub trait Role: Send + Sync + 'static {
    const ANY_OF: &'static [RoleName];
}

/// Any staff member (start page, search, a client record with purpose).
#[derive(Debug, Clone)]
pub struct AnyStaff;
impl Role for AnyStaff {
    const ANY_OF: &'static [RoleName] = &RoleName::ALL;
}

/// Service (Eingangszone): client records, Freischaltcodes, access help,
/// print queue.
#[derive(Debug, Clone)]
pub struct Service;
impl Role for Service {
    const ANY_OF: &'static [RoleName] = &[RoleName::Service];
}

/// Leistung (benefits); used by later issues.
#[derive(Debug, Clone)]
pub struct Leistung;
impl Role for Leistung {
    const ANY_OF: &'static [RoleName] = &[RoleName::Leistung];
}

/// Vermittlung (placement); used by later issues.
#[derive(Debug, Clone)]
pub struct Vermittlung;
impl Role for Vermittlung {
    const ANY_OF: &'static [RoleName] = &[RoleName::Vermittlung];
}

/// Admin: the access log (ADM-5), the office's staff (ADM-1) and the form
/// definitions (APP-2).
#[derive(Debug, Clone)]
pub struct Admin;
impl Role for Admin {
    const ANY_OF: &'static [RoleName] = &[RoleName::Admin];
}

/// A signed-in (level "substantiell"), active staff member holding one of
/// the roles of `R`. A stranger goes to the login, a login without its
/// second factor to that step or the gate (through [`SignedIn`]); a signed-in
/// account that is not active staff with the role gets 403.
#[derive(Debug, Clone)]
pub struct Staff<R: Role> {
    pub signed: SignedIn,
    pub member: store::StaffMember,
    role: PhantomData<R>,
}

impl<R: Role> Staff<R> {
    pub fn ctx(&self) -> &crate::web::Ctx {
        &self.signed.ctx
    }

    pub fn account_id(&self) -> &str {
        &self.member.account_id
    }
}

#[derive(askama::Template)]
#[template(path = "backoffice/templates/kein_zugriff.html")]
struct NoAccessPage {
    page: crate::web::Page,
    /// Why: a missing role, or a login made another way than ADM-1 allows.
    reason_key: &'static str,
}

/// The ways of logging in that open the back office (ADM-1: "staff log in
/// with passkey or TOTP only"): password and TOTP, a passkey alone or after
/// the password, or a TOTP or passkey set up at the gate. Not a recovery
/// code, not the Secure-App.
pub const STAFF_LOGIN_METHODS: &[&str] = &["pwd+totp", "passkey", "pwd+passkey", "pwd+new_factor"];

/// 403 with a page that says why (not the generic "form not sent from this
/// page" of the CSRF refusal).
fn forbidden(state: &AppState, ctx: &crate::web::Ctx, reason_key: &'static str) -> Response {
    let page = NoAccessPage { page: crate::web::Page::new(ctx, state, "bo-forbidden-title"), reason_key };
    match crate::web::render_status(StatusCode::FORBIDDEN, &page) {
        Ok(res) => res,
        Err(e) => e.into_response(),
    }
}

impl<R: Role> FromRequestParts<AppState> for Staff<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let signed = SignedIn::from_request_parts(parts, state).await?;
        let member = store::find_staff(&state.db.pool, &signed.session.account_id).await.map_err(|e| AppError::from(e).into_response())?;
        match member {
            Some(m) if m.active && m.roles.iter().any(|r| R::ANY_OF.contains(r)) => {
                if STAFF_LOGIN_METHODS.contains(&signed.session.auth_methods.as_str()) {
                    Ok(Self { signed, member: m, role: PhantomData })
                } else {
                    Err(forbidden(state, &signed.ctx, "bo-forbidden-method"))
                }
            }
            _ => Err(forbidden(state, &signed.ctx, "bo-forbidden-text")),
        }
    }
}

/// The navigation of the back office, by the member's roles.
#[derive(Debug, Clone)]
pub struct Nav {
    pub items: Vec<(&'static str, String, bool)>,
    pub staff_name: String,
}

impl Nav {
    /// Links the member may use; `current` marks the page shown.
    pub fn for_member(lang: crate::i18n::Lang, member: &store::StaffMember, current: &str) -> Self {
        let has = |r: RoleName| member.roles.contains(&r);
        let mut items = vec![("/backoffice", lang.t("bo-nav-start"), current == "/backoffice")];
        items.push(("/backoffice/aufgaben", lang.t("bo-nav-tasks"), current == "/backoffice/aufgaben"));
        items.push(("/backoffice/kunden", lang.t("bo-nav-search"), current == "/backoffice/kunden"));
        items.push(("/backoffice/termine", lang.t("bo-nav-termine"), current == "/backoffice/termine"));
        if has(RoleName::Service) {
            items.push(("/backoffice/kunden/neu", lang.t("bo-nav-new-client"), current == "/backoffice/kunden/neu"));
            items.push(("/backoffice/druck", lang.t("bo-nav-print"), current == "/backoffice/druck"));
        }
        if has(RoleName::Admin) {
            items.push(("/backoffice/mitarbeitende", lang.t("bo-nav-staff"), current == "/backoffice/mitarbeitende"));
            items.push(("/backoffice/formulare", lang.t("bo-nav-forms"), current == "/backoffice/formulare"));
        }
        Self { items, staff_name: member.display_name.clone() }
    }
}
