//! The page cache as clients see it: only complete `GET 200`s are stored, `HEAD` gets the
//! headers a `GET` gets, URL spellings move to (or share) the canonical page, junk URLs
//! cannot push hot pages out, and each coding has its own bytes and ETag.

use std::io::Read;
use std::sync::Arc;

use masthead::web::cache::CacheStats;
use reqwest::Method;
use reqwest::header::HeaderMap;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// A response's status, headers and raw (still compressed) bytes.
struct Raw {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }
}

async fn send(app: &TestApp, method: Method, path: &str, headers: &[(&str, &str)]) -> Raw {
    let mut request = app.client.request(method, format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("request");
    Raw {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.bytes().await.expect("body").to_vec(),
    }
}

fn stats(app: &TestApp) -> CacheStats {
    app.state.as_ref().expect("in-process app").cache.stats()
}

/// The page's own bytes, whatever coding it came in.
fn decoded(raw: &Raw) -> Vec<u8> {
    let mut out = Vec::new();
    match raw.header("content-encoding") {
        "br" => brotli::Decompressor::new(raw.body.as_slice(), 4096)
            .read_to_end(&mut out)
            .expect("Brotli"),
        "gzip" => flate2::read::GzDecoder::new(raw.body.as_slice())
            .read_to_end(&mut out)
            .expect("gzip"),
        _ => return raw.body.clone(),
    };
    out
}

/// One page of every type, in both editions.
pub(crate) async fn every_page_type(app: &TestApp) -> Vec<String> {
    let story = app.first_story_path("/world").await;
    let story_page = app.get(&story).await;
    let keyword = story_page
        .attrs(".keywords a", "href")
        .into_iter()
        .next()
        .expect("the story has a keyword");
    let arabic_story = app.first_story_path("/ar/").await;
    // A page of older stories, as the pager links it (`?before=`).
    let older = app
        .get("/ar/world")
        .await
        .attrs(".pager a[rel=next]", "href")
        .into_iter()
        .next()
        .expect("the Arabic world section has older stories");
    let mut paths = vec![story, keyword, arabic_story, older];
    for jobs in ["/jobs", "/ar/jobs"] {
        let listing = app.get(jobs).await.attrs(".job h3 a", "href");
        paths.push(listing.into_iter().next().expect("an open position"));
    }
    for path in [
        "/",
        "/world",
        "/topic/energy-transition",
        "/author/selin-aydemir",
        "/about-us",
        "/rss/latest",
        "/ar/",
        "/ar/world",
        "/ar/rss/world",
    ] {
        paths.push(path.to_string());
    }
    paths
}

#[tokio::test]
async fn head_then_get_returns_the_full_page_for_every_page_type() {
    let app = spawn_app().await;
    let paths = every_page_type(&app).await;
    let app = spawn_app().await;

    for path in &paths {
        let before = stats(&app);
        let head = send(&app, Method::HEAD, path, &[]).await;
        let after_head = stats(&app);
        let get = send(&app, Method::GET, path, &[]).await;
        let head_again = send(&app, Method::HEAD, path, &[]).await;

        assert_eq!((head.status, get.status), (200, 200), "{path}");
        assert!(head.body.is_empty(), "{path}: HEAD has no body");
        assert_eq!(
            after_head.entries, before.entries,
            "{path}: HEAD stores nothing"
        );
        assert!(get.body.len() > 500, "{path}: the full page");
        assert_eq!(
            head.header("content-length"),
            get.body.len().to_string(),
            "{path}"
        );
        assert_eq!(head.header("etag"), get.header("etag"), "{path}");
        assert_eq!(head_again.header("etag"), get.header("etag"), "{path}");
        assert_eq!(
            head_again.header("content-length"),
            head.header("content-length")
        );
    }
    assert_eq!(
        stats(&app).entries,
        paths.len() as u64,
        "each GET stored its page"
    );
}

#[tokio::test]
async fn a_head_request_before_any_reader_leaves_readers_the_full_page() {
    let app = spawn_app().await;

    let head = send(&app, Method::HEAD, "/world", &[("accept-encoding", "br")]).await;
    let page = app.get("/world").await;

    assert_eq!(head.status, 200);
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), ["World"]);
    assert_eq!(head.header("content-encoding"), "br");
}

