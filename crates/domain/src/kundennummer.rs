/// A Kundennummer as printed on letters and shown in the profile
/// ("123A456789", PRF-4): three digits, a capital letter, six digits.
/// Input is accepted with spaces and in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kundennummer(String);

/// Why input is not a Kundennummer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KundennummerError {
    #[error("empty")]
    Empty,
    #[error("format")]
    Format,
}

impl Kundennummer {
    /// Parses typed input (spaces removed, upper case).
    pub fn parse(input: &str) -> Result<Self, KundennummerError> {
        let s: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if s.is_empty() {
            return Err(KundennummerError::Empty);
        }
        let b = s.as_bytes();
        let ok =
            b.len() == 10 && b[..3].iter().all(u8::is_ascii_digit) && b[3].is_ascii_uppercase() && b[4..].iter().all(u8::is_ascii_digit);
        if ok { Ok(Self(s)) } else { Err(KundennummerError::Format) }
    }

    /// Draws a new number from a source of random bytes (without modulo bias).
    pub fn generate(mut random_byte: impl FnMut() -> u8) -> Self {
        let mut draw = |n: u8| loop {
            let b = random_byte();
            if u16::from(b) < 256 / u16::from(n) * u16::from(n) {
                return b % n;
            }
        };
        let mut s = String::with_capacity(10);
        for i in 0..10 {
            if i == 3 {
                s.push(char::from(b'A' + draw(26)));
            } else {
                s.push(char::from(b'0' + draw(10)));
            }
        }
        Self(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The number of a Bedarfsgemeinschaft ("12345BG1234567"): the five-digit
/// number of the jobcenter, "BG", seven digits. Spaces and lower case are
/// accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgNummer(String);

/// Why input is not a BG number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BgNummerError {
    #[error("empty")]
    Empty,
    #[error("format")]
    Format,
}

impl BgNummer {
    pub fn parse(input: &str) -> Result<Self, BgNummerError> {
        let s: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if s.is_empty() {
            return Err(BgNummerError::Empty);
        }
        let b = s.as_bytes();
        let ok = b.len() == 14 && b[..5].iter().all(u8::is_ascii_digit) && &b[5..7] == b"BG" && b[7..].iter().all(u8::is_ascii_digit);
        if ok { Ok(Self(s)) } else { Err(BgNummerError::Format) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A German postcode: five digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postleitzahl(String);

impl Postleitzahl {
    /// `None` unless exactly five digits (surrounding spaces ignored).
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        (s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())).then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kundennummern_are_three_digits_a_letter_and_six_digits() {
        assert_eq!(Kundennummer::parse(" 123a 456789 ").unwrap().as_str(), "123A456789");
        assert_eq!(Kundennummer::parse(""), Err(KundennummerError::Empty));
        for bad in ["12A3456789", "123A45678", "123A4567890", "1234456789", "123Ä456789"] {
            assert_eq!(Kundennummer::parse(bad), Err(KundennummerError::Format), "{bad}");
        }
    }

    #[test]
    fn bg_numbers_and_postcodes_are_checked() {
        assert_eq!(BgNummer::parse("12345 bg 1234567").unwrap().as_str(), "12345BG1234567");
        assert_eq!(BgNummer::parse("12345XX1234567"), Err(BgNummerError::Format));
        assert_eq!(BgNummer::parse(" "), Err(BgNummerError::Empty));
        assert!(Postleitzahl::parse("90402").is_some());
        assert!(Postleitzahl::parse("9040").is_none());
        assert!(Postleitzahl::parse("9040a").is_none());
    }

    proptest! {
        #[test]
        fn generated_kundennummern_parse(bytes in proptest::collection::vec(any::<u8>(), 64)) {
            let mut it = bytes.into_iter().cycle();
            let k = Kundennummer::generate(|| it.next().unwrap());
            prop_assert_eq!(Kundennummer::parse(k.as_str()).unwrap(), k);
        }
    }
}
