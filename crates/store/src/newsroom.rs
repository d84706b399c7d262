//! The newsroom's records: accounts, sessions, stories as the newsroom sees them (any
//! state), revisions, jobs, the audit log and front curation.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::ids::{StoryId, UserId};
use crate::kinds::StoryStatus;
use crate::tag::CacheTag;
use crate::write::StoryFields;

/// What a newsroom account may do; checked on the server for every action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Own drafts only.
    Contributor,
    /// Own stories, submit for review, upload media.
    Reporter,
    /// Any story, publishing, fronts, taxonomy and media.
    Editor,
    /// Everything, including accounts and settings.
    Admin,
}

impl Role {
    /// Every role, least powerful first.
    pub const ALL: [Role; 4] = [Role::Contributor, Role::Reporter, Role::Editor, Role::Admin];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Reporter => "reporter",
            Role::Contributor => "contributor",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == value)
    }
}

/// A newsroom account.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct User {
    /// Database id.
    pub id: i64,
    /// Login email, lower-case.
    pub email: String,
    /// Display name.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// A one-time password is set: the next login must choose a new one.
    pub must_change_password: bool,
    /// Disabled accounts cannot log in and lose their sessions.
    pub disabled: bool,
    /// The byline profile they write under.
    pub author_id: Option<i64>,
    /// When the account was made.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub created_at: Timestamp,
    /// The language of their newsroom interface: `en` or `ar`.
    pub language: String,
    /// When they last logged in, if ever since it was kept.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub last_login_at: Option<Timestamp>,
}

/// An account to create.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Login email, lower-case.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Whether the password is one-time.
    pub must_change_password: bool,
    /// Byline profile.
    pub author_id: Option<i64>,
    /// Interface language: `en` or `ar`.
    pub language: String,
}

/// A login session as stored: the token's hash, never the token.
#[derive(Clone, Debug)]
pub struct NewSession {
    /// SHA-256 of the cookie token, hex.
    pub token_hash: String,
    /// The account.
    pub user_id: i64,
    /// The token forms of this session must carry.
    pub csrf_token: String,
    /// When it stops working.
    pub expires_at: Timestamp,
}

/// A live session with its account.
#[derive(Clone, Debug)]
pub struct SessionUser {
    /// The account.
    pub user: User,
    /// The session's CSRF token.
    pub csrf_token: String,
}

/// A story as the newsroom sees it: any state, with ownership and revision.
#[derive(Clone, Debug, PartialEq)]
pub struct NewsroomStory {
    /// Database id.
    pub id: StoryId,
    /// Edition.
    pub edition_id: i64,
    /// Workflow state.
    pub status: StoryStatus,
    /// Owner account.
    pub owner_id: Option<i64>,
    /// The current revision number; saves must be based on it.
    pub revision: i64,
    /// First publication.
    pub published_at: Option<Timestamp>,
    /// When a scheduled story is due.
    pub scheduled_at: Option<Timestamp>,
    /// Last save.
    pub updated_at: Timestamp,
    /// Short-link code.
    pub short_code: String,
    /// The content.
    pub fields: StoryFields,
}

/// One line of a newsroom story list.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct StorySummary {
    /// Story id.
    pub id: i64,
    /// Edition.
    pub edition_id: i64,
    /// Headline.
    pub headline: String,
    /// URL segment.
    pub slug: String,
    /// Workflow state.
    pub status: StoryStatus,
    /// Primary section.
    pub section_id: Option<i64>,
    /// Owner account.
    pub owner_id: Option<i64>,
    /// Owner's name.
    pub owner_name: Option<String>,
    /// Last save.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub updated_at: Timestamp,
    /// First publication.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub published_at: Option<Timestamp>,
    /// Due time when scheduled.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub scheduled_at: Option<Timestamp>,
    /// Saves (revisions) since the list's [`StoryOrder::MostRevisedSince`] time; 0 in
    /// other orders.
    pub saves_since: i64,
}

/// The order of a newsroom story list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StoryOrder {
    /// Last saved first.
    #[default]
    LastSaved,
    /// Soonest due first (for scheduled stories).
    SoonestDue,
    /// Only stories saved since this time, the most saves first.
    MostRevisedSince(Timestamp),
}

