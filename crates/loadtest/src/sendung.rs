//! One sending of "Datei hochladen" as a browser makes it: `POST
//! /dokumente/hochladen` with a `multipart/form-data` body (a fresh
//! idempotency key, the topic, one file part `dateien`), on a connection of
//! its own, the file written to the socket straight from memory. The
//! answer's status and `Location` are all the scenarios need.
//!
//! The files are PDFs of a given size: one page with one grey-scale image
//! of pseudo-random pixels (a scan, as far as size and entropy go), made
//! with `pdf-writer` and checked with the server's own checker before use.

use anyhow::{Context, bail, ensure};
use bytes::Bytes;
use pdf_writer::{Finish as _, Name, Pdf, Rect, Ref};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The form's path.
pub const PATH: &str = "/dokumente/hochladen";

/// A file to send.
#[derive(Clone)]
pub struct Datei {
    pub name: String,
    pub inhalt: Bytes,
    /// SHA-256 of `inhalt`, lower-case hex (as the receipt shows it).
    pub sha256: String,
}

impl Datei {
    /// A PDF of about `bytes` bytes (at least 2 KB), its pixels from `seed`;
    /// refused by the checker is an error.
    pub fn pdf(name: &str, bytes: usize, seed: u64) -> anyhow::Result<Self> {
        let inhalt = pdf(bytes, seed);
        let grenzen = dokumente::pruefung::Grenzen { max_bytes: u64::MAX, max_bild_speicher: u64::MAX };
        dokumente::pruefung::Pruefer::pruefe(grenzen, &inhalt).map_err(|e| anyhow::anyhow!("the sample PDF is refused: {e}"))?;
        let sha256 = hex::encode(Sha256::digest(&inhalt));
        Ok(Self { name: name.to_owned(), inhalt: inhalt.into(), sha256 })
    }
}

/// Pixels per row of the image (A4 width at 300 dpi).
const BREITE: usize = 2480;

fn pdf(bytes: usize, seed: u64) -> Vec<u8> {
    let pixel = bytes.saturating_sub(1200).max(BREITE);
    let hoehe = pixel.div_ceil(BREITE);
    let mut daten = vec![0u8; BREITE * hoehe];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for stueck in daten.chunks_mut(8) {
        // xorshift64*: fast, and no compressor or checker sees structure.
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let v = x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes();
        stueck.copy_from_slice(&v[..stueck.len()]);
    }
    let (katalog, seiten, seite, bild, inhalt) = (Ref::new(1), Ref::new(2), Ref::new(3), Ref::new(4), Ref::new(5));
    let mut pdf = Pdf::new();
    pdf.catalog(katalog).pages(seiten);
    pdf.pages(seiten).kids([seite]).count(1);
    let mut s = pdf.page(seite);
    s.media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).parent(seiten).contents(inhalt);
    s.resources().x_objects().pair(Name(b"Im1"), bild);
    s.finish();
    let mut image = pdf.image_xobject(bild, &daten);
    image.width(BREITE as i32).height(hoehe as i32).color_space().device_gray();
    image.bits_per_component(8);
    image.finish();
    pdf.stream(inhalt, b"q 595 0 0 842 0 0 cm /Im1 Do Q");
    pdf.finish()
}

/// A fresh idempotency key: 32 random hex digits.
pub fn schluessel() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the operating system's random source failed");
    hex::encode(b)
}

/// The server's answer.
#[derive(Debug)]
pub struct Antwort {
    pub status: u16,
    pub location: Option<String>,
}

impl Antwort {
    /// The upload id of a receipt redirect (`/dokumente/gesendet/{id}`).
    pub fn upload_id(&self) -> Option<&str> {
        if self.status != 303 {
            return None;
        }
        self.location.as_deref()?.strip_prefix("/dokumente/gesendet/")
    }
}

