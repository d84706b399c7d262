//! The editor page's view: the form values and messages, the choices each field offers,
//! and the workflow buttons the account's role allows.

use search::Language;
use serde::Serialize;
use store::*;

use crate::domain::i18n_newsroom::newsroom_strings;
use crate::domain::i18n_newsroom_editor::EditorStrings;
use crate::domain::permission::{may_edit, may_move};
use crate::domain::refusal::{FieldWords, field_words};
use crate::domain::time::{DisplayTime, newsroom_time};
use crate::service::autosave::present_editors;
use crate::service::search::RelatedTo;
use crate::service::site::{EditionSite, Site};
use crate::service::story_form::{FieldErrors, StoryFormValues};
use crate::service::suggest::section_trails;
use crate::web::error::AppError;
use crate::web::newsroom::session::CurrentUser;
use crate::web::newsroom::story::aids_view::{AidsInput, WritingAids, writing_aids};
use crate::web::newsroom::story::translation::{TranslationPanel, translation_panels};
use crate::web::newsroom::view::AdminChrome;
use crate::web::state::AppState;

/// A choice in a select.
#[derive(Debug, Serialize)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown label.
    pub label: String,
}

/// A workflow button.
#[derive(Debug, Serialize)]
pub struct ActionButton {
    /// The `action` value sent.
    pub value: &'static str,
    /// Its label.
    pub label: &'static str,
}

/// The story being edited, if it exists yet.
#[derive(Debug, Serialize)]
pub struct EditedStory {
    /// Id.
    pub id: StoryId,
    /// State, which the template names through `chrome.t.states`.
    pub status: &'static str,
    /// Current revision.
    pub revision: i64,
    /// The public page, once published.
    pub public_url: Option<String>,
    /// Due time, if scheduled.
    pub scheduled: Option<DisplayTime>,
    /// Short link.
    pub short_url: String,
}

/// The editor page.
#[derive(Debug, Serialize)]
pub struct EditorPage {
    /// The newsroom frame.
    pub chrome: AdminChrome,
    /// The story, unless it is new.
    pub story: Option<EditedStory>,
    /// The form values.
    pub values: StoryFormValues,
    /// Which section a new story starts in, and why (its desk's, or the edition's first).
    pub section_note: Option<String>,
    /// Messages by field, in the account's language.
    pub errors: FieldWords,
    /// The edition it belongs to.
    pub edition_id: i64,
    /// Its name.
    pub edition_name: String,
    /// Its text direction.
    pub dir: &'static str,
    /// Its language.
    pub lang: String,
    /// Where the form posts.
    pub action_url: String,
    /// Whether the account may change the content now.
    pub can_edit: bool,
    /// Workflow buttons.
    pub actions: Vec<ActionButton>,
    /// Story kinds.
    pub kinds: Vec<Choice>,
    /// Sections of the edition.
    pub sections: Vec<Choice>,
    /// Topics of the edition.
    pub topics: Vec<Choice>,
    /// Authors and agencies.
    pub bylines: Vec<Choice>,
    /// Byline roles.
    pub roles: Vec<Choice>,
    /// The edition's timezone, for the schedule time.
    pub timezone: String,
    /// Others who have the story open.
    pub present: Vec<String>,
    /// When unsaved work of this account was kept, if it differs from the story.
    pub autosaved_at: Option<DisplayTime>,
    /// Published stories sharing the most weighted words with this one, to pick as
    /// recommended (none for a new story).
    pub related: Vec<RelatedChoice>,
    /// The story's translations, one panel per other edition (none for a new story).
    pub translations: Vec<TranslationPanel>,
    /// Counts, previews and the checklist before publishing.
    pub aids: WritingAids,
}

/// A related story the editor may pick as recommended.
#[derive(Debug, Serialize)]
pub struct RelatedChoice {
    /// Story id (what the recommended field takes).
    pub id: i64,
    /// Headline.
    pub headline: String,
    /// Its public page.
    pub url: String,
    /// Whether it is recommended already.
    pub picked: bool,
}

/// How many related stories the editor suggests.
const RELATED: usize = 6;

/// The related stories of a saved story, by its headline, standfirst and keywords as
/// the form holds them.
async fn related_choices(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    story: Option<&NewsroomStory>,
    values: &StoryFormValues,
) -> Result<Vec<RelatedChoice>, AppError> {
    let Some(story) = story else {
        return Ok(Vec::new());
    };
    let to = RelatedTo {
        story_id: story.id.0,
        edition_id: edition.edition.id,
        language: Language::from_tag(&edition.edition.language),
        texts: vec![&values.headline, &values.standfirst, &values.keywords],
    };
    let related = state
        .search
        .related(state.store.as_ref(), &to, RELATED)
        .await?;
    let picked: Vec<&str> = values
        .recommended_ids
        .split(|c: char| !c.is_ascii_digit())
        .collect();
    Ok(related
        .iter()
        .map(|teaser| RelatedChoice {
            id: teaser.id,
            headline: teaser.headline.clone(),
            url: site.story_path(teaser),
            picked: picked.contains(&teaser.id.to_string().as_str()),
        })
        .collect())
}

fn choice(value: impl ToString, label: impl Into<String>) -> Choice {
    Choice {
        value: value.to_string(),
        label: label.into(),
    }
}

fn section_choices(edition: &EditionSite) -> Vec<Choice> {
    section_trails(edition)
        .into_iter()
        .map(|(id, trail)| choice(id, trail))
        .collect()
}

