use std::fmt;

/// The characters a passkey name may contain besides letters and digits
/// (MFA-20).
pub const PASSKEY_NAME_SPECIALS: &str = ".:,;-_()/";

/// The name of a passkey (MFA-20): 3–30 characters from A–Z, a–z, 0–9 and
/// `. : , ; - _ ( ) /`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasskeyName(String);

/// Why a passkey name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasskeyNameError {
    #[error("length")]
    Length,
    #[error("characters")]
    Characters,
}

impl PasskeyName {
    pub fn parse(input: &str) -> Result<Self, PasskeyNameError> {
        let s = input.trim();
        if !(3..=30).contains(&s.chars().count()) {
            return Err(PasskeyNameError::Length);
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || PASSKEY_NAME_SPECIALS.contains(c)) {
            return Err(PasskeyNameError::Characters);
        }
        Ok(Self(s.to_owned()))
    }

    /// The default name "PK-<d.m.yyyy>-<hh:mm:ss>" from local date and time
    /// parts, e.g. "PK-8.4.2025-16:45:53".
    pub fn default_for(day: u32, month: u32, year: i32, hour: u32, minute: u32, second: u32) -> Self {
        Self(format!("PK-{day}.{month}.{year}-{hour:02}:{minute:02}:{second:02}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PasskeyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn passkey_names_follow_mfa_20() {
        assert!(PasskeyName::parse("Mein Handy").is_err(), "no spaces");
        assert_eq!(PasskeyName::parse("ab"), Err(PasskeyNameError::Length));
        assert_eq!(PasskeyName::parse(&"a".repeat(31)), Err(PasskeyNameError::Length));
        assert_eq!(PasskeyName::parse("Handy-ä"), Err(PasskeyNameError::Characters));
        assert_eq!(PasskeyName::parse("Laptop_(Büro)"), Err(PasskeyNameError::Characters));
        assert!(PasskeyName::parse("Laptop_(Arbeit)/2;a:b,c.d").is_ok());
        let d = PasskeyName::default_for(8, 4, 2025, 16, 45, 53);
        assert_eq!(d.as_str(), "PK-8.4.2025-16:45:53");
        assert_eq!(PasskeyName::parse(d.as_str()), Ok(d));
    }

    proptest! {
        #[test]
        fn every_default_name_is_a_valid_name(d in 1u32..=31, m in 1u32..=12, y in 2025i32..=2099, h in 0u32..24, mi in 0u32..60, s in 0u32..60) {
            let n = PasskeyName::default_for(d, m, y, h, mi, s);
            prop_assert!(PasskeyName::parse(n.as_str()).is_ok());
        }
    }
}
