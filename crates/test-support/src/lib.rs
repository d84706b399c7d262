//! What only tests use, kept out of the production crates.
//!
//! [`ScratchDatabase`] is a throwaway PostgreSQL database that is dropped with the value.
//! [`ScratchDatabase::create`] makes an empty one; [`ScratchDatabase::migrated`] and
//! [`ScratchDatabase::from_template`] clone a template database (`CREATE DATABASE …
//! TEMPLATE`), which is made once per test run and shared by the run's test processes:
//! copying a template's files is much faster than migrating or filling each database
//! again.

use std::error::Error;
use std::future::Future;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

/// What making a database from a template can fail with: the server, the migrations or
/// the caller's filling.
pub type TemplateError = Box<dyn Error + Send + Sync>;

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

    /// A fresh database with the store's migrations applied, cloned from this run's
    /// migrated template on the server.
    pub async fn migrated(server_url: &str) -> Result<ScratchDatabase, TemplateError> {
        ScratchDatabase::from_template(server_url, "migrated", |_| async { Ok(()) }).await
    }

    /// A fresh database cloned from this run's template `kind` on the server: a migrated
    /// database that `fill` was given the URL of, once per run (whichever test process
    /// of the run comes first makes it; the others wait for it). `kind` names what `fill`
    /// puts there, in lower-case letters, digits and `_`. `fill` must close its
    /// connections before it returns: PostgreSQL copies no database others are connected
    /// to.
    pub async fn from_template<F, Fill>(
        server_url: &str,
        kind: &str,
        fill: F,
    ) -> Result<ScratchDatabase, TemplateError>
    where
        F: FnOnce(String) -> Fill,
        Fill: Future<Output = Result<(), TemplateError>>,
    {
        assert!(
            !kind.is_empty()
                && kind.len() <= 20
                && kind
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "template kind {kind:?}: up to 20 lower-case letters, digits and _"
        );
        let template = template(server_url, kind, fill).await?;
        // The template's name is ours (see `Template`).
        let database =
            ScratchDatabase::create_with(server_url, &format!("TEMPLATE {template}")).await?;
        database.log_sequences().await?;
        Ok(database)
    }

    /// Writes each sequence's position to the clone's own write-ahead log. A copied
    /// sequence still counts the values its template had logged ahead: the clone hands
    /// them out without logging, and after a crash (the outage tests stop the server with
    /// `-m immediate`) it would hand out the same ids again.
    async fn log_sequences(&self) -> Result<(), sqlx::Error> {
        let mut connection = PgConnectOptions::from_str(&self.url)?.connect().await?;
        sqlx::query(
            "SELECT setval(format('%I.%I', schemaname, sequencename), last_value) \
             FROM pg_sequences WHERE last_value IS NOT NULL",
        )
        .execute(&mut connection)
        .await?;
        connection.close().await
    }
}

/// Names of template databases: `masthead_tpl_{created}_{run}_{kind}`, where `created`
/// is the Unix time it was made at (so that old ones can be dropped) and `run` this test
/// run's id. While it is being filled the template is `masthead_tpb_…` (being built):
/// renamed once complete, so that a test process that dies while filling one leaves no
/// half-filled template behind for the others.
#[derive(Debug, PartialEq)]
struct Template {
    building: bool,
    created: u64,
    run: String,
    kind: String,
}

const TEMPLATE_PREFIX: &str = "masthead_tpl_";
const BUILDING_PREFIX: &str = "masthead_tpb_";

/// Templates older than this (seconds) are dropped: left by earlier runs.
const TEMPLATE_LIFETIME: u64 = 24 * 60 * 60;

/// The advisory locks (on the server's admin database) under which test processes look
/// for, make and drop templates: one per kind in this space, so that tests waiting for
/// a migrated template do not wait for another's demo to be drawn.
const TEMPLATE_LOCKS: i32 = 0x6d74_706c; // "mtpl"

impl Template {
    fn name(&self) -> String {
        let prefix = if self.building {
            BUILDING_PREFIX
        } else {
            TEMPLATE_PREFIX
        };
        format!("{prefix}{}_{}_{}", self.created, self.run, self.kind)
    }

