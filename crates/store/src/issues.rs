//! Issues of a newsletter: planned for a list's scheduled time, composed once, then sent to
//! each subscriber who was on the list when it was composed, one recorded send at a time,
//! so that a send that stops (a node killed, the mail server away) resumes where it stopped.

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use crate::error::StoreResult;
use crate::newsletter::{NewNewsletter, Subscriber};
use crate::newsroom::{Job, NewAuditEntry};

/// An issue planned for a list's scheduled time, waiting to be composed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct PlannedIssue {
    /// Issue id.
    pub id: i64,
    /// The list.
    pub newsletter_id: i64,
    /// Already composed (a job run twice finds it so).
    pub composed: bool,
    /// When the list's previous issue was composed: the digest starts after it.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub previous_at: Option<Timestamp>,
}

/// A composed issue, to send. Its bodies hold [`UNSUBSCRIBE_MARK`] and
/// [`PREFERENCES_MARK`] where each subscriber's own links go.
#[derive(Clone, Debug)]
pub struct NewIssue<'a> {
    /// The list.
    pub newsletter_id: i64,
    /// The planned issue this composes, or `None` for one sent by hand.
    pub planned: Option<i64>,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text part.
    pub text_body: &'a str,
    /// HTML part.
    pub html_body: &'a str,
    /// How many stories it carries.
    pub story_count: i64,
    /// Now.
    pub at: Timestamp,
    /// The compose job, marked done with it.
    pub job: Option<&'a Job>,
    /// The newsroom's audit line, for one sent by hand.
    pub audit: Option<&'a NewAuditEntry>,
}

/// Where a subscriber's one-click unsubscribe link goes in a composed issue.
pub const UNSUBSCRIBE_MARK: &str = "https://unsubscribe.masthead.invalid/";
/// Where a subscriber's preferences link goes in a composed issue.
pub const PREFERENCES_MARK: &str = "https://preferences.masthead.invalid/";

/// An issue as sent: what the job queue reads for each batch of subscribers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct IssueContent {
    /// Issue id.
    pub id: i64,
    /// The list.
    pub newsletter_id: i64,
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub text_body: String,
    /// HTML part.
    pub html_body: String,
}

/// How one send to one subscriber ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendOutcome<'a> {
    /// The mail server accepted it.
    Sent,
    /// The mail server refused it for good (the error it gave); not tried again.
    Failed(&'a str),
}

/// An issue in the newsroom's list of sends, with its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct IssueSummary {
    /// Issue id.
    pub id: i64,
    /// Subject line (empty until composed).
    pub subject: String,
    /// Stories carried.
    pub story_count: i64,
    /// When it was composed.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub composed_at: Option<Timestamp>,
    /// When every subscriber had been sent it.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub finished_at: Option<Timestamp>,
    /// Subscribers it is for.
    pub recipients: i64,
    /// Accepted by the mail server.
    pub sent: i64,
    /// Refused for good.
    pub failed: i64,
    /// Subscribers (confirmed before it) who left the list after it and before the next
    /// issue.
    pub unsubscribed: i64,
}

/// A day of a list's history: how many confirmed and how many left that day (UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct SubscriberDay {
    /// Days since 1970-01-01.
    pub day: i64,
    /// Confirmed that day.
    pub joined: i64,
    /// Left that day.
    pub left: i64,
}

/// Issues: planning, composing, sending and counting them; and editing lists.
#[async_trait]
pub trait Issues: Send + Sync + 'static {
    /// Plans a list's issue for its scheduled time `slot`, with the job that composes it,
    /// unless one was already planned for it (by this node or another): false then.
    async fn plan_issue(
        &self,
        newsletter_id: i64,
        slot: Timestamp,
        at: Timestamp,
    ) -> StoreResult<bool>;
    /// A planned issue, for composing it.
    async fn planned_issue(&self, id: i64) -> StoreResult<Option<PlannedIssue>>;
    /// Stores a composed issue (filling in the planned one, unless it is composed already),
    /// lists as its recipients every confirmed, not bouncing subscriber of the list, and
    /// queues the job that sends it; with no stories or nobody to send to it is closed
    /// unsent. One transaction,
    /// with the compose job's completion and the audit line. Returns the issue's id and
    /// recipient count.
    async fn queue_issue(&self, issue: &NewIssue<'_>) -> StoreResult<(i64, i64)>;
    /// A composed issue.
    async fn issue_content(&self, id: i64) -> StoreResult<Option<IssueContent>>;
    /// Reserves up to `limit` of an issue's recipients not yet sent to (nor reserved by a
    /// worker whose reservation still runs) until `until`, in subscriber order. Those who
    /// left the list or bounced since it was composed are marked skipped, not returned.
    async fn claim_recipients(
        &self,
        issue_id: i64,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<Subscriber>>;
    /// Records how the send to one recipient ended.
    async fn record_send(
        &self,
        issue_id: i64,
        subscriber_id: i64,
        outcome: SendOutcome<'_>,
        at: Timestamp,
    ) -> StoreResult<()>;
    /// Puts a job this worker holds back in the queue, due at `run_at`, for any node to
    /// take (a long send makes way for other jobs); false if the worker had lost it.
    async fn defer_job(&self, job: &Job, run_at: Timestamp) -> StoreResult<bool>;
    /// Closes the issue and its send job if every recipient is done; false if some are
    /// still to send (or reserved by another worker).
    async fn finish_issue(&self, job: &Job, at: Timestamp) -> StoreResult<bool>;
    /// A list's latest issues, newest first, with their counts.
    async fn issue_summaries(
        &self,
        newsletter_id: i64,
        limit: u32,
    ) -> StoreResult<Vec<IssueSummary>>;
    /// A list's confirmations and departures per day since `since`.
    async fn subscriber_days(
        &self,
        newsletter_id: i64,
        since: Timestamp,
    ) -> StoreResult<Vec<SubscriberDay>>;
    /// How many were confirmed on the list, and not gone, at `at`.
    async fn subscribers_at(&self, newsletter_id: i64, at: Timestamp) -> StoreResult<i64>;
    /// The sections a list's digest is made from (none: the whole edition).
    async fn newsletter_sections(&self, newsletter_id: i64) -> StoreResult<Vec<i64>>;
    /// Changes a list (its edition stays) and its sections, with the audit line.
    async fn update_newsletter(
        &self,
        id: i64,
        list: &NewNewsletter,
        sections: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
}
