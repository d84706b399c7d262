//! Curation in the newsroom: sections, menus, topics, keywords, front pins and the
//! breaking-news bar; who may use them, and what readers see at once.

mod fronts;
mod sections;
mod taxonomy;

use std::time::{Duration, Instant};

use store::{Role, Store, StoryFilter, StoryQuery};

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};
use crate::validity::assert_valid;

/// How long a change may take to reach readers.
pub const AT_ONCE: Duration = Duration::from_secs(1);

const PAGES: [&str; 8] = [
    "/admin/sections",
    "/admin/sections/1",
    "/admin/menus",
    "/admin/topics",
    "/admin/keywords",
    "/admin/fronts",
    "/admin/breaking",
    "/admin/fronts?front=1",
];

const FORMS: [&str; 14] = [
    "/admin/sections",
    "/admin/sections/1",
    "/admin/sections/1/move",
    "/admin/menus",
    "/admin/menus/1/move",
    "/admin/menus/1/remove",
    "/admin/topics",
    "/admin/topics/1",
    "/admin/keywords/merge",
    "/admin/fronts/pin",
    "/admin/fronts/unpin",
    "/admin/fronts/move",
    "/admin/breaking",
    "/admin/breaking/clear",
];

/// GETs a reader page until `done` holds for it, for at most [`AT_ONCE`].
pub async fn poll(app: &TestApp, path: &str, done: impl Fn(&Page) -> bool) -> Page {
    let started = Instant::now();
    loop {
        let page = app.get(path).await;
        if done(&page) || started.elapsed() > AT_ONCE {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The id of the default edition.
pub async fn edition_id(store: &dyn Store) -> i64 {
    store.editions().await.expect("editions")[0].id
}

/// The id of a section of the default edition by slug, top sections first.
pub async fn section_id(store: &dyn Store, slug: &str) -> i64 {
    let edition = edition_id(store).await;
    let mut sections = store.sections(edition).await.expect("sections");
    sections.sort_by_key(|s| s.parent_id.is_some());
    sections
        .iter()
        .find(|s| s.slug == slug)
        .expect("the section exists")
        .id
}

#[tokio::test]
async fn reporters_are_refused_and_visitors_sent_to_log_in() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;

    for path in PAGES {
        assert_eq!(reporter.get(path).await.status, 403, "reporter GET {path}");
        let page = app.get(path).await;
        assert_eq!(page.status, 303, "anonymous GET {path}");
        assert_eq!(page.location(), "/admin/login");
    }
    for path in FORMS {
        let form = [("name", "x"), ("slot", "lead"), ("position", "1")];
        assert_eq!(
            reporter.post(path, &form).await.status,
            403,
            "reporter POST {path}"
        );
        let page = app.post_form(path, &form).await;
        assert_eq!(page.status, 303, "anonymous POST {path}");
    }
    let nav = reporter.get("/admin").await.texts(".nr-nav a");
    assert!(
        !nav.iter()
            .any(|label| label == "Sections" || label == "Fronts")
    );
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;

    for path in FORMS {
        let page = editor.post_without_token(path, &[("name", "Sneaky")]).await;
        assert_eq!(page.status, 403, "POST {path}");
    }
    let forged = [("name", "Sneaky"), ("csrf", "forged")];
    assert_eq!(
        editor
            .post_without_token("/admin/topics", &forged)
            .await
            .status,
        403
    );
    assert!(!editor.get("/admin/topics").await.text.contains("Sneaky"));
}

/// Pins a story to a place of a front; returns the answer.
pub async fn pin(editor: &Desk<'_>, front: i64, story: i64, slot: &str, position: &str) -> Page {
    let story = story.to_string();
    let form = [
        ("story", story.as_str()),
        ("slot", slot),
        ("position", position),
    ];
    let action = format!("/admin/fronts/pin?edition=1&front={front}");
    editor.post(&action, &form).await
}

#[tokio::test]
async fn every_curation_page_is_valid_html() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let world = section_id(&*store, "world").await;
    let bar = [
        ("text", "Valid bar"),
        ("url", "/world"),
        ("expires", "2099-01-01T12:00"),
    ];
    assert_eq!(editor.post("/admin/breaking", &bar).await.status, 303);
    let story = app.first_story_path("/world/europe").await;
    let story_id = store
        .teasers(&StoryQuery::latest(
            edition_id(&*store).await,
            StoryFilter::All,
            1,
        ))
        .await
        .expect("teasers")[0]
        .id;
    assert_eq!(pin(&editor, 0, story_id, "top", "2").await.status, 303);
    let refused = editor.post("/admin/sections", &[("name", "Admin")]).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<String> = [
        "/admin/sections".to_string(),
        format!("/admin/sections/{world}"),
        "/admin/menus".to_string(),
        "/admin/menus?menu=footer".to_string(),
        "/admin/topics".to_string(),
        "/admin/keywords?q=a".to_string(),
        "/admin/fronts".to_string(),
        format!("/admin/fronts?front={world}"),
        "/admin/breaking".to_string(),
    ]
    .into();

    std::fs::write(dir.path().join("refused.html"), &refused.text).expect("write");
    for (index, path) in paths.iter().enumerate() {
        let page = editor.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    let home = poll(&app, "/", |page| !page.texts(".breaking").is_empty()).await;
    std::fs::write(dir.path().join("home.html"), &home.text).expect("write");
    let story = app.get(&story).await;
    std::fs::write(dir.path().join("story.html"), &story.text).expect("write");
    assert_valid(dir.path(), &paths);
}