/// Which stories a newsroom list shows.
#[derive(Clone, Debug, Default)]
pub struct StoryListQuery {
    /// Only this owner's stories.
    pub owner_id: Option<i64>,
    /// Only stories in these states (all when empty).
    pub statuses: Vec<StoryStatus>,
    /// Only scheduled stories due before this time (missed schedules).
    pub due_before: Option<Timestamp>,
    /// Only stories of this edition.
    pub edition_id: Option<i64>,
    /// Only stories in this section (primary or other).
    pub section_id: Option<i64>,
    /// Only stories whose primary section is one of these (a newsroom desk's); an empty
    /// list matches none.
    pub primary_section_ids: Option<Vec<i64>>,
    /// Only these stories (a search's results), in this order instead of last saved
    /// first.
    pub ids: Option<Vec<i64>>,
    /// Only stories dated at or after this time: the publication time once published,
    /// else the last save.
    pub dated_from: Option<Timestamp>,
    /// Only stories dated before this time (see `dated_from`).
    pub dated_before: Option<Timestamp>,
    /// The order; a search's results (`ids`) keep the search's order whatever this is.
    pub order: StoryOrder,
    /// At most this many.
    pub limit: u32,
    /// Skip this many.
    pub offset: u32,
}

/// A save of a story's content on top of a known revision.
#[derive(Clone, Debug)]
pub struct StorySave {
    /// Story id.
    pub story_id: StoryId,
    /// The revision the author started from; a different current one is a conflict.
    pub base_revision: i64,
    /// Who saves.
    pub user_id: UserId,
    /// The new content.
    pub fields: StoryFields,
    /// The old public path (without edition prefix) to keep answering 301, when a
    /// published story's URL changes.
    pub redirect_from: Option<String>,
    /// A move in the workflow made in the same transaction (save and publish).
    pub then: Option<StatusChange>,
}

/// A move of a story in the workflow.
#[derive(Clone, Debug)]
pub struct StatusChange {
    /// Story id.
    pub story_id: StoryId,
    /// Who moves it.
    pub user_id: UserId,
    /// The state it must be in now (another state means someone moved it meanwhile).
    pub from: StoryStatus,
    /// The new state.
    pub to: StoryStatus,
    /// For scheduling: when it is due.
    pub scheduled_at: Option<Timestamp>,
    /// The time of the change.
    pub at: Timestamp,
}

/// One saved revision of a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// Revision number, from 1.
    pub number: i64,
    /// Who saved it.
    pub user_name: Option<String>,
    /// When.
    pub created_at: Timestamp,
    /// The state the story was in.
    pub status: StoryStatus,
    /// The content.
    pub fields: StoryFields,
}

/// Someone's unsaved work on a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosave {
    /// The revision the work started from.
    pub base_revision: i64,
    /// The content, if anything was typed.
    pub fields: Option<StoryFields>,
    /// When it was last sent.
    pub seen_at: Timestamp,
}

/// A due background job claimed by a worker.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Job {
    /// Job id.
    pub id: i64,
    /// What to do ("publish_story").
    pub kind: String,
    /// What to do it to (a story id).
    pub subject_id: i64,
    /// How many times it has been claimed, this one included.
    pub attempts: i64,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct AuditEntry {
    /// When.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub at: Timestamp,
    /// Who, if anyone was logged in.
    pub user_name: Option<String>,
    /// What ("story.publish").
    pub action: String,
    /// On what kind of thing.
    pub entity: String,
    /// On which one.
    pub entity_id: Option<i64>,
    /// Anything else worth knowing.
    pub detail: String,
}

/// An audit-log line to write. Every write the newsroom audits takes one and writes it in
/// the transaction of the change, so a change is never without its line nor a line
/// without its change.
#[derive(Clone, Debug)]
pub struct NewAuditEntry {
    /// Who.
    pub user_id: Option<i64>,
    /// What.
    pub action: String,
    /// On what kind of thing.
    pub entity: String,
    /// On which one; `None` on a write that creates the row means the new row.
    pub entity_id: Option<i64>,
    /// Details.
    pub detail: String,
}

/// One entry of the change log that caches and indexes follow.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Position in the log.
    pub id: i64,
    /// What it touched: the cache tags of the pages that show it.
    pub tags: Vec<CacheTag>,
}
