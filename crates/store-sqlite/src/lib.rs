//! The embedded SQLite backend of Masthead's store: one file in WAL mode, no setup.
//!
//! [`open`] creates the file if needed and runs the versioned migrations in
//! `migrations/`. The queries are the shared ones of `store_sql`; this crate supplies the
//! [`Sqlite`] dialect.

mod dialect;
mod fts;
mod rank;
mod statistics;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};
use store::{StoreError, StoreResult};
use store_sql::SqlStore;

pub use dialect::{Sqlite, SqlitePool, SqliteTx};

/// The most of a database file each connection maps into memory (`mmap_size`): 256 GiB,
/// the cap SQLite is built with (`.cargo/config.toml`; SQLite's own is 2 GiB).
const MMAP_SIZE: i64 = 1 << 38;

/// The SQLite implementation of [`store::Store`].
pub type SqliteStore = SqlStore<Sqlite>;

/// Opens (creating if missing) the database file and migrates it to the latest schema.
pub async fn open(path: &Path) -> StoreResult<SqliteStore> {
    let options = SqliteConnectOptions::from_str("sqlite://")
        .map_err(dialect::map_error)?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // WAL with NORMAL is durable across application crashes; a power cut may lose the
        // last transactions but never corrupts the file.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // ANALYZE samples about this many rows of each index instead of reading them all:
        // statistics good enough for the planner, in milliseconds on any size.
        .pragma("analysis_limit", "1000")
        // Pages are read straight from the operating system's file cache through a memory
        // map, instead of a system call and a copy each: a search reads thousands of
        // pages (the matches' entries, sizes and story rows), and with reads copied one by
        // one it spent most of its time in the kernel. The whole file is mapped (up to
        // [`MMAP_SIZE`]): a rebuilt index is written at the file's end, past the first GiB
        // that was mapped before. What is mapped costs no memory of its own (pages the OS
        // may drop at any time).
        .pragma("mmap_size", MMAP_SIZE.to_string())
        // The write-ahead log's file is cut back to 64 MiB once its content is in the
        // database, instead of keeping the size bulk work took it to.
        .pragma("journal_size_limit", "67108864")
        .busy_timeout(Duration::from_secs(5));
    // The schema's upkeep runs on a connection of its own, closed before the pool opens,
    // so that every connection of the pool loads the schema and statistics it leaves.
    let mut setup = options.connect().await.map_err(dialect::map_error)?;
    sqlx::migrate!("./migrations")
        .run(&mut setup)
        .await
        .map_err(|error| StoreError::Other(format!("migrating: {error}")))?;
    // Start from an empty write-ahead log: one left long by bulk work slowed every later
    // writer (after the demo's 100,000-story archive left 490 MB of it, a full rebuild of
    // the search index took 401 s; 142 s after this checkpoint). With another process
    // busy on the file (`masthead reindex` while the site serves), it waits at most the
    // busy timeout and does what it can.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut setup)
        .await
        .map_err(dialect::map_error)?;
    let mapped: i64 = sqlx::query_scalar("PRAGMA mmap_size")
        .fetch_one(&mut setup)
        .await
        .map_err(dialect::map_error)?;
    if mapped < MMAP_SIZE {
        tracing::warn!(
            mapped,
            "SQLite was built without the memory-map cap in .cargo/config.toml: \
             reads past the first {} MiB of the file go through system calls",
            mapped >> 20
        );
    }
    statistics::forget_shadow_tables(&mut setup).await?;
    setup.close().await.map_err(dialect::map_error)?;
    let pool = SqlitePoolOptions::new()
        // SQLite reads are CPU-bound: a few connections keep two cores busy without
        // thrashing between threads.
        .max_connections(4)
        // A local file has no network to fail: skip the ping before every query.
        .test_before_acquire(false)
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(|connection, _| {
            Box::pin(async move {
                let mut handle = connection.lock_handle().await?;
                // SAFETY: the handle is locked for this call alone.
                unsafe { rank::register(handle.as_raw_handle().as_ptr()) }
                    .map_err(|error| sqlx::Error::Configuration(error.into()))
            })
        })
        .connect_with(options)
        .await
        .map_err(dialect::map_error)?;
    let store = SqlStore::new(SqlitePool(pool));
    store.refresh_statistics().await?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use sqlx::{AssertSqlSafe, Connection, SqliteConnection};

    use super::MMAP_SIZE;

    #[tokio::test]
    async fn sqlite_is_built_to_map_the_whole_file_of_a_large_archive() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("map.db").display());
        let mut connection = SqliteConnection::connect(&url).await.expect("open");
        // SQLite answers with the size it will map, lowered to the cap it was built with.
        let mapped: i64 =
            sqlx::query_scalar(AssertSqlSafe(format!("PRAGMA mmap_size = {MMAP_SIZE}")))
                .fetch_one(&mut connection)
                .await
                .expect("set mmap_size");
        assert_eq!(mapped, MMAP_SIZE);
    }

    /// The options `.cargo/config.toml` adds: no memory accounting, and each connection's
    /// page cache its own, so that connections never wait on a lock they share.
    #[tokio::test]
    async fn sqlite_is_built_without_locks_its_connections_share() {
        let mut connection = SqliteConnection::connect("sqlite::memory:")
            .await
            .expect("open");
        let options: Vec<String> = sqlx::query_scalar("PRAGMA compile_options")
            .fetch_all(&mut connection)
            .await
            .expect("compile options");
        assert!(
            options.iter().any(|option| option == "DEFAULT_MEMSTATUS=0"),
            "{options:?}"
        );
        assert!(
            !options
                .iter()
                .any(|option| option == "ENABLE_MEMORY_MANAGEMENT"),
            "{options:?}"
        );
    }
}
