//! Passkeys (MFA-20 … MFA-24): registration with a discoverable credential
//! and user verification, usernameless login ("Mit Passkey anmelden"),
//! passkey as second step after the password, management in
//! "Kontoeinstellungen", removing the password.
//!
//! WebAuthn is done by webauthn-rs (DESIGN.md). Two traps of that library
//! are handled here: its passkey registration asks for `residentKey =
//! discouraged`, which we overwrite with `required` (else "Mit Passkey
//! anmelden" finds nothing), and its discoverable login asks for
//! conditional mediation, which we drop for the button. The ceremony state
//! lives in the database ([`zeremonie`]), so every node can finish what
//! another one started.
//!
//! How the browser talks to us:
//! - Registration: the name form is an ordinary form (errors are shown by
//!   the server before any ceremony starts); the next page carries the
//!   creation options in a data attribute; `passkey.js` runs the ceremony
//!   and posts the answer as an ordinary form, so the result page (with the
//!   recovery codes of a first factor) is rendered by the server.
//! - Login (usernameless and second step): JSON endpoints (`POST` with a
//!   JSON body, same origin), answering `{"zeremonie", "optionen"}`, then
//!   `{"weiter"}` or `{"fehler": {"code", "meldung"}}` with a stable code.
//!
//! Passwords: an account may drop its password once it has a passkey.
//! "Passwort vergessen" can set one again later; the next password login
//! still needs the passkey or TOTP as second step, so a password alone
//! never opens the account.

pub mod anmelden;
pub mod einrichten;
pub mod speicher;
pub mod verwalten;
pub mod zeremonie;

use crate::config::Config;
use crate::i18n::Lang;
use anyhow::Context;
use std::time::Duration;
use webauthn_rs::{Webauthn, WebauthnBuilder};

/// Passkeys per account ("bis zu 10 eingerichtete Geräte je Konto", MFA-21).
pub const MAX_PASSKEYS: i64 = 10;

/// How long a ceremony may take, in seconds (also the browser's timeout).
pub const CEREMONY_SECS: i64 = 300;

/// The relying party: RP id = host of `public_url`, origin = `public_url`.
pub fn relying_party(config: &Config) -> anyhow::Result<Webauthn> {
    let url = &config.public_url;
    let rp_id = url.domain().with_context(|| {
        format!("JOBCENTER_PUBLIC_URL: '{url}' braucht für Passkeys einen Hostnamen (z. B. localhost), keine IP-Adresse")
    })?;
    WebauthnBuilder::new(rp_id, url)
        .with_context(|| format!("JOBCENTER_PUBLIC_URL: '{url}' taugt nicht als Ursprung für Passkeys"))?
        .rp_name("Jobcenter Digital")
        .timeout(Duration::from_secs(CEREMONY_SECS as u64))
        .build()
        .with_context(|| format!("JOBCENTER_PUBLIC_URL: '{url}' taugt nicht als Ursprung für Passkeys"))
}

/// Checks a passkey name (MFA-20) and that the account has no other
/// passkey of that name (case-insensitive); returns the name or the
/// message to show.
pub fn check_name(lang: Lang, input: &str, others: &[speicher::PasskeyItem]) -> Result<domain::PasskeyName, String> {
    if input.trim().is_empty() {
        return Err(lang.t("passkey-error-name-empty"));
    }
    let name = domain::PasskeyName::parse(input).map_err(|e| match e {
        domain::PasskeyNameError::Length => lang.t("passkey-error-name-length"),
        domain::PasskeyNameError::Characters => lang.t("passkey-error-name-characters"),
    })?;
    if others.iter().any(|p| p.name.eq_ignore_ascii_case(name.as_str())) {
        return Err(lang.t("passkey-error-name-taken"));
    }
    Ok(name)
}

/// The default name "PK-8.4.2025-16:45:53" from local time (Europe/Berlin).
pub fn default_name(now: i64) -> domain::PasskeyName {
    use chrono::{Datelike, TimeZone, Timelike};
    let t = chrono_tz::Europe::Berlin
        .timestamp_opt(now, 0)
        .single()
        .unwrap_or_else(|| chrono_tz::Europe::Berlin.timestamp_opt(0, 0).single().expect("the epoch exists in Europe/Berlin"));
    domain::PasskeyName::default_for(t.day(), t.month(), t.year(), t.hour(), t.minute(), t.second())
}

/// How a passkey is named in mails and the history: Passkey „Name“.
pub fn factor_name(lang: Lang, name: &str) -> String {
    lang.t_args("passkey-factor-named", &[("name", name)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_uses_german_local_time() {
        // 2025-04-08 14:45:53 UTC is 16:45:53 in Berlin (summer time).
        assert_eq!(default_name(1_744_123_553).as_str(), "PK-8.4.2025-16:45:53");
        // 2025-01-05 08:03:04 UTC is 09:03:04 in Berlin (winter time).
        assert_eq!(default_name(1_736_064_184).as_str(), "PK-5.1.2025-09:03:04");
    }

    #[test]
    fn names_follow_the_rules_and_are_unique_per_account() {
        let other = speicher::PasskeyItem { id: "1".into(), name: "Laptop".into(), created_at: 0, last_used_at: None };
        assert!(check_name(Lang::De, "Handy_(privat)", std::slice::from_ref(&other)).is_ok());
        assert_eq!(check_name(Lang::De, "  ", &[]), Err(Lang::De.t("passkey-error-name-empty")));
        assert_eq!(check_name(Lang::De, "ab", &[]), Err(Lang::De.t("passkey-error-name-length")));
        assert_eq!(check_name(Lang::De, "Mein Handy", &[]), Err(Lang::De.t("passkey-error-name-characters")));
        assert_eq!(check_name(Lang::De, "LAPTOP", &[other]), Err(Lang::De.t("passkey-error-name-taken")));
    }

    #[test]
    fn the_relying_party_needs_a_host_name() {
        let mut raw = crate::config::RawConfig { public_url: Some("http://localhost:8080".into()), ..Default::default() };
        raw.database_url = Some("sqlite://x.db".into());
        assert!(Config::from_raw(raw.clone()).map(|c| relying_party(&c).is_ok()).unwrap_or(false));
        raw.public_url = Some("http://127.0.0.1:8080".into());
        let err = Config::from_raw(raw).map(|c| relying_party(&c).map(|_| ()));
        assert!(matches!(err, Ok(Err(_))), "an IP address is refused");
    }
}
