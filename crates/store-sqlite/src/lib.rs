//! The embedded SQLite backend of Masthead's store: one file in WAL mode, no setup.
//!
//! `SqliteStore::open` creates the file if needed and runs the versioned migrations in
//! `migrations/`. Every trait method is one statement or one transaction.

mod accounts;
mod curation;
mod dump;
mod fronts;
mod history;
mod media;
mod newsroom;
mod ops;
mod presence;
mod queue;
mod read;
mod rows;
mod sections;
mod stories;
mod story_write;
mod taxonomy;
mod write;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use store::StoreError;

/// The SQLite implementation of [`store::Store`].
#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database file and migrates it to the latest schema.
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite://")
            .map_err(map_error)?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with NORMAL is durable across application crashes; a power cut may lose
            // the last transactions but never corrupts the file.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            // SQLite reads are CPU-bound: a few connections keep two cores busy without
            // thrashing between threads.
            .max_connections(4)
            // A local file has no network to fail: skip the ping before every query.
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(map_error)?;
        let store = SqliteStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Closes every connection, checkpointing the write-ahead log into the database file.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a write transaction. `BEGIN IMMEDIATE` takes the write lock at once: a
    /// deferred transaction that reads first and writes later fails with "database is
    /// locked" (no waiting) when another writer got in between.
    pub(crate) async fn write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        begin_write(&self.pool).await
    }

    /// Applies any migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .map_err(|error| StoreError::Other(format!("migrating: {error}")))
    }
}

/// Starts a write transaction on a pool; see [`SqliteStore::write`].
pub(crate) async fn begin_write(
    pool: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
    pool.begin_with("BEGIN IMMEDIATE").await.map_err(map_error)
}

/// Maps a driver error to a store error: named unique constraints become conflicts,
/// busy databases and pool timeouts become "unavailable".
pub(crate) fn map_error(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => {
            StoreError::Unavailable(error.to_string())
        }
        sqlx::Error::Database(db) => {
            let message = db.message().to_string();
            if db.is_unique_violation() {
                StoreError::Conflict {
                    constraint: constraint_name(&message),
                }
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
fn constraint_name(message: &str) -> String {
    // Expression indexes are reported by name: "UNIQUE constraint failed: index 'x'".
    if let Some(rest) = message.split("index '").nth(1) {
        return rest.trim_end_matches('\'').to_string();
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
        .map_or_else(|| message.to_string(), |(_, name)| (*name).to_string())
}
