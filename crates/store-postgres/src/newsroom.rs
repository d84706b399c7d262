//! Stories as the newsroom sees them: lists in any state, saves on top of a revision and
//! moves through the workflow, each one transaction with its audit and change-log rows.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Postgres, Transaction};
use store::*;

use store_sql::newsroom::SummaryRow;

use crate::rows::{STORY_SELECT, StoryRow, ascii_like, from_time};
use crate::story_write::{insert_revision, log_change, story_tags, write_fields};
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

pub(crate) use store_sql::newsroom::parse_status;

/// Writes an audit-log line inside a transaction.
pub(crate) async fn audit_in(
    tx: &mut Transaction<'_, Postgres>,
    entry: &NewAuditEntry,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(from_time(Timestamp::now()))
    .bind(entry.user_id)
    .bind(&entry.action)
    .bind(&entry.entity)
    .bind(entry.entity_id)
    .bind(&entry.detail)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}

fn story_audit(user_id: i64, story_id: i64, action: &str, detail: String) -> NewAuditEntry {
    NewAuditEntry {
        user_id: Some(user_id),
        action: format!("story.{action}"),
        entity: "story".into(),
        entity_id: Some(story_id),
        detail,
    }
}

/// The state and revision of a story, read inside a transaction and locked until it ends:
/// a concurrent save or move of the same story waits, then reads what this one wrote
/// (SQLite gets the same from its single writer). `NO KEY` lets rows that merely
/// reference the story (pins, recommendations) be written meanwhile.
async fn current(tx: &mut Transaction<'_, Postgres>, id: i64) -> Result<(StoryStatus, i64)> {
    let (status, revision): (String, i64) =
        sqlx::query_as("SELECT status, revision FROM stories WHERE id = $1 FOR NO KEY UPDATE")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await
            .map_err(map_error)?
            .ok_or(StoreError::NotFound)?;
    Ok((parse_status(&status)?, revision))
}

/// Cancels a story's pending publish job, if any.
async fn cancel_jobs(tx: &mut Transaction<'_, Postgres>, id: i64, at: Timestamp) -> Result<()> {
    sqlx::query(
        "UPDATE jobs SET done_at = $1, last_error = 'cancelled' \
         WHERE kind = 'publish_story' AND subject_id = $2 AND done_at IS NULL",
    )
    .bind(from_time(at))
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(())
}

