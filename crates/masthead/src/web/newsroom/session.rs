//! The newsroom's session layer: finds the logged-in account from the session cookie,
//! checks the CSRF token of every form sent, and keeps newsroom pages out of caches.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, OriginalUri, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use store::{SessionUser, User};

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::permission::{Action, allows};
use crate::domain::refusal::Refusal;
use crate::service::account::token_hash;
use crate::service::actor::Actor;
use crate::web::error::AppError;
use crate::web::newsroom::multipart_token::{first_field_token, is_multipart};
use crate::web::newsroom::view::InterfaceWords;
use crate::web::state::AppState;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "masthead_session";
/// The largest newsroom form (story bodies are big; uploads have their own limit).
pub const MAX_FORM: usize = 8 * 1024 * 1024;

/// The logged-in account of a newsroom request, with its session's CSRF token.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// The account.
    pub user: User,
    /// The account as services know it: who acts, with which role.
    pub actor: Actor,
    /// The token every form of this session carries.
    pub csrf: String,
}

impl CurrentUser {
    /// Refuses a page unless the role allows the action (services check their own).
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        if allows(self.user.role, action) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<CurrentUser, AppError> {
        let session = parts
            .extensions
            .get::<SessionUser>()
            .ok_or(AppError::Unauthorized)?;
        let path = parts.extensions.get::<OriginalUri>().map_or_else(
            || parts.uri.path().to_string(),
            |uri| uri.path().to_string(),
        );
        if session.user.must_change_password
            && !matches!(path.as_str(), "/admin/password" | "/admin/logout")
        {
            return Err(AppError::MustChangePassword);
        }
        Ok(CurrentUser {
            actor: Actor::of(&session.user),
            user: session.user.clone(),
            csrf: session.csrf_token.clone(),
        })
    }
}

/// A cookie's name on this site: on https, with the `__Host-` prefix, which browsers keep
/// only when set Secure, for `Path=/` and without `Domain`, so that no other host (a
/// subdomain) can set or shadow it.
fn cookie_name(state: &AppState, name: &str) -> String {
    if is_https(state) {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

fn is_https(state: &AppState) -> bool {
    state.base_url.starts_with("https://")
}

/// The value of one of the site's cookies in a request's headers.
pub fn cookie<'a>(state: &AppState, headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    let name = cookie_name(state, name);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name.as_str())
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, `Path=/`, and on https sites Secure and
/// named with the `__Host-` prefix.
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: i64) -> HeaderValue {
    let secure = if is_https(state) { "; Secure" } else { "" };
    let name = cookie_name(state, name);
    let cookie =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&cookie).unwrap_or(HeaderValue::from_static("invalid=1"))
}

/// Marks a newsroom response private: no cache, shared or the browser's, may keep it.
pub fn keep_private(response: &mut Response) {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, private"),
    );
}

/// Looks up the session, checks the CSRF token of every non-GET request but the login
/// form (which carries its own), and marks newsroom responses private, refusals included.
pub async fn newsroom_session(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = with_session(&state, request, next).await;
    keep_private(&mut response);
    response
}

async fn with_session(state: &AppState, mut request: Request, next: Next) -> Response {
    // The guard outside has looked up the session of a form already.
    let found = request.extensions().get::<SessionUser>().cloned();
    let session = match (found, cookie(state, request.headers(), SESSION_COOKIE)) {
        (Some(session), _) => Ok(Some(session)),
        (None, Some(token)) => state
            .store
            .session_user(&token_hash(token), Timestamp::now())
            .await
            .map_err(AppError::from),
        (None, None) => Ok(None),
    };
    let session = match session {
        Ok(session) => session,
        Err(error) => return error.into_response(),
    };
    let safe = matches!(*request.method(), Method::GET | Method::HEAD);
    // Inside the nested newsroom router the path has lost its `/admin` prefix.
    let is_login = request
        .extensions()
        .get::<OriginalUri>()
        .is_some_and(|uri| uri.path() == "/admin/login");
    if !safe && !is_login {
        let Some(session) = &session else {
            return AppError::Unauthorized.into_response();
        };
        request = match checked_csrf(request, &session.csrf_token).await {
            Ok(request) => request,
            Err(error) => return error.into_response(),
        };
    }
    let words = session
        .as_ref()
        .map(|session| InterfaceWords(newsroom_strings(&session.user.language)));
    if let Some(session) = session {
        request.extensions_mut().insert(session);
    }
    let mut response = next.run(request).await;
    if let Some(words) = words {
        response.extensions_mut().insert(words);
    }
    response
}

/// Passes the request on if its `csrf` (header, urlencoded form field, or first field of
/// a multipart form) matches the session's token. A token in the URL counts for nothing.
async fn checked_csrf(request: Request, expected: &str) -> Result<Request, AppError> {
    let from_header = request
        .headers()
        .get("x-csrf-token")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    if let Some(token) = from_header {
        return if constant_time_eq(&token, expected) {
            Ok(request)
        } else {
            Err(AppError::BadCsrf)
        };
    }
    if is_multipart(&request) {
        return match first_field_token(request).await {
            (request, Some(token)) if constant_time_eq(&token, expected) => Ok(request),
            _ => Err(AppError::BadCsrf),
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(AppError::BadCsrf);
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_FORM)
        .await
        .map_err(|_| AppError::BadRequest(Refusal::FormTooLarge))?;
    match form_field(&bytes, "csrf") {
        Some(token) if constant_time_eq(&token, expected) => {
            Ok(Request::from_parts(parts, Body::from(bytes)))
        }
        _ => Err(AppError::BadCsrf),
    }
}

fn form_field(encoded: &[u8], name: &str) -> Option<String> {
    url_pairs(encoded)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// The `name=value` pairs of a urlencoded body or query, decoded, in order.
pub fn url_pairs(encoded: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    encoded.split(|byte| *byte == b'&').filter_map(|pair| {
        let mut halves = pair.splitn(2, |byte| *byte == b'=');
        let key = decode(halves.next()?);
        Some((key, decode(halves.next().unwrap_or_default())))
    })
}

fn decode(bytes: &[u8]) -> String {
    let spaced: Vec<u8> = bytes
        .iter()
        .map(|byte| if *byte == b'+' { b' ' } else { *byte })
        .collect();
    percent_encoding::percent_decode(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

/// Compares secrets without an early exit, so timing reveals nothing of the token.
fn constant_time_eq(given: &str, expected: &str) -> bool {
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_field_is_found_and_decoded() {
        let body = b"headline=Hello+world&csrf=ab%2Fc&x=";

        assert_eq!(form_field(body, "csrf").as_deref(), Some("ab/c"));
        assert_eq!(form_field(body, "missing"), None);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abd", "abc"));
        assert!(!constant_time_eq("ab", "abc"));
    }
}
