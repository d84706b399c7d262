//! The newsroom's storage contract: revisions refuse a stale base,
//! status moves log changes with the right tags, and a job runs exactly once.

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::account;

/// Seeds an edition, a section, a draft story and one editor; returns (story, section).
async fn newsroom(store: &dyn Store) -> (i64, i64) {
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
    account(store, "ed@example.org".into(), "Ed".into(), Role::Editor).await;
    (story, section)
}

/// The one account of the test newsroom.
const USER: i64 = 1;

fn save(story: i64, base: i64, headline: &str) -> StorySave {
    StorySave {
        story_id: StoryId(story),
        base_revision: base,
        user_id: UserId(USER),
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
        .newsroom_story(StoryId(story))
        .await
        .expect("read")
        .expect("story");
    assert_eq!(current.fields.headline, "Second");
    assert_eq!(
        store
            .revisions(StoryId(story))
            .await
            .expect("revisions")
            .len(),
        2
    );
}

async fn a_save_with_a_move_is_all_or_nothing(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let publish = |from| StatusChange {
        story_id: StoryId(story),
        user_id: UserId(USER),
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
        .newsroom_story(StoryId(story))
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
        .newsroom_story(StoryId(story))
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
    let section_list = StoryQuery::latest(1, StoryFilter::Section(section), 10);
    assert!(
        store.teasers(&section_list).await.expect("list").is_empty(),
        "a draft is in no list"
    );

    store
        .change_status(&StatusChange {
            story_id: StoryId(story),
            user_id: UserId(USER),
            from: StoryStatus::Draft,
            to: StoryStatus::Published,
            scheduled_at: None,
            at: Timestamp::now(),
        })
        .await
        .expect("publish");

    let listed = store.teasers(&section_list).await.expect("list");
    assert_eq!(
        listed.iter().map(|teaser| teaser.id).collect::<Vec<_>>(),
        [story],
        "published, it is in its section's list"
    );
    let changes = store.changes_since(before, 10).await.expect("changes");
    assert_eq!(changes.len(), 1);
    for tag in [
        CacheTag::Story(story),
        CacheTag::Section(section),
        CacheTag::Home(1),
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
            story_id: StoryId(story),
            user_id: UserId(USER),
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
        .newsroom_story(StoryId(story))
        .await
        .expect("read")
        .expect("story");
    assert_eq!(story.status, StoryStatus::Published);
}

async fn story_lists_filter_by_state_owner_edition_section_and_search_results(store: &dyn Store) {
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
    let list = |statuses: Vec<StoryStatus>, owner_id: Option<i64>| StoryListQuery {
        owner_id,
        statuses,
        limit: 10,
        ..StoryListQuery::default()
    };
    let ids = |summaries: Vec<StorySummary>| -> Vec<i64> {
        summaries.iter().map(|summary| summary.id).collect()
    };

    let all = store.story_summaries(&list(vec![], None)).await;
    let live = store
        .story_summaries(&list(vec![StoryStatus::Published], None))
        .await;
    let mine = store.story_summaries(&list(vec![], Some(USER))).await;
    let found = store
        .story_summaries(&StoryListQuery {
            ids: Some(vec![draft, published]),
            ..list(vec![], None)
        })
        .await;
    let in_section = store
        .story_summaries(&StoryListQuery {
            section_id: Some(section),
            ..list(vec![], None)
        })
        .await;
    let other_edition = store
        .story_summaries(&StoryListQuery {
            edition_id: Some(-1),
            ..list(vec![], None)
        })
        .await;

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
        ids(found.expect("found")),
        [draft, published],
        "a search's results keep its order"
    );
    assert_eq!(ids(in_section.expect("section")), [published, draft]);
    let other_section = store
        .story_summaries(&StoryListQuery {
            section_id: Some(-1),
            ..list(vec![], None)
        })
        .await;
    assert!(other_section.expect("section").is_empty());
    assert!(other_edition.expect("edition").is_empty());
}

async fn story_lists_filter_by_publication_date_or_last_save(store: &dyn Store) {
    let (draft, section) = newsroom(store).await;
    let now = Timestamp::now();
    let week_ago = now - SignedDuration::from_hours(24 * 7);
    let published_long_ago = store
        .create_story(&NewStory {
            edition_id: 1,
            status: StoryStatus::Published,
            owner_id: Some(USER),
            published_at: Some(week_ago),
            updated_at: now,
            fields: StoryFields {
                headline: "Edited today, published last week".into(),
                slug: "last-week".into(),
                section_id: Some(section),
                ..StoryFields::default()
            },
        })
        .await
        .expect("story");
    let dated = |from: Option<Timestamp>, before: Option<Timestamp>| StoryListQuery {
        dated_from: from,
        dated_before: before,
        limit: 10,
        ..StoryListQuery::default()
    };
    let day = SignedDuration::from_hours(24);

    let today = store.story_summaries(&dated(Some(now - day), None)).await;
    let older = store.story_summaries(&dated(None, Some(now - day))).await;
    let that_week = store
        .story_summaries(&dated(Some(week_ago - day), Some(week_ago + day)))
        .await;

    let ids = |list: Vec<StorySummary>| list.iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(today.expect("today")), [draft]);
    assert_eq!(ids(older.expect("older")), [published_long_ago]);
    assert_eq!(ids(that_week.expect("week")), [published_long_ago]);
}

async fn story_lists_order_by_due_time_or_by_saves_since_a_time(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let now = Timestamp::now();
    let fields = StoryFields {
        headline: "Saved twice".into(),
        ..StoryFields::default()
    };
    for base in [1, 2] {
        store
            .save_story(&StorySave {
                story_id: StoryId(story),
                base_revision: base,
                user_id: UserId(USER),
                fields: fields.clone(),
                redirect_from: None,
                then: None,
            })
            .await
            .expect("save");
    }
    let ordered = |order: StoryOrder| StoryListQuery {
        order,
        limit: 10,
        ..StoryListQuery::default()
    };

    let today = store
        .story_summaries(&ordered(StoryOrder::MostRevisedSince(
            now - SignedDuration::from_mins(1),
        )))
        .await
        .expect("today");
    let tomorrow = store
        .story_summaries(&ordered(StoryOrder::MostRevisedSince(
            now + SignedDuration::from_hours(24),
        )))
        .await
        .expect("tomorrow");
    let due = store
        .story_summaries(&ordered(StoryOrder::SoonestDue))
        .await
        .expect("due");

    assert_eq!(today.len(), 1);
    assert_eq!(
        (today[0].id, today[0].saves_since),
        (story, 3),
        "the first revision and two saves"
    );
    assert!(tomorrow.is_empty());
    assert_eq!(due[0].saves_since, 0);
}

async fn autosaves_keep_work_across_pings_and_presence_names_the_others(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let now = Timestamp::now();
    let work = StoryFields {
        headline: "Unsaved".into(),
        ..StoryFields::default()
    };

    store
        .autosave(StoryId(story), UserId(USER), 1, Some(&work), now)
        .await
        .expect("autosave");
    store
        .autosave(
            StoryId(story),
            UserId(USER),
            7,
            None,
            now + SignedDuration::from_secs(5),
        )
        .await
        .expect("ping");
    let kept = store
        .autosaved(StoryId(story), UserId(USER))
        .await
        .expect("read");
    let present = store
        .present_editors(StoryId(story), UserId(99), now)
        .await
        .expect("present");
    let alone = store
        .present_editors(StoryId(story), UserId(USER), now)
        .await
        .expect("present");
    store
        .clear_autosave(StoryId(story), UserId(USER))
        .await
        .expect("clear");
    let cleared = store
        .autosaved(StoryId(story), UserId(USER))
        .await
        .expect("read");

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
            story_id: StoryId(story),
            user_id: UserId(USER),
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

/// What the newsroom's writes are given to audit, by the test newsroom's account.
fn by_ed(action: &str) -> NewAuditEntry {
    NewAuditEntry {
        user_id: Some(USER),
        action: action.into(),
        entity: "topic".into(),
        entity_id: None,
        detail: "why".into(),
    }
}

async fn a_change_and_its_audit_line_are_written_together_or_not_at_all(store: &dyn Store) {
    let (_, section) = newsroom(store).await;
    let edition = store.editions().await.expect("editions")[0].id;
    let topic = NewTopic {
        edition_id: edition,
        slug: "economy".into(),
        name: "Economy".into(),
        description: String::new(),
    };
    let id = store
        .add_topic(&topic, &by_ed("topic.create"))
        .await
        .expect("topic");
    let taken = store.add_topic(&topic, &by_ed("topic.create")).await;
    let missing = store
        .remove_menu_item(edition, 9999, &by_ed("menu.remove"))
        .await;
    let owned = NewStory {
        edition_id: edition,
        status: StoryStatus::Draft,
        owner_id: Some(USER),
        published_at: None,
        updated_at: Timestamp::now(),
        fields: StoryFields {
            headline: "Owned".into(),
            slug: "owned".into(),
            section_id: Some(section),
            ..StoryFields::default()
        },
    };
    let story = store.create_story(&owned).await.expect("story");

    assert!(
        matches!(taken, Err(StoreError::Conflict(Constraint::TopicSlug))),
        "{taken:?}"
    );
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    let log = store.audit_log(10, 0).await.expect("audit log");
    let lines: Vec<_> = log
        .iter()
        .map(|line| {
            (
                line.action.as_str(),
                line.entity_id,
                line.user_name.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("story.create", Some(story), Some("Ed")),
            ("topic.create", Some(id), Some("Ed"))
        ]
    );
}

async fn pruning_removes_old_log_rows_but_never_the_newest_change(store: &dyn Store) {
    let (story, _) = newsroom(store).await;
    let edition = store.editions().await.expect("editions")[0].id;
    let now = Timestamp::now();
    let schedule = StatusChange {
        story_id: StoryId(story),
        user_id: UserId(USER),
        from: StoryStatus::Draft,
        to: StoryStatus::Scheduled,
        scheduled_at: Some(now - SignedDuration::from_secs(1)),
        at: now,
    };
    store.change_status(&schedule).await.expect("schedule");
    let lease = now + SignedDuration::from_secs(60);
    let job = store
        .claim_job(now, lease)
        .await
        .expect("claim")
        .expect("job");
    store.publish_scheduled(&job, now).await.expect("publish");
    let topic = NewTopic {
        edition_id: edition,
        slug: "later".into(),
        name: "Later".into(),
        description: String::new(),
    };
    store
        .add_topic(&topic, &by_ed("topic.create"))
        .await
        .expect("topic");
    let newest = store.last_change_id().await.expect("last change");
    let changes = store.changes_since(0, 100).await.expect("changes").len() as u64;
    let lines = store.audit_log(100, 0).await.expect("audit").len() as u64;
    let hour = SignedDuration::from_hours(1);
    let keep = |before: Timestamp, audit: Option<Timestamp>| Retention {
        changes_before: Some(before),
        jobs_before: Some(before),
        audit_before: audit,
        form_posts_before: Some(before),
        issue_sends_before: Some(before),
    };

    let nothing = store.prune(&keep(now - hour, Some(now - hour))).await;
    let logs = store.prune(&keep(now + hour, None)).await;
    let audit = store.prune(&keep(now + hour, Some(now + hour))).await;

    let pruned = |changes, jobs, audit_lines| Pruned {
        changes,
        jobs,
        audit_lines,
        form_posts: 0,
        issue_sends: 0,
    };
    assert_eq!(nothing.expect("prune"), pruned(0, 0, 0));
    assert_eq!(logs.expect("prune"), pruned(changes - 1, 1, 0));
    assert_eq!(audit.expect("prune"), pruned(0, 0, lines));
    let left = store.changes_since(0, 10).await.expect("changes");
    assert_eq!(left.iter().map(|c| c.id).collect::<Vec<_>>(), [newest]);
    assert!(store.audit_log(10, 0).await.expect("audit").is_empty());
    store
        .add_topic(
            &NewTopic {
                slug: "after".into(),
                ..topic
            },
            &by_ed("topic.create"),
        )
        .await
        .expect("topic");
    assert!(store.last_change_id().await.expect("last") > newest);
}

crate::on_both_backends!(
    pruning_removes_old_log_rows_but_never_the_newest_change,
    a_change_and_its_audit_line_are_written_together_or_not_at_all,
    operators_see_the_ping_the_pool_and_waiting_and_failed_jobs,
    a_save_on_a_stale_revision_is_a_conflict_and_changes_nothing,
    a_save_with_a_move_is_all_or_nothing,
    publishing_logs_a_change_tagged_with_the_story_its_section_and_home,
    a_due_job_is_claimed_once_and_a_lapsed_lease_cannot_finish_it,
    story_lists_filter_by_state_owner_edition_section_and_search_results,
    story_lists_filter_by_publication_date_or_last_save,
    story_lists_order_by_due_time_or_by_saves_since_a_time,
    autosaves_keep_work_across_pings_and_presence_names_the_others,
);
