//! Idempotency keys on every form, by construction (DESIGN.md section 6,
//! X-4): no template and no handler has to remember them.
//!
//! - **Out:** every HTML page shown to a signed-in session gets a fresh key
//!   as a hidden field in each `<form method="post">` (one key per form and
//!   page view). Multipart forms ("Datei hochladen") carry their own key,
//!   which their operation checks in its transaction.
//! - **In:** a form POST (`application/x-www-form-urlencoded`) of a
//!   signed-in session with a key claims it ([`idempotenz::beanspruchen`])
//!   before the handler runs. The handler's redirect (post-redirect-get) is
//!   stored as the key's result; a repeated request (a double click, a form
//!   sent again after a timeout) is answered with that redirect and does
//!   nothing again. One that arrives while the first still runs waits for
//!   it; after [`WARTEN`] it gets a page that says the form is being
//!   processed. An answer that is not a redirect (the form had errors)
//!   releases the key, so the corrected form can be sent.
//!
//! The result is recorded after the handler's transaction, not in it: a
//! crash between the two leaves the key claimed without result, and a
//! repeat then gets the "being processed" page, never a second execution.

use crate::app::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::ErrorPage;
use crate::web::idempotenz::{self, Anspruch};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, LOCATION};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::fmt::Write as _;
use std::time::Duration;

/// How long a repeated request waits for the first one.
const WARTEN: Duration = Duration::from_secs(10);

/// Middleware, inside the CSRF check (see [`crate::web::routes::router`]).
pub async fn idempotent(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(account) = req.extensions().get::<Ctx>().and_then(|c| c.session.as_ref()).map(|s| s.account_id.clone()) else {
        return next.run(req).await;
    };
    let formular = req.method() == Method::POST
        && req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    let res = if formular { einmal(&state, &account, req, next).await } else { next.run(req).await };
    schluessel_einsetzen(res).await
}

/// Runs a form POST at most once per key.
async fn einmal(state: &AppState, account: &str, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    // `body_limit` (outside) has limited the body already.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let schluessel = url::form_urlencoded::parse(&bytes)
        .find_map(|(k, v)| (k == idempotenz::FIELD).then(|| v.into_owned()))
        .filter(|k| idempotenz::gueltig(k));
    let req = Request::from_parts(parts, Body::from(bytes));
    let Some(schluessel) = schluessel else { return next.run(req).await };
    let writer = &state.db.writer;
    match idempotenz::beanspruchen(writer, account, &schluessel, state.now(), WARTEN).await {
        Ok(Anspruch::Neu) => {}
        Ok(Anspruch::Erledigt(ziel)) => return Redirect::to(&ziel).into_response(),
        Ok(Anspruch::Laeuft) => return ErrorPage::Laeuft.response(StatusCode::CONFLICT),
        Err(e) => return crate::web::error::AppError::from(e).into_response(),
    }
    let res = next.run(req).await;
    let ziel = res.status().is_redirection().then(|| res.headers().get(LOCATION).and_then(|v| v.to_str().ok())).flatten();
    let gemerkt = match ziel {
        Some(ziel) => idempotenz::abschliessen_ohne_tx(writer, account, &schluessel, ziel).await,
        None => idempotenz::freigeben(writer, account, &schluessel).await,
    };
    if let Err(e) = gemerkt {
        // The work is done and answered; a repeat then waits and gets the
        // "being processed" page.
        tracing::warn!(error = %e, "recording an idempotency key's result failed");
    }
    res
}

/// Puts a fresh key into every POST form of an HTML page.
async fn schluessel_einsetzen(res: Response) -> Response {
    let html = res.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    if !html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(text) = std::str::from_utf8(&bytes) else { return Response::from_parts(parts, Body::from(bytes)) };
    let neu = mit_schluesseln(text, idempotenz::neuer_schluessel);
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(neu))
}

/// `html` with a hidden key field after the start tag of each POST form
/// that is not multipart.
pub fn mit_schluesseln(html: &str, mut neu: impl FnMut() -> String) -> String {
    let mut aus = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(p) = rest.find("<form") {
        let Some(ende) = rest[p..].find('>').map(|e| p + e + 1) else { break };
        let tag = &rest[p..ende];
        aus.push_str(&rest[..ende]);
        rest = &rest[ende..];
        let ist_form = tag[5..].starts_with([' ', '\n', '>']);
        if ist_form && tag.contains(r#"method="post""#) && !tag.contains("multipart/form-data") {
            let _ = write!(aus, r#"<input type="hidden" name="{}" value="{}">"#, idempotenz::FIELD, neu());
        }
    }
    aus.push_str(rest);
    aus
}

#[cfg(test)]
mod tests {
    use super::mit_schluesseln;

    #[test]
    fn every_post_form_gets_its_own_key_and_nothing_else_changes() {
        let html = r#"<p>&lt;form method="post"&gt;</p><form method="post" action="/a"><button>A</button></form>
<form class="x" method="get" action="/s"></form><form method="post" enctype="multipart/form-data" action="/u"></form>
<formular></formular><form
  method="post" action="/b"></form>"#;
        let mut n = 0;
        let aus = mit_schluesseln(html, || {
            n += 1;
            format!("key{n}")
        });
        assert_eq!(
            aus,
            r#"<p>&lt;form method="post"&gt;</p><form method="post" action="/a"><input type="hidden" name="idempotenz" value="key1"><button>A</button></form>
<form class="x" method="get" action="/s"></form><form method="post" enctype="multipart/form-data" action="/u"></form>
<formular></formular><form
  method="post" action="/b"><input type="hidden" name="idempotenz" value="key2"></form>"#
        );
    }
}
