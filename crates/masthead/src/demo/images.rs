//! Demo photos drawn by the program (nothing is downloaded): a landscape scene of sky,
//! sun, hills and a skyline in a random palette, stored as JPEG renditions.

use std::io::Cursor;

use anyhow::Context;
use image::imageops::FilterType;
use image::{Rgb, RgbImage};
use store::{NewImage, Rendition, Writes};

use crate::demo::text::Rng;
use crate::media::MediaStore;

/// Rendition widths the demo stores, narrowest first.
pub const WIDTHS: [u32; 3] = [320, 640, 1024];

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> Rgb<u8> {
    let channel = |i: usize| (f32::from(a[i]) * (1.0 - t) + f32::from(b[i]) * t) as u8;
    Rgb([channel(0), channel(1), channel(2)])
}

/// Skies at different hours: (top, horizon).
const SKIES: [([u8; 3], [u8; 3]); 6] = [
    ([86, 140, 206], [198, 222, 240]),
    ([44, 62, 120], [238, 150, 96]),
    ([250, 190, 130], [132, 150, 200]),
    ([140, 150, 162], [214, 218, 222]),
    ([18, 28, 66], [70, 82, 128]),
    ([120, 170, 200], [240, 230, 200]),
];
/// Ground colours: olive, sand, slate, forest, clay.
const GROUNDS: [[u8; 3]; 5] = [
    [104, 112, 60],
    [196, 170, 120],
    [86, 96, 108],
    [52, 92, 62],
    [150, 92, 70],
];
/// Building colours.
const CITIES: [[u8; 3]; 4] = [[48, 52, 66], [92, 84, 90], [70, 80, 96], [120, 108, 100]];

/// Slightly varies a palette colour, so photos sharing a palette still differ.
fn vary(base: [u8; 3], rng: &mut Rng) -> [u8; 3] {
    base.map(|channel| (i32::from(channel) + rng.below(31) as i32 - 15).clamp(0, 255) as u8)
}

/// Draws a 16:9 scene of `width` pixels.
pub fn draw(rng: &mut Rng, width: u32) -> RgbImage {
    let height = width * 9 / 16;
    let (top, horizon) = *rng.pick(&SKIES);
    let (sky_top, sky_bottom) = (vary(top, rng), vary(horizon, rng));
    let hill = vary(*rng.pick(&GROUNDS), rng);
    let city = vary(*rng.pick(&CITIES), rng);
    let sun = (
        rng.below(width as usize) as f32,
        (height / 5 + rng.below((height / 4) as usize) as u32) as f32,
        (height / 10 + rng.below((height / 8) as usize) as u32) as f32,
    );
    let phase = rng.below(628) as f32 / 100.0;
    let towers: Vec<(u32, u32, u32)> = (0..12)
        .map(|_| {
            let x = rng.below(width as usize) as u32;
            let w = width / 40 + rng.below((width / 20) as usize) as u32;
            let h = height / 8 + rng.below((height / 3) as usize) as u32;
            (x, w, h)
        })
        .collect();
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let ground =
            height as f32 * 0.72 + (fx / width as f32 * 6.0 + phase).sin() * height as f32 * 0.06;
        if fy > ground {
            return mix(hill, [20, 20, 20], (fy - ground) / height as f32);
        }
        if towers
            .iter()
            .any(|&(tx, tw, th)| x >= tx && x < tx + tw && y + th > ground as u32)
        {
            return mix(city, [0, 0, 0], 0.3);
        }
        let distance = ((fx - sun.0).powi(2) + (fy - sun.1).powi(2)).sqrt();
        if distance < sun.2 {
            return Rgb([250, 230, 170]);
        }
        mix(sky_top, sky_bottom, fy / height as f32)
    })
}

/// Draws a scene, stores its renditions and records the image; returns its id.
pub async fn make_image(
    store: &dyn Writes,
    media: &dyn MediaStore,
    rng: &mut Rng,
    caption: String,
    credit: String,
    alt: String,
) -> anyhow::Result<i64> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    let original = draw(rng, widest);
    let mut renditions = Vec::new();
    let mut files = Vec::new();
    for width in WIDTHS {
        let height = width * 9 / 16;
        let scaled = if width == widest {
            original.clone()
        } else {
            image::imageops::resize(&original, width, height, FilterType::Triangle)
        };
        let mut bytes = Cursor::new(Vec::new());
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 78)
            .encode_image(&scaled)
            .context("encoding a demo JPEG")?;
        files.push((width, height, bytes.into_inner()));
    }
    // Files are stored before the database assigns the image an id, so keys carry a
    // random token instead.
    let token = format!("{:016x}", rng.next_u64());
    for (width, height, bytes) in files {
        let key = format!("demo/{token}/{width}.jpg");
        media.put(&key, bytes).await?;
        renditions.push(Rendition {
            width,
            height,
            format: "jpeg".to_string(),
            key,
        });
    }
    let image = NewImage {
        width: widest,
        height: widest * 9 / 16,
        caption,
        credit,
        alt,
        focal_x: 0.5,
        focal_y: 0.4,
        renditions,
    };
    Ok(store.create_image(&image).await?)
}
