//! Every page type a reader reaches: home, sections, topics, keywords, authors, static
//! pages, both editions.

use store::Role;

use crate::helpers::{Page, spawn_app, spawn_app_with};

#[tokio::test]
async fn home_front_shows_lead_blocks_and_the_whole_menu() {
    let app = spawn_app().await;

    let page = app.get("/").await;

    assert_eq!(page.status, 200);
    assert_eq!(page.attrs("html", "dir"), ["ltr"]);
    assert_eq!(page.texts(".lead .teaser-headline").len(), 1);
    let blocks = page.texts(".front-block .block-title");
    for block in [
        "Politics",
        "Business",
        "Sports",
        "Opinion",
        "Photo gallery",
        "Video",
        "Latest",
    ] {
        assert!(
            blocks.iter().any(|title| title == block),
            "no {block} block in {blocks:?}"
        );
    }
    let top = page.texts(".mega-top > li > a");
    assert_eq!(
        top,
        [
            "Politics",
            "Türkiye",
            "World",
            "Business",
            "Lifestyle",
            "Arts",
            "Sports",
            "Gallery",
            "Opinion",
            "TV"
        ]
    );
    let subsections = page.texts(".mega-sub a");
    assert!(subsections.len() >= 50, "{} subsections", subsections.len());
    assert_eq!(
        subsections
            .iter()
            .filter(|name| *name == "News Analysis")
            .count(),
        2
    );
    assert_eq!(
        subsections
            .iter()
            .filter(|name| *name == "Expat Corner")
            .count(),
        2
    );
}

#[tokio::test]
async fn a_story_never_shows_twice_on_the_home_front() {
    let app = spawn_app().await;

    let page = app.get("/").await;

    let mut links = page.attrs(".teaser-headline a", "href");
    let count = links.len();
    links.sort();
    links.dedup();
    assert_eq!(links.len(), count);
}

#[tokio::test]
async fn section_and_subsection_pages_list_their_stories() {
    let app = spawn_app().await;

    let section = app.get("/world").await;
    let subsection = app.get("/world/europe").await;

    assert_eq!(section.status, 200);
    assert_eq!(section.texts("h1"), ["World"]);
    assert!(
        section
            .texts(".subsections a")
            .contains(&"Europe".to_string())
    );
    assert!(!section.texts(".teaser-headline").is_empty());
    assert_eq!(subsection.status, 200);
    assert_eq!(subsection.texts(".trail a"), ["World", "Europe"]);
    for href in subsection.attrs(".teaser-headline a", "href") {
        assert!(href.starts_with("/world/europe/"), "{href}");
    }
}

#[tokio::test]
async fn section_pages_page_from_a_story_and_keep_their_stories_when_more_are_published() {
    let app = spawn_app_with(|config| config.page_cache_entries = 0).await;
    let headlines = |page: &Page| page.attrs(".teaser-headline a", "href");

    let first = app.get("/politics").await;
    let older_link = first.attrs(".pager a[rel=next]", "href");
    assert_eq!(older_link.len(), 1, "one link to older stories");
    assert!(
        older_link[0].starts_with("/politics?before="),
        "{older_link:?}"
    );
    assert!(first.attrs(".pager a[rel=prev]", "href").is_empty());
    let older = app.get(&older_link[0]).await;
    let numbered = app.get("/politics?page=2").await;

    assert_eq!(older.status, 200);
    assert_eq!(
        older.attrs("link[rel=canonical]", "href"),
        [format!("http://masthead.test{}", older_link[0])]
    );
    let overlap = headlines(&first)
        .into_iter()
        .filter(|href| headlines(&older).contains(href))
        .count();
    assert_eq!(overlap, 0);
    assert_eq!(headlines(&numbered), headlines(&older), "page 2 by number");
    let newer_link = older.attrs(".pager a[rel=prev]", "href");
    assert!(
        newer_link[0].starts_with("/politics?after="),
        "{newer_link:?}"
    );
    let newer = app.get(&newer_link[0]).await;
    assert_eq!(
        newer.attrs("link[rel=canonical]", "href"),
        ["http://masthead.test/politics"],
        "the newer page of the second is the first"
    );
    assert_eq!(headlines(&newer), headlines(&first));
    // Newer than the first page's last story: fewer than a page, so the first page.
    let last_of_first = older_link[0].replace("?before=", "?after=");
    let almost_newest = app.get(&last_of_first).await;
    assert_eq!(
        almost_newest.attrs("link[rel=canonical]", "href"),
        ["http://masthead.test/politics"]
    );
    assert_eq!(headlines(&almost_newest), headlines(&first));

    // A story published now, through the newsroom, moves the numbered pages, not a page
    // from a story.
    let editor = app.desk(Role::Editor).await;
    let site = app.state.as_ref().expect("in-process app").site();
    let politics = site.editions[0]
        .section_at(&["politics"])
        .expect("politics")
        .id;
    let story = editor.create_story("Just in", politics).await;
    assert_eq!(editor.save(story, &[], "publish").await.status, 303);
    let first_now = app.get("/politics").await;
    assert!(headlines(&first_now)[0].ends_with("/just-in"));
    assert_ne!(
        headlines(&app.get("/politics?page=2").await),
        headlines(&older)
    );
    assert_eq!(headlines(&app.get(&older_link[0]).await), headlines(&older));
}

