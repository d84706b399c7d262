//! Authors and agencies in the newsroom: who may manage them, what readers see on an
//! author's page, renames and merges that keep every byline and old address, and bad,
//! hostile and concurrent input.

use std::collections::HashSet;

use store::{MediaQuery, Role, Store, StoryFilter, StoryQuery};

use crate::curation::poll;
use crate::helpers::spawn_app;
use crate::validity::assert_valid;

mod bylines;
mod input;

const PAGES: [&str; 3] = ["/admin/authors", "/admin/authors/1", "/admin/agencies"];
const FORMS: [&str; 5] = [
    "/admin/authors",
    "/admin/authors/1",
    "/admin/authors/1/merge",
    "/admin/agencies",
    "/admin/agencies/1",
];

/// The id of an image of the media library.
async fn library_image(store: &dyn Store) -> i64 {
    let query = MediaQuery {
        search: None,
        limit: 1,
        offset: 0,
    };
    store.library(&query).await.expect("library")[0].image.id
}

/// The reader path of a published story.
async fn story_path(store: &dyn Store, story: i64) -> String {
    let teaser = store
        .teasers_by_ids(&[story])
        .await
        .expect("teaser")
        .remove(0);
    let site = masthead::service::site::Site::load(store)
        .await
        .expect("site");
    site.story_path(&teaser)
}

/// An author's id by slug.
async fn author_id(store: &dyn Store, slug: &str) -> i64 {
    store
        .author_by_slug(slug)
        .await
        .expect("author")
        .expect("the author exists")
        .id
}

/// The ids of an author's published stories (any edition's first page).
async fn stories_of(store: &dyn Store, author: i64) -> Vec<i64> {
    let mut ids = Vec::new();
    for edition in store.editions().await.expect("editions") {
        let query = StoryQuery::latest(edition.id, StoryFilter::Author(author), 100);
        ids.extend(
            store
                .teasers(&query)
                .await
                .expect("teasers")
                .iter()
                .map(|t| t.id),
        );
    }
    ids
}

#[tokio::test]
async fn reporters_are_refused_and_visitors_sent_to_log_in() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;

    for path in PAGES {
        assert_eq!(reporter.get(path).await.status, 403, "reporter GET {path}");
        assert_eq!(app.get(path).await.location(), "/admin/login", "GET {path}");
        assert_eq!(editor.get(path).await.status, 200, "editor GET {path}");
    }
    for path in FORMS {
        let form = [("name", "Sneaky"), ("into", "2")];
        assert_eq!(reporter.post(path, &form).await.status, 403, "POST {path}");
        assert_eq!(app.post_form(path, &form).await.status, 303, "POST {path}");
        let forged = editor.post_without_token(path, &form).await;
        assert_eq!(forged.status, 403, "no token: POST {path}");
    }
    assert!(!editor.get("/admin/authors").await.text.contains("Sneaky"));
    assert!(!editor.get("/admin/agencies").await.text.contains("Sneaky"));
    let nav = editor.get("/admin").await.texts(".nr-nav a");
    assert!(nav.contains(&"Authors".to_string()) && nav.contains(&"Agencies".to_string()));
}

#[tokio::test]
async fn an_author_page_shows_the_photo_bio_and_links_in_both_editions() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let image = library_image(&*store).await.to_string();
    let form = [
        ("name", "Deniz <b>Kaya</b>"),
        ("title", "Energy editor"),
        ("bio", "Deniz writes about pipelines & power grids."),
        ("image_id", image.as_str()),
        (
            "links",
            "https://example.org/deniz\r\nhttps://social.example/@deniz",
        ),
        ("edition_id", ""),
        ("columnist", "on"),
    ];

    let created = editor.post("/admin/authors", &form).await;

    assert_eq!(created.status, 303, "{}", created.text);
    let id = author_id(&*store, "deniz-b-kaya-b").await;
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = ["/author/deniz-b-kaya-b", "/ar/author/deniz-b-kaya-b"].map(String::from);
    for (index, path) in paths.iter().enumerate() {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.texts("h1"), ["Deniz <b>Kaya</b>"]);
        assert_eq!(page.texts(".subtitle"), ["Energy editor"]);
        assert_eq!(page.texts(".description"), [form[2].1]);
        assert_eq!(page.attrs(".portrait img", "src").len(), 1);
        assert_eq!(
            page.attrs(".profile-links a", "href"),
            ["https://example.org/deniz", "https://social.example/@deniz"]
        );
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }
    assert_eq!(app.get(&paths[1]).await.attrs("html", "dir"), ["rtl"]);
    let edit = editor.get(&format!("/admin/authors/{id}")).await;
    std::fs::write(dir.path().join("edit.html"), &edit.text).expect("write");
    let list = editor.get("/admin/authors").await;
    std::fs::write(dir.path().join("list.html"), &list.text).expect("write");
    let agencies = editor.get("/admin/agencies").await;
    std::fs::write(dir.path().join("agencies.html"), &agencies.text).expect("write");
    assert_valid(dir.path(), &paths);
    let audit = store.audit_log(10, 0).await.expect("audit");
    assert!(audit.iter().any(|entry| entry.action == "author.create"));
}

