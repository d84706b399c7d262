//! Front pins and the breaking-news bar, as readers see them.

use std::time::Duration;

use store::{Role, StoryFilter, StoryQuery};

use super::{edition_id, pin, poll, section_id};
use crate::helpers::spawn_app;

#[tokio::test]
async fn pins_lead_the_home_front_and_no_story_shows_twice() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let edition = edition_id(&*store).await;
    let older = store
        .teasers(&StoryQuery::latest(edition, StoryFilter::All, 40))
        .await
        .expect("teasers");
    let (lead, top) = (&older[39], &older[0]);

    assert_eq!(pin(&editor, 0, lead.id, "lead", "1").await.status, 303);
    assert_eq!(pin(&editor, 0, top.id, "top", "3").await.status, 303);

    let home = poll(&app, "/", |page| {
        page.texts(".lead .teaser-headline") == [lead.headline.clone()]
    })
    .await;
    assert_eq!(
        home.texts(".lead .teaser-headline"),
        std::slice::from_ref(&lead.headline)
    );
    assert_eq!(home.texts(".top-list .teaser-headline")[2], top.headline);
    let links = home.attrs(".teaser-headline a", "href");
    let mut unique = links.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), links.len(), "a story shows once");
    let again = pin(&editor, 0, top.id, "lead", "1").await;
    assert_eq!(again.status, 303, "pinning again moves it");
    let pins = store.front_pins(edition, 0).await.expect("pins");
    assert_eq!(pins.len(), 1);
    let draft = pin(&editor, 0, 999_999, "top", "1").await;
    assert_eq!(draft.status, 422);
    assert!(draft.texts("[role=alert]")[0].contains("only published stories"));
}

#[tokio::test]
async fn a_section_front_shows_its_pins_first() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let sports = section_id(&*store, "sports").await;
    let edition = edition_id(&*store).await;
    let story = store
        .teasers(&StoryQuery::latest(
            edition,
            StoryFilter::Section(sports),
            30,
        ))
        .await
        .expect("teasers")
        .pop()
        .expect("an old sports story");

    assert_eq!(
        pin(&editor, sports, story.id, "lead", "1").await.status,
        303
    );

    let page = poll(&app, "/sports", |page| {
        page.texts(".teaser-headline").first() == Some(&story.headline)
    })
    .await;
    assert_eq!(page.texts(".teaser-headline")[0], story.headline);
    let count = page
        .texts(".teaser-headline")
        .iter()
        .filter(|h| **h == story.headline)
        .count();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn the_breaking_bar_shows_everywhere_until_cleared() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let story = app.first_story_path("/politics").await;
    assert!(app.get("/").await.texts(".breaking").is_empty());
    let form = [
        ("text", "Quake <script>alert(1)</script>\u{0} hits"),
        ("url", "/politics"),
        ("expires", "2099-01-01T12:00"),
    ];

    assert_eq!(
        editor.post("/admin/breaking?edition=1", &form).await.status,
        303
    );

    let home = poll(&app, "/", |page| !page.texts(".breaking").is_empty()).await;
    assert_eq!(
        home.texts("[role=region].breaking a"),
        ["Quake <script>alert(1)</script> hits"]
    );
    assert!(home.text.contains("&lt;script&gt;") && !home.text.contains("<script>alert"));
    assert_eq!(home.attrs(".breaking", "aria-label"), ["Breaking news"]);
    assert_eq!(app.get(&story).await.texts(".breaking a").len(), 1);
    assert!(
        app.get("/ar/").await.texts(".breaking").is_empty(),
        "other edition"
    );
    let cleared = editor.post("/admin/breaking/clear?edition=1", &[]).await;
    assert_eq!(cleared.status, 303);
    let home = poll(&app, "/", |page| page.texts(".breaking").is_empty()).await;
    assert!(home.texts(".breaking").is_empty());
    assert!(app.get(&story).await.texts(".breaking").is_empty());
}

#[tokio::test]
async fn bad_breaking_bars_are_refused_and_expired_ones_leave_cached_pages() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let store = app.store().await;
    let long = "x".repeat(201);
    let cases = [
        (
            ("Quake", "", "2020-01-01T12:00"),
            "in the future",
            "past expiry",
        ),
        (("Quake", "", ""), "date and time", "no expiry"),
        (
            ("Quake", "javascript:alert(1)", "2099-01-01T12:00"),
            "path on this site",
            "script link",
        ),
        (
            (long.as_str(), "", "2099-01-01T12:00"),
            "at most 200",
            "long text",
        ),
    ];
    for ((text, url, expires), message, reason) in cases {
        let form = [("text", text), ("url", url), ("expires", expires)];
        let page = editor.post("/admin/breaking?edition=1", &form).await;
        assert_eq!(page.status, 422, "{reason}");
        assert!(page.texts("[role=alert]")[0].contains(message), "{reason}");
    }
    let edition = &store.editions().await.expect("editions")[0];
    let zone = jiff::tz::TimeZone::get(&edition.timezone).expect("zone");
    let soon = (jiff::Timestamp::now() + Duration::from_secs(2)).to_zoned_datetime(zone);
    let expires = soon.datetime().to_string();

    let form = [
        ("text", "Short-lived"),
        ("url", ""),
        ("expires", expires.as_str()),
    ];
    assert_eq!(
        editor.post("/admin/breaking?edition=1", &form).await.status,
        303
    );

    let shown = poll(&app, "/", |page| !page.texts(".breaking").is_empty()).await;
    assert_eq!(shown.texts(".breaking span"), ["Short-lived"]);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let gone = poll(&app, "/", |page| page.texts(".breaking").is_empty()).await;
    assert!(
        gone.texts(".breaking").is_empty(),
        "the cached home page dropped its bar"
    );
}
