//! Reading an image's declared dimensions from its header, without decoding any pixels, so a
//! decompression bomb is refused before anything is allocated for it.

use crate::bytes::{be16, be32, le16, le24, le32};
use crate::error::ImagingError;
use crate::format::Format;
use crate::strip::gif::{color_table_size, skip_sub_blocks};

/// The width and height the file declares, as stored (before any EXIF orientation).
///
/// For GIF this is the larger of the logical screen and the first frame's extent, since the
/// decoder allocates for both.
pub(crate) fn dimensions(format: Format, bytes: &[u8]) -> Result<(u32, u32), ImagingError> {
    let found = match format {
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
        Format::Webp => webp(bytes),
        Format::Gif => gif(bytes),
    };
    found.ok_or_else(|| ImagingError::Corrupt {
        format,
        detail: "no readable size in the header".to_owned(),
    })
}

/// Walks the segments before the first scan to the start-of-frame marker.
fn jpeg(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut pos = 2;
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        while *bytes.get(pos)? == 0xFF {
            pos += 1;
        }
        let marker = *bytes.get(pos)?;
        pos += 1;
        match marker {
            0x01 | 0xD0..=0xD7 => continue,
            // A scan or end of image before any frame header.
            0xD8..=0xDA => return None,
            _ => {}
        }
        let length = usize::from(be16(bytes, pos)?);
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = be16(bytes, pos + 3)?;
            let width = be16(bytes, pos + 5)?;
            return Some((u32::from(width), u32::from(height)));
        }
        if length < 2 {
            return None;
        }
        pos += length;
    }
}

/// The IHDR chunk, which the PNG specification requires to come first.
fn png(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(bytes, 16)?, be32(bytes, 20)?))
}

/// The logical screen, then the blocks up to the first image descriptor.
fn gif(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut width = u32::from(le16(bytes, 6)?);
    let mut height = u32::from(le16(bytes, 8)?);
    let mut pos = 13 + color_table_size(*bytes.get(10)?);
    loop {
        match *bytes.get(pos)? {
            // Extension: introducer, label, then data sub-blocks.
            0x21 => pos = skip_sub_blocks(bytes, pos + 2)?,
            // Image descriptor: left, top, width, height.
            0x2C => {
                let right = u32::from(le16(bytes, pos + 1)?) + u32::from(le16(bytes, pos + 5)?);
                let bottom = u32::from(le16(bytes, pos + 3)?) + u32::from(le16(bytes, pos + 7)?);
                width = width.max(right);
                height = height.max(bottom);
                return Some((width, height));
            }
            // Trailer or anything unexpected: the screen size is all there is.
            _ => return Some((width, height)),
        }
    }
}

/// The first chunk: VP8X carries the canvas, VP8 and VP8L the frame size.
fn webp(bytes: &[u8]) -> Option<(u32, u32)> {
    let data = bytes.get(20..)?;
    match bytes.get(12..16)? {
        b"VP8X" => Some((le24(data, 4)? + 1, le24(data, 7)? + 1)),
        b"VP8 " => {
            if data.get(3..6)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            let width = u32::from(le16(data, 6)? & 0x3FFF);
            let height = u32::from(le16(data, 8)? & 0x3FFF);
            Some((width, height))
        }
        b"VP8L" => {
            if *data.first()? != 0x2F {
                return None;
            }
            let bits = le32(data, 1)?;
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn sizes_are_read_from_headers_of_every_format() {
        for format in [Format::Jpeg, Format::Png, Format::Webp, Format::Gif] {
            let bytes = fixture::encoded(format, 37, 21);

            let size = dimensions(format, &bytes);

            assert_eq!(size, Ok((37, 21)), "{format}");
        }
    }

    #[test]
    fn a_png_header_declaring_a_huge_image_is_read_without_decoding() {
        let bytes = fixture::png_bomb(100_000, 100_000);

        assert_eq!(dimensions(Format::Png, &bytes), Ok((100_000, 100_000)));
    }

    #[test]
    fn a_gif_frame_larger_than_its_screen_counts() {
        let mut bytes = b"GIF89a".to_vec();
        bytes.extend([10, 0, 10, 0, 0, 0, 0]); // 10x10 screen, no colour table
        bytes.extend([0x21, 0xF9, 4, 0, 0, 0, 0, 0]); // graphic control extension
        bytes.extend([0x2C, 0, 0, 0, 0, 0x60, 0xEA, 10, 0, 0]); // a 60000x10 frame

        assert_eq!(dimensions(Format::Gif, &bytes), Ok((60_000, 10)));
    }

    #[test]
    fn a_header_cut_short_is_corrupt() {
        let bytes = fixture::encoded(Format::Jpeg, 8, 8);

        // Cut inside the JFIF segment, before the frame header.
        let result = dimensions(Format::Jpeg, &bytes[..10]);

        assert!(
            matches!(result, Err(ImagingError::Corrupt { .. })),
            "{result:?}"
        );
    }
}
