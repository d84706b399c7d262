//! Feeds as feed readers see them: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest
//! stories, sections, topics, keywords and authors of both editions, read by Python's
//! feedparser (RSS, Atom) and jsonfeed-util (JSON Feed), installed by `.ci/run`, which
//! must report no problem; Atom checked
//! against RFC 4287's rules and JSON Feed against its specification's; each item checked
//! against the story page it names; conditional requests, HEAD, the full-text variant and
//! the links that pages and the RSS page give to feeds.

mod atom;
mod xml;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use jiff::Timestamp;
use serde_json::Value;
use store::Role;

use crate::editor::{public_path, within};
use crate::helpers::{Page, TestApp, spawn_app};

/// The site's base URL in tests.
const BASE: &str = "http://masthead.test";
/// Each format's first path segment and media type.
const FORMATS: [(&str, &str); 3] = [
    ("rss", "application/rss+xml"),
    ("atom", "application/atom+xml"),
    ("jsonfeed", "application/feed+json"),
];

/// What the feed parsers understood of a feed (see `tests/feedparse.py`).
fn feedparser(feed: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/feedparse.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(feed.as_bytes())
        .expect("feed written");
    let output = child.wait_with_output().expect("feedparser ran");
    assert!(
        output.status.success(),
        "tests/feedparse.py (pip install feedparser jsonfeed-util): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("feedparser's JSON")
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
async fn read_feed(app: &TestApp, path: &str) -> (Page, Value) {
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
async fn check_entries(app: &TestApp, path: &str, parsed: &Value) {
    let entries = parsed["entries"].as_array().expect("entries");
    assert!(!entries.is_empty(), "{path}: no entries");
    for entry in entries.iter().take(6) {
        let link = entry["link"].as_str().expect("a link");
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

/// The subjects of the demo's feeds: the latest stories, a section, a subsection, a topic,
/// a keyword and an author, and the Arabic edition's latest and world.
async fn subjects(app: &TestApp) -> Vec<String> {
    let story = app.get(&app.first_story_path("/world").await).await;
    let keyword = story
        .attrs(".keywords a", "href")
        .into_iter()
        .next()
        .expect("a keyword");
    let mut subjects: Vec<String> = [
        "latest",
        "world",
        "world/europe",
        "topic/energy-transition",
        "author/selin-aydemir",
    ]
    .iter()
    .map(|subject| format!("/{{format}}/{subject}"))
    .collect();
    subjects.push(format!("/{{format}}{keyword}"));
    subjects.push("/ar/{format}/latest".to_string());
    subjects.push("/ar/{format}/world".to_string());
    subjects
}

#[tokio::test]
async fn every_format_of_every_subject_reads_cleanly_in_both_editions() {
    let app = spawn_app().await;

    for subject in subjects(&app).await {
        for (format, _) in FORMATS {
            let path = subject.replace("{format}", format);
            let (_, parsed) = read_feed(&app, &path).await;

            assert!(
                !parsed["entries"].as_array().expect("entries").is_empty(),
                "{path}"
            );
            if path.starts_with("/ar/") {
                let language = parsed["language"].as_str().unwrap_or("ar");
                assert!(language.starts_with("ar"), "{path}: {language}");
            }
        }
    }
}

#[tokio::test]
async fn each_item_matches_the_story_it_names_in_every_format() {
    let app = spawn_app().await;

    for path in [
        "/rss/latest",
        "/atom/world",
        "/jsonfeed/author/selin-aydemir",
        "/ar/atom/latest",
    ] {
        let (_, parsed) = read_feed(&app, path).await;

        check_entries(&app, path, &parsed).await;
    }
}

#[tokio::test]
async fn items_carry_the_lead_image_with_its_size_caption_and_credit() {
    let app = spawn_app().await;

    let (rss, parsed) = read_feed(&app, "/rss/latest").await;
    let (atom, _) = read_feed(&app, "/atom/latest").await;
    let json: Value = serde_json::from_str(&app.get("/jsonfeed/latest").await.text).expect("JSON");

    let with_image = parsed["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|entry| !entry["media"].as_array().expect("media").is_empty())
        .expect("an item with a lead image");
    let media = &with_image["media"][0];
    assert!(
        media["url"]
            .as_str()
            .expect("url")
            .starts_with("http://masthead.test/media/")
    );
    assert!(
        media["width"]
            .as_str()
            .expect("width")
            .parse::<u32>()
            .expect("a number")
            > 0
    );
    assert!(
        media["height"]
            .as_str()
            .expect("height")
            .parse::<u32>()
            .expect("a number")
            > 0
    );
    let enclosure = &with_image["enclosures"][0];
    assert_eq!(enclosure["href"], media["url"]);
    assert!(
        enclosure["type"]
            .as_str()
            .expect("type")
            .starts_with("image/")
    );
    assert!(rss.text.contains("<media:credit>"), "credits");
    assert!(
        rss.text.contains("<media:description type=\"plain\">"),
        "captions"
    );
    assert!(
        atom.text.contains("<media:content "),
        "Atom has the image too"
    );
    assert!(
        atom.text.contains("<uri>http://masthead.test/author/"),
        "authors' pages"
    );
    assert!(
        json["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|item| item["image"].is_string())
    );
}

#[tokio::test]
async fn the_full_text_variant_carries_the_sanitised_body_and_the_summary_one_does_not() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Hostile body in the feed", app.a_section_id().await)
        .await;
    let body = "<p>Kept words <a href=\"javascript:alert(1)\">link</a></p><script>alert('x')</script><img src=x onerror=alert(2)>";
    editor.save(story, &[("body", body)], "save").await;

    let published = editor.save(story, &[], "publish").await;

    assert_eq!(published.status, 303, "{}", published.text);
    within(
        &app,
        "/rss/full/latest",
        Duration::from_secs(2),
        |_, text| text.contains("Hostile body in the feed"),
    )
    .await;
    for (format, _) in FORMATS {
        let (_, full) = read_feed(&app, &format!("/{format}/full/latest")).await;
        let (_, summary) = read_feed(&app, &format!("/{format}/latest")).await;
        let entry = &full["entries"][0];
        assert_eq!(entry["title"], "Hostile body in the feed", "{format}");
        let content = entry["content"][0].as_str().expect("content");
        assert!(content.contains("Kept words"), "{format}: {content}");
        for hostile in ["<script", "javascript:", "onerror", "alert("] {
            assert!(!content.contains(hostile), "{format}: {content}");
        }
        let summary_content = summary["entries"][0]["content"]
            .as_array()
            .expect("content");
        assert!(
            summary_content
                .iter()
                .all(|text| !text.as_str().unwrap_or_default().contains("Kept words")),
            "{format}: the summary feed carries no body"
        );
    }
}

/// A request with headers, read whole.
async fn send(
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

fn header<'a>(page: &'a Page, name: &str) -> &'a str {
    page.headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn feeds_answer_conditional_requests_until_a_story_in_them_changes_and_keep_its_id() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Ferry timetable returns", app.a_section_id().await)
        .await;
    editor.save(story, &[], "publish").await;
    let path = "/atom/latest";
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("Ferry timetable returns")
    })
    .await;
    let first = send(&app, reqwest::Method::GET, path, &[]).await;
    let etag = header(&first, "etag").to_string();
    let modified = header(&first, "last-modified").to_string();
    let id_before = feedparser(&first.text)["entries"][0]["id"].clone();

    let by_tag = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-none-match", &etag)],
    )
    .await;
    let by_date = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-modified-since", &modified)],
    )
    .await;
    let head = send(&app, reqwest::Method::HEAD, path, &[]).await;
    let other_tag = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-none-match", "\"other\"")],
    )
    .await;

    assert!(!etag.is_empty() && !modified.is_empty(), "validators");
    assert_eq!((by_tag.status, by_date.status), (304, 304));
    assert!(by_tag.text.is_empty() && by_date.text.is_empty());
    assert_eq!((head.status, head.text.as_str()), (200, ""));
    assert_eq!(header(&head, "etag"), etag);
    assert_eq!(header(&head, "last-modified"), modified);
    assert_eq!(other_tag.status, 200);

    // HTTP dates count whole seconds: the edit must fall in a later one.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let saved = editor
        .save(
            story,
            &[
                ("headline", "Ferry timetable returns in spring"),
                ("slug", "ferry-spring"),
            ],
            "save",
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("returns in spring")
    })
    .await;

    let by_tag = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-none-match", &etag)],
    )
    .await;
    let by_date = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-modified-since", &modified)],
    )
    .await;
    assert_eq!((by_tag.status, by_date.status), (200, 200));
    let entry = &feedparser(&by_tag.text)["entries"][0];
    assert_eq!(
        entry["id"], id_before,
        "the id outlives the headline and slug"
    );
    assert_eq!(
        entry["link"],
        format!("{BASE}{}", public_path(&app, story).await)
    );
}

