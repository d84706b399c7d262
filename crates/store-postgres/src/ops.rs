//! The [`Operations`] impl: ping, pool use and job counts, with store-sql's queries.

use async_trait::async_trait;
use store::{JobCounts, Operations, PoolUse, StoreResult};
use store_sql::ops;

use crate::{PgStore, map_error};

#[async_trait]
impl Operations for PgStore {
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query(ops::PING)
            .execute(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(())
    }

    fn pool_use(&self) -> PoolUse {
        ops::pool_use(&self.pool)
    }

    async fn job_counts(&self) -> StoreResult<JobCounts> {
        let row: (i64, i64) = sqlx::query_as(ops::JOB_COUNTS)
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(ops::job_counts(row))
    }
}
