//! `inspect`: turning uploaded bytes into a validated `Upload`, refusing anything that is not a
//! whole, reasonably sized JPEG, PNG, WebP or GIF image.

use std::fmt;
use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader};

use crate::error::ImagingError;
use crate::format::Format;
use crate::header;
use crate::limits::Limits;
use crate::strip;

/// A validated upload: its format, its displayed size, the original to store and the decoded
/// picture to make renditions from.
#[derive(Clone)]
pub struct Upload {
    /// The format recognised from the file's bytes.
    pub format: Format,
    /// Width as displayed, after the EXIF orientation is applied.
    pub width: u32,
    /// Height as displayed, after the EXIF orientation is applied.
    pub height: u32,
    /// The original file without EXIF and XMP metadata (GPS position, camera serial...), its
    /// compressed pixels untouched; a rotated original keeps only its orientation tag.
    pub original: Vec<u8>,
    /// The decoded picture with the orientation applied (first frame of an animation).
    image: DynamicImage,
}

impl Upload {
    /// The decoded picture, upright (first frame of an animation).
    pub fn image(&self) -> &DynamicImage {
        &self.image
    }
}

/// Shows everything but the pixels.
impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("format", &self.format)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("original", &format_args!("{} bytes", self.original.len()))
            .finish_non_exhaustive()
    }
}

/// Validates an uploaded file and prepares it for storage.
///
/// In order: refuses an empty or oversize file; recognises the format from its magic bytes (never
/// from a name); reads the declared size from the header and refuses oversize dimensions there,
/// before any pixel memory is allocated; decodes the whole image under `image` allocation limits,
/// so a truncated or damaged file is refused; strips EXIF and XMP from the original.
///
/// An animated GIF or WebP is accepted; its first frame is what [`Upload::image`] holds.
pub fn inspect(bytes: &[u8], limits: &Limits) -> Result<Upload, ImagingError> {
    if bytes.is_empty() {
        return Err(ImagingError::Empty);
    }
    if bytes.len() > limits.max_bytes {
        return Err(ImagingError::TooLarge {
            bytes: bytes.len(),
            max: limits.max_bytes,
        });
    }
    let format = Format::sniff(bytes).ok_or(ImagingError::NotAnImage)?;
    let (width, height) = header::dimensions(format, bytes)?;
    limits.check_dimensions(width, height, format)?;
    let (image, orientation) = decode(format, bytes, limits)?;
    let original = strip::metadata(format, bytes, orientation)?;
    Ok(Upload {
        format,
        width: image.width(),
        height: image.height(),
        original,
        image,
    })
}

/// Decodes the whole image and applies its orientation; returns the EXIF orientation (1 to 8).
fn decode(
    format: Format,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(DynamicImage, u8), ImagingError> {
    let corrupt = |error: image::ImageError| ImagingError::Corrupt {
        format,
        detail: error.to_string(),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    reader.limits(limits.for_decoder());
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder.orientation().map_err(corrupt)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    image.apply_orientation(orientation);
    Ok((image, orientation.to_exif()))
}

#[cfg(test)]
mod tests;
