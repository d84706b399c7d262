//! The files crawlers ask for by name: `robots.txt` and the sitemap index `sitemap.xml` at
//! the site's root, and each edition's sitemaps under its own prefix (so that each lists
//! only URLs below its own folder, as the sitemaps protocol requires):
//! `sitemap-stories-2026-11.xml` (a month, with `-2`, `-3`… for its later parts),
//! `sitemap-news.xml` (the Google News sitemap) and `sitemap-listings.xml` (sections,
//! topics, keywords and authors). Each name has one spelling; any other is no file.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// A file a crawler asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteFile {
    /// `robots.txt` (site root only).
    Robots,
    /// `sitemap.xml`, the sitemap index (site root only).
    Index,
    /// An edition's stories published in one UTC month, in parts from 1.
    Stories {
        /// The month.
        month: Month,
        /// Which part of it (1 for the first, whose name has no number).
        part: u32,
    },
    /// An edition's stories of the last 48 hours, for Google News.
    News,
    /// An edition's listing pages.
    Listings,
}

/// A UTC month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    year: i16,
    month: i8,
}

impl Month {
    /// The month of a `year * 100 + month` key (`202611`), as the store counts them.
    pub fn from_key(key: i64) -> Option<Month> {
        let year = i16::try_from(key / 100).ok()?;
        let month = i8::try_from(key % 100).ok()?;
        Date::new(year, month, 1).ok()?;
        Some(Month { year, month })
    }

    /// Its `year * 100 + month` key.
    pub fn key(self) -> i64 {
        i64::from(self.year) * 100 + i64::from(self.month)
    }

    fn first_day(self) -> Option<Date> {
        Date::new(self.year, self.month, 1).ok()
    }

    /// Its first instant, and the first instant of the next month (UTC).
    pub fn range(self) -> Option<(Timestamp, Timestamp)> {
        let first = self.first_day()?;
        let next = first.last_of_month().tomorrow().ok()?;
        let start = TimeZone::UTC.to_timestamp(first.at(0, 0, 0, 0)).ok()?;
        let end = TimeZone::UTC.to_timestamp(next.at(0, 0, 0, 0)).ok()?;
        Some((start, end))
    }
}

/// The name's prefix of a month's stories.
const STORIES: &str = "sitemap-stories-";

impl SiteFile {
    /// The file a name (the last path segment, lowercase) stands for, if any.
    pub fn parse(name: &str) -> Option<SiteFile> {
        match name {
            "robots.txt" => return Some(SiteFile::Robots),
            "sitemap.xml" => return Some(SiteFile::Index),
            "sitemap-news.xml" => return Some(SiteFile::News),
            "sitemap-listings.xml" => return Some(SiteFile::Listings),
            _ => {}
        }
        let stem = name.strip_prefix(STORIES)?.strip_suffix(".xml")?;
        let mut fields = stem.split('-');
        let (year, month) = (fields.next()?, fields.next()?);
        let part = match fields.next() {
            None => 1,
            Some(part) => part.parse().ok().filter(|part| *part >= 2)?,
        };
        let month = Month::from_key(year.parse::<i64>().ok()? * 100 + month.parse::<i64>().ok()?)?;
        let file = SiteFile::Stories { month, part };
        // One spelling: `2026-03`, not `2026-3`; `-2`, not `-02`; no fourth field.
        (fields.next().is_none() && file.name() == name).then_some(file)
    }

    /// The file's name, as [`SiteFile::parse`] reads it.
    pub fn name(self) -> String {
        match self {
            SiteFile::Robots => "robots.txt".into(),
            SiteFile::Index => "sitemap.xml".into(),
            SiteFile::News => "sitemap-news.xml".into(),
            SiteFile::Listings => "sitemap-listings.xml".into(),
            SiteFile::Stories { month, part } => {
                let year_month = format!("{STORIES}{:04}-{:02}", month.year, month.month);
                match part {
                    1 => format!("{year_month}.xml"),
                    _ => format!("{year_month}-{part}.xml"),
                }
            }
        }
    }

    /// Whether the file lives at the site's root only, not under an edition's prefix.
    pub fn root_only(self) -> bool {
        matches!(self, SiteFile::Robots | SiteFile::Index)
    }
}

/// Whether a path segment (decoded, lowercase) has the form of a file name a crawler may
/// ask for: a slug, a dot and `xml` or `txt`. The reader URL accepts such a last segment
/// so that these files are cached and spelled like pages.
pub fn is_file_name(segment: &str) -> bool {
    let Some((stem, extension)) = segment.rsplit_once('.') else {
        return false;
    };
    matches!(extension, "xml" | "txt") && store::slug::is_plausible_slug(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_has_one_spelling() {
        let month = Month::from_key(202_603).expect("month");
        let cases = [
            ("robots.txt", Some(SiteFile::Robots)),
            ("sitemap.xml", Some(SiteFile::Index)),
            ("sitemap-news.xml", Some(SiteFile::News)),
            ("sitemap-listings.xml", Some(SiteFile::Listings)),
            (
                "sitemap-stories-2026-03.xml",
                Some(SiteFile::Stories { month, part: 1 }),
            ),
            (
                "sitemap-stories-2026-03-2.xml",
                Some(SiteFile::Stories { month, part: 2 }),
            ),
            ("sitemap-stories-2026-3.xml", None),
            ("sitemap-stories-2026-03-1.xml", None),
            ("sitemap-stories-2026-03-02.xml", None),
            ("sitemap-stories-2026-13.xml", None),
            ("sitemap-stories-2026-00.xml", None),
            ("sitemap-stories-2026-03-2-1.xml", None),
            ("sitemap-stories-x-03.xml", None),
            ("sitemap-stories-99999-03.xml", None),
            ("sitemap-stories-2026-03.txt", None),
            ("sitemap.txt", None),
        ];

        for (name, expected) in cases {
            assert_eq!(SiteFile::parse(name), expected, "{name}");
            if let Some(file) = expected {
                assert_eq!(file.name(), name);
            }
        }
    }

    #[test]
    fn a_month_runs_from_its_first_instant_to_the_next_months() {
        let (start, end) = Month::from_key(202_612)
            .and_then(Month::range)
            .expect("range");

        assert_eq!(start.to_string(), "2026-12-01T00:00:00Z");
        assert_eq!(end.to_string(), "2027-01-01T00:00:00Z");
        assert_eq!(Month::from_key(202_612).map(Month::key), Some(202_612));
    }

    #[test]
    fn file_names_are_a_slug_and_a_known_extension() {
        assert!(is_file_name("robots.txt"));
        assert!(is_file_name("sitemap-stories-2026-03.xml"));
        for name in [
            "index.php",
            "a.b.xml",
            ".xml",
            "xml",
            "wp-login.php",
            "../x.txt",
        ] {
            assert!(!is_file_name(name), "{name}");
        }
    }
}
