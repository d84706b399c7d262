//! The application's wiring: it opens the store and media, makes the handles the web layer
//! and the background jobs share (site tree, page cache, change signal, follower beat),
//! builds the web layer's [`AppState`] and runs the server and jobs:
//! `App::build(..).run_until_stopped()`. Neither `web` nor `jobs` imports this module.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use store::Store;
use store_postgres::PgStore;
use store_sql::dump::Dump;
use store_sqlite::SqliteStore;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::domain::signed::Signer;
use crate::jobs::changes::{ChangeFollower, ChangeSignal, FollowerBeat};
use crate::jobs::crops::{CropMaker, CropSignal};
use crate::jobs::indexer::SearchIndexer;
use crate::jobs::issues::NewsletterClock;
use crate::jobs::scheduler::JobWorker;
use crate::jobs::upkeep::LogPruner;
use crate::mail::Mailer;
use crate::media::MediaStore;
use crate::service::account::random_token;
use crate::service::address_lock::AddressLocks;
use crate::service::gate::Gate;
use crate::service::hashing::PasswordHashing;
use crate::service::revision::{DIFF_SLOTS, DIFF_WAIT};
use crate::service::search::{SEARCH_SLOTS, SEARCH_WAIT, SearchService};
use crate::service::site_tree::SiteTree;
use crate::web::cache::{CachedSite, PageCache};
use crate::web::ops::access::MetricsAccess;
use crate::web::ops::metrics::Metrics;
use crate::web::ops::request_log::RequestLog;
use crate::web::server::{ServerSettings, serve};
use crate::web::site::search_cache::SearchPages;
use crate::web::state::AppState;
use crate::web::theme::Theme;

/// How long an upload waits for a turn before it is refused with 503.
const UPLOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// The newsroom's database: the SQLite file in the data folder, or a shared PostgreSQL.
/// It dereferences to the [`Store`] it holds.
#[derive(Debug)]
pub enum Database {
    /// The embedded default.
    Sqlite(SqliteStore),
    /// Several app nodes share one PostgreSQL database.
    Postgres(PgStore),
}

impl Database {
    /// Opens a database by URL: `postgres://…` or `postgresql://…` for PostgreSQL, else a
    /// data folder (or its `masthead.db` file) for SQLite. Migrates it.
    pub async fn open(location: &str) -> anyhow::Result<Database> {
        if crate::config::is_postgres_url(location) {
            let store = store_postgres::connect(location).await.with_context(|| {
                format!(
                    "opening database {}",
                    crate::config::without_password(location)
                )
            })?;
            return Ok(Database::Postgres(store));
        }
        let path = std::path::Path::new(location);
        let file = if path.extension().is_some_and(|ext| ext == "db") {
            path.to_path_buf()
        } else {
            std::fs::create_dir_all(path)
                .with_context(|| format!("creating data folder {}", path.display()))?;
            path.join("masthead.db")
        };
        let store = store_sqlite::open(&file)
            .await
            .with_context(|| format!("opening database {}", file.display()))?;
        Ok(Database::Sqlite(store))
    }

    /// The store, shared between tasks.
    pub fn into_shared(self) -> Arc<dyn Store> {
        match self {
            Database::Sqlite(store) => Arc::new(store),
            Database::Postgres(store) => Arc::new(store),
        }
    }

    /// The tables as rows of cells, for `masthead copy`.
    pub fn dump(&self) -> Box<dyn Dump> {
        match self {
            Database::Sqlite(store) => Box::new(store.clone()),
            Database::Postgres(store) => Box::new(store.clone()),
        }
    }

    /// Closes every connection (SQLite then folds its write-ahead log into the file).
    pub async fn close(&self) {
        match self {
            Database::Sqlite(store) => store.close().await,
            Database::Postgres(store) => store.close().await,
        }
    }
}

impl std::ops::Deref for Database {
    type Target = dyn Store;

    fn deref(&self) -> &(dyn Store + 'static) {
        match self {
            Database::Sqlite(store) => store,
            Database::Postgres(store) => store,
        }
    }
}

/// Opens the configured database (`database_url`, else the data folder's SQLite file),
/// migrating it.
pub async fn open_store(config: &Config) -> anyhow::Result<Database> {
    match &config.database_url {
        Some(url) => Database::open(url).await,
        None => Database::open(&config.data_dir.to_string_lossy()).await,
    }
}

/// The media store for a configuration: the local folder, or a checked S3 bucket.
pub async fn open_media(config: &Config) -> anyhow::Result<Arc<dyn MediaStore>> {
    crate::media::open(&config.media, &config.data_dir).await
}

