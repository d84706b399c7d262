//! One run of flowing text being collected: whitespace collapsing, trimming and run merging.

use store::Inline;

/// The formatting in effect at a point of the walk.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Fmt {
    /// Bold.
    pub(crate) bold: bool,
    /// Italic.
    pub(crate) italic: bool,
    /// The allowed link target, if inside a link.
    pub(crate) link: Option<String>,
}

/// Whitespace that collapses to one space. U+00A0 is included because editors (and
/// contenteditable itself) scatter `&nbsp;` where writers typed ordinary spaces.
pub(crate) fn is_collapsible(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text collected for one paragraph, list item, heading, quote or caption.
#[derive(Debug, Default)]
pub(crate) struct Line {
    runs: Vec<Inline>,
    /// Whitespace is waiting for visible text.
    space: bool,
}

impl Line {
    /// True when no visible character has been added.
    pub(crate) fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Notes whitespace: it becomes one space if visible text follows.
    pub(crate) fn space(&mut self) {
        self.space = !self.runs.is_empty();
    }

    /// Adds one character that is neither collapsible whitespace nor a control character.
    ///
    /// A space between two differently formatted runs goes to the less formatted one, so
    /// `a<b> b </b>c` becomes `a <b>b</b> c`; above all it stays out of links, where it would
    /// be underlined. On a tie it stays with the text before it.
    pub(crate) fn push(&mut self, ch: char, fmt: &Fmt) {
        if std::mem::take(&mut self.space) {
            let before = self.runs.last().map_or(0, |last| {
                weight(last.bold, last.italic, last.link.is_some())
            });
            let after = weight(fmt.bold, fmt.italic, fmt.link.is_some());
            match self.runs.last_mut() {
                // Between two different links the space belongs to neither.
                Some(last)
                    if last.link.is_some() && fmt.link.is_some() && last.link != fmt.link =>
                {
                    self.runs.push(Inline::plain(" "));
                }
                Some(last) if before <= after => last.text.push(' '),
                _ => self.run(fmt).push(' '),
            }
        }
        self.run(fmt).push(ch);
    }

    /// The text of the run with this formatting at the end, starting one if needed.
    fn run(&mut self, fmt: &Fmt) -> &mut String {
        let same = self.runs.last().is_some_and(|last| {
            last.bold == fmt.bold && last.italic == fmt.italic && last.link == fmt.link
        });
        if !same {
            self.runs.push(Inline {
                text: String::new(),
                bold: fmt.bold,
                italic: fmt.italic,
                link: fmt.link.clone(),
            });
        }
        let index = self.runs.len() - 1;
        &mut self.runs[index].text
    }

    /// The runs, with trailing whitespace dropped.
    pub(crate) fn into_runs(self) -> Vec<Inline> {
        self.runs
    }

    /// The text without formatting.
    pub(crate) fn into_text(self) -> String {
        self.runs.into_iter().map(|run| run.text).collect()
    }
}

/// How much formatting a run has; a link counts most.
fn weight(bold: bool, italic: bool, link: bool) -> u8 {
    u8::from(bold) + u8::from(italic) + 3 * u8::from(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(parts: &[(&str, Fmt)]) -> Line {
        let mut line = Line::default();
        for (text, fmt) in parts {
            for ch in text.chars() {
                if is_collapsible(ch) {
                    line.space();
                } else {
                    line.push(ch, fmt);
                }
            }
        }
        line
    }

    #[test]
    fn whitespace_collapses_and_ends_are_trimmed() {
        let plain = Fmt::default();

        let runs = line(&[("  one \n\t two\u{a0}\u{a0}three  ", plain)]).into_runs();

        assert_eq!(runs, vec![Inline::plain("one two three")]);
    }

    #[test]
    fn spaces_at_formatting_edges_go_to_the_plainer_side() {
        let plain = Fmt::default();
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        let italic = Fmt {
            italic: true,
            ..Fmt::default()
        };

        let outside = line(&[
            ("a ", plain.clone()),
            ("b", bold.clone()),
            (" c", plain.clone()),
        ]);
        let inside = line(&[("a", plain.clone()), (" b ", bold.clone()), ("c", plain)]);
        let tie = line(&[("a ", bold), ("b", italic)]);

        assert_eq!(texts(outside), ["a ", "b", " c"]);
        assert_eq!(texts(inside), ["a ", "b", " c"]);
        assert_eq!(texts(tie), ["a ", "b"]);
    }

    #[test]
    fn spaces_never_sit_at_the_edge_of_a_link() {
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        let link = Fmt {
            link: Some("/a".into()),
            ..Fmt::default()
        };

        let runs = line(&[("see", bold.clone()), (" this ", link), ("now", bold)]);

        assert_eq!(texts(runs), ["see ", "this", " now"]);
    }

    fn texts(line: Line) -> Vec<String> {
        line.into_runs().into_iter().map(|run| run.text).collect()
    }
}
