//! PostgreSQL's side of the shared queries: row locks for writes that must see a row
//! unchanged, lists bound as arrays and matched with `= ANY`, and a change log whose
//! appends commit in id order and wake the other nodes.

use std::sync::LazyLock;

use sqlx::postgres::{PgArguments, PgRow};
use sqlx::{Arguments, Row as _, TypeInfo, ValueRef};
use store::{ChangeListener, SearchDoc, StoreError, StoreResult};
use store_sql::db::BoxFuture;
use store_sql::dump::{Cell, Row, TABLES};
use store_sql::search_query::Matching;
use store_sql::select::Selects;
use store_sql::{Db, Dialect, Query, Value, sql};

use crate::listen::{CHANGES_CHANNEL, listener};
use crate::tsearch;

store_sql::impl_db!(
    PgPool,
    PgTx,
    sqlx::Postgres,
    // READ COMMITTED: statements that must see a row unchanged lock it with FOR UPDATE.
    "BEGIN",
    bind,
    cells,
    map_error
);

/// The key of the transaction-scoped advisory lock that every change-log append takes.
///
/// Ids come from a sequence when the row is inserted, but become visible at commit: two
/// writers could commit ids 8 and 7 in that order, and a follower that read 8 (and goes
/// on from "id > 8") would never see 7. Holding this lock from before the insert until
/// commit makes appends commit one after another, in id order. (The value spells
/// "mastchg" in ASCII, so it stands out among other advisory locks.)
const CHANGE_LOG_LOCK: i64 = 0x006d_6173_7463_6867;

/// The PostgreSQL dialect.
#[derive(Clone, Debug)]
pub struct Postgres;

impl Dialect for Postgres {
    type Pool = PgPool;

    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const FOR_NO_KEY_UPDATE: &'static str = " FOR NO KEY UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";
    const JSON_ARRAY: &'static str = "json_build_array";

    fn in_list(column: &str, n: usize) -> String {
        format!("{column} = ANY(${n})")
    }

    fn json_list(value: &str, from: &str, order: &str) -> String {
        format!("(SELECT COALESCE(json_agg({value} ORDER BY {order}), '[]')::text FROM {from})")
    }

    fn utc_month(column: &str) -> String {
        format!("CAST(to_char(to_timestamp({column}) AT TIME ZONE 'UTC', 'YYYYMM') AS BIGINT)")
    }

    fn selects() -> &'static Selects {
        static SELECTS: LazyLock<Selects> = LazyLock::new(Selects::build::<Postgres>);
        &SELECTS
    }

    fn lock<'a>(tx: &'a mut PgTx, space: i32, key: &'a str) -> BoxFuture<'a, StoreResult<()>> {
        Box::pin(async move {
            tx.execute(sql!(
                "SELECT pg_advisory_xact_lock(CAST($1 AS integer), hashtext($2))",
                space,
                key
            ))
            .await
            .map(drop)
        })
    }

    fn append_change(tx: &mut PgTx, insert: Query) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            tx.execute(sql!("SELECT pg_advisory_xact_lock($1)", CHANGE_LOG_LOCK))
                .await?;
            tx.execute(insert).await?;
            // NOTIFY is delivered at commit, and not at all on rollback.
            tx.execute(sql!("SELECT pg_notify($1, '')", CHANGES_CHANNEL))
                .await
                .map(drop)
        })
    }

    fn change_listener(
        pool: &PgPool,
    ) -> BoxFuture<'_, StoreResult<Option<Box<dyn ChangeListener>>>> {
        Box::pin(async move { listener(&pool.0).await.map(Some) })
    }

    // Vacuumed, not only analyzed: a full build writes every story's terms, which leaves
    // the GIN indexes' pending lists full (each search reads them whole until a vacuum
    // merges them) and the visibility map unset; autovacuum may be off, or late.
    const ANALYZE_SEARCH: &'static str = "VACUUM (ANALYZE) search_terms, search_docs";
    // One statement, settings for the transaction alone (`set_config`'s `true`).
    const SEARCH_SETUP: &'static [&'static str] = &[concat!(
        "SELECT set_config('enable_seqscan', 'off', true), ",
        // The search's tables are read from memory, where a page read out of order costs
        // about what the next one does: at the default of 4 the planner scanned every
        // published story of an edition to join a few hundred matches to it. (Matches
        // are no longer joined to the stories, see `tsearch::search_from`; a section's
        // and an author's filters still look their tables up for each match.)
        "set_config('random_page_cost', '1.1', true), ",
        // A pool is cut in id order, so the planner liked a merge join in that order,
        // walking every published story of the edition to meet a few hundred matches: a
        // pool of 424 took 4.2 ms that way at 10,465 stories, 1.7 ms looking each up.
        "set_config('enable_mergejoin', 'off', true), ",
        // Helper processes for one search cost more CPU than they save it time: under
        // load they take the cores other searches wait for.
        "set_config('max_parallel_workers_per_gather', '0', true), ",
        // The scan turned off above costs so much in the planner's sums that it compiled
        // any plan that read a sequence, 200 ms for a 10-ms search.
        "set_config('jit', 'off', true)"
    )];

    // The stories' id sequence tells the newest id without reading the table; ids are
    // only written from it (a copy moves it past the ids it wrote), so none is higher.
    const POOL_WINDOW: Option<(&'static str, i64)> =
        Some(("SELECT last_value FROM stories_id_seq", 10_000));

    fn put_search_terms(docs: &[SearchDoc], replacing: Vec<i64>) -> Vec<Query> {
        tsearch::put_terms(docs, replacing)
    }

    fn drop_search_terms(ids: Vec<i64>) -> Query {
        tsearch::drop_terms(ids)
    }

    fn search_from(
        n: usize,
        query: &store::Query,
        matching: Matching,
        after: Option<usize>,
    ) -> String {
        tsearch::search_from(n, query, matching, after)
    }

    fn search_rank(n: usize) -> String {
        tsearch::rank("s.terms", n)
    }

    fn pool_rank(n: usize, matching: Matching) -> (String, String) {
        tsearch::pool_rank(n, matching)
    }

    fn match_expression(query: &store::Query, matching: Matching) -> String {
        tsearch::match_expression(query, matching)
    }

    const SEARCH_ID: &'static str = "s.id";

    const DEFER_FOREIGN_KEYS: &'static str = "SET CONSTRAINTS ALL DEFERRED";

    // Lists read story_lists by index alone only where the visibility map says its pages
    // hold no row a transaction might not see; until autovacuum gets to freshly copied
    // rows, a deep page checked every row in the table (220 ms for page 1,000 of a
    // million stories, 2 ms after this). Searches check their matches' filters in the
    // stories' index alone the same way.
    const AFTER_IMPORT: Option<&'static str> = Some("VACUUM story_lists, stories");

    fn table_columns(table: &'static str) -> Query {
        sql!(
            "SELECT CAST(column_name AS text), CAST(data_type AS text) \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 \
             ORDER BY ordinal_position",
            table
        )
    }

    fn import_value(column_type: &str, n: usize) -> String {
        // Flags travel as 0/1 (see `cells`), and a bigint has no cast to boolean.
        if column_type == "boolean" {
            format!("CAST(CAST(${n} AS integer) AS boolean)")
        } else {
            format!("${n}")
        }
    }

    fn finish_import(tx: &mut PgTx) -> BoxFuture<'_, StoreResult<()>> {
        Box::pin(async move {
            // Identity columns do not see explicit ids: move each one past the copied rows.
            for table in TABLES {
                let has_identity = tx
                    .scalar::<bool>(sql!(
                        "SELECT EXISTS (SELECT 1 FROM information_schema.columns \
                         WHERE table_schema = current_schema() AND table_name = $1 \
                         AND column_name = 'id' AND is_identity = 'YES')",
                        *table
                    ))
                    .await?;
                if has_identity {
                    tx.execute(sql!(format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                         GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM {table}"
                    )))
                    .await?;
                }
            }
            // Fresh tables have no planner statistics yet; without them the first queries
            // pick poor plans until autovacuum gets round to it.
            tx.execute(sql!("ANALYZE")).await.map(drop)
        })
    }
}

