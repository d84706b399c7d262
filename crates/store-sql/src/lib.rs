//! Masthead's store on SQL, written once for SQLite and PostgreSQL.
//!
//! [`SqlStore`] implements every store trait with the queries in this crate. The two
//! databases differ only where a [`Dialect`] says so; a backend crate supplies its
//! dialect, its connection and migrations, and drives sqlx through [`impl_db!`]. Both
//! schemas mean the same thing column for column, so the row types in [`rows`] decode
//! from either and a newsroom can be copied between them table by table.

pub mod accounts;
pub mod changes;
pub mod contact;
pub mod curation;
pub mod db;
pub mod dump;
pub mod fronts;
pub mod history;
pub mod issues;
pub mod job_listings;
pub mod lists;
pub mod login;
pub mod media;
pub mod news_desks;
pub mod newsletter;
pub mod newsroom;
pub mod ops;
pub mod people;
pub mod presence;
pub mod query;
pub mod queue;
pub mod read;
pub mod retention;
pub mod rows;
pub mod search;
pub mod search_index;
pub mod search_query;
pub mod sections;
pub mod select;
pub mod sitemaps;
pub mod stories;
pub mod story_write;
pub mod taxonomy;
pub mod translations;
pub mod tree;
pub mod workflow;
pub mod write;

use std::collections::HashMap;

use store::{StoreError, StoreResult};

pub use db::{Db, Dialect, Pool, Record, Transaction};
pub use query::{Query, Value};

/// A write transaction of dialect `D`.
pub type Tx<D> = <<D as Dialect>::Pool as Pool>::Tx;

/// The store on a database of dialect `D`.
#[derive(Clone, Debug)]
pub struct SqlStore<D: Dialect> {
    pool: D::Pool,
}

impl<D: Dialect> SqlStore<D> {
    /// A store on a connected, migrated pool.
    pub fn new(pool: D::Pool) -> SqlStore<D> {
        SqlStore { pool }
    }

    /// The pool, to run a statement on: `self.db().fetch_all(sql!(...))`.
    pub fn db(&self) -> D::Pool {
        self.pool.clone()
    }

    /// Starts a write transaction.
    pub async fn write(&self) -> StoreResult<Tx<D>> {
        self.pool.begin().await
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Brings the query planner's statistics up to date ([`Dialect::refresh_statistics`]).
    pub async fn refresh_statistics(&self) -> StoreResult<()> {
        let mut tx = self.write().await?;
        D::refresh_statistics(&mut tx).await?;
        tx.commit().await
    }

    /// The records `sql` returns for the list of `ids` it binds as `$1`, in the order of
    /// `ids`, leaving out ids that match none; for no ids, no query.
    pub(crate) async fn by_ids<R: Record>(
        &self,
        ids: &[i64],
        sql: String,
        id: fn(&R) -> i64,
    ) -> StoreResult<Vec<R>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<R> = self.db().fetch_all(sql!(sql, ids)).await?;
        let mut by_id: HashMap<i64, R> = rows.into_iter().map(|row| (id(&row), row)).collect();
        Ok(ids
            .iter()
            .filter_map(|wanted| by_id.remove(wanted))
            .collect())
    }
}

/// `NotFound` when a statement touched no row.
pub fn not_found_unless(rows: u64) -> Result<(), StoreError> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