#[tokio::test]
async fn a_renamed_author_keeps_the_old_address_and_links_an_account() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    let store = app.store().await;
    let id = author_id(&*store, "selin-aydemir").await;
    let account = reporter.user_id.to_string();
    let form = [
        ("name", "Selin Aydemir-Kaya"),
        ("slug", "selin-aydemir-kaya"),
        ("title", "Diplomatic correspondent"),
        ("account_id", account.as_str()),
    ];

    let saved = editor.post(&format!("/admin/authors/{id}"), &form).await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    let moved = poll(&app, "/author/selin-aydemir", |page| page.status == 301).await;
    assert_eq!(moved.location(), "/author/selin-aydemir-kaya");
    let page = app.get("/author/selin-aydemir-kaya").await;
    assert_eq!(page.texts("h1"), ["Selin Aydemir-Kaya"]);
    let linked = store
        .user(reporter.user_id)
        .await
        .expect("user")
        .expect("exists");
    assert_eq!(linked.author_id, Some(id));
    let story = stories_of(&*store, id).await[0];
    let byline = poll(&app, &story_path(&*store, story).await, |page| {
        page.texts(".byline a")
            .iter()
            .any(|name| name == "Selin Aydemir-Kaya")
    })
    .await;
    assert!(
        byline
            .texts(".byline a")
            .contains(&"Selin Aydemir-Kaya".to_string())
    );
    let back = [("name", "Selin Aydemir"), ("slug", "selin-aydemir")];
    let reclaimed = editor.post(&format!("/admin/authors/{id}"), &back).await;
    assert_eq!(
        reclaimed.status, 303,
        "its own old slug is the author's to take back"
    );
    let taken = [("name", "Somebody"), ("slug", "selin-aydemir-kaya")];
    let refused = editor.post("/admin/authors", &taken).await;
    assert_eq!(
        refused.status, 422,
        "another author's old slug stays theirs"
    );
    assert!(refused.texts("[role=alert]")[0].contains("has or had the slug"));
}

#[tokio::test]
async fn merging_authors_moves_every_byline_and_redirects_the_old_page() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let from = author_id(&*store, "selin-aydemir").await;
    let authors = store.all_authors().await.expect("authors");
    let into = authors
        .iter()
        .find(|a| a.id != from && !a.columnist && a.slug.is_ascii())
        .expect("another author");
    let moving = stories_of(&*store, from).await;
    let had = stories_of(&*store, into.id).await;
    assert!(!moving.is_empty());
    let form = [("into", into.id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let merged = editor
        .post(&format!("/admin/authors/{from}/merge"), &form)
        .await;

    assert_eq!(merged.status, 303, "{}", merged.text);
    assert_eq!(
        merged.location(),
        format!("/admin/authors/{}?notice=merged", into.id)
    );
    let old = poll(&app, "/author/selin-aydemir", |page| page.status == 301).await;
    assert_eq!(old.location(), format!("/author/{}", into.slug));
    assert!(store.authors(&[from]).await.expect("authors").is_empty());
    let now = stories_of(&*store, into.id).await;
    for story in moving.iter().chain(&had) {
        assert!(
            now.contains(story),
            "story {story} is listed under {}",
            into.slug
        );
    }
    let page = app.get(&story_path(&*store, moving[0]).await).await;
    assert!(page.texts(".byline a").contains(&into.name));
    let audit = store.audit_log(10, 0).await.expect("audit");
    assert!(
        audit
            .iter()
            .any(|e| e.action == "author.merge" && e.detail.contains("selin-aydemir"))
    );
    let again = editor
        .post(&format!("/admin/authors/{}/merge", into.id), &form)
        .await;
    assert_eq!(again.status, 422, "an author cannot merge into itself");
}

/// Two opposite merges at once: one wins, the other finds its author gone.
#[tokio::test]
async fn opposite_merges_at_once_leave_one_author_and_lose_no_byline() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let authors = store.all_authors().await.expect("authors");
    let (a, b) = (authors[0].id, authors[1].id);
    let mut before: HashSet<i64> = stories_of(&*store, a).await.into_iter().collect();
    before.extend(stories_of(&*store, b).await);
    let (a_text, b_text) = (a.to_string(), b.to_string());
    let (a_merge, b_merge) = (
        format!("/admin/authors/{a}/merge"),
        format!("/admin/authors/{b}/merge"),
    );
    let (into_b, into_a) = ([("into", b_text.as_str())], [("into", a_text.as_str())]);

    let (first, second) = tokio::join!(
        editor.post(&a_merge, &into_b),
        editor.post(&b_merge, &into_a)
    );

    let statuses = [first.status, second.status];
    assert!(statuses.contains(&303), "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [303, 404, 422].contains(s)),
        "{statuses:?}"
    );
    let left = store.authors(&[a, b]).await.expect("authors");
    assert_eq!(left.len(), 1);
    let after: HashSet<i64> = stories_of(&*store, left[0].id).await.into_iter().collect();
    assert_eq!(after, before);
}
