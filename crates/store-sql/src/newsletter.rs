//! The newsletter ([`Newsletters`]) and the outbox ([`Outbox`]): lists, sign-ups with the
//! consent given, confirmation, leaving lists, the public forms' counts, shared keys, and
//! email stored before the job queue sends it.
//!
//! A sign-up takes its turn among sign-ups of the same address (a transaction lock on
//! PostgreSQL; SQLite runs one writer at a time), so two at once queue one confirmation.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::issues::job_done;
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, sql};

/// The lock space of sign-ups of one address ([`Dialect::lock`]).
const SIGN_UP_LOCK: i32 = 3;

/// Lists that wait for the reader's confirmation.
const PENDING: &str = "confirmed_at IS NULL AND unsubscribed_at IS NULL";
/// The same, of subscriptions `s`.
const PENDING_S: &str = "s.confirmed_at IS NULL AND s.unsubscribed_at IS NULL \
     AND s.subscriber_id IS NOT NULL";
/// The column name `left`, a keyword in both databases.
const LEFT: &str = "\"left\"";

#[async_trait]
impl<D: Dialect> Newsletters for SqlStore<D> {
    async fn newsletters(&self, edition_id: i64) -> StoreResult<Vec<Newsletter>> {
        self.db()
            .fetch_all(sql!(
                "SELECT id, edition_id, slug, name, description, sender_name, schedule, \
                   send_time, position FROM newsletters WHERE edition_id = $1 \
                 ORDER BY position, id",
                edition_id
            ))
            .await
    }

