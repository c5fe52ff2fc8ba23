//! A real SMTP peer on 127.0.0.1: speaks enough of RFC 5321 for a client
//! (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), records each message,
//! and can be told to refuse the next N messages with a 451.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Mutex;

/// One message as received.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub raw: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
}

impl ReceivedMail {
    /// The first link in the text part that contains `needle`.
    pub fn link_containing(&self, needle: &str) -> Option<String> {
        self.text.split_whitespace().find(|w| w.starts_with("http") && w.contains(needle)).map(str::to_owned)
    }
}

/// The SMTP peer.
#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
    refuse: Arc<AtomicUsize>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let sink = Self { port, mails: Arc::default(), refuse: Arc::default() };
        let s = sink.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = s.session(sock).await;
                });
            }
        });
        sink
    }

    /// The next `n` messages are refused with `451` (a temporary failure).
    pub fn refuse_next(&self, n: usize) {
        self.refuse.store(n, Ordering::SeqCst);
    }

    async fn session(&self, sock: tokio::net::TcpStream) -> std::io::Result<()> {
        let (r, mut w) = sock.into_split();
        let mut lines = BufReader::new(r);
        w.write_all(b"220 localhost test SMTP\r\n").await?;
        let mut rcpt = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_owned();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                w.write_all(b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                w.write_all(b"250 OK\r\n").await?;
            } else if upper.starts_with("MAIL FROM") || upper.starts_with("RSET") {
                rcpt.clear();
                w.write_all(b"250 OK\r\n").await?;
            } else if upper.starts_with("RCPT TO") {
                let addr = cmd.split_once(':').map(|(_, a)| a.trim().trim_matches(['<', '>']).to_owned()).unwrap_or_default();
                rcpt.push(addr.split_whitespace().next().unwrap_or("").trim_matches(['<', '>']).to_owned());
                w.write_all(b"250 OK\r\n").await?;
            } else if upper == "DATA" {
                w.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
                }
                let refused = self.refuse.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok();
                if refused {
                    w.write_all(b"451 Try again later\r\n").await?;
                } else {
                    self.mails.lock().await.push(parse(std::mem::take(&mut rcpt), data));
                    w.write_all(b"250 OK queued\r\n").await?;
                }
            } else if upper.starts_with("QUIT") {
                w.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                w.write_all(b"502 Command not implemented\r\n").await?;
            }
        }
    }

    /// Everything received so far.
    pub async fn all(&self) -> Vec<ReceivedMail> {
        self.mails.lock().await.clone()
    }

    /// Mails to `to`.
    pub async fn to(&self, to: &str) -> Vec<ReceivedMail> {
        self.all().await.into_iter().filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to))).collect()
    }

    /// Waits (up to 90 s: a loaded machine delivers slowly, a quiet one in
    /// milliseconds) for the newest mail to `to` whose subject contains
    /// `subject`.
    pub async fn wait_for(&self, to: &str, subject: &str) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
        while tokio::time::Instant::now() < deadline {
            if let Some(m) = self.to(to).await.into_iter().rev().find(|m| m.subject.contains(subject)) {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} with subject containing {subject:?}; got: {:?}",
            self.all().await.iter().map(|m| (&m.to, &m.subject)).collect::<Vec<_>>()
        );
    }
}

fn parse(to: Vec<String>, raw: String) -> ReceivedMail {
    let msg = mail_parser::MessageParser::default().parse(raw.as_bytes()).expect("a parsable mail");
    ReceivedMail {
        to,
        subject: msg.subject().unwrap_or("").to_owned(),
        message_id: msg.message_id().unwrap_or("").to_owned(),
        text: msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: msg.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
        raw,
    }
}
