use super::*;

fn pruefe(bytes: &[u8]) -> Result<Art, Ablehnung> {
    Pruefer::pruefe(Grenzen::default(), bytes).map(|b| b.art)
}

fn pruefe_stueckweise(stuecke: &[&[u8]]) -> Result<Befund, Ablehnung> {
    let mut p = Pruefer::new(Grenzen::default());
    for s in stuecke {
        p.feed(s)?;
    }
    p.finish()
}

/// A PDF around `koerper` with a trailer; the scanner needs no valid xref.
fn pdf_mit(koerper: &[u8]) -> Vec<u8> {
    [&b"%PDF-1.7\n1 0 obj\n"[..], koerper, b"\nendobj\nxref\n0 1\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"].concat()
}

fn objektstrom(filter: &str, daten: &[u8]) -> Vec<u8> {
    let kopf = format!("<< /Type /ObjStm /N 1 /First 4 {filter} /Length {} >>\nstream\r\n", daten.len());
    pdf_mit(&[kopf.as_bytes(), daten, b"\r\nendstream"].concat())
}

fn png_chunk(typ: &[u8; 4], daten: &[u8]) -> Vec<u8> {
    let mut crc = crc32fast::Hasher::new();
    crc.update(typ);
    crc.update(daten);
    [&(daten.len() as u32).to_be_bytes()[..], typ, daten, &crc.finalize().to_be_bytes()].concat()
}

fn ihdr(breite: u32, hoehe: u32) -> Vec<u8> {
    png_chunk(b"IHDR", &[&breite.to_be_bytes()[..], &hoehe.to_be_bytes(), &[8, 2, 0, 0, 0]].concat())
}

fn png_aus(chunks: &[Vec<u8>]) -> Vec<u8> {
    [&[PNG_SIGNATUR.to_vec()][..], chunks].concat().concat()
}

fn png_klein() -> Vec<u8> {
    png_aus(&[ihdr(3, 2), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])])
}

/// A structurally valid JPEG (not decodable): SOF0, SOS, scan data with a
/// stuffed byte and a restart marker, EOI.
fn jpeg_bild(breite: u16, hoehe: u16) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0xAB, 0xCD, 0xFF, 0xC0, 0, 17, 8];
    b.extend_from_slice(&hoehe.to_be_bytes());
    b.extend_from_slice(&breite.to_be_bytes());
    b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b.extend_from_slice(&[0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
    b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD9]);
    b
}

fn bmff(typ: &[u8; 4], inhalt: &[u8]) -> Vec<u8> {
    [&((inhalt.len() + 8) as u32).to_be_bytes()[..], typ, inhalt].concat()
}

fn heic_aus(marken: &[u8], ispes: &[(u32, u32)]) -> Vec<u8> {
    let ispe: Vec<u8> =
        ispes.iter().flat_map(|(b, h)| bmff(b"ispe", &[&[0; 4][..], &b.to_be_bytes(), &h.to_be_bytes()].concat())).collect();
    let meta = bmff(b"meta", &[&[0; 4][..], &bmff(b"iprp", &bmff(b"ipco", &ispe))].concat());
    [bmff(b"ftyp", marken), meta, bmff(b"mdat", &[1, 2, 3])].concat()
}

#[test]
fn codes_and_media_types_are_stable() {
    let codes: Vec<_> = Ablehnung::ALLE.iter().map(|a| a.code()).collect();
    assert_eq!(codes, ["leer", "zu-gross", "art", "verschluesselt", "aktiv", "beschaedigt", "bild-zu-gross", "mehrdeutig"]);
    let arten = [Art::Pdf, Art::Jpeg, Art::Png, Art::Heic];
    assert_eq!(arten.map(Art::endung), ["pdf", "jpg", "png", "heic"]);
    assert_eq!(arten.map(Art::mime), ["application/pdf", "image/jpeg", "image/png", "image/heic"]);
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    assert_eq!(pruefe(b""), Err(Ablehnung::Leer));
    assert_eq!(pruefe_stueckweise(&[b"", b""]), Err(Ablehnung::Leer));
}

