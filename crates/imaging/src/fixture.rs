//! Test images built in memory: small encoded pictures of each format, a PNG header declaring a
//! huge size, and an EXIF block with a GPS position to splice into a JPEG.

use std::io::Cursor;

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{ExtendedColorType, ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

use crate::Format;
use crate::bytes::crc32;

/// A gradient picture: red grows to the right, green downwards, so crops and rotations show.
pub(crate) fn gradient(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        Rgb([
            (x * 255 / width.max(2).saturating_sub(1)).min(255) as u8,
            (y * 255 / height.max(2).saturating_sub(1)).min(255) as u8,
            90,
        ])
    })
}

/// A photo-like JPEG: the gradient with grain, so it compresses (and costs) like a photograph.
pub(crate) fn encoded_photo(width: u32, height: u32) -> Vec<u8> {
    let mut picture = gradient(width, height);
    for (x, y, pixel) in picture.enumerate_pixels_mut() {
        // A cheap integer hash as grain: deterministic, no random crate needed.
        let grain = (x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)) % 48;
        for channel in &mut pixel.0 {
            *channel = channel.saturating_add(grain as u8);
        }
    }
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 90)
        .write_image(picture.as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("jpeg");
    bytes
}

/// A small picture encoded in `format` by the `image` crate's own encoders.
pub(crate) fn encoded(format: Format, width: u32, height: u32) -> Vec<u8> {
    let picture = gradient(width, height);
    let mut bytes = Vec::new();
    match format {
        Format::Jpeg => JpegEncoder::new_with_quality(&mut bytes, 90)
            .write_image(picture.as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("jpeg"),
        Format::Png => PngEncoder::new(&mut bytes)
            .write_image(picture.as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("png"),
        Format::Webp => WebPEncoder::new_lossless(&mut bytes)
            .write_image(picture.as_raw(), width, height, ExtendedColorType::Rgb8)
            .expect("webp"),
        Format::Gif => {
            let rgba = RgbaImage::from_fn(width, height, |x, y| {
                let Rgb([r, g, b]) = *picture.get_pixel(x, y);
                Rgba([r, g, b, 255])
            });
            GifEncoder::new(Cursor::new(&mut bytes))
                .encode(rgba.as_raw(), width, height, ExtendedColorType::Rgba8)
                .expect("gif");
        }
    }
    bytes
}

/// A PNG signature and IHDR declaring `width` x `height` (with a valid CRC) and a tiny IDAT:
/// what a decompression bomb looks like before its data is inflated.
pub(crate) fn png_bomb(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, deflate, no filter, no interlace
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    png_chunk(&mut bytes, b"IHDR", &ihdr);
    // A few bytes of zlib that would inflate to rows of zeros.
    png_chunk(
        &mut bytes,
        b"IDAT",
        &[0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    png_chunk(&mut bytes, b"IEND", &[]);
    bytes
}

/// Appends a PNG chunk with its CRC.
pub(crate) fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
}

/// Degrees-minutes-seconds latitude 41°0'54" N, as EXIF stores it: recognisable in the output.
pub(crate) const GPS_MARKER: [u8; 24] = [
    0, 0, 0, 41, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 54, 0, 0, 0, 1,
];

/// A little-endian EXIF TIFF body: IFD0 with the orientation and a pointer to a GPS IFD holding
/// a latitude reference and the [`GPS_MARKER`] latitude.
pub(crate) fn exif_with_gps(orientation: u16) -> Vec<u8> {
    let mut tiff = b"II\x2A\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    // IFD0 at 8: two entries (2 + 2 * 12 + 4 = 30 bytes), so the GPS IFD starts at 38.
    let gps_ifd = 38u32;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    ifd_entry(&mut tiff, 0x0112, 3, 1, u32::from(orientation));
    ifd_entry(&mut tiff, 0x8825, 4, 1, gps_ifd);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD: two entries (30 bytes), the latitude's rationals follow at 68.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    ifd_entry(&mut tiff, 0x0001, 2, 2, u32::from(b'N'));
    ifd_entry(&mut tiff, 0x0002, 5, 3, gps_ifd + 30);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&GPS_MARKER);
    tiff
}

/// One 12-byte IFD entry with its value or offset, little-endian.
fn ifd_entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32) {
    out.extend_from_slice(&tag.to_le_bytes());
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&value.to_le_bytes());
}

/// `jpeg` with an APP1 Exif segment (from [`exif_with_gps`]) and an XMP segment spliced in
/// right after SOI, where cameras put them.
pub(crate) fn jpeg_with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let exif = [b"Exif\0\0".as_slice(), &exif_with_gps(orientation)].concat();
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>41,0.9N</exif:GPSLatitude></x:xmpmeta>";
    let mut out = jpeg[..2].to_vec();
    for payload in [exif.as_slice(), xmp.as_slice()] {
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(
            &u16::try_from(payload.len() + 2)
                .expect("small")
                .to_be_bytes(),
        );
        out.extend_from_slice(payload);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Whether `needle` occurs anywhere in `haystack`.
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
