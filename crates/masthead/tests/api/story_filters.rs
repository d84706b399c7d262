//! The newsroom story list's filters by author and date, its saved views, and what it says
//! to filter values it cannot read.

use jiff::Timestamp;
use store::Role;

use crate::helpers::spawn_app;

/// Today in the demo newsroom's timezone (Istanbul), as `YYYY-MM-DD`.
fn today_in_istanbul() -> String {
    let zone = jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone");
    Timestamp::now().to_zoned_datetime(zone).date().to_string()
}

#[tokio::test]
async fn the_story_list_filters_by_author() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let amal = app.desk(Role::Reporter).await;
    let bora = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    amal.create_story("Harbour story by Amal", section).await;
    bora.create_story("Market story by Bora", section).await;

    let list = editor
        .get(&format!("/admin/stories?author={}", amal.user_id))
        .await;

    assert_eq!(list.status, 200, "{}", list.text);
    assert!(list.text.contains("Harbour story by Amal"), "{}", list.text);
    assert!(!list.text.contains("market story"), "{}", list.text);
}

#[tokio::test]
async fn a_reporter_filtering_by_someone_else_sees_none_of_their_stories() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let amal = app.desk(Role::Reporter).await;
    let bora = app.desk(Role::Reporter).await;
    bora.create_story("Bora keeps this to herself", section)
        .await;

    let list = amal
        .get(&format!("/admin/stories?author={}", bora.user_id))
        .await;

    assert_eq!(list.status, 200);
    assert!(!list.text.contains("Bora keeps this"), "{}", list.text);
}

#[tokio::test]
async fn the_story_list_filters_by_local_date() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    editor.create_story("Written today", section).await;
    let today = today_in_istanbul();

    let on_the_day = editor
        .get(&format!("/admin/stories?from={today}&to={today}"))
        .await;
    let long_ago = editor
        .get("/admin/stories?from=2001-01-01&to=2001-12-31")
        .await;

    assert_eq!(on_the_day.status, 200, "{}", on_the_day.text);
    assert!(on_the_day.text.contains("Written today"));
    assert_eq!(on_the_day.attrs("#from", "value")[0], today);
    assert!(!long_ago.text.contains("Written today"));
    assert!(long_ago.text.contains("No stories match."));
}

#[tokio::test]
async fn saved_views_are_links_to_bookmarkable_filters() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    editor.create_story("My own draft", section).await;
    reporter.create_story("A reporter's draft", section).await;
    let live = editor.create_story("Out this morning", section).await;
    assert_eq!(editor.save(live, &[], "publish").await.status, 303);
    let list = editor.get("/admin/stories").await;
    let views = list.attrs(".nr-views a", "href");
    let labels = list.texts(".nr-views a");

    assert_eq!(
        labels,
        [
            "My drafts",
            "Waiting for review",
            "Scheduled",
            "Published today",
            "Waiting for review on my desks"
        ]
    );
    let drafts = editor.get(&views[0]).await;
    assert!(drafts.text.contains("My own draft"));
    assert!(!drafts.text.contains("reporter"), "{}", drafts.text);
    assert!(!drafts.text.contains("Out this morning"));
    let today = today_in_istanbul();
    assert_eq!(
        views[3],
        format!("/admin/stories?status=published&from={today}&to={today}")
    );
    let published = editor.get(&views[3]).await;
    assert!(published.text.contains("Out this morning"));
    assert!(!published.text.contains("My own draft"));
}

#[tokio::test]
async fn odd_duplicate_and_hostile_filter_values_get_a_message_not_an_error_page() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let cases = [
        ("status=live", "is not a state", "an unknown state"),
        (
            "author=1%20OR%201%3D1",
            "is not an author",
            "SQL in a number",
        ),
        (
            "from=2026-02-30",
            "is not a date",
            "a day that does not exist",
        ),
        ("to=..%2F..%2Fetc%2Fpasswd", "is not a date", "a path"),
        ("page=-1", "is not a page number", "a negative page"),
        (
            "section=1e9999",
            "is not a section",
            "an overflowing number",
        ),
        (
            "status=draft&status=published",
            "given twice",
            "a duplicate",
        ),
        (
            "from=2026-12-05&to=2026-12-01",
            "run backwards",
            "a backward range",
        ),
        (
            "from=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "&lt;script&gt;",
            "markup, escaped",
        ),
    ];

    for (query, message, reason) in cases {
        let page = editor.get(&format!("/admin/stories?{query}")).await;

        assert_eq!(page.status, 400, "{reason}: {}", page.text);
        assert!(page.text.contains(message), "{reason}: {}", page.text);
        assert!(!page.text.contains("<script>alert"), "{reason}");
    }
}
