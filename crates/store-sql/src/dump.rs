//! A whole newsroom as tables of plain cells, for `masthead copy` between backends.
//!
//! Both schemas hold the same tables with the same columns and types, so a row read from
//! one backend inserts unchanged into the other. Each side digests every table the same
//! way: the row count and an order-independent sum of each row's SHA-256, so a copy is
//! verified without sorting text the way both databases would agree on.

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use store::StoreResult;

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
    "authors",
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
    "story_revisions",
    "story_autosaves",
    "redirects",
    "front_pins",
    "breaking_news",
    "job_listings",
    "jobs",
    "audit_log",
    "changes",
];

/// A table name from [`TABLES`], the only names the dump queries take.
pub fn known_table(table: &str) -> StoreResult<&'static str> {
    TABLES
        .iter()
        .find(|known| **known == table)
        .copied()
        .ok_or_else(|| store::StoreError::Other(format!("no table {table:?} to copy")))
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
    /// The digest of a table as this transaction sees it.
    async fn digest(&mut self, table: &str) -> StoreResult<TableDigest>;
    /// Commits everything (and makes new ids follow the copied ones).
    async fn commit(self: Box<Self>) -> StoreResult<()>;
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
