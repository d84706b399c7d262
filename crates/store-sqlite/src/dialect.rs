//! SQLite's side of the shared queries: one writer at a time, so no row locks; lists
//! bound as JSON arrays and expanded with `json_each`, so every query is a fixed string
//! whose plan SQLite caches.

use std::sync::LazyLock;

use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Arguments, Row as _, TypeInfo, ValueRef};
use store::{SearchDoc, StoreError, StoreResult};
use store_sql::db::BoxFuture;
use store_sql::dump::{Cell, Row};
use store_sql::search_query::Matching;
use store_sql::select::Selects;
use store_sql::{Db, Dialect, Query, Value, sql};

use crate::fts;

store_sql::impl_db!(
    SqlitePool,
    SqliteTx,
    sqlx::Sqlite,
    // `BEGIN IMMEDIATE` takes the write lock at once: a deferred transaction that reads
    // first and writes later fails with "database is locked" (no waiting) when another
    // writer got in between.
    "BEGIN IMMEDIATE",
    bind,
    cells,
    map_error
);

/// The SQLite dialect.
#[derive(Clone, Debug)]
pub struct Sqlite;

impl Dialect for Sqlite {
    type Pool = SqlitePool;

    const JSON_ARRAY: &'static str = "json_array";

    fn in_list(column: &str, n: usize) -> String {
        format!("{column} IN (SELECT value FROM json_each(${n}))")
    }

    fn json_list(value: &str, from: &str, order: &str) -> String {
        format!("(SELECT json_group_array({value}) FROM (SELECT * FROM {from} ORDER BY {order}))")
    }

    fn utc_month(column: &str) -> String {
        format!("CAST(strftime('%Y%m', {column}, 'unixepoch') AS INTEGER)")
    }

    fn selects() -> &'static Selects {
        static SELECTS: LazyLock<Selects> = LazyLock::new(Selects::build::<Sqlite>);
        &SELECTS
    }

    const ANALYZE_SEARCH: &'static str = "ANALYZE search_docs";

    // Merges as if every segment were on one level, up to 1,000 pages a step (about a
    // third of a second), so writers never wait long; a step that changes fewer than two
    // rows (SQLite's `total_changes()`) found nothing left to merge.
    fn merge_search_step(tx: &mut SqliteTx) -> BoxFuture<'_, StoreResult<bool>> {
        Box::pin(async move {
            let before: i64 = tx.scalar(sql!("SELECT total_changes()")).await?;
            tx.execute(sql!(
                "INSERT INTO search_fts(search_fts, rank) VALUES('merge', -1000)"
            ))
            .await?;
            let after: i64 = tx.scalar(sql!("SELECT total_changes()")).await?;
            Ok(after - before >= 2)
        })
    }

    fn put_search_terms(docs: &[SearchDoc], replacing: Vec<i64>) -> Vec<Query> {
        fts::put_terms(docs, replacing)
    }

    fn drop_search_terms(ids: Vec<i64>) -> Query {
        fts::drop_terms(ids)
    }

    fn search_from(
        n: usize,
        _query: &store::Query,
        _matching: Matching,
        after: Option<usize>,
    ) -> String {
        // The match expression names the columns a tier looks in.
        fts::search_from(n, after)
    }

    fn search_rank(n: usize) -> String {
        fts::search_rank(n)
    }

    fn pool_rank(_n: usize, _matching: Matching) -> (String, String) {
        (
            format!(
                ", {}(search_fts) AS relevance",
                crate::rank::NAME.to_string_lossy()
            ),
            "relevance".into(),
        )
    }

    fn match_expression(query: &store::Query, matching: Matching) -> String {
        fts::match_expression(query, matching)
    }

    const SEARCH_ID: &'static str = "search_fts.rowid";

    const DEFER_FOREIGN_KEYS: &'static str = "PRAGMA defer_foreign_keys = ON";

    fn refresh_statistics(tx: &mut SqliteTx) -> BoxFuture<'_, StoreResult<()>> {
        crate::statistics::refresh(tx)
    }

    fn table_columns(table: &'static str) -> Query {
        sql!(
            "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
            table
        )
    }
}

/// Binds one value; lists become JSON arrays for `json_each`.
fn bind(arguments: &mut SqliteArguments, value: &Value) -> Result<(), sqlx::error::BoxDynError> {
    match value {
        Value::Int(value) => arguments.add(*value),
        Value::Real(value) => arguments.add(*value),
        Value::Text(value) => arguments.add(value.clone()),
        Value::Bool(value) => arguments.add(*value),
        Value::Ints(values) => arguments.add(serde_json::to_string(values)?),
        Value::Texts(values) => arguments.add(serde_json::to_string(values)?),
    }
}

/// A row's cells, each as SQLite stored it.
fn cells(row: &SqliteRow) -> StoreResult<Row> {
    (0..row.len())
        .map(|index| {
            let raw = row.try_get_raw(index).map_err(map_error)?;
            if raw.is_null() {
                return Ok(Cell::Null);
            }
            let kind = raw.type_info().name().to_string();
            Ok(match kind.as_str() {
                "INTEGER" => Cell::Int(row.try_get(index).map_err(map_error)?),
                "REAL" => Cell::Real(row.try_get(index).map_err(map_error)?),
                "TEXT" => Cell::Text(row.try_get(index).map_err(map_error)?),
                _ => Cell::Blob(row.try_get(index).map_err(map_error)?),
            })
        })
        .collect()
}

/// Maps a driver error to a store error: unique constraints become conflicts, busy
/// databases and pool timeouts become "unavailable".
pub(crate) fn map_error(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => {
            StoreError::Unavailable(error.to_string())
        }
        sqlx::Error::Database(db) => {
            let message = db.message().to_string();
            if db.is_unique_violation() {
                store_sql::db::conflict(constraint_name(&message))
            } else if message.contains("database is locked") || message.contains("busy") {
                StoreError::Unavailable(message)
            } else {
                StoreError::Other(message)
            }
        }
        _ => StoreError::Other(error.to_string()),
    }
}

/// SQLite names the columns, not the constraint, in its message ("UNIQUE constraint
/// failed: stories.edition_id, ..."); map the columns back to the migration's names.
fn constraint_name(message: &str) -> &str {
    // Expression indexes are reported by name: "UNIQUE constraint failed: index 'x'".
    if let Some(rest) = message.split("index '").nth(1) {
        return rest.trim_end_matches('\'');
    }
    const KNOWN: &[(&str, &str)] = &[
        ("stories.short_code", "story_short_code_key"),
        ("stories.", "story_slug_key"),
        ("sections.", "section_slug_key"),
        ("authors.slug", "author_slug_key"),
        ("agencies.name", "agency_name_key"),
        ("topics.", "topic_slug_key"),
        ("keywords.", "keyword_slug_key"),
        ("editions.code", "edition_code_key"),
        ("editions.path_prefix", "edition_prefix_key"),
        ("renditions.key", "rendition_key_key"),
        ("users.email", "user_email_key"),
    ];
    KNOWN
        .iter()
        .find(|(columns, _)| message.contains(columns))
        .map_or(message, |(_, name)| name)
}
