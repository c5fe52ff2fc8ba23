//! Document storage: objects in a local directory or an S3-compatible
//! service, encrypted before they leave the process, streamed in both
//! directions.
//!
//! Rules the application relies on (DESIGN §2, §6 "Storage"):
//!
//! - Every object is encrypted with its own random data key (AES-256-GCM in
//!   64 KiB segments, the STREAM construction, see [`format`]); the data key
//!   is wrapped with the current master key and returned as the *envelope*
//!   ([`Gespeichert::umschlag`]), which the application stores in its row.
//!   Without the envelope and the master key the object is noise; any
//!   changed, reordered, dropped or cut-off byte makes reading fail.
//! - Content is never held whole in memory: a writer holds about one segment
//!   plus one upload part, a reader about one segment.
//! - Write the object *before* the database row, outside any transaction;
//!   objects that no row references are swept with [`Ablage::liste`] and
//!   [`Ablage::loeschen`] after a grace period.
//! - Master keys rotate without re-encrypting content: keep the old key in
//!   the [`Schluesselbund`] and move envelopes with [`Ablage::umschluesseln`].

#![warn(missing_docs)]

mod fehler;
pub mod format;
mod leser;
mod schluesselbund;
mod schreiber;
pub mod testumgebung;

use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::{self, Stream, StreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{GetResultPayload, ObjectStore, ObjectStoreExt};

pub use fehler::AblageFehler;
pub use schluesselbund::Schluesselbund;
pub use schreiber::Schreiber;

use leser::Leser;
use schreiber::Teile;

/// Where the objects go, from configuration.
#[derive(Clone)]
pub enum Ziel {
    /// A local directory (created if missing): the default for one node.
    Verzeichnis(PathBuf),
    /// An S3-compatible service.
    S3 {
        /// Endpoint URL for services other than AWS (e.g.
        /// `http://127.0.0.1:9000`); `None` for AWS itself.
        endpoint: Option<String>,
        /// The bucket, which must exist.
        bucket: String,
        /// The region (any value for most S3-compatible services).
        region: String,
        /// Access key id.
        access_key_id: String,
        /// Secret access key.
        secret_access_key: String,
        /// Allows `http://` endpoints (tests, a service on a private network).
        allow_http: bool,
    },
}

impl std::fmt::Debug for Ziel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Verzeichnis(pfad) => f.debug_tuple("Verzeichnis").field(pfad).finish(),
            Self::S3 { endpoint, bucket, region, access_key_id, allow_http, .. } => f
                .debug_struct("S3")
                .field("endpoint", endpoint)
                .field("bucket", bucket)
                .field("region", region)
                .field("access_key_id", access_key_id)
                .field("secret_access_key", &"<redacted>")
                .field("allow_http", allow_http)
                .finish(),
        }
    }
}

/// What a finished upload returns: everything the database row needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gespeichert {
    /// The object key (path in the store).
    pub schluessel: String,
    /// The wrapped data key, `"<key id>:<base64>"`, bound to the object key.
    pub umschlag: String,
    /// Size of the plaintext in bytes.
    pub bytes: u64,
    /// SHA-256 of the plaintext, lower-case hex.
    pub sha256: String,
}

/// The document storage. Cheap to clone (an `Arc` inside); one per process.
#[derive(Clone)]
pub struct Ablage {
    innen: Arc<Innen>,
}

struct Innen {
    speicher: Arc<dyn ObjectStore>,
    schluessel: Schluesselbund,
    teile: Teile,
    /// The local directory, if that is the target (for unfinished uploads).
    verzeichnis: Option<PathBuf>,
    /// Batches sealed on blocking threads at once: one per core. More would
    /// not be faster, and every further thread that allocates grows the
    /// allocator's per-thread heaps (20 uploads at once: +50 MiB).
    versiegeln: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for Ablage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ablage").field("speicher", &self.innen.speicher.to_string()).field("schluessel", &self.innen.schluessel).finish()
    }
}

