//! Embeds the front-end assets into the binary: KERN UX from the npm
//! package (installed with `npm ci` from the committed lockfile if it is
//! missing) and our own files from `assets/`; and the Noto Sans faces that
//! KERN UX ships, for the PDF letters (`backoffice::brief`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = crate_dir.join("../..").canonicalize().unwrap();
    let kern = root.join("node_modules/@kern-ux/native/dist");
    println!("cargo:rerun-if-changed={}", root.join("package-lock.json").display());
    println!("cargo:rerun-if-changed={}", crate_dir.join("assets").display());
    // The Fluent files are embedded by a macro; a new file must rebuild too.
    println!("cargo:rerun-if-changed={}", crate_dir.join("locales").display());
    // sqlx::migrate! embeds the migrations; a new file must rebuild too.
    println!("cargo:rerun-if-changed={}", crate_dir.join("migrations").display());
    if !kern.join("kern.min.css").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root)
            .status()
            .expect("npm is needed once to fetch the KERN UX styles (npm ci)");
        assert!(status.success(), "npm ci failed");
    }
    let mut files: Vec<(String, PathBuf)> = vec![
        ("kern/kern.min.css".into(), kern.join("kern.min.css")),
        ("kern/fonts/fira-sans.css".into(), kern.join("fonts/fira-sans.css")),
    ];
    for f in list(&kern.join("fonts/fira-sans")) {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        files.push((format!("kern/fonts/fira-sans/{name}"), f));
    }
    let own = crate_dir.join("assets");
    for f in walk(&own) {
        let rel = f.strip_prefix(&own).unwrap().to_string_lossy().replace('\\', "/");
        files.push((rel, f));
    }
    let mut out =
        String::from("/// Embedded assets: (path below /assets/, content type, bytes).\npub static ASSETS: &[(&str, &str, &[u8])] = &[\n");
    for (path, file) in &files {
        let ct = match file.extension().and_then(|e| e.to_str()) {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("woff2") => "font/woff2",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("json") | Some("webmanifest") => "application/manifest+json",
            _ => "application/octet-stream",
        };
        writeln!(out, "    ({path:?}, {ct:?}, include_bytes!({:?})),", file.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("assets.rs"), out).unwrap();

    // WOFF 1.0, which `dokumente::schrift` unpacks (KERN UX ships no TTF).
    let noto = kern.join("fonts/noto-sans");
    let mut fonts = String::new();
    for (name, file) in [("NOTO_SANS_REGULAR", "NotoSans-Regular.woff"), ("NOTO_SANS_BOLD", "NotoSans-Bold.woff")] {
        let path = noto.join(file);
        assert!(path.exists(), "{} is missing from the KERN UX package", path.display());
        writeln!(fonts, "/// Noto Sans (SIL Open Font License) from KERN UX, WOFF 1.0.").unwrap();
        writeln!(fonts, "pub static {name}: &[u8] = include_bytes!({:?});", path.display().to_string()).unwrap();
    }
    std::fs::write(out_dir.join("schriften.rs"), fonts).unwrap();

    // The form definitions the repository ships (`formulare/`, APP-2): the
    // demo and `admin formular mitgelieferte` load them; operators load
    // their own files with `admin formular laden`.
    let formulare = root.join("formulare");
    println!("cargo:rerun-if-changed={}", formulare.display());
    let mut out = String::from("/// The shipped form definitions: (file name, JSON).\npub static MITGELIEFERT: &[(&str, &str)] = &[\n");
    for f in list(&formulare).into_iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        writeln!(out, "    ({name:?}, include_str!({:?})),", f.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("formulare.rs"), out).unwrap();
}

fn list(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in list(dir) {
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
