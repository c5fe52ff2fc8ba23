//! Staff of the office (ADM-1), for admins: list, create a staff account
//! with one-time access data (handed over in person; the first login sets
//! up a second factor, then the member sets an own password), deactivate
//! and reactivate. The first admin comes from `jobcenter admin create-staff`.

use super::store::{self, StaffMember};
use super::{Admin, Nav, RoleName, Staff};
use crate::app::AppState;
use crate::konto::einmal_zugang;
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

/// One row of the staff list.
pub struct Row {
    pub member: StaffMember,
    pub roles: String,
    pub is_self: bool,
}

#[derive(Template)]
#[template(path = "backoffice/templates/mitarbeitende.html")]
struct ListPage {
    page: Page,
    nav: Nav,
    rows: Vec<Row>,
    errors: FormErrors,
    form: NewStaffForm,
}

#[derive(Template)]
#[template(path = "backoffice/templates/mitarbeiter_angelegt.html")]
struct CreatedPage {
    page: Page,
    nav: Nav,
    name: String,
    email: String,
    password: String,
    valid_until: String,
}

/// The fields of "Mitarbeiterkonto anlegen".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewStaffForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    telefon: String,
    rolle_service: Option<String>,
    rolle_leistung: Option<String>,
    rolle_vermittlung: Option<String>,
    rolle_admin: Option<String>,
}

impl NewStaffForm {
    fn roles(&self) -> Vec<RoleName> {
        [
            (RoleName::Service, &self.rolle_service),
            (RoleName::Leistung, &self.rolle_leistung),
            (RoleName::Vermittlung, &self.rolle_vermittlung),
            (RoleName::Admin, &self.rolle_admin),
        ]
        .into_iter()
        .filter_map(|(r, v)| v.is_some().then_some(r))
        .collect()
    }

    /// Whether the role's box is ticked (for the form after an error).
    pub fn has(&self, role: &str) -> bool {
        RoleName::parse(role).is_some_and(|r| self.roles().contains(&r))
    }
}

async fn rows(state: &AppState, lang: crate::i18n::Lang, me: &StaffMember) -> sqlx::Result<Vec<Row>> {
    let all = store::all_staff_of_office(&state.db.pool, &me.office_id).await?;
    Ok(all
        .into_iter()
        .map(|m| Row {
            roles: m.roles.iter().map(|r| lang.t(r.label_key())).collect::<Vec<_>>().join(", "),
            is_self: m.account_id == me.account_id,
            member: m,
        })
        .collect())
}

/// `GET /backoffice/mitarbeitende`.
pub async fn list(State(state): State<AppState>, staff: Staff<Admin>) -> AppResult<Response> {
    let ctx = staff.ctx();
    render(&ListPage {
        page: Page::new(ctx, &state, "bo-staff-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, "/backoffice/mitarbeitende"),
        rows: rows(&state, ctx.lang, &staff.member).await?,
        errors: FormErrors::default(),
        form: NewStaffForm::default(),
    })
}

/// `POST /backoffice/mitarbeitende`: a new account (never an existing one:
/// making someone's own account a staff account is for the CLI), confirmed,
/// with one-time access data and the staff row, in one transaction.
pub async fn create(State(state): State<AppState>, staff: Staff<Admin>, Form(f): Form<NewStaffForm>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let mut errors = FormErrors::default();
    let email = domain::Email::parse(&f.email);
    if email.is_err() {
        errors.add("email", lang.t("bo-staff-error-email"));
    }
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add("name", lang.t("bo-staff-error-name"));
    }
    let roles = f.roles();
    if roles.is_empty() {
        errors.add("rolle_service", lang.t("bo-staff-error-roles"));
    }
    let now = state.now();
    let password = einmal_zugang::generate();
    let id = crate::db::new_id();
    let mut tx = None;
    if let (true, Ok(email)) = (errors.is_empty(), &email) {
        let hash = state.hasher.hash(&password).await?;
        let mut t = state.db.begin().await?;
        if crate::konto::store::insert_account(&mut t, &id, email, &hash, lang.code(), now).await? {
            tx = Some((t, hash));
        } else {
            errors.add("email", lang.t("bo-staff-error-exists"));
        }
    }
    let (Some((mut tx, hash)), Ok(email), true) = (tx, email, errors.is_empty()) else {
        let page = ListPage {
            page: Page::new(ctx, &state, "bo-staff-title"),
            nav: Nav::for_member(lang, &staff.member, "/backoffice/mitarbeitende"),
            rows: rows(&state, lang, &staff.member).await?,
            errors,
            form: f.clone(),
        };
        return render_status(page.errors.status(), &page);
    };
    crate::konto::store::confirm_email(&mut tx, &id, now).await?;
    einmal_zugang::issue(&mut tx, &id, &hash, staff.account_id(), now).await?;
    store::upsert_staff(&mut tx, &id, name, &staff.member.office_id, &roles, f.telefon.trim(), now).await?;
    let roles_text = roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",");
    let details = serde_json::json!({"roles": roles_text, "office": staff.member.office_id, "by": staff.account_id()});
    crate::audit::record(&mut tx, Some(&id), "staff_granted", &ctx.actor, details, now).await?;
    tx.commit().await?;
    tracing::info!(staff = %id, by = %staff.account_id(), "staff account created");
    render(&CreatedPage {
        page: Page::new(ctx, &state, "bo-staff-created-title"),
        nav: Nav::for_member(lang, &staff.member, "/backoffice/mitarbeitende"),
        name: name.to_owned(),
        email: email.as_str().to_owned(),
        password,
        valid_until: crate::web::page::format_datetime(now + einmal_zugang::VALIDITY_SECS),
    })
}

/// `POST /backoffice/mitarbeitende/{id}/aktiv`: switches a colleague of the
/// office between active and inactive (never oneself: an office must not
/// lock out its last admin by accident). Ends the sessions of a
/// deactivated member.
pub async fn toggle(State(state): State<AppState>, staff: Staff<Admin>, Path(id): Path<String>) -> AppResult<Response> {
    if id == staff.account_id() {
        return Err(AppError::NotFound);
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let active: Option<i64> = sqlx::query_scalar(
        "UPDATE staff SET active = 1 - active, updated_at = $1 WHERE account_id = $2 AND office_id = $3 RETURNING active",
    )
    .bind(now)
    .bind(&id)
    .bind(&staff.member.office_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(active) = active else { return Err(AppError::NotFound) };
    if active == 0 {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(&id).execute(&mut *tx).await?;
    }
    let kind = if active == 1 { "staff_activated" } else { "staff_deactivated" };
    crate::audit::record(&mut tx, Some(&id), kind, &staff.ctx().actor, serde_json::json!({"by": staff.account_id()}), now).await?;
    tx.commit().await?;
    Ok(see_other("/backoffice/mitarbeitende"))
}
