//! Keeps the search index following the change log: a story published, edited or
//! unpublished on any node is found (or no longer found) within a second.
//!
//! The change-log follower reads the log and wakes the indexer when it has read further
//! than the index has followed; the indexer then has the store index the stories those
//! entries name (one transaction holding the index's lock, so nodes take turns). At start it builds the whole index in the background when it is not
//! complete (a new database, a copy, an upgrade, or a change log pruned past where the
//! index stopped following it); searches meanwhile say that results may be missing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use store::{SearchSource, Store, StoreResult};

use crate::jobs::changes::FollowerBeat;
use crate::service::search::SearchService;

/// How long the indexer waits before trying again when another node held the index.
const LOOK: Duration = Duration::from_millis(100);

/// Change-log entries followed per transaction (each names a story or a few: a rename
/// may name many), kept small for the same reason as a full build's batches.
const BATCH: u32 = 100;

/// How often the index's state is read even when nothing new was seen: another node may
/// have followed the log or finished a build.
const STATE_CHECK: Duration = Duration::from_secs(5);

/// How long to wait after a failed round before trying again.
const RETRY: Duration = Duration::from_secs(2);

/// The indexer and what it works with.
pub struct SearchIndexer {
    /// Where the index lives.
    pub store: Arc<dyn Store>,
    /// The analyzer, and where completeness is recorded for searches.
    pub search: Arc<SearchService>,
    /// How far the change-log follower has read.
    pub beat: Arc<FollowerBeat>,
}

impl SearchIndexer {
    /// Follows the change log from `followed` (the entry [`SearchIndexer::start`] said
    /// the index had followed) until the app stops.
    pub async fn run(self, mut followed: i64) {
        loop {
            if self.beat.read_id() <= followed {
                tokio::select! {
                    () = self.beat.advanced() => {}
                    () = tokio::time::sleep(STATE_CHECK) => {}
                }
            }
            // Nothing new to follow: only read the state (no write transaction).
            let result = if self.beat.read_id() <= followed {
                self.look().await.map(Some)
            } else {
                self.round().await
            };
            match result {
                Ok(Some(last)) => followed = last,
                Ok(None) => tokio::time::sleep(LOOK).await,
                Err(error) => {
                    tracing::warn!(%error, "following the change log into the search index");
                    tokio::time::sleep(RETRY).await;
                }
            }
        }
    }

    /// Reads where the index stands, and starts a full build in the background when it
    /// is not complete; returns the last change-log entry it followed. The app calls it
    /// once before it serves, so that its first searches do not say the index is still
    /// being built when it is not, and does not start if the state cannot be read (as it
    /// does not when its migrations cannot run).
    pub async fn start(&self) -> StoreResult<i64> {
        if self.store.check_index_gap().await? {
            tracing::warn!("the change log was pruned past the search index: rebuilding it");
        }
        let last_change = self.look().await?;
        if !self.search.is_complete() {
            tokio::spawn(build(self.store.clone(), self.search.clone()));
        }
        Ok(last_change)
    }

    /// Reads the index's state (another node may have followed the log further, or
    /// finished a build); returns the last entry it has followed.
    async fn look(&self) -> StoreResult<i64> {
        let state = self.store.index_state().await?;
        self.search.set_followed(state.last_change);
        self.search.set_complete(state.complete);
        Ok(state.last_change)
    }

    /// Follows the log as far as one batch goes, and records whether the index is
    /// complete; returns the last entry followed, if this node could follow.
    async fn round(&self) -> StoreResult<Option<i64>> {
        let analyze = |source: &SearchSource| self.search.document(source);
        let followed = self.store.follow_changes(BATCH, &analyze).await?;
        let last_change = self.look().await?;
        Ok(followed.map(|last| last.max(last_change)))
    }
}

/// Builds the whole index, logging how long it took.
async fn build(store: Arc<dyn Store>, search: Arc<SearchService>) {
    let started = Instant::now();
    tracing::info!("building the search index");
    match search.rebuild(store.as_ref(), &mut |_, _| {}).await {
        Ok(stories) => {
            search.set_complete(true);
            tracing::info!(
                stories,
                seconds = started.elapsed().as_secs_f64(),
                "built the search index"
            );
        }
        Err(error) => {
            tracing::warn!(%error, "building the search index; it stays incomplete until the next start or `masthead reindex`")
        }
    }
}
