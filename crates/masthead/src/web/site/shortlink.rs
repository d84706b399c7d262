//! Short links: `/s/{code}` answers 301 to the story's canonical URL.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;

use crate::web::error::AppError;
use crate::web::site::moved_permanently;
use crate::web::state::AppState;

/// Follows a story's short link.
pub async fn follow_shortlink(
    State(state): State<Arc<AppState>>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    if code.len() > 16 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::NotFound);
    }
    let teaser = state
        .store
        .published_teaser_by_code(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(moved_permanently(&state.site().story_path(&teaser)))
}
