//! The media library's use cases: uploading an image (validate, make renditions, store the
//! files, record them) and editing an image's text and focal point.
//!
//! Files go to a fresh random folder (`uploads/{token}/...`) before the database knows the
//! image, so no key depends on an id. If writing a file or recording the image fails, the
//! files already written are removed again: a failed upload leaves neither a row pointing at
//! missing files nor files that no row names. Only a crash between the two steps can leave
//! an unnamed folder behind, which nothing serves or lists.

use imaging::{DEFAULT_WIDTHS, Format, ImagingError, Limits, RenditionFile};
use store::{ImageChanges, NewAuditEntry, NewImage, NewUpload, Rendition, Store, StoreError};

use crate::domain::permission::{Action, allows, may_edit_image};
use crate::media::MediaStore;
use crate::service::account::random_token;

/// Why an upload or an edit did not happen.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The file was refused; the message is for the person who uploaded it.
    #[error("{0}")]
    Refused(ImagingError),
    /// The role does not allow it.
    #[error("not allowed")]
    Forbidden,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Storing files or a worker thread failed.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// The text typed beside an upload.
#[derive(Clone, Debug, Default)]
pub struct ImageText {
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// Alt text.
    pub alt: String,
}

/// A validated upload and its renditions, made off the async threads.
struct Prepared {
    format: Format,
    width: u32,
    height: u32,
    original: Vec<u8>,
    renditions: Vec<RenditionFile>,
}

/// Validates and resizes on a blocking thread: decoding and encoding take whole seconds of
/// CPU for a large photo.
async fn prepare(bytes: Vec<u8>, limits: Limits) -> Result<Prepared, MediaError> {
    let work = tokio::task::spawn_blocking(move || -> Result<Prepared, ImagingError> {
        let upload = imaging::inspect(&bytes, &limits)?;
        let renditions = imaging::renditions(&upload, &DEFAULT_WIDTHS, None, (0.5, 0.5))?;
        Ok(Prepared {
            format: upload.format,
            width: upload.width,
            height: upload.height,
            original: upload.original,
            renditions,
        })
    });
    let prepared = work
        .await
        .map_err(|error| anyhow::anyhow!("image worker: {error}"))?;
    prepared.map_err(|error| match error {
        // The upload was fine; our encoder was not: that is ours to log, not theirs to fix.
        ImagingError::Encode { .. } => MediaError::Internal(anyhow::Error::new(error)),
        refused => MediaError::Refused(refused),
    })
}

/// Uploads an image for an account: validates it, makes its renditions, stores the files and
/// records the image. Returns the new image's id.
pub async fn upload_image(
    store: &dyn Store,
    media: &dyn MediaStore,
    user: &store::User,
    bytes: Vec<u8>,
    limits: Limits,
    text: ImageText,
) -> Result<i64, MediaError> {
    if !allows(user.role, Action::UploadMedia) {
        return Err(MediaError::Forbidden);
    }
    let prepared = prepare(bytes, limits).await?;
    let folder = format!("uploads/{}", random_token()?);
    let mut written = Vec::new();
    let recorded = store_and_record(store, media, user.id, &folder, prepared, text, &mut written);
    match recorded.await {
        Ok(id) => {
            audit(store, user.id, "image.upload", id).await?;
            Ok(id)
        }
        Err(error) => {
            for key in &written {
                if let Err(cleanup) = media.delete(key).await {
                    tracing::warn!(%key, error = %cleanup, "removing a failed upload's file");
                }
            }
            Err(error)
        }
    }
}

/// Writes the files (noting each key in `written`), then records the image.
async fn store_and_record(
    store: &dyn Store,
    media: &dyn MediaStore,
    user_id: i64,
    folder: &str,
    prepared: Prepared,
    text: ImageText,
    written: &mut Vec<String>,
) -> Result<i64, MediaError> {
    let original_key = format!("{folder}/original.{}", prepared.format.extension());
    media.put(&original_key, prepared.original).await?;
    written.push(original_key.clone());
    let mut renditions = Vec::new();
    for file in prepared.renditions {
        let key = format!("{folder}/{}.{}", file.width, file.format.extension());
        media.put(&key, file.bytes).await?;
        written.push(key.clone());
        renditions.push(Rendition {
            width: file.width,
            height: file.height,
            format: file.format.as_str().to_string(),
            key,
        });
    }
    let upload = NewUpload {
        image: NewImage {
            width: prepared.width,
            height: prepared.height,
            caption: text.caption.trim().to_string(),
            credit: text.credit.trim().to_string(),
            alt: text.alt.trim().to_string(),
            focal_x: 0.5,
            focal_y: 0.5,
            renditions,
        },
        original_key,
        uploaded_by: user_id,
    };
    Ok(store.create_upload(&upload).await?)
}

/// Changes an image's text and focal point. Returns whether published stories use it (their
/// pages were logged for refreshing).
pub async fn update_image(
    store: &dyn Store,
    user: &store::User,
    changes: ImageChanges,
) -> Result<bool, MediaError> {
    let image = store
        .library_image(changes.id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if !may_edit_image(user.role, user.id, image.uploaded_by) {
        return Err(MediaError::Forbidden);
    }
    let changes = ImageChanges {
        caption: changes.caption.trim().to_string(),
        credit: changes.credit.trim().to_string(),
        alt: changes.alt.trim().to_string(),
        ..changes
    };
    let logged = store.update_image(&changes).await?;
    audit(store, user.id, "image.update", changes.id).await?;
    Ok(logged)
}

async fn audit(store: &dyn Store, user_id: i64, action: &str, id: i64) -> Result<(), StoreError> {
    store
        .audit(&NewAuditEntry {
            user_id: Some(user_id),
            action: action.into(),
            entity: "image".into(),
            entity_id: Some(id),
            detail: String::new(),
        })
        .await
}
