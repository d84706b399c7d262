//! The site's editions with their section trees, menus, old section paths and
//! breaking-news bars, loaded once and shared by all requests; reloaded whole when any of
//! them change.

use std::collections::HashMap;

use anyhow::Context;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;
use store::{
    BreakingNews, Edition, MenuItem, MenuKind, Section, SectionAlias, SiteSettings, Store, Teaser,
};

use crate::domain::i18n::{Strings, strings_for};
use crate::domain::reader_url::{ReaderUrl, parse_reader_url};

/// One entry of a built menu.
#[derive(Clone, Debug, Serialize)]
pub struct MenuNode {
    /// Text of the link.
    pub label: String,
    /// Site path of the link.
    pub url: String,
    /// Nested entries (subsections).
    pub children: Vec<MenuNode>,
}

/// An edition with everything pages need about it, ready in memory.
#[derive(Debug)]
pub struct EditionSite {
    /// The edition record.
    pub edition: Edition,
    /// Its timezone, resolved.
    pub zone: TimeZone,
    /// Its interface strings.
    pub strings: &'static Strings,
    /// Its sections, flat.
    pub sections: Vec<Section>,
    /// Header menu (desktop mega-menu and mobile drawer).
    pub header_menu: Vec<MenuNode>,
    /// Footer section menu.
    pub footer_menu: Vec<MenuNode>,
    /// Footer service links.
    pub service_links: Vec<MenuNode>,
    /// The breaking-news bar, expired or not (see [`EditionSite::breaking_at`]).
    pub breaking: Option<BreakingNews>,
    section_index: HashMap<i64, usize>,
    /// Old section paths below the edition ("/world/europe") and their section.
    aliases: HashMap<String, i64>,
}

/// What an edition's tree is built from, as the store returns it.
struct EditionParts {
    sections: Vec<Section>,
    items: Vec<MenuItem>,
    aliases: Vec<SectionAlias>,
    breaking: Option<BreakingNews>,
}

/// All editions and the site-wide settings.
#[derive(Debug)]
pub struct Site {
    /// Editions, the default one (empty prefix) first.
    pub editions: Vec<EditionSite>,
    /// Site-wide facts.
    pub settings: SiteSettings,
}

impl Site {
    /// Loads every edition's tree and menus from the store.
    pub async fn load(store: &dyn Store) -> anyhow::Result<Site> {
        let mut editions = Vec::new();
        let mut breaking = store
            .breaking_news()
            .await
            .context("loading breaking news")?;
        for edition in store.editions().await.context("loading editions")? {
            let parts = EditionParts {
                sections: store
                    .sections(edition.id)
                    .await
                    .context("loading sections")?,
                items: store
                    .menu_items(edition.id)
                    .await
                    .context("loading menus")?,
                aliases: store
                    .section_aliases(edition.id)
                    .await
                    .context("loading old section paths")?,
                breaking: breaking
                    .iter()
                    .position(|news| news.edition_id == edition.id)
                    .map(|index| breaking.swap_remove(index)),
            };
            editions.push(EditionSite::build(edition, parts)?);
        }
        let settings = store.settings().await.context("loading settings")?;
        Ok(Site { editions, settings })
    }

    /// How a request's raw path and query read as a reader page, with this site's
    /// editions (the page cache's key and the page handlers both read it here).
    pub fn reader_url(&self, path: &str, query: Option<&str>) -> ReaderUrl {
        let prefixes: Vec<&str> = self
            .editions
            .iter()
            .map(|site| site.edition.path_prefix.as_str())
            .filter(|prefix| !prefix.is_empty())
            .collect();
        parse_reader_url(path, query, &prefixes)
    }

    /// The edition a request path belongs to, and the path with its prefix removed.
    pub fn edition_for_path<'a>(&self, path: &'a str) -> Option<(&EditionSite, &'a str)> {
        self.editions
            .iter()
            .filter(|site| !site.edition.path_prefix.is_empty())
            .find_map(|site| {
                let rest = path.strip_prefix(site.edition.path_prefix.as_str())?;
                (rest.is_empty() || rest.starts_with('/')).then_some((site, rest))
            })
            .or_else(|| self.editions.first().map(|site| (site, path)))
    }

    /// The one line on what the newsletter offers, in an edition's language: the site's
    /// setting in the main edition (no path prefix), the string table's in the others.
    pub fn newsletter_pitch<'a>(&'a self, edition: &'a EditionSite) -> &'a str {
        if edition.edition.path_prefix.is_empty() {
            &self.settings.newsletter_pitch
        } else {
            edition.strings.nl.pitch
        }
    }

    /// The zone the newsroom shows times in that belong to no edition (the audit log,
    /// accounts, media): the first edition's.
    pub fn newsroom_zone(&self) -> TimeZone {
        self.editions
            .first()
            .map_or(TimeZone::UTC, |edition| edition.zone.clone())
    }

    /// The edition with this id.
    pub fn edition(&self, id: i64) -> Option<&EditionSite> {
        self.editions.iter().find(|site| site.edition.id == id)
    }

    /// The canonical site path of a story or page.
    pub fn story_path(&self, teaser: &Teaser) -> String {
        self.path_for(teaser.edition_id, teaser.section_id, &teaser.slug)
    }

    /// The site path a story with this section and slug has (or would have).
    pub fn path_for(&self, edition_id: i64, section_id: Option<i64>, slug: &str) -> String {
        let Some(site) = self.edition(edition_id) else {
            return format!("/{slug}");
        };
        match section_id {
            Some(section) => format!("{}/{slug}", site.section_path(section)),
            None => format!("{}/{slug}", site.edition.path_prefix),
        }
    }
}

