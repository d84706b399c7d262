//! How the shared queries reach a database: [`Db`] runs a [`Query`] on a pool or inside a
//! transaction, [`Dialect`] names the few places where SQLite and PostgreSQL differ, and
//! [`impl_db!`](crate::impl_db) is the one place each backend drives sqlx.

use std::fmt::Debug;

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use store::{ChangeListener, Constraint, PoolUse, SearchDoc, StoreError, StoreResult};

use crate::dump::Row;
use crate::query::Query;
use crate::search_query::Matching;
use crate::select::Selects;

/// A row type that decodes from either database.
pub trait Record:
    for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin + 'static
{
}

impl<T> Record for T where
    T: for<'r> sqlx::FromRow<'r, SqliteRow>
        + for<'r> sqlx::FromRow<'r, PgRow>
        + Send
        + Unpin
        + 'static
{
}

/// Runs statements: on a pool (each on any free connection) or inside a transaction.
pub trait Db: Send {
    /// Every row the query returns.
    fn fetch_all<R: Record>(&mut self, query: Query) -> BoxFuture<'_, StoreResult<Vec<R>>>;

    /// The first row, if any.
    fn fetch_optional<R: Record>(&mut self, query: Query) -> BoxFuture<'_, StoreResult<Option<R>>>;

    /// Runs a statement; returns how many rows it touched.
    fn execute(&mut self, query: Query) -> BoxFuture<'_, StoreResult<u64>>;

    /// The rows of a table dump as plain cells, one at a time.
    fn cells(&mut self, query: Query) -> BoxStream<'_, StoreResult<Row>>;

    /// The first row, or `NotFound`.
    fn fetch_one<R: Record>(&mut self, query: Query) -> BoxFuture<'_, StoreResult<R>> {
        Box::pin(async move {
            self.fetch_optional(query)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    /// The first column of the first row, or `NotFound`.
    fn scalar<T>(&mut self, query: Query) -> BoxFuture<'_, StoreResult<T>>
    where
        (T,): Record,
        T: Send + 'static,
    {
        Box::pin(async move { Ok(self.fetch_one::<(T,)>(query).await?.0) })
    }
}

/// A transaction: dropped without [`commit`](Transaction::commit), it rolls back.
pub trait Transaction: Db {
    /// Makes every write of the transaction durable and visible.
    fn commit(self) -> BoxFuture<'static, StoreResult<()>>;
}

/// A backend's connection pool.
pub trait Pool: Db + Clone + Debug + Send + Sync + 'static {
    /// The pool's transactions.
    type Tx: Transaction + 'static;

    /// Starts a write transaction.
    fn begin(&self) -> BoxFuture<'_, StoreResult<Self::Tx>>;

    /// Closes every connection.
    fn close(&self) -> BoxFuture<'_, ()>;

    /// The pool's connections now: open, idle and the most it opens.
    fn pool_use(&self) -> PoolUse;
}

/// What differs between SQLite and PostgreSQL: SQL fragments and a few whole operations.
/// The defaults are what a database with one writer at a time and no notifications needs
/// (SQLite): no row locks, no cross-node wake-ups, values imported as they are.
pub trait Dialect: Clone + Debug + Send + Sync + Sized + 'static {
    /// The backend's pool.
    type Pool: Pool;

    /// Appended to a `SELECT` that must lock its rows until the transaction ends
    /// (`FOR UPDATE`; nothing on SQLite, whose writers are serialised).
    const FOR_UPDATE: &'static str = "";
    /// As [`FOR_UPDATE`](Dialect::FOR_UPDATE), letting rows that merely refer to the
    /// locked ones be written meanwhile.
    const FOR_NO_KEY_UPDATE: &'static str = "";
    /// Appended to a claim's `SELECT`: lock the row, skipping rows others hold.
    const SKIP_LOCKED: &'static str = "";
    /// The function that builds a JSON array from values (`json_array`,
    /// `json_build_array`).
    const JSON_ARRAY: &'static str;

    /// `column` is one of the values of the list bound to placeholder `$n`
    /// ([`Value::Ints`](crate::query::Value::Ints) or
    /// [`Value::Texts`](crate::query::Value::Texts)).
    fn in_list(column: &str, n: usize) -> String;

