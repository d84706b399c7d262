//! Conditional requests: `If-None-Match` against the ETag of the coding a client gets, or
//! (from a client without one) `If-Modified-Since` against a page's `Last-Modified`, so a
//! feed reader or browser that has this copy is told `304 Not Modified`.

use axum::http::{HeaderMap, HeaderValue, header};
use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimeParser;

/// Reads HTTP dates (RFC 9110's IMF-fixdate is RFC 2822 with `GMT`).
static HTTP_DATE: DateTimeParser = DateTimeParser::new();

/// Whether the request already holds this copy: by its `If-None-Match` when it sends one
/// (RFC 9110 then ignores `If-Modified-Since`), else when the page has not changed since
/// the `If-Modified-Since` date. A date that does not parse, or is in the future, is no
/// condition.
pub fn not_modified(
    request: &HeaderMap,
    etag: &HeaderValue,
    last_modified: Option<&HeaderValue>,
) -> bool {
    if request.contains_key(header::IF_NONE_MATCH) {
        return holds(request, etag);
    }
    // A date in the future says nothing about the client's copy (RFC 7232, 3.3).
    let since = request
        .get(header::IF_MODIFIED_SINCE)
        .and_then(http_date)
        .filter(|since| *since <= Timestamp::now());
    match (since, last_modified.and_then(http_date)) {
        (Some(since), Some(modified)) => modified <= since,
        _ => false,
    }
}

fn http_date(value: &HeaderValue) -> Option<Timestamp> {
    HTTP_DATE.parse_timestamp(value.as_bytes()).ok()
}

/// Whether the request already holds the copy with this ETag: one of its `If-None-Match`
/// tags matches it (weakly, as RFC 9110 asks for GET and HEAD), or it says `*`.
fn holds(request: &HeaderMap, etag: &HeaderValue) -> bool {
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

    /// A request's condition headers.
    type Conditions = &'static [(header::HeaderName, &'static str)];

    #[test]
    fn a_date_counts_only_without_an_etag_condition_and_only_if_it_parses() {
        let etag = HeaderValue::from_static("\"abc\"");
        let modified = HeaderValue::from_static("Wed, 04 Mar 2026 05:06:07 GMT");
        let cases: [(Conditions, bool, &str); 7] = [
            (
                &[(header::IF_MODIFIED_SINCE, "Wed, 04 Mar 2026 05:06:07 GMT")],
                true,
                "the same date",
            ),
            (
                &[(header::IF_MODIFIED_SINCE, "Thu, 05 Mar 2026 00:00:00 GMT")],
                true,
                "a later date",
            ),
            (
                &[(header::IF_MODIFIED_SINCE, "Wed, 04 Mar 2026 05:06:06 GMT")],
                false,
                "an earlier date",
            ),
            (
                &[(header::IF_MODIFIED_SINCE, "yesterday")],
                false,
                "no date at all",
            ),
            (
                &[(header::IF_MODIFIED_SINCE, "Fri, 01 Jan 2999 00:00:00 GMT")],
                false,
                "a date to come",
            ),
            (
                &[
                    (header::IF_NONE_MATCH, "\"other\""),
                    (header::IF_MODIFIED_SINCE, "Thu, 05 Mar 2026 00:00:00 GMT"),
                ],
                false,
                "a tag that does not match wins over the date",
            ),
            (&[], false, "no condition"),
        ];

        for (conditions, expected, reason) in cases {
            let mut request = HeaderMap::new();
            for (name, value) in conditions {
                request.insert(name.clone(), HeaderValue::from_static(value));
            }
            assert_eq!(
                not_modified(&request, &etag, Some(&modified)),
                expected,
                "{reason}"
            );
        }
    }
}
