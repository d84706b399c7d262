//! Fresh stores for each test, and `on_both_backends!` to run a test on each.
//!
//! PostgreSQL is the server in `MASTHEAD_TEST_POSTGRES` (default: the local one). When it
//! cannot be reached the PostgreSQL half says so on stderr and passes, unless
//! `MASTHEAD_REQUIRE_POSTGRES=1` (as `.ci/run` sets), when it fails.

use std::sync::Arc;

use store::Store;
use store_postgres::PgStore;
use store_sqlite::SqliteStore;
use test_support::{ScratchDatabase, test_server};

/// A store and what keeps it alive (its folder or its scratch database).
pub struct Fresh<S, G> {
    store: Arc<S>,
    _guard: G,
}

impl<S: Store, G> Fresh<S, G> {
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The store for tasks of their own (which need to own what they use).
    pub fn shared(&self) -> Arc<dyn Store> {
        self.store.clone()
    }
}

/// A store on a new SQLite file.
impl<S> Fresh<S, ScratchDatabase> {
    /// The scratch database's address, for what a test does beside the store.
    pub fn url(&self) -> &str {
        self._guard.url()
    }
}

pub async fn sqlite() -> Fresh<SqliteStore, tempfile::TempDir> {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_sqlite::open(&dir.path().join("test.db"))
        .await
        .expect("open SQLite");
    Fresh {
        store: Arc::new(store),
        _guard: dir,
    }
}

/// A store on a new PostgreSQL database (a copy of this run's migrated template), or none
/// (said loudly) when no server answers.
pub async fn postgres() -> Option<Fresh<PgStore, ScratchDatabase>> {
    let server = test_server();
    let database = match ScratchDatabase::migrated(&server).await {
        Ok(database) => database,
        Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
            eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
            return None;
        }
        Err(error) => panic!("PostgreSQL is required but not reachable at {server}: {error}"),
    };
    let store = store_postgres::connect(database.url())
        .await
        .expect("connect to PostgreSQL");
    Some(Fresh {
        store: Arc::new(store),
        _guard: database,
    })
}

/// Declares `sqlite::NAME` and `postgres::NAME` tests for each `async fn NAME(&dyn Store)`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let fresh = $crate::backend::sqlite().await;
                    super::$name(fresh.store()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(fresh) = $crate::backend::postgres().await {
                        super::$name(fresh.store()).await;
                    }
                }
            )*
        }
    };
}

/// Like [`on_both_backends!`], for tests of concurrent use: each `async fn NAME(Arc<dyn
/// Store>)` runs on a multi-threaded runtime, free to spawn tasks that share the store.
#[macro_export]
macro_rules! on_both_backends_concurrently {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let fresh = $crate::backend::sqlite().await;
                    super::$name(fresh.shared()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    if let Some(fresh) = $crate::backend::postgres().await {
                        super::$name(fresh.shared()).await;
                    }
                }
            )*
        }
    };
}

/// The audit line the tests hand to writes that take one, by nobody.
pub fn audit(action: &str) -> store::NewAuditEntry {
    store::NewAuditEntry {
        user_id: None,
        action: action.into(),
        entity: "test".into(),
        entity_id: None,
        detail: String::new(),
    }
}

/// Creates an account that cannot log in (its hash is no hash); returns its id.
pub async fn account(store: &dyn Store, email: String, name: String, role: store::Role) -> i64 {
    let user = store::NewUser {
        email,
        name,
        role,
        password_hash: "not-a-hash".into(),
        must_change_password: false,
        author_id: None,
        language: "en".into(),
    };
    store.create_user(&user, None).await.expect("user")
}

/// Adds an English edition (UTC, no path prefix); returns its id.
pub async fn english_edition(store: &dyn Store) -> i64 {
    store
        .create_edition(&store::NewEdition {
            code: "en".into(),
            name: "English".into(),
            language: "en".into(),
            direction: store::Direction::Ltr,
            timezone: "UTC".into(),
            path_prefix: String::new(),
        })
        .await
        .expect("edition")
}
