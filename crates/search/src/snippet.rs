//! A passage of a story around the words a reader searched for, cut from the text as it
//! is written, with those words marked.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::span::each_raw_word;
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

/// Makes the snippets of one page of results: the words searched for, and what each word
/// of the results was found to be, kept from one result to the next (stories on one
/// subject share most of their words).
pub struct Snippets<'a> {
    analyzer: &'a Analyzer,
    language: Language,
    highlights: &'a HashSet<String>,
    /// The first three letters of each folded term searched for (all of a shorter one).
    starts: HashSet<String>,
    /// Each word analysed so far, as written: its stem when it is a word searched for.
    seen: HashMap<String, Option<String>>,
}

impl Analyzer {
    /// The snippets of results in `language` for a search whose words are `highlights`
    /// (a word matches when its stem or its surface is in the set).
    pub fn snippets<'a>(
        &'a self,
        language: Language,
        highlights: &'a HashSet<String>,
    ) -> Snippets<'a> {
        Snippets {
            analyzer: self,
            language,
            highlights,
            starts: highlights
                .iter()
                .map(|term| start(term).to_owned())
                .collect(),
            seen: HashMap::new(),
        }
    }
}

/// The first three characters of a folded word (all of a shorter one).
fn start(word: &str) -> &str {
    let end = word.char_indices().nth(3).map_or(word.len(), |(at, _)| at);
    &word[..end]
}

impl Snippets<'_> {
    /// Up to about `max_words` words of `text` around the densest run of words searched
    /// for, as pieces of the original text (spelling, diacritics, tashkeel and punctuation
    /// as written), the matching words marked, and `…` pieces (unmarked) where the passage
    /// is cut at either end.
    ///
    /// The densest run is the one with the most different words searched for, then the
    /// most matches, with its matches in the middle. With no match, the first `max_words`
    /// words. A text with no words gives no pieces. The passage is cut at word boundaries;
    /// between marked words the text is kept exactly, one unmarked piece per stretch.
    pub fn of(&mut self, text: &str, max_words: usize) -> Vec<Piece> {
        let (words, stems) = self.matching_words(text);
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

    /// Each word's bytes, and its stem when it is a word searched for.
    fn matching_words(&mut self, text: &str) -> (Vec<Range<usize>>, Vec<Option<String>>) {
        let mut spans = Vec::new();
        let mut stems = Vec::new();
        each_raw_word(text, |raw, bytes| {
            spans.push(bytes);
            stems.push(self.stem_if_searched(raw));
        });
        (spans, stems)
    }

    /// The stem of a word as read from the text when it is a word searched for. The stem
    /// is worked out only for a word whose folded surface begins as a searched-for term
    /// does (the Snowball stemmers of English and Turkish take endings off), or for every
    /// word in Arabic (whose stemmer takes prefixes off too): stemming every word of every
    /// result would cost a search more than the database does. An ASCII word folds to its
    /// ASCII lower case in every language but Arabic, so most words of most texts are
    /// passed over by their first three letters, without analysing them.
    fn stem_if_searched(&mut self, raw: &str) -> Option<String> {
        if self.language != Language::Arabic && raw.is_ascii() {
            let head = &raw.as_bytes()[..raw.len().min(3)];
            let begins = |term_start: &String| term_start.as_bytes().eq_ignore_ascii_case(head);
            if !self.starts.iter().any(begins) {
                return None;
            }
        }
        if let Some(stem) = self.seen.get(raw) {
            return stem.clone();
        }
        let searched = self.language == Language::Arabic
            || self
                .starts
                .contains(start(&fold_surface(raw, self.language)));
        let stem = searched
            .then(|| self.analyzer.word(raw, self.language))
            .filter(|word| {
                self.highlights.contains(&word.stem) || self.highlights.contains(&word.surface)
            })
            .map(|word| word.stem);
        self.seen.insert(raw.to_owned(), stem.clone());
        stem
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
