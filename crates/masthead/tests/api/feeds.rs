//! Feeds as feed readers see them: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest
//! stories, sections, topics, keywords and authors of both editions, read by Python's
//! feedparser (RSS, Atom) and jsonfeed-util (JSON Feed), installed by `.ci/run`, which
//! must report no problem; Atom checked against RFC 4287's rules and JSON Feed against its
//! specification's; each item checked against the story page it names; unknown feeds, the
//! full-text variant and the links that pages and the RSS page give to feeds. `caching`
//! has conditional requests and invalidation.

mod atom;
mod caching;
mod read;
mod xml;

use std::time::Duration;

use serde_json::Value;
use store::Role;

use crate::editor::within;
use crate::helpers::{TestApp, spawn_app};
use read::{check_entries, header, read_feed};

/// The site's base URL in tests.
const BASE: &str = "http://masthead.test";
/// Each format's first path segment and media type.
const FORMATS: [(&str, &str); 3] = [
    ("rss", "application/rss+xml"),
    ("atom", "application/atom+xml"),
    ("jsonfeed", "application/feed+json"),
];

/// The page of a keyword of the first world story.
async fn a_keyword_path(app: &TestApp) -> String {
    let story = app.get(&app.first_story_path("/world").await).await;
    story
        .attrs(".keywords a", "href")
        .into_iter()
        .next()
        .expect("a keyword")
}

/// The subjects of the demo's feeds: the latest stories, a section, a subsection, a topic,
/// a keyword and an author, and the Arabic edition's latest and world.
async fn subjects(app: &TestApp) -> Vec<String> {
    let keyword = a_keyword_path(app).await;
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
    let keyword = a_keyword_path(&app).await;

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
        // Feeds are the alternates with a type (the others are language versions).
        let hrefs = html.attrs("link[rel=alternate][type]", "href");
        let types = html.attrs("link[rel=alternate][type]", "type");
        let titles = html.attrs("link[rel=alternate][type]", "title");

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
