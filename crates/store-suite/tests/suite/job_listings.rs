//! Job listings' storage contract: the newsroom's writes keep their fields (how to apply
//! included), refuse another edition's listing, write their audit line and log the
//! edition's `jobs` tag; the store names the editions whose listings reached their closing
//! time.

use jiff::{SignedDuration, Timestamp};
use store::*;

async fn edition(store: &dyn Store, code: &str) -> i64 {
    store
        .create_edition(&NewEdition {
            code: code.into(),
            name: code.into(),
            language: "en".into(),
            direction: Direction::Ltr,
            timezone: "UTC".into(),
            path_prefix: format!("/{code}"),
        })
        .await
        .expect("edition")
}

fn fields(title: &str, closes_at: Option<Timestamp>) -> JobFields {
    JobFields {
        title: title.into(),
        location: "Istanbul".into(),
        description: "Edit.\n\nWrite.".into(),
        employment_type: EmploymentType::Internship,
        closes_at,
        apply_url: "https://jobs.example.org/apply?role=intern".into(),
        apply_email: String::new(),
    }
}

fn audit(action: &str) -> NewAuditEntry {
    NewAuditEntry {
        user_id: None,
        action: action.into(),
        entity: "job".into(),
        entity_id: None,
        detail: String::new(),
    }
}

async fn listings_keep_their_fields_and_log_their_editions_jobs_tag(store: &dyn Store) {
    let en = edition(store, "en").await;
    let other = edition(store, "tr").await;
    let now = Timestamp::from_second(Timestamp::now().as_second()).expect("now");
    let closes = now + SignedDuration::from_hours(48);
    let before = store.last_change_id().await.expect("last");

    let job = NewJobListing {
        edition_id: en,
        posted_at: now,
        fields: fields("Intern", Some(closes)),
    };
    let id = store
        .create_job_listing(&job, Some(&audit("job.create")))
        .await
        .expect("create");

    let stored = store.job_listing(id).await.expect("read").expect("there");
    assert_eq!(stored.fields(), job.fields);
    assert_eq!((stored.posted_at, stored.closed_at), (now, None));
    assert_eq!(stored.closed_since(now), None);
    assert_eq!(stored.closed_since(closes), Some(closes));
    let changes = store.changes_since(before, 10).await.expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].tags, [CacheTag::Jobs(en)]);

    // The update rewrites how to apply too: by email now, not online.
    let renamed = JobFields {
        apply_url: String::new(),
        apply_email: "jobs@example.org".into(),
        ..fields("Senior intern", None)
    };
    store
        .update_job_listing(en, id, &renamed, &audit("job.update"))
        .await
        .expect("update");
    let refused = store
        .update_job_listing(other, id, &fields("Stolen", None), &audit("job.update"))
        .await;
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    let closed = store
        .close_job_listing(other, id, Some(now), &audit("job.close"))
        .await;
    assert!(matches!(closed, Err(StoreError::NotFound)), "{closed:?}");
    store
        .close_job_listing(en, id, Some(now), &audit("job.close"))
        .await
        .expect("close");

    let stored = store.job_listing(id).await.expect("read").expect("there");
    assert_eq!(stored.fields(), renamed);
    assert_eq!(stored.closed_at, Some(now));
    assert_eq!(stored.closed_since(now), Some(now));
    assert!(store.job_listings(other).await.expect("list").is_empty());
    assert_eq!(
        store
            .changes_since(before, 10)
            .await
            .expect("changes")
            .len(),
        3
    );
    let actions: Vec<String> = store
        .audit_log(10, 0)
        .await
        .expect("audit")
        .into_iter()
        .map(|line| line.action)
        .collect();
    assert_eq!(actions, ["job.close", "job.update", "job.create"]);
}

async fn the_store_names_editions_whose_listings_closed_in_a_window(store: &dyn Store) {
    let en = edition(store, "en").await;
    let other = edition(store, "tr").await;
    let now = Timestamp::now();
    let hour = SignedDuration::from_hours(1);
    for (edition_id, closes_at) in [(en, now + hour), (other, now + hour * 5)] {
        let job = NewJobListing {
            edition_id,
            posted_at: now,
            fields: fields("Reporter", Some(closes_at)),
        };
        store.create_job_listing(&job, None).await.expect("create");
    }

    let first = store
        .job_closings(now, now + hour * 2)
        .await
        .expect("closings");
    let both = store
        .job_closings(now, now + hour * 6)
        .await
        .expect("closings");
    let none = store
        .job_closings(now + hour, now + hour * 2)
        .await
        .expect("closings");

    assert_eq!(first, [en]);
    let mut both = both;
    both.sort();
    assert_eq!(both, [en, other]);
    assert!(none.is_empty(), "the window excludes its start");
}

crate::on_both_backends!(
    listings_keep_their_fields_and_log_their_editions_jobs_tag,
    the_store_names_editions_whose_listings_closed_in_a_window,
);
