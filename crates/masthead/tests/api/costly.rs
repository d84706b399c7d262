//! Costly requests are bounded: media paths the app never wrote are refused before the
//! media store is asked, uploads take turns, and revision diffs run beside the readers,
//! capped in size and time.

use std::time::Duration;

use futures_util::future::join_all;
use image::ImageFormat;
use store::Role;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use crate::media_files::encoded;

/// Sends raw request bytes as given (no URL normalising) and reads the answer's status.
async fn raw_status(app: &TestApp, request: &[u8]) -> u16 {
    let host = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).await.expect("connect");
    stream.write_all(request).await.expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|status| status.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"))
}

async fn raw_get(app: &TestApp, path: &str) -> u16 {
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: masthead.test\r\nConnection: close\r\n\r\n");
    raw_status(app, request.as_bytes()).await
}

#[tokio::test]
async fn media_paths_the_app_never_writes_are_refused_before_the_store_is_asked() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    let image = home
        .attrs("img[src^='/media/']", "src")
        .into_iter()
        .find(|src| src.ends_with(".jpg"))
        .expect("a photo on the home page");
    assert_eq!(raw_get(&app, &image).await, 200);
    let stem = image.trim_end_matches(".jpg");
    let refused = [
        format!("{stem}.svg"),
        format!("{stem}.html"),
        format!("{stem}.jpeg"),
        format!("{stem}.JPG"),
        format!("{stem}.jpg.exe"),
        format!("{stem}.jpg%00.html"),
        format!("{stem}.jpg/..%2f..%2fpage.html"),
        stem.to_string(),
        "/media/../../etc/passwd".into(),
        "/media/..%2f..%2fetc%2fpasswd".into(),
        "/media/%2e%2e/%2e%2e/masthead.db".into(),
        "/media/1/../../masthead.db.jpg".into(),
        "/media/.hidden.jpg".into(),
        "/media/1//320.jpg".into(),
    ];

    // The media folder becomes a file: from now on every read of the store fails.
    let media = app.data_dir().join("media");
    std::fs::rename(&media, app.data_dir().join("media-away")).expect("move media");
    std::fs::write(&media, b"not a folder").expect("write");

    assert_eq!(raw_get(&app, &image).await, 500, "the store is asked");
    for path in &refused {
        assert_eq!(raw_get(&app, path).await, 404, "{path}");
    }
}

/// The upload form's body for one JPEG, as a browser sends it.
fn upload_body(csrf: &str, boundary: &str, jpeg: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nSlow\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.jpg\"\r\n\
         Content-Type: image/jpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(jpeg);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

/// Starts an upload and sends only half its body: it holds its turn until finished.
async fn stalled_upload(app: &TestApp, desk: &Desk<'_>, body: &[u8]) -> TcpStream {
    let host = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).await.expect("connect");
    let head = format!(
        "POST /admin/media?csrf={} HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\n\
         Content-Type: multipart/form-data; boundary=XyZzY\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        desk.csrf,
        desk.cookie(),
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("send head");
    stream
        .write_all(&body[..body.len() / 2])
        .await
        .expect("send half");
    stream
}

#[tokio::test]
async fn uploads_past_the_limit_wait_their_turn_then_get_503_with_retry_after() {
    let app = spawn_app_with(|config| config.max_parallel_uploads = 1).await;
    let reporter = app.desk(Role::Reporter).await;
    let jpeg = encoded(ImageFormat::Jpeg, 640, 480);
    let body = upload_body(&reporter.csrf, "XyZzY", &jpeg);
    let mut slow = stalled_upload(&app, &reporter, &body).await;
    // Let the slow upload reach the app and take the only turn.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let others = join_all((0..3).map(|_| reporter.upload("a.jpg", jpeg.clone(), &[]))).await;
    slow.write_all(&body[body.len() / 2..])
        .await
        .expect("send the rest");
    let mut answer = Vec::new();
    slow.read_to_end(&mut answer).await.expect("read");
    let after = reporter.upload("b.jpg", jpeg.clone(), &[]).await;

    for other in &others {
        assert_eq!(other.status, 503, "{}", other.text);
        let retry = other.headers.get("retry-after").expect("Retry-After");
        assert!(retry.to_str().is_ok_and(|secs| secs.parse::<u64>().is_ok()));
        assert!(other.text.contains("Too many images"), "{}", other.text);
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    assert_eq!(after.status, 303, "{}", after.text);
}

/// A story body of `lines` paragraphs, each starting with `word`.
fn long_body(word: &str, lines: usize) -> String {
    (0..lines)
        .map(|line| format!("{word} paragraph number {line} of the long report."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Makes a story with two revisions whose bodies are `first` and `second`; returns the
/// revisions page comparing them.
async fn two_revisions(app: &TestApp, desk: &Desk<'_>, first: &str, second: &str) -> String {
    let story = desk
        .create_story("Long report", app.a_section_id().await)
        .await;
    for body in [first, second] {
        let saved = desk.save(story, &[("body", body)], "save").await;
        assert_eq!(saved.status, 303, "{}", saved.text);
    }
    let revisions = desk.get(&format!("/admin/stories/{story}/revisions")).await;
    let numbers = revisions.attrs("input[name=from]", "value");
    let (to, from) = (&numbers[0], &numbers[1]);
    format!("/admin/stories/{story}/revisions?from={from}&to={to}")
}

#[tokio::test]
async fn two_huge_different_revisions_get_a_clear_message_instead_of_a_diff() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let compare = two_revisions(
        &app,
        &editor,
        &long_body("Old", 25_000),
        &long_body("New", 25_000),
    )
    .await;

    let page = editor.get(&compare).await;

    assert_eq!(page.status, 200);
    assert!(page.text.contains("too large to compare"), "{}", page.text);
    assert!(page.texts("table.nr-diff").is_empty());
    assert_eq!(page.attrs("form[action$='/restore']", "method"), ["post"]);
}

#[tokio::test]
async fn readers_are_served_while_a_costly_diff_runs() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story_page = app.first_story_path("/").await;
    let compare = two_revisions(
        &app,
        &editor,
        &long_body("Left", 19_000),
        &long_body("Right", 19_000),
    )
    .await;
    for path in ["/", story_page.as_str()] {
        assert_eq!(app.get(path).await.status, 200);
    }

    let diff = editor.get(&compare);
    let readers = async {
        // The diff request goes first; readers come once it is being worked on.
        tokio::time::sleep(Duration::from_millis(300)).await;
        for _ in 0..5 {
            for path in ["/", story_page.as_str()] {
                assert_eq!(app.get(path).await.status, 200);
            }
        }
    };
    tokio::pin!(diff, readers);
    let (readers_first, diff) = tokio::select! {
        biased;
        () = &mut readers => (true, (&mut diff).await),
        page = &mut diff => (false, page),
    };

    assert!(readers_first, "the readers waited for the diff");
    assert_eq!(diff.status, 200);
    assert!(
        diff.text.contains("differ too much") || !diff.texts("table.nr-diff").is_empty(),
        "{}",
        diff.text
    );
}
