//! The newsletter as readers meet it: the sign-up form over a real SMTP server, the double
//! opt-in, one-click unsubscribe (RFC 8058), the preferences page, the bot checks, and
//! bad input.

use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::helpers::{Page, TestApp, spawn_app, spawn_app_with};
use crate::smtp::{Received, SmtpSink};

/// The least time the app wants between opening the form and sending it, and a margin.
const FILL_TIME: Duration = Duration::from_millis(2200);

async fn app_with_email() -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(|config| sink.configure(config)).await;
    (app, sink)
}

/// The sign-up page's form: its challenge (no work asked) and list ids, after the least
/// fill time has passed.
async fn open_form(app: &TestApp, prefix: &str) -> (String, Vec<String>) {
    let page = app.get(&format!("{prefix}/newsletter")).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.headers["cache-control"], "no-store");
    let challenge = page
        .attrs(".newsletter-page input[name=challenge]", "value")
        .pop()
        .expect("a challenge");
    let lists = page.attrs(".newsletter-page input[name=list]", "value");
    assert_eq!(lists.len(), 3, "the demo's three lists");
    (challenge, lists)
}

/// A challenge with work from the form's endpoint, solved as the page's script would.
async fn solved_challenge(app: &TestApp, prefix: &str) -> (String, String) {
    let answer: serde_json::Value = app
        .client
        .get(format!("{}{prefix}/newsletter/challenge", app.address))
        .send()
        .await
        .expect("challenge")
        .json()
        .await
        .expect("json");
    let challenge = answer["challenge"].as_str().expect("challenge").to_string();
    let difficulty = answer["difficulty"].as_u64().expect("difficulty") as u32;
    let nonce = (0u64..)
        .find(|nonce| {
            let digest = Sha256::digest(format!("{challenge}:{nonce}").as_bytes());
            u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]).leading_zeros()
                >= difficulty
        })
        .expect("a nonce")
        .to_string();
    (challenge, nonce)
}

async fn sign_up(app: &TestApp, prefix: &str, fields: &[(&str, &str)]) -> Page {
    app.post_form(&format!("{prefix}/newsletter"), fields).await
}

