//! "Einmal-Zugangsdaten" (MFA-70): a one-time password that staff hand out
//! after an ID check when a client has lost access. Issuing it removes the
//! account's second factors and ends its sessions; the password opens one
//! login, which meets the gate ("Sicherheitshinweis") and must set up a new
//! factor. A second login with it is refused until the account sets a
//! password of its own (which removes the row, see `store::set_password`).

use crate::db::Tx;

/// How long one-time access data stay valid (7 days).
pub const VALIDITY_SECS: i64 = 7 * 24 * 3600;

/// Characters of a one-time password: no look-alikes (0/O, 1/l/I).
const ALPHABET: &[u8] = b"23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

/// A new random one-time password, "xxxx-xxxx-xxxx-xxxx" (about 93 bits).
pub fn generate() -> String {
    let n = ALPHABET.len();
    let limit = 256 / n * n;
    let mut out = String::with_capacity(19);
    let mut count = 0;
    while count < 16 {
        for b in crate::crypto::random_bytes::<32>() {
            if usize::from(b) < limit && count < 16 {
                if count > 0 && count % 4 == 0 {
                    out.push('-');
                }
                out.push(char::from(ALPHABET[usize::from(b) % n]));
                count += 1;
            }
        }
    }
    out
}

/// Replaces the account's password by the hash of a one-time password and
/// records it as one-time. The caller removes the factors in `tx` too.
pub async fn issue(tx: &mut Tx, account_id: &str, password_hash: &str, issued_by: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO one_time_passwords (account_id, issued_by, issued_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)
         ON CONFLICT (account_id) DO UPDATE SET issued_by = $2, issued_at = $3, expires_at = $4, used_at = NULL",
    )
    .bind(account_id)
    .bind(issued_by)
    .bind(now)
    .bind(now + VALIDITY_SECS)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// After a right password of an account with one-time access data (the
/// login candidate says so): `true` if the login may go on — once, before
/// they expire (the use is taken atomically, so two nodes cannot both let a
/// login through).
pub async fn take_login(writer: &crate::db::Writer, account_id: &str, now: i64) -> sqlx::Result<bool> {
    let taken = sqlx::query("UPDATE one_time_passwords SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL AND expires_at > $1")
        .bind(now)
        .bind(account_id)
        .execute(writer)
        .await?
        .rows_affected();
    Ok(taken == 1)
}

/// Removes every second factor of an account (TOTP, passkeys, Secure-App
/// devices, recovery codes, pending set-ups) and ends all its sessions (MFA-70): the next
/// login meets the gate and must set up a factor again. Returns how many
/// factors were removed.
pub async fn reset_factors(tx: &mut Tx, account_id: &str) -> sqlx::Result<u64> {
    let mut removed = 0;
    for sql in [
        "DELETE FROM totp_factors WHERE account_id = $1",
        "DELETE FROM passkeys WHERE account_id = $1",
        "DELETE FROM secure_app_devices WHERE account_id = $1",
    ] {
        removed += sqlx::query(sql).bind(account_id).execute(&mut **tx).await?.rows_affected();
    }
    for sql in [
        "DELETE FROM recovery_codes WHERE account_id = $1",
        "DELETE FROM totp_pending WHERE account_id = $1",
        "DELETE FROM secure_app_linkings WHERE account_id = $1",
        "DELETE FROM secure_app_requests WHERE account_id = $1",
        "DELETE FROM sessions WHERE account_id = $1",
    ] {
        sqlx::query(sql).bind(account_id).execute(&mut **tx).await?;
    }
    Ok(removed)
}

/// Forgets one-time access data (the account set a password of its own).
pub async fn clear(tx: &mut Tx, account_id: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM one_time_passwords WHERE account_id = $1").bind(account_id).execute(&mut **tx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_time_passwords_are_long_and_unambiguous() {
        let p = super::generate();
        assert_eq!(p.len(), 19);
        assert_eq!(p.matches('-').count(), 3);
        assert!(!p.contains(['0', 'O', '1', 'l', 'I']));
        assert_ne!(p, super::generate());
    }
}
