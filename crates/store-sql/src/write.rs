//! Writes: one transaction per method, each logging what it changed where it matters.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::db::{Db, Dialect, Transaction};
use crate::job_listings;
use crate::query::{Value, insert_rows, placeholder};
use crate::story_write::insert_story;
use crate::workflow::{audit_in, story_audit};
use crate::{SqlStore, Tx, sql};

#[async_trait]
impl<D: Dialect> Writes for SqlStore<D> {
    async fn save_settings(&self, settings: &SiteSettings) -> StoreResult<()> {
        let mut tx = self.write().await?;
        for (key, value) in [
            ("site_name", &settings.site_name),
            ("copyright_holder", &settings.copyright_holder),
            ("newsletter_pitch", &settings.newsletter_pitch),
        ] {
            tx.execute(sql!(
                "INSERT INTO settings (key, value) VALUES ($1, $2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key,
                value
            ))
            .await?;
        }
        tx.commit().await
    }

    async fn create_edition(&self, edition: &NewEdition) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "INSERT INTO editions (code, name, language, direction, timezone, path_prefix) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &edition.code,
                &edition.name,
                &edition.language,
                edition.direction.as_str(),
                &edition.timezone,
                &edition.path_prefix
            ))
            .await
    }

    async fn create_section(&self, section: &NewSection) -> StoreResult<i64> {
        self.db()
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
            .await
    }

    async fn create_menu_item(&self, item: &NewMenuItem) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "INSERT INTO menu_items (edition_id, menu, parent_id, position, section_id, \
                   label, url) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                item.edition_id,
                item.menu.as_str(),
                item.parent_id,
                item.position,
                item.section_id,
                &item.label,
                &item.url
            ))
            .await
    }

    async fn create_author(&self, author: &NewAuthor) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "INSERT INTO authors (slug, name, title, bio, columnist, image_id, edition_id, \
                   links) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                &author.slug,
                &author.name,
                &author.title,
                &author.bio,
                author.columnist,
                author.image_id,
                author.edition_id,
                &author.links
            ))
            .await
    }

    async fn create_agency(&self, name: &str) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "INSERT INTO agencies (name) VALUES ($1) RETURNING id",
                name
            ))
            .await
    }

    async fn create_topic(&self, topic: &NewTopic) -> StoreResult<i64> {
        self.db()
            .scalar(sql!(
                "INSERT INTO topics (edition_id, slug, name, description) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
                topic.edition_id,
                &topic.slug,
                &topic.name,
                &topic.description
            ))
            .await
    }

    async fn ensure_keyword(&self, edition_id: i64, slug: &str, name: &str) -> StoreResult<i64> {
        // The no-op update makes RETURNING yield the existing row's id on conflict.
        self.db()
            .scalar(sql!(
                "INSERT INTO keywords (edition_id, slug, name) VALUES ($1, $2, $3) \
                 ON CONFLICT (edition_id, slug) DO UPDATE SET slug = excluded.slug RETURNING id",
                edition_id,
                slug,
                name
            ))
            .await
    }

    async fn create_image(&self, image: &NewImage) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = insert_image::<D>(&mut tx, image, None, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn create_story(&self, story: &NewStory) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = insert_story::<D>(&mut tx, story).await?;
        if let Some(owner) = story.owner_id {
            let entry = story_audit(owner, id, "create", String::new());
            audit_in::<D>(&mut tx, &entry, id).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn create_redirect(&self, edition_id: i64, path: &str, story_id: i64) -> StoreResult<()> {
        self.db()
            .execute(sql!(
                "INSERT INTO redirects (edition_id, path, story_id) VALUES ($1, $2, $3) \
                 ON CONFLICT (edition_id, path) DO UPDATE SET story_id = excluded.story_id",
                edition_id,
                path,
                story_id
            ))
            .await?;
        Ok(())
    }

    async fn create_job_listing(
        &self,
        job: &NewJobListing,
        audit: Option<&NewAuditEntry>,
    ) -> StoreResult<i64> {
        job_listings::create_job_listing(self, job, audit).await
    }

    async fn update_job_listing(
        &self,
        edition_id: i64,
        id: i64,
        fields: &JobFields,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        job_listings::update_job_listing(self, edition_id, id, fields, audit).await
    }

    async fn close_job_listing(
        &self,
        edition_id: i64,
        id: i64,
        closed_at: Option<Timestamp>,
        audit: &NewAuditEntry,
    ) -> StoreResult<()> {
        job_listings::close_job_listing(self, edition_id, id, closed_at, audit).await
    }
}

/// Inserts an image row and its renditions inside a transaction; returns the image id.
pub async fn insert_image<D: Dialect>(
    tx: &mut Tx<D>,
    image: &NewImage,
    original_key: Option<&str>,
    uploaded_by: Option<i64>,
) -> StoreResult<i64> {
    let id: i64 = tx
        .scalar(sql!(
            "INSERT INTO images (width, height, caption, credit, alt, focal_x, focal_y, \
               created_at, original_key, uploaded_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            image.width,
            image.height,
            &image.caption,
            &image.credit,
            &image.alt,
            f64::from(image.focal_x),
            f64::from(image.focal_y),
            Timestamp::now(),
            original_key,
            uploaded_by
        ))
        .await?;
    let renditions = image.renditions.iter().map(|rendition| {
        vec![
            Value::from(id),
            Value::from(rendition.width),
            Value::from(rendition.height),
            Value::from(&rendition.format),
            Value::from(&rendition.key),
        ]
    });
    let columns = "image_id, width, height, format, key";
    if let Some(insert) = insert_rows("renditions", columns, renditions.collect(), placeholder) {
        tx.execute(insert).await?;
    }
    let focal = (image.focal_x, image.focal_y);
    insert_crops::<D>(tx, id, focal, &image.crops).await?;
    Ok(id)
}

/// Inserts an image's crops, cut around `focal`, inside a transaction.
pub async fn insert_crops<D: Dialect>(
    tx: &mut Tx<D>,
    image_id: i64,
    focal: (f32, f32),
    crops: &[Crop],
) -> StoreResult<()> {
    let rows = crops.iter().map(|crop| {
        vec![
            Value::from(image_id),
            Value::from(&crop.ratio),
            Value::from(crop.width),
            Value::from(crop.height),
            Value::from(f64::from(focal.0)),
            Value::from(f64::from(focal.1)),
            Value::from(&crop.key),
        ]
    });
    let columns = "image_id, ratio, width, height, focal_x, focal_y, key";
    if let Some(insert) = insert_rows("image_crops", columns, rows.collect(), placeholder) {
        tx.execute(insert).await?;
    }
    Ok(())
}
