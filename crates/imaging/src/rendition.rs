//! `renditions`: the resized copies a page serves, optionally cropped to an aspect ratio around
//! a focal point, each as JPEG and lossy WebP.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ExtendedColorType, ImageEncoder, Rgb, RgbImage};

use crate::error::ImagingError;
use crate::format::Format;
use crate::inspect::Upload;

/// The widths a page asks for in its `srcset`, from phone to wide desktop.
pub const DEFAULT_WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];

/// The aspect ratios of the crops search engines and social sites ask for (Google: 16:9, 4:3
/// and 1:1), widest first.
pub const CROP_RATIOS: [(u32, u32); 3] = [(16, 9), (4, 3), (1, 1)];

/// The width every crop is made at (Google Discover's large previews need 1200 pixels), or
/// the crop's own width when it is narrower: crops are never upscaled.
pub const CROP_WIDTH: u32 = 1200;

/// JPEG quality for renditions: visually clean for photos at about a tenth of the pixels' size.
const JPEG_QUALITY: u8 = 82;

/// WebP quality for renditions: comparable to the JPEG's at a smaller size.
const WEBP_QUALITY: f32 = 78.0;

/// One encoded rendition.
#[derive(Clone, PartialEq, Eq)]
pub struct RenditionFile {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// [`Format::Jpeg`] or [`Format::Webp`].
    pub format: Format,
    /// The encoded file, without metadata.
    pub bytes: Vec<u8>,
}

/// Shows everything but the bytes.
impl std::fmt::Debug for RenditionFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenditionFile")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("format", &self.format)
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .finish()
    }
}

/// Makes the renditions of an upload: for each width, a JPEG then a WebP, narrowest first.
///
/// With `aspect` (such as `Some((16, 9))`), the largest box of that ratio that fits is cropped
/// first, centred on `focal` (each 0.0 to 1.0 from the left and the top; out-of-range values are
/// clamped) and kept inside the picture. Widths wider than the (cropped) picture are skipped,
/// never upscaled; if every width is, a single rendition at the picture's own width is made.
/// Transparent areas are kept in WebP and drawn on white in JPEG. Renditions carry no colour
/// profile: pixels are taken as sRGB, so a wide-gamut original (Display P3, Adobe RGB) looks
/// slightly duller in them than in the stored original.
pub fn renditions(
    upload: &Upload,
    widths: &[u32],
    aspect: Option<(u32, u32)>,
    focal: (f32, f32),
) -> Result<Vec<RenditionFile>, ImagingError> {
    let mut current = cropped(upload, aspect, focal)?;
    let (crop_width, crop_height) = (current.width(), current.height());
    // Widest first, each from the one before: every step then reduces by at most about two, which
    // is cheap. On a 4000-pixel photo the results stay within 54 dB PSNR of resizing each from
    // the source, far less than the JPEG encoding itself changes.
    let mut files = Vec::new();
    for width in target_widths(crop_width, widths).into_iter().rev() {
        let height = scaled_height(crop_width, crop_height, width);
        current = resize(&current, width, height);
        files.push(encode_jpeg(&current)?);
        files.push(encode_webp(&current)?);
    }
    files.sort_by_key(|file| (file.width, file.format == Format::Webp));
    Ok(files)
}

/// One crop of an upload, as [`crops`] makes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CropFile {
    /// Its aspect ratio, one of [`CROP_RATIOS`].
    pub ratio: (u32, u32),
    /// The JPEG.
    pub file: RenditionFile,
}

/// Makes the crops of an upload, one per ratio of [`CROP_RATIOS`] in that order: the largest
/// box of the ratio around `focal` (as in [`renditions`]), [`CROP_WIDTH`] wide or its own
/// width if narrower. JPEG only: crawlers and social sites, who read them, all take JPEG.
pub fn crops(upload: &Upload, focal: (f32, f32)) -> Result<Vec<CropFile>, ImagingError> {
    CROP_RATIOS
        .iter()
        .map(|&ratio| {
            let crop = cropped(upload, Some(ratio), focal)?;
            let width = crop.width().min(CROP_WIDTH);
            let height = scaled_height(crop.width(), crop.height(), width);
            let file = encode_jpeg(&resize(&crop, width, height))?;
            Ok(CropFile { ratio, file })
        })
        .collect()
}

/// The upload's picture in eight bits per channel, cropped to `aspect` around `focal` (see
/// [`renditions`]).
fn cropped(
    upload: &Upload,
    aspect: Option<(u32, u32)>,
    focal: (f32, f32),
) -> Result<DynamicImage, ImagingError> {
    let source = upload.image();
    let (x, y, width, height) = crop_box(source.width(), source.height(), aspect, focal)?;
    Ok(if (width, height) == (source.width(), source.height()) {
        eight_bit(source)
    } else {
        eight_bit(&source.crop_imm(x, y, width, height))
    })
}

/// Eight bits per channel, which both encoders take; RGBA only where there is alpha.
fn eight_bit(image: &DynamicImage) -> DynamicImage {
    if image.color().has_alpha() {
        DynamicImage::ImageRgba8(image.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.to_rgb8())
    }
}

