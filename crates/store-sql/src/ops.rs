//! What both backends answer operators with: the ping, the job backlog's query, and the
//! pool's use.

use store::PoolUse;

/// A query that touches the database but no table.
pub const PING: &str = "SELECT 1";

/// Jobs not done, and those of them whose last attempt failed.
pub const JOB_COUNTS: &str = "SELECT COUNT(*), COUNT(last_error) FROM jobs WHERE done_at IS NULL";

/// The use of a connection pool now.
pub fn pool_use<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> PoolUse {
    PoolUse {
        open: pool.size(),
        idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        max: pool.options().get_max_connections(),
    }
}

/// Job counts from [`JOB_COUNTS`]'s row.
pub fn job_counts((waiting, failed): (i64, i64)) -> store::JobCounts {
    store::JobCounts {
        waiting: u64::try_from(waiting).unwrap_or(0),
        failed: u64::try_from(failed).unwrap_or(0),
    }
}
