//! The first path segments the site answers itself, at the root (the router's routes) or
//! under each edition's prefix (the resolver's pages): one list, which the newsroom's
//! section and static-page forms check slugs against and the resolver reads, so that a
//! section can never hide one of the site's own pages, nor they it.

/// Who answers a reserved first segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A route or reader page of the site: no section or static page may take it.
    Site,
    /// A static page the newsroom writes, under whose text the site adds its own list
    /// (the open positions, the feeds): a static page may take it, a section may not.
    StaticPage,
}

/// The jobs page: a static page with the open listings below its text, each listing
/// at `jobs/{id}-{slug}`.
pub const JOBS: &str = "jobs";
/// The feeds page: a static page listing every feed; RSS feeds live under `rss/`.
pub const FEEDS: &str = "rss";
/// Atom feeds live under `atom/`.
pub const ATOM_FEEDS: &str = "atom";
/// JSON feeds live under `jsonfeed/`.
pub const JSON_FEEDS: &str = "jsonfeed";

/// Every reserved first segment, and who answers it. `api`, `contact` and `search` are
/// kept for pages the design plans, so no section takes their place first; `sitemap.xml`
/// and `robots.txt` need no entry, as no slug has a dot.
pub const RESERVED: &[(&str, Owner)] = &[
    ("admin", Owner::Site),
    ("api", Owner::Site),
    ("assets", Owner::Site),
    (ATOM_FEEDS, Owner::Site),
    ("author", Owner::Site),
    ("contact", Owner::Site),
    ("healthz", Owner::Site),
    ("hooks", Owner::Site),
    (JOBS, Owner::StaticPage),
    (JSON_FEEDS, Owner::Site),
    ("keyword", Owner::Site),
    ("media", Owner::Site),
    ("metrics", Owner::Site),
    ("newsletter", Owner::Site),
    ("readyz", Owner::Site),
    (FEEDS, Owner::StaticPage),
    ("s", Owner::Site),
    ("search", Owner::Site),
    ("topic", Owner::Site),
];

/// Who answers a first path segment, if the site keeps it.
pub fn owner(segment: &str) -> Option<Owner> {
    RESERVED
        .iter()
        .find(|(slug, _)| *slug == segment)
        .map(|(_, owner)| *owner)
}

/// Whether a top section may take this slug: none of the reserved ones.
pub fn section_may_take(slug: &str) -> bool {
    owner(slug).is_none()
}

/// Whether a static page may take this slug: any but the site's own routes.
pub fn page_may_take(slug: &str) -> bool {
    owner(slug) != Some(Owner::Site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_take_no_reserved_slug_and_pages_only_their_own() {
        let cases = [
            ("world", true, true, "an ordinary slug"),
            ("jobs", false, true, "the jobs page is a static page"),
            ("rss", false, true, "so is the feeds page"),
            ("newsletter", false, false, "the newsletter's pages"),
            ("admin", false, false, "the newsroom"),
            (
                "jobs-abroad",
                true,
                true,
                "only whole segments are reserved",
            ),
        ];

        for (slug, section, page, reason) in cases {
            assert_eq!(section_may_take(slug), section, "{reason}");
            assert_eq!(page_may_take(slug), page, "{reason}");
        }
    }

    #[test]
    fn the_list_is_sorted_and_has_each_slug_once() {
        let slugs: Vec<&str> = RESERVED.iter().map(|(slug, _)| *slug).collect();
        let mut sorted = slugs.clone();
        sorted.sort_unstable();
        sorted.dedup();

        assert_eq!(slugs, sorted);
    }
}
