//! Work kept while a story is being edited: each account's autosaved form, kept per story
//! and person, and who else has the story open (an autosave, or opening the editor, is also
//! a sign of presence).

use jiff::{SignedDuration, Timestamp};
use store::{Autosave, NewsroomStory, Store, StoryFields, StoryId};

use crate::domain::permission::may_view;
use crate::service::actor::Actor;
use crate::service::error::ServiceResult;

/// How long after their last sign someone still counts as having the story open.
pub const PRESENCE: SignedDuration = SignedDuration::from_secs(60);

/// Keeps the account's work on a story (none: only a sign of presence) at `now`, and
/// returns the others who have the story open.
pub async fn autosave_story(
    store: &dyn Store,
    actor: Actor,
    story: &NewsroomStory,
    base_revision: i64,
    fields: Option<&StoryFields>,
    now: Timestamp,
) -> ServiceResult<Vec<String>> {
    actor.check(may_view(actor.role, actor.id, story.owner_id))?;
    store
        .autosave(story.id, actor.user(), base_revision, fields, now)
        .await?;
    Ok(store
        .present_editors(story.id, actor.user(), now - PRESENCE)
        .await?)
}

/// Opens a story in the editor: tells others who has it open, and returns the account's
/// autosaved work on it, if any.
pub async fn open_in_editor(
    store: &dyn Store,
    actor: Actor,
    story: &NewsroomStory,
) -> ServiceResult<Option<Autosave>> {
    actor.check(may_view(actor.role, actor.id, story.owner_id))?;
    let autosave = store.autosaved(story.id, actor.user()).await?;
    store
        .autosave(
            story.id,
            actor.user(),
            story.revision,
            None,
            Timestamp::now(),
        )
        .await?;
    Ok(autosave)
}

/// Keeps the author's version of a save that came too late (someone saved first) as
/// autosaved work, so nothing is lost even if the conflict page is closed.
pub async fn keep_unsaved(
    store: &dyn Store,
    actor: Actor,
    story: &NewsroomStory,
    base_revision: i64,
    fields: &StoryFields,
) -> ServiceResult<()> {
    actor.check(may_view(actor.role, actor.id, story.owner_id))?;
    let now = Timestamp::now();
    store
        .autosave(story.id, actor.user(), base_revision, Some(fields), now)
        .await?;
    Ok(())
}

/// The account's latest autosaved content of a story, else the story as saved.
pub async fn latest_work(
    store: &dyn Store,
    actor: Actor,
    story: &NewsroomStory,
) -> ServiceResult<StoryFields> {
    actor.check(may_view(actor.role, actor.id, story.owner_id))?;
    Ok(match store.autosaved(story.id, actor.user()).await? {
        Some(Autosave {
            fields: Some(fields),
            ..
        }) => fields,
        _ => story.fields.clone(),
    })
}

/// The others who have a story open now.
pub async fn present_editors(
    store: &dyn Store,
    actor: Actor,
    story_id: StoryId,
) -> ServiceResult<Vec<String>> {
    let since = Timestamp::now() - PRESENCE;
    Ok(store.present_editors(story_id, actor.user(), since).await?)
}
