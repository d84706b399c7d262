//! Times in the newsroom: shown in the edition's timezone with the zone named (and UTC in
//! `<time datetime>` for machines), typed in the edition's timezone, and a local time that
//! a daylight-saving change skips or repeats refused with a message.

use store::Role;

use crate::helpers::{TestApp, copy_of_demo, spawn_app, spawn_app_on};

/// The demo newsroom with every edition working in London time (GMT in winter, GMT+1 in
/// summer).
async fn london_newsroom() -> TestApp {
    let data = copy_of_demo().await;
    data.execute("UPDATE editions SET timezone = 'Europe/London'");
    spawn_app_on(data).await
}

/// Schedules a new story at `local` (a `datetime-local` value) and checks that the list of
/// scheduled stories shows it as `shown`, with `utc` for machines.
async fn scheduled_shows_as(app: &TestApp, local: &str, utc: &str, shown: &str) {
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story(&format!("Due at {local}"), section)
        .await;

    let saved = editor
        .save(story, &[("scheduled_at", local)], "schedule")
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let list = editor.get("/admin/stories?status=scheduled").await.text;
    let time = format!(r#"<time datetime="{utc}">{shown}</time>"#);
    assert!(list.contains(&time), "{time} not in {list}");
}

#[tokio::test]
async fn a_london_schedule_in_summer_is_taken_and_shown_as_gmt_plus_one() {
    let app = london_newsroom().await;

    scheduled_shows_as(
        &app,
        "2027-07-01T09:00",
        "2027-07-01T08:00:00Z",
        "Jul 1, 2027 - 9:00 am GMT+1",
    )
    .await;
}

#[tokio::test]
async fn a_london_schedule_in_winter_is_taken_and_shown_as_gmt() {
    let app = london_newsroom().await;

    scheduled_shows_as(
        &app,
        "2027-01-15T09:00",
        "2027-01-15T09:00:00Z",
        "Jan 15, 2027 - 9:00 am GMT",
    )
    .await;
}

#[tokio::test]
async fn an_istanbul_schedule_is_taken_and_shown_as_gmt_plus_three() {
    let app = spawn_app().await;

    scheduled_shows_as(
        &app,
        "2027-01-15T09:00",
        "2027-01-15T06:00:00Z",
        "Jan 15, 2027 - 9:00 am GMT+3",
    )
    .await;
}

#[tokio::test]
async fn a_schedule_at_a_time_the_clocks_skip_or_repeat_is_refused_with_a_message() {
    let app = london_newsroom().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Clocks change", section).await;

    let skipped = editor
        .save(story, &[("scheduled_at", "2027-03-28T01:30")], "schedule")
        .await;
    let repeated = editor
        .save(story, &[("scheduled_at", "2027-10-31T01:30")], "schedule")
        .await;

    assert_ne!(skipped.status, 303);
    assert!(
        skipped
            .text
            .contains("28 Mar 2027, 01:30 does not exist in Europe/London"),
        "{}",
        skipped.text
    );
    assert_eq!(
        skipped.attrs("#scheduled_at", "value"),
        ["2027-03-28T01:30"],
        "the typed time comes back to be corrected"
    );
    assert_ne!(repeated.status, 303);
    assert!(
        repeated
            .text
            .contains("31 Oct 2027, 01:30 happens twice in Europe/London"),
        "{}",
        repeated.text
    );
    let list = editor.get("/admin/stories?status=scheduled").await;
    assert!(!list.text.contains("Clocks change"), "{}", list.text);
}

#[tokio::test]
async fn a_breaking_bar_ending_at_a_skipped_time_is_refused_with_a_message() {
    let app = london_newsroom().await;
    let editor = app.desk(Role::Editor).await;

    let refused = editor
        .post(
            "/admin/breaking",
            &[("text", "Storm warning"), ("expires", "2027-03-28T01:15")],
        )
        .await;
    let kept = editor
        .post(
            "/admin/breaking",
            &[("text", "Storm warning"), ("expires", "2027-07-01T18:00")],
        )
        .await;

    assert_ne!(refused.status, 303);
    assert!(refused.text.contains("does not exist"), "{}", refused.text);
    assert_eq!(kept.status, 303, "{}", kept.text);
    let bar = editor.get("/admin/breaking").await;
    assert!(
        bar.text.contains("Jul 1, 2027 - 6:00 pm GMT+1"),
        "{}",
        bar.text
    );
}

#[tokio::test]
async fn newsroom_pages_name_the_editions_zone_and_never_show_utc() {
    let app = spawn_app().await;
    let admin = app.desk(Role::Admin).await;
    let section = app.a_section_id().await;
    let story = admin.create_story("Times shown", section).await;
    admin
        .save(story, &[("headline", "Times shown again")], "save")
        .await;

    for path in [
        "/admin".to_string(),
        "/admin/stories".to_string(),
        format!("/admin/stories/{story}/revisions"),
        "/admin/audit".to_string(),
        "/admin/users".to_string(),
    ] {
        let page = admin.get(&path).await;

        assert_eq!(page.status, 200, "{path}");
        assert!(
            !page.text.contains("UTC"),
            "{path} shows UTC: {}",
            page.text
        );
        assert!(page.text.contains("GMT+3</time>"), "{path}: {}", page.text);
        for iso in page.attrs("time", "datetime") {
            assert!(iso.ends_with('Z'), "{path}: {iso} is not UTC");
        }
    }
}
