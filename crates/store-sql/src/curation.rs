//! The newsroom's upkeep of the site: sections (with `sections.rs`) and menus here,
//! topics and keywords in `taxonomy.rs`, front pins and the breaking-news bar in
//! `fronts.rs`. Every write is one transaction that ends by appending its change-log row
//! (with `changes::log_tags`).

use async_trait::async_trait;
use store::*;

use crate::changes::log_tags;
use crate::db::Transaction as _;
use crate::db::{Db, Dialect};
use crate::sections::update_section_in;
use crate::workflow::audit_in;
use crate::{SqlStore, Tx, fronts, not_found_unless, sql, taxonomy};

/// Locks an edition's row until the transaction ends, so that rewrites of its section
/// tree, menus and fronts run one at a time (SQLite runs every writer one at a time
/// anyway): two arrangements updating the same rows in different orders would otherwise
/// deadlock, and two replacements of one front's pins collide on its primary key. `FOR NO
/// KEY UPDATE` leaves inserts that merely reference the edition (stories, sections) free
/// to go on.
pub async fn lock_edition<D: Dialect>(tx: &mut Tx<D>, edition_id: i64) -> StoreResult<()> {
    tx.execute(sql!(
        format!(
            "SELECT id FROM editions WHERE id = $1{}",
            D::FOR_NO_KEY_UPDATE
        ),
        edition_id
    ))
    .await?;
    Ok(())
}

