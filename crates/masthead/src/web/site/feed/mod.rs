//! Feeds in three formats for the latest stories of an edition, a section (with its
//! subsections), a topic, a keyword and an author. The first path segment names the
//! format (`/rss/…` RSS 2.0, `/atom/…` Atom 1.0, `/jsonfeed/…` JSON Feed 1.1), an
//! optional `full/` asks for the full-text variant, and the rest names the subject:
//! `latest`, a section path, `topic/{slug}`, `keyword/{slug}` or `author/{slug}` (under
//! `/ar` for Arabic). [`item`] builds the items, [`json`] writes JSON Feed; RSS and Atom
//! are templates (`feeds/rss.xml`, `feeds/atom.xml`).

pub mod item;
pub mod json;
pub mod links;

use axum::http::{HeaderValue, header};
use axum::response::Response;
use jiff::Timestamp;
use store::{CacheTag, Story, StoryFilter, StoryQuery};

use crate::domain::reserved;
use crate::service::feed::feed_stories;
use crate::service::site::{EditionSite, Site};
use crate::web::cache::cacheable_as;
use crate::web::error::AppError;
use crate::web::site::absolute_url;
use crate::web::site::feed::item::{FeedTime, FeedView, ItemView, PersonView};
use crate::web::site::listing::{ListingKind, find_subject};
use crate::web::state::AppState;
use crate::web::view::Chrome;

pub use links::{FeedLink, FeedRow, FeedSubjects, alternates, feed_rows, section_subject};

/// Stories per feed.
const FEED_ITEMS: u32 = 30;
/// The segment after the format that asks for the full-text variant.
const FULL_TEXT: &str = "full";

/// A feed format, named by the first segment of its URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedFormat {
    /// RSS 2.0 at `/rss/…`.
    Rss,
    /// Atom 1.0 at `/atom/…`.
    Atom,
    /// JSON Feed 1.1 at `/jsonfeed/…`.
    Json,
}

impl FeedFormat {
    /// Every format, in the order pages list them.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Rss, FeedFormat::Atom, FeedFormat::Json];

    /// The format whose URLs start with this segment.
    pub fn from_segment(segment: &str) -> Option<FeedFormat> {
        FeedFormat::ALL
            .into_iter()
            .find(|format| format.segment() == segment)
    }

    /// The first path segment of this format's feeds.
    pub fn segment(self) -> &'static str {
        match self {
            FeedFormat::Rss => reserved::FEEDS,
            FeedFormat::Atom => reserved::ATOM_FEEDS,
            FeedFormat::Json => reserved::JSON_FEEDS,
        }
    }

    /// The media type, for `<link type>`.
    pub fn media_type(self) -> &'static str {
        self.content_type()
            .split_once(';')
            .map_or("", |(media_type, _)| media_type)
    }

    /// The `Content-Type`: the media type with its charset.
    fn content_type(self) -> &'static str {
        match self {
            FeedFormat::Rss => "application/rss+xml; charset=utf-8",
            FeedFormat::Atom => "application/atom+xml; charset=utf-8",
            FeedFormat::Json => "application/feed+json; charset=utf-8",
        }
    }

    /// The format's name as readers know it.
    pub fn label(self) -> &'static str {
        match self {
            FeedFormat::Rss => "RSS",
            FeedFormat::Atom => "Atom",
            FeedFormat::Json => "JSON Feed",
        }
    }
}

/// Whether a path (below the edition prefix) is a feed's: a format's segment and more.
pub fn is_feed_path(slugs: &[&str]) -> bool {
    matches!(slugs, [first, _, ..] if FeedFormat::from_segment(first).is_some())
}

/// A feed path's format, whether it is the full-text variant, and its subject's slugs.
fn split_feed_path<'a>(slugs: &'a [&'a str]) -> Option<(FeedFormat, bool, &'a [&'a str])> {
    let (first, rest) = slugs.split_first().filter(|(_, rest)| !rest.is_empty())?;
    let format = FeedFormat::from_segment(first)?;
    Some(match rest {
        [FULL_TEXT, subject @ ..] if !subject.is_empty() => (format, true, subject),
        _ => (format, false, rest),
    })
}

/// The subject's slugs of a feed path, and how to write the feed path of the subject's new
/// page (`{prefix}/topic/new` becomes `{prefix}/atom/topic/new`) when it has moved.
pub fn feed_subject_path<'a>(
    edition: &EditionSite,
    slugs: &'a [&'a str],
) -> Option<(&'a [&'a str], impl Fn(&str) -> String)> {
    let (format, full, subject) = split_feed_path(slugs)?;
    let prefix = edition.edition.path_prefix.clone();
    let variant = if full {
        format!("/{FULL_TEXT}")
    } else {
        String::new()
    };
    let feed_path = move |page: &str| {
        let below = page.strip_prefix(prefix.as_str()).unwrap_or(page);
        format!("{prefix}/{}{variant}{below}", format.segment())
    };
    Some((subject, feed_path))
}

/// What a feed shows.
struct Subject {
    filter: StoryFilter,
    title: String,
    tag: CacheTag,
    /// The page the feed mirrors.
    page_path: String,
}

