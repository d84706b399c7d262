//! What sitemaps read: an edition's published stories month by month (counted for the
//! sitemap index, listed for each month's sitemap and the news sitemap), and the listing
//! pages that have stories (sections, topics, keywords, authors) with their newest one.
//!
//! Every read is bounded by the edition and a time range on the `stories_published`
//! index, or is one index seek per listing page, so none grows with the whole archive.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::error::StoreResult;
use crate::kinds::StoryKind;

/// A month of an edition's published stories, as the sitemap index counts them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryMonth {
    /// The month in UTC as `year * 100 + month` (`202611`).
    pub month: i64,
    /// Published stories (static pages aside) whose publish time falls in it.
    pub stories: u64,
    /// The newest update time among them.
    pub updated_at: Timestamp,
}

/// Which published stories of an edition a sitemap lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SitemapQuery {
    /// The edition.
    pub edition_id: i64,
    /// Published at or after this time.
    pub from: Timestamp,
    /// Published before this time.
    pub until: Timestamp,
    /// At most this many.
    pub limit: u32,
    /// Skip this many (a later part of a month).
    pub offset: u32,
    /// Newest first (the news sitemap); otherwise oldest first, so that a month's earlier
    /// parts keep their stories as later ones are published.
    pub newest_first: bool,
}

/// A published story as a sitemap lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SitemapStory {
    /// Story id.
    pub id: i64,
    /// Its kind.
    pub kind: StoryKind,
    /// The headline (the news sitemap's title).
    pub headline: String,
    /// URL segment.
    pub slug: String,
    /// Primary section (stories always have one; static pages are never listed).
    pub section_id: Option<i64>,
    /// Publication time.
    pub published_at: Timestamp,
    /// Last update time.
    pub updated_at: Timestamp,
    /// The lead image, then a gallery's photos in order (an image once).
    pub image_ids: Vec<i64>,
}

/// What kind of listing page a [`ListedPage`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListedKind {
    /// A section or subsection front.
    Section,
    /// A curated topic's page.
    Topic,
    /// A keyword's page.
    Keyword,
    /// An author's page.
    Author,
}

/// A listing page of an edition that lists at least one published story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedPage {
    /// What it lists.
    pub kind: ListedKind,
    /// The section, topic, keyword or author id.
    pub id: i64,
    /// Its slug (a section's own slug, without its parents).
    pub slug: String,
    /// The publication time of its newest story.
    pub newest: Timestamp,
}

/// Reads for sitemaps.
#[async_trait]
pub trait Sitemaps: Send + Sync + 'static {
    /// Each UTC month with published stories of an edition up to `until`, oldest first,
    /// with its count and newest update: one grouped query.
    async fn story_months(&self, edition_id: i64, until: Timestamp)
    -> StoreResult<Vec<StoryMonth>>;
    /// Published stories (static pages aside) of an edition in a time range.
    async fn sitemap_stories(&self, query: &SitemapQuery) -> StoreResult<Vec<SitemapStory>>;
    /// The edition's sections, topics, keywords and authors that list a published story,
    /// by kind and id.
    async fn listed_pages(&self, edition_id: i64) -> StoreResult<Vec<ListedPage>>;
}
