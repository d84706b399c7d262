//! Follows the change log: each new entry drops exactly the cached pages tagged with what
//! it touched; taxonomy, menu and settings changes also reload the site's tree.
//!
//! A node that writes wakes its follower at once. Changes made by other nodes wake it
//! through the store's change listener (PostgreSQL's LISTEN/NOTIFY) where there is one;
//! it also polls, so a lost notification or a dropped listening connection delays a
//! change by one poll interval at most. Each round also drops the pages of an
//! edition whose breaking-news bar expired since the last round: pages rendered after the
//! expiry leave the bar out by themselves, so dropping the older copies is enough. Job
//! listings that reach their closing time are found the same way, by asking the store
//! every [`CLOSINGS`], and drop their edition's jobs pages.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use store::{CacheTag, ChangeListener, Store, StoreResult};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::service::site::Site;
use crate::service::site_tree::SiteTree;

/// How often the log is read when nothing woke the follower.
const POLL: Duration = Duration::from_millis(250);
/// Entries read per round.
const BATCH: u32 = 500;
/// How long to wait before listening again after the listening connection failed.
const RELISTEN: Duration = Duration::from_secs(2);

/// How often the store is asked for job listings that reached their closing time.
const CLOSINGS: Duration = Duration::from_secs(30);

/// A follower whose last round is older than this has stopped (or hangs).
const STALLED: Duration = Duration::from_secs(5);

/// What the follower drops pages through: the node's page cache, by tag.
pub trait PageInvalidation: Send + Sync {
    /// Drops every page tagged with any of `tags`; returns how many were dropped.
    fn invalidate(&self, tags: &[CacheTag]) -> usize;
}

/// Wakes the follower at once when this node wrote a change, instead of at its next poll.
#[derive(Debug, Default)]
pub struct ChangeSignal(Notify);

impl ChangeSignal {
    /// Tells the follower to look now.
    pub fn notify(&self) {
        self.0.notify_one();
    }

    async fn notified(&self) {
        self.0.notified().await;
    }
}

/// What the follower last did, for `/readyz` and `/metrics`: when it last went round its
/// loop, and when and how far it last read the log.
#[derive(Debug, Default)]
pub struct FollowerBeat {
    /// Milliseconds since the epoch of the last round (0: never).
    round_at: AtomicI64,
    /// Milliseconds since the epoch of the last successful read of the log (0: never).
    read_at: AtomicI64,
    /// The last change-log id read.
    read_id: AtomicI64,
    /// Told each time the follower reads further (the search indexer waits on it).
    advanced: Notify,
}

impl FollowerBeat {
    fn round(&self) {
        self.round_at
            .store(Timestamp::now().as_millisecond(), Ordering::Relaxed);
    }

    fn read(&self, last_id: i64) {
        if self.read_id.swap(last_id, Ordering::Relaxed) < last_id {
            self.advanced.notify_one();
        }
        self.read_at
            .store(Timestamp::now().as_millisecond(), Ordering::Relaxed);
    }

    /// Whether the follower went round its loop lately.
    pub fn is_running(&self) -> bool {
        since(&self.round_at).is_some_and(|age| age < STALLED)
    }

    /// How long ago the follower last read the change log; `None` before its first read.
    pub fn read_age(&self) -> Option<Duration> {
        since(&self.read_at)
    }

    /// The id of the last change-log entry the follower read.
    pub fn read_id(&self) -> i64 {
        self.read_id.load(Ordering::Relaxed)
    }

    /// Waits until the follower reads further than when it was last waited for (at once
    /// if it has since).
    pub async fn advanced(&self) {
        self.advanced.notified().await;
    }
}

/// The time since a recorded instant (milliseconds since the epoch; 0 is never).
fn since(at: &AtomicI64) -> Option<Duration> {
    let at = at.load(Ordering::Relaxed);
    let elapsed = Timestamp::now().as_millisecond().saturating_sub(at);
    (at > 0).then(|| Duration::from_millis(u64::try_from(elapsed).unwrap_or(0)))
}

/// The edition tags of editions whose breaking-news bar expired in `(after, until]`.
fn expired_bars(site: &Site, after: Timestamp, until: Timestamp) -> Vec<CacheTag> {
    site.editions
        .iter()
        .filter_map(|edition| edition.breaking.as_ref())
        .filter(|news| news.expires_at > after && news.expires_at <= until)
        .map(|news| CacheTag::Edition(news.edition_id))
        .collect()
}

