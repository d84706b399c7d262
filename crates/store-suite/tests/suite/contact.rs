//! The contact form's storage contract: desks belong to their edition; a message is kept
//! with its email and the email's job in one transaction (or alone, without email); the
//! inbox filters and orders; marking and erasing write their audit lines, and erasing
//! takes the email with it.

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::{account, audit};

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

fn desk(name: &str, position: i64) -> DeskFields {
    DeskFields {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase()),
        position,
    }
}

fn message(edition_id: i64, desk: &Desk, text: &str, at: Timestamp) -> NewContactMessage {
    NewContactMessage {
        edition_id,
        desk_id: desk.id,
        desk_name: desk.name.clone(),
        name: "Ada \"<b>\" Lovelace".into(),
        email: "ada@example.org".into(),
        message: text.into(),
        ip: "203.0.113.9".into(),
        received_at: at,
    }
}

fn email(to: &str) -> NewEmail {
    NewEmail {
        kind: "contact".into(),
        recipient: to.into(),
        sender_name: "The Daily".into(),
        subject: "[News] Contact form".into(),
        text_body: "Hello".into(),
        html_body: "<p>Hello</p>".into(),
        headers: Vec::new(),
        subscriber_id: None,
    }
}

async fn desks_belong_to_their_edition_and_keep_their_order(store: &dyn Store) {
    let en = edition(store, "en").await;
    let other = edition(store, "tr").await;

    let letters = store
        .create_desk(en, &desk("Letters", 2), Some(&audit("desk.create")))
        .await
        .expect("create");
    store
        .create_desk(en, &desk("News", 1), None)
        .await
        .expect("create");
    let refused = store
        .update_desk(other, letters, &desk("Stolen", 1), &audit("desk.update"))
        .await;
    let not_removed = store
        .remove_desk(other, letters, &audit("desk.remove"))
        .await;
    store
        .update_desk(en, letters, &desk("Opinion", 3), &audit("desk.update"))
        .await
        .expect("update");

    let names: Vec<String> = store
        .desks(en)
        .await
        .expect("desks")
        .into_iter()
        .map(|desk| desk.name)
        .collect();
    assert_eq!(names, ["News", "Opinion"]);
    assert!(matches!(refused, Err(StoreError::NotFound)), "{refused:?}");
    assert!(matches!(not_removed, Err(StoreError::NotFound)));
    assert!(store.desks(other).await.expect("desks").is_empty());
    let log = store.audit_log(10, 0).await.expect("audit");
    assert_eq!(log.len(), 2, "create and update, not the refused ones");
}

async fn a_message_is_kept_with_its_email_and_the_inbox_filters_it(store: &dyn Store) {
    let en = edition(store, "en").await;
    let id = store
        .create_desk(en, &desk("News", 1), None)
        .await
        .expect("desk");
    let news = store.desks(en).await.expect("desks").remove(0);
    let now = Timestamp::from_second(Timestamp::now().as_second()).expect("now");
    let editor = account(store, "e@example.org".into(), "Eda".into(), Role::Editor).await;

    let first = store
        .receive_contact_message(&message(en, &news, "first", now), Some(&email(&news.email)))
        .await
        .expect("first");
    let later = now + SignedDuration::from_secs(60);
    let second = store
        .receive_contact_message(&message(en, &news, "second\nline", later), None)
        .await
        .expect("second");
    store
        .mark_contact_message(first, Some((editor, later)), &audit("contact.handled"))
        .await
        .expect("mark");

    let all = store.contact_messages(en, false, 10, 0).await.expect("all");
    let waiting = store
        .contact_messages(en, true, 10, 0)
        .await
        .expect("waiting");
    assert_eq!(
        all.iter().map(|m| m.id).collect::<Vec<_>>(),
        [second, first]
    );
    assert_eq!(waiting.iter().map(|m| m.id).collect::<Vec<_>>(), [second]);
    let read = store
        .contact_message(first)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.desk_id, Some(id));
    assert_eq!(read.name, "Ada \"<b>\" Lovelace");
    assert_eq!((read.received_at, read.handled_at), (now, Some(later)));
    assert_eq!(read.handled_by_name.as_deref(), Some("Eda"));
    assert_eq!(read.emailed, Some(false), "queued, not yet sent");
    assert_eq!(all[0].emailed, None, "no email without a mail server");
    assert_eq!(all[0].message, "second\nline");
    assert_eq!(
        store.unhandled_contact_counts().await.expect("counts"),
        [(en, 1)]
    );
    let job = store
        .claim_job(later, later + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("the email's job");
    let outgoing = store
        .outgoing_email(job.subject_id)
        .await
        .expect("email")
        .expect("there");
    assert_eq!(outgoing.recipient, "news@example.org");
    assert_eq!(
        outgoing.reply_to,
        Some(("Ada \"<b>\" Lovelace".into(), "ada@example.org".into()))
    );
    store
        .mark_contact_message(first, None, &audit("contact.unhandled"))
        .await
        .expect("unmark");
    assert_eq!(
        store
            .contact_messages(en, true, 10, 0)
            .await
            .expect("waiting")
            .len(),
        2
    );
    let missing = store
        .mark_contact_message(999_999, None, &audit("contact.unhandled"))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn erasing_a_message_takes_its_email_and_a_removed_desk_keeps_its_messages(
    store: &dyn Store,
) {
    let en = edition(store, "en").await;
    store
        .create_desk(en, &desk("News", 1), None)
        .await
        .expect("desk");
    let news = store.desks(en).await.expect("desks").remove(0);
    let now = Timestamp::now();
    let id = store
        .receive_contact_message(
            &message(en, &news, "erase me", now),
            Some(&email(&news.email)),
        )
        .await
        .expect("message");
    let kept = store
        .receive_contact_message(&message(en, &news, "keep me", now), None)
        .await
        .expect("message");
    let job = store
        .claim_job(now, now + SignedDuration::from_secs(60))
        .await
        .expect("claim")
        .expect("job");

    store
        .remove_desk(en, news.id, &audit("desk.remove"))
        .await
        .expect("remove");
    let erased = store
        .erase_contact_message(id, &audit("contact.erase"))
        .await
        .expect("erase");
    let again = store
        .erase_contact_message(id, &audit("contact.erase"))
        .await
        .expect("erase");

    assert!(erased && !again);
    assert!(store.contact_message(id).await.expect("read").is_none());
    assert!(
        store
            .outgoing_email(job.subject_id)
            .await
            .expect("email")
            .is_none()
    );
    let left = store
        .contact_message(kept)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!((left.desk_id, left.desk_name.as_str()), (None, "News"));
    let actions: Vec<String> = store
        .audit_log(10, 0)
        .await
        .expect("audit")
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    assert_eq!(actions.iter().filter(|a| *a == "contact.erase").count(), 1);
}

crate::on_both_backends!(
    desks_belong_to_their_edition_and_keep_their_order,
    a_message_is_kept_with_its_email_and_the_inbox_filters_it,
    erasing_a_message_takes_its_email_and_a_removed_desk_keeps_its_messages,
);
