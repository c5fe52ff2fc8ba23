//! "E-Mail bei neuen Mitteilungen" (PRF-6): when the jobcenter answers, the
//! client's own account is told by mail that a new message is there —
//! never its subject or content — with the link to the mailbox, if the
//! client switched the option on. Answers within [`FENSTER`] after such a
//! mail make no further one, so a burst of answers is one mail.

use super::Postfach;
use crate::app::AppState;
use crate::db::Tx;

/// Seconds after a notification in which further answers send none.
pub const FENSTER: i64 = 15 * 60;

/// Queues the notification for `client_id` in the answer's transaction,
/// unless the option is off or one went out within [`FENSTER`]. Returns
/// whether a mail was queued.
pub async fn neue_nachricht(state: &AppState, tx: &mut Tx, client_id: &str, postfach: Postfach, now: i64) -> anyhow::Result<bool> {
    let an: Option<i64> = sqlx::query_scalar("SELECT email_notify FROM communication_options WHERE client_id = $1")
        .bind(client_id)
        .fetch_optional(&mut **tx)
        .await?;
    if an != Some(1) {
        return Ok(false);
    }
    let konten = crate::portal::store::eigene_konten(&mut **tx, client_id).await?;
    if konten.is_empty() {
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
    for (email, lang) in konten {
        let lang = crate::konto::account_lang(&lang);
        let name = lang.t(&postfach.label_key());
        crate::konto::queue_mail(state, tx, lang, "postfach-neu", &email, &[("postfach", &name), ("link", &link)]).await?;
    }
    Ok(true)
}
