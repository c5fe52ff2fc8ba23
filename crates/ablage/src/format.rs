//! The stored object: a small header, then the content in sealed segments.
//!
//! ```text
//! header  = "JCAB" ‖ version (1 byte, = 1) ‖ segment size (u32 BE) ‖ nonce prefix (7 bytes)
//! object  = header ‖ segment₀ ‖ … ‖ segmentₙ
//! segmentᵢ = AES-256-GCM(data key, nonce = prefix ‖ i (u32 BE) ‖ last flag, aad = header)
//! ```
//!
//! This is the STREAM construction (`aead::stream::EncryptorBE32`): every
//! segment but the last holds exactly `segment size` plaintext bytes; the last
//! holds 0 ..= `segment size` and carries the last flag in its nonce. So a
//! reordered, dropped, duplicated or cut-off segment fails authentication, and
//! the header is authenticated through the associated data of every segment.

use aead::stream::{DecryptorBE32, EncryptorBE32};
use aes_gcm::Aes256Gcm;
use aes_gcm::aead::KeyInit;
use bytes::{BufMut, Bytes, BytesMut};

use crate::AblageFehler;
use crate::schluesselbund::DEK_LEN;

/// Plaintext bytes per sealed segment. A reader or writer holds about one
/// segment at a time.
pub const SEGMENT: usize = 64 * 1024;
/// AES-GCM tag added to every segment.
pub const TAG: usize = 16;
/// Length of the object header.
pub const KOPF: usize = 4 + 1 + 4 + PREFIX;

const MAGIC: &[u8; 4] = b"JCAB";
const VERSION: u8 = 1;
/// Nonce prefix: 12 bytes of AES-GCM nonce less STREAM's 4-byte counter and
/// 1-byte last flag.
const PREFIX: usize = 7;
/// A forged header must not make a reader buffer without bound.
const SEGMENT_MIN: usize = 1024;
const SEGMENT_MAX: usize = 4 * 1024 * 1024;

/// The header of a new object and the encryptor for its segments.
pub(crate) fn neu(dek: &[u8; DEK_LEN]) -> (Bytes, EncryptorBE32<Aes256Gcm>) {
    let prefix: [u8; PREFIX] = crate::zufall();
    let mut kopf = BytesMut::with_capacity(KOPF);
    kopf.put_slice(MAGIC);
    kopf.put_u8(VERSION);
    kopf.put_u32(u32::try_from(SEGMENT).expect("segment size fits u32"));
    kopf.put_slice(&prefix);
    let cipher = Aes256Gcm::new(dek.into());
    (kopf.freeze(), EncryptorBE32::from_aead(cipher, prefix.as_slice().into()))
}

/// Reads a header: the segment size and the decryptor for the segments.
pub(crate) fn lesen(dek: &[u8; DEK_LEN], kopf: &[u8]) -> Result<(usize, DecryptorBE32<Aes256Gcm>), AblageFehler> {
    if kopf.len() != KOPF || &kopf[..4] != MAGIC || kopf[4] != VERSION {
        return Err(AblageFehler::Beschaedigt);
    }
    let segment = u32::from_be_bytes(kopf[5..9].try_into().expect("4 bytes")) as usize;
    if !(SEGMENT_MIN..=SEGMENT_MAX).contains(&segment) {
        return Err(AblageFehler::Beschaedigt);
    }
    let cipher = Aes256Gcm::new(dek.into());
    Ok((segment, DecryptorBE32::from_aead(cipher, kopf[9..].into())))
}
