//! One-line text typed in the newsroom (names, labels, the breaking-news line): cleaned of
//! characters that have no business in a line, and checked for length.

use crate::domain::refusal::{Named, Refusal};

/// Whether a character is removed from one-line text: control characters (tabs, line
/// breaks, NUL...) and the bidirectional embeddings, overrides and isolates that can make
/// a name display as something else. The marks (U+200E, U+200F) stay: mixed-script names
/// need them.
fn is_stripped(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Cleans a line: line breaks and tabs become spaces, other control and bidi-override
/// characters go, runs of spaces collapse and the ends are trimmed; an empty result is
/// allowed.
pub fn clean_line(value: &str) -> String {
    value
        .chars()
        .filter_map(|ch| match ch {
            _ if ch.is_whitespace() => Some(' '),
            _ if is_stripped(ch) => None,
            _ => Some(ch),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cleaned line of at most `max_chars` characters; `what` names the field in the
/// refusal. Empty is refused unless `optional`.
pub fn one_line(
    value: &str,
    what: Named,
    max_chars: usize,
    optional: bool,
) -> Result<String, Refusal> {
    let too_long = Refusal::AtMostChars {
        what,
        max: max_chars,
    };
    // Refuse what is far too long before copying it around.
    if value.len() > max_chars * 8 {
        return Err(too_long);
    }
    let line = clean_line(value);
    if line.is_empty() && !optional {
        return Err(Refusal::GiveA { what });
    }
    if line.chars().count() > max_chars {
        return Err(too_long);
    }
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_control_and_override_characters() {
        let cases = [
            ("Wor\u{0}ld\tNews\n", "World News", "NUL, tab and newline"),
            ("  spaced   out  ", "spaced out", "runs of spaces"),
            (
                "evil\u{202E}txt.exe",
                "eviltxt.exe",
                "right-to-left override",
            ),
            ("\u{200F}عربي", "\u{200F}عربي", "a right-to-left mark stays"),
        ];

        for (typed, expected, reason) in cases {
            assert_eq!(clean_line(typed), expected, "{reason}");
        }
    }

    #[test]
    fn lines_are_checked_for_length_and_presence() {
        let name = Named::Name;
        assert_eq!(one_line(" Sport ", name, 10, false), Ok("Sport".into()));
        let empty = one_line("\u{7}", name, 10, false).map_err(|r| r.to_string());
        assert_eq!(empty, Err("Give a name.".into()));
        let description = one_line("", Named::Description, 10, true);
        assert_eq!(description, Ok(String::new()));
        let huge = "x".repeat(1024 * 1024);
        let long = one_line(&huge, name, 100, false).map_err(|r| r.to_string());
        assert_eq!(long, Err("A name has at most 100 characters.".into()));
    }
}
