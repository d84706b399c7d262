//! The contact form's records: each edition's desks (where readers' messages go) and the
//! messages readers sent, which the newsroom reads, marks handled and erases.

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use crate::error::StoreResult;
use crate::newsletter::NewEmail;
use crate::newsroom::NewAuditEntry;

/// A desk of an edition: a choice in the contact form's list, and the address its
/// messages are emailed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Desk {
    /// Database id.
    pub id: i64,
    /// The edition whose form lists it.
    pub edition_id: i64,
    /// What readers choose ("Corrections").
    pub name: String,
    /// Where its messages are emailed.
    pub email: String,
    /// Its place in the list (smallest first).
    pub position: i64,
}

/// What the newsroom sets of a desk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskFields {
    /// What readers choose.
    pub name: String,
    /// Where its messages are emailed.
    pub email: String,
    /// Its place in the list.
    pub position: i64,
}

/// A reader's message, as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewContactMessage {
    /// The edition whose form it came through.
    pub edition_id: i64,
    /// The desk chosen.
    pub desk_id: i64,
    /// The desk's name then.
    pub desk_name: String,
    /// The sender's name.
    pub name: String,
    /// The sender's address (checked, lower-case).
    pub email: String,
    /// What they wrote.
    pub message: String,
    /// Their client address.
    pub ip: String,
    /// When it came in.
    pub received_at: Timestamp,
}

/// A reader's message as the newsroom reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct ContactMessage {
    /// Database id.
    pub id: i64,
    /// The edition whose form it came through.
    pub edition_id: i64,
    /// The desk chosen, while it exists.
    pub desk_id: Option<i64>,
    /// The desk's name when the message came in.
    pub desk_name: String,
    /// The sender's name.
    pub name: String,
    /// The sender's address.
    pub email: String,
    /// What they wrote.
    pub message: String,
    /// Their client address.
    pub ip: String,
    /// When it came in.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub received_at: Timestamp,
    /// When an editor marked it handled.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub handled_at: Option<Timestamp>,
    /// Who did, while the account exists.
    pub handled_by: Option<i64>,
    /// Their name.
    pub handled_by_name: Option<String>,
    /// The email to the desk: `None` when none was queued (no mail server configured),
    /// else whether the mail server has accepted it.
    pub emailed: Option<bool>,
}

/// The contact form's desks and messages.
#[async_trait]
pub trait Contact: Send + Sync + 'static {
    /// An edition's desks, in order.
    async fn desks(&self, edition_id: i64) -> StoreResult<Vec<Desk>>;
    /// Adds a desk to an edition, with its audit line.
    async fn create_desk(
        &self,
        edition_id: i64,
        fields: &DeskFields,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64>;
    /// Rewrites a desk of an edition, with its audit line; `NotFound` if the edition has
    /// no such desk.
    async fn update_desk(
        &self,
        edition_id: i64,
        id: i64,
        fields: &DeskFields,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Removes a desk of an edition (its messages stay, with its name), with its audit
    /// line; `NotFound` if the edition has no such desk.
    async fn remove_desk(&self, edition_id: i64, id: i64, audit: &NewAuditEntry)
    -> StoreResult<()>;
    /// Stores a reader's message and then, if given, queues its email to the desk (the
    /// outbox row and its `send_email` job), in one transaction; returns the message id.
    async fn receive_contact_message(
        &self,
        message: &NewContactMessage,
        email: Option<&NewEmail>,
    ) -> StoreResult<i64>;
    /// An edition's messages, newest first: only the unhandled ones, or all.
    async fn contact_messages(
        &self,
        edition_id: i64,
        unhandled_only: bool,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<ContactMessage>>;
    /// A message by id.
    async fn contact_message(&self, id: i64) -> StoreResult<Option<ContactMessage>>;
    /// How many messages of each edition wait to be handled: `(edition_id, count)`.
    async fn unhandled_contact_counts(&self) -> StoreResult<Vec<(i64, i64)>>;
    /// Marks a message handled by someone at a time, or (`None`) not handled, with the
    /// audit line; `NotFound` if there is no such message.
    async fn mark_contact_message(
        &self,
        id: i64,
        handled: Option<(i64, Timestamp)>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()>;
    /// Erases a message and its email (sent or not), with the audit line; false if none.
    async fn erase_contact_message(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<bool>;
}
