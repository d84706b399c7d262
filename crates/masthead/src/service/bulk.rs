//! Bulk actions on stories checked in the story list: publish, unpublish, move to a section.
//! Each story goes through exactly the one-story path (`move_story`, `save_story`), in its
//! own transaction with its own audit line and change-log row, and gets its own outcome.

use store::*;

use crate::domain::permission::may_view;
use crate::domain::refusal::{BulkVerb, Refusal};
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::site::Site;
use crate::service::story_edit::{Transition, move_story, save_story};
use crate::service::story_form::ParsedStory;

/// Most stories one bulk action takes.
pub const MAX_BULK: usize = 100;

/// What to do to every checked story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkAction {
    /// Publish now.
    Publish,
    /// Take off the site.
    Unpublish,
    /// Make this section (id) the primary section.
    Move(i64),
}

/// What became of one story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkOutcome {
    /// The story's id.
    pub story_id: i64,
    /// Its headline, when the account may see the story.
    pub headline: Option<String>,
    /// Done, or why not.
    pub result: Result<(), Refusal>,
}

/// Applies `action` to each story in `ids` on its own; a refusal stops only that story.
pub async fn bulk_change(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    ids: &[i64],
    action: BulkAction,
) -> ServiceResult<Vec<BulkOutcome>> {
    if ids.is_empty() {
        return Err(ServiceError::Invalid(Refusal::CheckOneStory));
    }
    if ids.len() > MAX_BULK {
        return Err(ServiceError::Invalid(Refusal::CheckAtMost {
            max: MAX_BULK,
        }));
    }
    let mut outcomes = Vec::with_capacity(ids.len());
    for &id in ids {
        let story = store.newsroom_story(StoryId(id)).await?;
        let outcome = match story {
            Some(story) if may_view(actor.role, actor.id, story.owner_id) => BulkOutcome {
                story_id: id,
                headline: Some(story.fields.headline.clone()),
                result: apply(store, site, actor, &story, action).await?,
            },
            _ => BulkOutcome {
                story_id: id,
                headline: None,
                result: Err(Refusal::NoSuchStoryVisible),
            },
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// One story's change: `Ok(Err(reason))` is a refusal, `Err` a failure of the store.
async fn apply(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    story: &NewsroomStory,
    action: BulkAction,
) -> ServiceResult<Result<(), Refusal>> {
    // The same moves the editor's buttons offer for the story's state.
    match (action, story.status) {
        (BulkAction::Publish, StoryStatus::Published) => {
            return Ok(Err(Refusal::AlreadyPublished));
        }
        (BulkAction::Unpublish, status) if status != StoryStatus::Published => {
            return Ok(Err(Refusal::NotPublished));
        }
        _ => {}
    }
    let done = match action {
        BulkAction::Publish => move_story(store, actor, story, Transition::Publish).await,
        BulkAction::Unpublish => move_story(store, actor, story, Transition::Unpublish).await,
        BulkAction::Move(section_id) => move_section(store, site, actor, story, section_id).await,
    };
    Ok(match done {
        Ok(()) => Ok(()),
        Err(ServiceError::Forbidden) => Err(refusal(actor, story, action)),
        Err(ServiceError::Stale { .. }) => Err(Refusal::ChangedOpenIt),
        Err(ServiceError::Invalid(reason) | ServiceError::Conflict(reason)) => Err(reason),
        Err(ServiceError::InvalidFields(errors)) => {
            Err(Refusal::All(errors.into_values().collect()))
        }
        Err(other) => return Err(other),
    })
}

/// Saves the story's content with another primary section, as the editor form would.
async fn move_section(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    story: &NewsroomStory,
    section_id: i64,
) -> ServiceResult<()> {
    let in_edition = site
        .edition(story.edition_id)
        .is_some_and(|edition| edition.section(section_id).is_some());
    if !in_edition {
        return Err(ServiceError::Invalid(Refusal::SectionOtherEdition));
    }
    if story.fields.section_id == Some(section_id) {
        return Err(ServiceError::Invalid(Refusal::AlreadyInSection));
    }
    let keywords = store.keywords(&story.fields.keyword_ids).await?;
    let parsed = ParsedStory {
        fields: StoryFields {
            section_id: Some(section_id),
            keyword_ids: Vec::new(),
            ..story.fields.clone()
        },
        keywords: keywords
            .into_iter()
            .map(|keyword| (keyword.slug, keyword.name))
            .collect(),
    };
    save_story(store, site, actor, story, story.revision, parsed, None).await
}

/// Why the account's role may not do this to the story in its state.
fn refusal(actor: Actor, story: &NewsroomStory, action: BulkAction) -> Refusal {
    Refusal::RoleMayNot {
        role: actor.role,
        action: match action {
            BulkAction::Publish => BulkVerb::Publish,
            BulkAction::Unpublish => BulkVerb::Unpublish,
            BulkAction::Move(_) => BulkVerb::Move,
        },
        state: story.status,
    }
}