#[tokio::test]
async fn other_spellings_of_a_url_move_to_it_or_share_its_page() {
    let app = spawn_app().await;
    let world = send(&app, Method::GET, "/world", &[]).await;
    let second = send(&app, Method::GET, "/world?page=2", &[]).await;
    let before = stats(&app);

    for (path, location, reason) in [
        ("//world", "/world", "a doubled slash"),
        ("/world/", "/world", "a trailing slash"),
        ("/%77orld", "/world", "an encoded letter"),
        ("/World", "/world", "capitals"),
        ("/world?", "/world", "a bare question mark"),
        (
            "/World?page=2&utm_source=x",
            "/world?page=2",
            "keeps the page only",
        ),
        ("/ar", "/ar/", "an edition's home is /ar/"),
    ] {
        let moved = send(&app, Method::GET, path, &[]).await;
        assert_eq!(moved.status, 301, "{reason}");
        assert_eq!(moved.header("location"), location, "{reason}");
    }
    for (path, same, reason) in [
        ("/world?utm_source=news&fbclid=1", &world, "tracking tags"),
        ("/world?page=1", &world, "the first page by number"),
        ("/world?%70age=2", &second, "an encoded name"),
        (
            "/world?x=1&page=2",
            &second,
            "an unknown name beside the page",
        ),
    ] {
        let page = send(&app, Method::GET, path, &[]).await;
        assert_eq!(page.status, 200, "{reason}");
        assert_eq!(page.header("etag"), same.header("etag"), "{reason}");
    }
    for (path, reason) in [
        ("/world?page=2&page=3", "the page named twice"),
        ("/world?page=9999", "past the last page"),
        ("/world?page=02x", "not a number"),
    ] {
        assert_eq!(
            send(&app, Method::GET, path, &[]).await.status,
            404,
            "{reason}"
        );
    }

    let after = stats(&app);
    assert_eq!(
        after.entries, before.entries,
        "nothing but the two pages is stored"
    );
    assert_eq!(after.stores, before.stores);
    assert_eq!(after.hits - before.hits, 4, "the shared spellings are hits");
}

#[tokio::test]
async fn a_flood_of_junk_urls_leaves_the_hot_pages_cached() {
    let app = Arc::new(spawn_app_with(|config| config.page_cache_entries = 20).await);
    let hot = ["/", "/world", "/politics", "/ar/"];
    for path in hot {
        assert_eq!(app.get(path).await.status, 200);
    }
    let before = stats(&app);

    let mut workers = tokio::task::JoinSet::new();
    for worker in 0..16 {
        let app = app.clone();
        workers.spawn(async move {
            for n in (worker..20_000).step_by(16) {
                let path = match n % 10 {
                    0 => format!("/no-such-page-{n}"),
                    1 => format!("/world?page={}", 1000 + n),
                    2 | 3 => format!("/World?n={n}"),
                    4..=6 => format!("/politics?utm_source={n}&page=1"),
                    _ => format!("/?cache-buster={n}"),
                };
                let status = app.get(&path).await.status;
                assert!([200, 301, 404].contains(&status), "{path}: {status}");
            }
        });
    }
    while let Some(done) = workers.join_next().await {
        done.expect("worker");
    }

    let after_flood = stats(&app);
    for path in hot {
        assert_eq!(app.get(path).await.status, 200);
    }
    let after = stats(&app);
    assert_eq!(
        after_flood.evictions, before.evictions,
        "nothing was pushed out"
    );
    assert_eq!(
        after_flood.entries, before.entries,
        "no junk URL was stored"
    );
    assert_eq!(after_flood.stores, before.stores);
    assert_eq!(
        after.hits - after_flood.hits,
        hot.len() as u64,
        "hot pages are hits"
    );
    assert_eq!(after.misses, after_flood.misses);
}

#[tokio::test]
async fn a_full_cache_drops_the_least_recently_used_page_one_at_a_time() {
    let app = spawn_app_with(|config| config.page_cache_entries = 3).await;
    for path in ["/world", "/politics", "/world/europe"] {
        app.get(path).await;
    }
    app.get("/world").await;
    let before = stats(&app);

    app.get("/politics/diplomacy").await;
    let after = stats(&app);
    app.get("/world").await;
    app.get("/politics").await;

    let last = stats(&app);
    assert_eq!(after.evictions - before.evictions, 1, "one page goes");
    assert_eq!(after.entries, 3);
    assert_eq!(last.hits - after.hits, 1, "/world stayed");
    assert_eq!(
        last.misses - after.misses,
        1,
        "/politics, least recently used, went"
    );
}

#[tokio::test]
async fn no_entries_turns_the_cache_off_and_every_read_renders() {
    let app = spawn_app_with(|config| config.page_cache_entries = 0).await;
    let first = app.get("/world").await;
    let second = app.get("/world").await;

    let stats = stats(&app);
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(first.text, second.text);
    assert_eq!((stats.hits, stats.misses), (0, 2));
    assert_eq!((stats.stores, stats.entries, stats.bytes), (0, 0, 0));
}

