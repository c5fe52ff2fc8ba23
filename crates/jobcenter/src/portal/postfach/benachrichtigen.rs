//! "E-Mail bei neuen Mitteilungen" (PRF-6): when the jobcenter answers, the
//! client's own account is told by mail that a new message is there —
//! never its subject or content — with the link to the mailbox, if the
//! client switched the option on; and by SMS (no content either) where the
//! client chose SMS and gave a mobile number. Answers within [`FENSTER`]
//! after such a notification make no further one, so a burst of answers is
//! one mail (and one SMS).

use super::Postfach;
use crate::app::AppState;
use crate::db::Tx;

/// Seconds after a notification in which further answers send none.
pub const FENSTER: i64 = 15 * 60;

/// Queues the notifications for `client_id` in the answer's transaction,
/// unless the options are off or one went out within [`FENSTER`]. Returns
/// whether something was queued (the caller wakes the mail and SMS
/// workers).
pub async fn neue_nachricht(state: &AppState, tx: &mut Tx, client_id: &str, postfach: Postfach, now: i64) -> anyhow::Result<bool> {
    let optionen: Option<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT email_notify, sms_notify, mobile_number FROM communication_options WHERE client_id = $1")
            .bind(client_id)
            .fetch_optional(&mut **tx)
            .await?;
    let (mail, sms, nummer) = optionen.unwrap_or((0, 0, None));
    let sms_an = if sms == 1 { nummer } else { None };
    let konten = if mail == 1 { crate::portal::store::eigene_konten(&mut **tx, client_id).await? } else { Vec::new() };
    if konten.is_empty() && sms_an.is_none() {
        return Ok(false);
    }
    let frei: Option<String> = sqlx::query_scalar(
        "INSERT INTO mailbox_notifications (client_id, last_sent_at) VALUES ($1, $2)
         ON CONFLICT (client_id) DO UPDATE SET last_sent_at = $2 WHERE mailbox_notifications.last_sent_at <= $3
         RETURNING client_id",
    )
    .bind(client_id)
    .bind(now)
    .bind(now - FENSTER)
    .fetch_optional(&mut **tx)
    .await?;
    if frei.is_none() {
        return Ok(false);
    }
    let link = format!("{}{}", state.config.base_url(), postfach.path());
    if let Some(nummer) = sms_an {
        let lang = konten.first().map_or(crate::i18n::Lang::De, |(_, l)| crate::konto::account_lang(l));
        crate::sms::enqueue(tx, &state.secrets, &nummer, &lang.t("postfach-sms-neu"), now).await?;
    }
    for (email, lang) in konten {
        let lang = crate::konto::account_lang(&lang);
        let name = lang.t(&postfach.label_key());
        crate::konto::queue_mail(state, tx, lang, "postfach-neu", &email, &[("postfach", &name), ("link", &link)]).await?;
    }
    Ok(true)
}
