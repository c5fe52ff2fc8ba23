//! Validated domain types of Jobcenter Digital.
//!
//! Parse, don't validate: every type here can only hold a valid value, and its
//! parse error says which rule failed so that a form can show it next to the
//! field. Nothing in this crate does I/O.

mod einmalcode;
mod email;
mod freischaltcode;
pub mod fristen;
mod kundennummer;
mod mobilnummer;
mod passkey_name;
mod password;
mod username;

pub use einmalcode::{RECOVERY_ALPHABET, RecoveryCode, TotpCode, TotpCodeError};
pub use email::{Email, EmailError};
pub use freischaltcode::{FREISCHALTCODE_ALPHABET, Freischaltcode, FreischaltcodeError};
pub use kundennummer::{BgNummer, BgNummerError, Kundennummer, KundennummerError, Postleitzahl};
pub use mobilnummer::{Mobilnummer, MobilnummerError};
pub use passkey_name::{PASSKEY_NAME_SPECIALS, PasskeyName, PasskeyNameError};
pub use password::{Password, PasswordChecklist, PasswordError, SPECIAL_CHARACTERS};
pub use username::{Username, UsernameError};
