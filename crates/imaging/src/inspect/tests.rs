//! Tests for `inspect`: what is accepted, what is refused and why.

use image::GenericImageView;

use super::*;
use crate::fixture::{self, contains, png_bomb};

#[test]
fn valid_images_of_every_format_are_accepted() {
    for format in [Format::Jpeg, Format::Png, Format::Webp, Format::Gif] {
        let bytes = fixture::encoded(format, 48, 32);

        let upload = inspect(&bytes, &Limits::default()).expect("accepted");

        assert_eq!(upload.format, format);
        assert_eq!((upload.width, upload.height), (48, 32), "{format}");
        assert_eq!(upload.image().width(), 48);
    }
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(
        inspect(&[], &Limits::default()).err(),
        Some(ImagingError::Empty)
    );
}

#[test]
fn files_that_are_not_images_are_refused_whatever_they_are_called() {
    let cases: [(&[u8], &str); 3] = [
        (b"Minutes of the editorial meeting\n", "a text file"),
        (
            b"<!DOCTYPE html><html><body>photo.jpg</body></html>",
            "HTML saved as .jpg",
        ),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "a PDF"),
    ];

    for (bytes, reason) in cases {
        let result = inspect(bytes, &Limits::default());

        assert_eq!(result.err(), Some(ImagingError::NotAnImage), "{reason}");
    }
}

#[test]
fn a_truncated_jpeg_is_refused_as_corrupt() {
    let bytes = fixture::encoded(Format::Jpeg, 64, 64);

    let result = inspect(&bytes[..bytes.len() * 2 / 3], &Limits::default());

    assert!(
        matches!(
            result,
            Err(ImagingError::Corrupt {
                format: Format::Jpeg,
                ..
            })
        ),
        "{result:?}"
    );
}

#[test]
fn truncated_files_of_every_format_are_refused() {
    for format in [Format::Jpeg, Format::Png, Format::Webp, Format::Gif] {
        let bytes = fixture::encoded(format, 64, 64);

        for keep in [bytes.len() / 2, bytes.len() - 3] {
            let result = inspect(&bytes[..keep], &Limits::default());

            assert!(
                matches!(result, Err(ImagingError::Corrupt { .. })),
                "{format} cut at {keep}"
            );
        }
    }
}

#[test]
fn a_png_declaring_huge_dimensions_is_refused_before_decoding() {
    let bytes = png_bomb(100_000, 100_000);

    let result = inspect(&bytes, &Limits::default());

    assert!(
        matches!(
            result,
            Err(ImagingError::DimensionsTooLarge { width: 100_000, .. })
        ),
        "{result:?}"
    );
}

#[test]
fn a_png_within_each_side_but_with_too_many_pixels_is_refused() {
    let bytes = png_bomb(10_000, 9_000);

    let result = inspect(&bytes, &Limits::default());

    assert!(
        matches!(result, Err(ImagingError::TooManyPixels { .. })),
        "{result:?}"
    );
}

#[test]
fn a_gif_with_a_huge_logical_screen_is_refused() {
    let mut bytes = fixture::encoded(Format::Gif, 8, 8);
    bytes[6..10].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]); // a 65535x65535 screen

    let result = inspect(&bytes, &Limits::default());

    assert!(
        matches!(
            result,
            Err(ImagingError::DimensionsTooLarge { width: 65_535, .. })
        ),
        "{result:?}"
    );
}

#[test]
fn the_decoder_limits_back_up_the_header_check() {
    // Skip the header check and go straight to the decoder: it must still refuse.
    let limits = Limits {
        max_width: 100,
        max_height: 100,
        ..Limits::default()
    };

    for format in [Format::Jpeg, Format::Png, Format::Webp, Format::Gif] {
        let bytes = fixture::encoded(format, 200, 50);

        let result = decode(format, &bytes, &limits).map(|(image, _)| image.dimensions());

        assert!(
            matches!(result, Err(ImagingError::Corrupt { .. })),
            "{format}: {result:?}"
        );
    }
}

#[test]
fn a_file_over_the_byte_limit_is_refused_unread() {
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let bytes = vec![0xFF; 1001];

    let result = inspect(&bytes, &limits);

    assert_eq!(
        result.err(),
        Some(ImagingError::TooLarge {
            bytes: 1001,
            max: 1000
        })
    );
}

#[test]
fn gps_exif_and_xmp_are_stripped_from_a_jpeg() {
    let plain = fixture::encoded(Format::Jpeg, 40, 20);
    let bytes = fixture::jpeg_with_exif(&plain, 1);
    assert!(
        contains(&bytes, &fixture::GPS_MARKER),
        "the fixture carries GPS"
    );

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert!(!contains(&upload.original, &fixture::GPS_MARKER));
    assert!(!contains(&upload.original, b"Exif\0\0"));
    assert!(!contains(&upload.original, b"GPSLatitude"));
    assert_eq!(upload.original, plain, "only the spliced segments went");
}

#[test]
fn a_rotated_jpeg_keeps_only_its_orientation_and_displays_upright() {
    let plain = fixture::encoded(Format::Jpeg, 40, 20);
    let bytes = fixture::jpeg_with_exif(&plain, 6);

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert!(!contains(&upload.original, &fixture::GPS_MARKER));
    assert!(
        contains(&upload.original, b"Exif\0\0MM"),
        "minimal EXIF written"
    );
    assert_eq!(
        (upload.width, upload.height),
        (20, 40),
        "rotated a quarter turn"
    );
    let again = inspect(&upload.original, &Limits::default()).expect("still valid");
    assert_eq!(
        (again.width, again.height),
        (20, 40),
        "stored original is upright"
    );
}

