//! Autosave and presence: the editor's script sends the form every few seconds; the
//! work is kept per person, and the answer says who else has the story open.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::service::story_form::StoryFormValues;
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::story::list::newsroom_time;
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::state::AppState;

/// How long after their last ping someone still counts as having the story open.
const PRESENCE: SignedDuration = SignedDuration::from_secs(60);

/// The answer to an autosave.
#[derive(Serialize)]
pub struct AutosaveReply {
    /// When the work was kept, if it was.
    saved_at: Option<String>,
    /// Why it was not.
    error: Option<String>,
    /// Others who have the story open.
    editors: Vec<String>,
}

/// `POST /admin/stories/{id}/autosave`.
pub async fn autosave(
    State(state): State<Arc<AppState>>,
    OpenStory { user, story }: OpenStory,
    headers: HeaderMap,
    form: RawForm,
) -> Result<Json<AutosaveReply>, AppError> {
    let store = state.store.as_ref();
    let id = story.id;
    let site = state.site();
    let edition = edition_of(&site, story.edition_id)?;
    let now = Timestamp::now();
    let presence_only = headers.contains_key("x-presence-only");
    let values = StoryFormValues::from_pairs(&form.0);
    let base = values
        .base_revision
        .trim()
        .parse()
        .unwrap_or(story.revision);
    let (fields, error) = match values.parse(edition) {
        _ if presence_only => (None, None),
        Ok(parsed) => (Some(parsed.fields), None),
        Err(errors) => (
            None,
            Some(errors.into_values().collect::<Vec<_>>().join(" ")),
        ),
    };
    store
        .autosave(id, user.user.id, base, fields.as_ref(), now)
        .await?;
    let editors = store
        .present_editors(id, user.user.id, now - PRESENCE)
        .await?;
    Ok(Json(AutosaveReply {
        saved_at: fields.map(|_| newsroom_time(now)),
        error,
        editors,
    }))
}
