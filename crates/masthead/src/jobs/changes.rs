//! Follows the change log: each new entry drops exactly the cached pages tagged with what
//! it touched; taxonomy, menu and settings changes also reload the site's tree.
//!
//! A node that writes wakes its follower at once. Changes made by other nodes wake it
//! through the store's change listener (PostgreSQL's LISTEN/NOTIFY) where there is one;
//! it also polls, so a lost notification or a dropped listening connection delays a
//! change by one poll interval at most. Each round also drops the pages of an
//! edition whose breaking-news bar expired since the last round: pages rendered after the
//! expiry leave the bar out by themselves, so dropping the older copies is enough.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use store::{ChangeListener, StoreResult};
use tokio::time::Instant;

use crate::app::AppState;
use crate::service::site::Site;

/// How often the log is read when nothing woke the follower.
const POLL: Duration = Duration::from_millis(250);
/// Entries read per round.
const BATCH: u32 = 500;
/// How long to wait before listening again after the listening connection failed.
const RELISTEN: Duration = Duration::from_secs(2);

/// Whether a change touches what every page shows (menus, sections, settings).
fn touches_site(tag: &str) -> bool {
    tag == "site" || tag.starts_with("edition:")
}

/// The `edition:` tags of editions whose breaking-news bar expired in `(after, until]`.
fn expired_bars(site: &Site, after: Timestamp, until: Timestamp) -> Vec<String> {
    site.editions
        .iter()
        .filter_map(|edition| edition.breaking.as_ref())
        .filter(|news| news.expires_at > after && news.expires_at <= until)
        .map(|news| format!("edition:{}", news.edition_id))
        .collect()
}

/// Runs until the app stops.
pub async fn follow_changes(state: Arc<AppState>) {
    let mut last = match state.store.last_change_id().await {
        Ok(id) => id,
        Err(error) => {
            tracing::warn!(%error, "reading the change log; starting from the beginning");
            0
        }
    };
    let mut checked = Timestamp::now();
    let mut listening = Listening::Later(Instant::now());
    loop {
        listening.renew(&state).await;
        tokio::select! {
            () = state.change_signal.notified() => {}
            () = tokio::time::sleep(POLL) => {}
            heard = listening.heard() => {
                if let Err(error) = heard {
                    tracing::warn!(%error, "listening for changes; polling until it is back");
                    listening = Listening::Later(Instant::now() + RELISTEN);
                }
            }
        }
        let now = Timestamp::now();
        let expired = expired_bars(&state.site(), checked, now);
        checked = now;
        if !expired.is_empty() {
            let dropped = state.cache.invalidate(&expired);
            tracing::debug!(dropped, "a breaking-news bar expired");
        }
        let changes = match state.store.changes_since(last, BATCH).await {
            Ok(changes) => changes,
            Err(error) => {
                tracing::warn!(%error, "reading the change log");
                continue;
            }
        };
        let Some(newest) = changes.last() else {
            continue;
        };
        last = newest.id;
        let tags: Vec<String> = changes.into_iter().flat_map(|change| change.tags).collect();
        if tags.iter().any(|tag| touches_site(tag)) {
            match Site::load(state.store.as_ref()).await {
                Ok(site) => state.replace_site(site),
                Err(error) => tracing::warn!(error = %format!("{error:#}"), "reloading the site"),
            }
        }
        let dropped = state.cache.invalidate(&tags);
        tracing::debug!(dropped, last, "followed the change log");
    }
}

/// The follower's wake-up call from other nodes.
enum Listening {
    /// Listening now.
    On(Box<dyn ChangeListener>),
    /// Not listening; try again at this instant.
    Later(Instant),
    /// The store has no listener (SQLite): polling alone.
    Never,
}

impl Listening {
    /// Opens the listener if it is due.
    async fn renew(&mut self, state: &AppState) {
        let Listening::Later(at) = self else {
            return;
        };
        if Instant::now() < *at {
            return;
        }
        *self = match state.store.change_listener().await {
            Ok(Some(listener)) => Listening::On(listener),
            Ok(None) => Listening::Never,
            Err(error) => {
                tracing::warn!(%error, "listening for changes; polling meanwhile");
                Listening::Later(Instant::now() + RELISTEN)
            }
        };
    }

    /// Waits for a notification; never returns when not listening.
    async fn heard(&mut self) -> StoreResult<()> {
        match self {
            Listening::On(listener) => listener.wait().await,
            Listening::Later(_) | Listening::Never => std::future::pending().await,
        }
    }
}
