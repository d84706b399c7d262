//! The story editor's media picker's JSON endpoints under `/admin/media/picker`: search
//! and paging, upload, one image, and saving its text and focal point.

use image::ImageFormat;
use serde_json::Value;
use store::Role;

use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use crate::media_files::encoded;

/// A JSON answer: status and body (`Null` when the body is not JSON).
async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn get(app: &TestApp, desk: &Desk<'_>, path: &str) -> (u16, Value) {
    let request = app.client.get(format!("{}{path}", app.address));
    read(
        request
            .header("cookie", desk.cookie())
            .send()
            .await
            .expect("request"),
    )
    .await
}

/// Uploads through the picker, with the CSRF header when `token` is given.
async fn upload(
    app: &TestApp,
    desk: &Desk<'_>,
    token: Option<&str>,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, Value) {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    let form = reqwest::multipart::Form::new().part("file", part);
    let mut request = app
        .client
        .post(format!("{}/admin/media/picker", app.address))
        .header("cookie", desk.cookie())
        .multipart(form);
    if let Some(token) = token {
        request = request.header("x-csrf-token", token);
    }
    read(request.send().await.expect("request")).await
}

async fn uploaded(app: &TestApp, desk: &Desk<'_>, width: u32) -> i64 {
    let jpeg = encoded(ImageFormat::Jpeg, width, 300);
    let (status, image) = upload(app, desk, Some(&desk.csrf), "a.jpg", jpeg).await;
    assert_eq!(status, 201, "{image}");
    image["id"].as_i64().expect("id")
}

async fn save(app: &TestApp, desk: &Desk<'_>, id: i64, fields: &[(&str, &str)]) -> (u16, Value) {
    let request = app
        .client
        .post(format!("{}/admin/media/picker/{id}", app.address))
        .header("cookie", desk.cookie())
        .header("x-csrf-token", &desk.csrf)
        .form(fields);
    read(request.send().await.expect("request")).await
}