#[async_trait]
impl Newsroom for PgStore {
    async fn newsroom_story(&self, id: i64) -> Result<Option<NewsroomStory>> {
        let sql = format!("{STORY_SELECT} WHERE s.id = $1");
        let row = sqlx::query_as::<_, StoryRow>(AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(NewsroomStory::try_from).transpose()
    }

    async fn story_summaries(&self, query: &StoryListQuery) -> Result<Vec<StorySummary>> {
        let statuses: Vec<&str> = query.statuses.iter().map(|s| s.as_str()).collect();
        let search = query
            .search
            .as_deref()
            .map(|words| format!("%{}%", words.replace(['%', '_', '\\'], "")));
        // The search has no wildcards of its own left, and SQLite's LIKE has no escape
        // character here: `ESCAPE ''` turns PostgreSQL's default (backslash) off.
        let sql = concat!(
            "SELECT s.id, s.edition_id, s.headline, s.slug, s.status, s.section_id, \
               s.owner_id, u.name AS owner_name, s.updated_at, s.published_at, s.scheduled_at \
             FROM stories s LEFT JOIN users u ON u.id = s.owner_id \
             WHERE ($1::bigint IS NULL OR s.owner_id = $1) \
               AND (cardinality($2::text[]) = 0 OR s.status = ANY($2)) \
               AND ($3::bigint IS NULL OR (s.status = 'scheduled' AND s.scheduled_at < $3)) \
               AND ($4::text IS NULL OR ",
            ascii_like!("s.headline", "$4", ""),
            ") ORDER BY s.updated_at DESC, s.id DESC LIMIT $5 OFFSET $6"
        );
        let rows = sqlx::query_as::<_, SummaryRow>(sql)
            .bind(query.owner_id)
            .bind(statuses)
            .bind(query.due_before.map(from_time))
            .bind(search)
            .bind(i64::from(query.limit))
            .bind(i64::from(query.offset))
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        rows.into_iter().map(StorySummary::try_from).collect()
    }

    async fn save_story(&self, save: &StorySave) -> Result<i64> {
        // The save and the move it asks for are one transaction: a node that dies between
        // them must not leave a story with new words and its old status.
        let mut tx = self.write().await?;
        let next = save_in(&mut tx, save).await?;
        if let Some(change) = &save.then {
            change_status_in(&mut tx, change).await?;
        }
        tx.commit().await.map_err(map_error)?;
        Ok(next)
    }

    async fn change_status(&self, change: &StatusChange) -> Result<()> {
        let mut tx = self.write().await?;
        change_status_in(&mut tx, change).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn revisions(&self, story_id: i64) -> Result<Vec<Revision>> {
        crate::history::revisions(&self.pool, story_id, None).await
    }

    async fn revision(&self, story_id: i64, number: i64) -> Result<Option<Revision>> {
        Ok(
            crate::history::revisions(&self.pool, story_id, Some(number))
                .await?
                .pop(),
        )
    }

    async fn autosave(
        &self,
        story_id: i64,
        user_id: i64,
        base_revision: i64,
        fields: Option<&StoryFields>,
        at: Timestamp,
    ) -> Result<()> {
        crate::presence::autosave(&self.pool, (story_id, user_id), base_revision, fields, at).await
    }

    async fn autosaved(&self, story_id: i64, user_id: i64) -> Result<Option<Autosave>> {
        crate::presence::autosaved(&self.pool, story_id, user_id).await
    }

    async fn clear_autosave(&self, story_id: i64, user_id: i64) -> Result<()> {
        crate::presence::clear(&self.pool, story_id, user_id).await
    }

    async fn present_editors(
        &self,
        story_id: i64,
        except_user: i64,
        since: Timestamp,
    ) -> Result<Vec<String>> {
        crate::presence::present(&self.pool, story_id, except_user, since).await
    }

    async fn claim_job(&self, now: Timestamp, lease_until: Timestamp) -> Result<Option<Job>> {
        crate::queue::claim(&self.pool, now, lease_until).await
    }

    async fn publish_scheduled(&self, job: &Job, now: Timestamp) -> Result<bool> {
        let mut tx = self.write().await?;
        // The story first, as change_status does (it locks the story, then cancels jobs):
        // one lock order, so the two cannot deadlock.
        let (status, _) = current(&mut tx, job.subject_id).await?;
        let publish = status == StoryStatus::Scheduled;
        if publish {
            sqlx::query(
                "UPDATE stories SET status = 'published', \
                   published_at = COALESCE(published_at, scheduled_at, $1) WHERE id = $2",
            )
            .bind(from_time(now))
            .bind(job.subject_id)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
            let entry = NewAuditEntry {
                user_id: None,
                action: "story.status".into(),
                entity: "story".into(),
                entity_id: Some(job.subject_id),
                detail: "scheduled → published (on schedule)".into(),
            };
            audit_in(&mut tx, &entry).await?;
        }
        // Only the holder of the lease may finish the job: a worker whose lease ran out
        // and was taken over finds nothing to update and rolls back. A claim in flight
        // holds the job's row; this waits for it and then sees the new attempt count.
        let done = sqlx::query(
            "UPDATE jobs SET done_at = $1 WHERE id = $2 AND done_at IS NULL AND attempts = $3",
        )
        .bind(from_time(now))
        .bind(job.id)
        .bind(job.attempts)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        if publish {
            log_change(&mut tx, job.subject_id, "publish", &[]).await?;
        }
        tx.commit().await.map_err(map_error)?;
        Ok(publish)
    }

    async fn fail_job(&self, job: &Job, error: &str, retry_at: Timestamp) -> Result<()> {
        crate::queue::fail(&self.pool, job, error, retry_at).await
    }

    async fn pending_jobs(&self) -> Result<u64> {
        crate::queue::pending(&self.pool).await
    }

    async fn audit(&self, entry: &NewAuditEntry) -> Result<()> {
        let mut tx = self.write().await?;
        audit_in(&mut tx, entry).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn audit_log(&self, limit: u32, offset: u32) -> Result<Vec<AuditEntry>> {
        crate::history::audit_log(&self.pool, limit, offset).await
    }

    async fn changes_since(&self, after: i64, limit: u32) -> Result<Vec<Change>> {
        crate::history::changes_since(&self.pool, after, limit).await
    }

    async fn last_change_id(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM changes")
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)
    }

    async fn change_listener(&self) -> Result<Option<Box<dyn ChangeListener>>> {
        self.listener().await.map(Some)
    }
}

/// Saves a story's fields as a new revision inside `tx`, returning the revision number.
async fn save_in(tx: &mut Transaction<'_, Postgres>, save: &StorySave) -> Result<i64> {
    let (status, revision) = current(tx, save.story_id).await?;
    if revision != save.base_revision {
        return Err(StoreError::Conflict {
            constraint: "story_revision".into(),
        });
    }
    let before = story_tags(tx, save.story_id).await?;
    let now = Timestamp::now();
    write_fields(tx, save.story_id, &save.fields, now).await?;
    let next = revision + 1;
    sqlx::query("UPDATE stories SET revision = $1 WHERE id = $2")
        .bind(next)
        .bind(save.story_id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    insert_revision(
        tx,
        save.story_id,
        next,
        Some(save.user_id),
        status,
        &save.fields,
    )
    .await?;
    if let Some(path) = &save.redirect_from {
        sqlx::query(
            "INSERT INTO redirects (edition_id, path, story_id) \
             SELECT edition_id, $1, id FROM stories WHERE id = $2 \
             ON CONFLICT (edition_id, path) DO UPDATE SET story_id = excluded.story_id",
        )
        .bind(path)
        .bind(save.story_id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    }
    let detail = format!("revision {next}");
    audit_in(
        tx,
        &story_audit(save.user_id, save.story_id, "save", detail),
    )
    .await?;
    sqlx::query("DELETE FROM story_autosaves WHERE story_id = $1 AND user_id = $2")
        .bind(save.story_id)
        .bind(save.user_id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    // Last: the change log's lock is held until commit.
    if status == StoryStatus::Published {
        log_change(tx, save.story_id, "edit", &before).await?;
    }
    Ok(next)
}

/// Moves a story in the workflow inside `tx`.
async fn change_status_in(tx: &mut Transaction<'_, Postgres>, change: &StatusChange) -> Result<()> {
    let (status, _) = current(tx, change.story_id).await?;
    if status != change.from {
        return Err(StoreError::Conflict {
            constraint: "story_status".into(),
        });
    }
    let at = from_time(change.at);
    sqlx::query(
        "UPDATE stories SET status = $1, \
           published_at = CASE WHEN $1 = 'published' THEN COALESCE(published_at, $2) \
             ELSE published_at END, \
           scheduled_at = $3 WHERE id = $4",
    )
    .bind(change.to.as_str())
    .bind(at)
    .bind(change.scheduled_at.map(from_time))
    .bind(change.story_id)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    cancel_jobs(tx, change.story_id, change.at).await?;
    if let (StoryStatus::Scheduled, Some(due)) = (change.to, change.scheduled_at) {
        sqlx::query(
            "INSERT INTO jobs (kind, subject_id, run_at, created_at) \
             VALUES ('publish_story', $1, $2, $3)",
        )
        .bind(change.story_id)
        .bind(from_time(due))
        .bind(at)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    }
    let detail = format!("{} → {}", status.as_str(), change.to.as_str());
    let entry = story_audit(change.user_id, change.story_id, "status", detail);
    audit_in(tx, &entry).await?;
    // Readers see a change only when a story enters or leaves the published state.
    // Last: the change log's lock is held until commit.
    if (status == StoryStatus::Published) != (change.to == StoryStatus::Published) {
        let action = if change.to == StoryStatus::Published {
            "publish"
        } else {
            "unpublish"
        };
        log_change(tx, change.story_id, action, &[]).await?;
    }
    Ok(())
}
