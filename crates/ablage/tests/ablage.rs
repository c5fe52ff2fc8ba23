//! Storage tests. Every scenario runs twice: against a local directory and
//! against the S3-compatible server named by `JOBCENTER_TEST_S3_URL` (see
//! `ablage::testumgebung`; `scripts/test.sh` starts one). Without that
//! variable the S3 case says it was skipped, and fails when `CI` is set.

use std::path::{Path, PathBuf};
use std::time::Duration;

use ablage::format::{KOPF, SEGMENT, TAG};
use ablage::{Ablage, AblageFehler, Gespeichert, Schluesselbund, Ziel, testumgebung};
use bytes::Bytes;
use futures_util::{StreamExt, TryStreamExt, stream};
use object_store::{ObjectStoreExt, PutPayload};
use sha2::{Digest, Sha256};

const K1: [u8; 32] = [0x11; 32];
const K2: [u8; 32] = [0x22; 32];

struct Umgebung {
    ziel: Ziel,
    ablage: Ablage,
    /// Keys of this test start with this prefix (tests share the bucket).
    praefix: String,
    /// The local directory, for checks that no stray files remain.
    verzeichnis: Option<(tempfile::TempDir, PathBuf)>,
}

impl Umgebung {
    fn verzeichnis() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let wurzel = tmp.path().join("ablage");
        let mut u = Self::mit(Ziel::Verzeichnis(wurzel.clone()));
        u.verzeichnis = Some((tmp, wurzel));
        u
    }

    fn s3() -> Option<Self> {
        testumgebung::s3_ziel().map(Self::mit)
    }

    fn mit(ziel: Ziel) -> Self {
        let ablage = Ablage::oeffnen(ziel.clone(), Schluesselbund::new("k1", K1)).unwrap();
        let praefix = ablage.neuer_schluessel("test");
        Self { ziel, ablage, praefix, verzeichnis: None }
    }

    fn ist_s3(&self) -> bool {
        matches!(self.ziel, Ziel::S3 { .. })
    }

    fn schluessel(&self, name: &str) -> String {
        format!("{}/{name}", self.praefix)
    }

    fn mit_schluesseln(&self, bund: Schluesselbund) -> Ablage {
        Ablage::oeffnen(self.ziel.clone(), bund).unwrap()
    }

    async fn roh(&self, schluessel: &str) -> Vec<u8> {
        let speicher = self.ablage.objektspeicher();
        let pfad = object_store::path::Path::from(schluessel);
        speicher.get(&pfad).await.unwrap().bytes().await.unwrap().to_vec()
    }

    async fn roh_ersetzen(&self, schluessel: &str, inhalt: Vec<u8>) {
        let pfad = object_store::path::Path::from(schluessel);
        let speicher = self.ablage.objektspeicher();
        speicher.put(&pfad, PutPayload::from(inhalt)).await.unwrap();
    }

    async fn liste(&self, praefix: &str) -> Vec<(String, i64)> {
        self.ablage.liste(praefix).try_collect().await.unwrap()
    }

    /// Every file under the local directory, staging files included.
    fn dateien(&self) -> Vec<PathBuf> {
        fn sammeln(dir: &Path, out: &mut Vec<PathBuf>) {
            for eintrag in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = eintrag.path();
                if p.is_dir() { sammeln(&p, out) } else { out.push(p) }
            }
        }
        let mut out = Vec::new();
        if let Some((_, wurzel)) = &self.verzeichnis {
            sammeln(wurzel, &mut out);
        }
        out
    }
}

/// Generates `mod name { im_verzeichnis, auf_s3 }` for each scenario.
macro_rules! auf_beiden {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn im_verzeichnis() {
                super::$name(super::Umgebung::verzeichnis()).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn auf_s3() {
                match super::Umgebung::s3() {
                    Some(u) => super::$name(u).await,
                    None => eprintln!("SKIPPED: {} is not set", ablage::testumgebung::URL),
                }
            }
        }
    )*};
}

