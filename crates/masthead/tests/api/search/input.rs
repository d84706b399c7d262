//! What readers, crawlers and bots send the search page: typos, hostile and oversized
//! queries, broken addresses, other methods and a hundred searches at once. Each gets a
//! clear page (never an error page), and none of it enters the page cache.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;

use crate::helpers::{TestApp, spawn_app};
use crate::search::{demo_word, headlines, search};

/// What every answer to a reader's search is: a 200 search page with its form, not an
/// error page, and nothing invisible or unescaped echoed back.
fn assert_search_page(page: &crate::helpers::Page, reason: &str) {
    assert_eq!(page.status, 200, "{reason}: {}", page.status);
    assert_eq!(page.texts("h1"), ["Search"], "{reason}");
    assert_eq!(page.attrs("#search-q", "name"), ["q"], "{reason}");
    assert!(page.texts(".error-code").is_empty(), "{reason}");
    assert!(
        !page
            .text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
        "{reason}: control or bidi-override characters echoed"
    );
    assert!(!page.text.contains("<script>alert"), "{reason}: unescaped");
}

#[tokio::test]
async fn hostile_and_odd_queries_get_a_clear_page_and_never_an_error() {
    let app = spawn_app().await;
    let long = "nato ".repeat(2000);
    let cases: [(&str, &str); 22] = [
        ("", "empty"),
        ("   ", "only spaces"),
        (&long, "10,000 characters"),
        ("the of and a", "only stop words"),
        ("?!.,;:()[]{}", "only punctuation"),
        ("\"unclosed quote", "an unclosed quote"),
        ("*", "a star"),
        ("NEAR(a b)", "FTS5 NEAR"),
        ("OR", "an operator alone"),
        ("a OR b AND NOT c", "operators between words"),
        ("-", "a lone minus"),
        ("-nato", "only an exclusion"),
        ("' OR 1=1 --", "SQL"),
        ("'; DROP TABLE stories; --", "more SQL"),
        ("title:x", "an FTS5 column filter"),
        ("\"a\" AND NOT b", "FTS5 syntax"),
        ("^x", "an FTS5 initial token"),
        ("nato\u{0}\u{7}\u{1b}[31m", "control characters"),
        ("\u{202E}otan\u{202C} nato", "a bidi override"),
        ("Erdoğan مرحبا Москва 東京", "mixed scripts"),
        ("<script>alert(1)</script>", "markup"),
        ("%00%27%22", "percent signs"),
    ];

    for (typed, reason) in cases {
        let page = search(&app, "/search", &[("q", typed)]).await;

        assert_search_page(&page, reason);
        let shown = page.attrs("#search-q", "value").remove(0);
        assert!(
            shown.chars().count() <= 500,
            "{reason}: the box keeps 500 characters"
        );
    }
    let nothing = search(&app, "/search", &[("q", "?!.,")]).await;
    assert!(nothing.texts(".search-hint")[0].starts_with("There is nothing to search for"));
    let arabic = search(&app, "/ar/search", &[("q", "\u{202E}؟!")]).await;
    assert_eq!(arabic.status, 200);
    assert_eq!(arabic.texts("h1"), ["بحث"]);
}

#[tokio::test]
async fn bad_values_in_the_address_are_left_out_with_a_note() {
    let app = spawn_app().await;
    let cases: [(&[(&str, &str)], &str); 13] = [
        (&[("page", "0")], "There is no such page"),
        (&[("page", "-1")], "There is no such page"),
        (&[("page", "99999")], "There is no such page"),
        (&[("page", "abc")], "There is no such page"),
        (&[("from", "2024-02-30")], "A date was not understood"),
        (&[("to", "yesterday")], "A date was not understood"),
        (
            &[("from", "2024-03-01"), ("to", "2024-01-01")],
            "The dates were the wrong way round",
        ),
        (
            &[("section", "no-such-section")],
            "We do not have that section",
        ),
        (&[("section", "../../etc")], "We do not have that section"),
        (&[("kind", "page")], "We do not have that type"),
        (&[("author", "nobody-at-all")], "We do not know that author"),
        (&[("author", "<b>")], "We do not know that author"),
        (&[("sort", "random")], "We do not know that order"),
    ];

    for (fields, note) in cases {
        let mut query = vec![("q", "nato")];
        query.extend_from_slice(fields);

        let page = search(&app, "/search", &query).await;

        assert_search_page(&page, note);
        let notes = page.texts(".search-note");
        assert!(
            notes.iter().any(|line| line.starts_with(note)),
            "{fields:?}: {notes:?}"
        );
    }
    let twice = app
        .get("/search?q=first&q=second&kind=video&kind=opinion&page=1&page=x")
        .await;
    assert_search_page(&twice, "repeated names");
    assert_eq!(
        twice.attrs("#search-q", "value"),
        ["first"],
        "the first wins"
    );
    assert_eq!(
        twice.attrs("#search-kind option[selected]", "value"),
        ["video"]
    );
    assert!(twice.texts(".search-note").is_empty());
    let word = demo_word(&app, "/world").await;
    let past = search(&app, "/search", &[("q", &word), ("page", "50")]).await;
    assert_search_page(&past, "a page past the results");
    assert!(past.texts(".search-page p a")[0].starts_with("Back to the first page"));
}

