//! Masthead's image intake, as a pure library over bytes: no files, no network.
//!
//! [`inspect`] validates an upload (format from magic bytes, size limits read from the header
//! before decoding, a full decode) and strips EXIF and XMP from the original to store;
//! [`renditions`] makes the resized JPEG and WebP copies that pages serve, optionally cropped to
//! an aspect ratio around a focal point, and [`crops`] the 16:9, 4:3 and 1:1 JPEGs that search
//! engines and social sites show.
//!
//! GIF and WebP animations are accepted, but renditions are made of the first frame only: the
//! newsroom rarely uploads animations, and a still is what a story's photo slot shows.

mod bytes;
mod error;
mod format;
mod header;
mod inspect;
mod limits;
mod rendition;
mod strip;

#[cfg(test)]
mod fixture;

pub use error::{ImagingError, file_size, megapixels};
pub use format::Format;
pub use inspect::{Upload, inspect};
pub use limits::Limits;
pub use rendition::{
    CROP_RATIOS, CROP_WIDTH, CropFile, DEFAULT_WIDTHS, RenditionFile, crops, renditions,
};
