//! `AppError`: every way a reader request can fail, and how each becomes a response.
//!
//! The response carries the error in its extensions; the `render_errors` middleware
//! logs it and renders the themed error page with the site's navigation.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use store::StoreError;

/// What went wrong handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing here.
    #[error("not found")]
    NotFound,
    /// The database is busy or down.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// A bug or an I/O failure; readers see a generic page.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Unavailable(message) => AppError::Unavailable(message),
            other => AppError::Internal(other.into()),
        }
    }
}

/// The error a response stands for, left in its extensions for the error middleware.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    /// The status.
    pub status: StatusCode,
    /// Text for the log (never shown to readers).
    pub detail: String,
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorInfo {
            status,
            detail: format!("{self:#}"),
        });
        response
    }
}
