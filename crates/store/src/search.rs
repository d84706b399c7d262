//! The search index: what a story gives it, the analyzed document written into it, and a
//! search with its filters.
//!
//! The store keeps the index in the database's own full-text index (FTS5 on SQLite, a
//! `tsvector` with a GIN index on PostgreSQL) over terms the app's analyzer made, so that
//! both databases find the same stories. It follows the change log: each write of the
//! index reads the stories it covers and writes their documents in one transaction that
//! holds the index's lock, so two nodes (or a rebuild beside the follower) never write an
//! older document over a newer one.

use async_trait::async_trait;
use jiff::Timestamp;
pub use search::{Part, Query, Word};

use crate::body::Body;
use crate::error::StoreResult;
use crate::kinds::{StoryKind, StoryStatus};

/// What a story gives the index, as the database holds it.
#[derive(Clone, Debug)]
pub struct SearchSource {
    /// Story id.
    pub story_id: i64,
    /// The edition's language tag (`en`, `ar`), which picks the analyzer's language.
    pub language: String,
    /// The headline.
    pub headline: String,
    /// The standfirst, if any.
    pub standfirst: Option<String>,
    /// Topics, keywords, bylines (authors and agencies) and the dateline.
    pub labels: Vec<String>,
    /// The body.
    pub body: Body,
    /// Captions of the lead image, the body's images and a gallery's photos.
    pub captions: Vec<String>,
}

/// One field of an analyzed story: its words as stems and as surface forms, position by
/// position (both lists are the same length).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldTerms {
    /// Each word's stem.
    pub stems: Vec<String>,
    /// Each word as written (folded).
    pub surfaces: Vec<String>,
}

/// The fields of a document, by weight, highest first.
pub const FIELDS: [&str; 4] = ["headline", "standfirst", "labels", "body"];

/// A story as the index holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Story id.
    pub story_id: i64,
    /// Terms of the headline, the standfirst, the labels (topics, keywords, bylines) and
    /// the body with its captions, in [`FIELDS`] order.
    pub fields: [FieldTerms; 4],
    /// The text that result snippets are cut from: the standfirst and the body as plain
    /// text.
    pub plain: String,
}

/// Makes a story's document from what it gives the index (the app's analyzer).
pub type Analyze<'a> = &'a (dyn Fn(&SearchSource) -> SearchDoc + Send + Sync);

/// Where the index stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexState {
    /// The last change-log entry it has followed.
    pub last_change: i64,
    /// Whether it holds every story: false until the first full build has finished, and
    /// again after `masthead copy` or when the change log it would follow was pruned.
    pub complete: bool,
}

/// How much the index holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexCounts {
    /// Stories it holds.
    pub documents: u64,
    /// Stories in the database.
    pub stories: u64,
}

/// Which stories a search may find.
#[derive(Clone, Debug, Default)]
pub struct SearchFilter {
    /// Only this edition's.
    pub edition_id: Option<i64>,
    /// Only published stories, published by this time (the reader site).
    pub published_by: Option<Timestamp>,
    /// Only stories in these states (all when empty).
    pub statuses: Vec<StoryStatus>,
    /// Only this owner's stories.
    pub owner_id: Option<i64>,
    /// Only stories in this section or its subsections, or listing it as another
    /// section (the stories its page lists).
    pub section_id: Option<i64>,
    /// Only this kind.
    pub kind: Option<StoryKind>,
    /// Only stories this author has a credit on.
    pub author_id: Option<i64>,
    /// Published at or after.
    pub from: Option<Timestamp>,
    /// Published before.
    pub until: Option<Timestamp>,
    /// Never static pages.
    pub stories_only: bool,
    /// Never this story (the one whose related stories are searched for).
    pub except: Option<i64>,
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchOrder {
    /// Best match first (headline matches weigh most, then the standfirst, the labels and
    /// the body), newest first among equals.
    #[default]
    Relevance,
    /// Newest first: by publication, or by last change for stories never published.
    Newest,
}

/// A search.
#[derive(Clone, Debug)]
pub struct SearchRequest<'a> {
    /// What to look for; must not be empty.
    pub query: &'a Query,
    /// Match stories with any of the query's included parts, best first, instead of all
    /// of them (related stories).
    pub any: bool,
    /// Which stories it may find.
    pub filter: SearchFilter,
    /// The order of results.
    pub order: SearchOrder,
    /// At most this many.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
}

/// Results are counted up to this many; beyond it the count says "more than".
pub const COUNT_LIMIT: u64 = 1000;

/// One page of results.
#[derive(Clone, Debug, Default)]
pub struct SearchPage {
    /// How many stories match, at most [`COUNT_LIMIT`] + 1 (more than the limit).
    pub total: u64,
    /// This page's stories with the text their snippets come from, in order.
    pub hits: Vec<SearchHit>,
}

/// A story found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct SearchHit {
    /// Story id.
    pub story_id: i64,
    /// The story's standfirst and body as plain text.
    pub plain: String,
}

/// The search index.
#[async_trait]
pub trait SearchIndex: Send + Sync + 'static {
    /// Where the index stands.
    async fn index_state(&self) -> StoreResult<IndexState>;

    /// How many stories the index holds, and how many there are (counting both).
    async fn index_counts(&self) -> StoreResult<IndexCounts>;

    /// Indexes the stories named by the change-log entries after the last one followed,
    /// up to `limit` entries, and moves past them; returns the last entry followed now,
    /// or `None` when another node is at it.
    async fn follow_changes(&self, limit: u32, analyze: Analyze<'_>) -> StoreResult<Option<i64>>;

    /// Starts a full build: marks the index incomplete and lets the follower go on from
    /// the change log's end, since the build reads every story after this.
    async fn begin_rebuild(&self) -> StoreResult<()>;

    /// Indexes the stories with ids after `after`, up to `limit` of them, removing
    /// documents of stories no longer there; returns the last id covered, or `None` past
    /// the last story.
    async fn rebuild_batch(
        &self,
        after: i64,
        limit: u32,
        analyze: Analyze<'_>,
    ) -> StoreResult<Option<i64>>;

    /// Marks the index complete after a full build.
    async fn finish_rebuild(&self) -> StoreResult<()>;

    /// Marks the index incomplete when the change log no longer holds entries it has not
    /// followed (pruned while no node was following it); returns whether it did.
    async fn check_index_gap(&self) -> StoreResult<bool>;

    /// Stories matching a search, best first (or newest first).
    async fn search(&self, request: &SearchRequest<'_>) -> StoreResult<SearchPage>;

    /// Words readers' misspellings are compared with: the names of an edition's topics,
    /// keywords and authors and the headlines of its latest `headlines` published
    /// stories.
    async fn search_vocabulary(&self, edition_id: i64, headlines: u32) -> StoreResult<Vec<String>>;
}
