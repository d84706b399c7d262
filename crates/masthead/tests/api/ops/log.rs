//! The request log: one line per request, JSON when `log_format = "json"`, cache hits
//! included.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::helpers::{copy_of_demo, spawn_logged_node};

#[tokio::test]
async fn each_request_is_one_json_line_with_method_route_status_duration_and_cache() {
    let data = Arc::new(copy_of_demo().await);
    let (node, log) =
        spawn_logged_node(&data, &[("log_level", "info"), ("log_format", "json")]).await;

    node.get("/").await;
    node.get("/").await;
    node.get("/wp-login.php").await;

    let started = Instant::now();
    let requests = loop {
        let lines = log.lines();
        let requests: Vec<serde_json::Value> = lines
            .iter()
            .map(|line| {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|error| panic!("not JSON ({error}): {line}"))
            })
            .filter(|line| line["message"] == "request")
            .collect();
        if requests.len() >= 3 {
            break requests;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{lines:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let home: Vec<&serde_json::Value> = requests
        .iter()
        .filter(|line| line["route"] == "home")
        .collect();
    assert_eq!(home.len(), 2, "{requests:#?}");
    assert_eq!(home[0]["cache"], "miss");
    assert_eq!(home[1]["cache"], "hit");
    for line in &home {
        assert_eq!(line["method"], "GET");
        assert_eq!(line["status"], 200);
        assert_eq!(line["path"], "/");
        assert!(line["duration_ms"].as_f64().is_some_and(|ms| ms >= 0.0));
        assert_eq!(line["level"], "INFO");
    }
    let junk = requests
        .iter()
        .find(|line| line["path"] == "/wp-login.php")
        .expect("the junk request is logged");
    assert_eq!(junk["route"], "other");
    assert_eq!(junk["status"], 404);
}

#[tokio::test]
async fn request_lines_are_plain_text_by_default() {
    let data = Arc::new(copy_of_demo().await);
    let (node, log) = spawn_logged_node(&data, &[("log_level", "info")]).await;

    node.get("/").await;

    let started = Instant::now();
    let line = loop {
        if let Some(line) = log
            .lines()
            .into_iter()
            .find(|line| line.contains("route=\"home\""))
        {
            break line;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:#?}",
            log.lines()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(!line.starts_with('{'), "{line}");
    assert!(line.contains("status=200"), "{line}");
    assert!(line.contains("cache=\"miss\""), "{line}");
}
