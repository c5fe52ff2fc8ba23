use std::fmt;

/// An optional login name besides the e-mail address (ACC-11): 3–30
/// characters of letters, digits, `.`, `_` and `-`, starting with a letter.
/// It never contains `@`, so a login identifier is unambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

/// Why a string is not a user name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsernameError {
    #[error("length")]
    Length,
    #[error("characters")]
    Characters,
    #[error("first character")]
    FirstCharacter,
}

impl Username {
    pub fn parse(input: &str) -> Result<Self, UsernameError> {
        let s = input.trim();
        let n = s.chars().count();
        if !(3..=30).contains(&n) {
            return Err(UsernameError::Length);
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c)) {
            return Err(UsernameError::Characters);
        }
        if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(UsernameError::FirstCharacter);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower-case form used for uniqueness and look-up.
    pub fn normalized(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_follow_their_rules() {
        assert_eq!(Username::parse(" kim.klicker ").unwrap().as_str(), "kim.klicker");
        assert_eq!(Username::parse("ab"), Err(UsernameError::Length));
        assert_eq!(Username::parse(&"a".repeat(31)), Err(UsernameError::Length));
        assert_eq!(Username::parse("kim@x.de"), Err(UsernameError::Characters));
        assert_eq!(Username::parse("kim klicker"), Err(UsernameError::Characters));
        assert_eq!(Username::parse("1kim"), Err(UsernameError::FirstCharacter));
        assert_eq!(Username::parse("Kim_K").unwrap().normalized(), "kim_k");
    }
}
