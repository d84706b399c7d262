//! Word's lists: each item is a paragraph marked `mso-list`, with its bullet or number
//! written out as text that is marked to be ignored.

use store::Block;

use super::{Builder, Capture, End};
use crate::line::{Line, is_collapsible};

impl Builder {
    /// A Word list paragraph (`mso-list:l0 level1 lfo1`) starts; `list` is Word's list id.
    pub(crate) fn open_word_item(&mut self, list: &str) -> End {
        if !matches!(self.capture, Capture::Top) {
            return self.open_paragraph(false);
        }
        self.end_paragraph();
        if self.word_list.as_deref() == Some(list)
            && matches!(self.blocks.last(), Some(Block::List { .. }))
            && let Some(Block::List { ordered, items }) = self.blocks.pop()
        {
            self.capture = Capture::List {
                ordered,
                items,
                item: Line::default(),
                word: Some(list.to_string()),
            };
            return End::Capture;
        }
        self.capture = Capture::List {
            ordered: false,
            items: Vec::new(),
            item: Line::default(),
            word: Some(list.to_string()),
        };
        End::Capture
    }

    /// The bullet or number Word writes before a list paragraph's text.
    pub(crate) fn word_list_marker(&mut self, marker: &str) {
        if marker.trim_matches(is_collapsible).is_empty() {
            return;
        }
        if let Capture::List {
            ordered,
            items,
            item,
            word: Some(_),
        } = &mut self.capture
            && items.is_empty()
            && item.is_empty()
        {
            *ordered = is_number(marker);
        }
    }
}

/// True for a numbering marker such as `1.`, `a)`, `(iv)` or `١.`; false for bullets.
fn is_number(marker: &str) -> bool {
    let marker = marker.trim_matches(is_collapsible);
    let Some(core) = marker.strip_suffix(['.', ')']) else {
        return false;
    };
    let core = core.strip_prefix('(').unwrap_or(core);
    !core.is_empty() && core.chars().count() <= 6 && core.chars().all(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_markers_tell_numbers_from_bullets() {
        let cases = [
            ("1.", true, "decimal"),
            ("12)", true, "parenthesis"),
            ("(iv)", true, "roman in parentheses"),
            ("a.\u{a0}\u{a0}", true, "letter with Word's padding"),
            ("١.", true, "Arabic-Indic digit"),
            ("·", false, "Symbol bullet"),
            ("o", false, "Courier second-level bullet"),
            ("§", false, "Wingdings square"),
            ("", false, "nothing"),
        ];

        for (marker, expected, reason) in cases {
            assert_eq!(is_number(marker), expected, "{reason}");
        }
    }
}
