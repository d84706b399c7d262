//! What Masthead's SQL backends (SQLite and PostgreSQL) share. Their schemas mirror each
//! other column for column, so the row types decode from either and a newsroom can be
//! copied between them table by table.

pub mod rows;
pub mod dump;
