//! Editions that know each other: a story linked to its translation in the other edition
//! (symmetrical, one per edition, audited), the language links both pages then carry, and
//! who may link; starting a translation and the untranslated list are in `start`.

mod reader;
mod start;

use std::time::{Duration, Instant};

use masthead::service::counterpart::counterpart_section;
use store::{Role, StoryFilter, StoryQuery, Teaser};

use crate::desk::Desk;
use crate::helpers::{Page, TestApp, spawn_app};

/// The demo's editions: English (the default, no prefix) and Arabic (`/ar`).
const ENGLISH: i64 = 1;
const ARABIC: i64 = 2;

/// How long a link may take to reach readers.
const AT_ONCE: Duration = Duration::from_secs(1);

/// The latest published stories of an edition.
async fn published(app: &TestApp, edition: i64, count: u32) -> Vec<Teaser> {
    let store = app.store().await;
    let query = StoryQuery::latest(edition, StoryFilter::All, count);
    let teasers = store.teasers(&query).await.expect("teasers");
    store.close().await;
    teasers
}

/// The latest published English story whose section has a counterpart in the Arabic
/// edition (the demo's Arabic tree lacks a few of the English sections).
async fn english_with_arabic_section(app: &TestApp) -> Teaser {
    let site = app.state.as_ref().expect("in-process app").site();
    let (english, arabic) = (site.edition(ENGLISH), site.edition(ARABIC));
    let (english, arabic) = (english.expect("English"), arabic.expect("Arabic"));
    published(app, ENGLISH, 30)
        .await
        .into_iter()
        .find(|teaser| {
            let section = teaser.section_id.expect("a section");
            counterpart_section(english, section, arabic).is_some()
        })
        .expect("a story in a section both editions have")
}

/// The site's absolute address, as canonical URLs name it.
fn base(app: &TestApp) -> String {
    app.state.as_ref().expect("in-process app").base_url.clone()
}

/// A story's public path, as its edition's list links it.
async fn path_of(app: &TestApp, teaser: &Teaser) -> String {
    let site = app.state.as_ref().expect("in-process app").site();
    site.story_path(teaser)
}

/// A story's linked counterparts, from the store.
async fn counterparts(app: &TestApp, id: i64) -> Vec<i64> {
    let store = app.store().await;
    let links = store.translations(id).await.expect("translations");
    store.close().await;
    links.iter().map(|link| link.story_id).collect()
}

/// Links two stories through the editor's form.
async fn link(desk: &Desk<'_>, story: i64, counterpart: &str) -> Page {
    desk.post(
        &format!("/admin/stories/{story}/translation"),
        &[("counterpart", counterpart)],
    )
    .await
}

/// The page's `hreflang` links as (hreflang, href).
fn hreflangs(page: &Page) -> Vec<(String, String)> {
    let selector = scraper::Selector::parse("link[rel=alternate][hreflang]").expect("selector");
    page.html()
        .select(&selector)
        .map(|element| {
            let attr = |name| element.value().attr(name).unwrap_or_default().to_string();
            (attr("hreflang"), attr("href"))
        })
        .collect()
}

