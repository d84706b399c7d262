//! Sections and menus: renames and moves keep old URLs answering, bad changes are
//! refused with a reason (a top section may not take a path the site keeps for itself),
//! and menu edits reach the reader site at once.

use store::{NewAuditEntry, NewSection, Role};

use super::{poll, section_id};
use crate::helpers::spawn_app;

/// A bad section form: where it goes, its fields, the message expected and why.
type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str, &'a str);

#[tokio::test]
async fn renaming_a_section_redirects_its_old_urls() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let world = section_id(&*store, "world").await;
    let story = app.first_story_path("/world/europe").await;
    let edit = format!("/admin/sections/{world}?edition=1");

    let saved = editor
        .post(
            &edit,
            &[("name", "International"), ("slug", "international")],
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let moved = poll(&app, "/world", |page| page.status == 301).await;
    assert_eq!(moved.location(), "/international");
    let old_story = app.get(&story).await;
    assert_eq!(old_story.status, 301);
    assert_eq!(
        old_story.location(),
        story.replacen("/world", "/international", 1)
    );
    assert_eq!(app.get(&old_story.location()).await.status, 200);
    assert_eq!(
        app.get("/world/europe?page=2").await.location(),
        "/international/europe?page=2"
    );
    let home = app.get("/").await;
    assert!(
        home.attrs(".mega-top > li > a", "href")
            .contains(&"/international".to_string())
    );
    let log = editor.get("/admin/audit").await.text;
    assert!(log.contains("section.update") && log.contains("/world → /international"));
}

#[tokio::test]
async fn moving_a_section_under_another_parent_keeps_its_old_path() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let world = section_id(&*store, "world").await;
    let sports = section_id(&*store, "sports").await;
    let edit = format!("/admin/sections/{world}?edition=1");
    let parent = sports.to_string();

    let saved = editor
        .post(
            &edit,
            &[("name", "World"), ("slug", "world"), ("parent_id", &parent)],
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let moved = poll(&app, "/world", |page| page.status == 301).await;
    assert_eq!(moved.location(), "/sports/world");
    assert_eq!(app.get("/sports/world/europe").await.status, 200);
}

#[tokio::test]
async fn bad_section_changes_are_refused_with_a_reason() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let world = section_id(&*store, "world").await.to_string();
    let europe = section_id(&*store, "europe").await.to_string();
    let edit_world = format!("/admin/sections/{world}?edition=1");
    let huge = "x".repeat(1024 * 1024);
    let cases: [Case; 9] = [
        (
            "/admin/sections?edition=1",
            vec![("name", "Newsletter")],
            "used by the site itself",
            "the newsletter's pages",
        ),
        (
            &edit_world,
            vec![("name", "Jobs"), ("slug", "jobs")],
            "used by the site itself",
            "renamed onto the jobs page",
        ),
        (
            "/admin/sections?edition=2",
            vec![("name", "Hooks"), ("slug", "hooks")],
            "used by the site itself",
            "a route at the root, in the Arabic edition too",
        ),
        (
            "/admin/sections?edition=2",
            vec![("name", "RSS"), ("slug", "rss")],
            "used by the site itself",
            "the feeds page",
        ),
        (
            "/admin/sections?edition=1",
            vec![("name", "Admin")],
            "used by the site itself",
            "reserved slug",
        ),
        (
            "/admin/sections?edition=1",
            vec![("name", "Arabic"), ("slug", "ar")],
            "used by the site itself",
            "edition prefix",
        ),
        (
            "/admin/sections?edition=1",
            vec![("name", "Sports")],
            "/sports already exists",
            "slug clash",
        ),
        (
            &edit_world,
            vec![("name", "World"), ("parent_id", &europe)],
            "under itself",
            "a cycle",
        ),
        (
            "/admin/sections?edition=1",
            vec![("name", &huge)],
            "at most 100 characters",
            "1 MB name",
        ),
    ];

    for (path, form, message, reason) in cases {
        let page = editor.post(path, &form).await;
        assert_eq!(page.status, 422, "{reason}");
        assert!(
            page.texts("[role=alert]").concat().contains(message),
            "{reason}"
        );
        assert!(
            page.text.len() < 200_000,
            "{reason}: the input is not echoed"
        );
    }
    assert_eq!(app.get("/world").await.status, 200);
}

