//! Properties of the sanitizer for any input: hostile HTML (nested and unclosed tags,
//! event handlers, script URLs, entities, comments) comes out as the canonical subset
//! only, and cleaning its own output changes nothing.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use proptest::prelude::*;
use richtext::{body_to_html, embed_provider, parse_body};

/// What the sanitizer does: read anything, write the canonical subset.
fn clean(html: &str) -> String {
    body_to_html(&parse_body(html))
}

const TAGS: &[&str] = &[
    "p",
    "b",
    "i",
    "strong",
    "em",
    "u",
    "a",
    "span",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h6",
    "blockquote",
    "cite",
    "footer",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "img",
    "div",
    "section",
    "table",
    "tr",
    "td",
    "br",
    "pre",
    "code",
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "noscript",
    "textarea",
    "select",
    "option",
    "input",
    "button",
    "form",
    "xml",
    "o:p",
    "v:shape",
    "title",
    "base",
    "meta",
    "link",
    "frameset",
    "plaintext",
    "xmp",
];

const ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "onclick",
    "onerror",
    "onload",
    "style",
    "class",
    "id",
    "alt",
    "title",
    "hidden",
    "data-embed",
    "data-related",
    "data-image-id",
    "srcdoc",
    "formaction",
    "xlink:href",
    "action",
    "background",
    "lang",
    "dir",
];

const VALUES: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "//evil.example/x",
    "/\\evil.example/x",
    "https://example.com/a?b=1&c=2",
    "http://example.com/",
    "mailto:desk@example.com",
    "/world/story",
    "https://www.youtube.com/watch?v=abc",
    "https://youtube.com/watch?v=\"><script>alert(1)</script>",
    "12",
    "-1",
    "font-weight:bold",
    "display:none",
    "mso-list:Ignore",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "x\u{0}y",
    "",
];

const TEXTS: &[&str] = &[
    "Hello",
    " world ",
    "&amp;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "&nbsp;",
    "&bogus;",
    "&",
    "<",
    ">",
    "a < b",
    "\u{a0}",
    "\u{202e}bidi",
    "مرحبا",
    "\n\n",
    "\t",
    "https://www.youtube.com/watch?v=abc",
    "javascript:alert(1)",
    "\u{7}",
    "]]>",
];

/// One attribute with its value, quoted one of the ways HTML allows.
fn attribute() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ATTRIBUTES),
        prop::sample::select(VALUES),
        0..4u8,
    )
        .prop_map(|(name, value, quoting)| match quoting {
            0 => format!(" {name}=\"{}\"", value.replace('"', "&quot;")),
            1 => format!(" {name}='{value}'"),
            2 => format!(" {name}={}", value.replace([' ', '>'], "")),
            _ => format!(" {name}"),
        })
}

/// A piece of hostile HTML: a start tag with attributes, an end tag, text, a comment or
/// some other markup; pieces in sequence make nesting, unclosed and misnested tags.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (
            prop::sample::select(TAGS),
            prop::collection::vec(attribute(), 0..3),
            any::<bool>(),
        )
            .prop_map(|(tag, attributes, self_closing)| {
                let close = if self_closing { "/>" } else { ">" };
                format!("<{tag}{}{close}", attributes.concat())
            }),
        3 => prop::sample::select(TAGS).prop_map(|tag| format!("</{tag}>")),
        4 => prop::sample::select(TEXTS).prop_map(str::to_string),
        1 => "[a-z <>&;\"'=/!-]{0,12}",
        1 => prop::sample::select(TEXTS).prop_map(|text| format!("<!--{text}-->")),
        1 => prop::sample::select(&[
            "<!--",
            "-->",
            "<![if !supportLists]>",
            "<![endif]>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<!DOCTYPE html>",
            "<?xml version=\"1.0\"?>",
            "<a href=\"javascript:alert(1)\"",
            "<p",
            "</",
        ][..])
        .prop_map(str::to_string),
    ]
}

