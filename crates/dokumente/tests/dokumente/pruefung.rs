//! Every sample through the `Pruefer`: hostile ones refused with their
//! reason, valid ones accepted with their kind, whatever the chunk size.

use dokumente::beispiele;
use dokumente::pruefung::{Ablehnung, Art, Befund, Grenzen, Pruefer};
use proptest::prelude::*;

type Probe = (&'static str, fn() -> Vec<u8>, Result<Art, Ablehnung>);

fn proben() -> Vec<Probe> {
    vec![
        ("leer", beispiele::leer, Err(Ablehnung::Leer)),
        ("pdf", beispiele::pdf, Ok(Art::Pdf)),
        ("jpeg", || beispiele::jpeg(64, 48), Ok(Art::Jpeg)),
        ("jpeg mit Ausrichtung", || beispiele::jpeg_mit_ausrichtung(64, 48, 6), Ok(Art::Jpeg)),
        ("jpeg cmyk", || beispiele::jpeg_cmyk(16, 16), Ok(Art::Jpeg)),
        ("png", || beispiele::png(64, 48), Ok(Art::Png)),
        ("png mit alpha", || beispiele::png_mit_alpha(64, 48), Ok(Art::Png)),
        ("heic", beispiele::heic, Ok(Art::Heic)),
        ("polyglott pdf/jpeg", beispiele::polyglott_pdf_jpeg, Err(Ablehnung::Mehrdeutig)),
        ("png riesig", beispiele::png_riesig, Err(Ablehnung::BildZuGross)),
        ("heic riesig", || beispiele::heic_mit_groesse(50_000, 50_000), Err(Ablehnung::BildZuGross)),
        ("jpeg abgeschnitten", beispiele::jpeg_abgeschnitten, Err(Ablehnung::Beschaedigt)),
        ("pdf verschluesselt", beispiele::pdf_verschluesselt, Err(Ablehnung::Verschluesselt)),
        ("pdf mit javascript", beispiele::pdf_mit_javascript, Err(Ablehnung::AktiverInhalt)),
        ("pdf mit maskiertem javascript", beispiele::pdf_mit_javascript_maskiert, Err(Ablehnung::AktiverInhalt)),
        ("pdf mit javascript im objektstrom", beispiele::pdf_mit_javascript_im_objektstrom, Err(Ablehnung::AktiverInhalt)),
    ]
}

fn in_stuecken(bytes: &[u8], groesse: usize) -> Result<Befund, Ablehnung> {
    let mut pruefer = Pruefer::new(Grenzen::default());
    for stueck in bytes.chunks(groesse) {
        pruefer.feed(stueck)?;
    }
    pruefer.finish()
}

#[test]
fn every_sample_gets_its_expected_verdict_in_one_chunk_and_in_seven_byte_chunks() {
    let proben = proben();
    assert!(proben.len() >= 12, "the table lost its rows");
    for (name, machen, erwartet) in proben {
        let bytes = machen();
        for groesse in [bytes.len().max(1), 7] {
            let ergebnis = in_stuecken(&bytes, groesse).map(|befund| befund.art);
            assert_eq!(ergebnis, erwartet, "{name} in chunks of {groesse} bytes");
        }
    }
}

#[test]
fn the_huge_png_is_refused_right_after_its_header() {
    let bytes = beispiele::png_riesig();
    let mut pruefer = Pruefer::new(Grenzen::default());
    // Signature (8) + IHDR length and type (8) + data (13) + CRC (4).
    assert_eq!(pruefer.feed(&bytes[..32]), Ok(()));
    assert_eq!(pruefer.feed(&bytes[32..33]), Err(Ablehnung::BildZuGross));
}

#[test]
fn an_accepted_file_reports_size_pixels_and_sha256() {
    let bytes = beispiele::png(64, 48);
    let befund = Pruefer::pruefe(Grenzen::default(), &bytes).expect("a valid PNG");
    assert_eq!(befund.bytes, bytes.len() as u64);
    assert_eq!(befund.pixel, Some((64, 48)));
    use sha2::Digest as _;
    assert_eq!(befund.sha256, format!("{:x}", sha2::Sha256::digest(&bytes)));
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &beispiele::heic()).map(|b| b.pixel), Ok(Some((640, 480))));
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &beispiele::pdf()).map(|b| b.pixel), Ok(None));
}

#[test]
fn a_file_is_refused_as_too_large_as_soon_as_the_count_passes_the_limit() {
    let bytes = beispiele::jpeg(64, 48);
    let grenzen = Grenzen { max_bytes: 100, ..Grenzen::default() };
    let mut pruefer = Pruefer::new(grenzen);
    assert_eq!(pruefer.feed(&bytes[..100]), Ok(()));
    assert_eq!(pruefer.feed(&bytes[100..101]), Err(Ablehnung::ZuGross));
    assert_eq!(pruefer.feed(&bytes[101..]), Err(Ablehnung::ZuGross), "a refusal sticks");
    assert_eq!(pruefer.finish(), Err(Ablehnung::ZuGross));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_verdict_does_not_depend_on_where_chunks_end(
        index in 0usize..16,
        schnitte in proptest::collection::vec(1usize..300, 1..40),
    ) {
        let proben = proben();
        let (name, machen, _) = proben[index % proben.len()];
        let bytes = machen();
        let ganz = Pruefer::pruefe(Grenzen::default(), &bytes);
        let mut pruefer = Pruefer::new(Grenzen::default());
        let mut rest = &bytes[..];
        let mut stuecke = schnitte.iter().cycle();
        let mut stueckweise = Ok(());
        while !rest.is_empty() && stueckweise.is_ok() {
            let n = (*stuecke.next().unwrap_or(&1)).min(rest.len());
            stueckweise = pruefer.feed(&rest[..n]);
            rest = &rest[n..];
        }
        let stueckweise = stueckweise.and_then(|()| pruefer.finish());
        prop_assert_eq!(stueckweise, ganz, "{}", name);
    }
}