    fn parse(name: &str) -> Option<Template> {
        let (building, rest) = match name.strip_prefix(TEMPLATE_PREFIX) {
            Some(rest) => (false, rest),
            None => (true, name.strip_prefix(BUILDING_PREFIX)?),
        };
        let mut parts = rest.splitn(3, '_');
        let created = parts.next()?.parse().ok()?;
        let run = parts.next()?.to_string();
        let kind = parts.next()?.to_string();
        Some(Template {
            building,
            created,
            run,
            kind,
        })
    }
}

/// This test run's id: nextest's run id (every test is a process of its own there), else
/// this process's id (`cargo test` runs a test binary's tests in one process). Templates
/// carry it, and so may what tests keep beside them.
pub fn run_id() -> String {
    match std::env::var("NEXTEST_RUN_ID") {
        // A UUID: its first 12 hex digits keep database names short enough (63 bytes).
        Ok(id) => id
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(12)
            .collect::<String>()
            .to_ascii_lowercase(),
        Err(_) => format!("p{}", std::process::id()),
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// The name of this run's template `kind` on the server, made now if there is none yet.
async fn template<F, Fill>(server_url: &str, kind: &str, fill: F) -> Result<String, TemplateError>
where
    F: FnOnce(String) -> Fill,
    Fill: Future<Output = Result<(), TemplateError>>,
{
    let server = PgConnectOptions::from_str(server_url)?;
    let mut admin = server.connect().await?;
    // Session-level: held while the template is filled, which takes several statements
    // and other connections. Closing the connection releases it whatever happens.
    sqlx::query("SELECT pg_advisory_lock($1, hashtext($2))")
        .bind(TEMPLATE_LOCKS)
        .bind(kind)
        .execute(&mut admin)
        .await?;
    let made = find_or_make(&mut admin, server_url, kind, fill).await;
    admin.close().await?;
    made
}

async fn find_or_make<F, Fill>(
    admin: &mut PgConnection,
    server_url: &str,
    kind: &str,
    fill: F,
) -> Result<String, TemplateError>
where
    F: FnOnce(String) -> Fill,
    Fill: Future<Output = Result<(), TemplateError>>,
{
    let run = run_id();
    let now = now();
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT datname FROM pg_database WHERE datname LIKE 'masthead\\_tp%'")
            .fetch_all(&mut *admin)
            .await?;
    for (name,) in names {
        let Some(template) = Template::parse(&name) else {
            continue;
        };
        let ours = template.run == run && template.kind == kind;
        if ours && !template.building {
            return Ok(name);
        }
        if ours && template.building {
            // Left half-filled by a test process that died (no one else builds ours: we
            // hold its lock).
            drop_database(admin, &name).await?;
        } else if now.saturating_sub(template.created) > TEMPLATE_LIFETIME {
            // An old run's. Another process may be dropping it too (it holds another
            // kind's lock): that one's failure is no test's.
            if let Err(error) = drop_database(admin, &name).await {
                eprintln!("could not drop old template database {name}: {error}");
            }
        }
    }
    let mut template = Template {
        building: true,
        created: now,
        run,
        kind: kind.to_string(),
    };
    let building = template.name();
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {building}")))
        .execute(&mut *admin)
        .await?;
    let url = database_url(server_url, &building);
    let filled = async {
        store_postgres::connect(&url).await?.close().await;
        fill(url.clone()).await
    }
    .await;
    if let Err(error) = filled {
        drop_database(admin, &building).await?;
        return Err(error);
    }
    template.building = false;
    let name = template.name();
    sqlx::query(AssertSqlSafe(format!(
        "ALTER DATABASE {building} RENAME TO {name}"
    )))
    .execute(&mut *admin)
    .await?;
    Ok(name)
}

/// Drops a database of ours (a name made here), whoever is connected to it.
async fn drop_database(admin: &mut PgConnection, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query(AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(admin)
    .await?;
    Ok(())
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
    use super::{Template, database_url};

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

    #[test]
    fn template_names_read_back() {
        let template = Template {
            building: false,
            created: 1_796_000_000,
            run: "0a1b2c3d4e5f".into(),
            kind: "demo_small".into(),
        };
        assert_eq!(
            template.name(),
            "masthead_tpl_1796000000_0a1b2c3d4e5f_demo_small"
        );
        assert_eq!(Template::parse(&template.name()), Some(template));
        let building = Template::parse("masthead_tpb_1_p42_migrated").expect("parses");
        assert!(building.building);
        assert_eq!(building.run, "p42");
        assert_eq!(Template::parse("masthead_test_42_1"), None);
        assert_eq!(Template::parse("postgres"), None);
    }
}