auf_beiden!(
    round_trips_every_size_with_its_sha256,
    a_changed_byte_anywhere_makes_reading_fail,
    a_truncated_reordered_or_extended_object_makes_reading_fail,
    a_wrong_envelope_does_not_open_the_object,
    rotating_the_master_key_keeps_objects_readable,
    a_written_object_is_listed_until_deleted,
    an_aborted_failed_or_dropped_upload_leaves_no_object,
    a_writer_holds_little_memory_however_large_the_file,
    batches_sealed_on_a_blocking_thread_round_trip_and_a_refused_batch_is_not_written,
);

/// Deterministic noise (xorshift), so a failure can be reproduced.
fn inhalt(n: usize, saat: u64) -> Vec<u8> {
    let mut x = saat | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn sha256(daten: &[u8]) -> String {
    hex::encode(Sha256::digest(daten))
}

/// Size of the stored object for `n` plaintext bytes.
fn gespeicherte_groesse(n: usize) -> usize {
    KOPF + n + TAG * n.div_ceil(SEGMENT).max(1)
}

async fn speichern(ablage: &Ablage, schluessel: &str, daten: &[u8], stueck: usize) -> Gespeichert {
    let mut s = ablage.schreiber(schluessel).await.unwrap();
    for teil in daten.chunks(stueck) {
        s.schreiben(teil).await.unwrap();
    }
    s.fertig().await.unwrap()
}

/// Reads an object whole; any error, at the start or midway, is returned.
async fn lesen(ablage: &Ablage, schluessel: &str, umschlag: &str) -> Result<Vec<u8>, AblageFehler> {
    let segmente: Vec<Bytes> = ablage.lesen(schluessel, umschlag).await?.try_collect().await?;
    assert!(segmente.iter().all(|s| s.len() <= SEGMENT), "a reader yields one segment at a time");
    Ok(segmente.concat())
}

async fn round_trips_every_size_with_its_sha256(u: Umgebung) {
    for (i, n) in [0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 13_000_000].into_iter().enumerate() {
        let daten = inhalt(n, i as u64 + 1);
        let schluessel = u.schluessel(&format!("groesse-{n}"));
        let g = if n > 1_000_000 {
            // The convenience path, fed by a stream as a request body would.
            let quelle = stream::iter(daten.chunks(100_003).map(|c| Ok::<_, std::io::Error>(Bytes::copy_from_slice(c))));
            u.ablage.speichern_aus(&schluessel, quelle).await.unwrap()
        } else {
            speichern(&u.ablage, &schluessel, &daten, 7919).await
        };
        assert_eq!(g.schluessel, schluessel);
        assert_eq!(g.bytes, n as u64);
        assert_eq!(g.sha256, sha256(&daten), "size {n}");
        assert_eq!(Ablage::schluessel_id(&g.umschlag), "k1");

        let roh = u.roh(&schluessel).await;
        assert_eq!(roh.len(), gespeicherte_groesse(n), "size {n}");
        if (32..=SEGMENT + 1).contains(&n) {
            assert!(!roh.windows(32).any(|w| w == &daten[n / 2 - 16..n / 2 + 16]), "plaintext stored");
        }
        if u.ist_s3() {
            // S3 marks multipart objects with an ETag ending in "-<parts>";
            // the server refuses parts below 5 MiB, so this also proves the
            // part sizes.
            let meta = u.ablage.objektspeicher().head(&schluessel.as_str().into()).await.unwrap();
            let etag = meta.e_tag.unwrap_or_default();
            assert_eq!(etag.trim_matches('"').ends_with("-3"), n == 13_000_000, "size {n}: ETag {etag}");
        }

        assert!(lesen(&u.ablage, &schluessel, &g.umschlag).await.unwrap() == daten, "size {n} differs");
    }
}

async fn batches_sealed_on_a_blocking_thread_round_trip_and_a_refused_batch_is_not_written(u: Umgebung) {
    // Batches of 256 KiB in 64 KiB chunks, as the upload receiver sends
    // them; batch 3 is refused by its check, the others pass. Enough bytes
    // for several S3 parts, with a plain `schreiben` between batches.
    let daten = inhalt(12_000_000, 11);
    let schluessel = u.schluessel("stapel");
    let mut s = u.ablage.schreiber(&schluessel).await.unwrap();
    let mut erwartet = Vec::new();
    for (i, stapel) in daten.chunks(256 * 1024).enumerate() {
        if i == 5 {
            s.schreiben(stapel).await.unwrap();
            erwartet.extend_from_slice(stapel);
            continue;
        }
        let teile: Vec<Bytes> = stapel.chunks(65_536).map(Bytes::copy_from_slice).collect();
        let gesehen = s
            .schreiben_geprueft(teile, move |t| {
                let n: usize = t.iter().map(Bytes::len).sum();
                if i == 3 { Err(n) } else { Ok(n) }
            })
            .await
            .unwrap();
        if i == 3 {
            assert_eq!(gesehen, Err(stapel.len()), "the check saw the whole batch");
        } else {
            assert_eq!(gesehen, Ok(stapel.len()));
            erwartet.extend_from_slice(stapel);
        }
    }
    let g = s.fertig().await.unwrap();
    assert_eq!(g.bytes, erwartet.len() as u64);
    assert_eq!(g.sha256, sha256(&erwartet));
    assert!(lesen(&u.ablage, &schluessel, &g.umschlag).await.unwrap() == erwartet, "the stored object differs");
}

async fn a_changed_byte_anywhere_makes_reading_fail(u: Umgebung) {
    let daten = inhalt(3 * SEGMENT + 100, 7);
    let schluessel = u.schluessel("manipuliert");
    let g = speichern(&u.ablage, &schluessel, &daten, 10_000).await;
    let original = u.roh(&schluessel).await;
    let stellen = [
        0,                              // magic
        8,                              // segment size
        KOPF - 1,                       // nonce prefix
        KOPF + 10,                      // first segment
        KOPF + SEGMENT + TAG + 500,     // second segment
        KOPF + 2 * (SEGMENT + TAG) - 1, // tag of the third
        original.len() - 1,             // tag of the last
    ];
    for stelle in stellen {
        let mut kaputt = original.clone();
        kaputt[stelle] ^= 0x01;
        u.roh_ersetzen(&schluessel, kaputt).await;
        let ergebnis = lesen(&u.ablage, &schluessel, &g.umschlag).await;
        assert!(matches!(ergebnis, Err(AblageFehler::Beschaedigt)), "byte {stelle}: {ergebnis:?}");
    }
    u.roh_ersetzen(&schluessel, original).await;
    assert!(lesen(&u.ablage, &schluessel, &g.umschlag).await.unwrap() == daten);
}

async fn a_truncated_reordered_or_extended_object_makes_reading_fail(u: Umgebung) {
    let daten = inhalt(3 * SEGMENT + 100, 8);
    let schluessel = u.schluessel("gekuerzt");
    let g = speichern(&u.ablage, &schluessel, &daten, SEGMENT).await;
    let original = u.roh(&schluessel).await;
    let seg = |i: usize| KOPF + i * (SEGMENT + TAG)..(KOPF + (i + 1) * (SEGMENT + TAG)).min(original.len());
    let mut faelle: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("half a header", original[..KOPF / 2].to_vec()),
        ("header only", original[..KOPF].to_vec()),
        ("cut at a segment boundary", original[..seg(2).end].to_vec()),
        ("cut inside the last segment", original[..original.len() - 5].to_vec()),
        ("one byte appended", [original.as_slice(), &[0]].concat()),
    ];
    let mut ohne_mitte = original[..seg(1).start].to_vec();
    ohne_mitte.extend_from_slice(&original[seg(2)]);
    ohne_mitte.extend_from_slice(&original[seg(3)]);
    faelle.push(("a middle segment dropped", ohne_mitte));
    let mut vertauscht = original[..seg(1).start].to_vec();
    vertauscht.extend_from_slice(&original[seg(2)]);
    vertauscht.extend_from_slice(&original[seg(1)]);
    vertauscht.extend_from_slice(&original[seg(3)]);
    assert_eq!(vertauscht.len(), original.len());
    faelle.push(("two segments swapped", vertauscht));
    for (fall, kaputt) in faelle {
        u.roh_ersetzen(&schluessel, kaputt).await;
        let ergebnis = lesen(&u.ablage, &schluessel, &g.umschlag).await;
        assert!(matches!(ergebnis, Err(AblageFehler::Beschaedigt)), "{fall}: {ergebnis:?}");
    }
    u.roh_ersetzen(&schluessel, original).await;
    assert!(lesen(&u.ablage, &schluessel, &g.umschlag).await.unwrap() == daten);
}

