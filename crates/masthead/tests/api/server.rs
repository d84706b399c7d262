//! The HTTP server at the edge, tried with real sockets: slow and idle clients, stalled
//! bodies, anonymous newsroom forms, forwarded client addresses and https-only headers.

mod forms;
mod https;
mod proxies;

use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, spawn_app_with};

/// A response read off a raw socket.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl RawResponse {
    /// A header's value (the first, if repeated).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// A raw connection to the app.
pub async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .expect("connect")
}

/// Reads one response: its head, then as many body bytes as `Content-Length` says.
pub async fn read_response(stream: &mut (impl AsyncRead + Unpin)) -> RawResponse {
    let mut bytes = Vec::new();
    let head_end = loop {
        if let Some(end) = bytes.windows(4).position(|window| window == b"\r\n\r\n") {
            break end + 4;
        }
        let mut chunk = [0u8; 4096];
        let read = stream.read(&mut chunk).await.expect("read");
        assert!(read > 0, "the connection closed before a response");
        bytes.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&bytes[..head_end]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let mut response = RawResponse {
        status,
        head,
        body: bytes[head_end..].to_vec(),
    };
    let length: usize = response
        .header("content-length")
        .map_or(0, |value| value.parse().expect("a length"));
    while response.body.len() < length {
        let mut chunk = [0u8; 4096];
        let read = stream.read(&mut chunk).await.expect("read");
        assert!(read > 0, "the connection closed inside a body");
        response.body.extend_from_slice(&chunk[..read]);
    }
    response
}

/// Whether the server closes the connection within `limit` (reading and dropping
/// whatever it still sends).
pub async fn closed_within(stream: &mut (impl AsyncRead + Unpin), limit: Duration) -> bool {
    let drained = async {
        let mut chunk = [0u8; 4096];
        while let Ok(read) = stream.read(&mut chunk).await {
            if read == 0 {
                break;
            }
        }
    };
    tokio::time::timeout(limit, drained).await.is_ok()
}

#[tokio::test]
async fn a_client_sending_one_byte_a_second_is_cut_off_while_readers_are_served() {
    let app = spawn_app_with(|config| config.header_timeout_secs = 2).await;
    let (mut from_slow, mut to_slow) = connect(&app).await.into_split();
    let started = Instant::now();
    let trickle = tokio::spawn(async move {
        for byte in b"GET / HTTP/1.1\r\nHost: masthead.test\r\nUser-Agent: slow\r\n\r\n" {
            if to_slow.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });

    let mut readers = Vec::new();
    for _ in 0..4 {
        readers.push(app.get("/").await.status);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let cut_off = closed_within(&mut from_slow, Duration::from_secs(8)).await;
    trickle.abort();

    assert_eq!(readers, [200; 4], "readers are served meanwhile");
    assert!(cut_off, "the slow client still holds its connection");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "cut off long before its 58-byte request could arrive"
    );
}

#[tokio::test]
async fn a_kept_alive_connection_serves_requests_then_closes_when_idle() {
    let app = spawn_app_with(|config| {
        config.idle_timeout_secs = 2;
        config.header_timeout_secs = 60;
    })
    .await;
    let mut stream = connect(&app).await;
    let request = b"GET /healthz HTTP/1.1\r\nHost: masthead.test\r\n\r\n";

    stream.write_all(request).await.expect("write");
    let first = read_response(&mut stream).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    stream.write_all(request).await.expect("write");
    let second = read_response(&mut stream).await;
    let started = Instant::now();
    let closed = closed_within(&mut stream, Duration::from_secs(8)).await;

    assert_eq!((first.status, second.status), (200, 200));
    assert!(closed, "an idle connection stays open");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "closed by the idle timeout, not the header timeout"
    );
}

#[tokio::test]
async fn a_stalled_body_gets_408_and_the_connection_closes() {
    let app = spawn_app_with(|config| config.body_timeout_secs = 1).await;
    let mut stream = connect(&app).await;

    stream
        .write_all(
            b"POST /admin/login HTTP/1.1\r\nHost: masthead.test\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n\
              email=someone%40example.com&pass",
        )
        .await
        .expect("write");
    let response = tokio::time::timeout(Duration::from_secs(6), read_response(&mut stream))
        .await
        .expect("answered while the body is still owed");
    let closed = closed_within(&mut stream, Duration::from_secs(3)).await;

    assert_eq!(response.status, 408);
    assert!(closed, "the connection stays open after a stalled body");
}
