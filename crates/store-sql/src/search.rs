//! Searches as `LIKE` patterns, with the searcher's own `%`, `_` and `\` taken literally
//! (the queries say `ESCAPE '\'`).

/// A pattern that finds `search` anywhere; an empty search gives `%%`, which the keyword
/// queries read as "everything".
pub fn like_pattern(search: &str) -> String {
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// A pattern that finds `search` (trimmed) anywhere, or none for a blank search.
pub fn optional_like_pattern(search: Option<&str>) -> Option<String> {
    let search = search.map(str::trim).filter(|search| !search.is_empty())?;
    Some(like_pattern(search))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_wildcards_are_taken_literally() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(like_pattern(""), "%%");
        assert_eq!(
            optional_like_pattern(Some(" 5% ")).as_deref(),
            Some("%5\\%%")
        );
        assert_eq!(optional_like_pattern(Some("  ")), None);
    }
}
