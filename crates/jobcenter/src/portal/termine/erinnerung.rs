//! Reminders of booked appointments (POR-5, PRF-6), run by housekeeping:
//! a configured time before (default 24 h) an e-mail to the client's own
//! accounts (date, time and kind, nothing else; with a one-click link to
//! switch these mails off) and, where the client chose "SMS für
//! anstehende Termine" and has a mobile number, an SMS — through the
//! durable outboxes, in the transaction that claims the appointment for
//! its current `sequence`. So each reminder goes out once per channel even
//! with several nodes and a restart; a changed date (a higher sequence)
//! brings a new one, a cancelled appointment none.

use super::{Art, ortszeit};
use crate::app::AppState;
use crate::i18n::Lang;
use sqlx::Row;

/// The associated data of the opt-out token (binds it to this use).
const TOKEN_AAD: &str = "termine/erinnerung/aus";

/// Appointments handled per pass.
const STAPEL: i64 = 200;

/// The token of the one-click link that switches the reminder mails of
/// `client_id` off (sealed: it cannot be made for another client).
pub fn abbestellen_token(state: &AppState, client_id: &str) -> String {
    state.secrets.seal(TOKEN_AAD, client_id.as_bytes())
}

/// The client a token was made for.
pub fn token_client(state: &AppState, token: &str) -> Option<String> {
    let roh = state.secrets.open(TOKEN_AAD, token).ok()?;
    String::from_utf8(roh).ok()
}

/// One pass; returns the mails and SMS queued.
pub async fn senden(state: &AppState) -> anyhow::Result<(u64, u64)> {
    let now = state.now();
    let bis = now + state.config.appointment_reminder_secs;
    let mut gesendet = (0, 0);
    for (spalte, sms) in [("mail_reminded_seq", false), ("sms_reminded_seq", true)] {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, client_id, sequence, starts_at, kind FROM appointments
             WHERE state <> 'abgesagt' AND starts_at > $1 AND starts_at <= $2 AND ({spalte} IS NULL OR {spalte} <> sequence)
             ORDER BY starts_at LIMIT $3"
        )))
        .bind(now)
        .bind(bis)
        .bind(STAPEL)
        .fetch_all(&state.db.pool)
        .await?;
        for r in rows {
            let (id, client_id): (String, String) = (r.try_get("id")?, r.try_get("client_id")?);
            let (sequence, starts_at): (i64, i64) = (r.try_get::<i64, _>("sequence")?, r.try_get("starts_at")?);
            let art = Art::parse(&r.try_get::<String, _>("kind")?).unwrap_or(Art::VorOrt);
            let mut tx = state.db.begin().await?;
            let claimed = sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE appointments SET {spalte} = sequence WHERE id = $1 AND state <> 'abgesagt' AND sequence = $2
                   AND ({spalte} IS NULL OR {spalte} <> sequence)"
            )))
            .bind(&id)
            .bind(sequence)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 1 {
                let n = if sms {
                    sms_senden(state, &mut tx, &client_id, art, starts_at).await?
                } else {
                    mail_senden(state, &mut tx, &client_id, art, starts_at).await?
                };
                if sms {
                    gesendet.1 += n;
                } else {
                    gesendet.0 += n;
                }
            }
            tx.commit().await?;
        }
    }
    if gesendet != (0, 0) {
        state.outbox_wake.notify_one();
    }
    Ok(gesendet)
}

fn datum_zeit(starts_at: i64) -> (String, String) {
    let t = ortszeit(starts_at);
    (crate::portal::bescheide::datum(t.date()), t.format("%H:%M").to_string())
}

async fn mail_senden(state: &AppState, tx: &mut crate::db::Tx, client_id: &str, art: Art, starts_at: i64) -> anyhow::Result<u64> {
    if ist_aus(&mut **tx, client_id).await? {
        return Ok(0);
    }
    let (datum, zeit) = datum_zeit(starts_at);
    let token = abbestellen_token(state, client_id);
    let abbestellen = format!(
        "{}/termine/erinnerung-abbestellen?t={}",
        state.config.base_url(),
        url::form_urlencoded::byte_serialize(token.as_bytes()).collect::<String>()
    );
    let link = format!("{}/termine", state.config.base_url());
    let mut n = 0;
    for (email, lang) in crate::portal::store::eigene_konten(&mut **tx, client_id).await? {
        let lang = crate::konto::account_lang(&lang);
        let art = art.label(lang);
        let args =
            [("datum", datum.as_str()), ("zeit", zeit.as_str()), ("art", art.as_str()), ("link", &link), ("abbestellen", &abbestellen)];
        crate::konto::queue_mail(state, tx, lang, "termin-erinnerung", &email, &args).await?;
        n += 1;
    }
    Ok(n)
}

