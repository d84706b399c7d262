//! The newsletter's use cases for readers: signing up (with the bot checks and limits),
//! and the signed links of its emails that confirm, leave lists and change preferences.

use jiff::{SignedDuration, Timestamp};
use store::{Newsletter, SignUp, SignedUp, Store, Subscriber};

use crate::domain::email_address::parse_email;
use crate::domain::signed::Signer;
use crate::service::account::random_token;
use crate::service::error::ServiceResult;
use crate::service::form_guard::{self, Admitted, GuardFields, Limits, Screened};

/// Sign-ups a network may post an hour, with and without the proof of work.
const LIMITS: Limits = Limits {
    form: "newsletter",
    with_work: 20,
    without_work: 5,
};
/// At most one confirmation email an hour to an address.
const CONFIRMATION_QUIET: SignedDuration = SignedDuration::from_hours(1);
/// How long a confirmation link works.
pub const CONFIRM_FOR: SignedDuration = SignedDuration::from_hours(48);

/// What the sign-up form sent.
#[derive(Clone, Debug, Default)]
pub struct SignUpForm {
    /// The address typed.
    pub email: String,
    /// The consent box was ticked.
    pub consent: bool,
    /// The lists ticked (ids).
    pub lists: Vec<i64>,
    /// The bot checks' fields.
    pub guard: GuardFields,
}

/// What became of a sign-up.
#[derive(Debug)]
pub enum SignUpOutcome {
    /// Taken (or quietly dropped): the reader is told to check their inbox. A confirmation
    /// email is due for this subscriber, if any.
    Accepted(Option<Subscriber>),
    /// The challenge did not pass (no script ran, too fast, stale): the form again, filled
    /// in, with a fresh challenge.
    TryAgain,
    /// Bad input: the problems, by field (`email`, `consent`, `lists`).
    Invalid(Vec<&'static str>),
    /// The network posted too many sign-ups this hour.
    Limited,
}

/// Signs a reader up, after the checks: honeypot, challenge, input, network limit,
/// challenge reuse. `consent_text` is the text beside the box, as shown.
pub async fn sign_up(
    store: &dyn Store,
    signer: &Signer,
    lists: &[Newsletter],
    edition_id: i64,
    form: &SignUpForm,
    consent_text: &str,
    ip: std::net::IpAddr,
) -> ServiceResult<SignUpOutcome> {
    let now = Timestamp::now();
    let passed = match form_guard::screen(signer, &form.guard, now) {
        Screened::Passed(passed) => passed,
        Screened::TryAgain => return Ok(SignUpOutcome::TryAgain),
        Screened::Bot => {
            tracing::info!("newsletter sign-up with the hidden field filled: dropped");
            return Ok(SignUpOutcome::Accepted(None));
        }
    };
    let email = parse_email(&form.email);
    let chosen: Vec<i64> = lists
        .iter()
        .map(|list| list.id)
        .filter(|id| form.lists.contains(id))
        .collect();
    let mut problems = Vec::new();
    if email.is_err() {
        problems.push("email");
    }
    if !form.consent {
        problems.push("consent");
    }
    if chosen.is_empty() {
        problems.push("lists");
    }
    let Ok(email) = email else {
        return Ok(SignUpOutcome::Invalid(problems));
    };
    if !problems.is_empty() {
        return Ok(SignUpOutcome::Invalid(problems));
    }
    match form_guard::admit(store, LIMITS, &passed, ip, now).await? {
        Admitted::Yes => {}
        Admitted::Limited => return Ok(SignUpOutcome::Limited),
        Admitted::TryAgain => return Ok(SignUpOutcome::TryAgain),
    }
    let key = random_token()?;
    let outcome = store
        .sign_up(&SignUp {
            email: &email,
            edition_id,
            newsletter_ids: &chosen,
            consent_text,
            ip: &ip.to_canonical().to_string(),
            at: now,
            new_link_key: &key,
            confirmation_quiet_since: now - CONFIRMATION_QUIET,
        })
        .await?;
    Ok(SignUpOutcome::Accepted(match outcome {
        SignedUp::SendConfirmation(subscriber) => Some(subscriber),
        SignedUp::Quiet => None,
    }))
}

/// What a subscriber link may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Confirm pending lists (expires).
    Confirm,
    /// Leave lists and change preferences (never expires; a new link key voids it).
    Manage,
}

impl LinkPurpose {
    fn name(self) -> &'static str {
        match self {
            LinkPurpose::Confirm => "confirm",
            LinkPurpose::Manage => "manage",
        }
    }
}

/// A subscriber link's token: `{id}.{expires}.{signature}` (expires 0: never).
pub fn link_token(
    signer: &Signer,
    purpose: LinkPurpose,
    subscriber: &Subscriber,
    expires: Option<Timestamp>,
) -> String {
    let id = subscriber.id.to_string();
    let expires = expires.map_or(0, Timestamp::as_second).to_string();
    let signature = signer.sign(&[purpose.name(), &id, &subscriber.link_key, &expires]);
    format!("{id}.{expires}.{signature}")
}

/// The subscriber a link's token is for, if it is genuine, for this purpose, unexpired,
/// and the subscriber still exists with the same key.
pub async fn subscriber_for_link(
    store: &dyn Store,
    signer: &Signer,
    purpose: LinkPurpose,
    token: &str,
) -> ServiceResult<Option<Subscriber>> {
    let parts: Vec<&str> = token.split('.').collect();
    let [id, expires, signature] = parts.as_slice() else {
        return Ok(None);
    };
    let (Ok(id_number), Ok(expires_at)) = (id.parse::<i64>(), expires.parse::<i64>()) else {
        return Ok(None);
    };
    if expires_at != 0 && expires_at < Timestamp::now().as_second() {
        return Ok(None);
    }
    let Some(subscriber) = store.subscriber(id_number).await? else {
        return Ok(None);
    };
    let genuine = signer.verify(
        &[purpose.name(), id, &subscriber.link_key, expires],
        signature,
    );
    Ok(genuine.then_some(subscriber))
}
