//! Secure-App (MFA-30 … MFA-34): push approval of logins from a linked
//! phone, with number matching against push fatigue.
//!
//! - [`einrichten`]: the three set-up steps in the portal (a linking record
//!   valid 4 minutes, link and QR code, "Verknüpfung bestätigen").
//! - [`api`]: the device API under `/api/v1/secure-app/…` (linking, pending
//!   requests, signed approve/deny, removal) — documented in
//!   `docs/SECURE-APP-PROTOCOL.md` and `docs/openapi/secure-app.yaml`.
//! - [`anmelden`]: the waiting page after the password, its status
//!   endpoint, and completing the login with an approved request.
//! - [`verwalten`]: devices in "Kontoeinstellungen" (rename, remove).
//! - [`companion`]: the companion web app (PWA) served under `/secure-app/`.
//! - [`push`]: Web Push wake-ups (VAPID), only when configured.
//!
//! Everything lives in the database (three tables of migration 0004), so
//! an approval that reaches one node releases the waiting page of another.
//! Approvals never depend on push delivery: the companion polls.

pub mod anmelden;
pub mod api;
pub mod companion;
pub mod einrichten;
pub mod push;
pub mod verwalten;

use crate::db::Tx;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sqlx::Row;

/// How long a set-up may take, in seconds (MFA-31: 4 minutes).
pub const LINK_SECS: i64 = 240;
/// How long a login request waits for the phone (MFA-33: 2 minutes).
pub const REQUEST_SECS: i64 = 120;
/// How long an approved request can still be taken by its login.
pub const APPROVED_SECS: i64 = 120;
/// Devices per account.
pub const MAX_DEVICES: i64 = 5;
/// Login requests per account and 15 minutes.
pub const REQUESTS_PER_15_MIN: i64 = 10;
/// The prefix of the signed string; a new protocol version changes it.
pub const SIGNATURE_CONTEXT: &str = "jobcenter-secure-app-v1";

/// A linked device as the settings page lists it.
#[derive(Debug, Clone)]
pub struct DeviceItem {
    pub id: String,
    pub name: String,
    pub linked_at: i64,
    pub last_used_at: Option<i64>,
}

/// The account's active (confirmed) devices, oldest first.
pub async fn list_devices<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, account_id: &str) -> sqlx::Result<Vec<DeviceItem>> {
    let rows = sqlx::query(
        "SELECT id, name, linked_at, last_used_at FROM secure_app_devices
         WHERE account_id = $1 AND status = 'active' ORDER BY linked_at, id",
    )
    .bind(account_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DeviceItem {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                linked_at: r.try_get::<Option<i64>, _>("linked_at")?.unwrap_or(0),
                last_used_at: r.try_get("last_used_at")?,
            })
        })
        .collect()
}

/// How many active devices an account has (a way in, MFA-23).
pub async fn count_devices<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(ex: E, account_id: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM secure_app_devices WHERE account_id = $1 AND status = 'active'")
        .bind(account_id)
        .fetch_one(ex)
        .await
}

