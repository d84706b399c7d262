//! A passage of a story around the words a reader searched for, cut from the text as it
//! is written, with those words marked.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::span::raw_words;
use crate::{Analyzer, Language, fold_surface};

/// A stretch of a snippet: text as written in the story, marked when it is a word searched
/// for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The text exactly as written, or `…` where the passage is cut.
    pub text: String,
    /// Whether it is a word searched for.
    pub marked: bool,
}

/// What stands where the passage is cut.
const ELLIPSIS: &str = "…";

impl Analyzer {
    /// Up to about `max_words` words of `text` around the densest run of words matching
    /// `highlights` (a word matches when its stem or its surface is in the set), as pieces
    /// of the original text (spelling, diacritics, tashkeel and punctuation as written),
    /// the matching words marked, and `…` pieces (unmarked) where the passage is cut at
    /// either end.
    ///
    /// The densest run is the one with the most different words searched for, then the
    /// most matches, with its matches in the middle. With no match, the first `max_words`
    /// words. A text with no words gives no pieces. The passage is cut at word boundaries;
    /// between marked words the text is kept exactly, one unmarked piece per stretch.
    pub fn snippet(
        &self,
        text: &str,
        language: Language,
        highlights: &HashSet<String>,
        max_words: usize,
    ) -> Vec<Piece> {
        let (words, stems) = self.matching_words(text, language, highlights);
        let matches: Vec<Option<&str>> = stems.iter().map(Option::as_deref).collect();
        let window = densest_window(&matches, max_words);
        if window.is_empty() {
            return Vec::new();
        }
        let passage = passage_bytes(text, &words, &window);
        let marked = marked_bytes(&words[window.clone()], &matches[window.clone()]);

        let mut pieces = Vec::new();
        if window.start > 0 {
            pieces.push(piece(ELLIPSIS, false));
        }
        let mut written_to = passage.start;
        for bytes in marked {
            if written_to < bytes.start {
                pieces.push(piece(&text[written_to..bytes.start], false));
            }
            written_to = bytes.end;
            pieces.push(piece(&text[bytes], true));
        }
        if written_to < passage.end {
            pieces.push(piece(&text[written_to..passage.end], false));
        }
        if window.end < words.len() {
            pieces.push(piece(ELLIPSIS, false));
        }
        pieces
    }
}

impl Analyzer {
    /// Each word's bytes, and its stem when it is a word searched for. The stem is worked
    /// out only for a word whose folded surface begins as a searched-for term does (the
    /// Snowball stemmers of English and Turkish take endings off), or for every word in
    /// Arabic (whose stemmer takes prefixes off too): stemming every word of every
    /// result would cost a search more than the database does.
    fn matching_words(
        &self,
        text: &str,
        language: Language,
        highlights: &HashSet<String>,
    ) -> (Vec<Range<usize>>, Vec<Option<String>>) {
        let start = |term: &str| term.chars().take(3).collect::<String>();
        let starts: HashSet<String> = highlights.iter().map(|term| start(term)).collect();
        let mut seen: HashMap<String, Option<String>> = HashMap::new();
        let mut spans = Vec::new();
        let mut stems = Vec::new();
        for raw in raw_words(text) {
            let stem = match seen.get(&raw.text) {
                Some(stem) => stem.clone(),
                None => {
                    let surface = fold_surface(&raw.text, language);
                    let stem = (language == Language::Arabic || starts.contains(&start(&surface)))
                        .then(|| self.word(&raw.text, language))
                        .filter(|word| {
                            highlights.contains(&word.stem) || highlights.contains(&word.surface)
                        })
                        .map(|word| word.stem);
                    seen.insert(raw.text, stem.clone());
                    stem
                }
            };
            spans.push(raw.bytes);
            stems.push(stem);
        }
        (spans, stems)
    }
}

/// Where the passage of the words in `window` is written: from its first word to its
/// last, but from the start or to the end of the text (white space aside) where it
/// reaches them, so that punctuation there is kept.
fn passage_bytes(text: &str, words: &[Range<usize>], window: &Range<usize>) -> Range<usize> {
    let first = words[window.start].start;
    let last = words[window.end - 1].end;
    let start = if window.start == 0 {
        first.min(text.len() - text.trim_start().len())
    } else {
        first
    };
    let end = if window.end == words.len() {
        last.max(text.trim_end().len())
    } else {
        last
    };
    start..end
}

fn piece(text: &str, marked: bool) -> Piece {
    Piece {
        text: text.to_owned(),
        marked,
    }
}

/// The `size` consecutive words (fewer if there are fewer) with the most different
/// matching stems, then the most matches, moved so their matches are in the middle; the
/// first words when nothing matches. One pass, counting the stems entering and leaving.
fn densest_window(matches: &[Option<&str>], size: usize) -> Range<usize> {
    let size = size.min(matches.len());
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut total = 0;
    let mut best = (0, 0, 0);
    for (end, entering) in matches.iter().enumerate() {
        if let Some(stem) = entering {
            *counts.entry(stem).or_default() += 1;
            total += 1;
        }
        if let Some(stem) = end.checked_sub(size).and_then(|leaving| matches[leaving]) {
            total -= 1;
            if let Some(count) = counts.get_mut(stem) {
                *count -= 1;
                if *count == 0 {
                    counts.remove(stem);
                }
            }
        }
        if end + 1 >= size && (counts.len(), total) > (best.0, best.1) {
            best = (counts.len(), total, end + 1 - size);
        }
    }
    let start = best.2;
    let window = &matches[start..start + size];
    let first = window.iter().position(Option::is_some);
    let last = window.iter().rposition(Option::is_some);
    let start = match (first, last) {
        (Some(first), Some(last)) => {
            let slack = size - (last - first + 1);
            (start + first)
                .saturating_sub(slack / 2)
                .min(matches.len() - size)
        }
        _ => start,
    };
    start..start + size
}

/// The bytes of the matching words, in order, joined where they overlap (words read from
/// one written character).
fn marked_bytes(words: &[Range<usize>], matches: &[Option<&str>]) -> Vec<Range<usize>> {
    let mut marked: Vec<Range<usize>> = Vec::new();
    for (bytes, _) in words.iter().zip(matches).filter(|(_, stem)| stem.is_some()) {
        match marked.last_mut() {
            Some(previous) if bytes.start < previous.end => {
                previous.end = previous.end.max(bytes.end);
            }
            _ => marked.push(bytes.clone()),
        }
    }
    marked
}

#[cfg(test)]
mod tests;
