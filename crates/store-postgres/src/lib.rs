//! The PostgreSQL backend of Masthead's store, for several app nodes sharing one database.
//!
//! `PgStore::connect` runs the versioned migrations in `migrations/` (PostgreSQL's
//! migration lock makes that safe when several nodes start at once). The schema mirrors
//! SQLite's column for column, so the row types in `store_sql::rows` decode from both.
//! Every trait method is one statement or one transaction.
//!
//! Writes that append to the change log take a transaction-scoped advisory lock first, so
//! change ids commit in order: a follower that has read id N never later finds a smaller
//! id committed behind it. Each such commit also sends a `NOTIFY` on [`CHANGES_CHANNEL`],
//! which [`PgStore::change_listener`] turns into a wake-up for the follower.

mod accounts;
mod curation;
mod dump;
mod fronts;
mod history;
mod listen;
mod media;
mod newsroom;
mod ops;
mod presence;
mod queue;
mod read;
mod rows;
pub mod scratch;
mod sections;
mod stories;
mod story_write;
mod taxonomy;
mod write;

use std::str::FromStr;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use store::StoreError;

pub use listen::CHANGES_CHANNEL;

/// The PostgreSQL implementation of [`store::Store`].
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host/database`) and migrates the database to the
    /// latest schema.
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|error| StoreError::Other(format!("database URL: {error}")))?
            .application_name("masthead")
            // NOTICEs ("relation already exists, skipping") are noise in the app's log.
            .options([("client_min_messages", "warning")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            // A dead server should fail a request within seconds, not hang it: readers
            // then get cached pages and the newsroom a clear "try again".
            .acquire_timeout(Duration::from_secs(3))
            // Check a connection that sat idle: after a database restart the pool holds
            // dead connections, and this drops them instead of failing a request.
            .test_before_acquire(true)
            .idle_timeout(Duration::from_secs(300))
            .connect_with(options)
            .await
            .map_err(map_error)?;
        let store = PgStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Applies any migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .map_err(|error| StoreError::Other(format!("migrating: {error}")))
    }

    /// Starts a write transaction (READ COMMITTED; statements that must see a row
    /// unchanged lock it with `FOR UPDATE`).
    pub(crate) async fn write(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, StoreError> {
        begin_write(&self.pool).await
    }
}

/// Starts a write transaction on a pool; see [`PgStore::write`].
pub(crate) async fn begin_write(
    pool: &PgPool,
) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, StoreError> {
    pool.begin().await.map_err(map_error)
}

/// Maps a driver error to a store error: unique violations become conflicts named after
/// their constraint, a server that cannot be reached becomes "unavailable".
pub(crate) fn map_error(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::WorkerCrashed => StoreError::Unavailable(error.to_string()),
        sqlx::Error::Database(db) => {
            if db.is_unique_violation() {
                StoreError::Conflict {
                    constraint: db.constraint().unwrap_or("unique").to_string(),
                }
            } else if is_unavailable(db.code().as_deref()) {
                StoreError::Unavailable(db.message().to_string())
            } else {
                StoreError::Other(db.message().to_string())
            }
        }
        _ => StoreError::Other(error.to_string()),
    }
}

/// SQLSTATE classes that mean "the server cannot serve now; try again": connection
/// exceptions (08), insufficient resources (53), operator intervention such as a shutdown
/// (57), and serialization failures or deadlocks (40).
fn is_unavailable(code: Option<&str>) -> bool {
    code.is_some_and(|code| {
        ["08", "53", "57", "40"]
            .iter()
            .any(|class| code.starts_with(class))
    })
}
