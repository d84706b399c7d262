//! The reader search page as readers use it: stories published through the newsroom are
//! found within a second with the words marked, and leave as fast; English stems, phrases
//! and exclusions; the search box on every page. Filters and pages, other languages and
//! bad input have their own files.

use std::time::Duration;

use store::{Edition, Role};

use crate::desk::Desk;
use crate::editor::within;
use crate::helpers::{Page, TestApp, spawn_app};

mod filters;
mod input;
mod languages;

/// How long a published, edited or unpublished story may take to reach the search page.
const SECOND: Duration = Duration::from_secs(1);

/// GETs a search page with these query fields, percent-encoded.
pub async fn search(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
    app.get(&search_url(path, fields)).await
}

/// The address of a search with these query fields, percent-encoded.
pub fn search_url(path: &str, fields: &[(&str, &str)]) -> String {
    let query: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{name}={}", url_encode(value)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Percent-encodes every byte but unreserved ASCII.
fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// A word the small demo's stories use: the longest in the headline of the first story
/// on a list page.
pub async fn demo_word(app: &TestApp, list: &str) -> String {
    let story = app.get(&app.first_story_path(list).await).await;
    story.texts("h1")[0]
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|word| word.chars().count())
        .expect("a word")
        .to_lowercase()
}

/// The headlines of a results page, in order.
pub fn headlines(page: &Page) -> Vec<String> {
    page.texts(".result-headline a")
}

/// The English and the Arabic edition.
pub async fn editions(app: &TestApp) -> (Edition, Edition) {
    let store = app.store().await;
    let mut editions = store.editions().await.expect("editions").into_iter();
    store.close().await;
    let english = editions.next().expect("English");
    let arabic = editions.next().expect("Arabic");
    (english, arabic)
}

/// The id of the section at a path below an edition ("world/europe").
pub async fn section_id(app: &TestApp, edition: &Edition, path: &str) -> i64 {
    let store = app.store().await;
    let sections = store.sections(edition.id).await.expect("sections");
    store.close().await;
    let mut parent = None;
    for slug in path.split('/') {
        let section = sections
            .iter()
            .find(|section| section.parent_id == parent && section.slug == slug)
            .unwrap_or_else(|| panic!("no section {path}"));
        parent = Some(section.id);
    }
    parent.expect("a path")
}

