//! The one error type every store method returns.

/// What went wrong in the store, in terms the services can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A rule of the schema or of the store refused the write.
    #[error("conflict on {0}")]
    Conflict(Constraint),
    /// The database is busy or its pool timed out: worth retrying later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Anything else, with the backend's message.
    #[error("database error: {0}")]
    Other(String),
}

impl StoreError {
    /// The constraint a conflict ran into.
    pub fn constraint(&self) -> Option<&Constraint> {
        match self {
            StoreError::Conflict(constraint) => Some(constraint),
            _ => None,
        }
    }
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// The constraints a write can run into. Unique constraints carry the names declared in
/// both backends' migrations; the rest are rules the store checks itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// An edition code is taken.
    EditionCode,
    /// An edition path prefix is taken.
    EditionPrefix,
    /// A section slug is taken under the same parent.
    SectionSlug,
    /// A section would become its own ancestor.
    SectionParentCycle,
    /// A rendition key is taken.
    RenditionKey,
    /// An author slug is taken.
    AuthorSlug,
    /// An agency name is taken.
    AgencyName,
    /// A topic slug is taken in the edition.
    TopicSlug,
    /// A keyword slug is taken in the edition.
    KeywordSlug,
    /// A story slug is taken in the section.
    StorySlug,
    /// A story short code is taken.
    StoryShortCode,
    /// An email address already has an account.
    UserEmail,
    /// The story changed since the revision the writer started from.
    StoryRevision,
    /// The story is no longer in the status the change expected.
    StoryStatus,
    /// Any other constraint, by the name the database gave.
    Other(String),
}

/// Names as declared in the migrations (and used by the store's own checks).
const NAMES: &[(&str, Constraint)] = &[
    ("edition_code_key", Constraint::EditionCode),
    ("edition_prefix_key", Constraint::EditionPrefix),
    ("section_slug_key", Constraint::SectionSlug),
    ("section_parent_cycle", Constraint::SectionParentCycle),
    ("rendition_key_key", Constraint::RenditionKey),
    ("author_slug_key", Constraint::AuthorSlug),
    ("agency_name_key", Constraint::AgencyName),
    ("topic_slug_key", Constraint::TopicSlug),
    ("keyword_slug_key", Constraint::KeywordSlug),
    ("story_slug_key", Constraint::StorySlug),
    ("story_short_code_key", Constraint::StoryShortCode),
    ("user_email_key", Constraint::UserEmail),
    ("story_revision", Constraint::StoryRevision),
    ("story_status", Constraint::StoryStatus),
];

impl Constraint {
    /// The constraint a database reported by name.
    pub fn from_name(name: &str) -> Constraint {
        NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map_or_else(|| Constraint::Other(name.to_string()), |(_, c)| c.clone())
    }

    /// The name declared in the migrations.
    pub fn name(&self) -> &str {
        match self {
            Constraint::Other(name) => name,
            known => NAMES
                .iter()
                .find(|(_, c)| c == known)
                .map_or("unknown", |(name, _)| name),
        }
    }
}

impl std::fmt::Display for Constraint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
