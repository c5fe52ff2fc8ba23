//! The scanning hook: when `clamd_address` is configured, every sent file
//! is streamed (decrypted, from storage) to a scanner speaking the clamd
//! protocol (`zINSTREAM`) before staff can open it. "OK" opens it; a finding
//! quarantines it and tells the client (Verlauf) and staff (the sending's
//! page). A scanner that cannot be reached leaves the file waiting; the
//! worker tries again.

use super::store;
use crate::app::AppState;
use crate::journal::{self, Akteur, Ereignis};
use futures_util::TryStreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The scanner's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Urteil {
    Sauber,
    /// The scanner's finding, e.g. "Eicar-Test-Signature".
    Befund(String),
}

/// Streams one object to clamd and reads its answer.
pub async fn pruefen(address: &str, ablage: &ablage::Ablage, key: &str, envelope: &str) -> anyhow::Result<Urteil> {
    let mut conn = tokio::time::timeout(std::time::Duration::from_secs(5), tokio::net::TcpStream::connect(address)).await??;
    conn.write_all(b"zINSTREAM\0").await?;
    let mut data = std::pin::pin!(ablage.lesen(key, envelope).await?);
    while let Some(chunk) = data.try_next().await? {
        // clamd takes chunks of at most its StreamMaxLength; 64 KiB pieces.
        for piece in chunk.chunks(64 * 1024) {
            conn.write_all(&u32::try_from(piece.len())?.to_be_bytes()).await?;
            conn.write_all(piece).await?;
        }
    }
    conn.write_all(&0u32.to_be_bytes()).await?;
    let mut answer = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(60), conn.read_to_end(&mut answer)).await??;
    let answer = String::from_utf8_lossy(&answer).trim_end_matches(['\0', '\n']).to_owned();
    match answer.strip_prefix("stream: ") {
        Some("OK") => Ok(Urteil::Sauber),
        Some(rest) if rest.ends_with(" FOUND") => Ok(Urteil::Befund(rest.trim_end_matches(" FOUND").to_owned())),
        _ => anyhow::bail!("unexpected clamd answer: {answer}"),
    }
}

/// Scans the waiting files of one sending (right after it was stored) or,
/// with `None`, every waiting file (the worker); returns how many were decided.
pub async fn ausstehende_pruefen(state: &AppState, upload: Option<&str>) -> anyhow::Result<usize> {
    let Some(address) = state.config.clamd_address.clone() else { return Ok(0) };
    let mut decided = 0;
    for (file_id, key, envelope, upload_id, client_id) in store::ungescannt(&state.db.pool, upload, 100).await? {
        let urteil = match pruefen(&address, &state.ablage, &key, &envelope).await {
            Ok(u) => u,
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), file = %file_id, "scanner not reachable; the file waits");
                break;
            }
        };
        let now = state.now();
        let mut tx = state.db.begin().await?;
        let ergebnis = if matches!(urteil, Urteil::Sauber) { "sauber" } else { "befund" };
        if store::scan_ergebnis(&mut tx, &file_id, ergebnis).await?
            && let Urteil::Befund(name) = &urteil
        {
            tracing::warn!(file = %file_id, finding = %name, "scanner finding: file quarantined");
            let bezug = journal::Direkt { client_id, akteur: Akteur::System };
            let details = serde_json::json!({"upload": upload_id, "file": file_id, "finding": name});
            journal::record(&mut tx, &bezug, Ereignis::DateiInQuarantaene, details, &crate::audit::Actor::default(), now).await?;
        }
        tx.commit().await?;
        decided += 1;
    }
    Ok(decided)
}
