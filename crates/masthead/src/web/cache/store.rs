//! Where cached pages live: a least-recently-used list (the `lru` crate) bounded by entries
//! and by bytes, evicting one page at a time, with an index from tags to the pages that
//! show them.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use lru::LruCache;
use store::CacheTag;

use crate::web::cache::page::CachedPage;

/// A page and what the store needs to drop it again.
#[derive(Debug)]
struct Entry {
    page: Arc<CachedPage>,
    tags: Vec<CacheTag>,
    /// The bytes counted for it, so that dropping it gives back exactly those.
    weight: usize,
}

/// Pages by canonical URL, least recently used first out.
#[derive(Debug)]
pub struct Store {
    pages: LruCache<String, Entry>,
    by_tag: HashMap<CacheTag, HashSet<String>>,
    bytes: usize,
    max_entries: usize,
    max_bytes: usize,
    evictions: u64,
}

impl Store {
    /// An empty store holding at most `max_entries` pages and `max_bytes` bytes.
    pub fn new(max_entries: usize, max_bytes: usize) -> Store {
        Store {
            pages: LruCache::unbounded(),
            by_tag: HashMap::new(),
            bytes: 0,
            max_entries,
            max_bytes,
            evictions: 0,
        }
    }

    /// Pages held.
    pub fn entries(&self) -> usize {
        self.pages.len()
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Pages dropped to make room, since the start.
    pub fn evictions(&self) -> u64 {
        self.evictions
    }

    /// The page at `key`, marked as used now.
    pub fn get(&mut self, key: &str) -> Option<Arc<CachedPage>> {
        self.pages.get(key).map(|entry| entry.page.clone())
    }

    /// Keeps a page, replacing an older copy, then drops least recently used pages one at
    /// a time until both bounds hold; returns whether it kept it. A page larger than the
    /// whole byte bound is not kept, nor is anything when the cache is off (no entries).
    pub fn insert(&mut self, key: String, page: Arc<CachedPage>, tags: &[CacheTag]) -> bool {
        let weight = page.weight();
        if weight > self.max_bytes || self.max_entries == 0 {
            return false;
        }
        self.remove(&key);
        for tag in tags {
            self.by_tag.entry(*tag).or_default().insert(key.clone());
        }
        self.bytes += weight;
        let entry = Entry {
            page,
            tags: tags.to_vec(),
            weight,
        };
        self.pages.put(key, entry);
        self.shrink();
        true
    }

    /// Counts bytes a page grew by after it was kept (its uncompressed copy), if that very
    /// page is still the one at `key`.
    pub fn grow(&mut self, key: &str, page: &Arc<CachedPage>, extra: usize) {
        let Some(entry) = self.pages.peek_mut(key) else {
            return;
        };
        if Arc::ptr_eq(&entry.page, page) {
            entry.weight += extra;
            self.bytes += extra;
            self.shrink();
        }
    }

    /// Drops every page tagged with any of `tags`; returns how many were dropped.
    pub fn invalidate(&mut self, tags: &[CacheTag]) -> usize {
        let mut dropped = 0;
        for tag in tags {
            for key in self.by_tag.remove(tag).unwrap_or_default() {
                dropped += usize::from(self.remove(&key));
            }
        }
        dropped
    }

    /// Drops least recently used pages, one at a time, until both bounds hold.
    fn shrink(&mut self) {
        while self.pages.len() > self.max_entries || self.bytes > self.max_bytes {
            let Some((key, entry)) = self.pages.pop_lru() else {
                return;
            };
            self.forget(&key, &entry);
            self.evictions += 1;
        }
    }

    /// Drops the page at `key`; whether there was one.
    fn remove(&mut self, key: &str) -> bool {
        match self.pages.pop(key) {
            Some(entry) => {
                self.forget(key, &entry);
                true
            }
            None => false,
        }
    }

    /// Takes a dropped page out of the byte count and the tag index.
    fn forget(&mut self, key: &str, entry: &Entry) {
        self.bytes -= entry.weight;
        for tag in &entry.tags {
            if let Some(keys) = self.by_tag.get_mut(tag) {
                keys.remove(key);
                if keys.is_empty() {
                    self.by_tag.remove(tag);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderMap;

    use super::*;
    use crate::web::cache::encoding::Coding;

    fn page(text: &str) -> Arc<CachedPage> {
        let body = axum::body::Bytes::from(text.to_string());
        let page = CachedPage::new(body, HeaderMap::new(), &[], Coding::Brotli);
        Arc::new(page.expect("compresses"))
    }

    #[test]
    fn invalidating_a_tag_drops_exactly_the_pages_that_show_it() {
        let mut store = Store::new(100, usize::MAX);
        store.insert(
            "/a".into(),
            page("a"),
            &[CacheTag::Story(1), CacheTag::Section(1)],
        );
        store.insert(
            "/b".into(),
            page("b"),
            &[CacheTag::Story(2), CacheTag::Section(1)],
        );
        store.insert("/c".into(), page("c"), &[CacheTag::Story(3)]);

        let dropped = store.invalidate(&[CacheTag::Section(1)]);

        assert_eq!(dropped, 2);
        assert!(store.get("/c").is_some());
        assert!(store.get("/a").is_none());
        assert_eq!(store.bytes(), page("c").weight());
    }

    #[test]
    fn a_full_store_drops_the_least_recently_used_page_only() {
        let mut store = Store::new(2, usize::MAX);
        store.insert("/a".into(), page("a"), &[]);
        store.insert("/b".into(), page("b"), &[]);
        store.get("/a");

        store.insert("/c".into(), page("c"), &[]);

        assert_eq!(store.entries(), 2);
        assert!(store.get("/b").is_none(), "the least recently used goes");
        assert!(store.get("/a").is_some() && store.get("/c").is_some());
        assert_eq!(store.evictions(), 1);
    }

    #[test]
    fn the_byte_bound_drops_pages_one_at_a_time() {
        let one = page("x").weight();
        let mut store = Store::new(100, one * 3);
        for key in ["/a", "/b", "/c"] {
            store.insert(key.into(), page("x"), &[CacheTag::Edition(1)]);
        }

        store.insert("/d".into(), page("x"), &[CacheTag::Edition(1)]);

        assert_eq!(store.entries(), 3);
        assert_eq!(store.bytes(), one * 3);
        assert!(store.get("/a").is_none());
        assert_eq!(store.evictions(), 1);
        assert_eq!(store.invalidate(&[CacheTag::Edition(1)]), 3);
    }
}
