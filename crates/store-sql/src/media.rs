//! The media library: recording uploads, listing and searching images, editing them, and
//! finding the stories that use one and the authors and agencies it portrays.

use async_trait::async_trait;
use jiff::Timestamp;
use store::*;

use crate::changes::log_tags;
use crate::db::{Db, Dialect, Transaction};
use crate::newsroom::LibraryRow;
use crate::search::optional_like_pattern;
use crate::select::image_select;
use crate::story_write::story_tags;
use crate::workflow::audit_in;
use crate::write::{insert_crops, insert_image};
use crate::{SqlStore, Tx, sql};

/// Matches the `LIKE` pattern `$1` in the caption, credit or alt text, or anything when
/// null. `lower` folds ASCII only on both databases, as [`search_pattern`] does.
const SEARCH_FILTER: &str = "($1 IS NULL OR lower(i.caption) LIKE $1 ESCAPE '\\' \
     OR lower(i.credit) LIKE $1 ESCAPE '\\' OR lower(i.alt) LIKE $1 ESCAPE '\\')";

/// The pattern for [`SEARCH_FILTER`]: a search matches regardless of ASCII case.
fn search_pattern(query: &MediaQuery) -> Option<String> {
    optional_like_pattern(query.search.as_deref()).map(|pattern| pattern.to_ascii_lowercase())
}

/// Stories using an image (`$1`): as hero, in a gallery, or as a body image block, as
/// their writes recorded it in `story_images`. Ordered by story, then by role.
const USES: &str = "SELECT s.id AS story_id, s.headline, s.status, u.role, s.owner_id \
     FROM story_images u JOIN stories s ON s.id = u.story_id \
     WHERE u.image_id = $1 ORDER BY s.id, u.role";

/// Authors whose portrait and agencies whose logo is image `$1`, authors first, by name.
const PROFILES: &str = "SELECT 'author' AS kind, id, name FROM authors WHERE image_id = $1 \
     UNION ALL SELECT 'agency', id, name FROM agencies WHERE logo_id = $1 \
     ORDER BY kind DESC, name, id";

#[async_trait]
impl<D: Dialect> MediaLibrary for SqlStore<D> {
    async fn create_upload(&self, upload: &NewUpload, audit: &NewAuditEntry) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let id = insert_image::<D>(
            &mut tx,
            &upload.image,
            Some(&upload.original_key),
            Some(upload.uploaded_by),
        )
        .await?;
        audit_in::<D>(&mut tx, audit, id).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn library(&self, query: &MediaQuery) -> StoreResult<Vec<LibraryImage>> {
        // The image select's `i.*` carries the original, uploader and upload time too.
        let rows: Vec<LibraryRow> = self
            .db()
            .fetch_all(sql!(
                format!(
                    "{} WHERE {SEARCH_FILTER} ORDER BY i.created_at DESC, i.id DESC \
                     LIMIT $2 OFFSET $3",
                    image_select::<D>()
                ),
                search_pattern(query),
                query.limit,
                query.offset
            ))
            .await?;
        rows.into_iter().map(LibraryImage::try_from).collect()
    }