#[test]
fn an_unknown_type_is_refused_with_its_first_bytes() {
    let mut p = Pruefer::new(Grenzen::default());
    assert_eq!(p.feed(b"GIF89a"), Err(Ablehnung::UnbekannteArt), "refused before eight bytes");
    assert_eq!(pruefe(b"%PD"), Err(Ablehnung::UnbekannteArt));
    assert_eq!(pruefe(b"\0\0\0\x18ftypisom\0\0\0\0isommp41"), Err(Ablehnung::UnbekannteArt), "an MP4 video");
    assert_eq!(pruefe(&[0xFF, 0xD8, 0xFF]), Err(Ablehnung::Beschaedigt), "a JPEG start only");
}

#[test]
fn a_file_valid_as_two_kinds_is_ambiguous() {
    // JPEG magic and an ISO-BMFF `ftyp` box at offset 4 at once.
    let mut jpeg_heic = vec![0xFF, 0xD8, 0xFF, 0xE1];
    jpeg_heic.extend_from_slice(b"ftypheic");
    assert_eq!(pruefe(&jpeg_heic), Err(Ablehnung::Mehrdeutig));
    let png = png_aus(&[ihdr(3, 2), png_chunk(b"tEXt", b"Comment\0%PDF-1.4"), png_chunk(b"IEND", &[])]);
    assert_eq!(pruefe(&png), Err(Ablehnung::Mehrdeutig));
    let mut heic = heic_aus(b"heic\0\0\0\0mif1", &[(4, 4)]);
    heic.extend_from_slice(&bmff(b"free", b"%PDF-"));
    assert_eq!(pruefe(&heic), Err(Ablehnung::Mehrdeutig));
}

#[test]
fn a_small_pdf_is_accepted() {
    assert_eq!(pruefe(&pdf_mit(b"<< /Type /Catalog >>")), Ok(Art::Pdf));
}

#[test]
fn every_active_name_is_refused_also_hex_escaped_and_split_across_chunks() {
    for name in AKTIVE_NAMEN {
        let koerper = format!("<< /{name} 2 0 R >>");
        assert_eq!(pruefe(&pdf_mit(koerper.as_bytes())), Err(Ablehnung::AktiverInhalt), "{name}");
    }
    assert_eq!(pruefe(&pdf_mit(b"<< /S /J#61vaScript >>")), Err(Ablehnung::AktiverInhalt));
    assert_eq!(pruefe(&pdf_mit(b"<</#4A#53(x)>>")), Err(Ablehnung::AktiverInhalt));
    let pdf = pdf_mit(b"<< /S /J#61vaScript >>");
    let stelle = pdf.windows(3).position(|w| w == b"#61").expect("escape") + 2;
    assert_eq!(pruefe_stueckweise(&[&pdf[..stelle], &pdf[stelle..]]).map(|b| b.art), Err(Ablehnung::AktiverInhalt));
    assert_eq!(pruefe(&pdf_mit(b"<< /JavaScriptX 1 /JSON 2 /EFG 3 >>")), Ok(Art::Pdf), "other names pass");
}

#[test]
fn in_stream_data_only_long_active_names_count() {
    let strom = |daten: &[u8]| pdf_mit(&[&b"<< /Length 9 >>\nstream\n"[..], daten, b"\nendstream"].concat());
    assert_eq!(pruefe(&strom(b"\x01/JS\x02/EF ")), Ok(Art::Pdf), "short names occur by chance in binary data");
    assert_eq!(pruefe(&strom(b"\x01/JavaScript(")), Err(Ablehnung::AktiverInhalt));
    assert_eq!(pruefe(&strom(b"\x01/Java#53cript(")), Err(Ablehnung::AktiverInhalt), "escaped");
    assert_eq!(pruefe(&strom(b"\x01/RichMedia/Launch ")), Err(Ablehnung::AktiverInhalt), "second of two names");
    assert_eq!(pruefe(&strom(b"\x01/JavaScriptX( /LaunchLaunchLaunch ")), Ok(Art::Pdf), "longer names are others");
    assert_eq!(pruefe(&pdf_mit(b"<< /Length 9 >>\nstream\n/JavaScript")), Err(Ablehnung::AktiverInhalt));
}

