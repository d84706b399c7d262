//! The storage trait: every read and write the services need, one transaction per method.

use async_trait::async_trait;

use jiff::Timestamp;

use crate::contact::Contact;
use crate::curation::*;
use crate::error::StoreResult;
use crate::ids::{StoryId, UserId};
use crate::issues::Issues;
use crate::login::*;
use crate::media::*;
use crate::model::*;
use crate::news_desk::NewsDesks;
use crate::newsletter::{Newsletters, Outbox};
use crate::newsroom::*;
use crate::ops::Operations;
use crate::query::StoryQuery;
use crate::search::SearchIndex;
use crate::sitemap::Sitemaps;
use crate::translation::Translations;
use crate::write::*;

/// Everything Masthead keeps in its database: the parts below, which each backend
/// implements in its own module.
pub trait Store:
    SiteReads
    + StoryReads
    + Writes
    + Accounts
    + Newsroom
    + Presence
    + JobQueue
    + History
    + Curation
    + MediaLibrary
    + Newsletters
    + Outbox
    + Issues
    + Contact
    + NewsDesks
    + People
    + SearchIndex
    + Sitemaps
    + Translations
    + Operations
{
}

impl<T> Store for T where
    T: SiteReads
        + StoryReads
        + Writes
        + Accounts
        + Newsroom
        + Presence
        + JobQueue
        + History
        + Curation
        + MediaLibrary
        + Newsletters
        + Outbox
        + Issues
        + Contact
        + NewsDesks
        + People
        + SearchIndex
        + Sitemaps
        + Translations
        + Operations
{
}

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
    /// Every job listing of an edition, open or closed, newest first.
    async fn job_listings(&self, edition_id: i64) -> StoreResult<Vec<JobListing>>;
    /// A job listing by id.
    async fn job_listing(&self, id: i64) -> StoreResult<Option<JobListing>>;
    /// The editions with a listing whose closing time falls in `(after, until]`: their
    /// jobs pages must drop it.
    async fn job_closings(&self, after: Timestamp, until: Timestamp) -> StoreResult<Vec<i64>>;
    /// Every topic of an edition, by name.
    async fn edition_topics(&self, edition_id: i64) -> StoreResult<Vec<Topic>>;
    /// Every author, by name.
    async fn all_authors(&self) -> StoreResult<Vec<Author>>;
    /// Every agency, by name.
    async fn all_agencies(&self) -> StoreResult<Vec<Agency>>;
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
    /// Creates a story with all its relations, and logs the change; a story with an owner
    /// also gets its `story.create` audit line, by the owner, in the same transaction.
    async fn create_story(&self, story: &NewStory) -> StoreResult<i64>;
    /// Adds a path that redirects to a story.
    async fn create_redirect(&self, edition_id: i64, path: &str, story_id: i64) -> StoreResult<()>;
    /// Creates a job listing, with its audit line when someone made it, and logs the
    /// change.
    async fn create_job_listing(
        &self,
        job: &NewJobListing,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64>;
    /// Rewrites a listing of an edition (`NotFound` if it has none with this id), with its
    /// audit line, and logs the change.
    async fn update_job_listing(
        &self,
        edition_id: i64,
        id: i64,
        fields: &JobFields,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Closes a listing by hand at `closed_at`, or reopens it (`None`); as
    /// `update_job_listing`.
    async fn close_job_listing(
        &self,
        edition_id: i64,
        id: i64,
        closed_at: Option<Timestamp>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
}

/// Newsroom accounts, their sessions and failed logins.
#[async_trait]
pub trait Accounts: Send + Sync + 'static {
    /// Creates an account, with its audit line when someone made it; a taken email is
    /// `Conflict(Constraint::UserEmail)`.
    async fn create_user(&self, user: &NewUser, audit: Option<&NewAuditEntry>) -> StoreResult<i64>;
    /// Every account, by name.
    async fn users(&self) -> StoreResult<Vec<User>>;
    /// An account by id.
    async fn user(&self, id: i64) -> StoreResult<Option<User>>;
    /// An account and its password hash, by (lower-case) email.
    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>>;
    /// Changes an account's role.
    async fn set_user_role(&self, id: i64, role: Role, audit: &NewAuditEntry) -> StoreResult<()>;
    /// Disables or enables an account; disabling ends its sessions.
    async fn set_user_disabled(
        &self,
        id: i64,
        disabled: bool,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Changes the language of an account's newsroom interface (`en` or `ar`).
    async fn set_user_language(&self, id: i64, language: &str) -> StoreResult<()>;
    /// Sets a password hash and whether it is one-time, with its audit line; ends the
    /// account's other sessions except the one given.
    async fn set_password(
        &self,
        id: i64,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Stores a new session, with the audit line of the login, and notes the time as the
    /// account's last login.
    async fn create_session(&self, session: &NewSession, audit: &NewAuditEntry) -> StoreResult<()>;
    /// The enabled account of an unexpired session.
    async fn session_user(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> StoreResult<Option<SessionUser>>;
    /// Ends a session.
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Counts a login attempt against the limits before its password is checked: reads
    /// the counts and records the attempt as a failure in one transaction, so parallel
    /// attempts cannot all slip under a limit. A refused attempt records nothing.
    async fn claim_login_attempt(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> StoreResult<LoginClaim>;
    /// After a right password: forgets the account's failures from that address and
    /// remembers the address as one the account logs in from.
    async fn login_succeeded(
        &self,
        attempt: &LoginAttempt<'_>,
        limits: &LoginLimits,
    ) -> StoreResult<()>;
}

/// Stories in every state: lists, saves on a revision and moves through the workflow.
#[async_trait]
pub trait Newsroom: Send + Sync + 'static {
    /// A story in any state.
    async fn newsroom_story(&self, id: StoryId) -> StoreResult<Option<NewsroomStory>>;
    /// Stories for newsroom lists, most recently saved first.
    async fn story_summaries(&self, query: &StoryListQuery) -> StoreResult<Vec<StorySummary>>;
    /// Saves new content as the next revision; a stale base revision is
    /// `Conflict(Constraint::StoryRevision)`. Returns the new revision number.
    async fn save_story(&self, save: &StorySave) -> StoreResult<i64>;
    /// Moves a story in the workflow (and schedules or cancels its publish job); a story
    /// no longer in `from` is `Conflict(Constraint::StoryStatus)`.
    async fn change_status(&self, change: &StatusChange) -> StoreResult<()>;
}

/// Someone's unsaved work on a story, and who has a story open.
#[async_trait]
pub trait Presence: Send + Sync + 'static {
    /// Keeps someone's unsaved work (or only that they have the story open).
    async fn autosave(
        &self,
        story_id: StoryId,
        user_id: UserId,
        base_revision: i64,
        fields: Option<&StoryFields>,
        at: Timestamp,
    ) -> StoreResult<()>;
    /// Someone's unsaved work on a story.
    async fn autosaved(&self, story_id: StoryId, user_id: UserId) -> StoreResult<Option<Autosave>>;
    /// Forgets someone's unsaved work after they saved.
    async fn clear_autosave(&self, story_id: StoryId, user_id: UserId) -> StoreResult<()>;
    /// Names of the people who had a story open since a time, except one.
    async fn present_editors(
        &self,
        story_id: StoryId,
        except_user: UserId,
        since: Timestamp,
    ) -> StoreResult<Vec<String>>;
}

/// The durable job queue: claims with a lease, the scheduled publish, failures.
#[async_trait]
pub trait JobQueue: Send + Sync + 'static {
    /// Claims the oldest due job, leasing it until `lease_until`.
    async fn claim_job(&self, now: Timestamp, lease_until: Timestamp) -> StoreResult<Option<Job>>;
    /// Publishes a scheduled story and marks its job done, in one transaction; a story
    /// no longer scheduled just completes the job. Returns whether it published.
    async fn publish_scheduled(&self, job: &Job, now: Timestamp) -> StoreResult<bool>;
    /// Records a failed attempt and when to try again.
    async fn fail_job(&self, job: &Job, error: &str, retry_at: Timestamp) -> StoreResult<()>;
    /// Jobs not yet done.
    async fn pending_jobs(&self) -> StoreResult<u64>;
}

/// What happened: stories' revisions, the audit log and the change log.
#[async_trait]
pub trait History: Send + Sync + 'static {
    /// A story's revisions, newest first, without their content.
    async fn revisions(&self, story_id: StoryId) -> StoreResult<Vec<Revision>>;
    /// One revision with its content.
    async fn revision(&self, story_id: StoryId, number: i64) -> StoreResult<Option<Revision>>;
    /// The audit log, newest first.
    async fn audit_log(&self, limit: u32, offset: u32) -> StoreResult<Vec<AuditEntry>>;
    /// Change-log entries after an id, oldest first.
    async fn changes_since(&self, after: i64, limit: u32) -> StoreResult<Vec<Change>>;
    /// The id of the latest change-log entry (0 when empty).
    async fn last_change_id(&self) -> StoreResult<i64>;
    /// A wake-up call for change-log followers when any node commits a change, if the
    /// backend has one (PostgreSQL's LISTEN/NOTIFY); followers poll either way.
    async fn change_listener(&self) -> StoreResult<Option<Box<dyn ChangeListener>>> {
        Ok(None)
    }
}

/// Wakes a change-log follower: [`ChangeListener::wait`] returns when a change has been
/// committed somewhere since the last call. A lost connection is an error; the follower
/// then polls and asks for a new listener later.
#[async_trait]
pub trait ChangeListener: Send {
    /// Waits for the next change notification.
    async fn wait(&mut self) -> StoreResult<()>;
}

/// The newsroom's upkeep of the site: sections, menus, topics, keywords, front pins and
/// the breaking-news bar. Every write appends one change-log row naming the cached pages
/// it touches (`edition:{id}` for what every page of an edition shows), and the audit line
/// it is given, in the same transaction.
#[async_trait]
pub trait Curation: Send + Sync + 'static {
    /// Creates a section.
    async fn add_section(&self, section: &NewSection, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Renames or moves a section; when its path changes, keeps the old paths of it and
    /// its descendants as aliases. A taken slug is `Conflict(Constraint::SectionSlug)`.
    async fn update_section(
        &self,
        changes: &SectionChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Numbers sibling sections in the order given.
    async fn reorder_sections(
        &self,
        edition_id: i64,
        ordered_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Every old section path of an edition.
    async fn section_aliases(&self, edition_id: i64) -> StoreResult<Vec<SectionAlias>>;

    /// Adds a menu entry.
    async fn add_menu_item(&self, item: &NewMenuItem, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Deletes a menu entry and the entries nested under it.
    async fn remove_menu_item(
        &self,
        edition_id: i64,
        id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Rewrites the nesting and order of a menu's entries.
    async fn arrange_menu(
        &self,
        arrangement: &MenuArrangement,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;

    /// Creates a topic; a taken slug is `Conflict(Constraint::TopicSlug)`.
    async fn add_topic(&self, topic: &NewTopic, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Renames a topic; a changed slug keeps the old one answering (301).
    async fn update_topic(&self, topic: &Topic, audit: &NewAuditEntry) -> StoreResult<()>;
    /// The topic an old slug now belongs to.
    async fn topic_alias(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Topic>>;
    /// Keywords with their story counts, by name.
    async fn keyword_counts(&self, query: &KeywordQuery) -> StoreResult<Vec<KeywordCount>>;
    /// How many keywords match a query in all.
    async fn count_keywords(&self, query: &KeywordQuery) -> StoreResult<u64>;
    /// Gives every story of keyword `from` the keyword `into`, deletes `from`, and keeps
    /// its slug answering (301) with `into`'s page.
    async fn merge_keywords(
        &self,
        edition_id: i64,
        from: i64,
        into: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// The keyword an old slug now belongs to.
    async fn keyword_alias(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Keyword>>;

    /// The pins of one front, by slot and position.
    async fn front_pins(&self, edition_id: i64, front_id: i64) -> StoreResult<Vec<FrontPin>>;
    /// Replaces every pin of one front.
    async fn replace_front_pins(
        &self,
        edition_id: i64,
        front_id: i64,
        pins: &[FrontPin],
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// The breaking-news bars of all editions, expired ones included.
    async fn breaking_news(&self) -> StoreResult<Vec<BreakingNews>>;
    /// Sets an edition's breaking-news bar.
    async fn set_breaking_news(
        &self,
        news: &BreakingNews,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Clears an edition's breaking-news bar.
    async fn clear_breaking_news(&self, edition_id: i64, audit: &NewAuditEntry) -> StoreResult<()>;
}

/// The newsroom's media library: uploads, search, edits and where images are used.
#[async_trait]
pub trait MediaLibrary: Send + Sync + 'static {
    /// Records an uploaded image, its original and its renditions in one transaction (the
    /// files are already in the media store). Returns the image id.
    async fn create_upload(&self, upload: &NewUpload, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Library images matching a query, newest first.
    async fn library(&self, query: &MediaQuery) -> StoreResult<Vec<LibraryImage>>;
    /// How many images match a query in all (ignoring limit and offset).
    async fn count_library(&self, query: &MediaQuery) -> StoreResult<u64>;
    /// One library image.
    async fn library_image(&self, id: i64) -> StoreResult<Option<LibraryImage>>;
    /// The stories that use an image as hero, in a gallery or in the body, by story id.
    async fn image_uses(&self, id: i64) -> StoreResult<Vec<ImageUse>>;
    /// The authors whose portrait and the agencies whose logo an image is: authors first,
    /// each kind by name.
    async fn image_profiles(&self, id: i64) -> StoreResult<Vec<ProfileImageUse>>;
    /// Changes an image's text and focal point; when published stories use it or authors
    /// have it as their portrait, appends one change-log entry with the cache tags of those
    /// stories and authors' pages, in the same transaction. Returns whether it logged one;
    /// an unknown image is `NotFound`. (An agency's logo is shown whole with the agency's
    /// name as its alt text, so its pages do not change.)
    async fn update_image(
        &self,
        changes: &ImageChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<bool>;
    /// Replaces an image's crops with `crops` (their files already in the media store), if
    /// its focal point is still `focal`, the one they were made around; logs the pages that
    /// show the image, as [`MediaLibrary::update_image`] does, in the same transaction.
    /// The replaced crops' files are retired in the same transaction: recorded to be
    /// removed once `keep_until` has passed ([`MediaLibrary::due_retired_files`]), because
    /// social sites and feed readers keep an old crop's address for a while. Returns
    /// whether the crops were recorded: `false` when the focal point moved meanwhile (the
    /// newer crops win; these files should go) or the image is gone.
    async fn replace_crops(
        &self,
        image_id: i64,
        focal: (f32, f32),
        crops: &[Crop],
        keep_until: Timestamp,
    ) -> StoreResult<bool>;
    /// Keys of retired files whose time to go has come (at `now`), at most `limit`.
    async fn due_retired_files(&self, now: Timestamp, limit: u32) -> StoreResult<Vec<String>>;
    /// Forgets retired files once they were removed from the media store.
    async fn forget_retired_files(&self, keys: &[String]) -> StoreResult<()>;
    /// Ids of images after id `after` that have no crops cut around their current focal
    /// point (none at all, or cut around another), ascending, at most `limit`.
    async fn images_needing_crops(&self, after: i64, limit: u32) -> StoreResult<Vec<i64>>;
}

/// Authors and agencies as the newsroom manages them. Every write appends its audit line
/// and one change-log row naming the pages it touches, in the same transaction.
#[async_trait]
pub trait People: Send + Sync + 'static {
    /// Creates an author; a slug another author has or had is
    /// `Conflict(Constraint::AuthorSlug)`.
    async fn add_author(&self, author: &NewAuthor, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Changes an author and the account linked to them; a changed slug keeps the old one
    /// answering (301), and a slug another author has or had is
    /// `Conflict(Constraint::AuthorSlug)`.
    async fn update_author(
        &self,
        changes: &AuthorChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// The author an old slug now belongs to.
    async fn author_alias(&self, slug: &str) -> StoreResult<Option<Author>>;
    /// Moves every byline and account of author `from` to `into`, deletes `from`, and
    /// keeps its slugs answering (301) with `into`'s page.
    async fn merge_authors(&self, from: i64, into: i64, audit: &NewAuditEntry) -> StoreResult<()>;
    /// Creates an agency; a taken name is `Conflict(Constraint::AgencyName)`.
    async fn add_agency(&self, agency: &NewAgency, audit: &NewAuditEntry) -> StoreResult<i64>;
    /// Changes an agency; a taken name is `Conflict(Constraint::AgencyName)`.
    async fn update_agency(&self, agency: &Agency, audit: &NewAuditEntry) -> StoreResult<()>;
}
