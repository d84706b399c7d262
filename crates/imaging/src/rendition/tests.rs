//! Tests for `renditions`: widths, never upscaling, focal crops and both output formats.

use std::time::Instant;

use image::{DynamicImage, GenericImageView, Rgba, RgbaImage};

use super::*;
use crate::fixture;
use crate::{Limits, inspect};

/// An upload of the gradient picture at the given size, through the real `inspect`.
fn upload(width: u32, height: u32) -> Upload {
    let bytes = fixture::encoded(Format::Png, width, height);
    inspect(&bytes, &Limits::default()).expect("valid upload")
}

/// Decodes a rendition to check what a browser would see.
fn decoded(file: &RenditionFile) -> DynamicImage {
    let format = Format::sniff(&file.bytes).expect("a known format");
    assert_eq!(format, file.format, "bytes match the declared format");
    image::load_from_memory_with_format(&file.bytes, format.image_format()).expect("decodes")
}

#[test]
fn each_fitting_width_is_made_as_jpeg_then_webp() {
    let upload = upload(1000, 500);

    let files = renditions(&upload, &DEFAULT_WIDTHS, None, (0.5, 0.5)).expect("made");

    let made: Vec<_> = files
        .iter()
        .map(|f| (f.width, f.height, f.format))
        .collect();
    assert_eq!(
        made,
        [
            (320, 160, Format::Jpeg),
            (320, 160, Format::Webp),
            (640, 320, Format::Jpeg),
            (640, 320, Format::Webp),
            (960, 480, Format::Jpeg),
            (960, 480, Format::Webp),
        ]
    );
    for file in &files {
        assert_eq!(decoded(file).dimensions(), (file.width, file.height));
    }
}

#[test]
fn a_picture_narrower_than_every_width_gets_one_rendition_at_its_own_width() {
    let upload = upload(200, 150);

    let files = renditions(&upload, &DEFAULT_WIDTHS, None, (0.5, 0.5)).expect("made");

    let sizes: Vec<_> = files.iter().map(|f| (f.width, f.height)).collect();
    assert_eq!(sizes, [(200, 150), (200, 150)], "never upscaled");
}

#[test]
fn repeated_and_zero_widths_are_ignored() {
    let upload = upload(400, 400);

    let files = renditions(&upload, &[100, 0, 100, 50], None, (0.5, 0.5)).expect("made");

    let widths: Vec<_> = files.iter().map(|f| f.width).collect();
    assert_eq!(widths, [50, 50, 100, 100]);
}

#[test]
fn a_focal_point_at_the_far_right_crops_the_right_side() {
    let upload = upload(400, 100);

    let files = renditions(&upload, &[100], Some((1, 1)), (1.0, 0.5)).expect("made");

    assert_eq!((files[0].width, files[0].height), (100, 100));
    // Red grows to the right: a crop of the right quarter is red throughout.
    let left_edge = decoded(&files[0]).to_rgb8().get_pixel(2, 50).0;
    assert!(left_edge[0] > 180, "{left_edge:?}");
}

#[test]
fn crop_boxes_follow_the_focal_point_and_stay_inside() {
    let cases = [
        ((0.5, 0.5), (150, 0, 100, 100), "centred"),
        ((1.0, 0.5), (300, 0, 100, 100), "far right"),
        ((0.0, 0.5), (0, 0, 100, 100), "far left"),
        (
            (0.9, 0.0),
            (300, 0, 100, 100),
            "near the right, clamped to the edge",
        ),
        ((7.0, -3.0), (300, 0, 100, 100), "out of range, clamped"),
        ((f32::NAN, 0.5), (150, 0, 100, 100), "not a number, centred"),
    ];

    for (focal, expected, reason) in cases {
        assert_eq!(
            crop_box(400, 100, Some((1, 1)), focal),
            Ok(expected),
            "{reason}"
        );
    }
}

#[test]
fn a_tall_picture_cropped_wide_keeps_its_full_width() {
    let crop = crop_box(900, 1600, Some((16, 9)), (0.5, 0.0));

    assert_eq!(crop, Ok((0, 0, 900, 506)));
}

