//! The newsroom's upkeep of the site: sections (with `sections.rs`) and menus here,
//! topics and keywords in `taxonomy.rs`, front pins and the breaking-news bar in
//! `fronts.rs`. Every write is one transaction that ends by appending its change-log row
//! (with `history::log_tags`).

use async_trait::async_trait;
use sqlx::{Postgres, Transaction};
use store::*;

pub(crate) use crate::history::log_tags;
use crate::sections::update_section_in;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

/// Locks an edition's row until the transaction ends, so that rewrites of its section
/// tree, menus and fronts run one at a time, as on SQLite: two arrangements updating the
/// same rows in different orders would otherwise deadlock, and two replacements of one
/// front's pins collide on its primary key. `FOR NO KEY UPDATE` leaves inserts that
/// merely reference the edition (stories, sections) free to go on.
pub(crate) async fn lock_edition(
    tx: &mut Transaction<'_, Postgres>,
    edition_id: i64,
) -> Result<()> {
    sqlx::query("SELECT id FROM editions WHERE id = $1 FOR NO KEY UPDATE")
        .bind(edition_id)
        .execute(&mut **tx)
        .await
        .map_err(map_error)?;
    Ok(())
}

#[async_trait]
impl Curation for PgStore {
    async fn add_section(&self, section: &NewSection) -> Result<i64> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, section.edition_id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sections (edition_id, parent_id, slug, name, description, position) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(section.edition_id)
        .bind(section.parent_id)
        .bind(&section.slug)
        .bind(&section.name)
        .bind(&section.description)
        .bind(section.position)
        .fetch_one(&mut *tx)
        .await
        .map_err(map_error)?;
        let tags = vec![
            format!("edition:{}", section.edition_id),
            format!("section:{id}"),
        ];
        log_tags(&mut tx, "section", id, "create", tags).await?;
        tx.commit().await.map_err(map_error)?;
        Ok(id)
    }

    async fn update_section(&self, changes: &SectionChanges) -> Result<()> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, changes.edition_id).await?;
        let moved = update_section_in(&mut tx, changes).await?;
        let mut tags = vec![format!("edition:{}", changes.edition_id)];
        tags.extend(moved.iter().map(|id| format!("section:{id}")));
        log_tags(&mut tx, "section", changes.id, "update", tags).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn reorder_sections(&self, edition_id: i64, ordered_ids: &[i64]) -> Result<()> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, edition_id).await?;
        let mut tags = vec![format!("edition:{edition_id}")];
        for (position, id) in ordered_ids.iter().enumerate() {
            let done =
                sqlx::query("UPDATE sections SET position = $1 WHERE id = $2 AND edition_id = $3")
                    .bind(position as i64)
                    .bind(id)
                    .bind(edition_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(map_error)?;
            crate::accounts::not_found_unless(done.rows_affected())?;
            tags.push(format!("section:{id}"));
        }
        let first = ordered_ids.first().copied().unwrap_or_default();
        log_tags(&mut tx, "section", first, "reorder", tags).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn section_aliases(&self, edition_id: i64) -> Result<Vec<SectionAlias>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT path, section_id FROM section_aliases WHERE edition_id = $1 \
             ORDER BY path COLLATE \"C\"",
        )
        .bind(edition_id)
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(rows
            .into_iter()
            .map(|(path, section_id)| SectionAlias { path, section_id })
            .collect())
    }

    async fn add_menu_item(&self, item: &NewMenuItem) -> Result<i64> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, item.edition_id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO menu_items (edition_id, menu, parent_id, position, section_id, label, url) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(item.edition_id)
        .bind(item.menu.as_str())
        .bind(item.parent_id)
        .bind(item.position)
        .bind(item.section_id)
        .bind(&item.label)
        .bind(&item.url)
        .fetch_one(&mut *tx)
        .await
        .map_err(map_error)?;
        let tags = vec![format!("edition:{}", item.edition_id)];
        log_tags(&mut tx, "menu_item", id, "create", tags).await?;
        tx.commit().await.map_err(map_error)?;
        Ok(id)
    }

    async fn remove_menu_item(&self, edition_id: i64, id: i64) -> Result<()> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, edition_id).await?;
        sqlx::query("DELETE FROM menu_items WHERE parent_id = $1 AND edition_id = $2")
            .bind(id)
            .bind(edition_id)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        let done = sqlx::query("DELETE FROM menu_items WHERE id = $1 AND edition_id = $2")
            .bind(id)
            .bind(edition_id)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        crate::accounts::not_found_unless(done.rows_affected())?;
        let tags = vec![format!("edition:{edition_id}")];
        log_tags(&mut tx, "menu_item", id, "delete", tags).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn arrange_menu(&self, arrangement: &MenuArrangement) -> Result<()> {
        let mut tx = self.write().await?;
        lock_edition(&mut tx, arrangement.edition_id).await?;
        for place in &arrangement.places {
            let done = sqlx::query(
                "UPDATE menu_items SET parent_id = $1, position = $2 \
                 WHERE id = $3 AND edition_id = $4 AND menu = $5",
            )
            .bind(place.parent_id)
            .bind(place.position)
            .bind(place.id)
            .bind(arrangement.edition_id)
            .bind(arrangement.menu.as_str())
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
            crate::accounts::not_found_unless(done.rows_affected())?;
        }
        let tags = vec![format!("edition:{}", arrangement.edition_id)];
        let first = arrangement.places.first().map_or(0, |place| place.id);
        log_tags(&mut tx, "menu_item", first, "arrange", tags).await?;
        tx.commit().await.map_err(map_error)
    }

    async fn add_topic(&self, topic: &NewTopic) -> Result<i64> {
        crate::taxonomy::add_topic(&self.pool, topic).await
    }

    async fn update_topic(&self, topic: &Topic) -> Result<()> {
        crate::taxonomy::update_topic(&self.pool, topic).await
    }

    async fn topic_alias(&self, edition_id: i64, slug: &str) -> Result<Option<Topic>> {
        crate::taxonomy::topic_alias(&self.pool, edition_id, slug).await
    }

    async fn keyword_counts(&self, query: &KeywordQuery) -> Result<Vec<KeywordCount>> {
        crate::taxonomy::keyword_counts(&self.pool, query).await
    }

    async fn count_keywords(&self, query: &KeywordQuery) -> Result<u64> {
        crate::taxonomy::count_keywords(&self.pool, query).await
    }

    async fn merge_keywords(&self, edition_id: i64, from: i64, into: i64) -> Result<()> {
        crate::taxonomy::merge_keywords(&self.pool, edition_id, from, into).await
    }

    async fn keyword_alias(&self, edition_id: i64, slug: &str) -> Result<Option<Keyword>> {
        crate::taxonomy::keyword_alias(&self.pool, edition_id, slug).await
    }

    async fn front_pins(&self, edition_id: i64, front_id: i64) -> Result<Vec<FrontPin>> {
        crate::fronts::front_pins(&self.pool, edition_id, front_id).await
    }

    async fn replace_front_pins(
        &self,
        edition_id: i64,
        front_id: i64,
        pins: &[FrontPin],
    ) -> Result<()> {
        crate::fronts::replace_front_pins(&self.pool, edition_id, front_id, pins).await
    }

    async fn breaking_news(&self) -> Result<Vec<BreakingNews>> {
        crate::fronts::breaking_news(&self.pool).await
    }

    async fn set_breaking_news(&self, news: &BreakingNews) -> Result<()> {
        crate::fronts::set_breaking_news(&self.pool, news).await
    }

    async fn clear_breaking_news(&self, edition_id: i64) -> Result<()> {
        crate::fronts::clear_breaking_news(&self.pool, edition_id).await
    }
}
