//! Masthead's image intake, as a pure library over bytes: no files, no network.
//!
//! [`inspect`] validates an upload (format from magic bytes, size limits read from the header
//! before decoding, a full decode) and strips EXIF and XMP from the original to store.
//!
//! GIF and WebP animations are accepted; the decoded picture is their first frame only.

mod bytes;
mod error;
mod format;
mod header;
mod inspect;
mod limits;
mod strip;

#[cfg(test)]
mod fixture;

pub use error::ImagingError;
pub use format::Format;
pub use inspect::{Upload, inspect};
pub use limits::Limits;
