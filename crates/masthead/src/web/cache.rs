//! The page cache: rendered pages kept in memory by URL, tagged with what they show
//! (`story:12`, `section:3`, `edition:1`...) so a change drops exactly the pages it touches.
//!
//! Handlers opt in by returning [`cacheable`] responses; [`CachedSite`], in front of the
//! router, answers repeat requests from memory with ETag / 304, `Cache-Control` and
//! `Surrogate-Key`.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};

use tower_service::Service;

use crate::app::AppState;

/// Browsers revalidate after a minute; a CDN may keep pages an hour, purged by key.
const CACHE_CONTROL: &str = "public, max-age=60, s-maxage=3600, stale-if-error=86400";
/// Bodies larger than this are served but not cached.
const MAX_BODY: usize = 2 * 1024 * 1024;

/// The tags a response's page shows, set by handlers that want it cached.
#[derive(Clone, Debug)]
pub struct CacheTags(pub Vec<String>);

/// A rendered page in the cache, with every header it is sent with.
#[derive(Debug)]
pub struct CachedPage {
    body: Bytes,
    etag: HeaderValue,
    headers: HeaderMap,
}

#[derive(Debug, Default)]
struct Entries {
    pages: HashMap<String, Arc<CachedPage>>,
    by_tag: HashMap<String, HashSet<String>>,
}

/// Rendered pages by URL with a tag index.
#[derive(Debug)]
pub struct PageCache {
    entries: RwLock<Entries>,
    capacity: usize,
    /// Counts invalidations, so a render that raced one is not kept.
    generation: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// How the cache took part in a response, left in its extensions for the request log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Answered from memory.
    Hit,
    /// A cacheable request that went to the router.
    Miss,
    /// A request the cache does not handle (other methods).
    Pass,
}

impl CacheOutcome {
    /// The outcome's name in logs and metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            CacheOutcome::Hit => "hit",
            CacheOutcome::Miss => "miss",
            CacheOutcome::Pass => "pass",
        }
    }
}

/// Marks a response with how the cache took part in it.
fn marked(mut response: Response, outcome: CacheOutcome) -> Response {
    response.extensions_mut().insert(outcome);
    response
}

/// What the cache holds and how it has been used, for `/metrics` and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Requests answered from the cache.
    pub hits: u64,
    /// Cacheable requests that went to the router.
    pub misses: u64,
    /// Pages held.
    pub entries: u64,
    /// Bytes of page bodies held.
    pub bytes: u64,
}

/// An HTML response the cache may keep, tagged with what it shows.
pub fn cacheable(html: String, tags: Vec<String>) -> Response {
    let mut response = Html(html).into_response();
    response.extensions_mut().insert(CacheTags(tags));
    response
}

