//! What can go wrong when storing or reading a document.

/// Errors of the document storage. Tampering, truncation and wrong keys are
/// told apart from storage failures so that the application can log them as
/// what they are (a damaged object is an incident, a timeout is not).
#[derive(Debug, thiserror::Error)]
pub enum AblageFehler {
    /// The object key is not a valid object path (empty segments, `..`,
    /// control characters …).
    #[error("invalid object key {0:?}")]
    UngueltigerSchluessel(String),
    /// The storage target or the key ring is misconfigured.
    #[error("invalid storage configuration: {0}")]
    Konfiguration(String),
    /// The envelope names a master key id that this key ring does not hold.
    #[error("the envelope needs master key {0:?}, which is not configured")]
    UnbekannteSchluesselId(String),
    /// The envelope is malformed, or does not open with the named master key
    /// for this object path (wrong key, or an envelope of another object).
    #[error("the envelope does not open for this object")]
    Umschlag,
    /// The stored object fails authentication: a byte was changed, segments
    /// were reordered or dropped, or the object was truncated.
    #[error("the stored object is damaged, truncated or was tampered with")]
    Beschaedigt,
    /// No object exists under this key.
    #[error("no object under {0:?}")]
    NichtGefunden(String),
    /// An earlier call on this writer failed; the upload cannot be completed
    /// and should be aborted.
    #[error("an earlier write of this upload failed; the upload cannot be completed")]
    SchreiberDefekt,
    /// The stream handed to [`crate::Ablage::speichern_aus`] failed.
    #[error("the upload source failed")]
    Quelle(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The object store (local directory or S3) failed.
    #[error("object store")]
    Speicher(#[from] object_store::Error),
}
