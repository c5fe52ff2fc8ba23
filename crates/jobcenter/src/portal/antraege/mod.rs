//! "Ihre Vorgänge" and the eServices (APP-1 … APP-4): forms defined by
//! data (`crates/formulare`, docs/FORMULARE.md), filled in steps, kept as
//! drafts, sent with a receipt, processed by staff as work items.
//!
//! - [`definitionen`]: definitions in the database (draft → live →
//!   archived), the shipped ones, the per-node cache of checked forms.
//! - [`store`]: applications (sealed answers, keyset pages).
//! - [`seiten`]: "Ihre Vorgänge", the eService list, an application's page.
//! - [`ausfuellen`]: the steps, "Entwurf speichern", the summary, sending.
//! - [`felder`]: a step's fields as the templates render them.
//! - [`nachweise`]: the documents the answers call for (upload pipeline).
//! - [`senden`]: the summary and sending; [`quittung`]: the receipt PDF.
//! - [`fristen`]: draft deletion and the Weiterbewilligung reminder.

pub mod anfragen;
pub mod ausfuellen;
pub mod definitionen;
pub mod demo;
pub mod felder;
pub mod fristen;
pub mod nachweise;
pub mod quittung;
pub mod seiten;
pub mod senden;
pub mod store;

use crate::app::AppState;
use crate::db::Tx;
use crate::portal::handelnd::{Beziehung, Mandat, Recht};
use definitionen::Definition;

/// What the client sees of a sent application (APP-3): a few plain steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Eingegangen,
    InBearbeitung,
    UnterlagenFehlen,
    Entschieden,
    Zurueckgezogen,
}

impl Status {
    pub const ALLE: [Status; 5] =
        [Status::Eingegangen, Status::InBearbeitung, Status::UnterlagenFehlen, Status::Entschieden, Status::Zurueckgezogen];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eingegangen => "eingegangen",
            Status::InBearbeitung => "in_bearbeitung",
            Status::UnterlagenFehlen => "unterlagen_fehlen",
            Status::Entschieden => "entschieden",
            Status::Zurueckgezogen => "zurueckgezogen",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|x| x.as_str() == s)
    }

    /// "Eingegangen", "In Bearbeitung", …
    pub fn label_key(self) -> String {
        format!("antrag-status-{}", self.as_str().replace('_', "-"))
    }

    /// What happens next, in plain words (no promised dates).
    pub fn weiter_key(self) -> String {
        format!("antrag-weiter-{}", self.as_str().replace('_', "-"))
    }
}

/// The proof that a mandate may fill in and send a form: the client always;
/// a representative only a form whose definition names a right of REP-2
/// that the power of attorney grants. Only [`bearbeitung`] makes one, and
/// the operations that change an application take it.
#[derive(Debug, Clone, Copy)]
pub struct Bearbeitung<'a> {
    pub mandat: &'a Mandat,
    pub definition: &'a Definition,
}

/// Whether the mandate may use this form.
pub fn bearbeitung<'a>(mandat: &'a Mandat, definition: &'a Definition) -> Option<Bearbeitung<'a>> {
    let erlaubt = match mandat.beziehung() {
        Beziehung::Selbst => true,
        Beziehung::Vertretung { .. } => definition.formular.dok.recht.as_deref().and_then(Recht::parse).is_some_and(|r| mandat.darf(r)),
    };
    erlaubt.then_some(Bearbeitung { mandat, definition })
}

/// Tells the client's own accounts by mail (`kind`: "antrag-eingang",
/// "antrag-status") that something happened to an application, with the
/// link to it and no content; in the caller's transaction.
pub async fn kunde_benachrichtigen(state: &AppState, tx: &mut Tx, client_id: &str, application_id: &str, kind: &str) -> anyhow::Result<()> {
    mitteilen(state, tx, client_id, kind, &format!("/antraege/{application_id}"), &[]).await
}

/// A mail of `kind` to the client's own accounts with the link to `pfad`
/// (and `args`), no content; in the caller's transaction.
pub async fn mitteilen(
    state: &AppState,
    tx: &mut Tx,
    client_id: &str,
    kind: &str,
    pfad: &str,
    args: &[(&str, &str)],
) -> anyhow::Result<()> {
    let link = format!("{}{pfad}", state.config.base_url());
    let mut alle = vec![("link", link.as_str())];
    alle.extend_from_slice(args);
    for (email, lang) in crate::portal::store::eigene_konten(&mut **tx, client_id).await? {
        crate::konto::queue_mail(state, tx, crate::konto::account_lang(&lang), kind, &email, &alle).await?;
    }
    Ok(())
}

/// A new "Vorgangsnummer": the year and ten characters of Crockford's
/// base32 (no I, L, O, U), unique by the column's constraint.
pub fn vorgangsnummer(now: i64) -> String {
    const ZEICHEN: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let jahr = chrono::DateTime::from_timestamp(now, 0).map_or(2026, |d| chrono::Datelike::year(&d));
    let zufall: String = crate::crypto::random_bytes::<10>().iter().map(|b| ZEICHEN[usize::from(b % 32)] as char).collect();
    format!("{jahr}-{}-{}", &zufall[..5], &zufall[5..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_labels_and_the_reference_looks_right() {
        for lang in crate::i18n::Lang::ALL {
            for s in Status::ALLE {
                assert_ne!(lang.t(&s.label_key()), s.label_key());
                assert_ne!(lang.t(&s.weiter_key()), s.weiter_key());
            }
        }
        let n = vorgangsnummer(1_796_000_000);
        assert!(n.starts_with("2026-") && n.len() == 16, "{n}");
        assert_ne!(n, vorgangsnummer(1_796_000_000));
    }
}
