//! The job queue's worker: claims due jobs with a lease and runs them. A job's effect and
//! its completion are one transaction, so each runs exactly once; a job whose node died
//! is claimed again once its lease (`job_lease_secs`) runs out; with several nodes, each
//! job is claimed by one of them (PostgreSQL's `FOR UPDATE SKIP LOCKED`). Overdue jobs run at start (catch-up).

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use store::{Job, Store};

use crate::jobs::changes::ChangeSignal;
use crate::mail::Mailer;

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
    /// Sends the outbox's email (`send_email` jobs); without it they wait.
    pub mail: Option<Arc<Mailer>>,
}

impl JobWorker {
    /// Sends one email of the outbox and marks it sent. The job is done when the SMTP
    /// server has accepted the message: a node that dies between the two sends it again
    /// when the job's lease runs out (at least once, never lost). An email whose
    /// subscriber was erased meanwhile is gone, and one whose address bounces is not
    /// sent: the job just ends.
    async fn send_email(&self, job: &Job) -> store::StoreResult<bool> {
        let Some(mail) = &self.mail else {
            return Err(store::StoreError::Other(
                "no [email] smtp_url on this node".into(),
            ));
        };
        if let Some(email) = self.store.outgoing_email(job.subject_id).await?
            && email.sent_at.is_none()
            && !email.bounced
        {
            mail.send(&email)
                .await
                .map_err(|error| store::StoreError::Other(format!("{error:#}")))?;
            tracing::info!(email = email.id, kind = %email.kind, "email sent");
        }
        self.store.email_sent(job, Timestamp::now()).await?;
        Ok(false)
    }

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
            "send_email" => self.send_email(job).await,
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
