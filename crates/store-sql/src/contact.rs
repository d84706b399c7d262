//! The contact form ([`Contact`]): desks per edition, and readers' messages, each stored
//! with its email to the desk queued in the same transaction.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::newsletter::queue_email_in;
use crate::workflow::audit_in;
use crate::{SqlStore, sql};

/// The columns of a [`ContactMessage`], of messages `m`, outbox `o` and users `u`.
const MESSAGE: &str = "SELECT m.id, m.edition_id, m.desk_id, m.desk_name, m.name, m.email, \
       m.message, m.ip, m.received_at, m.handled_at, m.handled_by, \
       u.name AS handled_by_name, \
       CASE WHEN o.id IS NULL THEN NULL ELSE o.sent_at IS NOT NULL END AS emailed \
     FROM contact_messages m LEFT JOIN users u ON u.id = m.handled_by \
     LEFT JOIN outbox o ON o.id = m.outbox_id";

#[async_trait]
impl<D: Dialect> Contact for SqlStore<D> {
    async fn desks(&self, edition_id: i64) -> StoreResult<Vec<Desk>> {
        self.db()
            .fetch_all(sql!(
                "SELECT id, edition_id, name, email, position FROM contact_desks \
                 WHERE edition_id = $1 ORDER BY position, id",
                edition_id
            ))
            .await
    }

    async fn create_desk(
        &self,
        edition_id: i64,
        fields: &DeskFields,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO contact_desks (edition_id, name, email, position) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
                edition_id,
                &fields.name,
                &fields.email,
                fields.position
            ))
            .await?;
        if let Some(audit) = audit {
            audit_in::<D>(&mut tx, audit, id).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn update_desk(
        &self,
        edition_id: i64,
        id: i64,
        fields: &DeskFields,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(sql!(
                "UPDATE contact_desks SET name = $1, email = $2, position = $3 \
                 WHERE id = $4 AND edition_id = $5",
                &fields.name,
                &fields.email,
                fields.position,
                id,
                edition_id
            ))
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn remove_desk(
        &self,
        edition_id: i64,
        id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let removed = tx
            .execute(sql!(
                "DELETE FROM contact_desks WHERE id = $1 AND edition_id = $2",
                id,
                edition_id
            ))
            .await?;
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn receive_contact_message(
        &self,
        message: &NewContactMessage,
        email: Option<&NewEmail>,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        // The desk by id only while it is still the edition's: one removed meanwhile
        // leaves the message with its name alone.
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO contact_messages (edition_id, desk_id, desk_name, name, email, \
                   message, ip, received_at) \
                 VALUES ($1, (SELECT id FROM contact_desks WHERE id = $2 AND edition_id = $1), \
                   $3, $4, $5, $6, $7, $8) RETURNING id",
                message.edition_id,
                message.desk_id,
                &message.desk_name,
                &message.name,
                &message.email,
                &message.message,
                &message.ip,
                message.received_at
            ))
            .await?;
        if let Some(email) = email {
            let outbox = queue_email_in::<D>(&mut tx, email, message.received_at).await?;
            tx.execute(sql!(
                "UPDATE contact_messages SET outbox_id = $1 WHERE id = $2",
                outbox,
                id
            ))
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn contact_messages(
        &self,
        edition_id: i64,
        unhandled_only: bool,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<ContactMessage>> {
        self.db()
            .fetch_all(sql!(
                format!(
                    "{MESSAGE} WHERE m.edition_id = $1 AND ($2 = FALSE OR m.handled_at IS NULL) \
                     ORDER BY m.received_at DESC, m.id DESC LIMIT $3 OFFSET $4"
                ),
                edition_id,
                unhandled_only,
                limit,
                offset
            ))
            .await
    }

    async fn contact_message(&self, id: i64) -> StoreResult<Option<ContactMessage>> {
        self.db()
            .fetch_optional(sql!(format!("{MESSAGE} WHERE m.id = $1"), id))
            .await
    }

    async fn unhandled_contact_counts(&self) -> StoreResult<Vec<(i64, i64)>> {
        self.db()
            .fetch_all(sql!(
                "SELECT edition_id, COUNT(*) FROM contact_messages WHERE handled_at IS NULL \
                 GROUP BY edition_id ORDER BY edition_id"
            ))
            .await
    }

    async fn mark_contact_message(
        &self,
        id: i64,
        handled: Option<(i64, Timestamp)>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(sql!(
                "UPDATE contact_messages SET handled_by = $1, handled_at = $2 WHERE id = $3",
                handled.map(|(user, _)| user),
                handled.map(|(_, at)| at),
                id
            ))
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await
    }

    async fn erase_contact_message(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let outbox: Option<Option<i64>> = tx
            .fetch_optional::<(Option<i64>,)>(sql!(
                "SELECT outbox_id FROM contact_messages WHERE id = $1",
                id
            ))
            .await?
            .map(|(outbox,)| outbox);
        let Some(outbox) = outbox else {
            return Ok(false);
        };
        tx.execute(sql!("DELETE FROM contact_messages WHERE id = $1", id))
            .await?;
        // Its email holds the same words: it goes too (a job still waiting for it finds
        // nothing to send and ends).
        if let Some(outbox) = outbox {
            tx.execute(sql!("DELETE FROM outbox WHERE id = $1", outbox))
                .await?;
        }
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await?;
        Ok(true)
    }
}
