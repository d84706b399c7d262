//! Links typed in the newsroom (menu entries, the breaking-news bar, profile links): a path
//! on this site or an http(s) address, nothing else.

use crate::domain::refusal::Refusal;

/// The longest link accepted.
pub const MAX_LINK: usize = 500;

/// Checks a link: `/a/site/path` or `http(s)://host/...`. Refuses other schemes
/// (`javascript:`), protocol-relative `//host` paths, spaces and control characters.
pub fn parse_link(value: &str) -> Result<String, Refusal> {
    let link = value.trim();
    if link.len() > MAX_LINK {
        return Err(Refusal::LinkTooLong { max: MAX_LINK });
    }
    if link.chars().any(|ch| ch.is_control() || ch.is_whitespace()) {
        return Err(Refusal::LinkSpaces);
    }
    if let Some(path) = link.strip_prefix('/') {
        return if path.starts_with(['/', '\\']) {
            Err(Refusal::LinkShape)
        } else {
            Ok(link.to_string())
        };
    }
    let lower = link.to_ascii_lowercase();
    let host = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match host {
        Some(host) if host.starts_with(|ch: char| ch.is_alphanumeric() || ch == '[') => {
            Ok(link.to_string())
        }
        _ => Err(Refusal::LinkShape),
    }
}

/// Checks a link to another site: an http(s) address, as [`parse_link`] takes it.
pub fn parse_web_address(value: &str) -> Result<String, Refusal> {
    match parse_link(value)? {
        link if link.starts_with('/') => Err(Refusal::WebAddress),
        link => Ok(link),
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_link, parse_web_address};

    #[test]
    fn web_addresses_are_http_or_https_only() {
        assert!(parse_web_address("https://example.org/a").is_ok());
        assert!(parse_web_address("/world").is_err());
        assert!(parse_web_address("javascript:alert(1)").is_err());
        assert!(parse_web_address("mailto:a@example.org").is_err());
    }

    #[test]
    fn only_site_paths_and_web_addresses_are_links() {
        let cases = [
            ("/world/europe", true, "a site path"),
            ("/", true, "the home page"),
            ("https://example.com/a?b=1", true, "https"),
            ("HTTP://Example.com", true, "scheme in capitals"),
            ("javascript:alert(1)", false, "script scheme"),
            ("//evil.example", false, "protocol-relative"),
            ("/\\evil.example", false, "backslash trick"),
            ("https:///path", false, "no host"),
            ("world", false, "relative path"),
            ("/a b", false, "a space"),
            ("/a\u{0}b", false, "a control character"),
            ("mailto:x@example.com", false, "another scheme"),
        ];

        for (link, ok, reason) in cases {
            assert_eq!(parse_link(link).is_ok(), ok, "{reason}: {link}");
        }
    }
}