#[tokio::test]
async fn topic_keyword_and_author_pages_list_stories() {
    let app = spawn_app().await;
    let story = app
        .get(&app.first_story_path("/politics/diplomacy").await)
        .await;
    let keyword = story.attrs(".keywords a", "href").remove(0);

    let keyword_page = app.get(&keyword).await;
    let topic_page = app
        .get(&app.get("/").await.attrs(".topic-label", "href").remove(0))
        .await;
    let author_page = app.get("/author/selin-aydemir").await;

    assert_eq!(keyword_page.status, 200);
    assert_eq!(keyword_page.texts(".eyebrow"), ["Keyword"]);
    assert!(!keyword_page.texts(".teaser-headline").is_empty());
    assert_eq!(topic_page.status, 200);
    assert_eq!(topic_page.texts(".eyebrow"), ["Topic"]);
    assert_eq!(author_page.status, 200);
    assert_eq!(author_page.texts("h1"), ["Selin Aydemir"]);
    assert_eq!(author_page.texts(".subtitle"), ["Diplomatic correspondent"]);
}

#[tokio::test]
async fn static_pages_are_linked_from_every_footer() {
    let app = spawn_app().await;

    let home = app.get("/").await;

    let links = home.attrs(".service-links a", "href");
    assert_eq!(
        links,
        [
            "/about-us",
            "/jobs",
            "/privacy",
            "/terms-of-use",
            "/contact",
            "/rss"
        ]
    );
    for link in links {
        let page = app.get(&link).await;
        assert_eq!(page.status, 200, "{link}");
        assert_eq!(page.texts("h1").len(), 1, "{link}");
    }
    let jobs = app.get("/jobs").await;
    assert!(jobs.texts(".job h3").contains(&"Night editor".to_string()));
}

#[tokio::test]
async fn footer_copyright_shows_the_current_year_once() {
    let app = spawn_app().await;
    let year = jiff::ZonedDateTime::now().year().to_string();

    let home = app.get("/").await;
    let arabic = app.get("/ar/").await;

    assert_eq!(
        home.texts(".copyright"),
        [format!("© {year} Meridian Media Group")]
    );
    assert_eq!(
        arabic.texts(".copyright"),
        [format!("© {year} Meridian Media Group")]
    );
    assert_eq!(home.text.matches('©').count(), 1);
}

