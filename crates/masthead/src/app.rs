//! The application: state shared by all requests, and `App::build(..).run_until_stopped()`.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use anyhow::Context;
use axum::serve::ListenerExt;
use store::Store;
use store_sqlite::SqliteStore;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::config::Config;
use crate::jobs::changes::follow_changes;
use crate::jobs::scheduler::run_jobs;
use crate::media::{LocalMediaStore, MediaStore};
use crate::service::site::Site;
use crate::web::cache::{CachedSite, PageCache};
use crate::web::theme::Theme;

/// What every request handler can reach.
pub struct AppState {
    /// The database.
    pub store: Arc<dyn Store>,
    /// Where media files live.
    pub media: Arc<dyn MediaStore>,
    /// Templates and assets.
    pub theme: Theme,
    /// Rendered pages.
    pub cache: PageCache,
    /// Public base URL without a trailing slash.
    pub base_url: String,
    /// Stories per list page.
    pub page_size: u32,
    /// Largest accepted media upload in bytes.
    pub max_upload_bytes: usize,
    /// Wakes the change-log follower after this node wrote something.
    pub change_signal: Notify,
    site: RwLock<Arc<Site>>,
}

impl AppState {
    /// The current editions, menus and settings.
    pub fn site(&self) -> Arc<Site> {
        self.site
            .read()
            .unwrap_or_else(|poison| poison.into_inner())
            .clone()
    }

    /// Replaces the editions, menus and settings after a change.
    pub fn replace_site(&self, site: Site) {
        *self
            .site
            .write()
            .unwrap_or_else(|poison| poison.into_inner()) = Arc::new(site);
    }

    /// Tells the change-log follower to look now: this node just wrote a change.
    pub fn changed(&self) {
        self.change_signal.notify_one();
    }
}

/// Opens the newsroom's database in the data folder, migrating it.
pub async fn open_store(config: &Config) -> anyhow::Result<SqliteStore> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating data folder {}", config.data_dir.display()))?;
    let path = config.data_dir.join("masthead.db");
    SqliteStore::open(&path)
        .await
        .with_context(|| format!("opening database {}", path.display()))
}

/// The media store for a configuration.
pub fn open_media(config: &Config) -> LocalMediaStore {
    LocalMediaStore::new(config.data_dir.join("media"))
}

/// A built application bound to its port, ready to run.
pub struct App {
    listener: TcpListener,
    site: CachedSite,
    state: Arc<AppState>,
}

impl App {
    /// Opens storage, loads the site and theme, and binds the listening socket.
    pub async fn build(config: Config) -> anyhow::Result<App> {
        let store: Arc<dyn Store> = Arc::new(open_store(&config).await?);
        let site = Site::load(store.as_ref()).await?;
        let theme = Theme::load(config.theme_dir.as_deref())?;
        let listener = TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("listening on {}", config.addr))?;
        let state = Arc::new(AppState {
            store,
            media: Arc::new(open_media(&config)),
            theme,
            cache: PageCache::new(config.page_cache_entries),
            base_url: config.public_url(),
            page_size: config.page_size,
            max_upload_bytes: config.max_upload_bytes(),
            change_signal: Notify::new(),
            site: RwLock::new(Arc::new(site)),
        });
        let router = crate::web::router::router(state.clone());
        Ok(App {
            listener,
            site: CachedSite::new(state.clone(), router),
            state,
        })
    }

    /// The address the app listens on (useful with port 0).
    pub fn local_addr(&self) -> anyhow::Result<SocketAddr> {
        self.listener
            .local_addr()
            .context("reading the bound address")
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes in-flight requests.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let follower = tokio::spawn(follow_changes(self.state.clone()));
        let worker = tokio::spawn(run_jobs(self.state.clone()));
        // Responses are written whole; Nagle's algorithm would only delay them.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "setting TCP_NODELAY");
            }
        });
        let served = axum::serve(listener, self.site)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving HTTP");
        follower.abort();
        worker.abort();
        served
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
