//! `masthead copy` between SQLite and PostgreSQL, both ways: the demo goes to PostgreSQL
//! and back with every table identical, and both copies serve the same pages.

use std::process::Command;

use masthead::app::Database;
use masthead::copy::digests;

use crate::helpers::{TestData, spawn_app_on, sqlite_demo};

fn copy(from: &str, to: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_masthead"))
        .args(["copy", "--from", from, "--to", to])
        .output()
        .expect("run masthead copy")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Copies a newsroom to PostgreSQL and from there into a new data folder under `back`;
/// returns the two commands' outputs, both checked to have succeeded.
pub fn there_and_back(
    original: &std::path::Path,
    url: &str,
    back: &std::path::Path,
) -> (std::process::Output, std::process::Output) {
    let there = copy(&original.to_string_lossy(), url);
    let again = copy(url, &back.to_string_lossy());
    assert!(there.status.success(), "{}", text(&there.stderr));
    assert!(again.status.success(), "{}", text(&again.stderr));
    (there, again)
}

#[tokio::test]
async fn the_demo_goes_to_postgresql_and_back_unchanged() {
    let Some(postgres) = TestData::empty_on_postgres().await else {
        return;
    };
    let url = postgres.database_url().expect("url").to_string();
    let original = sqlite_demo().await;
    let back = tempfile::tempdir().expect("temp dir");
    let back_dir = back.path().join("newsroom");
    let original_dir = original.path().to_string_lossy().into_owned();

    let (there, _) = there_and_back(original.path(), &url, &back_dir);

    assert!(text(&there.stdout).contains("every table's count and checksum match"));
    assert!(
        text(&there.stderr).contains("100%"),
        "a progress bar: {}",
        text(&there.stderr)
    );
    let from = Database::open(&original_dir)
        .await
        .expect("open the original");
    let via = Database::open(&url)
        .await
        .expect("open the PostgreSQL copy");
    let to = Database::open(&back_dir.to_string_lossy())
        .await
        .expect("open the copy back");
    let expected = digests(&from).await.expect("digests");
    assert!(
        expected
            .iter()
            .any(|(table, digest)| *table == "stories" && digest.rows > 10)
    );
    assert_eq!(digests(&via).await.expect("digests"), expected);
    assert_eq!(digests(&to).await.expect("digests"), expected);
    for database in [from, via, to] {
        database.close().await;
    }
    // The PostgreSQL copy serves what the original serves.
    std::fs::create_dir_all(postgres.path().join("media")).expect("media folder");
    let media = original.path().join("media");
    let original_app = spawn_app_on(original).await;
    crate::helpers::copy_dir(&media, &postgres.path().join("media"));
    let copied_app = spawn_app_on(postgres).await;
    // A copy builds its own search index, whose related stories fill recommendations.
    for app in [&original_app, &copied_app] {
        let search = &app.state.as_ref().expect("in-process app").search;
        let started = std::time::Instant::now();
        while !search.is_complete() {
            assert!(
                started.elapsed().as_secs() < 30,
                "the search index is built"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    let story = original_app.first_story_path("/").await;
    for path in ["/", story.as_str(), "/world", "/ar/"] {
        let a = original_app.get(path).await;
        let b = copied_app.get(path).await;
        assert_eq!((a.status, &a.text), (b.status, &b.text), "{path} differs");
    }
}

#[tokio::test]
async fn copying_into_a_newsroom_that_has_content_is_refused_and_changes_nothing() {
    let first = sqlite_demo().await;
    let second = sqlite_demo().await;
    let first_dir = first.path().to_string_lossy().into_owned();
    let second_dir = second.path().to_string_lossy().into_owned();
    let before = {
        let database = Database::open(&second_dir).await.expect("open");
        let digests = digests(&database).await.expect("digests");
        database.close().await;
        digests
    };

    let refused = copy(&first_dir, &second_dir);
    let same = copy(&first_dir, &first_dir);

    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains("new, empty database"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!same.status.success());
    assert!(text(&same.stderr).contains("same database"));
    let database = Database::open(&second_dir).await.expect("open");
    assert_eq!(digests(&database).await.expect("digests"), before);
}