#[test]
fn object_streams_are_inflated_and_scanned() {
    let gepackt = |s: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(s, 6);
    let harmlos = gepackt(b"5 0 << /Type /Font /Subtype /Type1 >>");
    assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &harmlos)), Ok(Art::Pdf));
    let js = gepackt(b"5 0 << /S /JavaScript /JS (x) >>");
    assert_eq!(pruefe(&objektstrom("/Filter [/FlateDecode]", &js)), Err(Ablehnung::AktiverInhalt));
    let ef = gepackt(b"5 0 << /Type /Filespec /EF << /F 6 0 R >> >>");
    assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &ef)), Err(Ablehnung::AktiverInhalt), "short names count inside");
    assert_eq!(pruefe(&objektstrom("", b"5 0 << /JS (x) >>")), Err(Ablehnung::AktiverInhalt), "uncompressed");
    assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", b"not zlib at all")), Err(Ablehnung::Beschaedigt));
    assert_eq!(pruefe(&objektstrom("/Filter /FlateDecode", &js[..js.len() / 2])), Err(Ablehnung::Beschaedigt), "cut off");
    assert_eq!(pruefe(&objektstrom("/Filter /ASCIIHexDecode", b"3520")), Err(Ablehnung::Beschaedigt), "unreadable");
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let pdf = [&pdf_mit(b"<< >>")[..], b"trailer\n<< /Encrypt 2 0 R >>\nstartxref\n9\n%%EOF\n"].concat();
    assert_eq!(pruefe(&pdf), Err(Ablehnung::Verschluesselt));
    assert_eq!(pruefe(&pdf_mit(b"<< /Type /XRef /Encr#79pt 3 0 R >>")), Err(Ablehnung::Verschluesselt));
}

#[test]
fn a_pdf_without_its_end_is_damaged() {
    assert_eq!(pruefe(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n"), Err(Ablehnung::Beschaedigt), "no %%EOF");
    assert_eq!(pruefe(b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"), Err(Ablehnung::Beschaedigt), "no startxref");
    let mut spaet = pdf_mit(b"<< >>");
    spaet.extend_from_slice(&[b' '; 1100]);
    assert_eq!(pruefe(&spaet), Err(Ablehnung::Beschaedigt), "%%EOF not in the last 1024 bytes");
    let offen = [&b"%PDF-1.7\n1 0 obj\n<< >>\nstream\n"[..], b"startxref\n9\n%%EOF\n"].concat();
    assert_eq!(pruefe(&offen), Err(Ablehnung::Beschaedigt), "a stream that never ends");
}

#[test]
fn a_png_is_accepted_only_whole_and_with_correct_checksums() {
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &png_klein()).map(|b| b.pixel), Ok(Some((3, 2))));
    let mut falsche_crc = png_klein();
    falsche_crc[29] ^= 1;
    assert_eq!(pruefe(&falsche_crc), Err(Ablehnung::Beschaedigt), "IHDR CRC");
    let mut falsche_idat = png_klein();
    falsche_idat[42] ^= 1;
    assert_eq!(pruefe(&falsche_idat), Err(Ablehnung::Beschaedigt), "IDAT CRC");
    let ohne_iend = png_aus(&[ihdr(3, 2), png_chunk(b"IDAT", &[0x78, 0x01])]);
    assert_eq!(pruefe(&ohne_iend), Err(Ablehnung::Beschaedigt));
    let mut danach = png_klein();
    danach.extend_from_slice(b"PK\x03\x04");
    assert_eq!(pruefe(&danach), Err(Ablehnung::Beschaedigt), "data after IEND");
    let idat_zuerst = png_aus(&[png_chunk(b"IDAT", &[0x78, 0x01]), ihdr(3, 2), png_chunk(b"IEND", &[])]);
    assert_eq!(pruefe(&idat_zuerst), Err(Ablehnung::Beschaedigt));
    let ohne_idat = png_aus(&[ihdr(3, 2), png_chunk(b"IEND", &[])]);
    assert_eq!(pruefe(&ohne_idat), Err(Ablehnung::Beschaedigt));
    let leer = png_aus(&[ihdr(0, 2), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])]);
    assert_eq!(pruefe(&leer), Err(Ablehnung::Beschaedigt), "width 0");
}

