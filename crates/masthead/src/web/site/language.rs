//! A page's versions in the editions' languages: the `<link rel="alternate" hreflang>`
//! set every version carries (itself included, plus `x-default`: the default edition's
//! version, the one without a path prefix), and the visible "Read in English" /
//! "اقرأ بالعربية" link to each other version, worded in that version's language.
//! Home pages always have every edition's; sections and topics those of the other
//! editions that have one at the same path or slug (see `service::counterpart`).

use serde::Serialize;
use store::{CacheTag, Store, StoreResult};

use crate::service::counterpart::{counterpart_section, other_editions};
use crate::service::site::{EditionSite, Site};

/// One language version of a page.
#[derive(Debug, Serialize)]
pub struct LanguageVersion {
    /// Its language as a BCP 47 tag (the edition's `language`), as `hreflang` and `lang`.
    pub hreflang: String,
    /// Its absolute URL.
    pub url: String,
    /// "Read in English", in its own language.
    pub label: &'static str,
    /// Its text direction, for the link text's `dir`.
    pub dir: &'static str,
    /// Whether it is the page being shown.
    pub current: bool,
}

/// A page's language versions and its `x-default`.
#[derive(Debug, Default, Serialize)]
pub struct LanguageVersions {
    /// Every version, the shown one included; empty when there is no other.
    pub versions: Vec<LanguageVersion>,
    /// The absolute URL of the default edition's version, if it is among them.
    pub x_default: Option<String>,
}

impl LanguageVersions {
    /// The versions of a page shown in edition `shown`: `versions` are (edition, site
    /// path) pairs. None at all when the page has no version in another edition.
    pub fn new(
        site: &Site,
        base_url: &str,
        shown: i64,
        versions: &[(&EditionSite, String)],
    ) -> LanguageVersions {
        if versions.len() < 2 {
            return LanguageVersions::default();
        }
        let default = site.editions.first().map(|edition| edition.edition.id);
        let url = |path: &str| super::absolute_url(base_url, path);
        LanguageVersions {
            x_default: versions
                .iter()
                .find(|(edition, _)| Some(edition.edition.id) == default)
                .map(|(_, path)| url(path)),
            versions: versions
                .iter()
                .map(|(edition, path)| LanguageVersion {
                    hreflang: edition.edition.language.clone(),
                    url: url(path),
                    label: edition.strings.read_in,
                    dir: edition.edition.direction.as_str(),
                    current: edition.edition.id == shown,
                })
                .collect(),
        }
    }
}

/// The home pages of every edition: each always has the others'.
pub fn home_versions(site: &Site, base_url: &str, edition: &EditionSite) -> LanguageVersions {
    let home = |edition: &EditionSite| format!("{}/", edition.edition.path_prefix);
    let versions: Vec<_> = std::iter::once(edition)
        .chain(other_editions(site, edition.edition.id))
        .map(|edition| (edition, home(edition)))
        .collect();
    LanguageVersions::new(site, base_url, edition.edition.id, &versions)
}

/// A section's page and its counterparts: the sections at the same path in the other
/// editions (see `service::counterpart`).
pub fn section_versions(
    site: &Site,
    base_url: &str,
    edition: &EditionSite,
    section_id: i64,
) -> LanguageVersions {
    let own = (edition, edition.section_path(section_id));
    let others = other_editions(site, edition.edition.id).filter_map(|other| {
        let there = counterpart_section(edition, section_id, other)?;
        Some((other, other.section_path(there)))
    });
    let versions: Vec<_> = std::iter::once(own).chain(others).collect();
    LanguageVersions::new(site, base_url, edition.edition.id, &versions)
}

/// A topic's page and its counterparts: the topics with the same slug in the other
/// editions; with the cache tags of those topics, whose changes change this page.
pub async fn topic_versions(
    store: &dyn Store,
    site: &Site,
    base_url: &str,
    edition: &EditionSite,
    slug: &str,
) -> StoreResult<(LanguageVersions, Vec<CacheTag>)> {
    let path = |edition: &EditionSite| format!("{}/topic/{slug}", edition.edition.path_prefix);
    let mut versions = vec![(edition, path(edition))];
    let mut tags = Vec::new();
    for other in other_editions(site, edition.edition.id) {
        if let Some(topic) = store.topic_by_slug(other.edition.id, slug).await? {
            versions.push((other, path(other)));
            tags.push(CacheTag::Topic(topic.id));
        }
    }
    let languages = LanguageVersions::new(site, base_url, edition.edition.id, &versions);
    Ok((languages, tags))
}
