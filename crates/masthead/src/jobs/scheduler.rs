//! The job queue's worker: claims due jobs with a lease and runs them. A job's effect and
//! its completion are one transaction, so each runs exactly once; a job whose node died
//! is claimed again once its lease (`job_lease_secs`) runs out; with several nodes, each
//! job is claimed by one of them (PostgreSQL's `FOR UPDATE SKIP LOCKED`). Overdue jobs run at start (catch-up).

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use store::Job;

use crate::jobs::issues;
use crate::mail::Letter;
use crate::web::state::AppState;

/// How often the queue is checked.
const POLL: Duration = Duration::from_secs(1);

/// The job queue's worker. It works through the app's state: the store, the change
/// signal, the mailer (without one, email jobs wait), and for newsletter issues the theme
/// and site they are rendered from.
pub struct JobWorker {
    /// The app's handles.
    pub state: Arc<AppState>,
    /// How long a claimed job stays reserved for this node (`job_lease_secs`).
    pub lease: SignedDuration,
    /// How long after a failure a job is tried again (`job_retry_secs`).
    pub retry: SignedDuration,
}

impl JobWorker {
    /// Sends one email of the outbox and marks it sent. The job is done when the SMTP
    /// server has accepted the message: a node that dies between the two sends it again
    /// when the job's lease runs out (at least once, never lost). An email whose
    /// subscriber was erased meanwhile is gone, and one whose address bounces is not
    /// sent: the job just ends.
    async fn send_email(&self, job: &Job) -> store::StoreResult<bool> {
        let Some(mail) = &self.state.mail else {
            return Err(store::StoreError::Other(
                "no [email] smtp_url on this node".into(),
            ));
        };
        if let Some(email) = self.state.store.outgoing_email(job.subject_id).await?
            && email.sent_at.is_none()
            && !email.bounced
        {
            let message_id = format!("outbox-{}", email.id);
            mail.send(&Letter {
                message_id: &message_id,
                recipient: &email.recipient,
                sender_name: &email.sender_name,
                subject: &email.subject,
                text_body: &email.text_body,
                html_body: &email.html_body,
                headers: &email.headers,
                reply_to: email
                    .reply_to
                    .as_ref()
                    .map(|(name, address)| (name.as_str(), address.as_str())),
            })
            .await
            .map_err(|error| store::StoreError::Other(error.message))?;
            tracing::info!(email = email.id, kind = %email.kind, "email sent");
        }
        self.state.store.email_sent(job, Timestamp::now()).await?;
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
        match self.state.store.claim_job(now, now + self.lease).await {
            Ok(job) => job,
            Err(error) => {
                tracing::warn!(%error, "claiming a job");
                None
            }
        }
    }

    async fn run_job(&self, job: &Job) {
        let outcome = match job.kind.as_str() {
            "publish_story" => {
                self.state
                    .store
                    .publish_scheduled(job, Timestamp::now())
                    .await
            }
            "send_email" => self.send_email(job).await,
            "compose_issue" => issues::compose(&self.state, job).await,
            "send_issue" => issues::send(&self.state, job, self.lease).await,
            other => Err(store::StoreError::Other(format!(
                "unknown job kind {other:?}"
            ))),
        };
        match outcome {
            Ok(published) => {
                if published {
                    tracing::info!(story = job.subject_id, "published on schedule");
                    self.state.change_signal.notify();
                }
            }
            Err(error) => {
                tracing::warn!(%error, job = job.id, "job failed; will retry");
                let retry = Timestamp::now() + self.retry;
                if let Err(error) = self
                    .state
                    .store
                    .fail_job(job, &error.to_string(), retry)
                    .await
                {
                    tracing::warn!(%error, job = job.id, "recording a job failure");
                }
            }
        }
    }
}
