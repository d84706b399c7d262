//! Uploading to the media library: every accepted format, renditions served, refusals with
//! their reasons, the size limit, metadata stripping and who may upload. Editing and usage
//! are in `media_library.rs`.

use image::ImageFormat;
use store::Role;

use crate::helpers::{spawn_app, spawn_app_with};
use crate::media_files::{
    GPS_LATITUDE, contains, encoded, fetch, field_error, jpeg_with_gps, png_bomb, uploaded,
};

#[tokio::test]
async fn a_jpeg_upload_makes_renditions_that_are_served_and_listed() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;

    let id = uploaded(
        &reporter,
        "harbour.jpg",
        encoded(ImageFormat::Jpeg, 1000, 600),
        &[
            ("caption", "Harbour at dawn"),
            ("credit", "Test Photo"),
            ("alt", "Boats"),
        ],
    )
    .await;

    let page = reporter.get(&format!("/admin/media/{id}")).await;
    assert_eq!(page.status, 200);
    let renditions = page.attrs(".media-renditions a", "href");
    for width in [320, 640, 960] {
        for (extension, mime) in [("jpg", "image/jpeg"), ("webp", "image/webp")] {
            let key = renditions
                .iter()
                .find(|url| url.ends_with(&format!("/{width}.{extension}")))
                .unwrap_or_else(|| panic!("{width}.{extension} in {renditions:?}"));
            let (status, content_type, bytes) = fetch(&app, key).await;
            assert_eq!((status, content_type.as_str()), (200, mime), "{key}");
            assert!(image::load_from_memory(&bytes).expect("decodes").width() == width);
        }
    }
    assert!(
        !renditions.iter().any(|url| url.contains("/1280.")),
        "never upscaled: {renditions:?}"
    );
    let library = reporter.get("/admin/media?q=harbour").await;
    assert!(
        library
            .texts(".media-caption")
            .contains(&"Harbour at dawn".to_string())
    );
    let thumb = library.attrs(".media-card img", "src").remove(0);
    assert!(thumb.ends_with("/320.jpg"), "{thumb}");
    assert!(
        reporter
            .get("/admin/media?q=nothing-like-this")
            .await
            .text
            .contains("No images match.")
    );
}

#[tokio::test]
async fn png_webp_and_gif_uploads_are_accepted() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;

    for (format, name) in [
        (ImageFormat::Png, "a.png"),
        (ImageFormat::WebP, "b.webp"),
        (ImageFormat::Gif, "c.gif"),
    ] {
        let id = uploaded(&reporter, name, encoded(format, 500, 400), &[]).await;

        let page = reporter.get(&format!("/admin/media/{id}")).await;
        let original = page.attrs(".media-original", "href").remove(0);
        let extension = name.rsplit('.').next().expect("extension");
        assert!(
            original.ends_with(&format!("original.{extension}")),
            "{original}"
        );
        assert_eq!(fetch(&app, &original).await.0, 200);
    }
}

#[tokio::test]
async fn refused_files_say_why_beside_the_field_and_keep_the_typed_text() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let cases = [
        (
            "notes.jpg",
            b"Meeting notes, not a photo.".to_vec(),
            "not a JPEG, PNG, WebP or GIF",
            "a text file named .jpg",
        ),
        (
            "bomb.png",
            png_bomb(100_000),
            "100000 × 100000 pixels",
            "a PNG declaring 10 gigapixels",
        ),
        (
            "cut.jpg",
            encoded(ImageFormat::Jpeg, 400, 300)[..600].to_vec(),
            "damaged or incomplete",
            "a truncated JPEG",
        ),
        (
            "empty.jpg",
            Vec::new(),
            "The file is empty",
            "an empty file",
        ),
    ];

    for (name, bytes, message, reason) in cases {
        let page = reporter
            .upload(
                name,
                bytes,
                &[("caption", "Kept caption"), ("alt", "Kept alt")],
            )
            .await;

        assert_eq!(page.status, 422, "{reason}");
        assert!(
            field_error(&page).contains(message),
            "{reason}: {}",
            field_error(&page)
        );
        assert_eq!(
            page.attrs("#upload-caption", "value"),
            ["Kept caption"],
            "{reason}"
        );
        assert_eq!(page.attrs("#upload-alt", "value"), ["Kept alt"], "{reason}");
    }
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_the_limit_named() {
    let app = spawn_app_with(|config| config.max_upload_mb = 1).await;
    let reporter = app.desk(Role::Reporter).await;
    let just_over = vec![0xFF; 1024 * 1024 + 300_000];
    let far_over = vec![0xFF; 3 * 1024 * 1024];

    let page = reporter
        .upload("big.jpg", just_over, &[("caption", "Big")])
        .await;
    let cut_off = reporter
        .upload("huge.jpg", far_over, &[("caption", "Huge")])
        .await;

    assert_eq!(page.status, 422);
    assert!(
        field_error(&page).contains("the limit is 1 MB"),
        "{}",
        field_error(&page)
    );
    assert_eq!(cut_off.status, 422);
    assert!(
        field_error(&cut_off).contains("larger than the limit of 1 MB"),
        "{}",
        field_error(&cut_off)
    );
    assert_eq!(cut_off.attrs("#upload-caption", "value"), ["Huge"]);
}

#[tokio::test]
async fn exif_gps_is_gone_from_the_stored_original() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let photo = jpeg_with_gps();
    assert!(
        contains(&photo, &GPS_LATITUDE),
        "the fixture carries a position"
    );

    let id = uploaded(&reporter, "phone.jpg", photo, &[]).await;

    let page = reporter.get(&format!("/admin/media/{id}")).await;
    let original = page.attrs(".media-original", "href").remove(0);
    let (status, content_type, bytes) = fetch(&app, &original).await;
    assert_eq!((status, content_type.as_str()), (200, "image/jpeg"));
    assert!(
        !contains(&bytes, &GPS_LATITUDE),
        "the latitude was stripped"
    );
    assert!(!contains(&bytes, b"Exif\0\0"), "no EXIF segment left");
    assert!(image::load_from_memory(&bytes).is_ok(), "still a JPEG");
}

#[tokio::test]
async fn a_contributor_cannot_upload_or_open_the_library() {
    let app = spawn_app().await;
    let contributor = app.desk(Role::Contributor).await;

    let upload = contributor
        .upload("a.jpg", encoded(ImageFormat::Jpeg, 100, 100), &[])
        .await;
    let library = contributor.get("/admin/media").await;

    assert_eq!(upload.status, 403);
    assert_eq!(library.status, 403);
}

#[tokio::test]
async fn the_upload_form_keeps_its_token_out_of_the_url_and_a_token_there_counts_for_nothing() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let library = reporter.get("/admin/media").await;
    let file =
        reqwest::multipart::Part::bytes(encoded(ImageFormat::Jpeg, 40, 30)).file_name("a.jpg");

    let response = app
        .client
        .post(format!(
            "{}/admin/media?csrf={}",
            app.address, reporter.csrf
        ))
        .header("cookie", reporter.cookie())
        .multipart(reqwest::multipart::Form::new().part("file", file))
        .send()
        .await
        .expect("request");

    let upload_form = "form[enctype='multipart/form-data']";
    assert_eq!(library.attrs(upload_form, "action"), ["/admin/media"]);
    assert_eq!(
        library.attrs(&format!("{upload_form} input"), "name")[0],
        "csrf",
        "the token leads the form"
    );
    assert_eq!(response.status(), 403);
}
