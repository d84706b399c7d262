//! Slugs: the URL segment made from a headline or name, in any script.

/// Makes a slug: lowercase letters and digits of any script joined by single hyphens,
/// at most `max_chars` characters, cut at a word boundary where possible.
pub fn slugify(text: &str, max_chars: usize) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(ch);
        } else if ch != '\'' && ch != '’' {
            pending_hyphen = true;
        }
    }
    if slug.chars().count() <= max_chars {
        return slug;
    }
    let cut: String = slug.chars().take(max_chars).collect();
    match cut.rfind('-') {
        Some(index) if index > max_chars / 2 => cut[..index].to_string(),
        _ => cut,
    }
}

/// Whether a path segment could be a slug we made: no separators, no dots, not too long.
pub fn is_plausible_slug(segment: &str) -> bool {
    !segment.is_empty()
        && segment.chars().count() <= 200
        && segment.chars().all(|ch| ch.is_alphanumeric() || ch == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_words_of_any_script() {
        let cases = [
            (
                "NATO, Russia seek talks",
                "nato-russia-seek-talks",
                "punctuation",
            ),
            ("Reader's Corner", "readers-corner", "apostrophe joins"),
            ("  Türkiye  ", "türkiye", "trim and lowercase"),
            (
                "محادثات جديدة في بروكسل",
                "محادثات-جديدة-في-بروكسل",
                "Arabic",
            ),
        ];

        for (text, expected, reason) in cases {
            assert_eq!(slugify(text, 80), expected, "{reason}");
        }
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        assert_eq!(slugify("alpha beta gamma delta", 14), "alpha-beta");
    }

    #[test]
    fn odd_segments_are_not_slugs() {
        assert!(is_plausible_slug("nato-talks"));
        assert!(!is_plausible_slug("../etc"));
        assert!(!is_plausible_slug(""));
        assert!(!is_plausible_slug("a.b"));
    }
}
