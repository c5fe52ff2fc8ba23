//! A small HTTP/1.1 client for the load driver: one keep-alive connection
//! per client, requests written as bytes, responses parsed with `httparse`
//! (the parser hyper uses), bodies read by `Content-Length` or chunked.
//!
//! Why not reqwest: the load generator runs on the same two cores as the
//! server, so every microsecond it spends is taken from the server. With
//! reqwest (connection pool, URL parsing, header maps and a task hand-off
//! per request) the client cost 0.4–0.5 ms of CPU per login, 2–3 % of the
//! machine (docs/BENCHMARKS.md, session 4). The server sees the same HTTP
//! requests either way.

use anyhow::{Context, bail, ensure};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Response headers the driver reads; anything else is skipped.
const MAX_HEADERS: usize = 32;

/// One keep-alive connection to `host:port`, opened on first use and again
/// after the server closed it.
pub struct Connection {
    authority: String,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

/// What the driver needs of a response; the body is read and dropped.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// `Location`, if any.
    pub location: Option<String>,
    /// `name=value` of every `Set-Cookie`.
    pub cookies: Vec<String>,
    pub body_len: usize,
}

impl Response {
    /// `name=value` of the cookie whose name ends with `name` (with or
    /// without a `__Host-` prefix) and whose value is not empty.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        find_cookie(self.cookies.iter().map(String::as_str), name)
    }
}

/// The `name=value` pair among `pairs` whose name ends with `name` (so with
/// or without a `__Host-` prefix) and whose value is not empty.
pub fn find_cookie<'a>(pairs: impl IntoIterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    pairs.into_iter().find(|pair| pair.split_once('=').is_some_and(|(n, value)| n.ends_with(name) && !value.is_empty()))
}

impl Connection {
    /// `base` is `http://host:port` (plain HTTP only).
    pub fn new(base: &str) -> anyhow::Result<Self> {
        let authority = base.strip_prefix("http://").context("the load driver speaks plain http:// only")?.trim_end_matches('/');
        Ok(Self { authority: authority.to_owned(), stream: None, buf: Vec::with_capacity(16 * 1024) })
    }

    /// `GET path` with an optional `Cookie` header.
    pub async fn get(&mut self, path: &str, cookie: Option<&str>) -> anyhow::Result<Response> {
        self.send("GET", path, cookie, None).await
    }

    /// `POST path` with a form body (already URL-encoded).
    pub async fn post_form(&mut self, path: &str, cookie: Option<&str>, form: &str) -> anyhow::Result<Response> {
        self.send("POST", path, cookie, Some(form)).await
    }

