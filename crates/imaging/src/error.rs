//! `ImagingError`: why an upload was refused or could not be processed, worded for the newsroom
//! user who reads it next to the upload field.

use crate::format::Format;

/// Why an image was refused or could not be processed.
///
/// The `Display` text is a complete sentence meant for the person who uploaded the file; fields
/// named `detail` carry the technical cause for logs and are not part of that sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImagingError {
    /// The upload has no bytes at all.
    #[error("The file is empty.")]
    Empty,
    /// The upload has more bytes than [`Limits::max_bytes`](crate::Limits::max_bytes).
    #[error("The file is {}; the limit is {}.", file_size(*.bytes), file_size(*.max))]
    TooLarge {
        /// Size of the upload in bytes.
        bytes: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The bytes do not start like a JPEG, PNG, WebP or GIF file, whatever the file is named.
    #[error("This file is not a JPEG, PNG, WebP or GIF image.")]
    NotAnImage,
    /// The image is wider or taller than the limits allow.
    #[error(
        "The image is {width} × {height} pixels; the limit is {max_width} × {max_height} pixels."
    )]
    DimensionsTooLarge {
        /// Width declared by the file.
        width: u32,
        /// Height declared by the file.
        height: u32,
        /// The width limit.
        max_width: u32,
        /// The height limit.
        max_height: u32,
    },
    /// Width and height are each allowed, but together they make too many pixels.
    #[error(
        "The image is {width} × {height} pixels ({} megapixels); the limit is {} megapixels.",
        megapixels(u64::from(*.width) * u64::from(*.height)),
        megapixels(*.max_pixels)
    )]
    TooManyPixels {
        /// Width declared by the file.
        width: u32,
        /// Height declared by the file.
        height: u32,
        /// The limit on width × height.
        max_pixels: u64,
    },
    /// The file looks like an image of this format but cannot be read: truncated, damaged, or
    /// using a variant the decoder does not support.
    #[error("This {format} file is damaged or incomplete and cannot be read.")]
    Corrupt {
        /// The format the file claims to be.
        format: Format,
        /// What the decoder or container parser reported, for logs.
        detail: String,
    },
    /// A rendition was requested with an aspect ratio that has a zero side.
    #[error("The aspect ratio {width}:{height} is not valid.")]
    InvalidAspect {
        /// Requested horizontal part of the ratio.
        width: u32,
        /// Requested vertical part of the ratio.
        height: u32,
    },
    /// Encoding a rendition failed; the upload itself was fine.
    #[error("The resized copies of this image could not be made.")]
    Encode {
        /// The format being written.
        format: Format,
        /// What the encoder reported, for logs.
        detail: String,
    },
}

/// Formats a byte count as people read file sizes: "31.2 MB", "20 MB", "12 KB".
pub fn file_size(bytes: usize) -> String {
    const MEGABYTE: f64 = 1024.0 * 1024.0;
    // Precision loss only matters past 2^53 bytes.
    let megabytes = bytes as f64 / MEGABYTE;
    if megabytes < 1.0 {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    format!("{} MB", one_decimal(megabytes))
}

/// Formats a pixel count in megapixels with at most one decimal: "90", "50", "0.3".
pub fn megapixels(pixels: u64) -> String {
    one_decimal(pixels as f64 / 1_000_000.0)
}

/// One decimal, dropped when it is zero: 31.25 -> "31.2", 20.0 -> "20".
fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_reads_like_a_file_manager() {
        let error = ImagingError::TooLarge {
            bytes: 32_715_571,
            max: 20 * 1024 * 1024,
        };

        assert_eq!(
            error.to_string(),
            "The file is 31.2 MB; the limit is 20 MB."
        );
    }

    #[test]
    fn small_sizes_are_shown_in_kilobytes() {
        let error = ImagingError::TooLarge {
            bytes: 2049,
            max: 1024,
        };

        assert_eq!(error.to_string(), "The file is 3 KB; the limit is 1 KB.");
    }

    #[test]
    fn too_many_pixels_names_megapixels() {
        let error = ImagingError::TooManyPixels {
            width: 10_000,
            height: 9_000,
            max_pixels: 50_000_000,
        };

        assert_eq!(
            error.to_string(),
            "The image is 10000 × 9000 pixels (90 megapixels); the limit is 50 megapixels."
        );
    }

    #[test]
    fn corrupt_names_the_format_not_the_decoder_detail() {
        let error = ImagingError::Corrupt {
            format: Format::Jpeg,
            detail: "unexpected end of file".to_owned(),
        };

        assert_eq!(
            error.to_string(),
            "This JPEG file is damaged or incomplete and cannot be read."
        );
    }
}
