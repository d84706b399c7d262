//! Tests for `snippet`: which passage is chosen, how it is cut, and that it is the story as
//! written.

use super::*;

fn highlights(query: &str, language: Language) -> HashSet<String> {
    Analyzer::new().query(query, language).highlights()
}

fn snippet(text: &str, query: &str, max_words: usize) -> Vec<Piece> {
    let highlights = highlights(query, Language::English);
    Analyzer::new()
        .snippets(Language::English, &highlights)
        .of(text, max_words)
}

/// The snippet as text, marked words in brackets.
fn shown(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece.marked {
            true => format!("[{}]", piece.text),
            false => piece.text.clone(),
        })
        .collect()
}

fn numbered_words(count: usize) -> Vec<String> {
    (0..count).map(|n| format!("w{n}")).collect()
}

#[test]
fn matching_words_are_marked_by_stem_or_surface() {
    let pieces = snippet(
        "The elections were held; Elected members met.",
        "election",
        20,
    );

    assert_eq!(
        shown(&pieces),
        "The [elections] were held; [Elected] members met."
    );
}

#[test]
fn snippet_keeps_the_original_spelling() {
    let analyzer = Analyzer::new();
    let turkish = "“Erdoğan'ın İSTANBUL ziyareti” sürüyor.";
    let highlights_tr = highlights("erdogan istanbul", Language::Turkish);
    let arabic = "ذَهَبَ مُحَمَّدٌ إِلَى المَدْرَسَةِ، وكـــتاب ٢٠٢٦.";
    let highlights_ar = highlights("محمد المدرسة كتاب 2026", Language::Arabic);

    let turkish = analyzer
        .snippets(Language::Turkish, &highlights_tr)
        .of(turkish, 10);
    let arabic = analyzer
        .snippets(Language::Arabic, &highlights_ar)
        .of(arabic, 10);
    let english = snippet(
        "Their ﬁnancial ｍａｒｋｅｔｓ: café-owners",
        "financial markets cafe",
        10,
    );

    assert_eq!(
        shown(&turkish),
        "“[Erdoğan]'ın [İSTANBUL] ziyareti” sürüyor."
    );
    assert_eq!(
        shown(&arabic),
        "ذَهَبَ [مُحَمَّدٌ] إِلَى [المَدْرَسَةِ]، [وكـــتاب] [٢٠٢٦]."
    );
    assert_eq!(
        shown(&english),
        "Their [ﬁnancial] [ｍａｒｋｅｔｓ]: [café]-owners"
    );
}

#[test]
fn text_between_marked_words_is_kept_exactly() {
    let text = "Grain,\n\n  “grain”  —\tgrain!";

    let pieces = snippet(text, "grain", 10);

    let texts: Vec<&str> = pieces.iter().map(|piece| piece.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Grain", ",\n\n  “", "grain", "”  —\t", "grain", "!"]
    );
}

#[test]
fn a_long_text_is_cut_at_words_with_an_ellipsis_where_it_is_cut() {
    let mut words = numbered_words(30);
    words[15] = "ceasefire".to_owned();
    let text = words.join(", ");

    let pieces = snippet(&text, "ceasefire", 5);

    assert_eq!(shown(&pieces), "…w13, w14, [ceasefire], w16, w17…");
    assert!(!pieces[0].marked && !pieces[pieces.len() - 1].marked);
}

#[test]
fn a_passage_reaching_the_start_or_end_has_no_ellipsis_there() {
    let text = "  «Ceasefire» holds, says the UN. ";

    assert_eq!(
        shown(&snippet(text, "ceasefire", 3)),
        "«[Ceasefire]» holds, says…"
    );
    assert_eq!(shown(&snippet(text, "un", 3)), "…says the [UN].");
}

#[test]
fn snippet_is_the_densest_run_of_matches() {
    let mut words = numbered_words(60);
    words[3] = "grain".to_owned();
    for (index, word) in [(40, "grain"), (42, "black"), (44, "sea")] {
        words[index] = word.to_owned();
    }
    let text = words.join(" ");

    let pieces = snippet(&text, "\"black sea\" grain", 9);

    assert_eq!(
        shown(&pieces),
        "…w38 w39 [grain] w41 [black] w43 [sea] w45 w46…"
    );
}

#[test]
fn different_words_searched_for_beat_one_word_repeated() {
    let text = "grain grain grain grain w1 w2 w3 w4 w5 w6 grain w7 deal w8";

    let pieces = snippet(text, "grain deal", 4);

    assert_eq!(shown(&pieces), "…[grain] w7 [deal] w8");
}

#[test]
fn without_a_match_the_snippet_is_the_start_of_the_text() {
    let text = numbered_words(10).join(" ");

    assert_eq!(shown(&snippet(&text, "missing", 3)), "w0 w1 w2…");
    assert_eq!(shown(&snippet("Short text.", "missing", 3)), "Short text.");
}

#[test]
fn a_text_without_words_gives_no_pieces() {
    assert!(snippet("", "grain", 10).is_empty());
    assert!(snippet(" ... !!! ", "grain", 10).is_empty());
    assert!(snippet("grain deal", "grain", 0).is_empty());
}

#[test]
fn words_read_from_one_character_are_marked_together() {
    assert_eq!(shown(&snippet("3½ cups", "2", 5)), "3[½] cups");
    assert_eq!(shown(&snippet("½ cup", "1 2", 5)), "[½] cup");
}

#[test]
fn a_story_of_twenty_thousand_words_is_snipped_around_its_match() {
    let mut words = numbered_words(20_000);
    words[17_500] = "Ceasefire".to_owned();
    let text = words.join(" ");

    let pieces = snippet(&text, "ceasefire", 5);

    assert_eq!(shown(&pieces), "…w17498 w17499 [Ceasefire] w17501 w17502…");
}

#[test]
fn one_page_of_snippets_marks_each_text_as_a_fresh_one_would() {
    let analyzer = Analyzer::new();
    let texts = [
        "ISTANBUL's ferries: Istanbul, İstanbul and ıstanbul; Kadıköy.",
        "The metro to istanbul airport; no ISTANBULITES here.",
        "Kadıköy and Üsküdar, then ISTANBUL again.",
    ];
    let highlights = highlights("istanbul kadikoy", Language::Turkish);
    let mut page = analyzer.snippets(Language::Turkish, &highlights);

    for text in texts {
        let fresh = analyzer
            .snippets(Language::Turkish, &highlights)
            .of(text, 12);
        assert_eq!(page.of(text, 12), fresh, "{text}");
    }
    assert_eq!(
        shown(&page.of(texts[0], 12)),
        "[ISTANBUL]'s ferries: [Istanbul], [İstanbul] and [ıstanbul]; [Kadıköy]."
    );
}
