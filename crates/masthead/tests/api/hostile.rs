//! Clients that are careless or hostile: every method, with odd headers (huge, duplicated,
//! another site's `Host`, `Range`, `If-None-Match: *`), sent over a raw socket to every page
//! type, before and after the page is cached. Whatever they get, the next reader must get the
//! whole page, and nothing a hostile request carried may end up in what readers are served.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, spawn_app};

/// Every method a client may send.
const METHODS: [&str; 8] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH",
];

/// Odd headers, each with what makes it odd.
fn odd_headers() -> Vec<(&'static str, String)> {
    vec![
        ("none", String::new()),
        ("huge", format!("X-Padding: {}\r\n", "a".repeat(100_000))),
        (
            "duplicated",
            "Accept-Encoding: gzip\r\nAccept-Encoding: br\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\nCookie: a=1\r\nCookie: b=2\r\n"
                .into(),
        ),
        ("foreign host", "X-Forwarded-Host: evil.example\r\n".into()),
        ("range", "Range: bytes=0-99\r\n".into()),
        ("any etag", "If-None-Match: *\r\n".into()),
        (
            "odd encodings",
            "Accept-Encoding: br;q=0, gzip;q=0, identity;q=0, *;q=0\r\n".into(),
        ),
        (
            "a body",
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n\r\nemail=a@b"
                .into(),
        ),
    ]
}

/// The paths of every page type on both editions (and a second list page), read from a
/// separate app so that the app under attack starts with an empty cache.
async fn every_page_type() -> Vec<String> {
    let scout = spawn_app().await;
    let mut paths = crate::page_cache::every_page_type(&scout).await;
    paths.push("/world?page=2".to_string());
    paths
}

/// What came back on a raw connection: the status (0 when the server closed it without
/// answering) and the response's head and body as text.
struct Raw {
    status: u16,
    head: String,
    body: String,
}

/// Sends bytes on a fresh connection and reads until the server closes it.
async fn send_raw(app: &TestApp, request: &[u8]) -> Raw {
    let address = app.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.expect("connect");
    // A server may refuse a huge head before reading it all: a failed write is an answer.
    let _ = stream.write_all(request).await;
    let mut bytes = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut bytes)).await;
    assert!(read.is_ok(), "the server neither answered nor closed");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    Raw {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// Sends every method with every odd header to one path and checks each answer alone.
async fn attack(app: &TestApp, path: &str) {
    for method in METHODS {
        for (odd, headers) in odd_headers() {
            let host = if odd == "foreign host" {
                "evil.example"
            } else {
                "localhost"
            };
            // Every header line ends in CRLF; a body follows the blank line.
            let (headers, body) = match headers.split_once("\r\n\r\n") {
                Some((lines, body)) => (format!("{lines}\r\n"), body),
                None => (headers.clone(), ""),
            };
            let request = format!(
                "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{headers}\r\n{body}"
            );
            let answer = send_raw(app, request.as_bytes()).await;
            let case = format!("{method} {path} with {odd} headers");

            assert!(
                answer.status < 500,
                "{case}: {}\n{}",
                answer.status,
                answer.head
            );
            assert!(
                !answer.head.contains("evil.example") && !answer.body.contains("evil.example"),
                "{case} echoed the foreign host"
            );
            if odd == "huge" {
                assert!(
                    answer.status == 0 || answer.status == 431 || answer.status == 400,
                    "{case}: {}",
                    answer.status
                );
                continue;
            }
            match method {
                "GET" | "HEAD" => assert!(
                    [200, 206, 304, 301].contains(&answer.status),
                    "{case}: {}",
                    answer.status
                ),
                "OPTIONS" => assert!(
                    [200, 204, 405].contains(&answer.status),
                    "{case}: {}",
                    answer.status
                ),
                _ => {
                    assert_eq!(answer.status, 405, "{case}");
                    let allow = answer
                        .head
                        .lines()
                        .find_map(|line| {
                            line.to_ascii_lowercase()
                                .strip_prefix("allow:")
                                .map(str::trim)
                                .map(String::from)
                        })
                        .unwrap_or_default();
                    assert!(allow.contains("get"), "{case}: Allow is {allow:?}");
                    assert!(
                        answer
                            .head
                            .to_ascii_lowercase()
                            .contains("x-content-type-options: nosniff"),
                        "{case}: a refusal without the security headers"
                    );
                    assert!(
                        !answer.body.contains("X-Padding") && !answer.body.contains("Cookie"),
                        "{case} echoed the request"
                    );
                }
            }
            if method == "HEAD" {
                assert!(answer.body.is_empty(), "{case} sent a body");
            }
        }
    }
}

/// What a reader gets next must be the whole page, the same for HEAD and GET.
async fn assert_whole(app: &TestApp, path: &str, when: &str) {
    let page = app.get(path).await;
    let head = app
        .client
        .head(format!("{}{path}", app.address))
        .send()
        .await
        .expect("HEAD");

    assert_eq!(page.status, 200, "{path} {when}");
    let text = page.text.trim_end();
    assert!(
        text.ends_with("</html>") || text.ends_with("</rss>"),
        "{path} {when}: the page is cut short ({} bytes)",
        page.text.len()
    );
    assert!(!page.text.contains("evil.example"), "{path} {when}");
    if let Some(length) = page.headers.get("content-length") {
        assert_eq!(length.to_str().expect("ascii"), page.text.len().to_string());
    }
    assert_eq!(head.status(), 200, "HEAD {path} {when}");
    assert_eq!(
        head.headers().get("content-length"),
        page.headers.get("content-length"),
        "HEAD {path} {when} announces another length"
    );
    assert_eq!(
        head.headers().get("etag"),
        page.headers.get("etag"),
        "HEAD {path} {when} announces another version"
    );
}

#[tokio::test]
async fn every_method_with_odd_headers_leaves_every_page_whole_for_the_next_reader() {
    let paths = every_page_type().await;
    let app = spawn_app().await;

    for path in &paths {
        attack(&app, path).await;
        assert_whole(&app, path, "after an attack on an empty cache").await;
        attack(&app, path).await;
        assert_whole(&app, path, "after an attack on the cached page").await;
    }
}
