//! The newsroom's storage contract: revisions refuse a stale base,
//! status moves log changes with the right tags, and a job runs exactly once.

use jiff::{SignedDuration, Timestamp};
use store::*;

/// Seeds an edition, a section, a draft story and one editor; returns (story, section).
async fn newsroom(store: &dyn Store) -> (i64, i64) {
    let edition = store
        .create_edition(&NewEdition {
            code: "en".into(),
            name: "English".into(),
            language: "en".into(),
            direction: Direction::Ltr,
            timezone: "UTC".into(),
            path_prefix: String::new(),
        })
        .await
        .expect("edition");
    let section = store
        .create_section(&NewSection {
            edition_id: edition,
            parent_id: None,
            slug: "world".into(),
            name: "World".into(),
            description: String::new(),
            position: 0,
        })
        .await
        .expect("section");
    let story = store
        .create_story(&NewStory {
            edition_id: edition,
            status: StoryStatus::Draft,
            owner_id: None,
            published_at: None,
            updated_at: Timestamp::now(),
            fields: StoryFields {
                headline: "First".into(),
                slug: "first".into(),
                section_id: Some(section),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story");
    store
        .create_user(&NewUser {
            email: "ed@example.org".into(),
            name: "Ed".into(),
            role: Role::Editor,
            password_hash: "not-a-hash".into(),
            must_change_password: false,
            author_id: None,
        })
        .await
        .expect("user");
    (story, section)
}

/// The one account of the test newsroom.
const USER: i64 = 1;

fn save(story: i64, base: i64, headline: &str) -> StorySave {
    StorySave {
        story_id: story,
        base_revision: base,
        user_id: USER,
        fields: StoryFields {
            headline: headline.into(),
            slug: "first".into(),
            ..StoryFields::default()
        },
        redirect_from: None,
    }
}

async fn a_save_on_a_stale_revision_is_a_conflict_and_changes_nothing(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let saved = store.save_story(&save(story, 1, "Second")).await;
    let stale = store.save_story(&save(story, 1, "Stale")).await;

    assert_eq!(saved.expect("first save"), 2);
    assert!(
        matches!(stale, Err(StoreError::Conflict { ref constraint }) if constraint == "story_revision"),
        "{stale:?}"
    );
    let current = store
        .newsroom_story(story)
        .await
        .expect("read")
        .expect("story");
    assert_eq!(current.fields.headline, "Second");
    assert_eq!(store.revisions(story).await.expect("revisions").len(), 2);
}

async fn publishing_logs_a_change_tagged_with_the_story_its_section_and_home(store: &dyn Store) {
    let (story, section) = newsroom(store).await;
    let before = store.last_change_id().await.expect("last");

    store
        .change_status(&StatusChange {
            story_id: story,
            user_id: USER,
            from: StoryStatus::Draft,
            to: StoryStatus::Published,
            scheduled_at: None,
            at: Timestamp::now(),
        })
        .await
        .expect("publish");

    let changes = store.changes_since(before, 10).await.expect("changes");
    assert_eq!(changes.len(), 1);
    for tag in [
        format!("story:{story}"),
        format!("section:{section}"),
        "home:1".to_string(),
    ] {
        assert!(
            changes[0].tags.contains(&tag),
            "{tag} in {:?}",
            changes[0].tags
        );
    }
}

async fn a_due_job_is_claimed_once_and_a_lapsed_lease_cannot_finish_it(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let now = Timestamp::now();
    store
        .change_status(&StatusChange {
            story_id: story,
            user_id: USER,
            from: StoryStatus::Draft,
            to: StoryStatus::Scheduled,
            scheduled_at: Some(now - SignedDuration::from_secs(1)),
            at: now,
        })
        .await
        .expect("schedule");
    let lease = now + SignedDuration::from_secs(60);

    let (first, second) = tokio::join!(store.claim_job(now, lease), store.claim_job(now, lease));
    let job = first
        .expect("claim")
        .or(second.as_ref().ok().cloned().flatten())
        .expect("one claim");
    let later = now + SignedDuration::from_secs(120);
    let retaken = store
        .claim_job(later, later + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("lapsed lease");

    assert!(
        store
            .publish_scheduled(&retaken, later)
            .await
            .expect("publish")
    );
    assert!(
        !store
            .publish_scheduled(&job, later)
            .await
            .expect("stale finish"),
        "the old lease holder does nothing"
    );
    assert_eq!(store.pending_jobs().await.expect("pending"), 0);
    let story = store
        .newsroom_story(story)
        .await
        .expect("read")
        .expect("story");
    assert_eq!(story.status, StoryStatus::Published);
}

crate::on_both_backends!(
    a_save_on_a_stale_revision_is_a_conflict_and_changes_nothing,
    publishing_logs_a_change_tagged_with_the_story_its_section_and_home,
    a_due_job_is_claimed_once_and_a_lapsed_lease_cannot_finish_it,
);
