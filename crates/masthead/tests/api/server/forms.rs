//! Newsroom forms from anonymous clients are refused before their bodies are sent; the
//! login form is read only when it is small.

use std::time::Duration;

use tokio::io::AsyncWriteExt;

use super::{RawResponse, connect, read_response};
use crate::helpers::{TestApp, spawn_app};

/// Sends a request head announcing a large body, and reads the answer without sending it.
async fn answer_without_body(
    app: &TestApp,
    path: &str,
    content_type: &str,
    length: usize,
    cookie: &str,
) -> RawResponse {
    let mut stream = connect(app).await;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: masthead.test\r\nContent-Type: {content_type}\r\n\
         Content-Length: {length}\r\nCookie: {cookie}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    tokio::time::timeout(Duration::from_secs(5), read_response(&mut stream))
        .await
        .unwrap_or_else(|_| panic!("POST {path} waited for its body"))
}

#[tokio::test]
async fn anonymous_newsroom_forms_are_refused_before_their_bodies_are_read() {
    let app = spawn_app().await;
    let form = "application/x-www-form-urlencoded";
    let upload = "multipart/form-data; boundary=x";
    let cases = [
        ("/admin/stories", form, "", "no session cookie"),
        (
            "/admin/stories/1",
            form,
            "masthead_session=forged",
            "a forged session",
        ),
        ("/admin/media", upload, "", "an upload without a session"),
        ("/admin/users", form, "other=1", "another cookie only"),
    ];

    for (path, content_type, cookie, reason) in cases {
        let response = answer_without_body(&app, path, content_type, 5_000_000, cookie).await;

        assert_eq!(response.status, 303, "{reason}");
        assert_eq!(
            response.header("location"),
            Some("/admin/login"),
            "{reason}"
        );
    }
}

#[tokio::test]
async fn a_login_form_larger_than_8_kb_is_refused_unread() {
    let app = spawn_app().await;

    let response = answer_without_body(
        &app,
        "/admin/login",
        "application/x-www-form-urlencoded",
        100_000,
        "",
    )
    .await;

    assert_eq!(response.status, 400);
}