#[tokio::test]
async fn unknown_feeds_are_not_found_and_other_spellings_move() {
    let app = spawn_app().await;

    for (path, reason) in [
        ("/atom/no-such-section", "unknown section"),
        ("/jsonfeed/topic/nothing", "unknown topic"),
        ("/rss/keyword/nothing", "unknown keyword"),
        ("/atom/author/nobody", "unknown author"),
        ("/atom/full", "full text of nothing"),
        ("/jsonfeed/full/nothing", "full text of an unknown section"),
        ("/atom", "a format alone"),
        ("/atom/latest?page=2", "feeds have one page"),
        ("/atom/latest.xml", "no slug has a dot"),
        ("/atom/topic/%3Cscript%3E", "a slug no topic could have"),
        ("/jsonfeed/latest?page=1&page=1", "the page given twice"),
    ] {
        assert_eq!(app.get(path).await.status, 404, "{reason}");
    }
    let client = crate::helpers::http_client()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for (path, to) in [
        ("/ATOM/Latest", "/atom/latest"),
        ("/jsonfeed/latest/", "/jsonfeed/latest"),
    ] {
        let response = client
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 301, "{path}");
        assert_eq!(response.headers()["location"], to, "{path}");
    }
}

#[tokio::test]
async fn every_listing_page_links_its_feeds_in_each_format() {
    let app = spawn_app().await;
    let story = app.get(&app.first_story_path("/world").await).await;
    let keyword = story
        .attrs(".keywords a", "href")
        .into_iter()
        .next()
        .expect("a keyword");

    for page in [
        "/",
        "/world",
        "/world/europe",
        "/topic/energy-transition",
        "/author/selin-aydemir",
        keyword.as_str(),
        "/ar/",
    ] {
        let html = app.get(page).await;
        let hrefs = html.attrs("link[rel=alternate]", "href");
        let types = html.attrs("link[rel=alternate]", "type");
        let titles = html.attrs("link[rel=alternate]", "title");

        assert_eq!(
            types,
            FORMATS.map(|(_, media_type)| media_type.to_string()),
            "{page}"
        );
        assert!(titles.iter().all(|title| !title.is_empty()), "{page}");
        for (href, media_type) in hrefs.iter().zip(&types) {
            let feed = app.get(href).await;
            assert_eq!(feed.status, 200, "{page}: {href}");
            assert!(
                header(&feed, "content-type").starts_with(media_type.as_str()),
                "{href}"
            );
        }
    }
}

