//! The receipt PDF in this process: `jobcenter::portal::antraege::quittung::pdf`
//! for the large application with its 10 documents, timed over many runs;
//! its peak memory as the rise of this process's `VmHWM` over `VmRSS`
//! (the peak reset just before through `/proc/self/clear_refs`). Beside it
//! the receipt of the standard application, as the reference of the run.

use crate::antraege_daten::{self, STANDARD, Umfang};
use crate::procfs;
use anyhow::Context;
use formulare::Formular;
use jobcenter::i18n::Lang;
use jobcenter::portal::antraege::quittung::{Quittung, pdf};
use std::time::{Duration, Instant};

/// What the receipts cost.
pub struct PdfZahlen {
    pub seiten: usize,
    pub bytes: usize,
    pub dateien: usize,
    /// Every timed run of the large receipt.
    pub zeiten: Vec<Duration>,
    /// The first run in this process (reads the embedded fonts once).
    pub kalt: Duration,
    /// Peak memory over the RSS before: the first run, a later run.
    pub kalt_kib: u64,
    pub warm_kib: u64,
    /// Whether resetting `VmHWM` worked (otherwise the peaks mean nothing).
    pub reset: bool,
    /// The standard application's receipt: pages, timed runs.
    pub standard_seiten: usize,
    pub standard_zeiten: Vec<Duration>,
}

/// One receipt of client 0's application of `umfang` with `n` documents.
fn quittung(f: &Formular, lang: Lang, umfang: Umfang, n: usize) -> anyhow::Result<Vec<u8>> {
    let antworten = antraege_daten::antworten(0, umfang);
    let dateien = antraege_daten::dateien(n, 0);
    pdf(&Quittung {
        lang,
        formular: f,
        antworten: &antworten,
        application_id: "0190c3b2-8d6e-7a41-9f00-loadtest0000",
        vorgangsnummer: "2026-7QK4M-R2XHD",
        gesendet: 1_796_000_000,
        name: "Jürgen Andreas Müller-Kowalczyk0000".into(),
        kundennummer: "123A456789".into(),
        bescheide: [Vec::new(), Vec::new()],
        dateien: &dateien,
    })
}

/// Runs `f` with this process's peak RSS reset before; its result, how
/// far the peak rose over the RSS before, and whether the reset worked.
fn spitze<T>(f: impl FnOnce() -> T) -> anyhow::Result<(T, u64, bool)> {
    let pid = std::process::id();
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let vorher = procfs::status_kib(pid, "VmRSS")?;
    let out = f();
    let hwm = procfs::status_kib(pid, "VmHWM")?;
    Ok((out, hwm.saturating_sub(vorher), reset))
}

/// The large receipt (`umfang`, 10 documents, in `lang`) `n` times after
/// a first, cold one (written to `ablegen` if given); the standard one `n`
/// times.
pub fn messen(f: &Formular, lang: Lang, umfang: Umfang, n: usize, ablegen: Option<&std::path::Path>) -> anyhow::Result<PdfZahlen> {
    const DATEIEN: usize = 10;
    let t = Instant::now();
    let (erstes, kalt_kib, reset) = spitze(|| quittung(f, lang, umfang, DATEIEN))?;
    let kalt = t.elapsed();
    let erstes = erstes?;
    if let Some(pfad) = ablegen {
        std::fs::write(pfad, &erstes).with_context(|| format!("writing {}", pfad.display()))?;
    }
    let mut zeiten = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        let p = quittung(f, lang, umfang, DATEIEN)?;
        zeiten.push(t.elapsed());
        anyhow::ensure!(p.len() == erstes.len(), "the receipt changed between runs");
    }
    let (_, warm_kib, _) = spitze(|| quittung(f, lang, umfang, DATEIEN))?;
    let mut standard_zeiten = Vec::with_capacity(n);
    let mut standard = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        standard = quittung(f, Lang::De, STANDARD, 2)?;
        standard_zeiten.push(t.elapsed());
    }
    Ok(PdfZahlen {
        seiten: antraege_daten::seiten(&erstes),
        bytes: erstes.len(),
        dateien: DATEIEN,
        zeiten,
        kalt,
        kalt_kib,
        warm_kib,
        reset,
        standard_seiten: antraege_daten::seiten(&standard),
        standard_zeiten,
    })
}

/// What the summary computes besides its SQL, in this process (median of
/// `n` runs each, in µs): the full validation (`Formular::fehler`), the
/// documents the answers call for (`Formular::anhaenge`), and the shown
/// answers by step in German (`senden::abschnitte`).
pub fn pruefzeiten(f: &Formular, a: &formulare::Antworten, n: usize) -> [f64; 3] {
    let median = |mut v: Vec<Duration>| {
        v.sort_unstable();
        v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1e6)
    };
    let mal = |g: &dyn Fn()| {
        (0..n)
            .map(|_| {
                let t = Instant::now();
                g();
                t.elapsed()
            })
            .collect::<Vec<_>>()
    };
    let fehler = mal(&|| assert!(f.fehler(a).is_empty()));
    let anhaenge = mal(&|| assert!(!f.anhaenge(a).is_empty()));
    let abschnitte = mal(&|| assert!(!jobcenter::portal::antraege::senden::abschnitte(f, Lang::De, "x", a, &[]).is_empty()));
    [median(fehler), median(anhaenge), median(abschnitte)]
}
