//! Stories as the newsroom sees them ([`Newsroom`]): lists in any state, saves on top of a
//! revision and moves through the workflow, each one transaction with its audit and
//! change-log rows.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect, Transaction};
use crate::lists::{Relist, relist};
use crate::query::Value;
use crate::rows::StoryRow;
use crate::select::story_select;
use crate::story_write::{insert_revision, log_change, story_tags, write_fields};
use crate::{SqlStore, Tx, sql};

/// Writes an audit-log line inside a transaction; `row` is the row the write touched, named
/// when the entry names none (a write that creates it).
pub async fn audit_in<D: Dialect>(
    tx: &mut Tx<D>,
    entry: &NewAuditEntry,
    row: i64,
) -> StoreResult<()> {
    tx.execute(sql!(
        "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        Timestamp::now(),
        entry.user_id,
        &entry.action,
        &entry.entity,
        entry.entity_id.or(Some(row)),
        &entry.detail
    ))
    .await?;
    Ok(())
}

/// The audit line of a person's action (`story.{action}`) on a story.
pub(crate) fn story_audit(
    user_id: i64,
    story_id: i64,
    action: &str,
    detail: String,
) -> NewAuditEntry {
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
pub(crate) async fn current<D: Dialect>(
    tx: &mut Tx<D>,
    id: i64,
) -> StoreResult<(StoryStatus, i64)> {
    tx.fetch_one(sql!(
        format!(
            "SELECT status, revision FROM stories WHERE id = $1{}",
            D::FOR_NO_KEY_UPDATE
        ),
        id
    ))
    .await
}

/// Cancels a story's pending publish job, if any.
async fn cancel_jobs<D: Dialect>(tx: &mut Tx<D>, id: i64, at: Timestamp) -> StoreResult<()> {
    tx.execute(sql!(
        "UPDATE jobs SET done_at = $1, last_error = 'cancelled' \
         WHERE kind = 'publish_story' AND subject_id = $2 AND done_at IS NULL",
        at,
        id
    ))
    .await?;
    Ok(())
}

/// For a list's order: the saves-count column, the condition it adds and the `ORDER BY`.
/// `$9` is the time saves are counted from, bound only in that order.
fn order_parts(order: StoryOrder) -> (&'static str, &'static str, &'static str) {
    match order {
        StoryOrder::LastSaved => (
            "CAST(0 AS BIGINT)",
            " AND $9 IS NULL",
            "s.updated_at DESC, s.id DESC",
        ),
        StoryOrder::SoonestDue => (
            "CAST(0 AS BIGINT)",
            " AND $9 IS NULL",
            "s.scheduled_at ASC, s.id ASC",
        ),
        StoryOrder::MostRevisedSince(_) => (
            "(SELECT COUNT(*) FROM story_revisions r \
              WHERE r.story_id = s.id AND r.created_at >= $9)",
            // The revisions index on created_at finds the saves since then without
            // reading every story's history.
            " AND s.id IN (SELECT r.story_id FROM story_revisions r WHERE r.created_at >= $9)",
            "saves_since DESC, s.updated_at DESC, s.id DESC",
        ),
    }
}

#[async_trait]
impl<D: Dialect> Newsroom for SqlStore<D> {
    async fn newsroom_story(&self, id: StoryId) -> StoreResult<Option<NewsroomStory>> {
        let row: Option<StoryRow> = self
            .db()
            .fetch_optional(sql!(format!("{} WHERE s.id = $1", story_select::<D>()), id))
            .await?;
        row.map(NewsroomStory::try_from).transpose()
    }

    async fn story_summaries(&self, query: &StoryListQuery) -> StoreResult<Vec<StorySummary>> {
        let mut select = sql!(
            "",
            query.owner_id,
            query.due_before,
            query.edition_id,
            query.section_id,
            query.limit,
            query.offset,
            query.dated_from,
            query.dated_before,
            match query.order {
                StoryOrder::MostRevisedSince(since) => Some(since),
                _ => None,
            }
        );
        let (count, only_revised, order) = order_parts(query.order);
        // Lists left out (no states asked for means every state) leave their condition out.
        let mut lists = String::new();
        if !query.statuses.is_empty() {
            let statuses: Vec<String> = query
                .statuses
                .iter()
                .map(|status| status.as_str().to_string())
                .collect();
            select.args.push(Value::from(statuses));
            lists.push_str(&format!(
                " AND {}",
                D::in_list("s.status", select.args.len())
            ));
        }
        if let Some(ids) = &query.ids {
            select.args.push(Value::from(ids));
            lists.push_str(&format!(" AND {}", D::in_list("s.id", select.args.len())));
        }
        if let Some(sections) = &query.primary_section_ids {
            select.args.push(Value::from(sections));
            lists.push_str(&format!(
                " AND {}",
                D::in_list("s.section_id", select.args.len())
            ));
        }
        select.sql = format!(
            "SELECT s.id, s.edition_id, s.headline, s.slug, s.status, s.section_id, \
               s.owner_id, u.name AS owner_name, s.updated_at, s.published_at, s.scheduled_at, \
               {count} AS saves_since \
             FROM stories s LEFT JOIN users u ON u.id = s.owner_id \
             WHERE ($1 IS NULL OR s.owner_id = $1) \
               AND ($2 IS NULL OR (s.status = 'scheduled' AND s.scheduled_at < $2)) \
               AND ($3 IS NULL OR s.edition_id = $3) \
               AND ($4 IS NULL OR s.section_id = $4 OR EXISTS (SELECT 1 FROM story_sections ss \
                 WHERE ss.story_id = s.id AND ss.section_id = $4)) \
               AND ($7 IS NULL OR COALESCE(s.published_at, s.updated_at) >= $7) \
               AND ($8 IS NULL OR COALESCE(s.published_at, s.updated_at) < $8){only_revised}{lists} \
             ORDER BY {order} LIMIT $5 OFFSET $6"
        )
        .into();
        let mut summaries: Vec<StorySummary> = self.db().fetch_all(select).await?;
        if let Some(ids) = &query.ids {
            let rank = |id: i64| ids.iter().position(|wanted| *wanted == id);
            summaries.sort_by_key(|summary| rank(summary.id));
        }
        Ok(summaries)
    }

    async fn save_story(&self, save: &StorySave) -> StoreResult<i64> {
        // The save and the move it asks for are one transaction: a node that dies between
        // them must not leave a story with new words and its old status.
        let mut tx = self.write().await?;
        let next = save_in::<D>(&mut tx, save).await?;
        if let Some(change) = &save.then {
            change_status_in::<D>(&mut tx, change).await?;
        }
        tx.commit().await?;
        Ok(next)
    }

    async fn change_status(&self, change: &StatusChange) -> StoreResult<()> {
        let mut tx = self.write().await?;
        change_status_in::<D>(&mut tx, change).await?;
        tx.commit().await
    }
}

/// Saves a story's fields as a new revision inside `tx`, returning the revision number.
async fn save_in<D: Dialect>(tx: &mut Tx<D>, save: &StorySave) -> StoreResult<i64> {
    let (story, user) = (save.story_id.0, save.user_id.0);
    let (status, revision) = current::<D>(tx, story).await?;
    if revision != save.base_revision {
        return Err(StoreError::Conflict(Constraint::StoryRevision));
    }
    let before = story_tags::<D>(tx, story).await?;
    let now = Timestamp::now();
    write_fields::<D>(tx, story, &save.fields, now).await?;
    let next = revision + 1;
    tx.execute(sql!(
        "UPDATE stories SET revision = $1 WHERE id = $2",
        next,
        story
    ))
    .await?;
    insert_revision::<D>(tx, story, next, Some(user), status, &save.fields).await?;
    if let Some(path) = &save.redirect_from {
        tx.execute(sql!(
            "INSERT INTO redirects (edition_id, path, story_id) \
             SELECT edition_id, $1, id FROM stories WHERE id = $2 \
             ON CONFLICT (edition_id, path) DO UPDATE SET story_id = excluded.story_id",
            path,
            story
        ))
        .await?;
    }
    let detail = format!("revision {next}");
    audit_in::<D>(tx, &story_audit(user, story, "save", detail), story).await?;
    tx.execute(sql!(
        "DELETE FROM story_autosaves WHERE story_id = $1 AND user_id = $2",
        story,
        user
    ))
    .await?;
    // Last: the change log's lock is held until commit. A story not published has no
    // page to drop, but the search index (which the newsroom searches, drafts included)
    // follows its edits too.
    if status == StoryStatus::Published {
        log_change::<D>(tx, story, "edit", &before).await?;
    } else {
        log_tags::<D>(tx, "story", story, "edit", Vec::new()).await?;
    }
    Ok(next)
}

/// Moves a story in the workflow inside `tx`.
async fn change_status_in<D: Dialect>(tx: &mut Tx<D>, change: &StatusChange) -> StoreResult<()> {
    let (story, user) = (change.story_id.0, change.user_id.0);
    let (status, _) = current::<D>(tx, story).await?;
    if status != change.from {
        return Err(StoreError::Conflict(Constraint::StoryStatus));
    }
    tx.execute(sql!(
        "UPDATE stories SET status = $1, \
           published_at = CASE WHEN $1 = 'published' THEN COALESCE(published_at, $2) \
             ELSE published_at END, \
           scheduled_at = $3 WHERE id = $4",
        change.to.as_str(),
        change.at,
        change.scheduled_at,
        story
    ))
    .await?;
    relist::<D>(tx, Relist::Story(story)).await?;
    cancel_jobs::<D>(tx, story, change.at).await?;
    if let (StoryStatus::Scheduled, Some(due)) = (change.to, change.scheduled_at) {
        tx.execute(sql!(
            "INSERT INTO jobs (kind, subject_id, run_at, created_at) \
             VALUES ('publish_story', $1, $2, $3)",
            story,
            due,
            change.at
        ))
        .await?;
    }
    let detail = format!("{} → {}", status.as_str(), change.to.as_str());
    let entry = story_audit(user, story, "status", detail);
    audit_in::<D>(tx, &entry, story).await?;
    // Readers see a change only when a story enters or leaves the published state.
    // Last: the change log's lock is held until commit.
    if (status == StoryStatus::Published) != (change.to == StoryStatus::Published) {
        let action = if change.to == StoryStatus::Published {
            "publish"
        } else {
            "unpublish"
        };
        log_change::<D>(tx, story, action, &[]).await?;
    }
    Ok(())
}
