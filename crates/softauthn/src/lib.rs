//! A software WebAuthn authenticator (platform authenticator with resident
//! keys and user verification): a P-256 key per credential, attestation
//! "none" with the flags UP, UV and AT, a COSE EC2 key, ECDSA assertion
//! signatures and a signature counter. Used by the API tests and the load
//! tool; errors instead of panics, plus the two HTML helpers the
//! registration pages need.

use anyhow::{Context, anyhow};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const FLAG_UP: u8 = 0x01;
const FLAG_UV: u8 = 0x04;
const FLAG_AT: u8 = 0x40;

/// Base64url without padding, as WebAuthn JSON uses it.
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The bytes of a base64url text.
pub fn unb64(text: &str) -> anyhow::Result<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).context("base64url")
}

fn cbor_head(major: u8, n: u64, out: &mut Vec<u8>) {
    let m = major << 5;
    match n {
        0..=23 => out.push(m | n as u8),
        24..=0xff => out.extend([m | 24, n as u8]),
        0x100..=0xffff => {
            out.push(m | 25);
            out.extend((n as u16).to_be_bytes());
        }
        _ => {
            out.push(m | 26);
            out.extend((n as u32).to_be_bytes());
        }
    }
}

fn cbor_int(v: i64, out: &mut Vec<u8>) {
    if v >= 0 { cbor_head(0, v as u64, out) } else { cbor_head(1, (-1 - v) as u64, out) }
}

fn cbor_bytes(b: &[u8], out: &mut Vec<u8>) {
    cbor_head(2, b.len() as u64, out);
    out.extend_from_slice(b);
}

fn cbor_text(s: &str, out: &mut Vec<u8>) {
    cbor_head(3, s.len() as u64, out);
    out.extend_from_slice(s.as_bytes());
}

fn random<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| anyhow!("getrandom: {e}"))?;
    Ok(b)
}

fn client_data(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
    json!({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": false}).to_string().into_bytes()
}

fn str_field<'a>(v: &'a Value, name: &str) -> anyhow::Result<&'a str> {
    v[name].as_str().with_context(|| format!("options without '{name}'"))
}

/// One credential.
#[derive(Clone)]
pub struct Credential {
    /// The credential id.
    pub id: Vec<u8>,
    key: SigningKey,
    rp_id: String,
    user_handle: Vec<u8>,
    counter: u32,
}

impl Credential {
    /// Swaps the private key for a fresh one: the next assertion carries a
    /// signature the server cannot verify (a forged device).
    pub fn forge_key(&mut self) -> anyhow::Result<()> {
        self.key = SigningKey::from_slice(&random::<32>()?).context("a P-256 key")?;
        Ok(())
    }
}

/// A platform authenticator with resident keys and user verification.
#[derive(Clone, Default)]
pub struct Authenticator {
    /// The credentials it holds, oldest first.
    pub credentials: Vec<Credential>,
}

/// The error of `create` for an excluded credential, as browsers name it.
pub const INVALID_STATE: &str = "InvalidStateError";

