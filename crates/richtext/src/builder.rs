//! Turns a stream of "block starts here, text, block ends here" into body blocks.
//!
//! Only one structured block (heading, list, quote, figure) is collected at a time: block
//! elements nested inside it add a word break instead of a new block, which is how nested
//! lists are flattened and how `<li><p>...</p></li>` from Google Docs stays one item.

use store::{Block, Body, Inline};

use crate::line::{Fmt, Line, is_collapsible};
use crate::url::{embed_provider, link_card_host};

/// The longest title a link card keeps, in characters.
const TITLE_CHARS: usize = 300;

mod word;

/// The structured block being collected, if any.
#[derive(Debug, Default)]
enum Capture {
    /// Paragraphs, one at a time, in `Builder::para`.
    #[default]
    Top,
    Heading {
        level: u8,
        text: Line,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
        item: Line,
        /// Word's list id (`l0`), for list paragraphs that continue one list.
        word: Option<String>,
    },
    Quote {
        text: Line,
        cite: Line,
        in_cite: usize,
    },
    Figure {
        image_id: i64,
        caption: Line,
        in_caption: usize,
    },
}

/// What to do when the element that started something ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum End {
    /// Nothing: an inline element.
    Nothing,
    /// End the paragraph; text that follows is loose.
    Paragraph,
    /// End the structured block and emit it.
    Capture,
    /// End the list item.
    Item,
    /// A word break.
    Break,
    /// Leave the quote's attribution.
    Cite,
    /// Leave the figure's caption.
    Caption,
}

/// Collects blocks in order.
#[derive(Debug)]
pub(crate) struct Builder {
    blocks: Vec<Block>,
    capture: Capture,
    para: Line,
    /// Text directly in a container rather than in `<p>`: blank lines split it.
    loose: bool,
    /// `<br>`s (and, in loose text, newlines) since the last visible character.
    breaks: usize,
    /// Word's id of the list that is the last block, while it may still continue.
    word_list: Option<String>,
    /// Where text that belongs nowhere goes.
    discard: Line,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            blocks: Vec::new(),
            capture: Capture::Top,
            para: Line::default(),
            loose: true,
            breaks: 0,
            word_list: None,
            discard: Line::default(),
        }
    }
}

impl Builder {
    /// The blocks collected so far, ending whatever is open.
    pub(crate) fn finish(mut self) -> Body {
        self.end_capture();
        self.end_paragraph();
        Body(self.blocks)
    }

    /// Adds text in the current formatting.
    pub(crate) fn text(&mut self, text: &str, fmt: &Fmt) {
        for ch in text.chars() {
            if is_collapsible(ch) {
                if ch == '\n' && self.loose {
                    self.breaks += 1;
                }
                self.line().space();
            } else if !ch.is_control() {
                if self.breaks >= 2 && matches!(self.capture, Capture::Top) {
                    self.end_paragraph();
                }
                self.breaks = 0;
                self.line().push(ch, fmt);
            }
        }
    }

    /// A `<br>`: a space, and two in a row end a paragraph.
    pub(crate) fn line_break(&mut self) {
        self.breaks += 1;
        self.line().space();
    }

    /// A word break between block elements nested in a structured block.
    pub(crate) fn word_break(&mut self) {
        self.line().space();
    }

    fn line(&mut self) -> &mut Line {
        match &mut self.capture {
            Capture::Top => &mut self.para,
            Capture::Heading { text, .. } => text,
            Capture::List { item, .. } => item,
            Capture::Quote { cite, in_cite, .. } if *in_cite > 0 => cite,
            Capture::Quote { text, .. } => text,
            Capture::Figure {
                caption,
                in_caption,
                ..
            } if *in_caption > 0 => caption,
            // Text in a figure outside its caption is the image's fallback: let it go.
            Capture::Figure { .. } => {
                self.discard = Line::default();
                &mut self.discard
            }
        }
    }

    /// A paragraph-like element starts; `loose` for containers such as `<div>`.
    pub(crate) fn open_paragraph(&mut self, loose: bool) -> End {
        if !matches!(self.capture, Capture::Top) {
            self.word_break();
            return End::Break;
        }
        self.end_paragraph();
        self.loose = loose;
        End::Paragraph
    }

    /// A heading of HTML level 1 to 6 starts.
    pub(crate) fn open_heading(&mut self, html_level: u8) -> End {
        let level = if html_level <= 2 { 2 } else { 3 };
        self.open(Capture::Heading {
            level,
            text: Line::default(),
        })
    }

    /// A `<ul>` or `<ol>` starts.
    pub(crate) fn open_list(&mut self, ordered: bool) -> End {
        if matches!(self.capture, Capture::List { .. }) {
            self.end_item();
            return End::Item;
        }
        self.open(Capture::List {
            ordered,
            items: Vec::new(),
            item: Line::default(),
            word: None,
        })
    }

    /// An `<li>` starts.
    pub(crate) fn open_item(&mut self) -> End {
        if matches!(self.capture, Capture::List { .. }) {
            self.end_item();
            End::Item
        } else {
            self.open_paragraph(false)
        }
    }

    /// A `<blockquote>` starts.
    pub(crate) fn open_quote(&mut self) -> End {
        self.open(Capture::Quote {
            text: Line::default(),
            cite: Line::default(),
            in_cite: 0,
        })
    }

