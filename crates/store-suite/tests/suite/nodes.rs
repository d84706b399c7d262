//! What only PostgreSQL has to get right: several app nodes, each with its own pool, on
//! one database. Jobs are claimed once across nodes, a commit wakes the other nodes'
//! change followers (and a failed write wakes none), names sort in byte order even
//! where the database's collation would sort them otherwise, and the search index's copy
//! of a story's filters is not left behind by a change made while its terms are written.
//!
//! They use the server in `MASTHEAD_TEST_POSTGRES` (default: the local one). As in the rest
//! of the suite, when it cannot be reached each test says so on stderr and passes, unless
//! `MASTHEAD_REQUIRE_POSTGRES=1`, when it fails.

use std::collections::BTreeSet;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::{account, audit};
use store_postgres::PgStore;

use crate::concurrency::newsroom;
use crate::search::{found, query, rebuild, word};
use sqlx::{Connection, PgConnection};
use test_support::{ScratchDatabase, TemplateError, test_server};

/// A fresh migrated database, or none (said loudly) when no server answers.
async fn scratch() -> Option<ScratchDatabase> {
    skip_unreachable(ScratchDatabase::migrated(&test_server()).await)
}

/// A fresh empty database created with `options`, or none (said loudly) when no server
/// answers.
async fn scratch_with(options: &str) -> Option<ScratchDatabase> {
    let made = ScratchDatabase::create_with(&test_server(), options).await;
    skip_unreachable(made.map_err(TemplateError::from))
}

fn skip_unreachable(made: Result<ScratchDatabase, TemplateError>) -> Option<ScratchDatabase> {
    let server = test_server();
    match made {
        Ok(database) => Some(database),
        Err(error) if std::env::var_os("MASTHEAD_REQUIRE_POSTGRES").is_none() => {
            eprintln!("SKIPPED: PostgreSQL is not reachable at {server} ({error})");
            None
        }
        Err(error) => panic!("PostgreSQL is required but not reachable at {server}: {error}"),
    }
}

async fn node(database: &ScratchDatabase) -> PgStore {
    store_postgres::connect(database.url())
        .await
        .expect("connect")
}

