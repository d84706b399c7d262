//! Pruning the logs that would otherwise grow without end: the change log, finished jobs,
//! the public forms' counts, the per-recipient rows of sent newsletter issues and, when a retention is set, the audit log. Rows go in batches, each statement its own
//! short transaction, so that writers are never held up for long.

use jiff::Timestamp;
use store::{Pruned, Retention, StoreResult};

use crate::db::{Db, Dialect};
use crate::{SqlStore, sql};

/// Rows removed by one statement.
const BATCH: i64 = 5_000;

/// Change-log entries older than `$1`, `$2` at a time, except the newest: ids are handed
/// out after the highest one there is, and followers must never see one twice.
const CHANGES: &str = "DELETE FROM changes WHERE id IN (SELECT id FROM changes \
     WHERE at < $1 AND id < (SELECT max(id) FROM changes) ORDER BY id LIMIT $2)";
/// Jobs finished before `$1`, `$2` at a time.
const JOBS: &str = "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs \
     WHERE done_at < $1 ORDER BY id LIMIT $2)";
/// Audit lines older than `$1`, `$2` at a time.
const AUDIT: &str = "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log \
     WHERE at < $1 ORDER BY id LIMIT $2)";

/// Counted form posts from before `$1`, `$2` at a time.
const FORM_POSTS: &str = "DELETE FROM form_posts WHERE at IN (SELECT at FROM form_posts \
     WHERE at < $1 ORDER BY at LIMIT $2)";

/// Per-recipient rows of newsletter issues finished before `$1`, `$2` at a time.
const ISSUE_SENDS: &str = "DELETE FROM issue_sends WHERE (issue_id, subscriber_id) IN \
     (SELECT s.issue_id, s.subscriber_id FROM issue_sends s \
      JOIN newsletter_issues i ON i.id = s.issue_id WHERE i.finished_at < $1 LIMIT $2)";

/// Runs one of the statements above until a batch comes back short (not at all without a
/// cut-off).
async fn prune_rows<D: Dialect>(
    store: &SqlStore<D>,
    statement: &'static str,
    before: Option<Timestamp>,
) -> StoreResult<u64> {
    let Some(before) = before else {
        return Ok(0);
    };
    let mut removed = 0;
    loop {
        let done = store.db().execute(sql!(statement, before, BATCH)).await?;
        removed += done;
        if done < BATCH as u64 {
            return Ok(removed);
        }
    }
}

pub(crate) async fn prune<D: Dialect>(
    store: &SqlStore<D>,
    retention: &Retention,
) -> StoreResult<Pruned> {
    let pruned = Pruned {
        changes: prune_rows(store, CHANGES, retention.changes_before).await?,
        jobs: prune_rows(store, JOBS, retention.jobs_before).await?,
        audit_lines: prune_rows(store, AUDIT, retention.audit_before).await?,
        form_posts: prune_rows(store, FORM_POSTS, retention.form_posts_before).await?,
        issue_sends: prune_rows(store, ISSUE_SENDS, retention.issue_sends_before).await?,
    };
    store.refresh_statistics().await?;
    Ok(pruned)
}