async fn sms_senden(state: &AppState, tx: &mut crate::db::Tx, client_id: &str, art: Art, starts_at: i64) -> anyhow::Result<u64> {
    let row: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT sms_notify, mobile_number FROM communication_options WHERE client_id = $1")
            .bind(client_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((1, Some(nummer))) = row else { return Ok(0) };
    let lang =
        crate::portal::store::eigene_konten(&mut **tx, client_id).await?.first().map_or(Lang::De, |(_, l)| crate::konto::account_lang(l));
    let (datum, zeit) = datum_zeit(starts_at);
    let text = lang.t_args("termin-erinnerung-sms", &[("datum", &datum), ("zeit", &zeit), ("art", &art.label(lang))]);
    crate::sms::enqueue(tx, &state.secrets, &nummer, &text, state.now()).await?;
    Ok(1)
}

/// The page of the one-click link in a reminder mail: switches the
/// reminder mails off (or on again) without a login; the sealed token
/// names the client. The GET only shows; the button changes.
#[derive(askama::Template)]
#[template(path = "portal/termine/templates/abbestellen.html")]
struct OptOutPage {
    page: crate::web::Page,
    token: String,
    aus: bool,
    notice: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct OptOutQuery {
    #[serde(default)]
    t: String,
    hinweis: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct OptOutForm {
    #[serde(default)]
    t: String,
    #[serde(default)]
    aktion: String,
}

/// Whether the client switched the reminder mails off.
async fn ist_aus<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, client_id: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM appointment_reminder_optouts WHERE client_id = $1 AND channel = 'mail'")
        .bind(client_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// `GET /termine/erinnerung-abbestellen?t=…`.
pub async fn abbestellen_seite(
    axum::extract::State(state): axum::extract::State<AppState>,
    ctx: crate::web::Ctx,
    axum::extract::Query(q): axum::extract::Query<OptOutQuery>,
) -> crate::web::AppResult<axum::response::Response> {
    let client_id = token_client(&state, &q.t).ok_or(crate::web::AppError::NotFound)?;
    let lang = ctx.lang;
    crate::web::render(&OptOutPage {
        page: crate::web::Page::new(&ctx, &state, "termin-abbestellen-title"),
        aus: ist_aus(&state.db.pool, &client_id).await?,
        notice: match q.hinweis.as_deref() {
            Some("aus") => Some(lang.t("termin-abbestellt")),
            Some("an") => Some(lang.t("termin-wieder-an")),
            _ => None,
        },
        token: q.t,
    })
}

/// `POST /termine/erinnerung-abbestellen`.
pub async fn abbestellen(
    axum::extract::State(state): axum::extract::State<AppState>,
    axum::Form(f): axum::Form<OptOutForm>,
) -> crate::web::AppResult<axum::response::Response> {
    let client_id = token_client(&state, &f.t).ok_or(crate::web::AppError::NotFound)?;
    let an = f.aktion == "an";
    if an {
        sqlx::query("DELETE FROM appointment_reminder_optouts WHERE client_id = $1 AND channel = 'mail'")
            .bind(&client_id)
            .execute(&state.db.writer)
            .await?;
    } else {
        sqlx::query(
            "INSERT INTO appointment_reminder_optouts (client_id, channel, created_at) VALUES ($1, 'mail', $2)
             ON CONFLICT (client_id, channel) DO NOTHING",
        )
        .bind(&client_id)
        .bind(state.now())
        .execute(&state.db.writer)
        .await?;
    }
    let t = url::form_urlencoded::byte_serialize(f.t.as_bytes()).collect::<String>();
    Ok(crate::web::see_other(&format!("/termine/erinnerung-abbestellen?t={t}&hinweis={}", if an { "an" } else { "aus" })))
}