/// Local directory: small parts keep memory low with many uploads at once
/// (20 concurrent uploads must stay well under 64 MiB); one part writes
/// while the next is encrypted.
const TEILE_VERZEICHNIS: Teile = Teile { groesse: 256 * 1024, max_unterwegs: 1 };
/// S3: 5 MiB is the minimum part size; two parts in flight overlap network
/// latency with encryption at about 15 MiB per upload.
const TEILE_S3: Teile = Teile { groesse: 5 * 1024 * 1024, max_unterwegs: 2 };

impl Ablage {
    /// Opens the storage. A local directory is created if missing; for S3 no
    /// request is made yet (a missing bucket shows on the first upload).
    ///
    /// For S3 over `https://` this installs rustls' `ring` provider as the
    /// process default unless the process already chose one.
    pub fn oeffnen(ziel: Ziel, schluessel: Schluesselbund) -> Result<Self, AblageFehler> {
        schluessel.pruefen()?;
        let verzeichnis = match &ziel {
            Ziel::Verzeichnis(pfad) => Some(pfad.clone()),
            Ziel::S3 { .. } => None,
        };
        let (speicher, teile): (Arc<dyn ObjectStore>, Teile) = match ziel {
            Ziel::Verzeichnis(pfad) => {
                std::fs::create_dir_all(&pfad)
                    .map_err(|e| AblageFehler::Konfiguration(format!("cannot create {}: {e}", pfad.display())))?;
                // fsync: a row may point at the object right after this
                // returns, so the object must survive a crash like on S3.
                let lokal = LocalFileSystem::new_with_prefix(&pfad)?.with_automatic_cleanup(true).with_fsync(true);
                (Arc::new(lokal), TEILE_VERZEICHNIS)
            }
            Ziel::S3 { endpoint, bucket, region, access_key_id, secret_access_key, allow_http } => {
                // An Err only says another provider is already installed.
                let _ = rustls::crypto::ring::default_provider().install_default();
                let mut s3 = AmazonS3Builder::new()
                    .with_bucket_name(bucket)
                    .with_region(region)
                    .with_access_key_id(access_key_id)
                    .with_secret_access_key(secret_access_key)
                    .with_allow_http(allow_http);
                if let Some(endpoint) = endpoint {
                    s3 = s3.with_endpoint(endpoint);
                }
                (Arc::new(s3.build()?), TEILE_S3)
            }
        };
        let kerne = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        let versiegeln = Arc::new(tokio::sync::Semaphore::new(kerne));
        Ok(Self { innen: Arc::new(Innen { speicher, schluessel, teile, verzeichnis, versiegeln }) })
    }