#[test]
fn an_image_needing_more_memory_than_allowed_is_refused_at_its_header() {
    let grenzen = Grenzen { max_bild_speicher: 400, ..Grenzen::default() };
    let png = |b, h| png_aus(&[ihdr(b, h), png_chunk(b"IDAT", &[0x78, 0x01]), png_chunk(b"IEND", &[])]);
    assert_eq!(Pruefer::pruefe(grenzen, &png(10, 10)).map(|b| b.art), Ok(Art::Png), "exactly at the limit");
    assert_eq!(Pruefer::pruefe(grenzen, &png(10, 11)), Err(Ablehnung::BildZuGross));
    let mut p = Pruefer::new(grenzen);
    assert_eq!(p.feed(&jpeg_bild(11, 10)[..20]), Err(Ablehnung::BildZuGross), "JPEG: right after SOF");
    assert_eq!(Pruefer::pruefe(grenzen, &jpeg_bild(10, 10)).map(|b| b.art), Ok(Art::Jpeg));
    assert_eq!(Pruefer::pruefe(grenzen, &heic_aus(b"heic\0\0\0\0", &[(11, 10)])), Err(Ablehnung::BildZuGross));
}

#[test]
fn a_jpeg_must_have_a_frame_and_end_with_eoi() {
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &jpeg_bild(640, 480)).map(|b| b.pixel), Ok(Some((640, 480))));
    let gut = jpeg_bild(4, 4);
    assert_eq!(pruefe(&gut[..gut.len() - 4]), Err(Ablehnung::Beschaedigt), "cut in the scan");
    for polster in [1, MAX_JPEG_POLSTER as usize] {
        assert_eq!(pruefe(&[&gut[..], &vec![0; polster]].concat()), Ok(Art::Jpeg), "{polster} zero bytes");
    }
    let zu_viel = [&gut[..], &vec![0; MAX_JPEG_POLSTER as usize + 1]].concat();
    assert_eq!(pruefe(&zu_viel), Err(Ablehnung::Beschaedigt));
    assert_eq!(pruefe(&[&gut[..], b"PK\x03\x04"].concat()), Err(Ablehnung::Beschaedigt), "data after EOI");
    let mpf = [&gut[..], &jpeg_bild(2, 2)].concat();
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &mpf).map(|b| b.pixel), Ok(Some((4, 4))), "a preview image after EOI");
    let ohne_sof = [&gut[..8], &gut[27..]].concat();
    assert_eq!(pruefe(&ohne_sof), Err(Ablehnung::Beschaedigt));
    assert_eq!(pruefe(&jpeg_bild(4, 0)), Err(Ablehnung::Beschaedigt), "height 0");
    let zwei_sof = [&gut[..27], &gut[8..]].concat();
    assert_eq!(pruefe(&zwei_sof), Err(Ablehnung::Beschaedigt));
}

#[test]
fn a_heic_needs_a_heif_brand_a_meta_box_and_boxes_within_the_file() {
    let gut = heic_aus(b"heic\0\0\0\0mif1heic", &[(512, 512), (4032, 3024), (320, 240)]);
    assert_eq!(Pruefer::pruefe(Grenzen::default(), &gut).map(|b| b.pixel), Ok(Some((4032, 3024))), "the largest ispe");
    assert_eq!(pruefe(&heic_aus(b"mif1\0\0\0\0heic", &[])), Ok(Art::Heic));
    assert_eq!(pruefe(&heic_aus(b"avif\0\0\0\0mif1miaf", &[(4, 4)])), Err(Ablehnung::UnbekannteArt));
    assert_eq!(pruefe(&heic_aus(b"mif1\0\0\0\0avifmiaf", &[(4, 4)])), Err(Ablehnung::UnbekannteArt));
    assert_eq!(pruefe(&gut[..gut.len() - 1]), Err(Ablehnung::Beschaedigt), "the last box runs past the end");
    assert_eq!(pruefe(&bmff(b"ftyp", b"heic\0\0\0\0")), Err(Ablehnung::Beschaedigt), "no meta");
    let mut bis_ende = heic_aus(b"heic\0\0\0\0", &[(4, 4)]);
    bis_ende.extend_from_slice(&[0, 0, 0, 0, b'm', b'd', b'a', b't', 1, 2, 3]);
    assert_eq!(pruefe(&bis_ende), Ok(Art::Heic), "a last box of size 0 runs to the end");
    assert_eq!(pruefe(&heic_aus(b"heic\0\0\0\0", &[(0, 4)])), Err(Ablehnung::Beschaedigt));
}

#[test]
fn the_hash_is_the_sha256_of_all_bytes_in_lowercase_hex() {
    let bytes = jpeg_bild(2, 2);
    let befund = pruefe_stueckweise(&[&bytes[..5], &bytes[5..]]).expect("valid");
    let erwartet: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(befund.sha256, erwartet);
    assert_eq!(hex(&[0x00, 0xAB, 0x0F]), "00ab0f");
}

