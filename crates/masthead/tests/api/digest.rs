//! Newsletter issues as subscribers and the newsroom meet them, over a real SMTP server:
//! a digest sent now reaches each confirmed subscriber once with their own one-click
//! unsubscribe; preview and test send; the breaking-news bar emailed; a list's scheduled
//! time; a send the mail server interrupts resumes without sending anyone a copy twice.

use std::collections::HashMap;
use std::time::Duration;

use jiff::Timestamp;
use store::{Role, SignUp, Store};

use crate::curation::section_id;
use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app_with};
use crate::smtp::{Received, SmtpSink};

async fn app_with_email(lease_secs: u64) -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(|config| {
        sink.configure(config);
        config.email.rate = 1000;
        config.job_lease_secs = lease_secs;
    })
    .await;
    (app, sink)
}

fn store(app: &TestApp) -> std::sync::Arc<dyn Store> {
    app.state.as_ref().expect("state").store.clone()
}

/// The English edition's list with this slug.
async fn list_id(app: &TestApp, slug: &str) -> i64 {
    let store = store(app);
    let edition = store.editions().await.expect("editions")[0].id;
    store
        .newsletters(edition)
        .await
        .expect("lists")
        .into_iter()
        .find(|list| list.slug == slug)
        .expect("the demo's list")
        .id
}

/// Subscribers of a list, confirmed unless `confirmed` is false.
async fn subscribe(app: &TestApp, list: i64, emails: &[String], confirmed: bool) {
    let store = store(app);
    let edition = store.editions().await.expect("editions")[0].id;
    for (n, email) in emails.iter().enumerate() {
        let now = Timestamp::now();
        store
            .sign_up(&SignUp {
                email,
                edition_id: edition,
                newsletter_ids: &[list],
                consent_text: "I agree.",
                ip: "192.0.2.1",
                at: now,
                new_link_key: &format!("key-{email}-{n}"),
                confirmation_quiet_since: now,
            })
            .await
            .expect("sign up");
        if confirmed {
            let subscriber = store
                .subscriber_by_email(email)
                .await
                .expect("read")
                .expect("subscriber");
            store
                .confirm_subscriptions(subscriber.id, now)
                .await
                .expect("confirm");
        }
    }
}

/// Publishes a story now, in a section.
async fn publish(editor: &Desk<'_>, app: &TestApp, headline: &str) {
    let section = section_id(store(app).as_ref(), "world").await;
    let id = editor.create_story(headline, section).await;
    let page = editor.save(id, &[], "publish").await;
    assert_eq!(page.status, 303, "{}", page.text);
}

fn addresses(prefix: &str, count: usize) -> Vec<String> {
    (0..count)
        .map(|n| format!("{prefix}{n}@example.org"))
        .collect()
}

/// The copies of the list's newest issue (the clock may have sent an issue of its own
/// when a test runs just after a list's time).
async fn copies_of_newest(app: &TestApp, list: i64, received: Vec<Received>) -> Vec<Received> {
    let newest = store(app).issue_summaries(list, 1).await.expect("issues")[0].id;
    let prefix = format!("<issue-{newest}-");
    received
        .into_iter()
        .filter(|message| message.header("Message-ID")[0].starts_with(&prefix))
        .collect()
}

/// How many copies each address received.
fn per_recipient(received: &[Received]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for message in received {
        for to in &message.rcpt_tos {
            *counts.entry(to.clone()).or_insert(0) += 1;
        }
    }
    counts
}

