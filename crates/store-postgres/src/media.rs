//! The media library: recording uploads, listing and searching images, editing them, and
//! finding the stories that use one.

use async_trait::async_trait;
use store::*;

use crate::newsroom::parse_status;
use store_sql::newsroom::LibraryRow;
use store_sql::search::optional_like_pattern as like_pattern;

use crate::history::log_tags;
use crate::rows::{ascii_like, renditions};
use crate::story_write::story_tags;
use crate::write::insert_image;
use crate::{PgStore, map_error};

type Result<T> = std::result::Result<T, StoreError>;

// SQL fragments are macros so that `concat!` makes whole static queries of them (sqlx takes
// only static SQL strings).

/// The library's columns: the image, its renditions as JSON, its original and uploader.
macro_rules! library_select {
    () => {
        concat!(
            "SELECT i.*, ",
            renditions!(),
            " AS renditions FROM images i"
        )
    };
}

/// Matches a `LIKE` pattern in the caption, credit or alt text (`$1`), or anything when null.
macro_rules! search_filter {
    () => {
        concat!(
            "($1::text IS NULL OR ",
            ascii_like!("i.caption", "$1", "\\"),
            " OR ",
            ascii_like!("i.credit", "$1", "\\"),
            " OR ",
            ascii_like!("i.alt", "$1", "\\"),
            ")"
        )
    };
}

/// Stories using an image (`$1`): as hero, in a gallery, or as a body image block (the
/// body is a JSON array of blocks; SQLite walks it with `json_each`). Ordered by story,
/// then by role in byte order, as SQLite orders them.
macro_rules! uses {
    () => {
        "SELECT id, headline, status, role, owner_id FROM ( \
           SELECT id, headline, status, 'hero' AS role, owner_id FROM stories \
             WHERE hero_image_id = $1 \
           UNION SELECT s.id, s.headline, s.status, 'gallery', s.owner_id FROM stories s \
             JOIN gallery_items g ON g.story_id = s.id WHERE g.image_id = $1 \
           UNION SELECT s.id, s.headline, s.status, 'body', s.owner_id FROM stories s \
             JOIN story_bodies b ON b.story_id = s.id \
             WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(b.body::jsonb) block \
               WHERE block ->> 'type' = 'image' AND block -> 'image_id' = to_jsonb($1)) \
         ) uses ORDER BY id, role COLLATE \"C\""
    };
}

#[async_trait]
impl MediaLibrary for PgStore {
    async fn create_upload(&self, upload: &NewUpload) -> Result<i64> {
        let mut tx = self.write().await?;
        let id = insert_image(
            &mut tx,
            &upload.image,
            Some(&upload.original_key),
            Some(upload.uploaded_by),
        )
        .await?;
        tx.commit().await.map_err(map_error)?;
        Ok(id)
    }

    async fn library(&self, query: &MediaQuery) -> Result<Vec<LibraryImage>> {
        let sql = concat!(
            library_select!(),
            " WHERE ",
            search_filter!(),
            " ORDER BY i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3"
        );
        let rows = sqlx::query_as::<_, LibraryRow>(sql)
            .bind(like_pattern(query.search.as_deref()))
            .bind(i64::from(query.limit))
            .bind(i64::from(query.offset))
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        rows.into_iter().map(LibraryImage::try_from).collect()
    }

    async fn count_library(&self, query: &MediaQuery) -> Result<u64> {
        let sql = concat!("SELECT COUNT(*) FROM images i WHERE ", search_filter!());
        let count: i64 = sqlx::query_scalar(sql)
            .bind(like_pattern(query.search.as_deref()))
            .fetch_one(&self.pool)
            .await
            .map_err(map_error)?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    async fn library_image(&self, id: i64) -> Result<Option<LibraryImage>> {
        let sql = concat!(library_select!(), " WHERE i.id = $1");
        let row = sqlx::query_as::<_, LibraryRow>(sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(map_error)?;
        row.map(LibraryImage::try_from).transpose()
    }

    async fn image_uses(&self, id: i64) -> Result<Vec<ImageUse>> {
        let rows: Vec<(i64, String, String, String, Option<i64>)> = sqlx::query_as(uses!())
            .bind(id)
            .fetch_all(&self.pool)
            .await
            .map_err(map_error)?;
        rows.into_iter()
            .map(|(story_id, headline, status, role, owner_id)| {
                Ok(ImageUse {
                    story_id,
                    headline,
                    owner_id,
                    status: parse_status(&status)?,
                    role: ImageRole::parse(&role)
                        .ok_or_else(|| StoreError::Other(format!("image role {role:?}")))?,
                })
            })
            .collect()
    }

    async fn update_image(&self, changes: &ImageChanges) -> Result<bool> {
        let mut tx = self.write().await?;
        let updated = sqlx::query(
            "UPDATE images SET caption = $1, credit = $2, alt = $3, focal_x = $4, focal_y = $5 \
             WHERE id = $6",
        )
        .bind(&changes.caption)
        .bind(&changes.credit)
        .bind(&changes.alt)
        .bind(f64::from(changes.focal_x.clamp(0.0, 1.0)))
        .bind(f64::from(changes.focal_y.clamp(0.0, 1.0)))
        .bind(changes.id)
        .execute(&mut *tx)
        .await
        .map_err(map_error)?;
        if updated.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let published: Vec<i64> = sqlx::query_scalar(concat!(
            "SELECT DISTINCT id FROM (",
            uses!(),
            ") published_uses WHERE status = 'published'"
        ))
        .bind(changes.id)
        .fetch_all(&mut *tx)
        .await
        .map_err(map_error)?;
        let mut tags = Vec::new();
        for story_id in &published {
            tags.extend(story_tags(&mut tx, *story_id).await?);
        }
        tags.sort();
        tags.dedup();
        let logged = !tags.is_empty();
        if logged {
            log_tags(&mut tx, "image", changes.id, "update", tags).await?;
        }
        tx.commit().await.map_err(map_error)?;
        Ok(logged)
    }
}
