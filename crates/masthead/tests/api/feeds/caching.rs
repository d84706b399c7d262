//! Feeds and the page cache: conditional requests answered with 304 until a story in the
//! feed changes, ids that outlive headlines and slugs, and renames that reach every feed
//! showing them.

use std::time::Duration;

use serde_json::Value;
use store::Role;

use super::BASE;
use super::read::{feedparser, header, read_feed, send};
use crate::editor::{public_path, within};
use crate::helpers::{Page, TestApp, spawn_app};

#[tokio::test]
async fn feeds_answer_conditional_requests_until_a_story_in_them_changes_and_keep_its_id() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Ferry timetable returns", app.a_section_id().await)
        .await;
    editor.save(story, &[], "publish").await;
    let path = "/atom/latest";
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("Ferry timetable returns")
    })
    .await;
    let first = send(&app, reqwest::Method::GET, path, &[]).await;
    let etag = header(&first, "etag").to_string();
    let modified = header(&first, "last-modified").to_string();
    let id_before = feedparser(&first.text)["entries"][0]["id"].clone();

    let (by_tag, by_date) = revalidate(&app, path, &etag, &modified).await;
    let head = send(&app, reqwest::Method::HEAD, path, &[]).await;
    let other_tag = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-none-match", "\"other\"")],
    )
    .await;

    assert!(!etag.is_empty() && !modified.is_empty(), "validators");
    assert_eq!((by_tag.status, by_date.status), (304, 304));
    assert!(by_tag.text.is_empty() && by_date.text.is_empty());
    assert_eq!((head.status, head.text.as_str()), (200, ""));
    assert_eq!(header(&head, "etag"), etag);
    assert_eq!(header(&head, "last-modified"), modified);
    assert_eq!(other_tag.status, 200);

    // HTTP dates count whole seconds: the edit must fall in a later one.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let saved = editor
        .save(
            story,
            &[
                ("headline", "Ferry timetable returns in spring"),
                ("slug", "ferry-spring"),
            ],
            "save",
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("returns in spring")
    })
    .await;

    let (by_tag, by_date) = revalidate(&app, path, &etag, &modified).await;
    assert_eq!((by_tag.status, by_date.status), (200, 200));
    let entry = &feedparser(&by_tag.text)["entries"][0];
    assert_eq!(
        entry["id"], id_before,
        "the id outlives the headline and slug"
    );
    assert_eq!(
        entry["link"],
        format!("{BASE}{}", public_path(&app, story).await)
    );
}

#[tokio::test]
async fn a_reader_asking_by_date_gets_the_feed_again_once_its_newest_story_is_unpublished() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Harbour crane toppled", app.a_section_id().await)
        .await;
    editor.save(story, &[], "publish").await;
    let path = "/rss/latest";
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("Harbour crane toppled")
    })
    .await;
    let first = send(&app, reqwest::Method::GET, path, &[]).await;
    let modified = header(&first, "last-modified").to_string();

    // HTTP dates count whole seconds: the change must fall in a later one.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let unpublished = editor.save(story, &[], "unpublish").await;
    assert_eq!(unpublished.status, 303, "{}", unpublished.text);
    within(&app, path, Duration::from_secs(2), |_, text| {
        !text.contains("Harbour crane toppled")
    })
    .await;
    let by_date = send(
        &app,
        reqwest::Method::GET,
        path,
        &[("if-modified-since", &modified)],
    )
    .await;

    assert_eq!(by_date.status, 200, "the copy the reader holds is gone");
    assert!(!by_date.text.contains("Harbour crane toppled"));
}

/// The feed at `path` asked again with each validator alone: `If-None-Match`, then
/// `If-Modified-Since`.
async fn revalidate(app: &TestApp, path: &str, etag: &str, modified: &str) -> (Page, Page) {
    let by_tag = send(app, reqwest::Method::GET, path, &[("if-none-match", etag)]).await;
    let by_date = send(
        app,
        reqwest::Method::GET,
        path,
        &[("if-modified-since", modified)],
    )
    .await;
    (by_tag, by_date)
}

#[tokio::test]
async fn renaming_an_author_reaches_every_feed_that_shows_their_byline() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let path = "/atom/latest";
    let (_, before) = read_feed(&app, path).await;
    let page = before["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .flat_map(|entry| entry["author_links"].as_array().expect("links"))
        .filter_map(Value::as_str)
        .find(|url| url.starts_with(&format!("{BASE}/author/")))
        .expect("a staff byline in the latest stories")
        .to_string();
    let slug = page.rsplit('/').next().expect("a slug");
    let store = app.store().await;
    let author = store
        .author_by_slug(slug)
        .await
        .expect("read")
        .expect("the author");

    let form = [("name", "Renamed Byline"), ("slug", slug)];
    let saved = editor
        .post(&format!("/admin/authors/{}", author.id), &form)
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    within(&app, path, Duration::from_secs(2), |_, text| {
        text.contains("<name>Renamed Byline</name>")
    })
    .await;
    let (_, after) = read_feed(&app, path).await;
    assert!(
        !serde_json::to_string(&after)
            .expect("JSON")
            .contains(&author.name),
        "no item keeps the old name"
    );
}

#[tokio::test]
async fn the_feeds_of_a_renamed_author_move_with_their_page() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let author = store
        .author_by_slug("selin-aydemir")
        .await
        .expect("read")
        .expect("the author");
    let form = [
        ("name", "Selin Aydemir-Kaya"),
        ("slug", "selin-aydemir-kaya"),
    ];

    let saved = editor
        .post(&format!("/admin/authors/{}", author.id), &form)
        .await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let client = crate::helpers::http_client()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for (old, new) in [
        (
            "/atom/author/selin-aydemir",
            "/atom/author/selin-aydemir-kaya",
        ),
        (
            "/rss/full/author/selin-aydemir",
            "/rss/full/author/selin-aydemir-kaya",
        ),
        (
            "/ar/jsonfeed/author/selin-aydemir",
            "/ar/jsonfeed/author/selin-aydemir-kaya",
        ),
    ] {
        let moved = client
            .get(format!("{}{old}", app.address))
            .send()
            .await
            .expect("request");
        assert_eq!(moved.status().as_u16(), 301, "{old}");
        assert_eq!(moved.headers()["location"], new, "{old}");
        assert_eq!(app.get(new).await.status, 200, "{new}");
    }
}
