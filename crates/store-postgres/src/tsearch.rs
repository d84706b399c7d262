//! The search index on PostgreSQL: a `tsvector` per story written from the analyzer's
//! terms (not by `to_tsvector`), with a GIN index, matched with a `tsquery` made only of
//! quoted terms (see the migration `create_search_index`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use store::{Part, Query as SearchQuery, SearchDoc, Word};
use store_sql::query::insert_rows;
use store_sql::search_query::Matching;
use store_sql::{Query, Value, sql};

/// The weight of each field, in [`store::FIELDS`] order.
const WEIGHTS: [char; 4] = ['A', 'B', 'C', 'D'];

/// The highest position a `tsvector` keeps (later words are all at this one).
const MAX_POSITION: usize = 16_383;

/// The most positions a `tsvector` keeps of one lexeme.
const MAX_POSITIONS_PER_TERM: usize = 256;

/// Writes stories' terms, replacing any they had (an upsert: `_replacing` is not needed).
pub fn put_terms(docs: &[SearchDoc], _replacing: Vec<i64>) -> Vec<Query> {
    let rows = docs
        .iter()
        .map(|doc| vec![Value::from(doc.story_id), Value::from(vector(doc))])
        .collect();
    let cast = |column: usize, n: usize| match column {
        1 => format!("${n}::tsvector"),
        _ => format!("${n}"),
    };
    insert_rows("search_terms", "story_id, terms", rows, cast)
        .map(|mut insert| {
            insert
                .sql
                .to_mut()
                .push_str(" ON CONFLICT (story_id) DO UPDATE SET terms = excluded.terms");
            insert
        })
        .into_iter()
        .collect()
}

/// Removes stories' terms.
pub fn drop_terms(ids: Vec<i64>) -> Query {
    sql!("DELETE FROM search_terms WHERE story_id = ANY($1)", ids)
}

/// The `FROM … WHERE …` of a search matching `$n`.
pub fn search_from(n: usize) -> String {
    format!(
        "FROM search_terms t JOIN stories s ON s.id = t.story_id \
         WHERE t.terms @@ ${n}::tsquery"
    )
}

/// Relevance of the document `terms` for the match `$n`, higher is better: `ts_rank`
/// with the weights of A (headline) to D (body) in the proportions SQLite's `bm25`
/// column weights use.
pub fn rank(terms: &str, n: usize) -> String {
    format!("ts_rank('{{0.1, 0.2, 0.4, 1.0}}', {terms}, ${n}::tsquery)")
}

/// The `tsvector` literal of a document: each word's stem and surface form at the word's
/// position, with its field's weight; fields apart by one empty position, so a phrase
/// never runs from one field into the next.
pub fn vector(doc: &SearchDoc) -> String {
    let mut positions: BTreeMap<&str, Vec<(usize, char)>> = BTreeMap::new();
    let mut position = 1;
    for (field, weight) in doc.fields.iter().zip(WEIGHTS) {
        for (stem, surface) in field.stems.iter().zip(&field.surfaces) {
            let at = position.min(MAX_POSITION);
            for term in [stem, surface] {
                let list = positions.entry(term).or_default();
                if list.len() < MAX_POSITIONS_PER_TERM && list.last() != Some(&(at, weight)) {
                    list.push((at, weight));
                }
            }
            position += 1;
        }
        position += 1;
    }
    let mut vector = String::new();
    for (term, list) in positions {
        if term.is_empty() {
            continue;
        }
        if !vector.is_empty() {
            vector.push(' ');
        }
        vector.push_str(&lexeme(term));
        vector.push(':');
        for (index, (at, weight)) in list.into_iter().enumerate() {
            if index > 0 {
                vector.push(',');
            }
            let _ = write!(vector, "{at}{weight}");
        }
    }
    vector
}

/// The weights of the fields that say what a story is about: headline, standfirst and
/// labels.
const ABOUT: &str = ":ABC";

/// The `tsquery` of a query: every included part (`&`; with [`Matching::Any`] one of
/// them, `|`), none of the excluded ones (`& !`). A word is its stem or its surface form
/// (`|`); a phrase, its words in a row (`<->`), each by either form; a word being typed,
/// its stem or any lexeme its surface form begins (`:*`).
pub fn match_expression(query: &SearchQuery, matching: Matching) -> String {
    let join = if matching == Matching::Any {
        " | "
    } else {
        " & "
    };
    let included = |weights: &str| {
        query
            .include
            .iter()
            .map(|included| part(included, weights))
            .collect::<Vec<_>>()
            .join(join)
    };
    let mut expression = match matching {
        Matching::All | Matching::Any => format!("({})", included("")),
        Matching::About => format!("({})", included(ABOUT)),
        Matching::BodyOnly => format!("({}) & !({})", included(""), included(ABOUT)),
    };
    for excluded in &query.exclude {
        expression.push_str(" & !");
        expression.push_str(&part(excluded, ""));
    }
    expression
}

