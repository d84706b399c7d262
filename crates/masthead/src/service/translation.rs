//! Stories and their translations in the other editions: linking and unlinking (both
//! stories' pages change, so the account must be allowed to edit both), starting a
//! translation as a linked draft, and the published stories not yet translated.

use jiff::Timestamp;
use store::*;

use crate::domain::permission::{Action, may_edit, may_see_headline};
use crate::domain::refusal::Refusal;
use crate::service::actor::Actor;
use crate::service::counterpart::counterpart_section;
use crate::service::error::{ServiceError, ServiceResult, invalid};
use crate::service::site::{EditionSite, Site};

/// How many untranslated stories the dashboard lists.
pub const UNTRANSLATED: u32 = 10;

/// A story for a link, refused unless the account may edit it.
async fn editable(store: &dyn Store, actor: Actor, id: i64) -> ServiceResult<NewsroomStory> {
    let story = store
        .newsroom_story(StoryId(id))
        .await?
        .ok_or(ServiceError::NotFound)?;
    actor.check(may_edit(actor.role, actor.id, story.owner_id, story.status))?;
    Ok(story)
}

/// Links a story to its translation in another edition (replacing older links of either
/// into the other's edition).
pub async fn link_translation(
    store: &dyn Store,
    actor: Actor,
    story_id: i64,
    counterpart_id: i64,
) -> ServiceResult<()> {
    let story = editable(store, actor, story_id).await?;
    let counterpart = match editable(store, actor, counterpart_id).await {
        Err(ServiceError::NotFound) => return invalid(Refusal::NoStoryWithId),
        other => other?,
    };
    if counterpart.edition_id == story.edition_id {
        return invalid(Refusal::TranslationSameEdition);
    }
    let detail = format!("linked to its translation, story {counterpart_id}");
    let audit = actor.audit("story.link_translation", "story", Some(story_id), detail);
    Ok(store
        .link_translation(story_id, counterpart_id, &audit)
        .await?)
}

/// Removes a story's link to its translation in `edition_id`.
pub async fn unlink_translation(
    store: &dyn Store,
    actor: Actor,
    story_id: i64,
    edition_id: i64,
) -> ServiceResult<()> {
    editable(store, actor, story_id).await?;
    let linked = store.translations(story_id).await?;
    let counterpart = linked
        .iter()
        .find(|link| link.edition_id == edition_id)
        .ok_or(ServiceError::NotFound)?;
    editable(store, actor, counterpart.story_id).await?;
    let detail = format!(
        "unlinked from its translation, story {}",
        counterpart.story_id
    );
    let audit = actor.audit("story.unlink_translation", "story", Some(story_id), detail);
    Ok(store
        .unlink_translation(story_id, edition_id, &audit)
        .await?)
}

/// Starts a translation of a story into another edition: a draft owned by the account,
/// linked to the original, with the counterpart sections, the same images, byline and
/// dateline, the keywords and the topics that exist there, and the original's text for
/// the translator to replace. Returns the draft's id.
pub async fn translate_story(
    store: &dyn Store,
    site: &Site,
    actor: Actor,
    story_id: i64,
    into: &EditionSite,
) -> ServiceResult<i64> {
    actor.require(Action::WriteStory)?;
    let original = store
        .newsroom_story(StoryId(story_id))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (role, owner, status) = (actor.role, original.owner_id, original.status);
    actor.check(may_see_headline(role, actor.id, owner, status))?;
    let from = site
        .edition(original.edition_id)
        .ok_or(ServiceError::NotFound)?;
    if from.edition.id == into.edition.id {
        return invalid(Refusal::TranslationGoesElsewhere);
    }
    let fields = translated_fields(store, from, into, &original.fields).await?;
    let draft = NewStory {
        edition_id: into.edition.id,
        status: StoryStatus::Draft,
        owner_id: Some(actor.id),
        published_at: None,
        updated_at: Timestamp::now(),
        fields,
    };
    let detail = format!("started a translation of story {story_id}");
    let audit = actor.audit("story.translate", "story", None, detail);
    match store.create_translation(story_id, &draft, &audit).await {
        Err(error) if error.constraint() == Some(&Constraint::StorySlug) => {
            // The slug is taken there: the draft's slug names its original instead.
            let mut draft = draft;
            draft.fields.slug = format!("{}-{story_id}", draft.fields.slug);
            Ok(store.create_translation(story_id, &draft, &audit).await?)
        }
        other => Ok(other?),
    }
}

/// A story's fields carried into another edition (see [`translate_story`]).
async fn translated_fields(
    store: &dyn Store,
    from: &EditionSite,
    into: &EditionSite,
    fields: &StoryFields,
) -> ServiceResult<StoryFields> {
    let section = |id: &i64| counterpart_section(from, *id, into);
    let mut topic_ids = Vec::new();
    for topic in store.topics(&fields.topic_ids).await? {
        if let Some(there) = store.topic_by_slug(into.edition.id, &topic.slug).await? {
            topic_ids.push(there.id);
        }
    }
    let mut keyword_ids = Vec::new();
    for keyword in store.keywords(&fields.keyword_ids).await? {
        let id = store
            .ensure_keyword(into.edition.id, &keyword.slug, &keyword.name)
            .await?;
        keyword_ids.push(id);
    }
    Ok(StoryFields {
        section_id: fields.section_id.as_ref().and_then(section),
        secondary_section_ids: fields
            .secondary_section_ids
            .iter()
            .filter_map(section)
            .collect(),
        topic_ids,
        keyword_ids,
        // Recommendations are stories of the original's edition; SEO text is its language.
        recommended_ids: Vec::new(),
        seo_title: None,
        seo_description: None,
        ..fields.clone()
    })
}

/// The latest published stories of `edition` without a counterpart in `into`.
pub async fn untranslated(
    store: &dyn Store,
    edition_id: i64,
    into_edition_id: i64,
) -> ServiceResult<Vec<StorySummary>> {
    let query = UntranslatedQuery {
        edition_id,
        into_edition_id,
        limit: UNTRANSLATED,
        offset: 0,
    };
    Ok(store.untranslated(&query).await?)
}
