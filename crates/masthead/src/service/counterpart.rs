//! Which page of another edition is a page's counterpart. Sections correspond by path:
//! the section at the same slugs below the other edition (`/world/europe` and
//! `/ar/world/europe`), the convention the editions' trees follow (their slugs stay
//! Latin), so a newsroom keeps the two trees in step and needs no mapping to maintain.
//! Topics correspond by slug in the same way.

use crate::service::site::{EditionSite, Site};

/// The other editions than `edition_id`, the default one first.
pub fn other_editions(site: &Site, edition_id: i64) -> impl Iterator<Item = &EditionSite> {
    site.editions
        .iter()
        .filter(move |other| other.edition.id != edition_id)
}

/// The section of `into` at the same path as section `id` of `from`, if it has one.
pub fn counterpart_section(from: &EditionSite, id: i64, into: &EditionSite) -> Option<i64> {
    let trail = from.section_trail(id);
    if trail.is_empty() {
        return None;
    }
    let slugs: Vec<&str> = trail.iter().map(|section| section.slug.as_str()).collect();
    into.section_at(&slugs).map(|section| section.id)
}
