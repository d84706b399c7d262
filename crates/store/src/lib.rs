//! Masthead's domain models and the storage trait that every database backend implements.
//!
//! Models here are plain data: no I/O, no SQL, no HTTP. A backend (`store-sqlite`, later
//! `store-postgres`) maps its rows to these types and its errors to [`StoreError`].

mod body;
mod contact;
mod curation;
mod error;
pub mod files;
mod ids;
mod issues;
mod kinds;
mod login;
mod media;
mod model;
mod news_desk;
mod newsletter;
mod newsroom;
mod ops;
mod query;
#[cfg(feature = "sqlx")]
mod row;
mod search;
mod sitemap;
pub mod slug;
mod store;
mod tag;
mod translation;
mod write;

pub use body::{Block, Body, Inline};
pub use contact::*;
pub use curation::*;
pub use error::{Constraint, StoreError, StoreResult};
pub use ids::{StoryId, UserId};
pub use issues::*;
pub use kinds::*;
pub use login::*;
pub use media::*;
pub use model::*;
pub use news_desk::*;
pub use newsletter::*;
pub use newsroom::*;
pub use ops::{JobCounts, Operations, PoolUse, Pruned, Retention};
pub use query::{Cursor, StoryFilter, StoryQuery};
#[cfg(feature = "sqlx")]
pub use row::{EpochSeconds, OptionalEpochSeconds};
pub use search::*;
pub use sitemap::*;
pub use store::{
    Accounts, ChangeListener, Curation, History, JobQueue, MediaLibrary, Newsroom, People,
    Presence, SiteReads, Store, StoryReads, Writes,
};
pub use tag::CacheTag;
pub use translation::*;
pub use write::*;
