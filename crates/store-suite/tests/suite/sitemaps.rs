//! Reads for sitemaps: months counted, a month's stories by range, listing pages with
//! stories; only published stories, never static pages or other editions'.

use jiff::Timestamp;
use store::*;

use crate::backend::english_edition;
use crate::stories::{section, story};

fn at(text: &str) -> Timestamp {
    text.parse().expect("time")
}

/// A published story at `published`, updated at `updated`.
fn dated(edition_id: i64, section_id: i64, slug: &str, published: &str, updated: &str) -> NewStory {
    let mut new = story(edition_id, section_id, slug, 0);
    new.published_at = Some(at(published));
    new.updated_at = at(updated);
    new
}

async fn months_count_published_stories_and_their_newest_update(store: &dyn Store) {
    let edition = english_edition(store).await;
    let world = section(store, edition, None, "world").await;
    for (slug, published, updated) in [
        ("a", "2026-10-31T23:59:59Z", "2026-11-02T00:00:00Z"),
        ("b", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        ("c", "2026-11-15T10:00:00Z", "2026-11-20T10:00:00Z"),
    ] {
        let new = dated(edition, world, slug, published, updated);
        store.create_story(&new).await.expect("story");
    }
    let mut draft = dated(
        edition,
        world,
        "draft",
        "2026-11-03T00:00:00Z",
        "2026-12-01T00:00:00Z",
    );
    draft.status = StoryStatus::Draft;
    store.create_story(&draft).await.expect("draft");
    let mut page = dated(
        edition,
        world,
        "about",
        "2026-11-03T00:00:00Z",
        "2026-12-01T00:00:00Z",
    );
    page.fields.kind = StoryKind::Page;
    page.fields.section_id = None;
    store.create_story(&page).await.expect("page");
    let later = dated(
        edition,
        world,
        "later",
        "2026-12-05T00:00:00Z",
        "2026-12-05T00:00:00Z",
    );
    store.create_story(&later).await.expect("later");

    let months = store
        .story_months(edition, at("2026-12-01T00:00:00Z"))
        .await
        .expect("months");

    let expected = vec![
        StoryMonth {
            month: 202_610,
            stories: 1,
            updated_at: at("2026-11-02T00:00:00Z"),
        },
        StoryMonth {
            month: 202_611,
            stories: 2,
            updated_at: at("2026-11-20T10:00:00Z"),
        },
    ];
    assert_eq!(
        months, expected,
        "drafts, pages and later stories are not counted"
    );
}

async fn a_months_stories_come_oldest_first_in_parts_with_their_images(store: &dyn Store) {
    let edition = english_edition(store).await;
    let world = section(store, edition, None, "world").await;
    let image = |key: &str| NewImage {
        width: 640,
        height: 360,
        caption: String::new(),
        credit: String::new(),
        alt: String::new(),
        focal_x: 0.5,
        focal_y: 0.5,
        renditions: vec![Rendition {
            width: 640,
            height: 360,
            format: "jpeg".into(),
            key: format!("{key}/640.jpeg"),
        }],
        crops: Vec::new(),
    };
    let hero = store.create_image(&image("hero")).await.expect("image");
    let photo = store.create_image(&image("photo")).await.expect("image");
    let mut gallery = dated(
        edition,
        world,
        "g",
        "2026-11-02T00:00:00Z",
        "2026-11-02T00:00:00Z",
    );
    gallery.fields.kind = StoryKind::Gallery;
    gallery.fields.hero_image_id = Some(hero);
    gallery.fields.gallery = vec![
        GalleryItem {
            image_id: photo,
            caption: String::new(),
        },
        GalleryItem {
            image_id: hero,
            caption: String::new(),
        },
    ];
    store.create_story(&gallery).await.expect("gallery");
    for (slug, published) in [("b", "2026-11-03T00:00:00Z"), ("a", "2026-11-01T00:00:00Z")] {
        let new = dated(edition, world, slug, published, published);
        store.create_story(&new).await.expect("story");
    }
    let mut query = SitemapQuery {
        edition_id: edition,
        from: at("2026-11-01T00:00:00Z"),
        until: at("2026-12-01T00:00:00Z"),
        limit: 2,
        offset: 0,
        newest_first: false,
    };

    let first = store.sitemap_stories(&query).await.expect("first part");
    query.offset = 2;
    let second = store.sitemap_stories(&query).await.expect("second part");
    query.newest_first = true;
    query.offset = 0;
    let newest = store.sitemap_stories(&query).await.expect("newest first");

    let slugs = |stories: &[SitemapStory]| -> Vec<String> {
        stories.iter().map(|story| story.slug.clone()).collect()
    };
    assert_eq!(slugs(&first), ["a", "g"]);
    assert_eq!(slugs(&second), ["b"]);
    assert_eq!(slugs(&newest), ["b", "g"]);
    assert_eq!(
        first[1].image_ids,
        [hero, photo],
        "the lead image first, once"
    );
    assert_eq!(first[1].kind, StoryKind::Gallery);
    assert_eq!(first[0].published_at, at("2026-11-01T00:00:00Z"));
}

async fn listing_pages_with_stories_carry_their_newest(store: &dyn Store) {
    let edition = english_edition(store).await;
    let world = section(store, edition, None, "world").await;
    let europe = section(store, edition, Some(world), "europe").await;
    section(store, edition, None, "empty").await;
    let keyword = store
        .ensure_keyword(edition, "nato", "NATO")
        .await
        .expect("keyword");
    store
        .ensure_keyword(edition, "unused", "Unused")
        .await
        .expect("keyword");
    let mut new = story(edition, europe, "talks", 60);
    new.fields.keyword_ids = vec![keyword];
    let published = new.published_at.expect("published");
    store.create_story(&new).await.expect("story");
    let mut draft = story(edition, europe, "draft", 0);
    draft.status = StoryStatus::Draft;
    store.create_story(&draft).await.expect("draft");

    let mut pages = store.listed_pages(edition).await.expect("pages");
    pages.sort_by_key(|page| (page.slug.clone(), page.id));

    let listed: Vec<(ListedKind, &str)> = pages
        .iter()
        .map(|page| (page.kind, page.slug.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (ListedKind::Section, "europe"),
            (ListedKind::Keyword, "nato"),
            (ListedKind::Section, "world"),
        ],
        "no empty section or keyword, the parent of a subsection's story"
    );
    let newest: Vec<i64> = pages.iter().map(|page| page.newest.as_second()).collect();
    assert_eq!(newest, [published.as_second(); 3]);
}

crate::on_both_backends!(
    months_count_published_stories_and_their_newest_update,
    a_months_stories_come_oldest_first_in_parts_with_their_images,
    listing_pages_with_stories_carry_their_newest,
);
