//! The editor's type-ahead fields in headless Chromium, keyboard only (buttons reached by
//! real Tab presses), in an English and an Arabic story at desktop and phone width: a
//! section, two topics, a new keyword, three bylines, a recommended and a related story
//! picked by headline; saved, and shown to readers. A list still showing suggestions for
//! earlier text is never picked from. axe-core checks the page with a listbox open.
//! Screenshots go to `target/screenshots/typeahead-*.png`.

use std::time::{Duration, Instant};

use serde_json::Value;
use store::Role;

use crate::browser::{axe_check, axe_source, screenshot};
use crate::desk::Desk;
use crate::editor::public_path;
use crate::helpers::TestApp;
use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::webdriver::Browser;

const DOWN: &str = "\u{E015}";
const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const SHIFT: &str = "\u{E008}";
/// The most Tab presses one move of the focus takes: past every field of the editor.
const MAX_TABS: usize = 200;
/// Control+A, then Backspace: empties a field from the keyboard.
const CLEAR: &str = "\u{E009}a\u{E000}\u{E003}";

/// The stories one edition's run writes and picks.
struct Plan {
    section: i64,
    story: i64,
    topics: [String; 2],
    keyword: &'static str,
    author: String,
    second_author: String,
    recommended: &'static str,
    related: &'static str,
    name: String,
}