/// The first link in a text that starts with `start`.
fn link_in(text: &str, start: &str) -> String {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {text}"));
    text[at..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .next()
        .expect("a link")
        .replace("&amp;", "&")
}

/// The value of a `<Url>` header.
fn angle_url(value: &str) -> String {
    value
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

/// The app's public base URL, which its emails' links start with.
fn base(app: &TestApp) -> String {
    app.state.as_ref().expect("state").base_url.clone()
}

/// A link from an email, aimed at the test's app.
fn local(app: &TestApp, url: &str) -> String {
    url.replacen(&base(app), &app.address, 1)
}

async fn subscriptions(app: &TestApp, email: &str) -> Vec<store::Subscription> {
    let store = &app.state.as_ref().expect("state").store;
    match store.subscriber_by_email(email).await.expect("subscriber") {
        Some(subscriber) => store
            .subscriptions(subscriber.id)
            .await
            .expect("subscriptions"),
        None => Vec::new(),
    }
}

#[tokio::test]
async fn a_sign_up_is_confirmed_from_the_email_and_left_with_one_click() {
    let (app, sink) = app_with_email().await;
    let (challenge, lists) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let signed = sign_up(
        &app,
        "",
        &[
            ("lists_shown", "1"),
            ("list", &lists[0]),
            ("list", &lists[2]),
            ("email", " Reader@Example.ORG "),
            ("consent", "yes"),
            ("challenge", &challenge),
            ("nonce", ""),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(signed.status, 303, "{}", signed.text);
    assert_eq!(signed.location(), "/newsletter/check");
    let check = app.get("/newsletter/check").await;
    assert!(check.text.contains("Check your inbox"));

    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.rcpt_tos, ["reader@example.org"]);
    assert_eq!(mail.mail_from, "news@daily.example");
    assert_eq!(mail.header("To"), ["reader@example.org"]);
    assert!(
        mail.header("From")[0].ends_with("<news@daily.example>"),
        "{:?}",
        mail.header("From")
    );
    assert!(mail.header("Subject")[0].starts_with("Confirm your newsletter subscription"));
    assert_eq!(
        mail.header("List-Unsubscribe-Post"),
        ["List-Unsubscribe=One-Click"]
    );
    let text = mail.text.as_deref().expect("a plain-text part");
    let html = mail.html.as_deref().expect("an HTML part");
    let base = base(&app);
    let confirm = link_in(text, &format!("{base}/newsletter/confirm?t="));
    assert_eq!(
        link_in(html, &format!("{base}/newsletter/confirm?t=")),
        confirm
    );
    let confirm = local(&app, &confirm);
    assert!(text.contains("The Daily Briefing") && text.contains("Breaking News"));
    assert!(!text.contains("Opinion Weekly"), "only the lists asked for");
    assert!(
        subscriptions(&app, "reader@example.org")
            .await
            .iter()
            .all(|s| !s.active())
    );

    // Following the link shows a button (a mail scanner's GET changes nothing)...
    let page = app.get(&confirm).await;
    assert_eq!(page.status, 200);
    assert!(
        subscriptions(&app, "reader@example.org")
            .await
            .iter()
            .all(|s| !s.active())
    );
    let token = page
        .attrs(".newsletter-page input[name=t]", "value")
        .pop()
        .expect("t");
    // ...and pressing it confirms both lists.
    let done = app.post_form("/newsletter/confirm", &[("t", &token)]).await;
    assert_eq!(done.status, 200);
    assert!(done.text.contains("You are subscribed"));
    let active = subscriptions(&app, "reader@example.org").await;
    assert_eq!(active.iter().filter(|s| s.active()).count(), 2);
    let consent = &active[0];
    assert_eq!(consent.consent_ip, "127.0.0.1");

    // Signing up again says the same and sends nothing more this hour.
    let (challenge, _) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let again = sign_up(
        &app,
        "",
        &[
            ("email", "reader@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(again.status, 303);
    assert_eq!(again.location(), "/newsletter/check");

    // One click, as a mail provider does it (RFC 8058): POST to the header's URL.
    let unsubscribe = local(&app, &angle_url(mail.header("List-Unsubscribe")[0]));
    let response = app
        .client
        .post(&unsubscribe)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("one-click");
    assert_eq!(response.status(), 200);
    assert!(
        subscriptions(&app, "reader@example.org")
            .await
            .iter()
            .all(|s| !s.active())
    );

    // The preferences page needs no password: rejoin one list.
    let page = Page::read(response).await;
    let preferences = page
        .attrs(".newsletter-page a[href*=preferences]", "href")
        .pop()
        .expect("link");
    let preferences = local(&app, &preferences);
    let page = app.get(&preferences).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attrs("input[name=keep]", "value").len(), 2);
    let token = page
        .attrs(".newsletter-page input[name=t]", "value")
        .pop()
        .expect("t");
    let saved = app
        .post_form(
            "/newsletter/preferences",
            &[("t", &token), ("keep", &lists[2])],
        )
        .await;
    assert!(saved.text.contains("Your choices are saved"));
    let now = subscriptions(&app, "reader@example.org").await;
    let active: Vec<i64> = now
        .iter()
        .filter(|s| s.active())
        .map(|s| s.newsletter_id)
        .collect();
    assert_eq!(active, [lists[2].parse::<i64>().expect("id")]);

    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.received().len(), 1, "one confirmation an hour");
}

#[tokio::test]
async fn the_arabic_edition_signs_up_in_arabic_with_the_script_s_challenge() {
    let (app, sink) = app_with_email().await;
    let (challenge, nonce) = solved_challenge(&app, "/ar").await;
    tokio::time::sleep(FILL_TIME).await;
    let signed = sign_up(
        &app,
        "/ar",
        &[
            ("email", "qari@example.net"),
            ("consent", "yes"),
            ("challenge", &challenge),
            ("nonce", &nonce),
        ],
    )
    .await;
    assert_eq!(signed.status, 303, "{}", signed.text);
    assert_eq!(signed.location(), "/ar/newsletter/check");
    let mail: Received = sink.wait_for(1).await.remove(0);
    let html = mail.html.as_deref().expect("html");
    assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
    assert!(
        html.contains("الموجز اليومي"),
        "the first list, from the box"
    );
    let confirm = link_in(html, &format!("{}/ar/newsletter/confirm?t=", base(&app)));
    let confirm = local(&app, &confirm);
    let page = app.get(&confirm).await;
    assert!(page.text.contains("dir=\"rtl\""));
    assert!(page.text.contains("أكّد اشتراكك"));
}

#[tokio::test]
async fn bots_are_turned_away_and_nothing_is_stored_or_sent() {
    let (app, sink) = app_with_email().await;
    let (challenge, _) = open_form(&app, "").await;
    // Too fast: the form again, filled in, with a fresh challenge.
    let fast = sign_up(
        &app,
        "",
        &[
            ("email", "fast@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(fast.status, 200);
    assert!(fast.text.contains("press the button again"));
    assert_eq!(
        fast.attrs("input[name=email]", "value").pop().as_deref(),
        Some("fast@example.org")
    );
    // No challenge at all (no script on a story page's box): the same.
    let none = sign_up(
        &app,
        "",
        &[("email", "box@example.org"), ("consent", "yes")],
    )
    .await;
    assert_eq!(none.status, 200);
    assert!(none.text.contains("press the button again"));
    // A forged challenge.
    let forged = sign_up(
        &app,
        "",
        &[
            ("email", "forged@example.org"),
            ("consent", "yes"),
            ("challenge", "1.abc.0.00000000000000000000000000000000"),
        ],
    )
    .await;
    assert!(forged.text.contains("press the button again"));
    // Work asked and not done.
    let (worked, _) = solved_challenge(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let lazy = sign_up(
        &app,
        "",
        &[
            ("email", "lazy@example.org"),
            ("consent", "yes"),
            ("challenge", &worked),
            ("nonce", "x"),
        ],
    )
    .await;
    assert!(lazy.text.contains("press the button again"));
    // The hidden field filled: told to check the inbox, and dropped.
    let honeypot = sign_up(
        &app,
        "",
        &[
            ("email", "bot@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
            ("website", "http://spam.example"),
        ],
    )
    .await;
    assert_eq!(honeypot.status, 303);
    // A challenge used twice: the second is refused.
    let first = sign_up(
        &app,
        "",
        &[
            ("email", "once@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(first.status, 303);
    let replay = sign_up(
        &app,
        "",
        &[
            ("email", "twice@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(replay.status, 200);
    assert!(replay.text.contains("press the button again"));
    let sent = sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent_to: Vec<String> = sink
        .received()
        .iter()
        .map(|m| m.rcpt_tos[0].clone())
        .collect();
    assert_eq!(sent_to, ["once@example.org"], "{}", sent.len());
    for email in ["fast@", "box@", "forged@", "lazy@", "bot@", "twice@"] {
        assert!(
            subscriptions(&app, &format!("{email}example.org"))
                .await
                .is_empty(),
            "{email}"
        );
    }
}

#[tokio::test]
async fn a_network_gets_a_few_sign_ups_an_hour_without_the_work() {
    let (app, _sink) = app_with_email().await;
    let mut challenges = Vec::new();
    for _ in 0..6 {
        challenges.push(open_form(&app, "").await.0);
    }
    tokio::time::sleep(FILL_TIME).await;
    let mut statuses = Vec::new();
    for (n, challenge) in challenges.iter().enumerate() {
        let email = format!("n{n}@example.org");
        let page = sign_up(
            &app,
            "",
            &[
                ("email", &email),
                ("consent", "yes"),
                ("challenge", challenge),
            ],
        )
        .await;
        statuses.push(page.status);
        if page.status == 429 {
            assert_eq!(page.headers["retry-after"], "3600");
            assert!(page.text.contains("Too many sign-ups"));
        }
    }
    assert_eq!(statuses, [303, 303, 303, 303, 303, 429]);
}

#[tokio::test]
async fn sign_ups_of_one_address_at_once_send_one_confirmation() {
    let (app, sink) = app_with_email().await;
    let mut solved = Vec::new();
    for _ in 0..5 {
        solved.push(solved_challenge(&app, "").await);
    }
    tokio::time::sleep(FILL_TIME).await;
    let posts = solved.iter().map(|(challenge, nonce)| async {
        let fields = [
            ("email", "same@example.org"),
            ("consent", "yes"),
            ("challenge", challenge.as_str()),
            ("nonce", nonce.as_str()),
        ];
        sign_up(&app, "", &fields).await
    });
    let pages = futures_util::future::join_all(posts).await;
    assert!(pages.iter().all(|page| page.status == 303));
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn bad_input_gets_the_form_back_with_what_was_typed() {
    let (app, sink) = app_with_email().await;
    let (challenge, _) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let huge = format!("{}@example.org", "a".repeat(300));
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "empty",
            vec![("email", ""), ("consent", "yes")],
            "Enter an email address",
        ),
        (
            "huge",
            vec![("email", &huge), ("consent", "yes")],
            "Enter an email address",
        ),
        (
            "header injection",
            vec![
                ("email", "a@example.org\r\nBcc: victim@example.com"),
                ("consent", "yes"),
            ],
            "Enter an email address",
        ),
        (
            "xss",
            vec![
                ("email", "<script>alert(1)</script>@example.org"),
                ("consent", "yes"),
            ],
            "Enter an email address",
        ),
        (
            "sql",
            vec![
                ("email", "x'; DROP TABLE subscribers; --@example.org"),
                ("consent", "yes"),
            ],
            "Enter an email address",
        ),
        (
            "no consent",
            vec![("email", "ok@example.org")],
            "Tick the box",
        ),
        (
            "no list",
            vec![
                ("email", "ok@example.org"),
                ("consent", "yes"),
                ("lists_shown", "1"),
            ],
            "Choose at least one",
        ),
        (
            "another edition's list",
            vec![
                ("email", "ok@example.org"),
                ("consent", "yes"),
                ("lists_shown", "1"),
                ("list", "999999"),
            ],
            "Choose at least one",
        ),
    ];
    for (name, mut fields, message) in cases {
        fields.push(("challenge", &challenge));
        let page = sign_up(&app, "", &fields).await;
        assert_eq!(page.status, 422, "{name}: {}", page.text);
        assert!(page.text.contains(message), "{name}");
        assert!(!page.text.contains("<script>alert"), "{name}: escaped");
    }
    // A body too large, and a form that is not one.
    let large = "a".repeat(20_000);
    let page = sign_up(&app, "", &[("email", &large)]).await;
    assert_eq!(page.status, 400);
    let garbage = app
        .client
        .post(format!("{}/newsletter", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, b'=', b'%', b'z'])
        .send()
        .await
        .expect("post");
    assert_eq!(
        garbage.status(),
        200,
        "read as no challenge: the form again"
    );
    // Links that are not ours.
    for link in [
        "/newsletter/confirm?t=1.0.abc",
        "/newsletter/confirm?t=",
        "/newsletter/preferences?t=99.0.0123456789abcdef0123456789abcdef",
        "/newsletter/unsubscribe",
    ] {
        let page = app.get(link).await;
        assert_eq!(page.status, 400, "{link}");
        assert!(page.text.contains("expired or is not valid"), "{link}");
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(sink.received().is_empty());
}

#[tokio::test]
async fn without_smtp_sign_ups_are_closed_and_nothing_is_stored() {
    let app = spawn_app().await;
    let page = app.get("/newsletter").await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("sign-ups are closed"));
    assert_eq!(app.get("/newsletter/challenge").await.status, 404);
    let posted = sign_up(
        &app,
        "",
        &[("email", "reader@example.org"), ("consent", "yes")],
    )
    .await;
    assert_eq!(posted.status, 503);
    assert!(posted.text.contains("sign-ups are closed"));
    let arabic = sign_up(
        &app,
        "/ar",
        &[("email", "reader@example.org"), ("consent", "yes")],
    )
    .await;
    assert_eq!(arabic.status, 503);
    assert!(arabic.text.contains("مغلق"));
    assert_eq!(arabic.attrs("html", "dir"), ["rtl"]);
    assert!(subscriptions(&app, "reader@example.org").await.is_empty());
}

#[tokio::test]
async fn every_newsletter_page_is_valid_html_and_answers_head() {
    let (app, sink) = app_with_email().await;
    let (challenge, _) = open_form(&app, "/ar").await;
    tokio::time::sleep(FILL_TIME).await;
    let invalid = sign_up(&app, "/ar", &[("email", "nope"), ("challenge", &challenge)]).await;
    assert_eq!(invalid.status, 422);
    let (challenge, _) = open_form(&app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let signed = sign_up(
        &app,
        "",
        &[
            ("email", "valid@example.org"),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(signed.status, 303);
    let mail = sink.wait_for(1).await.remove(0);
    let confirm = local(
        &app,
        &link_in(
            mail.text.as_deref().expect("text"),
            &format!("{}/newsletter/confirm?t=", base(&app)),
        ),
    );
    let unsubscribe = local(&app, &angle_url(mail.header("List-Unsubscribe")[0]));
    let preferences = unsubscribe.replace("/unsubscribe?", "/preferences?");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pages = vec![
        app.get("/newsletter").await,
        app.get("/ar/newsletter").await,
        app.get("/newsletter/check").await,
        app.get(&confirm).await,
        app.get(&unsubscribe).await,
        app.get(&preferences).await,
        app.get("/newsletter/confirm?t=bad").await,
        invalid,
    ];
    let token = pages[3].attrs("input[name=t]", "value").pop().expect("t");
    pages.push(app.post_form("/newsletter/confirm", &[("t", &token)]).await);
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.text.ends_with("</html>\n") || page.text.ends_with("</html>"),
            "page {index}"
        );
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    crate::validity::assert_valid(dir.path(), &["newsletter pages".to_string()]);
    for path in ["/newsletter", "/ar/newsletter/check", &preferences] {
        let head = app
            .client
            .head(format!(
                "{}{}",
                app.address,
                path.trim_start_matches(&app.address)
            ))
            .send()
            .await
            .expect("head");
        assert_eq!(head.status(), 200, "{path}");
        assert_eq!(head.headers()["cache-control"], "no-store", "{path}");
        assert!(head.bytes().await.expect("body").is_empty(), "{path}");
    }
}

/// Signs an address up to the edition's first list and confirms it from the email.
async fn confirmed_subscriber(app: &TestApp, sink: &SmtpSink, email: &str) -> Received {
    let (challenge, _) = open_form(app, "").await;
    tokio::time::sleep(FILL_TIME).await;
    let before = sink.received().len();
    let signed = sign_up(
        app,
        "",
        &[
            ("email", email),
            ("consent", "yes"),
            ("challenge", &challenge),
        ],
    )
    .await;
    assert_eq!(signed.status, 303);
    let mail = sink.wait_for(before + 1).await.remove(before);
    let confirm = local(
        app,
        &link_in(
            mail.text.as_deref().expect("text"),
            &format!("{}/newsletter/confirm?t=", base(app)),
        ),
    );
    let token = app
        .get(&confirm)
        .await
        .attrs("input[name=t]", "value")
        .pop()
        .expect("t");
    assert_eq!(
        app.post_form("/newsletter/confirm", &[("t", &token)])
            .await
            .status,
        200
    );
    mail
}

#[tokio::test]
async fn the_newsroom_counts_subscribers_and_an_admin_exports_and_erases_them() {
    use store::Role;
    let (app, sink) = app_with_email().await;
    let mail = confirmed_subscriber(&app, &sink, "=cmd@example.org").await;

    let reporter = app.desk(Role::Reporter).await;
    assert_eq!(reporter.get("/admin/newsletters").await.status, 403);
    let editor = app.desk(Role::Editor).await;
    let page = editor
        .get("/admin/newsletters?email=%3Dcmd%40example.org")
        .await;
    assert_eq!(page.status, 200, "{}", page.text);
    let rows = page.texts(".nr-table tbody tr");
    assert!(
        rows[0].starts_with("The Daily Briefing daily at 07:00 1 0 0"),
        "{rows:?}"
    );
    assert!(
        page.text.contains("127.0.0.1"),
        "where the consent came from"
    );
    assert!(!page.text.contains("export.csv"));
    assert_eq!(
        editor.get("/admin/newsletters/export.csv").await.status,
        403
    );
    let id = page.attrs("input[name=id]", "value");
    assert!(id.is_empty(), "editors see no erase form");

    let admin = app.desk(Role::Admin).await;
    let csv = admin.get("/admin/newsletters/export.csv").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.text.contains("\"'=cmd@example.org\",\"daily\""),
        "{}",
        csv.text
    );
    let page = admin
        .get("/admin/newsletters?email=%3Dcmd%40example.org")
        .await;
    let id = page
        .attrs("input[name=id]", "value")
        .pop()
        .expect("erase form");
    let wrong = admin
        .post(
            "/admin/newsletters/erase",
            &[("id", &id), ("confirm_email", "other@example.org")],
        )
        .await;
    assert_eq!(wrong.status, 400);
    let erased = admin
        .post(
            "/admin/newsletters/erase",
            &[("id", &id), ("confirm_email", "=cmd@example.org")],
        )
        .await;
    assert_eq!(erased.status, 303);
    assert!(subscriptions(&app, "=cmd@example.org").await.is_empty());
    let page = admin
        .get("/admin/newsletters?email=%3Dcmd%40example.org")
        .await;
    assert!(page.text.contains("No subscriber has that address"));
    // The email's links died with the subscriber.
    let unsubscribe = local(&app, &angle_url(mail.header("List-Unsubscribe")[0]));
    assert_eq!(app.get(&unsubscribe).await.status, 400);
    let audit = app
        .state
        .as_ref()
        .expect("state")
        .store
        .audit_log(10, 0)
        .await
        .expect("audit");
    let actions: Vec<&str> = audit.iter().map(|entry| entry.action.as_str()).collect();
    assert!(
        actions.contains(&"subscriber.erase") && actions.contains(&"subscribers.export"),
        "{actions:?}"
    );
    assert!(
        audit.iter().all(|entry| !entry.detail.contains("cmd@")),
        "no address kept"
    );
}

/// Posts a signed bounce or complaint report.
async fn report(app: &TestApp, body: &str, key: &str) -> u16 {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("key");
    mac.update(body.as_bytes());
    let signature: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    app.client
        .post(format!("{}/hooks/email", app.address))
        .header("content-type", "application/json")
        .header("x-masthead-signature", signature)
        .body(body.to_string())
        .send()
        .await
        .expect("report")
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_signed_bounce_report_stops_email_to_the_address() {
    const KEY: &str = "a bounce secret of some length";
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(|config| {
        sink.configure(config);
        config.email.webhook_secret = Some(masthead::config::Secret::new(KEY));
    })
    .await;
    confirmed_subscriber(&app, &sink, "bounces@example.org").await;
    confirmed_subscriber(&app, &sink, "angry@example.org").await;
    let bounce = r#"{"email": "Bounces@Example.org", "kind": "bounce"}"#;
    assert_eq!(report(&app, bounce, "not the secret at all").await, 401);
    assert_eq!(report(&app, "{}", KEY).await, 400);
    assert_eq!(
        report(&app, r#"{"email": "x@example.org", "kind": "spam"}"#, KEY).await,
        400
    );
    assert_eq!(
        report(
            &app,
            r#"{"email": "nobody@example.org", "kind": "bounce"}"#,
            KEY
        )
        .await,
        204
    );
    assert_eq!(report(&app, bounce, KEY).await, 204);
    assert_eq!(
        report(
            &app,
            r#"{"email": "angry@example.org", "kind": "complaint"}"#,
            KEY
        )
        .await,
        204
    );
    let unsigned = app
        .client
        .post(format!("{}/hooks/email", app.address))
        .body(bounce)
        .send()
        .await
        .expect("post");
    assert_eq!(unsigned.status(), 401);

    let store = &app.state.as_ref().expect("state").store;
    let bouncing = store
        .subscriber_by_email("bounces@example.org")
        .await
        .expect("read")
        .expect("subscriber");
    assert!(bouncing.bounced_at.is_some());
    assert!(
        subscriptions(&app, "angry@example.org")
            .await
            .iter()
            .all(|s| !s.active())
    );
    // Email queued for the bouncing address is not sent.
    let before = sink.received().len();
    let email = store::NewEmail {
        kind: "test".into(),
        recipient: bouncing.email.clone(),
        sender_name: "Test".into(),
        subject: "Hello".into(),
        text_body: "Hello".into(),
        html_body: "<p>Hello</p>".into(),
        headers: Vec::new(),
        subscriber_id: Some(bouncing.id),
    };
    store
        .queue_email(&email, jiff::Timestamp::now())
        .await
        .expect("queue");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(sink.received().len(), before);
    assert_eq!(
        store.pending_jobs().await.expect("jobs"),
        0,
        "the job ended"
    );
}

#[tokio::test]
async fn without_a_secret_the_bounce_hook_is_not_there() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/hooks/email", app.address))
        .body("{}")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn the_sign_up_box_speaks_each_editions_language() {
    let app = spawn_app().await;
    let arabic = app.get("/ar/").await;
    assert!(arabic.text.contains("أهم أخبار اليوم في بريدك كل صباح."));
    assert!(!arabic.text.contains("in your inbox every morning"));
    let english = app.get("/").await;
    assert!(english.text.contains("in your inbox every morning"));
}
