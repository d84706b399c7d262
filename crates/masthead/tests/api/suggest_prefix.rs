//! The story type-ahead reads the last word as the start of a word while it is being
//! typed ("parlia" finds "Parliament"), from the analyzer's words alone: operators and
//! quotes typed into it are no query syntax. The same on SQLite and PostgreSQL.

use std::time::{Duration, Instant};

use serde_json::Value;
use store::Role;

use crate::desk::Desk;
use crate::helpers::spawn_app;

/// The headlines suggested for `typed`, sorted.
async fn suggested(desk: &Desk<'_>, typed: &str) -> Vec<String> {
    let path = format!("/admin/suggest/stories?q={}", urlencoding(typed));
    let page = desk.get(&path).await;
    assert_eq!(page.status, 200, "{typed:?}: {}", page.text);
    let json: Value = serde_json::from_str(&page.text).expect("JSON");
    let mut found: Vec<String> = json["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| result["headline"].as_str().expect("a headline").to_string())
        .collect();
    found.sort();
    found
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (byte as char).to_string(),
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn the_word_being_typed_finds_the_words_it_begins_and_nothing_typed_is_syntax() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    for headline in [
        "Quorvexia assembly votes on the budget",
        "Quorvexian recess begins",
        "Quoll zebrine marathon",
    ] {
        editor.create_story(headline, section).await;
    }
    let started = Instant::now();
    while suggested(&editor, "zebrine").await.is_empty() {
        assert!(started.elapsed() < Duration::from_secs(5), "not indexed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let both = [
        "Quorvexia assembly votes on the budget",
        "Quorvexian recess begins",
    ];
    let votes = ["Quorvexia assembly votes on the budget"];
    let none: [&str; 0] = [];

    let cases: &[(&str, &[&str], &str)] = &[
        ("quorv", &both, "the start of a word"),
        ("QUORV", &both, "in any case"),
        ("budget quorv", &votes, "earlier words are whole words"),
        ("quorvexia budg", &votes, "only the last word is a prefix"),
        (
            "quorvexian ",
            &["Quorvexian recess begins"],
            "a whole word begins itself (the field trims the space)",
        ),
        ("q", &none, "one letter is too short to be a prefix"),
        ("quorv*", &both, "a typed * is no operator"),
        (
            "quorv\"*",
            &none,
            "after a quote nothing is being typed as a word",
        ),
        ("\"quorv", &none, "a phrase is whole words"),
        ("-quorv", &none, "an exclusion alone finds nothing"),
        (
            "zebrine -quorv",
            &["Quoll zebrine marathon"],
            "an exclusion is whole",
        ),
        ("NEAR(quorv", &none, "NEAR is a word no story has"),
        ("zebrine OR quorv", &none, "OR is a word too"),
        ("quorv'; DROP TABLE stories; --", &none, "SQL is words"),
        ("headline_words:quorv", &none, "no column filters"),
        ("quorv)", &both, "a bracket is a separator"),
    ];

    for (typed, expected, reason) in cases {
        assert_eq!(
            suggested(&editor, typed).await,
            *expected,
            "{typed:?}: {reason}"
        );
    }
    assert_eq!(
        suggested(&editor, "quorv").await,
        both,
        "the stories are still there"
    );
}
