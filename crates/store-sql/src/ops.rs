//! What the store answers operators with: the ping, the job backlog and the pool's use;
//! and the pruning of old log rows (`retention.rs`).

use async_trait::async_trait;
use store::{JobCounts, Operations, PoolUse, Pruned, Retention, StoreResult};

use crate::db::{Db, Dialect, Pool};
use crate::{SqlStore, retention, sql};

/// The use of a connection pool now.
pub fn pool_use<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> PoolUse {
    PoolUse {
        open: pool.size(),
        idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        max: pool.options().get_max_connections(),
    }
}

#[async_trait]
impl<D: Dialect> Operations for SqlStore<D> {
    async fn ping(&self) -> StoreResult<()> {
        // Touches the database but no table.
        self.db().execute(sql!("SELECT 1")).await?;
        Ok(())
    }

    fn pool_use(&self) -> PoolUse {
        self.db().pool_use()
    }

    async fn job_counts(&self) -> StoreResult<JobCounts> {
        // Jobs not done, and those of them whose last attempt failed.
        let (waiting, failed) = self
            .db()
            .fetch_one::<(i64, i64)>(sql!(
                "SELECT COUNT(*), COUNT(last_error) FROM jobs WHERE done_at IS NULL"
            ))
            .await?;
        Ok(JobCounts {
            waiting: u64::try_from(waiting).unwrap_or(0),
            failed: u64::try_from(failed).unwrap_or(0),
        })
    }

    async fn prune(&self, retention: &Retention) -> StoreResult<Pruned> {
        retention::prune(self, retention).await
    }
}
