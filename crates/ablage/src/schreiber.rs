//! Writing one object: encrypt segment by segment, upload part by part.
//!
//! Memory per writer stays bounded whatever the file size: one segment being
//! filled, one upload part being collected, and at most `max_unterwegs` parts
//! in flight. Small objects (below one part) go up with a single PUT; larger
//! ones as a multipart upload, started when the first part is full.

use std::collections::VecDeque;
use std::mem;
use std::sync::Arc;

use aead::stream::EncryptorBE32;
use aes_gcm::Aes256Gcm;
use bytes::{Bytes, BytesMut};
use object_store::path::Path;
use object_store::{MultipartUpload, ObjectStore, ObjectStoreExt, PutPayload};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use crate::format::{SEGMENT, TAG};
use crate::{AblageFehler, Gespeichert};

/// How a target takes uploads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Teile {
    /// Bytes collected before a part is sent (S3: at least 5 MiB).
    pub groesse: usize,
    /// Parts uploading at once; the writer waits before starting another.
    pub max_unterwegs: usize,
}

/// An upload in progress, from [`crate::Ablage::schreiber`].
///
/// Feed the content with [`Schreiber::schreiben`] in chunks of any size, then
/// call [`Schreiber::fertig`] (the object appears) or [`Schreiber::abbrechen`]
/// (nothing remains). A writer dropped without either aborts its upload in
/// the background, so a client that disconnects mid-upload leaves no object.
pub struct Schreiber {
    speicher: Arc<dyn ObjectStore>,
    /// Shared by the writers of one [`crate::Ablage`]: a permit per batch
    /// sealed on a blocking thread.
    versiegeln: Arc<Semaphore>,
    pfad: Path,
    umschlag: String,
    teile: Teile,
    /// The CPU side (hashing and sealing); `None` while a batch is being
    /// sealed on a blocking thread, and for good after it failed.
    versiegler: Option<Versiegler>,
    hochladen: Option<Box<dyn MultipartUpload>>,
    unterwegs: VecDeque<(usize, JoinHandle<object_store::Result<()>>)>,
    defekt: bool,
}

/// Hashes the plaintext and seals it segment by segment into the part being
/// collected. Synchronous: it runs inline or on a blocking thread.
struct Versiegler {
    /// The header: the first bytes of the object and the associated data of
    /// every segment.
    kopf: Bytes,
    verschluesseler: EncryptorBE32<Aes256Gcm>,
    /// Plaintext of the segment being filled (capacity for its tag).
    segment: BytesMut,
    sha256: Sha256,
    bytes: u64,
    /// Sealed segments of the part being collected.
    teil: Vec<Bytes>,
    teil_len: usize,
    /// Empty segment buffers, allocated on the async side before a batch
    /// goes to a blocking thread: memory allocated there would stay in
    /// that thread's allocator heap (mimalloc), one heap per pool thread.
    vorrat: Vec<BytesMut>,
}

impl Versiegler {
    fn schreiben(&mut self, chunk: &[u8]) -> Result<(), AblageFehler> {
        self.sha256.update(chunk);
        self.bytes += chunk.len() as u64;
        let mut rest = chunk;
        while !rest.is_empty() {
            // A full segment is sealed only once more data arrives: until
            // then it may be the last one, which is sealed differently.
            if self.segment.len() == SEGMENT {
                let neu = self.vorrat.pop().unwrap_or_else(|| BytesMut::with_capacity(SEGMENT + TAG));
                let mut segment = mem::replace(&mut self.segment, neu);
                self.verschluesseler.encrypt_next_in_place(&self.kopf, &mut segment).map_err(|_| AblageFehler::SchreiberDefekt)?;
                self.teil_len += segment.len();
                self.teil.push(segment.freeze());
            }
            let n = rest.len().min(SEGMENT - self.segment.len());
            self.segment.extend_from_slice(&rest[..n]);
            rest = &rest[n..];
        }
        Ok(())
    }

    /// Seals the last segment: the last part, the plaintext's SHA-256 (hex)
    /// and length.
    fn abschliessen(self) -> Result<(PutPayload, usize, String, u64), AblageFehler> {
        let Self { kopf, verschluesseler, mut segment, sha256, bytes, mut teil, teil_len, .. } = self;
        verschluesseler.encrypt_last_in_place(&kopf, &mut segment).map_err(|_| AblageFehler::SchreiberDefekt)?;
        let len = teil_len + segment.len();
        teil.push(segment.freeze());
        Ok((teil.into_iter().collect(), len, hex::encode(sha256.finalize()), bytes))
    }

