//! `ServiceError`: every way a service refuses or fails, one type for all of them. The web
//! layer turns it into a response in one place (`web/error.rs`); forms show `Invalid`,
//! `InvalidFields` and `Conflict` to the person who sent them, in their language: a
//! refusal is a code ([`Refusal`]), never a sentence.

use store::{NewsroomStory, StoreError};

use crate::domain::refusal::Refusal;
use crate::service::story_form::FieldErrors;

/// Why a service did not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The thing acted on does not exist.
    #[error("not found")]
    NotFound,
    /// The acting account's role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// Bad input, with a refusal to show above the form.
    #[error("{0}")]
    Invalid(Refusal),
    /// Bad input, with a message to show next to each field named.
    #[error("invalid fields")]
    InvalidFields(FieldErrors),
    /// It clashes with something that exists (a taken slug or email): the refusal says what.
    #[error("{0}")]
    Conflict(Refusal),
    /// Someone changed it meanwhile: `what` names the clash for the log; `current` is the
    /// story as it is now, when a story is what changed.
    #[error("changed meanwhile: {what}")]
    Stale {
        /// The store's name for the clash.
        what: String,
        /// The story as it is now.
        current: Option<Box<NewsroomStory>>,
    },
    /// Wrong email or password; the message never says which.
    #[error("{}", Refusal::BadLogin)]
    BadLogin,
    /// Too many failed logins for this account or from this address: refused unchecked.
    #[error("{}", Refusal::Locked { minutes: minutes(*retry_after) })]
    Locked {
        /// How long until an attempt may be checked again.
        retry_after: jiff::SignedDuration,
    },
    /// Every password-hashing thread stayed busy: come back after this many seconds.
    #[error("password hashing busy")]
    Busy {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// The database is busy or down.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// A bug or an I/O failure.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Shorthand for service results.
pub type ServiceResult<T> = Result<T, ServiceError>;

/// Refuses with a refusal for the form.
pub fn invalid<T>(refusal: Refusal) -> ServiceResult<T> {
    Err(ServiceError::Invalid(refusal))
}

/// A wait in whole minutes, rounded up, as the lockout message gives it.
fn minutes(wait: jiff::SignedDuration) -> i64 {
    (wait.as_secs() + 59) / 60
}

impl ServiceError {
    /// A wrong login or a lockout as the refusal the login form shows; `None` for any
    /// other error.
    pub fn login_refusal(&self) -> Option<Refusal> {
        match self {
            ServiceError::BadLogin => Some(Refusal::BadLogin),
            ServiceError::Locked { retry_after } => Some(Refusal::Locked {
                minutes: minutes(*retry_after),
            }),
            _ => None,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> ServiceError {
        match error {
            StoreError::NotFound => ServiceError::NotFound,
            StoreError::Unavailable(message) => ServiceError::Unavailable(message),
            StoreError::Conflict(constraint) => ServiceError::Stale {
                what: constraint.to_string(),
                current: None,
            },
            other => ServiceError::Internal(other.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::Constraint;

    #[test]
    fn named_constraints_are_told_apart_and_others_are_stale() {
        let conflict = |name: &str| StoreError::Conflict(Constraint::from_name(name));

        assert_eq!(
            conflict("topic_slug_key").constraint(),
            Some(&Constraint::TopicSlug)
        );
        assert_eq!(StoreError::NotFound.constraint(), None);
        assert!(matches!(
            ServiceError::from(conflict("story_status")),
            ServiceError::Stale { .. }
        ));
    }
}
