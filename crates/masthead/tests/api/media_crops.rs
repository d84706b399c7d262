//! Crops for search engines and social sites: an upload is cut to 16:9, 4:3 and 1:1 around
//! its focal point at 1200 pixels wide, and moving the focal point cuts them again under new
//! addresses, removing the old files.

use std::time::Duration;

use image::ImageFormat;
use store::Role;

use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app};
use crate::media_files::{encoded, fetch, uploaded};

/// The crop links of an image's newsroom page.
async fn crop_links(desk: &Desk<'_>, id: i64) -> Vec<String> {
    desk.get(&format!("/admin/media/{id}"))
        .await
        .attrs(".media-crops a", "href")
}

/// Moves an image's focal point and waits until its crops are new; returns their links.
pub async fn move_focal_point(desk: &Desk<'_>, id: i64, (x, y): (&str, &str)) -> Vec<String> {
    let before = crop_links(desk, id).await;
    let form = [
        ("caption", ""),
        ("credit", ""),
        ("alt", ""),
        ("focal_x", x),
        ("focal_y", y),
    ];
    let saved = desk.post(&format!("/admin/media/{id}"), &form).await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    for _ in 0..100 {
        let after = crop_links(desk, id).await;
        if after.len() == 3 && after.iter().all(|url| !before.contains(url)) {
            return after;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the crops of image {id} were not cut again: {before:?}");
}

/// The pixel size of a served JPEG, read from its bytes.
pub async fn served_size(app: &TestApp, url: &str) -> (u32, u32) {
    let (status, content_type, bytes) = fetch(app, url).await;
    assert_eq!(
        (status, content_type.as_str()),
        (200, "image/jpeg"),
        "{url}"
    );
    let image = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).expect("decodes");
    (image.width(), image.height())
}

#[tokio::test]
async fn an_upload_is_cut_to_16_9_4_3_and_1_1_crops_1200_pixels_wide() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;

    let id = uploaded(
        &reporter,
        "square.jpg",
        encoded(ImageFormat::Jpeg, 2400, 1600),
        &[],
    )
    .await;

    let crops = crop_links(&reporter, id).await;
    assert_eq!(crops.len(), 3, "{crops:?}");
    let mut sizes = Vec::new();
    for url in &crops {
        sizes.push(served_size(&app, url).await);
    }
    assert_eq!(sizes, [(1200, 675), (1200, 900), (1200, 1200)]);
}

#[tokio::test]
async fn moving_the_focal_point_cuts_new_crops_and_keeps_the_old_ones_a_day_for_social_caches() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(
        &reporter,
        "wide.jpg",
        encoded(ImageFormat::Jpeg, 1600, 800),
        &[],
    )
    .await;
    let before = crop_links(&reporter, id).await;

    let after = move_focal_point(&reporter, id, ("1", "0")).await;

    assert!(
        after.iter().all(|url| !before.contains(url)),
        "{before:?} then {after:?}"
    );
    let mut sizes = Vec::new();
    for url in &after {
        sizes.push(served_size(&app, url).await);
    }
    assert_eq!(sizes, [(1200, 675), (1067, 800), (800, 800)]);
    for url in &before {
        assert_eq!(fetch(&app, url).await.0, 200, "{url} still served");
    }
}

/// The `og:image` of a page and its stated width.
async fn og_image(app: &TestApp, path: &str) -> (String, String) {
    let page = app.get(path).await;
    let content = |property: &str| {
        page.attrs(&format!("meta[property='{property}']"), "content")
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    (content("og:image"), content("og:image:width"))
}

#[tokio::test]
async fn an_image_recorded_without_crops_gets_them_from_its_widest_rendition() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = app
        .get("/politics/diplomacy")
        .await
        .attrs(".teaser-headline a", "href");
    let mut path = String::new();
    let mut before = String::new();
    for candidate in story {
        let (image, _) = og_image(&app, &candidate).await;
        if !image.is_empty() {
            (path, before) = (candidate, image);
            break;
        }
    }
    let key = before.split("/media/").nth(1).expect("a media URL");
    app.sabotage(&format!(
        "DELETE FROM image_crops WHERE image_id = \
         (SELECT image_id FROM image_crops WHERE key = '{key}')"
    ))
    .await;
    // Any focal point moved wakes the crop maker, which also finds the image without crops.
    let id = uploaded(
        &editor,
        "wake.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[],
    )
    .await;

    move_focal_point(&editor, id, ("0.2", "0.2")).await;

    let mut after = (before.clone(), String::new());
    for _ in 0..100 {
        after = og_image(&app, &path).await;
        if after.0 != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_ne!(after.0, before, "new crops for {path}");
    // Cut from the demo's widest rendition, 1200 x 675: its 16:9 crop is all of it.
    assert_eq!(after.1, "1200");
    let url = after
        .0
        .split_once("/media/")
        .map(|(_, key)| format!("/media/{key}"));
    assert_eq!(
        served_size(&app, &url.expect("a media URL")).await,
        (1200, 675)
    );
}
