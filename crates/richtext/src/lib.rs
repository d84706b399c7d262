//! Story bodies to and from the small HTML subset the newsroom editor edits.
//!
//! The story form keeps the body in a `<textarea name="body">` holding HTML; with JavaScript
//! (`assets/admin/editor.js`) a contenteditable area edits the same HTML. The server trusts
//! neither: [`parse_body`] reads whatever arrives (canonical HTML, pasted Word or Google Docs
//! HTML, or plain text) into a [`Body`], and [`body_to_html`] writes a body back out.
//!
//! # The canonical subset
//!
//! [`body_to_html`] writes exactly this, one block per line; [`parse_body`] accepts it and
//! reduces anything else to it.
//!
//! | HTML | Block |
//! |------|-------|
//! | `<p>` with `<strong>`, `<em>`, `<a href>` inside | `Paragraph` |
//! | `<h2>`, `<h3>` | `Heading` (text only) |
//! | `<blockquote><p>words</p><cite>who</cite></blockquote>` | `Quote` (text only) |
//! | `<ul>` / `<ol>` of `<li>` with inline formatting | `List` |
//! | `<figure data-image-id="N"><img src alt><figcaption>c</figcaption></figure>` | `Image` |
//! | `<div data-embed="URL"></div>` | `Embed` |
//! | `<div data-link-card="URL" data-title="T"></div>` | `LinkCard` (any https URL; title optional) |
//! | `<div data-related="ID"></div>` | `Related` |
//!
//! Reading is lenient:
//!
//! - `<b>` and `<i>` count as `<strong>` and `<em>`; `font-weight` (600 and up, `bold`) and
//!   `font-style: italic` in a `style` attribute make bold and italic, and `font-weight:
//!   normal` undoes them (Google Docs wraps its clipboard in a `<b>` that is not bold).
//! - Links keep only `http:`, `https:`, `mailto:` and site-relative `/...` targets; other
//!   links lose the target and keep the text.
//! - `<h1>` becomes `<h2>`; `<h4>` to `<h6>` become `<h3>`. A `<footer>` in a quote is
//!   its attribution too. Headings, quotes and captions keep text but not formatting.
//! - Lists nested in a list are flattened into it; block elements inside a list item, heading
//!   or quote (`<li><p>` from Google Docs) only separate words. Word's list paragraphs
//!   (`mso-list`) become lists, numbered when Word's marker is a number.
//! - An image's `src` is ignored (only the id counts); an empty `<figcaption>` means no
//!   caption of its own. Images, embeds and related stories count only outside other blocks.
//! - A `data-embed` URL, or a paragraph that is nothing but a URL, becomes an embed when
//!   [`embed_provider`] accepts it; otherwise the URL stays as a paragraph.
//! - Other elements are transparent: their text is kept. `<div>`, `<section>`, table cells
//!   and the like separate paragraphs. `<script>`, `<style>`, `<iframe>`, `<object>`,
//!   `<svg>`, `<template>`, `<head>`, form controls, Word's `<xml>` and VML, comments,
//!   `hidden` elements and `display:none` are dropped with their content, and so is Word's
//!   list-marker junk (`<![if !supportLists]>`, `mso-list:Ignore`).
//! - Whitespace (including U+00A0) collapses to one space; paragraph ends are trimmed and
//!   empty blocks dropped; neighbouring runs with the same formatting merge. A space at the
//!   edge of a format goes to the plainer side and never into a link (`<b>a </b>b` reads as
//!   `<b>a</b> b`); only between two links does a run hold nothing but a space. One `<br>`
//!   is a space; two in a row start a new paragraph. Control characters are removed. Other
//!   Unicode (Arabic, bidi marks, thin spaces) is kept as it is.
//! - Input without any tag is plain text: paragraphs split on blank lines, single newlines
//!   become spaces, `&` and `<` are literal. Text loose in HTML, outside any block element,
//!   is read the same way. "Any tag" means `<` then a letter and a name ending in `>`,
//!   `/` or whitespace, or `</x`, or `<!--`: `3 < 4` is text, while `a<b c` reads as HTML.
//!
//! Parsing takes time linear in the input and never recurses: html5ever's tokenizer feeds
//! a small tree builder of our own (see `tree`), so neither a megabyte of text nor a
//! megabyte of nested `<div>`s is a problem.

mod builder;
mod html;
mod line;
mod style;
mod tree;
mod url;
mod walk;

use store::Body;

pub use url::{Provider, embed_provider, link_card_host};

/// Parses editor/pasted HTML (or plain text) into a Body, dropping everything outside the subset.
pub fn parse_body(html: &str) -> Body {
    if looks_like_html(html) {
        tree::parse(html)
    } else {
        let mut builder = builder::Builder::default();
        builder.text(html, &line::Fmt::default());
        builder.finish()
    }
}

/// Serialises a Body to the canonical editor HTML (what the textarea and the contenteditable hold).
///
/// Images are written without an `<img>`, since their files are named by the media library,
/// not by id; use [`body_to_html_with_images`] to show them in the editor.
pub fn body_to_html(body: &Body) -> String {
    html::write_body(body, &|_| None)
}

/// Like [`body_to_html`], with an `<img src>` in each figure from `image_src(image_id)`.
pub fn body_to_html_with_images(body: &Body, image_src: impl Fn(i64) -> Option<String>) -> String {
    html::write_body(body, &image_src)
}

/// True when the input has something that looks like a tag: `<p>`, `<a href=...>`, `</p>`,
/// `<br/>` or `<!--`. A lone `<`, as in `a < b`, does not count.
fn looks_like_html(input: &str) -> bool {
    input.match_indices('<').any(|(at, _)| {
        let rest = &input[at + 1..];
        if rest.starts_with("!--")
            || (rest.starts_with('/') && rest[1..].starts_with(char::is_alphabetic))
        {
            return true;
        }
        let name_len = rest
            .find(|ch: char| !ch.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        name_len > 0
            && rest.starts_with(|ch: char| ch.is_ascii_alphabetic())
            && rest[name_len..].starts_with(['>', '/', ' ', '\t', '\n', '\r'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_told_from_comparisons() {
        let cases = [
            ("<p>Hello</p>", true, "paragraph"),
            ("Hello<br>world", true, "break"),
            ("<a href=\"/x\">x</a>", true, "link"),
            ("text</p>", true, "closing tag"),
            ("<!-- note -->", true, "comment"),
            ("a < b and c > d", false, "comparison"),
            ("x<3 always", false, "heart"),
            ("AT&amp;T", false, "entity alone"),
            ("", false, "empty"),
        ];

        for (input, expected, reason) in cases {
            assert_eq!(looks_like_html(input), expected, "{reason}");
        }
    }
}
