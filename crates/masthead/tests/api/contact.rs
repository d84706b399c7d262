//! The contact form as readers and the newsroom meet it: a message reaches its desk over a
//! real SMTP server and waits in the newsroom's inbox; nothing is lost while the mail
//! server is down or not configured; the bot checks, limits and bad input; desks and
//! erasure for admins.

use std::time::{Duration, Instant};

use masthead::config::Secret;
use store::Role;

use crate::helpers::{Page, TestApp, spawn_app, spawn_app_with};
use crate::smtp::SmtpSink;

/// The least time the app wants between opening the form and sending it, and a margin.
const FILL_TIME: Duration = Duration::from_millis(2200);

/// The form of an edition: its challenge (no work asked) and desks `(id, name)`.
async fn open_form(app: &TestApp, prefix: &str) -> (String, Vec<(String, String)>) {
    let page = app.get(&format!("{prefix}/contact")).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.headers["cache-control"], "no-store");
    let challenge = page
        .attrs(".contact-form input[name=challenge]", "value")
        .pop()
        .expect("a challenge");
    let ids = page.attrs("select[name=desk] option", "value");
    let names = page.texts("select[name=desk] option");
    let desks = ids.into_iter().zip(names).skip(1).collect();
    (challenge, desks)
}

/// Posts a message with every field given.
async fn send(app: &TestApp, prefix: &str, fields: &[(&str, &str)]) -> Page {
    app.post_form(&format!("{prefix}/contact"), fields).await
}

/// The fields of a good message to a desk.
fn message<'a>(challenge: &'a str, desk: &'a str, text: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Ada Lovelace"),
        ("email", " Ada@Example.org "),
        ("desk", desk),
        ("message", text),
        ("challenge", challenge),
        ("nonce", ""),
        ("website", ""),
    ]
}

async fn stored(app: &TestApp, edition_id: i64) -> Vec<store::ContactMessage> {
    let store = &app.state.as_ref().expect("state").store;
    store
        .contact_messages(edition_id, false, 100, 0)
        .await
        .expect("messages")
}

#[tokio::test]
async fn a_message_reaches_its_desk_by_email_and_an_editor_marks_it_handled() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(|config| sink.configure(config)).await;
    let (challenge, desks) = open_form(&app, "").await;
    let names: Vec<&str> = desks.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "News desk",
            "Corrections",
            "Letters to the editor",
            "Advertising"
        ]
    );
    tokio::time::sleep(FILL_TIME).await;

    let text = "Hello,\r\n\r\nthe date in your story is wrong: it was 1843.";
    let sent = send(&app, "", &message(&challenge, &desks[1].0, text)).await;

    assert_eq!(sent.status, 303, "{}", sent.text);
    assert_eq!(sent.location(), "/contact/sent");
    let thanks = app.get("/contact/sent").await;
    assert!(thanks.text.contains("Thank you for your message"));
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.rcpt_tos, ["corrections@example.org"]);
    assert_eq!(mail.header("Reply-To"), ["Ada Lovelace <ada@example.org>"]);
    assert!(mail.header("From")[0].ends_with("<news@daily.example>"));
    assert!(mail.header("Subject")[0].contains("[Corrections]"));
    let body = mail.text.as_deref().expect("a plain-text part");
    let body = body.replace("\r\n", "\n");
    assert!(body.contains("Ada Lovelace <ada@example.org>"), "{body}");
    assert!(body.contains("Hello,\n\nthe date in your story is wrong: it was 1843."));
    assert!(mail.html.as_deref().expect("html").contains("it was 1843."));

    let reporter = app.desk(Role::Reporter).await;
    assert_eq!(reporter.get("/admin/contact").await.status, 403);
    assert!(
        reporter
            .get("/admin")
            .await
            .texts(".contact-waiting")
            .is_empty()
    );
    let editor = app.desk(Role::Editor).await;
    assert_eq!(
        editor.get("/admin").await.texts(".contact-waiting"),
        ["Readers' messages: 1 not handled yet"]
    );
    let inbox = editor.get("/admin/contact").await;
    assert_eq!(inbox.status, 200, "{}", inbox.text);
    let link = inbox.attrs(".contact-inbox a", "href").remove(0);
    let page = editor.get(&link).await;
    assert!(page.text.contains("the date in your story is wrong"));
    assert_eq!(page.texts(".contact-state"), ["Waiting"]);
    assert!(
        editor
            .get("/admin/contact")
            .await
            .text
            .contains("English (1)")
    );
    let marked = editor
        .post(&format!("{link}/handled"), &[("handled", "yes")])
        .await;
    assert_eq!(marked.status, 303, "{}", marked.text);
    let page = editor.get(&link).await;
    assert!(page.texts(".contact-state")[0].starts_with("Handled"));
    assert!(page.text.contains("sent"), "the email went out");
    let waiting = editor.get("/admin/contact").await;
    assert!(waiting.attrs(".contact-inbox a", "href").is_empty());
    assert!(
        editor
            .get("/admin")
            .await
            .texts(".contact-waiting")
            .is_empty()
    );
    let all = editor.get("/admin/contact?show=all").await;
    assert_eq!(
        all.attrs(".contact-inbox a", "href"),
        std::slice::from_ref(&link)
    );
    let without_token = editor
        .post_without_token(&format!("{link}/handled"), &[("handled", "no")])
        .await;
    assert_eq!(without_token.status, 403);
    let audit = app
        .state
        .as_ref()
        .expect("state")
        .store
        .audit_log(10, 0)
        .await;
    let audit = audit.expect("audit");
    assert!(audit.iter().any(|entry| entry.action == "contact.handled"));
}

