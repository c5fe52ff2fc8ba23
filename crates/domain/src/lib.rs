//! Validated domain types of Jobcenter Digital.
//!
//! Parse, don't validate: every type here can only hold a valid value, and its
//! parse error says which rule failed so that a form can show it next to the
//! field. Nothing in this crate does I/O.

mod email;
mod password;
mod username;

pub use email::{Email, EmailError};
pub use password::{Password, PasswordChecklist, PasswordError, SPECIAL_CHARACTERS};
pub use username::{Username, UsernameError};
