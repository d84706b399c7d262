//! The job queue's worker: claims due jobs with a lease and runs them. A job's effect and
//! its completion are one transaction, so each runs exactly once; a job whose node died
//! is claimed again once its lease (`job_lease_secs`) runs out; with several nodes, each
//! job is claimed by one of them (PostgreSQL's `FOR UPDATE SKIP LOCKED`). Overdue jobs run at start (catch-up).

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use store::{Job, Store};

use crate::jobs::changes::ChangeSignal;

/// How often the queue is checked.
const POLL: Duration = Duration::from_secs(1);
/// How long after a failure a job is tried again.
const RETRY: SignedDuration = SignedDuration::from_secs(30);

/// The job queue's worker and the handles it works through.
pub struct JobWorker {
    /// Where jobs are claimed, run and finished.
    pub store: Arc<dyn Store>,
    /// How long a claimed job stays reserved for this node (`job_lease_secs`).
    pub lease: SignedDuration,
    /// Wakes this node's change follower after a job published something.
    pub signal: Arc<ChangeSignal>,
}

impl JobWorker {
    /// Runs until the app stops.
    pub async fn run(self) {
        loop {
            while let Some(job) = self.claim().await {
                self.run_job(&job).await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    async fn claim(&self) -> Option<Job> {
        let now = Timestamp::now();
        match self.store.claim_job(now, now + self.lease).await {
            Ok(job) => job,
            Err(error) => {
                tracing::warn!(%error, "claiming a job");
                None
            }
        }
    }

    async fn run_job(&self, job: &Job) {
        let outcome = match job.kind.as_str() {
            "publish_story" => self.store.publish_scheduled(job, Timestamp::now()).await,
            other => Err(store::StoreError::Other(format!(
                "unknown job kind {other:?}"
            ))),
        };
        match outcome {
            Ok(published) => {
                if published {
                    tracing::info!(story = job.subject_id, "published on schedule");
                    self.signal.notify();
                }
            }
            Err(error) => {
                tracing::warn!(%error, job = job.id, "job failed; will retry");
                let retry = Timestamp::now() + RETRY;
                if let Err(error) = self.store.fail_job(job, &error.to_string(), retry).await {
                    tracing::warn!(%error, job = job.id, "recording a job failure");
                }
            }
        }
    }
}
