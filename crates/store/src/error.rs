//! The one error type every store method returns.

/// What went wrong in the store, in terms the services can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A named unique constraint was violated (e.g. `story_slug_key`).
    #[error("conflict on {constraint}")]
    Conflict {
        /// The constraint's name as declared in the migration.
        constraint: String,
    },
    /// The database is busy or its pool timed out: worth retrying later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Anything else, with the backend's message.
    #[error("database error: {0}")]
    Other(String),
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;
