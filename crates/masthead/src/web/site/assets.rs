//! Theme assets, media files and the health check.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::media::served_format;
use crate::web::error::AppError;

/// Liveness: the process answers.
pub async fn health() -> &'static str {
    "ok"
}

/// A file of the theme's assets.
pub async fn show_asset(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let asset = state.theme.asset(&file).ok_or(AppError::NotFound)?;
    let mut response = asset.body.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}

/// A media file (image rendition); keys never change content, so they cache for a year.
/// A key the app could not have written (another extension, traversal) is refused before
/// the media store is asked.
pub async fn show_media(
    State(state): State<Arc<AppState>>,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let format = served_format(&key).ok_or(AppError::NotFound)?;
    let bytes = state.media.get(&key).await?.ok_or(AppError::NotFound)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.mime()),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
