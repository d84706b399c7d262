//! Writing stories: creating, saving on top of a revision, and moving through the
//! workflow, with the role rules checked for every step.

use jiff::Timestamp;
use store::*;

use crate::domain::permission::{Action, may_edit, may_move, may_view};
use crate::domain::refusal::Refusal;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::site::Site;
use crate::service::story_form::{FieldErrors, ParsedStory};

/// A move through the workflow asked for with a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// Draft → in review.
    Submit,
    /// In review → draft.
    Withdraw,
    /// Publish now.
    Publish,
    /// Publish at a time.
    Schedule(Timestamp),
    /// Take off the site.
    Unpublish,
    /// Back to draft (unschedule).
    Draft,
}

impl Transition {
    /// The state it leads to.
    pub fn target(self) -> StoryStatus {
        match self {
            Transition::Submit => StoryStatus::InReview,
            Transition::Withdraw | Transition::Draft => StoryStatus::Draft,
            Transition::Publish => StoryStatus::Published,
            Transition::Schedule(_) => StoryStatus::Scheduled,
            Transition::Unpublish => StoryStatus::Unpublished,
        }
    }

    /// The notice code shown after it.
    pub fn notice(self) -> &'static str {
        match self {
            Transition::Submit => "submitted",
            Transition::Publish => "published",
            Transition::Schedule(_) => "scheduled",
            Transition::Unpublish => "unpublished",
            Transition::Withdraw | Transition::Draft => "status",
        }
    }
}

