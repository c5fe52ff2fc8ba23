//! Periodic clean-up run by the worker: expired sessions, unconfirmed
//! registrations past their retention (ACC-9), old rate-limit counters,
//! pending TOTP keys and used WebAuthn ceremonies that expired.

use crate::app::AppState;
use std::time::Duration;

/// One pass of every clean-up job.
pub async fn run_once(state: &AppState) -> anyhow::Result<()> {
    let now = state.now();
    let sessions = crate::web::session::purge_expired(state).await?;
    let unconfirmed = crate::konto::store::purge_unconfirmed(&state.db, now - state.config.unconfirmed_retention_secs).await?;
    let counters = crate::ratelimit::purge(&state.db.writer, now).await?;
    crate::konto::mfa::totp::purge_pending(&state.db.writer, now).await?;
    crate::konto::mfa::passkey::zeremonie::purge_used(&state.db.writer, now).await?;
    crate::konto::mfa::secure_app::purge(&state.db.writer, now).await?;
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