#[tokio::test]
async fn the_rss_page_lists_the_feeds_of_sections_topics_and_authors_in_every_format() {
    let app = spawn_app().await;

    let page = app.get("/rss").await;
    let feeds = page.attrs(".feed-list a", "href");
    let types = page.attrs(".feed-list a", "type");

    assert_eq!(
        feeds[..6],
        [
            "/rss/latest",
            "/atom/latest",
            "/jsonfeed/latest",
            "/rss/full/latest",
            "/atom/full/latest",
            "/jsonfeed/full/latest"
        ]
    );
    for listed in [
        "/atom/world/europe",
        "/rss/topic/energy-transition",
        "/jsonfeed/author/selin-aydemir",
    ] {
        assert!(feeds.contains(&listed.to_string()), "{listed}");
    }
    assert!(feeds.len() > 300, "{} feeds", feeds.len());
    for (feed, media_type) in feeds.iter().zip(&types).step_by(7).take(12) {
        let response = app.get(feed).await;
        assert_eq!(response.status, 200, "{feed}");
        assert_eq!(
            header(&response, "content-type"),
            format!("{media_type}; charset=utf-8")
        );
    }
}

#[tokio::test]
async fn renaming_an_author_reaches_every_feed_that_shows_their_byline() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let path = "/atom/latest";
    let (_, before) = read_feed(&app, path).await;
    let page = before["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .flat_map(|entry| entry["author_links"].as_array().expect("links"))
        .filter_map(Value::as_str)
        .find(|url| url.starts_with(&format!("{BASE}/author/")))
        .expect("a staff byline in the latest stories")
        .to_string();
    let slug = page.rsplit('/').next().expect("a slug");
    let store = app.store().await;
    let author = store
        .author_by_slug(slug)
        .await
        .expect("read")
        .expect("the author");

    let form = [("name", "Renamed Byline"), ("slug", slug)];
    let saved = editor
        .post(&format!("/admin/authors/{}", author.id), &form)
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("<name>Renamed Byline</name>")
    })
    .await;
    let (_, after) = read_feed(&app, path).await;
    assert!(
        !serde_json::to_string(&after)
            .expect("JSON")
            .contains(&author.name),
        "no item keeps the old name"
    );
}
