//! The labelled queries of `queries.toml`: what readers type, and the stories that should
//! come first.

use serde::Deserialize;

/// The labelled set, as the test binary was built with it.
const QUERIES: &str = include_str!("queries.toml");

/// One labelled query.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    /// What the reader types.
    pub text: String,
    /// The code of the edition searched ("en" or "ar").
    pub edition: String,
    /// The groups it counts in besides its edition's language.
    pub groups: Vec<String>,
    /// The judgement, in words.
    #[expect(dead_code, reason = "for the people who read and label the set")]
    pub why: String,
    /// The stories that should come first, as `section/slug`.
    pub relevant: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    query: Vec<Labelled>,
}

/// Every labelled query, in file order.
pub fn queries() -> Vec<Labelled> {
    let file: File = toml::from_str(QUERIES).expect("queries.toml parses");
    file.query
}
