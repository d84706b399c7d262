//! The search index on SQLite: an FTS5 table with one column per field for stems and one
//! for surface forms (see the migration `create_search_index`), matched with an FTS5
//! expression made only of quoted terms.

use store::{FieldTerms, Part, Query as SearchQuery, SearchDoc, Word};
use store_sql::query::{insert_rows, placeholder};
use store_sql::search_query::Matching;
use store_sql::{Query, Value, sql};

/// Column weights for ranking (`bm25`, [`crate::rank`]), in the table's column order:
/// a headline match counts ten times a body match, the standfirst four, the labels
/// (topics, keywords, bylines) two.
pub const WEIGHTS: [f64; 8] = [10.0, 10.0, 4.0, 4.0, 2.0, 2.0, 1.0, 1.0];

/// Writes stories' rows of the FTS5 table, deleting first those it has (`replacing`).
pub fn put_terms(docs: &[SearchDoc], replacing: Vec<i64>) -> Vec<Query> {
    let rows = docs
        .iter()
        .map(|doc| {
            let mut row = vec![Value::from(doc.story_id)];
            for FieldTerms { stems, surfaces } in &doc.fields {
                row.push(Value::from(stems.join(" ")));
                row.push(Value::from(surfaces.join(" ")));
            }
            row
        })
        .collect();
    let insert = insert_rows(
        "search_fts",
        "rowid, headline_stems, headline_words, standfirst_stems, standfirst_words, \
         labels_stems, labels_words, body_stems, body_words",
        rows,
        placeholder,
    );
    let Some(insert) = insert else {
        return Vec::new();
    };
    if replacing.is_empty() {
        vec![insert]
    } else {
        vec![drop_terms(replacing), insert]
    }
}

/// Removes stories' rows from the FTS5 table.
pub fn drop_terms(ids: Vec<i64>) -> Query {
    sql!(
        "DELETE FROM search_fts WHERE rowid IN (SELECT value FROM json_each($1))",
        ids
    )
}

/// The `FROM … WHERE …` of a search matching `$n`.
pub fn search_from(n: usize, after: Option<usize>) -> String {
    let mut from = format!(
        "FROM search_fts JOIN stories s ON s.id = search_fts.rowid \
         WHERE search_fts MATCH ${n}"
    );
    if let Some(after) = after {
        from.push_str(&format!(" AND search_fts.rowid > ${after}"));
    }
    from
}

/// Relevance, higher is better (FTS5's `bm25` is lower for better matches).
pub fn search_rank(_n: usize) -> String {
    let weights: Vec<String> = WEIGHTS.iter().map(|weight| format!("{weight:?}")).collect();
    format!("-bm25(search_fts, {})", weights.join(", "))
}

/// The columns of the fields that say what a story is about: headline, standfirst and
/// labels.
const ABOUT: &str = "{headline_stems headline_words standfirst_stems standfirst_words \
                     labels_stems labels_words}";

/// The FTS5 expression of a query: every included part (or with [`Matching::Any`] one
/// of them), and none of the excluded ones. A word matches its stem or its surface form;
/// a phrase, its stems or its surface forms in a row; a word being typed, its stem or any
/// word its surface form begins.
pub fn match_expression(query: &SearchQuery, matching: Matching) -> String {
    let parts: Vec<String> = query.include.iter().map(part).collect();
    let included = parts.join(if matching == Matching::Any {
        " OR "
    } else {
        " AND "
    });
    let mut expression = match matching {
        Matching::All | Matching::Any => format!("({included})"),
        Matching::About => format!("({ABOUT} : ({included}))"),
        Matching::BodyOnly => format!("(({included}) NOT {ABOUT} : ({included}))"),
    };
    for excluded in &query.exclude {
        expression.push_str(" NOT ");
        expression.push_str(&part(excluded));
    }
    expression
}

fn part(part: &Part) -> String {
    let (stems, surfaces): (Vec<&str>, Vec<&str>) = match part {
        // FTS5's prefix token: the quoted string's last token, followed by `*`.
        Part::Prefix(word) => {
            return format!(
                "({} OR {}*)",
                quoted(&[&word.stem]),
                quoted(&[&word.surface])
            );
        }
        Part::Word(word) => (vec![&word.stem], vec![&word.surface]),
        Part::Phrase(words) => words
            .iter()
            .map(|Word { stem, surface }| (stem.as_str(), surface.as_str()))
            .unzip(),
    };
    let (stems, surfaces) = (quoted(&stems), quoted(&surfaces));
    if stems == surfaces {
        stems
    } else {
        format!("({stems} OR {surfaces})")
    }
}

/// An FTS5 string: the words in double quotes, any double quote doubled.
fn quoted(words: &[&str]) -> String {
    format!("\"{}\"", words.join(" ").replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(stem: &str, surface: &str) -> Word {
        Word {
            stem: stem.into(),
            surface: surface.into(),
        }
    }

    #[test]
    fn words_match_their_stem_or_surface_and_exclusions_are_not() {
        let query = SearchQuery {
            include: vec![
                Part::Word(word("elect", "elections")),
                Part::Phrase(vec![word("grain", "grain"), word("deal", "deals")]),
                Part::Word(word("nato", "nato")),
            ],
            exclude: vec![Part::Word(word("russia", "russia"))],
        };

        assert_eq!(
            match_expression(&query, Matching::All),
            "((\"elect\" OR \"elections\") AND (\"grain deal\" OR \"grain deals\") \
             AND \"nato\") NOT \"russia\""
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
            "(\"nato\" OR \"summit\") NOT \"draft\""
        );
    }

    #[test]
    fn the_tiers_of_best_match_first_are_the_about_fields_and_the_body() {
        let query = SearchQuery {
            include: vec![Part::Word(word("nato", "nato"))],
            exclude: vec![Part::Word(word("draft", "draft"))],
        };
        let about = "{headline_stems headline_words standfirst_stems standfirst_words \
                     labels_stems labels_words}";

        assert_eq!(
            match_expression(&query, Matching::About),
            format!("({about} : (\"nato\")) NOT \"draft\"")
        );
        assert_eq!(
            match_expression(&query, Matching::BodyOnly),
            format!("((\"nato\") NOT {about} : (\"nato\")) NOT \"draft\"")
        );
    }

    #[test]
    fn a_word_being_typed_matches_its_stem_or_the_words_it_begins() {
        let query = SearchQuery {
            include: vec![
                Part::Word(word("harbour", "harbour")),
                Part::Prefix(word("parlia", "parlia")),
            ],
            exclude: Vec::new(),
        };

        assert_eq!(
            match_expression(&query, Matching::All),
            "(\"harbour\" AND (\"parlia\" OR \"parlia\"*))"
        );
    }

    #[test]
    fn a_quote_in_a_term_stays_inside_its_string() {
        let query = SearchQuery {
            include: vec![Part::Word(word("a\"b", "a\"b"))],
            exclude: Vec::new(),
        };

        assert_eq!(match_expression(&query, Matching::All), "(\"a\"\"b\")");
    }
}