/// Downscales to exactly `width` x `height`.
///
/// Lanczos3's kernel widens with the reduction, so over a 6000-pixel-wide photo it costs seconds.
/// As libvips does, a reduction of three times or more first shrinks to twice the target with a
/// cheap area average, and Lanczos3 makes only the last halving, which decides sharpness.
fn resize(image: &DynamicImage, width: u32, height: u32) -> DynamicImage {
    if (width, height) == (image.width(), image.height()) {
        return image.clone();
    }
    if image.width() / 3 >= width && image.height() / 3 >= height {
        image.thumbnail_exact(width * 2, height * 2).resize_exact(
            width,
            height,
            FilterType::Lanczos3,
        )
    } else {
        image.resize_exact(width, height, FilterType::Lanczos3)
    }
}

/// The crop `(x, y, width, height)`: the whole picture, or the largest box of `aspect` centred
/// on `focal` as far as the edges allow.
fn crop_box(
    width: u32,
    height: u32,
    aspect: Option<(u32, u32)>,
    focal: (f32, f32),
) -> Result<(u32, u32, u32, u32), ImagingError> {
    let Some((ratio_width, ratio_height)) = aspect else {
        return Ok((0, 0, width, height));
    };
    if ratio_width == 0 || ratio_height == 0 {
        return Err(ImagingError::InvalidAspect {
            width: ratio_width,
            height: ratio_height,
        });
    }
    let (w, h) = (u64::from(width), u64::from(height));
    let (rw, rh) = (u64::from(ratio_width), u64::from(ratio_height));
    // Wider than the ratio: keep the full height; otherwise keep the full width. Both results
    // are at most the original side, so they fit in u32.
    let (crop_width, crop_height) = if w * rh >= h * rw {
        (((h * rw + rh / 2) / rh).clamp(1, w), h)
    } else {
        (w, ((w * rh + rw / 2) / rw).clamp(1, h))
    };
    let (crop_width, crop_height) = (crop_width as u32, crop_height as u32);
    let x = centred_offset(width, crop_width, focal.0);
    let y = centred_offset(height, crop_height, focal.1);
    Ok((x, y, crop_width, crop_height))
}

/// Where a span of `inner` pixels starts so that its middle is at `focal` of `outer`, clamped
/// so the span stays inside.
fn centred_offset(outer: u32, inner: u32, focal: f32) -> u32 {
    let focal = if focal.is_finite() {
        f64::from(focal).clamp(0.0, 1.0)
    } else {
        0.5
    };
    let start = focal * f64::from(outer) - f64::from(inner) / 2.0;
    // Clamped to 0..=outer - inner, so the conversion is exact.
    start.round().clamp(0.0, f64::from(outer - inner)) as u32
}

/// The requested widths that do not upscale, narrowest first without repeats; the source width
/// alone when none fits.
fn target_widths(source_width: u32, widths: &[u32]) -> Vec<u32> {
    let mut fitting: Vec<u32> = widths
        .iter()
        .copied()
        .filter(|&width| width > 0 && width <= source_width)
        .collect();
    fitting.sort_unstable();
    fitting.dedup();
    if fitting.is_empty() {
        fitting.push(source_width);
    }
    fitting
}

/// The height that keeps the source's proportions at `width`, at least one pixel.
fn scaled_height(source_width: u32, source_height: u32, width: u32) -> u32 {
    let (sw, sh, w) = (
        u64::from(source_width),
        u64::from(source_height),
        u64::from(width),
    );
    // width <= source_width, so the result is at most source_height.
    ((w * sh + sw / 2) / sw).max(1) as u32
}

/// Encodes as JPEG, drawing any transparency on white.
fn encode_jpeg(image: &DynamicImage) -> Result<RenditionFile, ImagingError> {
    let rgb = match image {
        DynamicImage::ImageRgba8(rgba) => {
            RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
                let [r, g, b, a] = rgba.get_pixel(x, y).0;
                let over_white = |c: u8| {
                    let (c, a) = (u16::from(c), u16::from(a));
                    // c * a + 255 * (255 - a) <= 255 * 255, so this fits u16 and the result u8.
                    ((c * a + 255 * (255 - a) + 127) / 255) as u8
                };
                Rgb([over_white(r), over_white(g), over_white(b)])
            })
        }
        other => other.to_rgb8(),
    };
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|error| ImagingError::Encode {
            format: Format::Jpeg,
            detail: error.to_string(),
        })?;
    Ok(RenditionFile {
        width: rgb.width(),
        height: rgb.height(),
        format: Format::Jpeg,
        bytes,
    })
}

/// Encodes as lossy WebP with libwebp, keeping any transparency.
fn encode_webp(image: &DynamicImage) -> Result<RenditionFile, ImagingError> {
    let (width, height) = (image.width(), image.height());
    let encoder = match image {
        DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba.as_raw(), width, height),
        DynamicImage::ImageRgb8(rgb) => webp::Encoder::from_rgb(rgb.as_raw(), width, height),
        _ => {
            return Err(ImagingError::Encode {
                format: Format::Webp,
                detail: format!("unexpected pixel layout {:?}", image.color()),
            });
        }
    };
    let memory = encoder
        .encode_simple(false, WEBP_QUALITY)
        .map_err(|error| ImagingError::Encode {
            format: Format::Webp,
            detail: format!("{error:?}"),
        })?;
    Ok(RenditionFile {
        width,
        height,
        format: Format::Webp,
        bytes: memory.to_vec(),
    })
}

#[cfg(test)]
mod tests;
