//! Reads: editions, taxonomy, people, media, settings and published stories.
//!
//! Lists of ids are bound as one `bigint[]` and matched with `= ANY`, so every query is a
//! fixed string and its prepared plan is reused. Names sort in byte order (`COLLATE "C"`)
//! as they do in SQLite, whatever the database's collation.

use std::collections::HashMap;

use async_trait::async_trait;
use store::*;

use crate::rows::*;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

pub(crate) use store_sql::in_order;

#[async_trait]
impl SiteReads for PgStore {
    async fn editions(&self) -> Result<Vec<Edition>> {
        sqlx::query_as::<_, EditionRow>("SELECT * FROM editions ORDER BY path_prefix <> '', id")
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?
            .into_iter()
            .map(Edition::try_from)
            .collect()
    }

    async fn sections(&self, edition_id: i64) -> Result<Vec<Section>> {
        let rows = sqlx::query_as::<_, SectionRow>(
            "SELECT * FROM sections WHERE edition_id = $1 ORDER BY position, id",
        )
        .bind(edition_id)
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(rows.into_iter().map(Section::from).collect())
    }

    async fn menu_items(&self, edition_id: i64) -> Result<Vec<MenuItem>> {
        sqlx::query_as::<_, MenuItemRow>(
            "SELECT * FROM menu_items WHERE edition_id = $1 ORDER BY position, id",
        )
        .bind(edition_id)
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?
        .into_iter()
        .map(MenuItem::try_from)
        .collect()
    }

    async fn settings(&self) -> Result<SiteSettings> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings")
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let mut values: HashMap<String, String> = rows.into_iter().collect();
        let mut take = |key: &str| values.remove(key).unwrap_or_default();
        Ok(SiteSettings {
            site_name: take("site_name"),
            copyright_holder: take("copyright_holder"),
            newsletter_pitch: take("newsletter_pitch"),
        })
    }

    async fn images(&self, ids: &[i64]) -> Result<Vec<Image>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = concat!(
            "SELECT i.*, ",
            renditions!(),
            " AS renditions FROM images i WHERE i.id = ANY($1)"
        );
        let rows = sqlx::query_as::<_, ImageRow>(sql)
            .bind(ids)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let images = rows
            .into_iter()
            .map(Image::try_from)
            .collect::<Result<Vec<_>>>()?;
        Ok(in_order(ids, images, |image: &Image| image.id))
    }

    async fn authors(&self, ids: &[i64]) -> Result<Vec<Author>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query_as::<_, AuthorRow>("SELECT * FROM authors WHERE id = ANY($1)")
            .bind(ids)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let authors = rows.into_iter().map(Author::from).collect();
        Ok(in_order(ids, authors, |author: &Author| author.id))
    }

    async fn author_by_slug(&self, slug: &str) -> Result<Option<Author>> {
        let row = sqlx::query_as::<_, AuthorRow>("SELECT * FROM authors WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(row.map(Author::from))
    }

    async fn agencies(&self, ids: &[i64]) -> Result<Vec<Agency>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM agencies WHERE id = ANY($1)")
                .bind(ids)
                .fetch_all(&self.pool)
                .await
                .map_err(map_error)?;
        let agencies = rows
            .into_iter()
            .map(|(id, name)| Agency { id, name })
            .collect();
        Ok(in_order(ids, agencies, |agency: &Agency| agency.id))
    }

    async fn topics(&self, ids: &[i64]) -> Result<Vec<Topic>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query_as::<_, TopicRow>("SELECT * FROM topics WHERE id = ANY($1)")
            .bind(ids)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let topics = rows.into_iter().map(Topic::from).collect();
        Ok(in_order(ids, topics, |topic: &Topic| topic.id))
    }

    async fn topic_by_slug(&self, edition_id: i64, slug: &str) -> Result<Option<Topic>> {
        let row = sqlx::query_as::<_, TopicRow>(
            "SELECT * FROM topics WHERE edition_id = $1 AND slug = $2",
        )
        .bind(edition_id)
        .bind(slug)
        .fetch_optional(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(row.map(Topic::from))
    }

    async fn keywords(&self, ids: &[i64]) -> Result<Vec<Keyword>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query_as::<_, KeywordRow>("SELECT * FROM keywords WHERE id = ANY($1)")
            .bind(ids)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        let keywords = rows.into_iter().map(Keyword::from).collect();
        Ok(in_order(ids, keywords, |keyword: &Keyword| keyword.id))
    }

    async fn keyword_by_slug(&self, edition_id: i64, slug: &str) -> Result<Option<Keyword>> {
        let row = sqlx::query_as::<_, KeywordRow>(
            "SELECT * FROM keywords WHERE edition_id = $1 AND slug = $2",
        )
        .bind(edition_id)
        .bind(slug)
        .fetch_optional(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(row.map(Keyword::from))
    }

    async fn job_listings(&self, edition_id: i64) -> Result<Vec<JobListing>> {
        let rows = sqlx::query_as::<_, JobRow>(
            "SELECT * FROM job_listings WHERE edition_id = $1 ORDER BY posted_at DESC, id",
        )
        .bind(edition_id)
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(rows.into_iter().map(JobListing::from).collect())
    }

    async fn edition_topics(&self, edition_id: i64) -> Result<Vec<Topic>> {
        let rows = sqlx::query_as::<_, TopicRow>(
            "SELECT * FROM topics WHERE edition_id = $1 ORDER BY name COLLATE \"C\", id",
        )
        .bind(edition_id)
        .fetch_all(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(rows.into_iter().map(Topic::from).collect())
    }

    async fn all_authors(&self) -> Result<Vec<Author>> {
        let rows =
            sqlx::query_as::<_, AuthorRow>("SELECT * FROM authors ORDER BY name COLLATE \"C\", id")
                .fetch_all(&self.pool)
                .await
                .map_err(map_error)?;
        Ok(rows.into_iter().map(Author::from).collect())
    }

    async fn all_agencies(&self) -> Result<Vec<Agency>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM agencies ORDER BY name COLLATE \"C\"")
                .fetch_all(&self.pool)
                .await
                .map_err(map_error)?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| Agency { id, name })
            .collect())
    }

    async fn is_empty(&self) -> Result<bool> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM editions")
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(count == 0)
    }
}
