//! Type-ahead matching for the editor's pickers: what a typed query may be, and how names
//! (sections, topics, authors, agencies) are ranked against it.

use crate::domain::text::clean_line;

/// Most suggestions one answer gives.
pub const MAX_SUGGESTIONS: usize = 10;
/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;

/// A type-ahead query: one clean line, at most [`MAX_QUERY_CHARS`] characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuggestQuery(String);

impl SuggestQuery {
    /// The query as typed, cleaned; `None` when it is longer than a query can be.
    pub fn parse(typed: &str) -> Option<SuggestQuery> {
        let line = clean_line(typed);
        (line.chars().count() <= MAX_QUERY_CHARS).then_some(SuggestQuery(line))
    }

    /// The cleaned text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Lower case without the marks that Arabic writers leave out (tashkeel, tatweel), so
/// that "Économie" matches "éco" and "الأخبار" matches "الاخبار".
fn fold(text: &str) -> String {
    text.chars()
        .filter(|ch| !matches!(ch, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|ch| match ch {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// How well a name answers a query: 0 when it starts with it, 1 when one of its words
/// does, 2 when it holds it elsewhere; `None` when it does not hold it.
fn rank(name: &str, query: &str) -> Option<u8> {
    let name = fold(name);
    let at = name.find(query)?;
    let word_start = name[..at]
        .chars()
        .next_back()
        .is_none_or(|before| !before.is_alphanumeric());
    Some(match (at, word_start) {
        (0, _) => 0,
        (_, true) => 1,
        _ => 2,
    })
}

/// The items whose name holds the query, best first (then in their own order), at most
/// [`MAX_SUGGESTIONS`]; an empty query gives the first ones.
pub fn best_matches<'a, T>(
    items: &'a [T],
    name: impl Fn(&T) -> &str,
    query: &SuggestQuery,
) -> Vec<&'a T> {
    let folded = fold(query.as_str());
    let mut ranked: Vec<(u8, usize, &T)> = items
        .iter()
        .enumerate()
        .filter_map(|(at, item)| rank(name(item), &folded).map(|rank| (rank, at, item)))
        .collect();
    ranked.sort_by_key(|(rank, at, _)| (*rank, *at));
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, item)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(items: &'a [&'a str], typed: &str) -> Vec<&'a str> {
        let query = SuggestQuery::parse(typed).expect("a short query");
        best_matches(items, |name| name, &query)
            .into_iter()
            .copied()
            .collect()
    }

    #[test]
    fn names_starting_with_the_query_come_before_words_and_then_inner_matches() {
        let items = ["Sports", "Foreign policy", "Politics", "Apolitical"];

        assert_eq!(
            names(&items, "POL"),
            ["Politics", "Foreign policy", "Apolitical"]
        );
    }

    #[test]
    fn arabic_names_match_without_hamza_or_diacritics() {
        let items = ["الأخبار المحلية", "رياضة"];

        assert_eq!(names(&items, "الاخبار"), ["الأخبار المحلية"]);
        assert_eq!(names(&items, "رِياضة"), ["رياضة"]);
    }

    #[test]
    fn a_query_longer_than_the_limit_is_refused_and_control_characters_go() {
        assert!(SuggestQuery::parse(&"a".repeat(MAX_QUERY_CHARS + 1)).is_none());
        assert_eq!(
            SuggestQuery::parse(" a\u{0}b ").map(|q| q.as_str().to_string()),
            Some("ab".to_string())
        );
    }

    #[test]
    fn at_most_ten_suggestions_come_back() {
        let items: Vec<String> = (0..30).map(|n| format!("Topic {n}")).collect();
        let query = SuggestQuery::parse("topic").expect("a short query");

        assert_eq!(
            best_matches(&items, String::as_str, &query).len(),
            MAX_SUGGESTIONS
        );
    }
}
