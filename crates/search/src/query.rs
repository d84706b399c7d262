//! What a reader typed, as a search: words, "phrases" in quotes and `-`exclusions, each
//! read by the same analyzer as stories. Nothing else is syntax: the operators of the
//! databases' full-text engines (`OR`, `NEAR`, `*`, `col:`) are words or separators.

use std::collections::HashSet;

use crate::{Analyzer, Language, Word};

/// One word of a query: matches a story word with this stem or this surface form.
pub type Term = Word;

/// Longer input is cut (at a character boundary) before it is read.
pub const MAX_QUERY_CHARS: usize = 500;

/// The parts (included and excluded together) a query keeps; the rest are dropped.
pub const MAX_PARTS: usize = 12;

/// The words a phrase keeps; the rest are dropped.
pub const MAX_PHRASE_WORDS: usize = 8;

/// The fewest characters a word being typed has before it matches the words it begins:
/// one letter would match a good part of the index.
pub const MIN_PREFIX_CHARS: usize = 2;

/// One part of a query: a word, or words that stand together in this order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// One word.
    Word(Term),
    /// Two to [`MAX_PHRASE_WORDS`] words, adjacent and in this order.
    Phrase(Vec<Term>),
    /// A word still being typed: matches its stem, or any word whose surface form begins
    /// with its surface form.
    Prefix(Term),
}

/// What a reader typed, as a search: the parts a story must have and those it must not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Parts every story found has.
    pub include: Vec<Part>,
    /// Parts no story found has.
    pub exclude: Vec<Part>,
}

impl Analyzer {
    /// What a reader typed, as a search in `language`.
    ///
    /// Text in double quotes (`"`, `“ ”`, `„`, `« »`, fullwidth `＂`; any of them closes
    /// what any opened, and an unclosed quote runs to the end) is a phrase. A `-` that
    /// begins a token (at the start, after a space or after a quote) excludes the word or
    /// phrase it is written onto; a lone `-` is ignored. Every other token is words, and a
    /// token that the analyzer reads as several words (`covid-19`, `Türkiye'nin`, `U.S.`)
    /// is a phrase of them, as the story wrote them together. Duplicates (the same stems)
    /// are dropped, and so are parts beyond [`MAX_PARTS`].
    pub fn query(&self, text: &str, language: Language) -> Query {
        let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &text[..cut],
            None => text,
        };
        let mut query = Query::default();
        for token in tokens(text) {
            if let Some(part) = Part::of_terms(self.words(token.text, language)) {
                query.add(part, token.excluded);
            }
        }
        query
    }

    /// What an editor is typing into a type-ahead field, as a search: as
    /// [`query`](Analyzer::query), but the last word, while it is still being typed (no
    /// space after it, not excluded, not in quotes, one word of at least
    /// [`MIN_PREFIX_CHARS`] characters), also finds the words it begins. The prefix is the
    /// analyzer's surface form of the word, never the typed text.
    pub fn typed_query(&self, text: &str, language: Language) -> Query {
        let mut query = self.query(text, language);
        if text.ends_with(is_space) || text.chars().count() > MAX_QUERY_CHARS {
            return query;
        }
        let Some(last) = tokens(text)
            .pop()
            .filter(|token| !token.excluded && !token.quoted)
        else {
            return query;
        };
        let words = self.words(last.text, language);
        let [word] = words.as_slice() else {
            return query;
        };
        if word.surface.chars().count() < MIN_PREFIX_CHARS {
            return query;
        }
        let typed = Part::Word(word.clone());
        if let Some(part) = query
            .include
            .iter_mut()
            .rev()
            .find(|part| part.has_stems_of(&typed))
        {
            *part = Part::Prefix(word.clone());
        }
        query
    }
}

impl Part {
    /// The part that `terms` make: none, one word, or a phrase of at most
    /// [`MAX_PHRASE_WORDS`].
    pub(crate) fn of_terms(mut terms: Vec<Term>) -> Option<Part> {
        terms.truncate(MAX_PHRASE_WORDS);
        match terms.len() {
            0 => None,
            1 => terms.pop().map(Part::Word),
            _ => Some(Part::Phrase(terms)),
        }
    }

