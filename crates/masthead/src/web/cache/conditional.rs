//! Conditional requests: `If-None-Match` against the ETag of the coding a client gets, so a
//! feed reader or browser that has this copy is told `304 Not Modified`.

use axum::http::{HeaderMap, HeaderValue, header};

/// Whether the request already holds the copy with this ETag: one of its `If-None-Match`
/// tags matches it (weakly, as RFC 9110 asks for GET and HEAD), or it says `*`.
pub fn holds(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let ours = opaque(etag.to_str().unwrap_or_default());
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || opaque(tag) == ours)
}

/// An entity tag without its weakness mark.
fn opaque(tag: &str) -> &str {
    tag.trim_start_matches("W/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matching_tag_in_any_form_means_the_client_holds_the_copy() {
        let etag = HeaderValue::from_static("\"abc-br\"");
        let cases = [
            ("\"abc-br\"", true, "the same tag"),
            ("W/\"abc-br\"", true, "weak, as proxies rewrite it"),
            ("\"x\", \"abc-br\"", true, "one of a list"),
            ("*", true, "any copy"),
            ("\"abc-gz\"", false, "another coding's copy"),
            ("\"abc\"", false, "the uncompressed copy"),
        ];

        for (value, expected, reason) in cases {
            let mut request = HeaderMap::new();
            request.insert(header::IF_NONE_MATCH, HeaderValue::from_static(value));
            assert_eq!(holds(&request, &etag), expected, "{reason}");
        }
        assert!(!holds(&HeaderMap::new(), &etag));
    }
}
