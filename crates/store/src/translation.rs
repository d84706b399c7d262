//! Stories linked to their translations in the other editions ([`Translations`]): a link
//! is symmetrical, and a story has at most one counterpart per other edition.

use crate::error::StoreResult;
use crate::newsroom::{NewAuditEntry, StorySummary};
use crate::write::NewStory;
use async_trait::async_trait;

/// One side of a link: the counterpart of a story in another edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Translation {
    /// The counterpart's edition.
    pub edition_id: i64,
    /// The counterpart.
    pub story_id: i64,
}

/// The published stories of an edition that have no counterpart in another edition yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UntranslatedQuery {
    /// The edition whose stories are listed.
    pub edition_id: i64,
    /// The edition they lack a counterpart in.
    pub into_edition_id: i64,
    /// At most this many, newest first.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
}

/// Links between stories and their translations.
#[async_trait]
pub trait Translations: Send + Sync + 'static {
    /// A story's counterparts in other editions (whatever their state), by edition.
    async fn translations(&self, story_id: i64) -> StoreResult<Vec<Translation>>;

    /// Links two stories of different editions as translations of each other, replacing
    /// what either was linked to in the other's edition (on both sides of those old
    /// links); audited, and logged with the tags of every story whose link changed.
    /// `NotFound` when either story is missing; a conflict on
    /// `story_translation_edition` when both are in one edition (or are one story).
    async fn link_translation(
        &self,
        story_id: i64,
        counterpart_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;

    /// Removes a story's link to its counterpart in `edition_id`, on both sides; audited
    /// and logged. `NotFound` when there is no such link.
    async fn unlink_translation(
        &self,
        story_id: i64,
        edition_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;

    /// Creates a draft and links it to `original` in one transaction (the draft's edition
    /// must differ from the original's; an older counterpart there is unlinked); audited.
    async fn create_translation(
        &self,
        original: i64,
        draft: &NewStory,
        audit: &NewAuditEntry,
    ) -> StoreResult<i64>;

    /// Published stories of an edition without a counterpart in another, newest first.
    async fn untranslated(&self, query: &UntranslatedQuery) -> StoreResult<Vec<StorySummary>>;
}
