//! Files to upload, built in memory: pictures in each format, a PNG bomb, and a JPEG that
//! carries a GPS position in its EXIF.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};

use crate::desk::Desk;
use crate::helpers::{Page, TestApp};

/// A gradient picture with grain, so it compresses like a photograph.
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let grain = ((x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663)) % 48) as u8;
        Rgb([
            (x * 255 / width) as u8,
            (y * 255 / height) as u8,
            90u8.saturating_add(grain),
        ])
    })
}

/// The picture encoded in a format.
pub fn encoded(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    let picture = image::DynamicImage::ImageRgb8(picture(width, height));
    let picture = if format == ImageFormat::Gif {
        image::DynamicImage::ImageRgba8(picture.to_rgba8())
    } else {
        picture
    };
    picture.write_to(&mut bytes, format).expect("encode");
    bytes.into_inner()
}

/// CRC-32 as PNG chunks carry it.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header declares `size` × `size` pixels over a few bytes of data.
pub fn png_bomb(size: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        bytes.extend_from_slice(&(data.len() as u32).to_be_bytes());
        bytes.extend_from_slice(kind);
        bytes.extend_from_slice(data);
        bytes.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
    };
    let ihdr = [
        size.to_be_bytes().as_slice(),
        &size.to_be_bytes(),
        &[8, 2, 0, 0, 0],
    ]
    .concat();
    chunk(b"IHDR", &ihdr);
    chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    chunk(b"IEND", &[]);
    bytes
}

/// Latitude 41°0'54" as EXIF rationals: recognisable wherever it ends up.
pub const GPS_LATITUDE: [u8; 24] = [
    0, 0, 0, 41, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 54, 0, 0, 0, 1,
];

/// A JPEG with an EXIF segment holding a GPS latitude, as a phone writes it.
pub fn jpeg_with_gps() -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        [
            tag.to_be_bytes().as_slice(),
            &kind.to_be_bytes(),
            &count.to_be_bytes(),
            &value.to_be_bytes(),
        ]
        .concat()
    };
    // Big-endian TIFF: IFD0 at 8 with one entry pointing to the GPS IFD at 26, whose
    // latitude rationals follow at 26 + 2 + 2 * 12 + 4 = 56.
    let mut tiff = b"MM\0\x2A\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend(entry(0x8825, 4, 1, 26));
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend(entry(0x0001, 2, 2, u32::from(b'N') << 24));
    tiff.extend(entry(0x0002, 5, 3, 56));
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(&GPS_LATITUDE);
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let jpeg = encoded(ImageFormat::Jpeg, 400, 300);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Uploads a file and returns the new image's id from the redirect.
pub async fn uploaded(desk: &Desk<'_>, name: &str, bytes: Vec<u8>, fields: &[(&str, &str)]) -> i64 {
    let page = desk.upload(name, bytes, fields).await;
    assert_eq!(page.status, 303, "upload of {name} failed: {}", page.text);
    page.location()
        .trim_start_matches("/admin/media/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("image id in the redirect")
}

/// GETs raw bytes and the content type.
pub async fn fetch(app: &TestApp, path: &str) -> (u16, String, Vec<u8>) {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (
        status,
        content_type,
        response.bytes().await.expect("body").to_vec(),
    )
}

pub fn field_error(page: &Page) -> String {
    page.texts("#file-error").join(" ")
}