#[tokio::test]
async fn every_coding_decodes_to_the_same_page_and_has_its_own_etag() {
    let app = spawn_app().await;
    let story = app.first_story_path("/world").await;

    for path in ["/world", story.as_str()] {
        let br = send(&app, Method::GET, path, &[("accept-encoding", "gzip, br")]).await;
        let gzip = send(&app, Method::GET, path, &[("accept-encoding", "gzip")]).await;
        let plain = send(&app, Method::GET, path, &[]).await;

        assert_eq!(br.header("content-encoding"), "br");
        assert_eq!(gzip.header("content-encoding"), "gzip");
        assert_eq!(plain.header("content-encoding"), "");
        for raw in [&br, &gzip, &plain] {
            assert_eq!(raw.header("vary"), "accept-encoding");
            assert_eq!(raw.header("content-length"), raw.body.len().to_string());
        }
        assert_eq!(decoded(&br), plain.body);
        assert_eq!(decoded(&gzip), plain.body);
        assert!(br.body.len() * 3 < plain.body.len(), "compressed");
        let etags = [br.header("etag"), gzip.header("etag"), plain.header("etag")];
        assert!(etags[0] != etags[1] && etags[1] != etags[2] && etags[0] != etags[2]);
    }
}

#[tokio::test]
async fn each_coding_answers_304_to_its_own_etag_only() {
    let app = spawn_app().await;
    let codings = ["br", "gzip", "identity"];
    let mut etags = Vec::new();
    for coding in codings {
        let page = send(&app, Method::GET, "/world", &[("accept-encoding", coding)]).await;
        etags.push(page.header("etag").to_string());
    }

    for (coding, etag) in codings.iter().zip(&etags) {
        let asks = [
            ("accept-encoding", *coding),
            ("if-none-match", etag.as_str()),
        ];
        let same = send(&app, Method::GET, "/world", &asks).await;
        let head = send(&app, Method::HEAD, "/world", &asks).await;
        let other = etags.iter().find(|other| *other != etag).expect("another");
        let asks = [
            ("accept-encoding", *coding),
            ("if-none-match", other.as_str()),
        ];
        let changed = send(&app, Method::GET, "/world", &asks).await;

        assert_eq!((same.status, head.status), (304, 304), "{coding}");
        assert!(same.body.is_empty());
        assert_eq!(same.header("etag"), etag);
        assert_eq!(changed.status, 200, "{coding}: another coding's copy");
    }
}

#[tokio::test]
async fn other_methods_on_reader_pages_are_refused_and_store_nothing() {
    let app = spawn_app().await;
    let before = stats(&app);

    for method in ["PUT", "DELETE", "PATCH", "POST", "TRACE"] {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let refused = send(&app, method.clone(), "/world", &[]).await;
        assert_eq!(refused.status, 405, "{method}");
        assert_eq!(refused.header("allow"), "GET, HEAD", "{method}");
    }
    let options = send(&app, Method::OPTIONS, "/world", &[]).await;
    let form = app
        .post_form(
            "/newsletter",
            &[("email", "a@example.com"), ("consent", "yes")],
        )
        .await;
    // A newsletter page names POST where it takes it (the sign-up form, the signed links'
    // pages), and only there.
    let newsletter_cases = [
        (Method::OPTIONS, "/ar/newsletter", 204, "GET, HEAD, POST"),
        (
            Method::OPTIONS,
            "/newsletter/unsubscribe",
            204,
            "GET, HEAD, POST",
        ),
        (Method::OPTIONS, "/newsletter/check", 204, "GET, HEAD"),
        (
            Method::OPTIONS,
            "/ar/newsletter/challenge",
            204,
            "GET, HEAD",
        ),
        (Method::PUT, "/newsletter", 405, "GET, HEAD, POST"),
        (Method::POST, "/newsletter/check", 405, "GET, HEAD"),
    ];
    let mut newsletter = Vec::new();
    for (method, path, status, allow) in newsletter_cases {
        let answer = send(&app, method.clone(), path, &[]).await;
        newsletter.push((format!("{method} {path}"), answer, status, allow));
    }

    assert_eq!(options.status, 204);
    assert_eq!(options.header("allow"), "GET, HEAD");
    assert_ne!(form.status, 405, "the newsletter form still takes POST");
    for (request, answer, status, allow) in &newsletter {
        assert_eq!(answer.status, *status, "{request}");
        assert_eq!(answer.header("allow"), *allow, "{request}");
    }
    assert_eq!(stats(&app).entries, before.entries);
    assert_eq!(stats(&app).stores, before.stores);
}

#[tokio::test]
async fn theme_assets_have_hashed_names_that_cache_for_a_year_in_every_coding() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    let css = home
        .attrs("link[rel=stylesheet]", "href")
        .into_iter()
        .next()
        .expect("a stylesheet");

    let plain = send(&app, Method::GET, &css, &[]).await;
    let br = send(&app, Method::GET, &css, &[("accept-encoding", "br")]).await;
    let gzip = send(&app, Method::GET, &css, &[("accept-encoding", "gzip")]).await;
    let old_name = send(&app, Method::GET, "/assets/site.css", &[]).await;

    assert!(css.starts_with("/assets/site.") && css.ends_with(".css") && css != "/assets/site.css");
    assert_eq!(plain.status, 200);
    assert_eq!(
        plain.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(decoded(&br), plain.body);
    assert_eq!(decoded(&gzip), plain.body);
    assert_eq!(old_name.body, plain.body, "the plain name still serves");
    assert_eq!(old_name.header("cache-control"), "public, max-age=3600");
}
