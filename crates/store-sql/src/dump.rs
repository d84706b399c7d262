//! A whole newsroom as tables of plain cells, for `masthead copy` between backends.
//!
//! Both schemas hold the same tables with the same columns and types, so a row read from
//! one backend inserts unchanged into the other. Each side digests every table the same
//! way: the row count and an order-independent sum of each row's SHA-256, so a copy is
//! verified without sorting text the way both databases would agree on.

use std::collections::HashMap;

use async_trait::async_trait;
use futures_util::StreamExt;
use futures_util::stream::{BoxStream, once};
use sha2::{Digest, Sha256};
use store::{NewStory, StoreError, StoreResult, StoryId};

use crate::db::{Db, Dialect, Transaction};
use crate::query::{Value, insert_rows};
use crate::story_write::insert_stories;
use crate::{SqlStore, Tx, sql};

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// An integer (also every 0/1 flag and every time, in seconds).
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

/// A row: its cells in the order of the columns the export named.
pub type Row = Vec<Cell>;

/// Every table of the newsroom, in an order that creates what others refer to first (the
/// importers also defer foreign keys to the commit, for rows that refer to later rows).
pub const TABLES: &[&str] = &[
    "settings",
    "editions",
    "sections",
    "section_aliases",
    "menu_items",
    "images",
    "renditions",
    "image_crops",
    "retired_files",
    "authors",
    "author_aliases",
    "agencies",
    "topics",
    "topic_aliases",
    "keywords",
    "keyword_aliases",
    "users",
    "sessions",
    "login_failures",
    "login_addresses",
    "stories",
    "story_bodies",
    "story_sections",
    "story_credits",
    "story_topics",
    "story_keywords",
    "story_recommendations",
    "gallery_items",
    "story_images",
    "story_lists",
    "story_translations",
    "story_revisions",
    "story_autosaves",
    "redirects",
    "front_pins",
    "breaking_news",
    "job_listings",
    "jobs",
    "audit_log",
    "changes",
    "newsletters",
    "newsletter_sections",
    "consent_texts",
    "subscribers",
    "subscriptions",
    "outbox",
    "contact_desks",
    "contact_messages",
    "news_desks",
    "news_desk_sections",
    "news_desk_members",
    "form_posts",
    "site_keys",
];

/// A table name from [`TABLES`], the only names the dump queries take.
pub fn known_table(table: &str) -> StoreResult<&'static str> {
    TABLES
        .iter()
        .find(|known| **known == table)
        .copied()
        .ok_or_else(|| StoreError::Other(format!("no table {table:?} to copy")))
}

/// `SELECT columns FROM table`, for a table of [`TABLES`].
pub fn select_all(table: &str, columns: &[String]) -> StoreResult<String> {
    Ok(format!(
        "SELECT {} FROM {}",
        columns.join(", "),
        known_table(table)?
    ))
}

/// What a table holds, in brief: enough to tell two copies apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableDigest {
    /// Number of rows.
    pub rows: u64,
    /// The sum, wrapping, of the first 16 bytes of every row's SHA-256.
    pub sum: u128,
}

impl TableDigest {
    /// Adds one row, given its columns (names and cells in the same order).
    pub fn add(&mut self, columns: &[String], row: &[Cell]) {
        // Columns are hashed by name, sorted, so the two backends' column orders (which
        // differ after ALTER TABLE) give the same digest.
        let mut named: Vec<(&String, &Cell)> = columns.iter().zip(row).collect();
        named.sort_by(|a, b| a.0.cmp(b.0));
        let mut hasher = Sha256::new();
        for (name, cell) in named {
            hasher.update(name.as_bytes());
            hasher.update([0]);
            match cell {
                Cell::Null => hasher.update([0]),
                Cell::Int(value) => {
                    hasher.update([1]);
                    hasher.update(value.to_le_bytes());
                }
                Cell::Real(value) => {
                    hasher.update([2]);
                    hasher.update(value.to_bits().to_le_bytes());
                }
                Cell::Text(text) => {
                    hasher.update([3]);
                    hasher.update((text.len() as u64).to_le_bytes());
                    hasher.update(text.as_bytes());
                }
                Cell::Blob(bytes) => {
                    hasher.update([4]);
                    hasher.update((bytes.len() as u64).to_le_bytes());
                    hasher.update(bytes);
                }
            }
        }
        let hash = hasher.finalize();
        let mut first = [0u8; 16];
        first.copy_from_slice(&hash[..16]);
        self.rows += 1;
        self.sum = self.sum.wrapping_add(u128::from_le_bytes(first));
    }
}

