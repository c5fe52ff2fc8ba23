//! Documents without I/O: what the portal needs to know about a file's
//! bytes before it is stored or printed.
//!
//! - [`pruefung`]: checks an uploaded file by its content (type, damage,
//!   encryption, active content, decompression bombs), fed in chunks.
//! - [`bilder_pdf`]: several photos of one paper document as one PDF.
//! - [`schrift`]: PDF text with an embedded, subset font (every name prints).

#[cfg(feature = "beispiele")]
pub mod beispiele;
pub mod bilder_pdf;
pub mod pruefung;
pub mod schrift;
