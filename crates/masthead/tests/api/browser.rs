//! A reader in headless Chromium: opens the home page, follows a link to a story, reads it
//! at desktop and phone width, opens the mobile menu, and visits the Arabic edition.
//! Screenshots go to `target/screenshots/`.

use std::path::PathBuf;
use std::time::Duration;

use crate::helpers::spawn_app;
use crate::webdriver::Browser;

/// Where a test keeps the screenshot `name`.
pub fn screenshot(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/screenshots")
        .join(name)
}

#[tokio::test]
async fn a_reader_follows_a_story_from_the_home_page_on_desktop_and_phone() {
    let app = spawn_app().await;
    let browser = Browser::start().await;
    browser.resize(1280, 900).await;

    browser.open(&format!("{}/", app.address)).await;
    browser.screenshot(&screenshot("home-desktop.png")).await;
    let link = browser.find(".lead .teaser-headline a").await;
    let headline = browser.text(&link).await;
    browser.click(&link).await;
    for _ in 0..50 {
        if browser.url().await != format!("{}/", app.address) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    assert_ne!(
        browser.url().await,
        format!("{}/", app.address),
        "the click opened the story"
    );
    assert_eq!(browser.text(&browser.find("h1").await).await, headline);
    assert!(browser.displayed(&browser.find(".byline").await).await);
    assert!(
        browser.displayed(&browser.find(".mega").await).await,
        "desktop menu"
    );
    assert!(
        !browser
            .displayed(&browser.find(".drawer summary").await)
            .await
    );
    assert!(
        browser.displayed(&browser.find(".copy-button").await).await,
        "copy button added by script"
    );
    browser.screenshot(&screenshot("story-desktop.png")).await;

    browser.resize(390, 844).await;
    let width = browser
        .script("return document.documentElement.scrollWidth")
        .await;
    assert!(
        width.as_u64().unwrap_or(9999) <= 390,
        "no sideways scrolling on a phone: {width}"
    );
    assert!(
        !browser.displayed(&browser.find(".mega").await).await,
        "no desktop menu on a phone"
    );
    let menu = browser.find(".drawer summary").await;
    assert!(browser.displayed(&menu).await);
    browser.screenshot(&screenshot("story-phone.png")).await;
    browser.click(&menu).await;
    assert!(
        browser.displayed(&browser.find(".drawer-nav").await).await,
        "the drawer opens"
    );
    browser.screenshot(&screenshot("menu-phone.png")).await;

    browser.open(&format!("{}/ar/", app.address)).await;
    let direction = browser
        .script("return getComputedStyle(document.body).direction")
        .await;
    assert_eq!(direction, "rtl");
    let width = browser
        .script("return document.documentElement.scrollWidth")
        .await;
    assert!(
        width.as_u64().unwrap_or(9999) <= 390,
        "no sideways scrolling right to left either: {width}"
    );
    browser
        .screenshot(&screenshot("home-arabic-phone.png"))
        .await;
}

/// Runs axe-core's WCAG 2.1 AA rules on the open page; returns its findings.
pub async fn axe_check(browser: &Browser, axe: &str, path: &str) -> serde_json::Value {
    browser.script(&format!("{axe}; return true;")).await;
    let found = browser
        .script_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']}) \
               .then(r => done({passes: r.passes.length, violations: r.violations.map(v => \
                 v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))}));",
        )
        .await;
    assert!(
        found["passes"].as_u64().unwrap_or(0) > 5,
        "axe ran on {path}: {found}"
    );
    found
}

/// Opens a path at the browser's size and lists axe's violations there, each labelled
/// with the path and `width`.
pub async fn violations_at(
    browser: &Browser,
    axe: &str,
    address: &str,
    path: &str,
    width: u32,
) -> Vec<String> {
    browser.open(&format!("{address}{path}")).await;
    let found = axe_check(browser, axe, path).await;
    let listed = found["violations"].as_array().into_iter().flatten();
    listed
        .map(|violation| format!("{path} at {width}px: {violation}"))
        .collect()
}

/// axe-core's browser bundle, installed from npm by `.ci/run` into `target/axe`.
pub fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} missing: npm install --prefix target/axe axe-core@4 (bash .ci/run does)",
            path.display()
        )
    })
}

#[tokio::test]
async fn pages_pass_automated_accessibility_checks_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let story = app.first_story_path("/politics/diplomacy").await;
    let arabic_story = app.first_story_path("/ar/world").await;
    let searches = crate::validity::search_paths(&app).await;
    let axe = axe_source();
    let browser = Browser::start().await;
    let mut problems = Vec::new();

    for (width, height) in [(1280, 900), (390, 844)] {
        browser.resize(width, height).await;
        let pages = [
            "/",
            "/world",
            story.as_str(),
            "/jobs",
            "/no-such-page",
            "/ar/",
            arabic_story.as_str(),
        ];
        for path in pages.into_iter().chain(searches.iter().map(String::as_str)) {
            problems.extend(violations_at(&browser, &axe, &app.address, path, width).await);
        }
    }

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn a_reader_signs_up_from_a_story_page_on_a_phone_and_the_script_does_the_work() {
    let sink = crate::smtp::SmtpSink::start().await;
    let app = crate::helpers::spawn_app_with(|config| sink.configure(config)).await;
    let story = app.first_story_path("/ar/world").await;
    let axe = axe_source();
    let browser = Browser::start().await;
    browser.resize(390, 844).await;
    browser.open(&format!("{}{story}", app.address)).await;
    let email = browser.find("#newsletter-email").await;
    browser.type_text(&email, "phone.reader@example.org").await;
    browser
        .click(&browser.find(".newsletter .consent input").await)
        .await;
    browser
        .screenshot(&screenshot("newsletter-box-phone-ar.png"))
        .await;
    browser
        .click(&browser.find(".newsletter button").await)
        .await;
    let check = format!("{}/ar/newsletter/check", app.address);
    for _ in 0..100 {
        if browser.url().await == check {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        browser.url().await,
        check,
        "the script solved the challenge and sent the form"
    );
    browser
        .screenshot(&screenshot("newsletter-check-phone-ar.png"))
        .await;
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.rcpt_tos, ["phone.reader@example.org"]);

    let mut problems = Vec::new();
    for path in ["/ar/newsletter/check", "/newsletter", "/ar/newsletter"] {
        browser.open(&format!("{}{path}", app.address)).await;
        let found = axe_check(&browser, &axe, path).await;
        for violation in found["violations"].as_array().into_iter().flatten() {
            problems.push(format!("{path}: {violation}"));
        }
    }
    browser
        .screenshot(&screenshot("newsletter-page-phone-ar.png"))
        .await;
    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}
