//! A reader in headless Chromium: opens the home page, follows a link to a story, reads it
//! at desktop and phone width, opens the mobile menu, and visits the Arabic edition.
//! Screenshots go to `target/screenshots/`.

use std::path::PathBuf;
use std::time::Duration;

use crate::helpers::spawn_app;
use crate::webdriver::Browser;

fn screenshot(name: &str) -> PathBuf {
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
    browser
        .screenshot(&screenshot("home-arabic-phone.png"))
        .await;
}
