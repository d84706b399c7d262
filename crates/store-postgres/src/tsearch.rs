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

/// What a search reads of each match: its story's id, its terms and the filter columns
/// of its story, named as in `stories`.
const COLUMNS: &str = "story_id AS id, terms, about, edition_id, status, published_at, kind, \
                       section_id, owner_id, updated_at";

/// The `FROM … WHERE …` of a search matching `$n`, made for `matching` of `query`: the
/// index's rows as the stories (`s`) of the search's filters, each with its story's id
/// and the filter columns the index keeps up to date with the story (see the migration
/// `search_terms_filters`), so no match is looked up among the stories. The
/// about tier matches the `about` column (the headline's, standfirst's and labels' terms,
/// see the migration `search_about_terms`) and the body tier leaves its matches out:
/// the GIN indexes answer both exactly, where a match restricted by weight (`'nato':ABC`)
/// made PostgreSQL read every candidate's whole `tsvector` from TOAST to check it (0.5 s
/// for a city 61,000 of 100,000 stories name). A query's excluded parts are looked for
/// in every field, so the about tier matches `terms` too when it has any.
///
/// The match is read in a subquery of its own (`OFFSET 0` keeps the planner from merging
/// the filters into it), so that it can only come from the GIN indexes: otherwise the
/// planner may instead walk the index's primary key in id order and check each story's
/// terms, read from TOAST (100 ms at 10,000 stories against 1 ms). For the
/// same reason the window (`after`) is checked inside the subquery only where the about
/// column alone is matched, which is small and kept in the row: for the body tier the
/// window inside made the planner read every body in it (160 ms at 100,000 stories).
pub fn search_from(
    n: usize,
    query: &SearchQuery,
    matching: Matching,
    after: Option<usize>,
) -> String {
    let terms = format!("t.terms @@ ${n}::tsquery");
    let about = format!("t.about @@ ${n}::tsquery");
    let mut condition = match matching {
        Matching::All | Matching::Any => terms,
        Matching::About if query.exclude.is_empty() => about,
        Matching::About => format!("{about} AND {terms}"),
        Matching::BodyOnly => format!("{terms} AND NOT {about}"),
    };
    let mut outside = String::new();
    if let Some(after) = after {
        if matching == Matching::About && query.exclude.is_empty() {
            condition.push_str(&format!(" AND t.story_id > ${after}"));
        } else {
            outside = format!(" AND s.id > ${after}");
        }
    }
    format!(
        "FROM (SELECT {COLUMNS} FROM search_terms t WHERE {condition} OFFSET 0) s WHERE TRUE{outside}"
    )
}

/// Relevance of the document `terms` for the match `$n`, higher is better: `ts_rank`
/// with the weights of A (headline) to D (body) in the proportions SQLite's `bm25`
/// column weights use.
pub fn rank(terms: &str, n: usize) -> String {
    format!("ts_rank('{{0.1, 0.2, 0.4, 1.0}}', {terms}, ${n}::tsquery)")
}

/// What the pool of a tier of `matching` selects beside each id, and a pooled story's
/// (`pool.id`) relevance, ranked over the fields the tier matched in. The about tier's
/// `about` column is small and kept in the row, so it is carried through the sort that
/// cuts the pool; every term of a story is read by its id once the pool is cut (carrying
/// each match's whole `tsvector`, from TOAST, through the sort spilled to disk).
pub fn pool_rank(n: usize, matching: Matching) -> (String, String) {
    if matching == Matching::About {
        return (
            ", s.about AS about".into(),
            format!("CAST({} AS DOUBLE PRECISION)", rank("pool.about", n)),
        );
    }
    (
        String::new(),
        format!(
            "(SELECT CAST({} AS DOUBLE PRECISION) FROM search_terms ranked \
              WHERE ranked.story_id = pool.id)",
            rank("ranked.terms", n)
        ),
    )
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

/// The `tsquery` of a query: every included part (`&`; with [`Matching::Any`] one of
/// them, `|`), none of the excluded ones (`& !`). A word is its stem or its surface form
/// (`|`); a phrase, its words in a row (`<->`), each by either form; a word being typed,
/// its stem or any lexeme its surface form begins (`:*`). The tiers of best match first
/// differ by the column they match ([`search_from`]), not by the expression.
pub fn match_expression(query: &SearchQuery, matching: Matching) -> String {
    let join = if matching == Matching::Any {
        " | "
    } else {
        " & "
    };
    let included: Vec<String> = query.include.iter().map(part).collect();
    let mut expression = format!("({})", included.join(join));
    for excluded in &query.exclude {
        expression.push_str(" & !");
        expression.push_str(&part(excluded));
    }
    expression
}

fn part(part: &Part) -> String {
    match part {
        Part::Word(word) => either(word),
        // `:*` marks a prefix.
        Part::Prefix(Word { stem, surface }) => {
            format!("({} | {}:*)", lexeme(stem), lexeme(surface))
        }
        Part::Phrase(words) => format!(
            "({})",
            words.iter().map(either).collect::<Vec<_>>().join(" <-> ")
        ),
    }
}

fn either(Word { stem, surface }: &Word) -> String {
    if stem == surface {
        lexeme(stem)
    } else {
        format!("({} | {})", lexeme(stem), lexeme(surface))
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
    fn the_tiers_of_best_match_first_match_the_about_column_or_leave_it_out() {
        let word_alone = SearchQuery {
            include: vec![Part::Word(word("elect", "elections"))],
            exclude: Vec::new(),
        };
        let excluding = SearchQuery {
            include: word_alone.include.clone(),
            exclude: vec![Part::Word(word("draft", "draft"))],
        };
        let from = |condition: &str| {
            format!(
                "FROM (SELECT {COLUMNS} FROM search_terms t WHERE {condition} OFFSET 0) s \
                 WHERE TRUE"
            )
        };

        assert_eq!(
            match_expression(&excluding, Matching::About),
            match_expression(&excluding, Matching::All)
        );
        assert_eq!(
            match_expression(&excluding, Matching::BodyOnly),
            "(('elect' | 'elections')) & !'draft'"
        );
        assert_eq!(
            search_from(1, &word_alone, Matching::About, None),
            from("t.about @@ $1::tsquery")
        );
        // What a story must not say, it must say nowhere, not only in the about fields.
        assert_eq!(
            search_from(1, &excluding, Matching::About, None),
            from("t.about @@ $1::tsquery AND t.terms @@ $1::tsquery")
        );
        assert_eq!(
            search_from(1, &word_alone, Matching::BodyOnly, None),
            from("t.terms @@ $1::tsquery AND NOT t.about @@ $1::tsquery")
        );
        // The window narrows the about tier's match; the body tier's, once matched.
        assert_eq!(
            search_from(1, &word_alone, Matching::About, Some(2)),
            from("t.about @@ $1::tsquery AND t.story_id > $2")
        );
        assert_eq!(
            search_from(1, &word_alone, Matching::BodyOnly, Some(2)),
            format!(
                "{} AND s.id > $2",
                from("t.terms @@ $1::tsquery AND NOT t.about @@ $1::tsquery")
            )
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