/// A part of a query, its lexemes restricted to `weights` (`:ABC`) or not (`""`).
fn part(part: &Part, weights: &str) -> String {
    match part {
        Part::Word(word) => either(word, weights),
        // `:*` marks a prefix; the weights follow it (`'parl':*ABC`).
        Part::Prefix(Word { stem, surface }) => format!(
            "({}{weights} | {}:*{})",
            lexeme(stem),
            lexeme(surface),
            weights.trim_start_matches(':')
        ),
        Part::Phrase(words) => format!(
            "({})",
            words
                .iter()
                .map(|word| either(word, weights))
                .collect::<Vec<_>>()
                .join(" <-> ")
        ),
    }
}

fn either(Word { stem, surface }: &Word, weights: &str) -> String {
    if stem == surface {
        format!("{}{weights}", lexeme(stem))
    } else {
        format!("({}{weights} | {}{weights})", lexeme(stem), lexeme(surface))
    }
}

/// A quoted lexeme: in single quotes, with quotes and backslashes doubled.
fn lexeme(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use store::FieldTerms;

    use super::*;

    fn word(stem: &str, surface: &str) -> Word {
        Word {
            stem: stem.into(),
            surface: surface.into(),
        }
    }

    fn field(words: &[(&str, &str)]) -> FieldTerms {
        FieldTerms {
            stems: words.iter().map(|(stem, _)| stem.to_string()).collect(),
            surfaces: words
                .iter()
                .map(|(_, surface)| surface.to_string())
                .collect(),
        }
    }

    #[test]
    fn stems_and_surfaces_share_positions_and_fields_are_weighted_apart() {
        // Headline at 1 and 2, a gap at 3, the empty standfirst's gap at 4, the label at
        // 5, a gap at 6, the body at 7: no phrase runs from one field into the next.
        let doc = SearchDoc {
            story_id: 1,
            fields: [
                field(&[("elect", "elections"), ("loom", "loom")]),
                FieldTerms::default(),
                field(&[("nato", "nato")]),
                field(&[("elect", "elect")]),
            ],
            plain: String::new(),
        };

        assert_eq!(
            vector(&doc),
            "'elect':1A,7D 'elections':1A 'loom':2A 'nato':5C"
        );
    }

    #[test]
    fn any_part_is_enough_for_related_stories() {
        let query = SearchQuery {
            include: vec![
                Part::Word(word("nato", "nato")),
                Part::Word(word("summit", "summit")),
            ],
            exclude: vec![Part::Word(word("draft", "draft"))],
        };

        assert_eq!(
            match_expression(&query, Matching::Any),
            "('nato' | 'summit') & !'draft'"
        );
    }

    #[test]
    fn the_tiers_of_best_match_first_are_the_about_fields_and_the_body() {
        let query = SearchQuery {
            include: vec![Part::Word(word("elect", "elections"))],
            exclude: vec![Part::Word(word("draft", "draft"))],
        };

        assert_eq!(
            match_expression(&query, Matching::About),
            "(('elect':ABC | 'elections':ABC)) & !'draft'"
        );
        assert_eq!(
            match_expression(&query, Matching::BodyOnly),
            "(('elect' | 'elections')) & !(('elect':ABC | 'elections':ABC)) & !'draft'"
        );
    }

    #[test]
    fn a_word_being_typed_matches_its_stem_or_the_lexemes_it_begins() {
        let query = SearchQuery {
            include: vec![Part::Prefix(word("o'parl", "o'parl"))],
            exclude: Vec::new(),
        };

        assert_eq!(
            match_expression(&query, Matching::All),
            "(('o''parl' | 'o''parl':*))"
        );
        assert_eq!(
            match_expression(&query, Matching::About),
            "(('o''parl':ABC | 'o''parl':*ABC))"
        );
    }

    #[test]
    fn queries_are_quoted_lexemes_only() {
        let query = SearchQuery {
            include: vec![
                Part::Word(word("elect", "elections")),
                Part::Phrase(vec![word("grain", "grain"), word("deal", "deals")]),
            ],
            exclude: vec![Part::Word(word("it's", "o\\k"))],
        };

        assert_eq!(
            match_expression(&query, Matching::All),
            "(('elect' | 'elections') & ('grain' <-> ('deal' | 'deals'))) & !('it''s' | 'o\\\\k')"
        );
    }
}