    async fn create_newsletter(
        &self,
        list: &NewNewsletter,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = tx
            .scalar(sql!(
                "INSERT INTO newsletters (edition_id, slug, name, description, sender_name, \
                   schedule, send_time, position, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, \
                   (SELECT COALESCE(MAX(position), 0) + 1 FROM newsletters \
                    WHERE edition_id = $1), $8) RETURNING id",
                list.edition_id,
                &list.slug,
                &list.name,
                &list.description,
                &list.sender_name,
                list.schedule.as_str(),
                &list.send_time,
                Timestamp::now()
            ))
            .await?;
        if let Some(audit) = audit {
            audit_in::<D>(&mut tx, audit, id).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn sign_up(&self, sign_up: &SignUp<'_>) -> StoreResult<SignedUp> {
        let mut tx = self.write().await?;
        D::lock(&mut tx, SIGN_UP_LOCK, sign_up.email).await?;
        let subscriber = subscriber_for::<D>(&mut tx, sign_up).await?;
        let consent = consent_text::<D>(&mut tx, sign_up.consent_text, sign_up.at).await?;
        // A list already active stays as it is; a new or left one waits for confirmation.
        tx.execute(sql!(
            format!(
                "INSERT INTO subscriptions (subscriber_id, newsletter_id, consent_text_id, \
                   consented_at, consent_ip) \
                 SELECT $1, id, $2, $3, $4 FROM newsletters \
                 WHERE edition_id = $5 AND {} \
                 ON CONFLICT (subscriber_id, newsletter_id) DO UPDATE SET \
                   consent_text_id = excluded.consent_text_id, \
                   consented_at = excluded.consented_at, consent_ip = excluded.consent_ip, \
                   confirmed_at = NULL, unsubscribed_at = NULL \
                 WHERE subscriptions.confirmed_at IS NULL \
                   OR subscriptions.unsubscribed_at IS NOT NULL",
                D::in_list("id", 6)
            ),
            subscriber.id,
            consent,
            sign_up.at,
            sign_up.ip,
            sign_up.edition_id,
            sign_up.newsletter_ids
        ))
        .await?;
        let pending: i64 = tx
            .scalar(sql!(
                format!(
                    "SELECT COUNT(*) FROM subscriptions WHERE subscriber_id = $1 AND {PENDING}"
                ),
                subscriber.id
            ))
            .await?;
        let due = pending > 0
            && tx
                .execute(sql!(
                    "UPDATE subscribers SET confirmation_sent_at = $1 WHERE id = $2 \
                       AND bounced_at IS NULL \
                       AND (confirmation_sent_at IS NULL OR confirmation_sent_at < $3)",
                    sign_up.at,
                    subscriber.id,
                    sign_up.confirmation_quiet_since
                ))
                .await?
                > 0;
        tx.commit().await?;
        if !due {
            return Ok(SignedUp::Quiet);
        }
        Ok(SignedUp::SendConfirmation(subscriber))
    }

    async fn subscriber(&self, id: i64) -> StoreResult<Option<Subscriber>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT id, email, edition_id, link_key, bounced_at FROM subscribers \
                 WHERE id = $1",
                id
            ))
            .await
    }

    async fn subscriptions(&self, subscriber_id: i64) -> StoreResult<Vec<Subscription>> {
        self.db()
            .fetch_all(sql!(
                "SELECT newsletter_id, confirmed_at, unsubscribed_at, consent_text_id, \
                   consented_at, consent_ip FROM subscriptions WHERE subscriber_id = $1 \
                 ORDER BY newsletter_id",
                subscriber_id
            ))
            .await
    }

    async fn confirm_subscriptions(&self, subscriber_id: i64, at: Timestamp) -> StoreResult<u64> {
        self.db()
            .execute(sql!(
                format!(
                    "UPDATE subscriptions SET confirmed_at = $1 \
                     WHERE subscriber_id = $2 AND {PENDING}"
                ),
                at,
                subscriber_id
            ))
            .await
    }

    async fn keep_subscriptions(
        &self,
        subscriber_id: i64,
        newsletter_ids: &[i64],
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        tx.execute(sql!(
            format!(
                "UPDATE subscriptions SET unsubscribed_at = $1 \
                 WHERE subscriber_id = $2 AND unsubscribed_at IS NULL AND NOT {}",
                D::in_list("newsletter_id", 3)
            ),
            at,
            subscriber_id,
            newsletter_ids
        ))
        .await?;
        // Back on a list left earlier: it was confirmed then, from the same mailbox.
        tx.execute(sql!(
            format!(
                "UPDATE subscriptions SET unsubscribed_at = NULL \
                 WHERE subscriber_id = $1 AND unsubscribed_at IS NOT NULL \
                   AND confirmed_at IS NOT NULL AND {}",
                D::in_list("newsletter_id", 2)
            ),
            subscriber_id,
            newsletter_ids
        ))
        .await?;
        tx.commit().await
    }

    async fn count_form_post(
        &self,
        form: &str,
        network: &str,
        at: Timestamp,
        since: Timestamp,
    ) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        tx.execute(sql!(
            "INSERT INTO form_posts (form, network, at) VALUES ($1, $2, $3)",
            form,
            network,
            at
        ))
        .await?;
        let count: i64 = tx
            .scalar(sql!(
                "SELECT COUNT(*) FROM form_posts WHERE form = $1 AND network = $2 AND at >= $3",
                form,
                network,
                since
            ))
            .await?;
        tx.commit().await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    async fn newsletter_counts(&self, edition_id: i64) -> StoreResult<Vec<NewsletterCount>> {
        self.db()
            .fetch_all(sql!(
                format!(
                    "SELECT n.id AS newsletter_id, \
                       COUNT(CASE WHEN s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL \
                         AND r.bounced_at IS NULL THEN 1 END) AS confirmed, \
                       COUNT(CASE WHEN {PENDING_S} THEN 1 END) AS pending, \
                       COUNT(CASE WHEN s.unsubscribed_at IS NOT NULL THEN 1 END) AS {LEFT} \
                     FROM newsletters n \
                     LEFT JOIN subscriptions s ON s.newsletter_id = n.id \
                     LEFT JOIN subscribers r ON r.id = s.subscriber_id \
                     WHERE n.edition_id = $1 GROUP BY n.id ORDER BY n.id"
                ),
                edition_id
            ))
            .await
    }

    async fn subscriber_by_email(&self, email: &str) -> StoreResult<Option<Subscriber>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT id, email, edition_id, link_key, bounced_at FROM subscribers \
                 WHERE email = $1",
                email
            ))
            .await
    }

    async fn erase_subscriber(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        // The outbox and subscriptions go by ON DELETE CASCADE.
        let erased = tx
            .execute(sql!("DELETE FROM subscribers WHERE id = $1", id))
            .await?;
        if erased == 0 {
            return Ok(false);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn export_subscriptions(
        &self,
        edition_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<Vec<SubscriptionExport>> {
        let mut tx = self.write().await?;
        let rows = tx
            .fetch_all(sql!(
                "SELECT r.email, n.slug AS newsletter, s.consented_at, s.consent_text_id, \
                   s.consent_ip, s.confirmed_at, s.unsubscribed_at, r.bounced_at \
                 FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id \
                 JOIN newsletters n ON n.id = s.newsletter_id \
                 WHERE n.edition_id = $1 ORDER BY r.email, n.position",
                edition_id
            ))
            .await?;
        audit_in::<D>(&mut tx, audit, edition_id).await?;
        tx.commit().await?;
        Ok(rows)
    }

    async fn mark_bounced(&self, email: &str, complaint: bool, at: Timestamp) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let id: Option<(i64,)> = tx
            .fetch_optional(sql!(
                "UPDATE subscribers SET bounced_at = COALESCE(bounced_at, $1) WHERE email = $2 \
                 RETURNING id",
                at,
                email
            ))
            .await?;
        let Some((id,)) = id else {
            return Ok(false);
        };
        if complaint {
            tx.execute(sql!(
                "UPDATE subscriptions SET unsubscribed_at = $1 \
                 WHERE subscriber_id = $2 AND unsubscribed_at IS NULL",
                at,
                id
            ))
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn site_key(&self, name: &str, fresh: &str) -> StoreResult<String> {
        let mut tx = self.write().await?;
        tx.execute(sql!(
            "INSERT INTO site_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            name,
            fresh
        ))
        .await?;
        let key = tx
            .scalar(sql!("SELECT value FROM site_keys WHERE name = $1", name))
            .await?;
        tx.commit().await?;
        Ok(key)
    }
}

/// The subscriber with the sign-up's address, made if new, locked until the transaction
/// ends.
async fn subscriber_for<D: Dialect>(
    tx: &mut Tx<D>,
    sign_up: &SignUp<'_>,
) -> StoreResult<Subscriber> {
    tx.execute(sql!(
        "INSERT INTO subscribers (email, edition_id, link_key, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING",
        sign_up.email,
        sign_up.edition_id,
        sign_up.new_link_key,
        sign_up.at
    ))
    .await?;
    tx.fetch_one(sql!(
        format!(
            "SELECT id, email, edition_id, link_key, bounced_at FROM subscribers \
             WHERE email = $1{}",
            D::FOR_UPDATE
        ),
        sign_up.email
    ))
    .await
}

/// The version (id) of a consent text, recorded the first time it is agreed to.
async fn consent_text<D: Dialect>(tx: &mut Tx<D>, text: &str, at: Timestamp) -> StoreResult<i64> {
    tx.execute(sql!(
        "INSERT INTO consent_texts (text, first_used_at) VALUES ($1, $2) \
         ON CONFLICT (text) DO NOTHING",
        text,
        at
    ))
    .await?;
    tx.scalar(sql!("SELECT id FROM consent_texts WHERE text = $1", text))
        .await
}

/// Stores an email in the outbox and queues the job that sends it, in the caller's
/// transaction; returns the outbox id.
pub(crate) async fn queue_email_in<D: Dialect>(
    tx: &mut Tx<D>,
    email: &NewEmail,
    at: Timestamp,
) -> StoreResult<i64> {
    let headers = serde_json::to_string(&email.headers)
        .map_err(|error| StoreError::Other(error.to_string()))?;
    let id: i64 = tx
        .scalar(sql!(
            "INSERT INTO outbox (kind, recipient, sender_name, subject, text_body, \
               html_body, headers, subscriber_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            &email.kind,
            &email.recipient,
            &email.sender_name,
            &email.subject,
            &email.text_body,
            &email.html_body,
            headers,
            email.subscriber_id,
            at
        ))
        .await?;
    tx.execute(sql!(
        "INSERT INTO jobs (kind, subject_id, run_at, created_at) \
         VALUES ('send_email', $1, $2, $2)",
        id,
        at
    ))
    .await?;
    Ok(id)
}

/// An outbox row as stored.
#[derive(sqlx::FromRow)]
struct EmailRow {
    id: i64,
    kind: String,
    recipient: String,
    sender_name: String,
    subject: String,
    text_body: String,
    html_body: String,
    headers: String,
    sent_at: Option<i64>,
    bounced: bool,
    reply_name: Option<String>,
    reply_email: Option<String>,
}

#[async_trait]
impl<D: Dialect> Outbox for SqlStore<D> {
    async fn queue_email(&self, email: &NewEmail, at: Timestamp) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = queue_email_in::<D>(&mut tx, email, at).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn outgoing_email(&self, id: i64) -> StoreResult<Option<OutgoingEmail>> {
        let row: Option<EmailRow> = self
            .db()
            .fetch_optional(sql!(
                "SELECT o.id, o.kind, o.recipient, o.sender_name, o.subject, o.text_body, \
                   o.html_body, o.headers, o.sent_at, r.bounced_at IS NOT NULL AS bounced, \
                   c.name AS reply_name, c.email AS reply_email \
                 FROM outbox o LEFT JOIN subscribers r ON r.id = o.subscriber_id \
                 LEFT JOIN contact_messages c ON c.outbox_id = o.id \
                 WHERE o.id = $1",
                id
            ))
            .await?;
        row.map(|row| {
            let headers = serde_json::from_str(&row.headers)
                .map_err(|error| StoreError::Other(format!("outbox {id} headers: {error}")))?;
            Ok(OutgoingEmail {
                id: row.id,
                kind: row.kind,
                recipient: row.recipient,
                sender_name: row.sender_name,
                subject: row.subject,
                text_body: row.text_body,
                html_body: row.html_body,
                headers,
                sent_at: row.sent_at.map(crate::rows::to_time),
                bounced: row.bounced,
                reply_to: row.reply_name.zip(row.reply_email),
            })
        })
        .transpose()
    }

    async fn email_sent(&self, job: &Job, at: Timestamp) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        if !job_done::<D>(&mut tx, job, at).await? {
            return Ok(false);
        }
        tx.execute(sql!(
            "UPDATE outbox SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL",
            at,
            job.subject_id
        ))
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
