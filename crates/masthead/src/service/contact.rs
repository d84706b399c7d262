//! The contact form's use cases: a reader's message (the public forms' bot checks and
//! limits, then the message stored with its email to the desk queued in the same
//! transaction), the newsroom's inbox (read, mark handled, erase on request) and the
//! desks admins keep. Every newsroom write is checked against the actor's role and
//! audit-logged; the audit lines name no reader.

use jiff::Timestamp;
use store::{ContactMessage, Desk, NewContactMessage, NewEmail, Store};

use crate::domain::contact::{CheckedMessage, DeskInput, MessageInput, check_desk, check_message};
use crate::domain::permission::Action;
use crate::domain::signed::Signer;
use crate::service::actor::Actor;
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::form_guard::{self, Admitted, GuardFields, Limits, Screened};

/// Messages a network may send an hour, with and without the proof of work.
const LIMITS: Limits = Limits {
    form: "contact",
    with_work: 10,
    without_work: 3,
};

/// Messages on one page of the inbox.
pub const INBOX_PAGE: i64 = 50;

/// What the contact form sent.
#[derive(Clone, Debug, Default)]
pub struct ContactForm {
    /// The message's fields.
    pub input: MessageInput,
    /// The bot checks' fields.
    pub guard: GuardFields,
}

/// What became of a message.
#[derive(Debug, PartialEq, Eq)]
pub enum ContactOutcome {
    /// Stored (or, from a bot, quietly dropped): the reader sees the confirmation.
    Sent,
    /// The challenge did not pass: the form again, filled in, with a fresh challenge.
    TryAgain,
    /// Bad input: the fields at fault (`name`, `email`, `desk`, `message`).
    Invalid(Vec<&'static str>),
    /// The network sent too many messages this hour.
    Limited,
}

/// Takes a reader's message after the checks (hidden field, challenge, input, network
/// limit, challenge reuse): stores it, and with it the email `compose` makes for the desk
/// (none when no mail server is configured: the newsroom's inbox still has it).
pub async fn send_message(
    store: &dyn Store,
    signer: &Signer,
    desks: &[Desk],
    edition_id: i64,
    form: &ContactForm,
    ip: std::net::IpAddr,
    compose: impl FnOnce(&CheckedMessage, &Desk) -> anyhow::Result<Option<NewEmail>>,
) -> ServiceResult<ContactOutcome> {
    let now = Timestamp::now();
    let passed = match form_guard::screen(signer, &form.guard, now) {
        Screened::Passed(passed) => passed,
        Screened::TryAgain => return Ok(ContactOutcome::TryAgain),
        Screened::Bot => {
            tracing::info!("contact message with the hidden field filled: dropped");
            return Ok(ContactOutcome::Sent);
        }
    };
    let (message, desk) = match check_message(&form.input, desks) {
        Ok(checked) => checked,
        Err(problems) => return Ok(ContactOutcome::Invalid(problems)),
    };
    match form_guard::admit(store, LIMITS, &passed, ip, now).await? {
        Admitted::Yes => {}
        Admitted::Limited => return Ok(ContactOutcome::Limited),
        Admitted::TryAgain => return Ok(ContactOutcome::TryAgain),
    }
    let email = compose(&message, desk)?;
    let received = NewContactMessage {
        edition_id,
        desk_id: desk.id,
        desk_name: desk.name.clone(),
        name: message.name,
        email: message.email,
        message: message.message,
        ip: ip.to_canonical().to_string(),
        received_at: now,
    };
    store
        .receive_contact_message(&received, email.as_ref())
        .await?;
    Ok(ContactOutcome::Sent)
}

/// A page of an edition's messages, newest first (`page` from 1).
pub async fn inbox(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    unhandled_only: bool,
    page: i64,
) -> ServiceResult<Vec<ContactMessage>> {
    actor.require(Action::ReadMessages)?;
    let offset = (page.clamp(1, 10_000) - 1) * INBOX_PAGE;
    Ok(store
        .contact_messages(edition_id, unhandled_only, INBOX_PAGE + 1, offset)
        .await?)
}

/// How many messages wait in each edition: `(edition_id, count)`.
pub async fn unhandled_counts(store: &dyn Store, actor: Actor) -> ServiceResult<Vec<(i64, i64)>> {
    actor.require(Action::ReadMessages)?;
    Ok(store.unhandled_contact_counts().await?)
}

/// One message.
pub async fn read_message(
    store: &dyn Store,
    actor: Actor,
    id: i64,
) -> ServiceResult<ContactMessage> {
    actor.require(Action::ReadMessages)?;
    store
        .contact_message(id)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Marks a message handled by the actor now, or not handled.
pub async fn mark_message(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    handled: bool,
) -> ServiceResult<()> {
    actor.require(Action::ReadMessages)?;
    let (action, handled) = if handled {
        ("contact.handled", Some((actor.id, Timestamp::now())))
    } else {
        ("contact.unhandled", None)
    };
    let audit = actor.audit(action, "contact_message", Some(id), String::new());
    store.mark_contact_message(id, handled, &audit).await?;
    Ok(())
}

/// Erases a message and its email on request.
pub async fn erase_message(store: &dyn Store, actor: Actor, id: i64) -> ServiceResult<()> {
    actor.require(Action::ManageContact)?;
    // Nothing of the message in the audit line: after an erasure nothing may tell who wrote.
    let detail = "erased on request, with its email".to_string();
    let audit = actor.audit("contact.erase", "contact_message", Some(id), detail);
    if store.erase_contact_message(id, &audit).await? {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// Adds a desk to an edition.
pub async fn create_desk(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    input: &DeskInput,
) -> ServiceResult<i64> {
    actor.require(Action::ManageContact)?;
    let fields = check_desk(input).map_err(ServiceError::Invalid)?;
    let audit = actor.audit("desk.create", "desk", None, desk_detail(&fields));
    Ok(store.create_desk(edition_id, &fields, Some(&audit)).await?)
}

/// Rewrites a desk of an edition.
pub async fn update_desk(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
    input: &DeskInput,
) -> ServiceResult<()> {
    actor.require(Action::ManageContact)?;
    let fields = check_desk(input).map_err(ServiceError::Invalid)?;
    let audit = actor.audit("desk.update", "desk", Some(id), desk_detail(&fields));
    Ok(store.update_desk(edition_id, id, &fields, &audit).await?)
}

/// Removes a desk of an edition; its messages stay.
pub async fn remove_desk(
    store: &dyn Store,
    actor: Actor,
    edition_id: i64,
    id: i64,
) -> ServiceResult<()> {
    actor.require(Action::ManageContact)?;
    let audit = actor.audit("desk.remove", "desk", Some(id), String::new());
    Ok(store.remove_desk(edition_id, id, &audit).await?)
}

/// The audit detail of a desk: its name and address (the newsroom's, not a reader's).
fn desk_detail(fields: &store::DeskFields) -> String {
    format!("{} <{}>", fields.name, fields.email)
}
