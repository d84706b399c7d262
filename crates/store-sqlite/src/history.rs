//! What happened to stories and the site: revisions, the audit log and the change log.

use sqlx::SqlitePool;
use store::*;

use crate::map_error;
use crate::newsroom::parse_status;
use crate::rows::to_time;

type Result<T> = std::result::Result<T, StoreError>;

/// A story's revisions, newest first; only `number` when given.
pub(crate) async fn revisions(
    pool: &SqlitePool,
    story_id: i64,
    number: Option<i64>,
) -> Result<Vec<Revision>> {
    let rows: Vec<(i64, Option<String>, i64, String, String)> = sqlx::query_as(
        "SELECT r.number, u.name, r.created_at, r.status, \
           CASE WHEN ?2 IS NULL THEN '{}' ELSE r.fields END \
         FROM story_revisions r LEFT JOIN users u ON u.id = r.user_id \
         WHERE r.story_id = ?1 AND (?2 IS NULL OR r.number = ?2) ORDER BY r.number DESC",
    )
    .bind(story_id)
    .bind(number)
    .fetch_all(pool)
    .await
    .map_err(map_error)?;
    rows.into_iter()
        .map(|(number, user_name, created_at, status, fields)| {
            Ok(Revision {
                number,
                user_name,
                created_at: to_time(created_at),
                status: parse_status(&status)?,
                fields: serde_json::from_str(&fields)
                    .map_err(|error| StoreError::Other(format!("revision: {error}")))?,
            })
        })
        .collect()
}

/// An audit-log row: time, user name, action, entity, entity id, detail.
type AuditRow = (i64, Option<String>, String, String, Option<i64>, String);

/// The audit log, newest first.
pub(crate) async fn audit_log(
    pool: &SqlitePool,
    limit: u32,
    offset: u32,
) -> Result<Vec<AuditEntry>> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT a.at, u.name, a.action, a.entity, a.entity_id, a.detail \
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id \
         ORDER BY a.id DESC LIMIT ? OFFSET ?",
    )
    .bind(i64::from(limit))
    .bind(i64::from(offset))
    .fetch_all(pool)
    .await
    .map_err(map_error)?;
    Ok(rows
        .into_iter()
        .map(
            |(at, user_name, action, entity, entity_id, detail)| AuditEntry {
                at: to_time(at),
                user_name,
                action,
                entity,
                entity_id,
                detail,
            },
        )
        .collect())
}

/// Change-log entries after an id, oldest first.
pub(crate) async fn changes_since(
    pool: &SqlitePool,
    after: i64,
    limit: u32,
) -> Result<Vec<Change>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, tags FROM changes WHERE id > ? ORDER BY id LIMIT ?")
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
            .map_err(map_error)?;
    Ok(rows
        .into_iter()
        .map(|(id, tags)| Change {
            id,
            tags: tags.split_whitespace().map(str::to_string).collect(),
        })
        .collect())
}