    /// Removes the unfinished uploads a killed process left behind in a
    /// local directory: object_store stages a file as `<key>#<n>` until it
    /// is complete, and [`Ablage::liste`] does not show such files, so the
    /// sweep of unreferenced objects never sees them. Files last modified
    /// before `vor` (unix seconds) go; returns how many. On S3 incomplete
    /// multipart uploads are left to the bucket's lifecycle rule.
    pub fn unfertige_entfernen(&self, vor: i64) -> Result<u64, AblageFehler> {
        let Some(wurzel) = &self.innen.verzeichnis else { return Ok(0) };
        let mut entfernt = 0;
        let mut offen = vec![wurzel.clone()];
        while let Some(dir) = offen.pop() {
            let eintraege = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(AblageFehler::Konfiguration(format!("cannot read {}: {e}", dir.display()))),
            };
            for eintrag in eintraege.flatten() {
                let pfad = eintrag.path();
                let Ok(meta) = eintrag.metadata() else { continue };
                if meta.is_dir() {
                    offen.push(pfad);
                    continue;
                }
                let name = eintrag.file_name();
                let unfertig = name
                    .to_str()
                    .and_then(|n| n.rsplit_once('#'))
                    .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let geaendert = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(i64::MAX, |d| d.as_secs() as i64);
                if unfertig && geaendert < vor && std::fs::remove_file(&pfad).is_ok() {
                    entfernt += 1;
                }
            }
        }
        Ok(entfernt)
    }

    /// A fresh object key under `praefix`: `<praefix>/<year>/<month>/<uuidv7>`
    /// (UTC), so that keys sort by time and directories stay small.
    pub fn neuer_schluessel(&self, praefix: &str) -> String {
        let jetzt = chrono::Utc::now();
        format!("{}/{}/{}", praefix.trim_end_matches('/'), jetzt.format("%Y/%m"), uuid::Uuid::now_v7())
    }

    /// Starts writing the object `schluessel` (overwriting an object of the
    /// same key when finished: use [`Ablage::neuer_schluessel`]).
    pub async fn schreiber(&self, schluessel: &str) -> Result<Schreiber, AblageFehler> {
        let pfad = pfad(schluessel)?;
        let dek: [u8; 32] = zufall();
        let umschlag = self.innen.schluessel.einpacken(pfad.as_ref(), &dek);
        let (kopf, verschluesseler) = format::neu(&dek);
        Ok(Schreiber::neu(
            Arc::clone(&self.innen.speicher),
            Arc::clone(&self.innen.versiegeln),
            pfad,
            umschlag,
            self.innen.teile,
            kopf,
            verschluesseler,
        ))
    }

    /// Stores everything `quelle` yields under `schluessel`; on an error of
    /// the source or the store nothing remains.
    pub async fn speichern_aus<S, E>(&self, schluessel: &str, quelle: S) -> Result<Gespeichert, AblageFehler>
    where
        S: Stream<Item = Result<Bytes, E>>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let mut schreiber = self.schreiber(schluessel).await?;
        let mut quelle = std::pin::pin!(quelle);
        while let Some(stueck) = quelle.next().await {
            let geschrieben = match stueck {
                Ok(stueck) => schreiber.schreiben(&stueck).await,
                Err(e) => Err(AblageFehler::Quelle(e.into())),
            };
            if let Err(fehler) = geschrieben {
                schreiber.abbrechen().await;
                return Err(fehler);
            }
        }
        schreiber.fertig().await
    }

    /// Reads the object back, decrypted, segment by segment.
    ///
    /// The envelope is opened and the first segment checked before this
    /// returns, so a wrong envelope, a missing object or a damaged header
    /// is an `Err` here (before a response starts); damage further in
    /// ends the stream with [`AblageFehler::Beschaedigt`].
    pub async fn lesen(
        &self,
        schluessel: &str,
        umschlag: &str,
    ) -> Result<impl Stream<Item = Result<Bytes, AblageFehler>> + Send + 'static + use<>, AblageFehler> {
        let pfad = pfad(schluessel)?;
        let dek = self.innen.schluessel.auspacken(pfad.as_ref(), umschlag)?;
        let gelesen = match self.innen.speicher.get(&pfad).await {
            Ok(gelesen) => gelesen,
            Err(object_store::Error::NotFound { .. }) => {
                return Err(AblageFehler::NichtGefunden(schluessel.to_owned()));
            }
            Err(e) => return Err(e.into()),
        };
        let quelle = match gelesen.payload {
            GetResultPayload::Stream(s) => s,
            datei @ GetResultPayload::File(..) => object_store::GetResult { payload: datei, ..gelesen }.into_stream(),
        };
        let mut leser = Leser::neu(quelle, dek);
        let erstes = leser.naechstes().await?;
        let rest = stream::try_unfold(leser, |mut leser| async move { Ok(leser.naechstes().await?.map(|segment| (segment, leser))) });
        Ok(stream::iter(erstes.map(Ok)).chain(rest))
    }

    /// Deletes the object; deleting a missing object succeeds.
    pub async fn loeschen(&self, schluessel: &str) -> Result<(), AblageFehler> {
        match self.innen.speicher.delete(&pfad(schluessel)?).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Every object under `praefix` (whole path segments: `"uploads"` finds
    /// `uploads/…`, not `uploads2/…`; `""` lists all) with its last-modified
    /// time in unix seconds, for the sweep of unreferenced objects.
    /// Unfinished uploads are not listed.
    pub fn liste(&self, praefix: &str) -> impl Stream<Item = Result<(String, i64), AblageFehler>> + Send + 'static + use<> {
        let praefix = match praefix.trim_end_matches('/') {
            "" => Ok(None),
            p => pfad(p).map(Some),
        };
        match praefix {
            Ok(praefix) => self
                .innen
                .speicher
                .list(praefix.as_ref())
                .map(|meta| {
                    let meta = meta?;
                    Ok((meta.location.to_string(), meta.last_modified.timestamp()))
                })
                .left_stream(),
            Err(e) => stream::once(async { Err(e) }).right_stream(),
        }
    }

    /// Re-wraps the object's data key with the current master key (opening
    /// the envelope with whichever known key it names) and returns the new
    /// envelope to store in the row. The object itself is not touched.
    pub fn umschluesseln(&self, schluessel: &str, umschlag: &str) -> Result<String, AblageFehler> {
        let pfad = pfad(schluessel)?;
        let dek = self.innen.schluessel.auspacken(pfad.as_ref(), umschlag)?;
        Ok(self.innen.schluessel.einpacken(pfad.as_ref(), &dek))
    }

    /// The master key id an envelope was made with (to find envelopes that
    /// still need [`Ablage::umschluesseln`]).
    pub fn schluessel_id(umschlag: &str) -> &str {
        umschlag.split_once(':').map_or(umschlag, |(id, _)| id)
    }

    /// The id of the master key new envelopes are made with.
    pub fn aktuelle_schluessel_id(&self) -> &str {
        self.innen.schluessel.aktuell_id()
    }

    /// The underlying object store, for tests that tamper with stored bytes.
    #[doc(hidden)]
    pub fn objektspeicher(&self) -> Arc<dyn ObjectStore> {
        Arc::clone(&self.innen.speicher)
    }
}