#[test]
fn crop_boxes_at_each_ratio_reach_the_edges_for_extreme_focal_points() {
    // A 3:2 photo of 3000 x 2000: 16:9 is wider (full width, cropped in height), 4:3 and 1:1
    // narrower (full height, cropped in width).
    let cases = [
        ((16, 9), (0.0, 0.0), (0, 0, 3000, 1688), "16:9 at the top"),
        (
            (16, 9),
            (0.5, 1.0),
            (0, 312, 3000, 1688),
            "16:9 at the bottom",
        ),
        (
            (4, 3),
            (0.0, 0.5),
            (0, 0, 2667, 2000),
            "4:3 at the far left",
        ),
        (
            (4, 3),
            (1.0, 0.5),
            (333, 0, 2667, 2000),
            "4:3 at the far right",
        ),
        (
            (1, 1),
            (0.0, 1.0),
            (0, 0, 2000, 2000),
            "1:1 at the bottom left",
        ),
        (
            (1, 1),
            (1.0, 0.0),
            (1000, 0, 2000, 2000),
            "1:1 at the top right",
        ),
        ((1, 1), (0.5, 0.5), (500, 0, 2000, 2000), "1:1 centred"),
    ];

    for (ratio, focal, expected, reason) in cases {
        assert_eq!(
            crop_box(3000, 2000, Some(ratio), focal),
            Ok(expected),
            "{reason}"
        );
    }
    let tall = [
        (
            (0.5, 0.0),
            (0, 0, 900, 506),
            "16:9 of a tall picture at the top",
        ),
        (
            (0.5, 1.0),
            (0, 1094, 900, 506),
            "16:9 of a tall picture at the bottom",
        ),
    ];
    for (focal, expected, reason) in tall {
        assert_eq!(
            crop_box(900, 1600, Some((16, 9)), focal),
            Ok(expected),
            "{reason}"
        );
    }
}

#[test]
fn crops_come_in_each_ratio_at_the_crop_width_as_jpeg() {
    let upload = upload(2400, 1600);

    let made = crops(&upload, (0.2, 0.8)).expect("made");

    let sizes: Vec<_> = made
        .iter()
        .map(|crop| {
            (
                crop.ratio,
                crop.file.width,
                crop.file.height,
                crop.file.format,
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            ((16, 9), 1200, 675, Format::Jpeg),
            ((4, 3), 1200, 900, Format::Jpeg),
            ((1, 1), 1200, 1200, Format::Jpeg),
        ]
    );
    for crop in &made {
        assert_eq!(
            decoded(&crop.file).dimensions(),
            (crop.file.width, crop.file.height)
        );
    }
}

#[test]
fn crops_of_a_small_picture_are_never_upscaled() {
    let upload = upload(800, 600);

    let made = crops(&upload, (0.5, 0.5)).expect("made");

    let sizes: Vec<_> = made
        .iter()
        .map(|crop| (crop.file.width, crop.file.height))
        .collect();
    assert_eq!(sizes, [(800, 450), (800, 600), (600, 600)]);
}

#[test]
fn an_aspect_ratio_with_a_zero_side_is_refused() {
    let upload = upload(40, 40);

    let result = renditions(&upload, &[20], Some((16, 0)), (0.5, 0.5));

    assert_eq!(
        result.err(),
        Some(ImagingError::InvalidAspect {
            width: 16,
            height: 0
        })
    );
}

#[test]
fn transparency_is_kept_in_webp_and_drawn_on_white_in_jpeg() {
    let clear = RgbaImage::from_pixel(64, 64, Rgba([0, 0, 0, 0]));
    let mut bytes = Vec::new();
    DynamicImage::ImageRgba8(clear)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .expect("png");
    let upload = inspect(&bytes, &Limits::default()).expect("valid");

    let files = renditions(&upload, &[32], None, (0.5, 0.5)).expect("made");

    let jpeg = decoded(&files[0]).to_rgb8();
    assert!(jpeg.get_pixel(16, 16).0.iter().all(|&c| c > 245), "white");
    let webp = decoded(&files[1]);
    assert!(webp.color().has_alpha());
    assert_eq!(
        webp.to_rgba8().get_pixel(16, 16).0[3],
        0,
        "still transparent"
    );
}

/// Times a 4000x3000 photo to the five default widths in both formats. Run it with
/// `cargo test -p imaging [--release] -- --ignored --nocapture rendition_speed`; set
/// `IMAGING_SPEED_PHOTO` to a JPEG's path to time a real photo instead of a synthetic one.
#[test]
#[ignore = "a measurement, not a check; takes seconds"]
fn rendition_speed() {
    let bytes = match std::env::var_os("IMAGING_SPEED_PHOTO") {
        Some(path) => std::fs::read(path).expect("readable photo"),
        None => fixture::encoded_photo(4000, 3000),
    };

    let started = Instant::now();
    let upload = inspect(&bytes, &Limits::default()).expect("valid");
    let inspected = started.elapsed();
    let files = renditions(&upload, &DEFAULT_WIDTHS, None, (0.5, 0.5)).expect("made");
    let total = started.elapsed();

    if let Some(dir) = std::env::var_os("IMAGING_SPEED_OUT") {
        for file in &files {
            let name = format!("{}.{}", file.width, file.format.extension());
            std::fs::write(std::path::Path::new(&dir).join(name), &file.bytes).expect("written");
        }
    }
    let size: usize = files.iter().map(|f| f.bytes.len()).sum();
    println!(
        "{}x{} ({} bytes): inspect {inspected:?}, renditions {:?}, {} files, {size} bytes",
        upload.width,
        upload.height,
        bytes.len(),
        total - inspected,
        files.len()
    );
}