    /// The words of the part, in order.
    pub(crate) fn terms(&self) -> &[Term] {
        match self {
            Part::Word(term) | Part::Prefix(term) => std::slice::from_ref(term),
            Part::Phrase(terms) => terms,
        }
    }

    /// Whether two parts search for the same words: the same stems in the same order.
    fn has_stems_of(&self, other: &Part) -> bool {
        let stems = |terms: &[Term]| {
            terms
                .iter()
                .map(|term| term.stem.clone())
                .collect::<Vec<_>>()
        };
        stems(self.terms()) == stems(other.terms())
    }

    /// The part as a reader would type it: its surfaces, a phrase in double quotes.
    fn written(&self) -> String {
        match self {
            Part::Word(term) | Part::Prefix(term) => term.surface.clone(),
            Part::Phrase(terms) => {
                let surfaces: Vec<&str> = terms.iter().map(|term| term.surface.as_str()).collect();
                format!("\"{}\"", surfaces.join(" "))
            }
        }
    }
}

impl Query {
    /// Whether there is nothing to look for: no included parts (exclusions alone find
    /// nothing).
    pub fn is_empty(&self) -> bool {
        self.include.is_empty()
    }

    /// The query as one canonical text: the included parts, then the excluded ones after
    /// `-`, by their surfaces, phrases in double quotes, single spaces, in the order typed.
    /// Two queries that differ only in case, diacritics, quote marks, punctuation, spacing
    /// or repeated parts give the same text, and reading it back gives it again.
    pub fn normalized(&self) -> String {
        let included = self.include.iter().map(Part::written);
        let excluded = self
            .exclude
            .iter()
            .map(|part| format!("-{}", part.written()));
        included.chain(excluded).collect::<Vec<_>>().join(" ")
    }

    /// Every stem and surface of the included parts: the words a snippet marks.
    pub fn highlights(&self) -> HashSet<String> {
        self.include
            .iter()
            .flat_map(Part::terms)
            .flat_map(|term| [term.stem.clone(), term.surface.clone()])
            .collect()
    }

    /// Adds a part unless the query already has one with its stems on the same side, or
    /// already has [`MAX_PARTS`] parts.
    pub(crate) fn add(&mut self, part: Part, excluded: bool) {
        if self.include.len() + self.exclude.len() >= MAX_PARTS {
            return;
        }
        let side = if excluded {
            &mut self.exclude
        } else {
            &mut self.include
        };
        if !side.iter().any(|kept| kept.has_stems_of(&part)) {
            side.push(part);
        }
    }
}

/// A stretch of the typed text that makes one part.
struct Token<'a> {
    text: &'a str,
    excluded: bool,
    quoted: bool,
}

/// The tokens of the typed text: quoted stretches, and runs between spaces and quotes.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(is_space);
        let excluded = match rest.strip_prefix('-') {
            Some(after) if after.starts_with(is_space) || after.is_empty() => {
                rest = after;
                continue;
            }
            Some(after) => {
                rest = after;
                true
            }
            None => false,
        };
        let Some(first) = rest.chars().next() else {
            return tokens;
        };
        let quoted = is_quote(first);
        let token = if quoted {
            let inside = &rest[first.len_utf8()..];
            let end = inside.find(is_quote).unwrap_or(inside.len());
            let closing = inside[end..].chars().next().map_or(0, char::len_utf8);
            rest = &inside[end + closing..];
            &inside[..end]
        } else {
            let end = rest
                .find(|c| is_space(c) || is_quote(c))
                .unwrap_or(rest.len());
            let (token, after) = rest.split_at(end);
            rest = after;
            token
        };
        tokens.push(Token {
            text: token,
            excluded,
            quoted,
        });
    }
}

/// The double quotation marks readers type around a phrase: ASCII, English and Turkish
/// curly quotes (either way round, as right-to-left keyboards give them), low-9 quotes,
/// guillemets (Arabic, Turkish) and the fullwidth quote.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' | '\u{FF02}'
    )
}

/// What separates tokens: white space, control characters, and the invisible format
/// characters (bidi marks, overrides and isolates, zero-width space, word joiner, byte
/// order mark, tags) that carry no letters. The soft hyphen and the zero-width joiners
/// sit inside words and are left to the analyzer.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'..='\u{E007F}')
}

#[cfg(test)]
mod tests;
