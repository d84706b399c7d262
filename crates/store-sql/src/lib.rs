//! What Masthead's SQL backends (SQLite and PostgreSQL) share. Their schemas mirror each
//! other column for column, so the row types decode from either and a newsroom can be
//! copied between them table by table. Besides rows, the little logic both run on either
//! side of their SQL lives here, so the two cannot drift apart.

pub mod dump;
pub mod login;
pub mod newsroom;
pub mod ops;
pub mod rows;
pub mod search;
pub mod tree;

use std::collections::HashMap;

use store::StoreError;

/// Orders `items` as `ids` are ordered, dropping ids that came back empty.
pub fn in_order<T>(ids: &[i64], items: Vec<T>, id: impl Fn(&T) -> i64) -> Vec<T> {
    let mut by_id: HashMap<i64, T> = items.into_iter().map(|item| (id(&item), item)).collect();
    ids.iter()
        .filter_map(|wanted| by_id.remove(wanted))
        .collect()
}

/// `NotFound` when a statement touched no row.
pub fn not_found_unless(rows: u64) -> Result<(), StoreError> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
