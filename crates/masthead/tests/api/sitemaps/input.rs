//! Bad input for the sitemaps and robots.txt: odd spellings, other methods, conditional
//! requests, names of no file, and a broken database.

use jiff::Timestamp;

use crate::helpers::spawn_app;

#[tokio::test]
async fn odd_spellings_methods_and_conditional_requests_get_sensible_answers() {
    let app = spawn_app().await;
    let index = app.get("/sitemap.xml").await;
    let etag = index.headers["etag"].to_str().expect("etag").to_string();

    let cases = [
        (
            "/SITEMAP.XML",
            301,
            "/sitemap.xml",
            "capitals move to the one spelling",
        ),
        (
            "/sitemap.xml/",
            301,
            "/sitemap.xml",
            "a trailing slash moves",
        ),
        (
            "/sitemap.xml?x=1&x=2",
            200,
            "",
            "parameters that change nothing",
        ),
        ("/sitemap.xml?page=2", 404, "", "no second page"),
        ("/ar/sitemap.xml", 404, "", "one index, at the root"),
        (
            "/sitemap-stories-1999-01.xml",
            404,
            "",
            "a month without stories",
        ),
        ("/sitemap-stories-2999-01.xml", 404, "", "a future month"),
        (
            "/sitemap-stories-2026-1.xml",
            404,
            "",
            "a month spelled another way",
        ),
        ("/sitemap-stories-2026-13.xml", 404, "", "no such month"),
        (
            "/sitemap-stories-2026-01-1.xml",
            404,
            "",
            "the first part has no number",
        ),
        ("/sitemaps/sitemap.xml", 404, "", "no sitemap folder"),
        ("/world/sitemap.xml", 404, "", "not under a section"),
        ("/sitemap.xml.gz", 404, "", "no compressed copy"),
        ("/index.php", 404, "", "other files"),
    ];
    for (path, status, location, reason) in cases {
        let page = app.get(path).await;
        assert_eq!(page.status, status, "{path}: {reason}");
        assert_eq!(page.location(), location, "{path}: {reason}");
    }
    assert_eq!(app.get("/sitemap.xml?x=1&x=2").await.text, index.text);

    let head = app
        .client
        .head(format!("{}/sitemap.xml", app.address))
        .send()
        .await;
    let head = head.expect("HEAD");
    assert_eq!(head.status(), 200);
    assert_eq!(
        head.headers()["content-length"],
        index.text.len().to_string().as_str()
    );
    let news = app.get("/sitemap-news.xml").await;
    let head = app
        .client
        .head(format!("{}/sitemap-news.xml", app.address))
        .send()
        .await
        .expect("HEAD of the uncached news sitemap");
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-type"], news.headers["content-type"]);
    assert_eq!(head.text().await.expect("body"), "", "no body");
    let post = app
        .client
        .post(format!("{}/sitemap.xml", app.address))
        .send()
        .await;
    assert_eq!(post.expect("POST").status(), 405);
    let again = app
        .client
        .get(format!("{}/sitemap.xml", app.address))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("conditional GET");
    assert_eq!(
        again.status(),
        304,
        "the page cache answers conditional requests"
    );
}

#[tokio::test]
async fn a_broken_database_gives_a_500_without_details() {
    let app = spawn_app().await;
    app.sabotage("DROP TABLE gallery_items").await;

    let month = app
        .get(&format!(
            "/sitemap-stories-{}.xml",
            Timestamp::now().strftime("%Y-%m")
        ))
        .await;
    let news = app.get("/sitemap-news.xml").await;

    for page in [&month, &news] {
        assert_eq!(page.status, 500);
        assert!(!page.text.contains("gallery_items"), "no internal details");
    }
    assert_eq!(
        app.get("/robots.txt").await.status,
        200,
        "robots.txt reads no table"
    );
}
