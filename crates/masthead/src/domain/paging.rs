//! Page numbers from the query string: anything but a sane positive number is not a page.

/// The largest page number worth looking up; beyond it every list is empty.
const MAX_PAGE: u32 = 100_000;

/// Parses `?page=`: missing means 1; "0", "-1", "abc" or absurd numbers are `None` (404).
pub fn parse_page(raw: Option<&str>) -> Option<u32> {
    match raw {
        None => Some(1),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|page| (1..=MAX_PAGE).contains(page)),
    }
}

/// Number of pages for `total` items at `size` per page; at least 1.
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
    fn only_positive_page_numbers_are_pages() {
        let cases = [
            (None, Some(1), "no parameter is the first page"),
            (Some("2"), Some(2), "a plain number"),
            (Some("0"), None, "pages count from one"),
            (Some("-1"), None, "negative"),
            (Some("abc"), None, "not a number"),
            (Some("99999999"), None, "absurdly far"),
            (Some(""), None, "empty"),
        ];

        for (raw, expected, reason) in cases {
            assert_eq!(parse_page(raw), expected, "{reason}");
        }
    }

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
    }
}