/// Checks that every id the content names exists, and turns keyword names into ids
/// (creating new keywords only once everything else is valid).
pub async fn resolve_references(
    store: &dyn Store,
    edition_id: i64,
    parsed: &mut ParsedStory,
) -> ServiceResult<()> {
    let fields = &mut parsed.fields;
    let mut errors = FieldErrors::new();
    let mut image_ids: Vec<i64> = fields.hero_image_id.into_iter().collect();
    image_ids.extend(fields.gallery.iter().map(|item| item.image_id));
    image_ids.extend(fields.body.image_ids());
    let found = store.images(&image_ids).await?;
    let missing = |id: &i64| found.iter().all(|image| image.id != *id);
    if fields.hero_image_id.iter().any(missing) {
        errors.insert("hero_image_id", Refusal::NoImageWithId);
    }
    if let Some(item) = fields.gallery.iter().find(|item| missing(&item.image_id)) {
        errors.insert("gallery", Refusal::NoImage { id: item.image_id });
    }
    if let Some(id) = fields.body.image_ids().iter().find(|id| missing(id)) {
        errors.insert("body", Refusal::BodyImageMissing { id: *id });
    }
    let topics = store.topics(&fields.topic_ids).await?;
    if topics.len() != fields.topic_ids.len()
        || topics.iter().any(|topic| topic.edition_id != edition_id)
    {
        errors.insert("topic_ids", Refusal::PickTopicsOfEdition);
    }
    let mut story_ids = fields.recommended_ids.clone();
    story_ids.extend(fields.body.related_story_ids());
    for id in story_ids {
        if store.newsroom_story(StoryId(id)).await?.is_none() {
            errors.insert("recommended_ids", Refusal::NoStory { id });
        }
    }
    check_credits(store, &fields.credits, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    for (slug, name) in &parsed.keywords {
        let id = store.ensure_keyword(edition_id, slug, name).await?;
        parsed.fields.keyword_ids.push(id);
    }
    Ok(())
}

async fn check_credits(
    store: &dyn Store,
    credits: &[CreditRef],
    errors: &mut FieldErrors,
) -> Result<(), StoreError> {
    let (mut authors, mut agencies) = (Vec::new(), Vec::new());
    for credit in credits {
        match credit {
            CreditRef::Author(id, _) => authors.push(*id),
            CreditRef::Agency(id, _) => agencies.push(*id),
        }
    }
    let found = store.authors(&authors).await?.len() + store.agencies(&agencies).await?.len();
    if found != credits.len() {
        errors.insert("credits", Refusal::PickBylines);
    }
    Ok(())
}

/// Creates a draft owned by the account (anyone in the newsroom may write stories).
pub async fn create_story(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    mut parsed: ParsedStory,
) -> ServiceResult<i64> {
    actor.require(Action::WriteStory)?;
    resolve_references(store, edition_id, &mut parsed).await?;
    let id = store
        .create_story(&NewStory {
            edition_id,
            status: StoryStatus::Draft,
            owner_id: Some(actor.id),
            published_at: None,
            updated_at: Timestamp::now(),
            fields: parsed.fields,
        })
        .await
        .map_err(slug_taken)?;
    Ok(id)
}

/// A taken slug is a field error, not a failure.
fn slug_taken(error: StoreError) -> ServiceError {
    match error.constraint() {
        Some(Constraint::StorySlug) => {
            let mut errors = FieldErrors::new();
            errors.insert("slug", Refusal::StorySlugTaken);
            ServiceError::InvalidFields(errors)
        }
        _ => error.into(),
    }
}

/// A story the account may open, or why not.
pub async fn open_story(
    store: &dyn Store,
    actor: Actor,
    id: StoryId,
) -> ServiceResult<NewsroomStory> {
    let story = store
        .newsroom_story(id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    actor.check(may_view(actor.role, actor.id, story.owner_id))?;
    Ok(story)
}

/// A story's public path before and after a change of content, without the edition
/// prefix (the form the `redirects` table keeps).
pub fn story_paths(site: &Site, story: &NewsroomStory, new: &StoryFields) -> (String, String) {
    let prefix = site
        .edition(story.edition_id)
        .map_or("", |edition| edition.edition.path_prefix.as_str());
    let path = |fields: &StoryFields| {
        let full = site.path_for(story.edition_id, fields.section_id, &fields.slug);
        full.strip_prefix(prefix).unwrap_or(&full).to_string()
    };
    (path(&story.fields), path(new))
}

/// Saves new content on top of `base_revision` (skipping an unchanged save) together with
/// a workflow move, in one transaction. A published story whose path changes keeps its old
/// URL as a redirect.
pub async fn save_story(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    story: &NewsroomStory,
    base_revision: i64,
    mut parsed: ParsedStory,
    transition: Option<Transition>,
) -> ServiceResult<()> {
    let known = existing_keywords(store, story.edition_id, &parsed.keywords).await?;
    let changed = match known {
        Some(keyword_ids) => {
            let compared = StoryFields {
                keyword_ids,
                ..parsed.fields.clone()
            };
            compared != story.fields || base_revision != story.revision
        }
        None => true,
    };
    if changed {
        actor.check(may_edit(actor.role, actor.id, story.owner_id, story.status))?;
        let then = transition
            .map(|transition| status_change(actor, story, transition))
            .transpose()?;
        resolve_references(store, story.edition_id, &mut parsed).await?;
        let (old_path, new_path) = story_paths(site, story, &parsed.fields);
        let moved = story.published_at.is_some() && old_path != new_path;
        let save = StorySave {
            story_id: story.id,
            base_revision,
            user_id: actor.user(),
            fields: parsed.fields,
            redirect_from: moved.then_some(old_path),
            then,
        };
        return match store.save_story(&save).await {
            Ok(_) => Ok(()),
            Err(error) if is_stale(&error) => Err(current(store, story, error).await),
            Err(error) => Err(slug_taken(error)),
        };
    }
    if let Some(transition) = transition {
        move_story(store, actor, story, transition).await?;
    }
    Ok(())
}

/// Whether a store conflict means someone else changed the story first.
fn is_stale(error: &StoreError) -> bool {
    matches!(
        error.constraint(),
        Some(Constraint::StoryRevision | Constraint::StoryStatus)
    )
}

/// A stale save or move, answered with the story as it is now.
async fn current(store: &dyn Store, story: &NewsroomStory, error: StoreError) -> ServiceError {
    match store.newsroom_story(story.id).await {
        Ok(Some(current)) => ServiceError::Stale {
            what: error.to_string(),
            current: Some(Box::new(current)),
        },
        Ok(None) => ServiceError::NotFound,
        Err(error) => error.into(),
    }
}

/// The ids of keywords by slug, if they all exist already (a new one means a change).
async fn existing_keywords(
    store: &dyn Store,
    edition_id: i64,
    keywords: &[(String, String)],
) -> Result<Option<Vec<i64>>, StoreError> {
    let mut ids = Vec::new();
    for (slug, _) in keywords {
        match store.keyword_by_slug(edition_id, slug).await? {
            Some(keyword) => ids.push(keyword.id),
            None => return Ok(None),
        }
    }
    Ok(Some(ids))
}

/// Moves a story through the workflow.
pub async fn move_story(
    store: &dyn Store,
    actor: Actor,
    story: &NewsroomStory,
    transition: Transition,
) -> ServiceResult<()> {
    let change = status_change(actor, story, transition)?;
    match store.change_status(&change).await {
        Err(error @ StoreError::Conflict(_)) => Err(current(store, story, error).await),
        other => Ok(other?),
    }
}

/// The store's move for a transition, if this account may make it now.
fn status_change(
    actor: Actor,
    story: &NewsroomStory,
    transition: Transition,
) -> ServiceResult<StatusChange> {
    let target = transition.target();
    actor.check(may_move(
        actor.role,
        actor.id,
        story.owner_id,
        story.status,
        target,
    ))?;
    let now = Timestamp::now();
    let scheduled_at = match transition {
        Transition::Schedule(at) if at <= now => {
            let mut errors = FieldErrors::new();
            errors.insert("scheduled_at", Refusal::TimeInPast);
            return Err(ServiceError::InvalidFields(errors));
        }
        Transition::Schedule(at) => Some(at),
        _ => None,
    };
    Ok(StatusChange {
        story_id: story.id,
        user_id: actor.user(),
        from: story.status,
        to: target,
        scheduled_at,
        at: now,
    })
}

/// Saves an old revision's content as the newest, on top of `base_revision`.
pub async fn restore_revision(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    story: &NewsroomStory,
    number: i64,
    base_revision: i64,
) -> ServiceResult<()> {
    let revision = store
        .revision(story.id, number)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let keywords = store.keywords(&revision.fields.keyword_ids).await?;
    let parsed = ParsedStory {
        keywords: keywords.into_iter().map(|k| (k.slug, k.name)).collect(),
        fields: StoryFields {
            keyword_ids: Vec::new(),
            ..revision.fields
        },
    };
    save_story(store, site, actor, story, base_revision, parsed, None).await
}
