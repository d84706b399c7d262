//! The job queue: claiming due jobs with a lease, recording failures.
//!
//! Several nodes claim at once. On PostgreSQL the claim locks the job it picks with
//! `FOR UPDATE SKIP LOCKED`, so a job another worker is claiming is passed over rather
//! than claimed twice (or waited for); SQLite runs one writer at a time, so the claim
//! (one `UPDATE … RETURNING`) is atomic there. A job whose worker died is claimed again
//! once its lease has run out.

use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect};
use crate::{SqlStore, sql};

/// Claims the oldest due job, leasing it until `lease_until`.
pub(crate) async fn claim<D: Dialect>(
    store: &SqlStore<D>,
    now: Timestamp,
    lease_until: Timestamp,
) -> StoreResult<Option<Job>> {
    store
        .db()
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

/// Records a failed attempt and releases the job until `retry_at`.
pub(crate) async fn fail<D: Dialect>(
    store: &SqlStore<D>,
    job: &Job,
    error: &str,
    retry_at: Timestamp,
) -> StoreResult<()> {
    store
        .db()
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

/// How many jobs are not done.
pub(crate) async fn pending<D: Dialect>(store: &SqlStore<D>) -> StoreResult<u64> {
    let count: i64 = store
        .db()
        .scalar(sql!("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL"))
        .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}