#[test]
fn the_streaming_search_finds_a_pattern_after_a_false_start() {
    let mut kmp = Kmp::new(b"endstream");
    let treffer: Vec<usize> = b"xendstrendstreamendstream".iter().enumerate().filter(|&(_, &b)| kmp.schritt(b)).map(|(i, _)| i).collect();
    assert_eq!(treffer, vec![15, 24]);
}

#[test]
fn a_checker_without_checksum_decides_the_same_and_leaves_the_hash_to_the_caller() {
    let bytes = b"%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\nxyz/abc e\nendstream\nendobj\nstartxref\n0\n%%EOF\n";
    let mut ohne = Pruefer::ohne_pruefsumme(Grenzen::default());
    let mut mit = Pruefer::new(Grenzen::default());
    for chunk in bytes.chunks(5) {
        assert_eq!(ohne.feed(chunk), mit.feed(chunk));
    }
    let (ohne, mit) = (ohne.finish(), mit.finish());
    assert_eq!(ohne.as_ref().map(|b| b.art), mit.as_ref().map(|b| b.art));
    assert_eq!(ohne.unwrap().sha256, "");
    assert_eq!(mit.unwrap().sha256.len(), 64);
    // A script name in stream data is still found when the scanner jumps.
    let aktiv = b"%PDF-1.7\n1 0 obj\n<< /Length 20 >>\nstream\naaaa /JavaScript bbbb\nendstream\nendobj\nstartxref\n0\n%%EOF\n";
    assert_eq!(Pruefer::pruefe(Grenzen::default(), aktiv).unwrap_err(), Ablehnung::AktiverInhalt);
}

#[test]
fn stream_data_gives_the_same_verdict_split_at_every_byte() {
    // A false start of `endstream`, names right before and after it, and an
    // active name after the real end: every split into two chunks must
    // find both the end and the name (and nothing in between).
    let strom = |nachher: &[u8]| {
        pdf_mit(&[&b"<< /Length 9 >>\nstream\nab/Abc endstreaendstrea/x /Xyz\x00endstream\n"[..], nachher, b"\nendobj"].concat())
    };
    for (nachher, erwartet) in [(&b"<< /S /Launch /F 2 0 R >>"[..], Err(Ablehnung::AktiverInhalt)), (b"<< /Type /Page >>", Ok(Art::Pdf))] {
        let bytes = strom(nachher);
        assert_eq!(pruefe(&bytes), erwartet, "whole");
        for schnitt in 1..bytes.len() {
            let (a, b) = bytes.split_at(schnitt);
            assert_eq!(pruefe_stueckweise(&[a, b]).map(|b| b.art), erwartet, "split at {schnitt}");
        }
    }
}

#[test]
fn binary_stream_data_gives_the_verdict_of_the_byte_by_byte_reader() {
    // Random data with names sprinkled in, some active (plain, escaped,
    // longer), read whole (the fast paths) and one byte at a time (the
    // byte-by-byte reader): the verdicts agree, and an active name is found.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut zufall = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let namen: [&[u8]; 6] = [b"/JavaScript ", b"/Java#53cript ", b"/JavaScriptX ", b"/Launch(", b"/EF ", b"/RichMedi "];
    let mut aktiv_gefunden = 0;
    for runde in 0..200 {
        let mut daten: Vec<u8> = (0..4096).map(|_| (zufall() >> 24) as u8).collect();
        if runde % 2 == 0 {
            let name = namen[(zufall() % namen.len() as u64) as usize];
            let ort = (zufall() % (daten.len() - name.len()) as u64) as usize;
            daten[ort..ort + name.len()].copy_from_slice(name);
        }
        // No accidental end of the stream inside the data.
        while let Some(p) = daten.windows(9).position(|w| w == b"endstream") {
            daten[p] = b'x';
        }
        let bytes = pdf_mit(&[&b"<< /Length 9 >>\nstream\n"[..], &daten, b"\nendstream"].concat());
        let ganz = pruefe(&bytes);
        let stuecke: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(pruefe_stueckweise(&stuecke).map(|b| b.art), ganz, "round {runde}");
        aktiv_gefunden += usize::from(ganz == Err(Ablehnung::AktiverInhalt));
    }
    assert!(aktiv_gefunden > 20, "active names found in {aktiv_gefunden} rounds");
}
