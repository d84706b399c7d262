//! The newsroom in Arabic in headless Chromium: the dashboard, the story list and the
//! media library, right to left at desktop and phone width, with no WCAG 2.1 AA
//! violation. Screenshots go to `target/screenshots/newsroom-ar-*.png`.

use store::Role;

use crate::browser::{axe_source, screenshot, violations_at};
use crate::helpers::spawn_app;
use crate::newsroom_browser::log_in;
use crate::webdriver::Browser;

#[tokio::test]
async fn an_arabic_desk_works_right_to_left_on_desktop_and_phone_without_accessibility_faults() {
    let app = spawn_app().await;
    let axe = axe_source();
    let email = "huda@test.example";
    app.account_in(Role::Editor, email, "ar").await;

    let browser = Browser::start().await;
    browser.resize(1280, 1000).await;
    log_in(&browser, &app, email).await;
    let mut violations = Vec::new();
    for (width, height) in [(1280, 1000), (390, 844)] {
        browser.resize(width, height).await;
        for (name, path) in [
            ("dashboard", "/admin"),
            ("stories", "/admin/stories"),
            ("media", "/admin/media"),
        ] {
            violations.extend(violations_at(&browser, &axe, &app.address, path, width).await);
            let dir = browser.script("return document.documentElement.dir;").await;
            assert_eq!(dir, "rtl", "{path}");
            let overflow = browser
                .script("return document.documentElement.scrollWidth - window.innerWidth;")
                .await;
            assert!(
                overflow.as_i64().unwrap_or(0) <= 0,
                "{path} at {width}px scrolls sideways"
            );
            browser
                .screenshot(&screenshot(&format!("newsroom-ar-{name}-{width}.png")))
                .await;
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
