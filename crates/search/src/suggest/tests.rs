//! Tests for `suggest`: which candidate is suggested, within how many edits, and the query
//! respelt with them.

use super::*;

fn candidates(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

fn closest_in<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    closest(&Analyzer::new(), word, Language::English, candidates)
}

#[test]
fn suggestion_is_the_closest_candidate_within_the_allowed_edits() {
    let candidates = candidates(&["elephant", "selections", "election", "elect"]);

    assert_eq!(closest_in("electon", &candidates), Some("election"));
    assert_eq!(closest_in("xyzzy", &candidates), None);
}

#[test]
fn suggestion_ignores_case_and_diacritics() {
    let analyzer = Analyzer::new();
    let names = candidates(&["Erdoğan", "İstanbul", "Türkiye"]);

    assert_eq!(closest_in("ERDOGAM", &names), Some("Erdoğan"));
    assert_eq!(
        closest(&analyzer, "istanbol", Language::Turkish, &names),
        Some("İstanbul")
    );
    assert_eq!(
        closest(&analyzer, "TURKİYA", Language::Turkish, &names),
        Some("Türkiye")
    );
    let arabic = candidates(&["المدرسة"]);
    assert_eq!(
        closest(&analyzer, "المَدْرَسَهْ", Language::Arabic, &arabic),
        None,
        "the same word once folded"
    );
}

#[test]
fn a_swap_of_two_neighbouring_letters_is_one_edit() {
    let candidates = candidates(&["the", "receive"]);

    assert_eq!(closest_in("teh", &candidates), Some("the"));
    assert_eq!(closest_in("recieve", &candidates), Some("receive"));
}

#[test]
fn short_words_allow_one_edit_and_longer_ones_two() {
    assert_eq!(closest_in("bread", &candidates(&["broad"])), Some("broad"));
    assert_eq!(closest_in("bread", &candidates(&["brood"])), None);
    let government = candidates(&["government"]);
    assert_eq!(closest_in("govermint", &government), Some("government"));
    assert_eq!(closest_in("govrmint", &government), None);
}

#[test]
fn ties_go_to_the_earlier_candidate() {
    assert_eq!(closest_in("cat", &candidates(&["bat", "hat"])), Some("bat"));
    assert_eq!(closest_in("cat", &candidates(&["hat", "bat"])), Some("hat"));
    assert_eq!(
        closest_in("cat", &candidates(&["coast", "hat", "cart"])),
        Some("hat")
    );
}

#[test]
fn a_word_spelt_like_a_candidate_gets_no_suggestion() {
    assert_eq!(
        closest_in("Elections", &candidates(&["election", "elections"])),
        None
    );
}

#[test]
fn short_words_numbers_and_phrases_get_no_suggestion() {
    let candidates = candidates(&["abc", "2025", "grain"]);

    assert_eq!(closest_in("ab", &candidates), None);
    assert_eq!(closest_in("2026", &candidates), None);
    assert_eq!(closest_in("grain deal", &candidates), None);
}

#[test]
fn candidates_that_are_not_one_word_are_skipped() {
    let candidates = candidates(&["grain deal", "", "grail"]);

    assert_eq!(closest_in("grain", &candidates), Some("grail"));
}

#[test]
fn folded_ascii_is_taken_as_it_is_and_anything_else_is_folded() {
    let analyzer = Analyzer::new();
    let long = "x".repeat(MAX_WORD + 1);
    for text in ["grain", "covid19", "Grain", "IŞIK", "w", long.as_str()] {
        for language in [Language::English, Language::Turkish] {
            let surface = analyzer.surface(text, language);

            let words = analyzer.words(text, language);
            assert_eq!(
                surface.as_deref(),
                Some(words[0].surface.as_str()),
                "{text}"
            );
        }
    }
}

#[test]
fn twenty_thousand_candidates_are_searched_whole() {
    let mut candidates: Vec<String> = (0..20_000).map(|n| format!("word{n}")).collect();
    candidates.push("ceasefire".to_owned());

    assert_eq!(closest_in("ceasfire", &candidates), Some("ceasefire"));
}

fn vocabulary() -> Vec<String> {
    candidates(&["grain", "black", "sea", "russia", "deal"])
}

fn respelt(text: &str) -> Option<String> {
    let analyzer = Analyzer::new();
    let query = analyzer.query(text, Language::English);
    let vocabulary = vocabulary();
    let known = |term: &Term| vocabulary.contains(&term.surface);
    respell(&analyzer, &query, Language::English, known, &vocabulary)
}

#[test]
fn respelling_replaces_the_unknown_included_words_in_words_and_phrases() {
    assert_eq!(
        respelt("Grian \"black sae\" deal -russa").as_deref(),
        Some("grain \"black sea\" deal -russa")
    );
}

#[test]
fn respelling_gives_none_when_nothing_changes() {
    assert_eq!(respelt("grain \"black sea\" -russia"), None);
    assert_eq!(respelt("grain xyzzy -russa"), None);
    assert_eq!(respelt(""), None);
}

#[test]
fn respelt_words_that_repeat_one_already_there_are_dropped() {
    assert_eq!(respelt("grain grian deal").as_deref(), Some("grain deal"));
}

/// Optimal string alignment distance by the full recurrence, unbounded.
fn plain_distance(word: &[char], other: &[char]) -> usize {
    let mut table = vec![vec![0; other.len() + 1]; word.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=word.len() {
        for j in 1..=other.len() {
            let substitution = table[i - 1][j - 1] + usize::from(word[i - 1] != other[j - 1]);
            let mut edits = substitution
                .min(table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1);
            if i > 1 && j > 1 && word[i - 1] == other[j - 2] && word[i - 2] == other[j - 1] {
                edits = edits.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = edits;
        }
    }
    table[word.len()][other.len()]
}

#[test]
fn bounded_distance_agrees_with_the_full_recurrence() {
    // Every word of up to four letters of a, b and c.
    let mut words = vec![String::new()];
    let mut longest = vec![String::new()];
    for _ in 0..4 {
        longest = longest
            .iter()
            .flat_map(|word| ["a", "b", "c"].map(|c| format!("{word}{c}")))
            .collect();
        words.extend(longest.iter().cloned());
    }
    assert_eq!(words.len(), 1 + 3 + 9 + 27 + 81);

    for word in &words {
        let mut distance = EditDistance::from(word);
        let word_chars: Vec<char> = word.chars().collect();
        for other in &words {
            let expected = plain_distance(&word_chars, &other.chars().collect::<Vec<_>>());
            for bound in 0..4 {
                let wanted = (expected <= bound).then_some(expected);

                assert_eq!(distance.to(other, bound), wanted, "{word} {other} {bound}");
            }
        }
    }
}
