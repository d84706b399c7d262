//! Starting a translation: "Translate to Arabic" makes a linked draft in the other edition
//! with the original's sections, images, byline and keywords; the dashboard lists the
//! published stories not yet translated; the link page finds stories by headline; and
//! the pages involved are valid HTML.

use store::{Role, StoryId};

use super::{ARABIC, ENGLISH, counterparts, english_with_arabic_section, link, published};
use crate::desk::Desk;
use crate::helpers::spawn_app;
use crate::validity::assert_valid;

/// Presses "Translate to …" on a story; returns the draft's id.
pub async fn translate(desk: &Desk<'_>, story: i64, into: i64) -> i64 {
    let page = desk
        .post(
            &format!("/admin/stories/{story}/translate"),
            &[("edition", &into.to_string())],
        )
        .await;
    assert_eq!(page.status, 303, "translate: {}", page.text);
    let location = page.location();
    assert!(location.ends_with("?notice=translation"), "{location}");
    location
        .trim_start_matches("/admin/stories/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the draft's id")
}

#[tokio::test]
async fn translate_makes_a_linked_draft_with_the_originals_sections_images_byline_and_keywords() {
    let app = spawn_app().await;
    let reporter = app.desk(Role::Reporter).await;
    let original = english_with_arabic_section(&app).await;

    let draft = translate(&reporter, original.id, ARABIC).await;
    let editor_page = reporter
        .get(&format!("/admin/stories/{draft}?notice=translation"))
        .await;

    let store = app.store().await;
    let of = |id| store.newsroom_story(StoryId(id));
    let (source, copy) = (of(original.id).await, of(draft).await);
    let (source, copy) = (
        source.expect("read").expect("original"),
        copy.expect("read").expect("draft"),
    );
    assert_eq!(copy.edition_id, ARABIC);
    assert_eq!(copy.status, store::StoryStatus::Draft);
    assert_eq!(copy.owner_id, Some(reporter.user_id));
    let site = app.state.as_ref().expect("in-process app").site();
    let path = |edition: i64, section: Option<i64>| {
        let edition = site.edition(edition).expect("edition");
        let full = edition.section_path(section.expect("a section"));
        full.trim_start_matches(&edition.edition.path_prefix)
            .to_string()
    };
    assert_eq!(
        path(ARABIC, copy.fields.section_id),
        path(ENGLISH, source.fields.section_id),
        "the section at the same path"
    );
    assert_eq!(copy.fields.hero_image_id, source.fields.hero_image_id);
    assert_eq!(copy.fields.gallery, source.fields.gallery);
    assert_eq!(copy.fields.credits, source.fields.credits);
    assert_eq!(
        copy.fields.headline, source.fields.headline,
        "prefilled to replace"
    );
    assert_eq!(copy.fields.body, source.fields.body);
    let (theirs, ours) = tokio::join!(
        store.keywords(&copy.fields.keyword_ids),
        store.keywords(&source.fields.keyword_ids)
    );
    let slugs = |keywords: &[store::Keyword]| {
        let mut slugs: Vec<String> = keywords.iter().map(|k| k.slug.clone()).collect();
        slugs.sort();
        slugs
    };
    let (theirs, ours) = (theirs.expect("keywords"), ours.expect("keywords"));
    assert_eq!(slugs(&theirs), slugs(&ours));
    assert!(theirs.iter().all(|keyword| keyword.edition_id == ARABIC));
    assert_eq!(counterparts(&app, original.id).await, [draft]);
    assert_eq!(editor_page.status, 200);
    assert!(
        editor_page.text.contains("The translation was started"),
        "{}",
        editor_page.text
    );
    let log = store.audit_log(5, 0).await.expect("audit");
    assert_eq!(log[0].action, "story.translate");
    assert_eq!(log[0].entity_id, Some(draft));
}

#[tokio::test]
async fn the_dashboard_lists_published_stories_not_yet_translated_each_with_translate() {
    let app = spawn_app().await;
    let contributor = app.desk(Role::Contributor).await;
    let newest = published(&app, ENGLISH, 1).await.remove(0);
    let before = contributor.get("/admin").await;

    let draft = translate(&contributor, newest.id, ARABIC).await;
    let after = contributor.get("/admin").await;

    let listed = |page: &crate::helpers::Page| {
        page.attrs(".nr-untranslated form", "action")
            .contains(&format!("/admin/stories/{}/translate", newest.id))
    };
    assert!(
        listed(&before),
        "the newest English story waits for its translation"
    );
    assert_eq!(
        before.texts(".nr-untranslated h2")[0],
        "Not yet translated: English · Translate to Arabic"
    );
    assert!(!listed(&after), "its translation is started");
    assert!(draft > 0);
}

