//! Receiving the files of a sending: each multipart part is streamed, chunk
//! by chunk, into the checker ([`dokumente::pruefung::Pruefer`]) and the
//! encrypted storage writer at the same time, so a file is never held whole
//! in memory and what is refused never stays stored. The objects are
//! written before any database row (DESIGN.md section 6); the caller
//! commits the rows or deletes the objects.

use crate::config::UploadLimits;
use axum::extract::Multipart;
use axum::extract::multipart::Field;
use dokumente::pruefung::{Ablehnung, Art, Befund, Grenzen, Pruefer};

/// Most parts a form may have: the files plus a handful of fields. A body
/// with more (say 10 000 empty parts) is refused at the first one too many.
const MAX_TEXT_PARTS: usize = 24;
/// Longest text field (the message is limited further by the form: 5 000
/// characters of up to 4 bytes).
const MAX_TEXT_BYTES: usize = 24 * 1024;

/// An accepted, stored file.
#[derive(Debug, Clone)]
pub struct Datei {
    pub name: String,
    /// The form field that brought it (a form with one input per document
    /// tells them apart by this).
    pub feld: String,
    pub befund: Befund,
    pub gespeichert: ablage::Gespeichert,
}

/// Why a file (or the whole sending) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fehler {
    /// A file's content was refused; `name` as the client called it.
    Datei { name: String, ablehnung: Ablehnung },
    /// More files than allowed.
    ZuVieleDateien,
    /// All files together are larger than allowed.
    SendungZuGross,
    /// The request is not a well-formed form (too many parts, broken body).
    Formular,
}

/// What the form sent.
#[derive(Debug, Default)]
pub struct Eingang {
    pub felder: Vec<(String, String)>,
    pub dateien: Vec<Datei>,
    pub fehler: Vec<Fehler>,
}

impl Eingang {
    /// The value of text field `name`.
    pub fn feld(&self, name: &str) -> Option<&str> {
        self.felder.iter().find_map(|(k, v)| (k == name).then_some(v.as_str()))
    }

    /// Deletes every stored object (the sending is refused or failed).
    pub async fn verwerfen(&mut self, ablage: &ablage::Ablage) {
        for d in self.dateien.drain(..) {
            if let Err(e) = ablage.loeschen(&d.gespeichert.schluessel).await {
                // The sweep removes it later (no row references it).
                tracing::warn!(error = %e, "deleting a refused object failed");
            }
        }
    }
}

/// The outcome of claiming a form's own idempotency key (a form with files
/// carries one; `web::formulare` cannot read multipart bodies).
pub enum Einmal {
    /// This request does the work; the key to record its result under.
    Neu(String),
    /// The form was sent before (or is still being processed): the answer.
    /// The files this request brought are discarded.
    Beantwortet(axum::response::Response),
}

impl Eingang {
    /// Claims the form's key (field `idempotenz`) for `account`. A form
    /// without a valid key (a client of the API that does not send one) is
    /// processed under a fresh key, without protection against repeats.
    pub async fn einmal(&mut self, state: &crate::app::AppState, account: &str) -> anyhow::Result<Einmal> {
        use crate::web::idempotenz::{self, Anspruch};
        use axum::response::IntoResponse;
        let key = self.feld(idempotenz::FIELD).filter(|k| idempotenz::gueltig(k)).map_or_else(idempotenz::neuer_schluessel, str::to_owned);
        match idempotenz::beanspruchen(&state.db.writer, account, &key, state.now(), std::time::Duration::from_secs(20)).await? {
            Anspruch::Neu => Ok(Einmal::Neu(key)),
            Anspruch::Erledigt(ziel) => {
                self.verwerfen(&state.ablage).await;
                Ok(Einmal::Beantwortet(axum::response::Redirect::to(&ziel).into_response()))
            }
            Anspruch::Laeuft => {
                self.verwerfen(&state.ablage).await;
                Ok(Einmal::Beantwortet(crate::web::error::ErrorPage::Laeuft.response(axum::http::StatusCode::CONFLICT)))
            }
        }
    }

