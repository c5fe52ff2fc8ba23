//! Client records (ADM-2, ADM-5): search by Kundennummer and name, create
//! a record, view it for a stated purpose (every view is logged), and the
//! access log per client.

use super::akte::Akte;
use super::store::{self, Channel, Client, CodeStatus, StaffMember};
use super::{Admin, AnyStaff, Nav, RoleName, Service, Staff};
use crate::app::AppState;
use crate::web::{AppError, AppResult, FormErrors, Page, render, render_status, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

/// Why a staff member opens a client record (ADM-5); stored as the key,
/// shown as `bo-purpose-<key>`.
pub const PURPOSES: &[&str] = &[
    "vorsprache",
    "telefon",
    "schriftlich",
    "neuanlage",
    "freischaltcode",
    "zugangshilfe",
    "leistung",
    "vermittlung",
    "pruefung",
    "druck",
];

/// A purpose from a form, if it is one of [`PURPOSES`].
pub fn purpose(input: Option<&str>) -> Option<&'static str> {
    let p = input?.trim();
    PURPOSES.iter().copied().find(|k| *k == p)
}

/// A client record of the member's office, or 404 (records of other
/// offices are not theirs to see).
pub async fn client_of_office(state: &AppState, member: &StaffMember, id: &str) -> AppResult<Client> {
    match store::find_client(&state.db.pool, id).await? {
        Some(c) if c.office_id == member.office_id => Ok(c),
        _ => Err(AppError::NotFound),
    }
}

#[derive(Template)]
#[template(path = "backoffice/templates/suche.html")]
struct SearchPage {
    page: Page,
    nav: Nav,
    q: String,
    searched: bool,
    hits: Vec<Client>,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

/// `GET /backoffice/kunden?q=…`: search by Kundennummer or name.
pub async fn search(State(state): State<AppState>, staff: Staff<AnyStaff>, Query(q): Query<SearchQuery>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let query = q.q.unwrap_or_default().trim().chars().take(100).collect::<String>();
    let searched = !query.is_empty();
    let (hits, error) = if !searched {
        (Vec::new(), None)
    } else if query.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        (Vec::new(), Some(ctx.lang.t("bo-search-error-short")))
    } else {
        (store::search_clients(&state.db.pool, &staff.member.office_id, &query).await?, None)
    };
    render(&SearchPage {
        page: Page::new(ctx, &state, "bo-search-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, "/backoffice/kunden"),
        q: query,
        searched,
        hits,
        error,
    })
}

#[derive(Template)]
#[template(path = "backoffice/templates/kunde_neu.html")]
struct NewPage {
    page: Page,
    nav: Nav,
    errors: FormErrors,
    form: NewClientForm,
    staff: Vec<StaffMember>,
}

/// The fields of "Kundendatensatz anlegen".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NewClientForm {
    #[serde(default)]
    vorname: String,
    #[serde(default)]
    nachname: String,
    #[serde(default)]
    geburtsdatum: String,
    #[serde(default)]
    strasse: String,
    #[serde(default)]
    plz: String,
    #[serde(default)]
    ort: String,
    #[serde(default)]
    bg_nummer: String,
    #[serde(default)]
    pap: String,
}

/// `GET /backoffice/kunden/neu`.
pub async fn new_form(State(state): State<AppState>, staff: Staff<Service>) -> AppResult<Response> {
    let ctx = staff.ctx();
    render(&NewPage {
        page: Page::new(ctx, &state, "bo-new-title"),
        nav: Nav::for_member(ctx.lang, &staff.member, "/backoffice/kunden/neu"),
        errors: FormErrors::default(),
        form: NewClientForm { pap: staff.member.account_id.clone(), ..NewClientForm::default() },
        staff: store::staff_of_office(&state.db.pool, &staff.member.office_id).await?,
    })
}

fn name_ok(s: &str) -> bool {
    let n = s.chars().count();
    (1..=100).contains(&n) && s.chars().all(|c| c.is_alphabetic() || " -'.".contains(c))
}

