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
        then: None,
    }
}

async fn a_save_on_a_stale_revision_is_a_conflict_and_changes_nothing(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let saved = store.save_story(&save(story, 1, "Second")).await;
    let stale = store.save_story(&save(story, 1, "Stale")).await;

    assert_eq!(saved.expect("first save"), 2);
    assert!(
        matches!(stale, Err(StoreError::Conflict(Constraint::StoryRevision))),
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

async fn a_save_with_a_move_is_all_or_nothing(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let publish = |from| StatusChange {
        story_id: story,
        user_id: USER,
        from,
        to: StoryStatus::Published,
        scheduled_at: None,
        at: Timestamp::now(),
    };
    let refused = store
        .save_story(&StorySave {
            then: Some(publish(StoryStatus::Scheduled)),
            ..save(story, 1, "Refused")
        })
        .await;
    let unchanged = store
        .newsroom_story(story)
        .await
        .expect("read")
        .expect("story");
    let published = store
        .save_story(&StorySave {
            then: Some(publish(StoryStatus::Draft)),
            ..save(story, 1, "Published")
        })
        .await;
    let current = store
        .newsroom_story(story)
        .await
        .expect("read")
        .expect("story");

    assert!(
        matches!(refused, Err(StoreError::Conflict(Constraint::StoryStatus))),
        "{refused:?}"
    );
    assert_eq!(
        (unchanged.fields.headline.as_str(), unchanged.status),
        ("First", StoryStatus::Draft),
        "a refused move leaves the words unsaved too"
    );
    assert_eq!(published.expect("save and publish"), 2);
    assert_eq!(
        (current.fields.headline.as_str(), current.status),
        ("Published", StoryStatus::Published)
    );
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

async fn story_lists_filter_by_state_owner_and_headline_words(store: &dyn Store) {
    let (draft, section) = newsroom(store).await;
    let now = Timestamp::now();
    let published = store
        .create_story(&NewStory {
            edition_id: 1,
            status: StoryStatus::Published,
            owner_id: Some(USER),
            published_at: Some(now),
            updated_at: now + SignedDuration::from_secs(60),
            fields: StoryFields {
                headline: "Budget TALKS resume".into(),
                slug: "budget".into(),
                section_id: Some(section),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story");
    let list =
        |statuses: Vec<StoryStatus>, owner_id: Option<i64>, search: Option<&str>| StoryListQuery {
            owner_id,
            statuses,
            due_before: None,
            search: search.map(str::to_string),
            limit: 10,
            offset: 0,
        };
    let ids = |summaries: Vec<StorySummary>| -> Vec<i64> {
        summaries.iter().map(|summary| summary.id).collect()
    };

    let all = store.story_summaries(&list(vec![], None, None)).await;
    let live = store
        .story_summaries(&list(vec![StoryStatus::Published], None, None))
        .await;
    let mine = store.story_summaries(&list(vec![], Some(USER), None)).await;
    let talks = store
        .story_summaries(&list(vec![], None, Some("talks")))
        .await;
    let wildcard = store.story_summaries(&list(vec![], None, Some("%"))).await;

    assert_eq!(
        ids(all.expect("all")),
        [published, draft],
        "last saved first"
    );
    assert_eq!(ids(live.expect("live")), [published]);
    let mine = mine.expect("mine");
    assert_eq!(ids(mine.clone()), [published]);
    assert_eq!(mine[0].owner_name.as_deref(), Some("Ed"));
    assert_eq!(
        ids(talks.expect("talks")),
        [published],
        "ASCII case is ignored"
    );
    assert_eq!(
        ids(wildcard.expect("wildcard")).len(),
        2,
        "a % in the search is dropped, not a wildcard: the empty search finds all"
    );
}

async fn autosaves_keep_work_across_pings_and_presence_names_the_others(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let now = Timestamp::now();
    let work = StoryFields {
        headline: "Unsaved".into(),
        ..StoryFields::default()
    };

    store
        .autosave(story, USER, 1, Some(&work), now)
        .await
        .expect("autosave");
    store
        .autosave(story, USER, 7, None, now + SignedDuration::from_secs(5))
        .await
        .expect("ping");
    let kept = store.autosaved(story, USER).await.expect("read");
    let present = store
        .present_editors(story, 99, now)
        .await
        .expect("present");
    let alone = store
        .present_editors(story, USER, now)
        .await
        .expect("present");
    store.clear_autosave(story, USER).await.expect("clear");
    let cleared = store.autosaved(story, USER).await.expect("read");

    let kept = kept.expect("kept");
    assert_eq!(kept.fields, Some(work), "a ping keeps the work");
    assert_eq!(kept.base_revision, 1, "and the revision it started from");
    assert_eq!(kept.seen_at.as_second(), now.as_second() + 5);
    assert_eq!(present, ["Ed"]);
    assert!(alone.is_empty());
    assert_eq!(cleared.expect("still open").fields, None);
}

async fn operators_see_the_ping_the_pool_and_waiting_and_failed_jobs(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let now = Timestamp::now();
    let empty = store.job_counts().await.expect("counts");
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
    let waiting = store.job_counts().await.expect("counts");
    let job = store
        .claim_job(now, now + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("a due job");
    store
        .fail_job(
            &job,
            "the wire was down",
            now + SignedDuration::from_secs(30),
        )
        .await
        .expect("fail");

    let failed = store.job_counts().await.expect("counts");
    let pool = store.pool_use();

    store.ping().await.expect("the database answers");
    assert_eq!(empty, JobCounts::default());
    assert_eq!(
        waiting,
        JobCounts {
            waiting: 1,
            failed: 0
        }
    );
    assert_eq!(
        failed,
        JobCounts {
            waiting: 1,
            failed: 1
        }
    );
    assert!(
        pool.max >= 1 && pool.open <= pool.max && pool.idle <= pool.open,
        "{pool:?}"
    );
}

async fn the_audit_log_names_who_did_what_newest_first(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let before = Timestamp::now() - SignedDuration::from_secs(5);
    store
        .save_story(&save(story, 1, "Second"))
        .await
        .expect("save");
    store
        .change_status(&StatusChange {
            story_id: story,
            user_id: USER,
            from: StoryStatus::Draft,
            to: StoryStatus::InReview,
            scheduled_at: None,
            at: Timestamp::now(),
        })
        .await
        .expect("move");

    let log = store.audit_log(10, 0).await.expect("audit log");

    let lines: Vec<_> = log
        .iter()
        .map(|entry| {
            (
                entry.action.as_str(),
                entry.user_name.as_deref(),
                entry.entity.as_str(),
                entry.entity_id,
                entry.detail.as_str(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "story.status",
                Some("Ed"),
                "story",
                Some(story),
                "draft → in_review"
            ),
            ("story.save", Some("Ed"), "story", Some(story), "revision 2"),
        ]
    );
    assert!(log.iter().all(|entry| entry.at >= before), "{log:?}");
}

crate::on_both_backends!(
    operators_see_the_ping_the_pool_and_waiting_and_failed_jobs,
    a_save_on_a_stale_revision_is_a_conflict_and_changes_nothing,
    a_save_with_a_move_is_all_or_nothing,
    publishing_logs_a_change_tagged_with_the_story_its_section_and_home,
    a_due_job_is_claimed_once_and_a_lapsed_lease_cannot_finish_it,
    story_lists_filter_by_state_owner_and_headline_words,
    autosaves_keep_work_across_pings_and_presence_names_the_others,
    the_audit_log_names_who_did_what_newest_first,
);
