//! Reading feeds as their readers do: the parsers of `tests/feedparse.py` (feedparser for
//! RSS and Atom, jsonfeed-util for JSON Feed), each format's own rules, and each item
//! against the story page it names.

use jiff::Timestamp;
use serde_json::Value;

use super::{BASE, FORMATS, atom, xml};
use crate::helpers::{Page, TestApp, python_json};

/// What the feed parsers understood of a feed (see `tests/feedparse.py`).
pub fn feedparser(feed: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/feedparse.py");
    python_json(
        &[script],
        feed,
        "tests/feedparse.py (pip install feedparser jsonfeed-util)",
    )
}

/// Every way a JSON Feed breaks the JSON Feed 1.1 specification's rules.
fn json_feed_problems(feed: &Value) -> Vec<String> {
    let mut found = Vec::new();
    if feed["version"] != "https://jsonfeed.org/version/1.1" {
        found.push(format!("version {}", feed["version"]));
    }
    if !feed["title"].is_string() {
        found.push("no title".to_string());
    }
    for url in ["home_page_url", "feed_url"] {
        if !feed[url]
            .as_str()
            .is_some_and(|url| url.starts_with("http"))
        {
            found.push(format!("{url} is not a URL"));
        }
    }
    let Some(items) = feed["items"].as_array() else {
        return vec!["no items array".to_string()];
    };
    for (index, item) in items.iter().enumerate() {
        if item["id"].as_str().is_none_or(str::is_empty) {
            found.push(format!("item {index}: no id"));
        }
        if !item["content_html"].is_string() && !item["content_text"].is_string() {
            found.push(format!(
                "item {index}: neither content_html nor content_text"
            ));
        }
        for date in ["date_published", "date_modified"] {
            let text = item[date].as_str().unwrap_or_default();
            if !item[date].is_null() && !atom::is_rfc3339(text) {
                found.push(format!("item {index}: {date} {text:?}"));
            }
        }
        for author in item["authors"].as_array().into_iter().flatten() {
            if !author["name"].is_string() && !author["url"].is_string() {
                found.push(format!("item {index}: an author with neither name nor url"));
            }
        }
        if !item["tags"].is_null()
            && !item["tags"]
                .as_array()
                .is_some_and(|tags| tags.iter().all(Value::is_string))
        {
            found.push(format!("item {index}: tags are not strings"));
        }
    }
    found
}

/// Fetches a feed, checks its media type, that the parsers read it without a problem and
/// that it keeps its format's rules; returns what they read.
pub async fn read_feed(app: &TestApp, path: &str) -> (Page, Value) {
    let page = app.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    let format = path
        .trim_start_matches("/ar")
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let (_, media_type) = FORMATS
        .iter()
        .find(|(segment, _)| *segment == format)
        .expect("a feed path");
    assert_eq!(
        page.headers["content-type"],
        format!("{media_type}; charset=utf-8"),
        "{path}"
    );
    let parsed = feedparser(&page.text);
    assert_eq!(parsed["bozo"], false, "{path}: {}", parsed["problem"]);
    match format {
        "atom" => {
            let document = xml::parse(&page.text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(atom::problems(&document), Vec::<String>::new(), "{path}");
        }
        "jsonfeed" => {
            let feed: Value = serde_json::from_str(&page.text).expect("JSON");
            assert_eq!(json_feed_problems(&feed), Vec::<String>::new(), "{path}");
        }
        _ => {
            let document = xml::parse(&page.text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(document.name, "rss", "{path}");
            let channel = document.all("", "channel").next().expect("a channel");
            for required in ["title", "link", "description"] {
                assert_eq!(channel.all("", required).count(), 1, "{path}: {required}");
            }
        }
    }
    (page, parsed)
}

/// Checks a feed's entries against the story pages they link: headline, byline, first
/// publication, topics and keywords.
pub async fn check_entries(app: &TestApp, path: &str, parsed: &Value) {
    let entries = parsed["entries"].as_array().expect("entries");
    assert!(!entries.is_empty(), "{path}: no entries");
    for entry in entries.iter().take(6) {
        let link = entry["link"].as_str().expect("a link");
        // An Arabic story's slug percent-encoded: a URL, not an IRI.
        assert!(link.is_ascii(), "{path}: {link}");
        let story = app
            .get(link.strip_prefix(BASE).expect("an absolute link"))
            .await;
        assert_eq!(story.status, 200, "{link}");

        assert_eq!(
            story.texts("h1.headline"),
            [entry["title"].as_str().expect("title")],
            "{link}"
        );
        let byline = story.texts(".byline a[rel=author], .byline .agency");
        assert_eq!(
            entry["authors"].as_array().expect("authors").len(),
            byline.len(),
            "{link}"
        );
        for (author, name) in entry["authors"]
            .as_array()
            .expect("authors")
            .iter()
            .zip(&byline)
        {
            assert_eq!(author.as_str(), Some(name.as_str()), "{path}: {link}");
        }
        let shown: Timestamp = story.attrs(".dateline time", "datetime")[0]
            .parse()
            .expect("time");
        let listed: Timestamp = entry["published"]
            .as_str()
            .expect("published")
            .parse()
            .expect("time");
        assert_eq!(shown, listed, "{path}: {link}");
        let tags: Vec<&str> = entry["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for label in story
            .texts(".related-topics a")
            .iter()
            .chain(&story.texts(".keywords a"))
        {
            assert!(
                tags.contains(&label.as_str()),
                "{path}: {link} lacks {label}"
            );
        }
        assert!(
            entry["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("tag:masthead.test,"))
        );
    }
}

/// A request with headers, read whole.
pub async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    headers: &[(&str, &str)],
) -> Page {
    let mut request = app.client.request(method, format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    Page::read(request.send().await.expect("request")).await
}

pub fn header<'a>(page: &'a Page, name: &str) -> &'a str {
    page.headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}
