//! Scheduled publishing: on time, exactly once, caught up after downtime, and an alert
//! when a schedule was missed.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use masthead::app::App;
use store::{Newsroom, Role, StatusChange, StoryStatus};

use crate::helpers::{TestApp, copy_of_demo, spawn_app};

async fn status_of(app: &TestApp, story: i64) -> StoryStatus {
    let store = app.store().await;
    store
        .newsroom_story(store::StoryId(story))
        .await
        .expect("read")
        .expect("story")
        .status
}

/// Schedules a published story of the demo for ten minutes ago, as if the server had
/// been down when it was due.
async fn schedule_in_the_past(store: &(impl Newsroom + ?Sized)) -> store::StorySummary {
    let query = store::StoryListQuery {
        statuses: vec![StoryStatus::Published],
        limit: 1,
        ..Default::default()
    };
    let story = store.story_summaries(&query).await.expect("list").remove(0);
    let change = StatusChange {
        story_id: store::StoryId(story.id),
        user_id: store::UserId(1),
        from: StoryStatus::Published,
        to: StoryStatus::Scheduled,
        scheduled_at: Some(Timestamp::now() - SignedDuration::from_mins(10)),
        at: Timestamp::now(),
    };
    store
        .change_status(&change)
        .await
        .expect("schedule in the past");
    story
}

#[tokio::test]
async fn a_scheduled_story_publishes_on_time_exactly_once() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Election results at nine", section)
        .await;
    let zone = jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone");
    let due = zone.to_datetime(Timestamp::now() + SignedDuration::from_secs(61));
    // datetime-local has minute precision: a minute and a bit ahead, rounded down.
    let local = due.strftime("%Y-%m-%dT%H:%M").to_string();

    let scheduled = editor
        .save(story, &[("scheduled_at", &local)], "schedule")
        .await;

    assert_eq!(scheduled.status, 303, "{}", scheduled.text);
    assert_eq!(status_of(&app, story).await, StoryStatus::Scheduled);
    let started = Instant::now();
    while status_of(&app, story).await != StoryStatus::Published {
        assert!(
            started.elapsed() < Duration::from_secs(75),
            "not published on time"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let store = app.store().await;
    assert_eq!(store.pending_jobs().await.expect("jobs"), 0);
    let log = store.audit_log(50, 0).await.expect("audit");
    assert_eq!(
        log.iter()
            .filter(|entry| entry.detail.contains("on schedule"))
            .count(),
        1
    );
}

#[tokio::test]
async fn a_schedule_that_passed_while_the_server_was_down_publishes_at_start() {
    let data = copy_of_demo().await;
    let config = data.config();
    let store = masthead::app::open_store(&config).await.expect("store");
    let story = schedule_in_the_past(&*store).await.id;
    store.close().await;

    let app = App::build(config.clone()).await.expect("build");
    tokio::spawn(app.run_until_stopped());

    let started = Instant::now();
    let store = masthead::app::open_store(&config).await.expect("store");
    loop {
        let status = store
            .newsroom_story(store::StoryId(story))
            .await
            .expect("read")
            .expect("story")
            .status;
        if status == StoryStatus::Published {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no catch-up at start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_missed_schedule_shows_as_an_alert_on_the_dashboard() {
    let data = copy_of_demo().await;
    let config = data.config();
    let store = masthead::app::open_store(&config).await.expect("store");
    let story = schedule_in_the_past(&*store).await;
    let now = Timestamp::now();
    // The job failed and will not be tried for an hour: the schedule is missed.
    let job = store
        .claim_job(now, now + SignedDuration::from_mins(1))
        .await
        .expect("claim")
        .expect("job");
    store
        .fail_job(&job, "disk full", now + SignedDuration::from_hours(1))
        .await
        .expect("fail");
    store.close().await;
    let app = crate::helpers::spawn_app_on(data).await;
    let editor = app.desk(Role::Editor).await;

    let dashboard = editor.get("/admin").await;

    assert!(
        dashboard
            .texts(".nr-alert h2")
            .contains(&"Missed schedules".to_string())
    );
    assert!(
        dashboard
            .texts(".nr-alert td a")
            .iter()
            .any(|text| text.contains(&story.headline))
    );
}