#[tokio::test]
async fn a_section_on_a_path_the_site_keeps_never_hides_the_sites_own_page() {
    let app = spawn_app().await;
    let store = app.store().await;
    // Made before the newsroom refused the slug (or by an import): the store takes it.
    let section = NewSection {
        edition_id: 1,
        parent_id: None,
        slug: "jobs".into(),
        name: "Jobs desk".into(),
        description: String::new(),
        position: 99,
    };
    let audit = NewAuditEntry {
        user_id: None,
        action: "section.create".into(),
        entity: "section".into(),
        entity_id: None,
        detail: String::new(),
    };

    store.add_section(&section, &audit).await.expect("section");

    // Its feed answers once the site has the section; its page is the jobs page still.
    poll(&app, "/rss/jobs", |page| page.status == 200).await;
    let jobs = app.get("/jobs").await;
    assert_eq!(jobs.status, 200);
    assert_eq!(jobs.texts("h2#jobs-title").len(), 1, "the open positions");
    assert_eq!(
        jobs.texts("h1"),
        ["Jobs"],
        "the static page, not the section's"
    );
    assert_eq!(app.get("/jobs?page=2").await.status, 404);
}

#[tokio::test]
async fn a_menu_edit_shows_on_the_home_page_at_once() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    assert_eq!(app.get("/").await.status, 200, "the home page is cached");

    let added = editor
        .post(
            "/admin/menus?edition=1&menu=header",
            &[("label", "Election night"), ("url", "/politics/elections")],
        )
        .await;

    assert_eq!(added.status, 303, "{}", added.text);
    let home = poll(&app, "/", |page| {
        page.texts(".mega-top > li > a")
            .contains(&"Election night".to_string())
    })
    .await;
    assert_eq!(
        home.texts(".mega-top > li > a").last().map(String::as_str),
        Some("Election night")
    );
    let refused = editor
        .post(
            "/admin/menus?edition=1&menu=header",
            &[("label", "Bad"), ("url", "javascript:alert(1)")],
        )
        .await;
    assert_eq!(refused.status, 422);
}

#[tokio::test]
async fn menu_entries_nest_under_the_entry_above_and_go() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let link = [("label", "Live blog"), ("url", "https://live.example/now")];
    assert_eq!(
        editor
            .post("/admin/menus?edition=1&menu=header", &link)
            .await
            .status,
        303
    );
    let menu = editor.get("/admin/menus?edition=1&menu=header").await;
    let action = menu
        .attrs("form[action*='/move']", "action")
        .pop()
        .expect("a move form");

    let nested = editor.post(&action, &[("direction", "in")]).await;

    assert_eq!(nested.status, 303, "{}", nested.text);
    let last_sub = ".mega-top > li:last-child .mega-sub a";
    let home = poll(&app, "/", |page| {
        page.texts(last_sub).contains(&"Live blog".to_string())
    })
    .await;
    assert_eq!(home.texts(".mega-top > li:last-child > a"), ["TV"]);
    assert!(home.texts(last_sub).contains(&"Live blog".to_string()));
    let twice = editor.post(&action, &[("direction", "in")]).await;
    assert_eq!(twice.status, 422, "entries nest one level only");
    let removed = editor.post(&action.replace("/move", "/remove"), &[]).await;
    assert_eq!(removed.status, 303);
    let home = poll(&app, "/", |page| !page.text.contains("Live blog")).await;
    assert!(!home.text.contains("Live blog"));
}
