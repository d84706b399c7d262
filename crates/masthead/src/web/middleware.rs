//! Middleware around every response: security headers, and themed error pages that keep
//! the site's navigation.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::web::error::ErrorInfo;
use crate::web::newsroom::view::{AdminChrome, InterfaceWords};
use crate::web::state::AppState;
use crate::web::view::Chrome;

/// Strict defaults: no inline script, no framing, no sniffing; YouTube embeds only.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; frame-src 'self' https://www.youtube-nocookie.com; object-src 'none'; \
     base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers every response carries.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    add_security_headers(response.headers_mut());
    response
}

/// The security headers, for responses made outside the router (the page cache's 405).
pub fn add_security_headers(headers: &mut HeaderMap) {
    // A handler may set its own policy (the newsroom's preview may be framed by it).
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(CSP));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers
        .entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
}

#[derive(Serialize)]
struct ErrorPage<'a> {
    chrome: Chrome,
    status: u16,
    not_found: bool,
    path: &'a str,
}

/// Logs errors and replaces their bare responses with the themed error page, keeping
/// the headers the response already had (`Cache-Control`, `Retry-After`, `Allow`, ...).
pub async fn render_errors(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    let headers = request.headers().clone();
    let response = next.run(request).await;
    let Some(info) = response.extensions().get::<ErrorInfo>().cloned() else {
        return response;
    };
    if info.status.is_server_error() {
        tracing::error!(%path, status = %info.status, detail = %info.detail, "request failed");
    } else {
        tracing::debug!(%path, status = %info.status, "not found");
    }
    let page = if path == "/admin" || path.starts_with("/admin/") {
        let chrome = match response.extensions().get::<InterfaceWords>() {
            Some(InterfaceWords(t)) => AdminChrome::unnamed(&state, t),
            None => AdminChrome::anonymous(&state, &headers),
        };
        newsroom_error(&state, &info, chrome)
    } else {
        site_error(&state, &info, &path)
    };
    with_headers_of(&response, page)
}

/// The page, with the headers of the response it replaces but its own body's type and length.
fn with_headers_of(original: &Response, mut page: Response) -> Response {
    let headers = page.headers_mut();
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            headers.append(name.clone(), value.clone());
        }
    }
    page
}

/// The site's error page, in the frame of the edition the path belongs to.
fn site_error(state: &AppState, info: &ErrorInfo, path: &str) -> Response {
    let site = state.site();
    let Some((edition, _)) = site.edition_for_path(path) else {
        return (info.status, "error").into_response();
    };
    let page = ErrorPage {
        chrome: Chrome::new(&site, edition, &state.base_url),
        status: info.status.as_u16(),
        not_found: info.status == StatusCode::NOT_FOUND,
        path,
    };
    match state.theme.render("pages/error.html", &page) {
        Ok(html) => (info.status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "rendering the error page");
            (info.status, "error").into_response()
        }
    }
}

#[derive(Serialize)]
struct NewsroomErrorPage {
    chrome: AdminChrome,
    status: u16,
    message: String,
}

/// The newsroom's own error page: its frame and a message that says what to do, in the
/// frame's language.
fn newsroom_error(state: &AppState, info: &ErrorInfo, chrome: AdminChrome) -> Response {
    let page = NewsroomErrorPage {
        status: info.status.as_u16(),
        message: info.message.words(chrome.t.lang),
        chrome,
    };
    match state.theme.render("admin/error.html", &page) {
        Ok(html) => (info.status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "rendering the newsroom error page");
            (info.status, "error").into_response()
        }
    }
}
