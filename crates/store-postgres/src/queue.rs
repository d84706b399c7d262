//! The job queue: claiming due jobs with a lease, recording failures.
//!
//! Several nodes claim at once: the claim locks the job it picks with `FOR UPDATE SKIP
//! LOCKED`, so a job another worker is claiming is passed over rather than claimed twice
//! (or waited for). A job whose worker died is claimed again once its lease has run out.

use jiff::Timestamp;
use sqlx::PgPool;
use store::*;

use crate::map_error;
use crate::rows::from_time;

type Result<T> = std::result::Result<T, StoreError>;

/// Claims the oldest due job, leasing it until `lease_until`.
pub(crate) async fn claim(
    pool: &PgPool,
    now: Timestamp,
    lease_until: Timestamp,
) -> Result<Option<Job>> {
    let row: Option<(i64, String, i64, i64)> = sqlx::query_as(
        "UPDATE jobs SET locked_until = $2, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= $1 \
                       AND (locked_until IS NULL OR locked_until < $1) \
                     ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
         RETURNING id, kind, subject_id, attempts",
    )
    .bind(from_time(now))
    .bind(from_time(lease_until))
    .fetch_optional(pool)
    .await
    .map_err(map_error)?;
    Ok(row.map(|(id, kind, subject_id, attempts)| Job {
        id,
        kind,
        subject_id,
        attempts,
    }))
}

/// Records a failed attempt and releases the job until `retry_at`.
pub(crate) async fn fail(pool: &PgPool, job: &Job, error: &str, retry_at: Timestamp) -> Result<()> {
    sqlx::query(
        "UPDATE jobs SET last_error = $1, run_at = $2, locked_until = NULL \
         WHERE id = $3 AND attempts = $4",
    )
    .bind(error)
    .bind(from_time(retry_at))
    .bind(job.id)
    .bind(job.attempts)
    .execute(pool)
    .await
    .map_err(map_error)?;
    Ok(())
}

/// How many jobs are not done.
pub(crate) async fn pending(pool: &PgPool) -> Result<u64> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
        .fetch_one(pool)
        .await
        .map_err(map_error)?;
    Ok(count as u64)
}
