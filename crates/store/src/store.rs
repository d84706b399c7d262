//! The storage trait: every read and write the services need, one transaction per method.

use async_trait::async_trait;

use crate::error::StoreResult;
use crate::model::*;
use crate::query::StoryQuery;
use crate::write::*;

/// Everything Masthead keeps in its database: the three parts below, which each backend
/// implements in its own module.
pub trait Store: SiteReads + StoryReads + Writes {}

impl<T: SiteReads + StoryReads + Writes> Store for T {}

/// Reads of editions, taxonomy, people, media and settings.
#[async_trait]
pub trait SiteReads: Send + Sync + 'static {
    /// All editions, the default (empty path prefix) first.
    async fn editions(&self) -> StoreResult<Vec<Edition>>;
    /// The section tree of an edition, flat, in position order.
    async fn sections(&self, edition_id: i64) -> StoreResult<Vec<Section>>;
    /// All menu items of an edition, in position order.
    async fn menu_items(&self, edition_id: i64) -> StoreResult<Vec<MenuItem>>;
    /// Site-wide settings.
    async fn settings(&self) -> StoreResult<SiteSettings>;

    /// Images by id with their renditions.
    async fn images(&self, ids: &[i64]) -> StoreResult<Vec<Image>>;
    /// Authors by id.
    async fn authors(&self, ids: &[i64]) -> StoreResult<Vec<Author>>;
    /// An author by profile slug.
    async fn author_by_slug(&self, slug: &str) -> StoreResult<Option<Author>>;
    /// Agencies by id.
    async fn agencies(&self, ids: &[i64]) -> StoreResult<Vec<Agency>>;
    /// Topics by id.
    async fn topics(&self, ids: &[i64]) -> StoreResult<Vec<Topic>>;
    /// A topic by slug.
    async fn topic_by_slug(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Topic>>;
    /// Keywords by id.
    async fn keywords(&self, ids: &[i64]) -> StoreResult<Vec<Keyword>>;
    /// A keyword by slug.
    async fn keyword_by_slug(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Keyword>>;
    /// Open job listings of an edition, newest first.
    async fn job_listings(&self, edition_id: i64) -> StoreResult<Vec<JobListing>>;
    /// Whether the database has any edition yet.
    async fn is_empty(&self) -> StoreResult<bool>;
}

/// Reads of published stories and lists of them.
#[async_trait]
pub trait StoryReads: Send + Sync + 'static {
    /// A published story by its primary section (none for pages) and slug.
    async fn published_story(
        &self,
        edition_id: i64,
        section_id: Option<i64>,
        slug: &str,
    ) -> StoreResult<Option<Story>>;
    /// The published story a short-link code points to.
    async fn published_teaser_by_code(&self, code: &str) -> StoreResult<Option<Teaser>>;
    /// The published story an old path (without the edition prefix) used to show.
    async fn redirect_target(&self, edition_id: i64, path: &str) -> StoreResult<Option<Teaser>>;
    /// Published teasers matching a query, newest first.
    async fn teasers(&self, query: &StoryQuery) -> StoreResult<Vec<Teaser>>;
    /// How many published stories match a query in all (ignoring limit and offset).
    async fn count_teasers(&self, query: &StoryQuery) -> StoreResult<u64>;
    /// Published teasers by id, in the order asked, skipping any not published.
    async fn teasers_by_ids(&self, ids: &[i64]) -> StoreResult<Vec<Teaser>>;
    /// Published stories that share the most topics and keywords with a story, newest first.
    async fn similar_teasers(&self, story: &Story, limit: u32) -> StoreResult<Vec<Teaser>>;
}

/// Writes: one transaction per method.
#[async_trait]
pub trait Writes: Send + Sync + 'static {
    /// Writes site-wide settings.
    async fn save_settings(&self, settings: &SiteSettings) -> StoreResult<()>;
    /// Creates an edition.
    async fn create_edition(&self, edition: &NewEdition) -> StoreResult<i64>;
    /// Creates a section.
    async fn create_section(&self, section: &NewSection) -> StoreResult<i64>;
    /// Creates a menu item.
    async fn create_menu_item(&self, item: &NewMenuItem) -> StoreResult<i64>;
    /// Creates an author.
    async fn create_author(&self, author: &NewAuthor) -> StoreResult<i64>;
    /// Creates an agency.
    async fn create_agency(&self, name: &str) -> StoreResult<i64>;
    /// Creates a topic.
    async fn create_topic(&self, topic: &NewTopic) -> StoreResult<i64>;
    /// Returns the keyword with this slug, creating it if needed.
    async fn ensure_keyword(&self, edition_id: i64, slug: &str, name: &str) -> StoreResult<i64>;
    /// Records an image and its renditions (the files are already in the media store).
    async fn create_image(&self, image: &NewImage) -> StoreResult<i64>;
    /// Creates a story with all its relations, and logs the change.
    async fn create_story(&self, story: &NewStory) -> StoreResult<i64>;
    /// Adds a path that redirects to a story.
    async fn create_redirect(&self, edition_id: i64, path: &str, story_id: i64) -> StoreResult<()>;
    /// Creates a job listing.
    async fn create_job_listing(&self, job: &NewJobListing) -> StoreResult<i64>;
}