/// Sends `datei` as one sending on topic `geldleistung` with session
/// `cookie` to `authority` (`127.0.0.1:port`), on a new connection.
pub async fn senden(authority: &str, cookie: &str, datei: &Datei) -> anyhow::Result<Antwort> {
    let grenze = format!("----loadtest{}", schluessel());
    let mut kopf_teile = String::new();
    for (name, wert) in [("idempotenz", schluessel().as_str()), ("thema", "geldleistung")] {
        kopf_teile.push_str(&format!("--{grenze}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{wert}\r\n"));
    }
    kopf_teile.push_str(&format!(
        "--{grenze}\r\nContent-Disposition: form-data; name=\"dateien\"; filename=\"{}\"\r\nContent-Type: application/pdf\r\n\r\n",
        datei.name
    ));
    let ende = format!("\r\n--{grenze}--\r\n");
    let laenge = kopf_teile.len() + datei.inhalt.len() + ende.len();
    let kopf = format!(
        "POST {PATH} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: loadtest\r\nAccept: */*\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={grenze}\r\nContent-Length: {laenge}\r\nConnection: close\r\n\r\n{kopf_teile}"
    );
    let mut stream = TcpStream::connect(authority).await.with_context(|| format!("connecting to {authority}"))?;
    stream.set_nodelay(true)?;
    stream.write_all(kopf.as_bytes()).await.context("sending the head")?;
    stream.write_all(&datei.inhalt).await.context("sending the file")?;
    stream.write_all(ende.as_bytes()).await.context("sending the end")?;
    antwort_lesen(&mut stream).await
}

/// `GET path` with session `cookie` on a new connection; status and body.
pub async fn holen(authority: &str, cookie: &str, path: &str) -> anyhow::Result<(u16, String)> {
    let mut stream = TcpStream::connect(authority).await.with_context(|| format!("connecting to {authority}"))?;
    let kopf = format!("GET {path} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: loadtest\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n");
    stream.write_all(kopf.as_bytes()).await.context("sending the request")?;
    let mut alles = Vec::new();
    stream.read_to_end(&mut alles).await.context("reading the answer")?;
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut parsed = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(kopf_laenge) = parsed.parse(&alles).context("parsing the answer")? else {
        bail!("incomplete answer to GET {path}");
    };
    // The pages come with Content-Length or chunked; either way the hash
    // text is found in the raw body.
    Ok((parsed.code.unwrap_or(0), String::from_utf8_lossy(&alles[kopf_laenge..]).into_owned()))
}

/// Reads the head of the answer (the body is not needed).
async fn antwort_lesen(stream: &mut TcpStream) -> anyhow::Result<Antwort> {
    let mut buf = Vec::with_capacity(4096);
    let mut stueck = [0u8; 4096];
    loop {
        let n = stream.read(&mut stueck).await.context("reading the answer")?;
        if n == 0 {
            bail!("the server closed the connection without an answer");
        }
        buf.extend_from_slice(&stueck[..n]);
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut parsed = httparse::Response::new(&mut headers);
        if let httparse::Status::Complete(_) = parsed.parse(&buf).context("parsing the answer")? {
            let status = parsed.code.unwrap_or(0);
            let location = parsed
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("location"))
                .map(|h| String::from_utf8_lossy(h.value).into_owned());
            return Ok(Antwort { status, location });
        }
        ensure!(buf.len() < 64 * 1024, "answer head longer than 64 KiB");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_pdfs_have_about_the_asked_size_and_pass_the_servers_checker() {
        for bytes in [10_000, 200_000, 5_000_000] {
            let d = Datei::pdf("a.pdf", bytes, 7).unwrap();
            let n = d.inhalt.len();
            assert!(n.abs_diff(bytes) < BREITE + 1200, "{bytes} → {n}");
        }
        assert_ne!(Datei::pdf("a.pdf", 10_000, 1).unwrap().sha256, Datei::pdf("a.pdf", 10_000, 2).unwrap().sha256);
    }
}
