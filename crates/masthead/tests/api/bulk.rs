//! Bulk actions from the story list: each checked story follows the one-story rules on its
//! own, the result page says which were done and which refused and why, each change is
//! audit-logged, and readers see it within a second.

use std::time::{Duration, Instant};

use store::Role;

use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app};

/// A story the desk created and published; returns its id and public path.
async fn published_story(desk: &Desk<'_>, app: &TestApp, headline: &str) -> (i64, String) {
    let section = app.a_section_id().await;
    let id = desk.create_story(headline, section).await;
    assert_eq!(desk.save(id, &[], "publish").await.status, 303);
    let list = desk
        .get(&format!(
            "/admin/stories?status=published&author={}",
            desk.user_id
        ))
        .await;
    let row = list
        .html()
        .select(&scraper::Selector::parse("tr").expect("selector"))
        .find(|row| row.text().any(|text| text == headline))
        .map(|row| row.html())
        .expect("the published story's row");
    let path = row
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| !href.starts_with("/admin"))
        .expect("the public link")
        .to_string();
    (id, path)
}

/// Waits up to a second for a reader page to answer `status`.
async fn reader_sees(app: &TestApp, path: &str, status: u16) {
    let started = Instant::now();
    loop {
        let page = app.get(path).await;
        if page.status == status {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{path} still answers {} after a second",
            page.status
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn bulk(desk: &Desk<'_>, action: &str, section: &str, ids: &[i64]) -> crate::helpers::Page {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    let mut form = vec![("action", action), ("section", section)];
    form.extend(ids.iter().map(|id| ("story", id.as_str())));
    desk.post("/admin/stories/bulk", &form).await
}

#[tokio::test]
async fn an_editor_bulk_publishes_and_the_result_says_which_were_refused_and_why() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let first = editor.create_story("Bulk first", section).await;
    let second = editor.create_story("Bulk second", section).await;
    let (live, _) = published_story(&editor, &app, "Bulk already live").await;

    let page = bulk(&editor, "publish", "", &[first, second, live, 987_654]).await;

    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.texts("#done-title"), ["Done (2)"]);
    assert_eq!(page.texts("#refused-title"), ["Refused (2)"]);
    assert!(
        page.text
            .contains("Bulk already live: It is published already.")
    );
    assert!(page.text.contains("Story 987654: There is no such story"));
    let list = editor.get("/admin/stories?status=published").await;
    assert!(list.text.contains("Bulk first") && list.text.contains("Bulk second"));
    let log = app.store().await.audit_log(50, 0).await.expect("audit");
    for id in [first, second] {
        assert!(
            log.iter().any(|entry| entry.entity == "story"
                && entry.entity_id == Some(id)
                && entry.detail.contains("published")),
            "no audit line for {id}: {log:?}"
        );
    }
}

#[tokio::test]
async fn a_reporter_cannot_bulk_publish_and_each_story_says_so() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let reporter = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    let own = reporter.create_story("Reporter's own draft", section).await;
    let others = editor.create_story("Editor's draft", section).await;

    let page = bulk(&reporter, "publish", "", &[own, others]).await;

    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.texts("#done-title"), ["Done (0)"]);
    assert!(
        page.text
            .contains("A reporter may not publish this story (it is draft)."),
        "{}",
        page.text
    );
    assert!(!page.text.contains("Editor&#x27;s draft") && !page.text.contains("Editor's draft"));
    assert!(
        page.text
            .contains("There is no such story among those you may see.")
    );
    let list = editor.get("/admin/stories?status=published").await;
    assert!(!list.text.contains("draft</a>"), "{}", list.text);
}

#[tokio::test]
async fn bulk_unpublish_takes_stories_off_the_reader_site_within_a_second() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let (id, path) = published_story(&editor, &app, "Soon gone").await;
    reader_sees(&app, &path, 200).await;

    let page = bulk(&editor, "unpublish", "", &[id]).await;

    assert_eq!(page.texts("#done-title"), ["Done (1)"], "{}", page.text);
    reader_sees(&app, &path, 404).await;
}

