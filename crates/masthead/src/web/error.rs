//! `AppError`: every way a request can fail, and how each becomes a response; the one
//! place a service's refusal (`ServiceError`) turns into one.
//!
//! The response carries the error in its extensions; the `render_errors` middleware
//! logs it and renders the themed error page (the newsroom's own under `/admin`).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use store::StoreError;

use crate::domain::refusal::Refusal;
use crate::service::error::ServiceError;

/// What went wrong handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing here.
    #[error("not found")]
    NotFound,
    /// Not logged in: the newsroom sends people to its login page.
    #[error("not logged in")]
    Unauthorized,
    /// A one-time password must be replaced before anything else.
    #[error("password change required")]
    MustChangePassword,
    /// Logged in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// A form without a valid CSRF token.
    #[error("the form has expired")]
    BadCsrf,
    /// Someone else changed the thing meanwhile.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Bad input that has no form to show it in.
    #[error("bad request: {0}")]
    BadRequest(Refusal),
    /// Too many requests from one client.
    #[error("too many requests")]
    TooManyRequests,
    /// The database is busy or down.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// A bug or an I/O failure; readers see a generic page.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
    /// Every slot for this work (password hashing, searches) stayed taken: come back
    /// after this many seconds.
    #[error("busy")]
    Busy(u64),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Unavailable(message) => AppError::Unavailable(message),
            StoreError::Conflict(constraint) => AppError::Conflict(constraint.to_string()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<ServiceError> for AppError {
    /// A refusal that no form showed: forms handle `Invalid`, `InvalidFields` and
    /// `Conflict` themselves, and what reaches here is answered with the error page.
    fn from(error: ServiceError) -> AppError {
        match error {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Forbidden => AppError::Forbidden,
            ServiceError::Invalid(refusal) => AppError::BadRequest(refusal),
            ServiceError::InvalidFields(errors) => {
                AppError::BadRequest(Refusal::All(errors.into_values().collect()))
            }
            ServiceError::Conflict(refusal) => AppError::Conflict(refusal.to_string()),
            ServiceError::Stale { what, .. } => AppError::Conflict(what),
            ServiceError::BadLogin => AppError::Unauthorized,
            ServiceError::Locked { .. } => AppError::TooManyRequests,
            ServiceError::Busy { retry_after } => AppError::Busy(retry_after),
            ServiceError::Unavailable(message) => AppError::Unavailable(message),
            ServiceError::Internal(error) => AppError::Internal(error),
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
    /// What the newsroom's error page tells its user, put into their words there.
    pub message: Refusal,
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized | AppError::MustChangePassword => StatusCode::SEE_OTHER,
            AppError::Forbidden | AppError::BadCsrf => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl AppError {
    /// What a newsroom user is told; never internal detail.
    fn message(&self) -> Refusal {
        match self {
            AppError::NotFound => Refusal::NothingHere,
            AppError::Forbidden => Refusal::RoleForbids,
            AppError::BadCsrf => Refusal::FormExpired,
            AppError::Conflict(_) => Refusal::ChangedMeanwhile,
            AppError::BadRequest(refusal) => refusal.clone(),
            AppError::TooManyRequests => Refusal::TooManyRequests,
            AppError::Unavailable(_) => Refusal::DatabaseDown,
            AppError::Busy(_) => Refusal::TooBusy,
            AppError::Unauthorized | AppError::MustChangePassword | AppError::Internal(_) => {
                Refusal::OurFault
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Unauthorized => return Redirect::to("/admin/login").into_response(),
            AppError::MustChangePassword => {
                return Redirect::to("/admin/password").into_response();
            }
            _ => {}
        }
        let status = self.status();
        let mut response = status.into_response();
        if let AppError::Busy(seconds) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        let message = self.message();
        response.extensions_mut().insert(ErrorInfo {
            status,
            detail: format!("{self:#}"),
            message,
        });
        response
    }
}
