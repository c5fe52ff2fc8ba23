//! "Als ein Dokument senden": several photos of one paper document become
//! one PDF, pages in the order chosen. The photos are read back from
//! storage (the sending's total is bounded by its limit), combined on a
//! blocking thread (no slow work on the request threads), and the PDF is
//! stored like any sent file; the caller deletes the photos.

use super::empfang::Datei;
use crate::app::AppState;
use crate::web::{AppError, AppResult};
use dokumente::bilder_pdf::{Bild, bilder_zu_pdf};
use futures_util::TryStreamExt;

/// Stores the PDF made of `fotos`; returns it with its page count.
pub async fn als_ein_pdf(state: &AppState, fotos: &[Datei], lang: crate::i18n::Lang) -> AppResult<(Datei, i64)> {
    let mut bilder = Vec::with_capacity(fotos.len());
    for f in fotos {
        let bytes: Vec<u8> = state
            .ablage
            .lesen(&f.gespeichert.schluessel, &f.gespeichert.umschlag)
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .try_fold(Vec::new(), |mut acc, chunk| async move {
                acc.extend_from_slice(&chunk);
                Ok(acc)
            })
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        bilder.push(Bild { art: f.befund.art, bytes });
    }
    let titel = lang.t("upload-combined-title");
    let seiten = bilder.len() as i64;
    let pdf = tokio::task::spawn_blocking(move || bilder_zu_pdf(&bilder, &titel, "de-DE"))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("combining photos failed: {e}")))?;
    let befund =
        dokumente::pruefung::Pruefer::pruefe(dokumente::pruefung::Grenzen { max_bytes: u64::MAX, max_bild_speicher: u64::MAX }, &pdf)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("the combined PDF does not pass the check: {e}")))?;
    let mut schreiber =
        state.ablage.schreiber(&state.ablage.neuer_schluessel("uploads")).await.map_err(|e| AppError::Internal(e.into()))?;
    schreiber.schreiben(&pdf).await.map_err(|e| AppError::Internal(e.into()))?;
    let gespeichert = schreiber.fertig().await.map_err(|e| AppError::Internal(e.into()))?;
    let name = format!("{}.pdf", lang.t("upload-combined-name"));
    Ok((Datei { name, feld: "dateien".into(), befund, gespeichert }, seiten))
}
