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
    pfad: Path,
    umschlag: String,
    teile: Teile,
    /// The header: the first bytes of the object and the associated data of
    /// every segment.
    kopf: Bytes,
    verschluesseler: Option<EncryptorBE32<Aes256Gcm>>,
    /// Plaintext of the segment being filled (capacity for its tag).
    segment: BytesMut,
    sha256: Sha256,
    bytes: u64,
    /// Sealed segments of the part being collected.
    teil: Vec<Bytes>,
    teil_len: usize,
    hochladen: Option<Box<dyn MultipartUpload>>,
    unterwegs: VecDeque<(usize, JoinHandle<object_store::Result<()>>)>,
    defekt: bool,
}

impl std::fmt::Debug for Schreiber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schreiber")
            .field("pfad", &self.pfad.as_ref())
            .field("bytes", &self.bytes)
            .field("multipart", &self.hochladen.is_some())
            .finish_non_exhaustive()
    }
}

impl Schreiber {
    pub(crate) fn neu(
        speicher: Arc<dyn ObjectStore>,
        pfad: Path,
        umschlag: String,
        teile: Teile,
        kopf: Bytes,
        verschluesseler: EncryptorBE32<Aes256Gcm>,
    ) -> Self {
        let teil_len = kopf.len();
        Self {
            speicher,
            pfad,
            umschlag,
            teile,
            teil: vec![kopf.clone()],
            kopf,
            verschluesseler: Some(verschluesseler),
            segment: BytesMut::with_capacity(SEGMENT + TAG),
            sha256: Sha256::new(),
            bytes: 0,
            teil_len,
            hochladen: None,
            unterwegs: VecDeque::new(),
            defekt: false,
        }
    }

    /// Appends `chunk` to the object. After an error the writer is unusable
    /// ([`AblageFehler::SchreiberDefekt`]); call [`Schreiber::abbrechen`].
    pub async fn schreiben(&mut self, chunk: &[u8]) -> Result<(), AblageFehler> {
        if self.defekt {
            return Err(AblageFehler::SchreiberDefekt);
        }
        let ergebnis = self.schreiben_innen(chunk).await;
        self.defekt = ergebnis.is_err();
        ergebnis
    }

    async fn schreiben_innen(&mut self, chunk: &[u8]) -> Result<(), AblageFehler> {
        self.sha256.update(chunk);
        self.bytes += chunk.len() as u64;
        let mut rest = chunk;
        while !rest.is_empty() {
            // A full segment is sealed only once more data arrives: until
            // then it may be the last one, which is sealed differently.
            if self.segment.len() == SEGMENT {
                self.segment_versiegeln().await?;
            }
            let n = rest.len().min(SEGMENT - self.segment.len());
            self.segment.extend_from_slice(&rest[..n]);
            rest = &rest[n..];
        }
        Ok(())
    }

    async fn segment_versiegeln(&mut self) -> Result<(), AblageFehler> {
        let mut segment = mem::replace(&mut self.segment, BytesMut::with_capacity(SEGMENT + TAG));
        self.verschluesseler
            .as_mut()
            .ok_or(AblageFehler::SchreiberDefekt)?
            .encrypt_next_in_place(&self.kopf, &mut segment)
            .map_err(|_| AblageFehler::SchreiberDefekt)?;
        self.teil_len += segment.len();
        self.teil.push(segment.freeze());
        if self.teil_len >= self.teile.groesse {
            self.teil_senden().await?;
        }
        Ok(())
    }

    async fn teil_senden(&mut self) -> Result<(), AblageFehler> {
        if self.hochladen.is_none() {
            self.hochladen = Some(self.speicher.put_multipart(&self.pfad).await?);
        }
        while self.unterwegs.len() >= self.teile.max_unterwegs.max(1) {
            let (_, laeuft) = self.unterwegs.pop_front().expect("not empty");
            abwarten(laeuft).await?;
        }
        let teil: PutPayload = mem::take(&mut self.teil).into_iter().collect();
        let len = mem::take(&mut self.teil_len);
        let hochladen = self.hochladen.as_mut().expect("started above");
        self.unterwegs.push_back((len, tokio::spawn(hochladen.put_part(teil))));
        Ok(())
    }

    /// Seals the last segment, completes the upload and returns what the
    /// database row needs. Only now does the object exist under its key.
    pub async fn fertig(mut self) -> Result<Gespeichert, AblageFehler> {
        if self.defekt {
            return Err(AblageFehler::SchreiberDefekt);
        }
        // On an error below, `Drop` aborts the multipart upload.
        let mut letztes = mem::take(&mut self.segment);
        self.verschluesseler
            .take()
            .ok_or(AblageFehler::SchreiberDefekt)?
            .encrypt_last_in_place(&self.kopf, &mut letztes)
            .map_err(|_| AblageFehler::SchreiberDefekt)?;
        self.teil_len += letztes.len();
        self.teil.push(letztes.freeze());
        if self.hochladen.is_none() {
            let ganz: PutPayload = mem::take(&mut self.teil).into_iter().collect();
            self.speicher.put(&self.pfad, ganz).await?;
        } else {
            self.teil_senden().await?;
            while let Some((_, laeuft)) = self.unterwegs.pop_front() {
                abwarten(laeuft).await?;
            }
            let mut hochladen = self.hochladen.take().expect("multipart started");
            if let Err(e) = hochladen.complete().await {
                self.hochladen = Some(hochladen);
                return Err(e.into());
            }
        }
        Ok(Gespeichert {
            schluessel: self.pfad.to_string(),
            umschlag: mem::take(&mut self.umschlag),
            bytes: self.bytes,
            sha256: hex::encode(mem::take(&mut self.sha256).finalize()),
        })
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
        self.segment.capacity() + self.teil_len + self.unterwegs.iter().map(|(n, _)| n).sum::<usize>()
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
