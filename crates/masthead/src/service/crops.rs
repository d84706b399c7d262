//! An image's crops for search engines and social sites (16:9, 4:3 and 1:1 around its focal
//! point, see `imaging::crops`): made with the renditions at upload, and made again by
//! [`make_needed_crops`] for images whose crops are missing (recorded before crops existed)
//! or were cut around another focal point. Each set of crops has new keys; the files of a
//! replaced set are retired with the new set's record and removed a day later by
//! [`remove_retired_files`], as social sites and feed readers keep an og:image's address.

use imaging::{CropFile, ImagingError, Limits};
use jiff::{SignedDuration, Timestamp};
use store::{Crop, Store};

use crate::media::MediaStore;
use crate::service::account::random_token;
use crate::service::error::{ServiceError, ServiceResult};

/// Images read per round of [`make_needed_crops`], and retired files removed per round of
/// [`remove_retired_files`].
const BATCH: u32 = 20;

/// How long a replaced crop's file stays for the caches that still name it.
const KEEP_RETIRED: SignedDuration = SignedDuration::from_hours(24);

/// Writes crop files under `folder` (noting each key in `written`) and returns them as the
/// store records them.
pub(crate) async fn put_crops(
    media: &dyn MediaStore,
    folder: &str,
    files: Vec<CropFile>,
    written: &mut Vec<String>,
) -> ServiceResult<Vec<Crop>> {
    // A fresh part per set: a remade crop never reuses a key a cache may hold.
    let set = &random_token()?[..8];
    let mut crops = Vec::new();
    for crop in files {
        let (across, down) = crop.ratio;
        let key = format!("{folder}/{across}x{down}-{set}.jpg");
        media.put(&key, crop.file.bytes).await?;
        written.push(key.clone());
        crops.push(Crop {
            ratio: format!("{across}:{down}"),
            width: crop.file.width,
            height: crop.file.height,
            key,
        });
    }
    Ok(crops)
}

/// Cuts the crops of a stored picture on a blocking thread.
async fn cut(bytes: Vec<u8>, limits: Limits, focal: (f32, f32)) -> ServiceResult<Vec<CropFile>> {
    let work = tokio::task::spawn_blocking(move || -> Result<Vec<CropFile>, ImagingError> {
        let upload = imaging::inspect(&bytes, &limits)?;
        imaging::crops(&upload, focal)
    });
    let files = work
        .await
        .map_err(|error| anyhow::anyhow!("crop worker: {error}"))?;
    files.map_err(|error| ServiceError::Internal(anyhow::Error::new(error)))
}

/// Makes an image's crops around its current focal point from its original (or, for an
/// image recorded without one, its widest JPEG rendition) and records them (the store logs
/// the pages that show it for refreshing).
pub async fn make_crops(
    store: &dyn Store,
    media: &dyn MediaStore,
    limits: Limits,
    image_id: i64,
) -> ServiceResult<()> {
    let item = store
        .library_image(image_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let image = &item.image;
    let widest = image
        .renditions
        .iter()
        .filter(|rendition| rendition.format == "jpeg")
        .max_by_key(|rendition| rendition.width)
        .map(|rendition| rendition.key.clone());
    let source = item.original_key.or(widest).ok_or(ServiceError::NotFound)?;
    let bytes = media.get(&source).await?.ok_or(ServiceError::NotFound)?;
    let focal = (image.focal_x, image.focal_y);
    let files = cut(bytes, limits, focal).await?;
    let folder = source.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut written = Vec::new();
    let crops = put_crops(media, folder, files, &mut written).await;
    let keep_until = Timestamp::now() + KEEP_RETIRED;
    let recorded = match crops {
        Ok(crops) => {
            store
                .replace_crops(image_id, focal, &crops, keep_until)
                .await
        }
        Err(error) => {
            remove(media, &written).await;
            return Err(error);
        }
    };
    match recorded {
        Ok(true) => Ok(()),
        // The focal point moved meanwhile: the next round cuts around the new one.
        Ok(false) => {
            remove(media, &written).await;
            Ok(())
        }
        Err(error) => {
            remove(media, &written).await;
            Err(error.into())
        }
    }
}

/// Removes the retired files whose day has passed and forgets them; returns how many.
pub async fn remove_retired_files(store: &dyn Store, media: &dyn MediaStore) -> ServiceResult<u64> {
    let mut removed = 0;
    loop {
        let keys = store.due_retired_files(Timestamp::now(), BATCH).await?;
        if keys.is_empty() {
            return Ok(removed);
        }
        remove(media, &keys).await;
        store.forget_retired_files(&keys).await?;
        removed += keys.len() as u64;
    }
}

/// Removes files, logging (not failing on) any that cannot be removed.
pub(crate) async fn remove(media: &dyn MediaStore, keys: &[String]) {
    for key in keys {
        if let Err(error) = media.delete(key).await {
            tracing::warn!(%key, %error, "removing a media file");
        }
    }
}

/// Makes the crops of every image that needs them (see the module's documentation), in id
/// order, skipping the ids in `failed` and adding to it those that fail. Returns how many
/// images got new crops.
pub async fn make_needed_crops(
    store: &dyn Store,
    media: &dyn MediaStore,
    limits: Limits,
    failed: &mut std::collections::HashSet<i64>,
) -> ServiceResult<u64> {
    let (mut made, mut after) = (0, 0);
    loop {
        let ids = store.images_needing_crops(after, BATCH).await?;
        let Some(&last) = ids.last() else {
            return Ok(made);
        };
        after = last;
        let todo: Vec<i64> = ids.into_iter().filter(|id| !failed.contains(id)).collect();
        for id in todo {
            match make_crops(store, media, limits, id).await {
                Ok(()) => made += 1,
                Err(error) => {
                    tracing::warn!(image = id, %error, "making an image's crops");
                    failed.insert(id);
                }
            }
        }
    }
}
