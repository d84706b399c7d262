//! The newsroom's desks (Politics desk, Sport desk): a named group of one edition with the
//! sections it looks after and its member accounts. Not the contact form's desks
//! ([`Desk`](crate::Desk)), which are where readers' messages go.

use async_trait::async_trait;
use serde::Serialize;

use crate::error::StoreResult;
use crate::newsroom::NewAuditEntry;

/// The name of the unique index on a desk's name in its edition (case aside).
pub const NEWS_DESK_NAME_KEY: &str = "news_desk_name_key";

/// A newsroom desk with its sections and members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewsDesk {
    /// Database id.
    pub id: i64,
    /// The edition it works in.
    pub edition_id: i64,
    /// Its name ("Politics desk").
    pub name: String,
    /// Its sections, in the edition's menu order (position, then id).
    pub section_ids: Vec<i64>,
    /// Its member accounts, by id.
    pub member_ids: Vec<i64>,
}

/// The newsroom's desks: kept by administrators, read by the story list, the dashboard
/// and the new-story form. Every write is one transaction with its audit line.
#[async_trait]
pub trait NewsDesks: Send + Sync + 'static {
    /// Every desk of every edition, by edition and then name.
    async fn news_desks(&self) -> StoreResult<Vec<NewsDesk>>;
    /// A desk by id.
    async fn news_desk(&self, id: i64) -> StoreResult<Option<NewsDesk>>;
    /// The desks an account is a member of, by edition and then name.
    async fn account_news_desks(&self, user_id: i64) -> StoreResult<Vec<NewsDesk>>;
    /// Adds a desk, without sections or members, with its audit line; returns its id.
    /// A name the edition already has (case aside) is `Conflict(news_desk_name_key)`.
    async fn create_news_desk(
        &self,
        edition_id: i64,
        name: &str,
        audit: &NewAuditEntry,
    ) -> StoreResult<i64>;
    /// Renames a desk, with its audit line; `NotFound` if there is no such desk.
    async fn rename_news_desk(&self, id: i64, name: &str, audit: &NewAuditEntry)
    -> StoreResult<()>;
    /// Deletes a desk (its sections and members lists go with it), with its audit line;
    /// `NotFound` if there is no such desk.
    async fn delete_news_desk(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<()>;
    /// Replaces a desk's sections, with its audit line; `NotFound` if there is no such
    /// desk or a section is not one of the desk's edition.
    async fn set_news_desk_sections(
        &self,
        id: i64,
        section_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Replaces a desk's members, with its audit line; `NotFound` if there is no such
    /// desk or account.
    async fn set_news_desk_members(
        &self,
        id: i64,
        user_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
}