    /// Enough empty segments for `n` more bytes.
    fn vorrat_fuellen(&mut self, n: usize) {
        let noetig = (self.segment.len() + n) / SEGMENT;
        while self.vorrat.len() < noetig {
            self.vorrat.push(BytesMut::with_capacity(SEGMENT + TAG));
        }
    }

    fn teil_nehmen(&mut self) -> (PutPayload, usize) {
        (mem::take(&mut self.teil).into_iter().collect(), mem::take(&mut self.teil_len))
    }
}

impl std::fmt::Debug for Schreiber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schreiber")
            .field("pfad", &self.pfad.as_ref())
            .field("bytes", &self.versiegler.as_ref().map(|v| v.bytes))
            .field("multipart", &self.hochladen.is_some())
            .finish_non_exhaustive()
    }
}

impl Schreiber {
    pub(crate) fn neu(
        speicher: Arc<dyn ObjectStore>,
        versiegeln: Arc<Semaphore>,
        pfad: Path,
        umschlag: String,
        teile: Teile,
        kopf: Bytes,
        verschluesseler: EncryptorBE32<Aes256Gcm>,
    ) -> Self {
        let teil_len = kopf.len();
        Self {
            speicher,
            versiegeln,
            pfad,
            umschlag,
            teile,
            versiegler: Some(Versiegler {
                teil: vec![kopf.clone()],
                kopf,
                verschluesseler,
                segment: BytesMut::with_capacity(SEGMENT + TAG),
                sha256: Sha256::new(),
                bytes: 0,
                teil_len,
                vorrat: Vec::new(),
            }),
            hochladen: None,
            unterwegs: VecDeque::new(),
            defekt: false,
        }
    }

    /// Appends `chunk` to the object, hashing and sealing on the calling
    /// thread. After an error the writer is unusable
    /// ([`AblageFehler::SchreiberDefekt`]); call [`Schreiber::abbrechen`].
    pub async fn schreiben(&mut self, chunk: &[u8]) -> Result<(), AblageFehler> {
        let ergebnis = match self.versiegler_nehmen() {
            Ok(mut v) => v.schreiben(chunk).map(|()| v),
            Err(e) => Err(e),
        };
        self.weiter(ergebnis).await
    }

    /// Appends `stapel` to the object, hashing and sealing on a blocking
    /// thread (they are CPU work that would otherwise hold an async worker
    /// while other requests wait). `pruefen` sees the chunks first, on the
    /// same thread; when it refuses (`Err`), nothing of `stapel` is written
    /// and the refusal is returned as `Ok(Err(_))`.
    pub async fn schreiben_geprueft<T, E>(
        &mut self,
        stapel: Vec<Bytes>,
        pruefen: impl FnOnce(&[Bytes]) -> Result<T, E> + Send + 'static,
    ) -> Result<Result<T, E>, AblageFehler>
    where
        T: Send + 'static,
        E: Send + 'static,
    {
        let erlaubnis = Arc::clone(&self.versiegeln).acquire_owned().await.map_err(|_| AblageFehler::SchreiberDefekt)?;
        let mut v = self.versiegler_nehmen()?;
        v.vorrat_fuellen(stapel.iter().map(Bytes::len).sum());
        let gelaufen = tokio::task::spawn_blocking(move || {
            let _erlaubnis = erlaubnis;
            let geprueft = pruefen(&stapel);
            let geschrieben = match geprueft {
                Ok(_) => stapel.iter().try_for_each(|c| v.schreiben(c)),
                Err(_) => Ok(()),
            };
            (v, geprueft, geschrieben)
        })
        .await;
        let Ok((v, geprueft, geschrieben)) = gelaufen else {
            self.defekt = true;
            return Err(AblageFehler::SchreiberDefekt);
        };
        self.weiter(geschrieben.map(|()| v)).await?;
        Ok(geprueft)
    }

