//! The writing aids in headless Chromium, in an English and an Arabic story at desktop and
//! phone width: counts and previews follow the typing, the checklist's dialog stops
//! Publish (Go back, then Publish anyway, by real Enter and Shift+Tab presses), each
//! keyboard shortcut works, the help panel opens, and axe finds no WCAG 2.1 AA violation
//! at any step. Screenshots go to
//! `target/screenshots/aids-*.png`.

use std::time::Duration;

use store::Role;

use crate::browser::{axe_check, axe_source, screenshot};
use crate::desk::Desk;
use crate::helpers::{TestApp, spawn_app};
use crate::newsroom_browser::{log_in, wait_for};
use crate::webdriver::{Browser, Element};

const CONTROL: &str = "\u{E009}";
const ALT: &str = "\u{E00A}";
const RELEASE: &str = "\u{E000}";
const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const SHIFT: &str = "\u{E008}";

/// A draft in the edition at `index` (0 English, 1 Arabic) with a section and a short text.
pub async fn draft_in(app: &TestApp, desk: &Desk<'_>, index: usize, headline: &str) -> i64 {
    let store = app.store().await;
    let edition = store.editions().await.expect("editions").remove(index);
    let sections = store.sections(edition.id).await.expect("sections");
    store.close().await;
    let section = sections
        .iter()
        .find(|s| s.parent_id.is_some())
        .expect("subsection");
    let page = desk
        .post(
            &format!("/admin/stories?edition={}", edition.id),
            &[
                ("kind", "news"),
                ("headline", headline),
                ("section_id", &section.id.to_string()),
                ("body", "One two three."),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "create failed: {}", page.text);
    let location = page.location();
    let id = location
        .trim_start_matches("/admin/stories/")
        .split('?')
        .next();
    id.and_then(|id| id.parse().ok()).expect("story id")
}

struct Step<'a> {
    browser: &'a Browser,
    axe: &'a str,
    name: String,
    problems: Vec<String>,
}

impl Step<'_> {
    /// Runs axe and keeps a screenshot of the page as it is now.
    async fn check(&mut self, what: &str) {
        let found = axe_check(self.browser, self.axe, what).await;
        for violation in found["violations"].as_array().into_iter().flatten() {
            self.problems
                .push(format!("{} {what}: {violation}", self.name));
        }
        let file = format!("aids-{}-{what}.png", self.name);
        self.browser.screenshot(&screenshot(&file)).await;
    }
}

async fn text_of(browser: &Browser, selector: &str) -> String {
    browser.text(&browser.find(selector).await).await
}

async fn is_true(browser: &Browser, script: &str) -> bool {
    browser.script(&format!("return Boolean({script});")).await == serde_json::json!(true)
}

