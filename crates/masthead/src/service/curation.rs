//! What the newsroom's curation services share: the error they return (a message for the
//! person at the form, or a store failure) and the audit line each action writes.

use store::{NewAuditEntry, Store, StoreError};

/// Why a curation action was refused.
#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    /// Bad input, with a message to show above the form.
    #[error("{0}")]
    Invalid(String),
    /// The store failed (or the thing acted on does not exist).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Shorthand for curation results.
pub type CurationResult<T> = Result<T, CurationError>;

/// Refuses with a message.
pub fn invalid<T>(message: impl Into<String>) -> CurationResult<T> {
    Err(CurationError::Invalid(message.into()))
}

/// Who acts, for the audit log.
#[derive(Clone, Copy)]
pub struct Curator<'a> {
    /// The store.
    pub store: &'a dyn Store,
    /// The account acting.
    pub user_id: i64,
}

impl Curator<'_> {
    /// Writes the audit line of an action on `entity` number `id`.
    pub async fn audit(
        &self,
        action: &str,
        entity: &str,
        id: i64,
        detail: String,
    ) -> CurationResult<()> {
        self.store
            .audit(&NewAuditEntry {
                user_id: Some(self.user_id),
                action: action.into(),
                entity: entity.into(),
                entity_id: Some(id),
                detail,
            })
            .await?;
        Ok(())
    }
}
