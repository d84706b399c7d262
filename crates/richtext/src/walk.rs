//! The allow-list: what each element, text and comment means for the body.
//!
//! [`crate::tree`] reports elements opening and closing in document order; the walker
//! turns them into [`Builder`] calls. Elements not listed here are transparent: their text
//! is kept, the tag dropped.

use html5ever::Attribute;
use store::Body;

use crate::builder::{Builder, End};
use crate::line::Fmt;
use crate::style::Style;
use crate::url::safe_link;

/// Elements dropped together with everything inside them.
const DROPPED: &[&str] = &[
    "applet", "area", "audio", "base", "button", "canvas", "datalist", "embed", "frame", "xmp",
    "frameset", "iframe", "img", "input", "link", "map", "math", "meta", "noembed", "noframes",
    "noscript", "object", "optgroup", "option", "param", "picture", "script", "select", "source",
    "style", "svg", "template", "textarea", "title", "track", "video", "xml",
];

/// Containers whose direct text is loose (blank lines split it into paragraphs).
const CONTAINERS: &[&str] = &[
    "article", "aside", "center", "details", "dl", "fieldset", "form", "header", "hgroup", "main",
    "nav", "search", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements that hold one paragraph.
const PARAGRAPHS: &[&str] = &[
    "address", "caption", "dd", "dt", "legend", "p", "pre", "summary",
];

/// Word's downlevel-revealed sections that hold only list bullets and line-break hacks.
const WORD_JUNK: &[&str] = &["[if !supportlists]", "[if !supportlinebreaknewline]"];

/// What an open element changed, to undo when it closes.
#[derive(Debug)]
pub(crate) struct Frame {
    end: End,
    restore: Option<Fmt>,
    /// The element's content is dropped.
    hides: bool,
    /// The element is Word's list marker.
    marker: bool,
}

impl Frame {
    fn inert() -> Frame {
        Frame {
            end: End::Nothing,
            restore: None,
            hides: false,
            marker: false,
        }
    }
}

/// Turns elements, text and comments into blocks.
#[derive(Default)]
pub(crate) struct Walker {
    builder: Builder,
    fmt: Fmt,
    /// Open elements whose content is dropped.
    hidden: usize,
    /// Inside one of Word's `<![if !supportLists]>` sections: the depth it started at, so a
    /// missing `<![endif]>` cannot swallow the rest.
    junk: Option<usize>,
    /// The text of Word's list marker, while reading one.
    marker: Option<String>,
}

impl Walker {
    /// The body, once every element is closed.
    pub(crate) fn finish(self) -> Body {
        self.builder.finish()
    }

    /// True while content is being dropped.
    pub(crate) fn is_hidden(&self) -> bool {
        self.hidden > 0 || self.junk.is_some()
    }

    /// Text, with character references already decoded.
    pub(crate) fn text(&mut self, text: &str) {
        if !self.is_hidden() {
            self.builder.text(text, &self.fmt);
        } else if let Some(marker) = &mut self.marker {
            marker.push_str(text);
        }
    }

    /// A comment: only Word's conditional markers mean anything.
    pub(crate) fn comment(&mut self, comment: &str, depth: usize) {
        let comment = comment.trim().to_ascii_lowercase();
        if WORD_JUNK.iter().any(|junk| comment.starts_with(junk)) {
            self.junk = Some(depth);
            self.marker = Some(String::new());
        } else if comment.starts_with("[endif]") && self.junk.take().is_some() {
            self.end_marker();
        }
    }

    /// An element opens; the frame goes back to [`Walker::close`] when it closes.
    pub(crate) fn open(&mut self, name: &str, attrs: &[Attribute]) -> Frame {
        if self.is_hidden() {
            return Frame::inert();
        }
        let style = attr(attrs, "style").map(Style::parse).unwrap_or_default();
        let embed = (name == "div").then(|| attr(attrs, "data-embed")).flatten();
        let related = (name == "div")
            .then(|| id_attr(attrs, "data-related"))
            .flatten();
        let card = (name == "div")
            .then(|| attr(attrs, "data-link-card"))
            .flatten();
        if let Some(url) = card {
            self.builder.link_card(url, attr(attrs, "data-title"));
        } else if let Some(url) = embed {
            self.builder.embed(url);
        } else if let Some(story_id) = related {
            self.builder.related(story_id);
        }
        // An embed or related block's content is the editor's placeholder, if anything.
        if embed.is_some()
            || related.is_some()
            || card.is_some()
            || DROPPED.contains(&name)
            || ["v:", "m:"].iter().any(|prefix| name.starts_with(prefix))
            || attr(attrs, "hidden").is_some()
            || style.hidden
            || style.word_marker
        {
            self.hidden += 1;
            if style.word_marker {
                self.marker = Some(String::new());
            }
            return Frame {
                hides: true,
                marker: style.word_marker,
                ..Frame::inert()
            };
        }
        let end = self.block(name, attrs, &style);
        let restore = self.format(name, attrs, &style);
        Frame {
            end,
            restore,
            ..Frame::inert()
        }
    }

    /// The element that returned `frame` closes, leaving `depth` elements open.
    pub(crate) fn close(&mut self, frame: Frame, depth: usize) {
        if frame.hides {
            self.hidden = self.hidden.saturating_sub(1);
        }
        if frame.marker {
            self.end_marker();
        }
        if self.junk.is_some_and(|start| depth < start) {
            self.junk = None;
            self.marker = None;
        }
        self.builder.close(frame.end);
        if let Some(fmt) = frame.restore {
            self.fmt = fmt;
        }
    }

    fn end_marker(&mut self) {
        if let Some(marker) = self.marker.take() {
            self.builder.word_list_marker(&marker);
        }
    }

    /// Starts the block an element stands for.
    fn block(&mut self, name: &str, attrs: &[Attribute], style: &Style) -> End {
        let builder = &mut self.builder;
        let is_block = name == "div" || PARAGRAPHS.contains(&name);
        match name {
            "br" => {
                builder.line_break();
                End::Nothing
            }
            "hr" => {
                builder.separator();
                End::Nothing
            }
            _ if is_block && style.word_list.is_some() => {
                builder.open_word_item(style.word_list.as_deref().unwrap_or_default())
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                builder.open_heading(name[1..].parse().unwrap_or(3))
            }
            "ul" | "ol" | "menu" => builder.open_list(name == "ol"),
            "li" => builder.open_item(),
            "blockquote" => builder.open_quote(),
            "cite" => builder.open_cite().unwrap_or(End::Nothing),
            "footer" => builder
                .open_cite()
                .unwrap_or_else(|| builder.open_paragraph(true)),
            "figure" => match id_attr(attrs, "data-image-id") {
                Some(image_id) => builder.open_figure(image_id),
                None => builder.open_paragraph(true),
            },
            "figcaption" => builder.open_caption(),
            "div" => builder.open_paragraph(true),
            _ if PARAGRAPHS.contains(&name) => builder.open_paragraph(false),
            _ if CONTAINERS.contains(&name) => builder.open_paragraph(true),
            _ => End::Nothing,
        }
    }

    /// Applies an element's bold, italic and link; returns the formatting to restore.
    fn format(&mut self, name: &str, attrs: &[Attribute], style: &Style) -> Option<Fmt> {
        let mut fmt = Fmt {
            bold: matches!(name, "b" | "strong") || self.fmt.bold,
            italic: matches!(name, "i" | "em") || self.fmt.italic,
            link: None,
        };
        fmt.bold = style.bold.unwrap_or(fmt.bold);
        fmt.italic = style.italic.unwrap_or(fmt.italic);
        let link_changes = name == "a";
        if (fmt.bold, fmt.italic) == (self.fmt.bold, self.fmt.italic) && !link_changes {
            return None;
        }
        fmt.link = if link_changes {
            attr(attrs, "href").and_then(safe_link)
        } else {
            self.fmt.link.clone()
        };
        Some(std::mem::replace(&mut self.fmt, fmt))
    }
}

/// An attribute's value.
fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|attr| &*attr.name.local == name)
        .map(|attr| &*attr.value)
}

/// An attribute holding a positive id.
fn id_attr(attrs: &[Attribute], name: &str) -> Option<i64> {
    attr(attrs, name)?
        .trim()
        .parse()
        .ok()
        .filter(|id: &i64| *id > 0)
}