    async fn send(&mut self, method: &str, path: &str, cookie: Option<&str>, form: Option<&str>) -> anyhow::Result<Response> {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: loadtest\r\nAccept: */*\r\n", self.authority);
        if let Some(cookie) = cookie {
            request.push_str("Cookie: ");
            request.push_str(cookie);
            request.push_str("\r\n");
        }
        if let Some(form) = form {
            request.push_str("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ");
            request.push_str(&form.len().to_string());
            request.push_str("\r\n\r\n");
            request.push_str(form);
        } else {
            request.push_str("\r\n");
        }
        // A kept-alive connection the server has closed in the meantime
        // fails on first use; then once more on a new one.
        let reused = self.stream.is_some();
        match self.exchange(request.as_bytes()).await {
            Ok(response) => Ok(response),
            Err(_) if reused => {
                self.stream = None;
                self.exchange(request.as_bytes()).await
            }
            Err(e) => Err(e),
        }
    }

    async fn exchange(&mut self, request: &[u8]) -> anyhow::Result<Response> {
        if self.stream.is_none() {
            let stream = TcpStream::connect(&self.authority).await.with_context(|| format!("connecting to {}", self.authority))?;
            stream.set_nodelay(true)?;
            self.stream = Some(stream);
            self.buf.clear();
        }
        let result = self.exchange_on_open(request).await;
        if result.is_err() {
            self.stream = None;
        }
        result
    }

    async fn exchange_on_open(&mut self, request: &[u8]) -> anyhow::Result<Response> {
        let stream = self.stream.as_mut().context("no connection")?;
        stream.write_all(request).await.context("sending the request")?;
        // Head.
        let (head_len, mut response, chunked, content_length, close) = loop {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut parsed = httparse::Response::new(&mut headers);
            if let httparse::Status::Complete(len) = parsed.parse(&self.buf).context("parsing the response head")? {
                let mut response = Response { status: parsed.code.unwrap_or(0), location: None, cookies: Vec::new(), body_len: 0 };
                let (mut chunked, mut content_length, mut close) = (false, None, false);
                for h in parsed.headers.iter() {
                    let value = std::str::from_utf8(h.value).unwrap_or("");
                    if h.name.eq_ignore_ascii_case("location") {
                        response.location = Some(value.to_owned());
                    } else if h.name.eq_ignore_ascii_case("set-cookie") {
                        response.cookies.push(value.split(';').next().unwrap_or("").to_owned());
                    } else if h.name.eq_ignore_ascii_case("content-length") {
                        content_length = Some(value.trim().parse::<usize>().context("Content-Length")?);
                    } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
                        chunked = value.to_ascii_lowercase().contains("chunked");
                    } else if h.name.eq_ignore_ascii_case("connection") {
                        close = value.eq_ignore_ascii_case("close");
                    }
                }
                break (len, response, chunked, content_length, close);
            }
            read_more(stream, &mut self.buf).await?;
        };
        self.buf.drain(..head_len);
        // Body.
        response.body_len = if chunked {
            read_chunked(stream, &mut self.buf).await?
        } else {
            let len = content_length.unwrap_or(0);
            while self.buf.len() < len {
                read_more(stream, &mut self.buf).await?;
            }
            self.buf.drain(..len);
            len
        };
        if close {
            self.stream = None;
        }
        Ok(response)
    }
}

/// Reads what the socket has into `buf`; the peer closing is an error
/// (a response is still expected).
async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> anyhow::Result<()> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await.context("reading the response")?;
    if n == 0 {
        bail!("the server closed the connection");
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

/// Reads a chunked body from `buf` (and the socket), removes it from `buf`
/// and returns its length.
async fn read_chunked(stream: &mut TcpStream, buf: &mut Vec<u8>) -> anyhow::Result<usize> {
    let mut total = 0;
    loop {
        let line_end = loop {
            if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                break i;
            }
            read_more(stream, buf).await?;
        };
        let line = std::str::from_utf8(&buf[..line_end]).context("chunk size line")?;
        let size = usize::from_str_radix(line.split(';').next().unwrap_or("").trim(), 16).context("chunk size")?;
        // Size line, data, CRLF after the data.
        let needed = line_end + 2 + size + 2;
        while buf.len() < needed {
            read_more(stream, buf).await?;
        }
        ensure!(&buf[needed - 2..needed] == b"\r\n", "chunk without its CRLF");
        buf.drain(..needed);
        total += size;
        if size == 0 {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// A server that answers every request on one connection with the next
    /// of `answers`, and returns the requests it saw.
    async fn serve(answers: Vec<&'static str>) -> (String, tokio::task::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut seen = Vec::new();
            for answer in answers {
                let mut buf = vec![0u8; 4096];
                let n = socket.read(&mut buf).await.unwrap();
                seen.push(String::from_utf8_lossy(&buf[..n]).into_owned());
                socket.write_all(answer.as_bytes()).await.unwrap();
            }
            seen
        });
        (base, task)
    }

    #[tokio::test]
    async fn reads_length_and_chunked_bodies_on_one_kept_alive_connection() {
        let (base, server) = serve(vec![
            "HTTP/1.1 303 See Other\r\nLocation: /sicherheitshinweis\r\nSet-Cookie: jc_sitzung=abc; HttpOnly; Path=/\r\nSet-Cookie: other=1\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHallo\r\n6\r\n, Welt\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nEnde",
        ])
        .await;
        let mut conn = Connection::new(&base).unwrap();
        let r = conn.post_form("/anmelden", None, "kennung=a%40b.de&passwort=x").await.unwrap();
        assert_eq!(r.status, 303);
        assert_eq!(r.location.as_deref(), Some("/sicherheitshinweis"));
        assert_eq!(r.cookie("jc_sitzung"), Some("jc_sitzung=abc"));
        let r = conn.get("/sicherheitshinweis", Some("jc_sitzung=abc")).await.unwrap();
        assert_eq!((r.status, r.body_len), (200, 11));
        let r = conn.get("/anmelden", None).await.unwrap();
        assert_eq!((r.status, r.body_len), (200, 4));
        let seen = server.await.unwrap();
        assert!(seen[0].starts_with("POST /anmelden HTTP/1.1\r\n"), "{}", seen[0]);
        assert!(seen[0].contains("Content-Length: 27\r\n") && seen[0].ends_with("\r\n\r\nkennung=a%40b.de&passwort=x"), "{}", seen[0]);
        assert!(seen[1].contains("Cookie: jc_sitzung=abc\r\n"), "{}", seen[1]);
    }
}
