//! Periodic clean-up run by the worker: expired sessions, unconfirmed
//! registrations past their retention (ACC-9), old rate-limit counters,
//! pending TOTP keys and used WebAuthn ceremonies that expired; documents
//! not retrieved in time; application drafts and their reminders.

use crate::app::AppState;
use std::time::Duration;

/// How old an object without a row must be before the sweep removes it
/// (an upload in progress writes its objects before its row).
pub const SWEEP_GRACE_SECS: i64 = 3600;

/// One pass of every clean-up job.
pub async fn run_once(state: &AppState) -> anyhow::Result<()> {
    let now = state.now();
    let sessions = crate::web::session::purge_expired(state).await?;
    let unconfirmed = crate::konto::store::purge_unconfirmed(&state.db, now - state.config.unconfirmed_retention_secs).await?;
    let counters = crate::ratelimit::purge(&state.db.writer, now).await?;
    crate::konto::mfa::totp::purge_pending(&state.db.writer, now).await?;
    crate::konto::mfa::passkey::zeremonie::purge_used(&state.db.writer, now).await?;
    crate::konto::mfa::secure_app::purge(&state.db.writer, now).await?;
    crate::web::idempotenz::purge(&state.db.writer, now).await?;
    // Objects written by a request that died before its commit.
    let orphans = crate::portal::dokumente::store::sweep(&state.db.pool, &state.ablage, now, SWEEP_GRACE_SECS).await?;
    // Uploads a killed process left half-written (local directory).
    let ablage = state.ablage.clone();
    let unfinished = tokio::task::spawn_blocking(move || ablage.unfertige_entfernen(now - SWEEP_GRACE_SECS)).await??;
    if orphans + unfinished > 0 {
        tracing::info!(orphans, unfinished, "sweep removed stored objects without a row");
    }
    crate::portal::dokumente::scanner::ausstehende_pruefen(state, None).await?;
    // Documents not retrieved within the period go to the print queue.
    let posted = crate::portal::bescheide::zustellung::abholfrist(state).await?;
    if posted > 0 {
        tracing::info!(posted, "documents not retrieved in time went to the print queue");
    }
    // Drafts kept too long, and the reminders before them and before the
    // end of a benefit period.
    let fristen = crate::portal::antraege::fristen::pruefen(state).await?;
    if fristen != crate::portal::antraege::fristen::Erledigt::default() {
        tracing::info!(?fristen, "application deadlines");
    }
    // Reminders of appointments (e-mail, SMS), once per channel and date.
    let (mails, sms) = crate::portal::termine::erinnerung::senden(state).await?;
    if mails + sms > 0 {
        tracing::info!(mails, sms, "appointment reminders queued");
    }
    if sessions + unconfirmed + counters > 0 {
        tracing::info!(sessions, unconfirmed, counters, "housekeeping removed expired rows");
    }
    Ok(())
}

/// Runs [`run_once`] every five minutes.
pub async fn run(state: AppState) {
    loop {
        if let Err(e) = run_once(&state).await {
            tracing::error!(error = %format!("{e:#}"), "housekeeping failed");
        }
        tokio::time::sleep(Duration::from_secs(300)).await;
    }
}
