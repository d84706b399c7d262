//! Tests for `query`: each rule of reading what a reader typed, as the reader meets it.

use unicode_normalization::char::is_combining_mark;

use super::*;

fn query(text: &str) -> Query {
    Analyzer::new().query(text, Language::English)
}

fn normalized(text: &str) -> String {
    query(text).normalized()
}

#[test]
fn words_are_searched_for_each_on_its_own() {
    let query = query("Grain  exports");

    assert!(
        matches!(&query.include[..], [Part::Word(grain), Part::Word(_)] if grain.surface == "grain")
    );
    assert_eq!(query.normalized(), "grain exports");
}

#[test]
fn quoted_words_are_a_phrase() {
    let query = query("\"Black Sea\" grain");

    assert!(matches!(&query.include[..], [Part::Phrase(terms), Part::Word(_)] if terms.len() == 2));
    assert_eq!(query.normalized(), "\"black sea\" grain");
}

#[test]
fn a_quoted_single_word_is_a_word() {
    assert!(matches!(query("\"Sea\"").include[..], [Part::Word(_)]));
}

#[test]
fn typographic_quotes_and_guillemets_make_phrases_too() {
    for text in [
        "“black sea”",
        "”black sea“",
        "„black sea“",
        "«black sea»",
        "»black sea«",
        "＂black sea＂",
        "\"black sea”",
    ] {
        assert_eq!(normalized(text), "\"black sea\"", "{text}");
    }
    let arabic = Analyzer::new().query("«البحر الأسود» قمح", Language::Arabic);
    assert!(matches!(
        arabic.include[..],
        [Part::Phrase(_), Part::Word(_)]
    ));
}

#[test]
fn an_unclosed_quote_runs_to_the_end() {
    assert_eq!(
        normalized("grain \"black sea deal"),
        "grain \"black sea deal\""
    );
    assert_eq!(normalized("grain -«black sea"), "grain -\"black sea\"");
}

#[test]
fn a_minus_at_the_start_of_a_token_excludes_it() {
    let query = query("grain -Russia -\"black sea\" \"wheat price\"-export");

    assert_eq!(query.exclude.len(), 3);
    assert_eq!(
        query.normalized(),
        "grain \"wheat price\" -russia -\"black sea\" -export"
    );
}

#[test]
fn a_minus_inside_a_word_only_separates_its_parts() {
    // They were written together, so they are searched for together.
    assert_eq!(
        normalized("covid-19 2026-12-05 -covid-19"),
        "\"covid 19\" \"2026 12 05\" -\"covid 19\""
    );
}

#[test]
fn a_lone_minus_is_ignored() {
    assert_eq!(normalized("grain - deal -"), "grain deal");
    assert_eq!(normalized("-- grain"), "grain");
}

#[test]
fn duplicate_parts_are_dropped() {
    assert_eq!(
        normalized("Election elections \"ELECTION\" -vote -votes"),
        "election -vote"
    );
    assert_eq!(
        normalized("\"black sea\" black sea \"Black  Sea\""),
        "\"black sea\" black sea"
    );
    let turkish = Analyzer::new().query("Türkiye turkiye TÜRKİYE", Language::Turkish);
    assert_eq!(turkish.normalized(), "turkiye");
}

#[test]
fn query_words_are_the_words_stories_are_indexed_with() {
    let analyzer = Analyzer::new();
    for (text, language) in [
        ("Erdoğan'ın İstanbul ziyareti IŞIK", Language::Turkish),
        ("الانتخابات الرئاسيّة ٢٠٢٦ «كـتاب»", Language::Arabic),
        (
            "Elections in the U.S. ﬁnancial ｍａｒｋｅｔｓ",
            Language::English,
        ),
    ] {
        let query = analyzer.query(text, language);

        let terms: Vec<Term> = query
            .include
            .iter()
            .flat_map(Part::terms)
            .cloned()
            .collect();
        assert_eq!(terms, analyzer.words(text, language), "{text}");
    }
}

#[test]
fn query_syntax_of_the_databases_is_only_words() {
    assert_eq!(
        normalized("grain OR wheat AND NOT corn"),
        "grain or wheat and not corn"
    );
    assert_eq!(
        normalized("NEAR(grain deal, 5) title:grain grain* ^deal {a b}"),
        "\"near grain\" deal 5 \"title grain\" grain a b"
    );
    assert_eq!(
        normalized("'; DROP TABLE stories; -- 1=1"),
        "drop table stories \"1 1\""
    );
}

#[test]
fn control_and_bidi_characters_only_separate() {
    assert_eq!(
        normalized("grain\u{202E}deal \u{2067}-wheat\u{2069} a\u{0}b\u{1B}[31m"),
        "grain deal a b 31m -wheat"
    );
}

