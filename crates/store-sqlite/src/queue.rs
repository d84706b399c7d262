//! The job queue: claiming due jobs with a lease, recording failures.
//!
//! SQLite runs one writer at a time, so the claim (one UPDATE ... RETURNING) is atomic;
//! a job whose worker died is claimed again once its lease has run out.

use jiff::Timestamp;
use sqlx::SqlitePool;
use store::*;

use crate::map_error;
use crate::rows::from_time;

type Result<T> = std::result::Result<T, StoreError>;

/// Claims the oldest due job, leasing it until `lease_until`.
pub(crate) async fn claim(
    pool: &SqlitePool,
    now: Timestamp,
    lease_until: Timestamp,
) -> Result<Option<Job>> {
    let row: Option<(i64, String, i64, i64)> = sqlx::query_as(
        "UPDATE jobs SET locked_until = ?2, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= ?1 \
                       AND (locked_until IS NULL OR locked_until < ?1) \
                     ORDER BY run_at, id LIMIT 1) \
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
pub(crate) async fn fail(
    pool: &SqlitePool,
    job: &Job,
    error: &str,
    retry_at: Timestamp,
) -> Result<()> {
    sqlx::query(
        "UPDATE jobs SET last_error = ?, run_at = ?, locked_until = NULL \
         WHERE id = ? AND attempts = ?",
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
pub(crate) async fn pending(pool: &SqlitePool) -> Result<u64> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
        .fetch_one(pool)
        .await
        .map_err(map_error)?;
    Ok(count as u64)
}
