//! What a reader typed, as a search (placeholder types until the parser lands).

use crate::Word;

/// One word of a query.
pub type Term = Word;

/// A part of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// One word.
    Word(Term),
    /// Words in a row.
    Phrase(Vec<Term>),
}

/// A search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Parts a story must have.
    pub include: Vec<Part>,
    /// Parts it must not have.
    pub exclude: Vec<Part>,
}