#[tokio::test]
async fn bulk_publish_shows_stories_to_readers_within_a_second() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let (id, path) = published_story(&editor, &app, "Back again").await;
    assert_eq!(bulk(&editor, "unpublish", "", &[id]).await.status, 200);
    reader_sees(&app, &path, 404).await;

    let page = bulk(&editor, "publish", "", &[id]).await;

    assert_eq!(page.texts("#done-title"), ["Done (1)"], "{}", page.text);
    reader_sees(&app, &path, 200).await;
}

#[tokio::test]
async fn bulk_move_changes_the_section_and_the_old_address_redirects() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let (id, path) = published_story(&editor, &app, "Moving house").await;
    let list = editor.get("/admin/stories").await;
    let sections = list.attrs("#bulk-section option", "value");
    let here = app.a_section_id().await.to_string();
    let there = sections
        .iter()
        .find(|value| !value.is_empty() && **value != here)
        .expect("another section");

    let page = bulk(&editor, "move", there, &[id]).await;
    let again = bulk(&editor, "move", there, &[id]).await;

    assert_eq!(page.texts("#done-title"), ["Done (1)"], "{}", page.text);
    assert!(
        again.text.contains("It is in that section already."),
        "{}",
        again.text
    );
    reader_sees(&app, &path, 301).await;
}

#[tokio::test]
async fn a_story_cannot_be_moved_into_another_editions_section() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let draft = editor.create_story("Stays in English", section).await;
    let list = editor.get("/admin/stories").await;
    let html = list.html();
    let arabic = html
        .select(&scraper::Selector::parse("#bulk-section option").expect("selector"))
        .find(|option| option.text().any(|text| text.starts_with("عربي")))
        .and_then(|option| option.value().attr("value"))
        .expect("an Arabic section")
        .to_string();

    let page = bulk(&editor, "move", &arabic, &[draft]).await;

    assert_eq!(page.texts("#done-title"), ["Done (0)"], "{}", page.text);
    assert!(
        page.text
            .contains("Stays in English: That section belongs to another edition."),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn a_bulk_action_without_the_csrf_token_is_refused() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let draft = editor.create_story("Not without a token", section).await;

    let page = editor
        .post_without_token(
            "/admin/stories/bulk",
            &[("action", "publish"), ("story", &draft.to_string())],
        )
        .await;

    assert_eq!(page.status, 403, "{}", page.text);
    let list = editor.get("/admin/stories?status=published").await;
    assert!(!list.text.contains("Not without a token"));
}

/// A bad form, the message it gets, and why it is bad.
type BadForm<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);

#[tokio::test]
async fn bad_bulk_forms_get_a_message() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let many: Vec<String> = (1..=101).map(|id| id.to_string()).collect();
    let mut too_many = vec![("action", "publish")];
    too_many.extend(many.iter().map(|id| ("story", id.as_str())));
    let cases: Vec<BadForm> = vec![
        (
            vec![("action", "delete"), ("story", "1")],
            "Choose what to do",
            "an unknown action",
        ),
        (
            vec![("action", "publish")],
            "Check at least one story",
            "nothing checked",
        ),
        (
            vec![("action", "publish"), ("story", "1; DROP TABLE stories")],
            "not one of the list",
            "SQL for an id",
        ),
        (
            vec![("action", "move"), ("story", "1"), ("section", "../..")],
            "Choose the section",
            "a path for a section",
        ),
        (too_many, "at most 100", "too many"),
    ];

    for (form, message, reason) in cases {
        let page = editor.post("/admin/stories/bulk", &form).await;

        assert_eq!(page.status, 400, "{reason}: {}", page.text);
        assert!(page.text.contains(message), "{reason}: {}", page.text);
    }
}
