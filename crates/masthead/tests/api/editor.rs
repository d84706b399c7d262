//! The story editor: saving, publishing to the reader site, hostile input, conflicts,
//! revisions, redirects and scheduled publishing.

use std::time::{Duration, Instant};

use store::Role;

use crate::helpers::{TestApp, spawn_app};

/// Polls a path until a condition holds, for at most `limit`; returns how long it took.
async fn within(
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

async fn public_path(app: &TestApp, story: i64) -> String {
    let store = app.store().await;
    let story = store::Newsroom::newsroom_story(&store, story)
        .await
        .expect("read")
        .expect("story");
    let site = masthead::service::site::Site::load(&store)
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
async fn a_rejected_save_shows_each_problem_and_keeps_the_text() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let reporter = app.desk(Role::Reporter).await;
    let story = reporter.create_story("Draft one", section).await;
    let body = "My long paragraph that must not be lost. <b>bold</b>";

    let page = reporter
        .save(
            story,
            &[
                ("headline", "  "),
                ("body", body),
                ("video_url", "javascript:alert(1)"),
            ],
            "save",
        )
        .await;

    assert_eq!(page.status, 422);
    assert!(page.texts("#headline-error")[0].contains("Write a headline."));
    assert!(page.texts("#video_url-error")[0].contains("web address"));
    assert_eq!(
        page.texts("#story-body"),
        ["My long paragraph that must not be lost. <b>bold</b>"]
    );
}

#[tokio::test]
async fn hostile_input_is_escaped_stripped_or_refused_with_a_message() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Plain start", section).await;
    let huge = "H".repeat(1024 * 1024);
    let cases: [(&str, &str, &str); 2] = [
        ("a 1 MB headline is refused", &huge, "under 300 characters"),
        (
            "control characters alone are no headline",
            "\u{0}\u{7}\u{1b}",
            "Write a headline.",
        ),
    ];

    for (reason, headline, message) in cases {
        let page = editor.save(story, &[("headline", headline)], "save").await;
        assert_eq!(page.status, 422, "{reason}");
        assert!(page.text.contains(message), "{reason}");
    }
    let hostile = "<script>alert(1)</script> O'Brien; DROP TABLE stories;--";
    let saved = editor
        .save(
            story,
            &[
                ("headline", hostile),
                ("standfirst", "<img src=x onerror=alert(1)>"),
                ("body", "<p onclick=\"x()\">Hi<script>alert(2)</script></p>"),
                ("slug", "safe-slug"),
            ],
            "publish",
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    let path = public_path(&app, story).await;
    let public = app.get(&path).await;
    assert_eq!(public.status, 200);
    assert!(!public.text.contains("<script>alert"));
    assert!(!public.text.contains("<img src=x"));
    assert!(
        public.text.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "shown as text"
    );
    assert!(!public.text.contains("onclick"));
    assert!(
        public
            .texts("h1")
            .iter()
            .any(|h| h.contains("O'Brien; DROP TABLE stories;--"))
    );
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
async fn every_field_takes_hostile_text_safely() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Fields", section).await;
    let script = "<script>alert('x')</script>";
    let rejected: [(&str, &str, &str, &str); 5] = [
        (
            "a path for a slug is no slug",
            "slug",
            "../../",
            "slug needs letters",
        ),
        (
            "an unknown section",
            "section_id",
            "99999",
            "section of this edition",
        ),
        (
            "SQL for an id",
            "hero_image_id",
            "1 OR 1=1",
            "not an id number",
        ),
        (
            "a missing image",
            "hero_image_id",
            "99999",
            "no image with this id",
        ),
        (
            "a gallery line without an id",
            "gallery",
            "DROP TABLE images | x",
            "does not start with an image id",
        ),
    ];
    for (reason, field, value, message) in rejected {
        let page = editor.save(story, &[(field, value)], "save").await;
        assert_eq!(page.status, 422, "{reason}");
        assert!(page.text.contains(message), "{reason}: {message}");
        assert_eq!(
            page.attrs(&format!("[name={field}][value]"), "value")
                .first()
                .map(String::as_str)
                .unwrap_or(value),
            value,
            "{reason}: typed value kept"
        );
    }

    let saved = editor
        .save(
            story,
            &[
                ("dateline", "AN\u{7}KARA"),
                ("keywords", &format!("{script}, Ports")),
                ("seo_title", script),
                ("slug", "../../etc/passwd"),
            ],
            "publish",
        )
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let path = public_path(&app, story).await;
    assert!(path.ends_with("/etc-passwd"), "{path}");
    let page = app.get(&path).await;
    assert!(!page.text.contains("<script>alert"));
    assert!(page.text.contains("ANKARA"), "control character stripped");
    assert!(
        page.texts(".keywords a")
            .iter()
            .any(|k| k.contains("<script>alert('x')</script>")),
        "shown as text"
    );
}

#[tokio::test]
async fn text_pasted_from_word_keeps_its_structure_on_the_public_page() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Pasted", section).await;
    let word = include_str!("../../../richtext/tests/fixtures/word.html");

    let saved = editor.save(story, &[("body", word)], "publish").await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let page = app.get(&public_path(&app, story).await).await;
    assert!(!page.text.contains("Mso"), "Word's classes are gone");
    assert!(!page.text.contains("mso-"), "Word's styles are gone");
    assert!(
        page.texts(".story-body p, article p").len() >= 2,
        "paragraphs survive"
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
