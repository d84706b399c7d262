//! The language link as a reader meets it: visible on both pages of a linked pair, at
//! desktop and phone width, and passing the automated accessibility checks (screenshots
//! `read-in-{en,ar}-{width}.png`).

use store::Role;

use super::{ARABIC, ENGLISH, link, path_of, published};
use crate::browser::{axe_source, screenshot, violations_at};
use crate::helpers::spawn_app;
use crate::webdriver::Browser;

#[tokio::test]
async fn both_pages_of_a_linked_pair_show_the_language_link_and_pass_accessibility_checks() {
    let app = spawn_app().await;
    let editor = app.desk(Role::Editor).await;
    let english = published(&app, ENGLISH, 1).await.remove(0);
    let arabic = published(&app, ARABIC, 1).await.remove(0);
    link(&editor, english.id, &arabic.id.to_string()).await;
    let pages = [path_of(&app, &english).await, path_of(&app, &arabic).await];
    let axe = axe_source();
    let browser = Browser::start().await;
    let mut problems = Vec::new();

    for (width, height) in [(1280, 900), (390, 844)] {
        browser.resize(width, height).await;
        for (path, edition) in pages.iter().zip(["en", "ar"]) {
            problems.extend(violations_at(&browser, &axe, &app.address, path, width).await);
            let name = format!("read-in-{edition}-{width}.png");
            browser.screenshot(&screenshot(&name)).await;
            let shown = browser
                .script(
                    "const a = document.querySelector('.read-in a'); \
                     return !!a && a.getBoundingClientRect().width > 0;",
                )
                .await;
            assert_eq!(shown, serde_json::Value::Bool(true), "{path} at {width}px");
        }
    }

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}
