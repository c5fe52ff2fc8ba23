//! The scanning hook: files pass a clamd-protocol scanner (a stand-in here)
//! before staff can open them.

use super::*;

/// A stand-in scanner speaking the clamd protocol (`zINSTREAM`): it reports
/// a finding for content holding the EICAR test string.
async fn clamd_stand_in() -> (String, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let task = tokio::spawn(async move {
        loop {
            let Ok((mut conn, _)) = listener.accept().await else { return };
            tokio::spawn(async move {
                let mut command = [0u8; 10];
                if conn.read_exact(&mut command).await.is_err() || &command != b"zINSTREAM\0" {
                    return;
                }
                let mut content = Vec::new();
                loop {
                    let mut len = [0u8; 4];
                    if conn.read_exact(&mut len).await.is_err() {
                        return;
                    }
                    let len = u32::from_be_bytes(len) as usize;
                    if len == 0 {
                        break;
                    }
                    let mut chunk = vec![0u8; len];
                    if conn.read_exact(&mut chunk).await.is_err() {
                        return;
                    }
                    content.extend_from_slice(&chunk);
                }
                let found = content.windows(EICAR.len()).any(|w| w == EICAR);
                let answer: &[u8] = if found { b"stream: Eicar-Test-Signature FOUND\0" } else { b"stream: OK\0" };
                let _ = conn.write_all(answer).await;
            });
        }
    });
    (address, task)
}

const EICAR: &[u8] = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE";

/// A valid JPEG carrying the EICAR string in a comment segment.
fn jpeg_with_eicar() -> Vec<u8> {
    let jpeg = beispiele::jpeg(32, 32);
    let len = u16::try_from(EICAR.len() + 2).unwrap().to_be_bytes();
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xFE, len[0], len[1]];
    out.extend_from_slice(EICAR);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[tokio::test]
async fn a_scanner_finding_quarantines_the_file_and_tells_client_and_staff() {
    let (address, scanner) = clamd_stand_in().await;
    let configured = address.clone();
    let app = TestApp::spawn_with(Box::new(move |raw| raw.clamd_address = Some(configured))).await;
    let (browser, client_id, _) = client_with_profile(&app, "scan@example.de").await;
    let pdf = beispiele::pdf();
    let r = send(&app, &browser, form("geldleistung", KEY, vec![("gut.pdf", pdf.clone()), ("boese.jpg", jpeg_with_eicar())])).await;
    assert_eq!(r.status(), 303);
    let receipt_path = location(&r);
    let states: Vec<(String, String)> =
        sqlx::query_as("SELECT file_name, scan FROM upload_files ORDER BY position").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(states, [("gut.pdf".to_owned(), "sauber".to_owned()), ("boese.jpg".to_owned(), "befund".to_owned())]);
    assert!(page(&app, &browser, &receipt_path).await.contains("gesperrt"), "the client sees the quarantine on the receipt");
    assert!(page(&app, &browser, "/profil/verlauf").await.contains("Datei wegen eines Virenfunds gesperrt"));
    let o: String =
        sqlx::query_scalar("SELECT office_id FROM clients WHERE id = $1").bind(&client_id).fetch_one(&app.state.db.pool).await.unwrap();
    let leistung = staff(&app, "scan-leistung@jobcenter.example", &o, "leistung").await;
    let upload_id = receipt_path.rsplit('/').next().unwrap().to_owned();
    let files: Vec<String> =
        sqlx::query_scalar("SELECT id FROM upload_files ORDER BY position").fetch_all(&app.state.db.pool).await.unwrap();
    let download = |file: &str| {
        leistung.get(app.url(&format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}/dateien/{file}?zweck=leistung"))).send()
    };
    assert_eq!(download(&files[0]).await.unwrap().status(), 200);
    assert_eq!(download(&files[1]).await.unwrap().status(), 409, "a quarantined file does not open");
    let sending = page(&app, &leistung, &format!("/backoffice/kunden/{client_id}/sendungen/{upload_id}?zweck=leistung")).await;
    assert!(sending.contains("gesperrt"), "staff see the quarantine");

    // Scanner unreachable: the file waits, closed, until it is scanned.
    scanner.abort();
    let _ = scanner.await;
    let r = send(&app, &browser, form("geldleistung", "noch-ein-schluessel-0123456789", vec![("spaeter.pdf", pdf)])).await;
    assert_eq!(r.status(), 303, "the sending is accepted while the scanner is away");
    let waiting: String =
        sqlx::query_scalar("SELECT scan FROM upload_files WHERE file_name = 'spaeter.pdf'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(waiting, "ausstehend");
    let (_again, _task) = {
        // The scanner comes back on the same address.
        use tokio::io::AsyncReadExt;
        let listener = tokio::net::TcpListener::bind(&address).await.unwrap();
        let task = tokio::spawn(async move {
            while let Ok((mut conn, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 1 << 16];
                    let mut seen = Vec::new();
                    // Read until the zero-length chunk ends the stream.
                    while let Ok(n) = conn.read(&mut buf).await {
                        if n == 0 {
                            return;
                        }
                        seen.extend_from_slice(&buf[..n]);
                        if seen.ends_with(&[0, 0, 0, 0]) {
                            let _ = tokio::io::AsyncWriteExt::write_all(&mut conn, b"stream: OK\0").await;
                            return;
                        }
                    }
                });
            }
        });
        ((), task)
    };
    jobcenter::housekeeping::run_once(&app.state).await.unwrap();
    let scanned: String =
        sqlx::query_scalar("SELECT scan FROM upload_files WHERE file_name = 'spaeter.pdf'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(scanned, "sauber");
}