fn hostile_html() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// A tag as a browser's tokenizer reads it (entities decoded).
#[derive(Debug)]
struct SeenTag {
    name: String,
    end: bool,
    attributes: Vec<(String, String)>,
}

#[derive(Default)]
struct Seen {
    tags: Vec<SeenTag>,
    other: Vec<String>,
}

struct Sink(RefCell<Seen>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut seen = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => seen.tags.push(SeenTag {
                name: tag.name.to_string(),
                end: tag.kind == TagKind::EndTag,
                attributes: tag
                    .attrs
                    .iter()
                    .map(|attribute| {
                        (
                            attribute.name.local.to_string(),
                            attribute.value.to_string(),
                        )
                    })
                    .collect(),
            }),
            Token::CommentToken(text) => seen.other.push(format!("comment {text}")),
            Token::DoctypeToken(_) => seen.other.push("doctype".into()),
            Token::NullCharacterToken => seen.other.push("NUL".into()),
            Token::CharacterTokens(_) | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

fn tokenize(html: &str) -> Seen {
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Seen::default())), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

/// Whether a browser would follow this `href` to an allowed place: after the trimming
/// and tab/newline removal browsers do, `http(s)://`, `mailto:` or a site path.
fn is_allowed_href(href: &str) -> bool {
    let cleaned: String = href
        .trim_matches(|ch: char| ch <= ' ')
        .chars()
        .filter(|ch| !matches!(ch, '\t' | '\n' | '\r'))
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    (lower.starts_with('/') && !lower.starts_with("//") && !lower.starts_with("/\\"))
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
}

fn is_number(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit())
}

/// Every problem with the sanitizer's output: elements, attributes or URLs outside the
/// subset, comments and the like.
fn problems(html: &str) -> Vec<String> {
    let seen = tokenize(html);
    let mut problems = seen.other;
    for tag in &seen.tags {
        let allowed = [
            "p",
            "strong",
            "em",
            "a",
            "h2",
            "h3",
            "blockquote",
            "cite",
            "ul",
            "ol",
            "li",
            "figure",
            "figcaption",
            "div",
        ];
        if !allowed.contains(&tag.name.as_str()) {
            problems.push(format!("element {}", tag.name));
        }
        if tag.end && !tag.attributes.is_empty() {
            problems.push(format!("attributes on </{}>", tag.name));
        }
        for (name, value) in &tag.attributes {
            let fine = match (tag.name.as_str(), name.as_str()) {
                ("a", "href") => is_allowed_href(value),
                ("figure", "data-image-id") | ("div", "data-related") => is_number(value),
                ("div", "data-embed") => embed_provider(value).is_some(),
                _ => false,
            };
            if !fine {
                problems.push(format!("<{} {name}={value:?}>", tag.name));
            }
        }
    }
    problems
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn whatever_goes_in_only_the_subset_comes_out(html in hostile_html()) {
        let cleaned = clean(&html);

        let problems = problems(&cleaned);
        prop_assert!(problems.is_empty(), "{problems:?} in {cleaned:?}");
    }

    #[test]
    fn cleaning_clean_html_changes_nothing(html in hostile_html()) {
        let once = clean(&html);

        let twice = clean(&once);

        prop_assert_eq!(&twice, &once);
        prop_assert_eq!(parse_body(&once), parse_body(&html));
    }
}

#[test]
fn the_checker_catches_what_it_is_meant_to() {
    let cases = [
        ("<p>fine <a href=\"/x\">link</a></p>", 0, "canonical"),
        (
            "<p><a href=\"&#106;avascript:alert(1)\">x</a></p>",
            1,
            "encoded script URL",
        ),
        ("<p onclick=\"x\">x</p>", 1, "event handler"),
        ("<script>alert(1)</script>", 2, "script element"),
        ("<!-- note -->", 1, "comment"),
        (
            "<div data-embed=\"https://evil.example/x\"></div>",
            1,
            "foreign embed",
        ),
    ];

    for (html, count, reason) in cases {
        assert_eq!(
            problems(html).len(),
            count,
            "{reason}: {:?}",
            problems(html)
        );
    }
}