/// What a subject path (below `/{format}/` and `full/`) names: `latest`, `topic/{slug}`,
/// `keyword/{slug}`, `author/{slug}` or a section path.
async fn feed_subject(
    state: &AppState,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<Subject>, AppError> {
    let prefix = &edition.edition.path_prefix;
    let edition_id = edition.edition.id;
    Ok(match slugs {
        ["latest"] => Some(Subject {
            filter: StoryFilter::All,
            title: edition.strings.latest.to_string(),
            tag: CacheTag::Home(edition_id),
            page_path: format!("{prefix}/"),
        }),
        ["topic", slug] => listed(state, edition, ListingKind::Topic, slug).await?,
        ["keyword", slug] => listed(state, edition, ListingKind::Keyword, slug).await?,
        ["author", slug] => listed(state, edition, ListingKind::Author, slug).await?,
        _ => edition.section_at(slugs).map(|section| Subject {
            filter: StoryFilter::Section(section.id),
            title: section.name.clone(),
            tag: CacheTag::Section(section.id),
            page_path: edition.section_path(section.id),
        }),
    })
}

/// The subject of a topic, keyword or author page, found as the page finds it.
async fn listed(
    state: &AppState,
    edition: &EditionSite,
    kind: ListingKind,
    slug: &str,
) -> Result<Option<Subject>, AppError> {
    let found = find_subject(state, edition, kind, slug).await?;
    Ok(found.map(|listing| Subject {
        page_path: format!("{}/{}/{slug}", edition.edition.path_prefix, listing.kind),
        filter: listing.filter,
        tag: listing.tag,
        title: listing.title,
    }))
}

/// Renders the feed at `slugs` (below the edition prefix, the format's segment first);
/// `None` if it names nothing.
pub async fn show_feed(
    state: &AppState,
    site: &Site,
    edition: &EditionSite,
    slugs: &[&str],
) -> Result<Option<Response>, AppError> {
    let Some((format, full, subject_slugs)) = split_feed_path(slugs) else {
        return Ok(None);
    };
    let Some(subject) = feed_subject(state, edition, subject_slugs).await? else {
        return Ok(None);
    };
    let query = StoryQuery::latest(edition.edition.id, subject.filter, FEED_ITEMS);
    let loaded = feed_stories(state.store.as_ref(), &query).await?;
    let base = &state.base_url;
    let items: Vec<ItemView> = loaded
        .stories
        .iter()
        .map(|story| ItemView::new(site, edition, base, story, &loaded.images, full))
        .collect();
    let newest = loaded
        .stories
        .iter()
        .map(|loaded| last_change(&loaded.story))
        .max()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let feed = FeedView {
        title: format!("{} — {}", site.settings.site_name, subject.title),
        description: site.newsletter_pitch(edition).to_string(),
        publisher: PersonView {
            name: site.settings.site_name.clone(),
            url: Some(format!("{base}/")),
        },
        base_url: base.clone(),
        site_url: absolute_url(base, &subject.page_path),
        self_url: absolute_url(
            base,
            &format!("{}/{}", edition.edition.path_prefix, slugs.join("/")),
        ),
        language: edition.edition.language.clone(),
        copyright: Chrome::new(site, edition, base).copyright,
        updated: FeedTime::new(newest),
        full,
        items,
    };
    let body = match format {
        FeedFormat::Rss => xml_chars_only(state.theme.render("feeds/rss.xml", &feed)?),
        FeedFormat::Atom => xml_chars_only(state.theme.render("feeds/atom.xml", &feed)?),
        FeedFormat::Json => json::render(&feed).map_err(anyhow::Error::from)?,
    };
    let mut tags = vec![subject.tag, CacheTag::Edition(edition.edition.id)];
    // Items show bylines, topics, keywords and captions: a change to any of them logs
    // the stories that show it.
    tags.extend(loaded.stories.iter().map(|s| CacheTag::Story(s.story.id)));
    Ok(Some(feed_response(format, body, tags)))
}

/// When a story last changed as a feed shows it: its update, or its first publication
/// if that is later (a story scheduled after its last edit).
pub fn last_change(story: &Story) -> Timestamp {
    story.updated_at.max(story.published_at.unwrap_or_default())
}

/// A cacheable response with the format's media type and `Last-Modified`: when this copy
/// was made, not the newest item's update. The cache drops a copy as soon as anything it
/// shows changes, which an item's time does not tell: an author renamed, a story unpublished
/// (the newest item then goes back in time). A reader sending the copy's date gets `304`
/// only until then.
fn feed_response(format: FeedFormat, body: String, tags: Vec<CacheTag>) -> Response {
    let mut response = cacheable_as(format.content_type(), body, tags);
    if let Ok(value) = HeaderValue::from_str(&item::http_date(Timestamp::now())) {
        response.headers_mut().insert(header::LAST_MODIFIED, value);
    }
    response
}

/// Drops the characters XML 1.0 forbids (control characters but tab and line breaks, and
/// U+FFFE and U+FFFF), which text imported from elsewhere may hold and would make every
/// reader refuse the whole feed.
fn xml_chars_only(mut xml: String) -> String {
    xml.retain(|ch| {
        let forbidden_control = ch.is_control() && !matches!(ch, '\t' | '\n' | '\r');
        !forbidden_control && !matches!(ch, '\u{FFFE}' | '\u{FFFF}')
    });
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_paths_start_with_a_format_and_name_something_after_it() {
        let cases: [(&[&str], bool, &str); 6] = [
            (&["rss", "latest"], true, "RSS"),
            (&["atom", "topic", "x"], true, "Atom"),
            (
                &["jsonfeed", "full", "latest"],
                true,
                "JSON Feed, full text",
            ),
            (
                &["atom"],
                false,
                "a format alone is the static page's place",
            ),
            (&["world", "rss"], false, "a format later in the path"),
            (&[], false, "the home page"),
        ];

        for (slugs, expected, reason) in cases {
            assert_eq!(is_feed_path(slugs), expected, "{reason}");
        }
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_the_rest_kept() {
        let text = "a\u{0}b\u{1b}c\td\ne\u{FFFF}f مرحبا".to_string();

        assert_eq!(xml_chars_only(text), "abc\td\nef مرحبا");
    }
}
