//! Demo photos drawn by the program (nothing is downloaded): a landscape scene of sky,
//! sun, hills and a skyline in a random palette, stored as JPEG renditions and crops.

use std::io::Cursor;

use anyhow::Context;
use image::{Rgb, RgbImage};
use store::files::MediaStore;
use store::{Crop, NewImage, Rendition, Writes};

use crate::text::Rng;

/// Rendition widths the demo stores, narrowest first: the widest is wide enough for Google
/// Discover's large previews, and is also the image's 16:9 crop.
pub const WIDTHS: [u32; 3] = [320, 640, 1200];

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

/// A scene in units of the picture's size, so every rendition draws the same picture
/// at its own width instead of scaling down the largest.
struct Scene {
    sky: ([u8; 3], [u8; 3]),
    hill: [u8; 3],
    city: [u8; 3],
    /// Sun centre x, y and radius, as fractions of the width and height.
    sun: (f32, f32, f32),
    phase: f32,
    /// Towers: left edge and width as fractions of the width, height of the height.
    towers: Vec<(f32, f32, f32)>,
}

impl Scene {
    fn new(rng: &mut Rng) -> Scene {
        let mut fraction = |low: f32, span: f32| low + rng.below(1000) as f32 / 1000.0 * span;
        let sun = (
            fraction(0.0, 1.0),
            fraction(0.2, 0.25),
            fraction(0.1, 0.125),
        );
        let phase = fraction(0.0, std::f32::consts::TAU);
        let towers = (0..12)
            .map(|_| {
                (
                    fraction(0.0, 1.0),
                    fraction(0.025, 0.05),
                    fraction(0.125, 0.33),
                )
            })
            .collect();
        let (top, horizon) = *rng.pick(&SKIES);
        Scene {
            sky: (vary(top, rng), vary(horizon, rng)),
            hill: vary(*rng.pick(&GROUNDS), rng),
            city: vary(*rng.pick(&CITIES), rng),
            sun,
            phase,
            towers,
        }
    }

    /// Draws a window of the scene as it is 16:9 at `frame_width` pixels: `width` x
    /// `height` pixels from `left`, from the top.
    fn draw(&self, frame_width: u32, left: u32, width: u32, height: u32) -> RgbImage {
        let (w, h) = (frame_width as f32, (frame_width * 9 / 16) as f32);
        let sun = (self.sun.0 * w, self.sun.1 * h, self.sun.2 * h);
        RgbImage::from_fn(width, height, |x, y| {
            let x = x + left;
            let (fx, fy) = (x as f32 / w, y as f32 / h);
            let ground_at = |at: f32| 0.72 + (at * 6.0 + self.phase).sin() * 0.06;
            let ground = ground_at(fx);
            if fy > ground {
                return mix(self.hill, [20, 20, 20], fy - ground);
            }
            let in_tower = |&(left, span, height): &(f32, f32, f32)| {
                // Flat roofs: a tower's top is measured from the ground at its left edge.
                fx >= left && fx < left + span && fy > ground_at(left) - height
            };
            if self.towers.iter().any(in_tower) {
                return mix(self.city, [0, 0, 0], 0.3);
            }
            let (dx, dy) = (x as f32 - sun.0, y as f32 - sun.1);
            if dx * dx + dy * dy < sun.2 * sun.2 {
                return Rgb([250, 230, 170]);
            }
            mix(self.sky.0, self.sky.1, fy)
        })
    }
}

/// The width every rendition of a sketched photo is drawn at.
const SKETCH_WIDTH: u32 = 16;

/// The 4:3 and 1:1 crops search engines and social sites ask for, drawn as windows of a
/// 1280-pixel scene rather than cut (the app would cut them at this size from a picture of
/// 1280 x 720); the 16:9 crop is the widest rendition. (ratio, width, height).
const CROPS: [(&str, u32, u32); 2] = [("4:3", 960, 720), ("1:1", 720, 720)];

/// Where the demo's crops are centred across the scene, as the app would around the
/// image's focal point.
const FOCAL_X: f32 = 0.5;

/// One picture to draw: a window of the scene at a frame width.
#[derive(Clone, Copy)]
struct Shot {
    frame_width: u32,
    left: u32,
    width: u32,
    height: u32,
}

impl Shot {
    /// A whole rendition, `width` pixels wide.
    fn rendition(width: u32) -> Shot {
        Shot {
            frame_width: width,
            left: 0,
            width,
            height: width * 9 / 16,
        }
    }

