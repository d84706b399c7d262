//! Tree construction in linear time: html5ever's tokenizer feeds a stack of open elements.
//!
//! html5ever's own tree builder scans the whole stack for each start tag, which makes ten
//! thousand nested `<div>`s take seconds and a megabyte of them take minutes. Here each tag
//! costs amortised constant time: an index of open elements by name answers "is a `<p>`
//! open?" directly. Only the implied end tags that change body text are applied (`<p>`,
//! `<li>`, `<dd>`/`<dt>`, table cells and rows, headings, links); misnested end tags close
//! everything opened after the element they name, and end tags naming nothing open are
//! ignored. Formatting closed that way (`<p><b>x<p>y`) is reopened before the next text, as
//! browsers do with their list of active formatting elements, but at most
//! [`MAX_REOPENED`] elements at a time so that reopening stays cheap. The walk keeps the
//! stack on the heap, so depth costs memory, not call stack.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::{Attribute, LocalName, TokenizerResult};
use store::Body;

use crate::line::is_collapsible;
use crate::walk::{Frame, Walker};

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "image", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
];

/// Start tags that end an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Formatting elements that browsers reopen when a block closed them implicitly.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Start tags before which closed formatting is not reopened: it is reopened inside them,
/// before their text, instead.
const NO_REOPEN: &[&str] = &[
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// How many implicitly closed formatting elements are remembered for reopening.
const MAX_REOPENED: usize = 16;

/// Parses HTML and walks it into a body.
pub(crate) fn parse(html: &str) -> Body {
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Tree::default())), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    tokenizer.sink.0.into_inner().finish()
}

struct Sink(RefCell<Tree>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut tree = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return tree.start_tag(tag),
            Token::TagToken(tag) => tree.end_tag(&tag.name),
            Token::CharacterTokens(text) => {
                // Unlike browsers, not for whitespace: reopening `<b>` between two
                // paragraphs would put the next paragraph inside it.
                if !text.chars().all(is_collapsible) {
                    tree.reopen();
                }
                tree.walker.text(&text);
            }
            Token::CommentToken(comment) => {
                let depth = tree.open.len();
                tree.walker.comment(&comment, depth);
            }
            Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// An element in the stack of open elements.
struct Open {
    name: LocalName,
    /// Kept for formatting elements only, to reopen them.
    attrs: Vec<Attribute>,
    frame: Frame,
}

/// The open elements and the walker they feed.
#[derive(Default)]
struct Tree {
    walker: Walker,
    open: Vec<Open>,
    /// Where each open element name sits in `open`, innermost last.
    by_name: HashMap<LocalName, Vec<usize>>,
    /// Formatting elements closed by something other than their end tag, outermost first.
    closed_formatting: Vec<(LocalName, Vec<Attribute>)>,
}

impl Tree {
    fn finish(mut self) -> Body {
        self.pop_to(0);
        self.walker.finish()
    }

    fn start_tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        if matches!(name, "html" | "head" | "body") {
            return TokenSinkResult::Continue;
        }
        self.close_implied(name);
        if !CLOSES_P.contains(&name) && !NO_REOPEN.contains(&name) {
            self.reopen();
        }
        // `<div/>` opens a div in HTML, but Word's XML and SVG mean what they say.
        let self_closing = tag.self_closing && (name.contains(':') || self.walker.is_hidden());
        if VOID.contains(&name) || self_closing {
            let depth = self.open.len();
            let frame = self.walker.open(name, &tag.attrs);
            self.walker.close(frame, depth);
            return TokenSinkResult::Continue;
        }
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        self.push(tag.name, tag.attrs);
        raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
    }

    fn push(&mut self, name: LocalName, attrs: Vec<Attribute>) {
        let frame = self.walker.open(&name, &attrs);
        let attrs = if FORMATTING.contains(&&*name) {
            attrs
        } else {
            Vec::new()
        };
        let depth = self.open.len();
        self.by_name.entry(name.clone()).or_default().push(depth);
        self.open.push(Open { name, attrs, frame });
    }

    fn end_tag(&mut self, name: &LocalName) {
        if let Some(&index) = self.by_name.get(name).and_then(|open| open.last()) {
            self.pop_to(index);
        } else if let Some(at) = self
            .closed_formatting
            .iter()
            .rposition(|(closed, _)| closed == name)
        {
            self.closed_formatting.remove(at);
        }
    }

    /// Reopens formatting that a block closed before its end tag came.
    fn reopen(&mut self) {
        for (name, attrs) in std::mem::take(&mut self.closed_formatting) {
            self.push(name, attrs);
        }
    }

    /// Closes what a start tag implicitly ends, as browsers do.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name) {
            self.close_open("p", &[]);
        }
        match name {
            "li" => self.close_open("li", &["ul", "ol", "menu"]),
            "dd" | "dt" => {
                self.close_open("dd", &["dl"]);
                self.close_open("dt", &["dl"]);
            }
            "td" | "th" => {
                self.close_open("td", &["table"]);
                self.close_open("th", &["table"]);
            }
            "tr" => self.close_open("tr", &["table"]),
            "a" => {
                self.close_open("a", &[]);
                self.closed_formatting
                    .retain(|(closed, _)| &**closed != "a");
            }
            _ if HEADINGS.contains(&name) => {
                if let Some(current) = self.open.last()
                    && HEADINGS.contains(&&*current.name)
                {
                    self.pop_to(self.open.len() - 1);
                }
            }
            _ => {}
        }
    }

    /// Closes the innermost open `name` unless one of `containers` was opened inside it.
    fn close_open(&mut self, name: &str, containers: &[&str]) {
        let last = |name: &str| {
            self.by_name
                .get(&LocalName::from(name))
                .and_then(|open| open.last().copied())
        };
        let Some(index) = last(name) else {
            return;
        };
        if containers
            .iter()
            .all(|container| last(container).is_none_or(|inner| inner < index))
        {
            self.pop_to(index);
        }
    }

    /// Closes every element from `index` up; formatting above `index` is remembered to be
    /// reopened.
    fn pop_to(&mut self, index: usize) {
        let mut closed = Vec::new();
        while self.open.len() > index {
            let Some(Open { name, attrs, frame }) = self.open.pop() else {
                break;
            };
            if let Some(open) = self.by_name.get_mut(&name) {
                open.pop();
            }
            self.walker.close(frame, self.open.len());
            if self.open.len() > index && FORMATTING.contains(&&*name) {
                closed.push((name, attrs));
            }
        }
        let room = MAX_REOPENED.saturating_sub(self.closed_formatting.len());
        let outermost_first = closed.into_iter().rev().take(room);
        self.closed_formatting.extend(outermost_first);
    }
}