    fn versiegler_nehmen(&mut self) -> Result<Versiegler, AblageFehler> {
        match self.versiegler.take() {
            Some(v) if !self.defekt => Ok(v),
            _ => {
                self.defekt = true;
                Err(AblageFehler::SchreiberDefekt)
            }
        }
    }

    /// Takes the versiegler back after a write and sends the part once it
    /// is full.
    async fn weiter(&mut self, ergebnis: Result<Versiegler, AblageFehler>) -> Result<(), AblageFehler> {
        let mut v = ergebnis.inspect_err(|_| self.defekt = true)?;
        let voll = (v.teil_len >= self.teile.groesse).then(|| v.teil_nehmen());
        self.versiegler = Some(v);
        if let Some((teil, len)) = voll {
            self.teil_senden(teil, len).await.inspect_err(|_| self.defekt = true)?;
        }
        Ok(())
    }

    async fn teil_senden(&mut self, teil: PutPayload, len: usize) -> Result<(), AblageFehler> {
        if self.hochladen.is_none() {
            self.hochladen = Some(self.speicher.put_multipart(&self.pfad).await?);
        }
        while self.unterwegs.len() >= self.teile.max_unterwegs.max(1) {
            let (_, laeuft) = self.unterwegs.pop_front().expect("not empty");
            abwarten(laeuft).await?;
        }
        let hochladen = self.hochladen.as_mut().expect("started above");
        self.unterwegs.push_back((len, tokio::spawn(hochladen.put_part(teil))));
        Ok(())
    }

    /// Seals the last segment, completes the upload and returns what the
    /// database row needs. Only now does the object exist under its key.
    pub async fn fertig(mut self) -> Result<Gespeichert, AblageFehler> {
        // On an error below, `Drop` aborts the multipart upload.
        let (teil, len, sha256, bytes) = self.versiegler_nehmen()?.abschliessen()?;
        if self.hochladen.is_none() {
            self.speicher.put(&self.pfad, teil).await?;
        } else {
            self.teil_senden(teil, len).await?;
            while let Some((_, laeuft)) = self.unterwegs.pop_front() {
                abwarten(laeuft).await?;
            }
            let mut hochladen = self.hochladen.take().expect("multipart started");
            if let Err(e) = hochladen.complete().await {
                self.hochladen = Some(hochladen);
                return Err(e.into());
            }
        }
        Ok(Gespeichert { schluessel: self.pfad.to_string(), umschlag: mem::take(&mut self.umschlag), bytes, sha256 })
    }

    /// Drops the upload: no object appears, uploaded parts are discarded.
    /// A failure to clean up is logged (S3 buckets should also carry a
    /// lifecycle rule that aborts incomplete multipart uploads).
    pub async fn abbrechen(mut self) {
        for (_, laeuft) in self.unterwegs.drain(..) {
            laeuft.abort();
        }
        if let Some(mut hochladen) = self.hochladen.take()
            && let Err(fehler) = hochladen.abort().await
        {
            tracing::warn!(schluessel = %self.pfad, error = %fehler, "aborting an upload failed");
        }
    }

    /// Bytes this writer holds: the segment being filled, the part being
    /// collected and the parts in flight. For the memory test.
    #[doc(hidden)]
    pub fn gepuffert(&self) -> usize {
        let v = self.versiegler.as_ref().map_or(0, |v| v.segment.capacity() + v.teil_len);
        v + self.unterwegs.iter().map(|(n, _)| n).sum::<usize>()
    }
}

impl Drop for Schreiber {
    fn drop(&mut self) {
        for (_, laeuft) in self.unterwegs.drain(..) {
            laeuft.abort();
        }
        if let Some(mut hochladen) = self.hochladen.take()
            && let Ok(laufzeit) = tokio::runtime::Handle::try_current()
        {
            let pfad = mem::take(&mut self.pfad);
            laufzeit.spawn(async move {
                if let Err(fehler) = hochladen.abort().await {
                    tracing::warn!(schluessel = %pfad, error = %fehler, "aborting an abandoned upload failed");
                }
            });
        }
    }
}

async fn abwarten(laeuft: JoinHandle<object_store::Result<()>>) -> Result<(), AblageFehler> {
    match laeuft.await {
        Ok(ergebnis) => Ok(ergebnis?),
        Err(source) => Err(object_store::Error::JoinError { source }.into()),
    }
}
