//! `robots.txt` and the sitemaps as crawlers read them: the index, each edition's monthly
//! story sitemaps (split into parts), Google News and listings sitemaps, checked against
//! the protocol (see `protocol`), every URL listed answering 200, stories entering and
//! leaving as they are published and unpublished, and odd spellings answered sensibly.

use std::collections::HashSet;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use store::Role;

use crate::editor::within;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use crate::search::{editions, publish, section_id};
use protocol::Entry;

mod input;
mod protocol;

/// The tests' base URL (`Config::for_tests`).
const BASE: &str = "http://masthead.test";

/// The site path of one of the app's absolute URLs.
fn path_of(url: &str) -> &str {
    url.strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not on {BASE}"))
}

/// The sitemaps the index lists, checked.
async fn index(app: &TestApp) -> Vec<Entry> {
    let page = app.get("/sitemap.xml").await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(
        page.headers["content-type"],
        "application/xml; charset=utf-8"
    );
    protocol::sitemap_index(&page.text, BASE)
}

/// The URLs of one sitemap, checked.
async fn sitemap(app: &TestApp, url: &str) -> Vec<Entry> {
    let page = app.get(path_of(url)).await;
    assert_eq!(page.status, 200, "{url}: {}", page.text);
    assert_eq!(
        page.headers["content-type"],
        "application/xml; charset=utf-8"
    );
    protocol::urlset(&page.text, url)
}

/// Every URL of every story sitemap the index lists.
async fn story_urls(app: &TestApp) -> HashSet<String> {
    let mut urls = HashSet::new();
    for entry in index(app).await {
        if entry.loc.contains("/sitemap-stories-") {
            for url in sitemap(app, &entry.loc).await {
                assert!(urls.insert(url.loc.clone()), "{} listed twice", url.loc);
            }
        }
    }
    urls
}

/// The id of an edition's first section.
async fn first_section(app: &TestApp, edition: &store::Edition) -> i64 {
    let store = app.store().await;
    let sections = store.sections(edition.id).await.expect("sections");
    store.close().await;
    sections.first().expect("a section").id
}

#[tokio::test]
async fn robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_the_newsroom() {
    let app = spawn_app().await;

    let robots = app.get("/robots.txt").await;
    let head = app
        .client
        .head(format!("{}/robots.txt", app.address))
        .send()
        .await
        .expect("HEAD");

    assert_eq!(robots.status, 200);
    assert_eq!(robots.headers["content-type"], "text/plain; charset=utf-8");
    let lines: Vec<&str> = robots
        .text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert_eq!(
        lines,
        [
            "User-agent: *",
            "Disallow: /admin",
            "Disallow: /search?",
            "Disallow: /ar/search?",
            "Sitemap: http://masthead.test/sitemap.xml",
        ]
    );
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(head.text().await.expect("body"), "");
    assert_eq!(app.get("/ar/robots.txt").await.status, 404, "one per host");
    let capitals = app.get("/ROBOTS.TXT").await;
    assert_eq!(
        (capitals.status, capitals.location().as_str()),
        (301, "/robots.txt")
    );
}

#[tokio::test]
async fn a_themes_robots_txt_replaces_the_default() {
    let theme = tempfile::tempdir().expect("theme");
    std::fs::create_dir_all(theme.path().join("templates")).expect("mkdir");
    std::fs::write(
        theme.path().join("templates/robots.txt"),
        "User-agent: *\nDisallow: /private\nSitemap: {{ sitemap_url }}\n",
    )
    .expect("write");
    let theme_dir = theme.path().to_path_buf();
    let app = spawn_app_with(move |config| config.theme_dir = Some(theme_dir)).await;

    let robots = app.get("/robots.txt").await;

    assert_eq!(
        robots.text,
        "User-agent: *\nDisallow: /private\nSitemap: http://masthead.test/sitemap.xml\n"
    );
}

#[tokio::test]
async fn every_sitemap_follows_the_protocol_and_every_url_it_lists_answers_200() {
    let app = spawn_app().await;

    let sitemaps = index(&app).await;

    let locs: Vec<&str> = sitemaps.iter().map(|entry| path_of(&entry.loc)).collect();
    for expected in [
        "/sitemap-news.xml",
        "/sitemap-listings.xml",
        "/ar/sitemap-news.xml",
        "/ar/sitemap-listings.xml",
    ] {
        assert!(locs.contains(&expected), "{expected} in {locs:?}");
    }
    let months = locs
        .iter()
        .filter(|l| l.contains("/sitemap-stories-"))
        .count();
    let arabic_months = locs
        .iter()
        .filter(|l| l.starts_with("/ar/sitemap-stories-"))
        .count();
    assert!(
        months > arabic_months && arabic_months > 0,
        "both editions' months"
    );
    let mut images = HashSet::new();
    let mut listed = 0;
    for entry in &sitemaps {
        let is_news = entry.loc.ends_with("/sitemap-news.xml");
        if !is_news {
            assert!(entry.lastmod.is_some(), "{} has a lastmod", entry.loc);
        }
        let urls = sitemap(&app, &entry.loc).await;
        assert!(is_news || !urls.is_empty(), "{} lists something", entry.loc);
        for url in &urls {
            assert_eq!(url.news.is_some(), is_news, "{}", url.loc);
            let page = app.get(path_of(&url.loc)).await;
            assert_eq!(page.status, 200, "{} (in {})", url.loc, entry.loc);
            images.extend(url.images.iter().cloned());
            listed += 1;
        }
    }
    assert!(listed > 100, "the demo's stories and listings: {listed}");
    assert!(!images.is_empty(), "stories carry their images");
    for image in &images {
        assert_eq!(app.get(path_of(image)).await.status, 200, "{image}");
    }
}