#[tokio::test]
async fn with_the_mail_server_down_the_message_is_kept_and_sent_when_it_is_back() {
    let port = SmtpSink::free_port();
    let app = spawn_app_with(|config| {
        config.email.smtp_url = Some(Secret::new(SmtpSink::url(port)));
        config.email.from = Some("news@daily.example".to_string());
    })
    .await;
    let (challenge, desks) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;

    let sent = send(&app, "", &message(&challenge, &desks[0].0, "A tip.")).await;
    assert_eq!(sent.status, 303, "{}", sent.text);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let kept = stored(&app, 1).await;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].emailed, Some(false), "the first try failed");
    let sink = SmtpSink::start_on(port).await;

    // The job queue tries again 30 s after a failure.
    let started = Instant::now();
    while sink.received().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60), "never sent");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let mail = sink.received().remove(0);
    assert_eq!(mail.rcpt_tos, ["news@example.org"]);
    assert!(mail.text.as_deref().expect("text").contains("A tip."));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(stored(&app, 1).await[0].emailed, Some(true));
}

#[tokio::test]
async fn the_arabic_form_is_right_to_left_and_works_without_a_mail_server() {
    let app = spawn_app().await;
    let (challenge, desks) = open_form(&app, "/ar").await;
    let page = app.get("/ar/contact").await;
    assert!(page.text.contains("dir=\"rtl\""));
    assert!(page.texts("h1").contains(&"اتصل بنا".to_string()));
    assert_eq!(desks[0].1, "قسم الأخبار");
    tokio::time::sleep(FILL_TIME).await;

    let sent = send(
        &app,
        "/ar",
        &message(&challenge, &desks[2].0, "رسالة إلى المحرر"),
    )
    .await;

    assert_eq!(sent.status, 303, "{}", sent.text);
    assert_eq!(sent.location(), "/ar/contact/sent");
    let ar = app.state.as_ref().expect("state").site().editions[1]
        .edition
        .id;
    let kept = stored(&app, ar).await;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].desk_name.as_str(), kept[0].emailed),
        ("رسائل إلى المحرر", None)
    );
    let editor = app.desk(Role::Editor).await;
    let page = editor.get(&format!("/admin/contact/{}", kept[0].id)).await;
    assert!(page.text.contains("no mail server configured"));
    let english = app.get("/contact").await;
    assert!(english.text.contains("Contact us"), "the footer's link");
}

#[tokio::test]
async fn bots_are_turned_away_and_nothing_is_stored() {
    let app = spawn_app().await;
    let (challenge, desks) = open_form(&app, "").await;
    let desk = desks[0].0.as_str();

    // Sent back at once: too fast for a person; the form comes back filled in.
    let fast = send(&app, "", &message(&challenge, desk, "Quick!")).await;
    assert_eq!(fast.status, 200);
    assert!(fast.text.contains("Please press Send again"));
    assert_eq!(fast.texts("textarea[name=message]"), ["Quick!"]);
    tokio::time::sleep(FILL_TIME).await;
    // The hidden field filled: thanked and ignored.
    let mut bot = message(&challenge, desk, "Buy now");
    bot.retain(|(name, _)| *name != "website");
    bot.push(("website", "http://spam.example"));
    assert_eq!(send(&app, "", &bot).await.status, 303);
    // No challenge, a forged one, and work asked but not done.
    let answer: serde_json::Value =
        serde_json::from_str(&app.get("/contact/challenge").await.text).expect("json");
    let worked = answer["challenge"].as_str().expect("challenge").to_string();
    for forged in ["", "1.2.3.4", worked.as_str()] {
        let page = send(&app, "", &message(forged, desk, "Hello")).await;
        assert!(page.text.contains("Please press Send again"), "{forged}");
    }

    assert!(stored(&app, 1).await.is_empty());
}

/// A bad post: why it is bad, its fields, and how many field errors it gets.
type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, usize);

