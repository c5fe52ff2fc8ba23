//! Pieces shared by the Konto forms: messages for parse errors of the
//! domain types and the password checklist (ACC-3).

use crate::i18n::Lang;
use domain::{EmailError, PasswordChecklist, PasswordError};

/// Message for an e-mail address that does not parse.
pub fn email_error(lang: Lang, e: EmailError) -> String {
    lang.t(match e {
        EmailError::Empty => "form-email-empty",
        EmailError::TooLong => "form-email-too-long",
        EmailError::Invalid => "form-email-invalid",
    })
}

/// Message for a refused password.
pub fn password_error(lang: Lang, e: &PasswordError) -> String {
    match e {
        PasswordError::Rules(c) if !c.repeated && c.length && c.uppercase && c.lowercase && c.digit && c.special && c.allowed_only => {
            lang.t("form-password-repeat-mismatch")
        }
        PasswordError::Rules(_) => lang.t("form-password-rules"),
        PasswordError::ContainsEmail => lang.t("form-password-contains-email"),
        PasswordError::TooCommon => lang.t("form-password-too-common"),
    }
}

/// One line of the checklist.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Rule id used by the live checklist script (`data-regel`).
    pub id: &'static str,
    pub text: String,
    pub met: bool,
}

/// The checklist as shown under the password fields, in the seed's order.
pub fn checklist(lang: Lang, c: &PasswordChecklist) -> Vec<Rule> {
    let special = lang.t_args("pw-rule-special", &[("chars", "@ # $ % & * - _ ! + = : , . ? / ' \" ( ) ;")]);
    vec![
        Rule { id: "laenge", text: lang.t("pw-rule-length"), met: c.length },
        Rule { id: "gross", text: lang.t("pw-rule-upper"), met: c.uppercase },
        Rule { id: "klein", text: lang.t("pw-rule-lower"), met: c.lowercase },
        Rule { id: "ziffer", text: lang.t("pw-rule-digit"), met: c.digit },
        Rule { id: "sonder", text: special, met: c.special },
        Rule { id: "erlaubt", text: lang.t("pw-rule-allowed"), met: c.allowed_only },
        Rule { id: "wiederholung", text: lang.t("pw-rule-repeat"), met: c.repeated },
    ]
}

/// Checks a form checkbox value ("on" when ticked).
pub fn ticked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.is_empty())
}
