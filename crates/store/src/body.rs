//! A story body as structured blocks, stored as JSON and rendered by the theme.
//!
//! Keeping the body structured (rather than HTML) means imports, wires and the editor all
//! go through one shape, and the renderer escapes every piece of text.

use serde::{Deserialize, Serialize};

/// The body of a story: an ordered list of blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Body(pub Vec<Block>);

/// One block of a story body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph {
        /// The runs of text, in order.
        inlines: Vec<Inline>,
    },
    /// A subheading; level 2 or 3.
    Heading {
        /// 2 or 3.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A block quotation with an optional attribution.
    Quote {
        /// The quoted words.
        text: String,
        /// Who said it, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered when true.
        ordered: bool,
        /// Each item's inline runs.
        items: Vec<Vec<Inline>>,
    },
    /// An image from the media library.
    Image {
        /// The image's id.
        image_id: i64,
        /// A caption for this use, overriding the library caption.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
    /// Third-party content embedded by URL (YouTube, X, Instagram, Facebook).
    Embed {
        /// The page URL of the content.
        url: String,
    },
    /// A link to any other web page, shown to readers as a card with its host and a title
    /// the writer typed (or the address). The server never fetches the page.
    LinkCard {
        /// The page's https URL.
        url: String,
        /// The title the writer gave it, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
    },
    /// An inline "recommended" teaser for another story.
    Related {
        /// The related story's id.
        story_id: i64,
    },
}

/// A run of text with its formatting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inline {
    /// The text, unescaped.
    pub text: String,
    /// Bold.
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    /// Italic.
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    /// A link target, if the run is a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Inline {
    /// A plain run of text.
    pub fn plain(text: impl Into<String>) -> Inline {
        Inline {
            text: text.into(),
            ..Inline::default()
        }
    }
}

impl Body {
    /// Counts the words of all text in the body.
    pub fn word_count(&self) -> usize {
        let words = |text: &str| text.split_whitespace().count();
        let inlines = |runs: &[Inline]| runs.iter().map(|run| words(&run.text)).sum::<usize>();
        self.0
            .iter()
            .map(|block| match block {
                Block::Paragraph { inlines: runs } => inlines(runs),
                Block::Heading { text, .. } | Block::Quote { text, .. } => words(text),
                Block::List { items, .. } => items.iter().map(|item| inlines(item)).sum(),
                Block::Image { .. }
                | Block::Embed { .. }
                | Block::LinkCard { .. }
                | Block::Related { .. } => 0,
            })
            .sum()
    }

    /// The body's text as plain paragraphs, in order: paragraphs, subheadings, quotations
    /// (with who said them) and list items; images, embeds and related stories give none.
    pub fn paragraphs(&self) -> Vec<String> {
        let runs = |inlines: &[Inline]| inlines.iter().map(|run| run.text.as_str()).collect();
        let mut paragraphs = Vec::new();
        for block in &self.0 {
            match block {
                Block::Paragraph { inlines } => paragraphs.push(runs(inlines)),
                Block::Heading { text, .. } => paragraphs.push(text.clone()),
                Block::Quote { text, cite } => {
                    paragraphs.push(text.clone());
                    paragraphs.extend(cite.clone());
                }
                Block::List { items, .. } => paragraphs.extend(items.iter().map(|item| runs(item))),
                Block::Image { .. }
                | Block::Embed { .. }
                | Block::LinkCard { .. }
                | Block::Related { .. } => {}
            }
        }
        paragraphs
    }

    /// The ids of stories the body links to with a related block.
    pub fn related_story_ids(&self) -> Vec<i64> {
        self.0
            .iter()
            .filter_map(|block| match block {
                Block::Related { story_id } => Some(*story_id),
                _ => None,
            })
            .collect()
    }

    /// The ids of images the body shows.
    pub fn image_ids(&self) -> Vec<i64> {
        self.0
            .iter()
            .filter_map(|block| match block {
                Block::Image { image_id, .. } => Some(*image_id),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_round_trips_through_json() {
        let body = Body(vec![
            Block::Paragraph {
                inlines: vec![
                    Inline::plain("Hello "),
                    Inline {
                        text: "world".into(),
                        bold: true,
                        ..Inline::default()
                    },
                ],
            },
            Block::Related { story_id: 7 },
        ]);

        let json = serde_json::to_string(&body).expect("serializes");
        let back: Body = serde_json::from_str(&json).expect("parses");

        assert_eq!(back, body);
        assert!(json.contains(r#""type":"related""#));
    }

    #[test]
    fn word_count_counts_every_text_block() {
        let body = Body(vec![
            Block::Paragraph {
                inlines: vec![Inline::plain("one two"), Inline::plain(" three")],
            },
            Block::Heading {
                level: 2,
                text: "four".into(),
            },
            Block::Embed {
                url: "https://example.com/a b".into(),
            },
        ]);

        assert_eq!(body.word_count(), 4);
    }
}
