//! The media library's use cases: uploading an image (validate, make renditions and crops,
//! store the files, record them) and editing an image's text and focal point (whose crops
//! the crop maker then cuts again: `service::crops`).
//!
//! Files go to a fresh random folder (`uploads/{token}/...`) before the database knows the
//! image, so no key depends on an id. If writing a file or recording the image fails, the
//! files already written are removed again: a failed upload leaves neither a row pointing at
//! missing files nor files that no row names. Only a crash between the two steps can leave
//! an unnamed folder behind, which nothing serves or lists.

use imaging::{CropFile, DEFAULT_WIDTHS, Format, ImagingError, Limits, RenditionFile};
use serde::{Deserialize, Serialize};
use store::{ImageChanges, NewImage, NewUpload, Rendition, Store};

use crate::domain::permission::{Action, may_edit_image};
use crate::domain::refusal::Refusal;
use crate::media::MediaStore;
use crate::service::account::random_token;
use crate::service::actor::Actor;
use crate::service::crops::{put_crops, remove};
use crate::service::error::{ServiceError, ServiceResult};
use crate::service::story_form::FieldErrors;

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
    crops: Vec<CropFile>,
}

/// Validates and resizes on a blocking thread: decoding and encoding take whole seconds of
/// CPU for a large photo.
async fn prepare(bytes: Vec<u8>, limits: Limits) -> ServiceResult<Prepared> {
    let work = tokio::task::spawn_blocking(move || -> Result<Prepared, ImagingError> {
        let upload = imaging::inspect(&bytes, &limits)?;
        let renditions = imaging::renditions(&upload, &DEFAULT_WIDTHS, None, (0.5, 0.5))?;
        let crops = imaging::crops(&upload, (0.5, 0.5))?;
        Ok(Prepared {
            format: upload.format,
            width: upload.width,
            height: upload.height,
            original: upload.original,
            renditions,
            crops,
        })
    });
    let prepared = work
        .await
        .map_err(|error| anyhow::anyhow!("image worker: {error}"))?;
    prepared.map_err(image_refusal)
}

/// An upload the imaging crate refused, as the refusal its uploader reads; an encoder
/// failure is not theirs to fix but ours to log, an internal error.
fn image_refusal(error: ImagingError) -> ServiceError {
    let refusal = match error {
        ImagingError::Empty => Refusal::ImageEmpty,
        ImagingError::TooLarge { bytes, max } => Refusal::ImageTooLarge {
            size: imaging::file_size(bytes),
            limit: imaging::file_size(max),
        },
        ImagingError::NotAnImage => Refusal::NotAnImage,
        ImagingError::DimensionsTooLarge {
            width,
            height,
            max_width,
            max_height,
        } => Refusal::ImageDimensions {
            width,
            height,
            max_width,
            max_height,
        },
        ImagingError::TooManyPixels {
            width,
            height,
            max_pixels,
        } => Refusal::ImagePixels {
            width,
            height,
            megapixels: imaging::megapixels(u64::from(width) * u64::from(height)),
            limit: imaging::megapixels(max_pixels),
        },
        ImagingError::Corrupt { format, .. } => Refusal::ImageCorrupt {
            format: format.to_string(),
        },
        ImagingError::InvalidAspect { width, height } => Refusal::ImageAspect { width, height },
        ImagingError::Encode { .. } => return ServiceError::Internal(anyhow::Error::new(error)),
    };
    ServiceError::Invalid(refusal)
}

/// Uploads an image for an account: validates it, makes its renditions, stores the files and
/// records the image. Returns the new image's id.
pub async fn upload_image(
    store: &dyn Store,
    media: &dyn MediaStore,
    actor: Actor,
    bytes: Vec<u8>,
    limits: Limits,
    text: ImageText,
) -> ServiceResult<i64> {
    actor.require(Action::UploadMedia)?;
    let prepared = prepare(bytes, limits).await?;
    let folder = format!("uploads/{}", random_token()?);
    let mut written = Vec::new();
    let recorded = store_and_record(store, media, actor, &folder, prepared, text, &mut written);
    let recorded = recorded.await;
    if recorded.is_err() {
        remove(media, &written).await;
    }
    recorded
}

/// Writes the files (noting each key in `written`), then records the image.
async fn store_and_record(
    store: &dyn Store,
    media: &dyn MediaStore,
    actor: Actor,
    folder: &str,
    prepared: Prepared,
    text: ImageText,
    written: &mut Vec<String>,
) -> ServiceResult<i64> {
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
    let crops = put_crops(media, folder, prepared.crops, written).await?;
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
            crops,
        },
        original_key,
        uploaded_by: actor.id,
    };
    let audit = actor.audit("image.upload", "image", None, String::new());
    Ok(store.create_upload(&upload, &audit).await?)
}

/// An image's text and focal point as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ImageInput {
    /// Caption.
    pub caption: String,
    /// Credit.
    pub credit: String,
    /// Alt text.
    pub alt: String,
    /// The focal point's left offset, from 0 to 1.
    pub focal_x: String,
    /// Its top offset, from 0 to 1.
    pub focal_y: String,
}

/// A focal coordinate: a number from 0 to 1.
fn parse_focal(text: &str) -> Option<f32> {
    let value: f32 = text.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then_some(value)
}

/// Changes an image's text and focal point. Returns whether published stories or author
/// pages show it (their pages were logged for refreshing).
pub async fn update_image(
    store: &dyn Store,
    actor: Actor,
    id: i64,
    input: &ImageInput,
) -> ServiceResult<bool> {
    actor.require(Action::UploadMedia)?;
    let image = store
        .library_image(id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    actor.check(may_edit_image(actor.role, actor.id, image.uploaded_by))?;
    let (focal_x, focal_y) = (parse_focal(&input.focal_x), parse_focal(&input.focal_y));
    let (Some(focal_x), Some(focal_y)) = (focal_x, focal_y) else {
        let mut errors = FieldErrors::new();
        for (name, value) in [("focal_x", focal_x), ("focal_y", focal_y)] {
            if value.is_none() {
                errors.insert(name, Refusal::FocalNumber);
            }
        }
        return Err(ServiceError::InvalidFields(errors));
    };
    let changes = ImageChanges {
        id,
        caption: input.caption.trim().to_string(),
        credit: input.credit.trim().to_string(),
        alt: input.alt.trim().to_string(),
        focal_x,
        focal_y,
    };
    let audit = actor.audit("image.update", "image", Some(id), String::new());
    let logged = store.update_image(&changes, &audit).await?;
    Ok(logged)
}

#[cfg(test)]
mod tests {
    use super::parse_focal;

    #[test]
    fn focal_points_are_fractions() {
        let cases = [
            ("0.5", Some(0.5), "the middle"),
            (" 1 ", Some(1.0), "an edge, with spaces"),
            ("1.2", None, "past the edge"),
            ("-0.1", None, "negative"),
            ("NaN", None, "not a number"),
            ("", None, "empty"),
        ];

        for (text, expected, reason) in cases {
            assert_eq!(parse_focal(text), expected, "{reason}");
        }
    }
}
