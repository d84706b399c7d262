//! Reader URLs: the one reading of a request's path and query that both the page cache (for
//! its key) and the page handlers (for what to render) use, so that whatever a URL renders
//! is stored under the key of what it rendered.
//!
//! A page has one canonical spelling: lowercase slugs, percent-encoded the way browsers send
//! them, no empty segments, no trailing slash (an edition's home keeps its `/ar/` form), and
//! a list's position (`page=2` onwards, `before=ID`, `after=ID`) in the query. Other
//! spellings of a path answer 301; query parameters other than those (tracking tags, cache
//! busters) change nothing on a reader page, so they are read past and the canonical page
//! serves them.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use store::slug::is_plausible_slug;

use crate::domain::site_file::is_file_name;

use crate::domain::paging::Position;

/// Paths longer than this are not ours.
const MAX_PATH: usize = 1024;

/// Path prefixes that are not reader pages: the newsroom, files, short links, webhooks and
/// the operational endpoints. The page cache never stores or serves them.
const NOT_READER: &[&str] = &["/admin/", "/assets/", "/media/", "/s/", "/hooks/"];
/// Exact paths that are not reader pages.
const NOT_READER_EXACT: &[&str] = &["/admin", "/healthz", "/readyz", "/metrics"];

/// What a slug segment keeps unescaped: letters, digits and the hyphen (and the dot of a
/// file name such as `sitemap.xml`); everything else (Arabic letters, as UTF-8) is
/// percent-encoded with uppercase hex, as browsers send it.
const SEGMENT_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.');

/// How a request URL reads as a reader page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderUrl {
    /// A canonical spelling (possibly with parameters that change nothing): this page.
    Page(PageAddress),
    /// Another spelling of a page: the canonical URL (path and query, encoded) to move to.
    Moved(String),
    /// No page of ours could live here (a bad page number, a segment no slug could have,
    /// the page number given twice).
    Invalid,
    /// Not a reader page at all: the newsroom, files and operational endpoints.
    NotReader,
}

/// A reader page's canonical address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageAddress {
    /// The canonical path, percent-encoded ("/world/europe", "/ar/").
    pub path: String,
    /// The decoded, lowercase segments of the path, the edition prefix's included.
    pub segments: Vec<String>,
    /// Where a list's page starts; its first page when the query names nothing.
    pub position: Position,
}

impl PageAddress {
    /// The canonical URL: the path, and the position past the first page. This is the
    /// page cache's key.
    pub fn url(&self) -> String {
        self.position.url(&self.path)
    }
}

/// Whether a raw request path belongs to the reader site (not the newsroom, files or the
/// operational endpoints).
pub fn is_reader_path(path: &str) -> bool {
    !(NOT_READER_EXACT.contains(&path) || NOT_READER.iter().any(|dir| path.starts_with(dir)))
}

/// Reads a request's raw path and query. `home_prefixes` are the path prefixes of the
/// editions that have one ("/ar"): their home page's canonical path ends in a slash.
pub fn parse_reader_url(path: &str, query: Option<&str>, home_prefixes: &[&str]) -> ReaderUrl {
    if !is_reader_path(path) {
        return ReaderUrl::NotReader;
    }
    let Some(segments) = decode_segments(path) else {
        return ReaderUrl::Invalid;
    };
    let Some(position) = query.map_or(Some(Position::FIRST), position_of) else {
        return ReaderUrl::Invalid;
    };
    let mut canonical = String::new();
    for segment in &segments {
        canonical.push('/');
        canonical.extend(utf8_percent_encode(segment, SEGMENT_ESCAPES));
    }
    if canonical.is_empty() || home_prefixes.contains(&canonical.as_str()) {
        canonical.push('/');
    }
    // A bare `?` is another spelling too; parameters other than `page` are read past.
    if canonical != path || query == Some("") {
        return ReaderUrl::Moved(position.url(&canonical));
    }
    ReaderUrl::Page(PageAddress {
        path: canonical,
        segments,
        position,
    })
}

/// The decoded, lowercase segments of a path; `None` for anything no page of ours could
/// have (invalid UTF-8, dots, slashes or other characters no slug has, absurd length).
/// The last segment may also be a file name crawlers ask for (`robots.txt`,
/// `sitemap.xml`: see [`is_file_name`]).
pub fn decode_segments(path: &str) -> Option<Vec<String>> {
    if path.len() > MAX_PATH {
        return None;
    }
    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    let last = segments.len().saturating_sub(1);
    segments
        .into_iter()
        .enumerate()
        .map(|(index, segment)| {
            let decoded = percent_decode_str(segment)
                .decode_utf8()
                .ok()?
                .to_lowercase();
            let fits = is_plausible_slug(&decoded) || (index == last && is_file_name(&decoded));
            fits.then_some(decoded)
        })
        .collect()
}