#[tokio::test]
async fn the_link_page_finds_stories_of_the_other_edition_by_headline_without_script() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    let word = arabic
        .headline
        .split_whitespace()
        .max_by_key(|word| word.chars().count())
        .expect("a word")
        .to_string();
    let editor_page = editor.get(&format!("/admin/stories/{}", english.id)).await;
    let query = format!(
        "/admin/stories/{}/translation?edition={ARABIC}&q={}",
        english.id,
        urlencode(&word)
    );
    let offered = |page: &crate::helpers::Page| page.attrs("input[name=counterpart]", "value");

    // The demo's search index is built in the background when the app starts.
    let started = std::time::Instant::now();
    let found = loop {
        let page = editor.get(&query).await;
        if offered(&page).contains(&arabic.id.to_string())
            || started.elapsed() > std::time::Duration::from_secs(5)
        {
            break page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let latest = editor
        .get(&format!(
            "/admin/stories/{}/translation?edition={ARABIC}",
            english.id
        ))
        .await;
    let hostile = editor
        .get(&format!(
            "/admin/stories/{}/translation?edition={ARABIC}&q=%3Cscript%3E%27%20OR%201%3D1",
            english.id
        ))
        .await;

    assert_eq!(
        editor_page.attrs(".nr-translations form[method=get]", "action"),
        [format!("/admin/stories/{}/translation", english.id)]
    );
    assert_eq!(found.status, 200);
    assert!(
        offered(&found).contains(&arabic.id.to_string()),
        "{word}: {}",
        found.text
    );
    assert!(
        offered(&latest).contains(&arabic.id.to_string()),
        "the latest without words"
    );
    assert_eq!(hostile.status, 200);
    assert!(!hostile.text.contains("<script>'"));
    let linked = link(&editor, english.id, &arabic.id.to_string()).await;
    assert_eq!(linked.status, 303);
}

fn urlencode(text: &str) -> String {
    text.bytes().map(|byte| format!("%{byte:02X}")).collect()
}

#[tokio::test]
async fn the_translation_pages_and_the_linked_story_pages_are_valid_html() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    let draft = translate(&editor, english.id, ARABIC).await;
    let other = published(&app, ENGLISH, 2).await.remove(1);
    link(&editor, other.id, &arabic.id.to_string()).await;
    let site = app.state.as_ref().expect("in-process app").site();
    let paths = [
        "/admin".to_string(),
        format!("/admin/stories/{}", english.id),
        format!("/admin/stories/{draft}"),
        format!(
            "/admin/stories/{}/translation?edition={ARABIC}&q=x",
            other.id
        ),
        format!("/admin/stories/{}/translation?edition={ENGLISH}", arabic.id),
        site.story_path(&other),
        site.story_path(&arabic),
        "/".to_string(),
        "/ar/world".to_string(),
    ];
    let dir = tempfile::tempdir().expect("temp dir");

    for (index, path) in paths.iter().enumerate() {
        let page = editor.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        std::fs::write(dir.path().join(format!("page{index}.html")), &page.text).expect("write");
    }

    assert_valid(dir.path(), &paths);
}

#[tokio::test]
async fn the_editor_panel_withholds_a_linked_draft_the_account_may_not_open() {
    let app = spawn_app().await;
    let contributor = app.desk(Role::Contributor).await;
    let editor = app.desk(Role::Editor).await;
    let own = contributor
        .create_story("A contributor's draft", app.a_section_id().await)
        .await;
    let theirs = translate(&editor, own, ARABIC).await;

    let page = contributor.get(&format!("/admin/stories/{own}")).await;
    let by_editor = editor.get(&format!("/admin/stories/{own}")).await;

    assert_eq!(page.status, 200);
    assert_eq!(
        page.texts(".nr-translation p")[0],
        "Linked to (a story you cannot open) Draft"
    );
    let to_theirs = format!("/admin/stories/{theirs}");
    assert!(!page.attrs(".nr-translation a", "href").contains(&to_theirs));
    assert!(
        by_editor
            .attrs(".nr-translation a", "href")
            .contains(&to_theirs)
    );
}
