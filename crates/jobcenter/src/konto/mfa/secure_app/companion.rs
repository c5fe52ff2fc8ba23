//! The companion web app ("Secure-App", MFA-34) under `/secure-app/`: its
//! files live in `assets/secure-app/` (embedded by `build.rs`) and are
//! served here, so that the service worker's scope is `/secure-app/` and
//! the app is installable (manifest, icons, offline shell).

use crate::web::assets::ASSETS;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

fn file(name: &str) -> Response {
    let path = format!("secure-app/{name}");
    match ASSETS.iter().find(|(p, _, _)| *p == path) {
        Some((_, ct, bytes)) => {
            let mut res = (*bytes).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            res
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /secure-app` → `/secure-app/`.
pub async fn root() -> Redirect {
    Redirect::permanent("/secure-app/")
}

/// `GET /secure-app/`: the app shell.
pub async fn index() -> Response {
    let mut res = file("index.html");
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    res
}

/// `GET /secure-app/{file}`: script, service worker, manifest, icons.
pub async fn asset(Path(name): Path<String>) -> Response {
    if name.contains('/') || name == "index.html" {
        return StatusCode::NOT_FOUND.into_response();
    }
    file(&name)
}
