//! Cache tags: what a cached page or feed shows, so that a change can drop every copy that
//! shows it. The change log keeps them as text (`story:12`), which is also what the
//! `Cache-Tag` header of a cached response lists.

use std::fmt;

/// One thing a cached page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CacheTag {
    /// What every page of an edition shows: its menus, sections and breaking-news bar.
    Edition(i64),
    /// An edition's home front.
    Home(i64),
    /// A section's front and lists.
    Section(i64),
    /// A story.
    Story(i64),
    /// A topic's page.
    Topic(i64),
    /// A keyword's page.
    Keyword(i64),
    /// An author's page.
    Author(i64),
    /// An edition's job listings: its jobs page and each listing's page.
    Jobs(i64),
}

impl CacheTag {
    /// A tag from its kind's name and its id (`("story", 12)`), if the kind is known.
    pub fn from_parts(kind: &str, id: i64) -> Option<CacheTag> {
        Some(match kind {
            "edition" => CacheTag::Edition(id),
            "home" => CacheTag::Home(id),
            "section" => CacheTag::Section(id),
            "story" => CacheTag::Story(id),
            "topic" => CacheTag::Topic(id),
            "keyword" => CacheTag::Keyword(id),
            "author" => CacheTag::Author(id),
            "jobs" => CacheTag::Jobs(id),
            _ => return None,
        })
    }

    /// A tag from its text form (`story:12`), if it is one.
    pub fn parse(text: &str) -> Option<CacheTag> {
        let (kind, id) = text.split_once(':')?;
        CacheTag::from_parts(kind, id.parse().ok()?)
    }

    fn parts(self) -> (&'static str, i64) {
        match self {
            CacheTag::Edition(id) => ("edition", id),
            CacheTag::Home(id) => ("home", id),
            CacheTag::Section(id) => ("section", id),
            CacheTag::Story(id) => ("story", id),
            CacheTag::Topic(id) => ("topic", id),
            CacheTag::Keyword(id) => ("keyword", id),
            CacheTag::Author(id) => ("author", id),
            CacheTag::Jobs(id) => ("jobs", id),
        }
    }
}

impl fmt::Display for CacheTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, id) = self.parts();
        write!(f, "{kind}:{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::CacheTag;

    #[test]
    fn tags_read_back_what_they_write_and_nothing_else() {
        for tag in [
            CacheTag::Edition(1),
            CacheTag::Home(2),
            CacheTag::Section(3),
            CacheTag::Story(4),
            CacheTag::Topic(5),
            CacheTag::Keyword(6),
            CacheTag::Author(7),
            CacheTag::Jobs(8),
        ] {
            assert_eq!(CacheTag::parse(&tag.to_string()), Some(tag));
        }
        assert_eq!(CacheTag::Story(12).to_string(), "story:12");
        for text in ["", "story", "story:", "story:x", "stories:1", ":1", "site"] {
            assert_eq!(CacheTag::parse(text), None, "{text}");
        }
    }
}