/// Checks the form; returns the record to insert or the field errors.
fn validate(
    lang: crate::i18n::Lang,
    f: &NewClientForm,
    office_id: &str,
    staff: &[StaffMember],
    today: chrono::NaiveDate,
) -> Result<store::NewClient, FormErrors> {
    let mut e = FormErrors::default();
    let (vorname, nachname) = (f.vorname.trim(), f.nachname.trim());
    if vorname.is_empty() {
        e.add("vorname", lang.t("bo-new-error-given-empty"));
    } else if !name_ok(vorname) {
        e.add("vorname", lang.t("bo-new-error-name-chars"));
    }
    if nachname.is_empty() {
        e.add("nachname", lang.t("bo-new-error-family-empty"));
    } else if !name_ok(nachname) {
        e.add("nachname", lang.t("bo-new-error-name-chars"));
    }
    let birth = chrono::NaiveDate::parse_from_str(f.geburtsdatum.trim(), "%d.%m.%Y").ok();
    match birth {
        _ if f.geburtsdatum.trim().is_empty() => e.add("geburtsdatum", lang.t("bo-new-error-birth-empty")),
        None => e.add("geburtsdatum", lang.t("bo-new-error-birth-format")),
        Some(d) if d >= today || d < chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(d) => {
            e.add("geburtsdatum", lang.t("bo-new-error-birth-range"));
        }
        Some(_) => {}
    }
    let strasse = f.strasse.trim();
    if strasse.is_empty() || strasse.chars().count() > 200 {
        e.add("strasse", lang.t("bo-new-error-street"));
    }
    let plz = domain::Postleitzahl::parse(&f.plz);
    if plz.is_none() {
        e.add("plz", lang.t("bo-new-error-postcode"));
    }
    let ort = f.ort.trim();
    if ort.is_empty() || ort.chars().count() > 100 {
        e.add("ort", lang.t("bo-new-error-city"));
    }
    let bg = domain::BgNummer::parse(&f.bg_nummer);
    match &bg {
        Err(domain::BgNummerError::Empty) => e.add("bg_nummer", lang.t("bo-new-error-bg-empty")),
        Err(domain::BgNummerError::Format) => e.add("bg_nummer", lang.t("bo-new-error-bg-format")),
        Ok(_) => {}
    }
    let pap = f.pap.trim();
    let pap = if pap.is_empty() {
        None
    } else if staff.iter().any(|s| s.account_id == pap) {
        Some(pap.to_owned())
    } else {
        e.add("pap", lang.t("bo-new-error-pap"));
        None
    };
    match (e.is_empty(), birth, plz, bg) {
        (true, Some(birth), Some(plz), Ok(bg)) => Ok(store::NewClient {
            given_name: vorname.to_owned(),
            family_name: nachname.to_owned(),
            birth_date: birth.format("%Y-%m-%d").to_string(),
            street: strasse.to_owned(),
            postcode: plz.as_str().to_owned(),
            city: ort.to_owned(),
            bg_number: bg.as_str().to_owned(),
            office_id: office_id.to_owned(),
            pap_staff_id: pap,
        }),
        _ => Err(e),
    }
}

/// `POST /backoffice/kunden/neu`: validates, refuses a second record for
/// the same name and birth date in the office (also a double submit), and
/// creates the record with a new Kundennummer.
pub async fn create(State(state): State<AppState>, staff: Staff<Service>, Form(f): Form<NewClientForm>) -> AppResult<Response> {
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let now = state.now();
    let today = chrono::DateTime::from_timestamp(now, 0).map_or_else(|| chrono::NaiveDate::MIN, |t| t.date_naive());
    let colleagues = store::staff_of_office(&state.db.pool, &staff.member.office_id).await?;
    let page = |errors: FormErrors, colleagues: Vec<StaffMember>| NewPage {
        page: Page::new(ctx, &state, "bo-new-title"),
        nav: Nav::for_member(lang, &staff.member, "/backoffice/kunden/neu"),
        errors,
        form: f.clone(),
        staff: colleagues,
    };
    let new = match validate(lang, &f, &staff.member.office_id, &colleagues, today) {
        Ok(n) => n,
        Err(errors) => return render_status(errors.status(), &page(errors, colleagues)),
    };
    let mut tx = state.db.begin().await?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT kundennummer FROM clients WHERE office_id = $1 AND name_search = $2 AND birth_date = $3")
            .bind(&new.office_id)
            .bind(store::name_search(&new.given_name, &new.family_name))
            .bind(&new.birth_date)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(k) = existing {
        drop(tx);
        let mut errors = FormErrors::default();
        errors.add("nachname", lang.t_args("bo-new-error-duplicate", &[("kundennummer", &k)]));
        return render_status(errors.status(), &page(errors, colleagues));
    }
    let (id, kundennummer) = store::insert_client(&mut tx, &new, staff.account_id(), now).await?;
    let details = serde_json::json!({"kundennummer": kundennummer});
    store::staff_event(&mut tx, &id, crate::journal::Ereignis::KundendatenAngelegt, staff.account_id(), details, &ctx.actor, now).await?;
    tx.commit().await?;
    tracing::info!(client = %id, staff = %staff.account_id(), "client record created");
    Ok(see_other(&format!("/backoffice/kunden/{id}?zweck=neuanlage")))
}

