use super::OutgoingMail;
use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Where mails go: an SMTP relay, or files in local mode.
#[async_trait::async_trait]
pub trait MailTransport: Send + Sync + 'static {
    async fn send(&self, mail: &OutgoingMail) -> anyhow::Result<()>;
}

fn build_message(from: &Mailbox, mail: &OutgoingMail) -> anyhow::Result<Message> {
    Message::builder()
        .from(from.clone())
        .to(mail.mail.to.parse().context("recipient is not a valid address")?)
        .subject(&mail.mail.subject)
        .message_id(Some(mail.message_id.clone()))
        .multipart(MultiPart::alternative_plain_html(mail.mail.text.clone(), mail.mail.html.clone()))
        .context("building the mail")
}

/// Sends over SMTP (`smtp://host:port`, `smtps://…`, with optional user and
/// password in the URL).
pub struct SmtpTransport {
    from: Mailbox,
    inner: AsyncSmtpTransport<Tokio1Executor>,
}

impl SmtpTransport {
    pub fn new(url: &url::Url, from: Mailbox) -> anyhow::Result<Self> {
        let inner = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())
            .context("JOBCENTER_SMTP_URL cannot be used")?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Self { from, inner })
    }
}

#[async_trait::async_trait]
impl MailTransport for SmtpTransport {
    async fn send(&self, mail: &OutgoingMail) -> anyhow::Result<()> {
        let message = build_message(&self.from, mail)?;
        self.inner.send(message).await.context("SMTP delivery")?;
        Ok(())
    }
}

/// Local mode: each mail becomes `<outbox id>.eml` plus a JSON summary in
/// `<data dir>/mails`, readable at `/lokal/postausgang`.
pub struct FileTransport {
    from: Mailbox,
    dir: PathBuf,
}

/// The JSON summary written beside each local mail.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredMail {
    pub id: String,
    pub message_id: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub written_at: i64,
}

impl FileTransport {
    pub fn new(dir: PathBuf, from: Mailbox) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Self { from, dir })
    }
}

#[async_trait::async_trait]
impl MailTransport for FileTransport {
    async fn send(&self, mail: &OutgoingMail) -> anyhow::Result<()> {
        let raw = build_message(&self.from, mail)?.formatted();
        let summary = StoredMail {
            id: mail.id.clone(),
            message_id: mail.message_id.clone(),
            to: mail.mail.to.clone(),
            subject: mail.mail.subject.clone(),
            text: mail.mail.text.clone(),
            written_at: chrono::Utc::now().timestamp(),
        };
        tokio::fs::write(self.dir.join(format!("{}.eml", mail.id)), raw).await?;
        tokio::fs::write(self.dir.join(format!("{}.json", mail.id)), serde_json::to_vec_pretty(&summary)?).await?;
        Ok(())
    }
}

/// Reads the local mails, newest first.
pub fn read_local_mails(dir: &std::path::Path) -> Vec<StoredMail> {
    let mut mails: Vec<StoredMail> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter_map(|b| serde_json::from_slice(&b).ok())
        .collect();
    mails.sort_by(|a, b| b.id.cmp(&a.id));
    mails
}
