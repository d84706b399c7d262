//! Throwaway databases for tests and benchmarks: [`ScratchDatabase::create`] makes a fresh,
//! uniquely named database on a server and dropping the value drops the database.

use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

/// The server tests use unless `MASTHEAD_TEST_POSTGRES` names another.
pub const DEFAULT_SERVER: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The server for tests: `MASTHEAD_TEST_POSTGRES` or [`DEFAULT_SERVER`].
pub fn test_server() -> String {
    std::env::var("MASTHEAD_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_SERVER.to_string())
}

/// A database that exists for as long as this value.
#[derive(Debug)]
pub struct ScratchDatabase {
    server: PgConnectOptions,
    name: String,
    url: String,
}

impl ScratchDatabase {
    /// Creates a fresh database on the server `server_url` points at (any database there
    /// that the user may connect to, such as `postgres`).
    pub async fn create(server_url: &str) -> Result<ScratchDatabase, sqlx::Error> {
        ScratchDatabase::create_with(server_url, "").await
    }

    /// Like [`ScratchDatabase::create`], with `options` for `CREATE DATABASE` (e.g. another
    /// collation: `TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`). The options
    /// are SQL: pass only constants.
    pub async fn create_with(
        server_url: &str,
        options: &str,
    ) -> Result<ScratchDatabase, sqlx::Error> {
        let server = PgConnectOptions::from_str(server_url)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos());
        let name = format!("masthead_test_{}_{nanos}", std::process::id());
        let mut admin = server.connect().await?;
        // The name is ours (process id and clock); the options are the caller's constants.
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name} {options}")))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
        let url = database_url(server_url, &name);
        Ok(ScratchDatabase { server, name, url })
    }

    /// The URL of the scratch database.
    pub fn url(&self) -> &str {
        &self.url
    }
}

/// `server_url` with its database replaced by `name`.
fn database_url(server_url: &str, name: &str) -> String {
    let (base, query) = server_url
        .split_once('?')
        .map_or((server_url, None), |(base, query)| (base, Some(query)));
    let authority_end = base.find("://").map_or(0, |scheme| scheme + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        // Drop runs inside tests' async runtimes, which cannot be blocked on: drop the
        // database from a thread with its own small runtime.
        let server = self.server.clone();
        let name = self.name.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let mut admin = server.connect().await?;
                sqlx::query(AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await?;
                admin.close().await?;
                Ok::<(), sqlx::Error>(())
            })?;
            Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop scratch database {}", self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn the_database_name_replaces_the_servers() {
        assert_eq!(
            database_url("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            database_url("postgres://u@h/postgres?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(database_url("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