#[test]
fn orientation_is_applied_to_the_decoded_picture() {
    let bytes = fixture::jpeg_with_exif(&fixture::encoded(Format::Jpeg, 40, 20), 6);

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    // A quarter turn clockwise brings the old bottom-left (green, no red) to the top-left.
    let top_left = upload.image().to_rgb8().get_pixel(1, 1).0;
    assert!(top_left[1] > 200 && top_left[0] < 50, "{top_left:?}");
}

#[test]
fn data_after_the_end_of_a_jpeg_is_dropped() {
    let plain = fixture::encoded(Format::Jpeg, 16, 16);
    let mut bytes = plain.clone();
    bytes.extend_from_slice(b"\xFF\xD8\xFF\xE1 a phone's preview with its own GPS");

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert_eq!(upload.original, plain);
}

#[test]
fn exif_and_xmp_chunks_are_stripped_from_a_png_but_other_text_is_kept() {
    let plain = fixture::encoded(Format::Png, 10, 10);
    let iend = plain.len() - 12;
    let mut bytes = plain[..iend].to_vec();
    fixture::png_chunk(&mut bytes, b"eXIf", &fixture::exif_with_gps(1));
    fixture::png_chunk(
        &mut bytes,
        b"iTXt",
        b"XML:com.adobe.xmp\0\0\0\0\0<GPSLatitude/>",
    );
    fixture::png_chunk(&mut bytes, b"tEXt", b"Author\0Staff photographer");
    bytes.extend_from_slice(&plain[iend..]);

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert!(!contains(&upload.original, &fixture::GPS_MARKER));
    assert!(!contains(&upload.original, b"GPSLatitude"));
    assert!(contains(&upload.original, b"Staff photographer"));
    inspect(&upload.original, &Limits::default()).expect("still a valid PNG");
}

#[test]
fn a_rotated_png_keeps_only_its_orientation() {
    let plain = fixture::encoded(Format::Png, 30, 10);
    // Decoders read the orientation before the pixels: eXIf goes right after IHDR.
    let after_ihdr = 8 + 25;
    let mut bytes = plain[..after_ihdr].to_vec();
    fixture::png_chunk(&mut bytes, b"eXIf", &fixture::exif_with_gps(8));
    bytes.extend_from_slice(&plain[after_ihdr..]);

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert!(!contains(&upload.original, &fixture::GPS_MARKER));
    assert_eq!(
        (upload.width, upload.height),
        (10, 30),
        "rotated a quarter turn"
    );
    let again = inspect(&upload.original, &Limits::default()).expect("still a valid PNG");
    assert_eq!(
        (again.width, again.height),
        (10, 30),
        "stored original is upright"
    );
}

#[test]
fn comments_and_xmp_are_stripped_from_a_gif() {
    let plain = fixture::encoded(Format::Gif, 10, 10);
    let screen_end = 13 + crate::strip::gif::color_table_size(plain[10]);
    let mut bytes = plain[..screen_end].to_vec();
    bytes.extend_from_slice(b"\x21\xFE\x0BShot in Kas\x00");
    bytes.extend_from_slice(b"\x21\xFF\x0BXMP DataXMP\x0E<GPSLatitude/>\x00");
    bytes.extend_from_slice(&plain[screen_end..]);

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    assert_eq!(upload.original, plain);
}

#[test]
fn exif_and_xmp_chunks_are_stripped_from_a_webp_and_its_flags_cleared() {
    let bytes = extended_webp_with_metadata(12, 8);
    assert_eq!(bytes[20] & 0x0C, 0x0C, "the fixture flags EXIF and XMP");

    let upload = inspect(&bytes, &Limits::default()).expect("accepted");

    let original = &upload.original;
    assert!(!contains(original, &fixture::GPS_MARKER));
    assert!(!contains(original, b"GPSLatitude"));
    assert_eq!(original[20] & 0x0C, 0, "flags cleared");
    let riff_size = u32::from_le_bytes(original[4..8].try_into().expect("4 bytes"));
    assert_eq!(riff_size as usize, original.len() - 8);
    let again = inspect(original, &Limits::default()).expect("still a valid WebP");
    assert_eq!((again.width, again.height), (12, 8));
}

/// A lossless WebP rewritten in the extended format with EXIF (holding GPS) and XMP chunks.
fn extended_webp_with_metadata(width: u32, height: u32) -> Vec<u8> {
    let simple = fixture::encoded(Format::Webp, width, height);
    let mut vp8x = vec![0x08 | 0x04, 0, 0, 0];
    vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut body = b"WEBP".to_vec();
    riff_chunk(&mut body, b"VP8X", &vp8x);
    body.extend_from_slice(&simple[12..]);
    riff_chunk(&mut body, b"EXIF", &fixture::exif_with_gps(1));
    riff_chunk(&mut body, b"XMP ", b"<x:xmpmeta><GPSLatitude/></x:xmpmeta>");
    let mut bytes = b"RIFF".to_vec();
    bytes.extend_from_slice(&u32::try_from(body.len()).expect("small").to_le_bytes());
    bytes.extend_from_slice(&body);
    bytes
}

/// Appends a RIFF chunk, padded to an even size.
fn riff_chunk(out: &mut Vec<u8>, fourcc: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(fourcc);
    out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
    out.extend_from_slice(data);
    if data.len() % 2 == 1 {
        out.push(0);
    }
}