    /// An expression with the JSON array (as text, `[]` when empty) of `value` over the
    /// rows of `from` (a table and its `WHERE`), in `order`.
    fn json_list(value: &str, from: &str, order: &str) -> String;

    /// An integer expression with the UTC month of `column` (seconds since the epoch) as
    /// `year * 100 + month` (`202611`).
    fn utc_month(column: &str) -> String;

    /// The dialect's whole-record selects, built on first use (a `LazyLock` of
    /// [`Selects::build`]).
    fn selects() -> &'static Selects;

    /// Takes a transaction-scoped lock on `key` in `space`, so that writers of the same
    /// key run one after another (nothing on SQLite).
    fn lock<'a>(
        _tx: &'a mut <Self::Pool as Pool>::Tx,
        _space: i32,
        _key: &'a str,
    ) -> BoxFuture<'a, StoreResult<()>> {
        Box::pin(async { Ok(()) })
    }

    /// Runs `insert`, which appends one row to the change log, so that change ids commit
    /// in order (other writers of the log wait until this transaction ends), and wakes
    /// other nodes' followers at commit (by default, only runs it).
    fn append_change(
        tx: &mut <Self::Pool as Pool>::Tx,
        insert: Query,
    ) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move { tx.execute(insert).await.map(drop) })
    }

    /// A wake-up for the change-log follower when another node commits a change, if the
    /// database can send one.
    fn change_listener(
        _pool: &Self::Pool,
    ) -> BoxFuture<'_, StoreResult<Option<Box<dyn ChangeListener>>>> {
        Box::pin(async { Ok(None) })
    }

    /// The statements that write documents' terms into the backend's full-text index,
    /// replacing the terms of those of their stories in `replacing` (which the index
    /// holds); none for no documents.
    fn put_search_terms(docs: &[SearchDoc], replacing: Vec<i64>) -> Vec<Query>;

    /// The statement that removes the terms of the stories `ids` from the full-text index.
    fn drop_search_terms(ids: Vec<i64>) -> Query;

    /// The `FROM … WHERE …` of a search: the stories (`s`, with the columns of theirs the
    /// filters and the order read: on SQLite the stories joined to the full-text index, on
    /// PostgreSQL the index's own copy of them, which triggers keep up with the stories)
    /// where the match expression bound as `$n` (of `query`, made for `matching`) finds
    /// the stories `matching` says; with `after`, only those with ids past the one bound
    /// as `$after` (see [`Dialect::POOL_WINDOW`]).
    fn search_from(
        n: usize,
        query: &store::Query,
        matching: Matching,
        after: Option<usize>,
    ) -> String;

    /// A result's relevance for the match expression bound as `$n`, higher is better.
    fn search_rank(n: usize) -> String;

    /// How a pool of matches of `matching` is ranked for the match expression bound as
    /// `$n`: what the query reading the pool selects beside each id, each item after a
    /// comma (`SELECT s.id AS id{source} FROM …`, so nothing is `""`), and each pooled
    /// row's relevance from that and its `pool.id`, a double, higher is better. Only the
    /// rows the pool keeps are ranked: on SQLite by `masthead_rank` (`bm25` without its
    /// first pass, see `store_sqlite`'s `rank.rs`) as the index reads them, on PostgreSQL
    /// by `ts_rank`: of the about tier's small `about` column, carried with each row, and
    /// of the body tier's kept rows' terms, read after the pool is cut.
    fn pool_rank(n: usize, matching: Matching) -> (String, String);

    /// Where the index cannot hand its matches back newest first: the query that tells
    /// the newest story's id, and how many ids below it a tier's pool (its latest
    /// matches) is looked for first; among all stories only if those hold fewer than a
    /// pool. On PostgreSQL, whose GIN index returns a word's matches in no order, a
    /// common word's pool otherwise sorted every story that says it (24,000 of 100,000
    /// for a city's name: 45 ms, against 13 among the newest 10,000).
    const POOL_WINDOW: Option<(&'static str, i64)> = None;

    /// Statements run first in a search's own transaction, if the backend needs any: on
    /// PostgreSQL, no sequential scans (the planner cannot see that reading a story's
    /// terms means fetching them from TOAST, and on a table whose rows are only pointers
    /// it preferred reading every document, 100 ms at 10,000 stories, to the GIN index,
    /// 1 ms), page reads costed as from memory, no merge joins (a pool is cut in id
    /// order, and a merge join in that order walked every published story of the
    /// edition), no parallel helpers and no JIT compilation.
    const SEARCH_SETUP: &'static [&'static str] = &[];

    /// The statement that brings the planner's statistics of the search index's tables up
    /// to date after a full build (without them PostgreSQL may read every document
    /// instead of using the index), and tidies what the build left behind.
    const ANALYZE_SEARCH: &'static str;

    /// The match expression of a query, bound as a text: made of the query's terms, each
    /// quoted, so nothing a reader types is read as the database's search syntax; it
    /// finds the stories `matching` says.
    fn match_expression(query: &store::Query, matching: Matching) -> String;

    /// A matching story's id in [`Dialect::search_from`], as the full-text index holds it
    /// (so that it can read its matches in id order).
    const SEARCH_ID: &'static str;

    /// The statement that starts an import (`masthead copy`) in its transaction: foreign
    /// keys are checked at commit, so a row may refer to one copied after it.
    const DEFER_FOREIGN_KEYS: &'static str;

    /// The `(name, type)` of each column of `table` (a name from
    /// [`TABLES`](crate::dump::TABLES)), in schema order; the type as
    /// [`import_value`](Dialect::import_value) takes it.
    fn table_columns(table: &'static str) -> Query;

    /// What an import inserts into a column of `column_type` for the cell bound to `$n`:
    /// cells are plain integers, reals and texts (NULL bound with the column's type), and a
    /// column that cannot take one as it is casts it here.
    fn import_value(_column_type: &str, n: usize) -> String {
        format!("${n}")
    }

    /// A statement run after an import commits, outside its transaction.
    const AFTER_IMPORT: Option<&'static str> = None;

    /// One step of merging the search index's parts into one, where the index is made of
    /// parts (FTS5's segments), in the caller's short transaction: true while there is
    /// more to merge. Run after a full build until it says it is done. A rebuild replaces
    /// every story's terms; without the merge the replaced terms stay in older parts,
    /// which made the index three times its size and its searches two to four times
    /// slower after three rebuilds.
    fn merge_search_step(_tx: &mut <Self::Pool as Pool>::Tx) -> BoxFuture<'_, StoreResult<bool>> {
        Box::pin(async { Ok(false) })
    }

    /// Brings the query planner's statistics up to date, where the database does not keep
    /// them itself: run at start, after an import and with the hourly upkeep. Without
    /// them SQLite may walk a whole index where one lookup by id would do.
    fn refresh_statistics(_tx: &mut <Self::Pool as Pool>::Tx) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async { Ok(()) })
    }

    /// Runs at the end of an import, before its commit: whatever the database needs for
    /// rows inserted with their ids, and fresh statistics.
    fn finish_import(tx: &mut <Self::Pool as Pool>::Tx) -> BoxFuture<'_, StoreResult<()>> {
        Self::refresh_statistics(tx)
    }
}

