//! Reads: editions, taxonomy, people, media, settings and published stories.
//!
//! Lists of ids are bound as one value and matched with [`Dialect::in_list`], so every
//! query is a fixed string whose plan the database keeps. Names sort in byte order on
//! both databases (every PostgreSQL text column is `COLLATE "C"`).

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect};
use crate::rows::*;
use crate::select::image_select;
use crate::{SqlStore, sql};

#[async_trait]
impl<D: Dialect> SiteReads for SqlStore<D> {
    async fn editions(&self) -> StoreResult<Vec<Edition>> {
        self.db()
            .fetch_all(sql!(
                "SELECT * FROM editions ORDER BY path_prefix <> '', id"
            ))
            .await
    }

    async fn sections(&self, edition_id: i64) -> StoreResult<Vec<Section>> {
        self.db()
            .fetch_all(sql!(
                "SELECT * FROM sections WHERE edition_id = $1 ORDER BY position, id",
                edition_id
            ))
            .await
    }

    async fn menu_items(&self, edition_id: i64) -> StoreResult<Vec<MenuItem>> {
        self.db()
            .fetch_all(sql!(
                "SELECT * FROM menu_items WHERE edition_id = $1 ORDER BY position, id",
                edition_id
            ))
            .await
    }

    async fn settings(&self) -> StoreResult<SiteSettings> {
        let rows = self
            .db()
            .fetch_all::<(String, String)>(sql!("SELECT key, value FROM settings"))
            .await?;
        let mut values: HashMap<String, String> = rows.into_iter().collect();
        let mut take = |key: &str| values.remove(key).unwrap_or_default();
        Ok(SiteSettings {
            site_name: take("site_name"),
            copyright_holder: take("copyright_holder"),
            newsletter_pitch: take("newsletter_pitch"),
        })
    }

    async fn images(&self, ids: &[i64]) -> StoreResult<Vec<Image>> {
        let sql = format!("{} WHERE {}", image_select::<D>(), D::in_list("i.id", 1));
        let rows = self.by_ids(ids, sql, |row: &ImageRow| row.id).await?;
        rows.into_iter().map(Image::try_from).collect()
    }

    async fn authors(&self, ids: &[i64]) -> StoreResult<Vec<Author>> {
        let sql = format!("SELECT * FROM authors WHERE {}", D::in_list("id", 1));
        self.by_ids(ids, sql, |author: &Author| author.id).await
    }

    async fn author_by_slug(&self, slug: &str) -> StoreResult<Option<Author>> {
        self.db()
            .fetch_optional(sql!("SELECT * FROM authors WHERE slug = $1", slug))
            .await
    }

    async fn agencies(&self, ids: &[i64]) -> StoreResult<Vec<Agency>> {
        let sql = format!("SELECT * FROM agencies WHERE {}", D::in_list("id", 1));
        self.by_ids(ids, sql, |agency: &Agency| agency.id).await
    }

    async fn topics(&self, ids: &[i64]) -> StoreResult<Vec<Topic>> {
        let sql = format!("SELECT * FROM topics WHERE {}", D::in_list("id", 1));
        self.by_ids(ids, sql, |topic: &Topic| topic.id).await
    }

    async fn topic_by_slug(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Topic>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT * FROM topics WHERE edition_id = $1 AND slug = $2",
                edition_id,
                slug
            ))
            .await
    }

    async fn keywords(&self, ids: &[i64]) -> StoreResult<Vec<Keyword>> {
        let sql = format!("SELECT * FROM keywords WHERE {}", D::in_list("id", 1));
        self.by_ids(ids, sql, |keyword: &Keyword| keyword.id).await
    }

    async fn keyword_by_slug(&self, edition_id: i64, slug: &str) -> StoreResult<Option<Keyword>> {
        self.db()
            .fetch_optional(sql!(
                "SELECT * FROM keywords WHERE edition_id = $1 AND slug = $2",
                edition_id,
                slug
            ))
            .await
    }

    async fn job_listings(&self, edition_id: i64) -> StoreResult<Vec<JobListing>> {
        self.db()
            .fetch_all(sql!(
                "SELECT * FROM job_listings WHERE edition_id = $1 ORDER BY posted_at DESC, id",
                edition_id
            ))
            .await
    }

    async fn job_listing(&self, id: i64) -> StoreResult<Option<JobListing>> {
        self.db()
            .fetch_optional(sql!("SELECT * FROM job_listings WHERE id = $1", id))
            .await
    }

    async fn job_closings(&self, after: Timestamp, until: Timestamp) -> StoreResult<Vec<i64>> {
        let rows: Vec<(i64,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT DISTINCT edition_id FROM job_listings \
                 WHERE closes_at > $1 AND closes_at <= $2 AND closed_at IS NULL",
                after,
                until
            ))
            .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn edition_topics(&self, edition_id: i64) -> StoreResult<Vec<Topic>> {
        self.db()
            .fetch_all(sql!(
                "SELECT * FROM topics WHERE edition_id = $1 ORDER BY name, id",
                edition_id
            ))
            .await
    }

    async fn all_authors(&self) -> StoreResult<Vec<Author>> {
        self.db()
            .fetch_all(sql!("SELECT * FROM authors ORDER BY name, id"))
            .await
    }

    async fn all_agencies(&self) -> StoreResult<Vec<Agency>> {
        self.db()
            .fetch_all(sql!("SELECT * FROM agencies ORDER BY name"))
            .await
    }

    async fn is_empty(&self) -> StoreResult<bool> {
        let count = self
            .db()
            .scalar::<i64>(sql!("SELECT COUNT(*) FROM editions"))
            .await?;
        Ok(count == 0)
    }
}
