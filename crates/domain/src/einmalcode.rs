/// A 6-digit TOTP code as typed (MFA-10): spaces are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TotpCode(u32);

/// Why a code was refused before checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TotpCodeError {
    #[error("empty")]
    Empty,
    #[error("not six digits")]
    Format,
}

impl TotpCode {
    pub fn parse(input: &str) -> Result<Self, TotpCodeError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(TotpCodeError::Empty);
        }
        if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(TotpCodeError::Format);
        }
        digits.parse().map(Self).map_err(|_| TotpCodeError::Format)
    }

    /// The code as six digits with leading zeros.
    pub fn as_string(&self) -> String {
        format!("{:06}", self.0)
    }
}

/// `len` characters from an ASCII `alphabet`, without modulo bias: bytes at
/// or above the largest multiple of the alphabet size are drawn again.
pub(crate) fn draw(alphabet: &str, len: usize, mut random_byte: impl FnMut() -> u8) -> String {
    let alphabet = alphabet.as_bytes();
    let n = alphabet.len();
    let limit = (256 / n * n) as u16;
    let mut code = String::with_capacity(len);
    while code.len() < len {
        let b = random_byte();
        if u16::from(b) < limit {
            code.push(alphabet[usize::from(b) % n] as char);
        }
    }
    code
}

/// A recovery code: 10 characters from an alphabet without look-alikes,
/// shown as "XXXXX-XXXXX"; typed in any case, with or without the dash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

/// The alphabet of recovery codes (no 0/O, 1/I/L).
pub const RECOVERY_ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

impl RecoveryCode {
    /// Parses user input into the canonical form (10 characters, upper case).
    pub fn parse(input: &str) -> Option<Self> {
        let s: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
        (s.len() == 10 && s.chars().all(|c| RECOVERY_ALPHABET.contains(c))).then_some(Self(s))
    }

    /// Builds a code from a source of random bytes, without modulo bias:
    /// bytes at or above the largest multiple of the alphabet size are
    /// drawn again.
    pub fn generate(random_byte: impl FnMut() -> u8) -> Self {
        Self(draw(RECOVERY_ALPHABET, 10, random_byte))
    }

    /// Canonical form, for hashing.
    pub fn canonical(&self) -> &str {
        &self.0
    }

    /// Display form "XXXXX-XXXXX".
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn totp_codes_are_six_digits() {
        assert_eq!(TotpCode::parse(" 012 345 ").unwrap().as_string(), "012345");
        assert_eq!(TotpCode::parse(""), Err(TotpCodeError::Empty));
        assert_eq!(TotpCode::parse("12345"), Err(TotpCodeError::Format));
        assert_eq!(TotpCode::parse("12345a"), Err(TotpCodeError::Format));
        assert_eq!(TotpCode::parse("1234567"), Err(TotpCodeError::Format));
    }

    #[test]
    fn recovery_codes_accept_any_case_and_dashes() {
        let mut bytes = [0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9].into_iter();
        let c = RecoveryCode::generate(|| bytes.next().unwrap());
        assert_eq!(c.display().len(), 11);
        assert_eq!(RecoveryCode::parse(&c.display().to_lowercase()), Some(c.clone()));
        assert_eq!(RecoveryCode::parse("ABCDE-12345"), None, "1 is not in the alphabet");
        let mut biased = [255u8, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9].into_iter();
        let c = RecoveryCode::generate(|| biased.next().unwrap());
        assert_eq!(c.canonical(), "23456789AB", "bytes from 248 on are drawn again");
    }

    proptest! {
        #[test]
        fn random_recovery_codes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 10..40)) {
            let mut it = bytes.into_iter().cycle().filter(|b| *b < 248);
            let c = RecoveryCode::generate(|| it.next().unwrap_or(0));
            prop_assert_eq!(RecoveryCode::parse(&c.display()), Some(c));
        }
    }
}
