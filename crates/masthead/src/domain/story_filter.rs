//! The newsroom story list's filters as its URL carries them (`?status=draft&author=3&
//! from=2026-12-01`), read strictly: a value given twice, a state or date that is not one,
//! a range that ends before it starts, each gets a message instead of a wider list.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use store::StoryStatus;

use crate::domain::refusal::{Expected, Refusal};

/// Longest search text kept.
const MAX_TEXT: usize = 200;
/// Longest value of any other filter read at all.
const MAX_VALUE: usize = 40;

/// The story list's desk filter (`desk=3`, `desk=mine`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskFilter {
    /// The account's own desks.
    Mine,
    /// One desk, by id.
    Id(i64),
}

/// The filters of one story-list URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryFilter {
    /// Words to search for.
    pub text: String,
    /// Only this state.
    pub status: Option<StoryStatus>,
    /// Only this edition (its code).
    pub edition: String,
    /// Only this section (id).
    pub section: Option<i64>,
    /// Only this account's stories (id).
    pub author: Option<i64>,
    /// Only stories whose primary section is on this newsroom desk, or on the account's.
    pub desk: Option<DeskFilter>,
    /// Only stories dated on or after this local day.
    pub from: Option<Date>,
    /// Only stories dated on or before this local day.
    pub to: Option<Date>,
    /// The page, from 1.
    pub page: u32,
}

impl StoryFilter {
    /// Reads the query string's pairs; the refusals say what was refused.
    pub fn parse(pairs: &[(String, String)]) -> Result<StoryFilter, Vec<Refusal>> {
        let mut filter = StoryFilter {
            page: 1,
            ..StoryFilter::default()
        };
        let mut problems = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            if seen.contains(&key.as_str()) {
                problems.push(Refusal::FilterTwice { key: shown(key) });
                continue;
            }
            seen.push(key);
            if let Err(problem) = filter.take(key, value) {
                problems.push(problem);
            }
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            problems.push(Refusal::FilterBackwards {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
        if problems.is_empty() {
            Ok(filter)
        } else {
            Err(problems)
        }
    }

    /// Takes one pair; keys the list does not know (such as `notice`) are left alone.
    fn take(&mut self, key: &str, value: &str) -> Result<(), Refusal> {
        let value = value.trim();
        if key == "q" {
            self.text = value.chars().take(MAX_TEXT).collect();
            return Ok(());
        }
        if value.is_empty()
            || ![
                "status", "edition", "section", "author", "desk", "from", "to", "page",
            ]
            .contains(&key)
        {
            return Ok(());
        }
        let refused = |expected| Refusal::FilterValue {
            value: shown(value),
            expected,
        };
        if value.len() > MAX_VALUE {
            return Err(refused(Expected::Known));
        }
        match key {
            "status" => {
                self.status =
                    Some(StoryStatus::parse(value).ok_or_else(|| refused(Expected::State))?)
            }
            "edition" => self.edition = value.to_string(),
            "section" => {
                self.section = Some(value.parse().map_err(|_| refused(Expected::Section))?)
            }
            "author" => self.author = Some(value.parse().map_err(|_| refused(Expected::Author))?),
            "desk" => self.desk = Some(desk(value).ok_or_else(|| refused(Expected::Desk))?),
            "from" => self.from = Some(day(value).ok_or_else(|| refused(Expected::Date))?),
            "to" => self.to = Some(day(value).ok_or_else(|| refused(Expected::Date))?),
            _ => {
                self.page = value
                    .parse()
                    .ok()
                    .filter(|page| (1..=10_000).contains(page))
                    .ok_or_else(|| refused(Expected::Page))?;
            }
        }
        Ok(())
    }

    /// The first moment of `from` and the first moment after `to`, in `zone`.
    pub fn moments(&self, zone: &TimeZone) -> (Option<Timestamp>, Option<Timestamp>) {
        let start = |date: Date| {
            date.to_zoned_datetime(zone.clone())
                .ok()
                .map(|zoned| zoned.timestamp())
        };
        (
            self.from.and_then(start),
            self.to.and_then(|to| to.tomorrow().ok()).and_then(start),
        )
    }
}

/// A desk: `mine`, or a desk's id.
fn desk(value: &str) -> Option<DeskFilter> {
    match value {
        "mine" => Some(DeskFilter::Mine),
        _ => value.parse().ok().filter(|id| *id > 0).map(DeskFilter::Id),
    }
}

/// A `YYYY-MM-DD` day.
fn day(value: &str) -> Option<Date> {
    (value.len() == 10).then(|| value.parse().ok()).flatten()
}

/// A value as a message may quote it: short, one line.
fn shown(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_VALUE)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn every_filter_is_read_from_the_url() {
        let filter = StoryFilter::parse(&pairs(&[
            ("status", "draft"),
            ("author", "3"),
            ("desk", "mine"),
            ("from", "2026-12-01"),
            ("to", "2026-12-05"),
            ("page", "2"),
            ("notice", "saved"),
        ]))
        .expect("valid");

        assert_eq!(filter.status, Some(StoryStatus::Draft));
        assert_eq!(filter.author, Some(3));
        assert_eq!(filter.desk, Some(DeskFilter::Mine));
        assert_eq!(
            filter.from.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(filter.page, 2);
    }

    #[test]
    fn odd_duplicate_and_backward_values_are_refused_with_reasons() {
        let cases = [
            (vec![("status", "live")], "not a state"),
            (vec![("author", "1 OR 1=1")], "not an author"),
            (vec![("desk", "<script>")], "not a desk"),
            (vec![("desk", "-3")], "not a desk"),
            (vec![("from", "2026-13-01")], "not a date"),
            (vec![("from", "../../etc/passwd")], "not a date"),
            (vec![("page", "0")], "not a page number"),
            (
                vec![("status", "draft"), ("status", "published")],
                "given twice",
            ),
            (
                vec![("from", "2026-12-05"), ("to", "2026-12-01")],
                "run backwards",
            ),
        ];
        for (case, reason) in cases {
            let problems = StoryFilter::parse(&pairs(&case)).expect_err(reason);
            let first = problems[0].to_string();
            assert!(first.contains(reason), "{case:?}: {first}");
        }
    }

    #[test]
    fn local_days_become_moments_in_the_zone() {
        let filter = StoryFilter::parse(&pairs(&[("from", "2027-07-01"), ("to", "2027-07-01")]))
            .expect("valid");
        let london = TimeZone::get("Europe/London").expect("zone");

        let (from, before) = filter.moments(&london);

        assert_eq!(
            from.map(|t| t.to_string()).as_deref(),
            Some("2027-06-30T23:00:00Z")
        );
        assert_eq!(
            before.map(|t| t.to_string()).as_deref(),
            Some("2027-07-01T23:00:00Z")
        );
    }
}
