//! Autosaved work and presence: who has a story open, and what they typed but did not save.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect};
use crate::rows::{from_json, to_json, to_time};
use crate::{SqlStore, sql};

#[async_trait]
impl<D: Dialect> Presence for SqlStore<D> {
    async fn autosave(
        &self,
        story_id: StoryId,
        user_id: UserId,
        base_revision: i64,
        fields: Option<&StoryFields>,
        at: Timestamp,
    ) -> StoreResult<()> {
        let json = fields
            .map(|fields| to_json("autosave", fields))
            .transpose()?;
        // A presence ping (no fields) keeps whatever work was saved before.
        self.db()
            .execute(sql!(
                "INSERT INTO story_autosaves (story_id, user_id, base_revision, fields, seen_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id, user_id) DO UPDATE SET \
                   seen_at = excluded.seen_at, \
                   base_revision = CASE WHEN excluded.fields IS NULL \
                     THEN story_autosaves.base_revision ELSE excluded.base_revision END, \
                   fields = COALESCE(excluded.fields, story_autosaves.fields)",
                story_id,
                user_id,
                base_revision,
                json,
                at
            ))
            .await?;
        Ok(())
    }

    async fn autosaved(&self, story_id: StoryId, user_id: UserId) -> StoreResult<Option<Autosave>> {
        let row: Option<(i64, Option<String>, i64)> = self
            .db()
            .fetch_optional(sql!(
                "SELECT base_revision, fields, seen_at FROM story_autosaves \
                 WHERE story_id = $1 AND user_id = $2",
                story_id,
                user_id
            ))
            .await?;
        row.map(|(base_revision, fields, seen_at)| {
            Ok(Autosave {
                base_revision,
                fields: fields
                    .map(|json| from_json("autosave", &json))
                    .transpose()?,
                seen_at: to_time(seen_at),
            })
        })
        .transpose()
    }

    async fn clear_autosave(&self, story_id: StoryId, user_id: UserId) -> StoreResult<()> {
        self.db()
            .execute(sql!(
                "UPDATE story_autosaves SET fields = NULL WHERE story_id = $1 AND user_id = $2",
                story_id,
                user_id
            ))
            .await?;
        Ok(())
    }

    async fn present_editors(
        &self,
        story_id: StoryId,
        except_user: UserId,
        since: Timestamp,
    ) -> StoreResult<Vec<String>> {
        let names: Vec<(String,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT u.name FROM story_autosaves a JOIN users u ON u.id = a.user_id \
                 WHERE a.story_id = $1 AND a.user_id <> $2 AND a.seen_at >= $3 ORDER BY u.name",
                story_id,
                except_user,
                since
            ))
            .await?;
        Ok(names.into_iter().map(|(name,)| name).collect())
    }
}
