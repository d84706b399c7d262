//! What happened to stories and the site: revisions, the audit log and the change log.
//!
//! Every change-log row is appended by [`log_tags`], which serializes the appends (so ids
//! commit in order) and notifies the other nodes' followers at commit.

use jiff::Timestamp;
use sqlx::{PgPool, Postgres, Transaction};
use store::*;

use crate::CHANGES_CHANNEL;
use crate::map_error;
use crate::newsroom::parse_status;
use crate::rows::{from_time, to_time};

/// The key of the transaction-scoped advisory lock that every change-log append takes.
///
/// Ids come from a sequence when the row is inserted, but become visible at commit: two
/// writers could commit ids 8 and 7 in that order, and a follower that read 8 (and goes
/// on from "id > 8") would never see 7. Holding this lock from before the insert until
/// commit makes appends commit one after another, in id order. (The value spells
/// "mastchg" in ASCII, so it stands out among other advisory locks.)
pub(crate) const CHANGE_LOG_LOCK: i64 = 0x006d_6173_7463_6867;

/// Appends one change-log row with its cache tags, deduplicated, and wakes the other
/// nodes' followers when the transaction commits. Take it last in a transaction: the
/// lock is held until commit and holds up every other writer of the log.
pub(crate) async fn log_tags(
    tx: &mut Transaction<'_, Postgres>,
    entity: &str,
    entity_id: i64,
    action: &str,
    mut tags: Vec<String>,
) -> Result<()> {
    tags.sort();
    tags.dedup();
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(CHANGE_LOG_LOCK)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    sqlx::query(
        "INSERT INTO changes (at, entity, entity_id, action, tags) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(from_time(Timestamp::now()))
    .bind(entity)
    .bind(entity_id)
    .bind(action)
    .bind(tags.join(" "))
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    // NOTIFY is delivered at commit, and not at all on rollback.
    sqlx::query("SELECT pg_notify($1, '')")
        .bind(CHANGES_CHANNEL)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    Ok(())
}

type Result<T> = std::result::Result<T, StoreError>;

/// A story's revisions, newest first; only `number` when given.
pub(crate) async fn revisions(
    pool: &PgPool,
    story_id: i64,
    number: Option<i64>,
) -> Result<Vec<Revision>> {
    let rows: Vec<(i64, Option<String>, i64, String, String)> = sqlx::query_as(
        "SELECT r.number, u.name, r.created_at, r.status, \
           CASE WHEN $2::bigint IS NULL THEN '{}' ELSE r.fields END \
         FROM story_revisions r LEFT JOIN users u ON u.id = r.user_id \
         WHERE r.story_id = $1 AND ($2::bigint IS NULL OR r.number = $2) ORDER BY r.number DESC",
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

/// An audit-log row: at, user name, action, entity, entity id, detail.
type AuditRow = (i64, Option<String>, String, String, Option<i64>, String);

/// The audit log, newest first.
pub(crate) async fn audit_log(pool: &PgPool, limit: u32, offset: u32) -> Result<Vec<AuditEntry>> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT a.at, u.name, a.action, a.entity, a.entity_id, a.detail \
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id \
         ORDER BY a.id DESC LIMIT $1 OFFSET $2",
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
pub(crate) async fn changes_since(pool: &PgPool, after: i64, limit: u32) -> Result<Vec<Change>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, tags FROM changes WHERE id > $1 ORDER BY id LIMIT $2")
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
