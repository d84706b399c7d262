//! The sitemaps protocol as sitemaps.org and Google's News and Image sitemap documentation
//! write it, checked on a parsed document: Python's own XML parser (expat, in the standard
//! library) reads the text, so a document that is not well-formed or uses an undeclared
//! prefix fails here, and element names come with their exact namespace.

use serde::Deserialize;

use crate::helpers::python_json;

pub const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
pub const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
pub const IMAGE: &str = "http://www.google.com/schemas/sitemap-image/1.1";

/// Most URLs (or sitemaps) in one file, and its largest size uncompressed.
const MAX_URLS: usize = 50_000;
const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Longest `loc`.
const MAX_LOC: usize = 2_048;
/// Most images of one URL (Google's image sitemaps).
const MAX_IMAGES: usize = 1_000;

/// An element: its `{namespace}name`, its text (trimmed) and its child elements.
#[derive(Debug, Deserialize)]
pub struct Xml {
    pub tag: String,
    pub text: String,
    pub children: Vec<Xml>,
}

impl Xml {
    /// The children named `name` in namespace `ns`.
    pub fn all(&self, ns: &str, name: &str) -> Vec<&Xml> {
        let tag = format!("{{{ns}}}{name}");
        self.children.iter().filter(|c| c.tag == tag).collect()
    }

    /// The one child named `name` in `ns`, if there is one; panics on two.
    pub fn one(&self, ns: &str, name: &str) -> Option<&Xml> {
        let found = self.all(ns, name);
        assert!(found.len() <= 1, "{name} twice in {}", self.tag);
        found.into_iter().next()
    }

    /// The text of the one child named `name` in `ns`; panics without one.
    pub fn text_of(&self, ns: &str, name: &str) -> &str {
        let child = self.one(ns, name);
        &child
            .unwrap_or_else(|| panic!("no {name} in {}", self.tag))
            .text
    }
}

const PARSE: &str = "import json, sys, xml.etree.ElementTree as ET\n\
def tree(e): return {'tag': e.tag, 'text': (e.text or '').strip(), 'children': [tree(c) for c in e]}\n\
print(json.dumps(tree(ET.fromstring(sys.stdin.buffer.read()))))";

/// Parses a document with Python's XML parser; panics if it is not well-formed.
pub fn parse(text: &str) -> Xml {
    assert!(
        text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "an XML declaration naming UTF-8: {}",
        &text[..text.len().min(80)]
    );
    assert!(text.len() <= MAX_BYTES, "at most 50 MB");
    let tree = python_json(
        &["-c", PARSE],
        text,
        &format!("not well-formed XML:\n{text}\n"),
    );
    serde_json::from_value(tree).expect("the parser's JSON")
}

/// Whether a text is a W3C datetime (https://www.w3.org/TR/NOTE-datetime): `YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`, or a date with `Thh:mm`, `Thh:mm:ss` or `Thh:mm:ss.s` and a
/// zone designator (`Z` or `+hh:mm` / `-hh:mm`).
pub fn is_w3c_datetime(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let date_ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    let Some(time) = time else { return date_ok };
    if parts.len() != 3 || !date_ok {
        return false;
    }
    let (clock, zone) = match time.strip_suffix('Z') {
        Some(clock) => (clock, None),
        None if time.len() > 6 => {
            let (clock, zone) = time.split_at(time.len() - 6);
            (clock, Some(zone))
        }
        None => return false,
    };
    let zone_ok = zone.is_none_or(|zone| {
        let (sign, rest) = zone.split_at(1);
        matches!(sign, "+" | "-")
            && rest
                .split_once(':')
                .is_some_and(|(h, m)| digits(h, 2) && digits(m, 2))
    });
    let (whole, fraction) = match clock.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (clock, None),
    };
    let fields: Vec<&str> = whole.split(':').collect();
    let clock_ok = match fields.as_slice() {
        [h, m] => digits(h, 2) && digits(m, 2) && fraction.is_none(),
        [h, m, s] => digits(h, 2) && digits(m, 2) && digits(s, 2),
        _ => false,
    };
    let fraction_ok =
        fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    zone_ok && clock_ok && fraction_ok
}

/// Checks a `loc`: absolute, on the site, at most 2,048 characters, ASCII only (non-ASCII
/// percent-encoded) and below `folder` (a sitemap lists only URLs below its own folder).
fn check_loc(loc: &str, folder: &str) {
    assert!(loc.len() <= MAX_LOC, "loc over 2,048 characters: {loc}");
    assert!(
        loc.is_ascii() && !loc.contains(' '),
        "loc not URL-escaped: {loc}"
    );
    assert!(loc.starts_with(folder), "{loc} is not below {folder}");
}

