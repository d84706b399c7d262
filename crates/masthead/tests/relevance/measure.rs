//! The labelled queries run through the reader search of a newsroom, each scored.

use std::collections::{HashMap, HashSet};

use masthead::service::search::SearchAsk;
use search::Language;
use store::{SearchFilter, SearchOrder, StoryFilter, StoryQuery};

use crate::labels::Labelled;
use crate::newsroom::Newsroom;
use crate::score::{DEPTH, Score, Table};

/// One query's outcome.
pub struct Outcome<'a> {
    /// The query.
    pub query: &'a Labelled,
    /// Its results as `section/slug`, best first.
    pub ranked: Vec<String>,
    /// Their score.
    pub score: Score,
}

/// An edition as the queries need it.
struct Edition {
    id: i64,
    language: Language,
    /// `section/slug` of each story by id.
    keys: HashMap<i64, String>,
}

/// The editions by code, with every published story's `section/slug`.
async fn editions(newsroom: &Newsroom) -> HashMap<String, Edition> {
    let store = &*newsroom.store;
    let mut editions = HashMap::new();
    for edition in store.editions().await.expect("editions") {
        let sections: HashMap<i64, String> = store
            .sections(edition.id)
            .await
            .expect("sections")
            .into_iter()
            .map(|section| (section.id, section.slug))
            .collect();
        let every = StoryQuery::latest(edition.id, StoryFilter::All, 100_000);
        let keys = store
            .teasers(&every)
            .await
            .expect("stories")
            .into_iter()
            .map(|teaser| {
                let section = teaser.section_id.and_then(|id| sections.get(&id));
                let section = section.map_or("", String::as_str);
                (teaser.id, format!("{section}/{}", teaser.slug))
            })
            .collect();
        let language = Language::from_tag(&edition.language);
        editions.insert(
            edition.code,
            Edition {
                id: edition.id,
                language,
                keys,
            },
        );
    }
    editions
}

/// Runs every query as a reader's search (the edition's published stories, best match
/// first, the first page of [`DEPTH`]) and scores it. Panics if a label names no story
/// of its edition: the demo changed, and the set must be labelled again.
pub async fn run<'a>(newsroom: &Newsroom, queries: &'a [Labelled]) -> (Table, Vec<Outcome<'a>>) {
    let editions = editions(newsroom).await;
    let mut table = Table::default();
    let mut outcomes = Vec::new();
    for query in queries {
        let edition = &editions[&query.edition];
        let known: HashSet<&String> = edition.keys.values().collect();
        for key in &query.relevant {
            assert!(
                known.contains(key),
                "{:?}: no story {key} in the {} edition: has the demo changed? \
                 Label again with tools/relevance_labels.py",
                query.text,
                query.edition
            );
        }
        let ask = SearchAsk {
            text: &query.text,
            language: edition.language,
            edition_id: edition.id,
            filter: SearchFilter {
                edition_id: Some(edition.id),
                published_by: Some(jiff::Timestamp::now()),
                stories_only: true,
                ..SearchFilter::default()
            },
            order: SearchOrder::Relevance,
            page_size: DEPTH as u32,
            page: 1,
        };
        let found = newsroom
            .search
            .find(&*newsroom.store, &ask)
            .await
            .expect("a search");
        let ranked: Vec<String> = found
            .stories
            .iter()
            .map(|story| edition.keys[&story.teaser.id].clone())
            .collect();
        let relevant: HashSet<String> = query.relevant.iter().cloned().collect();
        let score = Score::of(&ranked, &relevant);
        let language = match edition.language {
            Language::Arabic => "Arabic",
            _ => "English",
        };
        let mut groups = vec!["Overall", language];
        groups.extend(query.groups.iter().map(String::as_str));
        table.add(&groups, score);
        outcomes.push(Outcome {
            query,
            ranked,
            score,
        });
    }
    (table, outcomes)
}

/// The queries that missed relevant stories in their first page, with what came instead.
pub fn misses(outcomes: &[Outcome<'_>]) -> String {
    let mut out = String::new();
    for outcome in outcomes.iter().filter(|outcome| outcome.score.recall < 1.0) {
        let relevant: HashSet<&String> = outcome.query.relevant.iter().collect();
        out.push_str(&format!(
            "- `{}` ({}): recall@10 {:.2}, nDCG@10 {:.2}; came first: {}\n",
            outcome.query.text,
            outcome.query.edition,
            outcome.score.recall,
            outcome.score.ndcg,
            outcome
                .ranked
                .iter()
                .map(|key| match relevant.contains(key) {
                    true => format!("**{key}**"),
                    false => key.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}