    /// A `<cite>` (or `<footer>`) starts; only in a quote is it the attribution.
    pub(crate) fn open_cite(&mut self) -> Option<End> {
        match &mut self.capture {
            Capture::Quote { in_cite, .. } => {
                *in_cite += 1;
                Some(End::Cite)
            }
            _ => None,
        }
    }

    /// A `<figure data-image-id>` starts.
    pub(crate) fn open_figure(&mut self, image_id: i64) -> End {
        self.open(Capture::Figure {
            image_id,
            caption: Line::default(),
            in_caption: 0,
        })
    }

    /// A `<figcaption>` starts.
    pub(crate) fn open_caption(&mut self) -> End {
        match &mut self.capture {
            Capture::Figure { in_caption, .. } => {
                *in_caption += 1;
                End::Caption
            }
            _ => self.open_paragraph(false),
        }
    }

    /// An embed block, or the URL as text where it cannot be embedded.
    pub(crate) fn embed(&mut self, url: &str) {
        let url = url.trim();
        if embed_provider(url).is_some() && matches!(self.capture, Capture::Top) {
            self.end_paragraph();
            self.emit(Block::Embed { url: url.into() });
        } else {
            self.open_paragraph(true);
            self.text(url, &Fmt::default());
            self.open_paragraph(true);
        }
    }

    /// A link card, or the URL as text where it cannot be one; the title is plain text on
    /// one line (at most [`TITLE_CHARS`] characters), none when blank.
    pub(crate) fn link_card(&mut self, url: &str, title: Option<&str>) {
        let url = url.trim();
        if link_card_host(url).is_some() && matches!(self.capture, Capture::Top) {
            self.end_paragraph();
            let title = title.map(|title| {
                let words: Vec<&str> = title
                    .split(|ch: char| ch.is_whitespace() || ch.is_control())
                    .filter(|word| !word.is_empty())
                    .collect();
                words
                    .join(" ")
                    .chars()
                    .take(TITLE_CHARS)
                    .collect::<String>()
            });
            self.emit(Block::LinkCard {
                url: url.into(),
                title: title.filter(|title| !title.is_empty()),
            });
        } else {
            self.embed(url);
        }
    }

    /// A related-story block; inside another block it is dropped.
    pub(crate) fn related(&mut self, story_id: i64) {
        if matches!(self.capture, Capture::Top) {
            self.end_paragraph();
            self.emit(Block::Related { story_id });
        }
    }

    /// Something separating blocks, such as `<hr>`.
    pub(crate) fn separator(&mut self) {
        self.open_paragraph(true);
    }

    fn open(&mut self, capture: Capture) -> End {
        if !matches!(self.capture, Capture::Top) {
            self.word_break();
            return End::Break;
        }
        self.end_paragraph();
        self.capture = capture;
        End::Capture
    }

    /// Undoes what the element that returned `end` started.
    pub(crate) fn close(&mut self, end: End) {
        match end {
            End::Nothing => {}
            End::Paragraph => {
                self.end_paragraph();
                self.loose = true;
            }
            End::Capture => {
                self.end_capture();
                self.loose = true;
            }
            End::Item => self.end_item(),
            End::Break => self.word_break(),
            End::Cite => {
                if let Capture::Quote { in_cite, .. } = &mut self.capture {
                    *in_cite = in_cite.saturating_sub(1);
                }
            }
            End::Caption => {
                if let Capture::Figure { in_caption, .. } = &mut self.capture {
                    *in_caption = in_caption.saturating_sub(1);
                }
            }
        }
    }

    fn end_item(&mut self) {
        if let Capture::List { items, item, .. } = &mut self.capture {
            let done = std::mem::take(item);
            if !done.is_empty() {
                items.push(done.into_runs());
            }
        }
    }

    fn end_paragraph(&mut self) {
        self.breaks = 0;
        let runs = std::mem::take(&mut self.para).into_runs();
        if runs.is_empty() {
            return;
        }
        let text: String = runs.iter().map(|run| run.text.as_str()).collect();
        if embed_provider(&text).is_some() {
            self.emit(Block::Embed { url: text });
        } else {
            self.emit(Block::Paragraph { inlines: runs });
        }
    }

    fn end_capture(&mut self) {
        self.end_item();
        let block = match std::mem::take(&mut self.capture) {
            Capture::Top => None,
            Capture::Heading { level, text } => (!text.is_empty()).then(|| Block::Heading {
                level,
                text: text.into_text(),
            }),
            Capture::List {
                ordered,
                items,
                word,
                ..
            } => {
                let list = (!items.is_empty()).then_some(Block::List { ordered, items });
                if let Some(list) = list {
                    self.emit(list);
                    self.word_list = word;
                }
                None
            }
            Capture::Quote { text, cite, .. } => (!text.is_empty()).then(|| Block::Quote {
                text: text.into_text(),
                cite: (!cite.is_empty()).then(|| cite.into_text()),
            }),
            Capture::Figure {
                image_id, caption, ..
            } => Some(Block::Image {
                image_id,
                caption: (!caption.is_empty()).then(|| caption.into_text()),
            }),
        };
        if let Some(block) = block {
            self.emit(block);
        }
    }

    fn emit(&mut self, block: Block) {
        self.word_list = None;
        self.blocks.push(block);
    }
}