async fn a_wrong_envelope_does_not_open_the_object(u: Umgebung) {
    let (a, b, kopie) = (u.schluessel("a"), u.schluessel("b"), u.schluessel("kopie-von-a"));
    let ga = speichern(&u.ablage, &a, b"Bescheid A", 100).await;
    let gb = speichern(&u.ablage, &b, b"Bescheid B", 100).await;
    assert!(matches!(lesen(&u.ablage, &a, &gb.umschlag).await, Err(AblageFehler::Umschlag)));
    // The envelope is bound to the object path: a copied object with its
    // envelope does not open under another key.
    u.roh_ersetzen(&kopie, u.roh(&a).await).await;
    assert!(matches!(lesen(&u.ablage, &kopie, &ga.umschlag).await, Err(AblageFehler::Umschlag)));
    assert!(matches!(lesen(&u.ablage, &a, "k1:kaputt").await, Err(AblageFehler::Umschlag)));
    let fremd_id = ga.umschlag.replacen("k1:", "k9:", 1);
    let e = lesen(&u.ablage, &a, &fremd_id).await;
    assert!(matches!(&e, Err(AblageFehler::UnbekannteSchluesselId(id)) if id == "k9"), "{e:?}");
    let anderer_master = u.mit_schluesseln(Schluesselbund::new("k1", K2));
    assert!(matches!(lesen(&anderer_master, &a, &ga.umschlag).await, Err(AblageFehler::Umschlag)));
    assert_eq!(lesen(&u.ablage, &a, &ga.umschlag).await.unwrap(), b"Bescheid A");
}