/// Schedules `count` stories due a second ago.
async fn due_stories(store: &dyn Store, (edition, section): (i64, i64), count: usize) {
    let now = Timestamp::now();
    for number in 0..count {
        let story = store
            .create_story(&NewStory {
                edition_id: edition,
                status: StoryStatus::Draft,
                owner_id: None,
                published_at: None,
                updated_at: now,
                fields: StoryFields {
                    headline: format!("Story {number}"),
                    slug: format!("story-{number}"),
                    section_id: Some(section),
                    ..StoryFields::default()
                },
            })
            .await
            .expect("story");
        store
            .change_status(&StatusChange {
                story_id: StoryId(story),
                user_id: UserId(1),
                from: StoryStatus::Draft,
                to: StoryStatus::Scheduled,
                scheduled_at: Some(now - SignedDuration::from_secs(1)),
                at: now,
            })
            .await
            .expect("schedule");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn workers_on_two_nodes_claim_every_due_job_exactly_once() {
    let Some(database) = scratch().await else {
        return;
    };
    let (first, second) = (node(&database).await, node(&database).await);
    due_stories(&first, newsroom(&first).await, 20).await;
    let now = Timestamp::now();
    let lease = now + SignedDuration::from_secs(60);

    // Two workers per node, each claiming until nothing is due.
    let workers: Vec<_> = [&first, &first, &second, &second]
        .into_iter()
        .map(|node| {
            let node = node.clone();
            tokio::spawn(async move {
                let mut claimed = Vec::new();
                while let Some(job) = node.claim_job(now, lease).await.expect("claim") {
                    claimed.push(job.id);
                }
                claimed
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for worker in workers {
        claimed.extend(worker.await.expect("worker"));
    }

    let distinct: BTreeSet<i64> = claimed.iter().copied().collect();
    assert_eq!(claimed.len(), 20, "{claimed:?}");
    assert_eq!(distinct.len(), 20, "no job was claimed twice: {claimed:?}");
    assert_eq!(second.pending_jobs().await.expect("pending"), 20);
}

#[tokio::test]
async fn a_commit_on_one_node_wakes_the_others_follower_and_a_failed_write_does_not() {
    let Some(database) = scratch().await else {
        return;
    };
    let (follower, writer) = (node(&database).await, node(&database).await);
    let (edition, _) = newsroom(&writer).await;
    let mut listener = follower
        .change_listener()
        .await
        .expect("listen")
        .expect("PostgreSQL has a listener");
    let topic = NewTopic {
        edition_id: edition,
        slug: "elections".into(),
        name: "Elections".into(),
        description: String::new(),
    };

    writer
        .add_topic(&topic, &audit("topic.create"))
        .await
        .expect("topic");
    let woken = tokio::time::timeout(Duration::from_secs(5), listener.wait()).await;
    let twice = writer.add_topic(&topic, &audit("topic.create")).await;
    let woken_again = tokio::time::timeout(Duration::from_millis(500), listener.wait()).await;

    assert!(matches!(woken, Ok(Ok(()))), "{woken:?}");
    assert!(
        matches!(twice, Err(StoreError::Conflict(Constraint::TopicSlug))),
        "{twice:?}"
    );
    assert!(woken_again.is_err(), "a failed write notifies nobody");
    assert_eq!(follower.changes_since(0, 10).await.expect("log").len(), 1);
}

#[tokio::test]
async fn names_sort_in_byte_order_whatever_the_database_collation() {
    // A linguistic collation sorts "alice" and "Alice" together, before "bob"; SQLite, and
    // so every backend, sorts by bytes.
    let options = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'";
    let Some(database) = scratch_with(options).await else {
        return;
    };
    let store = node(&database).await;
    for (number, name) in ["bob", "Zoe", "alice", "Alice"].iter().enumerate() {
        account(
            &store,
            format!("{number}@example.org"),
            (*name).into(),
            Role::Reporter,
        )
        .await;
    }

    let users = store.users().await.expect("users");

    let names: Vec<&str> = users.iter().map(|user| user.name.as_str()).collect();
    assert_eq!(names, ["Alice", "Zoe", "alice", "bob"]);
}

/// A story's state changed by one node while another writes its terms for the first time:
/// the change's trigger finds no terms to copy its filters to, so the terms' own must
/// wait for the change and read it, or the search's copy keeps the old state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn terms_first_written_during_a_change_of_state_get_the_new_state() {
    let Some(database) = scratch().await else {
        return;
    };
    let store = node(&database).await;
    let (edition, section) = newsroom(&store).await;
    let story = store
        .create_story(&NewStory {
            edition_id: edition,
            status: StoryStatus::Draft,
            owner_id: None,
            published_at: None,
            updated_at: Timestamp::now(),
            fields: StoryFields {
                headline: "Elections draft".into(),
                slug: "elections".into(),
                section_id: Some(section),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story");
    let mut other_node = PgConnection::connect(database.url())
        .await
        .expect("connect");
    let mut change = other_node.begin().await.expect("begin");
    sqlx::query("UPDATE stories SET status = 'in_review' WHERE id = $1")
        .bind(story)
        .execute(&mut *change)
        .await
        .expect("change of state");

    let indexer = {
        let store = store.clone();
        tokio::spawn(async move { rebuild(&store).await })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    change.commit().await.expect("commit");
    indexer.await.expect("index");

    let in_review = SearchFilter {
        edition_id: Some(edition),
        statuses: vec![StoryStatus::InReview],
        ..SearchFilter::default()
    };
    let elections = query(vec![word("elections")], Vec::new());
    assert_eq!(
        found(&store, &elections, in_review, SearchOrder::Newest).await,
        vec![story]
    );
}
