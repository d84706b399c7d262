//! The pictures search engines and social sites show: a story's crops in three ratios in its
//! JSON-LD, its 16:9 crop at 1200 pixels as `og:image` and `twitter:image`, and the lead
//! story's picture on the home, section, topic and author pages; every address answers with
//! a picture of the size it states.

use serde_json::Value;

use super::{meta, of_type, path_of, story_paths};
use crate::helpers::{Page, TestApp, spawn_app};
use crate::media_crops::served_size;

/// Checks a page's `og:image` (answering with its stated size) and returns its size.
async fn assert_og_image(app: &TestApp, page: &Page) -> (u32, u32) {
    let url = meta(page, "meta[property='og:image']").expect("og:image");
    let width: u32 = meta(page, "meta[property='og:image:width']")
        .and_then(|width| width.parse().ok())
        .expect("og:image:width");
    let height: u32 = meta(page, "meta[property='og:image:height']")
        .and_then(|height| height.parse().ok())
        .expect("og:image:height");
    assert_eq!(
        served_size(app, &path_of(&url)).await,
        (width, height),
        "{url}"
    );
    assert_eq!(meta(page, "meta[name='twitter:image']"), Some(url));
    assert_eq!(
        meta(page, "meta[name='twitter:card']").as_deref(),
        Some("summary_large_image")
    );
    (width, height)
}

#[tokio::test]
async fn a_story_lists_its_crops_in_three_ratios_and_shows_the_wide_one_to_social_sites() {
    let app = spawn_app().await;
    let mut checked = 0;

    for path in story_paths(&app, &["/politics/diplomacy"]).await {
        let page = app.get(&path).await;
        if page.attrs(".story > figure img", "src").is_empty() {
            continue;
        }
        let article = of_type(&page, "NewsArticle");
        let images: Vec<Value> = article["image"].as_array().expect("images").clone();
        let mut ratios = Vec::new();
        for image in images.iter().take(3) {
            let (width, height) = (image["width"].as_u64(), image["height"].as_u64());
            let url = image["url"].as_str().expect("url");
            let served = served_size(&app, &path_of(url)).await;
            assert_eq!(
                (Some(u64::from(served.0)), Some(u64::from(served.1))),
                (width, height),
                "{url}"
            );
            assert!(
                served.0 * served.1 >= 50_000,
                "at least 50,000 pixels: {url}"
            );
            ratios.push(f64::from(served.0) / f64::from(served.1));
        }
        let expected = [16.0 / 9.0, 4.0 / 3.0, 1.0];
        for (ratio, expected) in ratios.iter().zip(expected) {
            assert!((ratio - expected).abs() < 0.01, "{ratios:?}");
        }
        assert_eq!(assert_og_image(&app, &page).await, (1200, 675));
        assert!(meta(&page, "meta[property='og:image:alt']").is_some());
        checked += 1;
    }

    assert!(checked > 0, "a story with a picture");
}

#[tokio::test]
async fn home_and_listing_pages_show_their_lead_storys_wide_crop() {
    let app = spawn_app().await;
    let topic = app.get("/").await.attrs("a[href^='/topic/']", "href");
    let mut paths = vec!["/".to_string(), "/ar/".to_string(), "/politics".to_string()];
    paths.extend(topic.into_iter().take(1));

    for path in paths {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(assert_og_image(&app, &page).await, (1200, 675), "{path}");
    }
}

#[tokio::test]
async fn search_contact_newsletter_and_job_pages_carry_open_graph_and_twitter_tags() {
    let app = spawn_app().await;
    let job = app.get("/jobs").await.attrs("a[href^='/jobs/']", "href");
    let mut pages = vec![
        ("/search?q=turkey".to_string(), "en_US", true),
        ("/ar/search?q=تركيا".to_string(), "ar_AR", true),
        ("/contact".to_string(), "en_US", true),
        ("/ar/contact".to_string(), "ar_AR", true),
        ("/newsletter".to_string(), "en_US", true),
        ("/ar/newsletter".to_string(), "ar_AR", true),
    ];
    pages.extend(job.into_iter().take(1).map(|path| (path, "en_US", false)));
    assert_eq!(pages.len(), 7, "a job listing in the demo");

    for (path, locale, private) in pages {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        let url = meta(&page, "meta[property='og:url']").unwrap_or_default();
        assert!(url.starts_with(super::BASE), "{path}: og:url {url}");
        assert!(meta(&page, "meta[property='og:title']").is_some_and(|title| !title.is_empty()));
        assert_eq!(
            meta(&page, "meta[property='og:site_name']").as_deref(),
            Some("The Meridian Herald")
        );
        assert_eq!(
            meta(&page, "meta[property='og:locale']").as_deref(),
            Some(locale)
        );
        assert!(meta(&page, "meta[name='twitter:card']").is_some(), "{path}");
        let robots = page.attrs("meta[name=robots]", "content");
        let expected = if private {
            "noindex"
        } else {
            "max-image-preview:large"
        };
        assert_eq!(robots, [expected], "{path}");
    }
}
