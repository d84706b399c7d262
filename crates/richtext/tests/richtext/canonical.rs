//! The canonical subset, and how looser HTML is reduced to it.

use richtext::{body_to_html, body_to_html_with_images, parse_body};
use store::{Block, Body};

use crate::helpers::{bold, heading, italic, link, list, p, para, text};
use crate::inputs::*;

fn canonical_body() -> Body {
    let all = store::Inline {
        bold: true,
        italic: true,
        ..link("all", "/world/story-1")
    };
    Body(vec![
        p(vec![text("Plain "), bold("bold "), italic("italic "), all]),
        heading(2, "Section"),
        heading(3, "Subsection"),
        Block::Quote {
            text: "We will rebuild.".into(),
            cite: Some("The mayor".into()),
        },
        Block::List {
            ordered: false,
            items: vec![vec![text("One")], vec![bold("Two")]],
        },
        list(true, &["First"]),
        Block::Image {
            image_id: 42,
            caption: Some("Rescuers at work".into()),
        },
        Block::Embed {
            url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".into(),
        },
        Block::Related { story_id: 7 },
    ])
}

#[test]
fn every_canonical_block_is_read() {
    let body = parse_body(CANONICAL);

    assert_eq!(body, canonical_body());
}

#[test]
fn canonical_html_is_written_one_block_per_line() {
    let html = body_to_html(&canonical_body());

    assert_eq!(
        html,
        CANONICAL.replace(r#"<img src="/media/x.jpg" alt="">"#, "")
    );
}

#[test]
fn figures_carry_an_image_when_the_caller_knows_its_source() {
    let body = Body(vec![Block::Image {
        image_id: 3,
        caption: None,
    }]);

    let html = body_to_html_with_images(&body, |id| Some(format!("/media/{id}.jpg?a&b")));

    assert_eq!(
        html,
        "<figure data-image-id=\"3\"><img src=\"/media/3.jpg?a&amp;b\" alt=\"\"><figcaption></figcaption></figure>\n"
    );
}

#[test]
fn headings_of_other_levels_become_two_or_three() {
    let body = parse_body(HEADINGS);

    assert_eq!(
        body.0,
        vec![
            heading(2, "One"),
            heading(3, "Four"),
            heading(3, "Five"),
            heading(3, "Six")
        ]
    );
}

#[test]
fn b_and_i_count_as_strong_and_em_and_same_runs_merge() {
    let body = parse_body(B_AND_I);

    assert_eq!(body.0, vec![p(vec![bold("bold "), italic("italic")])]);
}

#[test]
fn a_space_between_formats_joins_the_plainer_side_but_never_a_link() {
    let body = parse_body(SPACES_BETWEEN_FORMATS);

    assert_eq!(
        body.0,
        vec![p(vec![
            bold("bold"),
            text(" plain "),
            italic("italic "),
            store::Inline {
                bold: true,
                italic: true,
                ..text("both ")
            },
            link("one", "/a"),
            text(" "),
            link("two", "/b"),
        ])]
    );
}

#[test]
fn links_keep_only_web_mail_and_site_targets() {
    for (href, expected, reason) in LINKS {
        let body = parse_body(&link_paragraph(href));

        let expected = match expected {
            Some(target) => link("words", target),
            None => text("words"),
        };
        assert_eq!(body.0, vec![p(vec![expected])], "{reason}");
    }
}

#[test]
fn a_quote_takes_its_attribution_from_cite_or_footer() {
    let body = parse_body(QUOTES);

    assert_eq!(
        body.0,
        vec![
            Block::Quote {
                text: "First. Second.".into(),
                cite: Some("— A source".into())
            },
            Block::Quote {
                text: "No one said it".into(),
                cite: None
            },
        ]
    );
}

#[test]
fn nested_lists_are_flattened_into_the_parent_list() {
    let body = parse_body(NESTED_LISTS);

    assert_eq!(
        body.0,
        vec![list(true, &["A", "A.1", "A.2", "A.2.i", "tail", "B"])]
    );
}

#[test]
fn an_empty_caption_means_the_library_caption() {
    let body = parse_body(CAPTIONS);

    assert_eq!(
        body.0,
        vec![
            Block::Image {
                image_id: 9,
                caption: None
            },
            para("No id"),
            para("Bad id"),
        ]
    );
}

#[test]
fn only_embeddable_urls_become_embeds() {
    let body = parse_body(EMBEDS);

    assert_eq!(
        body.0,
        vec![
            Block::Embed {
                url: "https://x.com/desk/status/1".into()
            },
            para("https://evil.example/video"),
            Block::Embed {
                url: "https://www.instagram.com/p/Cxyz/".into()
            },
            Block::Embed {
                url: "https://youtu.be/dQw4w9WgXcQ".into()
            },
            para("https://evil.example/p/1"),
            list(false, &["https://x.com/desk/status/2"]),
        ]
    );
}

#[test]
fn related_blocks_need_a_positive_id() {
    let body = parse_body(RELATED);

    assert_eq!(body.0, vec![Block::Related { story_id: 12 }, para("kept")]);
}

#[test]
fn whitespace_collapses_and_empty_paragraphs_go() {
    let body = parse_body(WHITESPACE);

    assert_eq!(
        body.0,
        vec![p(vec![text("Lots of "), bold("space"), text(" here")])]
    );
}

#[test]
fn one_break_is_a_space_and_two_start_a_paragraph() {
    let body = parse_body(BREAKS);

    assert_eq!(
        body.0,
        vec![
            para("one two"),
            para("three"),
            para("four"),
            list(false, &["a b"])
        ]
    );
}

#[test]
fn control_characters_go_and_other_unicode_stays() {
    let body = parse_body(&control_characters());

    assert_eq!(body.0, vec![para("abcd"), para(ARABIC)]);
}

#[test]
fn text_outside_blocks_becomes_paragraphs() {
    let body = parse_body(LOOSE_TEXT);

    assert_eq!(
        body.0,
        vec![
            p(vec![text("Intro with "), bold("bold")]),
            para("Second loose paragraph"),
            heading(2, "Head"),
            para("After"),
            para("Inside"),
            para("tail"),
        ]
    );
}

#[test]
fn blocks_nested_in_other_blocks_only_separate_words() {
    let body = parse_body(NESTED_BLOCKS);

    assert_eq!(
        body.0,
        vec![
            heading(2, "Head line"),
            para("Stray item"),
            Block::Quote {
                text: "Quoted list".into(),
                cite: None
            },
        ]
    );
}

#[test]
fn implied_and_misnested_end_tags_close_what_browsers_close() {
    let body = parse_body(MISNESTED);

    assert_eq!(
        body.0,
        vec![
            para("one"),
            para("two"),
            list(false, &["a", "b"]),
            para("c1"),
            para("c2"),
            para("c3"),
            heading(2, "head"),
            heading(3, "sub"),
            p(vec![bold("bold")]),
            p(vec![bold("still bold"), text(" after")]),
            p(vec![italic("reopened")]),
            p(vec![italic("reopened"), text(" plain")]),
            p(vec![link("one", "/1"), text(" "), link("two", "/2")]),
        ]
    );
}

#[test]
fn bodies_from_elsewhere_are_written_safely() {
    let body = Body(vec![
        p(vec![link("click", "javascript:alert(1)"), text(" & <b>")]),
        Block::Embed {
            url: "http://example.com/\"><script>".into(),
        },
        Block::Heading {
            level: 5,
            text: "deep".into(),
        },
    ]);

    let html = body_to_html(&body);

    assert_eq!(
        html,
        "<p>click &amp; &lt;b&gt;</p>\n<p>http://example.com/\"&gt;&lt;script&gt;</p>\n<h3>deep</h3>\n"
    );
}

#[test]
fn every_cleaned_input_reads_back_as_itself() {
    for (html, name) in all() {
        let once = body_to_html(&parse_body(&html));

        assert_eq!(body_to_html(&parse_body(&once)), once, "{name}");
    }
}
