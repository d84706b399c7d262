//! Popular searches' result pages, kept in memory under their normal form (the search
//! form's own address: the words as cleaned, the filters it understood, in a fixed order)
//! until the search index changes. Never keyed by the raw URL, so duplicate or unknown
//! query names share one entry; never more than a fixed number of entries, so a crawler
//! sending new queries only replaces the least recently used ones.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;

/// The longest a page is kept even when the index seems not to have changed: what the
/// index's version cannot see (a page's header after a menu change) is stale no longer.
const MAX_AGE: Duration = Duration::from_secs(300);

/// A kept page.
struct Entry {
    html: Bytes,
    /// The index's version it was found at.
    version: u64,
    stored: Instant,
    /// When it was last used, by the count of uses.
    used: u64,
}

/// The kept pages, and the count of uses so far.
#[derive(Default)]
struct Pages {
    entries: HashMap<String, Entry>,
    uses: u64,
}

impl Pages {
    fn tick(&mut self) -> u64 {
        self.uses += 1;
        self.uses
    }
}

/// The search pages of one node.
pub struct SearchPages {
    capacity: usize,
    pages: Mutex<Pages>,
}

impl SearchPages {
    /// A cache of at most `capacity` pages (0 keeps none).
    pub fn new(capacity: usize) -> SearchPages {
        SearchPages {
            capacity,
            pages: Mutex::default(),
        }
    }

    /// The page kept for `key` if it was found at the index's `version` and is young
    /// enough; a stale one is dropped.
    pub fn get(&self, key: &str, version: u64) -> Option<Bytes> {
        let mut pages = self.lock();
        let used = pages.tick();
        let entry = pages.entries.get_mut(key)?;
        if entry.version != version || entry.stored.elapsed() > MAX_AGE {
            pages.entries.remove(key);
            return None;
        }
        entry.used = used;
        Some(entry.html.clone())
    }

    /// Keeps the page found for `key` at the index's `version`, making room by dropping
    /// the least recently used page.
    pub fn put(&self, key: String, version: u64, html: Bytes) {
        if self.capacity == 0 {
            return;
        }
        let mut pages = self.lock();
        if pages.entries.len() >= self.capacity && !pages.entries.contains_key(&key) {
            let oldest = pages
                .entries
                .iter()
                .min_by_key(|(_, entry)| entry.used)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                pages.entries.remove(&oldest);
            }
        }
        let used = pages.tick();
        pages.entries.insert(
            key,
            Entry {
                html,
                version,
                stored: Instant::now(),
                used,
            },
        );
    }

    /// Pages kept.
    pub fn count(&self) -> usize {
        self.lock().entries.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pages> {
        self.pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &'static str) -> Bytes {
        Bytes::from_static(text.as_bytes())
    }

    #[test]
    fn a_page_is_kept_until_the_index_changes() {
        let pages = SearchPages::new(4);
        pages.put("/search?q=nato".into(), 7, page("nato"));

        assert_eq!(pages.get("/search?q=nato", 7), Some(page("nato")));
        assert_eq!(pages.get("/search?q=nato", 8), None);
        assert_eq!(pages.get("/search?q=nato", 7), None, "dropped once stale");
        assert_eq!(pages.count(), 0);
    }

    #[test]
    fn a_full_cache_drops_the_least_recently_used_page() {
        let pages = SearchPages::new(2);
        pages.put("a".into(), 1, page("a"));
        pages.put("b".into(), 1, page("b"));
        assert!(pages.get("a", 1).is_some());

        pages.put("c".into(), 1, page("c"));

        assert_eq!(pages.count(), 2);
        assert!(pages.get("a", 1).is_some());
        assert!(pages.get("b", 1).is_none());
        assert!(pages.get("c", 1).is_some());
    }

    #[test]
    fn a_cache_of_no_entries_keeps_nothing() {
        let pages = SearchPages::new(0);
        pages.put("a".into(), 1, page("a"));

        assert_eq!(pages.count(), 0);
        assert!(pages.get("a", 1).is_none());
    }
}