    /// The values of every field called `name` (checkboxes of one name).
    pub fn alle(&self, name: &str) -> Vec<String> {
        self.felder.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
}

/// A client's file name made safe to store and show: no path, no control
/// or bidirectional-override characters, at most 120 characters; empty
/// becomes "Datei-<n>.<ext>".
pub fn dateiname(roh: &str, n: usize, art: Option<Art>) -> String {
    let basis = roh.rsplit(['/', '\\']).next().unwrap_or("");
    let sauber: String = basis
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let sauber = sauber.trim().trim_start_matches('.').trim();
    if sauber.is_empty() {
        return format!("Datei-{n}.{}", art.map_or("bin", Art::endung));
    }
    if sauber.chars().count() <= 120 {
        return sauber.to_owned();
    }
    // Keep the extension when shortening.
    let ext: String = sauber.rsplit_once('.').map(|(_, e)| e).filter(|e| e.len() <= 5).map(|e| format!(".{e}")).unwrap_or_default();
    let kopf: String = sauber.chars().take(120 - ext.chars().count()).collect();
    format!("{kopf}{ext}")
}

/// Reads the whole form. Never fails for bad input: every refusal is in
/// [`Eingang::fehler`], with the files accepted so far stored (the caller
/// deletes them when there is any refusal).
pub async fn lesen(ablage: &ablage::Ablage, grenzen: UploadLimits, mut form: Multipart) -> anyhow::Result<Eingang> {
    let mut eingang = Eingang::default();
    let mut gesamt: u64 = 0;
    let mut texte = 0;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                tracing::info!(error = %e, "upload form unreadable");
                eingang.fehler.push(Fehler::Formular);
                break;
            }
        };
        let name = field.name().unwrap_or("").to_owned();
        if field.file_name().is_none() {
            texte += 1;
            if texte > MAX_TEXT_PARTS {
                eingang.fehler.push(Fehler::Formular);
                break;
            }
            match text(field).await {
                Some(v) => eingang.felder.push((name, v)),
                None => {
                    eingang.fehler.push(Fehler::Formular);
                    break;
                }
            }
            continue;
        }
        let roh_name = field.file_name().unwrap_or("").to_owned();
        let feldname = name.clone();
        let n = eingang.dateien.len() + eingang.fehler.len() + 1;
        if n > grenzen.max_files {
            // One message for the sending, not one per extra file.
            if !eingang.fehler.contains(&Fehler::ZuVieleDateien) {
                eingang.fehler.push(Fehler::ZuVieleDateien);
            }
            if eingang.fehler.len() > grenzen.max_files + 2 {
                break;
            }
            continue;
        }
        match datei(ablage, grenzen, field, &mut gesamt).await? {
            // An empty file input sends one part with no name and no bytes.
            Ergebnis::Leer if roh_name.is_empty() => {}
            Ergebnis::Leer => eingang.fehler.push(Fehler::Datei { name: dateiname(&roh_name, n, None), ablehnung: Ablehnung::Leer }),
            Ergebnis::Gespeichert(befund, gespeichert) => {
                let name = dateiname(&roh_name, n, Some(befund.art));
                eingang.dateien.push(Datei { name, feld: feldname, befund, gespeichert });
            }
            Ergebnis::Abgelehnt(ablehnung) => eingang.fehler.push(Fehler::Datei { name: dateiname(&roh_name, n, None), ablehnung }),
            Ergebnis::SendungZuGross => {
                eingang.fehler.push(Fehler::SendungZuGross);
                break;
            }
            Ergebnis::Abgebrochen => {
                eingang.fehler.push(Fehler::Formular);
                break;
            }
        }
    }
    Ok(eingang)
}

async fn text(mut field: Field<'_>) -> Option<String> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.chunk().await.ok()? {
        buf.extend_from_slice(&chunk);
        if buf.len() > MAX_TEXT_BYTES {
            return None;
        }
    }
    String::from_utf8(buf).ok()
}

enum Ergebnis {
    Leer,
    Gespeichert(Befund, ablage::Gespeichert),
    Abgelehnt(Ablehnung),
    SendungZuGross,
    /// The body ended early or broke (a lying Content-Length, a limit).
    Abgebrochen,
}

/// Bytes of a file collected before they are checked and sealed on a
/// blocking thread: one hand-off per batch, not per chunk of the body.
const STAPEL: usize = 128 * 1024;

