//! The job queue ([`JobQueue`]): claiming due jobs with a lease, the scheduled publish,
//! recording failures.
//!
//! Several nodes claim at once. On PostgreSQL the claim locks the job it picks with
//! `FOR UPDATE SKIP LOCKED`, so a job another worker is claiming is passed over rather
//! than claimed twice (or waited for); SQLite runs one writer at a time, so the claim
//! (one `UPDATE … RETURNING`) is atomic there. A job whose worker died is claimed again
//! once its lease has run out.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::lists::{Relist, relist};
use crate::story_write::log_change;
use crate::workflow::{audit_in, current};
use crate::{SqlStore, sql};

#[async_trait]
impl<D: Dialect> JobQueue for SqlStore<D> {
    async fn claim_job(&self, now: Timestamp, lease_until: Timestamp) -> StoreResult<Option<Job>> {
        self.db()
            .fetch_optional(sql!(
                format!(
                    "UPDATE jobs SET locked_until = $2, attempts = attempts + 1 \
                     WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $1 \
                                   AND (locked_until IS NULL OR locked_until < $1) \
                                 ORDER BY run_at, id LIMIT 1{}) \
                     RETURNING id, kind, subject_id, attempts",
                    D::SKIP_LOCKED
                ),
                now,
                lease_until
            ))
            .await
    }

    async fn fail_job(&self, job: &Job, error: &str, retry_at: Timestamp) -> StoreResult<()> {
        self.db()
            .execute(sql!(
                "UPDATE jobs SET last_error = $1, run_at = $2, locked_until = NULL \
                 WHERE id = $3 AND attempts = $4",
                error,
                retry_at,
                job.id,
                job.attempts
            ))
            .await?;
        Ok(())
    }

    async fn pending_jobs(&self) -> StoreResult<u64> {
        let count: i64 = self
            .db()
            .scalar(sql!("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL"))
            .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    async fn publish_scheduled(&self, job: &Job, now: Timestamp) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        // The story first, as change_status does (it locks the story, then cancels jobs):
        // one lock order, so the two cannot deadlock.
        let (status, _) = current::<D>(&mut tx, job.subject_id).await?;
        let publish = status == StoryStatus::Scheduled;
        if publish {
            tx.execute(sql!(
                "UPDATE stories SET status = 'published', \
                   published_at = COALESCE(published_at, scheduled_at, $1) WHERE id = $2",
                now,
                job.subject_id
            ))
            .await?;
            relist::<D>(&mut tx, Relist::Story(job.subject_id)).await?;
            let entry = NewAuditEntry {
                user_id: None,
                action: "story.status".into(),
                entity: "story".into(),
                entity_id: Some(job.subject_id),
                detail: "scheduled → published (on schedule)".into(),
            };
            audit_in::<D>(&mut tx, &entry, job.subject_id).await?;
        }
        // Only the holder of the lease may finish the job: a worker whose lease ran out
        // and was taken over finds nothing to update and rolls back. On PostgreSQL a claim
        // in flight holds the job's row; this waits for it and then sees the new attempt
        // count.
        let done = tx
            .execute(sql!(
                "UPDATE jobs SET done_at = $1 WHERE id = $2 AND done_at IS NULL AND attempts = $3",
                now,
                job.id,
                job.attempts
            ))
            .await?;
        if done == 0 {
            return Ok(false);
        }
        // Last: the change log's lock is held until commit.
        if publish {
            log_change::<D>(&mut tx, job.subject_id, "publish", &[]).await?;
        }
        tx.commit().await?;
        Ok(publish)
    }
}
