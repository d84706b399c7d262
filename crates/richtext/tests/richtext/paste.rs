//! Clipboard HTML from Word and Google Docs keeps its structure and loses its junk.

use richtext::parse_body;
use store::Block;

use crate::helpers::{bold, heading, italic, link, list, p, para, text};

#[test]
fn word_clipboard_keeps_headings_lists_and_formatting() {
    let html = include_str!("../fixtures/word.html");

    let body = parse_body(html);

    assert_eq!(
        body.0,
        vec![
            heading(2, "Floods cut off villages in the north"),
            p(vec![
                text("Rescue teams reached "),
                bold("three villages"),
                text(" on Tuesday after the river burst its banks, officials said."),
            ]),
            p(vec![
                text("“We lost everything,” said "),
                italic("Amina Yusuf"),
                text(", a farmer. Read the "),
                link("full report", "https://example.org/floods/report"),
                text("."),
            ]),
            heading(2, "What we know"),
            Block::List {
                ordered: false,
                items: vec![
                    vec![text("Roads to the valley are closed")],
                    vec![text("Power is out in "), bold("12"), text(" districts")],
                    vec![text("Schools reopen on Monday")],
                ],
            },
            para("Advice for residents:"),
            Block::List {
                ordered: true,
                items: vec![
                    vec![text("Boil water before drinking it")],
                    vec![text("Register at the "), italic("town hall")],
                ],
            },
            para("قال المتحدث إن الوضع تحت السيطرة"),
            para("Water levels are expected to fall by the weekend. Kano is next."),
        ]
    );
}

#[test]
fn word_junk_never_becomes_text() {
    let html = include_str!("../fixtures/word.html");

    let all_text = format!("{:?}", parse_body(html));

    for junk in [
        "·",
        "mso",
        "Normal",
        "Cambria",
        "@font-face",
        "Note to editor",
        "1.",
    ] {
        assert!(!all_text.contains(junk), "{junk} leaked into {all_text}");
    }
}

#[test]
fn google_docs_clipboard_keeps_structure_and_drops_its_wrapper() {
    let html = include_str!("../fixtures/google_docs.html");

    let body = parse_body(html);

    assert_eq!(
        body.0,
        vec![
            heading(2, "Council approves new budget"),
            p(vec![
                text("The council voted "),
                bold("9 to 2"),
                text(" on Thursday to approve the budget."),
            ]),
            p(vec![
                italic("“This is a good day,”"),
                text(" the mayor said.")
            ]),
            Block::List {
                ordered: false,
                items: vec![
                    vec![text("Schools get "), bold("€2m")],
                    vec![text("Roads")],
                    vec![text("Potholes on Ring Road")],
                ],
            },
            list(true, &["First reading in May", "Final vote in June"]),
            para("Line one line two"),
            p(vec![
                text("Details: "),
                link("the full budget", "https://example.com/budget-2025"),
                text("."),
            ]),
            Block::Embed {
                url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".into()
            },
            heading(2, "Reaction"),
            p(vec![store::Inline {
                bold: true,
                italic: true,
                ..text("رحّب السكان بالقرار")
            }]),
        ]
    );
}

#[test]
fn word_lists_end_at_the_next_ordinary_paragraph_or_a_new_list_id() {
    let item = |list: &str, marker: &str, words: &str| {
        format!(
            "<p class=MsoListParagraph style='mso-list:{list} level1 lfo1'><![if !supportLists]>\
             <span style='mso-list:Ignore'>{marker}<span>&nbsp;&nbsp; </span></span><![endif]>{words}</p>"
        )
    };
    let html = [
        item("l0", "·", "a"),
        item("l0", "·", "b"),
        item("l1", "a)", "c"),
        "<p class=MsoNormal>between</p>".to_string(),
        item("l1", "b)", "d"),
    ]
    .concat();

    let body = parse_body(&html);

    assert_eq!(
        body.0,
        vec![
            list(false, &["a", "b"]),
            list(true, &["c"]),
            para("between"),
            list(true, &["d"]),
        ]
    );
}

#[test]
fn a_missing_endif_does_not_swallow_the_rest() {
    let body = parse_body("<p><![if !supportLists]>· lost</p><p>kept</p>");

    assert_eq!(body.0, vec![para("kept")]);
}
