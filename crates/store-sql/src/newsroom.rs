//! Rows of the newsroom's lists and accounts, and their conversion to models.
//!
//! Flags are BOOLEAN on PostgreSQL and 0/1 integers on SQLite; both decode as `bool`.

use store::*;

use crate::rows::{ImageRow, to_time};

/// The columns of a [`User`], for `SELECT {USER_COLUMNS} FROM users u`.
pub const USER_COLUMNS: &str = "u.id, u.email, u.name, u.role, u.must_change_password, u.disabled, u.author_id, \
     u.created_at, u.language, u.last_login_at";

/// A live session's account and CSRF token.
#[derive(sqlx::FromRow)]
pub struct SessionRow {
    #[sqlx(flatten)]
    pub user: User,
    pub csrf_token: String,
}

/// An account with its password hash.
#[derive(sqlx::FromRow)]
pub struct CredentialsRow {
    #[sqlx(flatten)]
    pub user: User,
    pub password_hash: String,
}

/// A keyword and how many stories carry it.
#[derive(sqlx::FromRow)]
pub struct KeywordCountRow {
    #[sqlx(flatten)]
    keyword: Keyword,
    stories: i64,
}

impl From<KeywordCountRow> for KeywordCount {
    fn from(row: KeywordCountRow) -> KeywordCount {
        KeywordCount {
            keyword: row.keyword,
            stories: u64::try_from(row.stories).unwrap_or_default(),
        }
    }
}

/// An image as the media library lists it.
#[derive(sqlx::FromRow)]
pub struct LibraryRow {
    #[sqlx(flatten)]
    image: ImageRow,
    original_key: Option<String>,
    uploaded_by: Option<i64>,
    created_at: i64,
}

impl TryFrom<LibraryRow> for LibraryImage {
    type Error = StoreError;

    fn try_from(row: LibraryRow) -> Result<LibraryImage, StoreError> {
        Ok(LibraryImage {
            image: Image::try_from(row.image)?,
            original_key: row.original_key,
            uploaded_by: row.uploaded_by,
            created_at: to_time(row.created_at),
        })
    }
}
