//! Spelling suggestions: the known word closest to one a reader typed, and the query with
//! the words the index does not have respelt that way.

use std::borrow::Cow;

use crate::span::raw_words;
use crate::{Analyzer, Language, MAX_WORD, Part, Query, Term, fold_surface};

/// Words shorter than this (in characters) get no suggestion: too many words are one edit
/// away from them.
const MIN_WORD: usize = 3;

/// Words up to this long (in characters) may be one edit from their suggestion, longer
/// ones two.
const MAX_ONE_EDIT_WORD: usize = 5;

/// The candidate closest to `word` by edit distance (Damerau–Levenshtein, on folded
/// surfaces: compare via the analyzer so case and diacritics do not count), within 1 edit
/// for words of up to 5 characters and 2 for longer ones; ties go to the earlier
/// candidate. When a candidate is spelt like the word, the word needs no suggestion and
/// there is none. Words shorter than 3 characters, numbers, and text that is not one word
/// get none; candidates that are not one word are skipped.
pub fn closest<'a>(
    analyzer: &Analyzer,
    word: &str,
    language: Language,
    candidates: &'a [String],
) -> Option<&'a str> {
    let word = analyzer.surface(word, language)?;
    let surfaces = candidates
        .iter()
        .map(|candidate| analyzer.surface(candidate, language));
    let index = nearest(&word, surfaces)?;
    Some(candidates[index].as_str())
}

/// The query with each included word that `known` says is not in the index replaced by
/// its [`closest`] candidate (words in phrases too; exclusions stay as typed), as the new
/// query's [normalized](Query::normalized) text; `None` when nothing changed.
pub fn respell(
    analyzer: &Analyzer,
    query: &Query,
    language: Language,
    known: impl Fn(&Term) -> bool,
    candidates: &[String],
) -> Option<String> {
    // Folded once for all the unknown words, and only if there is one.
    let mut surfaces: Option<Vec<Option<Cow<'_, str>>>> = None;
    let mut respelt = Query::default();
    let mut changed = false;
    for part in &query.include {
        let mut terms = Vec::new();
        for term in part.terms() {
            let replacement = if known(term) {
                None
            } else {
                let surfaces = surfaces.get_or_insert_with(|| {
                    candidates
                        .iter()
                        .map(|candidate| analyzer.surface(candidate, language))
                        .collect()
                });
                nearest(&term.surface, surfaces.iter().map(Option::as_deref))
                    .and_then(|index| analyzer.words(&candidates[index], language).pop())
            };
            changed |= replacement.is_some();
            terms.push(replacement.unwrap_or_else(|| term.clone()));
        }
        if let Some(part) = Part::of_terms(terms) {
            respelt.add(part, false);
        }
    }
    for part in &query.exclude {
        respelt.add(part.clone(), true);
    }
    changed.then(|| respelt.normalized())
}

impl Analyzer {
    /// The folded surface of `text` when it is one word, as [`Analyzer::words`] gives it
    /// (without stemming it): as it is when it is already folded ASCII, the common case of
    /// a vocabulary taken from the index.
    fn surface<'t>(&self, text: &'t str, language: Language) -> Option<Cow<'t, str>> {
        let folded_ascii = |byte: u8| byte.is_ascii_lowercase() || byte.is_ascii_digit();
        if (1..=MAX_WORD).contains(&text.len()) && text.bytes().all(folded_ascii) {
            return Some(Cow::Borrowed(text));
        }
        match raw_words(text).as_slice() {
            [word] => Some(Cow::Owned(fold_surface(word, language))),
            _ => None,
        }
    }
}

/// The index of the surface closest to `word` within the edits its length allows; none
/// when one is equal to it.
fn nearest(word: &str, surfaces: impl Iterator<Item = Option<impl AsRef<str>>>) -> Option<usize> {
    let length = word.chars().count();
    if length < MIN_WORD || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let limit = if length <= MAX_ONE_EDIT_WORD { 1 } else { 2 };
    let mut distance = EditDistance::from(word);
    let mut best: Option<(usize, usize)> = None;
    for (index, surface) in surfaces.enumerate() {
        let Some(surface) = surface else { continue };
        // Only a closer candidate replaces the best one, so ties go to the earlier.
        let bound = best.map_or(limit, |(closest, _)| closest - 1);
        match distance.to(surface.as_ref(), bound) {
            Some(0) => return None,
            Some(edits) => best = Some((edits, index)),
            None => {}
        }
    }
    best.map(|(_, index)| index)
}

/// Edit distances from one word: Damerau–Levenshtein in its optimal string alignment form
/// (an insertion, a deletion, a substitution or a swap of two neighbours is one edit),
/// bounded, in three rows reused for every other word.
struct EditDistance {
    word: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl EditDistance {
    fn from(word: &str) -> EditDistance {
        let word: Vec<char> = word.chars().collect();
        let row = vec![0; word.len() + 1];
        EditDistance {
            word,
            rows: [row.clone(), row.clone(), row],
        }
    }

    /// The distance to `other` if it is at most `bound`; it stops as soon as it is not.
    fn to(&mut self, other: &str, bound: usize) -> Option<usize> {
        let EditDistance {
            word,
            rows: [before, previous, current],
        } = self;
        if other.chars().count().abs_diff(word.len()) > bound {
            return None;
        }
        // Rows are the prefixes of `other` (`before` one shorter than `previous`), columns
        // those of `word`.
        for (length, cell) in previous.iter_mut().enumerate() {
            *cell = length;
        }
        let mut other_before = None;
        for (row, c) in other.chars().enumerate() {
            current[0] = row + 1;
            let mut row_least = current[0];
            for column in 1..=word.len() {
                let mut edits = (previous[column - 1] + usize::from(word[column - 1] != c))
                    .min(previous[column] + 1)
                    .min(current[column - 1] + 1);
                let swapped =
                    column > 1 && word[column - 2] == c && other_before == Some(word[column - 1]);
                if swapped {
                    edits = edits.min(before[column - 2] + 1);
                }
                current[column] = edits;
                row_least = row_least.min(edits);
            }
            // Every way to the end passes through this row or swaps over it from the one
            // before, so no later cell is smaller than this row's least.
            if row_least > bound {
                return None;
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
            other_before = Some(c);
        }
        let edits = previous[word.len()];
        (edits <= bound).then_some(edits)
    }
}

#[cfg(test)]
mod tests;
