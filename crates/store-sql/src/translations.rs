//! Stories and their translations ([`Translations`]): each link is two rows, one from each
//! side, written and replaced together; every write logs the pages whose language links
//! changed (each story's own page).

use async_trait::async_trait;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect, Transaction};
use crate::story_write::insert_story;
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, sql};

/// The edition of a story, locked until the transaction ends so that two links of the
/// same story wait for each other; `NotFound` when there is no such story.
async fn edition_of<D: Dialect>(tx: &mut Tx<D>, id: i64) -> StoreResult<i64> {
    tx.scalar(sql!(
        format!(
            "SELECT edition_id FROM stories WHERE id = $1{}",
            D::FOR_NO_KEY_UPDATE
        ),
        id
    ))
    .await
}

/// Removes the link between two stories, both rows of it.
async fn remove_pair<D: Dialect>(tx: &mut Tx<D>, one: i64, other: i64) -> StoreResult<u64> {
    tx.execute(sql!(
        "DELETE FROM story_translations \
         WHERE (story_id = $1 AND translation_id = $2) OR (story_id = $2 AND translation_id = $1)",
        one,
        other
    ))
    .await
}

/// Links `one` and `other` (locked in id order, so two links never wait on each other in
/// a circle), replacing their links into each other's edition; returns every story whose
/// link changed, for the change log.
async fn link_in<D: Dialect>(tx: &mut Tx<D>, one: i64, other: i64) -> StoreResult<Vec<i64>> {
    let (first, second) = (one.min(other), one.max(other));
    let first_edition = edition_of::<D>(tx, first).await?;
    let second_edition = edition_of::<D>(tx, second).await?;
    if first == second || first_edition == second_edition {
        return Err(StoreError::Conflict(Constraint::Other(
            "story_translation_edition".into(),
        )));
    }
    let old: Vec<(i64, i64)> = tx
        .fetch_all(sql!(
            "SELECT story_id, translation_id FROM story_translations \
             WHERE (story_id = $1 AND edition_id = $2) OR (story_id = $3 AND edition_id = $4)",
            first,
            second_edition,
            second,
            first_edition
        ))
        .await?;
    let mut touched = vec![first, second];
    for (story, counterpart) in old {
        remove_pair::<D>(tx, story, counterpart).await?;
        touched.extend([story, counterpart]);
    }
    tx.execute(sql!(
        "INSERT INTO story_translations (story_id, edition_id, translation_id) \
         VALUES ($1, $2, $3), ($3, $4, $1)",
        first,
        second_edition,
        second,
        first_edition
    ))
    .await?;
    Ok(touched)
}

/// Logs a link's change with the pages of the stories it touched.
async fn log_link<D: Dialect>(
    tx: &mut Tx<D>,
    story_id: i64,
    action: &str,
    touched: &[i64],
) -> StoreResult<()> {
    let tags = touched.iter().map(|id| CacheTag::Story(*id)).collect();
    log_tags::<D>(tx, "story", story_id, action, tags).await
}

#[async_trait]
impl<D: Dialect> Translations for SqlStore<D> {
    async fn translations(&self, story_id: i64) -> StoreResult<Vec<Translation>> {
        self.db()
            .fetch_all(sql!(
                "SELECT edition_id, translation_id AS story_id FROM story_translations \
                 WHERE story_id = $1 ORDER BY edition_id",
                story_id
            ))
            .await
    }

    async fn link_translation(
        &self,
        story_id: i64,
        counterpart_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let touched = link_in::<D>(&mut tx, story_id, counterpart_id).await?;
        audit_in::<D>(&mut tx, audit, story_id).await?;
        log_link::<D>(&mut tx, story_id, "link_translation", &touched).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn unlink_translation(
        &self,
        story_id: i64,
        edition_id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        edition_of::<D>(&mut tx, story_id).await?;
        let counterpart: i64 = tx
            .scalar(sql!(
                "SELECT translation_id FROM story_translations \
                 WHERE story_id = $1 AND edition_id = $2",
                story_id,
                edition_id
            ))
            .await?;
        remove_pair::<D>(&mut tx, story_id, counterpart).await?;
        audit_in::<D>(&mut tx, audit, story_id).await?;
        log_link::<D>(
            &mut tx,
            story_id,
            "unlink_translation",
            &[story_id, counterpart],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_translation(
        &self,
        original: i64,
        draft: &NewStory,
        audit: &NewAuditEntry,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = insert_story::<D>(&mut tx, draft).await?;
        let touched = link_in::<D>(&mut tx, original, id).await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        log_link::<D>(&mut tx, id, "create_translation", &touched).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn untranslated(&self, query: &UntranslatedQuery) -> StoreResult<Vec<StorySummary>> {
        // Newest first through stories_published; static pages are not translated here.
        self.db()
            .fetch_all(sql!(
                "SELECT s.id, s.edition_id, s.headline, s.slug, s.status, s.section_id, \
                   s.owner_id, u.name AS owner_name, s.updated_at, s.published_at, \
                   s.scheduled_at, CAST(0 AS BIGINT) AS saves_since \
                 FROM stories s LEFT JOIN users u ON u.id = s.owner_id \
                 WHERE s.edition_id = $1 AND s.status = 'published' AND s.kind <> 'page' \
                   AND NOT EXISTS (SELECT 1 FROM story_translations t \
                     WHERE t.story_id = s.id AND t.edition_id = $2) \
                 ORDER BY s.published_at DESC, s.id DESC LIMIT $3 OFFSET $4",
                query.edition_id,
                query.into_edition_id,
                query.limit,
                query.offset
            ))
            .await
    }
}
