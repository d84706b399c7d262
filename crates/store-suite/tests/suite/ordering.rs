//! Orders and matches that differ between databases unless a backend pins them: names
//! sort in byte order, missing times sort last in newest-first lists, and searches ignore
//! the case of ASCII letters only.

use jiff::{SignedDuration, Timestamp};
use store::*;

use crate::backend::{account, english_edition as edition};

async fn names_sort_in_byte_order(store: &dyn Store) {
    let edition_id = edition(store).await;
    for (number, name) in ["bob", "Émile", "Zoe", "alice", "Alice"].iter().enumerate() {
        account(
            store,
            format!("{number}@example.org"),
            (*name).into(),
            Role::Reporter,
        )
        .await;
        store
            .ensure_keyword(edition_id, &format!("k{number}"), name)
            .await
            .expect("keyword");
    }
    let all = KeywordQuery {
        edition_id,
        search: String::new(),
        limit: 10,
        offset: 0,
    };

    let users = store.users().await.expect("users");
    let keywords = store.keyword_counts(&all).await.expect("keywords");

    let names: Vec<&str> = users.iter().map(|user| user.name.as_str()).collect();
    assert_eq!(names, ["Alice", "Zoe", "alice", "bob", "Émile"]);
    let names: Vec<&str> = keywords.iter().map(|k| k.keyword.name.as_str()).collect();
    assert_eq!(names, ["Alice", "Zoe", "alice", "bob", "Émile"]);
}

async fn searches_ignore_the_case_of_ascii_letters_only(store: &dyn Store) {
    let edition_id = edition(store).await;
    store
        .ensure_keyword(edition_id, "nato", "NATO")
        .await
        .expect("keyword");
    store
        .ensure_keyword(edition_id, "aerzte", "Ärzte")
        .await
        .expect("keyword");
    let search = |search: &str| KeywordQuery {
        edition_id,
        search: search.into(),
        limit: 10,
        offset: 0,
    };

    let nato = store.count_keywords(&search("Nato")).await.expect("count");
    let upper = store.count_keywords(&search("ÄRZTE")).await.expect("count");
    let lower = store.count_keywords(&search("ärzte")).await.expect("count");

    assert_eq!(nato, 1);
    assert_eq!(
        upper, 1,
        "ÄRZTE matches Ärzte: only the ASCII letters differ"
    );
    assert_eq!(lower, 0, "ä is not Ä: only ASCII letters are folded");
}

async fn newest_first_lists_put_stories_without_a_publish_time_last(store: &dyn Store) {
    let edition_id = edition(store).await;
    let section = store
        .create_section(&NewSection {
            edition_id,
            parent_id: None,
            slug: "world".into(),
            name: "World".into(),
            description: String::new(),
            position: 0,
        })
        .await
        .expect("section");
    let now = Timestamp::now();
    for (slug, published_at) in [
        ("undated", None),
        ("older", Some(now - SignedDuration::from_mins(10))),
        ("newer", Some(now)),
    ] {
        store
            .create_story(&NewStory {
                edition_id,
                status: StoryStatus::Published,
                owner_id: None,
                published_at,
                updated_at: now,
                fields: StoryFields {
                    headline: slug.into(),
                    slug: slug.into(),
                    section_id: Some(section),
                    ..StoryFields::default()
                },
            })
            .await
            .expect("story");
    }

    let teasers = store
        .teasers(&StoryQuery::latest(edition_id, StoryFilter::All, 10))
        .await
        .expect("teasers");

    let slugs: Vec<&str> = teasers.iter().map(|teaser| teaser.slug.as_str()).collect();
    assert_eq!(slugs, ["newer", "older", "undated"]);
}

crate::on_both_backends!(
    names_sort_in_byte_order,
    searches_ignore_the_case_of_ascii_letters_only,
    newest_first_lists_put_stories_without_a_publish_time_last,
);
