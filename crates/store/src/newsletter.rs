//! The newsletter's records: lists, subscribers and what they agreed to, the outbox of
//! email the job queue sends, and the counts behind the public forms' limits.

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use crate::error::StoreResult;
use crate::newsroom::{Job, NewAuditEntry};

/// When a list is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Schedule {
    /// Every day at its time.
    Daily,
    /// Every Monday at its time.
    Weekly,
    /// When the newsroom sends it from the breaking-news bar.
    Breaking,
}

impl Schedule {
    /// Every schedule.
    pub const ALL: [Schedule; 3] = [Schedule::Daily, Schedule::Weekly, Schedule::Breaking];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Schedule::Daily => "daily",
            Schedule::Weekly => "weekly",
            Schedule::Breaking => "breaking",
        }
    }

    /// Parses the stored form.
    pub fn parse(value: &str) -> Option<Schedule> {
        Schedule::ALL
            .into_iter()
            .find(|schedule| schedule.as_str() == value)
    }
}

/// A newsletter list of an edition.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Newsletter {
    /// Database id.
    pub id: i64,
    /// The edition whose readers it is for.
    pub edition_id: i64,
    /// Stable short name ("daily").
    pub slug: String,
    /// Its name on the sign-up form ("The Daily Briefing").
    pub name: String,
    /// What it is, shown on the sign-up form.
    pub description: String,
    /// The sender's display name.
    pub sender_name: String,
    /// When it goes out.
    pub schedule: Schedule,
    /// Local time of day, `HH:MM`.
    pub send_time: String,
    /// Order on the sign-up form.
    pub position: i64,
}

/// A new list.
#[derive(Clone, Debug)]
pub struct NewNewsletter {
    /// The edition.
    pub edition_id: i64,
    /// Stable short name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Sender's display name.
    pub sender_name: String,
    /// When it goes out.
    pub schedule: Schedule,
    /// Local time of day, `HH:MM`.
    pub send_time: String,
}

/// A reader's request to join lists, with what they agreed to.
#[derive(Clone, Debug)]
pub struct SignUp<'a> {
    /// The address, lower-case and checked.
    pub email: &'a str,
    /// The edition whose form it came from (the language of the emails).
    pub edition_id: i64,
    /// The lists asked for (ids of the edition's lists; others are ignored).
    pub newsletter_ids: &'a [i64],
    /// The consent text shown beside the box the reader ticked, word for word.
    pub consent_text: &'a str,
    /// The address the request came from.
    pub ip: &'a str,
    /// Now.
    pub at: Timestamp,
    /// A fresh random key, used if the address is new.
    pub new_link_key: &'a str,
    /// No confirmation email is due if one was queued after this.
    pub confirmation_quiet_since: Timestamp,
}

/// What a sign-up did (the reader is told the same whatever it was).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignedUp {
    /// Lists wait for confirmation: send the subscriber a confirmation email now.
    SendConfirmation(Subscriber),
    /// Nothing to send: every list asked for is already confirmed, a confirmation went out
    /// within the hour, or the address bounces.
    Quiet,
}

/// A reader who signed up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Subscriber {
    /// Database id.
    pub id: i64,
    /// The address, lower-case.
    pub email: String,
    /// The edition whose language the emails are in.
    pub edition_id: i64,
    /// The random key in every signed link of the subscriber's emails.
    pub link_key: String,
    /// A hard bounce or complaint: nothing is sent any more.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub bounced_at: Option<Timestamp>,
}

/// One of a subscriber's lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct Subscription {
    /// The list.
    pub newsletter_id: i64,
    /// When the reader confirmed it from the email; until then nothing is sent.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub confirmed_at: Option<Timestamp>,
    /// When the reader left it.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub unsubscribed_at: Option<Timestamp>,
    /// The consent text's version (its id).
    pub consent_text_id: i64,
    /// When consent was given.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub consented_at: Timestamp,
    /// Where the sign-up came from.
    pub consent_ip: String,
}

impl Subscription {
    /// Confirmed and not left.
    pub fn active(&self) -> bool {
        self.confirmed_at.is_some() && self.unsubscribed_at.is_none()
    }
}

/// An email to queue: stored, then sent by the job queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEmail {
    /// What it is ("confirm", "digest", "contact").
    pub kind: String,
    /// The address it goes to.
    pub recipient: String,
    /// The sender's display name.
    pub sender_name: String,
    /// The subject line, one line.
    pub subject: String,
    /// The plain-text part.
    pub text_body: String,
    /// The HTML part.
    pub html_body: String,
    /// Extra headers: `(name, value)`.
    pub headers: Vec<(String, String)>,
    /// The subscriber it is for, if any (erasing them drops it).
    pub subscriber_id: Option<i64>,
}

