//! A link card's title edited in place in headless Chromium, in an English and an Arabic
//! story: the card in the text has a labelled title field, what is typed there (markup and
//! quotes included) is posted in the body, saved, shown again in the field and shown to
//! readers as text. axe runs on the editor with the card; screenshots go to
//! `target/screenshots/card-*.png`.

use std::time::Duration;

use store::Role;

use crate::browser::{axe_check, axe_source, screenshot};
use crate::helpers::{TestApp, spawn_app};
use crate::newsroom_browser::{log_in, press, wait_for};
use crate::webdriver::Browser;
use crate::writing_aids_browser::draft_in;

/// A title that would break out of an attribute or run a script if it were not escaped.
const HOSTILE: &str = "<script>alert(\"x\")</script> 'Budget' \"papers\" &amp;";

async fn until(browser: &Browser, what: &str, script: &str) {
    for _ in 0..100 {
        if browser.script(&format!("return Boolean({script});")).await == serde_json::json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: `{script}` never held");
}

const FIELD: &str = ".editor-area div[data-link-card] input";

async fn edit_card_title(app: &TestApp, browser: &Browser, language: usize, tag: &str) {
    let desk = app.desk_for("cara@test.example", 0).await;
    let story = draft_in(app, &desk, language, &format!("Budget {tag}")).await;
    let body = "<p>Read the papers.</p>\n<div data-link-card=\"https://example.org/papers\" data-title=\"Budget papers\"></div>";
    let saved = desk.save(story, &[("body", body)], "save").await;
    assert!(saved.status < 400, "{}", saved.text);
    browser
        .open(&format!("{}/admin/stories/{story}", app.address))
        .await;

    // The saved card shows its title in a field with a visible label.
    until(
        browser,
        "the card's title field",
        &format!("document.querySelector('{FIELD}')"),
    )
    .await;
    let field = browser.find(FIELD).await;
    let shown = browser.script(&format!(
        "const f = document.querySelector('{FIELD}'); return [f.value, f.labels.length, f.labels[0].textContent.length > 0]"
    )).await;
    assert_eq!(
        shown,
        serde_json::json!(["Budget papers", 1, true]),
        "{tag}"
    );
    browser
        .script(&format!(
            "document.querySelector('{FIELD}').scrollIntoView({{ block: 'center' }}); return true;"
        ))
        .await;
    let found = axe_check(browser, &axe_source(), tag).await;
    assert_eq!(found["violations"], serde_json::json!([]), "{tag}");
    browser
        .screenshot(&screenshot(&format!("card-{tag}.png")))
        .await;

    // Reached from the text with a real Tab press, emptied and typed over: the body the
    // form posts carries the new title, escaped.
    browser
        .script("document.querySelector('.editor-area').focus(); return true;")
        .await;
    browser.press(None, "\u{E004}").await;
    let reached = browser
        .script(&format!(
            "return document.activeElement === document.querySelector('{FIELD}')"
        ))
        .await;
    assert_eq!(reached, serde_json::json!(true), "{tag}: Tab from the text");
    browser
        .script(&format!(
            "document.querySelector('{FIELD}').value = ''; return true;"
        ))
        .await;
    browser.type_text(&field, HOSTILE).await;
    until(
        browser,
        "the body holds the new title",
        "document.querySelector('textarea[name=body]').value.includes('data-title=\"&lt;script&gt;alert(&quot;x&quot;)')",
    )
    .await;
    let still_one_card = browser
        .script("return document.querySelectorAll('.editor-area div[data-link-card]').length")
        .await;
    assert_eq!(still_one_card, serde_json::json!(1), "{tag}");
    press(browser, "save").await;
    wait_for(browser, "the saved story", |url| url.contains("notice=")).await;

    // Opened again, the field holds the title as typed; readers see it as text.
    until(
        browser,
        "the title field again",
        &format!("document.querySelector('{FIELD}')"),
    )
    .await;
    let value = browser
        .script(&format!("return document.querySelector('{FIELD}').value"))
        .await;
    assert_eq!(value, serde_json::json!(HOSTILE), "{tag}");
    let published = desk.save(story, &[], "publish").await;
    assert!(published.status < 400, "{}", published.text);
    let page = app.get(&crate::editor::public_path(app, story).await).await;
    assert_eq!(page.texts(".link-card-title"), vec![HOSTILE], "{tag}");
    assert!(!page.text.contains("<script>alert"), "{tag}: escaped");
}

#[tokio::test]
async fn a_link_cards_title_is_edited_in_place_in_english_and_arabic_stories() {
    let app = spawn_app().await;
    app.account(Role::Editor, "cara@test.example").await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;
    log_in(&browser, &app, "cara@test.example").await;

    edit_card_title(&app, &browser, 0, "en").await;
    edit_card_title(&app, &browser, 1, "ar").await;
}
