//! The page cache: rendered pages kept in memory under their canonical URL, compressed once,
//! tagged with what they show (`story:12`, `section:3`, `edition:1`...) so a change drops
//! exactly the pages it touches.
//!
//! Handlers opt in by returning [`cacheable`] responses; [`CachedSite`], in front of the
//! router, answers repeat requests from memory with ETag / 304, `Cache-Control`,
//! `Surrogate-Key` and the coding each client accepts. One module per job: [`store`] (the
//! bounded LRU), [`page`] (a stored page), [`encoding`] (codings), [`conditional`] (304s)
//! and [`service`] (the tower service).

pub mod conditional;
pub mod encoding;
pub mod page;
pub mod service;
pub mod store;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use ::store::CacheTag;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

pub use service::CachedSite;

use crate::jobs::changes::PageInvalidation;
use crate::web::cache::page::CachedPage;
use crate::web::cache::store::Store;

/// The tags a response's page shows, set by handlers that want it cached.
#[derive(Clone, Debug)]
pub struct CacheTags(pub Vec<CacheTag>);

/// An HTML response the cache may keep, tagged with what it shows.
pub fn cacheable(html: String, tags: Vec<CacheTag>) -> Response {
    let mut response = Html(html).into_response();
    response.extensions_mut().insert(CacheTags(tags));
    response
}

/// A response of another media type (`text/plain; charset=utf-8`) the cache may keep,
/// tagged with what it shows.
pub fn cacheable_as(content_type: &'static str, body: String, tags: Vec<CacheTag>) -> Response {
    let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    response.extensions_mut().insert(CacheTags(tags));
    response
}

/// How the cache took part in a response, left in its extensions for the request log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Answered from memory.
    Hit,
    /// A reader page that went to the router.
    Miss,
    /// A request the cache does not handle: other methods, other spellings, non-reader
    /// paths.
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

/// What the cache holds and how it has been used, for `/metrics` and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Requests answered from the cache.
    pub hits: u64,
    /// Requests for reader pages that went to the router.
    pub misses: u64,
    /// Reader requests the cache let through without looking: other spellings of a URL,
    /// URLs no page could have, other methods.
    pub passes: u64,
    /// Pages stored.
    pub stores: u64,
    /// Pages dropped to make room (not by invalidation).
    pub evictions: u64,
    /// Pages held.
    pub entries: u64,
    /// Bytes held (compressed copies, uncompressed copies made so far, overhead).
    pub bytes: u64,
}

/// Rendered pages by canonical URL, with counters.
#[derive(Debug)]
pub struct PageCache {
    store: Mutex<Store>,
    /// Counts invalidations, so a render that raced one is not kept.
    generation: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
    passes: AtomicU64,
    stores: AtomicU64,
}

impl PageCache {
    /// An empty cache holding at most `max_entries` pages and `max_bytes` bytes.
    pub fn new(max_entries: usize, max_bytes: usize) -> PageCache {
        PageCache {
            store: Mutex::new(Store::new(max_entries, max_bytes)),
            generation: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            passes: AtomicU64::new(0),
            stores: AtomicU64::new(0),
        }
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The cache's counters and size now.
    pub fn stats(&self) -> CacheStats {
        let store = self.store();
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            passes: self.passes.load(Ordering::Relaxed),
            stores: self.stores.load(Ordering::Relaxed),
            evictions: store.evictions(),
            entries: store.entries() as u64,
            bytes: store.bytes() as u64,
        }
    }

    /// Drops every page tagged with any of `tags`; returns how many were dropped.
    pub fn invalidate(&self, tags: &[CacheTag]) -> usize {
        let mut store = self.store();
        self.generation.fetch_add(1, Ordering::AcqRel);
        store.invalidate(tags)
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn get(&self, key: &str) -> Option<Arc<CachedPage>> {
        self.store().get(key)
    }

    /// Keeps a page unless an invalidation came in since `generation` (its render may
    /// show what that change replaced).
    fn insert(&self, key: String, page: Arc<CachedPage>, tags: &[CacheTag], generation: u64) {
        let mut store = self.store();
        if self.generation() == generation && store.insert(key, page, tags) {
            self.stores.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn grow(&self, key: &str, page: &Arc<CachedPage>, extra: usize) {
        if extra > 0 {
            self.store().grow(key, page, extra);
        }
    }

    fn count(&self, outcome: CacheOutcome) {
        let counter = match outcome {
            CacheOutcome::Hit => &self.hits,
            CacheOutcome::Miss => &self.misses,
            CacheOutcome::Pass => &self.passes,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// The change follower drops this node's pages through it.
impl PageInvalidation for PageCache {
    fn invalidate(&self, tags: &[CacheTag]) -> usize {
        PageCache::invalidate(self, tags)
    }
}
