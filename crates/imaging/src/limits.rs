//! `Limits`: how big an upload may be, in bytes and in pixels, checked before anything is decoded.

use crate::error::ImagingError;

/// Largest byte count, width, height and pixel count an upload may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file size in bytes. Default 20 MiB.
    pub max_bytes: usize,
    /// Largest width in pixels, as stored in the file. Default 12000.
    pub max_width: u32,
    /// Largest height in pixels, as stored in the file. Default 12000.
    pub max_height: u32,
    /// Largest width × height. Default 50 000 000: a decoded RGBA copy stays under 200 MB.
    pub max_pixels: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 20 * 1024 * 1024,
            max_width: 12_000,
            max_height: 12_000,
            max_pixels: 50_000_000,
        }
    }
}

/// Most bytes a decoded pixel takes in the `image` crate for our formats (16-bit RGBA PNG).
const MAX_BYTES_PER_PIXEL: u64 = 8;

/// Room for decoder work buffers beside the output image.
const DECODER_HEADROOM: u64 = 64 * 1024 * 1024;

impl Limits {
    /// Refuses dimensions that are zero or exceed the limits.
    pub(crate) fn check_dimensions(
        &self,
        width: u32,
        height: u32,
        format: crate::Format,
    ) -> Result<(), ImagingError> {
        if width == 0 || height == 0 {
            return Err(ImagingError::Corrupt {
                format,
                detail: format!("declared size {width}x{height}"),
            });
        }
        if width > self.max_width || height > self.max_height {
            return Err(ImagingError::DimensionsTooLarge {
                width,
                height,
                max_width: self.max_width,
                max_height: self.max_height,
            });
        }
        if u64::from(width) * u64::from(height) > self.max_pixels {
            return Err(ImagingError::TooManyPixels {
                width,
                height,
                max_pixels: self.max_pixels,
            });
        }
        Ok(())
    }

    /// The same limits for the `image` decoders, a second line of defence behind the header
    /// check: they refuse to allocate for anything larger.
    pub(crate) fn for_decoder(&self) -> image::Limits {
        // Orientation may swap the axes, so the decoder sees the larger side limit on both.
        let side = self.max_width.max(self.max_height);
        let mut limits = image::Limits::no_limits();
        limits.max_image_width = Some(side);
        limits.max_image_height = Some(side);
        limits.max_alloc = Some(
            self.max_pixels
                .saturating_mul(MAX_BYTES_PER_PIXEL)
                .saturating_add(DECODER_HEADROOM),
        );
        limits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    #[test]
    fn each_limit_is_checked_on_its_own() {
        let limits = Limits::default();
        let cases = [
            (12_000, 4_000, true, "wide but within every limit"),
            (12_001, 100, false, "one pixel too wide"),
            (100, 12_001, false, "one pixel too tall"),
            (8_000, 7_000, false, "56 megapixels"),
            (0, 100, false, "zero width"),
        ];

        for (width, height, allowed, reason) in cases {
            let result = limits.check_dimensions(width, height, Format::Png);
            assert_eq!(result.is_ok(), allowed, "{reason}: {result:?}");
        }
    }
}