impl EditionSite {
    fn build(edition: Edition, parts: EditionParts) -> anyhow::Result<Self> {
        let zone = TimeZone::get(&edition.timezone)
            .with_context(|| format!("unknown timezone {:?}", edition.timezone))?;
        let section_index = parts
            .sections
            .iter()
            .enumerate()
            .map(|(index, section)| (section.id, index))
            .collect();
        let aliases = parts
            .aliases
            .into_iter()
            .map(|alias| (alias.path, alias.section_id))
            .collect();
        let mut site = EditionSite {
            strings: strings_for(&edition.language),
            edition,
            zone,
            sections: parts.sections,
            header_menu: Vec::new(),
            footer_menu: Vec::new(),
            service_links: Vec::new(),
            breaking: parts.breaking,
            section_index,
            aliases,
        };
        site.header_menu = site.menu(&parts.items, MenuKind::Header, None);
        site.footer_menu = site.menu(&parts.items, MenuKind::Footer, None);
        site.service_links = site.menu(&parts.items, MenuKind::Service, None);
        Ok(site)
    }

    /// The breaking-news bar if it is still showing at `now`.
    pub fn breaking_at(&self, now: Timestamp) -> Option<&BreakingNews> {
        self.breaking.as_ref().filter(|news| news.expires_at > now)
    }

    /// Where a path of slugs below the edition lives now, if it starts with an old
    /// section path: the longest such prefix, swapped for the section's current path
    /// (with the edition prefix).
    pub fn moved_path(&self, slugs: &[&str]) -> Option<String> {
        (1..=slugs.len()).rev().find_map(|length| {
            let (old, rest) = slugs.split_at(length);
            // A path some section has now is not an old path, whatever it once was.
            if self.section_at(old).is_some() {
                return None;
            }
            let section = self.aliases.get(&format!("/{}", old.join("/")))?;
            self.section(*section)?;
            let mut path = self.section_path(*section);
            for slug in rest {
                path.push('/');
                path.push_str(slug);
            }
            Some(path)
        })
    }

    fn menu(&self, items: &[MenuItem], menu: MenuKind, parent: Option<i64>) -> Vec<MenuNode> {
        items
            .iter()
            .filter(|item| item.menu == menu && item.parent_id == parent)
            .filter_map(|item| {
                let section = item.section_id.and_then(|id| self.section(id));
                let label = item
                    .label
                    .clone()
                    .or_else(|| section.map(|section| section.name.clone()))?;
                let url = match (section, &item.url) {
                    (Some(section), _) => self.section_path(section.id),
                    (None, Some(url)) => url.clone(),
                    (None, None) => return None,
                };
                Some(MenuNode {
                    label,
                    url,
                    children: self.menu(items, menu, Some(item.id)),
                })
            })
            .collect()
    }

    /// A section by id.
    pub fn section(&self, id: i64) -> Option<&Section> {
        self.section_index
            .get(&id)
            .map(|index| &self.sections[*index])
    }

    /// A section's ancestors and itself, top first.
    pub fn section_trail(&self, id: i64) -> Vec<&Section> {
        let mut trail = Vec::new();
        let mut next = self.section(id);
        while let Some(section) = next {
            if trail.len() > 8 {
                break;
            }
            trail.push(section);
            next = section.parent_id.and_then(|parent| self.section(parent));
        }
        trail.reverse();
        trail
    }

    /// The site path of a section, with the edition prefix ("/ar/world/europe").
    pub fn section_path(&self, id: i64) -> String {
        let mut path = self.edition.path_prefix.clone();
        for section in self.section_trail(id) {
            path.push('/');
            path.push_str(&section.slug);
        }
        path
    }

    /// The section at a path of slugs below the edition ("world", "europe").
    pub fn section_at(&self, slugs: &[&str]) -> Option<&Section> {
        let mut parent = None;
        let mut found = None;
        for slug in slugs {
            let section = self
                .sections
                .iter()
                .find(|section| section.parent_id == parent && section.slug == *slug)?;
            parent = Some(section.id);
            found = Some(section);
        }
        found
    }

    /// The top sections, in order.
    pub fn top_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|section| section.parent_id.is_none())
    }

    /// The subsections of a section, in order.
    pub fn children(&self, id: i64) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(move |section| section.parent_id == Some(id))
    }
}
