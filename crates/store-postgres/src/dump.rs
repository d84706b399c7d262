//! The PostgreSQL side of `masthead copy`: tables read as plain cells, and an import into
//! one transaction whose foreign keys are checked at commit. See `store_sql::dump`.

use async_trait::async_trait;
use futures_core::stream::BoxStream;
use futures_util::StreamExt;
use sqlx::postgres::PgRow;
use sqlx::{AssertSqlSafe, Postgres, Row as _, Transaction, TypeInfo, ValueRef};
use store::{StoreError, StoreResult};
use store_sql::dump::{Cell, Import, Row, TABLES, TableDigest, known_table, select_all};

use crate::{PgStore, map_error};

/// A row's cells by column type (the schema uses only these four).
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

/// Column names and SQL types of a table, in schema order.
const COLUMNS: &str = "SELECT column_name::text, data_type::text FROM information_schema.columns \
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position";

impl PgStore {
    /// The columns of a table, in schema order.
    pub async fn columns(&self, table: &str) -> StoreResult<Vec<String>> {
        let columns: Vec<(String, String)> = sqlx::query_as(COLUMNS)
            .bind(known_table(table)?)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(columns.into_iter().map(|(name, _)| name).collect())
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

    /// Starts an import: one transaction whose foreign keys are checked at commit.
    pub async fn begin_import(&self) -> StoreResult<Box<dyn Import>> {
        let mut tx = self.write().await?;
        sqlx::query("SET CONSTRAINTS ALL DEFERRED")
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        Ok(Box::new(PgImport { tx }))
    }
}

/// An import into PostgreSQL.
struct PgImport {
    tx: Transaction<'static, Postgres>,
}

impl PgImport {
    async fn column_types(&mut self, table: &str) -> StoreResult<Vec<(String, String)>> {
        sqlx::query_as(COLUMNS)
            .bind(known_table(table)?)
            .fetch_all(&mut *self.tx)
            .await
            .map_err(map_error)
    }
}

#[async_trait]
impl Import for PgImport {
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
        // A NULL must be bound with its column's type.
        let types = self.column_types(table).await?;
        let type_of = |column: &String| {
            types
                .iter()
                .find(|(name, _)| name == column)
                .map_or("text", |(_, kind)| kind.as_str())
                .to_string()
        };
        let column_types: Vec<String> = columns.iter().map(type_of).collect();
        let mut values = Vec::with_capacity(rows.len());
        let mut number = 0;
        for _ in rows {
            let row: Vec<String> = (0..columns.len())
                .map(|_| {
                    number += 1;
                    format!("${number}")
                })
                .collect();
            values.push(format!("({})", row.join(", ")));
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES {}",
            known_table(table)?,
            columns.join(", "),
            values.join(", ")
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for row in rows {
            for (cell, kind) in row.iter().zip(&column_types) {
                query = match cell {
                    Cell::Null => match kind.as_str() {
                        "bigint" => query.bind(None::<i64>),
                        "double precision" => query.bind(None::<f64>),
                        "bytea" => query.bind(None::<Vec<u8>>),
                        _ => query.bind(None::<String>),
                    },
                    Cell::Int(value) => query.bind(*value),
                    Cell::Real(value) => query.bind(*value),
                    Cell::Text(text) => query.bind(text.clone()),
                    Cell::Blob(bytes) => query.bind(bytes.clone()),
                };
            }
        }
        query.execute(&mut *self.tx).await.map_err(map_error)?;
        Ok(())
    }

    async fn digest(&mut self, table: &str) -> StoreResult<TableDigest> {
        let columns: Vec<String> = self
            .column_types(table)
            .await?
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let mut rows =
            sqlx::query(AssertSqlSafe(select_all(table, &columns)?)).fetch(&mut *self.tx);
        let mut digest = TableDigest::default();
        while let Some(row) = rows.next().await {
            digest.add(&columns, &cells(&row.map_err(map_error)?)?);
        }
        Ok(digest)
    }

    async fn commit(mut self: Box<Self>) -> StoreResult<()> {
        // Identity columns do not see explicit ids: move each one past the copied rows.
        for table in TABLES {
            let has_identity: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 AND column_name = 'id' AND is_identity = 'YES')",
            )
            .bind(table)
            .fetch_one(&mut *self.tx)
            .await
            .map_err(map_error)?;
            if has_identity {
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM {table}"
                );
                sqlx::query(AssertSqlSafe(sql))
                    .execute(&mut *self.tx)
                    .await
                    .map_err(map_error)?;
            }
        }
        // Fresh tables have no planner statistics yet; without them the first queries
        // pick poor plans until autovacuum gets round to it.
        sqlx::query("ANALYZE")
            .execute(&mut *self.tx)
            .await
            .map_err(map_error)?;
        self.tx.commit().await.map_err(map_error)
    }
}