    /// A crop of `width` x `height`: the full height of a frame that tall, centred on
    /// [`FOCAL_X`].
    fn crop(width: u32, height: u32) -> Shot {
        let frame_width = (height * 16).div_ceil(9).max(width);
        let centred = (FOCAL_X * frame_width as f32 - width as f32 / 2.0).max(0.0) as u32;
        Shot {
            frame_width,
            left: centred.min(frame_width - width),
            width,
            height,
        }
    }

    /// Draws and JPEG-encodes the shot; sketched, at [`SKETCH_WIDTH`].
    fn encode(self, scene: &Scene, sketched: bool) -> anyhow::Result<Vec<u8>> {
        let drawn = if sketched {
            let height = (SKETCH_WIDTH * self.height / self.width).max(1);
            scene.draw(
                SKETCH_WIDTH,
                0,
                SKETCH_WIDTH,
                height.min(SKETCH_WIDTH * 9 / 16),
            )
        } else {
            scene.draw(self.frame_width, self.left, self.width, self.height)
        };
        let mut bytes = Cursor::new(Vec::new());
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 78)
            .encode_image(&drawn)
            .context("encoding a demo JPEG")?;
        Ok(bytes.into_inner())
    }
}

/// Draws and JPEG-encodes every shot, each on its own thread.
fn encode_all(scene: &Scene, shots: &[Shot], sketched: bool) -> anyhow::Result<Vec<Vec<u8>>> {
    std::thread::scope(|scope| {
        let drawing: Vec<_> = shots
            .iter()
            .map(|shot| scope.spawn(move || shot.encode(scene, sketched)))
            .collect();
        drawing
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .map_err(|_| anyhow::anyhow!("drawing a demo photo panicked"))?
            })
            .collect()
    })
}

/// Draws a scene, stores its renditions and records the image; returns its id. A
/// sketched photo (see [`crate::DemoSize::sketched_photos`]) takes the same random
/// numbers as a drawn one, so the rest of the demo comes out the same.
pub(crate) async fn make_image(
    store: &dyn Writes,
    media: &dyn MediaStore,
    rng: &mut Rng,
    caption: String,
    credit: String,
    alt: String,
    sketched: bool,
) -> anyhow::Result<i64> {
    let scene = Scene::new(rng);
    let shots: Vec<Shot> = WIDTHS
        .iter()
        .map(|&width| Shot::rendition(width))
        .chain(
            CROPS
                .iter()
                .map(|&(_, width, height)| Shot::crop(width, height)),
        )
        .collect();
    // Drawing blocks this task for some milliseconds: the demo is made before serving.
    let mut files = encode_all(&scene, &shots, sketched)?.into_iter();
    // Files are stored before the database assigns the image an id, so keys carry a
    // random token instead.
    let token = format!("{:016x}", rng.next_u64());
    let mut renditions = Vec::new();
    let mut widest = Vec::new();
    for (width, bytes) in WIDTHS.iter().zip(files.by_ref()) {
        let key = format!("demo/{token}/{width}.jpg");
        widest.clone_from(&bytes);
        media.put(&key, bytes).await?;
        renditions.push(Rendition {
            width: *width,
            height: width * 9 / 16,
            format: "jpeg".to_string(),
            key,
        });
    }
    // The crop has a file of its own: moving the focal point removes the crops' files.
    let wide = (WIDTHS[WIDTHS.len() - 1], WIDTHS[WIDTHS.len() - 1] * 9 / 16);
    let drawn = std::iter::once(("16:9", wide.0, wide.1, widest)).chain(
        CROPS
            .iter()
            .zip(files)
            .map(|(&(r, w, h), bytes)| (r, w, h, bytes)),
    );
    let mut crops = Vec::new();
    for (ratio, width, height, bytes) in drawn {
        let key = format!("demo/{token}/{}.jpg", ratio.replace(':', "x"));
        media.put(&key, bytes).await?;
        crops.push(Crop {
            ratio: ratio.to_string(),
            width,
            height,
            key,
        });
    }
    let widest = WIDTHS[WIDTHS.len() - 1];
    let image = NewImage {
        width: widest,
        height: widest * 9 / 16,
        caption,
        credit,
        alt,
        focal_x: 0.5,
        focal_y: 0.4,
        renditions,
        crops,
    };
    Ok(store.create_image(&image).await?)
}
