//! The story editor: saving, publishing to the reader site, hostile input, conflicts,
//! revisions, redirects and scheduled publishing.

use std::time::{Duration, Instant};

use store::Role;

use crate::helpers::{TestApp, spawn_app};

/// Polls a path until a condition holds, for at most `limit`; returns how long it took.
pub async fn within(
    app: &TestApp,
    path: &str,
    limit: Duration,
    holds: impl Fn(u16, &str) -> bool,
) -> Duration {
    let started = Instant::now();
    loop {
        let page = app.get(path).await;
        if holds(page.status, &page.text) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "{path} did not change within {limit:?}: {}",
            page.status
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn public_path(app: &TestApp, story: i64) -> String {
    let store = app.store().await;
    let story = store::Newsroom::newsroom_story(&*store, store::StoryId(story))
        .await
        .expect("read")
        .expect("story");
    let site = masthead::service::site::Site::load(&*store)
        .await
        .expect("site");
    site.path_for(
        story.edition_id,
        story.fields.section_id,
        &story.fields.slug,
    )
}

#[tokio::test]
async fn a_published_story_reaches_readers_within_a_second_and_leaves_as_fast() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Harbour reopens after storm", section)
        .await;
    let path = public_path(&app, story).await;
    assert_eq!(app.get(&path).await.status, 404);
    app.get("/").await;

    let published = editor.save(story, &[], "publish").await;

    assert_eq!(published.status, 303, "{}", published.text);
    within(&app, &path, Duration::from_secs(1), |status, _| {
        status == 200
    })
    .await;
    within(&app, "/", Duration::from_secs(1), |_, text| {
        text.contains("Harbour reopens after storm")
    })
    .await;
    editor
        .save(
            story,
            &[("headline", "Harbour reopens, ferries resume")],
            "save",
        )
        .await;
    within(&app, &path, Duration::from_secs(1), |_, text| {
        text.contains("ferries resume")
    })
    .await;
    editor.save(story, &[], "unpublish").await;
    within(&app, &path, Duration::from_secs(1), |status, _| {
        status == 404
    })
    .await;
}

#[tokio::test]
async fn a_save_on_top_of_an_old_revision_gets_the_conflict_page_and_loses_nothing() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let first = app.desk(Role::Editor).await;
    let second = app.desk(Role::Editor).await;
    let story = first.create_story("Budget talks", section).await;
    let stale_form = second.editor_fields(story).await;

    first
        .save(story, &[("headline", "Budget talks collapse")], "save")
        .await;
    let mut fields: Vec<(&str, &str)> = stale_form
        .iter()
        .filter(|(k, _)| k != "headline")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.push(("headline", "Budget talks resume"));
    fields.push(("action", "save"));
    let conflict = second
        .post(&format!("/admin/stories/{story}"), &fields)
        .await;

    assert_eq!(conflict.status, 409);
    assert!(
        conflict.text.contains("Budget talks collapse"),
        "theirs is shown"
    );
    assert_eq!(
        conflict.attrs("#headline", "value"),
        ["Budget talks resume"],
        "mine is in the form"
    );
    let base: Vec<String> = conflict.attrs("input[name=base_revision]", "value");
    let merged = second
        .save(
            story,
            &[
                ("headline", "Budget talks resume"),
                ("base_revision", &base[0]),
            ],
            "save",
        )
        .await;
    assert_eq!(
        merged.status, 303,
        "a deliberate save after the conflict goes through"
    );
}

#[tokio::test]
async fn revisions_can_be_compared_and_restored() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Version one", section).await;
    editor
        .save(story, &[("headline", "Version two")], "save")
        .await;

    let list = editor
        .get(&format!("/admin/stories/{story}/revisions?from=1&to=2"))
        .await;
    let restored = editor
        .post(
            &format!("/admin/stories/{story}/restore"),
            &[("number", "1"), ("base_revision", "2")],
        )
        .await;

    assert_eq!(list.status, 200);
    assert!(
        list.texts(".diff-changed td")
            .iter()
            .any(|cell| cell.contains("Version one"))
    );
    assert!(
        list.texts(".diff-changed td")
            .iter()
            .any(|cell| cell.contains("Version two"))
    );
    assert_eq!(restored.status, 303, "{}", restored.text);
    let editor_page = editor.get(&format!("/admin/stories/{story}")).await;
    assert_eq!(editor_page.attrs("#headline", "value"), ["Version one"]);
    assert!(editor_page.text.contains("revision 3"));
}

