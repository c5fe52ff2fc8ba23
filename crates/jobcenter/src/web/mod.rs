//! The web layer: routes, middleware, layout, errors, extractors, assets.

pub mod assets;
pub mod ctx;
pub mod error;
pub mod formulare;
pub mod idempotenz;
pub mod metrics;
pub mod page;
pub mod routes;
pub mod seiten;
pub mod session;

pub use ctx::{Ctx, SignedIn};
pub use error::{AppError, AppResult};
pub use page::{FormErrors, Page};
pub use routes::router;

use crate::app::AppState;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

/// Renders a template into an HTML response.
pub fn render<T: Template>(t: &T) -> AppResult<Response> {
    Ok(Html(t.render()?).into_response())
}

/// Renders a template with a status code (e.g. 422 for a form with errors).
pub fn render_status<T: Template>(status: StatusCode, t: &T) -> AppResult<Response> {
    Ok((status, Html(t.render()?)).into_response())
}

/// A `303 See Other` redirect (after a POST).
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(axum::http::header::LOCATION, to.to_owned())]).into_response()
}

/// A redirect that also sets a cookie.
pub fn see_other_with_cookie(to: &str, cookie: &str) -> Response {
    let mut res = see_other(to);
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
    res
}

#[derive(Template)]
#[template(path = "web/templates/fehler.html")]
struct ErrorTemplate {
    page: Page,
    heading: String,
    text: String,
    request_id: String,
}

/// Middleware: turns error responses (marked by [`error::ErrorPage`], an
/// unmatched route, or a CSRF rejection) into a page in the user's language.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<Ctx>().cloned();
    let res = next.run(req).await;
    state.metrics.count_status(res.status());
    let kind = match (res.extensions().get::<error::ErrorPage>(), res.status()) {
        (Some(k), _) => *k,
        (None, StatusCode::FORBIDDEN) if res.headers().get(CONTENT_TYPE).is_none() => error::ErrorPage::Forbidden,
        (None, StatusCode::PAYLOAD_TOO_LARGE) if res.headers().get(CONTENT_TYPE).is_none() => error::ErrorPage::ZuGross,
        _ => return res,
    };
    let Some(ctx) = ctx else { return res };
    let (title, heading, text) = match kind {
        error::ErrorPage::NotFound => ("error-notfound-title", "error-notfound-heading", "error-notfound-text"),
        error::ErrorPage::Internal => ("error-internal-title", "error-internal-heading", "error-internal-text"),
        error::ErrorPage::Forbidden => ("error-forbidden-title", "error-forbidden-heading", "error-forbidden-text"),
        error::ErrorPage::Laeuft => ("error-pending-title", "error-pending-heading", "error-pending-text"),
        error::ErrorPage::ZuGross => ("error-too-large-title", "error-too-large-heading", "error-too-large-text"),
        error::ErrorPage::Ungueltig => ("error-invalid-title", "error-invalid-heading", "error-invalid-text"),
    };
    let t = ErrorTemplate {
        page: Page::new(&ctx, &state, title),
        heading: ctx.lang.t(heading),
        text: ctx.lang.t(text),
        request_id: ctx.request_id.clone(),
    };
    match t.render() {
        Ok(html) => (res.status(), Html(html)).into_response(),
        Err(_) => res,
    }
}

/// Fallback for unknown paths.
pub async fn not_found() -> AppError {
    AppError::NotFound
}

/// Middleware: security headers on every response; `no-store` on
/// everything but the static assets (pages may show personal data).
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_asset = req.uri().path().starts_with("/assets/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if state.config.secure_cookies() {
        set(h, "strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    if !is_asset {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}
