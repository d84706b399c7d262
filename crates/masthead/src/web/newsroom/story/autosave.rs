//! Autosave and presence: the editor's script sends the form every few seconds; the
//! work is kept per person, and the answer says who else has the story open.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use jiff::Timestamp;
use serde::Serialize;

use crate::domain::refusal::Refusal;
use crate::domain::time::newsroom_time;
use crate::service::autosave::autosave_story;
use crate::service::story_form::StoryFormValues;
use crate::web::error::AppError;
use crate::web::newsroom::raw_form::RawForm;
use crate::web::newsroom::story::open::{OpenStory, edition_of};
use crate::web::state::AppState;

/// The answer to an autosave.
#[derive(Serialize)]
pub struct AutosaveReply {
    /// When the work was kept, if it was (RFC 3339, UTC).
    saved_at: Option<String>,
    /// The same in the edition's timezone, as the newsroom shows it.
    saved_label: Option<String>,
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
            Some(Refusal::All(errors.into_values().collect()).words(&user.user.language)),
        ),
    };
    let store = state.store.as_ref();
    let editors = autosave_story(store, user.actor, &story, base, fields.as_ref(), now).await?;
    let saved = fields.map(|_| newsroom_time(now, &edition.zone, &user.user.language));
    Ok(Json(AutosaveReply {
        saved_at: saved.as_ref().map(|at| at.iso.clone()),
        saved_label: saved.map(|at| at.text),
        error,
        editors,
    }))
}
