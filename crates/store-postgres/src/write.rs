//! Writes: one transaction per method, each logging what it changed where it matters.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::{Postgres, Transaction};
use store::*;

use crate::rows::from_time;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

#[async_trait]
impl Writes for PgStore {
    async fn save_settings(&self, settings: &SiteSettings) -> Result<()> {
        let mut tx = self.write().await?;
        for (key, value) in [
            ("site_name", &settings.site_name),
            ("copyright_holder", &settings.copyright_holder),
            ("newsletter_pitch", &settings.newsletter_pitch),
        ] {
            sqlx::query(
                "INSERT INTO settings (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )
            .bind(key)
            .bind(value)
            .execute(&mut *tx)
            .await
            .map_err(map_error)?;
        }
        tx.commit().await.map_err(map_error)
    }

    async fn create_edition(&self, edition: &NewEdition) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO editions (code, name, language, direction, timezone, path_prefix) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&edition.code)
        .bind(&edition.name)
        .bind(&edition.language)
        .bind(edition.direction.as_str())
        .bind(&edition.timezone)
        .bind(&edition.path_prefix)
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn create_section(&self, section: &NewSection) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO sections (edition_id, parent_id, slug, name, description, position) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(section.edition_id)
        .bind(section.parent_id)
        .bind(&section.slug)
        .bind(&section.name)
        .bind(&section.description)
        .bind(section.position)
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn create_menu_item(&self, item: &NewMenuItem) -> Result<i64> {
        sqlx::query_scalar(
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
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn create_author(&self, author: &NewAuthor) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO authors (slug, name, title, bio, columnist, image_id) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&author.slug)
        .bind(&author.name)
        .bind(&author.title)
        .bind(&author.bio)
        // Flags are 0/1 integers, as in SQLite.
        .bind(i64::from(author.columnist))
        .bind(author.image_id)
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn create_agency(&self, name: &str) -> Result<i64> {
        sqlx::query_scalar("INSERT INTO agencies (name) VALUES ($1) RETURNING id")
            .bind(name)
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)
    }

    async fn create_topic(&self, topic: &NewTopic) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO topics (edition_id, slug, name, description) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(topic.edition_id)
        .bind(&topic.slug)
        .bind(&topic.name)
        .bind(&topic.description)
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn ensure_keyword(&self, edition_id: i64, slug: &str, name: &str) -> Result<i64> {
        // The no-op update makes RETURNING yield the existing row's id on conflict.
        sqlx::query_scalar(
            "INSERT INTO keywords (edition_id, slug, name) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, slug) DO UPDATE SET slug = excluded.slug RETURNING id",
        )
        .bind(edition_id)
        .bind(slug)
        .bind(name)
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }

    async fn create_image(&self, image: &NewImage) -> Result<i64> {
        let mut tx = self.write().await?;
        let id = insert_image(&mut tx, image, None, None).await?;
        tx.commit().await.map_err(map_error)?;
        Ok(id)
    }

    async fn create_story(&self, story: &NewStory) -> Result<i64> {
        let mut tx = self.write().await?;
        let id = crate::story_write::insert_story(&mut tx, story).await?;
        tx.commit().await.map_err(map_error)?;
        Ok(id)
    }

    async fn create_redirect(&self, edition_id: i64, path: &str, story_id: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO redirects (edition_id, path, story_id) VALUES ($1, $2, $3) \
             ON CONFLICT (edition_id, path) DO UPDATE SET story_id = excluded.story_id",
        )
        .bind(edition_id)
        .bind(path)
        .bind(story_id)
        .execute(&self.pool)
        .await
        .map_err(map_error)?;
        Ok(())
    }

    async fn create_job_listing(&self, job: &NewJobListing) -> Result<i64> {
        sqlx::query_scalar(
            "INSERT INTO job_listings (edition_id, title, location, description, posted_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(job.edition_id)
        .bind(&job.title)
        .bind(&job.location)
        .bind(&job.description)
        .bind(from_time(job.posted_at))
        .fetch_one(&self.pool)
        .await
        .map_err(map_error)
    }
}

/// Inserts an image row and its renditions inside a transaction; returns the image id.
pub(crate) async fn insert_image(
    tx: &mut Transaction<'_, Postgres>,
    image: &NewImage,
    original_key: Option<&str>,
    uploaded_by: Option<i64>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO images (width, height, caption, credit, alt, focal_x, focal_y, created_at, \
           original_key, uploaded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(&image.caption)
    .bind(&image.credit)
    .bind(&image.alt)
    .bind(f64::from(image.focal_x))
    .bind(f64::from(image.focal_y))
    .bind(from_time(Timestamp::now()))
    .bind(original_key)
    .bind(uploaded_by)
    .fetch_one(&mut **tx)
    .await
    .map_err(map_error)?;
    // One statement for all renditions: each is a row of the arrays, unnested in step.
    let widths: Vec<i64> = image
        .renditions
        .iter()
        .map(|r| i64::from(r.width))
        .collect();
    let heights: Vec<i64> = image
        .renditions
        .iter()
        .map(|r| i64::from(r.height))
        .collect();
    let formats: Vec<&str> = image.renditions.iter().map(|r| r.format.as_str()).collect();
    let keys: Vec<&str> = image.renditions.iter().map(|r| r.key.as_str()).collect();
    sqlx::query(
        "INSERT INTO renditions (image_id, width, height, format, key) \
         SELECT $1, width, height, format, key \
         FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) \
           AS r (width, height, format, key)",
    )
    .bind(id)
    .bind(widths)
    .bind(heights)
    .bind(formats)
    .bind(keys)
    .execute(&mut **tx)
    .await
    .map_err(map_error)?;
    Ok(id)
}
