//! Issues of a newsletter ([`Issues`]): planned once per list and scheduled time, composed
//! once, sent one recorded recipient at a time.
//!
//! Recipients are reserved in batches, like jobs: on PostgreSQL with `FOR UPDATE SKIP
//! LOCKED`, so two workers never take the same rows; SQLite runs one writer at a time. A
//! reservation runs out like a job's lease, so a batch whose worker died is taken again;
//! only the messages that worker had handed to the mail server without recording them are
//! sent twice, with the same `Message-ID`.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, sql};

/// Recipients of `s` still to send to.
const WAITING: &str = "s.sent_at IS NULL AND s.failed_at IS NULL AND s.skipped_at IS NULL";
/// A subscription `u` a digest goes to, of a subscriber `r`.
const ACTIVE: &str =
    "u.confirmed_at IS NOT NULL AND u.unsubscribed_at IS NULL AND r.bounced_at IS NULL";

#[async_trait]
impl<D: Dialect> Issues for SqlStore<D> {
    async fn plan_issue(
        &self,
        newsletter_id: i64,
        slot: Timestamp,
        at: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let planned: Option<(i64,)> = tx
            .fetch_optional(sql!(
                "INSERT INTO newsletter_issues (newsletter_id, slot, created_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (newsletter_id, slot) DO NOTHING RETURNING id",
                newsletter_id,
                slot,
                at
            ))
            .await?;
        let Some((id,)) = planned else {
            return Ok(false);
        };
        queue_job::<D>(&mut tx, "compose_issue", id, at).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn planned_issue(&self, id: i64) -> StoreResult<Option<PlannedIssue>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT i.id, i.newsletter_id, i.composed_at IS NOT NULL AS composed, \
                   (SELECT MAX(p.composed_at) FROM newsletter_issues p \
                    WHERE p.newsletter_id = i.newsletter_id AND p.id <> i.id \
                      AND p.story_count > 0) AS previous_at \
                 FROM newsletter_issues i WHERE i.id = $1",
                id
            ))
            .await
    }

    async fn queue_issue(&self, issue: &NewIssue<'_>) -> StoreResult<(i64, i64)> {
        let mut tx = self.write().await?;
        let composed: Option<(i64,)> = match issue.planned {
            Some(planned) => {
                tx.fetch_optional(sql!(
                    "UPDATE newsletter_issues SET subject = $1, text_body = $2, \
                       html_body = $3, story_count = $4, composed_at = $5 \
                     WHERE id = $6 AND composed_at IS NULL RETURNING id",
                    issue.subject,
                    issue.text_body,
                    issue.html_body,
                    issue.story_count,
                    issue.at,
                    planned
                ))
                .await?
            }
            None => {
                tx.fetch_optional(sql!(
                    "INSERT INTO newsletter_issues (newsletter_id, subject, text_body, \
                       html_body, story_count, created_at, composed_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                    issue.newsletter_id,
                    issue.subject,
                    issue.text_body,
                    issue.html_body,
                    issue.story_count,
                    issue.at
                ))
                .await?
            }
        };
        let recipients = match composed {
            Some((id,)) if issue.story_count > 0 => {
                let count = tx
                    .execute(sql!(
                        format!(
                            "INSERT INTO issue_sends (issue_id, subscriber_id) \
                             SELECT $1, u.subscriber_id FROM subscriptions u \
                             JOIN subscribers r ON r.id = u.subscriber_id \
                             WHERE u.newsletter_id = $2 AND {ACTIVE}"
                        ),
                        id,
                        issue.newsletter_id
                    ))
                    .await?;
                if count > 0 {
                    queue_job::<D>(&mut tx, "send_issue", id, issue.at).await?;
                } else {
                    close_issue::<D>(&mut tx, id, issue.at).await?;
                }
                i64::try_from(count).unwrap_or(i64::MAX)
            }
            Some((id,)) => {
                close_issue::<D>(&mut tx, id, issue.at).await?;
                0
            }
            None => 0,
        };
        let id = composed.map(|(id,)| id).or(issue.planned).unwrap_or(0);
        if let Some(job) = issue.job {
            job_done::<D>(&mut tx, job, issue.at).await?;
        }
        if let Some(audit) = issue.audit {
            audit_in::<D>(&mut tx, audit, id).await?;
        }
        tx.commit().await?;
        Ok((id, recipients))
    }

    async fn issue_content(&self, id: i64) -> StoreResult<Option<IssueContent>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT id, newsletter_id, subject, text_body, html_body \
                 FROM newsletter_issues WHERE id = $1 AND composed_at IS NOT NULL",
                id
            ))
            .await
    }

    async fn claim_recipients(
        &self,
        issue_id: i64,
        now: Timestamp,
        until: Timestamp,
        limit: u32,
    ) -> StoreResult<Vec<Subscriber>> {
        let mut tx = self.write().await?;
        let claimed: Vec<(i64,)> = tx
            .fetch_all(sql!(
                format!(
                    "UPDATE issue_sends SET claimed_until = $3 \
                     WHERE issue_id = $1 AND subscriber_id IN \
                       (SELECT s.subscriber_id FROM issue_sends s \
                        WHERE s.issue_id = $1 AND {WAITING} \
                          AND (s.claimed_until IS NULL OR s.claimed_until < $2) \
                        ORDER BY s.subscriber_id LIMIT $4{}) \
                     RETURNING subscriber_id",
                    D::SKIP_LOCKED
                ),
                issue_id,
                now,
                until,
                limit
            ))
            .await?;
        let ids: Vec<i64> = claimed.into_iter().map(|(id,)| id).collect();
        // Gone since the issue was composed: left the list, bounced, or complained.
        tx.execute(sql!(
            format!(
                "UPDATE issue_sends SET skipped_at = $2 \
                 WHERE issue_id = $1 AND {} AND NOT EXISTS \
                   (SELECT 1 FROM subscriptions u JOIN subscribers r ON r.id = u.subscriber_id \
                    JOIN newsletter_issues i ON i.newsletter_id = u.newsletter_id \
                    WHERE i.id = $1 AND u.subscriber_id = issue_sends.subscriber_id \
                      AND {ACTIVE})",
                D::in_list("subscriber_id", 3)
            ),
            issue_id,
            now,
            &ids
        ))
        .await?;
        let recipients = tx
            .fetch_all(sql!(
                format!(
                    "SELECT r.id, r.email, r.edition_id, r.link_key, r.bounced_at \
                     FROM issue_sends s JOIN subscribers r ON r.id = s.subscriber_id \
                     WHERE s.issue_id = $1 AND {WAITING} AND {} ORDER BY r.id",
                    D::in_list("s.subscriber_id", 2)
                ),
                issue_id,
                &ids
            ))
            .await?;
        tx.commit().await?;
        Ok(recipients)
    }

    async fn record_send(
        &self,
        issue_id: i64,
        subscriber_id: i64,
        outcome: SendOutcome<'_>,
        at: Timestamp,
    ) -> StoreResult<()> {
        let query = match outcome {
            SendOutcome::Sent => sql!(
                "UPDATE issue_sends SET sent_at = $1 WHERE issue_id = $2 AND subscriber_id = $3",
                at,
                issue_id,
                subscriber_id
            ),
            SendOutcome::Failed(error) => sql!(
                "UPDATE issue_sends SET failed_at = $1, error = $4 \
                 WHERE issue_id = $2 AND subscriber_id = $3",
                at,
                issue_id,
                subscriber_id,
                error
            ),
        };
        self.db().execute(query).await?;
        Ok(())
    }

    async fn defer_job(&self, job: &Job, run_at: Timestamp) -> StoreResult<bool> {
        let deferred = self
            .db()
            .execute(sql!(
                "UPDATE jobs SET locked_until = NULL, run_at = $1 \
                 WHERE id = $2 AND attempts = $3 AND done_at IS NULL",
                run_at,
                job.id,
                job.attempts
            ))
            .await?;
        Ok(deferred > 0)
    }

    async fn finish_issue(&self, job: &Job, at: Timestamp) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let waiting: i64 = tx
            .scalar(sql!(
                format!("SELECT COUNT(*) FROM issue_sends s WHERE s.issue_id = $1 AND {WAITING}"),
                job.subject_id
            ))
            .await?;
        if waiting > 0 {
            return Ok(false);
        }
        tx.execute(sql!(
            "UPDATE newsletter_issues SET finished_at = COALESCE(finished_at, $1), \
               recipient_count = (SELECT COUNT(*) FROM issue_sends WHERE issue_id = $2), \
               sent_count = (SELECT COUNT(*) FROM issue_sends \
                 WHERE issue_id = $2 AND sent_at IS NOT NULL), \
               failed_count = (SELECT COUNT(*) FROM issue_sends \
                 WHERE issue_id = $2 AND failed_at IS NOT NULL) \
             WHERE id = $2",
            at,
            job.subject_id
        ))
        .await?;
        job_done::<D>(&mut tx, job, at).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn issue_summaries(
        &self,
        newsletter_id: i64,
        limit: u32,
    ) -> StoreResult<Vec<IssueSummary>> {
        self.db()
            .fetch_all(sql!(
                "SELECT i.id, i.subject, i.story_count, i.composed_at, i.finished_at, \
                   CASE WHEN i.finished_at IS NOT NULL THEN i.recipient_count ELSE \
                     (SELECT COUNT(*) FROM issue_sends s WHERE s.issue_id = i.id) \
                   END AS recipients, \
                   CASE WHEN i.finished_at IS NOT NULL THEN i.sent_count ELSE \
                     (SELECT COUNT(*) FROM issue_sends s \
                      WHERE s.issue_id = i.id AND s.sent_at IS NOT NULL) \
                   END AS sent, \
                   CASE WHEN i.finished_at IS NOT NULL THEN i.failed_count ELSE \
                     (SELECT COUNT(*) FROM issue_sends s \
                      WHERE s.issue_id = i.id AND s.failed_at IS NOT NULL) \
                   END AS failed, \
                   (SELECT COUNT(*) FROM subscriptions u \
                    WHERE u.newsletter_id = i.newsletter_id AND i.story_count > 0 \
                      AND u.confirmed_at <= i.composed_at AND u.unsubscribed_at >= i.composed_at \
                      AND NOT EXISTS (SELECT 1 FROM newsletter_issues n \
                        WHERE n.newsletter_id = i.newsletter_id AND n.story_count > 0 \
                          AND n.composed_at > i.composed_at \
                          AND n.composed_at <= u.unsubscribed_at)) AS unsubscribed \
                 FROM newsletter_issues i WHERE i.newsletter_id = $1 \
                 ORDER BY i.id DESC LIMIT $2",
                newsletter_id,
                limit
            ))
            .await
    }

    async fn subscriber_days(
        &self,
        newsletter_id: i64,
        since: Timestamp,
    ) -> StoreResult<Vec<SubscriberDay>> {
        self.db()
            .fetch_all(sql!(
                "SELECT day, SUM(joined) AS joined, SUM(gone) AS \"left\" FROM \
                   (SELECT confirmed_at / 86400 AS day, 1 AS joined, 0 AS gone \
                    FROM subscriptions WHERE newsletter_id = $1 AND confirmed_at >= $2 \
                    UNION ALL \
                    SELECT unsubscribed_at / 86400, 0, 1 FROM subscriptions \
                    WHERE newsletter_id = $1 AND confirmed_at IS NOT NULL \
                      AND unsubscribed_at >= $2) d \
                 GROUP BY day ORDER BY day",
                newsletter_id,
                since
            ))
            .await
    }

    async fn subscribers_at(&self, newsletter_id: i64, at: Timestamp) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "SELECT COUNT(*) FROM subscriptions WHERE newsletter_id = $1 \
                   AND confirmed_at < $2 AND (unsubscribed_at IS NULL OR unsubscribed_at >= $2)",
                newsletter_id,
                at
            ))
            .await
    }

    async fn newsletter_sections(&self, newsletter_id: i64) -> StoreResult<Vec<i64>> {
        let rows: Vec<(i64,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT section_id FROM newsletter_sections WHERE newsletter_id = $1 \
                 ORDER BY section_id",
                newsletter_id
            ))
            .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn update_newsletter(
        &self,
        id: i64,
        list: &NewNewsletter,
        sections: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(sql!(
                "UPDATE newsletters SET slug = $1, name = $2, description = $3, \
                   sender_name = $4, schedule = $5, send_time = $6 \
                 WHERE id = $7 AND edition_id = $8",
                &list.slug,
                &list.name,
                &list.description,
                &list.sender_name,
                list.schedule.as_str(),
                &list.send_time,
                id,
                list.edition_id
            ))
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute(sql!(
            "DELETE FROM newsletter_sections WHERE newsletter_id = $1",
            id
        ))
        .await?;
        tx.execute(sql!(
            format!(
                "INSERT INTO newsletter_sections (newsletter_id, section_id) \
                 SELECT $1, id FROM sections WHERE edition_id = $2 AND {}",
                D::in_list("id", 3)
            ),
            id,
            list.edition_id,
            sections
        ))
        .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }
}

