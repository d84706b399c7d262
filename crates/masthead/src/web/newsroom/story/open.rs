//! `OpenStory`: the story of a `/admin/stories/{id}/…` route, loaded for the logged-in
//! account if its role may see it; and the edition lookup the story handlers share.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use store::{NewsroomStory, StoryId};

use crate::service::site::{EditionSite, Site};
use crate::service::story_edit::open_story;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::state::AppState;

/// A story the account may open, with the account.
pub struct OpenStory {
    /// Who asks.
    pub user: CurrentUser,
    /// The story as the newsroom sees it.
    pub story: NewsroomStory,
}

impl FromRequestParts<Arc<AppState>> for OpenStory {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<OpenStory, AppError> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let Path(id) = Path::<StoryId>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let story = open_story(state.store.as_ref(), user.actor, id).await?;
        Ok(OpenStory { user, story })
    }
}

/// The edition an id names.
pub fn edition_of(site: &Site, id: i64) -> Result<&EditionSite, AppError> {
    site.edition(id).ok_or(AppError::NotFound)
}
