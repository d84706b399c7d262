//! Newsletter issues' storage contract: an issue is planned once per list and time; a
//! composed issue goes to the confirmed, not bouncing subscribers only; recipients are
//! reserved so that two workers never take the same one, skipped when they left since,
//! and counted when the issue finishes; finished issues' rows are pruned, their counts kept.

use jiff::{SignedDuration, Timestamp};
use store::*;

async fn list(store: &dyn Store) -> (i64, i64) {
    let edition = crate::backend::english_edition(store).await;
    let list = store
        .create_newsletter(
            &NewNewsletter {
                edition_id: edition,
                slug: "daily".into(),
                name: "Daily".into(),
                description: String::new(),
                sender_name: "The Daily".into(),
                schedule: Schedule::Daily,
                send_time: "07:00".into(),
            },
            None,
        )
        .await
        .expect("list");
    (edition, list)
}

/// Subscribers `reader0@…`…: the first `confirmed` confirmed; returns their ids.
async fn subscribers(
    store: &dyn Store,
    edition: i64,
    list: i64,
    count: usize,
    confirmed: usize,
) -> Vec<i64> {
    let now = Timestamp::now();
    let mut ids = Vec::new();
    for n in 0..count {
        let email = format!("reader{n}@example.org");
        store
            .sign_up(&SignUp {
                email: &email,
                edition_id: edition,
                newsletter_ids: &[list],
                consent_text: "Yes.",
                ip: "192.0.2.1",
                at: now,
                new_link_key: &format!("key{n}"),
                confirmation_quiet_since: now,
            })
            .await
            .expect("sign up");
        let id = store
            .subscriber_by_email(&email)
            .await
            .expect("read")
            .expect("there")
            .id;
        if n < confirmed {
            store
                .confirm_subscriptions(id, now - SignedDuration::from_secs(60))
                .await
                .expect("confirm");
        }
        ids.push(id);
    }
    ids
}

fn issue(list: i64, planned: Option<i64>, stories: i64, at: Timestamp) -> NewIssue<'static> {
    NewIssue {
        newsletter_id: list,
        planned,
        subject: "Today",
        text_body: "text",
        html_body: "<p>html</p>",
        story_count: stories,
        at,
        job: None,
        audit: None,
    }
}

async fn an_issue_is_planned_once_per_time_and_composed_once(store: &dyn Store) {
    let (_, list) = list(store).await;
    let slot = Timestamp::from_second(1_800_000_000).expect("slot");
    let now = Timestamp::now();
    assert!(store.plan_issue(list, slot, now).await.expect("plan"));
    assert!(!store.plan_issue(list, slot, now).await.expect("again"));
    let job = store
        .claim_job(now, now + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("the compose job");
    assert_eq!(job.kind, "compose_issue");
    let planned = store
        .planned_issue(job.subject_id)
        .await
        .expect("read")
        .expect("planned");
    assert!(!planned.composed);
    assert_eq!(planned.previous_at, None);
    let composed = NewIssue {
        job: Some(&job),
        ..issue(list, Some(planned.id), 0, now)
    };
    assert_eq!(
        store.queue_issue(&composed).await.expect("compose"),
        (planned.id, 0)
    );
    // Composed once: a second run changes nothing.
    let again = NewIssue {
        subject: "Other",
        ..issue(list, Some(planned.id), 3, now)
    };
    store.queue_issue(&again).await.expect("again");
    let summaries = store.issue_summaries(list, 10).await.expect("summaries");
    assert_eq!(summaries.len(), 1);
    assert_eq!(summaries[0].subject, "Today");
    assert!(summaries[0].finished_at.is_some(), "nothing new: closed");
    assert_eq!(store.pending_jobs().await.expect("jobs"), 0);
}

async fn recipients_are_reserved_once_skipped_when_gone_and_counted(store: &dyn Store) {
    let (edition, list) = list(store).await;
    let ids = subscribers(store, edition, list, 6, 5).await;
    store
        .mark_bounced("reader4@example.org", false, Timestamp::now())
        .await
        .expect("bounce");
    let now = Timestamp::now();
    let (issue_id, recipients) = store
        .queue_issue(&issue(list, None, 2, now))
        .await
        .expect("queue");
    assert_eq!(recipients, 4, "confirmed and not bouncing");
    let content = store
        .issue_content(issue_id)
        .await
        .expect("read")
        .expect("composed");
    assert_eq!(content.html_body, "<p>html</p>");
    // Reader 3 leaves before their turn.
    store
        .keep_subscriptions(ids[3], &[], now)
        .await
        .expect("leave");
    let until = now + SignedDuration::from_secs(60);
    let first = store
        .claim_recipients(issue_id, now, until, 2)
        .await
        .expect("claim");
    let second = store
        .claim_recipients(issue_id, now, until, 10)
        .await
        .expect("claim");
    let emails = |batch: &[Subscriber]| batch.iter().map(|s| s.email.clone()).collect::<Vec<_>>();
    assert_eq!(
        emails(&first),
        ["reader0@example.org", "reader1@example.org"]
    );
    assert_eq!(
        emails(&second),
        ["reader2@example.org"],
        "reader 3 left: skipped"
    );
    assert!(
        store
            .claim_recipients(issue_id, now, until, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    // A reservation that ran out is taken again.
    let later = until + SignedDuration::from_secs(1);
    let retaken = store
        .claim_recipients(issue_id, later, later + SignedDuration::from_secs(60), 10)
        .await
        .expect("claim");
    assert_eq!(retaken.len(), 3);
    for (n, subscriber) in retaken.iter().enumerate() {
        let outcome = if n == 1 {
            SendOutcome::Failed("550 no such user")
        } else {
            SendOutcome::Sent
        };
        store
            .record_send(issue_id, subscriber.id, outcome, later)
            .await
            .expect("record");
    }
    let job = store
        .claim_job(later, later + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("the send job");
    assert_eq!(job.kind, "send_issue");
    assert!(store.defer_job(&job, later).await.expect("defer"));
    let job = store
        .claim_job(later, later + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("the send job again");
    assert!(store.finish_issue(&job, later).await.expect("finish"));
    let summary = &store.issue_summaries(list, 10).await.expect("summaries")[0];
    assert_eq!(
        (
            summary.recipients,
            summary.sent,
            summary.failed,
            summary.unsubscribed
        ),
        (4, 2, 1, 1)
    );
    // A month on, the per-recipient rows go; the counts stay.
    let month = Retention {
        changes_before: None,
        jobs_before: None,
        audit_before: None,
        form_posts_before: None,
        issue_sends_before: Some(later + SignedDuration::from_secs(1)),
    };
    assert_eq!(store.prune(&month).await.expect("prune").issue_sends, 4);
    let summary = &store.issue_summaries(list, 10).await.expect("summaries")[0];
    assert_eq!(
        (summary.recipients, summary.sent, summary.failed),
        (4, 2, 1)
    );
    assert_eq!(
        store.subscribers_at(list, later).await.expect("count"),
        4,
        "five confirmed, one left (bounces are not counted out)"
    );
}

crate::on_both_backends!(
    an_issue_is_planned_once_per_time_and_composed_once,
    recipients_are_reserved_once_skipped_when_gone_and_counted,
);
