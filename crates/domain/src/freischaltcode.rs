/// A Freischaltcode (PRF-2, PRF-3): 12 characters of digits and capital
/// letters, shown as "XXXX-XXXX-XXXX". Generated codes avoid look-alikes
/// (no 0/O, 1/I); typed input is accepted with or without dashes and
/// spaces, in any case, and with every digit and capital letter, so that a
/// code that was mistyped is "wrong" rather than "malformed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freischaltcode(String);

/// The alphabet generated codes are drawn from (32 characters: 60 bits).
pub const FREISCHALTCODE_ALPHABET: &str = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Why typed input is not a code at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FreischaltcodeError {
    #[error("empty")]
    Empty,
    /// Not 12 digits and letters once dashes and spaces are removed.
    #[error("not twelve digits and letters")]
    Format,
}

impl Freischaltcode {
    /// Parses user input into the canonical form (12 characters, upper case).
    pub fn parse(input: &str) -> Result<Self, FreischaltcodeError> {
        let s: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
        if s.is_empty() {
            return Err(FreischaltcodeError::Empty);
        }
        if s.len() != 12 || !s.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
            return Err(FreischaltcodeError::Format);
        }
        Ok(Self(s))
    }

    /// Draws a new code from a source of random bytes, without modulo bias.
    pub fn generate(random_byte: impl FnMut() -> u8) -> Self {
        Self(crate::einmalcode::draw(FREISCHALTCODE_ALPHABET, 12, random_byte))
    }

    /// Canonical form (12 characters, no dashes): what is hashed.
    pub fn canonical(&self) -> &str {
        &self.0
    }

    /// Display form "XXXX-XXXX-XXXX".
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_dashes_spaces_and_lower_case() {
        let want = Freischaltcode::parse("HET2-2X8A-UXAS").unwrap();
        assert_eq!(Freischaltcode::parse("het2 2x8a uxas").unwrap(), want);
        assert_eq!(Freischaltcode::parse(" HET22X8AUXAS ").unwrap(), want);
        assert_eq!(want.display(), "HET2-2X8A-UXAS");
        assert_eq!(want.canonical(), "HET22X8AUXAS");
    }

    #[test]
    fn refuses_what_cannot_be_a_code() {
        assert_eq!(Freischaltcode::parse("  - "), Err(FreischaltcodeError::Empty));
        assert_eq!(Freischaltcode::parse("HET2-2X8A-UXA"), Err(FreischaltcodeError::Format));
        assert_eq!(Freischaltcode::parse("HET2-2X8A-UXAS1"), Err(FreischaltcodeError::Format));
        assert_eq!(Freischaltcode::parse("HET2-2X8A-UXA$"), Err(FreischaltcodeError::Format));
        assert_eq!(Freischaltcode::parse("HET2-2X8A-UXAÄ"), Err(FreischaltcodeError::Format));
    }

    proptest! {
        #[test]
        fn generated_codes_round_trip_through_their_display(bytes in proptest::collection::vec(any::<u8>(), 64)) {
            let mut it = bytes.into_iter().cycle();
            let code = Freischaltcode::generate(|| it.next().unwrap());
            prop_assert_eq!(code.canonical().len(), 12);
            prop_assert!(code.canonical().chars().all(|c| FREISCHALTCODE_ALPHABET.contains(c)));
            prop_assert_eq!(Freischaltcode::parse(&code.display()).unwrap(), code.clone());
            prop_assert_eq!(Freischaltcode::parse(&code.display().to_lowercase()).unwrap(), code);
        }
    }
}
