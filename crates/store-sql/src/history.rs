//! What happened to stories and the site ([`History`]): revisions, the audit log and the
//! change log
//! (appended by [`log_tags`](crate::changes::log_tags)).

use async_trait::async_trait;
use store::*;

use crate::db::{Db, Dialect};
use crate::rows::{from_json, to_time};
use crate::{SqlStore, sql};

/// A story's revisions, newest first; only `number` when given.
async fn revisions<D: Dialect>(
    store: &SqlStore<D>,
    story_id: StoryId,
    number: Option<i64>,
) -> StoreResult<Vec<Revision>> {
    // The list leaves each revision's fields out; only a single revision carries them.
    let rows: Vec<(i64, Option<String>, i64, StoryStatus, String)> = store
        .db()
        .fetch_all(sql!(
            "SELECT r.number, u.name, r.created_at, r.status, \
               CASE WHEN $2 IS NULL THEN '{}' ELSE r.fields END \
             FROM story_revisions r LEFT JOIN users u ON u.id = r.user_id \
             WHERE r.story_id = $1 AND ($2 IS NULL OR r.number = $2) ORDER BY r.number DESC",
            story_id,
            number
        ))
        .await?;
    rows.into_iter()
        .map(|(number, user_name, created_at, status, fields)| {
            Ok(Revision {
                number,
                user_name,
                created_at: to_time(created_at),
                status,
                fields: from_json("revision", &fields)?,
            })
        })
        .collect()
}

#[async_trait]
impl<D: Dialect> History for SqlStore<D> {
    async fn revisions(&self, story_id: StoryId) -> StoreResult<Vec<Revision>> {
        revisions(self, story_id, None).await
    }

    async fn revision(&self, story_id: StoryId, number: i64) -> StoreResult<Option<Revision>> {
        Ok(revisions(self, story_id, Some(number)).await?.pop())
    }

    async fn audit_log(&self, limit: u32, offset: u32) -> StoreResult<Vec<AuditEntry>> {
        self.db()
            .fetch_all(sql!(
                "SELECT a.at, u.name AS user_name, a.action, a.entity, a.entity_id, a.detail \
                 FROM audit_log a LEFT JOIN users u ON u.id = a.user_id \
                 ORDER BY a.id DESC LIMIT $1 OFFSET $2",
                limit,
                offset
            ))
            .await
    }

    async fn changes_since(&self, after: i64, limit: u32) -> StoreResult<Vec<Change>> {
        let rows: Vec<(i64, String)> = self
            .db()
            .fetch_all(sql!(
                "SELECT id, tags FROM changes WHERE id > $1 ORDER BY id LIMIT $2",
                after,
                limit
            ))
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, tags)| Change {
                id,
                tags: tags
                    .split_whitespace()
                    .filter_map(CacheTag::parse)
                    .collect(),
            })
            .collect())
    }

    async fn last_change_id(&self) -> StoreResult<i64> {
        self.db()
            .scalar(sql!("SELECT COALESCE(MAX(id), 0) FROM changes"))
            .await
    }

    async fn change_listener(&self) -> StoreResult<Option<Box<dyn ChangeListener>>> {
        D::change_listener(&self.db()).await
    }
}
