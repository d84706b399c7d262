//! Where a page of a list starts, from the query string: `?page=N` for a numbered page
//! (the first ones, as old links and people type them), or `?before=ID` / `?after=ID` for
//! the stories just older or just newer than a story (the links the pager gives, which
//! show the same stories however many are published later). Anything else is no page.

/// The largest page number served; deeper pages are reached from a story (`?before=`).
const MAX_PAGE: u32 = 1_000;

/// Where a page of a list starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Page N, counted from the newest story; 1 is the list's own address.
    Number(u32),
    /// The stories listed after this story's id: older ones.
    Before(i64),
    /// The stories listed just before this story's id: newer ones.
    After(i64),
}

impl Position {
    /// The list's own address, its newest stories.
    pub const FIRST: Position = Position::Number(1);

    /// Whether this is the list's own address.
    pub fn is_first(self) -> bool {
        self == Position::FIRST
    }

    /// Reads a `(name, value)` query parameter as a position; `None` if it names none or
    /// an impossible one ("0", "-1", "abc", an absurd page, an id with leading zeros).
    pub fn parse(name: &str, value: &str) -> Option<Position> {
        let id = || {
            value
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0 && id.to_string() == value)
        };
        match name {
            "page" => value
                .parse::<u32>()
                .ok()
                .filter(|page| (1..=MAX_PAGE).contains(page))
                .map(Position::Number),
            "before" => id().map(Position::Before),
            "after" => id().map(Position::After),
            _ => None,
        }
    }

    /// Whether a query parameter's name is one of a position's.
    pub fn is_parameter(name: &str) -> bool {
        matches!(name, "page" | "before" | "after")
    }

    /// `path` at this position: the canonical address of the page.
    pub fn url(self, path: &str) -> String {
        match self {
            Position::Number(1) => path.to_string(),
            Position::Number(page) => format!("{path}?page={page}"),
            Position::Before(id) => format!("{path}?before={id}"),
            Position::After(id) => format!("{path}?after={id}"),
        }
    }
}

/// Number of pages for `total` items at `size` per page; at least 1 (the newsroom's
/// numbered lists).
pub fn page_count(total: u64, size: u32) -> u32 {
    let size = u64::from(size.max(1));
    u32::try_from(total.div_ceil(size))
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sane_numbers_are_positions() {
        let cases = [
            ("page", "2", Some(Position::Number(2)), "a plain number"),
            (
                "page",
                "1000",
                Some(Position::Number(1000)),
                "the deepest page",
            ),
            ("page", "1001", None, "deeper is reached from a story"),
            ("page", "0", None, "pages count from one"),
            ("page", "-1", None, "negative"),
            ("page", "abc", None, "not a number"),
            ("page", "", None, "empty"),
            (
                "before",
                "12",
                Some(Position::Before(12)),
                "older than a story",
            ),
            (
                "after",
                "12",
                Some(Position::After(12)),
                "newer than a story",
            ),
            ("before", "012", None, "an id has one spelling"),
            ("after", "0", None, "no story has id 0"),
            ("before", "99999999999999999999", None, "too large"),
            ("utm_source", "1", None, "not a position"),
        ];

        for (name, value, expected, reason) in cases {
            assert_eq!(Position::parse(name, value), expected, "{reason}");
        }
    }

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
    }

    #[test]
    fn each_position_has_one_address() {
        assert_eq!(Position::FIRST.url("/world"), "/world");
        assert_eq!(Position::Number(3).url("/world"), "/world?page=3");
        assert_eq!(Position::Before(7).url("/world"), "/world?before=7");
        assert_eq!(Position::After(7).url("/world"), "/world?after=7");
    }
}
