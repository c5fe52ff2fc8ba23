//! Web Push to Secure-App devices (RFC 8030 delivery, RFC 8291 message
//! encryption, RFC 8292 VAPID), only when `secure_app_vapid_key` is set.
//!
//! A push is a wake-up only ("a login waits for your approval"), never the
//! request itself: the app then fetches the requests over the device API.
//! Delivery is best effort in a background task: a request lives two
//! minutes, approvals never depend on push (the app also polls), and a lost
//! wake-up costs nothing but a tap. Subscriptions that the push service
//! reports gone (404/410) are dropped.

use super::api::{ApiError, ApiResult, authenticate};
use crate::app::AppState;
use crate::web::Ctx;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes128Gcm, Nonce};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use serde::Deserialize;
use sha2::Sha256;
use sqlx::Row;

/// How long a push service keeps the message (seconds): as long as a
/// request lives.
pub const TTL_SECS: i64 = 120;

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// The application server key (VAPID public key, uncompressed point,
/// base64url) that devices subscribe with.
pub fn application_server_key(private: &[u8; 32]) -> Option<String> {
    let key = p256::SecretKey::from_slice(private).ok()?;
    Some(URL_SAFE_NO_PAD.encode(key.public_key().to_encoded_point(false).as_bytes()))
}

/// The `Authorization: vapid t=…, k=…` header for `endpoint` (RFC 8292):
/// an ES256 JWT with the endpoint's origin as audience, valid 12 hours.
pub fn vapid_header(private: &[u8; 32], subject: &str, endpoint: &url::Url, now: i64) -> Option<String> {
    use p256::ecdsa::signature::Signer;
    let signing = p256::ecdsa::SigningKey::from_slice(private).ok()?;
    let audience = endpoint.origin().ascii_serialization();
    let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
    let claims = URL_SAFE_NO_PAD.encode(serde_json::json!({"aud": audience, "exp": now + 12 * 3600, "sub": subject}).to_string());
    let input = format!("{header}.{claims}");
    let sig: p256::ecdsa::Signature = signing.sign(input.as_bytes());
    Some(format!("vapid t={input}.{}, k={}", URL_SAFE_NO_PAD.encode(sig.to_bytes()), application_server_key(private)?))
}

/// Encrypts `plaintext` for a subscription (RFC 8291, `aes128gcm`, one
/// record): `salt ‖ rs ‖ idlen ‖ as_public ‖ ciphertext`.
pub fn encrypt(ua_public: &[u8], auth_secret: &[u8], plaintext: &[u8]) -> Option<Vec<u8>> {
    let ephemeral = p256::SecretKey::from_slice(&crate::crypto::random_bytes::<32>()).ok()?;
    encrypt_with(ua_public, auth_secret, plaintext, &ephemeral, crate::crypto::random_bytes::<16>())
}

fn encrypt_with(ua_public: &[u8], auth_secret: &[u8], plaintext: &[u8], ephemeral: &p256::SecretKey, salt: [u8; 16]) -> Option<Vec<u8>> {
    let ua = p256::PublicKey::from_sec1_bytes(ua_public).ok()?;
    let as_public = ephemeral.public_key().to_encoded_point(false);
    let shared = (ua.to_projective() * *ephemeral.to_nonzero_scalar()).to_affine().to_encoded_point(false);
    let ecdh = shared.x()?;
    let ua_point = ua.to_encoded_point(false);
    let prk_key = hmac(auth_secret, &[ecdh]);
    let ikm = hmac(&prk_key, &[b"WebPush: info\0", ua_point.as_bytes(), as_public.as_bytes(), &[1]]);
    let prk = hmac(&salt, &[&ikm]);
    let cek = hmac(&prk, &[b"Content-Encoding: aes128gcm\0", &[1]]);
    let nonce = hmac(&prk, &[b"Content-Encoding: nonce\0", &[1]]);
    let mut padded = plaintext.to_vec();
    padded.push(2);
    let cipher = Aes128Gcm::new_from_slice(&cek[..16]).ok()?;
    let ciphertext = cipher.encrypt(Nonce::from_slice(&nonce[..12]), Payload { msg: &padded, aad: b"" }).ok()?;
    let mut body = salt.to_vec();
    body.extend_from_slice(&4096u32.to_be_bytes());
    body.push(65);
    body.extend_from_slice(as_public.as_bytes());
    body.extend_from_slice(&ciphertext);
    Some(body)
}

/// Whether a device may subscribe with this endpoint: https, or plain http
/// to the loopback address while the portal itself runs on plain http
/// (development and tests) — the server posts to it, so nothing else.
pub fn endpoint_allowed(state: &AppState, endpoint: &str) -> bool {
    let Ok(url) = url::Url::parse(endpoint) else { return false };
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => {
            state.config.public_url.scheme() == "http" && matches!(url.host_str(), Some("127.0.0.1") | Some("localhost") | Some("[::1]"))
        }
        _ => false,
    }
}

/// Wakes the active devices of an account that have a subscription (in the
/// background; returns at once).
pub async fn notify(state: &AppState, account_id: &str) -> sqlx::Result<()> {
    let Some((key, subject)) = state.config.secure_app_vapid.clone() else { return Ok(()) };
    let rows = sqlx::query(
        "SELECT id, push_endpoint, push_p256dh, push_auth FROM secure_app_devices
         WHERE account_id = $1 AND status = 'active' AND push_endpoint IS NOT NULL",
    )
    .bind(account_id)
    .fetch_all(&state.db.pool)
    .await?;
    for r in rows {
        let device: String = r.try_get("id")?;
        let endpoint: String = r.try_get("push_endpoint")?;
        let p256dh: String = r.try_get::<Option<String>, _>("push_p256dh")?.unwrap_or_default();
        let auth: String = r.try_get::<Option<String>, _>("push_auth")?.unwrap_or_default();
        let state = state.clone();
        let subject = subject.clone();
        tokio::spawn(async move {
            if let Err(e) = send(&state, &key, &subject, &device, &endpoint, &p256dh, &auth).await {
                tracing::warn!(error = %format!("{e:#}"), device = %device, "Web Push to a Secure-App device failed");
            }
        });
    }
    Ok(())
}