#[tokio::test]
async fn the_listings_sitemap_lists_sections_topics_keywords_and_authors_of_its_edition() {
    let app = spawn_app().await;

    let english = sitemap(&app, &format!("{BASE}/sitemap-listings.xml")).await;
    let arabic = sitemap(&app, &format!("{BASE}/ar/sitemap-listings.xml")).await;

    let paths: Vec<&str> = english.iter().map(|url| path_of(&url.loc)).collect();
    assert_eq!(paths[0], "/", "the home page first");
    for kind in ["/topic/", "/keyword/", "/author/"] {
        assert!(
            paths.iter().any(|p| p.starts_with(kind)),
            "{kind} in {paths:?}"
        );
    }
    assert!(paths.contains(&"/world/europe"), "subsections");
    let arabic: Vec<&str> = arabic.iter().map(|url| path_of(&url.loc)).collect();
    assert_eq!(arabic[0], "/ar/");
    assert!(arabic.iter().all(|p| p.starts_with("/ar/")));
    assert!(
        arabic.iter().any(|p| p.contains("%D8")),
        "Arabic slugs, percent-encoded"
    );
}

#[tokio::test]
async fn a_month_over_the_limit_is_split_into_numbered_parts() {
    let app = spawn_app_with(|config| config.sitemap_urls = 3).await;
    let whole = spawn_app().await;

    let parts: Vec<Entry> = index(&app).await;
    let urls = story_urls(&app).await;

    assert_eq!(
        urls,
        story_urls(&whole).await,
        "the same stories, in more files"
    );
    for entry in parts.iter().filter(|e| e.loc.contains("/sitemap-stories-")) {
        assert!(sitemap(&app, &entry.loc).await.len() <= 3, "{}", entry.loc);
    }
    let second = parts
        .iter()
        .find(|entry| entry.loc.ends_with("-2.xml"))
        .expect("a month with a second part");
    let month = second.loc.trim_end_matches("-2.xml");
    let mut part = 2;
    while parts.iter().any(|e| e.loc == format!("{month}-{part}.xml")) {
        part += 1;
    }
    let past_last = format!("{}-{part}.xml", path_of(month));
    assert_eq!(app.get(&past_last).await.status, 404, "{past_last}");
}

#[tokio::test]
async fn the_news_sitemap_holds_the_last_48_hours_and_stories_leave_when_unpublished() {
    let app = spawn_app().await;
    let (english, arabic) = editions(&app).await;
    let editor = app.desk(Role::Editor).await;
    let europe = section_id(&app, &english, "world/europe").await.to_string();
    let draft = editor
        .create_story("A draft never listed", europe.parse().expect("id"))
        .await;
    let fields = [
        ("headline", "Ferries & trains sail <again>"),
        ("section_id", europe.as_str()),
        ("body", "The ferries sailed again on Monday."),
    ];

    let story = publish(&editor, &english, &fields).await;
    let arabic_section = first_section(&app, &arabic).await.to_string();
    let arabic_fields = [
        ("headline", "عودة العبارات"),
        ("section_id", arabic_section.as_str()),
        ("body", "عادت العبارات إلى الإبحار."),
    ];
    let arabic_story = publish(&editor, &arabic, &arabic_fields).await;

    let path = crate::editor::public_path(&app, story).await;
    let loc = format!("{BASE}{path}");
    let news = sitemap(&app, &format!("{BASE}/sitemap-news.xml")).await;
    let entry = news
        .iter()
        .find(|url| url.loc == loc)
        .expect("in the news sitemap");
    let item = entry.news.as_ref().expect("news entry");
    assert_eq!(item.title, "Ferries & trains sail <again>");
    assert_eq!(item.language, "en");
    assert!(!item.name.is_empty());
    let oldest = Timestamp::now() - SignedDuration::from_hours(48) - SignedDuration::from_secs(5);
    for url in &news {
        let published: Timestamp = url
            .news
            .as_ref()
            .expect("news")
            .published
            .parse()
            .expect("time");
        assert!(published >= oldest, "{} is older than 48 hours", url.loc);
    }
    let month = format!(
        "/sitemap-stories-{}.xml",
        Timestamp::now().strftime("%Y-%m")
    );
    let listed = sitemap(&app, &format!("{BASE}{month}")).await;
    assert!(listed.iter().any(|url| url.loc == loc), "in its month");
    let draft_path = crate::editor::public_path(&app, draft).await;
    assert!(
        !story_urls(&app)
            .await
            .contains(&format!("{BASE}{draft_path}"))
    );
    let arabic_path = crate::editor::public_path(&app, arabic_story).await;
    let arabic_news = sitemap(&app, &format!("{BASE}/ar/sitemap-news.xml")).await;
    let arabic_entry = arabic_news
        .iter()
        .find(|url| path_of(&url.loc).starts_with("/ar/") && url.loc.contains("%D8"))
        .expect("the Arabic story, its URL percent-encoded");
    assert_eq!(
        arabic_entry.news.as_ref().map(|n| n.language.as_str()),
        Some("ar")
    );
    assert!(arabic_path.starts_with("/ar/"));

    let unpublished = editor.save(story, &[], "unpublish").await;
    assert_eq!(unpublished.status, 303, "{}", unpublished.text);

    let gone = |status: u16, text: &str| status == 200 && !text.contains(&loc);
    within(&app, "/sitemap-news.xml", Duration::from_secs(1), gone).await;
    // The month may have had no other story: then it is gone too.
    let month_gone = |status: u16, text: &str| status == 404 || gone(status, text);
    within(&app, &month, Duration::from_secs(1), month_gone).await;
}