pub async fn create_in(desk: &Desk<'_>, edition: i64, section: i64, headline: &str) -> i64 {
    let section = section.to_string();
    let page = desk
        .post(
            &format!("/admin/stories?edition={edition}"),
            &[
                ("kind", "news"),
                ("headline", headline),
                ("section_id", &section),
                ("body", "A paragraph."),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.text);
    let id = page
        .location()
        .trim_start_matches("/admin/stories/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("story id");
    let published = desk.save(id, &[], "publish").await;
    assert!(published.status < 400, "{}", published.text);
    id
}

/// Sets up one edition's run: its own story and the two it will pick, indexed.
async fn plan(app: &TestApp, desk: &Desk<'_>, language: &str, width: u32) -> Plan {
    let store = app.store().await;
    let editions = store.editions().await.expect("editions");
    let edition = editions
        .iter()
        .find(|e| e.language.starts_with(language))
        .expect("edition")
        .id;
    let sections = store.sections(edition).await.expect("sections");
    let mut subsections = sections.iter().filter(|s| s.parent_id.is_some());
    let (first, target) = (
        subsections.next().expect("a subsection"),
        subsections.next().expect("another"),
    );
    let topics = store.edition_topics(edition).await.expect("topics");
    let authors = store.all_authors().await.expect("authors");
    let arabic = language == "ar";
    let (recommended, related, search, keyword) = if arabic {
        (
            "حارس المنارة يتقاعد",
            "افتتاح متحف المنارة",
            "المنارة",
            "أضواء الميناء",
        )
    } else {
        (
            "Lighthouse keepers retire",
            "Lighthouse museum opens",
            "lighthouse",
            "Harbour lights",
        )
    };
    let story = create_in(
        desk,
        edition,
        first.id,
        &format!("Story at {width} {language}"),
    )
    .await;
    if width == 1280 {
        create_in(desk, edition, first.id, recommended).await;
        create_in(desk, edition, first.id, related).await;
    }
    wait_until_found(desk, edition, search, related).await;
    Plan {
        section: target.id,
        story,
        topics: [topics[0].name.clone(), topics[1].name.clone()],
        keyword,
        author: authors[0].name.clone(),
        second_author: authors[1].name.clone(),
        recommended,
        related,
        name: format!("{language}-{width}"),
    }
}

async fn wait_until_found(desk: &Desk<'_>, edition: i64, search: &str, headline: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        let path = format!("/admin/suggest/stories?edition={edition}&q={search}");
        if desk.get(&path).await.text.contains(headline) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{headline} not in the index");
}

/// Waits until the combobox `input` shows options for the text as typed, not an earlier
/// list still marked out of date (at most five seconds).
async fn wait_for_options(browser: &Browser, input: &str) {
    let started = Instant::now();
    let script = format!(
        "const i = document.querySelector('{input}'); const l = document.getElementById(i.getAttribute('aria-controls')); \
         return i.getAttribute('aria-expanded') === 'true' && l.getAttribute('aria-busy') !== 'true' \
           && l.querySelectorAll('[role=option]').length > 0;"
    );
    while browser.script(&script).await != Value::Bool(true) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no options for {input}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types into a combobox, waits for its options and takes the first with the keyboard.
async fn choose(browser: &Browser, input: &str, text: &str) {
    let field = browser.find(input).await;
    browser.type_text(&field, CLEAR).await;
    browser.type_text(&field, text).await;
    wait_for_options(browser, input).await;
    browser.type_text(&field, DOWN).await;
    browser.type_text(&field, ENTER).await;
}

/// Types `text` into the section's combobox and at once presses Down and Enter, before its
/// suggestions can have come: the list still shown is the emptied field's, out of date, and
/// must not be picked from. The section stays as it was (or, on a machine slow enough for
/// the new list to come between the keys, becomes the first suggestion for `text`).
async fn nothing_is_picked_from_an_old_list(browser: &Browser, text: &str, target: i64) {
    let input = "#section_id + .ta input";
    let field = browser.find(input).await;
    let section = "return document.querySelector('#section_id').value";
    let before = browser.script(section).await;
    browser.type_text(&field, CLEAR).await;
    wait_for_options(browser, input).await;
    browser
        .type_text(&field, &format!("{text}{DOWN}{ENTER}"))
        .await;
    let after = browser.script(section).await;
    assert!(
        after == before || after == Value::String(target.to_string()),
        "a section was picked from the list for the emptied field: {after} (was {before})"
    );
}

/// Presses Enter on a button, as a keyboard user would after tabbing to it.
/// Moves the focus to `selector` with real Tab presses (forward, else back with
/// Shift+Tab), so the focus order is what is tested, and presses Enter there.
/// A page still settling (a list redrawn after a fetch, a button disabled for the moment)
/// gets a few tries, a moment apart, before the focus order is called wrong.
pub async fn press_key_on(browser: &Browser, selector: &str) {
    let focused = format!("return document.activeElement.matches('{selector}')");
    'reached: {
        for _ in 0..3 {
            for modifier in [None, Some(SHIFT)] {
                for _ in 0..MAX_TABS {
                    if browser.script(&focused).await == Value::Bool(true) {
                        break 'reached;
                    }
                    browser.press(modifier, TAB).await;
                }
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        let state = browser
            .script(&format!(
                "const target = document.querySelector('{selector}'); \
                 return [String(document.activeElement && document.activeElement.outerHTML).slice(0, 200), \
                         target ? target.outerHTML.slice(0, 200) : 'absent', \
                         target ? String(target.disabled || target.closest('[inert]') !== null) : '', \
                         String(document.querySelectorAll('dialog[open]').length)]"
            ))
            .await;
        panic!(
            "{selector} is not reached with Tab or Shift+Tab \
             (focused, the element, disabled or inert, dialogs open: {state})"
        );
    }
    browser.press(None, ENTER).await;
}

/// Adds a byline row with the keyboard; returns the selectors of its combobox (which has
/// the focus) and its role.
async fn add_byline(browser: &Browser) -> (String, String) {
    press_key_on(browser, ".ta-add").await;
    let ids = browser
        .script(
            "const input = document.activeElement; \
             return [input.id, input.closest('p').querySelector('select[name$=_role]').id];",
        )
        .await;
    let id = |at: usize| format!("#{}", ids[at].as_str().expect("an id"));
    (id(0), id(1))
}

/// Presses the first "Recommend" button of the related-stories list, if the story has
/// one, and checks that it added a card.
async fn recommend_a_suggestion(browser: &Browser) {
    let cards = "return document.querySelectorAll('.ta-cards li').length";
    let before = browser.script(cards).await.as_u64().expect("a count");
    let button = "button[data-recommend]:not([disabled])";
    if browser
        .script(&format!("return !!document.querySelector('{button}')"))
        .await
        != Value::Bool(true)
    {
        return;
    }
    press_key_on(browser, button).await;
    let started = Instant::now();
    while browser.script(cards).await.as_u64() != Some(before + 1) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "Recommend added no card"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn fill_the_form(browser: &Browser, plan: &Plan, axe: &str) -> Vec<String> {
    let section_name = browser
        .script(&format!(
            "return document.querySelector('#section_id option[value=\"{}\"]').textContent",
            plan.section
        ))
        .await;
    let section_name = section_name.as_str().expect("name");
    nothing_is_picked_from_an_old_list(browser, section_name, plan.section).await;
    choose(browser, "#section_id + .ta input", section_name).await;
    for topic in &plan.topics {
        choose(browser, "#topic_ids ~ .ta input", topic).await;
    }
    let keyword = browser.find("#keywords ~ .ta input").await;
    browser.type_text(&keyword, plan.keyword).await;
    browser.type_text(&keyword, ENTER).await;
    choose(browser, "#credit_0_who + .ta input", &plan.author).await;
    browser
        .type_text(&browser.find("#credit_0_role").await, "R")
        .await;
    let (agency, agency_role) = add_byline(browser).await;
    choose(browser, &agency, "Reuters").await;
    browser
        .type_text(&browser.find(&agency_role).await, "P")
        .await;
    let (third, _) = add_byline(browser).await;
    choose(browser, &third, &plan.second_author).await;
    let recommend = ".ta-cards + .ta input";
    browser
        .type_text(&browser.find(recommend).await, plan.recommended)
        .await;
    wait_for_options(browser, recommend).await;
    browser
        .type_text(&browser.find(recommend).await, DOWN)
        .await;
    browser
        .screenshot(&screenshot(&format!("typeahead-{}-listbox.png", plan.name)))
        .await;
    let found = axe_check(browser, axe, "the editor with a listbox open").await;
    let violations = found["violations"].as_array().cloned().unwrap_or_default();
    browser
        .type_text(&browser.find(recommend).await, ENTER)
        .await;
    recommend_a_suggestion(browser).await;
    browser
        .script("document.querySelector('[contenteditable=true]').focus(); return true;")
        .await;
    press_key_on(browser, ".editor-button-related").await;
    choose(browser, "dialog[open] input[role=combobox]", plan.related).await;
    browser
        .screenshot(&screenshot(&format!("typeahead-{}-filled.png", plan.name)))
        .await;
    violations
        .iter()
        .map(|v| format!("{}: {v}", plan.name))
        .collect()
}

async fn run(
    app: &TestApp,
    browser: &Browser,
    desk: &Desk<'_>,
    plan: &Plan,
    axe: &str,
) -> Vec<String> {
    browser
        .open(&format!("{}/admin/stories/{}", app.address, plan.story))
        .await;
    let problems = fill_the_form(browser, plan, axe).await;
    let related = browser.text(&browser.find("div[data-related]").await).await;
    assert!(
        related.contains(plan.related),
        "the related block shows its headline: {related}"
    );
    press_key_on(browser, "button[name=action][value=save]").await;
    let started = Instant::now();
    while !browser.url().await.contains("notice=") {
        assert!(started.elapsed() < Duration::from_secs(10), "not saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page = app.get(&public_path(app, plan.story).await).await;
    assert_eq!(page.status, 200, "{}", plan.name);
    for shown in [
        plan.topics[0].as_str(),
        plan.topics[1].as_str(),
        plan.keyword,
        plan.author.as_str(),
        "Reuters",
        plan.second_author.as_str(),
        plan.recommended,
        plan.related,
    ] {
        assert!(
            page.text.contains(shown),
            "{}: {shown} on the reader's page",
            plan.name
        );
    }
    let fields = desk.editor_fields(plan.story).await;
    assert!(
        fields.contains(&("section_id".into(), plan.section.to_string())),
        "{}",
        plan.name
    );
    problems
}

#[tokio::test]
async fn a_keyboard_user_fills_the_editor_with_type_ahead_fields_in_english_and_arabic() {
    let app = spawn_app().await;
    app.account(Role::Editor, "typeahead@test.example").await;
    let desk = app.desk_for("typeahead@test.example", 0).await;
    let axe = axe_source();
    let browser = Browser::start().await;
    log_in(&browser, &app, "typeahead@test.example").await;
    let mut problems = Vec::new();

    for (width, height) in [(1280, 1000), (390, 844)] {
        browser.resize(width, height).await;
        for language in ["en", "ar"] {
            let plan = plan(&app, &desk, language, width).await;
            problems.extend(run(&app, &browser, &desk, &plan, &axe).await);
        }
    }

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}
