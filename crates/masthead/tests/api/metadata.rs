//! What search engines and social sites read in every page type's head: JSON-LD checked
//! against the required and recommended properties of schema.org and Google's
//! structured-data documentation, OpenGraph and Twitter tags, canonical, `rel=prev/next`
//! and `noindex`.

use scraper::Selector;
use serde_json::Value;
use store::Role;

use crate::editor::public_path;
use crate::helpers::{Page, TestApp, spawn_app};

mod listings;
mod social;

const BASE: &str = "http://masthead.test/";

/// Every JSON-LD object of a page, parsed.
fn json_ld(page: &Page) -> Vec<Value> {
    let selector = Selector::parse("script[type='application/ld+json']").expect("selector");
    page.html()
        .select(&selector)
        .map(|script| {
            let text: String = script.text().collect();
            serde_json::from_str(&text).unwrap_or_else(|error| panic!("{error}: {text}"))
        })
        .collect()
}

/// The one JSON-LD object of a type.
fn of_type(page: &Page, kind: &str) -> Value {
    let all = json_ld(page);
    let found: Vec<&Value> = all.iter().filter(|ld| ld["@type"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} in {all:#?}");
    assert_eq!(found[0]["@context"], "https://schema.org");
    found[0].clone()
}

fn meta(page: &Page, selector: &str) -> Option<String> {
    page.attrs(selector, "content").into_iter().next()
}

fn canonical(page: &Page) -> String {
    let links = page.attrs("link[rel=canonical]", "href");
    assert_eq!(links.len(), 1, "one canonical link");
    assert!(links[0].starts_with(BASE), "absolute: {}", links[0]);
    links[0].clone()
}

/// The site path of an absolute URL of the site, for the test client.
fn path_of(url: &str) -> String {
    let rest = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("not ours: {url}"));
    format!("/{rest}")
}

fn is_absolute(url: &Value) -> bool {
    url.as_str().is_some_and(|url| url.starts_with(BASE))
}

/// An ISO 8601 date-time with an offset, as Google asks for `datePublished`.
fn assert_date_time(value: &Value, what: &str) {
    let text = value.as_str().unwrap_or_else(|| panic!("{what}: {value}"));
    assert!(
        text.parse::<jiff::Timestamp>().is_ok(),
        "{what} is no date-time with an offset: {text}"
    );
}

/// A `BreadcrumbList` from the home page to `last`: positions 1..n, names, absolute items.
fn assert_breadcrumbs(page: &Page, home: &str, last: &str, length: usize) {
    let list = of_type(page, "BreadcrumbList");
    let items = list["itemListElement"].as_array().expect("items");
    assert_eq!(items.len(), length, "{items:#?}");
    for (index, item) in items.iter().enumerate() {
        assert_eq!(item["@type"], "ListItem");
        assert_eq!(item["position"], index + 1);
        assert!(!item["name"].as_str().unwrap_or_default().is_empty());
        assert!(is_absolute(&item["item"]), "{item}");
    }
    assert_eq!(items[0]["item"], home);
    assert_eq!(items[length - 1]["item"], last);
}

/// OpenGraph and Twitter tags of a page whose canonical URL is `url`.
fn assert_social_tags(page: &Page, og_type: &str, locale: &str) {
    let url = canonical(page);
    assert_eq!(
        meta(page, "meta[property='og:type']").as_deref(),
        Some(og_type)
    );
    assert_eq!(meta(page, "meta[property='og:url']"), Some(url));
    assert!(meta(page, "meta[property='og:title']").is_some_and(|t| !t.is_empty()));
    assert_eq!(
        meta(page, "meta[property='og:site_name']").as_deref(),
        Some("The Meridian Herald")
    );
    assert_eq!(
        meta(page, "meta[property='og:locale']").as_deref(),
        Some(locale)
    );
    assert!(meta(page, "meta[name='twitter:card']").is_some());
    assert!(meta(page, "meta[name='twitter:title']").is_some());
    if let Some(image) = meta(page, "meta[property='og:image']") {
        assert!(image.starts_with(BASE), "{image}");
    }
}

fn assert_indexable(page: &Page) {
    assert_eq!(
        meta(page, "meta[name=robots]").as_deref(),
        Some("max-image-preview:large"),
        "indexable, with large image previews"
    );
}

fn assert_noindex(page: &Page) {
    assert_eq!(
        meta(page, "meta[name=robots]").as_deref(),
        Some("noindex"),
        "noindex"
    );
}

/// The publisher: a `NewsMediaOrganization` with a name and a logo.
fn assert_publisher(publisher: &Value) {
    assert_eq!(publisher["@type"], "NewsMediaOrganization");
    assert_eq!(publisher["name"], "The Meridian Herald");
    assert_eq!(publisher["logo"]["@type"], "ImageObject");
    assert!(is_absolute(&publisher["logo"]["url"]), "{publisher}");
}

/// An Article's required and recommended properties, per Google's Article documentation.
fn assert_article(article: &Value, page: &Page, language: &str) {
    let url = canonical(page);
    let headline = article["headline"].as_str().expect("headline");
    assert_eq!(headline, page.texts("h1")[0]);
    assert!(
        headline.chars().count() <= 110,
        "headline over 110: {headline}"
    );
    assert_date_time(&article["datePublished"], "datePublished");
    assert_date_time(&article["dateModified"], "dateModified");
    assert_eq!(article["mainEntityOfPage"]["@id"], url);
    assert_eq!(article["url"], url);
    assert_eq!(article["inLanguage"], language);
    assert_eq!(article["isAccessibleForFree"], true);
    assert_publisher(&article["publisher"]);
    let authors = article["author"].as_array().expect("authors");
    assert!(!authors.is_empty(), "an author");
    for author in authors {
        assert!(!author["name"].as_str().unwrap_or_default().is_empty());
        match author["@type"].as_str() {
            Some("Person") => assert!(is_absolute(&author["url"]), "{author}"),
            Some("Organization") => {}
            other => panic!("author of type {other:?}"),
        }
    }
    for image in article["image"].as_array().expect("images") {
        assert_eq!(image["@type"], "ImageObject");
        assert!(is_absolute(&image["url"]), "{image}");
        assert!(image["width"].as_u64() > Some(0) && image["height"].as_u64() > Some(0));
    }
}

/// Stories of the first pages of some sections, by path.
async fn story_paths(app: &TestApp, sections: &[&str]) -> Vec<String> {
    let mut paths = Vec::new();
    for section in sections {
        paths.extend(app.get(section).await.attrs(".teaser-headline a", "href"));
    }
    paths
}

#[tokio::test]
async fn news_stories_carry_a_complete_news_article_and_breadcrumbs() {
    let app = spawn_app().await;
    let mut with_image = 0;
    let mut with_dateline = 0;
    let mut staff = 0;

    for path in story_paths(&app, &["/politics/diplomacy", "/world/europe"]).await {
        let page = app.get(&path).await;
        let article = of_type(&page, "NewsArticle");
        assert_article(&article, &page, "en");
        assert_social_tags(&page, "article", "en_US");
        assert_indexable(&page);
        let sections = page.texts(".story-head .trail li").len();
        assert_breadcrumbs(&page, BASE, &canonical(&page), sections + 2);
        let images = article["image"].as_array().expect("images");
        if !page.attrs(".story > figure img", "src").is_empty() {
            assert!(!images.is_empty(), "the hero is the article's image");
            assert_eq!(
                meta(&page, "meta[property='og:image']").as_ref(),
                images[0]["url"].as_str().map(str::to_string).as_ref()
            );
            with_image += 1;
        }
        if let Some(place) = page.texts(".dateline .place").first() {
            assert_eq!(article["contentLocation"]["@type"], "Place");
            assert_eq!(article["contentLocation"]["name"], *place);
            with_dateline += 1;
        }
        for author in article["author"].as_array().expect("authors") {
            if author["@type"] == "Person" {
                let url = author["url"].as_str().expect("url");
                assert_eq!(app.get(&path_of(url)).await.status, 200, "{url}");
                staff += 1;
            }
        }
    }

    assert!(
        with_image > 0 && with_dateline > 0 && staff > 0,
        "image {with_image}, dateline {with_dateline}, staff {staff}"
    );
}

#[tokio::test]
async fn opinion_gallery_and_video_stories_have_their_own_types() {
    let app = spawn_app().await;

    let opinion = app
        .get(&app.first_story_path("/opinion/columns").await)
        .await;
    let gallery = app.get(&app.first_story_path("/gallery").await).await;
    let video = app.get(&app.first_story_path("/tv").await).await;

    assert_article(&of_type(&opinion, "OpinionNewsArticle"), &opinion, "en");
    assert_article(&of_type(&gallery, "NewsArticle"), &gallery, "en");
    let photos = of_type(&gallery, "ImageGallery");
    let photos = photos["image"].as_array().expect("photos");
    assert_eq!(photos.len(), gallery.texts(".gallery figure").len());
    for photo in photos {
        assert!(is_absolute(&photo["url"]), "{photo}");
        assert!(!photo["caption"].as_str().unwrap_or_default().is_empty());
    }
    assert_article(&of_type(&video, "NewsArticle"), &video, "en");
    let clip = of_type(&video, "VideoObject");
    assert_eq!(clip["name"], video.texts("h1")[0]);
    assert!(!clip["description"].as_str().unwrap_or_default().is_empty());
    assert!(is_absolute(&clip["thumbnailUrl"][0]), "{clip}");
    assert_date_time(&clip["uploadDate"], "uploadDate");
    assert_eq!(
        clip["embedUrl"].as_str(),
        video
            .attrs(".embed-video iframe", "src")
            .first()
            .map(String::as_str)
    );
}

#[tokio::test]
async fn arabic_stories_say_their_language() {
    let app = spawn_app().await;
    let path = app.first_story_path("/ar/").await;

    let page = app.get(&path).await;

    let all = json_ld(&page);
    let article = all
        .iter()
        .find(|ld| ld["@type"].as_str().is_some_and(|t| t.ends_with("Article")))
        .expect("an article");
    assert_article(article, &page, "ar");
    assert_social_tags(&page, "article", "ar_AR");
    assert_eq!(
        of_type(&page, "BreadcrumbList")["itemListElement"][0]["item"],
        format!("{BASE}ar/")
    );
    // Its Arabic slug is percent-encoded where its address is a URL (an IRI mapped to a
    // URI); the page's own links may stay IRIs.
    assert!(!path.is_ascii(), "an Arabic slug: {path}");
    let url = canonical(&page);
    assert!(url.is_ascii(), "{url}");
    let decoded = percent_encoding::percent_decode_str(&path_of(&url))
        .decode_utf8()
        .expect("UTF-8")
        .into_owned();
    assert_eq!(decoded, path);
    assert_eq!(article["url"], url.as_str());
    assert_eq!(meta(&page, "meta[property='og:url']"), Some(url));
}

#[tokio::test]
async fn a_hostile_headline_cannot_close_the_json_ld_script() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Plain start", section).await;
    let hostile = "</script><script>alert(1)</script><!-- x";

    let saved = editor
        .save(
            story,
            &[("headline", hostile), ("slug", "hostile-headline")],
            "publish",
        )
        .await;
    let page = app.get(&public_path(&app, story).await).await;

    assert_eq!(saved.status, 303, "{}", saved.text);
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("<script>alert"), "script injected");
    assert!(!page.text.contains("<!-- x"), "comment opened");
    let article = of_type(&page, "NewsArticle");
    assert_eq!(article["headline"], hostile);
    assert_eq!(
        meta(&page, "meta[property='og:title']").as_deref(),
        Some(hostile)
    );
}
