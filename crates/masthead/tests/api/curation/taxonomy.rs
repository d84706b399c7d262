//! Keywords and topics: merges and renames keep old pages answering; hostile names are
//! cleaned, escaped or refused.

use masthead::service::site::Site;
use store::{KeywordQuery, Role, StoryFilter, StoryQuery};

use super::{edition_id, poll};
use crate::helpers::spawn_app;

#[tokio::test]
async fn merging_keywords_moves_their_stories_and_redirects_the_old_page() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let edition = edition_id(&*store).await;
    let query = KeywordQuery {
        edition_id: edition,
        search: String::new(),
        limit: 500,
        offset: 0,
    };
    let counts = store.keyword_counts(&query).await.expect("keywords");
    let mut used = counts.iter().filter(|k| k.stories > 0);
    let (from, into) = (
        used.next().expect("a keyword"),
        used.next().expect("another"),
    );
    let story = store
        .teasers(&StoryQuery::latest(
            edition,
            StoryFilter::Keyword(from.keyword.id),
            1,
        ))
        .await
        .expect("teasers")
        .remove(0);

    let form = [
        ("from", from.keyword.slug.as_str()),
        ("into", into.keyword.name.as_str()),
    ];
    let merged = editor.post("/admin/keywords/merge?edition=1", &form).await;

    assert_eq!(merged.status, 303, "{}", merged.text);
    let old = format!("/keyword/{}", from.keyword.slug);
    let page = poll(&app, &old, |page| page.status == 301).await;
    assert_eq!(page.location(), format!("/keyword/{}", into.keyword.slug));
    let after = store.keyword_counts(&query).await.expect("keywords");
    assert!(after.iter().all(|k| k.keyword.id != from.keyword.id));
    let site = Site::load(&*store).await.expect("site");
    let story_page = app.get(&site.story_path(&story)).await;
    assert!(story_page.texts(".keywords a").contains(&into.keyword.name));
    let same = [
        ("from", into.keyword.slug.as_str()),
        ("into", into.keyword.slug.as_str()),
    ];
    assert_eq!(
        editor
            .post("/admin/keywords/merge?edition=1", &same)
            .await
            .status,
        422
    );
    let listed = editor
        .get(&format!("/admin/keywords?q={}", into.keyword.slug))
        .await;
    assert!(listed.text.contains(&into.keyword.slug));
}

#[tokio::test]
async fn topics_are_created_renamed_and_keep_their_old_address() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let hostile = [
        (
            "name",
            "<script>alert(1)</script> Cli\u{0}mate\u{202E}\tcrisis",
        ),
        ("description", ""),
    ];

    let created = editor.post("/admin/topics?edition=1", &hostile).await;

    assert_eq!(created.status, 303, "{}", created.text);
    let page = editor.get("/admin/topics?edition=1").await;
    assert!(page.text.contains("&lt;script&gt;") && !page.text.contains("<script>alert"));
    let names = page.attrs("input[name=name]", "value");
    assert!(
        names.contains(&"<script>alert(1)</script> Climate crisis".to_string()),
        "{names:?}"
    );
    let huge = "x".repeat(1024 * 1024);
    let refused = editor
        .post("/admin/topics?edition=1", &[("name", &huge)])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.texts("[role=alert]")[0].contains("at most 100 characters"));
    let edition = edition_id(&*store).await;
    let topic = store
        .edition_topics(edition)
        .await
        .expect("topics")
        .remove(0);
    let rename = format!("/admin/topics/{}?edition=1", topic.id);
    let form = [
        ("name", "Renamed"),
        ("slug", "renamed-topic"),
        ("description", "New"),
    ];
    assert_eq!(editor.post(&rename, &form).await.status, 303);
    let old = format!("/topic/{}", topic.slug);
    let moved = poll(&app, &old, |page| page.status == 301).await;
    assert_eq!(moved.location(), "/topic/renamed-topic");
}