    async fn count_library(&self, query: &MediaQuery) -> StoreResult<u64> {
        let count: i64 = self
            .db()
            .scalar(sql!(
                format!("SELECT COUNT(*) FROM images i WHERE {SEARCH_FILTER}"),
                search_pattern(query)
            ))
            .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    async fn library_image(&self, id: i64) -> StoreResult<Option<LibraryImage>> {
        let row: Option<LibraryRow> = self
            .db()
            .fetch_optional(sql!(format!("{} WHERE i.id = $1", image_select::<D>()), id))
            .await?;
        row.map(LibraryImage::try_from).transpose()
    }

    async fn image_uses(&self, id: i64) -> StoreResult<Vec<ImageUse>> {
        self.db().fetch_all(sql!(USES, id)).await
    }

    async fn image_profiles(&self, id: i64) -> StoreResult<Vec<ProfileImageUse>> {
        let rows: Vec<(String, i64, String)> = self.db().fetch_all(sql!(PROFILES, id)).await?;
        Ok(rows
            .into_iter()
            .map(|(kind, id, name)| ProfileImageUse {
                kind: if kind == "author" {
                    ProfileKind::Author
                } else {
                    ProfileKind::Agency
                },
                id,
                name,
            })
            .collect())
    }

    async fn update_image(
        &self,
        changes: &ImageChanges,
        audit: &NewAuditEntry,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let updated = tx
            .execute(sql!(
                "UPDATE images SET caption = $1, credit = $2, alt = $3, focal_x = $4, \
                   focal_y = $5 WHERE id = $6",
                &changes.caption,
                &changes.credit,
                &changes.alt,
                f64::from(changes.focal_x.clamp(0.0, 1.0)),
                f64::from(changes.focal_y.clamp(0.0, 1.0)),
                changes.id
            ))
            .await?;
        if updated == 0 {
            return Err(StoreError::NotFound);
        }
        let tags = image_tags::<D>(&mut tx, changes.id).await?;
        audit_in::<D>(&mut tx, audit, changes.id).await?;
        let logged = !tags.is_empty();
        if logged {
            log_tags::<D>(&mut tx, "image", changes.id, "update", tags).await?;
        }
        tx.commit().await?;
        Ok(logged)
    }

    async fn replace_crops(
        &self,
        image_id: i64,
        focal: (f32, f32),
        crops: &[Crop],
        keep_until: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let current: Option<(f64, f64)> = tx
            .fetch_optional(sql!(
                format!(
                    "SELECT focal_x, focal_y FROM images WHERE id = $1{}",
                    D::FOR_NO_KEY_UPDATE
                ),
                image_id
            ))
            .await?;
        // Stored as REAL / DOUBLE from an f32: compared as f32 again, exactly.
        let still = current.is_some_and(|(x, y)| (x as f32, y as f32) == focal);
        if !still {
            return Ok(false);
        }
        let replaced: Vec<(String,)> = tx
            .fetch_all(sql!(
                "DELETE FROM image_crops WHERE image_id = $1 RETURNING key",
                image_id
            ))
            .await?;
        for (key,) in &replaced {
            tx.execute(sql!(
                "INSERT INTO retired_files (key, delete_after) VALUES ($1, $2) \
                 ON CONFLICT (key) DO NOTHING",
                key,
                keep_until
            ))
            .await?;
        }
        insert_crops::<D>(&mut tx, image_id, focal, crops).await?;
        let tags = image_tags::<D>(&mut tx, image_id).await?;
        if !tags.is_empty() {
            log_tags::<D>(&mut tx, "image", image_id, "crop", tags).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn due_retired_files(&self, now: Timestamp, limit: u32) -> StoreResult<Vec<String>> {
        let keys: Vec<(String,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT key FROM retired_files WHERE delete_after <= $1 \
                 ORDER BY delete_after, key LIMIT $2",
                now,
                limit
            ))
            .await?;
        Ok(keys.into_iter().map(|(key,)| key).collect())
    }

    async fn forget_retired_files(&self, keys: &[String]) -> StoreResult<()> {
        let mut tx = self.write().await?;
        for key in keys {
            tx.execute(sql!("DELETE FROM retired_files WHERE key = $1", key))
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn images_needing_crops(&self, after: i64, limit: u32) -> StoreResult<Vec<i64>> {
        let ids: Vec<(i64,)> = self
            .db()
            .fetch_all(sql!(
                "SELECT i.id FROM images i WHERE i.id > $1 AND NOT EXISTS \
                   (SELECT 1 FROM image_crops c WHERE c.image_id = i.id \
                    AND c.focal_x = i.focal_x AND c.focal_y = i.focal_y) \
                 ORDER BY i.id LIMIT $2",
                after,
                limit
            ))
            .await?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }
}

/// The cache tags of the pages that show an image: its published stories' pages (and
/// every listing they are on) and the pages of the authors it portrays.
async fn image_tags<D: Dialect>(tx: &mut Tx<D>, image_id: i64) -> StoreResult<Vec<CacheTag>> {
    let published: Vec<(i64,)> = tx
        .fetch_all(sql!(
            "SELECT DISTINCT s.id FROM story_images u JOIN stories s ON s.id = u.story_id \
             WHERE u.image_id = $1 AND s.status = 'published'",
            image_id
        ))
        .await?;
    let mut tags = Vec::new();
    for (story_id,) in published {
        tags.extend(story_tags::<D>(tx, story_id).await?);
    }
    let portrayed: Vec<(i64,)> = tx
        .fetch_all(sql!("SELECT id FROM authors WHERE image_id = $1", image_id))
        .await?;
    tags.extend(
        portrayed
            .into_iter()
            .map(|(author,)| CacheTag::Author(author)),
    );
    Ok(tags)
}
