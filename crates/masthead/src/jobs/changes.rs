//! Follows the change log: each new entry drops exactly the cached pages tagged with what
//! it touched; taxonomy, menu and settings changes also reload the site's tree.
//!
//! A node that writes wakes its follower at once; otherwise it polls, so changes made by
//! other nodes arrive within one poll interval.

use std::sync::Arc;
use std::time::Duration;

use crate::app::AppState;
use crate::service::site::Site;

/// How often the log is read when nothing woke the follower.
const POLL: Duration = Duration::from_millis(250);
/// Entries read per round.
const BATCH: u32 = 500;

/// Whether a change touches what every page shows (menus, sections, settings).
fn touches_site(tag: &str) -> bool {
    tag == "site" || tag.starts_with("edition:")
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
    loop {
        tokio::select! {
            () = state.change_signal.notified() => {}
            () = tokio::time::sleep(POLL) => {}
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