/// The change-log follower and the handles it works through.
pub struct ChangeFollower {
    /// Where the change log is read.
    pub store: Arc<dyn Store>,
    /// The site tree, reloaded when a change touches it.
    pub site: Arc<SiteTree>,
    /// The pages dropped by each change's tags.
    pub pages: Arc<dyn PageInvalidation>,
    /// This node's own writes.
    pub signal: Arc<ChangeSignal>,
    /// Where each round is recorded.
    pub beat: Arc<FollowerBeat>,
}

impl ChangeFollower {
    /// Runs until the app stops.
    pub async fn run(self) {
        self.beat.round();
        let mut last = match self.store.last_change_id().await {
            Ok(id) => {
                self.beat.read(id);
                id
            }
            Err(error) => {
                tracing::warn!(%error, "reading the change log; starting from the beginning");
                0
            }
        };
        let mut checked = Timestamp::now();
        let mut closings = Closings::new(checked);
        let mut listening = Listening::Later(Instant::now());
        loop {
            listening.renew(self.store.as_ref()).await;
            tokio::select! {
                () = self.signal.notified() => {}
                () = tokio::time::sleep(POLL) => {}
                heard = listening.heard() => {
                    if let Err(error) = heard {
                        tracing::warn!(%error, "listening for changes; polling until it is back");
                        listening = Listening::Later(Instant::now() + RELISTEN);
                    }
                }
            }
            self.beat.round();
            let now = Timestamp::now();
            let expired = expired_bars(&self.site.current(), checked, now);
            checked = now;
            if !expired.is_empty() {
                let dropped = self.pages.invalidate(&expired);
                tracing::debug!(dropped, "a breaking-news bar expired");
            }
            closings
                .drop_closed(self.store.as_ref(), self.pages.as_ref())
                .await;
            last = self.follow(last).await;
        }
    }

    /// Reads the log after `last` and applies what it finds; returns the last id read.
    async fn follow(&self, last: i64) -> i64 {
        let changes = match self.store.changes_since(last, BATCH).await {
            Ok(changes) => changes,
            Err(error) => {
                tracing::warn!(%error, "reading the change log");
                return last;
            }
        };
        let Some(newest) = changes.last() else {
            self.beat.read(last);
            return last;
        };
        let last = newest.id;
        self.beat.read(last);
        let tags: Vec<CacheTag> = changes.into_iter().flat_map(|change| change.tags).collect();
        // What every page shows (menus, sections, the bar) lives in the site's tree.
        if tags.iter().any(|tag| matches!(tag, CacheTag::Edition(_)))
            && let Err(error) = self.site.reload(self.store.as_ref()).await
        {
            tracing::warn!(error = %format!("{error:#}"), "reloading the site");
        }
        let dropped = self.pages.invalidate(&tags);
        tracing::debug!(dropped, last, "followed the change log");
        last
    }
}

/// When job listings were last checked for closing, and when to check next.
struct Closings {
    checked: Timestamp,
    next: Instant,
}

impl Closings {
    fn new(now: Timestamp) -> Closings {
        Closings {
            checked: now,
            next: Instant::now() + CLOSINGS,
        }
    }

    /// When due, drops the jobs pages of editions with a listing that closed since the
    /// last check; a failed read is tried again next time, from the same point.
    async fn drop_closed(&mut self, store: &dyn Store, pages: &dyn PageInvalidation) {
        if Instant::now() < self.next {
            return;
        }
        self.next = Instant::now() + CLOSINGS;
        let now = Timestamp::now();
        match store.job_closings(self.checked, now).await {
            Ok(editions) => {
                self.checked = now;
                let tags: Vec<CacheTag> = editions.into_iter().map(CacheTag::Jobs).collect();
                if !tags.is_empty() {
                    let dropped = pages.invalidate(&tags);
                    tracing::debug!(dropped, "job listings closed");
                }
            }
            Err(error) => tracing::warn!(%error, "reading job listings' closing times"),
        }
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
    async fn renew(&mut self, store: &dyn Store) {
        let Listening::Later(at) = self else {
            return;
        };
        if Instant::now() < *at {
            return;
        }
        *self = match store.change_listener().await {
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