async fn rotating_the_master_key_keeps_objects_readable(u: Umgebung) {
    let schluessel = u.schluessel("rotation");
    let daten = inhalt(SEGMENT + 10, 9);
    let alt = speichern(&u.ablage, &schluessel, &daten, 4096).await.umschlag;

    let uebergang = u.mit_schluesseln(Schluesselbund::new("k2", K2).with_alt("k1", K1));
    assert!(lesen(&uebergang, &schluessel, &alt).await.unwrap() == daten, "old envelopes open during the rotation");
    let neu = uebergang.umschluesseln(&schluessel, &alt).unwrap();
    assert_eq!(Ablage::schluessel_id(&neu), "k2");
    assert!(uebergang.umschluesseln(&u.schluessel("anderes"), &alt).is_err(), "envelope bound to its path");

    let nur_k2 = u.mit_schluesseln(Schluesselbund::new("k2", K2));
    assert!(lesen(&nur_k2, &schluessel, &neu).await.unwrap() == daten);
    let e = lesen(&nur_k2, &schluessel, &alt).await;
    assert!(matches!(&e, Err(AblageFehler::UnbekannteSchluesselId(id)) if id == "k1"), "{e:?}");
    // The object itself was not rewritten.
    assert_eq!(u.roh(&schluessel).await.len(), gespeicherte_groesse(daten.len()));
}

