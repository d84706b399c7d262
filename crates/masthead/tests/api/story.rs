//! The story page: every element of the reference page, every story kind, short links
//! and redirects.

use crate::helpers::{TestApp, spawn_app};

/// A politics story with a hero image and topics (every politics subject has topics).
async fn story_with_image(app: &TestApp) -> crate::helpers::Page {
    for path in app
        .get("/politics")
        .await
        .attrs(".teaser-headline a", "href")
    {
        let page = app.get(&path).await;
        if !page.attrs(".story > figure img", "src").is_empty() {
            return page;
        }
    }
    panic!("no politics story on the first page has an image");
}

#[tokio::test]
async fn story_page_shows_every_element_of_the_reference_page() {
    let app = spawn_app().await;

    let page = story_with_image(&app).await;

    assert_eq!(page.status, 200);
    assert_eq!(page.attrs(".logo img", "alt"), ["The Meridian Herald"]);
    assert_eq!(page.texts(".editions a"), ["عربي"]);
    assert!(
        page.texts(".mega-sub a").len() >= 50,
        "desktop menu with subsections"
    );
    assert_eq!(page.texts(".drawer summary"), ["Menu"], "mobile menu");
    assert!(!page.texts(".footer-sections a").is_empty(), "footer menu");
    assert_eq!(page.texts("h1").len(), 1, "one headline");
    assert!(!page.texts(".byline .credit-item").is_empty(), "byline");
    let time = page.attrs(".dateline time", "datetime").remove(0);
    assert!(
        time.ends_with('Z') && time.len() == 20,
        "UTC datetime: {time}"
    );
    let shown = page.texts(".dateline time").remove(0);
    assert!(
        shown.contains(" - ") && shown.ends_with("GMT+3"),
        "edition time: {shown}"
    );
    assert_eq!(
        page.texts("figure.figure figcaption").len(),
        1,
        "hero caption"
    );
    assert!(
        page.texts("figure.figure .credit")[0].contains("Photo"),
        "hero credit"
    );
    assert!(!page.texts(".story-body p").is_empty(), "body");
    assert!(!page.texts(".keywords a").is_empty(), "keywords");
    assert!(
        !page.texts(".related-topics a").is_empty(),
        "related topics"
    );
    assert!(
        !page.texts(".recommended .teaser").is_empty(),
        "recommended"
    );
    assert!(
        page.texts(".shortlink a")[0].starts_with("http://masthead.test/s/"),
        "shortlink"
    );
    assert_eq!(
        page.attrs(".newsletter form", "method"),
        ["post"],
        "newsletter"
    );
    assert!(
        !page.texts(".more-stories .teaser").is_empty(),
        "more stories"
    );
    assert!(page.texts(".service-links a").contains(&"Jobs".to_string()));
}

#[tokio::test]
async fn story_page_has_metadata_for_search_engines_and_social_cards() {
    let app = spawn_app().await;

    let page = story_with_image(&app).await;

    let canonical = page.attrs("link[rel=canonical]", "href").remove(0);
    assert!(canonical.starts_with("http://masthead.test/"));
    assert_eq!(
        page.attrs("meta[property='og:type']", "content"),
        ["article"]
    );
    assert_eq!(
        page.attrs("meta[property='og:url']", "content"),
        std::slice::from_ref(&canonical)
    );
    let json = page.texts("script[type='application/ld+json']").remove(0);
    let ld: serde_json::Value = serde_json::from_str(&json).expect("valid JSON-LD");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["url"], canonical);
    assert_eq!(ld["headline"], page.texts("h1")[0]);
}

#[tokio::test]
async fn teasers_without_an_image_show_the_no_image_placeholder() {
    let app = spawn_app().await;
    let mut placeholders = 0;

    for section in [
        "/politics",
        "/turkiye",
        "/world",
        "/business",
        "/lifestyle",
        "/arts",
    ] {
        placeholders += app.get(section).await.texts(".no-image").len();
    }

    assert!(placeholders > 0);
}

#[tokio::test]
async fn inline_recommended_story_sits_inside_the_body() {
    let app = spawn_app().await;
    let section = app.get("/politics/diplomacy").await;
    let mut found = false;

    for path in section.attrs(".teaser-headline a", "href") {
        let page = app.get(&path).await;
        if !page
            .texts(".story-body .inline-related .teaser-headline")
            .is_empty()
        {
            found = true;
        }
    }

    assert!(found, "no story in the section has an inline related block");
}

#[tokio::test]
async fn every_story_kind_has_its_page() {
    let app = spawn_app().await;

    let gallery = app.get(&app.first_story_path("/gallery").await).await;
    let video = app.get(&app.first_story_path("/tv").await).await;
    let opinion = app
        .get(&app.first_story_path("/opinion/columns").await)
        .await;

    assert!(
        gallery.texts(".gallery figure").len() >= 3,
        "gallery photos"
    );
    assert_eq!(
        gallery.texts(".gallery figure figcaption").len(),
        gallery.texts(".gallery figure").len()
    );
    assert_eq!(video.attrs(".embed-video iframe", "src").len(), 1);
    assert!(
        video.attrs(".embed-video iframe", "src")[0]
            .starts_with("https://www.youtube-nocookie.com/embed/")
    );
    assert_eq!(opinion.texts(".story-head .kind-label"), ["Opinion"]);
    assert!(
        !opinion.attrs(".byline a[rel=author]", "href").is_empty(),
        "columnist byline"
    );
}

#[tokio::test]
async fn byline_links_staff_to_their_pages_and_names_agencies() {
    let app = spawn_app().await;
    let mut staff = 0;
    let mut agency = 0;

    for section in [
        "/politics/diplomacy",
        "/world/europe",
        "/business/economy",
        "/sports/football",
    ] {
        for path in app.get(section).await.attrs(".teaser-headline a", "href") {
            let page = app.get(&path).await;
            for href in page.attrs(".byline a", "href") {
                assert_eq!(app.get(&href).await.status, 200, "{href}");
                staff += 1;
            }
            agency += page.texts(".byline .agency").len();
        }
    }

    assert!(staff > 0 && agency > 0, "staff {staff}, agency {agency}");
}

#[tokio::test]
async fn short_link_answers_301_to_the_canonical_url() {
    let app = spawn_app().await;
    let page = story_with_image(&app).await;
    let short = page
        .texts(".shortlink a")
        .remove(0)
        .replace("http://masthead.test", "");
    let canonical = page
        .attrs("link[rel=canonical]", "href")
        .remove(0)
        .replace("http://masthead.test", "");

    let response = app.get(&short).await;

    assert_eq!(response.status, 301);
    assert_eq!(response.location(), canonical);
}

#[tokio::test]
async fn an_old_story_url_answers_301_to_the_new_one() {
    let app = spawn_app().await;

    let response = app.get("/news/an-earlier-address").await;
    let target = app.get(&response.location()).await;

    assert_eq!(response.status, 301);
    assert_eq!(target.status, 200);
}