#[tokio::test]
async fn a_published_story_keeps_its_old_url_after_a_slug_change() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Old name", section).await;
    editor.save(story, &[], "publish").await;
    let old_path = public_path(&app, story).await;

    editor.save(story, &[("slug", "new-name")], "save").await;
    let new_path = public_path(&app, story).await;

    assert!(new_path.ends_with("/new-name"));
    let moved = app.get(&old_path).await;
    assert_eq!(moved.status, 301);
    assert_eq!(moved.location(), new_path);
}

#[tokio::test]
async fn the_preview_renders_unsaved_text_with_the_public_template() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let reporter = app.desk(Role::Reporter).await;
    let story = reporter.create_story("Preview me", section).await;
    let mut fields = reporter.editor_fields(story).await;
    fields.retain(|(k, _)| k != "body");
    fields.push(("body".into(), "Unsaved words for the preview.".into()));
    let form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();

    let preview = reporter
        .post(&format!("/admin/stories/{story}/preview"), &form)
        .await;
    let autosave = reporter
        .post(&format!("/admin/stories/{story}/autosave"), &form)
        .await;
    let live = reporter
        .get(&format!("/admin/stories/{story}/preview"))
        .await;

    assert_eq!(preview.status, 200);
    assert!(preview.text.contains("Unsaved words for the preview."));
    assert_eq!(
        preview.texts("h1"),
        app.get("/")
            .await
            .texts("h1")
            .into_iter()
            .take(0)
            .chain(["Preview me".to_string()])
            .collect::<Vec<_>>()
    );
    assert!(autosave.text.contains("saved_at"));
    assert!(live.text.contains("Unsaved words for the preview."));
    assert!(
        live.headers["content-security-policy"]
            .to_str()
            .unwrap_or_default()
            .contains("frame-ancestors 'self'")
    );
}

#[tokio::test]
async fn the_editor_shows_who_else_has_the_story_open() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let first = app.desk(Role::Editor).await;
    let second = app.desk(Role::Editor).await;
    let story = first.create_story("Shared story", section).await;

    first.get(&format!("/admin/stories/{story}")).await;
    let page = second.get(&format!("/admin/stories/{story}")).await;

    assert_eq!(page.texts("#presence"), ["Also editing: Test Person"]);
}

#[tokio::test]
async fn of_two_simultaneous_saves_on_one_revision_exactly_one_wins() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let first = app.desk(Role::Editor).await;
    let second = app.desk(Role::Editor).await;
    let story = first.create_story("Race", section).await;
    let form = first.editor_fields(story).await;
    let send = |desk: &'static str| {
        let mut fields: Vec<(String, String)> = form
            .iter()
            .filter(|(k, _)| k != "headline")
            .cloned()
            .collect();
        fields.push(("headline".into(), format!("Race won by {desk}")));
        fields.push(("action".into(), "save".into()));
        fields
    };
    let (a, b) = (send("first"), send("second"));
    let a: Vec<(&str, &str)> = a.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let b: Vec<(&str, &str)> = b.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let path = format!("/admin/stories/{story}");

    let (one, two) = tokio::join!(first.post(&path, &a), second.post(&path, &b));

    let mut statuses = [one.status, two.status];
    statuses.sort();
    assert_eq!(statuses, [303, 409]);
    let revisions = first
        .get(&format!("/admin/stories/{story}/revisions"))
        .await;
    assert_eq!(
        revisions.texts("tbody tr").len(),
        2,
        "one save, one revision"
    );
}

#[tokio::test]
async fn publishing_without_changes_makes_no_new_revision() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Steady", section).await;
    editor
        .save(story, &[("keywords", "ports, ferries")], "save")
        .await;

    editor.save(story, &[], "publish").await;

    let revisions = editor
        .get(&format!("/admin/stories/{story}/revisions"))
        .await;
    assert_eq!(revisions.texts("tbody tr").len(), 2);
}