/// Where a copy goes: one open transaction on the target database.
#[async_trait]
pub trait Import: Send {
    /// Whether every table is empty (a copy goes only into a new newsroom).
    async fn is_empty(&mut self) -> StoreResult<bool>;
    /// Inserts rows into a table; `columns` name the cells of each row.
    async fn insert(&mut self, table: &str, columns: &[String], rows: &[Row]) -> StoreResult<()>;
    /// Inserts stories with the ids given, and their relations, many rows per statement
    /// (the archive generator's path; see [`crate::story_write::insert_stories`]).
    async fn insert_stories(&mut self, stories: &[(StoryId, NewStory)]) -> StoreResult<()>;
    /// The largest id in a table, 0 when it is empty.
    async fn max_id(&mut self, table: &str) -> StoreResult<i64>;
    /// The digest of a table as this transaction sees it.
    async fn digest(&mut self, table: &str) -> StoreResult<TableDigest>;
    /// Commits everything (and makes new ids follow the copied ones).
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

/// A newsroom's tables as rows of cells: what `masthead copy` reads from one database and
/// writes into another.
#[async_trait]
pub trait Dump: Send + Sync {
    /// The number of rows in a table.
    async fn count_rows(&self, table: &str) -> StoreResult<u64>;
    /// The columns of a table, in schema order.
    async fn columns(&self, table: &str) -> StoreResult<Vec<String>>;
    /// Every row of a table, streamed, with the cells in the order of `columns`.
    fn export(&mut self, table: &str, columns: &[String]) -> BoxStream<'_, StoreResult<Row>>;
    /// Starts an import: one write transaction whose foreign keys are checked at commit.
    async fn begin_import(&self) -> StoreResult<Box<dyn Import>>;
}

#[async_trait]
impl<D: Dialect> Dump for SqlStore<D> {
    async fn count_rows(&self, table: &str) -> StoreResult<u64> {
        let sql = format!("SELECT COUNT(*) FROM {}", known_table(table)?);
        let count = self.db().scalar::<i64>(sql!(sql)).await?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    async fn columns(&self, table: &str) -> StoreResult<Vec<String>> {
        let columns = self
            .db()
            .fetch_all::<(String, String)>(D::table_columns(known_table(table)?))
            .await?;
        Ok(columns.into_iter().map(|(name, _)| name).collect())
    }

    fn export(&mut self, table: &str, columns: &[String]) -> BoxStream<'_, StoreResult<Row>> {
        match select_all(table, columns) {
            Ok(sql) => self.pool.cells(sql!(sql)),
            Err(error) => once(async { Err(error) }).boxed(),
        }
    }

