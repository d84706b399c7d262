//! Several app nodes on one PostgreSQL database, each a real `masthead serve` process:
//! what one node does reaches the other's readers within a second, sessions work on
//! either, a scheduled story is published once, and a node killed mid-work loses nothing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use store::{Role, StatusChange, StoryStatus};

use crate::curation::section_id;
use crate::editor::{public_path, within};
use crate::helpers::{TestApp, TestData, spawn_node};

const SECOND: Duration = Duration::from_secs(1);

/// Two nodes serving the small demo from one scratch PostgreSQL database, or none when
/// PostgreSQL cannot be reached (see `TestData::empty_on_postgres`).
async fn two_nodes(settings: &[(&str, &str)]) -> Option<(TestApp, TestApp)> {
    let data = Arc::new(TestData::demo_on_postgres().await?);
    let a = spawn_node(&data, settings).await;
    let b = spawn_node(&data, settings).await;
    Some((a, b))
}

#[tokio::test]
async fn what_one_node_changes_the_other_serves_within_a_second() {
    let Some((a, b)) = two_nodes(&[]).await else {
        return;
    };
    let section = a.a_section_id().await;
    let editor = a.desk(Role::Editor).await;
    let story = editor
        .create_story("Ferry strike ends at dawn", section)
        .await;
    let path = public_path(&a, story).await;
    assert_eq!(b.get(&path).await.status, 404);
    assert_eq!(b.get("/").await.status, 200, "B has the home page cached");

    let published = editor.save(story, &[], "publish").await;

    assert_eq!(published.status, 303, "{}", published.text);
    within(&b, &path, SECOND, |status, _| status == 200).await;
    within(&b, "/", SECOND, |_, text| {
        text.contains("Ferry strike ends at dawn")
    })
    .await;
    // The session made on A works on B: this edit goes through B.
    let edited = editor
        .on(&b)
        .save(
            story,
            &[("headline", "Ferry strike ends, crossings resume")],
            "save",
        )
        .await;
    assert_eq!(edited.status, 303, "{}", edited.text);
    within(&a, &path, SECOND, |_, text| {
        text.contains("crossings resume")
    })
    .await;
    editor.save(story, &[], "unpublish").await;
    within(&b, &path, SECOND, |status, _| status == 404).await;
    let store = a.store().await;
    let world = section_id(&*store, "world").await;
    assert_eq!(b.get("/world").await.status, 200);
    let renamed = editor
        .post(
            &format!("/admin/sections/{world}?edition=1"),
            &[("name", "International"), ("slug", "international")],
        )
        .await;
    assert_eq!(renamed.status, 303, "{}", renamed.text);
    within(&b, "/world", SECOND, |status, _| status == 301).await;
    within(&b, "/international", SECOND, |status, _| status == 200).await;
}

/// Moves drafts to "scheduled", due at `due`, as the editor's schedule button does.
#[tokio::test]
async fn a_story_published_on_one_node_is_found_by_the_others_search_within_a_second() {
    let Some((a, b)) = two_nodes(&[]).await else {
        return;
    };
    let section = a.a_section_id().await;
    let editor = a.desk(Role::Editor).await;
    let story = editor
        .create_story("Quillmarsh ferries sail again", section)
        .await;
    let search = "/search?q=quillmarsh";
    // B answers (and keeps) the search before the story is out, twice to be sure.
    for _ in 0..2 {
        let page = b.get(search).await;
        assert_eq!(page.status, 200);
        assert!(page.texts(".result-headline a").is_empty(), "nothing yet");
    }

    let published = editor.save(story, &[], "publish").await;

    assert_eq!(published.status, 303, "{}", published.text);
    within(&b, search, SECOND, |_, text| {
        text.contains(">Quillmarsh ferries sail again<")
    })
    .await;
    let edited = editor
        .save(
            story,
            &[("headline", "Quillmarsh ferries cancelled")],
            "save",
        )
        .await;
    assert_eq!(edited.status, 303, "{}", edited.text);
    within(&b, search, SECOND, |_, text| {
        text.contains(">Quillmarsh ferries cancelled<") && !text.contains("sail again")
    })
    .await;
}

async fn schedule(app: &TestApp, stories: &[i64], due: Timestamp) {
    let store = app.store().await;
    for story in stories {
        store
            .change_status(&StatusChange {
                story_id: store::StoryId(*story),
                user_id: store::UserId(1),
                from: StoryStatus::Draft,
                to: StoryStatus::Scheduled,
                scheduled_at: Some(due),
                at: Timestamp::now(),
            })
            .await
            .expect("schedule");
    }
    store.close().await;
}