/// A built application bound to its port, ready to run.
pub struct App {
    listener: TcpListener,
    site: RequestLog<CachedSite>,
    state: Arc<AppState>,
    server: ServerSettings,
    follower: ChangeFollower,
    /// The indexer, and the change-log entry its start found the index had followed.
    indexer: (SearchIndexer, i64),
    worker: JobWorker,
    clock: NewsletterClock,
    pruner: LogPruner,
    crops: CropMaker,
}

impl App {
    /// Opens storage, loads the site and theme, and binds the listening socket.
    pub async fn build(config: Config) -> anyhow::Result<App> {
        let store = open_store(&config).await?.into_shared();
        let site_tree = Arc::new(SiteTree::load(store.as_ref()).await?);
        let theme = Theme::load(config.theme_dir.as_deref())?;
        let server = ServerSettings::from_config(&config)?;
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("listening on {}", config.addr))?;
        let cache = Arc::new(PageCache::new(
            config.page_cache_entries,
            config.page_cache_bytes(),
        ));
        let change_signal = Arc::new(ChangeSignal::default());
        let mail = Mailer::from_config(&config.email)?.map(Arc::new);
        let link_key = store.site_key("links", &random_token()?).await?;
        let follower = ChangeFollower {
            store: store.clone(),
            site: site_tree.clone(),
            pages: cache.clone(),
            signal: change_signal.clone(),
            beat: Arc::new(FollowerBeat::default()),
        };
        let pruner = LogPruner {
            store: store.clone(),
            config: config.clone(),
        };
        let state = Arc::new(AppState {
            store,
            media: open_media(&config).await?,
            theme,
            cache,
            base_url: config.public_url(),
            page_size: config.page_size,
            sitemap_urls: config.sitemap_urls,
            max_upload_bytes: config.max_upload_bytes(),
            change_signal,
            site_tree,
            metrics: Metrics::new(MetricsAccess::from_config(&config)?),
            follower: follower.beat.clone(),
            password_hashing: PasswordHashing::new(
                config.login_hash_threads,
                std::time::Duration::from_millis(config.login_hash_wait_ms),
            ),
            address_locks: AddressLocks::default(),
            uploads: Gate::new(config.max_parallel_uploads, UPLOAD_WAIT),
            crop_signal: Arc::new(CropSignal::default()),
            diffs: Gate::new(DIFF_SLOTS, DIFF_WAIT),
            searches: Gate::new(SEARCH_SLOTS, SEARCH_WAIT),
            mail,
            signer: Signer::new(link_key.as_bytes()),
            webhook_secret: config.email.webhook_secret.clone(),
            search: Arc::new(SearchService::new()),
            search_pages: SearchPages::new(config.search_cache_entries),
        });
        let indexer = SearchIndexer {
            store: state.store.clone(),
            search: state.search.clone(),
            beat: state.follower.clone(),
        };
        let followed = indexer.start().await?;
        let worker = JobWorker {
            state: state.clone(),
            lease: jiff::SignedDuration::from_secs(
                i64::try_from(config.job_lease_secs).unwrap_or(60),
            ),
            retry: jiff::SignedDuration::from_secs(
                i64::try_from(config.job_retry_secs).unwrap_or(30),
            ),
        };
        let clock = NewsletterClock {
            state: state.clone(),
        };
        let crops = CropMaker {
            store: state.store.clone(),
            media: state.media.clone(),
            limits: imaging::Limits {
                max_bytes: state.max_upload_bytes,
                ..imaging::Limits::default()
            },
            signal: state.crop_signal.clone(),
            changed: state.change_signal.clone(),
        };
        let router = crate::web::router::router(state.clone());
        Ok(App {
            listener,
            site: RequestLog::new(state.clone(), CachedSite::new(state.clone(), router)),
            state,
            server,
            follower,
            indexer: (indexer, followed),
            worker,
            clock,
            pruner,
            crops,
        })
    }

    /// The state every request sees, for tests that read the app's own counters.
    pub fn state(&self) -> Arc<AppState> {
        self.state.clone()
    }

    /// The address the app listens on (useful with port 0).
    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        self.listener
            .local_addr()
            .context("reading the bound address")
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes in-flight requests.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let follower = tokio::spawn(self.follower.run());
        let (indexer, followed) = self.indexer;
        let indexer = tokio::spawn(indexer.run(followed));
        let worker = tokio::spawn(self.worker.run());
        let pruner = tokio::spawn(self.pruner.run());
        let clock = tokio::spawn(self.clock.run());
        let crops = tokio::spawn(self.crops.run());
        serve(self.listener, self.site, self.server, shutdown_signal()).await;
        follower.abort();
        indexer.abort();
        worker.abort();
        pruner.abort();
        clock.abort();
        crops.abort();
        Ok(())
    }
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
