//! Writing a normalised body and reading it back gives the same body.

use richtext::{body_to_html, parse_body};
use store::{Block, Body, Inline};

use crate::helpers::{bold, heading, italic, link, list, p, para, text};

fn both(words: &str) -> Inline {
    Inline {
        bold: true,
        italic: true,
        ..Inline::plain(words)
    }
}

fn bodies() -> Vec<(&'static str, Body)> {
    vec![
        (
            "every block, with characters that need escaping",
            every_block(),
        ),
        ("Arabic", arabic()),
        ("formatting edges", formatting_edges()),
        ("other Unicode", other_unicode()),
        ("empty", Body(vec![])),
    ]
}

fn every_block() -> Body {
    let embeds = [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1",
        "https://x.com/desk/status/1",
        "https://www.instagram.com/p/Cxyz/",
        "https://www.facebook.com/desk/videos/1/",
    ];
    let mut blocks = vec![
        p(vec![
            text("1 < 2 & \"quotes\" > 'single' "),
            link("a&b", "https://example.com/?q=\"x\"&y=<1>"),
            text(" &amp; literal"),
        ]),
        heading(2, "<script>alert(1)</script> is just text"),
        heading(3, "Tom & Jerry"),
        Block::Quote {
            text: "He said \"no\" & left".into(),
            cite: Some("<b>Anon</b>".into()),
        },
        Block::Quote {
            text: "Unattributed".into(),
            cite: None,
        },
        list(false, &["a < b", "c & d"]),
        list(true, &["one"]),
        Block::Image {
            image_id: 12,
            caption: Some("Caption with \"quotes\" & <tags>".into()),
        },
        Block::Image {
            image_id: 13,
            caption: None,
        },
    ];
    blocks.extend(embeds.map(|url| Block::Embed { url: url.into() }));
    blocks.push(Block::Related { story_id: 99 });
    Body(blocks)
}

fn arabic() -> Body {
    Body(vec![
        heading(2, "الفيضانات تعزل القرى"),
        p(vec![
            text("قال المتحدث "),
            bold("إن الوضع"),
            text(" تحت "),
            link("السيطرة", "/ar/news/1"),
            text("\u{200f}."),
        ]),
        Block::Quote {
            text: "«سنعيد البناء»".into(),
            cite: Some("رئيس البلدية".into()),
        },
        list(true, &["١٢٣", "نص عربي & رموز < >"]),
    ])
}

fn formatting_edges() -> Body {
    Body(vec![
        p(vec![text("a "), bold("b"), text(" c")]),
        p(vec![bold("bold "), italic("italic")]),
        p(vec![both("both"), text(" plain "), italic("it")]),
        p(vec![link("one", "/a"), text(" "), link("two", "/b")]),
        p(vec![link("x", "/a"), link("y", "/b")]),
        p(vec![Inline {
            bold: true,
            ..link("bold link", "mailto:desk@example.com")
        }]),
    ])
}

fn other_unicode() -> Body {
    Body(vec![
        para("10\u{2009}000 people, 👩‍👩‍👧 family, e\u{301}te\u{301}, 中文"),
        para("zero\u{200b}width and \u{202f}narrow"),
    ])
}

#[test]
fn normalised_bodies_survive_html_and_back() {
    for (name, body) in bodies() {
        let html = body_to_html(&body);

        let back = parse_body(&html);

        assert_eq!(back, body, "{name}: {html}");
    }
}

#[test]
fn parsing_is_idempotent_on_messy_input() {
    let inputs = [
        include_str!("../fixtures/word.html"),
        include_str!("../fixtures/google_docs.html"),
        "<p>a<b> b </b>c<i> d<b>e </b></i> f</p>",
        "<p><a href='/x'> padded link </a>tail</p>",
        "loose\n\ntext <ul><li>x<ol><li>y</li></ol></li></ul>",
        "plain & text < without tags",
    ];

    for input in inputs {
        let once = parse_body(input);

        let twice = parse_body(&body_to_html(&once));

        assert_eq!(twice, once, "{input}");
    }
}