async fn send(
    state: &AppState,
    key: &[u8; 32],
    subject: &str,
    device: &str,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let url = url::Url::parse(endpoint).context("endpoint")?;
    let ua = URL_SAFE_NO_PAD.decode(p256dh).context("p256dh")?;
    let auth = URL_SAFE_NO_PAD.decode(auth).context("auth")?;
    let payload = serde_json::json!({"type": "login_request"}).to_string();
    let body = encrypt(&ua, &auth, payload.as_bytes()).context("encrypting")?;
    let authorization = vapid_header(key, subject, &url, state.now()).context("VAPID")?;
    let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build()?;
    let res = client
        .post(url)
        .header("authorization", authorization)
        .header("content-encoding", "aes128gcm")
        .header("content-type", "application/octet-stream")
        .header("ttl", TTL_SECS.to_string())
        .header("urgency", "high")
        .body(body)
        .send()
        .await?;
    match res.status().as_u16() {
        200..=299 => Ok(()),
        404 | 410 => {
            sqlx::query("UPDATE secure_app_devices SET push_endpoint = NULL, push_p256dh = NULL, push_auth = NULL WHERE id = $1")
                .bind(device)
                .execute(&state.db.writer)
                .await?;
            Ok(())
        }
        s => anyhow::bail!("push service answered {s}"),
    }
}

// The device API endpoints of push (see `api`).

/// `GET /api/v1/secure-app/push`: `{"application_server_key"}` for
/// `PushManager.subscribe`; `null` when push is not configured.
pub async fn push_key(State(state): State<AppState>) -> ApiResult<Response> {
    let key = state.config.secure_app_vapid.as_ref().and_then(|(k, _)| application_server_key(k));
    Ok(Json(serde_json::json!({"application_server_key": key})).into_response())
}

#[derive(Deserialize)]
pub struct PushKeys {
    p256dh: String,
    auth: String,
}

#[derive(Deserialize)]
pub struct Subscription {
    endpoint: String,
    keys: PushKeys,
}

/// `PUT /api/v1/secure-app/push`: stores the device's subscription (the
/// JSON of `PushSubscription.toJSON()`); `204`.
pub async fn subscribe(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, Json(body): Json<Subscription>) -> ApiResult<Response> {
    let d = authenticate(&state, &ctx, &headers).await?;
    if !d.active {
        return Err(ApiError::NotConfirmed);
    }
    if state.config.secure_app_vapid.is_none() {
        return Err(ApiError::NotFound("push_not_configured"));
    }
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let keys_ok = base64::Engine::decode(&b64, body.keys.p256dh.trim()).ok().is_some_and(|k| p256::PublicKey::from_sec1_bytes(&k).is_ok())
        && base64::Engine::decode(&b64, body.keys.auth.trim()).ok().is_some_and(|a| a.len() == 16);
    if body.endpoint.len() > 1000 || !endpoint_allowed(&state, &body.endpoint) || !keys_ok {
        return Err(ApiError::BadRequest("endpoint (https) and keys p256dh, auth (base64url)"));
    }
    sqlx::query("UPDATE secure_app_devices SET push_endpoint = $1, push_p256dh = $2, push_auth = $3 WHERE id = $4")
        .bind(&body.endpoint)
        .bind(body.keys.p256dh.trim())
        .bind(body.keys.auth.trim())
        .bind(&d.id)
        .execute(&state.db.writer)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(s).unwrap()
    }

    /// RFC 8291, appendix A.
    #[test]
    fn the_rfc_8291_example_encrypts_to_the_published_message() {
        let ephemeral = p256::SecretKey::from_slice(&b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")).unwrap();
        let ua_public = b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        let auth = b64("BTBZMqHH6r4Tts7J_aSIgg");
        let salt: [u8; 16] = b64("DGv6ra1nlYgDCS1FRnbzlw").try_into().unwrap();
        let body = encrypt_with(&ua_public, &auth, b"When I grow up, I want to be a watermelon", &ephemeral, salt).unwrap();
        assert_eq!(
            URL_SAFE_NO_PAD.encode(body),
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"
        );
    }

    #[test]
    fn the_vapid_header_carries_a_verifiable_jwt_for_the_push_origin() {
        use p256::ecdsa::signature::Verifier;
        let key = [5u8; 32];
        let url = url::Url::parse("https://push.example.net:8443/wpush/abc").unwrap();
        let h = vapid_header(&key, "mailto:a@b.de", &url, 1_800_000_000).unwrap();
        let (t, k) = h.strip_prefix("vapid t=").unwrap().split_once(", k=").unwrap();
        assert_eq!(Some(k.to_owned()), application_server_key(&key));
        let (signed, sig) = t.rsplit_once('.').unwrap();
        let sig = p256::ecdsa::Signature::from_slice(&b64(sig)).unwrap();
        let public = p256::ecdsa::VerifyingKey::from_sec1_bytes(&b64(k)).unwrap();
        assert!(public.verify(signed.as_bytes(), &sig).is_ok());
        let claims: serde_json::Value = serde_json::from_slice(&b64(signed.split('.').nth(1).unwrap())).unwrap();
        assert_eq!(claims["aud"], "https://push.example.net:8443");
        assert_eq!(claims["exp"], 1_800_000_000 + 12 * 3600);
    }
}
