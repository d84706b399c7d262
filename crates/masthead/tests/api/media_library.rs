//! The media library after upload: editing an image's text and focal point, escaping,
//! where an image is used, refreshing published pages, WebP on the site, and paging.

use std::time::{Duration, Instant};

use image::ImageFormat;
use store::Role;

use crate::helpers::{Page, TestApp, spawn_app};
use crate::media_files::{encoded, uploaded};

#[tokio::test]
async fn a_caption_with_script_tags_is_shown_escaped() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(
        &reporter,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[],
    )
    .await;
    let path = format!("/admin/media/{id}");
    let hostile = "<script>alert(1)</script> Quay";

    let saved = reporter
        .post(
            &path,
            &[
                ("caption", hostile),
                ("credit", "\"><b>x"),
                ("alt", "Quay"),
                ("focal_x", "0.3"),
                ("focal_y", "0.7"),
            ],
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    for page in [
        reporter.get(&path).await,
        reporter.get("/admin/media?q=Quay").await,
    ] {
        assert!(!page.text.contains("<script>alert"), "escaped");
        assert!(
            page.text
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Quay")
        );
        assert!(!page.text.contains("<b>x"));
    }
    let page = reporter.get(&path).await;
    assert_eq!(page.attrs("#focal_x", "value"), ["0.30"]);
    assert_eq!(page.attrs("#focal_y", "value"), ["0.70"]);
}

#[tokio::test]
async fn a_focal_point_outside_the_picture_is_refused_beside_its_field() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(
        &reporter,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[],
    )
    .await;

    let page = reporter
        .post(
            &format!("/admin/media/{id}"),
            &[("caption", "Typed"), ("focal_x", "1.5"), ("focal_y", "0.5")],
        )
        .await;

    assert_eq!(page.status, 422);
    assert_eq!(
        page.texts("#focal_x-error"),
        ["Enter a number from 0 to 1."]
    );
    assert!(page.texts("#focal_y-error").is_empty());
    assert_eq!(page.texts("#caption"), ["Typed"]);
}

#[tokio::test]
async fn the_image_page_lists_a_story_that_uses_it_as_hero() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let id = uploaded(
        &reporter,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[],
    )
    .await;
    let story = reporter
        .create_story("Ferry timetable changes", app.a_section_id().await)
        .await;

    let saved = reporter
        .save(story, &[("hero_image_id", &id.to_string())], "save")
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let page = reporter.get(&format!("/admin/media/{id}")).await;
    assert_eq!(page.texts(".media-uses td a"), ["Ferry timetable changes"]);
    assert_eq!(
        page.attrs(".media-uses td a", "href"),
        [format!("/admin/stories/{story}")]
    );
    assert!(
        page.texts(".media-uses td")
            .contains(&"Lead image".to_string())
    );

    let set = reporter
        .post("/admin/language", &[("language", "ar")])
        .await;
    assert_eq!(set.status, 303, "{}", set.text);
    let page = reporter.get(&format!("/admin/media/{id}")).await;
    let cells = page.texts(".media-uses td");
    assert!(cells.contains(&"الصورة الرئيسية".to_string()), "{cells:?}");
    assert!(cells.contains(&"مسودة".to_string()), "{cells:?}");
    let revisions = reporter
        .get(&format!("/admin/stories/{story}/revisions"))
        .await;
    assert!(revisions.texts("td").contains(&"مسودة".to_string()));
    assert!(!revisions.texts("td").contains(&"Draft".to_string()));
}

#[tokio::test]
async fn a_reporter_sees_no_headline_of_someone_elses_unpublished_story_using_an_image() {
    let app = spawn_app().await;
    let uploader = app.desk(Role::Reporter).await;
    let colleague = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    let id = uploaded(
        &uploader,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[],
    )
    .await;
    let story = colleague
        .create_story("Secret merger talks", app.a_section_id().await)
        .await;

    let saved = colleague
        .save(story, &[("hero_image_id", &id.to_string())], "save")
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let path = format!("/admin/media/{id}");
    let reporters_view = uploader.get(&path).await;
    assert!(!reporters_view.text.contains("Secret merger talks"));
    assert!(reporters_view.texts(".media-uses td a").is_empty());
    assert_eq!(
        reporters_view.texts(".media-hidden-use"),
        ["Someone else's unpublished story"]
    );
    let editors_view = editor.get(&path).await;
    assert_eq!(
        editors_view.texts(".media-uses td a"),
        ["Secret merger talks"]
    );
}

/// Polls a public path until its text contains `needle`, for at most two seconds.
async fn eventually_contains(app: &TestApp, path: &str, needle: &str) -> Page {
    let started = Instant::now();
    loop {
        let page = app.get(path).await;
        if page.text.contains(needle) {
            return page;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{path} never showed {needle:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn editing_an_image_of_a_published_story_refreshes_its_page_which_offers_webp() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let id = uploaded(
        &editor,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 800, 450),
        &[("caption", "First caption")],
    )
    .await;
    let story = editor
        .create_story("Lighthouse restored", app.a_section_id().await)
        .await;
    let published = editor
        .save(story, &[("hero_image_id", &id.to_string())], "publish")
        .await;
    assert_eq!(published.status, 303, "{}", published.text);
    let store = app.store().await;
    let found = store
        .newsroom_story(store::StoryId(story))
        .await
        .expect("read")
        .expect("story");
    let site = masthead::service::site::Site::load(&*store)
        .await
        .expect("site");
    let path = site.path_for(
        found.edition_id,
        found.fields.section_id,
        &found.fields.slug,
    );
    let before = eventually_contains(&app, &path, "First caption").await;
    let last_change = store.last_change_id().await.expect("changes");

    let saved = editor
        .post(
            &format!("/admin/media/{id}"),
            &[
                ("caption", "Second caption"),
                ("credit", ""),
                ("alt", "A lighthouse"),
                ("focal_x", "0.5"),
                ("focal_y", "0.5"),
            ],
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let changes = store.changes_since(last_change, 10).await.expect("changes");
    assert!(
        changes
            .iter()
            .any(|change| change.tags.contains(&store::CacheTag::Story(story))),
        "{changes:?}"
    );
    eventually_contains(&app, &path, "Second caption").await;
    let webp = before
        .attrs("picture source[type=\"image/webp\"]", "srcset")
        .remove(0);
    assert!(
        webp.contains(".webp 320w") && webp.contains(".webp 640w"),
        "{webp}"
    );
    let jpeg = before.attrs("picture img", "srcset").remove(0);
    assert!(
        jpeg.contains(".jpg 320w") && !jpeg.contains(".webp"),
        "{jpeg}"
    );
    store.close().await;
}

#[tokio::test]
async fn the_library_pages_through_every_image_newest_first() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let newest = uploaded(
        &editor,
        "a.jpg",
        encoded(ImageFormat::Jpeg, 400, 300),
        &[("caption", "Newest photo")],
    )
    .await;

    let first = editor.get("/admin/media").await;
    let older = first.attrs(".nr-pager a", "href");
    let second = editor.get(&older[0]).await;

    assert_eq!(first.status, 200);
    assert_eq!(
        first.attrs(".media-card a", "href")[0],
        format!("/admin/media/{newest}")
    );
    assert_eq!(first.attrs(".media-card", "class").len(), 48);
    assert_eq!(older, ["/admin/media?page=2&q="]);
    assert_eq!(second.status, 200);
    assert!(
        !second
            .attrs(".media-card a", "href")
            .contains(&format!("/admin/media/{newest}"))
    );
}
