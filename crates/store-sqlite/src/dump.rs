//! The SQLite side of `masthead copy`: tables read as plain cells, and an import into one
//! write transaction. See `store_sql::dump`.

use async_trait::async_trait;
use futures_core::stream::BoxStream;
use futures_util::StreamExt;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row as _, Sqlite, Transaction, TypeInfo, ValueRef};
use store::StoreResult;
use store_sql::dump::{Cell, Import, Row, TABLES, TableDigest, known_table, select_all};

use crate::{SqliteStore, begin_write, map_error};

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

impl SqliteStore {
    /// The columns of a table, in schema order.
    pub async fn columns(&self, table: &str) -> StoreResult<Vec<String>> {
        sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
            .bind(known_table(table)?)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)
    }

    /// The number of rows in a table.
    pub async fn count_rows(&self, table: &str) -> StoreResult<u64> {
        let sql = format!("SELECT COUNT(*) FROM {}", known_table(table)?);
        let count: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    /// Every row of a table, streamed, with the cells in the order of `columns`.
    pub fn export(&self, table: &str, columns: &[String]) -> BoxStream<'_, StoreResult<Row>> {
        match select_all(table, columns) {
            Ok(sql) => sqlx::query(AssertSqlSafe(sql))
                .fetch(&self.pool)
                .map(|row| cells(&row.map_err(map_error)?))
                .boxed(),
            Err(error) => futures_util::stream::once(async { Err(error) }).boxed(),
        }
    }

    /// Starts an import: one write transaction whose foreign keys are checked at commit.
    pub async fn begin_import(&self) -> StoreResult<Box<dyn Import>> {
        let mut tx = begin_write(&self.pool).await?;
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        Ok(Box::new(SqliteImport { tx }))
    }
}

/// An import into SQLite.
struct SqliteImport {
    tx: Transaction<'static, Sqlite>,
}

#[async_trait]
impl Import for SqliteImport {
    async fn is_empty(&mut self) -> StoreResult<bool> {
        for table in TABLES {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table})");
            let any: bool = sqlx::query_scalar(AssertSqlSafe(sql))
                .fetch_one(&mut *self.tx)
                .await
                .map_err(map_error)?;
            if any {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn insert(&mut self, table: &str, columns: &[String], rows: &[Row]) -> StoreResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let placeholders = format!("({})", vec!["?"; columns.len()].join(", "));
        let sql = format!(
            "INSERT INTO {} ({}) VALUES {}",
            known_table(table)?,
            columns.join(", "),
            vec![placeholders; rows.len()].join(", ")
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for cell in rows.iter().flatten() {
            query = match cell {
                Cell::Null => query.bind(None::<i64>),
                Cell::Int(value) => query.bind(*value),
                Cell::Real(value) => query.bind(*value),
                Cell::Text(text) => query.bind(text.clone()),
                Cell::Blob(bytes) => query.bind(bytes.clone()),
            };
        }
        query.execute(&mut *self.tx).await.map_err(map_error)?;
        Ok(())
    }

    async fn digest(&mut self, table: &str) -> StoreResult<TableDigest> {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(known_table(table)?)
                .fetch_all(&mut *self.tx)
                .await
                .map_err(map_error)?;
        let mut rows =
            sqlx::query(AssertSqlSafe(select_all(table, &columns)?)).fetch(&mut *self.tx);
        let mut digest = TableDigest::default();
        while let Some(row) = rows.next().await {
            digest.add(&columns, &cells(&row.map_err(map_error)?)?);
        }
        Ok(digest)
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await.map_err(map_error)
    }
}
