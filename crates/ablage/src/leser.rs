//! Reading one object back: decrypt segment by segment as the bytes arrive.

use aead::stream::DecryptorBE32;
use aes_gcm::Aes256Gcm;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use crate::AblageFehler;
use crate::format::{self, KOPF, TAG};
use crate::schluesselbund::DEK_LEN;

/// Turns the stored bytes into plaintext segments. Holds at most one sealed
/// segment plus one chunk of the underlying stream.
pub(crate) struct Leser {
    quelle: BoxStream<'static, object_store::Result<Bytes>>,
    dek: [u8; DEK_LEN],
    puffer: BytesMut,
    kopf: Bytes,
    segment: usize,
    entschluesseler: Option<DecryptorBE32<Aes256Gcm>>,
    fertig: bool,
}

impl Leser {
    pub(crate) fn neu(quelle: BoxStream<'static, object_store::Result<Bytes>>, dek: [u8; DEK_LEN]) -> Self {
        Self { quelle, dek, puffer: BytesMut::new(), kopf: Bytes::new(), segment: 0, entschluesseler: None, fertig: false }
    }

    /// The next plaintext segment, `None` after the authenticated end.
    pub(crate) async fn naechstes(&mut self) -> Result<Option<Bytes>, AblageFehler> {
        loop {
            if self.fertig {
                return Ok(None);
            }
            if self.kopf.is_empty() {
                if self.puffer.len() >= KOPF {
                    let kopf = self.puffer.split_to(KOPF).freeze();
                    let (segment, entschluesseler) = format::lesen(&self.dek, &kopf)?;
                    (self.kopf, self.segment, self.entschluesseler) = (kopf, segment, Some(entschluesseler));
                    continue;
                }
            } else if self.puffer.len() > self.segment + TAG {
                // More bytes follow, so this segment is not the last one.
                let mut segment = self.puffer.split_to(self.segment + TAG);
                self.entschluesseler
                    .as_mut()
                    .ok_or(AblageFehler::Beschaedigt)?
                    .decrypt_next_in_place(&self.kopf, &mut segment)
                    .map_err(|_| AblageFehler::Beschaedigt)?;
                return Ok(Some(segment.freeze()));
            }
            match self.quelle.next().await {
                Some(stueck) => self.puffer.extend_from_slice(&stueck?),
                None => return self.letztes(),
            }
        }
    }

    fn letztes(&mut self) -> Result<Option<Bytes>, AblageFehler> {
        self.fertig = true;
        // A missing header or a last segment shorter than its tag: truncated.
        let entschluesseler = self.entschluesseler.take().ok_or(AblageFehler::Beschaedigt)?;
        let mut letztes = std::mem::take(&mut self.puffer);
        entschluesseler.decrypt_last_in_place(&self.kopf, &mut letztes).map_err(|_| AblageFehler::Beschaedigt)?;
        Ok((!letztes.is_empty()).then(|| letztes.freeze()))
    }
}
