//! The query planner's statistics (`sqlite_stat1`), kept for the app's own tables and
//! never for the shadow tables FTS5 keeps the search index in.
//!
//! FTS5 reaches its tables only by id (a page, a term's entry, a row), except when it
//! deletes the pages of a merged part of the index, with `DELETE … WHERE id >= ? AND
//! id <= ?`. Statistics taken while the index was empty say its pages table holds two
//! rows, and for two rows SQLite plans that delete as a scan of the whole table. A
//! process that builds the index from empty keeps those figures until it restarts
//! (SQLite refreshes them only when a table grows tenfold, and only when asked), so every
//! merge of a full rebuild read the whole index: a 1,000,000-story rebuild slowed from
//! 15,000 stories a minute to 2,000 as the index grew. Without statistics SQLite assumes
//! a large table and deletes by id range, which is right at any size.

use sqlx::SqliteConnection;
use store::StoreResult;
use store_sql::db::BoxFuture;
use store_sql::{Db, sql};

use crate::dialect::{SqliteTx, map_error};

/// The tables SQLite knows as some virtual table's shadow tables (FTS5's).
const SHADOW_TABLES: &str =
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'";

/// Analyzes the tables that were never analyzed or have changed much since, but not the
/// shadow tables: `PRAGMA optimize` with 0x01 lists the `ANALYZE` statements it would run
/// instead of running them, and 0x10000 has it look at every table. Each samples (every
/// connection sets `analysis_limit`, see `open`): nothing to do on most runs.
pub(crate) fn refresh(tx: &mut SqliteTx) -> BoxFuture<'_, StoreResult<()>> {
    Box::pin(async move {
        let shadows: Vec<(String,)> = tx.fetch_all(sql!(SHADOW_TABLES)).await?;
        let statements: Vec<(String,)> = tx.fetch_all(sql!("PRAGMA optimize = 0x10003")).await?;
        for (statement,) in statements {
            if shadows
                .iter()
                .all(|(name,)| analyzed_table(&statement) != name)
            {
                tx.execute(sql!(statement)).await?;
            }
        }
        Ok(())
    })
}

/// The table of an `ANALYZE "schema"."table"` statement as `PRAGMA optimize` writes it.
fn analyzed_table(statement: &str) -> &str {
    let quoted = statement.rsplit('.').next().unwrap_or(statement);
    quoted.trim_matches('"')
}

/// Drops the statistics earlier releases took of the shadow tables. Run on a connection
/// of its own before any other opens: a connection reads the statistics once, when it
/// loads the schema.
pub(crate) async fn forget_shadow_tables(connection: &mut SqliteConnection) -> StoreResult<()> {
    for table in ["sqlite_stat1", "sqlite_stat4"] {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
                .bind(table)
                .fetch_optional(&mut *connection)
                .await
                .map_err(map_error)?;
        if exists.is_some() {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE tbl IN ({SHADOW_TABLES})"
            )))
            .execute(&mut *connection)
            .await
            .map_err(map_error)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection, SqliteConnection};

    use super::analyzed_table;

    #[test]
    fn the_table_of_an_analyze_statement_is_its_last_quoted_name() {
        assert_eq!(
            analyzed_table(r#"ANALYZE "main"."search_fts_data""#),
            "search_fts_data"
        );
        assert_eq!(analyzed_table(r#"ANALYZE "main"."stories""#), "stories");
    }

    /// How a fresh connection plans FTS5's delete of merged pages, and the statistics
    /// the file keeps of the shadow tables and of the others.
    async fn delete_plan_and_statistics(url: &str) -> (String, i64, i64) {
        let mut connection = SqliteConnection::connect(url).await.expect("connect");
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
            "EXPLAIN QUERY PLAN DELETE FROM search_fts_data WHERE id >= ? AND id <= ?",
        )
        .fetch_all(&mut connection)
        .await
        .expect("plan");
        let (kept, others): (i64, i64) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE shadow), count(*) FILTER (WHERE NOT shadow) \
             FROM (SELECT tbl IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') \
                   AS shadow FROM sqlite_stat1)",
        )
        .fetch_one(&mut connection)
        .await
        .expect("statistics");
        connection.close().await.expect("close");
        let plan = plan.into_iter().map(|(.., detail)| detail).collect();
        (plan, kept, others)
    }

    #[tokio::test]
    async fn the_search_index_tables_keep_no_statistics_so_merges_delete_by_id_range() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("stats.db");
        let url = format!("sqlite://{}", path.display());
        let store = crate::open(&path).await.expect("open");
        store.refresh_statistics().await.expect("refresh");
        store.close().await;
        // The store's own refresh analyzes its tables and leaves the shadow tables alone.
        let (plan, kept, others) = delete_plan_and_statistics(&url).await;
        assert_eq!(kept, 0);
        assert!(others > 0);
        assert!(plan.contains("INTEGER PRIMARY KEY"), "{plan}");

        // An earlier release analyzed every table, the index's while it was empty: with
        // those figures the delete reads the whole table.
        let mut connection = SqliteConnection::connect(&url).await.expect("connect");
        sqlx::query("ANALYZE")
            .execute(&mut connection)
            .await
            .expect("analyze");
        connection.close().await.expect("close");
        let (plan, kept, _) = delete_plan_and_statistics(&url).await;
        assert!(kept > 0);
        assert!(plan.starts_with("SCAN"), "{plan}");

        // Opening the file forgets them.
        crate::open(&path).await.expect("reopen").close().await;
        let (plan, kept, others) = delete_plan_and_statistics(&url).await;
        assert_eq!(kept, 0);
        assert!(others > 0);
        assert!(plan.contains("INTEGER PRIMARY KEY"), "{plan}");
    }
}
