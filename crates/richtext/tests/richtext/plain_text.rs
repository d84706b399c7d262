//! Plain text typed into the textarea without JavaScript.

use richtext::parse_body;
use store::Block;

use crate::helpers::para;

#[test]
fn blank_lines_split_paragraphs_and_single_newlines_are_spaces() {
    let typed =
        "First line\nsame paragraph.\n\nSecond paragraph.\r\n   \r\nThird,\twith a tab.\n\n\n";

    let body = parse_body(typed);

    assert_eq!(
        body.0,
        vec![
            para("First line same paragraph."),
            para("Second paragraph."),
            para("Third, with a tab."),
        ]
    );
}

#[test]
fn ampersands_and_angle_brackets_in_plain_text_are_literal() {
    let typed = "AT&amp;T said 3 < 4 and 5 > 2 & so on";

    let body = parse_body(typed);

    assert_eq!(body.0, vec![para(typed)]);
}

#[test]
fn a_url_on_its_own_line_becomes_an_embed() {
    let typed = "Watch this:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://example.com/not-embeddable";

    let body = parse_body(typed);

    assert_eq!(
        body.0,
        vec![
            para("Watch this:"),
            Block::Embed {
                url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".into()
            },
            para("https://example.com/not-embeddable"),
        ]
    );
}

#[test]
fn blank_input_is_an_empty_body() {
    for blank in ["", "   ", "\n\n\t\n", "\u{a0}"] {
        assert_eq!(parse_body(blank).0, vec![], "{blank:?}");
    }
}