/// Whether a tag has the shape of a BCP 47 language tag (RFC 5646): a primary language
/// of 2 to 3 letters, then subtags of 1 to 8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Polls a public page until `check` holds, for at most [`AT_ONCE`] and a little.
async fn within_a_second(app: &TestApp, path: &str, check: impl Fn(&Page) -> bool) -> Page {
    let started = Instant::now();
    loop {
        let page = app.get(path).await;
        if check(&page) {
            return page;
        }
        assert!(
            started.elapsed() < AT_ONCE + Duration::from_millis(500),
            "{path} did not change in time:\n{:?}",
            hreflangs(&page)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn linked_published_stories_carry_hreflang_for_both_and_a_visible_link_to_each_other() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    let (en_path, ar_path) = (path_of(&app, &english).await, path_of(&app, &arabic).await);
    let before = app.get(&en_path).await;

    let linked = link(&editor, english.id, &arabic.id.to_string()).await;

    assert!(hreflangs(&before).is_empty(), "no language links before");
    assert_eq!(linked.status, 303, "{}", linked.text);
    assert_eq!(
        linked.location(),
        format!("/admin/stories/{}?notice=linked", english.id)
    );
    // As URLs: an Arabic slug percent-encoded.
    let url = |path: &str| {
        let path = percent_encoding::utf8_percent_encode(path, percent_encoding::CONTROLS);
        format!("{}{path}", base(&app))
    };
    let (en_url, ar_url) = (url(&en_path), url(&ar_path));
    let expected = vec![
        ("en".to_string(), en_url.clone()),
        ("ar".to_string(), ar_url.clone()),
        ("x-default".to_string(), en_url.clone()),
    ];
    let en_page = within_a_second(&app, &en_path, |page| !hreflangs(page).is_empty()).await;
    let ar_page = app.get(&ar_path).await;
    assert_eq!(
        hreflangs(&en_page),
        expected,
        "the cached English page changed"
    );
    let mut from_arabic = hreflangs(&ar_page);
    from_arabic.swap(0, 1);
    assert_eq!(
        from_arabic, expected,
        "the Arabic page names the same three"
    );
    assert_eq!(en_page.texts(".read-in a"), ["اقرأ بالعربية"]);
    assert_eq!(en_page.attrs(".read-in a", "href"), [ar_url]);
    assert_eq!(en_page.attrs(".read-in a span", "lang"), ["ar"]);
    assert_eq!(en_page.attrs(".read-in a span", "dir"), ["rtl"]);
    assert_eq!(ar_page.texts(".read-in a"), ["Read in English"]);
    assert_eq!(ar_page.attrs(".read-in a span", "lang"), ["en"]);
    assert_eq!(ar_page.attrs(".read-in a span", "dir"), ["ltr"]);
    assert_eq!(
        counterparts(&app, arabic.id).await,
        [english.id],
        "symmetrical"
    );
}

#[tokio::test]
async fn relinking_replaces_the_old_link_on_both_sides_and_unlinking_removes_it_audited() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 2).await;
    let (first, second) = (&arabic[0], &arabic[1]);
    link(&editor, english.id, &first.id.to_string()).await;
    let first_path = path_of(&app, first).await;
    app.get(&first_path).await;

    let relinked = link(&editor, second.id, &english.id.to_string()).await;
    let after_relink = (
        counterparts(&app, english.id).await,
        counterparts(&app, first.id).await,
        counterparts(&app, second.id).await,
    );
    let unlinked = editor
        .post(
            &format!("/admin/stories/{}/translation/unlink", english.id),
            &[("edition", &ARABIC.to_string())],
        )
        .await;

    assert_eq!(relinked.status, 303, "{}", relinked.text);
    assert_eq!(
        after_relink,
        (vec![second.id], vec![], vec![english.id]),
        "the old counterpart lost its side too"
    );
    within_a_second(&app, &first_path, |page| hreflangs(page).is_empty()).await;
    assert_eq!(unlinked.status, 303, "{}", unlinked.text);
    assert!(counterparts(&app, english.id).await.is_empty());
    assert!(counterparts(&app, second.id).await.is_empty());
    let store = app.store().await;
    let log = store.audit_log(20, 0).await.expect("audit");
    let actions: Vec<(&str, Option<i64>, bool)> = log
        .iter()
        .filter(|entry| entry.action.contains("translation"))
        .map(|entry| {
            let by = entry.user_name.as_deref() == Some("Test Person");
            (entry.action.as_str(), entry.entity_id, by)
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("story.unlink_translation", Some(english.id), true),
            ("story.link_translation", Some(second.id), true),
            ("story.link_translation", Some(english.id), true),
        ]
    );
}

#[tokio::test]
async fn a_draft_counterpart_is_never_linked_from_the_site_until_it_is_published() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = english_with_arabic_section(&app).await;
    let en_path = path_of(&app, &english).await;
    let draft = start::translate(&editor, english.id, ARABIC).await;
    let page = app.get(&en_path).await;

    let publish = editor.save(draft, &[], "publish").await;

    assert!(hreflangs(&page).is_empty(), "{:?}", hreflangs(&page));
    assert!(page.texts(".read-in").is_empty());
    assert_eq!(publish.status, 303, "{}", publish.text);
    let linked = within_a_second(&app, &en_path, |page| hreflangs(page).len() == 3).await;
    assert_eq!(linked.texts(".read-in a"), ["اقرأ بالعربية"]);
}

#[tokio::test]
async fn home_pages_always_and_sections_and_topics_with_a_counterpart_carry_language_links() {
    let app = spawn_app().await;
    let home = format!("{}/", base(&app));
    let arabic_home = format!("{}/ar/", base(&app));

    let en = app.get("/").await;
    let ar = app.get("/ar/").await;
    let section = app.get("/world").await;
    let second_page = app.get("/world?page=2").await;
    let topic = app.get("/ar/topic/heritage").await;
    let english_only = app.get("/topic/migration").await;

    let both = vec![
        ("en".to_string(), home.clone()),
        ("ar".to_string(), arabic_home.clone()),
        ("x-default".to_string(), home.clone()),
    ];
    assert_eq!(hreflangs(&en), both);
    assert_eq!(hreflangs(&ar)[2], ("x-default".to_string(), home.clone()));
    assert_eq!(
        hreflangs(&section),
        [
            ("en".to_string(), format!("{home}world")),
            ("ar".to_string(), format!("{arabic_home}world")),
            ("x-default".to_string(), format!("{home}world")),
        ]
    );
    assert!(hreflangs(&second_page).is_empty(), "only the first page");
    assert_eq!(topic.status, 200);
    assert_eq!(
        hreflangs(&topic),
        [
            ("ar".to_string(), format!("{arabic_home}topic/heritage")),
            ("en".to_string(), format!("{home}topic/heritage")),
            ("x-default".to_string(), format!("{home}topic/heritage")),
        ],
        "a topic with the same slug in both editions"
    );
    assert_eq!(english_only.status, 200);
    assert!(
        hreflangs(&english_only).is_empty(),
        "no Arabic topic of that slug"
    );
    for page in [&en, &ar, &section, &topic] {
        for (tag, url) in hreflangs(page) {
            assert!(
                tag == "x-default" || is_language_tag(&tag),
                "{tag} is BCP 47"
            );
            assert!(url.starts_with("http://"), "{url} is absolute");
        }
    }
}