#[tokio::test]
async fn bad_input_comes_back_with_what_was_typed_escaped() {
    let app = spawn_app().await;
    let (challenge, desks) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let xss = "<script>alert(1)</script>\"'";
    let huge = "x".repeat(10_001);
    let cases: [Case; 4] = [
        ("every field empty", message(&challenge, "", ""), 2),
        (
            "hostile text in every field, unknown desk",
            vec![
                ("name", ""),
                ("email", xss),
                ("desk", "999"),
                ("message", xss),
                ("challenge", &challenge),
            ],
            3,
        ),
        (
            "a message too long",
            message(&challenge, &desks[0].0, &huge),
            1,
        ),
        (
            "a desk id that is not a number",
            message(&challenge, "1 OR 1=1", "Hi"),
            1,
        ),
    ];

    for (reason, fields, errors) in cases {
        let page = send(&app, "", &fields).await;
        assert_eq!(page.status, 422, "{reason}");
        assert_eq!(
            page.texts(".field-error").len(),
            errors,
            "{reason}: {:?}",
            page.texts(".field-error")
        );
        assert!(!page.text.contains("<script>alert"), "{reason}");
    }
    let named = [
        ("name", xss),
        ("email", "x"),
        ("challenge", challenge.as_str()),
    ];
    let page = send(&app, "", &named).await;
    assert!(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let too_large = "x".repeat(20_000);
    let refused = send(&app, "", &[("message", too_large.as_str())]).await;
    assert_eq!(refused.status, 400);
    assert!(stored(&app, 1).await.is_empty());

    // Hostile text that is a good message is stored as typed and shown escaped.
    let sent = send(&app, "", &message(&challenge, &desks[0].0, xss)).await;
    assert_eq!(sent.status, 303, "{}", sent.text);
    let editor = app.desk(Role::Editor).await;
    let page = editor
        .get(&format!("/admin/contact/{}", stored(&app, 1).await[0].id))
        .await;
    assert!(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.text.contains("<script>alert"));
}

#[tokio::test]
async fn posts_at_once_are_each_kept_and_a_network_is_limited() {
    let app = spawn_app().await;
    let mut forms = Vec::new();
    for _ in 0..4 {
        forms.push(open_form(&app, "").await);
    }
    tokio::time::sleep(FILL_TIME).await;

    let posts = forms
        .iter()
        .take(3)
        .enumerate()
        .map(|(n, (challenge, desks))| {
            let app = &app;
            async move {
                let text = format!("Message {n}");
                send(app, "", &message(challenge, &desks[0].0, &text))
                    .await
                    .status
            }
        });
    let statuses = futures_util::future::join_all(posts).await;

    assert_eq!(statuses, [303, 303, 303]);
    assert_eq!(stored(&app, 1).await.len(), 3);
    let (challenge, desks) = &forms[3];
    let limited = send(&app, "", &message(challenge, &desks[0].0, "One more")).await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.headers["retry-after"], "3600");
}

#[tokio::test]
async fn admins_keep_the_desks_and_erase_a_message_on_request() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    assert_eq!(editor.get("/admin/contact/desks").await.status, 403);
    let admin = app.desk(Role::Admin).await;

    let bad = admin
        .post(
            "/admin/contact/desks?edition=1",
            &[("name", "Sports"), ("email", "nope")],
        )
        .await;
    let added = admin
        .post(
            "/admin/contact/desks?edition=1",
            &[
                ("name", "Sports desk"),
                ("email", "Sport@Example.org"),
                ("position", "9"),
            ],
        )
        .await;

    assert_eq!(bad.status, 422);
    assert!(bad.text.contains("name@example.org"), "{}", bad.text);
    assert_eq!(added.status, 303, "{}", added.text);
    let (challenge, desks) = open_form(&app, "").await;
    let sports = desks
        .iter()
        .find(|(_, name)| name == "Sports desk")
        .expect("new desk");
    let renamed = admin
        .post(
            &format!("/admin/contact/desks/{}?edition=1", sports.0),
            &[
                ("name", "Sport"),
                ("email", "sport@example.org"),
                ("position", "9"),
            ],
        )
        .await;
    assert_eq!(renamed.status, 303, "{}", renamed.text);
    tokio::time::sleep(FILL_TIME).await;
    let sent = send(
        &app,
        "",
        &message(&challenge, &sports.0, "Score was wrong."),
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.text);
    let other_edition = admin
        .post(
            &format!("/admin/contact/desks/{}/remove?edition=2", sports.0),
            &[],
        )
        .await;
    assert_eq!(other_edition.status, 404);
    let removed = admin
        .post(
            &format!("/admin/contact/desks/{}/remove?edition=1", sports.0),
            &[],
        )
        .await;
    assert_eq!(removed.status, 303);
    let kept = stored(&app, 1).await;
    assert_eq!(
        (kept[0].desk_id, kept[0].desk_name.as_str()),
        (None, "Sport")
    );

    let path = format!("/admin/contact/{}", kept[0].id);
    assert_eq!(editor.post(&format!("{path}/erase"), &[]).await.status, 403);
    let erased = admin.post(&format!("{path}/erase"), &[]).await;
    assert_eq!(erased.status, 303);
    assert!(stored(&app, 1).await.is_empty());
    assert_eq!(admin.get(&path).await.status, 404);
    let audit = app
        .state
        .as_ref()
        .expect("state")
        .store
        .audit_log(20, 0)
        .await;
    let audit = audit.expect("audit");
    let actions: Vec<&str> = audit.iter().map(|entry| entry.action.as_str()).collect();
    for action in ["desk.create", "desk.update", "desk.remove", "contact.erase"] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
    assert!(audit.iter().all(|entry| !entry.detail.contains("Ada")));
}
