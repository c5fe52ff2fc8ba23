//! Who actually sends an SMS: a gateway over HTTP, or (without one) the log.

use crate::config::SmsGateway;
use anyhow::{Context, bail};
use secrecy::ExposeSecret;

/// Hands one SMS to the outside world.
#[async_trait::async_trait]
pub trait SmsSender: Send + Sync {
    async fn send(&self, to: &str, text: &str) -> anyhow::Result<()>;
}

/// Local mode: writes that an SMS would have been sent (never its text,
/// which may be personal; the number is shortened).
#[derive(Debug, Default)]
pub struct LogSender;

#[async_trait::async_trait]
impl SmsSender for LogSender {
    async fn send(&self, to: &str, text: &str) -> anyhow::Result<()> {
        let tail: String = to.chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
        tracing::info!(to = %format!("…{tail}"), chars = text.chars().count(), "sms not sent: no gateway configured (local mode)");
        Ok(())
    }
}

/// An HTTP SMS gateway: `POST <url>` with `{"from", "to", "text"}` as JSON
/// and, if configured, `Authorization: Bearer <token>`; any 2xx is success.
pub struct HttpGateway {
    client: reqwest::Client,
    gateway: SmsGateway,
    from: String,
}

impl HttpGateway {
    pub fn new(gateway: SmsGateway, from: String) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(15)).build().context("building the SMS client")?;
        Ok(Self { client, gateway, from })
    }
}

#[async_trait::async_trait]
impl SmsSender for HttpGateway {
    async fn send(&self, to: &str, text: &str) -> anyhow::Result<()> {
        let mut req = self.gateway.url.clone();
        req.set_fragment(None);
        let mut builder = self.client.post(req).json(&serde_json::json!({"from": self.from, "to": to, "text": text}));
        if let Some(token) = &self.gateway.token {
            builder = builder.bearer_auth(token.expose_secret());
        }
        let res = builder.send().await.context("SMS gateway not reachable")?;
        if !res.status().is_success() {
            bail!("SMS gateway answered {}", res.status());
        }
        Ok(())
    }
}
