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
async fn moving_the_focal_point_cuts_new_crops_and_removes_the_old_ones() {
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

    let saved = reporter
        .post(
            &format!("/admin/media/{id}"),
            &[
                ("caption", "Moved"),
                ("credit", ""),
                ("alt", ""),
                ("focal_x", "1"),
                ("focal_y", "0"),
            ],
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let mut after = before.clone();
    for _ in 0..100 {
        after = crop_links(&reporter, id).await;
        if after.len() == 3 && after.iter().all(|url| !before.contains(url)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        after.len() == 3 && after.iter().all(|url| !before.contains(url)),
        "new crops: {before:?} then {after:?}"
    );
    let mut sizes = Vec::new();
    for url in &after {
        sizes.push(served_size(&app, url).await);
    }
    assert_eq!(sizes, [(1200, 675), (1067, 800), (800, 800)]);
    for url in &before {
        assert_eq!(fetch(&app, url).await.0, 404, "{url} removed");
    }
}