impl Authenticator {
    /// `navigator.credentials.create` for these options (the `publicKey`
    /// member), as the JSON the browser script posts.
    pub fn create(&mut self, options: &Value, origin: &str) -> anyhow::Result<Value> {
        let rp_id = str_field(&options["rp"], "id")?.to_owned();
        let user_handle = unb64(str_field(&options["user"], "id")?)?;
        let excluded: Vec<Vec<u8>> = options["excludeCredentials"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| c["id"].as_str().and_then(|id| unb64(id).ok())).collect())
            .unwrap_or_default();
        if self.credentials.iter().any(|c| excluded.contains(&c.id)) {
            return Err(anyhow!(INVALID_STATE));
        }
        let key = SigningKey::from_slice(&random::<32>()?).context("a P-256 key")?;
        let id = random::<32>()?.to_vec();
        let point = key.verifying_key().to_encoded_point(false);
        let (x, y) = point.x().zip(point.y()).context("an uncompressed point")?;
        let mut cose = Vec::new();
        cbor_head(5, 5, &mut cose);
        cbor_int(1, &mut cose);
        cbor_int(2, &mut cose); // kty: EC2
        cbor_int(3, &mut cose);
        cbor_int(-7, &mut cose); // alg: ES256
        cbor_int(-1, &mut cose);
        cbor_int(1, &mut cose); // crv: P-256
        cbor_int(-2, &mut cose);
        cbor_bytes(x, &mut cose);
        cbor_int(-3, &mut cose);
        cbor_bytes(y, &mut cose);
        let mut auth_data = Sha256::digest(rp_id.as_bytes()).to_vec();
        auth_data.push(FLAG_UP | FLAG_UV | FLAG_AT);
        auth_data.extend(0u32.to_be_bytes());
        auth_data.extend([0u8; 16]); // AAGUID
        auth_data.extend((id.len() as u16).to_be_bytes());
        auth_data.extend(&id);
        auth_data.extend(&cose);
        let mut attestation = Vec::new();
        cbor_head(5, 3, &mut attestation);
        cbor_text("fmt", &mut attestation);
        cbor_text("none", &mut attestation);
        cbor_text("attStmt", &mut attestation);
        cbor_head(5, 0, &mut attestation);
        cbor_text("authData", &mut attestation);
        cbor_bytes(&auth_data, &mut attestation);
        let challenge = str_field(options, "challenge")?;
        let answer = json!({
            "id": b64(&id),
            "rawId": b64(&id),
            "type": "public-key",
            "response": {
                "attestationObject": b64(&attestation),
                "clientDataJSON": b64(&client_data("webauthn.create", challenge, origin)),
            },
            "extensions": {"credProps": {"rk": true}},
        });
        self.credentials.push(Credential { id, key, rp_id, user_handle, counter: 0 });
        Ok(answer)
    }

    /// `navigator.credentials.get`: with an allow list one of those
    /// credentials, else (discoverable) the newest credential for the RP.
    pub fn get(&mut self, options: &Value, origin: &str) -> anyhow::Result<Value> {
        let rp_id = str_field(options, "rpId")?.to_owned();
        let allowed: Vec<Vec<u8>> = options["allowCredentials"]
            .as_array()
            .map(|a| a.iter().filter_map(|c| c["id"].as_str().and_then(|id| unb64(id).ok())).collect())
            .unwrap_or_default();
        let cred = self
            .credentials
            .iter_mut()
            .rev()
            .find(|c| c.rp_id == rp_id && (allowed.is_empty() || allowed.contains(&c.id)))
            .context("NotAllowedError: no matching credential")?;
        cred.counter += 1;
        let mut auth_data = Sha256::digest(rp_id.as_bytes()).to_vec();
        auth_data.push(FLAG_UP | FLAG_UV);
        auth_data.extend(cred.counter.to_be_bytes());
        let client = client_data("webauthn.get", str_field(options, "challenge")?, origin);
        let mut signed = auth_data.clone();
        signed.extend(Sha256::digest(&client));
        let signature: Signature = cred.key.sign(&signed);
        Ok(json!({
            "id": b64(&cred.id),
            "rawId": b64(&cred.id),
            "type": "public-key",
            "response": {
                "authenticatorData": b64(&auth_data),
                "clientDataJSON": b64(&client),
                "signature": b64(signature.to_der().as_bytes()),
                "userHandle": b64(&cred.user_handle),
            },
            "extensions": {},
        }))
    }
}

/// Undoes askama's HTML escaping of an attribute value.
fn unescape(s: &str) -> anyhow::Result<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').context("entity without ';'")? + i;
        let entity = &rest[i + 1..end];
        let c = match entity {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        out.push(c.with_context(|| format!("unknown entity &{entity};"))?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of `attr="…"` on the element with `id="…"`.
pub fn attribute(html: &str, id: &str, attr: &str) -> anyhow::Result<String> {
    let at = html.find(&format!("id=\"{id}\"")).with_context(|| format!("no element #{id}"))?;
    let tag_start = html[..at].rfind('<').context("no tag start")?;
    let tag_end = html[tag_start..].find('>').context("no tag end")?;
    let tag = &html[tag_start..tag_start + tag_end];
    let key = format!(" {attr}=\"");
    let start = tag.find(&key).with_context(|| format!("no {attr} on #{id}"))? + key.len();
    let len = tag[start..].find('"').context("unterminated attribute")?;
    unescape(&tag[start..start + len])
}

/// The value of the hidden field `name`.
pub fn hidden(html: &str, name: &str) -> anyhow::Result<String> {
    let key = format!("name=\"{name}\" value=\"");
    let start = html.find(&key).with_context(|| format!("no hidden field {name}"))? + key.len();
    let len = html[start..].find('"').context("unterminated value")?;
    unescape(&html[start..start + len])
}