/// Waits until every story is published; panics after `limit`.
async fn all_published(app: &TestApp, stories: &[i64], limit: Duration) {
    let store = app.store().await;
    let started = Instant::now();
    loop {
        let mut waiting = 0;
        for story in stories {
            let current = store
                .newsroom_story(store::StoryId(*story))
                .await
                .expect("read");
            if current.expect("story").status != StoryStatus::Published {
                waiting += 1;
            }
        }
        if waiting == 0 {
            break;
        }
        assert!(
            started.elapsed() < limit,
            "{waiting} stories still unpublished after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    store.close().await;
}

/// How many times each story was published on schedule, from the audit log.
async fn scheduled_publishes(app: &TestApp, stories: &[i64]) -> Vec<usize> {
    let store = app.store().await;
    let log = store.audit_log(1000, 0).await.expect("audit");
    store.close().await;
    stories
        .iter()
        .map(|story| {
            log.iter()
                .filter(|entry| {
                    entry.entity_id == Some(*story) && entry.detail.contains("on schedule")
                })
                .count()
        })
        .collect()
}

#[tokio::test]
async fn a_story_scheduled_with_two_nodes_running_is_published_exactly_once() {
    let Some((a, b)) = two_nodes(&[]).await else {
        return;
    };
    let section = a.a_section_id().await;
    let editor = a.desk(Role::Editor).await;
    let mut stories = Vec::new();
    for number in 0..12 {
        stories.push(
            editor
                .create_story(&format!("Results round {number}"), section)
                .await,
        );
    }

    schedule(
        &a,
        &stories,
        Timestamp::now() + SignedDuration::from_secs(2),
    )
    .await;

    all_published(&b, &stories, Duration::from_secs(20)).await;
    assert_eq!(
        scheduled_publishes(&a, &stories).await,
        vec![1; stories.len()]
    );
    let store = b.store().await;
    assert_eq!(store.pending_jobs().await.expect("jobs"), 0);
}

#[tokio::test]
async fn a_node_killed_mid_publish_leaves_whole_stories_and_the_other_takes_its_jobs() {
    let Some((a, b)) = two_nodes(&[("job_lease_secs", "3")]).await else {
        return;
    };
    let section = a.a_section_id().await;
    let editor = a.desk(Role::Editor).await;
    let mut saved = Vec::new();
    for number in 0..10 {
        saved.push(
            editor
                .create_story(&format!("Draft {number}"), section)
                .await,
        );
    }
    let mut scheduled = Vec::new();
    for number in 0..10 {
        scheduled.push(
            editor
                .create_story(&format!("Timed {number}"), section)
                .await,
        );
    }
    // A job claimed by a node that then died: its lease must run out before anyone
    // else may run it.
    let store = a.store().await;
    schedule(&a, &scheduled, Timestamp::now()).await;
    let now = Timestamp::now();
    let orphan = store
        .claim_job(now, now + SignedDuration::from_secs(3))
        .await
        .expect("claim")
        .expect("a due job");
    store.close().await;

    // Publishes with a new body, sent to A all at once; A is killed while they run.
    let body = "Completely rewritten text. ".repeat(200);
    let mut forms = Vec::new();
    for story in &saved {
        let mut fields = editor.editor_fields(*story).await;
        fields.retain(|(name, _)| name != "headline" && name != "body");
        fields.push(("headline".into(), "Rewritten in full".into()));
        fields.push(("body".into(), body.clone()));
        fields.push(("action".into(), "publish".into()));
        fields.push(("csrf".into(), editor.csrf.clone()));
        forms.push((format!("/admin/stories/{story}"), fields));
    }
    let desk = &editor;
    let saves = forms.iter().map(|(path, fields)| async move {
        let form: Vec<(&str, &str)> = fields
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        // A save cut off by the kill gets no answer: that is expected here.
        desk.try_post(path, &form).await.ok()
    });
    let killer = async {
        tokio::time::sleep(Duration::from_millis(30)).await;
        a.kill();
    };
    let (answers, ()) = tokio::join!(futures_util::future::join_all(saves), killer);
    eprintln!(
        "{} of {} saves answered before the kill",
        answers.iter().flatten().count(),
        answers.len()
    );

    // B kept serving, and no story is half old, half new.
    assert_eq!(b.get("/").await.status, 200);
    let store = b.store().await;
    for story in &saved {
        let current = store
            .newsroom_story(store::StoryId(*story))
            .await
            .expect("read")
            .expect("story");
        let whole_new = current.status == StoryStatus::Published
            && current.fields.headline == "Rewritten in full";
        let whole_old =
            current.status == StoryStatus::Draft && current.fields.headline.starts_with("Draft ");
        assert!(
            whole_new || whole_old,
            "story {story} is half written: {current:?}"
        );
        assert_eq!(
            store
                .revisions(store::StoryId(*story))
                .await
                .expect("revisions")
                .len() as i64,
            current.revision,
            "one revision per save that committed"
        );
    }
    store.close().await;
    all_published(&b, &scheduled, Duration::from_secs(20)).await;
    assert_eq!(
        scheduled_publishes(&b, &scheduled).await,
        vec![1; scheduled.len()],
        "each scheduled story, the orphaned job's {} too, published once",
        orphan.subject_id
    );
}
