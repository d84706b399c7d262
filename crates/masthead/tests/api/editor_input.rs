//! The story editor against bad input: rejected saves keep the author's text, hostile
//! text in every field is escaped, stripped or refused with a message, and pastes from Word
//! keep their structure.

use store::Role;

use crate::editor::public_path;
use crate::helpers::spawn_app;

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
