//! The demo newsroom the labelled queries are judged on, in a temporary database with its
//! search index built.

use std::time::Instant;

use async_trait::async_trait;
use demo::{AccountMaker, DemoSize, NewDemoAccount};
use masthead::service::search::SearchService;
use store::files::MediaStore;
use store::{NewUser, Store};
use test_support::ScratchDatabase;

/// Photos (only sketched) are not kept: relevance never looks at them.
struct NoFiles;

#[async_trait]
impl MediaStore for NoFiles {
    async fn put(&self, _key: &str, _bytes: Vec<u8>) -> anyhow::Result<()> {
        Ok(())
    }

    async fn get(&self, _key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        Ok(None)
    }

    async fn delete(&self, _key: &str) -> anyhow::Result<()> {
        Ok(())
    }
}

/// Accounts without a real password hash (hashing is slow and beside the point here).
struct PlainAccounts;

#[async_trait]
impl AccountMaker for PlainAccounts {
    async fn make_account(
        &self,
        store: &dyn Store,
        account: NewDemoAccount<'_>,
    ) -> anyhow::Result<String> {
        let user = NewUser {
            email: account.email.to_string(),
            name: account.name.to_string(),
            role: account.role,
            password_hash: "not-a-hash".to_string(),
            must_change_password: false,
            author_id: account.author_id,
            language: "en".to_string(),
        };
        store.create_user(&user, None).await?;
        Ok(String::new())
    }
}

/// Where the newsroom is kept.
#[derive(Clone, Debug)]
pub enum Backend {
    /// A SQLite file in a temporary folder.
    Sqlite,
    /// A scratch database on the PostgreSQL server at this URL.
    Postgres(String),
}

impl Backend {
    /// The backend's name in reports.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }
}

/// The full demo newsroom (photos only sketched) with its search index built.
pub struct Newsroom {
    /// The store.
    pub store: Box<dyn Store>,
    /// The search service that built the index.
    pub search: SearchService,
    /// Seconds to create the demo, then to build its index.
    pub seconds: (f64, f64),
    _dir: tempfile::TempDir,
    _database: Option<ScratchDatabase>,
}

impl Newsroom {
    /// Creates the full demo newsroom on `backend` and indexes every story.
    pub async fn create(backend: &Backend) -> Newsroom {
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, database): (Box<dyn Store>, _) = match backend {
            Backend::Sqlite => {
                let path = dir.path().join("relevance.db");
                let store = store_sqlite::open(&path).await.expect("open SQLite");
                (Box::new(store), None)
            }
            Backend::Postgres(server) => {
                let database = ScratchDatabase::create(server)
                    .await
                    .unwrap_or_else(|error| panic!("PostgreSQL at {server}: {error}"));
                let store = store_postgres::connect(database.url())
                    .await
                    .expect("connect to PostgreSQL");
                (Box::new(store), Some(database))
            }
        };
        let started = Instant::now();
        let size = DemoSize::FULL.with_sketched_photos();
        demo::create_sized(&*store, &NoFiles, &PlainAccounts, size)
            .await
            .expect("the demo newsroom");
        let created = started.elapsed().as_secs_f64();
        let search = SearchService::new();
        let started = Instant::now();
        search
            .rebuild(&*store, &mut |_, _| {})
            .await
            .expect("the search index");
        let indexed = started.elapsed().as_secs_f64();
        Newsroom {
            store,
            search,
            seconds: (created, indexed),
            _dir: dir,
            _database: database,
        }
    }
}
