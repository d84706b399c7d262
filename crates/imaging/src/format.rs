//! `Format`: the four image formats accepted, recognised by their first bytes.

use std::fmt;

/// An accepted image format, as recognised from the file's magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG (JFIF or Exif).
    Jpeg,
    /// PNG.
    Png,
    /// WebP, lossy or lossless, plain or extended.
    Webp,
    /// GIF 87a or 89a; only the first frame is used for renditions.
    Gif,
}

impl Format {
    /// Every accepted format.
    pub const ALL: [Format; 4] = [Self::Jpeg, Self::Png, Self::Webp, Self::Gif];

    /// The format whose [`Format::extension`] this is (exactly: "jpg", never "JPG" or "jpeg").
    pub fn from_extension(extension: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.extension() == extension)
    }

    /// Lower-case identifier, stable for storage: "jpeg", "png", "webp" or "gif".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Gif => "gif",
        }
    }

    /// The usual file extension, without the dot: "jpg", "png", "webp" or "gif".
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Gif => "gif",
        }
    }

    /// The media type to serve the file with, such as "image/jpeg".
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Gif => "image/gif",
        }
    }

    /// Recognises the format from the first bytes of a file; `None` if it is none of the four.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(Self::Gif)
        } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            Some(Self::Webp)
        } else {
            None
        }
    }

    /// The matching `image` crate format, to pick a decoder without guessing.
    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            Self::Jpeg => image::ImageFormat::Jpeg,
            Self::Png => image::ImageFormat::Png,
            Self::Webp => image::ImageFormat::WebP,
            Self::Gif => image::ImageFormat::Gif,
        }
    }
}

/// The name people know the format by: "JPEG", "PNG", "WebP" or "GIF".
impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Jpeg => "JPEG",
            Self::Png => "PNG",
            Self::Webp => "WebP",
            Self::Gif => "GIF",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised_by_their_magic_bytes() {
        let cases: [(&[u8], Option<Format>, &str); 7] = [
            (
                b"\xFF\xD8\xFF\xE0\0\x10JFIF",
                Some(Format::Jpeg),
                "JFIF start",
            ),
            (
                b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR",
                Some(Format::Png),
                "PNG signature",
            ),
            (b"GIF89a\x01\0\x01\0", Some(Format::Gif), "GIF 89a"),
            (
                b"RIFF\x10\0\0\0WEBPVP8 ",
                Some(Format::Webp),
                "RIFF with WEBP form",
            ),
            (b"RIFF\x10\0\0\0WAVEfmt ", None, "RIFF but a WAV sound"),
            (
                b"<!DOCTYPE html><title>x.jpg</title>",
                None,
                "HTML, whatever its name",
            ),
            (b"\xFF\xD8", None, "too short to be a JPEG"),
        ];

        for (bytes, expected, reason) in cases {
            assert_eq!(Format::sniff(bytes), expected, "{reason}");
        }
    }

    #[test]
    fn names_for_storage_files_and_people_differ() {
        assert_eq!(Format::Jpeg.as_str(), "jpeg");
        assert_eq!(Format::Jpeg.extension(), "jpg");
        assert_eq!(Format::Webp.mime(), "image/webp");
        assert_eq!(Format::Webp.to_string(), "WebP");
    }

    #[test]
    fn only_the_extensions_written_name_a_format() {
        for format in Format::ALL {
            assert_eq!(Format::from_extension(format.extension()), Some(format));
        }
        for other in ["jpeg", "JPG", "svg", "html", "", "jpg "] {
            assert_eq!(Format::from_extension(other), None, "{other:?}");
        }
    }
}
