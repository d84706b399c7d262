//! Autosaved work and presence: who has a story open, and what they typed but did not save.

use jiff::Timestamp;
use sqlx::PgPool;
use store::*;

use crate::map_error;
use crate::rows::{from_time, to_time};

type Result<T> = std::result::Result<T, StoreError>;

/// Keeps someone's unsaved work on a story (`fields`), or only that they have it open.
pub(crate) async fn autosave(
    pool: &PgPool,
    (story_id, user_id): (i64, i64),
    base_revision: i64,
    fields: Option<&StoryFields>,
    at: Timestamp,
) -> Result<()> {
    let json = fields
        .map(serde_json::to_string)
        .transpose()
        .map_err(|error| StoreError::Other(format!("autosave: {error}")))?;
    // A presence ping (no fields) keeps whatever work was saved before.
    sqlx::query(
        "INSERT INTO story_autosaves (story_id, user_id, base_revision, fields, seen_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id, user_id) DO UPDATE SET \
               seen_at = excluded.seen_at, \
               base_revision = CASE WHEN excluded.fields IS NULL \
                 THEN story_autosaves.base_revision ELSE excluded.base_revision END, \
               fields = COALESCE(excluded.fields, story_autosaves.fields)",
    )
    .bind(story_id)
    .bind(user_id)
    .bind(base_revision)
    .bind(json)
    .bind(from_time(at))
    .execute(pool)
    .await
    .map_err(map_error)?;
    Ok(())
}

/// Someone's unsaved work on a story.
pub(crate) async fn autosaved(
    pool: &PgPool,
    story_id: i64,
    user_id: i64,
) -> Result<Option<Autosave>> {
    let row: Option<(i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT base_revision, fields, seen_at FROM story_autosaves \
             WHERE story_id = $1 AND user_id = $2",
    )
    .bind(story_id)
    .bind(user_id)
    .fetch_optional(pool)
    .await
    .map_err(map_error)?;
    row.map(|(base_revision, fields, seen_at)| {
        Ok(Autosave {
            base_revision,
            fields: fields
                .map(|json| serde_json::from_str(&json))
                .transpose()
                .map_err(|error| StoreError::Other(format!("autosave: {error}")))?,
            seen_at: to_time(seen_at),
        })
    })
    .transpose()
}

/// Forgets someone's unsaved work.
pub(crate) async fn clear(pool: &PgPool, story_id: i64, user_id: i64) -> Result<()> {
    sqlx::query("UPDATE story_autosaves SET fields = NULL WHERE story_id = $1 AND user_id = $2")
        .bind(story_id)
        .bind(user_id)
        .execute(pool)
        .await
        .map_err(map_error)?;
    Ok(())
}

/// Names of the people who had a story open since a time, except one.
pub(crate) async fn present(
    pool: &PgPool,
    story_id: i64,
    except_user: i64,
    since: Timestamp,
) -> Result<Vec<String>> {
    sqlx::query_scalar(
        "SELECT u.name FROM story_autosaves a JOIN users u ON u.id = a.user_id \
             WHERE a.story_id = $1 AND a.user_id <> $2 AND a.seen_at >= $3 ORDER BY u.name COLLATE \"C\"",
    )
    .bind(story_id)
    .bind(except_user)
    .bind(from_time(since))
    .fetch_all(pool)
    .await
    .map_err(map_error)
}