fn ids(found: &Value) -> Vec<i64> {
    found["images"]
        .as_array()
        .expect("images")
        .iter()
        .map(|image| image["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn the_search_finds_images_by_caption_and_credit_newest_first_with_thumbnails() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let older = uploaded(&app, &reporter, 400).await;
    let newer = uploaded(&app, &reporter, 500).await;
    let fields = |caption| {
        [
            ("caption", caption),
            ("credit", "Qwyxzor Agency"),
            ("focal_x", "0.5"),
            ("focal_y", "0.5"),
        ]
    };
    for id in [older, newer] {
        assert_eq!(
            save(&app, &reporter, id, &fields("Harbour vexillumcrane"))
                .await
                .0,
            200
        );
    }

    let (status, by_credit) = get(&app, &reporter, "/admin/media/picker?q=qwyxzor").await;
    let (_, by_caption) = get(&app, &reporter, "/admin/media/picker?q=vexillumcrane").await;
    let (_, nothing) = get(&app, &reporter, "/admin/media/picker?q=absent-word").await;

    assert_eq!(status, 200);
    assert_eq!(ids(&by_credit), [newer, older], "newest first");
    assert_eq!(ids(&by_caption), [newer, older]);
    assert_eq!(by_credit["total"], 2);
    assert_eq!(ids(&nothing), Vec::<i64>::new());
    let image = &by_credit["images"][0];
    assert_eq!(image["caption"], "Harbour vexillumcrane");
    assert_eq!(image["width"], 500);
    assert_eq!(image["focal_x"], 0.5);
    assert_eq!(image["can_edit"], true);
    let thumb = image["thumb"].as_str().expect("thumbnail");
    assert!(
        thumb.starts_with("/media/uploads/") && thumb.ends_with(".jpg"),
        "{thumb}"
    );
    assert!(image["thumb_width"].as_u64().expect("width") > 0);
}

#[tokio::test]
async fn results_come_in_pages_of_twenty_four_without_repeats() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let (_, before) = get(&app, &reporter, "/admin/media/picker").await;
    let missing = 25 - before["total"].as_u64().expect("total").min(25);
    for _ in 0..missing {
        uploaded(&app, &reporter, 40).await;
    }

    let (_, first) = get(&app, &reporter, "/admin/media/picker?page=1").await;
    let (_, second) = get(&app, &reporter, "/admin/media/picker?page=2").await;
    let (status, far) = get(&app, &reporter, "/admin/media/picker?page=999999").await;

    assert_eq!(ids(&first).len(), 24);
    assert_eq!(first["next_page"], 2);
    assert!(!ids(&second).is_empty());
    assert!(ids(&second).iter().all(|id| !ids(&first).contains(id)));
    assert_eq!(status, 200, "a page past the end is empty, not an error");
    assert!(ids(&far).is_empty());
    let (status, _) = get(&app, &reporter, "/admin/media/picker?page=-1").await;
    assert_eq!(status, 400, "a malformed page number is refused");
}

#[tokio::test]
async fn a_png_upload_answers_with_the_new_image_which_can_be_read_back() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let png = encoded(ImageFormat::Png, 320, 200);

    let (status, image) = upload(&app, &reporter, Some(&reporter.csrf), "p.png", png).await;

    assert_eq!(status, 201, "{image}");
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(320), Some(200))
    );
    let id = image["id"].as_i64().expect("id");
    let (status, again) = get(&app, &reporter, &format!("/admin/media/picker/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(again["thumb"], image["thumb"]);
    let (status, missing) = get(&app, &reporter, "/admin/media/picker/999999").await;
    assert_eq!(status, 404);
    assert_eq!(missing["error"], "There is no such image.");
}

#[tokio::test]
async fn a_file_that_is_not_an_image_is_refused_with_a_json_reason() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let script = b"<script>alert(1)</script>".to_vec();

    let (status, refused) = upload(&app, &reporter, Some(&reporter.csrf), "x.jpg", script).await;
    let (empty_status, empty) = upload(&app, &reporter, Some(&reporter.csrf), "", Vec::new()).await;

    assert_eq!(status, 422);
    assert!(!refused["error"].as_str().expect("a reason").is_empty());
    assert_eq!(empty_status, 422);
    assert!(empty["error"].is_string());
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_with_the_limit_named() {
    let app = spawn_app_with(|config| config.max_upload_mb = 1).await;
    let reporter = app.desk(Role::Reporter).await;

    let (just_over, reason) = upload(
        &app,
        &reporter,
        Some(&reporter.csrf),
        "big.jpg",
        vec![0xFF; 1024 * 1024 + 300_000],
    )
    .await;
    let (cut_off, cut_reason) = upload(
        &app,
        &reporter,
        Some(&reporter.csrf),
        "huge.jpg",
        vec![0xFF; 3 * 1024 * 1024],
    )
    .await;

    assert_eq!(just_over, 422);
    assert!(
        reason["error"].as_str().expect("reason").contains("1 MB"),
        "{reason}"
    );
    assert_eq!(cut_off, 422);
    assert!(
        cut_reason["error"]
            .as_str()
            .expect("reason")
            .contains("1 MB"),
        "{cut_reason}"
    );
}

#[tokio::test]
async fn writes_without_the_csrf_token_are_refused() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &reporter, 400).await;
    let jpeg = encoded(ImageFormat::Jpeg, 400, 300);

    let (none, _) = upload(&app, &reporter, None, "a.jpg", jpeg.clone()).await;
    let (wrong, _) = upload(&app, &reporter, Some("forged"), "a.jpg", jpeg).await;
    let unsigned = app
        .client
        .post(format!("{}/admin/media/picker/{id}", app.address))
        .header("cookie", reporter.cookie())
        .form(&[
            ("caption", "Changed"),
            ("focal_x", "0.5"),
            ("focal_y", "0.5"),
        ]);
    let (unsigned, _) = read(unsigned.send().await.expect("request")).await;

    assert_eq!((none, wrong, unsigned), (403, 403, 403));
    let (_, image) = get(&app, &reporter, &format!("/admin/media/picker/{id}")).await;
    assert_eq!(image["caption"], "");
}