/// An email from the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// Outbox id.
    pub id: i64,
    /// What it is.
    pub kind: String,
    /// The address it goes to.
    pub recipient: String,
    /// The sender's display name.
    pub sender_name: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text part.
    pub text_body: String,
    /// HTML part.
    pub html_body: String,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// When it was sent, if it was.
    pub sent_at: Option<Timestamp>,
    /// Its subscriber's address bounces: it must not be sent.
    pub bounced: bool,
    /// Who answers go to: `(display name, address)` of the reader whose contact message
    /// it carries.
    pub reply_to: Option<(String, String)>,
}

/// How many subscribers a list has.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct NewsletterCount {
    /// The list.
    pub newsletter_id: i64,
    /// Confirmed and on the list (bouncing addresses left out).
    pub confirmed: i64,
    /// Waiting for confirmation.
    pub pending: i64,
    /// Left the list.
    pub left: i64,
}

/// One subscription as exported: who, which list, and the consent they gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "sqlx", derive(sqlx::FromRow))]
pub struct SubscriptionExport {
    /// The address.
    pub email: String,
    /// The list's slug.
    pub newsletter: String,
    /// When consent was given.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::EpochSeconds"))]
    pub consented_at: Timestamp,
    /// The consent text's version.
    pub consent_text_id: i64,
    /// Where the sign-up came from.
    pub consent_ip: String,
    /// When it was confirmed.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub confirmed_at: Option<Timestamp>,
    /// When the subscriber left the list.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub unsubscribed_at: Option<Timestamp>,
    /// When the address bounced.
    #[cfg_attr(feature = "sqlx", sqlx(try_from = "crate::OptionalEpochSeconds"))]
    pub bounced_at: Option<Timestamp>,
}

/// Lists, subscribers and consent.
#[async_trait]
pub trait Newsletters: Send + Sync + 'static {
    /// An edition's lists, in order.
    async fn newsletters(&self, edition_id: i64) -> StoreResult<Vec<Newsletter>>;
    /// Adds a list at the end of its edition's, with the audit line if the newsroom made it.
    async fn create_newsletter(
        &self,
        list: &NewNewsletter,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64>;
    /// Records a sign-up: the subscriber (new, or as they were), each list asked for that
    /// is not active yet as pending with this consent, and whether to send a confirmation
    /// (which it marks as sent now).
    async fn sign_up(&self, sign_up: &SignUp<'_>) -> StoreResult<SignedUp>;
    /// A subscriber by id.
    async fn subscriber(&self, id: i64) -> StoreResult<Option<Subscriber>>;
    /// A subscriber's lists, left ones included.
    async fn subscriptions(&self, subscriber_id: i64) -> StoreResult<Vec<Subscription>>;
    /// Confirms every pending list of a subscriber; returns how many.
    async fn confirm_subscriptions(&self, subscriber_id: i64, at: Timestamp) -> StoreResult<u64>;
    /// Keeps a subscriber on exactly these of their lists (confirmed ones stay confirmed;
    /// lists not signed up for before are not added), leaving the others.
    async fn keep_subscriptions(
        &self,
        subscriber_id: i64,
        newsletter_ids: &[i64],
        at: Timestamp,
    ) -> StoreResult<()>;
    /// Counts a post of a public form from a network, and returns how many that network
    /// made since `since`, this one included.
    async fn count_form_post(
        &self,
        form: &str,
        network: &str,
        at: Timestamp,
        since: Timestamp,
    ) -> StoreResult<u64>;
    /// Subscriber counts of an edition's lists.
    async fn newsletter_counts(&self, edition_id: i64) -> StoreResult<Vec<NewsletterCount>>;
    /// The subscriber with this address (lower-case), if any.
    async fn subscriber_by_email(&self, email: &str) -> StoreResult<Option<Subscriber>>;
    /// Erases a subscriber completely (subscriptions, consent records and their unsent
    /// email go with them), with the audit line, in one transaction; false if none.
    async fn erase_subscriber(&self, id: i64, audit: &NewAuditEntry) -> StoreResult<bool>;
    /// Every subscription to an edition's lists, by address, with the audit line of the
    /// export, in one transaction.
    async fn export_subscriptions(
        &self,
        edition_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<Vec<SubscriptionExport>>;
    /// Marks an address as bouncing (nothing more is sent to it); a complaint also takes
    /// it off every list. False if no subscriber has the address.
    async fn mark_bounced(&self, email: &str, complaint: bool, at: Timestamp) -> StoreResult<bool>;
    /// The shared secret named `name`, set to `fresh` if there was none.
    async fn site_key(&self, name: &str, fresh: &str) -> StoreResult<String>;
}

/// The outbox: email stored first, then sent once by the job queue.
#[async_trait]
pub trait Outbox: Send + Sync + 'static {
    /// Stores an email and queues the job that sends it, in one transaction.
    async fn queue_email(&self, email: &NewEmail, at: Timestamp) -> StoreResult<i64>;
    /// An email by outbox id (`None` once its subscriber was erased).
    async fn outgoing_email(&self, id: i64) -> StoreResult<Option<OutgoingEmail>>;
    /// Marks an email sent and its job done, if this worker still holds the job.
    async fn email_sent(&self, job: &Job, at: Timestamp) -> StoreResult<bool>;
}