/// Closes an issue with nobody to send it to (no stories, or no subscribers).
async fn close_issue<D: Dialect>(tx: &mut Tx<D>, id: i64, at: Timestamp) -> StoreResult<()> {
    tx.execute(sql!(
        "UPDATE newsletter_issues SET finished_at = $1 WHERE id = $2",
        at,
        id
    ))
    .await?;
    Ok(())
}

/// Queues a job of `kind` on `subject_id`, due now.
async fn queue_job<D: Dialect>(
    tx: &mut Tx<D>,
    kind: &str,
    subject_id: i64,
    at: Timestamp,
) -> StoreResult<()> {
    tx.execute(sql!(
        "INSERT INTO jobs (kind, subject_id, run_at, created_at) VALUES ($1, $2, $3, $3)",
        kind,
        subject_id,
        at
    ))
    .await?;
    Ok(())
}

/// Marks a job done, if its worker still holds it (false if it does not).
pub(crate) async fn job_done<D: Dialect>(
    tx: &mut Tx<D>,
    job: &Job,
    at: Timestamp,
) -> StoreResult<bool> {
    let done = tx
        .execute(sql!(
            "UPDATE jobs SET done_at = $1 WHERE id = $2 AND done_at IS NULL AND attempts = $3",
            at,
            job.id,
            job.attempts
        ))
        .await?;
    Ok(done > 0)
}