/// A checked `lastmod`, if any.
fn check_lastmod(element: &Xml) -> Option<String> {
    let lastmod = element.one(SITEMAP, "lastmod")?;
    assert!(is_w3c_datetime(&lastmod.text), "lastmod {:?}", lastmod.text);
    Some(lastmod.text.clone())
}

/// One sitemap of an index, or one URL of a sitemap.
#[derive(Debug, Clone)]
pub struct Entry {
    pub loc: String,
    pub lastmod: Option<String>,
    pub images: Vec<String>,
    pub news: Option<News>,
}

/// A URL's `<news:news>`.
#[derive(Debug, Clone)]
pub struct News {
    pub name: String,
    pub language: String,
    pub published: String,
    pub title: String,
}

/// Checks a sitemap index against the protocol; returns its sitemaps.
pub fn sitemap_index(text: &str, base: &str) -> Vec<Entry> {
    let root = parse(text);
    assert_eq!(root.tag, format!("{{{SITEMAP}}}sitemapindex"));
    assert_eq!(root.all(SITEMAP, "sitemap").len(), root.children.len());
    assert!(root.children.len() <= MAX_URLS);
    root.children
        .iter()
        .map(|sitemap| {
            let loc = sitemap.text_of(SITEMAP, "loc").to_string();
            check_loc(&loc, &format!("{base}/"));
            Entry {
                loc,
                lastmod: check_lastmod(sitemap),
                images: Vec::new(),
                news: None,
            }
        })
        .collect()
}

/// Checks a sitemap found at `url` against the protocol and Google's News and Image
/// extensions; returns its URLs.
pub fn urlset(text: &str, url: &str) -> Vec<Entry> {
    let root = parse(text);
    assert_eq!(root.tag, format!("{{{SITEMAP}}}urlset"), "{url}");
    assert!(root.children.len() <= MAX_URLS, "{url}: over 50,000 URLs");
    let folder = &url[..=url.rfind('/').expect("a path")];
    root.children
        .iter()
        .map(|entry| {
            assert_eq!(entry.tag, format!("{{{SITEMAP}}}url"), "{url}");
            let loc = entry.text_of(SITEMAP, "loc").to_string();
            check_loc(&loc, folder);
            let images: Vec<String> = entry
                .all(IMAGE, "image")
                .iter()
                .map(|image| image.text_of(IMAGE, "loc").to_string())
                .collect();
            assert!(images.len() <= MAX_IMAGES);
            for image in &images {
                assert!(image.starts_with("http") && image.is_ascii(), "{image}");
            }
            Entry {
                loc,
                lastmod: check_lastmod(entry),
                images,
                news: entry.one(NEWS, "news").map(news),
            }
        })
        .collect()
}

/// A checked `<news:news>`: publication name and language (ISO 639), publication date
/// (W3C datetime) and title.
fn news(news: &Xml) -> News {
    let publication = news.one(NEWS, "publication").expect("news:publication");
    let entry = News {
        name: publication.text_of(NEWS, "name").to_string(),
        language: publication.text_of(NEWS, "language").to_string(),
        published: news.text_of(NEWS, "publication_date").to_string(),
        title: news.text_of(NEWS, "title").to_string(),
    };
    assert!(!entry.name.is_empty() && !entry.title.is_empty());
    let language = &entry.language;
    let iso_639 =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    assert!(
        iso_639 || ["zh-cn", "zh-tw"].contains(&language.as_str()),
        "{language}"
    );
    assert!(is_w3c_datetime(&entry.published), "{}", entry.published);
    entry
}

#[test]
fn w3c_datetimes_are_read_as_the_note_writes_them() {
    let cases = [
        ("1997", true),
        ("1997-07", true),
        ("1997-07-16", true),
        ("1997-07-16T19:20+01:00", true),
        ("1997-07-16T19:20:30+01:00", true),
        ("1997-07-16T19:20:30.45+01:00", true),
        ("2026-11-05T08:00:00Z", true),
        ("1997-07-16T19:20:30", false),
        ("1997-7-16", false),
        ("1997-07-16T19:20:30.+01:00", false),
        ("16/07/1997", false),
        ("1997-07-16 19:20:30Z", false),
    ];
    for (text, expected) in cases {
        assert_eq!(is_w3c_datetime(text), expected, "{text}");
    }
}
