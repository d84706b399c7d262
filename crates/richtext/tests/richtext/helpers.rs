//! Short builders for expected bodies.

use store::{Block, Inline};

/// A plain run.
pub fn text(text: &str) -> Inline {
    Inline::plain(text)
}

/// A bold run.
pub fn bold(text: &str) -> Inline {
    Inline {
        bold: true,
        ..Inline::plain(text)
    }
}

/// An italic run.
pub fn italic(text: &str) -> Inline {
    Inline {
        italic: true,
        ..Inline::plain(text)
    }
}

/// A linked run.
pub fn link(text: &str, href: &str) -> Inline {
    Inline {
        link: Some(href.into()),
        ..Inline::plain(text)
    }
}

/// A paragraph of runs.
pub fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph { inlines }
}

/// A paragraph of one plain run.
pub fn para(words: &str) -> Block {
    p(vec![text(words)])
}

/// A heading.
pub fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// A list of plain items.
pub fn list(ordered: bool, items: &[&str]) -> Block {
    Block::List {
        ordered,
        items: items.iter().map(|item| vec![text(item)]).collect(),
    }
}
