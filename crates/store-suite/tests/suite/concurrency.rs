//! The storage contract under concurrent use, as several workers and app nodes make it:
//! a job is claimed once, one of two saves on the same revision wins, and change-log
//! followers miss nothing. Each test spawns tasks that share one store.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::{account, audit};

/// Seeds an edition, a section and one editor (id 1); returns (edition, section).
pub(crate) async fn newsroom(store: &dyn Store) -> (i64, i64) {
    let edition = crate::backend::english_edition(store).await;
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
    account(store, "ed@example.org".into(), "Ed".into(), Role::Editor).await;
    (edition, section)
}

/// The one account of the test newsroom.
const USER: i64 = 1;

async fn draft(store: &dyn Store, (edition, section): (i64, i64), slug: &str) -> i64 {
    store
        .create_story(&NewStory {
            edition_id: edition,
            status: StoryStatus::Draft,
            owner_id: None,
            published_at: None,
            updated_at: Timestamp::now(),
            fields: StoryFields {
                headline: slug.into(),
                slug: slug.into(),
                section_id: Some(section),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story")
}

async fn two_workers_claiming_one_due_job_get_it_once(store: Arc<dyn Store>) {
    let newsroom = newsroom(store.as_ref()).await;
    let now = Timestamp::now();
    let lease = now + SignedDuration::from_secs(60);

    // Each round adds one due job; the jobs of earlier rounds are leased and not due.
    for round in 0..10 {
        let story = draft(store.as_ref(), newsroom, &format!("story-{round}")).await;
        store
            .change_status(&StatusChange {
                story_id: StoryId(story),
                user_id: UserId(USER),
                from: StoryStatus::Draft,
                to: StoryStatus::Scheduled,
                scheduled_at: Some(now - SignedDuration::from_secs(1)),
                at: now,
            })
            .await
            .expect("schedule");
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let store = Arc::clone(&store);
                tokio::spawn(async move { store.claim_job(now, lease).await })
            })
            .collect();

        let mut claimed = Vec::new();
        for worker in workers {
            if let Some(job) = worker.await.expect("worker").expect("claim") {
                claimed.push(job);
            }
        }

        assert_eq!(claimed.len(), 1, "round {round}: {claimed:?}");
        assert_eq!(claimed[0].subject_id, story);
        assert_eq!(claimed[0].attempts, 1);
    }
}

fn save(story: i64, base: i64, headline: &str) -> StorySave {
    StorySave {
        story_id: StoryId(story),
        base_revision: base,
        user_id: UserId(USER),
        fields: StoryFields {
            headline: headline.into(),
            slug: "contested".into(),
            ..StoryFields::default()
        },
        redirect_from: None,
        then: None,
    }
}

async fn two_saves_on_one_revision_at_once_one_wins_and_the_other_conflicts(store: Arc<dyn Store>) {
    let newsroom = newsroom(store.as_ref()).await;
    let story = draft(store.as_ref(), newsroom, "contested").await;

    for base in 1..=5 {
        let savers: Vec<_> = ["left", "right"]
            .into_iter()
            .map(|who| {
                let store = Arc::clone(&store);
                let save = save(story, base, &format!("{who} {base}"));
                tokio::spawn(async move { store.save_story(&save).await })
            })
            .collect();

        let mut saved = Vec::new();
        let mut conflicts = 0;
        for saver in savers {
            match saver.await.expect("saver") {
                Ok(revision) => saved.push(revision),
                Err(StoreError::Conflict(Constraint::StoryRevision)) => {
                    conflicts += 1;
                }
                Err(error) => panic!("base {base}: unexpected {error:?}"),
            }
        }

        assert_eq!(saved, [base + 1], "base {base}");
        assert_eq!(conflicts, 1, "base {base}");
    }
    let current = store
        .newsroom_story(StoryId(story))
        .await
        .expect("read")
        .expect("story");
    assert_eq!(current.revision, 6);
    assert_eq!(
        store
            .revisions(StoryId(story))
            .await
            .expect("revisions")
            .len(),
        6
    );
}

/// Reads the log on from `after` the way a node's follower does; returns what it read.
async fn follow(store: &dyn Store, after: i64) -> Vec<i64> {
    let changes = store.changes_since(after, 1000).await.expect("changes");
    changes.iter().map(|change| change.id).collect()
}

async fn a_follower_reading_during_concurrent_writes_misses_no_change(store: Arc<dyn Store>) {
    let (edition, _) = newsroom(store.as_ref()).await;
    let writing = Arc::new(AtomicBool::new(true));
    let follower = {
        let store = Arc::clone(&store);
        let writing = Arc::clone(&writing);
        tokio::spawn(async move {
            let mut seen = Vec::new();
            let mut last = 0;
            loop {
                // Read the flag first: a read that starts after the writers are done
                // sees everything they wrote.
                let done = !writing.load(Ordering::SeqCst);
                let read = follow(store.as_ref(), last).await;
                last = read.last().copied().unwrap_or(last);
                seen.extend(read);
                if done {
                    return seen;
                }
                tokio::task::yield_now().await;
            }
        })
    };

    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                for topic in 0..10 {
                    let slug = format!("topic-{writer}-{topic}");
                    store
                        .add_topic(
                            &NewTopic {
                                edition_id: edition,
                                slug: slug.clone(),
                                name: slug,
                                description: String::new(),
                            },
                            &audit("topic.create"),
                        )
                        .await
                        .expect("topic");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.expect("writer");
    }
    writing.store(false, Ordering::SeqCst);
    let seen = follower.await.expect("follower");

    let all = follow(store.as_ref(), 0).await;
    assert_eq!(all.len(), 80, "every topic appended one change");
    assert!(
        all.windows(2).all(|pair| pair[0] < pair[1]),
        "ids are read in increasing order: {all:?}"
    );
    assert_eq!(
        seen, all,
        "the follower, reading on from the last id it saw, missed none"
    );
}

crate::on_both_backends_concurrently!(
    two_workers_claiming_one_due_job_get_it_once,
    two_saves_on_one_revision_at_once_one_wins_and_the_other_conflicts,
    a_follower_reading_during_concurrent_writes_misses_no_change,
);
