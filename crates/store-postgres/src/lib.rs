//! The PostgreSQL backend of Masthead's store, for several app nodes sharing one database.
//!
//! [`connect`] runs the versioned migrations in `migrations/` (PostgreSQL's migration
//! lock makes that safe when several nodes start at once). The queries are the shared
//! ones of `store_sql`; this crate supplies the [`Postgres`] dialect and the `LISTEN`
//! that wakes each node's change-log follower.

mod dialect;
mod listen;
mod tsearch;

use std::str::FromStr;
use std::time::Duration;

use sqlx::Connection as _;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use store::{StoreError, StoreResult};
use store_sql::SqlStore;

pub use dialect::{PgPool, PgTx, Postgres};
pub use listen::CHANGES_CHANNEL;

/// The PostgreSQL implementation of [`store::Store`].
pub type PgStore = SqlStore<Postgres>;

/// How long a pooled connection may sit idle before it is checked, when next taken, for
/// a server that went away.
const IDLE_CHECK: Duration = Duration::from_secs(1);

/// Connects to `url` (`postgres://user@host/database`) and migrates the database to the
/// latest schema.
pub async fn connect(url: &str) -> StoreResult<PgStore> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|error| StoreError::Other(format!("database URL: {error}")))?
        .application_name("masthead")
        // NOTICEs ("relation already exists, skipping") are noise in the app's log.
        .options([("client_min_messages", "warning")]);
    let pool = PgPoolOptions::new()
        .max_connections(16)
        // A dead server should fail a request within seconds, not hang it: readers then
        // get cached pages and the newsroom a clear "try again".
        .acquire_timeout(Duration::from_secs(3))
        // Check a connection that sat idle: after a database restart the pool holds dead
        // connections, and this drops them instead of failing a request. One used a
        // moment ago is not checked: under load every request's every statement paid a
        // round trip for the check.
        .test_before_acquire(false)
        .before_acquire(|connection, held| {
            Box::pin(async move {
                if held.idle_for >= IDLE_CHECK {
                    connection.ping().await?;
                }
                Ok(true)
            })
        })
        .idle_timeout(Duration::from_secs(300))
        .connect_with(options)
        .await
        .map_err(dialect::map_error)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|error| StoreError::Other(format!("migrating: {error}")))?;
    Ok(SqlStore::new(PgPool(pool)))
}