#[test]
fn terms_are_only_letters_digits_and_marks_whatever_is_typed() {
    let analyzer = Analyzer::new();
    let long = "ab\"c -d*(".repeat(1200);
    let hostile = [
        "NEAR(a b)",
        "col:term",
        "\"",
        "a*",
        "'; DROP TABLE stories; --",
        "\" OR \"\"=\"",
        "1' OR '1'='1",
        "{\"$where\": \"1\"} %27 \\\" \\",
        "\u{202E}gnirts\u{202C} \u{2066}-x\u{2069} \u{200F}\u{061C}",
        "!!! ... ??? --- «» “”",
        "قمح wheat «البحر black» -روسيا مُحَمَّد",
        "\0\u{7}\u{1B}[31m red\r\n\t",
        "\u{FEFF}\u{200B}\u{2060}\u{E0041}",
        long.as_str(),
    ];
    for text in hostile {
        for language in [Language::English, Language::Arabic, Language::Turkish] {
            let query = analyzer.query(text, language);

            assert!(query.include.len() + query.exclude.len() <= MAX_PARTS);
            let terms = query
                .include
                .iter()
                .chain(&query.exclude)
                .flat_map(Part::terms);
            for form in terms.flat_map(|term| [&term.stem, &term.surface]) {
                assert!(!form.is_empty(), "{text:?}");
                assert!(
                    form.chars()
                        .all(|c| c.is_alphanumeric() || is_combining_mark(c)),
                    "{text:?} gave {form:?}"
                );
            }
        }
    }
}

#[test]
fn long_input_is_cut_and_parts_and_phrases_are_capped() {
    let many: Vec<String> = (0..3000).map(|n| format!("w{n}")).collect();
    assert_eq!(query(&many.join(" ")).include.len(), MAX_PARTS);

    let phrase = query("\"one two three four five six seven eight nine ten\"");
    assert_eq!(phrase.include[0].terms().len(), MAX_PHRASE_WORDS);

    let cut = format!("{} é tail", "é".repeat(MAX_QUERY_CHARS - 3));
    assert_eq!(normalized(&cut), format!("{} e", "e".repeat(40)));
}

#[test]
fn a_query_of_only_exclusions_is_empty() {
    assert!(query("-grain -\"black sea\"").is_empty());
    assert!(query("").is_empty());
    assert!(query(" ... \"\" - ").is_empty());
    assert!(!query("grain -wheat").is_empty());
}

#[test]
fn queries_that_search_the_same_thing_have_the_same_normalized_text() {
    for text in [
        "grain \"black sea\" -russia",
        "  GRAIN   “Black   Sea”  -Russia ",
        "grain, «black-sea» grain -russia -RUSSIA",
        "grain\t\"black sea\"-russia",
    ] {
        assert_eq!(normalized(text), "grain \"black sea\" -russia", "{text}");
    }
}

#[test]
fn normalized_text_reads_back_as_itself() {
    let analyzer = Analyzer::new();
    for (text, language) in [
        ("Işık İzmir'de “Erdoğan'ın” -ılık", Language::Turkish),
        ("«الانتخابات الرئاسيّة» -أحمد", Language::Arabic),
        ("Café -\"U.S. elections\" covid-19", Language::English),
    ] {
        let once = analyzer.query(text, language).normalized();

        assert_eq!(analyzer.query(&once, language).normalized(), once, "{text}");
    }
}

#[test]
fn highlights_are_the_stems_and_surfaces_of_included_words() {
    let highlights = query("elections \"black sea\" -russia").highlights();

    let expected = ["elect", "elections", "black", "sea"].map(String::from);
    assert_eq!(highlights, HashSet::from(expected));
}

fn typed(text: &str, language: Language) -> Query {
    Analyzer::new().typed_query(text, language)
}

#[test]
fn the_last_word_being_typed_is_a_prefix_of_its_surface_form() {
    let query = typed("Budget parlia", Language::English);

    assert!(matches!(&query.include[..],
        [Part::Word(budget), Part::Prefix(typing)] if budget.stem == "budget" && typing.surface == "parlia"));
}

#[test]
fn a_word_followed_by_a_space_quoted_excluded_or_too_short_is_whole() {
    for text in [
        "parlia ",
        "\"parlia",
        "\"budget parlia",
        "budget -parlia",
        "budget p",
    ] {
        let query = typed(text, Language::English);
        assert!(
            !query
                .include
                .iter()
                .any(|part| matches!(part, Part::Prefix(_))),
            "{text:?}: {query:?}"
        );
    }
}

#[test]
fn a_typed_prefix_is_the_analyzers_word_never_the_raw_text() {
    for (text, surface) in [
        ("parlia*", "parlia"),
        ("PARLIA", "parlia"),
        ("NEAR( parlia", "parlia"),
        ("x OR Parlia)", "parlia"),
        ("o\"*", "o"),
        ("Bütçe", "butce"),
        ("البرل", "البرل"),
    ] {
        let query = typed(text, Language::of_text(text));
        let prefixes: Vec<&str> = query
            .include
            .iter()
            .filter_map(|part| match part {
                Part::Prefix(word) => Some(word.surface.as_str()),
                _ => None,
            })
            .collect();
        let expected: Vec<&str> = if surface.chars().count() < MIN_PREFIX_CHARS {
            Vec::new()
        } else {
            vec![surface]
        };
        assert_eq!(prefixes, expected, "{text:?}");
    }
}