// Web handlers hold these futures across awaits on a multi-threaded runtime:
// they must stay `Send` (checked at compile time).
const _: () = {
    fn send<T: Send>(_: T) {}
    #[expect(dead_code, reason = "a compile-time check, never called")]
    fn futures_sind_send(a: &Ablage, s: &mut Schreiber) {
        send(a.schreiber("x"));
        send(a.lesen("x", "y"));
        send(a.loeschen("x"));
        send(a.liste("x"));
        send(s.schreiben(b""));
    }
    #[expect(dead_code, reason = "a compile-time check, never called")]
    fn abschluss_ist_send(s: Schreiber) {
        send(s.fertig());
    }
};

/// An object key as a store path; rejects what would be normalised away.
fn pfad(schluessel: &str) -> Result<Path, AblageFehler> {
    let ungueltig = || AblageFehler::UngueltigerSchluessel(schluessel.to_owned());
    let pfad = Path::parse(schluessel).map_err(|_| ungueltig())?;
    if pfad.as_ref() != schluessel || schluessel.is_empty() {
        return Err(ungueltig());
    }
    Ok(pfad)
}

/// `N` bytes from the operating system's CSPRNG.
pub(crate) fn zufall<const N: usize>() -> [u8; N] {
    let mut puffer = [0u8; N];
    getrandom::fill(&mut puffer).expect("the operating system's random source failed");
    puffer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_a_store_would_rewrite_are_refused() {
        assert!(pfad("uploads/2026/12/abc").is_ok());
        for schlecht in ["", "/a", "a/", "a//b", "a/../b", "a/./b", "a/\u{7}"] {
            assert!(pfad(schlecht).is_err(), "{schlecht:?} accepted");
        }
    }

    #[test]
    fn the_key_id_is_read_from_an_envelope() {
        assert_eq!(Ablage::schluessel_id("k7:AAAA"), "k7");
        assert_eq!(Ablage::schluessel_id("kaputt"), "kaputt");
    }
}