/// The position a query names, its parameters decoded like any form field (so
/// `%70age=2` is `page=2`): the first page when it names none; `None` when it names two
/// (or one twice), or one no list has.
fn position_of(query: &str) -> Option<Position> {
    let mut positions = query
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = decode_component(name)?;
            Position::is_parameter(&name).then(|| Some((name, decode_component(value)?)))
        })
        .collect::<Vec<_>>()
        .into_iter();
    match (positions.next(), positions.next()) {
        (None, _) => Some(Position::FIRST),
        (Some(Some((name, value))), None) => Position::parse(&name, &value),
        _ => None,
    }
}

/// Decodes one name or value of a query as forms encode it (`+` is a space).
fn decode_component(raw: &str) -> Option<String> {
    let spaced = raw.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(url: &str) -> ReaderUrl {
        let (path, query) = match url.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (url, None),
        };
        parse_reader_url(path, query, &["/ar"])
    }

    fn key(url: &str) -> Option<String> {
        match read(url) {
            ReaderUrl::Page(address) => Some(address.url()),
            _ => None,
        }
    }

    #[test]
    fn canonical_spellings_are_pages_under_their_own_key() {
        let cases = [
            ("/", "/", "the home page"),
            ("/ar/", "/ar/", "an edition's home page"),
            ("/world/europe", "/world/europe", "a subsection"),
            ("/world?page=2", "/world?page=2", "a later page"),
            ("/world?page=1", "/world", "the first page named"),
            (
                "/world?utm_source=x&page=2",
                "/world?page=2",
                "tracking tags",
            ),
            ("/world?fbclid=1", "/world", "a click id"),
            ("/world?%70age=3", "/world?page=3", "an encoded name"),
            ("/world?before=41", "/world?before=41", "older than a story"),
            (
                "/world?after=41&utm_source=x",
                "/world?after=41",
                "newer than a story",
            ),
            ("/ar/%D8%B9%D8%B1%D8%A8", "/ar/%D8%B9%D8%B1%D8%A8", "Arabic"),
            ("/sitemap.xml", "/sitemap.xml", "a file crawlers ask for"),
            (
                "/robots.txt?x=1&x=2",
                "/robots.txt",
                "a file, with a repeated parameter",
            ),
            (
                "/ar/sitemap-news.xml",
                "/ar/sitemap-news.xml",
                "an edition's file",
            ),
        ];

        for (url, expected, reason) in cases {
            assert_eq!(key(url).as_deref(), Some(expected), "{reason}");
        }
    }

    #[test]
    fn other_spellings_move_to_the_canonical_url() {
        let cases = [
            ("//world", "/world", "a doubled slash"),
            ("/world/", "/world", "a trailing slash"),
            ("/%77orld", "/world", "an encoded letter"),
            ("/World", "/world", "capitals"),
            ("/world?", "/world", "a bare question mark"),
            (
                "/World?page=2&x=1",
                "/world?page=2",
                "keeps the page, drops the rest",
            ),
            ("/ar", "/ar/", "an edition's home without its slash"),
            ("/ar/%d8%b9", "/ar/%D8%B9", "lowercase hex"),
            ("/SITEMAP.XML", "/sitemap.xml", "a file in capitals"),
            (
                "/sitemap.xml/",
                "/sitemap.xml",
                "a file with a trailing slash",
            ),
        ];

        for (url, expected, reason) in cases {
            assert_eq!(read(url), ReaderUrl::Moved(expected.into()), "{reason}");
        }
    }

    #[test]
    fn urls_no_page_could_have_are_invalid_and_others_are_not_reader_pages() {
        let invalid = [
            ("/world?page=2&page=3", "the page twice"),
            ("/world?page=0", "page zero"),
            ("/world?page=abc", "not a number"),
            ("/world?before=3&after=5", "two positions"),
            ("/world?page=2&before=5", "a page and a story"),
            ("/world?before=03", "an id spelled two ways"),
            ("/world/%FF", "invalid UTF-8"),
            ("/index.php", "a dot"),
            ("/robots.txt/x", "a file name before the last segment"),
            ("/sitemap..xml", "a file name that is no slug"),
        ];
        for (url, reason) in invalid {
            assert_eq!(read(url), ReaderUrl::Invalid, "{reason}");
        }
        for url in ["/admin", "/admin/login", "/assets/site.css", "/media/a.jpg"] {
            assert_eq!(read(url), ReaderUrl::NotReader, "{url}");
        }
        for url in ["/s/abc", "/healthz", "/readyz", "/metrics"] {
            assert_eq!(read(url), ReaderUrl::NotReader, "{url}");
        }
    }
}
