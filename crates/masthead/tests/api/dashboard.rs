//! The dashboard's blocks: what is scheduled next (soonest first, in local time) and the
//! stories most changed today.

use jiff::{SignedDuration, Timestamp};
use store::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_dashboard_lists_what_is_scheduled_next_soonest_first_in_local_time() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let zone = jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone");
    let local = |days: i64| {
        zone.to_datetime(Timestamp::now() + SignedDuration::from_hours(24 * days))
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let later = editor.create_story("Due in a week", section).await;
    let sooner = editor.create_story("Due tomorrow", section).await;
    for (story, days) in [(later, 7), (sooner, 1)] {
        let saved = editor
            .save(story, &[("scheduled_at", &local(days))], "schedule")
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text);
    }

    let dashboard = editor.get("/admin").await;

    let block = dashboard.texts("#scheduled-title + table a");
    let tomorrow = block.iter().position(|text| text == "Due tomorrow");
    let week = block.iter().position(|text| text == "Due in a week");
    assert!(tomorrow < week && tomorrow.is_some(), "{block:?}");
    assert!(dashboard.text.contains("GMT+3</time>"));
}

#[tokio::test]
async fn the_dashboard_shows_the_stories_most_changed_today() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let busy = editor.create_story("Busy story", section).await;
    let quiet = editor.create_story("Quiet story", section).await;
    for take in 1..=3 {
        let headline = format!("Busy story, take {take}");
        let saved = editor.save(busy, &[("headline", &headline)], "save").await;
        assert_eq!(saved.status, 303, "{}", saved.text);
    }
    editor
        .save(quiet, &[("headline", "Quiet story, once")], "save")
        .await;

    let dashboard = editor.get("/admin").await;

    let changed = dashboard.texts(".nr-changed li");
    assert!(changed[0].starts_with("Busy story, take 3"), "{changed:?}");
    assert!(changed[0].contains("saves today"), "{changed:?}");
    let quiet_at = changed
        .iter()
        .position(|line| line.starts_with("Quiet story"));
    assert!(quiet_at.is_some_and(|at| at > 0), "{changed:?}");
}

#[tokio::test]
async fn a_reporter_sees_only_their_own_stories_among_the_most_changed() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    let theirs = editor.create_story("Not for the reporter", section).await;
    editor
        .save(
            theirs,
            &[("headline", "Not for the reporter, again")],
            "save",
        )
        .await;
    reporter.create_story("The reporter's piece", section).await;

    let dashboard = reporter.get("/admin").await;

    let changed = dashboard.texts(".nr-changed li");
    assert!(
        changed
            .iter()
            .all(|line| !line.contains("Not for the reporter")),
        "{changed:?}"
    );
    assert!(
        changed.iter().any(|line| line.contains("piece")),
        "{changed:?}"
    );
}
