/// A German mobile number (PRF-6, "SMS-Benachrichtigung"), normalised to
/// E.164 ("+491701234567"). Typed input may use the national form
/// ("0170 1234567"), "+49" or "0049", spaces, dashes, slashes, dots,
/// brackets and "+49 (0)…". Only the mobile ranges 015x, 016x and 017x are
/// accepted: SMS to a landline never arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobilnummer(String);

/// Why typed input is not a German mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MobilnummerError {
    #[error("empty")]
    Empty,
    /// Not a number in the German mobile ranges.
    #[error("not a German mobile number")]
    Format,
}

impl Mobilnummer {
    /// Parses user input.
    pub fn parse(input: &str) -> Result<Self, MobilnummerError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '/' | '.')).collect();
        if compact.is_empty() {
            return Err(MobilnummerError::Empty);
        }
        let compact = compact.replacen("+49(0)", "+49", 1);
        let national = if let Some(rest) = compact.strip_prefix("+49") {
            rest
        } else if let Some(rest) = compact.strip_prefix("0049") {
            rest
        } else if let Some(rest) = compact.strip_prefix('0') {
            rest
        } else {
            return Err(MobilnummerError::Format);
        };
        let bytes = national.as_bytes();
        let ok = national.chars().all(|c| c.is_ascii_digit())
            && (10..=11).contains(&national.len())
            && bytes[0] == b'1'
            && matches!(bytes[1], b'5' | b'6' | b'7');
        if ok { Ok(Self(format!("+49{national}"))) } else { Err(MobilnummerError::Format) }
    }

    /// E.164 form: what is stored and handed to the gateway.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// National display form ("0170 1234567").
    pub fn display(&self) -> String {
        let national = &self.0[3..];
        format!("0{} {}", &national[..3], &national[3..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ways_of_writing_a_mobile_number_are_normalised() {
        for typed in
            ["0170 1234567", "0170/1234567", "0170-123 45 67", "+49 170 1234567", "0049 170 1234567", "+49 (0)170 1234567", "+491701234567"]
        {
            assert_eq!(Mobilnummer::parse(typed).unwrap().e164(), "+491701234567", "{typed}");
        }
        assert_eq!(Mobilnummer::parse("0151 12345678").unwrap().e164(), "+4915112345678");
        assert_eq!(Mobilnummer::parse("+491701234567").unwrap().display(), "0170 1234567");
    }

    #[test]
    fn landlines_foreign_and_malformed_numbers_are_refused() {
        assert_eq!(Mobilnummer::parse("  "), Err(MobilnummerError::Empty));
        for typed in [
            "0511 6559404",
            "030 12345678",
            "+43 660 1234567",
            "0170 123",
            "0170 12345678901",
            "0170 12a4567",
            "170 1234567",
            "0180 1234567",
        ] {
            assert_eq!(Mobilnummer::parse(typed), Err(MobilnummerError::Format), "{typed}");
        }
    }
}
