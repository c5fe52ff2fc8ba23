use serde::Serialize;
use std::fmt;

/// A syntactically plausible e-mail address, trimmed. Comparison for
/// uniqueness uses [`Email::normalized`] (lower case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Email(String);

/// Why a string is not an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("empty")]
    Empty,
    #[error("too long")]
    TooLong,
    #[error("invalid")]
    Invalid,
}

impl Email {
    /// Longest address accepted (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    /// Parses user input: trims surrounding white space, then checks the shape
    /// `local@domain.tld` without spaces or control characters.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > Self::MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(EmailError::Invalid);
        };
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"".contains(c);
        let domain_ok = !domain.is_empty()
            && domain.len() <= 253
            && domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && !local.chars().any(bad_char);
        if domain_ok && local_ok { Ok(Self(s.to_owned())) } else { Err(EmailError::Invalid) }
    }

    /// The address as entered (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower-case form used for uniqueness and look-up.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }

    /// The part before the `@`, used by the password rule against
    /// passwords that contain it (ACC-3).
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(l, _)| l)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_addresses_parse_and_are_trimmed() {
        let e = Email::parse("  Kim.Klicker@Example.de ").unwrap();
        assert_eq!(e.as_str(), "Kim.Klicker@Example.de");
        assert_eq!(e.normalized(), "kim.klicker@example.de");
        assert_eq!(e.local_part(), "Kim.Klicker");
    }

    #[test]
    fn broken_addresses_are_refused() {
        for bad in [
            "",
            "   ",
            "kim",
            "kim@",
            "@example.de",
            "kim@example",
            "kim @example.de",
            "kim@exa mple.de",
            "kim@.de",
            "kim..k@example.de",
            "kim@example..de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        let long = format!("{}@example.de", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_valid_ones_round_trip(s in "\\PC{0,80}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(Email::parse(e.as_str()), Ok(e.clone()));
                prop_assert!(e.as_str().contains('@'));
            }
        }

        #[test]
        fn simple_generated_addresses_parse(local in "[a-z0-9]{1,20}", dom in "[a-z]{1,20}", tld in "[a-z]{2,6}") {
            let addr = format!("{local}@{dom}.{tld}");
            prop_assert!(Email::parse(&addr).is_ok());
        }
    }
}