    async fn begin_import(&self) -> StoreResult<Box<dyn Import>> {
        let mut tx = self.write().await?;
        tx.execute(sql!(D::DEFER_FOREIGN_KEYS)).await?;
        Ok(Box::new(SqlImport::<D> {
            store: self.clone(),
            tx,
            columns: HashMap::new(),
        }))
    }
}

/// An import into one write transaction.
struct SqlImport<D: Dialect> {
    /// The database, for what runs after the commit.
    store: SqlStore<D>,
    tx: Tx<D>,
    /// The `(name, type)` columns of each table seen so far, as the target has them.
    columns: HashMap<&'static str, Vec<(String, String)>>,
}

impl<D: Dialect> SqlImport<D> {
    async fn column_types(&mut self, table: &str) -> StoreResult<Vec<(String, String)>> {
        let table = known_table(table)?;
        if let Some(columns) = self.columns.get(table) {
            return Ok(columns.clone());
        }
        let columns: Vec<(String, String)> = self.tx.fetch_all(D::table_columns(table)).await?;
        self.columns.insert(table, columns.clone());
        Ok(columns)
    }
}

/// A cell as a statement's argument into a column of `column_type` (as the target names
/// it). A NULL goes with the column's own type: PostgreSQL fixes each argument's type when
/// it first prepares a statement, and the next batch may bind a value there.
fn cell_value(cell: &Cell, column_type: &str) -> StoreResult<Value> {
    Ok(match cell {
        Cell::Null => {
            let column_type = column_type.to_ascii_lowercase();
            if column_type.contains("text") || column_type.contains("char") {
                Value::Text(None)
            } else if column_type.contains("real") || column_type.contains("double") {
                Value::Real(None)
            } else {
                // Integers, times, and flags (which travel as 0/1: see
                // [`Dialect::import_value`]).
                Value::Int(None)
            }
        }
        Cell::Int(value) => Value::Int(Some(*value)),
        Cell::Real(value) => Value::Real(Some(*value)),
        Cell::Text(text) => Value::Text(Some(text.clone())),
        // No column of the schema holds bytes.
        Cell::Blob(_) => {
            return Err(StoreError::Other(
                "a binary value cannot be copied: no column holds bytes".to_string(),
            ));
        }
    })
}

#[async_trait]
impl<D: Dialect> Import for SqlImport<D> {
    async fn is_empty(&mut self) -> StoreResult<bool> {
        for table in TABLES {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table})");
            if self.tx.scalar::<bool>(sql!(sql)).await? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    async fn insert(&mut self, table: &str, columns: &[String], rows: &[Row]) -> StoreResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let types = self.column_types(table).await?;
        let column_types: Vec<&str> = columns
            .iter()
            .map(|column| {
                types
                    .iter()
                    .find(|(name, _)| name == column)
                    .map_or("", |(_, kind)| kind.as_str())
            })
            .collect();
        let rows = rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&column_types)
                    .map(|(cell, column_type)| cell_value(cell, column_type))
                    .collect()
            })
            .collect::<StoreResult<_>>()?;
        let placeholder = |column: usize, n| D::import_value(column_types[column], n);
        let columns = columns.join(", ");
        if let Some(insert) = insert_rows(known_table(table)?, &columns, rows, placeholder) {
            self.tx.execute(insert).await?;
        }
        Ok(())
    }

    async fn insert_stories(&mut self, stories: &[(StoryId, NewStory)]) -> StoreResult<()> {
        insert_stories::<D>(&mut self.tx, stories).await
    }

    async fn max_id(&mut self, table: &str) -> StoreResult<i64> {
        let sql = format!("SELECT COALESCE(MAX(id), 0) FROM {}", known_table(table)?);
        self.tx.scalar::<i64>(sql!(sql)).await
    }

    async fn digest(&mut self, table: &str) -> StoreResult<TableDigest> {
        let columns: Vec<String> = self
            .column_types(table)
            .await?
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let mut rows = self.tx.cells(sql!(select_all(table, &columns)?));
        let mut digest = TableDigest::default();
        while let Some(row) = rows.next().await {
            digest.add(&columns, &row?);
        }
        Ok(digest)
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        let mut import = *self;
        D::finish_import(&mut import.tx).await?;
        import.tx.commit().await?;
        if let Some(statement) = D::AFTER_IMPORT {
            import.store.db().execute(sql!(statement)).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_string()).collect()
    }

    #[test]
    fn digests_ignore_row_and_column_order_but_not_content() {
        let a = vec![Cell::Int(1), Cell::Text("x".into())];
        let b = vec![Cell::Int(2), Cell::Null];
        let mut forward = TableDigest::default();
        forward.add(&columns(&["id", "name"]), &a);
        forward.add(&columns(&["id", "name"]), &b);
        let mut backward = TableDigest::default();
        backward.add(&columns(&["name", "id"]), &[Cell::Null, Cell::Int(2)]);
        backward.add(
            &columns(&["name", "id"]),
            &[Cell::Text("x".into()), Cell::Int(1)],
        );
        let mut changed = TableDigest::default();
        changed.add(&columns(&["id", "name"]), &a);
        changed.add(
            &columns(&["id", "name"]),
            &[Cell::Int(2), Cell::Text(String::new())],
        );

        assert_eq!(forward, backward);
        assert_eq!(forward.rows, 2);
        assert_ne!(forward, changed, "NULL and '' differ");
    }
}