impl PageCache {
    /// An empty cache holding at most `capacity` pages.
    pub fn new(capacity: usize) -> PageCache {
        PageCache {
            entries: RwLock::new(Entries::default()),
            capacity,
            generation: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The cache's counters and size now.
    pub fn stats(&self) -> CacheStats {
        let entries = self
            .entries
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            entries: entries.pages.len() as u64,
            bytes: entries
                .pages
                .values()
                .map(|page| page.body.len() as u64)
                .sum(),
        }
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn get(&self, key: &str) -> Option<Arc<CachedPage>> {
        let entries = self
            .entries
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        entries.pages.get(key).cloned()
    }

    fn insert(&self, key: String, page: Arc<CachedPage>, tags: &[String]) {
        let mut entries = self
            .entries
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        if entries.pages.len() >= self.capacity {
            // Full: start afresh rather than track recency on every hit (hits stay a
            // read lock); the hot pages come back within seconds.
            *entries = Entries::default();
        }
        for tag in tags {
            entries
                .by_tag
                .entry(tag.clone())
                .or_default()
                .insert(key.clone());
        }
        entries.pages.insert(key, page);
    }

    /// Drops every page tagged with any of `tags`; returns how many were dropped.
    pub fn invalidate(&self, tags: &[String]) -> usize {
        let mut entries = self
            .entries
            .write()
            .unwrap_or_else(|poison| poison.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        let mut dropped = 0;
        for tag in tags {
            for key in entries.by_tag.remove(tag).unwrap_or_default() {
                dropped += usize::from(entries.pages.remove(&key).is_some());
            }
        }
        dropped
    }

    /// How many pages are cached.
    #[cfg(test)]
    fn len(&self) -> usize {
        let entries = self
            .entries
            .read()
            .unwrap_or_else(|poison| poison.into_inner());
        entries.pages.len()
    }
}

fn etag_of(body: &[u8]) -> HeaderValue {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    HeaderValue::from_str(&format!("\"{:016x}\"", hasher.finish()))
        .unwrap_or(HeaderValue::from_static("\"0\""))
}

fn respond(page: &CachedPage, if_none_match: Option<&HeaderValue>, head: bool) -> Response {
    let not_modified = if_none_match.is_some_and(|value| value == page.etag);
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else if head {
        StatusCode::OK.into_response()
    } else {
        Response::new(Body::from(page.body.clone()))
    };
    *response.headers_mut() = page.headers.clone();
    if not_modified {
        response.headers_mut().remove(header::CONTENT_TYPE);
    }
    response
}

/// The cache key of a request: its path and page number. Other query parameters change
/// nothing on reader pages, so they must not mint new cache entries.
fn cache_key(uri: &Uri) -> String {
    let page = uri
        .query()
        .and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("page=")));
    match page {
        Some(page) => format!("{}?page={page}", uri.path()),
        None => uri.path().to_string(),
    }
}

/// The whole site behind the page cache: a hit is answered before any routing or other
/// middleware; a miss goes to the router, and a tagged 200 is kept on the way out.
#[derive(Clone)]
pub struct CachedSite {
    state: Arc<AppState>,
    router: Router,
}

impl CachedSite {
    /// Puts the cache in front of a router.
    pub fn new(state: Arc<AppState>, router: Router) -> CachedSite {
        CachedSite { state, router }
    }
}

type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl Service<Request> for CachedSite {
    type Response = Response;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> ResponseFuture {
        let head = request.method() == Method::HEAD;
        let cacheable = head || request.method() == Method::GET;
        if !cacheable {
            let response = self.router.call(request);
            return Box::pin(async move { Ok(marked(response.await?, CacheOutcome::Pass)) });
        }
        let key = cache_key(request.uri());
        let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
        if let Some(page) = self.state.cache.get(&key) {
            self.state.cache.hits.fetch_add(1, Ordering::Relaxed);
            let response = respond(&page, if_none_match.as_ref(), head);
            return Box::pin(std::future::ready(Ok(marked(response, CacheOutcome::Hit))));
        }
        self.state.cache.misses.fetch_add(1, Ordering::Relaxed);
        let state = self.state.clone();
        // A page rendered while a change came in may show the old content: keep it only
        // if no invalidation happened since the render began.
        let generation = state.cache.generation();
        let response = self.router.call(request);
        Box::pin(async move {
            let response = response.await?;
            let key = (state.cache.generation() == generation).then_some(key);
            let response = keep(&state, key, response, if_none_match.as_ref(), head).await;
            Ok(marked(response, CacheOutcome::Miss))
        })
    }
}

/// Caches a tagged 200 response and answers with the cached copy; passes anything else.
async fn keep(
    state: &AppState,
    key: Option<String>,
    response: Response,
    if_none_match: Option<&HeaderValue>,
    head: bool,
) -> Response {
    let Some(CacheTags(tags)) = response.extensions().get::<CacheTags>().cloned() else {
        return response;
    };
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let timing = parts.headers.get("server-timing").cloned();
    let page = Arc::new(CachedPage::new(body, parts.headers, &tags));
    if let Some(key) = key {
        state.cache.insert(key, page.clone(), &tags);
    }
    let mut response = respond(&page, if_none_match, head);
    if let Some(timing) = timing {
        response.headers_mut().insert("server-timing", timing);
    }
    response
}

impl CachedPage {
    /// A page with the headers it was rendered with, plus its validators and cache headers.
    fn new(body: Bytes, mut headers: HeaderMap, tags: &[String]) -> CachedPage {
        let etag = etag_of(&body);
        headers.insert(header::ETAG, etag.clone());
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL),
        );
        if let Ok(keys) = HeaderValue::from_str(&tags.join(" ")) {
            headers.insert("surrogate-key", keys);
        }
        headers.remove(header::CONTENT_LENGTH);
        // It timed the render that made this copy, not the cache hits that serve it.
        headers.remove("server-timing");
        CachedPage {
            body,
            etag,
            headers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &'static str) -> Arc<CachedPage> {
        Arc::new(CachedPage::new(
            Bytes::from_static(text.as_bytes()),
            HeaderMap::new(),
            &[],
        ))
    }

    #[test]
    fn only_the_page_number_is_part_of_the_cache_key() {
        let cases = [
            ("/world", "/world", "plain path"),
            ("/world?page=2", "/world?page=2", "page number"),
            (
                "/world?utm_source=x&page=2",
                "/world?page=2",
                "tracking parameters",
            ),
            ("/world?x=1", "/world", "unknown parameter"),
        ];

        for (uri, key, reason) in cases {
            let uri: Uri = uri.parse().expect("valid URI");
            assert_eq!(cache_key(&uri), key, "{reason}");
        }
    }

    #[test]
    fn invalidating_a_tag_drops_exactly_the_pages_that_show_it() {
        let cache = PageCache::new(100);
        cache.insert(
            "/a".into(),
            page("a"),
            &["story:1".into(), "section:1".into()],
        );
        cache.insert(
            "/b".into(),
            page("b"),
            &["story:2".into(), "section:1".into()],
        );
        cache.insert("/c".into(), page("c"), &["story:3".into()]);

        let dropped = cache.invalidate(&["section:1".into()]);

        assert_eq!(dropped, 2);
        assert!(cache.get("/c").is_some());
        assert!(cache.get("/a").is_none());
    }

    #[test]
    fn a_full_cache_starts_afresh_instead_of_growing() {
        let cache = PageCache::new(2);
        cache.insert("/a".into(), page("a"), &[]);
        cache.insert("/b".into(), page("b"), &[]);

        cache.insert("/c".into(), page("c"), &[]);

        assert_eq!(cache.len(), 1);
    }
}