/// `Conflict` on the named constraint.
pub fn conflict(name: &str) -> StoreError {
    StoreError::Conflict(Constraint::from_name(name))
}

/// Implements [`Db`], [`Transaction`] and [`Pool`] for a backend: declares `pub struct
/// $pool(sqlx::Pool<$db>)` and `pub struct $tx(sqlx::Transaction<'static, $db>)`.
/// `$begin` is the statement that starts a write transaction, `$bind` turns a
/// [`Value`](crate::query::Value) into the driver's arguments, `$cells` decodes a row of a
/// dump and `$map_error` maps the driver's errors.
#[macro_export]
macro_rules! impl_db {
    ($pool:ident, $tx:ident, $db:ty, $begin:expr, $bind:path, $cells:path, $map_error:path) => {
        /// The backend's connection pool.
        #[derive(Clone, Debug)]
        pub struct $pool(pub sqlx::Pool<$db>);

        /// A write transaction on the backend.
        pub struct $tx(sqlx::Transaction<'static, $db>);

        fn arguments(
            query: &$crate::query::Query,
        ) -> store::StoreResult<<$db as sqlx::Database>::Arguments> {
            let mut arguments = <$db as sqlx::Database>::Arguments::default();
            for value in &query.args {
                $bind(&mut arguments, value)
                    .map_err(|error| store::StoreError::Other(error.to_string()))?;
            }
            Ok(arguments)
        }

        impl $pool {
            fn executor(&mut self) -> &sqlx::Pool<$db> {
                &self.0
            }
        }

        impl $tx {
            fn executor(&mut self) -> &mut <$db as sqlx::Database>::Connection {
                &mut self.0
            }
        }

        $crate::impl_db!(@db $pool, $db, $cells, $map_error);
        $crate::impl_db!(@db $tx, $db, $cells, $map_error);

        impl $crate::db::Transaction for $tx {
            fn commit(self) -> $crate::db::BoxFuture<'static, store::StoreResult<()>> {
                Box::pin(async move { self.0.commit().await.map_err($map_error) })
            }
        }

        impl $crate::db::Pool for $pool {
            type Tx = $tx;

            fn begin(&self) -> $crate::db::BoxFuture<'_, store::StoreResult<$tx>> {
                Box::pin(async move {
                    self.0.begin_with($begin).await.map($tx).map_err($map_error)
                })
            }

            fn close(&self) -> $crate::db::BoxFuture<'_, ()> {
                Box::pin(self.0.close())
            }

            fn pool_use(&self) -> store::PoolUse {
                $crate::ops::pool_use(&self.0)
            }
        }
    };
    (@db $type:ident, $db:ty, $cells:path, $map_error:path) => {
        impl $crate::db::Db for $type {
            fn fetch_all<R: $crate::db::Record>(
                &mut self,
                query: $crate::query::Query,
            ) -> $crate::db::BoxFuture<'_, store::StoreResult<Vec<R>>> {
                Box::pin(async move {
                    let arguments = arguments(&query)?;
                    sqlx::query_as_with::<_, R, _>(sqlx::AssertSqlSafe(query.sql), arguments)
                        .fetch_all(self.executor())
                        .await
                        .map_err($map_error)
                })
            }

            fn fetch_optional<R: $crate::db::Record>(
                &mut self,
                query: $crate::query::Query,
            ) -> $crate::db::BoxFuture<'_, store::StoreResult<Option<R>>> {
                Box::pin(async move {
                    let arguments = arguments(&query)?;
                    sqlx::query_as_with::<_, R, _>(sqlx::AssertSqlSafe(query.sql), arguments)
                        .fetch_optional(self.executor())
                        .await
                        .map_err($map_error)
                })
            }

            fn execute(
                &mut self,
                query: $crate::query::Query,
            ) -> $crate::db::BoxFuture<'_, store::StoreResult<u64>> {
                Box::pin(async move {
                    let arguments = arguments(&query)?;
                    sqlx::query_with(sqlx::AssertSqlSafe(query.sql), arguments)
                        .execute(self.executor())
                        .await
                        .map(|done| done.rows_affected())
                        .map_err($map_error)
                })
            }

            fn cells(
                &mut self,
                query: $crate::query::Query,
            ) -> $crate::db::BoxStream<'_, store::StoreResult<$crate::dump::Row>> {
                use $crate::db::StreamExt;
                let arguments = match arguments(&query) {
                    Ok(arguments) => arguments,
                    Err(error) => return Box::pin($crate::db::once(async move { Err(error) })),
                };
                Box::pin(
                    sqlx::query_with(sqlx::AssertSqlSafe(query.sql), arguments)
                        .fetch(self.executor())
                        .map(|row| row.map_err($map_error).and_then(|row| $cells(&row))),
                )
            }
        }
    };
}

#[doc(hidden)]
pub use futures_util::stream::{StreamExt, once};
pub use futures_util::{future::BoxFuture, stream::BoxStream};
