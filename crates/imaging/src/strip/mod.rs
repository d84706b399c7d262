//! Removing EXIF (which carries GPS positions, camera serial numbers and dates), XMP and comments
//! from an original by rewriting its container, leaving the compressed pixels untouched.
//!
//! Where the original's EXIF said the picture is rotated or mirrored, a minimal EXIF block holding
//! only that orientation is written in its place, so the original still displays upright.

pub(crate) mod gif;
mod jpeg;
mod png;
mod webp;

use crate::error::ImagingError;
use crate::format::Format;

/// The original bytes without EXIF and XMP metadata; `orientation` is the EXIF orientation
/// (1 to 8) to keep.
///
/// Anything after the end of the image (JPEG EOI, PNG IEND, the RIFF size, the GIF trailer) is
/// dropped too, since phones append previews that carry their own EXIF. Walking the whole
/// container also refuses truncated files that a lenient decoder would have padded out.
pub(crate) fn metadata(
    format: Format,
    bytes: &[u8],
    orientation: u8,
) -> Result<Vec<u8>, ImagingError> {
    let stripped = match format {
        Format::Jpeg => jpeg::strip(bytes, orientation),
        Format::Png => png::strip(bytes, orientation),
        Format::Webp => webp::strip(bytes, orientation),
        Format::Gif => gif::strip(bytes),
    };
    stripped.ok_or_else(|| ImagingError::Corrupt {
        format,
        detail: "the container structure is broken".to_owned(),
    })
}

/// A TIFF structure (the body of an EXIF block) holding nothing but the orientation tag.
fn orientation_only_exif(orientation: u8) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM\0\x2A"); // big-endian TIFF
    tiff.extend_from_slice(&8u32.to_be_bytes()); // IFD0 follows the header
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // one value
    tiff.extend_from_slice(&u16::from(orientation).to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // value padded to four bytes
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    tiff
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_orientation_only_exif_is_read_back_by_image() {
        let tiff = orientation_only_exif(6);

        let orientation = image::metadata::Orientation::from_exif_chunk(&tiff);

        assert_eq!(orientation, Some(image::metadata::Orientation::Rotate90));
    }
}
