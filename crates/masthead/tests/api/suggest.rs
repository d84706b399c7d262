//! The editor's type-ahead answers under `/admin/suggest/`: sections, topics, keywords,
//! bylines and stories, within the account's rights, with bad queries refused clearly;
//! and stories saved with any number of bylines.

use std::time::{Duration, Instant};

use serde_json::Value;
use store::{CreditRef, Role, StoryId};

use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app};

/// The results of a suggestion request that must succeed.
async fn results(desk: &Desk<'_>, path: &str) -> Vec<Value> {
    let page = desk.get(path).await;
    assert_eq!(page.status, 200, "{path}: {}", page.text);
    let json: Value = serde_json::from_str(&page.text).expect("JSON");
    let results = json["results"].as_array().expect("a results list").clone();
    assert!(results.len() <= 10, "{path}: at most ten");
    results
}

fn values(results: &[Value], key: &str) -> Vec<String> {
    results
        .iter()
        .map(|result| match &result[key] {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// Asks for story suggestions every 50 ms for at most a second (the index follows saves
/// in the background); returns the headlines of the last answer.
async fn stories_within_a_second(desk: &Desk<'_>, query: &str, expected: &str) -> Vec<String> {
    let started = Instant::now();
    loop {
        let found = values(
            &results(desk, &format!("/admin/suggest/stories?q={query}")).await,
            "headline",
        );
        if found.iter().any(|headline| headline == expected)
            || started.elapsed() > Duration::from_secs(1)
        {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn first_edition(app: &TestApp) -> i64 {
    app.store().await.editions().await.expect("editions")[0].id
}

#[tokio::test]
async fn sections_topics_and_bylines_are_suggested_by_what_was_typed() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let store = app.store().await;
    let edition = first_edition(&app).await;
    let section = app.a_section_id().await;
    let section_name = store.sections(edition).await.expect("sections").into_iter();
    let section_name = section_name
        .filter(|s| s.id == section)
        .map(|s| s.name)
        .next()
        .expect("the section");
    let topic = store
        .edition_topics(edition)
        .await
        .expect("topics")
        .remove(0);
    let author = store.all_authors().await.expect("authors").remove(0);

    let sections = results(
        &reporter,
        &format!(
            "/admin/suggest/sections?edition={edition}&q={}",
            &section_name
        ),
    )
    .await;
    let topics = results(
        &reporter,
        &format!("/admin/suggest/topics?edition={edition}&q={}", &topic.name),
    )
    .await;
    let agencies = results(&reporter, "/admin/suggest/bylines?q=reu").await;
    let authors = results(
        &reporter,
        &format!("/admin/suggest/bylines?q={}", &author.name[..4]),
    )
    .await;

    assert!(
        values(&sections, "value").contains(&section.to_string()),
        "{sections:?}"
    );
    assert!(
        values(&sections, "label")[0].contains(" › "),
        "the trail is shown"
    );
    assert!(
        values(&topics, "value").contains(&topic.id.to_string()),
        "{topics:?}"
    );
    assert_eq!(values(&agencies, "label"), ["Reuters"]);
    assert_eq!(values(&agencies, "kind"), ["agency"]);
    assert!(
        values(&authors, "value").contains(&format!("a:{}", author.id)),
        "{authors:?}"
    );
}

#[tokio::test]
async fn keywords_in_use_are_suggested_in_their_edition_only() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let editions = app.store().await.editions().await.expect("editions");
    let story = editor
        .create_story("Harbour cranes", app.a_section_id().await)
        .await;

    let saved = editor
        .save(story, &[("keywords", "Zeppelin port, cranes")], "save")
        .await;

    assert!(saved.status < 400, "{}", saved.text);
    let here = format!("/admin/suggest/keywords?edition={}&q=zepp", editions[0].id);
    assert_eq!(
        values(&results(&editor, &here).await, "value"),
        ["Zeppelin port"]
    );
    let there = format!("/admin/suggest/keywords?edition={}&q=zepp", editions[1].id);
    assert!(
        results(&editor, &there).await.is_empty(),
        "another edition's"
    );
}

#[tokio::test]
async fn story_suggestions_find_headlines_but_never_another_reporters_draft() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    let theirs = editor.create_story("Quokka census begins", section).await;
    let mine = reporter
        .create_story("Quokka sanctuary expands", section)
        .await;

    let reporter_sees =
        stories_within_a_second(&reporter, "quokka", "Quokka sanctuary expands").await;
    let editor_sees = stories_within_a_second(&editor, "quokka", "Quokka census begins").await;
    let by_id = results(
        &reporter,
        &format!("/admin/suggest/stories?ids={mine},{theirs}"),
    )
    .await;

    assert!(editor_sees.contains(&"Quokka census begins".to_string()));
    assert!(editor_sees.contains(&"Quokka sanctuary expands".to_string()));
    assert_eq!(reporter_sees, ["Quokka sanctuary expands"]);
    assert_eq!(
        values(&by_id, "id"),
        [mine.to_string()],
        "only what they may see"
    );
    assert_eq!(values(&by_id, "status"), ["draft"]);
    assert_eq!(values(&by_id, "status_label"), ["Draft"]);
    assert!(by_id[0]["section"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(by_id[0]["updated"]["iso"].as_str().is_some(), "dated");

    let set = reporter
        .post("/admin/language", &[("language", "ar")])
        .await;
    assert_eq!(set.status, 303, "{}", set.text);
    let in_arabic = results(&reporter, &format!("/admin/suggest/stories?ids={mine}")).await;
    assert_eq!(
        values(&in_arabic, "status_label"),
        ["مسودة"],
        "its state in Arabic"
    );
}

#[tokio::test]
async fn empty_huge_and_hostile_queries_get_an_answer_or_a_clear_refusal() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let huge = "a".repeat(201);
    let cases: &[(&str, &str, u16)] = &[
        ("q=", "nothing typed", 200),
        ("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "markup", 200),
        ("q=%27%3B+DROP+TABLE+stories%3B+--", "SQL", 200),
        ("q=%22unclosed", "an open phrase", 200),
        ("q=NEAR(a+b)+OR+*+title%3Ax", "FTS operators", 200),
        ("q=%25%25_", "LIKE wildcards", 200),
        ("q=..%2F..%2Fetc%2Fpasswd", "a path", 200),
        ("q=%00%01", "control characters", 200),
        (&format!("q={huge}"), "longer than 200 characters", 400),
        ("ids=abc", "an id that is no number", 400),
        ("ids=-3", "a negative id", 400),
        ("ids=1,2,3,4,5,6,7,8,9,10,11", "more than ten ids", 400),
        ("edition=999999&q=a", "no such edition", 404),
        ("edition=x", "an edition that is no number", 400),
    ];

    for (query, reason, status) in cases {
        for kind in ["sections", "topics", "keywords", "bylines", "stories"] {
            let path = format!("/admin/suggest/{kind}?{query}");
            let page = editor.get(&path).await;
            let expected = match (*status, kind) {
                (400, "sections" | "topics" | "keywords" | "bylines")
                    if query.starts_with("ids") =>
                {
                    200
                }
                (404, "bylines") => 200,
                _ => *status,
            };
            assert_eq!(page.status, expected, "{kind}, {reason}: {}", page.text);
            if expected == 200 {
                let json: Value = serde_json::from_str(&page.text).expect("JSON");
                assert!(json["results"].as_array().is_some_and(|r| r.len() <= 10));
            }
        }
    }
}

#[tokio::test]
async fn suggestions_are_for_logged_in_accounts_only() {
    let app = spawn_app().await;

    for kind in ["sections", "topics", "keywords", "bylines", "stories"] {
        let page = app.get(&format!("/admin/suggest/{kind}?q=a")).await;

        assert!(matches!(page.status, 303 | 401), "{kind}: {}", page.status);
        assert!(!page.text.contains("results"), "{kind}");
    }
}

async fn stored_credits(app: &TestApp, story: i64) -> Vec<CreditRef> {
    let store = app.store().await;
    store::Newsroom::newsroom_story(&*store, StoryId(story))
        .await
        .expect("read")
        .expect("story")
        .fields
        .credits
}

#[tokio::test]
async fn a_story_keeps_six_bylines_and_loses_the_removed_ones() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Six reporters", app.a_section_id().await)
        .await;
    let store = app.store().await;
    let authors = store.all_authors().await.expect("authors");
    let agencies = store.all_agencies().await.expect("agencies");
    let who: Vec<String> = authors[..4]
        .iter()
        .map(|a| format!("a:{}", a.id))
        .chain(agencies[..2].iter().map(|g| format!("g:{}", g.id)))
        .collect();
    // Rows numbered with gaps, as the script leaves them after removing rows.
    let rows = [0, 1, 3, 4, 8, 12];
    let names: Vec<(String, String)> = rows
        .iter()
        .map(|row| (format!("credit_{row}_who"), format!("credit_{row}_role")))
        .collect();
    let mut six: Vec<(&str, &str)> = Vec::new();
    for ((who_name, role_name), who) in names.iter().zip(&who) {
        six.push((who_name, who));
        six.push((role_name, "reported_by"));
    }

    let saved = editor.save(story, &six, "save").await;

    assert!(saved.status < 400, "{}", saved.text);
    let credits = stored_credits(&app, story).await;
    assert_eq!(credits.len(), 6, "{credits:?}");
    assert!(matches!(credits[5], CreditRef::Agency(..)));
    let form = editor.get(&format!("/admin/stories/{story}")).await;
    assert_eq!(
        form.attrs("select[name$=_who]", "name").len(),
        8,
        "two blank rows"
    );

    let fields: Vec<(String, String)> = editor
        .editor_fields(story)
        .await
        .into_iter()
        .filter(|(name, _)| !name.starts_with("credit_") || name.starts_with("credit_1_"))
        .collect();
    let mut form: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form.push(("action", "save"));
    let removed = editor.post(&format!("/admin/stories/{story}"), &form).await;

    assert!(removed.status < 400, "{}", removed.text);
    assert_eq!(
        stored_credits(&app, story).await.len(),
        1,
        "only the kept row"
    );
}

#[tokio::test]
async fn more_than_twenty_bylines_are_refused_with_the_text_kept() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Crowded byline", app.a_section_id().await)
        .await;
    let author = app.store().await.all_authors().await.expect("authors")[0].id;
    let who = format!("a:{author}");
    let names: Vec<String> = (0..21).map(|row| format!("credit_{row}_who")).collect();
    let many: Vec<(&str, &str)> = names
        .iter()
        .map(|name| (name.as_str(), who.as_str()))
        .collect();

    let page = editor.save(story, &many, "save").await;

    assert_eq!(page.status, 422, "{}", page.text);
    assert!(page.text.contains("at most 20 bylines"), "a clear message");
    assert!(page.text.contains("Crowded byline"), "the text is kept");
}