/// Streams one file part into the checker and the storage writer. Both run
/// batch by batch on a blocking thread, so the async workers only move the
/// body and a sending uses every core.
async fn datei(ablage: &ablage::Ablage, grenzen: UploadLimits, mut field: Field<'_>, gesamt: &mut u64) -> anyhow::Result<Ergebnis> {
    // The storage writer hashes every byte; the checker need not do it again.
    let mut pruefer = Some(Pruefer::ohne_pruefsumme(Grenzen { max_bytes: grenzen.max_file, max_bild_speicher: grenzen.image_memory }));
    let mut schreiber = None;
    let mut ablehnung = None;
    let mut bytes: u64 = 0;
    let (mut stapel, mut stapel_len) = (Vec::new(), 0);
    loop {
        let chunk = match field.chunk().await {
            Ok(c) => c,
            Err(e) => {
                tracing::info!(error = %e, "upload body ended early");
                if let Some(s) = schreiber.take() {
                    ablage::Schreiber::abbrechen(s).await;
                }
                return Ok(Ergebnis::Abgebrochen);
            }
        };
        let ende = chunk.is_none();
        if let Some(chunk) = chunk {
            bytes += chunk.len() as u64;
            *gesamt += chunk.len() as u64;
            if *gesamt > grenzen.max_total {
                if let Some(s) = schreiber.take() {
                    ablage::Schreiber::abbrechen(s).await;
                }
                return Ok(Ergebnis::SendungZuGross);
            }
            // Once refused, the rest of the part is read without keeping it.
            if ablehnung.is_none() {
                stapel_len += chunk.len();
                stapel.push(chunk);
            }
        }
        if stapel_len >= STAPEL || (ende && stapel_len > 0) {
            let s = match &mut schreiber {
                Some(s) => s,
                None => schreiber.insert(ablage.schreiber(&ablage.neuer_schluessel("uploads")).await?),
            };
            let mut p = pruefer.take().expect("kept until a refusal");
            let geprueft = s
                .schreiben_geprueft(std::mem::take(&mut stapel), move |teile| teile.iter().try_for_each(|t| p.feed(t)).map(|()| p))
                .await?;
            stapel_len = 0;
            match geprueft {
                Ok(p) => pruefer = Some(p),
                Err(a) => {
                    ablehnung = Some(a);
                    if let Some(s) = schreiber.take() {
                        ablage::Schreiber::abbrechen(s).await;
                    }
                }
            }
        }
        if ende {
            break;
        }
    }
    if let Some(a) = ablehnung {
        return Ok(Ergebnis::Abgelehnt(a));
    }
    if bytes == 0 {
        return Ok(Ergebnis::Leer);
    }
    let befund = match pruefer.expect("kept until a refusal").finish() {
        Ok(b) => b,
        Err(a) => {
            if let Some(s) = schreiber.take() {
                ablage::Schreiber::abbrechen(s).await;
            }
            return Ok(Ergebnis::Abgelehnt(a));
        }
    };
    let Some(s) = schreiber else { return Ok(Ergebnis::Leer) };
    let gespeichert = s.fertig().await?;
    Ok(Ergebnis::Gespeichert(befund, gespeichert))
}

#[cfg(test)]
mod tests {
    use super::dateiname;

    #[test]
    fn file_names_lose_paths_controls_and_bidi_overrides() {
        assert_eq!(dateiname("../../etc/passwd", 1, None), "passwd");
        assert_eq!(dateiname("C:\\Users\\x\\Scan.pdf", 1, None), "Scan.pdf");
        assert_eq!(dateiname("rechnung\u{202e}fdp.exe", 1, None), "rechnungfdp.exe");
        assert_eq!(dateiname("a\u{0}b.pdf", 1, None), "ab.pdf");
        assert_eq!(dateiname("", 3, Some(dokumente::pruefung::Art::Png)), "Datei-3.png");
        let lang = format!("{}.pdf", "x".repeat(300));
        let kurz = dateiname(&lang, 1, None);
        assert_eq!(kurz.chars().count(), 120);
        assert!(kurz.ends_with(".pdf"));
    }
}
