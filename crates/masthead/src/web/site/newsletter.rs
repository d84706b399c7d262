//! The newsletter form's endpoint. Sign-ups are not open yet (see the newsletter issue):
//! it says so plainly and stores nothing, rather than pretend to subscribe anyone.

use std::sync::Arc;

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::web::error::AppError;
use crate::web::state::AppState;
use crate::web::view::Chrome;

#[derive(Serialize)]
struct NewsletterPage {
    chrome: Chrome,
}

/// Answers a sign-up with "not open yet"; nothing is stored.
pub async fn subscribe(
    State(state): State<Arc<AppState>>,
    OriginalUri(uri): OriginalUri,
) -> Result<Response, AppError> {
    let site = state.site();
    let (edition, _) = site
        .edition_for_path(uri.path())
        .ok_or(AppError::NotFound)?;
    if uri.path() != format!("{}/newsletter", edition.edition.path_prefix) {
        return Err(AppError::NotFound);
    }
    let page = NewsletterPage {
        chrome: Chrome::new(&site, edition, &state.base_url),
    };
    let html = state.theme.render("pages/newsletter.html", &page)?;
    Ok((StatusCode::SERVICE_UNAVAILABLE, Html(html)).into_response())
}