/// Removes a device with its open requests; `None` if it is not the
/// account's. Audit and mail are the caller's.
pub async fn delete_device(tx: &mut Tx, account_id: &str, device_id: &str) -> sqlx::Result<Option<String>> {
    let name: Option<String> = sqlx::query_scalar("DELETE FROM secure_app_devices WHERE id = $1 AND account_id = $2 RETURNING name")
        .bind(device_id)
        .bind(account_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(name)
}

/// Deletes everything of the Secure-App that belongs to an account.
pub async fn delete_for_account(tx: &mut Tx, account_id: &str) -> sqlx::Result<()> {
    for sql in [
        "DELETE FROM secure_app_requests WHERE account_id = $1",
        "DELETE FROM secure_app_linkings WHERE account_id = $1",
        "DELETE FROM secure_app_devices WHERE account_id = $1",
    ] {
        sqlx::query(sql).bind(account_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Housekeeping: finished or expired linkings and requests after a day,
/// and devices whose linking was never confirmed.
pub async fn purge(writer: &crate::db::Writer, now: i64) -> sqlx::Result<u64> {
    let day = now - 86_400;
    let mut n = sqlx::query("DELETE FROM secure_app_requests WHERE expires_at < $1").bind(day).execute(writer).await?.rows_affected();
    n += sqlx::query("DELETE FROM secure_app_linkings WHERE expires_at < $1").bind(day).execute(writer).await?.rows_affected();
    n += sqlx::query("DELETE FROM secure_app_devices WHERE status = 'pending' AND created_at < $1")
        .bind(day)
        .execute(writer)
        .await?
        .rows_affected();
    Ok(n)
}

/// A random number in `low..=high` (rejection sampling, no bias).
fn random_in(low: u16, high: u16) -> u16 {
    let span = high - low + 1;
    let zone = u16::MAX - (u16::MAX % span);
    loop {
        let v = u16::from_le_bytes(crate::crypto::random_bytes::<2>());
        if v < zone {
            return low + v % span;
        }
    }
}

/// The number the browser shows and the three the app offers (the right
/// one among two different decoys, in random order). Two digits: 10 … 99.
pub fn numbers() -> (u16, [u16; 3]) {
    let right = random_in(10, 99);
    let mut choices = [right, 0, 0];
    for i in 1..3 {
        choices[i] = loop {
            let d = random_in(10, 99);
            if !choices[..i].contains(&d) {
                break d;
            }
        };
    }
    for i in (1..3).rev() {
        let j = random_in(0, i as u16) as usize;
        choices.swap(i, j);
    }
    (right, choices)
}

/// The three offered numbers from their stored form.
pub fn parse_choices(s: &str) -> Vec<u16> {
    s.split(',').filter_map(|n| n.trim().parse().ok()).collect()
}

/// The decision a device signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Deny,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Deny => "deny",
        }
    }
}

/// The exact string a device signs for an answer (ECDSA P-256 with
/// SHA-256): context, request id, challenge, chosen number (0 when a
/// denial picked none) and decision, one per line.
pub fn canonical(request_id: &str, challenge: &str, number: u16, decision: Decision) -> String {
    format!("{SIGNATURE_CONTEXT}\n{request_id}\n{challenge}\n{number}\n{}", decision.as_str())
}

/// Parses a device public key: the uncompressed SEC1 point (65 bytes,
/// `0x04 ‖ x ‖ y`, what WebCrypto's `exportKey("raw")` gives), base64url.
pub fn parse_public_key(b64: &str) -> Option<p256::ecdsa::VerifyingKey> {
    let bytes = URL_SAFE_NO_PAD.decode(b64.trim()).ok()?;
    if bytes.len() != 65 || bytes[0] != 4 {
        return None;
    }
    p256::ecdsa::VerifyingKey::from_sec1_bytes(&bytes).ok()
}

/// Verifies a signature (IEEE P1363 `r ‖ s`, 64 bytes, base64url — what
/// WebCrypto's `sign` gives) over `message` with the stored key.
pub fn verify_signature(public_key_b64: &str, message: &str, signature_b64: &str) -> bool {
    use p256::ecdsa::signature::Verifier;
    let Some(key) = parse_public_key(public_key_b64) else { return false };
    let Ok(raw) = URL_SAFE_NO_PAD.decode(signature_b64.trim()) else { return false };
    let Ok(sig) = p256::ecdsa::Signature::from_slice(&raw) else { return false };
    key.verify(message.as_bytes(), &sig).is_ok()
}

/// A device name as the companion sends it: trimmed, 1–60 characters, no
/// control characters.
pub fn clean_device_name(name: &str) -> Option<String> {
    let n = name.trim();
    let len = n.chars().count();
    ((1..=60).contains(&len) && !n.chars().any(char::is_control)).then(|| n.to_owned())
}

/// The link that opens the companion with a linking token (in the URL
/// fragment, so that it never reaches a server log).
pub fn companion_link(base_url: &str, token: &str) -> String {
    format!("{base_url}/secure-app/#verknuepfen={token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_numbers_hold_the_right_one_and_two_different_decoys() {
        for _ in 0..500 {
            let (right, choices) = numbers();
            assert!((10..=99).contains(&right));
            assert!(choices.contains(&right));
            assert!(choices.iter().all(|c| (10..=99).contains(c)));
            assert!(choices[0] != choices[1] && choices[1] != choices[2] && choices[0] != choices[2]);
        }
        assert_eq!(parse_choices("12,34,56"), vec![12, 34, 56]);
    }

    #[test]
    fn a_signature_over_the_canonical_string_verifies_and_nothing_else() {
        use p256::ecdsa::signature::Signer;
        let key = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
        let public = URL_SAFE_NO_PAD.encode(key.verifying_key().to_encoded_point(false).as_bytes());
        assert!(parse_public_key(&public).is_some());
        let msg = canonical("r1", "c1", 42, Decision::Approve);
        assert_eq!(msg, "jobcenter-secure-app-v1\nr1\nc1\n42\napprove");
        let sig: p256::ecdsa::Signature = key.sign(msg.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(sig.to_bytes());
        assert!(verify_signature(&public, &msg, &sig));
        assert!(!verify_signature(&public, &canonical("r1", "c1", 43, Decision::Approve), &sig));
        assert!(!verify_signature(&public, &canonical("r1", "c1", 42, Decision::Deny), &sig));
        assert!(!verify_signature(&public, &msg, "AAAA"));
        assert!(parse_public_key("AAAA").is_none());
    }

    #[test]
    fn device_names_are_trimmed_and_bounded() {
        assert_eq!(clean_device_name("  Demo Phone "), Some("Demo Phone".into()));
        assert_eq!(clean_device_name(""), None);
        assert_eq!(clean_device_name(&"x".repeat(61)), None);
        assert_eq!(clean_device_name("a\u{0007}b"), None);
    }
}
