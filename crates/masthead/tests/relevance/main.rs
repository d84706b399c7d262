//! Search relevance, measured (issue 13): the labelled queries of `queries.toml` run
//! through the reader search of the full demo newsroom, scored by nDCG@10 and recall@10,
//! overall and per group.
//!
//! The test below keeps recall@10 at or above the figure README.md states; the benchmark
//! (`./bench-relevance`, the ignored test) prints the whole table, on SQLite and, when it is
//! reachable, PostgreSQL.

mod labels;
mod measure;
mod newsroom;
mod score;

use newsroom::{Backend, Newsroom};

/// The recall@10 over all the labelled queries that search must keep. README.md quotes
/// this figure in its "Search relevance" paragraph: change both together (the test
/// checks that the README states it).
const RECALL_FLOOR: f64 = 0.98;

/// The backend of this test run: PostgreSQL when `MASTHEAD_TEST_BACKEND=postgres`, as for
/// the rest of the suite.
fn test_backend() -> Backend {
    match std::env::var("MASTHEAD_TEST_BACKEND").as_deref() {
        Ok("postgres") => Backend::Postgres(test_support::test_server()),
        _ => Backend::Sqlite,
    }
}

#[tokio::test]
async fn recall_at_10_over_the_labelled_queries_stays_at_the_readme_figure() {
    let queries = labels::queries();
    let newsroom = Newsroom::create(&test_backend()).await;

    let (table, outcomes) = measure::run(&newsroom, &queries).await;

    let (count, overall) = table.mean("Overall");
    assert!(count >= 60, "{count} labelled queries");
    assert!(
        overall.recall >= RECALL_FLOOR,
        "recall@10 {:.3} is below {RECALL_FLOOR}:\n{}",
        overall.recall,
        measure::misses(&outcomes)
    );
    let readme = include_str!("../../../../README.md");
    let stated = format!("recall@10 of at least {RECALL_FLOOR:.2}");
    assert!(
        readme.contains(&stated),
        "README.md does not say {stated:?}"
    );
}

#[tokio::test]
#[ignore = "the benchmark: ./bench-relevance runs it in release mode"]
async fn relevance_table() {
    let queries = labels::queries();
    let mut backends = vec![Backend::Sqlite];
    if let Ok(server) = std::env::var("MASTHEAD_BENCH_POSTGRES") {
        backends.push(Backend::Postgres(server));
    }
    let mut tables = Vec::new();
    let mut details = String::new();
    for backend in &backends {
        let newsroom = Newsroom::create(backend).await;
        let (table, outcomes) = measure::run(&newsroom, &queries).await;
        let (created, indexed) = newsroom.seconds;
        let misses = measure::misses(&outcomes);
        details.push_str(&format!(
            "\n{}: the demo made in {created:.1} s, indexed in {indexed:.1} s; queries that \
             missed relevant stories in their first page:\n\n{}",
            backend.name(),
            if misses.is_empty() {
                "- none\n"
            } else {
                &misses
            }
        ));
        tables.push((backend.name(), table));
    }

    let runs: Vec<(&str, &score::Table)> =
        tables.iter().map(|(name, table)| (*name, table)).collect();
    let report = format!(
        "Search relevance: {} labelled queries over the full demo newsroom, reader search \
         (published stories, best match first); means per group\n\n{}{details}",
        queries.len(),
        score::markdown(&runs)
    );
    println!("{report}");
    if let Ok(path) = std::env::var("MASTHEAD_RELEVANCE_REPORT") {
        std::fs::write(&path, &report).expect("write the report");
    }
}