async fn a_written_object_is_listed_until_deleted(u: Umgebung) {
    let ordner = u.schluessel("ordner");
    assert!(u.liste(&ordner).await.is_empty());
    let schluessel = format!("{ordner}/dokument");
    let nachbar = u.schluessel("ordner2/dokument");
    let g = speichern(&u.ablage, &schluessel, b"Antrag", 10).await;
    speichern(&u.ablage, &nachbar, b"anderes", 10).await;

    let jetzt = chrono::Utc::now().timestamp();
    let liste = u.liste(&ordner).await;
    assert_eq!(liste.len(), 1, "{liste:?}");
    assert_eq!(liste[0].0, schluessel);
    assert!((liste[0].1 - jetzt).abs() < 120, "mtime {} vs now {jetzt}", liste[0].1);
    assert_eq!(u.liste(&u.praefix).await.len(), 2);

    u.ablage.loeschen(&schluessel).await.unwrap();
    assert!(u.liste(&ordner).await.is_empty());
    u.ablage.loeschen(&schluessel).await.unwrap();
    let e = lesen(&u.ablage, &schluessel, &g.umschlag).await;
    assert!(matches!(&e, Err(AblageFehler::NichtGefunden(k)) if *k == schluessel), "{e:?}");
    assert!(matches!(u.ablage.schreiber("../weg").await, Err(AblageFehler::UngueltigerSchluessel(_))));
}

async fn an_aborted_failed_or_dropped_upload_leaves_no_object(u: Umgebung) {
    // 6 MB: past the first part on both targets, so a multipart upload runs.
    let daten = inhalt(6_000_000, 10);

    let abgebrochen = u.schluessel("abgebrochen");
    let mut s = u.ablage.schreiber(&abgebrochen).await.unwrap();
    for teil in daten.chunks(65_000) {
        s.schreiben(teil).await.unwrap();
    }
    s.abbrechen().await;
    assert!(u.liste(&u.praefix).await.is_empty());
    assert!(u.dateien().is_empty(), "{:?}", u.dateien());

    let fehlgeschlagen = u.schluessel("fehlgeschlagen");
    let quelle = stream::iter(daten.chunks(65_000).map(|c| Ok(Bytes::copy_from_slice(c))))
        .chain(stream::once(async { Err(std::io::Error::other("client went away")) }));
    let e = u.ablage.speichern_aus(&fehlgeschlagen, quelle).await;
    assert!(matches!(e, Err(AblageFehler::Quelle(_))), "{e:?}");
    assert!(u.liste(&u.praefix).await.is_empty());
    assert!(u.dateien().is_empty(), "{:?}", u.dateien());

    let fallengelassen = u.schluessel("fallengelassen");
    let mut s = u.ablage.schreiber(&fallengelassen).await.unwrap();
    for teil in daten.chunks(65_000) {
        s.schreiben(teil).await.unwrap();
    }
    assert!(u.verzeichnis.is_none() || !u.dateien().is_empty(), "the staging file exists while writing");
    assert!(u.liste(&u.praefix).await.is_empty(), "an unfinished upload is not listed");
    drop(s);
    // The abort runs in the background.
    for _ in 0..50 {
        if u.dateien().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(u.dateien().is_empty(), "{:?}", u.dateien());
    assert!(u.liste(&u.praefix).await.is_empty());
}

async fn a_writer_holds_little_memory_however_large_the_file(u: Umgebung) {
    let (teil, grenze) = if u.ist_s3() { (5 << 20, 16 << 20) } else { (256 << 10, 1 << 20) };
    let schluessel = u.schluessel("gross");
    let stueck = inhalt(8192, 11);
    let n = 30_000_000;
    let mut s = u.ablage.schreiber(&schluessel).await.unwrap();
    let mut hoechstens = 0;
    for _ in 0..n / stueck.len() {
        s.schreiben(&stueck).await.unwrap();
        hoechstens = hoechstens.max(s.gepuffert());
    }
    s.schreiben(&stueck[..n % stueck.len()]).await.unwrap();
    let g = s.fertig().await.unwrap();
    assert!(hoechstens <= grenze, "a writer held {hoechstens} bytes");
    assert!(hoechstens >= teil, "the measure counts the part being collected ({hoechstens})");
    assert_eq!(g.bytes, n as u64);
    assert_eq!(u.roh(&schluessel).await.len(), gespeicherte_groesse(n));
}
