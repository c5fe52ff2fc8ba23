use std::fmt;

/// The special characters a password may (and must, at least one) contain,
/// exactly as listed in ACC-3.
pub const SPECIAL_CHARACTERS: &str = "@#$%&*-_!+=:,.?/'\"();";

/// Words that make a password guessable for this site in particular.
const SITE_WORDS: &[&str] = &[
    "jobcenter",
    "jobcenterdigital",
    "arbeitsagentur",
    "bundesagentur",
    "buergergeld",
    "bürgergeld",
    "arbeitsamt",
    "passwort",
    "kennwort",
];

/// Each rule of ACC-3, evaluated on its own, so the form can show a
/// checklist line per rule (× or ✓). The server decides with the same code
/// that the browser's live checklist imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PasswordChecklist {
    pub length: bool,
    pub uppercase: bool,
    pub lowercase: bool,
    pub digit: bool,
    pub special: bool,
    pub allowed_only: bool,
    pub repeated: bool,
}

impl PasswordChecklist {
    /// Evaluates the ACC-3 rules for a password and its repetition.
    pub fn evaluate(password: &str, repeat: &str) -> Self {
        let n = password.chars().count();
        Self {
            length: (12..=128).contains(&n),
            uppercase: password.chars().any(|c| c.is_ascii_uppercase()),
            lowercase: password.chars().any(|c| c.is_ascii_lowercase()),
            digit: password.chars().any(|c| c.is_ascii_digit()),
            special: password.chars().any(|c| SPECIAL_CHARACTERS.contains(c)),
            allowed_only: password.chars().all(is_allowed),
            repeated: !password.is_empty() && password == repeat,
        }
    }

    /// True when every rule holds.
    pub fn all_met(&self) -> bool {
        self.length && self.uppercase && self.lowercase && self.digit && self.special && self.allowed_only && self.repeated
    }
}

fn is_allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || SPECIAL_CHARACTERS.contains(c)
}

/// Why a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// One or more checklist rules fail.
    #[error("rules not met")]
    Rules(PasswordChecklist),
    /// Contains the local part of the account's e-mail address.
    #[error("contains the e-mail address")]
    ContainsEmail,
    /// Found among common or easily guessed passwords.
    #[error("too common")]
    TooCommon,
}

/// A password that satisfies ACC-3 and is not common. It is never printed:
/// `Debug` and `Display` hide it.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Checks a new password against every rule: the checklist, the local
    /// part of the e-mail address (if at least 3 characters long) and the
    /// common-password estimate (zxcvbn score below 3 is refused).
    pub fn parse(password: &str, repeat: &str, email_local_part: &str) -> Result<Self, PasswordError> {
        let checklist = PasswordChecklist::evaluate(password, repeat);
        if !checklist.all_met() {
            return Err(PasswordError::Rules(checklist));
        }
        let lower = password.to_lowercase();
        let local = email_local_part.to_lowercase();
        if local.chars().count() >= 3 && lower.contains(&local) {
            return Err(PasswordError::ContainsEmail);
        }
        let mut inputs: Vec<&str> = SITE_WORDS.to_vec();
        if !local.is_empty() {
            inputs.push(&local);
        }
        let estimate = zxcvbn::zxcvbn(password, &inputs);
        if u8::from(estimate.score()) < 3 {
            return Err(PasswordError::TooCommon);
        }
        Ok(Self(password.to_owned()))
    }

    /// The secret itself, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = "Wolke7-Fahrrad!Tisch";

    #[test]
    fn a_strong_password_meets_every_rule() {
        assert!(Password::parse(GOOD, GOOD, "kim.klicker").is_ok());
    }

    #[test]
    fn each_rule_of_acc_3_is_checked_on_its_own() {
        let c = PasswordChecklist::evaluate("kurz", "kurz");
        assert!(!c.length && !c.uppercase && c.lowercase && !c.digit && !c.special && c.allowed_only && c.repeated);
        let c = PasswordChecklist::evaluate("Ähnlich-Sicher123", "Ähnlich-Sicher123");
        assert!(!c.allowed_only, "umlauts are not in the allowlist");
        let c = PasswordChecklist::evaluate(GOOD, "anders");
        assert!(!c.repeated);
        assert!(PasswordChecklist::evaluate(&format!("Aa1!{}", "x".repeat(124)), "").length);
        assert!(!PasswordChecklist::evaluate(&format!("Aa1!{}", "x".repeat(125)), "").length);
        for special in SPECIAL_CHARACTERS.chars() {
            let pw = format!("Abcdefghij1{special}");
            assert!(PasswordChecklist::evaluate(&pw, &pw).all_met(), "{special} is allowed");
        }
        for bad in ['<', '>', '§', '~', ' ', '€', '\\', '[', '`'] {
            let pw = format!("Abcdefghij1!{bad}");
            assert!(!PasswordChecklist::evaluate(&pw, &pw).allowed_only, "{bad:?} is not allowed");
        }
    }

    #[test]
    fn common_passwords_are_refused_even_when_they_meet_the_rules() {
        for common in ["Password123!", "Passwort1234!", "Jobcenter2025!"] {
            assert_eq!(Password::parse(common, common, "x").unwrap_err(), PasswordError::TooCommon, "{common}");
        }
    }

    #[test]
    fn a_password_containing_the_address_local_part_is_refused() {
        let pw = "Kim.Klicker-Sonne42";
        assert_eq!(Password::parse(pw, pw, "kim.klicker").unwrap_err(), PasswordError::ContainsEmail);
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let p = Password::parse(GOOD, GOOD, "").unwrap();
        assert!(!format!("{p:?}").contains("Wolke"));
    }

    proptest! {
        #[test]
        fn a_checklist_that_is_met_implies_only_allowed_characters(s in "[ -~]{0,140}") {
            let c = PasswordChecklist::evaluate(&s, &s);
            if c.all_met() {
                prop_assert!(s.chars().all(is_allowed));
                prop_assert!((12..=128).contains(&s.len()));
            }
        }
    }
}
