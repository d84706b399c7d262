//! Bad input: unknown things, odd page numbers and hostile paths get the 404 page with the
//! site's navigation — never a panic, a 500 or a blank page.

use crate::helpers::spawn_app;

#[tokio::test]
async fn unknown_things_get_the_404_page_with_navigation() {
    let app = spawn_app().await;
    let long = format!("/{}", "a".repeat(5000));
    let cases = [
        ("/no-such-section", "unknown section or page"),
        (
            "/politics/no-such-subsection",
            "unknown subsection or story",
        ),
        ("/politics/diplomacy/no-such-story", "unknown story"),
        ("/politics/diplomacy/a/b/c", "too deep"),
        ("/topic/no-such-topic", "unknown topic"),
        ("/keyword/no-such-keyword", "unknown keyword"),
        ("/author/nobody", "unknown author"),
        ("/s/zzzzzzzz", "unknown short code"),
        ("/s/%3Cscript%3E", "hostile short code"),
        ("/ar/no-such-section", "unknown Arabic section"),
        ("/media/../Cargo.toml", "traversal into media"),
        (
            "/media/..%2F..%2Fmasthead.db",
            "encoded traversal into media",
        ),
        ("/assets/..%2Fsrc%2Fmain.rs", "traversal into assets"),
        ("/politics/%FF%FE", "invalid UTF-8"),
        ("/politics/%E2%80%AE%E2%80%AE", "bidi control characters"),
        ("/politics/diplomacy/' OR 1=1 --", "SQL in a slug"),
        ("/<script>alert(1)</script>", "script in the path"),
        (long.as_str(), "very long path"),
    ];

    for (path, reason) in cases {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{reason}: {path}");
        if !path.starts_with("/s/") && !path.starts_with("/media") && !path.starts_with("/assets") {
            let title = if path.starts_with("/ar/") {
                "الصفحة غير موجودة"
            } else {
                "Page not found"
            };
            assert_eq!(page.texts("h1"), [title], "{reason}");
            assert!(
                page.texts(".mega-top > li > a").len() >= 8,
                "{reason}: navigation kept"
            );
        }
        assert!(!page.text.contains("<script>alert"), "{reason}: reflected");
    }
}

#[tokio::test]
async fn odd_page_numbers_are_404_or_the_first_page() {
    let app = spawn_app().await;
    let cases = [
        ("/politics?page=1", 200, "the first page"),
        ("/politics?page=0", 404, "pages count from one"),
        ("/politics?page=-1", 404, "negative"),
        ("/politics?page=abc", 404, "not a number"),
        ("/politics?page=99999999", 404, "far past the end"),
        ("/politics?page=1e3", 404, "scientific notation"),
        ("/politics?page=", 404, "empty"),
        (
            "/politics?page=1001",
            404,
            "deeper pages are reached from a story",
        ),
        ("/politics?before=999999999", 404, "older than no story"),
        ("/politics?after=999999999", 404, "newer than no story"),
        ("/politics?before=1&after=2", 404, "two positions"),
        ("/politics?before=abc", 404, "not a story id"),
        (
            "/topic/energy-transition?page=999",
            404,
            "topic past the end",
        ),
        ("/?page=2", 404, "the home page has no pages"),
    ];

    for (path, status, reason) in cases {
        assert_eq!(app.get(path).await.status, status, "{reason}: {path}");
    }
}

#[tokio::test]
async fn the_arabic_404_page_is_right_to_left() {
    let app = spawn_app().await;

    let page = app.get("/ar/no-such-thing").await;

    assert_eq!(page.status, 404);
    assert_eq!(page.attrs("html", "dir"), ["rtl"]);
    assert_eq!(page.texts("h1"), ["الصفحة غير موجودة"]);
}

#[tokio::test]
async fn many_readers_at_once_all_get_their_pages() {
    let app = spawn_app().await;
    let paths = [
        "/",
        "/world",
        "/politics?page=2",
        "/ar/",
        "/no-such-page",
        "/jobs",
    ];

    let mut tasks = Vec::new();
    for round in 0..60 {
        let client = app.client.clone();
        let url = format!("{}{}", app.address, paths[round % paths.len()]);
        tasks.push(tokio::spawn(async move {
            client
                .get(url)
                .send()
                .await
                .map(|response| response.status().as_u16())
        }));
    }

    for task in tasks {
        let status = task.await.expect("task").expect("response");
        assert!(status == 200 || status == 404, "{status}");
    }
}

#[tokio::test]
async fn unknown_methods_and_posts_elsewhere_are_refused() {
    let app = spawn_app().await;

    let elsewhere = app
        .post_form("/politics/newsletter", &[("email", "a@b.c")])
        .await;
    let delete = app
        .client
        .delete(format!("{}/politics", app.address))
        .send()
        .await
        .expect("request");

    assert_eq!(elsewhere.status, 405, "only the newsletter form takes POST");
    assert_eq!(elsewhere.headers["allow"], "GET, HEAD");
    assert_eq!(delete.status(), 405);
}

#[tokio::test]
async fn a_broken_database_gives_the_error_page_without_details() {
    let app = spawn_app().await;
    let path = app.first_story_path("/politics/diplomacy").await;
    app.sabotage("DROP TABLE story_bodies").await;

    let page = app.get(&path).await;

    assert_eq!(page.status, 500);
    assert_eq!(page.texts("h1"), ["Something went wrong"]);
    assert!(
        page.texts(".mega-top > li > a").len() >= 8,
        "navigation kept"
    );
    assert!(!page.text.contains("story_bodies"), "no internal details");
}
