//! Upkeep: every node prunes the logs that would otherwise grow without end (the change
//! log, finished jobs and, when a retention is set, the audit log) at start and then every
//! hour. Pruning twice is harmless, so nodes need not agree on who does it.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use store::Store;

use crate::config::Config;

/// How often the logs are pruned.
const EVERY: Duration = Duration::from_secs(3600);

/// Prunes the logs through the store, by the retention settings.
pub struct LogPruner {
    /// Where the logs are.
    pub store: Arc<dyn Store>,
    /// The settings that say what the logs keep (`change_log_days` and the others).
    pub config: Config,
}

impl LogPruner {
    /// Runs until the app stops.
    pub async fn run(self) {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match self
                .store
                .prune(&self.config.retention(Timestamp::now()))
                .await
            {
                Ok(pruned) => tracing::info!(
                    changes = pruned.changes,
                    jobs = pruned.jobs,
                    audit_lines = pruned.audit_lines,
                    form_posts = pruned.form_posts,
                    issue_sends = pruned.issue_sends,
                    "pruned the logs"
                ),
                Err(error) => tracing::warn!(%error, "pruning the logs"),
            }
        }
    }
}