#[tokio::test]
async fn a_contributor_may_neither_search_nor_upload_nor_edit_and_a_stranger_is_sent_to_log_in() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &reporter, 400).await;
    let contributor = app.desk(Role::Contributor).await;
    let jpeg = encoded(ImageFormat::Jpeg, 400, 300);

    let (search, refused) = get(&app, &contributor, "/admin/media/picker?q=a").await;
    let (sent, _) = upload(&app, &contributor, Some(&contributor.csrf), "a.jpg", jpeg).await;
    let fields = [
        ("caption", "Mine now"),
        ("focal_x", "0.5"),
        ("focal_y", "0.5"),
    ];
    let (saved, _) = save(&app, &contributor, id, &fields).await;
    let anonymous = app
        .client
        .get(format!("{}/admin/media/picker", app.address));
    let anonymous = anonymous.send().await.expect("request").status().as_u16();

    assert_eq!((search, sent, saved), (403, 403, 403));
    assert_eq!(refused["error"], "Your role does not allow this.");
    assert_eq!(anonymous, 303);
}

#[tokio::test]
async fn a_reporter_cannot_change_another_reporters_image_but_an_editor_can() {
    let app = spawn_app().await;
    let owner = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &owner, 400).await;
    let other = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    let fields = [
        ("caption", "Edited"),
        ("focal_x", "0.2"),
        ("focal_y", "0.8"),
    ];

    let (_, seen) = get(&app, &other, &format!("/admin/media/picker/{id}")).await;
    let (refused, _) = save(&app, &other, id, &fields).await;
    let (allowed, image) = save(&app, &editor, id, &fields).await;

    assert_eq!(seen["can_edit"], false);
    assert_eq!(refused, 403);
    assert_eq!(allowed, 200);
    assert_eq!(image["caption"], "Edited");
}

#[tokio::test]
async fn saved_text_and_focal_point_come_back_and_hostile_text_is_stored_as_typed_and_escaped() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &reporter, 400).await;
    let hostile = "<script>alert(1)</script> Quay'; DROP TABLE images; --";

    let (status, image) = save(
        &app,
        &reporter,
        id,
        &[
            ("caption", hostile),
            ("credit", "\"><b>x"),
            ("alt", "../../etc/passwd"),
            ("focal_x", "0.25"),
            ("focal_y", "1"),
        ],
    )
    .await;

    assert_eq!(status, 200, "{image}");
    assert_eq!(image["caption"], hostile);
    assert_eq!(image["credit"], "\"><b>x");
    assert_eq!(image["alt"], "../../etc/passwd");
    assert_eq!(
        (image["focal_x"].as_f64(), image["focal_y"].as_f64()),
        (Some(0.25), Some(1.0))
    );
    let (_, found) = get(&app, &reporter, "/admin/media/picker?q=Quay").await;
    assert_eq!(ids(&found), [id], "the table is still there");
    let library = reporter.get("/admin/media?q=Quay").await;
    assert!(!library.text.contains("<script>alert"));
    assert!(
        library
            .text
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; Quay")
    );
}

#[tokio::test]
async fn a_focal_point_outside_the_picture_or_not_a_number_is_refused_with_400() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &reporter, 400).await;

    for (x, y) in [
        ("1.5", "0.5"),
        ("0.5", "-0.1"),
        ("NaN", "0.5"),
        ("", ""),
        ("0.5", "1e400"),
    ] {
        let (status, refused) = save(
            &app,
            &reporter,
            id,
            &[("caption", "Typed"), ("focal_x", x), ("focal_y", y)],
        )
        .await;
        assert_eq!(status, 400, "{x}, {y}");
        assert_eq!(refused["error"], "Enter a number from 0 to 1.", "{x}, {y}");
        assert!(
            refused["fields"].as_object().is_some_and(|f| !f.is_empty()),
            "{refused}"
        );
    }
    let (status, _) = save(
        &app,
        &reporter,
        999_999,
        &[("focal_x", "0.5"), ("focal_y", "0.5")],
    )
    .await;
    assert_eq!(status, 404);
    let (_, image) = get(&app, &reporter, &format!("/admin/media/picker/{id}")).await;
    assert_eq!(image["caption"], "", "nothing was saved");
}

#[tokio::test]
async fn a_huge_caption_is_refused_or_kept_but_never_a_server_error() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(&app, &reporter, 400).await;
    let huge = "é".repeat(200_000);

    let (status, _) = save(
        &app,
        &reporter,
        id,
        &[("caption", &huge), ("focal_x", "0.5"), ("focal_y", "0.5")],
    )
    .await;

    assert!((200..500).contains(&status), "{status}");
}
