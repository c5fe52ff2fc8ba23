//! Random tokens, token hashes and encryption of secrets at rest.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use anyhow::{Context, anyhow};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// Fills `N` bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the operating system's random source failed");
    buf
}

/// A fresh 256-bit token for links and cookies, URL-safe base64.
pub fn new_token() -> String {
    URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// SHA-256 of a token, hex: what the database stores instead of the token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// AES-256-GCM with a master key from configuration. Each sealed value
/// carries a key id for rotation and is bound to `aad` (the row id), so a
/// ciphertext copied to another row does not open.
#[derive(Clone)]
pub struct SecretBox {
    key_id: String,
    cipher: Aes256Gcm,
    /// Earlier keys by id: they open what they sealed, never seal.
    old: Vec<(String, Aes256Gcm)>,
}

impl SecretBox {
    /// One key with id `k1`.
    pub fn new(key: &[u8; 32]) -> Self {
        Self::with_ids("k1", key, &[])
    }

    /// The current key with its id, and earlier keys that still open.
    pub fn with_ids(key_id: &str, key: &[u8; 32], old: &[(String, [u8; 32])]) -> Self {
        Self {
            key_id: key_id.to_owned(),
            cipher: Aes256Gcm::new(key.into()),
            old: old.iter().map(|(id, k)| (id.clone(), Aes256Gcm::new(k.into()))).collect(),
        }
    }

    /// Encrypts `plaintext`; the result is `k1:<base64(nonce‖ciphertext)>`.
    pub fn seal(&self, aad: &str, plaintext: &[u8]) -> String {
        let nonce_bytes = random_bytes::<12>();
        let ct = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce_bytes), Payload { msg: plaintext, aad: aad.as_bytes() })
            .expect("AES-GCM encryption cannot fail for in-memory input");
        let mut out = nonce_bytes.to_vec();
        out.extend_from_slice(&ct);
        format!("{}:{}", self.key_id, STANDARD_NO_PAD.encode(out))
    }

    /// Decrypts a value made by [`SecretBox::seal`] with the same `aad`.
    pub fn open(&self, aad: &str, sealed: &str) -> anyhow::Result<Vec<u8>> {
        let (kid, b64) = sealed.split_once(':').context("sealed value without key id")?;
        let cipher = if kid == self.key_id {
            &self.cipher
        } else {
            self.old.iter().find(|(id, _)| id == kid).map(|(_, c)| c).ok_or_else(|| anyhow!("unknown key id {kid}"))?
        };
        let raw = STANDARD_NO_PAD.decode(b64).context("sealed value is not base64")?;
        if raw.len() < 12 {
            return Err(anyhow!("sealed value too short"));
        }
        let (nonce, ct) = raw.split_at(12);
        cipher
            .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad: aad.as_bytes() })
            .map_err(|_| anyhow!("sealed value does not open with this key and row"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_for_their_row() {
        let b = SecretBox::new(&[7u8; 32]);
        let s = b.seal("row-1", b"geheim");
        assert!(!s.contains("geheim"));
        assert_eq!(b.open("row-1", &s).unwrap(), b"geheim");
        assert!(b.open("row-2", &s).is_err());
        assert!(SecretBox::new(&[8u8; 32]).open("row-1", &s).is_err());
        // After a rotation the old key still opens, the new one seals.
        let rotated = SecretBox::with_ids("k2", &[8u8; 32], &[("k1".into(), [7u8; 32])]);
        assert_eq!(rotated.open("row-1", &s).unwrap(), b"geheim");
        assert!(rotated.seal("row-1", b"x").starts_with("k2:"));
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_eq!(token_hash(&a).len(), 64);
    }
}