/// Waits for a script's condition (the panel updates on the next frame).
async fn until(browser: &Browser, what: &str, script: &str) {
    for _ in 0..50 {
        if is_true(browser, script).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: `{script}` never held");
}

async fn press_keys(browser: &Browser, element: &Element, keys: &str) {
    browser
        .type_text(element, &format!("{keys}{RELEASE}"))
        .await;
}

/// Drives every aid on one story; returns axe's findings.
async fn exercise(
    app: &TestApp,
    browser: &Browser,
    story: i64,
    name: &str,
    words: [&str; 2],
) -> Vec<String> {
    let axe = axe_source();
    let mut step = Step {
        browser,
        axe: &axe,
        name: name.to_string(),
        problems: Vec::new(),
    };
    let editor_url = format!("{}/admin/stories/{story}", app.address);
    browser.open(&editor_url).await;
    step.check("panel").await;
    assert!(
        text_of(browser, "#aids-words").await.contains('3'),
        "three words at first"
    );

    let headline = browser.find("#headline").await;
    browser
        .type_text(&headline, &format!(" {}", words[0].repeat(10)))
        .await;
    let area = browser.find("[contenteditable=true]").await;
    browser.click(&area).await;
    browser.type_text(&area, &format!(" {}", words[1])).await;
    until(
        browser,
        "the word count",
        "document.getElementById('aids-words').textContent.match(/\\b7\\b|٧/)",
    )
    .await;
    until(
        browser,
        "the search preview",
        &format!(
            "document.getElementById('aids-serp-title').textContent.includes({:?})",
            words[0].trim()
        ),
    )
    .await;
    assert!(
        is_true(
            browser,
            "document.querySelector('#aids-checklist [data-check=headline].nr-check-warn')"
        )
        .await
    );
    assert!(
        is_true(
            browser,
            "document.getElementById('aids-search-length').classList.contains('nr-aids-long')"
        )
        .await
    );
    browser
        .script("document.getElementById('writing-aids').scrollIntoView(); return true;")
        .await;
    step.check("typed").await;

    press_keys(browser, &area, &format!("{CONTROL}{ALT}2")).await;
    until(
        browser,
        "Ctrl+Alt+2 makes a heading",
        "document.querySelector('[contenteditable=true] h2')",
    )
    .await;
    press_keys(browser, &area, &format!("{CONTROL}{ALT}3")).await;
    until(
        browser,
        "Ctrl+Alt+3 makes a smaller heading",
        "document.querySelector('[contenteditable=true] h3')",
    )
    .await;
    press_keys(browser, &area, &format!("{CONTROL}{ALT}3")).await;
    press_keys(browser, &area, "\u{E008}\u{E011}").await; // Shift+Home selects the line, either direction
    press_keys(browser, &area, &format!("{CONTROL}b")).await;
    until(
        browser,
        "Ctrl+B makes bold",
        "document.querySelector('[contenteditable=true] b, [contenteditable=true] strong')",
    )
    .await;
    press_keys(browser, &area, &format!("{CONTROL}i")).await;
    until(
        browser,
        "Ctrl+I makes italic",
        "document.querySelector('[contenteditable=true] i, [contenteditable=true] em')",
    )
    .await;
    browser.script("document.getElementById('story-form').addEventListener('submit', (e) => { \
        if (e.submitter && e.submitter.formAction.endsWith('/preview')) { window.previewed = true; e.preventDefault(); } }); return true;").await;
    press_keys(browser, &area, &format!("{CONTROL}{ALT}p")).await;
    until(browser, "Ctrl+Alt+P previews", "window.previewed").await;

    press_keys(browser, &area, &format!("{CONTROL}/")).await;
    until(
        browser,
        "Ctrl+/ opens the help",
        "document.getElementById('aids-shortcuts').open",
    )
    .await;
    assert!(
        text_of(browser, "#aids-shortcuts").await.contains("Alt"),
        "the help lists the keys"
    );
    step.check("shortcuts").await;
    browser
        .click(&browser.find("#aids-shortcuts button").await)
        .await;
    until(
        browser,
        "the help closes",
        "!document.getElementById('aids-shortcuts').open",
    )
    .await;
    browser
        .click(&browser.find(".editor-button-help").await)
        .await;
    until(
        browser,
        "the toolbar button opens the help",
        "document.getElementById('aids-shortcuts').open",
    )
    .await;
    browser
        .click(&browser.find("#aids-shortcuts button").await)
        .await;

    embeds_and_links(browser, &area, &mut step).await;
    press_keys(browser, &area, &format!("{CONTROL}s")).await;
    wait_for(browser, "Ctrl+S saves", |url| url.contains("notice=saved")).await;

    // The checklist dialog, by keys alone: Enter on Publish opens it on Go back; Enter
    // there closes it and gives the focus back to Publish; opened again, Shift+Tab moves
    // to Publish anyway and Enter publishes.
    let publish = "button[name=action][value=publish]";
    browser
        .script(&format!(
            "document.querySelector('{publish}').focus(); return true;"
        ))
        .await;
    browser.press(None, ENTER).await;
    until(
        browser,
        "the checklist dialog",
        "document.getElementById('aids-publish-dialog').open",
    )
    .await;
    let listed = text_of(browser, "#aids-publish-dialog").await;
    step.check("publish-dialog").await;
    let focused = |selector: &str| format!("document.activeElement.matches('{selector}')");
    until(
        browser,
        "Go back has the focus",
        &focused("#aids-publish-dialog .secondary"),
    )
    .await;
    browser.press(None, ENTER).await;
    until(
        browser,
        "Go back closes it",
        "!document.getElementById('aids-publish-dialog').open",
    )
    .await;
    until(browser, "Publish has the focus again", &focused(publish)).await;
    assert!(
        browser.url().await.contains("notice=saved"),
        "still on the form"
    );
    browser.press(None, ENTER).await;
    until(
        browser,
        "the dialog again",
        "document.getElementById('aids-publish-dialog').open",
    )
    .await;
    browser.press(Some(SHIFT), TAB).await;
    until(
        browser,
        "Publish anyway has the focus",
        &focused("#aids-publish-dialog .primary"),
    )
    .await;
    browser.press(None, ENTER).await;
    wait_for(browser, "Publish anyway publishes", |url| {
        url.contains("notice=published")
    })
    .await;
    step.check("published").await;
    assert!(!listed.is_empty());
    step.problems
}

/// The Link dialog (Ctrl+K), the Embed dialog and pasting a post's address.
async fn embeds_and_links(browser: &Browser, area: &Element, step: &mut Step<'_>) {
    press_keys(browser, area, &format!("{CONTROL}k")).await;
    until(
        browser,
        "Ctrl+K opens the link dialog",
        "document.getElementById('aids-link-dialog').open",
    )
    .await;
    let field = browser.find("#aids-link-dialog-url").await;
    browser
        .script("document.getElementById('aids-link-dialog-url').value = ''; return true;")
        .await;
    browser
        .type_text(&field, "javascript:alert(1)\u{E007}")
        .await;
    until(
        browser,
        "a bad link is refused",
        "document.getElementById('aids-link-dialog-message').textContent.includes('https://')",
    )
    .await;
    step.check("link-dialog").await;
    browser
        .script("document.getElementById('aids-link-dialog-url').value = ''; return true;")
        .await;
    browser
        .type_text(&field, "https://example.org/report\u{E007}")
        .await;
    until(
        browser,
        "the link is made",
        "document.querySelector('[contenteditable=true] a[href=\"https://example.org/report\"]')",
    )
    .await;

    browser
        .click(&browser.find(".editor-button-embed").await)
        .await;
    until(
        browser,
        "the embed dialog",
        "document.getElementById('aids-embed-dialog').open",
    )
    .await;
    let field = browser.find("#aids-embed-dialog-url").await;
    browser
        .type_text(&field, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        .await;
    until(
        browser,
        "the embed preview",
        "document.getElementById('aids-embed-dialog-message').textContent.includes('YouTube')",
    )
    .await;
    step.check("embed-dialog").await;
    browser
        .click(&browser.find("#aids-embed-dialog .primary").await)
        .await;
    until(
        browser,
        "the embed block",
        "document.querySelectorAll('[contenteditable=true] div[data-embed]').length === 1",
    )
    .await;

    browser.script("const data = new DataTransfer(); data.setData('text/plain', 'https://youtu.be/dQw4w9WgXcQ'); \
        document.querySelector('[contenteditable=true]').dispatchEvent(new ClipboardEvent('paste', \
        { clipboardData: data, bubbles: true, cancelable: true })); return true;").await;
    until(
        browser,
        "a pasted address embeds",
        "document.querySelectorAll('[contenteditable=true] div[data-embed]').length === 2",
    )
    .await;
    until(
        browser,
        "the form holds both",
        "document.querySelector('textarea[name=body]').value.split('data-embed').length === 3",
    )
    .await;
    browser.script("const data = new DataTransfer(); data.setData('text/plain', 'https://example.org/annual-report'); \
        document.querySelector('[contenteditable=true]').dispatchEvent(new ClipboardEvent('paste', \
        { clipboardData: data, bubbles: true, cancelable: true })); return true;").await;
    until(browser, "another pasted address becomes a link card", "document.querySelector('textarea[name=body]').value.includes('data-link-card=\"https://example.org/annual-report\"')").await;
}

async fn drive(language: usize, words: [&str; 2], tag: &str) {
    let app = spawn_app().await;
    app.account(Role::Editor, "ada@test.example").await;
    let desk = app.desk_for("ada@test.example", 0).await;
    let browser = Browser::start().await;
    log_in(&browser, &app, "ada@test.example").await;
    let mut problems = Vec::new();

    for width in [1280, 390] {
        browser.resize(width, 900).await;
        let story = draft_in(&app, &desk, language, &format!("Story {width}")).await;
        problems.extend(exercise(&app, &browser, story, &format!("{tag}-{width}"), words).await);
    }

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn the_writing_aids_work_in_an_english_story_at_desktop_and_phone_width() {
    drive(0, ["Harbour ", "four five six seven"], "english").await;
}

#[tokio::test]
async fn the_writing_aids_work_in_an_arabic_story_at_desktop_and_phone_width() {
    drive(1, ["الميناء ", "أربع خمس ست سبع"], "arabic").await;
}
