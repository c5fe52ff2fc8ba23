//! One error type for handlers: the expected cases map to pages with a
//! clear German (or English/Ukrainian) message, everything else to a 500
//! page with the request id and nothing of the internals.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.into())
    }
}

/// Marker put on error responses; the `render_errors` middleware turns it
/// into a page in the request's language.
#[derive(Debug, Clone, Copy)]
pub enum ErrorPage {
    NotFound,
    Internal,
    Forbidden,
    /// The same form is still being processed (an idempotency key whose
    /// first request has not finished, `web::formulare`).
    Laeuft,
    /// A form larger than a form may be (the body limit, `web::routes`).
    ZuGross,
    /// A form with a character no field accepts (NUL).
    Ungueltig,
}

impl ErrorPage {
    /// An empty response with `status`, rendered into this page.
    pub fn response(self, status: StatusCode) -> Response {
        let mut res = status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, page) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, ErrorPage::NotFound),
            AppError::Internal(e) => {
                tracing::error!(error = %format!("{e:#}"), "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, ErrorPage::Internal)
            }
        };
        let mut res = status.into_response();
        res.extensions_mut().insert(page);
        res
    }
}

/// Result type of handlers.
pub type AppResult<T> = Result<T, AppError>;