#[derive(Template)]
#[template(path = "backoffice/templates/zweck.html")]
struct PurposePage {
    page: Page,
    nav: Nav,
    client: Client,
    action: String,
    purposes: Vec<(&'static str, String)>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "backoffice/templates/kunde.html")]
struct RecordPage {
    page: Page,
    nav: Nav,
    client: Client,
    birth_date: String,
    purpose_label: String,
    pap: Option<StaffMember>,
    channel_online: bool,
    account_email: Option<String>,
    code: Option<CodeStatus>,
    now: i64,
    is_service: bool,
    is_admin: bool,
    notice: Option<String>,
}

/// `?zweck=` of a page that opens a record for a task (ADM-5).
#[derive(Deserialize)]
pub struct PurposeQuery {
    pub zweck: Option<String>,
}

#[derive(Deserialize)]
pub struct RecordQuery {
    hinweis: Option<String>,
}

/// The page asking why a record is opened; the answer comes back as
/// `?zweck=` to `action`.
pub async fn ask_purpose(
    state: &AppState,
    staff: &StaffMember,
    ctx: &crate::web::Ctx,
    client: Client,
    action: String,
    invalid: bool,
) -> AppResult<Response> {
    let lang = ctx.lang;
    render(&PurposePage {
        page: Page::new(ctx, state, "bo-purpose-title"),
        nav: Nav::for_member(lang, staff, ""),
        client,
        action,
        purposes: PURPOSES.iter().map(|k| (*k, lang.t(&format!("bo-purpose-{k}")))).collect(),
        error: invalid.then(|| lang.t("bo-purpose-error")),
    })
}

/// `GET /backoffice/kunden/{id}?zweck=…`: without a valid purpose, asks
/// for one; with it, logs the view (ADM-5) and shows the record.
pub async fn show(State(state): State<AppState>, akte: Akte<AnyStaff>, Query(q): Query<RecordQuery>) -> AppResult<Response> {
    let (staff, purpose) = (&akte.staff, akte.zweck);
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let client = akte.client.clone();
    let now = state.now();
    let pap = match &client.pap_staff_id {
        Some(p) => store::find_staff(&state.db.pool, p).await?,
        None => None,
    };
    let account = store::linked_account(&state.db.pool, &client.id).await?;
    let notice = match q.hinweis.as_deref() {
        Some("zugangshilfe") => Some(lang.t("bo-help-done")),
        _ => None,
    };
    render(&RecordPage {
        page: Page::new(ctx, &state, "bo-record-title"),
        nav: Nav::for_member(lang, &staff.member, ""),
        birth_date: crate::web::page::german_date(&client.birth_date),
        purpose_label: lang.t(&format!("bo-purpose-{purpose}")),
        pap,
        channel_online: store::channel(&state.db.pool, &client.id).await? == Channel::Online,
        account_email: account.map(|a| a.email),
        code: store::current_code(&state.db.pool, &client.id).await?,
        now,
        is_service: staff.member.roles.contains(&RoleName::Service),
        is_admin: staff.member.roles.contains(&RoleName::Admin),
        client,
        notice,
    })
}

#[derive(Template)]
#[template(path = "backoffice/templates/zugriffe.html")]
struct AccessPage {
    page: Page,
    nav: Nav,
    client: Client,
    entries: Vec<(String, String, String, String)>,
}

/// `GET /backoffice/kunden/{id}/zugriffe`: who saw or changed the record,
/// when and why (ADM-5), for admins. Looking at the log is logged too.
pub async fn access_log(State(state): State<AppState>, akte: Akte<Admin>) -> AppResult<Response> {
    let staff = &akte.staff;
    let ctx = staff.ctx();
    let lang = ctx.lang;
    let client = akte.client.clone();
    let entries = store::access_log(&state.db.pool, &client.id)
        .await?
        .into_iter()
        .map(|e| {
            let who = if e.office_name.is_empty() { e.staff_name } else { format!("{} ({})", e.staff_name, e.office_name) };
            let purpose =
                if e.purpose == "pruefung" { lang.t("bo-purpose-pruefung") } else { lang.t(&format!("bo-purpose-{}", e.purpose)) };
            (crate::web::page::format_datetime(e.at), who, lang.t(&format!("bo-what-{}", e.what)), purpose)
        })
        .collect();
    render(&AccessPage { page: Page::new(ctx, &state, "bo-access-title"), nav: Nav::for_member(lang, &staff.member, ""), client, entries })
}
