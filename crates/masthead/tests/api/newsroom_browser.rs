//! The newsroom in headless Chromium: a reporter logs in, writes a story with an image
//! in the editor and submits it; an editor publishes it; readers find it on the home
//! front and its section page. Screenshots go to `target/screenshots/`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use store::Role;

use crate::browser::{axe_check, axe_source};
use crate::desk::PASSWORD;
use crate::helpers::{TestApp, spawn_app};
use crate::webdriver::Browser;

fn screenshot(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/screenshots")
        .join(name)
}

/// Logs in through the login form and waits for the dashboard.
pub async fn log_in(browser: &Browser, app: &TestApp, email: &str) {
    browser.open(&format!("{}/admin/login", app.address)).await;
    browser
        .type_text(&browser.find("#email").await, email)
        .await;
    browser
        .type_text(&browser.find("#password").await, PASSWORD)
        .await;
    browser
        .click(&browser.find("form button[type=submit]").await)
        .await;
    wait_for(browser, "the dashboard", |url| url.ends_with("/admin")).await;
}

pub async fn wait_for(browser: &Browser, what: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let url = browser.url().await;
        if done(&url) {
            return url;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no {what}: at {url}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Uploads a photo through the media library's form; returns the new image's id.
async fn upload_photo(browser: &Browser, app: &TestApp, path: &std::path::Path) -> i64 {
    browser.open(&format!("{}/admin/media", app.address)).await;
    let file = browser.find("#upload-file").await;
    browser
        .type_text(&file, path.to_str().expect("utf-8 path"))
        .await;
    for (field, text) in [
        ("#upload-caption", "A ferry leaves the pier at dusk"),
        ("#upload-credit", "Herald Photo"),
        ("#upload-alt", "A white ferry on dark water"),
    ] {
        browser.type_text(&browser.find(field).await, text).await;
    }
    let upload = browser.find("form[enctype] button[type=submit]").await;
    browser.click(&upload).await;
    let url = wait_for(browser, "the uploaded image", |url| {
        url.contains("notice=uploaded")
    })
    .await;
    browser.screenshot(&screenshot("newsroom-media.png")).await;
    url.split('?')
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("image id in the address")
}

/// Presses a workflow button, past the checklist before publishing if it asks.
pub async fn press(browser: &Browser, action: &str) {
    let button = browser
        .find(&format!("button[name=action][value={action}]"))
        .await;
    browser.click(&button).await;
    // The checklist before publishing (writing_aids.js) may ask first: go on anyway.
    let asked = browser
        .script("const d = document.getElementById('aids-publish-dialog'); return Boolean(d && d.open);")
        .await;
    if asked == serde_json::json!(true) {
        let anyway = browser.find("#aids-publish-dialog .primary").await;
        browser.click(&anyway).await;
    }
}

#[tokio::test]
async fn a_reporter_writes_and_submits_and_an_editor_publishes_to_the_front() {
    let app = spawn_app().await;
    app.account(Role::Reporter, "rana@test.example").await;
    app.account(Role::Editor, "emre@test.example").await;
    let section = app.a_section_id().await;
    let photo = tempfile::Builder::new()
        .suffix(".jpg")
        .tempfile()
        .expect("temp file");
    let bytes = crate::media_files::encoded(image::ImageFormat::Jpeg, 1600, 900);
    std::fs::write(photo.path(), bytes).expect("write photo");
    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;

    log_in(&browser, &app, "rana@test.example").await;
    browser
        .screenshot(&screenshot("newsroom-dashboard.png"))
        .await;
    let image = upload_photo(&browser, &app, photo.path()).await;
    browser
        .open(&format!("{}/admin/stories/new", app.address))
        .await;
    browser
        .type_text(
            &browser.find("#headline").await,
            "Night ferries return to the strait",
        )
        .await;
    browser
        .script(&format!(
            "document.getElementById('section_id').value = '{section}'; return true;"
        ))
        .await;
    let area = browser.find("[contenteditable=true]").await;
    browser.click(&area).await;
    browser
        .type_text(
            &area,
            "Ferries crossed at night for the first time in a decade.",
        )
        .await;
    browser
        .type_text(&browser.find("#hero_image_id").await, &image.to_string())
        .await;
    press(&browser, "save").await;
    let url = wait_for(&browser, "the new story", |url| {
        url.contains("notice=created")
    })
    .await;
    browser.screenshot(&screenshot("newsroom-editor.png")).await;
    press(&browser, "submit").await;
    wait_for(&browser, "submission", |url| {
        url.contains("notice=submitted")
    })
    .await;
    assert!(
        browser
            .text(&browser.find(".nr-meta .state").await)
            .await
            .contains("In review")
    );

    let editor = Browser::start().await;
    editor.resize(1280, 1000).await;
    log_in(&editor, &app, "emre@test.example").await;
    let review = editor
        .text(
            &editor
                .find("section[aria-labelledby=review-title] table")
                .await,
        )
        .await;
    assert!(
        review.contains("Night ferries return to the strait"),
        "{review}"
    );
    editor
        .open(url.split('?').next().expect("editor url"))
        .await;
    press(&editor, "publish").await;
    wait_for(&editor, "publishing", |url| {
        url.contains("notice=published")
    })
    .await;

    let started = Instant::now();
    loop {
        let home = app.get("/").await;
        if home.text.contains("Night ferries return to the strait") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "not on the home front within 1 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    editor.open(&format!("{}/", app.address)).await;
    editor
        .screenshot(&screenshot("newsroom-published-home.png"))
        .await;
    let site = masthead::service::site::Site::load(&*app.store().await)
        .await
        .expect("site");
    let section_path = site.editions[0].section_path(section);
    let story_public_path = format!("{section_path}/night-ferries-return-to-the-strait");
    let story_page = app.get(&story_public_path).await;
    assert!(
        story_page.text.contains("A ferry leaves the pier at dusk"),
        "the photo's caption shows"
    );
    assert!(
        story_page.text.contains("image/webp"),
        "WebP renditions are offered"
    );
    let listing = app.get(&section_path).await;
    assert!(
        listing
            .texts(".teaser-headline")
            .iter()
            .any(|h| h.contains("Night ferries"))
    );
    editor.open(&format!("{}{section_path}", app.address)).await;
    editor
        .screenshot(&screenshot("newsroom-published-section.png"))
        .await;
    editor.resize(390, 844).await;
    editor
        .open(url.split('?').next().expect("editor url"))
        .await;
    let width = editor
        .script("return document.documentElement.scrollWidth")
        .await;
    assert!(
        width.as_u64().unwrap_or(9999) <= 390,
        "the editor fits a phone: {width}"
    );
    editor
        .screenshot(&screenshot("newsroom-editor-phone.png"))
        .await;
}

#[tokio::test]
async fn the_newsroom_passes_automated_accessibility_checks() {
    let app = spawn_app().await;
    app.account(Role::Editor, "ela@test.example").await;
    let editor = app.desk_for("ela@test.example", 0).await;
    let story = editor
        .create_story("Accessible newsroom", app.a_section_id().await)
        .await;
    editor
        .save(
            story,
            &[("headline", "Accessible newsroom, second take")],
            "save",
        )
        .await;
    let axe = axe_source();
    let browser = Browser::start().await;
    let mut problems = Vec::new();

    browser.resize(1280, 900).await;
    browser.open(&format!("{}/admin/login", app.address)).await;
    let paths = [
        "/admin/login".to_string(),
        "/admin".to_string(),
        "/admin/stories".to_string(),
        "/admin/stories?status=live".to_string(),
        format!("/admin/stories/{story}"),
        format!("/admin/stories/{story}/revisions?from=1&to=2"),
        format!("/admin/stories/{story}/translation?edition=2"),
        "/admin/stories/new".to_string(),
        "/admin/audit".to_string(),
    ];
    let mut logged_in = false;
    for path in &paths {
        if !logged_in && path != "/admin/login" {
            log_in(&browser, &app, "ela@test.example").await;
            logged_in = true;
        }
        browser.open(&format!("{}{path}", app.address)).await;
        let found = axe_check(&browser, &axe, path).await;
        for violation in found["violations"].as_array().into_iter().flatten() {
            problems.push(format!("{path}: {violation}"));
        }
    }

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn arabic_text_runs_right_to_left_in_the_editor() {
    let app = spawn_app().await;
    app.account(Role::Reporter, "rami@test.example").await;
    let browser = Browser::start().await;
    browser.resize(390, 844).await;

    log_in(&browser, &app, "rami@test.example").await;
    browser
        .open(&format!("{}/admin/stories/new?edition=2", app.address))
        .await;
    browser
        .type_text(
            &browser.find("#headline").await,
            "عودة العبّارات الليلية إلى المضيق",
        )
        .await;
    let area = browser.find("[contenteditable=true]").await;
    browser.click(&area).await;
    browser
        .type_text(&area, "عبرت العبّارات المضيق ليلاً لأول مرة منذ عقد.")
        .await;

    let headline = browser
        .script("return getComputedStyle(document.getElementById('headline')).direction")
        .await;
    let body = browser.script("return getComputedStyle(document.querySelector('[contenteditable=true] p, [contenteditable=true]')).direction").await;
    browser
        .screenshot(&screenshot("newsroom-editor-arabic-phone.png"))
        .await;
    assert_eq!(headline, "rtl");
    assert_eq!(body, "rtl");
}