#[async_trait]
impl<D: Dialect> Curation for SqlStore<D> {
    async fn add_section(&self, section: &NewSection, audit: &NewAuditEntry) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, section.edition_id).await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO sections (edition_id, parent_id, slug, name, description, position) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                section.edition_id,
                section.parent_id,
                &section.slug,
                &section.name,
                &section.description,
                section.position
            ))
            .await?;
        let tags = vec![CacheTag::Edition(section.edition_id), CacheTag::Section(id)];
        audit_in::<D>(&mut tx, audit, id).await?;
        log_tags::<D>(&mut tx, "section", id, "create", tags).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_section(
        &self,
        changes: &SectionChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, changes.edition_id).await?;
        let moved = update_section_in::<D>(&mut tx, changes).await?;
        let mut tags = vec![CacheTag::Edition(changes.edition_id)];
        tags.extend(moved.iter().copied().map(CacheTag::Section));
        audit_in::<D>(&mut tx, audit, changes.id).await?;
        log_tags::<D>(&mut tx, "section", changes.id, "update", tags).await?;
        tx.commit().await
    }

    async fn reorder_sections(
        &self,
        edition_id: i64,
        ordered_ids: &[i64],
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, edition_id).await?;
        let mut tags = vec![CacheTag::Edition(edition_id)];
        for (position, id) in ordered_ids.iter().enumerate() {
            let done = tx
                .execute(sql!(
                    "UPDATE sections SET position = $1 WHERE id = $2 AND edition_id = $3",
                    position as i64,
                    id,
                    edition_id
                ))
                .await?;
            not_found_unless(done)?;
            tags.push(CacheTag::Section(*id));
        }
        let first = ordered_ids.first().copied().unwrap_or_default();
        audit_in::<D>(&mut tx, audit, first).await?;
        log_tags::<D>(&mut tx, "section", first, "reorder", tags).await?;
        tx.commit().await
    }

    async fn section_aliases(&self, edition_id: i64) -> StoreResult<Vec<SectionAlias>> {
        self.db()
            .fetch_all(sql!(
                "SELECT path, section_id FROM section_aliases WHERE edition_id = $1 \
                 ORDER BY path",
                edition_id
            ))
            .await
    }

    async fn add_menu_item(&self, item: &NewMenuItem, audit: &NewAuditEntry) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, item.edition_id).await?;
        let id: i64 = tx
            .scalar(sql!(
                "INSERT INTO menu_items \
                   (edition_id, menu, parent_id, position, section_id, label, url) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                item.edition_id,
                item.menu.as_str(),
                item.parent_id,
                item.position,
                item.section_id,
                &item.label,
                &item.url
            ))
            .await?;
        let tags = vec![CacheTag::Edition(item.edition_id)];
        audit_in::<D>(&mut tx, audit, id).await?;
        log_tags::<D>(&mut tx, "menu_item", id, "create", tags).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn remove_menu_item(
        &self,
        edition_id: i64,
        id: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, edition_id).await?;
        tx.execute(sql!(
            "DELETE FROM menu_items WHERE parent_id = $1 AND edition_id = $2",
            id,
            edition_id
        ))
        .await?;
        let done = tx
            .execute(sql!(
                "DELETE FROM menu_items WHERE id = $1 AND edition_id = $2",
                id,
                edition_id
            ))
            .await?;
        not_found_unless(done)?;
        let tags = vec![CacheTag::Edition(edition_id)];
        audit_in::<D>(&mut tx, audit, id).await?;
        log_tags::<D>(&mut tx, "menu_item", id, "delete", tags).await?;
        tx.commit().await
    }

    async fn arrange_menu(
        &self,
        arrangement: &MenuArrangement,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        lock_edition::<D>(&mut tx, arrangement.edition_id).await?;
        for place in &arrangement.places {
            let done = tx
                .execute(sql!(
                    "UPDATE menu_items SET parent_id = $1, position = $2 \
                     WHERE id = $3 AND edition_id = $4 AND menu = $5",
                    place.parent_id,
                    place.position,
                    place.id,
                    arrangement.edition_id,
                    arrangement.menu.as_str()
                ))
                .await?;
            not_found_unless(done)?;
        }
        let tags = vec![CacheTag::Edition(arrangement.edition_id)];
        let first = arrangement.places.first().map_or(0, |place| place.id);
        audit_in::<D>(&mut tx, audit, first).await?;
        log_tags::<D>(&mut tx, "menu_item", first, "arrange", tags).await?;
        tx.commit().await
    }

    async fn add_topic(&self, topic: &NewTopic, audit: &NewAuditEntry) -> StoreResult<i64> {
        taxonomy::add_topic(self, topic, audit).await
    }

    async fn update_topic(&self, topic: &Topic, audit: &NewAuditEntry) -> StoreResult<()> {
        taxonomy::update_topic(self, topic, audit).await
    }

    async fn topic_alias(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Topic>> {
        taxonomy::topic_alias(self, edition_id, slug).await
    }

    async fn keyword_counts(&self, query: &KeywordQuery) -> StoreResult<Vec<KeywordCount>> {
        taxonomy::keyword_counts(self, query).await
    }

    async fn count_keywords(&self, query: &KeywordQuery) -> StoreResult<u64> {
        taxonomy::count_keywords(self, query).await
    }

    async fn merge_keywords(
        &self,
        edition_id: i64,
        from: i64,
        into: i64,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        taxonomy::merge_keywords(self, edition_id, from, into, audit).await
    }

    async fn keyword_alias(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Keyword>> {
        taxonomy::keyword_alias(self, edition_id, slug).await
    }

    async fn front_pins(&self, edition_id: i64, front_id: i64) -> StoreResult<Vec<FrontPin>> {
        fronts::front_pins(self, edition_id, front_id).await
    }

    async fn replace_front_pins(
        &self,
        edition_id: i64,
        front_id: i64,
        pins: &[FrontPin],
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        fronts::replace_front_pins(self, edition_id, front_id, pins, audit).await
    }

    async fn breaking_news(&self) -> StoreResult<Vec<BreakingNews>> {
        fronts::breaking_news(self).await
    }

    async fn set_breaking_news(
        &self,
        news: &BreakingNews,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        fronts::set_breaking_news(self, news, audit).await
    }

    async fn clear_breaking_news(&self, edition_id: i64, audit: &NewAuditEntry) -> StoreResult<()> {
        fronts::clear_breaking_news(self, edition_id, audit).await
    }
}
