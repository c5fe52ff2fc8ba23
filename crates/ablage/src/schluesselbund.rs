//! Master keys and the envelope that wraps each object's data key.
//!
//! An envelope is `<key id>:<base64(nonce ‖ AES-256-GCM(data key))>`, bound
//! to the object path as associated data, so an envelope copied to another
//! object does not open. The key id lets old envelopes open after the master
//! key changed; [`crate::Ablage::umschluesseln`] moves them to the current
//! key without touching the (possibly large) object.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;

use crate::AblageFehler;

/// Length of a data key (AES-256).
pub(crate) const DEK_LEN: usize = 32;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
/// Separates these envelopes from other values sealed with the same master
/// key (the application's secrets at rest use row ids as associated data).
const AAD_KONTEXT: &str = "jobcenter-ablage-umschlag:";

/// The master keys, by id: one current key that wraps new data keys, and
/// older keys that still unwrap envelopes made before a rotation.
#[derive(Clone)]
pub struct Schluesselbund {
    aktuell: String,
    schluessel: Vec<(String, Aes256Gcm)>,
}

impl std::fmt::Debug for Schluesselbund {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.schluessel.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("Schluesselbund").field("aktuell", &self.aktuell).field("ids", &ids).finish()
    }
}

impl Schluesselbund {
    /// A key ring whose current master key `key` has the id `aktuell_id`
    /// (e.g. `"k2"`; no `:`). Ids are checked by [`crate::Ablage::oeffnen`].
    pub fn new(aktuell_id: &str, key: [u8; 32]) -> Self {
        Self { aktuell: aktuell_id.to_owned(), schluessel: vec![(aktuell_id.to_owned(), Aes256Gcm::new(&key.into()))] }
    }

    /// Adds an older master key that only unwraps (after a rotation, until
    /// every envelope was moved with [`crate::Ablage::umschluesseln`]).
    #[must_use]
    pub fn with_alt(mut self, id: &str, key: [u8; 32]) -> Self {
        self.schluessel.push((id.to_owned(), Aes256Gcm::new(&key.into())));
        self
    }

    /// The id of the current master key.
    pub fn aktuell_id(&self) -> &str {
        &self.aktuell
    }

    /// Ids must be non-empty, free of `:` and unique.
    pub(crate) fn pruefen(&self) -> Result<(), AblageFehler> {
        for (i, (id, _)) in self.schluessel.iter().enumerate() {
            if id.is_empty() || id.contains(':') || id.chars().any(char::is_whitespace) {
                return Err(AblageFehler::Konfiguration(format!("master key id {id:?} must be non-empty, without ':' and spaces")));
            }
            if self.schluessel[..i].iter().any(|(frueher, _)| frueher == id) {
                return Err(AblageFehler::Konfiguration(format!("master key id {id:?} appears twice")));
            }
        }
        Ok(())
    }

    fn finden(&self, id: &str) -> Option<&Aes256Gcm> {
        self.schluessel.iter().find(|(k, _)| k == id).map(|(_, c)| c)
    }

    /// Wraps a data key with the current master key for the object `pfad`.
    pub(crate) fn einpacken(&self, pfad: &str, dek: &[u8; DEK_LEN]) -> String {
        let master = self.finden(&self.aktuell).expect("the current key is always in the ring");
        let nonce: [u8; NONCE_LEN] = crate::zufall();
        let aad = format!("{AAD_KONTEXT}{pfad}");
        let verpackt = master
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: dek, aad: aad.as_bytes() })
            .expect("AES-GCM encryption of 32 bytes cannot fail");
        let mut roh = nonce.to_vec();
        roh.extend_from_slice(&verpackt);
        format!("{}:{}", self.aktuell, STANDARD_NO_PAD.encode(roh))
    }

    /// Unwraps the data key of the object `pfad` with whichever known master
    /// key the envelope names.
    pub(crate) fn auspacken(&self, pfad: &str, umschlag: &str) -> Result<[u8; DEK_LEN], AblageFehler> {
        let (id, b64) = umschlag.split_once(':').ok_or(AblageFehler::Umschlag)?;
        let master = self.finden(id).ok_or_else(|| AblageFehler::UnbekannteSchluesselId(id.to_owned()))?;
        let roh = STANDARD_NO_PAD.decode(b64).map_err(|_| AblageFehler::Umschlag)?;
        if roh.len() != NONCE_LEN + DEK_LEN + TAG_LEN {
            return Err(AblageFehler::Umschlag);
        }
        let (nonce, verpackt) = roh.split_at(NONCE_LEN);
        let aad = format!("{AAD_KONTEXT}{pfad}");
        let dek =
            master.decrypt(Nonce::from_slice(nonce), Payload { msg: verpackt, aad: aad.as_bytes() }).map_err(|_| AblageFehler::Umschlag)?;
        dek.try_into().map_err(|_| AblageFehler::Umschlag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_envelope_opens_only_for_its_path_and_key() {
        let bund = Schluesselbund::new("k1", [1; 32]);
        let dek = [9u8; DEK_LEN];
        let u = bund.einpacken("a/b", &dek);
        assert!(u.starts_with("k1:"));
        assert_eq!(bund.auspacken("a/b", &u).unwrap(), dek);
        assert!(matches!(bund.auspacken("a/c", &u), Err(AblageFehler::Umschlag)));
        let fremd = Schluesselbund::new("k1", [2; 32]);
        assert!(matches!(fremd.auspacken("a/b", &u), Err(AblageFehler::Umschlag)));
        let ohne = Schluesselbund::new("k2", [1; 32]);
        assert!(matches!(ohne.auspacken("a/b", &u), Err(AblageFehler::UnbekannteSchluesselId(id)) if id == "k1"));
        assert!(matches!(bund.auspacken("a/b", "k1:!!"), Err(AblageFehler::Umschlag)));
        assert!(matches!(bund.auspacken("a/b", "kein-umschlag"), Err(AblageFehler::Umschlag)));
    }

    #[test]
    fn key_ids_are_checked() {
        assert!(Schluesselbund::new("k1", [1; 32]).with_alt("k0", [0; 32]).pruefen().is_ok());
        assert!(Schluesselbund::new("", [1; 32]).pruefen().is_err());
        assert!(Schluesselbund::new("k:1", [1; 32]).pruefen().is_err());
        assert!(Schluesselbund::new("k1", [1; 32]).with_alt("k1", [0; 32]).pruefen().is_err());
    }
}