/// The workflow buttons for a story's state and the account's role, named in `t`.
fn actions(user: &User, story: Option<&NewsroomStory>, t: &EditorStrings) -> Vec<ActionButton> {
    use StoryStatus::*;
    let Some(story) = story else {
        return vec![ActionButton {
            value: "save",
            label: t.create_draft,
        }];
    };
    let mut buttons = Vec::new();
    if may_edit(user.role, user.id, story.owner_id, story.status) {
        buttons.push(ActionButton {
            value: "save",
            label: t.save,
        });
    }
    let moves = [
        (InReview, "submit", t.submit),
        (Draft, "withdraw", t.withdraw),
        (Published, "publish", t.publish),
        (Scheduled, "schedule", t.schedule),
        (Unpublished, "unpublish", t.unpublish),
    ];
    // Which moves exist from this state is the workflow's rule (`is_workflow_move`).
    for (to, value, label) in moves {
        if may_move(user.role, user.id, story.owner_id, story.status, to) {
            buttons.push(ActionButton { value, label });
        }
    }
    buttons
}

/// What the editor page needs besides the values: built from the store and the site.
pub struct EditorInput<'a> {
    /// The story, unless it is new.
    pub story: Option<&'a NewsroomStory>,
    /// The edition it belongs to.
    pub edition: &'a EditionSite,
    /// The values to show.
    pub values: StoryFormValues,
    /// Messages by field.
    pub errors: FieldErrors,
}

impl EditorPage {
    /// Builds the page, loading the lists its selects offer.
    pub async fn build(
        state: &AppState,
        site: &Site,
        user: &CurrentUser,
        input: EditorInput<'_>,
    ) -> Result<EditorPage, AppError> {
        let EditorInput {
            story,
            edition,
            values,
            errors,
        } = input;
        let t = newsroom_strings(&user.user.language).editor;
        let store = state.store.as_ref();
        let edition_id = edition.edition.id;
        let (topics, authors, agencies) = tokio::try_join!(
            store.edition_topics(edition_id),
            store.all_authors(),
            store.all_agencies(),
        )?;
        let mut bylines: Vec<Choice> = authors
            .iter()
            .map(|author| choice(format!("a:{}", author.id), author.name.clone()))
            .collect();
        bylines.extend(agencies.iter().map(|agency| {
            choice(
                format!("g:{}", agency.id),
                t.agency.replace("{name}", &agency.name),
            )
        }));
        let present = match story {
            Some(story) => present_editors(store, user.actor, story.id).await?,
            None => Vec::new(),
        };
        let related = related_choices(state, site, edition, story, &values).await?;
        let aids_input = AidsInput {
            language: &edition.edition.language,
            edition_id,
            base_url: &state.base_url,
        };
        let aids = writing_aids(store, site, aids_input, &values).await?;
        let translations = match story {
            Some(story) => translation_panels(state, site, user, story).await?,
            None => Vec::new(),
        };
        let kinds = [
            StoryKind::News,
            StoryKind::Opinion,
            StoryKind::Gallery,
            StoryKind::Video,
            StoryKind::Page,
        ];
        let roles = [
            (CreditRole::By, t.role_by),
            (CreditRole::ReportedBy, t.role_reported_by),
            (CreditRole::PhotosBy, t.role_photos_by),
            (CreditRole::TranslatedBy, t.role_translated_by),
        ];
        Ok(EditorPage {
            section_note: None,
            chrome: AdminChrome::new(state, user, "/admin/stories"),
            story: story.map(|story| EditedStory {
                id: story.id,
                status: story.status.as_str(),
                revision: story.revision,
                public_url: (story.status == StoryStatus::Published).then(|| {
                    site.path_for(
                        story.edition_id,
                        story.fields.section_id,
                        &story.fields.slug,
                    )
                }),
                scheduled: story
                    .scheduled_at
                    .map(|at| newsroom_time(at, &edition.zone, &user.user.language)),
                short_url: format!("{}/s/{}", state.base_url, story.short_code),
            }),
            can_edit: story.is_none_or(|story| {
                may_edit(user.user.role, user.user.id, story.owner_id, story.status)
            }),
            actions: actions(&user.user, story, t),
            action_url: story.map_or_else(
                || format!("/admin/stories?edition={edition_id}"),
                |story| format!("/admin/stories/{}", story.id),
            ),
            values,
            errors: field_words(&errors, &user.user.language),
            edition_id,
            edition_name: edition.edition.name.clone(),
            dir: edition.edition.direction.as_str(),
            lang: edition.edition.language.clone(),
            kinds: kinds
                .iter()
                .map(|kind| choice(kind.as_str(), kind_name(*kind, t)))
                .collect(),
            sections: section_choices(edition),
            topics: topics
                .iter()
                .map(|t| choice(t.id, t.name.clone()))
                .collect(),
            bylines,
            roles: roles
                .iter()
                .map(|(role, label)| choice(role.as_str(), *label))
                .collect(),
            timezone: edition.edition.timezone.clone(),
            related,
            translations,
            aids,
            present,
            autosaved_at: None,
        })
    }
}

fn kind_name(kind: StoryKind, t: &EditorStrings) -> &'static str {
    match kind {
        StoryKind::News => t.kind_news,
        StoryKind::Opinion => t.kind_opinion,
        StoryKind::Gallery => t.kind_gallery,
        StoryKind::Video => t.kind_video,
        StoryKind::Page => t.kind_page,
    }
}
