//! The metadata of the home pages and of listings: `WebSite` with its search, the
//! publisher, `CollectionPage` and `ProfilePage` with breadcrumbs, `rel=prev/next`, and
//! `noindex` on pages that should stay out of search engines.

use store::Role;

use super::{
    BASE, assert_breadcrumbs, assert_indexable, assert_noindex, assert_publisher,
    assert_social_tags, canonical, of_type, path_of,
};
use crate::helpers::spawn_app;

#[tokio::test]
async fn home_pages_offer_the_site_search_and_name_the_publisher() {
    let app = spawn_app().await;

    for (path, language, locale) in [("/", "en", "en_US"), ("/ar/", "ar", "ar_AR")] {
        let page = app.get(path).await;
        let home = format!("{BASE}{}", &path[1..]);

        assert_eq!(canonical(&page), home);
        assert_social_tags(&page, "website", locale);
        assert_indexable(&page);
        let website = of_type(&page, "WebSite");
        assert_eq!(website["url"], home);
        assert_eq!(website["inLanguage"], language);
        let search = &website["potentialAction"];
        assert_eq!(search["@type"], "SearchAction");
        assert_eq!(
            search["target"]["urlTemplate"],
            format!("{home}search?q={{search_term_string}}")
        );
        assert_eq!(search["query-input"], "required name=search_term_string");
        let organization = of_type(&page, "NewsMediaOrganization");
        assert_publisher(&organization);
        assert_eq!(organization["url"], home);
    }
}

#[tokio::test]
async fn section_topic_and_keyword_pages_are_collections_with_breadcrumbs() {
    let app = spawn_app().await;
    let story = app
        .get(&app.first_story_path("/politics/diplomacy").await)
        .await;
    let topic = story.attrs(".related-topics a", "href").remove(0);
    let keyword = story.attrs(".keywords a", "href").remove(0);

    for (path, crumbs) in [("/politics/diplomacy", 3), (&topic, 2), (&keyword, 2)] {
        let page = app.get(path).await;

        let url = canonical(&page);
        assert_eq!(url, format!("{BASE}{}", &path[1..]));
        assert_social_tags(&page, "website", "en_US");
        assert_indexable(&page);
        let collection = of_type(&page, "CollectionPage");
        assert_eq!(collection["url"], url);
        assert_eq!(collection["name"], page.texts("h1")[0]);
        assert_eq!(collection["inLanguage"], "en");
        assert_breadcrumbs(&page, BASE, &url, crumbs);
    }
}

#[tokio::test]
async fn author_pages_are_profile_pages_about_a_person() {
    let app = spawn_app().await;
    let story = app
        .get(&app.first_story_path("/opinion/columns").await)
        .await;
    let path = story.attrs(".byline a[rel=author]", "href").remove(0);

    let page = app.get(&path).await;

    let url = canonical(&page);
    assert_social_tags(&page, "profile", "en_US");
    let profile = of_type(&page, "ProfilePage");
    let person = &profile["mainEntity"];
    assert_eq!(person["@type"], "Person");
    assert_eq!(person["name"], page.texts("h1")[0]);
    assert_eq!(person["url"], url);
    assert_breadcrumbs(&page, BASE, &url, 2);
}

#[tokio::test]
async fn paged_listings_link_their_neighbours_in_the_head() {
    let app = spawn_app().await;
    let first = app.get("/politics").await;
    let next = first.attrs("link[rel=next]", "href");
    assert_eq!(next.len(), 1, "page 1 links page 2");
    assert!(next[0].starts_with(BASE));
    assert!(first.attrs("link[rel=prev]", "href").is_empty());

    let second = app.get(&path_of(&next[0])).await;

    assert_eq!(second.status, 200);
    assert_eq!(canonical(&second), next[0]);
    let prev = second.attrs("link[rel=prev]", "href");
    assert_eq!(prev.len(), 1, "page 2 links back");
    assert!(prev[0].starts_with(BASE));
    assert_eq!(
        app.get(&path_of(&prev[0]))
            .await
            .attrs("link[rel=canonical]", "href"),
        first.attrs("link[rel=canonical]", "href")
    );
    assert_eq!(of_type(&second, "CollectionPage")["url"], next[0]);
    assert_indexable(&second);
}

#[tokio::test]
async fn empty_listings_search_results_and_previews_are_not_indexed() {
    let app = spawn_app().await;
    let store = app.store().await;
    let authors = store.all_authors().await.expect("authors");
    store.close().await;
    let mut empty = None;
    for author in authors {
        let page = app.get(&format!("/author/{}", author.slug)).await;
        if page.status == 200 && page.texts(".teaser").is_empty() {
            empty = Some(page);
            break;
        }
    }
    let empty = empty.expect("an author without English stories");
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Not yet public", app.a_section_id().await)
        .await;

    let search = app.get("/search?page=1&q=turkey&q=ignored").await;
    let preview = editor.get(&format!("/admin/stories/{story}/preview")).await;

    assert_noindex(&empty);
    assert_noindex(&search);
    assert!(canonical(&search).starts_with(&format!("{BASE}search?")));
    assert_eq!(preview.status, 200);
    assert_noindex(&preview);
}
