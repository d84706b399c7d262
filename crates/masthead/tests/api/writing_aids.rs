//! The editor's writing aids without JavaScript: the checklist before publishing, the
//! counts and the previews as the page is served (the browser test drives them live).

use store::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_editor_page_lists_the_checklist_with_what_a_story_still_lacks() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor
        .create_story("Harbour reopens after storm", section)
        .await;

    let page = editor.get(&format!("/admin/stories/{story}")).await;

    assert_eq!(page.status, 200);
    let warnings = page.attrs("#aids-checklist li.nr-check-warn", "data-check");
    assert_eq!(warnings, vec!["lead_image", "standfirst"]);
    let met = page.attrs("#aids-checklist li.nr-check-ok", "data-check");
    assert_eq!(met, vec!["section", "body", "seo_title", "headline"]);
    assert!(page.text.contains("Add a lead image."), "{}", page.text);
}

#[tokio::test]
async fn a_long_headline_is_flagged_until_a_short_seo_title_takes_precedence() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Harbour reopens", section).await;
    let long = "The harbour reopens after a storm that closed it for a week and cost millions";

    editor
        .save(
            story,
            &[("headline", long), ("standfirst", "After a week.")],
            "save",
        )
        .await;
    let flagged = editor.get(&format!("/admin/stories/{story}")).await;
    editor
        .save(
            story,
            &[("seo_title", "Harbour reopens after storm")],
            "save",
        )
        .await;
    let fixed = editor.get(&format!("/admin/stories/{story}")).await;

    let warnings =
        |page: &crate::helpers::Page| page.attrs("#aids-checklist li.nr-check-warn", "data-check");
    assert_eq!(
        warnings(&flagged),
        vec!["lead_image", "seo_title", "headline"]
    );
    assert_eq!(warnings(&fixed), vec!["lead_image", "headline"]);
    assert_eq!(
        fixed.texts("#aids-serp-title"),
        vec!["Harbour reopens after storm"]
    );
    assert_eq!(fixed.texts("#aids-serp-text"), vec!["After a week."]);
}

#[tokio::test]
async fn the_counts_show_words_and_reading_time_of_the_saved_text() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Harbour reopens", section).await;
    let body = "word ".repeat(461);

    editor.save(story, &[("body", &body)], "save").await;
    let page = editor.get(&format!("/admin/stories/{story}")).await;

    assert_eq!(
        page.texts("#aids-words"),
        vec!["461 words · about 3 min to read"]
    );
}

#[tokio::test]
async fn hostile_text_in_the_titles_is_shown_as_text_in_the_previews() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Harbour reopens", section).await;
    let hostile = "<script>alert(1)</script>' onmouseover='x";

    let saved = editor
        .save(
            story,
            &[("seo_title", hostile), ("seo_description", hostile)],
            "save",
        )
        .await;
    let page = editor.get(&format!("/admin/stories/{story}")).await;

    assert!(saved.status < 500, "{}", saved.status);
    assert_eq!(page.status, 200);
    assert!(!page.text.contains("<script>alert(1)"), "unescaped");
    let labels = page.attrs("#writing-aids", "data-aids-labels").remove(0);
    let labels: serde_json::Value = serde_json::from_str(&labels).expect("labels are JSON");
    assert_eq!(labels["go_back"], "Go back");
}

#[tokio::test]
async fn a_link_card_shows_readers_its_title_and_host_and_hostile_ones_stay_text() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Budget papers", section).await;
    let body = "<p>Read the papers.</p>\n\
        <div data-link-card=\"https://Budget.Example.org/2026/papers?a=1&amp;b=2\" data-title=\"The budget &lt;papers&gt;\"></div>\n\
        <div data-link-card=\"javascript:alert(1)\" data-title=\"evil\"></div>\n\
        <div data-link-card=\"https://plain.example.org/\"></div>";

    let published = editor.save(story, &[("body", body)], "publish").await;
    let path = crate::editor::public_path(&app, story).await;
    let page = app.get(&path).await;
    let editor_page = editor.get(&format!("/admin/stories/{story}")).await;

    assert_eq!(published.status, 303, "{}", published.text);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.texts(".link-card-title"),
        vec!["The budget <papers>", "https://plain.example.org/"]
    );
    assert_eq!(
        page.texts(".link-card-host"),
        vec!["budget.example.org", "plain.example.org"]
    );
    assert_eq!(
        page.attrs(".link-card a", "href"),
        vec![
            "https://Budget.Example.org/2026/papers?a=1&b=2",
            "https://plain.example.org/"
        ]
    );
    let hrefs = page.attrs("a", "href");
    assert!(
        !hrefs.iter().any(|href| href.contains("javascript")),
        "a hostile card links nowhere"
    );
    assert!(!page.text.contains("<papers>"), "the title is escaped");
    let textarea = editor_page.texts("textarea[name=body]").join("");
    assert!(
        textarea.contains("data-link-card=\"https://plain.example.org/\""),
        "{textarea}"
    );
}

#[tokio::test]
async fn a_link_card_title_with_markup_and_quotes_is_kept_as_text() {
    let app = spawn_app().await;
    let section = app.a_section_id().await;
    let editor = app.desk(Role::Editor).await;
    let story = editor.create_story("Budget papers", section).await;
    // As the editor posts it, and as a hand-made post might (raw quotes end the attribute).
    let body = "<div data-link-card=\"https://example.org/a\" \
        data-title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 'Budget'\n\t&quot;papers&quot;\"></div>\n\
        <div data-link-card=\"https://example.org/b\" data-title=\"Raw \"><script>alert(2)</script>\"></div>";

    let published = editor.save(story, &[("body", body)], "publish").await;
    let page = app
        .get(&crate::editor::public_path(&app, story).await)
        .await;
    let editor_page = editor.get(&format!("/admin/stories/{story}")).await;

    assert_eq!(published.status, 303, "{}", published.text);
    assert_eq!(
        page.texts(".link-card-title"),
        vec!["<script>alert(\"x\")</script> 'Budget' \"papers\"", "Raw"],
        "one line of text; a raw quote ends the title"
    );
    assert!(!page.text.contains("<script>alert"), "{}", page.text);
    let textarea = editor_page.texts("textarea[name=body]").join("");
    assert!(
        textarea.contains(
            "data-title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 'Budget' &quot;papers&quot;\""
        ),
        "{textarea}"
    );
    assert!(!textarea.contains("<script>"), "{textarea}");
}
