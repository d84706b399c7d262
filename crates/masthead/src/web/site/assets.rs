//! Theme assets and media files.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::media::served_format;
use crate::web::cache::encoding::Coding;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// A file of the theme's assets, in the coding the client accepts. Under its hashed name
/// (`site.3f2a9c1b.css`, what templates link) it never changes and caches for a year;
/// under its plain name (older pages, theme overrides) for an hour.
pub async fn show_asset(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let asset = state.theme.asset(&file).ok_or(AppError::NotFound)?;
    let coding = Coding::negotiate(&headers);
    let body = match coding {
        Coding::Brotli => asset.brotli.clone(),
        Coding::Gzip => asset.gzip.clone(),
        Coding::Identity => asset.body.clone(),
    };
    let cache_control = if file == asset.hashed_name {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(value) = coding.header_value() {
        headers.insert(header::CONTENT_ENCODING, value);
    }
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
