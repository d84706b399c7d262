//! Which URLs the body may hold: link targets and embeddable third-party pages.

/// A third-party site whose pages can be embedded in a story body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// youtube.com and youtu.be videos.
    YouTube,
    /// Posts on x.com or twitter.com.
    X,
    /// Instagram posts and reels.
    Instagram,
    /// Facebook posts and videos.
    Facebook,
}

/// Recognises an embeddable URL: returns the provider if it is an https URL on YouTube,
/// X/Twitter, Instagram or Facebook.
///
/// The URL must be `https`, name no user or port, point below the site's front page and hold
/// no whitespace, control characters, quotes or angle brackets.
pub fn embed_provider(url: &str) -> Option<Provider> {
    let (host, path) = https_parts(url)?;
    if path.trim_start_matches('/').is_empty() {
        return None;
    }
    match host.to_ascii_lowercase().as_str() {
        "youtube.com" | "www.youtube.com" | "m.youtube.com" | "youtu.be" => Some(Provider::YouTube),
        "x.com" | "www.x.com" | "twitter.com" | "www.twitter.com" | "mobile.twitter.com" => {
            Some(Provider::X)
        }
        "instagram.com" | "www.instagram.com" => Some(Provider::Instagram),
        "facebook.com" | "www.facebook.com" | "m.facebook.com" | "fb.watch" => {
            Some(Provider::Facebook)
        }
        _ => None,
    }
}

/// The host of a URL a link card may show, lowercased: any `https` URL that names no user
/// or port and holds no whitespace, control characters, quotes, angle brackets or
/// backslashes. The server never fetches it.
pub fn link_card_host(url: &str) -> Option<String> {
    https_parts(url).map(|(host, _)| host.to_ascii_lowercase())
}

/// An https URL's host and the rest, when it is one an embed or a link card may hold.
fn https_parts(url: &str) -> Option<(&str, &str)> {
    if url
        .chars()
        .any(|ch| ch.is_whitespace() || ch.is_control() || matches!(ch, '"' | '<' | '>' | '\\'))
    {
        return None;
    }
    let scheme = url.get(..8)?;
    if !scheme.eq_ignore_ascii_case("https://") {
        return None;
    }
    let rest = &url[8..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(end);
    let plausible = !host.is_empty() && host.contains('.') && !host.contains(['@', ':']);
    plausible.then_some((host, path))
}

/// The link target to keep for an `href`, or `None` when its scheme is not allowed.
///
/// Allowed: `http:`, `https:`, `mailto:` and site-relative `/...` (not `//host`). Tabs and
/// newlines are removed and the ends trimmed first, as browsers do, so `java\nscript:` cannot
/// slip through; the scheme is lowercased to the form the site renderer expects.
pub(crate) fn safe_link(href: &str) -> Option<String> {
    let cleaned: String = href
        .trim_matches(|ch: char| ch <= ' ')
        .chars()
        .filter(|ch| !matches!(ch, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.chars().any(char::is_control) {
        return None;
    }
    if let Some(path) = cleaned.strip_prefix('/') {
        let protocol_relative = path.starts_with(['/', '\\']);
        return (!protocol_relative).then_some(cleaned);
    }
    let colon = cleaned.find(':')?;
    let scheme = cleaned[..colon].to_ascii_lowercase();
    let rest = &cleaned[colon + 1..];
    let allowed = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => !rest.is_empty(),
        _ => false,
    };
    allowed.then(|| format!("{scheme}:{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_provider_knows_each_provider_by_its_hosts() {
        use Provider::{Facebook, Instagram, X, YouTube};
        let cases = [
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YouTube),
            ("https://youtu.be/dQw4w9WgXcQ", YouTube),
            ("HTTPS://YouTube.com/shorts/abc", YouTube),
            ("https://x.com/user/status/1", X),
            ("https://twitter.com/user/status/1", X),
            ("https://www.instagram.com/p/Cabc/", Instagram),
            ("https://www.facebook.com/page/videos/1", Facebook),
            ("https://fb.watch/abc/", Facebook),
        ];

        for (url, provider) in cases {
            assert_eq!(embed_provider(url), Some(provider), "{url}");
        }
    }

    #[test]
    fn embed_provider_refuses_anything_else() {
        let cases = [
            ("http://www.youtube.com/watch?v=x", "plain http"),
            ("https://www.youtube.com/", "front page only"),
            ("https://www.youtube.com", "no path"),
            ("https://youtube.com.evil.example/watch", "look-alike host"),
            (
                "https://evil.example/?u=https://youtube.com/x",
                "host in query",
            ),
            ("https://youtube.com@evil.example/x", "user info"),
            ("https://youtube.com:8443/watch?v=x", "port"),
            ("https://youtube.com/watch?v=a b", "whitespace"),
            ("https://youtube.com/watch?v=\"><script>", "markup"),
            ("javascript:alert(1)//youtube.com/x", "script scheme"),
            ("", "empty"),
        ];

        for (url, reason) in cases {
            assert_eq!(embed_provider(url), None, "{reason}: {url}");
        }
    }

    #[test]
    fn safe_link_keeps_web_mail_and_site_links_only() {
        let cases = [
            (
                "https://example.com/a?b=c",
                Some("https://example.com/a?b=c"),
                "https",
            ),
            (
                "HTTP://example.com",
                Some("http://example.com"),
                "scheme lowercased",
            ),
            (
                "  mailto:desk@example.com ",
                Some("mailto:desk@example.com"),
                "trimmed",
            ),
            ("/world/story-1", Some("/world/story-1"), "site-relative"),
            ("//evil.example/x", None, "protocol-relative"),
            ("/\\evil.example/x", None, "backslash trick"),
            ("javascript:alert(1)", None, "script"),
            ("java\nscript:alert(1)", None, "split script"),
            ("JaVaScRiPt:alert(1)", None, "mixed case script"),
            ("data:text/html,<b>x</b>", None, "data"),
            ("vbscript:x", None, "vbscript"),
            ("story.html", None, "relative path"),
            ("#top", None, "fragment"),
            ("https:", None, "bare scheme"),
            ("/a\u{0}b", None, "control character"),
        ];

        for (href, expected, reason) in cases {
            assert_eq!(safe_link(href).as_deref(), expected, "{reason}: {href:?}");
        }
    }
}