/// Waits until the list's page shows its latest issue done.
async fn wait_until_sent(editor: &Desk<'_>, list: i64) -> Vec<String> {
    for _ in 0..200 {
        let page = editor.get(&format!("/admin/newsletters/{list}")).await;
        let rows = page.texts("#sends-title + table tbody tr");
        if rows.first().is_some_and(|row| row.ends_with("done")) {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the issue was not sent within 40 s");
}

#[tokio::test]
async fn a_digest_reaches_each_confirmed_subscriber_once_with_their_own_way_out() {
    let (app, sink) = app_with_email(60).await;
    let list = list_id(&app, "daily").await;
    let readers = addresses("reader", 5);
    subscribe(&app, list, &readers, true).await;
    subscribe(&app, list, &["waiting@example.org".to_string()], false).await;
    let editor = app.desk(Role::Editor).await;
    publish(&editor, &app, "Harbour reopens after the storm <b>").await;

    let sent = editor
        .post(&format!("/admin/newsletters/{list}/send"), &[])
        .await;
    assert_eq!(sent.status, 303, "{}", sent.text);
    let rows = wait_until_sent(&editor, list).await;
    assert!(rows[0].contains(" 5 5 0 0 done"), "{rows:?}");
    sink.wait_for(5).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let received = copies_of_newest(&app, list, sink.received()).await;
    let counts = per_recipient(&received);
    assert_eq!(counts.len(), 5, "{counts:?}");
    assert!(counts.values().all(|&n| n == 1), "{counts:?}");
    assert!(!counts.contains_key("waiting@example.org"));

    let first = &received[0];
    let subject = first.header("Subject")[0];
    assert!(subject.starts_with("The Daily Briefing | "), "{subject}");
    let html = first.html.as_deref().expect("HTML part");
    let text = first.text.as_deref().expect("text part");
    assert!(
        html.contains("Harbour reopens after the storm &lt;b&gt;"),
        "{html}"
    );
    assert!(
        text.contains("Harbour reopens after the storm <b>"),
        "{text}"
    );
    assert!(!html.contains("masthead.invalid") && !text.contains("masthead.invalid"));
    assert_eq!(
        first.header("List-Unsubscribe-Post"),
        ["List-Unsubscribe=One-Click"]
    );
    assert!(first.header("Message-ID")[0].starts_with("<issue-"));
    assert!(first.header("List-Id")[0].contains("daily.en."));
    // Each copy carries its own reader's link, and it works with one click (RFC 8058).
    let links: Vec<&str> = received
        .iter()
        .map(|message| message.header("List-Unsubscribe")[0])
        .collect();
    let mut distinct = links.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 5);
    let link = links[0].trim_matches(['<', '>']);
    let base = app.state.as_ref().expect("state").base_url.clone();
    let local = link.replacen(&base, &app.address, 1);
    assert!(
        text.contains(link),
        "the visible link is the header's: {text}"
    );
    let left = app
        .client
        .post(&local)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .expect("one-click");
    assert!(left.status().is_success(), "{}", left.status());
    let rows = wait_until_sent(&editor, list).await;
    assert!(
        rows[0].contains(" 5 5 0 1 done"),
        "one unsubscribed: {rows:?}"
    );

    // Nothing new since: nothing is sent.
    let again = editor
        .post(&format!("/admin/newsletters/{list}/send"), &[])
        .await;
    assert!(again.location().ends_with("notice=nothing-new"));
}

#[tokio::test]
async fn the_newsroom_previews_tests_edits_and_emails_the_breaking_bar() {
    let (app, sink) = app_with_email(60).await;
    let list = list_id(&app, "daily").await;
    let editor = app.desk(Role::Editor).await;
    publish(&editor, &app, "Council votes on the new bridge").await;

    let preview = editor
        .get(&format!("/admin/newsletters/{list}/preview"))
        .await;
    assert_eq!(preview.status, 200);
    assert!(preview.text.contains("Council votes on the new bridge"));
    // The Arabic edition's lists read right to left, in Arabic.
    let store = store(&app);
    let arabic = store.editions().await.expect("editions")[1].id;
    let arabic_daily = store.newsletters(arabic).await.expect("lists")[0].id;
    let arabic_preview = editor
        .get(&format!("/admin/newsletters/{arabic_daily}/preview"))
        .await;
    assert!(
        arabic_preview
            .text
            .contains(r#"<html lang="ar" dir="rtl">"#)
    );
    assert!(
        arabic_preview
            .text
            .contains("تصلك هذه الرسالة لأنك اشتركت في")
    );
    let text = editor
        .get(&format!("/admin/newsletters/{list}/preview?part=text"))
        .await;
    assert_eq!(text.headers["content-type"], "text/plain; charset=utf-8");
    let test = editor
        .post(
            &format!("/admin/newsletters/{list}/test"),
            &[("email", "desk@example.org")],
        )
        .await;
    assert_eq!(test.status, 303, "{}", test.text);
    let received = sink.wait_for(1).await;
    assert_eq!(received[0].rcpt_tos, ["desk@example.org"]);
    assert!(received[0].header("Subject")[0].starts_with("[TEST] The Daily Briefing"));
    let bad = editor
        .post(
            &format!("/admin/newsletters/{list}/test"),
            &[("email", "nope")],
        )
        .await;
    assert_eq!(bad.status, 400);

    // Settings: hostile input is refused or kept as text.
    let save = |name: &'static str, time: &'static str| {
        let editor = &editor;
        async move {
            editor
                .post(
                    &format!("/admin/newsletters/{list}"),
                    &[
                        ("name", name),
                        ("description", "Morning <script>alert(1)</script>"),
                        ("sender_name", "The Desk"),
                        ("schedule", "daily"),
                        ("send_time", time),
                    ],
                )
                .await
        }
    };
    assert_eq!(save("Morning", "25:99").await.status, 400);
    assert_eq!(save("", "06:30").await.status, 400);
    assert_eq!(save("Morning <i>Briefing</i>", "06:30").await.status, 303);
    let page = editor.get(&format!("/admin/newsletters/{list}")).await;
    assert!(page.text.contains("Morning &lt;i&gt;Briefing&lt;/i&gt;"));
    assert!(!page.text.contains("<script>alert(1)"));
    let reporter = app.desk(Role::Reporter).await;
    assert_eq!(
        reporter
            .post(&format!("/admin/newsletters/{list}/send"), &[])
            .await
            .status,
        403
    );

    // A new list, offered to readers at once.
    let add = |name: &'static str| {
        let editor = &editor;
        async move {
            editor
                .post(
                    "/admin/newsletters",
                    &[
                        ("name", name),
                        ("description", "Scores and stories."),
                        ("sender_name", "Sports desk"),
                        ("schedule", "weekly"),
                        ("send_time", "09:00"),
                    ],
                )
                .await
        }
    };
    let added = add("Sports Weekly").await;
    assert_eq!(added.status, 303, "{}", added.text);
    assert!(added.location().ends_with("?notice=created"));
    assert_eq!(
        add("Sports Weekly").await.status,
        400,
        "the same name twice"
    );
    assert_eq!(
        add("<>").await.status,
        400,
        "no name left to make a short name of"
    );
    let signup = app.get("/newsletter").await;
    assert!(signup.text.contains("Sports Weekly"), "{}", signup.text);

    // The breaking bar, emailed to the breaking-news list's subscribers.
    let breaking = list_id(&app, "breaking").await;
    let readers = addresses("alert", 3);
    subscribe(&app, breaking, &readers, true).await;
    let none = editor.post("/admin/breaking/email", &[]).await;
    assert_eq!(none.status, 400, "no bar showing yet");
    let until = (Timestamp::now() + jiff::SignedDuration::from_hours(2))
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone"))
        .strftime("%Y-%m-%dT%H:%M")
        .to_string();
    let set = editor
        .post(
            "/admin/breaking",
            &[
                ("text", "Earthquake felt across the city"),
                ("url", "/world"),
                ("expires", &until),
            ],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.text);
    let page = editor.get("/admin/breaking").await;
    assert!(page.text.contains("Email it to the breaking-news list"));
    let emailed = editor.post("/admin/breaking/email", &[]).await;
    assert_eq!(emailed.status, 303, "{}", emailed.text);
    let received = sink.wait_for(4).await;
    let alerts: Vec<&Received> = received
        .iter()
        .filter(|message| message.rcpt_tos[0].starts_with("alert"))
        .collect();
    assert_eq!(alerts.len(), 3);
    assert_eq!(
        alerts[0].header("Subject")[0],
        "Breaking news: Earthquake felt across the city"
    );
    assert!(alerts[0].text.as_deref().expect("text").contains("/world"));
}

#[tokio::test]
async fn a_list_is_sent_at_its_time_once_and_a_send_cut_off_resumes() {
    let (app, sink) = app_with_email(2).await;
    let list = list_id(&app, "daily").await;
    let readers = addresses("early", 120);
    subscribe(&app, list, &readers, true).await;
    let editor = app.desk(Role::Editor).await;
    publish(&editor, &app, "Ferries run again").await;
    // Due a minute ago in the edition's time zone: the clock plans it within seconds.
    let due = (Timestamp::now() - jiff::SignedDuration::from_mins(1))
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone"))
        .strftime("%H:%M")
        .to_string();
    let saved = editor
        .post(
            &format!("/admin/newsletters/{list}"),
            &[
                ("name", "The Daily Briefing"),
                ("description", "Every morning."),
                ("sender_name", "The Daily"),
                ("schedule", "daily"),
                ("send_time", &due),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    // The mail server goes away once part of the list has been sent, then comes back.
    let mut sink = sink;
    let mut seen = 0;
    for _ in 0..300 {
        seen = sink.received().len();
        if seen >= 10 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(seen >= 10, "the scheduled issue did not start within 30 s");
    sink.stop();
    tokio::time::sleep(Duration::from_secs(3)).await;
    sink.restart().await;
    let rows = wait_until_sent(&editor, list).await;
    assert!(rows[0].contains(" 120 120 0 0 done"), "{rows:?}");
    let received = copies_of_newest(&app, list, sink.received()).await;
    let counts = per_recipient(&received);
    assert_eq!(counts.len(), 120, "everyone got it");
    // A copy the server took just as it was stopped may be sent again (the app never heard
    // the answer); only those, with the same Message-ID, at most one a connection.
    let twice: Vec<&String> = counts
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(to, _)| to)
        .collect();
    assert!(twice.len() <= 16, "sent twice: {twice:?}");
    for to in twice {
        let mut ids: Vec<&str> = received
            .iter()
            .filter(|message| &message.rcpt_tos[0] == to)
            .map(|message| message.header("Message-ID")[0])
            .collect();
        ids.dedup();
        assert_eq!(ids.len(), 1, "a copy sent again keeps its Message-ID");
    }
}
