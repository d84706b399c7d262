//! What operators watch: whether the database answers, how its connection pool is used,
//! and how the job queue is doing. Read by `/readyz` and `/metrics`.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::error::StoreResult;

/// The connection pool's use at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolUse {
    /// Connections open now, idle or in use.
    pub open: u32,
    /// Open connections waiting for work.
    pub idle: u32,
    /// The most connections the pool opens.
    pub max: u32,
}

/// The job queue's backlog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JobCounts {
    /// Jobs not done yet, due or not.
    pub waiting: u64,
    /// Jobs not done whose last attempt failed (they are retried).
    pub failed: u64,
}

/// What the logs keep: rows older than these times go; `None` keeps a log for ever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// Change-log entries from before this go (the newest one always stays, so that
    /// entry ids are never handed out twice).
    pub changes_before: Option<Timestamp>,
    /// Finished jobs from before this go.
    pub jobs_before: Option<Timestamp>,
    /// Audit lines from before this go.
    pub audit_before: Option<Timestamp>,
    /// Counts of public form posts (their limits look back two hours at most) from
    /// before this go.
    pub form_posts_before: Option<Timestamp>,
    /// The per-recipient rows of newsletter issues finished before this go (each issue
    /// keeps its counts).
    pub issue_sends_before: Option<Timestamp>,
}

/// How many rows a [`Operations::prune`] removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Change-log entries.
    pub changes: u64,
    /// Finished jobs.
    pub jobs: u64,
    /// Audit lines.
    pub audit_lines: u64,
    /// Counted public form posts.
    pub form_posts: u64,
    /// Per-recipient rows of finished newsletter issues.
    pub issue_sends: u64,
}

/// Health and load of the database, for operators.
#[async_trait]
pub trait Operations: Send + Sync + 'static {
    /// Runs a trivial query: `Ok` when the database answers.
    async fn ping(&self) -> StoreResult<()>;
    /// The connection pool's use now (no database access).
    fn pool_use(&self) -> PoolUse;
    /// How many jobs wait, and how many of those failed last time.
    async fn job_counts(&self) -> StoreResult<JobCounts>;
    /// Removes log rows older than the retention allows, in small batches so that writers
    /// are never held up for long.
    async fn prune(&self, retention: &Retention) -> StoreResult<Pruned>;
}