#[tokio::test]
async fn arabic_edition_is_right_to_left_with_its_own_sections() {
    let app = spawn_app().await;

    let home = app.get("/ar/").await;
    let section = app.get("/ar/world").await;

    assert_eq!(home.status, 200);
    assert_eq!(home.attrs("html", "dir"), ["rtl"]);
    assert_eq!(home.attrs("html", "lang"), ["ar"]);
    assert!(
        home.texts(".mega-top > li > a")
            .contains(&"العالم".to_string())
    );
    assert_eq!(home.texts(".editions a"), ["English"]);
    assert_eq!(app.get("/").await.texts(".editions a"), ["عربي"]);
    assert_eq!(section.status, 200);
    assert_eq!(section.texts("h1"), ["العالم"]);
    let story = app
        .get(&section.attrs(".teaser-headline a", "href")[0])
        .await;
    assert_eq!(story.status, 200);
    assert_eq!(story.attrs("html", "dir"), ["rtl"]);
    assert!(story.texts(".dateline time")[0].contains("GMT+3"));
}

#[tokio::test]
async fn pages_carry_cache_and_security_headers_and_answer_304() {
    let app = spawn_app().await;

    let page = app.get("/world").await;
    let etag = page.headers["etag"].to_str().expect("ascii").to_string();
    let again = app
        .client
        .get(format!("{}/world", app.address))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("request");

    assert!(
        page.headers["content-security-policy"]
            .to_str()
            .expect("ascii")
            .contains("default-src 'self'")
    );
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert!(
        page.headers["surrogate-key"]
            .to_str()
            .expect("ascii")
            .contains("section:")
    );
    assert!(
        page.headers["cache-control"]
            .to_str()
            .expect("ascii")
            .contains("public")
    );
    assert_eq!(again.status(), 304);
    assert!(
        !page.text.contains(" style="),
        "the CSP allows no inline styles"
    );
    assert!(
        !page.text.contains("<script>"),
        "the CSP allows no inline scripts"
    );
}

#[tokio::test]
async fn images_are_served_with_their_renditions() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    let src = home.attrs(".lead img", "src").remove(0);

    let image = app
        .client
        .get(format!("{}{src}", app.address))
        .send()
        .await
        .expect("request");

    assert!(home.attrs(".lead img", "srcset")[0].contains("320w"));
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/jpeg");
    assert!(
        image
            .bytes()
            .await
            .expect("bytes")
            .starts_with(&[0xFF, 0xD8])
    );
}

#[tokio::test]
async fn feeds_carry_absolute_links_and_escaped_text() {
    let app = spawn_app().await;

    let latest = app.get("/rss/latest").await;
    let arabic = app.get("/ar/rss/world").await;
    let topic = app.get("/rss/topic/energy-transition").await;

    let items = latest.text.matches("<item>").count();
    assert!(items >= 10, "{items} items");
    assert_eq!(
        latest.text.matches("<link>http://masthead.test/").count(),
        items + 1
    );
    assert!(latest.text.contains("<pubDate>"), "dates");
    let bare_ampersands = latest
        .text
        .match_indices('&')
        .filter(|(at, _)| {
            !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|entity| latest.text[*at..].starts_with(entity))
        })
        .count();
    assert_eq!(bare_ampersands, 0, "XML escaping");
    assert_eq!(arabic.status, 200);
    assert!(arabic.text.contains("<language>ar</language>"));
    assert_eq!(topic.status, 200);
    for (path, reason) in [
        ("/rss/no-such-section", "unknown section"),
        ("/rss/topic/nothing", "unknown topic"),
        ("/rss/latest?page=2", "feeds have one page"),
    ] {
        assert_eq!(app.get(path).await.status, 404, "{reason}");
    }
}

#[tokio::test]
async fn a_page_read_twice_is_rendered_once_and_then_served_from_the_cache() {
    let app = spawn_app().await;
    let cache = &app.state.as_ref().expect("in-process app").cache;
    let before = cache.stats();

    let first = app.get("/world").await;
    let second = app.get("/world").await;

    let after = cache.stats();
    assert_eq!((first.status, second.status), (200, 200));
    assert_eq!(first.text, second.text);
    assert_eq!(after.misses - before.misses, 1, "rendered once");
    assert_eq!(after.hits - before.hits, 1, "then served from memory");
    assert!(after.entries > before.entries && after.bytes > before.bytes);
}
