//! When the database does not answer, a newsroom form's text must not be lost: a form
//! POST that fails with 503 answers with a page that holds everything sent, ready to be
//! sent again once the database is back (its CSRF token is among the fields) or copied.
//! This wraps the session layer, so it also covers a session check that failed.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::app::AppState;
use crate::web::error::ErrorInfo;
use crate::web::newsroom::session::{MAX_FORM, url_pairs};
use crate::web::newsroom::view::AdminChrome;

/// Fields shown as text to copy, in this order, when the form has them.
const VISIBLE: &[&str] = &["headline", "standfirst", "body", "name", "text", "caption"];

#[derive(Serialize)]
struct UnsavedPage<'a> {
    chrome: AdminChrome,
    action: &'a str,
    fields: Vec<(String, String)>,
    visible: Vec<(String, String)>,
}

/// Keeps a urlencoded POST's fields and shows them again if the answer is 503.
pub async fn keep_unsaved_form(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let is_form = request.method() == Method::POST
        && request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let action = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_string(), ToString::to_string);
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "The form is larger than 8 MB.",
        )
            .into_response();
    };
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    let unavailable = response
        .extensions()
        .get::<ErrorInfo>()
        .is_some_and(|info| info.status == StatusCode::SERVICE_UNAVAILABLE);
    if !unavailable {
        return response;
    }
    // Passwords are never written back into a page.
    let fields: Vec<(String, String)> = url_pairs(&bytes)
        .filter(|(key, _)| !key.contains("password"))
        .collect();
    let visible = VISIBLE
        .iter()
        .filter_map(|name| fields.iter().find(|(key, _)| key == name).cloned())
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();
    let page = UnsavedPage {
        chrome: AdminChrome::anonymous(&state),
        action: &action,
        fields,
        visible,
    };
    match state.theme.render("admin/unsaved.html", &page) {
        Ok(html) => {
            let mut page = (StatusCode::SERVICE_UNAVAILABLE, Html(html)).into_response();
            // A busy hashing pool says when to come back; the page keeps saying it.
            if let Some(value) = response.headers().get(header::RETRY_AFTER) {
                page.headers_mut()
                    .insert(header::RETRY_AFTER, value.clone());
            }
            page
        }
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "rendering the unsaved-form page");
            response
        }
    }
}