#[tokio::test]
async fn only_those_who_may_edit_both_stories_link_them_and_never_without_the_form_token() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let contributor = app.desk(Role::Contributor).await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    let counterpart = arabic.id.to_string();

    let by_reporter = link(&reporter, english.id, &counterpart).await;
    let by_contributor = link(&contributor, english.id, &counterpart).await;
    let forged = editor
        .post_without_token(
            &format!("/admin/stories/{}/translation", english.id),
            &[("counterpart", &counterpart)],
        )
        .await;
    let translate_forged = editor
        .post_without_token(
            &format!("/admin/stories/{}/translate", english.id),
            &[("edition", "2")],
        )
        .await;

    assert_eq!(
        by_reporter.status, 403,
        "a reporter cannot change published pages"
    );
    assert_eq!(by_contributor.status, 403);
    assert_eq!(forged.status, 403);
    assert_eq!(translate_forged.status, 403);
    assert!(counterparts(&app, english.id).await.is_empty());
    let by_editor = link(&editor, english.id, &counterpart).await;
    assert_eq!(by_editor.status, 303);
}

#[tokio::test]
async fn malformed_hostile_and_same_edition_ids_are_refused_and_link_nothing() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let stories = published(&app, ENGLISH, 2).await;
    let (english, other) = (stories[0].id, stories[1].id.to_string());
    let huge = "9".repeat(40);
    let cases: [(&str, u16, &str); 9] = [
        ("", 400, "empty"),
        ("abc", 400, "not a number"),
        ("1 OR 1=1", 400, "SQL"),
        ("../../etc/passwd", 400, "path traversal"),
        ("<script>alert(1)</script>", 400, "markup"),
        (&huge, 400, "beyond any id"),
        ("999999", 400, "no such story"),
        (&other, 400, "the same edition"),
        ("-1", 400, "negative"),
    ];

    for (value, status, reason) in cases {
        let page = link(&editor, english, value).await;
        assert_eq!(page.status, status, "{reason}: {}", page.text);
        assert!(!page.text.contains("<script>alert"), "{reason}: escaped");
    }
    let itself = link(&editor, english, &english.to_string()).await;
    let unlink_own = editor
        .post(
            &format!("/admin/stories/{english}/translation/unlink"),
            &[("edition", &ENGLISH.to_string())],
        )
        .await;
    let unlink_nothing = editor
        .post(
            &format!("/admin/stories/{english}/translation/unlink"),
            &[("edition", &ARABIC.to_string())],
        )
        .await;
    let translate_path = format!("/admin/stories/{english}/translate");
    let translate_own = editor.post(&translate_path, &[("edition", "1")]).await;
    let translate_junk = editor.post(&translate_path, &[("edition", "../2")]).await;
    let translate_missing = editor
        .post("/admin/stories/999999/translate", &[("edition", "2")])
        .await;
    let find_own = editor
        .get(&format!(
            "/admin/stories/{english}/translation?edition={ENGLISH}"
        ))
        .await;

    assert_eq!(itself.status, 400, "a story is not its own translation");
    assert_eq!(unlink_own.status, 404);
    assert_eq!(unlink_nothing.status, 404);
    assert_eq!(find_own.status, 404, "the other edition is required");
    assert_eq!(
        translate_own.status, 400,
        "a translation goes into another edition"
    );
    assert_eq!(translate_junk.status, 404);
    assert_eq!(translate_missing.status, 404);
    assert!(counterparts(&app, english).await.is_empty());
}

#[tokio::test]
async fn a_reporter_links_their_own_unpublished_stories_but_not_once_one_is_published() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let editor = app.desk(Role::Editor).await;
    let english = reporter
        .create_story("Ferries return", app.a_section_id().await)
        .await;
    let arabic = start::translate(&reporter, english, ARABIC).await;
    let unlink = format!("/admin/stories/{english}/translation/unlink");
    let arabic_edition = [("edition", "2")];

    let unlinked = reporter.post(&unlink, &arabic_edition).await;
    let relinked = link(&reporter, arabic, &english.to_string()).await;
    let published = editor.save(english, &[], "publish").await;
    let refused = reporter.post(&unlink, &arabic_edition).await;

    assert_eq!(unlinked.status, 303, "{}", unlinked.text);
    assert_eq!(relinked.status, 303, "{}", relinked.text);
    assert_eq!(published.status, 303, "{}", published.text);
    assert_eq!(
        refused.status, 403,
        "the published page is the editors' now"
    );
    assert_eq!(counterparts(&app, english).await, [arabic]);
}

#[tokio::test]
async fn a_broken_translations_table_fails_the_link_with_the_error_page_and_no_details() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    app.sabotage("DROP TABLE story_translations").await;

    let page = link(&editor, english.id, &arabic.id.to_string()).await;

    assert_eq!(page.status, 500);
    assert!(
        !page.text.contains("story_translations"),
        "no internal details"
    );
}
