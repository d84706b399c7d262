//! The newsroom's outermost layer: a form sent to `/admin/...` without a valid session is
//! refused before a byte of its body is read, and the login form, the one form anybody
//! may send, is read only up to [`MAX_LOGIN_FORM`].

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use crate::domain::refusal::Refusal;
use crate::service::account::token_hash;
use crate::web::error::AppError;
use crate::web::newsroom::session::{SESSION_COOKIE, cookie, keep_private};
use crate::web::state::AppState;

/// The largest login form: an email, a password and a token fit many times over.
pub const MAX_LOGIN_FORM: usize = 8 * 1024;

/// Refuses writes without a session (the layers inside would read the body first), and
/// hands the session it found to them. Its refusals are private like every newsroom answer.
pub async fn guard_writes(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = guarded(&state, request, next).await;
    keep_private(&mut response);
    response
}

async fn guarded(state: &AppState, mut request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    // Inside the nested newsroom router the path has lost its `/admin` prefix.
    let is_login = request
        .extensions()
        .get::<OriginalUri>()
        .is_some_and(|uri| uri.path() == "/admin/login");
    if is_login {
        return match limited(request).await {
            Ok(request) => next.run(request).await,
            Err(error) => error.into_response(),
        };
    }
    let Some(token) = cookie(state, request.headers(), SESSION_COOKIE) else {
        return AppError::Unauthorized.into_response();
    };
    match state
        .store
        .session_user(&token_hash(token), Timestamp::now())
        .await
    {
        Ok(Some(session)) => {
            request.extensions_mut().insert(session);
            next.run(request).await
        }
        Ok(None) => AppError::Unauthorized.into_response(),
        // The database is not answering: the layers inside say so and keep the form.
        Err(_) => next.run(request).await,
    }
}

/// The request with its body read, if it is no larger than a login form.
async fn limited(request: Request) -> Result<Request, AppError> {
    let too_large = || AppError::BadRequest(Refusal::LoginFormTooLarge);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_LOGIN_FORM) {
        return Err(too_large());
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_LOGIN_FORM)
        .await
        .map_err(|_| too_large())?;
    Ok(Request::from_parts(parts, Body::from(bytes)))
}
