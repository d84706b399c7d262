//! The newsroom's story list searches the search index: drafts by their body's words,
//! within a second of a save, in the stories the account may see, with its filters.

use std::time::{Duration, Instant};

use store::Role;

use crate::desk::Desk;
use crate::helpers::spawn_app;

/// The list's page for a search, asked again every 50 ms until `found` says yes or a
/// second has passed; returns whether it did.
async fn listed_within_a_second(desk: &Desk<'_>, path: &str, found: impl Fn(&str) -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1) {
        let page = desk.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.text);
        if found(&page.text) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn a_draft_is_found_by_its_body_words_within_a_second_by_those_who_may_see_it() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let reporter = app.desk(Role::Reporter).await;
    let section = app.a_section_id().await;
    let story = editor.create_story("Turbine survey", section).await;
    let edit_link = format!("/admin/stories/{story}\"");

    let saved = editor
        .save(
            story,
            &[(
                "body",
                "Engineers inspected the windmills near İzmir overnight.",
            )],
            "save",
        )
        .await;

    assert!(saved.status < 400, "{}", saved.text);
    let by_body = listed_within_a_second(&editor, "/admin/stories?q=windmill", |text| {
        text.contains(&edit_link)
    })
    .await;
    assert!(by_body, "a body word, singular for plural, finds the draft");
    for search in [
        "izmir",
        "%22windmills+near+izmir%22",
        "turbines+-izmir+survey",
    ] {
        let page = editor.get(&format!("/admin/stories?q={search}")).await;
        let expected = !search.contains("-izmir");
        assert_eq!(page.text.contains(&edit_link), expected, "{search}");
    }
    let filtered = editor
        .get(&format!(
            "/admin/stories?q=windmills&status=published&section={section}"
        ))
        .await;
    assert!(
        !filtered.text.contains(&edit_link),
        "a draft is not published"
    );
    let hidden = reporter.get("/admin/stories?q=windmills").await;
    assert_eq!(hidden.status, 200);
    assert!(
        !hidden.text.contains(&edit_link),
        "a reporter sees only their own stories"
    );
    for hostile in [
        "%22",
        "*",
        "NEAR(a+b)",
        "%27+OR+1%3D1+--",
        "%E2%80%AE",
        &"x".repeat(5000),
    ] {
        let page = editor.get(&format!("/admin/stories?q={hostile}")).await;
        assert_eq!(page.status, 200, "{hostile}");
    }
}

#[tokio::test]
async fn stories_sharing_the_most_words_are_suggested_in_the_editor_and_fill_the_recommendations() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let section = app.a_section_id().await;
    let first = editor
        .create_story("Rotterdam flood barrier tested", section)
        .await;
    let second = editor
        .create_story("Flood barrier in Rotterdam closes for storm", section)
        .await;
    let unrelated = editor.create_story("Chess olympiad opens", section).await;
    for story in [first, second, unrelated] {
        let published = editor.save(story, &[], "publish").await;
        assert!(published.status < 400, "{}", published.text);
    }

    let suggested = listed_within_a_second(&editor, &format!("/admin/stories/{first}"), |text| {
        text.contains(&format!("data-recommend=\"{second}\""))
    })
    .await;

    assert!(suggested, "the editor suggests the story sharing its words");
    let page = editor.get(&format!("/admin/stories/{first}")).await;
    assert!(
        !page
            .text
            .contains(&format!("data-recommend=\"{unrelated}\""))
    );
    assert!(
        !page.text.contains(&format!("data-recommend=\"{first}\"")),
        "never itself"
    );
    let html = page.html();
    let links = |css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector)
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect()
    };
    let related = links(".nr-related a[href]");
    let view_on_site = links("h1 a[href], p a[href]")
        .into_iter()
        .find(|href| !href.starts_with("/admin"))
        .expect("the story's public page");
    let story_page = app.get(&view_on_site).await;
    assert_eq!(story_page.status, 200);
    assert!(
        story_page
            .text
            .contains(&format!("href=\"{}\"", related[0])),
        "the public page recommends the related story"
    );
}

#[tokio::test]
async fn words_and_local_dates_filter_the_list_together() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    editor
        .create_story("Lighthouse keeper retires", app.a_section_id().await)
        .await;
    let zone = jiff::tz::TimeZone::get("Europe/Istanbul").expect("zone");
    let today = jiff::Timestamp::now().to_zoned_datetime(zone).date();
    let found = |text: &str| text.contains("Lighthouse keeper retires");

    let that_day = format!("/admin/stories?q=lighthouse&from={today}&to={today}");
    let long_ago = "/admin/stories?q=lighthouse&from=2001-01-01&to=2001-01-02";

    assert!(listed_within_a_second(&editor, &that_day, found).await);
    assert!(!found(&editor.get(long_ago).await.text));
}
