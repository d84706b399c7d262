//! What readers and editors see of an agency's short name, logo and site, and of an
//! author's photo: the story page's byline and its JSON-LD in both editions, and the media
//! library's "where used" for an image that profiles show.

use store::{Role, Store};

use super::library_image;
use crate::helpers::{Page, TestApp};
use crate::validity::assert_valid;

/// The first story page, below an edition's home page or its menu's top sections, whose
/// byline credits an agency.
async fn page_crediting_an_agency(app: &TestApp, home: &str) -> (String, Page) {
    let mut lists = vec![home.to_string()];
    lists.extend(app.get(home).await.attrs(".mega-top > li > a", "href"));
    for list in lists {
        for path in app.get(&list).await.attrs(".teaser-headline a", "href") {
            let page = app.get(&path).await;
            if !page.texts(".byline .agency").is_empty() {
                return (path, page);
            }
        }
    }
    panic!("no story below {home} credits an agency");
}

/// Gives every agency a short name, the library image `logo` and a site of its own.
async fn brand_every_agency(app: &TestApp, store: &dyn Store, logo: i64) {
    let editor = app.desk(Role::Editor).await;
    let logo = logo.to_string();
    for agency in store.all_agencies().await.expect("agencies") {
        let short = format!("W{}", agency.id);
        let url = format!("https://wire{}.example/news", agency.id);
        let form = [
            ("name", agency.name.as_str()),
            ("short_name", short.as_str()),
            ("logo_id", logo.as_str()),
            ("url", url.as_str()),
        ];
        let saved = editor
            .post(&format!("/admin/agencies/{}", agency.id), &form)
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text);
    }
}

#[tokio::test]
async fn an_agency_byline_links_its_site_with_its_logo_in_both_editions() {
    let app = crate::helpers::spawn_app().await;
    let store = app.store().await;
    let logo = library_image(&*store).await;

    brand_every_agency(&app, &*store, logo).await;

    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths = Vec::new();
    for (index, home) in ["/", "/ar/"].into_iter().enumerate() {
        let (path, page) = page_crediting_an_agency(&app, home).await;
        let name = page.texts(".byline a.agency").remove(0);
        let href = page.attrs(".byline a.agency", "href").remove(0);
        assert!(href.starts_with("https://wire"), "{path}: {href}");
        assert_eq!(
            page.attrs(".byline a.agency", "rel")[0],
            "external noopener"
        );
        let agency = store
            .all_agencies()
            .await
            .expect("agencies")
            .into_iter()
            .find(|agency| agency.name == name)
            .expect("a stored agency");
        assert_eq!(name, agency.name, "the full name on the story page");
        assert_eq!(page.attrs(".byline .credit-logo img", "alt")[0], name);
        for attribute in ["width", "height", "src"] {
            let value = &page.attrs(".byline .credit-logo img", attribute)[0];
            assert!(!value.is_empty(), "{path}: the logo's {attribute}");
        }
        let json_ld: serde_json::Value =
            serde_json::from_str(&page.texts("script[type='application/ld+json']")[0])
                .expect("JSON-LD parses");
        let organization = json_ld["author"]
            .as_array()
            .expect("authors")
            .iter()
            .find(|author| author["@type"] == "Organization")
            .expect("the agency as an Organization")
            .clone();
        assert_eq!(organization["name"], name.as_str());
        assert_eq!(organization["alternateName"], format!("W{}", agency.id));
        assert_eq!(organization["url"], href.as_str());
        let logo_url = organization["logo"].as_str().expect("a logo URL");
        assert!(
            logo_url.starts_with("http://masthead.test/media/"),
            "{logo_url}"
        );
        std::fs::write(dir.path().join(format!("story{index}.html")), &page.text).expect("write");
        paths.push(path);
    }
    assert_valid(dir.path(), &paths);
}

#[tokio::test]
async fn the_media_library_lists_authors_and_agencies_that_show_an_image() {
    let app = crate::helpers::spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    let store = app.store().await;
    let image = library_image(&*store).await;
    let agency = store.all_agencies().await.expect("agencies").remove(0);
    let author = store.all_authors().await.expect("authors").remove(0);
    let image_id = image.to_string();

    let saved_agency = editor
        .post(
            &format!("/admin/agencies/{}", agency.id),
            &[("name", agency.name.as_str()), ("logo_id", &image_id)],
        )
        .await;
    let edit_author = format!("/admin/authors/{}", author.id);
    let fields = [
        ("name", author.name.as_str()),
        ("slug", author.slug.as_str()),
        ("image_id", image_id.as_str()),
    ];
    let saved_author = editor.post(&edit_author, &fields).await;

    assert_eq!(saved_agency.status, 303, "{}", saved_agency.text);
    assert_eq!(saved_author.status, 303, "{}", saved_author.text);
    let page = editor.get(&format!("/admin/media/{image}")).await;
    let rows = page.texts(".media-profiles tbody tr");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains(&author.name) && rows[0].contains("Author photo"));
    assert!(rows[1].contains(&agency.name) && rows[1].contains("Agency logo"));
    assert_eq!(
        page.attrs(".media-profiles a", "href"),
        [edit_author, format!("/admin/agencies#name-{}", agency.id)]
    );
    // Reporters see who uses it, without links to pages they may not open.
    let reporters_view = reporter.get(&format!("/admin/media/{image}")).await;
    assert_eq!(reporters_view.texts(".media-profiles tbody tr").len(), 2);
    assert!(reporters_view.attrs(".media-profiles a", "href").is_empty());
}