/// Binds one value; lists become arrays for `= ANY`.
fn bind(arguments: &mut PgArguments, value: &Value) -> Result<(), sqlx::error::BoxDynError> {
    match value {
        Value::Int(value) => arguments.add(*value),
        Value::Real(value) => arguments.add(*value),
        Value::Text(value) => arguments.add(value.clone()),
        Value::Bool(value) => arguments.add(*value),
        Value::Ints(values) => arguments.add(values.clone()),
        Value::Texts(values) => arguments.add(values.clone()),
    }
}

/// A row's cells by column type (the schema uses only these five); flags travel as 0/1,
/// the form SQLite stores them in.
fn cells(row: &PgRow) -> StoreResult<Row> {
    (0..row.len())
        .map(|index| {
            let raw = row.try_get_raw(index).map_err(map_error)?;
            if raw.is_null() {
                return Ok(Cell::Null);
            }
            let kind = raw.type_info().name().to_string();
            Ok(match kind.as_str() {
                "INT8" => Cell::Int(row.try_get(index).map_err(map_error)?),
                "BOOL" => Cell::Int(i64::from(row.try_get::<bool, _>(index).map_err(map_error)?)),
                "FLOAT8" => Cell::Real(row.try_get(index).map_err(map_error)?),
                "TEXT" => Cell::Text(row.try_get(index).map_err(map_error)?),
                "BYTEA" => Cell::Blob(row.try_get(index).map_err(map_error)?),
                other => {
                    return Err(StoreError::Other(format!(
                        "column type {other} cannot be copied"
                    )));
                }
            })
        })
        .collect()
}

/// Maps a driver error to a store error: unique violations become conflicts named after
/// their constraint, a server that cannot be reached becomes "unavailable".
pub(crate) fn map_error(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::WorkerCrashed => StoreError::Unavailable(error.to_string()),
        sqlx::Error::Database(db) => {
            if db.is_unique_violation() {
                store_sql::db::conflict(db.constraint().unwrap_or("unique"))
            } else if is_unavailable(db.code().as_deref()) {
                StoreError::Unavailable(db.message().to_string())
            } else {
                StoreError::Other(db.message().to_string())
            }
        }
        _ => StoreError::Other(error.to_string()),
    }
}

/// SQLSTATE classes that mean "the server cannot serve now; try again": connection
/// exceptions (08), insufficient resources (53), operator intervention such as a shutdown
/// (57), and serialization failures or deadlocks (40).
fn is_unavailable(code: Option<&str>) -> bool {
    code.is_some_and(|code| {
        ["08", "53", "57", "40"]
            .iter()
            .any(|class| code.starts_with(class))
    })
}
