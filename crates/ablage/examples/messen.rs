//! Measures what the application's storage benchmark checks, on the local
//! directory: peak RSS growth for 20 concurrent 25 MB uploads, and the
//! throughput of 8 concurrent 5 MB uploads against plain encrypt-and-write.
//!
//! `cargo run --release -p ablage --example messen`

use std::time::Instant;

use ablage::{Ablage, Schluesselbund, Ziel};
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};

/// Peak resident set size of this process in KiB (Linux).
fn spitze_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
}

async fn hochladen(ablage: Ablage, schluessel: String, groesse: usize, stueck: Vec<u8>) {
    let mut s = ablage.schreiber(&schluessel).await.unwrap();
    let mut rest = groesse;
    while rest > 0 {
        let n = rest.min(stueck.len());
        s.schreiben(&stueck[..n]).await.unwrap();
        rest -= n;
    }
    s.fertig().await.unwrap();
}

#[tokio::main]
async fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let ablage = Ablage::oeffnen(Ziel::Verzeichnis(tmp.path().join("a")), Schluesselbund::new("k1", [7; 32])).unwrap();
    let stueck = vec![0x5a_u8; 64 * 1024];

    let vorher = spitze_kib();
    let start = Instant::now();
    let aufgaben: Vec<_> =
        (0..20).map(|i| tokio::spawn(hochladen(ablage.clone(), format!("rss/{i}"), 25_000_000, stueck.clone()))).collect();
    for a in aufgaben {
        a.await.unwrap();
    }
    println!("20 x 25 MB concurrently: peak RSS +{} MiB, {:.2} s", (spitze_kib() - vorher) / 1024, start.elapsed().as_secs_f64());

    for runde in 0..3 {
        let start = Instant::now();
        let aufgaben: Vec<_> =
            (0..8).map(|i| tokio::spawn(hochladen(ablage.clone(), format!("durchsatz/{runde}/{i}"), 5_000_000, stueck.clone()))).collect();
        for a in aufgaben {
            a.await.unwrap();
        }
        let ablage_s = start.elapsed().as_secs_f64();

        let start = Instant::now();
        let roh: Vec<_> = (0..8)
            .map(|i| {
                let pfad = tmp.path().join(format!("roh-{runde}-{i}"));
                tokio::spawn(async move {
                    let daten = vec![0x5a_u8; 5_000_000];
                    let sealed = tokio::task::spawn_blocking(move || {
                        Aes256Gcm::new(&[7u8; 32].into()).encrypt(Nonce::from_slice(&[0; 12]), daten.as_slice()).unwrap()
                    })
                    .await
                    .unwrap();
                    tokio::fs::write(&pfad, sealed).await.unwrap();
                    tokio::fs::File::open(&pfad).await.unwrap().sync_all().await.unwrap();
                })
            })
            .collect();
        for a in roh {
            a.await.unwrap();
        }
        let roh_s = start.elapsed().as_secs_f64();
        println!("8 x 5 MB: ablage {ablage_s:.3} s, raw encrypt+write+fsync {roh_s:.3} s ({:.0} %)", 100.0 * roh_s / ablage_s);
    }
}