/// Writes a story through the newsroom's editor form and publishes it; `fields` are the
/// form's (headline, section_id and body at least). Returns its id.
pub async fn publish(desk: &Desk<'_>, edition: &Edition, fields: &[(&str, &str)]) -> i64 {
    let mut form = vec![("kind", "news")];
    form.extend_from_slice(fields);
    let created = desk
        .post(&format!("/admin/stories?edition={}", edition.id), &form)
        .await;
    assert_eq!(created.status, 303, "create: {}", created.text);
    let id = created
        .location()
        .trim_start_matches("/admin/stories/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("story id in the redirect");
    let published = desk.save(id, &[], "publish").await;
    assert_eq!(published.status, 303, "publish: {}", published.text);
    id
}

/// Polls a search until its results hold `headline` (or, with `present` false, no longer
/// do), for at most a second.
pub async fn until_found(app: &TestApp, url: &str, headline: &str, present: bool) {
    let wanted = format!(">{headline}<");
    within(app, url, SECOND, |status, text| {
        status == 200 && text.contains(&wanted) == present
    })
    .await;
}

#[tokio::test]
async fn a_published_story_is_found_within_a_second_with_its_words_marked_and_leaves_as_fast() {
    let app = spawn_app().await;
    let store = app.store().await;
    let index = store.index_state().await.expect("index state");
    store.close().await;
    assert!(
        index.complete,
        "each test's copy of the demo has its index built"
    );
    let (english, _) = editions(&app).await;
    let section = section_id(&app, &english, "world/europe").await.to_string();
    let editor = app.desk(Role::Editor).await;
    let url = search_url("/search", &[("q", "quillmarsh")]);
    assert!(headlines(&app.get(&url).await).is_empty());

    let story = publish(
        &editor,
        &english,
        &[
            ("headline", "Ferries sail again"),
            ("section_id", &section),
            ("body", "The ferries to Quillmarsh sailed again on Monday."),
        ],
    )
    .await;

    until_found(&app, &url, "Ferries sail again", true).await;
    let page = app.get(&url).await;
    assert_eq!(page.texts(".result-snippet mark"), ["Quillmarsh"]);
    assert_eq!(page.texts(".search-summary strong"), ["1 result"]);
    assert_eq!(page.texts(".search-result .topic-label"), ["Europe"]);
    assert_eq!(page.attrs("#search-q", "value"), ["quillmarsh"]);
    assert_eq!(page.headers["cache-control"], "no-store");
    assert_eq!(page.attrs("meta[name=robots]", "content"), ["noindex"]);
    assert!(
        page.texts(".search-note").is_empty(),
        "no note: the index is complete"
    );
    let unpublished = editor.save(story, &[], "unpublish").await;
    assert_eq!(unpublished.status, 303, "{}", unpublished.text);
    until_found(&app, &url, "Ferries sail again", false).await;
    assert_eq!(
        app.get(&url).await.texts(".search-empty p")[0],
        "No stories match your search."
    );
}

#[tokio::test]
async fn english_stems_phrases_and_exclusions_find_what_the_reader_means() {
    let app = spawn_app().await;
    let (english, _) = editions(&app).await;
    let section = section_id(&app, &english, "world/europe").await.to_string();
    let editor = app.desk(Role::Editor).await;
    let stories = [
        (
            "Lighthouses of Quillmarsh",
            "Three lighthouses on the Quillmarsh coast were repaired by the lantern keeper.",
        ),
        (
            "A keeper retires",
            "The Quillmarsh keeper of the lantern retires after forty years.",
        ),
    ];
    for (headline, body) in stories {
        let fields = [
            ("headline", headline),
            ("section_id", &section),
            ("body", body),
        ];
        publish(&editor, &english, &fields).await;
    }
    until_found(
        &app,
        "/search?q=quillmarsh+keeper",
        "A keeper retires",
        true,
    )
    .await;

    let cases: [(&str, &[&str], &str); 5] = [
        (
            "quillmarsh lighthouse",
            &["Lighthouses of Quillmarsh"],
            "a plural finds the singular",
        ),
        (
            "Quillmarsh \"lantern keeper\"",
            &["Lighthouses of Quillmarsh"],
            "the phrase in its order",
        ),
        (
            "quillmarsh keeper -lighthouses",
            &["A keeper retires"],
            "an exclusion",
        ),
        (
            "quillmarsh “keeper retires",
            &["A keeper retires"],
            "an unclosed curly quote",
        ),
        (
            "QUILLMARSH keepers",
            &["Lighthouses of Quillmarsh", "A keeper retires"],
            "any case and form",
        ),
    ];
    for (typed, expected, reason) in cases {
        let page = search(&app, "/search", &[("q", typed)]).await;
        let mut found = headlines(&page);
        found.sort();
        let mut expected: Vec<String> = expected.iter().map(|h| h.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected, "{reason}: {typed}");
    }
    let phrase = search(&app, "/search", &[("q", "quillmarsh \"lantern keeper\"")]).await;
    assert_eq!(
        phrase.texts(".search-for q"),
        ["quillmarsh \"lantern keeper\""]
    );
}

#[tokio::test]
async fn every_reader_page_has_a_search_box_that_works_without_script() {
    let app = spawn_app().await;
    let story = app.first_story_path("/world").await;

    for (path, action) in [
        ("/", "/search"),
        (story.as_str(), "/search"),
        ("/ar/", "/ar/search"),
        ("/no-such-page", "/search"),
    ] {
        let page = app.get(path).await;

        assert_eq!(
            page.attrs("form.site-search[role=search]", "action"),
            [action],
            "{path}"
        );
        assert_eq!(page.attrs("form.site-search", "method"), ["get"], "{path}");
        assert_eq!(
            page.attrs("form.site-search input[type=search]", "name"),
            ["q"],
            "{path}"
        );
        assert_eq!(
            page.attrs("label[for=site-search-q]", "class").len(),
            1,
            "{path}"
        );
    }
    let empty = app.get("/search").await;
    assert_eq!(empty.status, 200);
    assert!(empty.texts(".search-hint")[0].starts_with("Type a word or two"));
    assert!(headlines(&empty).is_empty());
    assert!(empty.attrs("#site-search-q", "value").is_empty());
    let searched = app.get("/search?q=%3Cb%3Eport").await;
    assert_eq!(
        searched.attrs("#site-search-q", "value"),
        ["<b>port"],
        "the header's box keeps the query, escaped"
    );
    assert!(!searched.text.contains("<b>port"));
}