#[tokio::test]
async fn search_pages_pass_the_page_cache_and_head_answers_headers_only() {
    let app = spawn_app().await;
    let cache = || app.state.as_ref().expect("in-process app").cache.stats();
    let before = cache();

    let head = app
        .client
        .head(format!("{}/search?q=nato", app.address))
        .send()
        .await
        .expect("HEAD");
    let head_status = head.status().as_u16();
    let head_type = head.headers()["content-type"].clone();
    let head_body = head.bytes().await.expect("body");
    let first = app.get("/search?q=nato").await;
    let second = app.get("/search?q=ankara").await;
    let again = app.get("/search?q=nato").await;

    assert_eq!(head_status, 200);
    assert!(head_body.is_empty(), "HEAD has no body");
    assert!(head_type.to_str().expect("type").starts_with("text/html"));
    assert_eq!(first.text, again.text, "HEAD blanked nothing");
    assert!(first.text.len() > 1000);
    assert_ne!(first.text, second.text);
    for page in [&first, &second] {
        assert_eq!(page.headers["cache-control"], "no-store");
    }
    let after = cache();
    assert_eq!(after.entries, before.entries, "no page-cache entry");
    assert_eq!(after.stores, before.stores);
    assert_eq!(after.hits, before.hits);
    assert_eq!(after.misses, before.misses, "the cache does not even look");
    assert_eq!(
        after.passes,
        before.passes + 4,
        "HEAD and three GETs pass it"
    );
    for (method, status) in [
        (Method::OPTIONS, 204),
        (Method::POST, 405),
        (Method::PUT, 405),
    ] {
        let response = app
            .client
            .request(method.clone(), format!("{}/ar/search?q=x", app.address))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), status, "{method}");
        assert_eq!(response.headers()["allow"], "GET, HEAD", "{method}");
    }
}

#[tokio::test]
async fn another_spelling_of_the_search_page_moves_with_its_search() {
    let app = spawn_app().await;
    let cases = [
        ("/Search?q=nato", "/search?q=nato", "capitals"),
        (
            "/SEARCH?q=nato&page=2",
            "/search?q=nato&page=2",
            "a later page",
        ),
        (
            "/ar/Search?q=%D8%A3",
            "/ar/search?q=%D8%A3",
            "the Arabic edition",
        ),
        ("/Search?", "/search", "a bare question mark"),
        (
            "/World?q=nato",
            "/world",
            "another page's query is not kept",
        ),
    ];

    for (path, expected, reason) in cases {
        let moved = app.get(path).await;

        assert_eq!(moved.status, 301, "{reason}");
        assert_eq!(moved.location(), expected, "{reason}");
    }
}

#[tokio::test]
async fn a_hundred_searches_at_once_are_answered_or_told_to_come_back_and_the_site_goes_on() {
    let app = Arc::new(spawn_app().await);
    let word = demo_word(&app, "/world").await;
    let words = [
        "nato", "ankara", "talks", "energy", "europe", "vote", "market", "city",
    ];
    let started = Instant::now();

    let searches: Vec<_> = (0..100)
        .map(|index| {
            let app = app.clone();
            let url = format!(
                "{}/search?q={}+{index}",
                app.address,
                words[index % words.len()]
            );
            tokio::spawn(async move { answer(&app, &url).await })
        })
        .collect();
    let mut answered = 0;
    for search in searches {
        let (status, retry_after) = search.await.expect("join");
        match status {
            200 => answered += 1,
            503 => assert!(retry_after.is_some(), "a 503 says when to come back"),
            other => panic!("a search answered {other}"),
        }
    }

    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(answered > 0);
    assert_eq!(app.get("/").await.status, 200, "the site still answers");
    let after = search(&app, "/search", &[("q", &word)]).await;
    assert_eq!(after.status, 200);
    assert!(!headlines(&after).is_empty(), "and searches again");
}

#[tokio::test]
async fn popular_searches_are_kept_under_their_normal_form_and_crawlers_cannot_grow_them() {
    let app = spawn_app().await;
    let state = app.state.as_ref().expect("in-process app");
    let kept = || state.search_pages.count();
    // Nothing is kept until the indexer has found the index complete.
    let started = Instant::now();
    while state.search.index_version().is_none() {
        assert!(started.elapsed() < Duration::from_secs(5), "index complete");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let first = app.get("/search?q=nato").await;
    assert_eq!(kept(), 1);

    for spelling in [
        "/search?q=%20nato%20&utm_source=feed",
        "/search?q=nato&q=ankara",
        "/search?page=1&sort=relevance&q=nato",
    ] {
        let page = app.get(spelling).await;
        assert_eq!(page.text, first.text, "{spelling}");
        assert_eq!(page.headers["cache-control"], "no-store", "{spelling}");
    }
    assert_eq!(kept(), 1, "one entry for every spelling of one search");
    let noted = app.get("/search?q=nato&kind=page").await;
    assert_eq!(noted.texts(".search-note").len(), 1);
    assert_eq!(kept(), 1, "a page with a note is the reader's own");
    for n in 0..230 {
        assert_eq!(app.get(&format!("/search?q=crawl{n}")).await.status, 200);
    }
    assert_eq!(
        kept(),
        200,
        "new queries only replace the least recently used"
    );
}

async fn answer(app: &TestApp, url: &str) -> (u16, Option<String>) {
    let response = app.client.get(url).send().await.expect("request");
    let status = response.status().as_u16();
    let retry = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    response.bytes().await.expect("body");
    (status, retry)
}
